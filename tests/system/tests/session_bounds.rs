//! How long a sign-in lives and who may renew it: a copy of a refresh token is worth nothing even
//! moments after the desk spent it, a desk left unused for a week signs in again, and no sign-in
//! outlives its absolute lifetime however often it is refreshed.

use chrono::Duration;
use clock::ManualClock;
use protocol::{ErrorCode, RefreshRequest};
use sync::HeadOffice;
use system_tests::{now, sign_in_on_device_1 as sign_in, small_firm, TestHeadOffice};

fn refresh(token: &str, retry_key: Option<&str>) -> RefreshRequest {
    RefreshRequest {
        refresh_token: token.into(),
        device_id: "dev-1".into(),
        retry_key: retry_key.map(str::to_string),
    }
}

async fn refused(ho: &HeadOffice, req: &RefreshRequest) -> Option<ErrorCode> {
    ho.refresh(req).await.err().and_then(|e| e.code())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_copy_of_a_just_spent_refresh_token_ends_the_session() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let ho = HeadOffice::new(&head_office.base_url()).unwrap();
    let first = sign_in(&ho).await;
    // The desk spends its token; the answer reaches it.
    let desks = ho
        .refresh(&refresh(&first.refresh_token, Some("desk-key")))
        .await
        .unwrap();

    // A thief who copied the spent token off the machine, a minute later: no retry key, or a
    // guessed one. Either is a replay, and the whole sign-in ends, the desk's new token with it.
    assert_eq!(
        refused(&ho, &refresh(&first.refresh_token, Some("guess"))).await,
        Some(ErrorCode::SessionEnded)
    );
    assert_eq!(
        refused(&ho, &refresh(&desks.refresh_token, Some("next"))).await,
        Some(ErrorCode::SessionEnded),
        "the family is revoked"
    );

    // Without any key, the same.
    let second = sign_in(&ho).await;
    ho.refresh(&refresh(&second.refresh_token, Some("desk-key-2")))
        .await
        .unwrap();
    assert_eq!(
        refused(&ho, &refresh(&second.refresh_token, None)).await,
        Some(ErrorCode::SessionEnded)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_desk_itself_may_retry_a_lost_answer_with_its_key() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let ho = HeadOffice::new(&head_office.base_url()).unwrap();
    let first = sign_in(&ho).await;
    let _lost = ho
        .refresh(&refresh(&first.refresh_token, Some("desk-key")))
        .await
        .unwrap();
    let again = ho
        .refresh(&refresh(&first.refresh_token, Some("desk-key")))
        .await
        .unwrap();
    ho.refresh(&refresh(&again.refresh_token, Some("k2")))
        .await
        .expect("the retried answer carries on the session");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_desk_unused_for_a_week_signs_in_again() {
    let clock = ManualClock::at(now());
    let head_office = TestHeadOffice::start_at(&small_firm(), clock.clone()).await;
    let ho = HeadOffice::new(&head_office.base_url()).unwrap();
    let tokens = sign_in(&ho).await;
    clock.advance(Duration::days(6));
    let tokens = ho
        .refresh(&refresh(&tokens.refresh_token, Some("a")))
        .await
        .expect("six days idle is within a week");
    clock.advance(Duration::days(7) + Duration::minutes(1));
    assert_eq!(
        refused(&ho, &refresh(&tokens.refresh_token, Some("b"))).await,
        Some(ErrorCode::SessionEnded)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn no_sign_in_outlives_thirty_days_however_often_it_is_refreshed() {
    let clock = ManualClock::at(now());
    let head_office = TestHeadOffice::start_at(&small_firm(), clock.clone()).await;
    let ho = HeadOffice::new(&head_office.base_url()).unwrap();
    let mut tokens = sign_in(&ho).await;
    // A broker who works every day refreshes every day: 29 days pass without a password.
    for day in 1..30 {
        clock.advance(Duration::days(1));
        tokens = ho
            .refresh(&refresh(&tokens.refresh_token, Some(&format!("day-{day}"))))
            .await
            .unwrap_or_else(|e| panic!("day {day}: {e}"));
    }
    clock.advance(Duration::days(1));
    assert_eq!(
        refused(&ho, &refresh(&tokens.refresh_token, Some("day-30"))).await,
        Some(ErrorCode::SessionEnded),
        "on day 30 the password is needed again"
    );
    // A new sign-in starts a new lifetime.
    let fresh = sign_in(&ho).await;
    ho.refresh(&refresh(&fresh.refresh_token, Some("new")))
        .await
        .expect("a fresh sign-in refreshes");
}

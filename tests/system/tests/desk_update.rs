//! The two routes a desk updates itself through, over HTTP: they answer without the protocol
//! header (an old desk must still update), only to a signed-in caller, and refuse bad input in
//! the one error contract.

use protocol::{paths, ApiError, ErrorCode};
use reqwest::StatusCode;
use sync::HeadOffice;
use system_tests::{access_token, small_firm, TestHeadOffice};

async fn refusal(response: reqwest::Response, status: StatusCode) -> ApiError {
    assert_eq!(response.status(), status);
    let error: ApiError = response.json().await.unwrap();
    assert!(
        error
            .message
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{}",
        error.message
    );
    error
}

#[tokio::test(flavor = "multi_thread")]
async fn the_update_routes_serve_any_desk_version_but_only_signed_in_callers() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let token = access_token(&HeadOffice::new(&base).unwrap(), "broker01").await;
    let http = reqwest::Client::new();
    let check = format!("{base}{}", paths::DESK_UPDATE);
    let bundle = format!("{base}/api/v1/desk/update/0.1.1/appimage");

    let anonymous = http
        .get(&check)
        .query(&[("current", "0.1.0"), ("bundle", "appimage")]);
    let e = refusal(anonymous.send().await.unwrap(), StatusCode::UNAUTHORIZED).await;
    assert_eq!(e.code, ErrorCode::Unauthorized);
    let e = refusal(
        http.get(&bundle).send().await.unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_eq!(e.code, ErrorCode::Unauthorized);

    // No protocol header, as an old desk's updater sends none of ours: still answered.
    let nothing = http
        .get(&check)
        .bearer_auth(&token)
        .query(&[("current", "0.1.0"), ("bundle", "appimage")])
        .send()
        .await
        .unwrap();
    assert_eq!(nothing.status(), StatusCode::NO_CONTENT);

    for query in [
        vec![("current", "0.1"), ("bundle", "appimage")],
        vec![("current", "0.1.0"), ("bundle", "exe")],
        vec![("bundle", "deb")],
    ] {
        let response = http
            .get(&check)
            .bearer_auth(&token)
            .query(&query)
            .send()
            .await
            .unwrap();
        let e = refusal(response, StatusCode::BAD_REQUEST).await;
        assert_eq!(e.code, ErrorCode::BadRequest, "{query:?}");
    }
    let e = refusal(
        http.get(&bundle).bearer_auth(&token).send().await.unwrap(),
        StatusCode::NOT_FOUND,
    )
    .await;
    assert!(e.message.contains("0.1.1"), "{}", e.message);
    let e = refusal(
        http.get(format!("{base}/api/v1/desk/update/latest/appimage"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(e.message.contains("X.Y.Z"), "{}", e.message);
}

//! A broker's level moved in head office's console: 经纪业务管理部 (hq01) moves broker07 up a level
//! from the first of next month; the board shows it set ahead, broker07's pay terms (what the
//! desk computes pay with) carry it, finance reads it but may not move anyone, and the move is
//! in the operation log with its reason.

use chrono::{Datelike, Days, Months, NaiveDate};
use domain::pay_plan::PlanPeriod;
use protocol::broker_force::{LevelBoard, LevelMove, OrgChanged};
use protocol::console::StaffAction;
use protocol::{paths, PayTerms};
use reqwest::StatusCode;
use sync::HeadOffice;
use system_tests::console::Console;
use system_tests::{access_token, small_firm, TestHeadOffice, TODAY};

fn level_move(plan: &str, from: NaiveDate, reason: &str) -> LevelMove {
    LevelMove {
        broker_id: "B007".into(),
        plan_id: plan.into(),
        effective_from: from,
        reason: reason.into(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_manager_moves_a_broker_up_a_level_from_next_month() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let hq = access_token(&api, "hq01").await;
    let finance = access_token(&api, "finance01").await;
    let broker07 = access_token(&api, "broker07").await;

    let board: LevelBoard = console.read(&hq, paths::CONSOLE_LEVELS, &[]).await;
    let before = board
        .brokers
        .iter()
        .find(|b| b.broker_id == "B007")
        .expect("broker07 is on the board");
    let current = before.current.clone().expect("broker07 has a level");
    assert!(before.scheduled.is_empty());
    let up = board
        .levels
        .iter()
        .find(|l| l.plan_id != current.plan_id)
        .expect("another level")
        .plan_id
        .clone();

    let next_month = (TODAY.with_day(1).unwrap()) + Months::new(1);
    let reason = "年度考核优秀，晋升一级";
    for (bad, why) in [
        (level_move(&up, TODAY - Days::new(1), reason), "已过"),
        (
            level_move(&up, TODAY + Months::new(13), reason),
            "最多提前一年",
        ),
        (level_move("PP-NONE", next_month, reason), "找不到级别"),
        (level_move(&current.plan_id, next_month, reason), "无需调整"),
        (level_move(&up, next_month, ""), "调级原因"),
        (
            LevelMove {
                broker_id: "L01".into(),
                ..level_move(&up, next_month, reason)
            },
            "不是在岗的经纪人",
        ),
    ] {
        let (status, message) = console.refused(&hq, paths::CONSOLE_LEVEL_MOVE, &bad).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        assert!(message.contains(why), "{why}: {message}");
    }
    let (status, _) = console
        .refused(
            &finance,
            paths::CONSOLE_LEVEL_MOVE,
            &level_move(&up, next_month, reason),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let done: OrgChanged = console
        .ok(
            &hq,
            paths::CONSOLE_LEVEL_MOVE,
            &level_move(&up, next_month, reason),
        )
        .await;
    assert!(
        done.message.contains(&next_month.to_string()),
        "{}",
        done.message
    );

    // Finance reads the board: today's level unchanged, the move set ahead.
    let board: LevelBoard = console.read(&finance, paths::CONSOLE_LEVELS, &[]).await;
    let after = board
        .brokers
        .iter()
        .find(|b| b.broker_id == "B007")
        .unwrap();
    assert_eq!(after.current.as_ref(), Some(&current));
    assert_eq!(
        after.scheduled,
        [PlanPeriod {
            plan_id: up.clone(),
            effective_from: next_month,
        }]
    );

    // The desk computes pay with the terms it pulls: the rest of this month at the old level.
    let terms: PayTerms = console.read(&broker07, paths::PAY_TERMS, &[]).await;
    let in_force =
        |day: NaiveDate| PlanPeriod::in_force(&terms.periods, day).map(|p| p.plan_id.clone());
    assert_eq!(in_force(TODAY), Some(current.plan_id.clone()));
    assert_eq!(in_force(next_month), Some(up.clone()));

    let day = TODAY.to_string();
    let log: Vec<StaffAction> = console
        .read(
            &access_token(&api, "compliance01").await,
            paths::CONSOLE_ACTIONS,
            &[("from", &day), ("until", &day), ("q", "级别调整 B007")],
        )
        .await;
    assert_eq!(log.len(), 1, "{log:?}");
    assert!(log[0].detail.contains(reason), "{}", log[0].detail);
}

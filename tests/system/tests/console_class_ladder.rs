//! Each class its own ladder of levels, and so its own pay (职级序列): the demo firm's broker05, a
//! 理财顾问, became a 投资顾问 on the 10th of last month by a level move. Its desk pays each
//! class's level for its days and matches head office's statement to the fen; 考核 ranks the
//! month before among 理财顾问's level and last month among 投资顾问; the level board shows each
//! level's class. 经纪业务管理部 moves broker01 to 理财顾问 from next month, which the board and
//! the operation log say in words, while today's class stays.

use chrono::{Datelike, Months};
use domain::appraisal::Appraised;
use protocol::broker_force::{AppraisalBoard, LevelBoard, LevelMove, OrgChanged};
use protocol::paths;
use sync::HeadOffice;
use system_tests::console::{cohort_of, Console};
use system_tests::{access_token, small_firm, TestDesk, TestHeadOffice, TODAY};

fn class_today<'a>(board: &'a LevelBoard, broker: &str) -> Option<&'a str> {
    board
        .brokers
        .iter()
        .find(|b| b.broker_id == broker)
        .and_then(|b| b.class_id.as_deref())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_broker_moved_to_another_class_mid_month_is_paid_and_appraised_by_each_for_its_days() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let hq = access_token(&api, "hq01").await;
    let this_month = TODAY.with_day(1).unwrap();
    let last_month = this_month - Months::new(1);

    // The desk pays last month by 理财顾问（二级） until the 9th, then by 投资顾问（二级）, and
    // agrees with the statement head office published.
    let desk = TestDesk::synced(&base, "broker05").await;
    let month = desk.with_store(|s| s.commission_month("B005", last_month, TODAY).unwrap());
    let plans: Vec<&str> = month
        .pay
        .segments
        .iter()
        .map(|s| s.plan_id.as_str())
        .collect();
    assert_eq!(plans, ["PP-FA2", "PP-IA2"]);
    let view = desk.with_store(|s| s.reconcile("B005", last_month).unwrap());
    let statement = view.statement.as_ref().expect("last month is published");
    assert!(view.differences.is_empty(), "{:?}", view.differences);
    assert_eq!(view.desk.base, statement.base);
    assert_eq!(view.desk.share, statement.share);
    assert_eq!(view.desk.total, statement.total);

    // 考核: last month among 投资顾问 (their class has its own scheme), the month before by
    // 理财顾问（二级）, the level held then.
    let month_param = |m: chrono::NaiveDate| m.to_string();
    let last: AppraisalBoard = console
        .read(
            &hq,
            paths::CONSOLE_APPRAISAL,
            &[("month", &month_param(last_month))],
        )
        .await;
    assert_eq!(
        cohort_of(&last, "B005"),
        Some(Appraised::Class("CL-IA".into()))
    );
    let before: AppraisalBoard = console
        .read(
            &hq,
            paths::CONSOLE_APPRAISAL,
            &[("month", &month_param(last_month - Months::new(1)))],
        )
        .await;
    assert_eq!(
        cohort_of(&before, "B005"),
        Some(Appraised::Level("PP-FA2".into()))
    );

    // The board: every level names its class, broker05 is a 投资顾问 today although it was
    // placed among 理财顾问 by hand.
    let board: LevelBoard = console.read(&hq, paths::CONSOLE_LEVELS, &[]).await;
    let class_of_level = |id: &str| {
        board
            .levels
            .iter()
            .find(|l| l.plan_id == id)
            .and_then(|l| l.class_id.clone())
    };
    assert_eq!(class_of_level("PP-AM3").as_deref(), Some("CL-AM"));
    assert_eq!(class_of_level("PP-FA1").as_deref(), Some("CL-FA"));
    assert_eq!(class_of_level("PP-IA2").as_deref(), Some("CL-IA"));
    assert_eq!(class_today(&board, "B005"), Some("CL-IA"));
    assert_eq!(class_today(&board, "B001"), Some("CL-AM"));

    // broker01 becomes a 理财顾问 from next month: the move says so; today it is still a 客户经理.
    let next_month = this_month + Months::new(1);
    let to_adviser = LevelMove {
        broker_id: "B001".into(),
        plan_id: "PP-FA1".into(),
        effective_from: next_month,
        reason: "转岗理财顾问".into(),
    };
    let done: OrgChanged = console
        .ok(&hq, paths::CONSOLE_LEVEL_MOVE, &to_adviser)
        .await;
    assert!(
        done.message.contains("类别随之改为理财顾问"),
        "{}",
        done.message
    );
    let board: LevelBoard = console.read(&hq, paths::CONSOLE_LEVELS, &[]).await;
    assert_eq!(class_today(&board, "B001"), Some("CL-AM"));
    // A move along the same ladder says nothing of a class.
    let done: OrgChanged = console
        .ok(
            &hq,
            paths::CONSOLE_LEVEL_MOVE,
            &LevelMove {
                broker_id: "B002".into(),
                plan_id: "PP-AM2".into(),
                ..to_adviser
            },
        )
        .await;
    assert!(!done.message.contains("类别"), "{}", done.message);

    let compliance = access_token(&api, "compliance01").await;
    let log = console.operation_log(&compliance, TODAY, TODAY).await;
    assert!(log
        .iter()
        .any(|a| a.action == "级别调整" && a.detail.contains("类别随之改为理财顾问")));
}

//! A broker's level moved in head office's console: 经纪业务管理部 (hq01) moves broker07 up a level
//! from the first of next month; the board shows it set ahead, broker07's pay terms (what the
//! desk computes pay with) carry it, finance reads it but may not move anyone, and the move is
//! in the operation log with its reason.

use chrono::{Datelike, Days, Months, NaiveDate};
use domain::appraisal::{AppraisalScheme, Appraised, Measure, Weight};
use domain::pay_plan::PlanPeriod;
use protocol::broker_force::{
    AppraisalBoard, AppraisalMonth, AppraisalsPublished, LevelBoard, LevelMove, OrgChanged,
    PublishedAppraisal, SchemeChange,
};
use protocol::console::StaffAction;
use protocol::{paths, PayTerms};
use reqwest::StatusCode;
use sync::HeadOffice;
use system_tests::console::{cohort_of, Console};
use system_tests::{access_token, small_firm, TestDesk, TestHeadOffice, TODAY};

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

#[tokio::test(flavor = "multi_thread")]
async fn the_month_is_appraised_level_by_level_and_a_level_move_changes_the_peers() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let hq = access_token(&api, "hq01").await;
    let finance = access_token(&api, "finance01").await;

    let board: AppraisalBoard = console.read(&finance, paths::CONSOLE_APPRAISAL, &[]).await;
    assert_eq!(board.as_of, TODAY);
    let levels = console
        .read::<LevelBoard>(&hq, paths::CONSOLE_LEVELS, &[])
        .await;
    let appraised: usize = board.cohorts.iter().map(|c| c.brokers.len()).sum();
    assert_eq!(appraised + board.without_level.len(), levels.brokers.len());
    for cohort in &board.cohorts {
        let weights: u32 = cohort.scheme.weights.iter().map(|w| w.percent).sum();
        assert_eq!(weights, 100, "{}", cohort.name);
        let n = cohort.brokers.len() as u32;
        assert_eq!(cohort.brokers[0].card.rank, 1);
        for pair in cohort.brokers.windows(2) {
            assert!(pair[0].card.total >= pair[1].card.total);
        }
        for b in &cohort.brokers {
            assert_eq!(b.card.peers, n);
            // The figures behind the score are the broker's month.
            let commission = b
                .card
                .parts
                .iter()
                .find(|p| p.measure == Measure::NetCommission)
                .unwrap();
            assert_eq!(commission.figure, b.figures.net_commission.0);
            assert_eq!(
                b.card.total,
                b.card.parts.iter().map(|p| p.points).sum::<u32>()
            );
        }
        // Whoever alone has the level's highest net commission stands first on it.
        let best = cohort
            .brokers
            .iter()
            .map(|b| b.figures.net_commission)
            .max()
            .unwrap();
        let leaders: Vec<_> = cohort
            .brokers
            .iter()
            .filter(|b| b.figures.net_commission == best)
            .collect();
        if leaders.len() == 1 && n > 1 {
            let part = leaders[0]
                .card
                .parts
                .iter()
                .find(|p| p.measure == Measure::NetCommission)
                .unwrap();
            assert_eq!(part.standing, 100);
        }
    }
    // The demo's 一级 has its own scheme; the others the firm's default.
    let senior = board
        .cohorts
        .iter()
        .find(|c| c.cohort == Appraised::Level("PP-AM1".into()))
        .unwrap();
    assert!(senior.own_scheme);
    assert!(senior
        .scheme
        .weights
        .iter()
        .any(|w| w.measure == Measure::NetNewAssets && w.percent == 30));

    // 三级 appraised on net commission alone: its ranking follows the commission.
    let only_commission = |percent| SchemeChange {
        scheme: AppraisalScheme {
            applies_to: Appraised::Level("PP-AM3".into()),
            weights: vec![Weight {
                measure: Measure::NetCommission,
                percent,
            }],
        },
        reason: "本季度以业绩为唯一考核口径".into(),
    };
    let (status, message) = console
        .refused(&hq, paths::CONSOLE_APPRAISAL_SCHEME, &only_commission(90))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("合计须为 100%"), "{message}");
    let (status, _) = console
        .refused(
            &finance,
            paths::CONSOLE_APPRAISAL_SCHEME,
            &only_commission(100),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let _: OrgChanged = console
        .ok(&hq, paths::CONSOLE_APPRAISAL_SCHEME, &only_commission(100))
        .await;
    let board_now: AppraisalBoard = console.read(&hq, paths::CONSOLE_APPRAISAL, &[]).await;
    let junior = board_now
        .cohorts
        .iter()
        .find(|c| c.cohort == Appraised::Level("PP-AM3".into()))
        .unwrap();
    assert_eq!(junior.scheme.weights.len(), 1);
    for pair in junior.brokers.windows(2) {
        assert!(pair[0].figures.net_commission >= pair[1].figures.net_commission);
    }

    // broker02 (a 客户经理, whose class has no scheme of its own) moves to another level from
    // today: this month it is appraised among that level's brokers.
    let was = cohort_of(&board, "B002").expect("broker02 is appraised");
    let to = if was == Appraised::Level("PP-AM1".into()) {
        "PP-AM2"
    } else {
        "PP-AM1"
    };
    let _: OrgChanged = console
        .ok(
            &hq,
            paths::CONSOLE_LEVEL_MOVE,
            &LevelMove {
                broker_id: "B002".into(),
                ..level_move(to, TODAY, "业绩突出，提前晋升")
            },
        )
        .await;
    let board: AppraisalBoard = console.read(&hq, paths::CONSOLE_APPRAISAL, &[]).await;
    assert_eq!(cohort_of(&board, "B002"), Some(Appraised::Level(to.into())));
    // Last month, broker02 was still at its old level.
    let last_month = (TODAY.with_day(1).unwrap() - Months::new(1)).to_string();
    let earlier: AppraisalBoard = console
        .read(&hq, paths::CONSOLE_APPRAISAL, &[("month", &last_month)])
        .await;
    assert_eq!(cohort_of(&earlier, "B002"), Some(was));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_published_month_reaches_each_brokers_desk_with_their_own_card_only() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let hq = access_token(&api, "hq01").await;
    let desk = TestDesk::synced(&base, "broker07").await;
    assert!(desk.with_store(|s| s.appraisals().unwrap()).is_empty());

    let this_month = TODAY.with_day(1).unwrap();
    let (status, message) = console
        .refused(
            &hq,
            paths::CONSOLE_APPRAISAL_PUBLISH,
            &AppraisalMonth { month: TODAY },
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("尚未结束"), "{message}");

    let last_month = this_month - Months::new(1);
    let published: AppraisalsPublished = console
        .ok(
            &hq,
            paths::CONSOLE_APPRAISAL_PUBLISH,
            &AppraisalMonth { month: last_month },
        )
        .await;
    assert_eq!(published.month, last_month);
    let board: AppraisalBoard = console
        .read(
            &hq,
            paths::CONSOLE_APPRAISAL,
            &[("month", &last_month.to_string())],
        )
        .await;
    let appraised: usize = board.cohorts.iter().map(|c| c.brokers.len()).sum();
    assert_eq!(published.brokers as usize, appraised);
    let expected = board
        .cohorts
        .iter()
        .flat_map(|c| c.brokers.iter())
        .find(|b| b.card.broker_id == "B007")
        .unwrap()
        .card
        .clone();

    desk.sync().await;
    let cards = desk.with_store(|s| s.appraisals().unwrap());
    assert_eq!(cards.len(), 1);
    assert_eq!(cards[0].month, last_month);
    assert_eq!(cards[0].card, expected);
    // Publishing again replaces the month rather than adding to it.
    let _: AppraisalsPublished = console
        .ok(
            &hq,
            paths::CONSOLE_APPRAISAL_PUBLISH,
            &AppraisalMonth { month: last_month },
        )
        .await;
    let mine: Vec<PublishedAppraisal> = console
        .read(
            &access_token(&api, "broker07").await,
            paths::APPRAISALS,
            &[],
        )
        .await;
    assert_eq!(mine.len(), 1);
    assert!(mine.iter().all(|c| c.card.broker_id == "B007"));
}

//! 考核 by class: the demo firm's 投资顾问 (CL-IA) have their own scheme, so they are ranked among
//! themselves whatever their level. 经纪业务管理部 gives 理财顾问 a scheme of their own too,
//! takes 投资顾问's away (they go back to their levels), and broker07's desk shows the class it
//! was ranked in.

use chrono::{Datelike, Months};
use domain::appraisal::{AppraisalScheme, Appraised, CohortKind, Measure, Weight};
use domain::broker_category::CategoryKind;
use protocol::broker_force::{
    AppraisalBoard, AppraisalCohort, LevelBoard, OrgChanged, SchemeChange, SchemeRemoval,
};
use protocol::paths;
use reqwest::StatusCode;
use sync::HeadOffice;
use system_tests::console::{cards_on_desk, cohort_of, Console};
use system_tests::{access_token, small_firm, TestHeadOffice, TODAY};

fn class(id: &str) -> Appraised {
    Appraised::Class(id.into())
}

fn cohort<'a>(board: &'a AppraisalBoard, who: &Appraised) -> Option<&'a AppraisalCohort> {
    board.cohorts.iter().find(|c| &c.cohort == who)
}

fn satisfaction_only(of: Appraised) -> SchemeChange {
    SchemeChange {
        scheme: AppraisalScheme {
            applies_to: of,
            weights: vec![Weight {
                measure: Measure::Satisfaction,
                percent: 100,
            }],
        },
        reason: "理财顾问以客户满意度为主要考核口径".into(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_class_with_its_own_scheme_is_ranked_among_itself_and_falls_back_to_levels() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let hq = access_token(&api, "hq01").await;
    let finance = access_token(&api, "finance01").await;
    let levels: LevelBoard = console.read(&hq, paths::CONSOLE_LEVELS, &[]).await;
    let in_class = |id: &str| -> Vec<String> {
        let mut ids: Vec<String> = levels
            .brokers
            .iter()
            .filter(|b| b.class_id.as_deref() == Some(id))
            .map(|b| b.broker_id.clone())
            .collect();
        ids.sort();
        ids
    };
    let members = |c: &AppraisalCohort| -> Vec<String> {
        let mut ids: Vec<String> = c.brokers.iter().map(|b| b.card.broker_id.clone()).collect();
        ids.sort();
        ids
    };

    // The demo's 投资顾问 are one cohort, by their class's scheme, and in no level's.
    let board: AppraisalBoard = console.read(&finance, paths::CONSOLE_APPRAISAL, &[]).await;
    assert!(board.classes.iter().all(|c| c.kind == CategoryKind::Class));
    assert_eq!(board.classes.len(), 3);
    let advisers = cohort(&board, &class("CL-IA")).expect("投资顾问 are appraised as a class");
    assert_eq!(advisers.name, "投资顾问");
    assert!(advisers.own_scheme);
    assert_eq!(members(advisers), in_class("CL-IA"));
    assert!(members(advisers).contains(&"B007".to_string()));
    let peers = advisers.brokers.len() as u32;
    assert!(advisers.brokers.iter().all(|b| b.card.peers == peers));
    assert_eq!(cohort(&board, &class("CL-FA")), None);

    // Refusals: a class or group that is not a class, weights off 100, a reader's write.
    console
        .refuses(
            &hq,
            paths::CONSOLE_APPRAISAL_SCHEME,
            &satisfaction_only(class("CL-NONE")),
            "不存在",
        )
        .await;
    console
        .refuses(
            &hq,
            paths::CONSOLE_APPRAISAL_SCHEME,
            &satisfaction_only(class("GR-BANK")),
            "类别 GR-BANK 不存在",
        )
        .await;
    let (status, _) = console
        .refused(
            &finance,
            paths::CONSOLE_APPRAISAL_SCHEME,
            &satisfaction_only(class("CL-FA")),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let removal = |of: Appraised| SchemeRemoval {
        applies_to: of,
        reason: "投资顾问改按级别统一考核".into(),
    };
    let (status, _) = console
        .refused(
            &finance,
            paths::CONSOLE_APPRAISAL_SCHEME_REMOVE,
            &removal(class("CL-IA")),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, message) = console
        .refused(
            &hq,
            paths::CONSOLE_APPRAISAL_SCHEME_REMOVE,
            &removal(class("CL-FA")),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{message}");
    assert!(message.contains("没有自己的考核方案"), "{message}");

    // 理财顾问 get their own scheme: one cohort, ranked by satisfaction alone.
    let done: OrgChanged = console
        .ok(
            &hq,
            paths::CONSOLE_APPRAISAL_SCHEME,
            &satisfaction_only(class("CL-FA")),
        )
        .await;
    assert!(done.message.contains("类别“理财顾问”"), "{}", done.message);
    let board: AppraisalBoard = console.read(&hq, paths::CONSOLE_APPRAISAL, &[]).await;
    let planners = cohort(&board, &class("CL-FA")).expect("理财顾问 appraised as a class");
    assert_eq!(members(planners), in_class("CL-FA"));
    for pair in planners.brokers.windows(2) {
        let score = |b: &protocol::broker_force::BrokerAppraisal| b.card.parts[0].figure;
        assert!(score(&pair[0]) >= score(&pair[1]));
    }
    // Classes come first, then the levels; nobody is counted twice.
    assert!(matches!(board.cohorts[0].cohort, Appraised::Class(_)));
    let appraised: usize = board.cohorts.iter().map(|c| c.brokers.len()).sum();
    assert_eq!(appraised + board.without_level.len(), levels.brokers.len());

    // Last month's cards reach broker07's desk, naming the class it was ranked in.
    let last_month = TODAY.with_day(1).unwrap() - Months::new(1);
    let cards = cards_on_desk(&console, &hq, last_month, "broker07").await;
    assert_eq!(cards.len(), 1);
    assert_eq!(cards[0].cohort_name, "投资顾问");
    assert_eq!(cards[0].ranked_among, CohortKind::Class);

    // 投资顾问's scheme is taken away: each goes back to their level's cohort.
    let done: OrgChanged = console
        .ok(
            &hq,
            paths::CONSOLE_APPRAISAL_SCHEME_REMOVE,
            &removal(class("CL-IA")),
        )
        .await;
    assert!(
        done.message.contains("改按各自组别或级别的方案考核"),
        "{}",
        done.message
    );
    let board: AppraisalBoard = console.read(&hq, paths::CONSOLE_APPRAISAL, &[]).await;
    assert_eq!(cohort(&board, &class("CL-IA")), None);
    assert!(matches!(
        cohort_of(&board, "B007"),
        Some(Appraised::Level(_))
    ));
    let (status, _) = console
        .refused(
            &hq,
            paths::CONSOLE_APPRAISAL_SCHEME_REMOVE,
            &removal(class("CL-IA")),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let compliance = access_token(&api, "compliance01").await;
    let log = console.operation_log(&compliance, TODAY, TODAY).await;
    let line = log
        .iter()
        .find(|a| a.action == "取消考核方案")
        .expect("the removal is logged");
    assert!(
        line.detail.contains("投资顾问改按级别统一考核"),
        "{}",
        line.detail
    );
    assert!(log
        .iter()
        .any(|a| a.action == "调整考核方案" && a.detail.contains("理财顾问")));
}

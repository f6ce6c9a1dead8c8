//! 考核 by group: 经纪业务管理部 gives 银行渠道 (GR-BANK) a scheme of its own, so its brokers are
//! ranked among their group, except those whose class has a scheme (投资顾问), who stay with
//! their class. The group of each month is the one of its last day: broker04 joined 银行渠道 on
//! the 16th of last month, so the month before is appraised by level, and a move to another
//! group today leaves last month where it was worked. broker04's desk names the group. A class
//! placed by hand has a history too.

use chrono::{Datelike, Days, Months};
use domain::appraisal::{AppraisalScheme, Appraised, CohortKind, Measure, Weight};
use domain::broker_category::CategoryKind;
use head_office_storage::categories::BrokerCategories;
use head_office_storage::pay::PlanAssignment;
use head_office_storage::Storage;
use protocol::broker_force::{
    AppraisalBoard, BrokerCategorization, LevelBoard, OrgChanged, SchemeChange, SchemeRemoval,
};
use protocol::paths;
use sync::HeadOffice;
use system_tests::console::{cards_on_desk, cohort_of, Console};
use system_tests::{access_token, small_firm, TestHeadOffice, TODAY};

fn group(id: &str) -> Appraised {
    Appraised::Group(id.into())
}

fn new_assets_first(of: Appraised) -> SchemeChange {
    let w = |measure, percent| Weight { measure, percent };
    SchemeChange {
        scheme: AppraisalScheme {
            applies_to: of,
            weights: vec![
                w(Measure::NetNewAssets, 60),
                w(Measure::NetCommission, 20),
                w(Measure::Satisfaction, 20),
            ],
        },
        reason: "银行渠道以引入资产为主".into(),
    }
}

async fn board_of(console: &Console, token: &str, month: chrono::NaiveDate) -> AppraisalBoard {
    let month = month.to_string();
    console
        .read(
            token,
            paths::CONSOLE_APPRAISAL,
            &[("month", month.as_str())],
        )
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_group_with_its_own_scheme_is_ranked_among_itself_by_the_group_of_the_month() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let hq = access_token(&api, "hq01").await;
    let this_month = TODAY.with_day(1).unwrap();
    let last_month = this_month - Months::new(1);
    let month_before = last_month - Months::new(1);

    // The board offers every group for a scheme; none has one yet.
    let board = board_of(&console, &hq, this_month).await;
    assert_eq!(board.groups.len(), 3);
    assert!(board.groups.iter().all(|g| g.kind == CategoryKind::Group));
    assert!(board
        .cohorts
        .iter()
        .all(|c| c.cohort.kind() != CohortKind::Group));

    // A scheme for a group not on the list, or for a class named as a group, is refused.
    for (bad, why) in [
        ("GR-NONE", "组别 GR-NONE 不存在"),
        ("CL-FA", "组别 CL-FA 不存在"),
    ] {
        console
            .refuses(
                &hq,
                paths::CONSOLE_APPRAISAL_SCHEME,
                &new_assets_first(group(bad)),
                why,
            )
            .await;
    }
    let done: OrgChanged = console
        .ok(
            &hq,
            paths::CONSOLE_APPRAISAL_SCHEME,
            &new_assets_first(group("GR-BANK")),
        )
        .await;
    assert!(done.message.contains("组别“银行渠道”"), "{}", done.message);

    // This month: the bank channel's brokers are one cohort, but a 投资顾问 among them stays
    // with their class, whose scheme comes first.
    let levels: LevelBoard = console.read(&hq, paths::CONSOLE_LEVELS, &[]).await;
    let board = board_of(&console, &hq, this_month).await;
    let bank = board
        .cohorts
        .iter()
        .find(|c| c.cohort == group("GR-BANK"))
        .expect("银行渠道 appraised as a group");
    assert_eq!(bank.name, "银行渠道");
    assert!(bank.own_scheme);
    let mut members: Vec<&str> = bank
        .brokers
        .iter()
        .map(|b| b.card.broker_id.as_str())
        .collect();
    members.sort_unstable();
    let mut expected: Vec<&str> = levels
        .brokers
        .iter()
        .filter(|b| b.group_id.as_deref() == Some("GR-BANK"))
        .filter(|b| b.class_id.as_deref() != Some("CL-IA"))
        .map(|b| b.broker_id.as_str())
        .collect();
    expected.sort_unstable();
    assert_eq!(members, expected);
    assert!(members.contains(&"B004"));
    let bank_adviser = levels
        .brokers
        .iter()
        .find(|b| {
            b.group_id.as_deref() == Some("GR-BANK") && b.class_id.as_deref() == Some("CL-IA")
        })
        .expect("the demo firm has a 投资顾问 in the bank channel");
    assert_eq!(
        cohort_of(&board, &bank_adviser.broker_id),
        Some(Appraised::Class("CL-IA".into()))
    );
    let appraised: usize = board.cohorts.iter().map(|c| c.brokers.len()).sum();
    assert_eq!(appraised + board.without_level.len(), levels.brokers.len());

    // broker04 joined 银行渠道 on the 16th of last month: last month ends in the group, the
    // month before by level.
    let last = board_of(&console, &hq, last_month).await;
    assert_eq!(cohort_of(&last, "B004"), Some(group("GR-BANK")));
    let before = board_of(&console, &hq, month_before).await;
    assert!(matches!(
        cohort_of(&before, "B004"),
        Some(Appraised::Level(_))
    ));

    // Moved to 互联网渠道 today: this month is appraised by level, last month is not touched.
    let regroup = |group: &str| BrokerCategorization {
        broker_id: "B004".into(),
        class_id: Some("CL-AM".into()),
        group_id: Some(group.into()),
        reason: "调整服务渠道".into(),
    };
    let done: OrgChanged = console
        .ok(&hq, paths::CONSOLE_BROKER_CATEGORIZE, &regroup("GR-ONLINE"))
        .await;
    assert!(
        done.message.contains(&format!(
            "类别 客户经理，组别 互联网渠道；自 {TODAY} 起生效，此前的月份仍按原组别"
        )),
        "{}",
        done.message
    );
    let board = board_of(&console, &hq, this_month).await;
    assert!(matches!(
        cohort_of(&board, "B004"),
        Some(Appraised::Level(_))
    ));
    let last = board_of(&console, &hq, last_month).await;
    assert_eq!(cohort_of(&last, "B004"), Some(group("GR-BANK")));

    // Last month's card reaches broker04's desk, naming the group it was ranked in.
    let cards = cards_on_desk(&console, &hq, last_month, "broker04").await;
    assert_eq!(cards.len(), 1);
    assert_eq!(cards[0].cohort_name, "银行渠道");
    assert_eq!(cards[0].ranked_among, CohortKind::Group);

    // The group's scheme is taken away: its brokers go back to their levels.
    let done: OrgChanged = console
        .ok(
            &hq,
            paths::CONSOLE_APPRAISAL_SCHEME_REMOVE,
            &SchemeRemoval {
                applies_to: group("GR-BANK"),
                reason: "银行渠道改回按级别考核".into(),
            },
        )
        .await;
    assert!(
        done.message.contains("改按各自级别的方案考核"),
        "{}",
        done.message
    );
    let board = board_of(&console, &hq, this_month).await;
    assert!(board.cohorts.iter().all(|c| c.cohort != group("GR-BANK")));
    // A second move the same day replaces the first: the day's group is the last one chosen.
    let _: OrgChanged = console
        .ok(&hq, paths::CONSOLE_BROKER_CATEGORIZE, &regroup("GR-BANK"))
        .await;
    let periods = head_office
        .storage
        .broker_category_periods(CategoryKind::Group)
        .unwrap();
    let b004 = &periods["B004"];
    assert_eq!(b004.len(), 3, "{b004:?}");
    assert_eq!(b004[2].effective_from, TODAY);
    assert_eq!(b004[2].category_id.as_deref(), Some("GR-BANK"));
    assert_eq!(
        b004[1].effective_from,
        last_month + Days::new(15),
        "{b004:?}"
    );
}

/// A class placed by hand, for a level on no class's ladder, has a history too: the month before
/// a 分类 is appraised in the class it ended in.
#[tokio::test(flavor = "multi_thread")]
async fn a_class_placed_by_hand_counts_from_its_day_on() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let hq = access_token(&api, "hq01").await;
    let this_month = TODAY.with_day(1).unwrap();
    let last_month = this_month - Months::new(1);

    // IT's pay file puts broker07, a 投资顾问, on a trainee level of no ladder since the month
    // before last: their class is then the one placed by hand.
    let mut pay = head_office.storage.pay_settings().unwrap();
    let mut trainee = pay.plans[0].clone();
    trainee.id = "TR".into();
    trainee.name = "见习经纪人".into();
    pay.plans.push(trainee);
    pay.assignments.push(PlanAssignment {
        broker_id: "B007".into(),
        plan_id: "TR".into(),
        effective_from: last_month - Months::new(1),
    });
    head_office.storage.set_pay_settings(&pay).unwrap();
    let last = board_of(&console, &hq, last_month).await;
    assert_eq!(
        cohort_of(&last, "B007"),
        Some(Appraised::Class("CL-IA".into()))
    );

    // Placed among 理财顾问 today, who get a scheme of their own: this month is theirs, last
    // month stays with 投资顾问.
    let done: OrgChanged = console
        .ok(
            &hq,
            paths::CONSOLE_BROKER_CATEGORIZE,
            &BrokerCategorization {
                broker_id: "B007".into(),
                class_id: Some("CL-FA".into()),
                group_id: Some("GR-BRANCH".into()),
                reason: "转做理财顾问".into(),
            },
        )
        .await;
    assert!(
        done.message.contains("此前的月份仍按原类别"),
        "{}",
        done.message
    );
    let _: OrgChanged = console
        .ok(
            &hq,
            paths::CONSOLE_APPRAISAL_SCHEME,
            &new_assets_first(Appraised::Class("CL-FA".into())),
        )
        .await;
    let now = board_of(&console, &hq, this_month).await;
    assert_eq!(
        cohort_of(&now, "B007"),
        Some(Appraised::Class("CL-FA".into()))
    );
    let last = board_of(&console, &hq, last_month).await;
    assert_eq!(
        cohort_of(&last, "B007"),
        Some(Appraised::Class("CL-IA".into()))
    );
}

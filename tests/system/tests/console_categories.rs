//! Brokers' classes and groups in head office's console (分类、分组): the demo firm places every
//! broker; 经纪业务管理部 adds a class to the firm's lists and moves broker07 to another group,
//! and, once broker07 is on a level of no class's ladder, to another class; the level board
//! shows both; what does not fit the lists, or the broker's level, is refused in Chinese; the
//! changes are in the operation log.

use domain::broker_category::{BrokerCategory, CategoryKind};
use domain::pay_plan::{PayPlan, ShareBand};
use domain::{Fen, Rate};
use protocol::broker_force::{
    BrokerCategorization, LevelBoard, LevelMove, NewBrokerCategory, OrgChanged,
};
use protocol::console::{PayPlanChange, PayPlanOverview};
use protocol::paths;
use sync::HeadOffice;
use system_tests::console::Console;
use system_tests::{access_token, now, small_firm, TestHeadOffice, TODAY};

const REASON: &str = "按渠道与岗位重新分类";

fn category(id: &str, kind: CategoryKind, name: &str) -> NewBrokerCategory {
    NewBrokerCategory {
        category: BrokerCategory {
            id: id.into(),
            kind,
            name: name.into(),
        },
        reason: REASON.into(),
    }
}

fn placement(class: Option<&str>, group: Option<&str>) -> BrokerCategorization {
    BrokerCategorization {
        broker_id: "B007".into(),
        class_id: class.map(Into::into),
        group_id: group.map(Into::into),
        reason: REASON.into(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_manager_adds_a_class_and_places_a_broker_in_a_class_and_a_group() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let hq = access_token(&api, "hq01").await;

    let board: LevelBoard = console.read(&hq, paths::CONSOLE_LEVELS, &[]).await;
    let kinds =
        |board: &LevelBoard, kind| board.categories.iter().filter(|c| c.kind == kind).count();
    assert_eq!(
        kinds(&board, CategoryKind::Class),
        3,
        "{:?}",
        board.categories
    );
    assert_eq!(kinds(&board, CategoryKind::Group), 3);
    let b007 = board
        .brokers
        .iter()
        .find(|b| b.broker_id == "B007")
        .unwrap();
    assert_eq!(
        (b007.class_id.as_deref(), b007.group_id.as_deref()),
        (Some("CL-IA"), Some("GR-BRANCH")),
        "the demo firm's placement"
    );
    assert!(
        board.brokers.iter().all(|b| b.class_id.is_some()),
        "the demo firm places every broker"
    );

    for (bad, why) in [
        (
            category("cl-pb", CategoryKind::Class, "私人银行顾问"),
            "编号",
        ),
        (
            category("CL-AM", CategoryKind::Class, "私人银行顾问"),
            "已被使用",
        ),
        (
            category("CL-PB", CategoryKind::Class, "客户经理"),
            "已有名为",
        ),
    ] {
        console
            .refuses(&hq, paths::CONSOLE_BROKER_CATEGORY, &bad, why)
            .await;
    }
    let _: OrgChanged = console
        .ok(
            &hq,
            paths::CONSOLE_BROKER_CATEGORY,
            &category("CL-PB", CategoryKind::Class, "私人银行顾问"),
        )
        .await;

    for (bad, why) in [
        (placement(Some("GR-BANK"), None), "找不到类别 GR-BANK"),
        (
            placement(Some("CL-PB"), Some("GR-NONE")),
            "找不到组别 GR-NONE",
        ),
    ] {
        console
            .refuses(&hq, paths::CONSOLE_BROKER_CATEGORIZE, &bad, why)
            .await;
    }
    // broker07's level, 投资顾问（二级）, is on 投资顾问's ladder: the class follows the level.
    console
        .refuses(
            &hq,
            paths::CONSOLE_BROKER_CATEGORIZE,
            &placement(Some("CL-PB"), Some("GR-BANK")),
            "类别随级别而定",
        )
        .await;
    let done: OrgChanged = console
        .ok(
            &hq,
            paths::CONSOLE_BROKER_CATEGORIZE,
            &placement(Some("CL-IA"), Some("GR-BANK")),
        )
        .await;
    assert!(done.message.contains("投资顾问") && done.message.contains("银行渠道"));

    // Finance adds a trainee level of no class, and broker07 is put on it from today: then the
    // class is the one placed in by hand.
    let finance = access_token(&api, "finance01").await;
    let trainee = PayPlan {
        id: "TR".into(),
        name: "见习经纪人".into(),
        base_pay: Fen::from_yuan(3_000),
        monthly_threshold: Fen::ZERO,
        bands: vec![ShareBand {
            from: Fen::ZERO,
            rate: Rate(1_000_000),
        }],
        new_asset_bonus: Rate(0),
    };
    let _: PayPlanOverview = console
        .ok(
            &finance,
            paths::CONSOLE_PAY_PLAN_SAVE,
            &PayPlanChange {
                plan: trainee.clone(),
                class_id: None,
                reason: REASON.into(),
            },
        )
        .await;
    let _: OrgChanged = console
        .ok(
            &hq,
            paths::CONSOLE_LEVEL_MOVE,
            &LevelMove {
                broker_id: "B007".into(),
                plan_id: "TR".into(),
                effective_from: TODAY,
                reason: REASON.into(),
            },
        )
        .await;
    let done: OrgChanged = console
        .ok(
            &hq,
            paths::CONSOLE_BROKER_CATEGORIZE,
            &placement(Some("CL-PB"), Some("GR-BANK")),
        )
        .await;
    assert!(done.message.contains("私人银行顾问") && done.message.contains("银行渠道"));
    let board: LevelBoard = console.read(&hq, paths::CONSOLE_LEVELS, &[]).await;
    let b007 = board
        .brokers
        .iter()
        .find(|b| b.broker_id == "B007")
        .unwrap();
    assert_eq!(
        (b007.class_id.as_deref(), b007.group_id.as_deref()),
        (Some("CL-PB"), Some("GR-BANK"))
    );
    // Taken out of the group again, the class stays.
    let _: OrgChanged = console
        .ok(
            &hq,
            paths::CONSOLE_BROKER_CATEGORIZE,
            &placement(Some("CL-PB"), None),
        )
        .await;
    let board: LevelBoard = console.read(&hq, paths::CONSOLE_LEVELS, &[]).await;
    let b007 = board
        .brokers
        .iter()
        .find(|b| b.broker_id == "B007")
        .unwrap();
    assert_eq!(
        (b007.class_id.as_deref(), b007.group_id.as_deref()),
        (Some("CL-PB"), None)
    );
    // 私人银行顾问 get a level of their own; broker07, placed among them by hand, moves onto it
    // next month without changing class, and the move says nothing of one.
    let private_banker = PayPlan {
        id: "PB1".into(),
        name: "私人银行顾问（一级）".into(),
        ..trainee.clone()
    };
    let _: PayPlanOverview = console
        .ok(
            &finance,
            paths::CONSOLE_PAY_PLAN_SAVE,
            &PayPlanChange {
                plan: private_banker,
                class_id: Some("CL-PB".into()),
                reason: REASON.into(),
            },
        )
        .await;
    let next_month = TODAY + chrono::Months::new(1);
    let done: OrgChanged = console
        .ok(
            &hq,
            paths::CONSOLE_LEVEL_MOVE,
            &LevelMove {
                broker_id: "B007".into(),
                plan_id: "PB1".into(),
                effective_from: next_month,
                reason: REASON.into(),
            },
        )
        .await;
    assert!(!done.message.contains("类别"), "{}", done.message);

    let compliance = access_token(&api, "compliance01").await;
    let day = domain::clock::shanghai_date(now());
    let log = console.operation_log(&compliance, day, day).await;
    let count = |action: &str| {
        log.iter()
            .filter(|a| a.action == action && a.user_id == "H01")
            .count()
    };
    assert_eq!(count("新增类别"), 1, "refusals are not logged");
    assert_eq!(count("调整分类"), 3);
}

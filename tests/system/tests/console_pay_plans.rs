//! Finance changes how brokers are paid in head office's console (薪酬方案): a plan is checked as
//! a whole and refused in Chinese with what to fix; a change to broker01's plan reaches their desk
//! at the next sync and pays this month's figure by it; a new plan and a dated development split
//! are saved; a new fee schedule reaches the desk; every change is in the operation log under
//! finance's name.

use domain::pay_plan::{DevelopmentSplit, PayPlan, PlanPeriod, ShareBand};
use domain::{FeeSchedule, Fen, Rate};
use protocol::console::{
    DevelopmentSplitChange, FeeScheduleChange, PayPlanChange, PayPlanOverview,
};
use protocol::paths;
use sync::HeadOffice;
use system_tests::console::Console;
use system_tests::{access_token, small_firm, TestDesk, TestHeadOffice, TODAY};

const REASON: &str = "按新一年度的薪酬管理办法调整";

fn change(plan: PayPlan, class: Option<&str>) -> PayPlanChange {
    PayPlanChange {
        plan,
        class_id: class.map(Into::into),
        reason: REASON.into(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn finance_changes_a_plan_and_broker01_is_paid_by_it_after_the_next_sync() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let finance = access_token(&api, "finance01").await;
    let desk = TestDesk::synced(&base, "broker01").await;
    let terms = desk.with_store(|s| s.pay_terms().unwrap().unwrap());
    let plan_id = PlanPeriod::in_force(&terms.periods, TODAY)
        .unwrap()
        .plan_id
        .clone();
    let before: PayPlanOverview = console.read(&finance, paths::CONSOLE_PAY_PLANS, &[]).await;
    let in_use = before.plans.iter().find(|p| p.plan.id == plan_id).unwrap();
    let plan = in_use.plan.clone();
    // broker01's level is on 客户经理's ladder, and stays there.
    assert_eq!(in_use.class_id.as_deref(), Some("CL-AM"));
    assert!(in_use.ever_held);
    let class = in_use.class_id.as_deref();
    let other = before
        .plans
        .iter()
        .find(|p| p.plan.id != plan_id)
        .unwrap()
        .plan
        .clone();
    let month_pay = |desk: &TestDesk| {
        desk.with_store(|s| s.commission_month("B001", TODAY, TODAY).unwrap().pay)
    };
    let paid_before = month_pay(&desk);

    let mut unordered = plan.clone();
    unordered.bands.reverse();
    let mut lowercase = plan.clone();
    lowercase.id = "am9".into();
    let mut same_name = plan.clone();
    same_name.name = other.name.clone();
    let mut no_reason = change(plan.clone(), class);
    no_reason.reason.clear();
    for (bad, why) in [
        (change(unordered, class), "由低到高"),
        (change(lowercase, class), "方案编号"),
        (change(same_name, class), "已有名为"),
        (no_reason, "原因"),
        (change(plan.clone(), Some("CL-IA")), "所属类别不能再改"),
        (change(plan.clone(), None), "所属类别不能再改"),
    ] {
        console
            .refuses(&finance, paths::CONSOLE_PAY_PLAN_SAVE, &bad, why)
            .await;
    }

    let mut raised = plan.clone();
    raised.base_pay = plan.base_pay + Fen::from_yuan(1_000);
    let after: PayPlanOverview = console
        .ok(
            &finance,
            paths::CONSOLE_PAY_PLAN_SAVE,
            &change(raised.clone(), class),
        )
        .await;
    let saved = after.plans.iter().find(|p| p.plan.id == plan_id).unwrap();
    assert_eq!(saved.plan, raised);
    assert_eq!(
        saved.brokers,
        before
            .plans
            .iter()
            .find(|p| p.plan.id == plan_id)
            .unwrap()
            .brokers
    );

    desk.sync().await;
    let terms = desk.with_store(|s| s.pay_terms().unwrap().unwrap());
    assert!(terms.plans.contains(&raised), "the desk has the new terms");
    let paid_after = month_pay(&desk);
    assert!(
        paid_after.base > paid_before.base,
        "{:?} then {:?}",
        paid_before.base,
        paid_after.base
    );
    assert_eq!(
        paid_after.total - paid_before.total,
        paid_after.base - paid_before.base
    );

    let new_plan = PayPlan {
        id: "AM-X".into(),
        name: "客户经理（见习）".into(),
        base_pay: Fen::from_yuan(3_500),
        monthly_threshold: Fen::ZERO,
        bands: vec![ShareBand {
            from: Fen::ZERO,
            rate: Rate(1_000_000),
        }],
        new_asset_bonus: Rate(0),
    };
    for (class, why) in [
        ("CL-NONE", "所属的类别 CL-NONE 不存在"),
        ("GR-BANK", "所属的类别 GR-BANK 不存在"),
    ] {
        console
            .refuses(
                &finance,
                paths::CONSOLE_PAY_PLAN_SAVE,
                &change(new_plan.clone(), Some(class)),
                why,
            )
            .await;
    }
    let with_new: PayPlanOverview = console
        .ok(
            &finance,
            paths::CONSOLE_PAY_PLAN_SAVE,
            &change(new_plan.clone(), Some("CL-AM")),
        )
        .await;
    assert!(with_new.plans.iter().any(|p| p.plan == new_plan
        && p.brokers == 0
        && !p.ever_held
        && p.class_id.as_deref() == Some("CL-AM")));
    // Nobody is on it yet: it may still go on another ladder, or none.
    let moved: PayPlanOverview = console
        .ok(
            &finance,
            paths::CONSOLE_PAY_PLAN_SAVE,
            &change(new_plan.clone(), None),
        )
        .await;
    assert!(moved
        .plans
        .iter()
        .any(|p| p.plan == new_plan && p.class_id.is_none()));

    let split = |day, percent: i64| DevelopmentSplitChange {
        split: DevelopmentSplit {
            effective_from: day,
            developer_share: Rate(percent * 100_000),
        },
        reason: REASON.into(),
    };
    console
        .refuses(
            &finance,
            paths::CONSOLE_DEVELOPMENT_SPLIT,
            &split(TODAY.pred_opt().unwrap(), 30),
            "已过",
        )
        .await;
    let next_month = TODAY.checked_add_months(chrono::Months::new(1)).unwrap();
    let with_split: PayPlanOverview = console
        .ok(
            &finance,
            paths::CONSOLE_DEVELOPMENT_SPLIT,
            &split(next_month, 30),
        )
        .await;
    assert_eq!(
        with_split.development_splits.last().unwrap(),
        &split(next_month, 30).split
    );

    // The exchange lowers its handling fee from next month: a typo is refused, then it is saved
    // and the desk costs next month's trades by it.
    let fees = |handling_fee: Rate, stamp_duty_sell: Rate| FeeScheduleChange {
        schedule: FeeSchedule {
            effective_from: next_month,
            handling_fee,
            stamp_duty_sell,
            ..with_split.fee_schedules.last().unwrap().clone()
        },
        reason: REASON.into(),
    };
    console
        .refuses(
            &finance,
            paths::CONSOLE_FEE_SCHEDULE,
            &fees(Rate(300), Rate(500_000)),
            "卖出印花税须在 0 到 万30 之间",
        )
        .await;
    let lowered = fees(Rate(300), Rate(5_000));
    let with_fees: PayPlanOverview = console
        .ok(&finance, paths::CONSOLE_FEE_SCHEDULE, &lowered)
        .await;
    assert_eq!(with_fees.fee_schedules.last(), Some(&lowered.schedule));
    desk.sync().await;
    let terms = desk.with_store(|s| s.pay_terms().unwrap().unwrap());
    assert_eq!(
        FeeSchedule::in_force(&terms.fee_schedules, next_month),
        Some(&lowered.schedule)
    );

    let compliance = access_token(&api, "compliance01").await;
    let day = TODAY;
    let log = console.operation_log(&compliance, day, day).await;
    for (action, subject) in [
        ("调整薪酬方案", plan_id.as_str()),
        ("新增薪酬方案", "AM-X"),
        ("调整开发关系分成", "开发关系分成"),
        ("调整费率表", "交易费率表"),
    ] {
        let line = log
            .iter()
            .find(|a| a.action == action && a.subject == subject)
            .unwrap_or_else(|| panic!("{action} is logged: {log:?}"));
        assert_eq!(line.user_id, "F01");
        assert!(line.detail.contains(REASON), "{}", line.detail);
    }
    // Nothing refused reached the log.
    assert_eq!(
        log.iter()
            .filter(|a| a.user_id == "F01" && a.action.contains("薪酬方案"))
            .count(),
        3
    );
}

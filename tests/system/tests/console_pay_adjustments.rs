//! Finance's 薪酬调整 and 月度目标 in head office's console: an adjustment of a month already
//! published reaches broker01's statement once the month is published again, one taken back out
//! does not, a target set in the console is what the desk measures the month against after its
//! next sync; every refusal says what to fix, and only what was done is in the operation log.

use domain::pay_adjustment::PayAdjustment;
use domain::Fen;
use protocol::console::{StatementMonth, StatementsPublished};
use protocol::paths;
use protocol::pay_adjustments::{
    AdjustmentRemoval, BrokerTarget, MonthAdjustments, MonthlyTargetChange,
};
use reqwest::StatusCode;
use sync::HeadOffice;
use system_tests::console::Console;
use system_tests::{access_token, now, small_firm, TestDesk, TestHeadOffice};

fn adjustment(month: chrono::NaiveDate, fen: i64, note: &str) -> PayAdjustment {
    PayAdjustment {
        broker_id: "B001".into(),
        month,
        amount: Fen(fen),
        note: note.into(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn finance_adjusts_a_published_month_and_sets_a_target_the_desk_follows() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let finance = access_token(&api, "finance01").await;
    let desk = TestDesk::synced(&base, "broker01").await;
    let month = crate::commission::published_months()[0];
    let month_text = month.to_string();
    let before = desk.with_store(|s| s.statement(month).unwrap().expect("published"));

    let read_month = || async {
        console
            .read::<MonthAdjustments>(
                &finance,
                paths::CONSOLE_PAY_ADJUSTMENTS,
                &[("month", &month_text)],
            )
            .await
    };
    let start = read_month().await;
    assert!(start.statements_published > 0, "{start:?}");
    assert!(start.adjustments.is_empty(), "{start:?}");

    let bonus = "季度服务之星奖励";
    let today = domain::clock::shanghai_date(now());
    let next_month = today + chrono::Months::new(1);
    for (bad, refusal) in [
        (adjustment(month, 0, bonus), "不能为 0"),
        (adjustment(month, 100_000_001, bonus), "单笔上限"),
        (adjustment(month, 30_000, "  "), "调整原因"),
        (adjustment(next_month, 30_000, bonus), "尚未开始"),
        (
            PayAdjustment {
                broker_id: "B-NONE".into(),
                ..adjustment(month, 30_000, bonus)
            },
            "不存在",
        ),
    ] {
        console
            .refuses(&finance, paths::CONSOLE_PAY_ADJUSTMENT_ADD, &bad, refusal)
            .await;
    }

    let added: MonthAdjustments = console
        .ok(
            &finance,
            paths::CONSOLE_PAY_ADJUSTMENT_ADD,
            &adjustment(month, 30_000, bonus),
        )
        .await;
    assert_eq!(added.adjustments.len(), 1);
    assert_ne!(added.adjustments[0].broker_name, "B001", "named, not by id");
    assert_eq!(added.adjustments[0].adjustment.month, month);
    let mistake = adjustment(month, -12_050, "误录：客户投诉扣回");
    let both: MonthAdjustments = console
        .ok(&finance, paths::CONSOLE_PAY_ADJUSTMENT_ADD, &mistake)
        .await;
    assert_eq!(both.adjustments.len(), 2);
    let removal = AdjustmentRemoval {
        adjustment: mistake.clone(),
        reason: "录错了经纪人，撤销".into(),
    };
    let left: MonthAdjustments = console
        .ok(&finance, paths::CONSOLE_PAY_ADJUSTMENT_REMOVE, &removal)
        .await;
    assert_eq!(left.adjustments.len(), 1);
    let (status, message) = console
        .refused(&finance, paths::CONSOLE_PAY_ADJUSTMENT_REMOVE, &removal)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{message}");
    assert!(message.contains("请刷新"), "{message}");

    // The statement already on the desk keeps what it said until finance publishes again.
    desk.sync().await;
    let unchanged = desk.with_store(|s| s.statement(month).unwrap().unwrap());
    assert_eq!(unchanged.total, before.total);
    let _: StatementsPublished = console
        .ok(
            &finance,
            paths::CONSOLE_STATEMENTS_PUBLISH,
            &StatementMonth { month },
        )
        .await;
    desk.sync().await;
    let after = desk.with_store(|s| s.statement(month).unwrap().unwrap());
    assert_eq!(after.adjustments, before.adjustments + Fen(30_000));
    assert_eq!(after.total, before.total + Fen(30_000));
    assert!(
        after
            .adjustment_note
            .as_deref()
            .unwrap_or("")
            .contains(bonus),
        "{after:?}"
    );
    assert!(!after
        .adjustment_note
        .as_deref()
        .unwrap_or("")
        .contains("误录"));

    // 月度目标: the demo firm asks broker01 for ¥22,000; finance raises it to ¥45,000.
    let targets: Vec<BrokerTarget> = console
        .read(&finance, paths::CONSOLE_MONTHLY_TARGETS, &[])
        .await;
    let of = |list: &[BrokerTarget], id: &str| {
        list.iter()
            .find(|t| t.broker_id == id)
            .map(|t| t.monthly_target)
    };
    assert_eq!(of(&targets, "B001"), Some(Fen::from_yuan(22_000)));
    let target = |broker: &str, fen: i64, reason: &str| MonthlyTargetChange {
        broker_id: broker.into(),
        net_commission: Fen(fen),
        reason: reason.into(),
    };
    let why = "年度任务分解到月";
    for (bad, refusal) in [
        (target("B001", -1, why), "月度目标须在"),
        (target("B001", 4_500_000, ""), "调整月度目标原因"),
        (target("B-NONE", 4_500_000, why), "不存在"),
    ] {
        console
            .refuses(&finance, paths::CONSOLE_MONTHLY_TARGET_SET, &bad, refusal)
            .await;
    }
    let raised: Vec<BrokerTarget> = console
        .ok(
            &finance,
            paths::CONSOLE_MONTHLY_TARGET_SET,
            &target("B001", 4_500_000, why),
        )
        .await;
    assert_eq!(of(&raised, "B001"), Some(Fen::from_yuan(45_000)));
    let dropped: Vec<BrokerTarget> = console
        .ok(
            &finance,
            paths::CONSOLE_MONTHLY_TARGET_SET,
            &target("B002", 0, "调岗培训期间不设目标"),
        )
        .await;
    assert_eq!(of(&dropped, "B002"), Some(Fen::ZERO));
    desk.sync().await;
    let terms = desk.with_store(|s| s.pay_terms().unwrap().unwrap());
    assert_eq!(terms.monthly_target, Fen::from_yuan(45_000));

    // Only what was done is logged: two adjustments added, one taken out, two targets.
    let compliance = access_token(&api, "compliance01").await;
    let log = console.operation_log(&compliance, today, today).await;
    let count = |action: &str| log.iter().filter(|a| a.action == action).count();
    assert_eq!(count("新增薪酬调整"), 2);
    assert_eq!(count("撤销薪酬调整"), 1);
    assert_eq!(count("调整月度目标"), 2);
    let taken_out = log.iter().find(|a| a.action == "撤销薪酬调整").unwrap();
    assert!(
        taken_out.detail.contains("误录") && taken_out.detail.contains("录错了经纪人"),
        "{}",
        taken_out.detail
    );
}

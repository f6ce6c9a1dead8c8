//! Each group its own pay (组别津贴): the demo firm's 银行渠道 pays ¥800 a month on top of the
//! level's plan, and broker04 joined it on the 16th of last month. Head office's statement of
//! last month pays 16/31 of it, and broker04's desk says the same to the fen. Finance raises the
//! allowance in the console: this month's pay on the desk follows at its next sync, and the
//! published statement keeps what it said. What is not an allowance is refused in Chinese.

use chrono::{Datelike, Months};
use domain::Fen;
use protocol::console::{GroupAllowanceChange, PayPlanOverview};
use protocol::paths;
use reqwest::StatusCode;
use sync::HeadOffice;
use system_tests::console::Console;
use system_tests::{access_token, small_firm, TestDesk, TestHeadOffice, TODAY};

fn allowance(group: &str, yuan: i64) -> GroupAllowanceChange {
    GroupAllowanceChange {
        group_id: group.into(),
        monthly: Fen::from_yuan(yuan),
        reason: "银行驻点补贴按新协议调整".into(),
    }
}

fn monthly_of(overview: &PayPlanOverview, group: &str) -> Fen {
    overview
        .groups
        .iter()
        .find(|g| g.group.id == group)
        .map(|g| g.monthly)
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_group_pays_its_allowance_for_the_days_in_it_and_the_desk_agrees_to_the_fen() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let finance = access_token(&api, "finance01").await;
    let this_month = TODAY.with_day(1).unwrap();
    let last_month = this_month - Months::new(1);
    let (_, days) = domain::pay_plan::month_of(last_month);

    // Last month: 16 days of the month in 银行渠道, on the statement and on the desk alike.
    let expected = Fen((80_000 * 16 + i64::from(days) / 2) / i64::from(days));
    let desk = TestDesk::synced(&base, "broker04").await;
    let view = desk.with_store(|s| s.reconcile("B004", last_month).unwrap());
    let statement = view.statement.as_ref().expect("last month is published");
    assert_eq!(statement.allowance, expected);
    assert_eq!(view.desk.allowance, expected);
    assert_eq!(view.desk.total, statement.total);
    assert!(view.differences.is_empty(), "{:?}", view.differences);
    assert_eq!(
        statement.total,
        statement.base
            + statement.share
            + statement.bonus
            + statement.allowance
            + statement.adjustments
    );
    // A broker of the branch channel, which pays none, gets none.
    let branch = TestDesk::synced(&base, "broker01").await;
    let view = branch.with_store(|s| s.reconcile("B001", last_month).unwrap());
    assert_eq!(view.statement.unwrap().allowance, Fen::ZERO);
    assert_eq!(view.desk.allowance, Fen::ZERO);

    // The console lists each group with its allowance and who is in it today.
    let overview: PayPlanOverview = console.read(&finance, paths::CONSOLE_PAY_PLANS, &[]).await;
    assert_eq!(overview.groups.len(), 3);
    assert_eq!(monthly_of(&overview, "GR-BANK"), Fen::from_yuan(800));
    assert_eq!(monthly_of(&overview, "GR-BRANCH"), Fen::ZERO);
    let bank = overview
        .groups
        .iter()
        .find(|g| g.group.id == "GR-BANK")
        .unwrap();
    assert!(bank.brokers >= 1, "broker04 is in 银行渠道 today");

    // Refusals, in Chinese, saying what to fix; a manager may not set pay.
    for (bad, why) in [
        (
            allowance("GR-BANK", -1),
            "组别津贴须在 ¥0.00 到 ¥20,000.00 之间",
        ),
        (
            allowance("GR-BANK", 20_001),
            "组别津贴须在 ¥0.00 到 ¥20,000.00 之间",
        ),
        (allowance("GR-NONE", 500), "找不到组别 GR-NONE"),
        (allowance("CL-AM", 500), "找不到组别 CL-AM"),
        (
            GroupAllowanceChange {
                reason: " ".into(),
                ..allowance("GR-BANK", 900)
            },
            "原因",
        ),
    ] {
        console
            .refuses(&finance, paths::CONSOLE_GROUP_ALLOWANCE, &bad, why)
            .await;
    }
    let hq = access_token(&api, "hq01").await;
    let (status, _) = console
        .refused(
            &hq,
            paths::CONSOLE_GROUP_ALLOWANCE,
            &allowance("GR-BANK", 1_000),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Raised to ¥1,000: this whole month in the group pays it on the desk after a sync, and the
    // published statement of last month is unchanged.
    let now: PayPlanOverview = console
        .ok(
            &finance,
            paths::CONSOLE_GROUP_ALLOWANCE,
            &allowance("GR-BANK", 1_000),
        )
        .await;
    assert_eq!(monthly_of(&now, "GR-BANK"), Fen::from_yuan(1_000));
    desk.sync().await;
    let month = desk.with_store(|s| s.commission_month("B004", TODAY, TODAY).unwrap());
    assert_eq!(month.pay.allowance, Fen::from_yuan(1_000));
    let kept = desk.with_store(|s| s.statement(last_month).unwrap().unwrap());
    assert_eq!(kept.allowance, expected);

    // Stopped: the group pays none from then on.
    let now: PayPlanOverview = console
        .ok(
            &finance,
            paths::CONSOLE_GROUP_ALLOWANCE,
            &allowance("GR-BANK", 0),
        )
        .await;
    assert_eq!(monthly_of(&now, "GR-BANK"), Fen::ZERO);
    desk.sync().await;
    let month = desk.with_store(|s| s.commission_month("B004", TODAY, TODAY).unwrap());
    assert_eq!(month.pay.allowance, Fen::ZERO);

    let compliance = access_token(&api, "compliance01").await;
    let log = console.operation_log(&compliance, TODAY, TODAY).await;
    assert!(log.iter().any(|a| a.action == "调整组别津贴"
        && a.detail.contains("银行渠道")
        && a.detail.contains("¥1,000.00")));
}

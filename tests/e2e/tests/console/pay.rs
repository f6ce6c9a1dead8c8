//! Finance's 薪酬调整 in the console: a zero amount is refused in Chinese with everything typed
//! kept, then broker01 is paid a bonus for last month; broker01's monthly target is raised.

use super::pages::{open_page, set_number, sign_in, sign_out, PAY_ADJUSTMENTS};
use super::SHORT;
use anyhow::Result;
use e2e::Session;

/// From the sign-in page to signed out again.
pub fn adjust(p: &Session) -> Result<()> {
    sign_in(p, "finance01")?;
    p.wait("[data-testid=console-menu]", SHORT)?;
    open_page(p, PAY_ADJUSTMENTS.0)?;
    p.wait(PAY_ADJUSTMENTS.2, SHORT)?;
    p.click(&p.wait("[data-testid=adjustment-new]:not([disabled])", SHORT)?)?;
    let broker = p.wait("[data-testid=adjustment-broker] input", SHORT)?;
    p.type_text(&broker, "B001")?;
    p.wait(".ant-select-item-option", SHORT)?;
    p.press_key("\u{E007}")?;
    p.type_text(&p.wait("[data-testid=adjustment-amount]", SHORT)?, "0")?;
    p.type_text(
        &p.wait("[data-testid=adjustment-note]", SHORT)?,
        "季度服务之星奖励",
    )?;
    p.click(&p.wait("[data-testid=adjustment-ok]", SHORT)?)?;
    p.wait_text("[data-testid=adjustment-error]", SHORT, |t| {
        t.contains("不能为 0")
    })?;
    p.screenshot("console-adjustment-refused")?;
    set_number(p, "adjustment-amount", "300")?;
    p.click(&p.wait("[data-testid=adjustment-ok]", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| t.contains("已记入"))?;
    p.wait_text(PAY_ADJUSTMENTS.2, SHORT, |t| {
        t.contains("季度服务之星奖励") && t.contains("+¥300.00")
    })?;
    p.screenshot("console-pay-adjustments")?;

    let filter = "[data-testid=targets-filter] input, input[data-testid=targets-filter]";
    p.type_text(&p.wait(filter, SHORT)?, "B001")?;
    p.wait_text("[data-testid=console-targets] tbody", SHORT, |t| {
        t.contains("B001") && !t.contains("B002")
    })?;
    p.click(&p.wait("[data-testid=target-edit]", SHORT)?)?;
    set_number(p, "target-amount", "45000")?;
    p.type_text(
        &p.wait("[data-testid=target-reason]", SHORT)?,
        "年度任务分解到月",
    )?;
    p.click(&p.wait("[data-testid=target-ok]", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| t.contains("月度目标"))?;
    p.wait_text("[data-testid=console-targets] tbody", SHORT, |t| {
        t.contains("¥45,000.00")
    })?;
    p.screenshot("console-monthly-target")?;
    sign_out(p)
}

//! 经纪业务管理部 shapes the broker force in the console: adds a team under a branch and moves
//! broker07 into it, moves broker07 up a level and into a class and a group, reads the month's appraisal of 一级 and the
//! figures behind a score, changes 一级's scheme after a wrong total is refused, and gives
//! 理财顾问 a scheme of their own (ranked as a class) before taking it away. Finance adds
//! a pay plan (a new level) after bands out of order are refused, and a lower handling fee from
//! next month.

use super::pages::{
    choose, open_page, pick_unit, set_number, sign_in, sign_out, APPRAISAL, LEVELS, PAY_PLANS,
    STAFF,
};
use super::SHORT;
use anyhow::Result;
use e2e::Session;

/// From the sign-in page to signed out again.
pub fn shape(p: &Session) -> Result<()> {
    sign_in(p, "hq01")?;
    p.wait("[data-testid=console-menu]", SHORT)?;
    open_page(p, STAFF.0)?;
    pick_unit(p, "上海浦东营业部")?;
    p.click(&p.wait("[data-testid=unit-create]", SHORT)?)?;
    p.type_text(&p.wait("[data-testid=unit-id]", SHORT)?, "TM07")?;
    p.type_text(&p.wait("[data-testid=unit-name]", SHORT)?, "财富管理三组")?;
    p.click(&p.wait("[data-testid=org-change-ok]", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| t.contains("财富管理三组"))?;
    p.wait_text("[data-testid=console-org-tree]", SHORT, |t| {
        t.contains("财富管理三组（0 人）")
    })?;
    p.click(&p.wait("[data-testid=place-broker07]", SHORT)?)?;
    let target = p.wait("[data-testid=unit-target] input", SHORT)?;
    p.type_text(&target, "财富管理三组")?;
    p.wait(".ant-select-item-option", SHORT)?;
    p.press_key("\u{E007}")?;
    p.type_text(
        &p.wait("[data-testid=org-change-reason]", SHORT)?,
        "按渠道重新分组",
    )?;
    p.screenshot("console-org-place")?;
    p.click(&p.wait("[data-testid=org-change-ok]", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| t.contains("已调整到"))?;
    p.wait_text("[data-testid=console-org-tree]", SHORT, |t| {
        t.contains("财富管理三组（1 人）")
    })?;
    p.screenshot("console-org-placed")?;
    // And moves broker07, a 投资顾问, to 理财顾问's top level from the first of next month (the
    // dialog's default): the dialog says the class changes with it.
    open_page(p, LEVELS.0)?;
    p.click(&p.wait("[data-testid=level-move-B007]", SHORT)?)?;
    choose(p, "[data-testid=level-plan]", "理财顾问（一级）")?;
    p.wait_text("[data-testid=level-class-change]", SHORT, |t| {
        t.contains("类别随之改为“理财顾问”")
    })?;
    p.type_text(
        &p.wait("[data-testid=level-reason]", SHORT)?,
        "转岗理财顾问，定为一级",
    )?;
    p.screenshot("console-level-move")?;
    p.click(&p.wait(".ant-modal-footer .ant-btn-primary", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| {
        t.contains("调为理财顾问（一级），类别随之改为理财顾问")
    })?;
    p.wait_text("[data-testid=console-levels]", SHORT, |t| {
        t.contains("起 理财顾问（一级）")
    })?;
    p.screenshot("console-level-moved")?;
    // broker07 goes to the bank channel; its class stays with its level until the move. The
    // board shows it and filters by it.
    p.click(&p.wait("[data-testid=categorize-B007]", SHORT)?)?;
    p.wait_text(".ant-modal", SHORT, |t| {
        t.contains("随现任级别“投资顾问（二级）”而定")
    })?;
    choose(p, "[data-testid=categorize-group]", "银行渠道")?;
    p.type_text(
        &p.wait("[data-testid=categorize-reason]", SHORT)?,
        "调往银行渠道",
    )?;
    p.screenshot("console-level-categorize")?;
    p.click(&p.wait("[data-testid=categorize-ok]", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| t.contains("银行渠道"))?;
    p.wait_text("[data-testid=categories-B007]", SHORT, |t| {
        t.contains("投资顾问 / 银行渠道")
    })?;
    // The notices sit over the filters until they fade.
    p.wait_gone(".ant-message-notice", SHORT)?;
    choose(p, "[data-testid=levels-category-filter]", "银行渠道")?;
    p.wait_text("[data-testid=console-levels]", SHORT, |t| {
        t.contains("B007") && !t.contains("B001")
    })?;
    p.screenshot("console-level-categories")?;
    // The month's appraisal of 一级, and the figures behind its first broker's score.
    open_page(p, APPRAISAL.0)?;
    p.wait_text(APPRAISAL.2, SHORT, |t| t.contains("客户经理（一级）"))?;
    for tab in p.find_all("[data-testid=appraisal-levels] .ant-tabs-tab")? {
        if p.text(&tab)?.contains("客户经理（一级）") {
            p.click(&tab)?;
        }
    }
    let first = p.wait(
        "[data-testid=appraisal-level-PP-AM1] tbody tr.ant-table-row",
        SHORT,
    )?;
    p.click(&first)?;
    p.wait_text("[data-testid=appraisal-drawer]", SHORT, |t| {
        t.contains("净流入资产") && t.contains("位置分")
    })?;
    p.screenshot("console-appraisal-detail")?;
    p.click(&p.wait(".ant-drawer-close", SHORT)?)?;
    e2e::wait_for("the drawer to close", SHORT, || {
        Ok(p.find(".ant-drawer-open")?.is_none().then_some(()))
    })?;
    // 一级's scheme: weights not adding up to 100 are refused saying so; then it is saved.
    p.click(&p.wait("[data-testid=scheme-edit-level-PP-AM1]", SHORT)?)?;
    set_number(p, "scheme-net_commission", "35")?;
    p.wait_text("[data-testid=scheme-total]", SHORT, |t| t == "110%")?;
    p.type_text(
        &p.wait("[data-testid=scheme-reason]", SHORT)?,
        "加大业绩权重",
    )?;
    p.click(&p.wait(".ant-modal-footer .ant-btn-primary", SHORT)?)?;
    p.wait_text("[data-testid=scheme-error]", SHORT, |t| {
        t.contains("合计须为 100%")
    })?;
    set_number(p, "scheme-net_new_assets", "20")?;
    p.wait_text("[data-testid=scheme-total]", SHORT, |t| t == "100%")?;
    p.screenshot("console-appraisal-scheme")?;
    p.click(&p.wait(".ant-modal-footer .ant-btn-primary", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| t.contains("考核方案已调整"))?;
    p.wait_text(APPRAISAL.2, SHORT, |t| t.contains("净佣金 35%"))?;
    group_scheme(p)?;
    sign_out(p)
}

/// 银行渠道 (broker04's group) gets a scheme of its own: its brokers are ranked among their group
/// in a tab of its own; then the scheme is taken away again and they go back to their levels.
/// (A class's scheme is the same dialog; `console_class_appraisal` covers its ranking.)
fn group_scheme(p: &Session) -> Result<()> {
    p.click(&p.wait("[data-testid=scheme-new-category]", SHORT)?)?;
    choose(p, "[data-testid=scheme-category]", "银行渠道")?;
    p.type_text(
        &p.wait("[data-testid=scheme-reason]", SHORT)?,
        "银行渠道按组别单独考核",
    )?;
    p.wait_text("[data-testid=scheme-total]", SHORT, |t| t == "100%")?;
    p.screenshot("console-appraisal-group-scheme")?;
    p.click(&p.wait(".ant-modal-footer .ant-btn-primary", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| t.contains("组别“银行渠道”"))?;
    e2e::wait_for("the group's tab", SHORT, || {
        for tab in p.find_all("[data-testid=appraisal-levels] .ant-tabs-tab")? {
            let text = p.text(&tab)?;
            if text.contains("银行渠道") && text.contains("组别") {
                p.click(&tab)?;
                return Ok(Some(()));
            }
        }
        Ok(None)
    })?;
    p.wait_text("[data-testid=appraisal-group-GR-BANK]", SHORT, |t| {
        t.contains("B004")
    })?;
    p.screenshot("console-appraisal-group")?;
    p.click(&p.wait("[data-testid=scheme-remove-group-GR-BANK]", SHORT)?)?;
    p.type_text(
        &p.wait("[data-testid=scheme-remove-reason]", SHORT)?,
        "银行渠道改回按级别考核",
    )?;
    p.click(&p.wait("[data-testid=scheme-remove-ok]", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| {
        t.contains("改按各自级别的方案考核")
    })?;
    p.wait_gone("[data-testid=appraisal-group-GR-BANK]", SHORT)?;
    Ok(())
}

/// Finance adds 客户经理（见习）: two bands typed out of order are refused, then put right.
pub fn add_pay_plan(p: &Session) -> Result<()> {
    sign_in(p, "finance01")?;
    p.wait("[data-testid=console-menu]", SHORT)?;
    open_page(p, PAY_PLANS.0)?;
    p.click(&p.wait("[data-testid=pay-plan-new]", SHORT)?)?;
    p.type_text(&p.wait("[data-testid=pay-plan-id]", SHORT)?, "AM-X")?;
    p.type_text(
        &p.wait("[data-testid=pay-plan-name]", SHORT)?,
        "客户经理（见习）",
    )?;
    choose(p, "[data-testid=pay-plan-class]", "客户经理序列")?;
    p.type_text(&p.wait("[data-testid=pay-plan-base]", SHORT)?, "3500")?;
    p.type_text(&p.wait("[data-testid=pay-band-rate-0]", SHORT)?, "10")?;
    p.click(&p.wait("[data-testid=pay-band-add]", SHORT)?)?;
    p.type_text(&p.wait("[data-testid=pay-band-from-1]", SHORT)?, "0")?;
    p.type_text(&p.wait("[data-testid=pay-band-rate-1]", SHORT)?, "15")?;
    p.type_text(
        &p.wait("[data-testid=pay-plan-reason]", SHORT)?,
        "新设见习客户经理级别",
    )?;
    p.click(&p.wait("[data-testid=pay-plan-ok]", SHORT)?)?;
    p.wait_text("[data-testid=pay-plan-error]", SHORT, |t| {
        t.contains("由低到高")
    })?;
    p.screenshot("console-pay-plan-refused")?;
    let from = p.wait("[data-testid=pay-band-from-1]", SHORT)?;
    p.click(&from)?;
    p.press_chord("\u{E009}", "a")?;
    p.type_text(&from, "50000")?;
    p.click(&p.wait("[data-testid=pay-plan-ok]", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| t.contains("薪酬方案已保存"))?;
    p.wait_text(PAY_PLANS.2, SHORT, |t| {
        t.contains("客户经理（见习）（AM-X）") && t.contains("¥50,000.00 起 15%")
    })?;
    p.wait_text("[data-row-key=AM-X]", SHORT, |t| t.contains("客户经理序列"))?;
    p.screenshot("console-pay-plan-added")?;
    // The exchange lowers its handling fee from the first of next month (the dialog's default).
    p.click(&p.wait("[data-testid=fee-add]", SHORT)?)?;
    let fee = p.wait("[data-testid=fee-handling_fee]", SHORT)?;
    p.click(&fee)?;
    p.press_chord("\u{E009}", "a")?;
    p.type_text(&fee, "0.3")?;
    p.type_text(
        &p.wait("[data-testid=fee-reason]", SHORT)?,
        "交易所下调经手费",
    )?;
    p.screenshot("console-fee-schedule")?;
    p.click(&p.wait(".ant-modal-footer .ant-btn-primary", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| t.contains("交易费率表已保存"))?;
    p.wait_text("[data-testid=fee-schedules]", SHORT, |t| {
        t.contains("万0.3")
    })?;
    group_allowance(p)?;
    sign_out(p)
}

/// 营业部渠道 starts paying an allowance: a figure that is not an amount is refused by the form,
/// then ¥300 is saved and listed.
fn group_allowance(p: &Session) -> Result<()> {
    p.wait_text("[data-testid=group-allowances]", SHORT, |t| {
        t.contains("银行渠道") && t.contains("¥800.00")
    })?;
    p.click(&p.wait("[data-testid=allowance-edit-GR-BRANCH]", SHORT)?)?;
    let monthly = p.wait("[data-testid=allowance-monthly]", SHORT)?;
    p.click(&monthly)?;
    p.press_chord("\u{E009}", "a")?;
    p.type_text(&monthly, "三百")?;
    p.type_text(
        &p.wait("[data-testid=allowance-reason]", SHORT)?,
        "营业部渠道新设驻厅补贴",
    )?;
    p.click(&p.wait(".ant-modal-footer .ant-btn-primary", SHORT)?)?;
    p.wait_text(".ant-form-item-explain-error", SHORT, |t| {
        t.contains("请填写金额")
    })?;
    p.click(&monthly)?;
    p.press_chord("\u{E009}", "a")?;
    p.type_text(&monthly, "300")?;
    p.screenshot("console-group-allowance-dialog")?;
    p.click(&p.wait(".ant-modal-footer .ant-btn-primary", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| t.contains("津贴已保存"))?;
    p.wait_text("[data-row-key=GR-BRANCH]", SHORT, |t| t.contains("¥300.00"))?;
    p.screenshot("console-group-allowances")?;
    Ok(())
}

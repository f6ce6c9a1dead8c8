//! 经纪业务管理部 shapes the broker force in the console: adds a team under a branch and moves
//! broker07 into it, moves broker07 up a level, reads the month's appraisal of 一级 and the
//! figures behind a score, and changes 一级's scheme after a wrong total is refused.

use super::pages::{
    choose, open_page, pick_unit, set_number, sign_in, sign_out, APPRAISAL, LEVELS, STAFF,
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
    // And moves broker07 up a level from the first of next month (the dialog's default).
    open_page(p, LEVELS.0)?;
    p.click(&p.wait("[data-testid=level-move-B007]", SHORT)?)?;
    choose(p, "[data-testid=level-plan]", "客户经理（一级）")?;
    p.type_text(
        &p.wait("[data-testid=level-reason]", SHORT)?,
        "年度考核优秀，晋升一级",
    )?;
    p.screenshot("console-level-move")?;
    p.click(&p.wait(".ant-modal-footer .ant-btn-primary", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| {
        t.contains("调为客户经理（一级）")
    })?;
    p.wait_text("[data-testid=console-levels]", SHORT, |t| {
        t.contains("起 客户经理（一级）")
    })?;
    p.screenshot("console-level-moved")?;
    // The month's appraisal of 一级, and the figures behind its first broker's score.
    open_page(p, APPRAISAL.0)?;
    p.wait_text(APPRAISAL.2, SHORT, |t| t.contains("客户经理（一级）"))?;
    for tab in p.find_all("[data-testid=appraisal-levels] .ant-tabs-tab")? {
        if p.text(&tab)?.contains("客户经理（一级）") {
            p.click(&tab)?;
        }
    }
    let first = p.wait(
        "[data-testid=appraisal-PP-AM1] tbody tr.ant-table-row",
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
    p.click(&p.wait("[data-testid=scheme-edit-PP-AM1]", SHORT)?)?;
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
    sign_out(p)
}

//! 客户关系 as 经纪业务管理部 (hq01) works it: moves one of broker01's clients to broker02 at
//! once, sets another to move tomorrow and calls it off, shares a third with broker02 for 30% of
//! the service credit, ends the share and sets it again from the first of next month, and hands
//! broker03's whole book to broker01 and broker02 as previewed.

use super::pages::{open_page, sign_in, sign_out, RELATIONSHIPS};
use super::SHORT;
use anyhow::Result;
use e2e::Session;

/// From the sign-in page to signed out again; the clients are broker01's.
pub fn walk(p: &Session, client: &str, later: &str, shared: &str) -> Result<()> {
    sign_in(p, "hq01")?;
    p.wait("[data-testid=console-menu]", SHORT)?;
    open_page(p, RELATIONSHIPS.0)?;
    find(p, client)?;
    p.click(&p.wait("[data-testid=client-move]", SHORT)?)?;
    pick_broker(p, "client-move-to", "B002")?;
    p.type_text(
        &p.wait("[data-testid=client-move-reason]", SHORT)?,
        "原经纪人调岗，客户由同城经纪人接续服务",
    )?;
    p.screenshot("console-relationships-move")?;
    p.click(&p.wait("[data-testid=client-move-ok]", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| t.contains("已划转给"))?;
    p.screenshot("console-relationships-moved")?;
    // Another client is set to move tomorrow: listed as waiting, then called off.
    find(p, later)?;
    p.click(&p.wait("[data-testid=client-move]", SHORT)?)?;
    pick_broker(p, "client-move-to", "B002")?;
    p.click(&p.wait("[data-testid=client-move-day]", SHORT)?)?;
    let tomorrow = ".ant-picker-presets li:first-child";
    p.wait_text(tomorrow, SHORT, |t| t == "明天")?;
    p.click(&p.wait(tomorrow, SHORT)?)?;
    p.type_text(
        &p.wait("[data-testid=client-move-reason]", SHORT)?,
        "经纪人下月调岗，客户明日起由同城经纪人接续服务",
    )?;
    p.wait_text("[data-testid=client-move-ok]", SHORT, |t| {
        t.contains("安排划转")
    })?;
    p.click(&p.wait("[data-testid=client-move-ok]", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| t.contains("在此之前仍由"))?;
    p.wait_text("[data-testid=scheduled-transfers]", SHORT, |t| {
        t.contains(later)
    })?;
    p.wait("[data-testid=client-scheduled]", SHORT)?;
    p.screenshot("console-relationships-scheduled")?;
    p.click(&p.wait("[data-testid=scheduled-cancel]", SHORT)?)?;
    p.type_text(
        &p.wait("[data-testid=scheduled-cancel-reason]", SHORT)?,
        "经纪人撤回调岗申请，继续服务",
    )?;
    p.click(&p.wait("[data-testid=scheduled-cancel-ok]", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| t.contains("已撤销"))?;
    p.wait_text("[data-testid=scheduled-transfers]", SHORT, |t| {
        t.contains("没有待生效的划转")
    })?;
    // A third client is shared with broker02 for 30% of the service credit, then unshared.
    find(p, shared)?;
    p.click(&p.wait("[data-testid=client-share]", SHORT)?)?;
    pick_broker(p, "client-share-to", "B002")?;
    p.type_text(&p.wait("[data-testid=client-share-rate]", SHORT)?, "30")?;
    p.type_text(
        &p.wait("[data-testid=client-share-reason]", SHORT)?,
        "客户配置基金，需理财顾问协同服务",
    )?;
    p.wait_gone(".ant-message-notice", SHORT)?;
    p.screenshot("console-relationships-share")?;
    p.click(&p.wait("[data-testid=client-share-ok]", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| t.contains("共同服务"))?;
    p.wait_text("[data-testid=client-co-server]", SHORT, |t| {
        t.contains("30%")
    })?;
    p.wait_gone(".ant-message-notice", SHORT)?;
    p.screenshot("console-relationships-shared")?;
    p.click(&p.wait("[data-testid=client-share-end]", SHORT)?)?;
    p.type_text(
        &p.wait("[data-testid=client-share-end-reason]", SHORT)?,
        "基金配置已完成，恢复单独服务",
    )?;
    p.click(&p.wait("[data-testid=client-share-end-ok]", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| t.contains("共享已结束"))?;
    // Shared again from the first of next month: it waits beside the moves.
    p.click(&p.wait("[data-testid=client-share]", SHORT)?)?;
    pick_broker(p, "client-share-to", "B002")?;
    p.type_text(&p.wait("[data-testid=client-share-rate]", SHORT)?, "20")?;
    p.click(&p.wait("[data-testid=client-share-day]", SHORT)?)?;
    let next_month = ".ant-picker-presets li:nth-child(2)";
    p.wait_text(next_month, SHORT, |t| t == "下月1日")?;
    p.click(&p.wait(next_month, SHORT)?)?;
    p.type_text(
        &p.wait("[data-testid=client-share-reason]", SHORT)?,
        "下月起客户定投计划由理财顾问协同服务",
    )?;
    p.wait_text("[data-testid=client-share-ok]", SHORT, |t| {
        t.contains("安排共享")
    })?;
    p.click(&p.wait("[data-testid=client-share-ok]", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| t.contains("单独服务"))?;
    p.wait_text("[data-testid=scheduled-transfers]", SHORT, |t| {
        t.contains(shared) && t.contains("共享，分得服务佣金 20%")
    })?;
    p.wait_text("[data-testid=client-scheduled]", SHORT, |t| {
        t.contains("共享")
    })?;
    p.wait_gone(".ant-message-notice", SHORT)?;
    p.screenshot("console-relationships-share-scheduled")?;
    // broker03 leaves: the book is previewed over broker01 and broker02, then handed over.
    p.click(&p.wait("[data-testid=handover-open]", SHORT)?)?;
    for (select, id) in [
        ("handover-from", "B003"),
        ("handover-to", "B001"),
        ("handover-to", "B002"),
    ] {
        pick_broker(p, select, id)?;
    }
    p.type_text(
        &p.wait("[data-testid=handover-reason]", SHORT)?,
        "经纪人离职，客户由同营业部经纪人接续服务",
    )?;
    p.click(&p.wait("[data-testid=handover-preview]", SHORT)?)?;
    p.wait_text("[data-testid=handover-plan]", SHORT, |t| {
        t.contains("B001") && t.contains("B002") && t.contains("将移交如下")
    })?;
    p.screenshot("console-handover-preview")?;
    p.click(&p.wait("[data-testid=handover-ok]", SHORT)?)?;
    p.wait_text(".ant-message", SHORT, |t| t.contains("已移交给"))?;
    sign_out(p)
}

/// Finds one client of the firm by id, replacing whatever was searched before.
fn find(p: &Session, client: &str) -> Result<()> {
    let search = p.wait("[data-testid=clients-search] input", SHORT)?;
    p.click(&search)?;
    p.press_chord("\u{E009}", "a")?;
    p.type_text(&search, &format!("{client}\u{E007}"))?;
    p.wait_text("[data-testid=console-clients]", SHORT, |t| {
        t.contains(client)
    })?;
    Ok(())
}

/// Chooses broker `id` in the broker select `testid` of the open dialog.
fn pick_broker(p: &Session, testid: &str, id: &str) -> Result<()> {
    let input = p.wait(&format!("[data-testid={testid}] input"), SHORT)?;
    p.type_text(&input, id)?;
    p.wait(".ant-select-item-option", SHORT)?;
    p.press_key("\u{E007}")
}

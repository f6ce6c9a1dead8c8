//! A complaint the client phoned in: the broker registers it on the 360°, head office numbers it
//! with the next sync, service staff take and answer it (`head-office case`), and the broker sees
//! each step; the lead sees it open with its time left.

use super::{gone, open_first_client, pending_is, show_clients, SHORT};
use anyhow::Result;
use e2e::{HeadOffice, Session};

const WORDS: &str = "客户来电称：去年购买的R4基金风险高于其测评结果，当时未被告知";
const ASKS: &str = "要求说明推荐依据，并协助赎回";
const REPLY: &str = "已调阅双录，向客户说明产品风险等级与测评结果，客户表示理解";

fn service_tab(app: &Session) -> Result<()> {
    show_clients(app, SHORT)?;
    open_first_client(app)?;
    app.click(&app.wait("[data-testid=profile-tab-service]", SHORT)?)?;
    app.wait("[data-testid=profile-service]", SHORT)?;
    Ok(())
}

fn close_drawer(app: &Session) -> Result<()> {
    app.press_key("\u{E00C}")?;
    gone(app, ".ant-drawer-open", "the profile to close")
}

const ROWS: &str = "[data-testid=service-complaints] tr[data-id]";

/// The ids of the complaints 服务记录 lists.
fn complaint_ids(app: &Session) -> Result<Vec<String>> {
    app.find_all(ROWS)?
        .iter()
        .map(|row| Ok(app.attribute(row, "data-id")?.unwrap_or_default()))
        .collect()
}

/// Registers the complaint and syncs; returns head office's case number.
pub fn register(app: &Session) -> Result<String> {
    service_tab(app)?;
    let before = complaint_ids(app)?;
    app.click(&app.wait("[data-testid=complaint-new]", SHORT)?)?;
    app.wait("[data-testid=complaint-form]", SHORT)?;
    app.click(&app.wait("[data-testid=complaint-category]", SHORT)?)?;
    app.click(&app.wait(".ant-select-item-option[title='适当性/销售']", SHORT)?)?;
    app.type_text(&app.wait("[data-testid=complaint-words]", SHORT)?, WORDS)?;
    app.type_text(&app.wait("[data-testid=complaint-asks]", SHORT)?, ASKS)?;
    app.wait_settled(".ant-modal", SHORT)?;
    app.screenshot("complaint-new")?;
    app.click(&app.wait("[data-testid=complaint-submit]", SHORT)?)?;
    gone(app, "[data-testid=complaint-form]", "the form to close")?;
    let id = e2e::wait_for("the new complaint in 服务记录", SHORT, || {
        Ok(complaint_ids(app)?
            .into_iter()
            .find(|id| !before.contains(id)))
    })?;
    let row = format!("{ROWS}[data-id='{id}']");
    app.wait_text(&row, SHORT, |t| t.contains("待同步"))?;
    close_drawer(app)?;
    app.click(&app.wait("[data-testid=status-sync-now]", SHORT)?)?;
    pending_is(app, 0)?;
    service_tab(app)?;
    let case_no = e2e::wait_for("head office's case number", SHORT, || {
        let case = match app.find(&row)? {
            Some(found) => app.attribute(&found, "data-case")?,
            None => None,
        };
        Ok(case.filter(|c| c.starts_with("TS")))
    })?;
    close_drawer(app)?;
    Ok(case_no)
}

/// Head office's service staff take the case and answer the client.
pub fn handle(head_office: &HeadOffice, case_no: &str) -> Result<()> {
    let by = ["--by", "总部客服 周敏"];
    head_office.admin(&[&["case", "assign", case_no, "--to", "周敏"][..], &by].concat())?;
    head_office.admin(&[&["case", "reply", case_no, "--note", REPLY][..], &by].concat())?;
    Ok(())
}

/// The answer reaches the desk with the next sync, every step with it.
pub fn status(app: &Session, case_no: &str) -> Result<()> {
    app.click(&app.wait("[data-testid=status-sync-now]", SHORT)?)?;
    pending_is(app, 0)?;
    service_tab(app)?;
    let row = format!("[data-testid=service-complaints] tr[data-case='{case_no}']");
    app.wait_text(&row, SHORT, |t| t.contains("已答复"))?;
    app.click(&app.wait(&format!("{row} .ant-table-row-expand-icon"), SHORT)?)?;
    app.wait_text("[data-testid=complaint-detail]", SHORT, |t| {
        t.contains(REPLY)
    })?;
    app.wait_settled("[data-testid=profile-service]", SHORT)?;
    app.screenshot("complaint-status")?;
    close_drawer(app)
}

//! Head office's web console in Debian's Chromium: each console role signs in with its demo
//! account, sees exactly the pages its role may read (head office's OpenAPI document decides),
//! walks them and signs out; an address of a page the role may not use shows one it may; a broker
//! is turned away with the reason. Screenshots `console-*.png` in target/e2e. That the API itself
//! refuses each role what it may not call is `tests/system/tests/role_matrix.rs`.
//!
//! This file holds the two scenarios; `console/pages.rs` drives the pages, `console/
//! broker_force.rs` is 经纪业务管理部's tree, levels and appraisal, `console/relationships.rs`
//! its moves, shares and a handover, and `console/desk_feed.rs` reads what a desk would pull.

use anyhow::{ensure, Context, Result};
use e2e::chrome::Chrome;
use e2e::HeadOffice;
use std::time::Duration;

#[path = "console/broker_force.rs"]
mod broker_force;
#[path = "console/desk_feed.rs"]
mod desk_feed;
#[path = "console/pages.rs"]
mod pages;
#[path = "console/pay.rs"]
mod pay;
#[path = "console/relationships.rs"]
mod relationships;

use desk_feed::broker01_has;
use pages::*;

const SHORT: Duration = Duration::from_secs(30);

#[test]
fn each_console_role_signs_in_and_walks_only_its_own_pages() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let head_office = HeadOffice::start(dir.path())?;
    let chrome = Chrome::start()?;
    let page = chrome.open(&dir.path().join("chromium"))?;
    let console = format!("{}/console/", head_office.url);

    page.step("sign-in page", |p| {
        p.navigate(&console)?;
        p.wait("[data-testid=console-username]", SHORT)?;
        p.screenshot("console-sign-in")
    })?;
    for w in WALKS {
        page.step(&format!("console-{}", w.username), |p| walk(p, &console, w))?;
    }

    // A page named in the address that the role may not use is not shown: its first own page is.
    page.step("another role's page", |p| {
        p.navigate(&format!("{console}#/{}", PAY_PLANS.1))?;
        sign_in(p, "compliance01")?;
        p.wait(LIBRARY.2, SHORT)?;
        ensure!(
            p.find(PAY_PLANS.2)?.is_none(),
            "compliance sees the pay plans"
        );
        p.click(&p.wait("[data-testid=console-sign-out]", SHORT)?)?;
        p.wait("[data-testid=console-username]", SHORT)?;
        Ok(())
    })?;

    // 经纪业务管理部 drills from the firm into a branch and prints the report.
    page.step("hq01 prints the summary report", |p| {
        p.navigate(&console)?;
        sign_in(p, "hq01")?;
        p.wait("[data-testid=console-menu]", SHORT)?;
        open_page(p, REPORTS.0)?;
        p.wait_text(REPORTS.2, SHORT, |t| t.contains("营业部"))?;
        p.wait("[data-testid=report-chart] svg", SHORT)?;
        let branch = p.wait(&format!("{} tbody tr a", REPORTS.2), SHORT)?;
        let name = p.text(&branch)?;
        p.click(&branch)?;
        p.wait_text(REPORTS.2, SHORT, |t| {
            t.contains("财富管理") && !t.contains(&name)
        })?;
        p.screenshot("console-report-branch")?;
        let size = p.print_pdf("console-report")?;
        ensure!(size > 10_000, "the printed report is {size} bytes");
        sign_out(p)
    })?;

    // 经纪业务管理部 shapes the broker force: a team, a move, a level, the appraisal.
    page.step("hq01 adds a team and moves a broker into it", |p| {
        p.navigate(&console)?;
        broker_force::shape(p)
    })?;
    page.step("finance01 adds a pay plan", |p| {
        p.navigate(&console)?;
        broker_force::add_pay_plan(p)
    })?;
    page.step("finance01 adjusts last month and a target", |p| {
        p.navigate(&console)?;
        pay::adjust(p)
    })?;

    // IT opens an account; its owner signs in with the password shown once.
    let password = page.step("admin opens an account", |p| {
        p.navigate(&console)?;
        sign_in(p, "admin")?;
        p.click(&p.wait("[data-testid=account-add]", SHORT)?)?;
        p.type_text(
            &p.wait("[data-testid=account-username]", SHORT)?,
            "finance02",
        )?;
        p.type_text(&p.wait("[data-testid=account-name]", SHORT)?, "孙悦")?;
        choose(p, "[data-testid=account-role]", "财务部")?;
        let unit = p.wait("[data-testid=account-unit] input", SHORT)?;
        p.type_text(&unit, "华信证券总部")?;
        p.wait(".ant-select-item-option", SHORT)?;
        p.press_key("\u{E007}")?;
        p.click(&p.wait(".ant-modal-footer .ant-btn-primary", SHORT)?)?;
        let shown = p.wait_text("[data-testid=account-password]", SHORT, |t| t.len() >= 12)?;
        p.screenshot("console-account-issued")?;
        p.click(&p.wait(".ant-modal-footer .ant-btn-primary", SHORT)?)?;
        sign_out(p)?;
        Ok(shown)
    })?;
    page.step("the new account signs in", |p| {
        p.type_text(
            &p.wait("[data-testid=console-username]", SHORT)?,
            "finance02",
        )?;
        p.type_text(
            &p.wait("[data-testid=console-password]", SHORT)?,
            password.trim(),
        )?;
        p.click(&p.wait("[data-testid=console-signin-submit]", SHORT)?)?;
        p.wait_text("[data-testid=console-role]", SHORT, |t| t == "财务部")?;
        sign_out(p)
    })?;

    // IT sets the backup directory on the server, then backs up from the console.
    let backups = dir.path().join("backups");
    head_office.admin(&["backup-dir", &backups.display().to_string()])?;
    page.step("admin backs up head office", |p| {
        p.navigate(&console)?;
        sign_in(p, "admin")?;
        p.wait("[data-testid=console-menu]", SHORT)?;
        open_page(p, BACKUPS.0)?;
        p.wait_text("[data-testid=backup-directory]", SHORT, |t| {
            t.contains("backups")
        })?;
        p.click(&p.wait("[data-testid=backup-take]", SHORT)?)?;
        p.wait_text(BACKUPS.2, SHORT, |t| t.contains("brokerdesk-"))?;
        p.screenshot("console-backups")?;
        sign_out(p)
    })?;
    let taken = std::fs::read_dir(&backups)?.count();
    ensure!(taken == 1, "{taken} files in the backup directory");

    // Customer service moves a case on; a step the case cannot take is refused in Chinese.
    page.step("service01 handles a complaint", |p| {
        p.navigate(&console)?;
        sign_in(p, "service01")?;
        p.wait_text("[data-testid=console-complaints]", SHORT, |t| {
            t.contains("转监管")
        })?;
        p.click(&p.wait("[data-testid=case-step]", SHORT)?)?;
        let pick = |status: &str| choose(p, "[data-testid=case-step-to]", status);
        pick("处理中")?;
        p.type_text(
            &p.wait("[data-testid=case-step-note]", SHORT)?,
            "已联系监管转办，等待回复",
        )?;
        p.click(&p.wait("[data-testid=case-step-ok]", SHORT)?)?;
        p.wait("[data-testid=case-step-error]", SHORT)?;
        p.screenshot("console-complaint-refused")?;
        pick("结案")?;
        p.click(&p.wait("[data-testid=case-step-ok]", SHORT)?)?;
        p.wait_text(".ant-message", SHORT, |t| t.contains("已更新"))?;
        sign_out(p)
    })?;

    // A wrong password, then a broker: each told why, in Chinese.
    page.step("refusals", |p| {
        p.type_text(
            &p.wait("[data-testid=console-username]", SHORT)?,
            "finance01",
        )?;
        p.type_text(
            &p.wait("[data-testid=console-password]", SHORT)?,
            "wrong-password",
        )?;
        p.click(&p.wait("[data-testid=console-signin-submit]", SHORT)?)?;
        p.wait_text("[data-testid=console-signin-error]", SHORT, |t| {
            t.contains("用户名或密码不正确")
        })?;
        p.navigate(&console)?;
        sign_in(p, "broker01")?;
        p.wait_text("[data-testid=console-signin-error]", SHORT, |t| {
            t.contains("请使用经纪人工作台")
        })?;
        p.screenshot("console-broker-refused")
    })?;
    page.close()
}

#[test]
fn hq_and_compliance_work_the_library_and_a_client_moves() -> Result<()> {
    const TITLE: &str = "2027 年红利策略展望（控制台发布）";
    let dir = tempfile::tempdir()?;
    let head_office = HeadOffice::start(dir.path())?;
    let chrome = Chrome::start()?;
    let page = chrome.open(&dir.path().join("chromium"))?;
    let console = format!("{}/console/", head_office.url);

    page.step("hq01 drafts", |p| {
        p.navigate(&console)?;
        sign_in(p, "hq01")?;
        p.wait("[data-testid=console-menu]", SHORT)?;
        open_page(p, LIBRARY.0)?;
        p.click(&p.wait("[data-testid=library-new]", SHORT)?)?;
        p.type_text(&p.wait("[data-testid=library-title]", SHORT)?, TITLE)?;
        p.type_text(
            &p.wait("[data-testid=library-summary]", SHORT)?,
            "高股息组合，本金保本",
        )?;
        p.type_text(
            &p.wait("[data-testid=library-author]", SHORT)?,
            "研究所 王磊",
        )?;
        p.click(&p.wait("[data-testid=library-submit]", SHORT)?)?;
        // Kept as a draft, not sent: the summary promises what no one may.
        p.wait_text("[data-testid=library-error]", SHORT, |t| {
            t.contains("不得承诺收益或保本")
        })?;
        p.screenshot("console-library-refused")?;
        let summary = p.wait("[data-testid=library-summary]", SHORT)?;
        p.click(&summary)?;
        p.press_chord("\u{E009}", "a")?;
        p.press_key("\u{E003}")?;
        p.type_text(&summary, "关注高股息资产的防御属性，注意利率波动风险")?;
        p.click(&p.wait("[data-testid=library-submit]", SHORT)?)?;
        p.wait_text("[data-testid=console-library]", SHORT, |t| {
            t.contains(TITLE) && t.contains("待合规审核")
        })?;
        let mut rows = 0;
        for row in p.find_all("[data-testid=console-library] tbody tr")? {
            rows += usize::from(p.text(&row)?.contains(TITLE));
        }
        ensure!(
            rows == 1,
            "{rows} items titled {TITLE}: the refused submission left another"
        );
        p.screenshot("console-library-submitted")?;
        sign_out(p)
    })?;

    page.step("compliance01 publishes", |p| {
        sign_in(p, "compliance01")?;
        // The queue opens on what waits for review.
        p.wait_text("[data-testid=console-library]", SHORT, |t| {
            t.contains(TITLE)
        })?;
        p.click(&p.wait("[data-testid=library-review]", SHORT)?)?;
        p.wait_text("[data-testid=review-summary]", SHORT, |t| {
            t.contains("防御属性")
        })?;
        p.screenshot("console-library-review")?;
        p.click(&p.wait("[data-testid=review-approve]", SHORT)?)?;
        p.wait_text(".ant-message", SHORT, |t| t.contains("已审核通过并发布"))?;
        ensure!(
            !p.text(&p.wait("[data-testid=console-library]", SHORT)?)?
                .contains(TITLE),
            "the published item still waits for review"
        );
        sign_out(p)
    })?;

    ensure!(
        broker01_has(&head_office.url, TITLE)?,
        "broker01's next sync does not bring the published item"
    );

    // 经纪业务管理部 moves one of broker01's clients to broker02; head office's book follows (the
    // desks follow it at their next sync: tests/system/tests/console_relationships.rs).
    let db = head_office
        .sqlite_file()
        .context("the e2e head office runs on SQLite")?;
    let client: String = rusqlite::Connection::open(&db)?.query_row(
        "SELECT id FROM clients WHERE broker_id = 'B001' ORDER BY id LIMIT 1",
        [],
        |r| r.get(0),
    )?;
    let later: String = rusqlite::Connection::open(&db)?.query_row(
        "SELECT id FROM clients WHERE broker_id = 'B001' ORDER BY id LIMIT 1 OFFSET 1",
        [],
        |r| r.get(0),
    )?;
    let shared: String = rusqlite::Connection::open(&db)?.query_row(
        "SELECT id FROM clients WHERE broker_id = 'B001' AND developing_broker_id <> 'B002' \
         ORDER BY id LIMIT 1 OFFSET 2",
        [],
        |r| r.get(0),
    )?;
    page.step("hq01 moves a client", |p| {
        relationships::walk(p, &client, &later, &shared)
    })?;
    let left: i64 = rusqlite::Connection::open(&db)?.query_row(
        "SELECT count(*) FROM clients WHERE broker_id = 'B003'",
        [],
        |r| r.get(0),
    )?;
    ensure!(
        left == 0,
        "broker03 still serves {left} clients after the handover"
    );
    let serving: String = rusqlite::Connection::open(&db)?.query_row(
        "SELECT broker_id FROM clients WHERE id = ?1",
        [&client],
        |r| r.get(0),
    )?;
    ensure!(serving == "B002", "{client} is served by {serving}");

    page.step("compliance01 reads the operation log", |p| {
        sign_in(p, "compliance01")?;
        p.wait("[data-testid=console-menu]", SHORT)?;
        open_page(p, ACTIONS.0)?;
        p.wait_text("[data-testid=console-actions]", SHORT, |t| {
            t.contains("客户划转") && t.contains("资料审核通过并发布") && t.contains(&client)
        })?;
        p.screenshot("console-actions")?;
        // Narrowed to the move by words head office matches.
        let search = p.wait("[data-testid=actions-search] input", SHORT)?;
        p.type_text(&search, &format!("客户划转 {client}\u{E007}"))?;
        p.wait_text("[data-testid=console-actions]", SHORT, |t| {
            t.contains(&client) && !t.contains("资料审核通过并发布")
        })?;
        p.screenshot("console-actions-narrowed")?;
        sign_out(p)
    })?;
    page.close()
}

//! Head office's web console in Debian's Chromium: each console role signs in with its demo
//! account, sees exactly the pages its role may read (head office's OpenAPI document decides),
//! walks them and signs out; an address of a page the role may not use shows one it may; a broker
//! is turned away with the reason. Screenshots `console-*.png` in target/e2e. That the API itself
//! refuses each role what it may not call is `tests/system/tests/role_matrix.rs`.

use anyhow::{ensure, Context, Result};
use e2e::chrome::Chrome;
use e2e::{HeadOffice, Session};
use std::time::Duration;

const SHORT: Duration = Duration::from_secs(30);

struct Walk {
    username: &'static str,
    role: &'static str,
    /// Menu labels and the element each page shows, in menu order.
    pages: &'static [(&'static str, &'static str, &'static str)],
}

const STAFF: (&str, &str, &str) = ("组织与人员", "staff", "[data-testid=console-staff-table]");
const LEVELS: (&str, &str, &str) = ("经纪人级别", "levels", "[data-testid=console-levels]");
const APPRAISAL: (&str, &str, &str) = ("经纪人考核", "appraisal", "[data-testid=appraisal-levels]");
const REPORTS: (&str, &str, &str) = ("汇总报表", "reports", "[data-testid=console-report]");
const RELATIONSHIPS: (&str, &str, &str) =
    ("客户关系", "relationships", "[data-testid=console-clients]");
const SETTLEMENT: (&str, &str, &str) = ("佣金结算", "settlement", "[data-testid=console-disputes]");
const ACTIONS: (&str, &str, &str) = ("操作日志", "actions", "[data-testid=console-actions]");
const LIBRARY: (&str, &str, &str) = ("资料库审核", "library", "[data-testid=console-library]");
const ACCESS_LOG: (&str, &str, &str) = (
    "敏感信息查看记录",
    "access-log",
    "[data-testid=console-access-table]",
);
const PAY_PLANS: (&str, &str, &str) = ("薪酬方案", "pay-plans", "[data-testid=console-pay-plans]");
const COMPLAINTS: (&str, &str, &str) =
    ("投诉队列", "complaints", "[data-testid=console-complaints]");

const WALKS: &[Walk] = &[
    Walk {
        username: "hq01",
        role: "经纪业务管理部",
        pages: &[STAFF, LEVELS, APPRAISAL, REPORTS, RELATIONSHIPS, LIBRARY],
    },
    Walk {
        username: "compliance01",
        role: "合规部",
        pages: &[LIBRARY, ACCESS_LOG, ACTIONS],
    },
    Walk {
        username: "finance01",
        role: "财务部",
        pages: &[LEVELS, APPRAISAL, PAY_PLANS, SETTLEMENT],
    },
    Walk {
        username: "service01",
        role: "客服",
        pages: &[COMPLAINTS],
    },
    Walk {
        username: "admin",
        role: "信息技术部（管理员）",
        pages: &[STAFF, REPORTS, ACCESS_LOG, ACTIONS, COMPLAINTS],
    },
];

fn sign_in(page: &Session, username: &str) -> Result<()> {
    page.type_text(
        &page.wait("[data-testid=console-username]", SHORT)?,
        username,
    )?;
    page.type_text(
        &page.wait("[data-testid=console-password]", SHORT)?,
        "demo1234",
    )?;
    page.click(&page.wait("[data-testid=console-signin-submit]", SHORT)?)
}

fn menu_labels(page: &Session) -> Result<Vec<String>> {
    page.wait("[data-testid=console-menu]", SHORT)?;
    page.find_all("[data-testid=console-menu] .ant-menu-title-content")?
        .iter()
        .map(|item| page.text(item))
        .collect()
}

fn walk(page: &Session, console: &str, walk: &Walk) -> Result<()> {
    page.navigate(console)?;
    sign_in(page, walk.username)?;
    page.wait_text("[data-testid=console-role]", SHORT, |t| t == walk.role)?;
    let labels = menu_labels(page)?;
    let expected: Vec<&str> = walk.pages.iter().map(|p| p.0).collect();
    ensure!(
        labels == expected,
        "{}: menu {labels:?}, expected {expected:?}",
        walk.username
    );
    for (label, key, shown) in walk.pages {
        let items = page.find_all("[data-testid=console-menu] .ant-menu-item")?;
        let mut clicked = false;
        for item in items {
            if page.text(&item)? == *label {
                page.click(&item)?;
                clicked = true;
                break;
            }
        }
        ensure!(clicked, "{}: no menu item {label}", walk.username);
        page.wait(shown, SHORT)?;
        // Tables fill after their read; wait for the spinner to go.
        e2e::wait_for("the page's data", SHORT, || {
            Ok(page.find(".ant-spin-spinning")?.is_none().then_some(()))
        })?;
        page.screenshot(&format!("console-{}-{key}", walk.username))?;
    }
    page.click(&page.wait("[data-testid=console-sign-out]", SHORT)?)?;
    page.wait("[data-testid=console-username]", SHORT)?;
    Ok(())
}

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

    // 经纪业务管理部 adds a team under a branch and moves a broker into it.
    page.step("hq01 adds a team and moves a broker into it", |p| {
        p.navigate(&console)?;
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

/// Picks the option `text` of an antd select.
fn choose(page: &Session, select: &str, text: &str) -> Result<()> {
    page.click(&page.wait(select, SHORT)?)?;
    page.wait(".ant-select-item-option", SHORT)?;
    for option in page.find_all(".ant-select-item-option")? {
        if page.text(&option)? == text {
            return page.click(&option);
        }
    }
    anyhow::bail!("no option {text} in {select}")
}

/// Replaces what a number input holds.
fn set_number(page: &Session, testid: &str, value: &str) -> Result<()> {
    let input = page.wait(
        &format!("input[data-testid={testid}], [data-testid={testid}] input"),
        SHORT,
    )?;
    page.click(&input)?;
    page.press_chord("\u{E009}", "a")?;
    page.type_text(&input, value)
}

/// Selects the unit whose name starts `name` in the staff page's org tree.
fn pick_unit(page: &Session, name: &str) -> Result<()> {
    page.wait("[data-testid=console-org-tree] .ant-tree-title", SHORT)?;
    for title in page.find_all("[data-testid=console-org-tree] .ant-tree-title")? {
        if page.text(&title)?.starts_with(name) {
            return page.click(&title);
        }
    }
    anyhow::bail!("no unit {name} in the org tree")
}

fn open_page(page: &Session, label: &str) -> Result<()> {
    for item in page.find_all("[data-testid=console-menu] .ant-menu-item")? {
        if page.text(&item)? == label {
            return page.click(&item);
        }
    }
    anyhow::bail!("no menu item {label}")
}

fn sign_out(page: &Session) -> Result<()> {
    page.click(&page.wait("[data-testid=console-sign-out]", SHORT)?)?;
    page.wait("[data-testid=console-username]", SHORT)?;
    Ok(())
}

/// Whether broker01's feed, as a desk pulls it, has an approved item titled `title`.
fn broker01_has(head_office: &str, title: &str) -> Result<bool> {
    let http = reqwest::blocking::Client::builder()
        .timeout(SHORT)
        .build()?;
    let protocol = http
        .get(format!("{head_office}/api/v1/health"))
        .send()?
        .json::<serde_json::Value>()?["protocol"]
        .to_string();
    let tokens: serde_json::Value = http
        .post(format!("{head_office}/api/v1/auth/sign-in"))
        .header("x-brokerdesk-protocol", &protocol)
        .json(&serde_json::json!({"username": "broker01", "password": "demo1234", "device_id": "e2e-console"}))
        .send()?
        .json()?;
    let token = tokens["access_token"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let mut cursor = 0;
    // Bounded: the demo broker's whole book is a few hundred pages at most.
    for _ in 0..2000 {
        let page: serde_json::Value = http
            .get(format!("{head_office}/api/v1/feed"))
            .header("x-brokerdesk-protocol", &protocol)
            .bearer_auth(&token)
            .query(&[
                ("cursor", cursor.to_string()),
                ("limit", "1000".into()),
                ("count", "false".into()),
            ])
            .send()?
            .json()?;
        let changes = page["changes"].as_array().cloned().unwrap_or_default();
        if changes.iter().any(|c| {
            let text = c.to_string();
            text.contains(title) && text.contains("\"approval\":\"approved\"")
        }) {
            return Ok(true);
        }
        if page["has_more"] != true {
            return Ok(false);
        }
        cursor = page["cursor"].as_u64().unwrap_or_default();
    }
    Ok(false)
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
    page.step("hq01 moves a client", |p| {
        sign_in(p, "hq01")?;
        p.wait("[data-testid=console-menu]", SHORT)?;
        open_page(p, RELATIONSHIPS.0)?;
        let search = p.wait("[data-testid=clients-search] input", SHORT)?;
        p.type_text(&search, &format!("{client}\u{E007}"))?;
        p.wait_text("[data-testid=console-clients]", SHORT, |t| {
            t.contains(&client)
        })?;
        p.click(&p.wait("[data-testid=client-move]", SHORT)?)?;
        let to = p.wait("[data-testid=client-move-to] input", SHORT)?;
        p.type_text(&to, "B002")?;
        p.wait(".ant-select-item-option", SHORT)?;
        p.press_key("\u{E007}")?;
        p.type_text(
            &p.wait("[data-testid=client-move-reason]", SHORT)?,
            "原经纪人调岗，客户由同城经纪人接续服务",
        )?;
        p.screenshot("console-relationships-move")?;
        p.click(&p.wait("[data-testid=client-move-ok]", SHORT)?)?;
        p.wait_text(".ant-message", SHORT, |t| t.contains("已划转给"))?;
        p.screenshot("console-relationships-moved")?;
        sign_out(p)
    })?;
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

//! Driving head office's console in the browser: the pages each role should see, signing in and
//! out, the menu, and antd's selects, number inputs and tree.

use super::SHORT;
use anyhow::{ensure, Result};
use e2e::Session;

pub struct Walk {
    pub username: &'static str,
    pub role: &'static str,
    /// Menu labels and the element each page shows, in menu order.
    pub pages: &'static [(&'static str, &'static str, &'static str)],
}

pub const STAFF: (&str, &str, &str) = ("组织与人员", "staff", "[data-testid=console-staff-table]");
pub const LEVELS: (&str, &str, &str) = ("经纪人级别", "levels", "[data-testid=console-levels]");
pub const APPRAISAL: (&str, &str, &str) =
    ("经纪人考核", "appraisal", "[data-testid=appraisal-levels]");
pub const REPORTS: (&str, &str, &str) = ("汇总报表", "reports", "[data-testid=console-report]");
pub const RELATIONSHIPS: (&str, &str, &str) =
    ("客户关系", "relationships", "[data-testid=console-clients]");
pub const SETTLEMENT: (&str, &str, &str) =
    ("佣金结算", "settlement", "[data-testid=console-disputes]");
pub const ACTIONS: (&str, &str, &str) = ("操作日志", "actions", "[data-testid=console-actions]");
pub const LIBRARY: (&str, &str, &str) = ("资料库审核", "library", "[data-testid=console-library]");
pub const ACCESS_LOG: (&str, &str, &str) = (
    "敏感信息查看记录",
    "access-log",
    "[data-testid=console-access-table]",
);
pub const PAY_PLANS: (&str, &str, &str) =
    ("薪酬方案", "pay-plans", "[data-testid=console-pay-plans]");
pub const PAY_ADJUSTMENTS: (&str, &str, &str) = (
    "薪酬调整",
    "pay-adjustments",
    "[data-testid=console-adjustments]",
);
pub const COMPLAINTS: (&str, &str, &str) =
    ("投诉队列", "complaints", "[data-testid=console-complaints]");
pub const BACKUPS: (&str, &str, &str) = ("数据备份", "backups", "[data-testid=console-backups]");

pub const WALKS: &[Walk] = &[
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
        pages: &[LEVELS, APPRAISAL, PAY_PLANS, PAY_ADJUSTMENTS, SETTLEMENT],
    },
    Walk {
        username: "service01",
        role: "客服",
        pages: &[COMPLAINTS],
    },
    Walk {
        username: "admin",
        role: "信息技术部（管理员）",
        pages: &[STAFF, REPORTS, ACCESS_LOG, ACTIONS, COMPLAINTS, BACKUPS],
    },
];

pub fn sign_in(page: &Session, username: &str) -> Result<()> {
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

pub fn menu_labels(page: &Session) -> Result<Vec<String>> {
    page.wait("[data-testid=console-menu]", SHORT)?;
    page.find_all("[data-testid=console-menu] .ant-menu-title-content")?
        .iter()
        .map(|item| page.text(item))
        .collect()
}

pub fn walk(page: &Session, console: &str, walk: &Walk) -> Result<()> {
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

/// Picks the option `text` of an antd select.
pub fn choose(page: &Session, select: &str, text: &str) -> Result<()> {
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
pub fn set_number(page: &Session, testid: &str, value: &str) -> Result<()> {
    let input = page.wait(
        &format!("input[data-testid={testid}], [data-testid={testid}] input"),
        SHORT,
    )?;
    page.click(&input)?;
    page.press_chord("\u{E009}", "a")?;
    page.type_text(&input, value)
}

/// Selects the unit whose name starts `name` in the staff page's org tree.
pub fn pick_unit(page: &Session, name: &str) -> Result<()> {
    page.wait("[data-testid=console-org-tree] .ant-tree-title", SHORT)?;
    for title in page.find_all("[data-testid=console-org-tree] .ant-tree-title")? {
        if page.text(&title)?.starts_with(name) {
            return page.click(&title);
        }
    }
    anyhow::bail!("no unit {name} in the org tree")
}

pub fn open_page(page: &Session, label: &str) -> Result<()> {
    for item in page.find_all("[data-testid=console-menu] .ant-menu-item")? {
        if page.text(&item)? == label {
            return page.click(&item);
        }
    }
    anyhow::bail!("no menu item {label}")
}

pub fn sign_out(page: &Session) -> Result<()> {
    page.click(&page.wait("[data-testid=console-sign-out]", SHORT)?)?;
    page.wait("[data-testid=console-username]", SHORT)?;
    Ok(())
}

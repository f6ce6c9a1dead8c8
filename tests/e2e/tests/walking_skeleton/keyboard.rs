//! The keyboard alone, from an unlocked desk: Ctrl+K finds the client opened last by typing
//! their initials, Enter opens the 360°, N logs a call (Ctrl+Enter saves), R sets a follow-up,
//! Esc goes back, Ctrl+K → 佣金 opens the commission panel, and ? shows every shortcut. No
//! click, no element picked by the test: every key goes to whatever the desk has focused.

use super::{gone, SHORT};
use anyhow::{ensure, Result};
use e2e::Session;

const CONTROL: &str = "\u{E009}";
const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";
const NOTE: &str = "键盘记录：电话沟通，客户考虑下周加仓";
const FOLLOW_UP: &str = "键盘提醒：回电确认加仓金额";

/// Waits until the focus is on the element with `testid`: the next keys go there.
fn focus_is_on(app: &Session, testid: &str) -> Result<()> {
    e2e::wait_for(&format!("the focus on {testid}"), SHORT, || {
        let active = app.active()?;
        Ok((app.attribute(&active, "data-testid")?.as_deref() == Some(testid)).then_some(()))
    })
}

/// Types into whatever has the focus.
fn type_here(app: &Session, text: &str) -> Result<()> {
    app.type_text(&app.active()?, text)
}

fn open_palette(app: &Session) -> Result<()> {
    app.press_chord(CONTROL, "k")?;
    app.wait("[role=combobox][aria-label=命令面板]", SHORT)?;
    focus_is_on(app, "palette-input")
}

/// The option the palette would run on Enter, once the palette has stopped moving: an Enter
/// pressed while it still opens was lost once under load, and the palette stayed open.
fn chosen_option(app: &Session, what: &str, expect: impl Fn(&str) -> bool) -> Result<String> {
    let chosen = app
        .wait_text("[role=option][aria-selected=true]", SHORT, |t| expect(t))
        .map_err(|e| e.context(format!("{what} chosen in the palette")))?;
    app.wait_settled(".command-palette", SHORT)?;
    Ok(chosen)
}

pub fn walk(app: &Session) -> Result<()> {
    app.press_key(ESCAPE)?;
    open_palette(app)?;
    // Before anything is typed: the clients opened lately, the latest first.
    let first = app.wait("[role=option]", SHORT)?;
    let testid = app.attribute(&first, "data-testid")?.unwrap_or_default();
    ensure!(
        testid.starts_with("palette-client-"),
        "the palette opens on the client opened last, not {testid:?}"
    );
    // Read once the palette shows (WebDriver reads no text of what is not displayed yet).
    let name = app.wait_text("[role=option] .palette-name", SHORT, |t| {
        !t.trim().is_empty()
    })?;
    let (_, initials) = store::name_keys(&name);
    type_here(app, &initials)?;
    chosen_option(app, &name, |t| t.contains(&name) && t.contains("首字母"))?;
    app.screenshot("palette")?;
    app.press_key(ENTER)?;
    app.wait_text("[data-testid=profile-name]", SHORT, |t| t.contains(&name))?;

    app.press_key("n")?;
    focus_is_on(app, "contact-summary")?;
    type_here(app, NOTE)?;
    app.press_chord(CONTROL, ENTER)?;
    app.wait_text("[data-testid=contact-timeline]", SHORT, |t| {
        t.contains(NOTE)
    })?;

    app.press_key("r")?;
    app.wait_text("[data-testid=reminder-form]", SHORT, |t| t.contains(&name))?;
    focus_is_on(app, "reminder-title")?;
    type_here(app, FOLLOW_UP)?;
    app.press_chord(CONTROL, ENTER)?;
    gone(
        app,
        "[data-testid=reminder-form]",
        "the reminder form to be saved",
    )?;
    app.press_key(ESCAPE)?;
    gone(app, ".ant-drawer-open", "the 360° to close on Esc")?;

    open_palette(app)?;
    type_here(app, "佣金")?;
    chosen_option(app, "打开佣金", |t| t.contains("打开佣金"))?;
    app.screenshot("palette-action")?;
    app.press_key(ENTER)?;
    app.wait("[data-testid=commission-panel]", SHORT)?;

    // The follow-up set by R is on the agenda, reached by the palette too.
    open_palette(app)?;
    type_here(app, "提醒")?;
    chosen_option(app, "打开提醒", |t| t.contains("打开提醒"))?;
    app.press_key(ENTER)?;
    app.wait_text("[data-testid=reminders-agenda]", SHORT, |t| {
        t.contains(FOLLOW_UP)
    })?;

    app.press_key("?")?;
    app.wait_text("[data-testid=shortcut-help-body]", SHORT, |t| {
        t.contains("打开命令面板") && t.contains("下一交易日")
    })?;
    app.wait_settled("[data-testid=shortcut-help-body]", SHORT)?;
    app.screenshot("shortcuts-help")?;
    app.press_key(ESCAPE)?;
    gone(
        app,
        "[data-testid=shortcut-help-body]",
        "the shortcut sheet to close",
    )
}

//! The console's operation log (操作日志): every change a member of head office's staff makes
//! is written with who, when, to what and why: with the change, in its transaction, where storage
//! offers it (`logged`, `written`), else just after it (`record`).

use crate::auth::new_token;
use crate::error::{HeadOfficeError, Result};
use chrono::{DateTime, Days, NaiveDate, Utc};
use domain::clock::shanghai_midnight;
use head_office_storage::staff::NewStaffAction;
use head_office_storage::{Storage, UserRow};
use protocol::console::{ActionQuery, DaySpan, StaffAction};

pub fn record(
    storage: &dyn Storage,
    caller: &UserRow,
    action: &str,
    subject: &str,
    detail: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    logged(caller, action, subject, detail, at, |line| {
        storage.record_staff_action(line)
    })
}

/// A console change's author and why, for a change that IT may also make from the command line
/// (where nothing is logged): the log line is then `message` and the reason.
pub struct ByStaff<'a> {
    pub caller: &'a UserRow,
    pub action: &'a str,
    pub reason: Option<&'a str>,
    pub at: DateTime<Utc>,
}

/// Makes the change with its log line, if a member of staff makes it.
pub fn written<T>(
    by: Option<&ByStaff<'_>>,
    subject: &str,
    message: &str,
    write: impl FnOnce(Option<&NewStaffAction<'_>>) -> head_office_storage::Result<T>,
) -> Result<T> {
    let Some(by) = by else {
        return Ok(write(None)?);
    };
    let detail = match by.reason {
        Some(reason) => format!("{message}：{reason}"),
        None => message.to_string(),
    };
    logged(by.caller, by.action, subject, &detail, by.at, |line| {
        write(Some(line))
    })
}

/// Hands `write` the log line of the change it makes, for storage to write in the change's own
/// transaction: the log then holds exactly the changes made.
pub fn logged<T>(
    caller: &UserRow,
    action: &str,
    subject: &str,
    detail: &str,
    at: DateTime<Utc>,
    write: impl FnOnce(&NewStaffAction<'_>) -> head_office_storage::Result<T>,
) -> Result<T> {
    let id = new_token();
    Ok(write(&NewStaffAction {
        id: &id[..24],
        at,
        user_id: &caller.id,
        action,
        subject,
        detail,
    })?)
}

const REASON_CHARS: std::ops::RangeInclusive<usize> = 4..=200;

/// The reason a change is made, as the operation log keeps it: `what` names the change.
pub fn reason<'a>(text: &'a str, what: &str) -> Result<&'a str> {
    let reason = text.trim();
    if !REASON_CHARS.contains(&reason.chars().count()) {
        return Err(HeadOfficeError::Validation(format!(
            "请写明{what}原因（{} 到 {} 字），会记入操作日志",
            REASON_CHARS.start(),
            REASON_CHARS.end()
        )));
    }
    Ok(reason)
}

/// The Beijing days of `span`, checked as a reviewer's query: in order and at most a quarter.
pub fn checked(span: &DaySpan) -> Result<(NaiveDate, NaiveDate)> {
    checked_within(span, DaySpan::MAX_DAYS)
}

fn checked_within(span: &DaySpan, max_days: i64) -> Result<(NaiveDate, NaiveDate)> {
    let days = (span.until - span.from).num_days() + 1;
    if days < 1 {
        return Err(HeadOfficeError::Validation(
            "结束日期不能早于开始日期".into(),
        ));
    }
    if days > max_days {
        return Err(HeadOfficeError::Validation(
            if max_days < DaySpan::MAX_EXPORT_DAYS {
                format!("一次最多查询 {max_days} 天，更长的时段请导出")
            } else {
                format!("一次最多导出 {max_days} 天，请分段导出")
            },
        ));
    }
    Ok((span.from, span.until))
}

/// What staff did on the Beijing days of the query, newest first, narrowed by its words.
pub fn actions(storage: &dyn Storage, query: &ActionQuery) -> Result<Vec<StaffAction>> {
    read(storage, query, DaySpan::MAX_DAYS)
}

/// The same for an export, which may cover up to a year.
pub fn actions_to_export(storage: &dyn Storage, query: &ActionQuery) -> Result<Vec<StaffAction>> {
    read(storage, query, DaySpan::MAX_EXPORT_DAYS)
}

fn read(storage: &dyn Storage, query: &ActionQuery, max_days: i64) -> Result<Vec<StaffAction>> {
    let (from, until) = checked_within(&query.span(), max_days)?;
    let end = until.checked_add_days(Days::new(1)).unwrap_or(until);
    let all = storage.staff_actions(shanghai_midnight(from), shanghai_midnight(end))?;
    let words: Vec<String> = query
        .q
        .as_deref()
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    Ok(all.into_iter().filter(|a| mentions(a, &words)).collect())
}

/// Whether every word appears somewhere in the entry: its person, department, action, subject
/// or detail.
fn mentions(action: &StaffAction, words: &[String]) -> bool {
    let text = [
        action.user_id.as_str(),
        &action.user_name,
        crate::access::role_name(action.role),
        &action.action,
        &action.subject,
        &action.detail,
    ]
    .join(" ")
    .to_lowercase();
    words.iter().all(|w| text.contains(w.as_str()))
}

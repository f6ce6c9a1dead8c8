//! The audit log as head-office IT exports it: whole Beijing days of what head office received,
//! one CSV line per reveal or export, with who, when it happened (as the desk says) and when it
//! arrived, which client and field, and the stated reason.

use crate::error::Result;
use chrono::{DateTime, Days, NaiveDate, Utc};
use domain::clock::shanghai;
use domain::spreadsheet::csv_cell;
use head_office_storage::{AuditEntry, Storage};

fn day_start(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(shanghai()).single())
        .map_or(DateTime::<Utc>::MIN_UTC, |t| t.with_timezone(&Utc))
}

/// Entries received from the start of `from` to the end of `until`, both Beijing days. A desk that
/// was offline reports late; its events are in the export of the day they arrived.
pub fn entries_in(
    storage: &dyn Storage,
    from: NaiveDate,
    until: NaiveDate,
) -> Result<Vec<AuditEntry>> {
    let end = until.checked_add_days(Days::new(1)).unwrap_or(until);
    Ok(storage.audit_entries(day_start(from), day_start(end))?)
}

pub fn to_csv(entries: &[AuditEntry]) -> String {
    let mut out = String::from("\u{feff}时间,总部接收时间,用户,操作,客户,字段,事由,说明\r\n");
    let beijing = |t: &DateTime<Utc>| {
        t.with_timezone(&shanghai())
            .format("%Y-%m-%d %H:%M:%S")
            .to_string()
    };
    for e in entries {
        let action = match e.action {
            domain::AccessAction::Reveal => "查看",
            domain::AccessAction::Export => "导出",
        };
        let line = [
            beijing(&e.at),
            beijing(&e.received_at),
            e.username.clone(),
            action.to_string(),
            e.client_id.clone().unwrap_or_default(),
            e.field
                .map(|f| f.label_zh().to_string())
                .unwrap_or_default(),
            e.reason.clone(),
            e.detail.clone(),
        ];
        // Reasons and details are the broker's own words: defused, never run as formulas.
        let cells: Vec<String> = line.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_reason_written_as_a_formula_is_exported_as_text() {
        let entry = AuditEntry {
            id: "A1".into(),
            user_id: "B001".into(),
            username: "broker01".into(),
            action: domain::AccessAction::Reveal,
            client_id: Some("C0000001".into()),
            field: Some(domain::SensitiveField::Mobile),
            reason: "=HYPERLINK(\"http://x\",\"看\")".into(),
            detail: "@SUM(1)".into(),
            at: Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap(),
            received_at: Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 3).unwrap(),
        };
        let csv = to_csv(&[entry]);
        let line = csv.lines().nth(1).unwrap();
        assert_eq!(
            line,
            "2026-11-25 10:00:00,2026-11-25 10:00:03,broker01,查看,C0000001,手机号,\"'=HYPERLINK(\"\"http://x\"\",\"\"看\"\")\",'@SUM(1)"
        );
    }
}

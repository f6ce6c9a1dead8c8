//! Return visits (回访) and their satisfaction surveys, on either backend: head office's caller
//! records each into the serving broker's feed; a lead reads the scores month by month.

use super::books::serving_broker;
use super::rows_360::SERVICE_CASES;
use crate::db::Db;
use crate::error::{Result, StorageError};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use domain::clock::shanghai_date;
use domain::satisfaction::{average_tenths, check_score};
use domain::CaseStatus;
use protocol::{
    CaseStep, NewReturnVisit, Record, SatisfactionPoint, ServiceCaseKind, ServiceCaseRecord,
};
use rusqlite::params;

fn text(value: &str, what: &str, max: usize) -> Result<String> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > max {
        return Err(StorageError::Validation(format!(
            "请填写{what}（不超过 {max} 字）"
        )));
    }
    Ok(value.to_string())
}

/// Records a visit in the book of the client's serving broker, in the caller's transaction.
pub(super) fn record(
    db: &Db<'_>,
    v: &NewReturnVisit,
    now: DateTime<Utc>,
) -> Result<ServiceCaseRecord> {
    let broker = serving_broker(db, &v.client_id)?
        .ok_or_else(|| StorageError::NotFound(format!("客户 {}", v.client_id)))?;
    if v.visited_on > shanghai_date(now) {
        return Err(StorageError::Validation(format!(
            "回访日期 {} 不能晚于今天",
            v.visited_on
        )));
    }
    let satisfaction = v
        .satisfaction
        .map(check_score)
        .transpose()
        .map_err(|e| StorageError::Validation(e.to_string()))?;
    let client_words = match v.client_words.as_deref().map(str::trim) {
        Some(words) if !words.is_empty() => Some(text(words, "客户原话", 1_000)?),
        _ => None,
    };
    let result = text(&v.result, "回访结果", 500)?;
    let by = text(&v.by, "回访人", 50)?;
    let seq = db.next_seq()?;
    let record = ServiceCaseRecord {
        id: format!("RV-{seq}"),
        client_id: v.client_id.clone(),
        case_kind: ServiceCaseKind::ReturnVisit,
        opened_on: v.visited_on,
        due_on: None,
        closed_on: Some(v.visited_on),
        summary: text(&v.purpose, "回访事由", 100)?,
        outcome: Some(result.clone()),
        category: None,
        channel: None,
        client_asks: None,
        case_no: None,
        status: CaseStatus::Closed,
        registered_by: None,
        handler: Some(by.clone()),
        history: vec![CaseStep {
            at: now,
            status: CaseStatus::Closed,
            by,
            note: result,
        }],
        satisfaction,
        client_words,
    };
    SERVICE_CASES.write(db, &broker, seq, &Record::ServiceCase(record.clone()))?;
    Ok(record)
}

/// The broker's scored visits per month from `from`'s month on, with how many were at or under
/// `low_line`.
pub(super) fn trend(
    db: &Db<'_>,
    broker: &str,
    from: NaiveDate,
    low_line: u8,
) -> Result<Vec<SatisfactionPoint>> {
    let first = from.with_day(1).unwrap_or(from);
    let rows: Vec<(String, i64, i64, i64)> = db.query_map(
        "SELECT substr(opened_on, 1, 7), count(*), sum(satisfaction), \
         sum(CASE WHEN satisfaction <= ?3 THEN 1 ELSE 0 END) FROM service_cases \
         WHERE broker_id = ?1 AND kind = 'return_visit' AND satisfaction IS NOT NULL \
         AND opened_on >= ?2 GROUP BY 1 ORDER BY 1",
        params![broker, first, i64::from(low_line)],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    rows.into_iter()
        .map(|(month, visits, total, low)| {
            let month = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
                .map_err(|e| StorageError::Internal(format!("回访月份 {month}: {e}")))?;
            let visits = u32::try_from(visits).unwrap_or(u32::MAX);
            let total = u32::try_from(total).unwrap_or(u32::MAX);
            Ok(SatisfactionPoint {
                month,
                visits,
                average_tenths: average_tenths(total, visits).unwrap_or(0),
                low: u32::try_from(low).unwrap_or(u32::MAX),
            })
        })
        .collect()
}

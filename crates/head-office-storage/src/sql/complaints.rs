//! Complaints on either backend: a broker registers one (through mutations), head office's service
//! staff move it on (`ServiceCases`), and every change goes back to the serving broker's desk as
//! the case's feed row, rewritten with a new seq. Return visits are in `return_visits`.

use super::books::book_served_by;
use super::feed_table::bad;
use super::rows_360::{read_service_case, SERVICE_CASES};
use super::SqlStorage;
use crate::cases::{CaseFilter, ServiceCases};
use crate::db::Db;
use crate::error::{Result, StorageError};
use chrono::{DateTime, Utc};
use domain::clock::shanghai_date;
use domain::complaint::check_complaint;
use domain::CaseStatus;
use protocol::{
    CaseStep, CaseUpdate, ErrorCode, MutationOutcome, NewComplaint, NewReturnVisit, OpenComplaint,
    Record, SatisfactionPoint, ServiceCaseKind, ServiceCaseRecord,
};
use rusqlite::params;

/// A complaint the client brought to the broker: given a case number and the firm's deadline.
pub(super) fn register(
    db: &Db<'_>,
    user_id: &str,
    c: &NewComplaint,
    now: DateTime<Utc>,
) -> Result<MutationOutcome> {
    let Some(book) = book_served_by(db, &c.client_id, user_id)? else {
        return Ok(MutationOutcome::refused(
            ErrorCode::Forbidden,
            "该客户不在您的名下，投诉未登记：请转给客户的服务经纪人或总部客服登记",
        ));
    };
    let today = shanghai_date(now);
    let (words, asks) = match check_complaint(&c.client_words, &c.client_asks, c.received_on, today)
    {
        Ok(checked) => checked,
        Err(e) => {
            return Ok(MutationOutcome::refused(
                ErrorCode::Validation,
                e.to_string(),
            ))
        }
    };
    let taken: Option<i64> = db.query_opt(
        "SELECT 1 FROM service_cases WHERE id = ?1",
        params![c.id],
        |r| r.get(0),
    )?;
    if taken.is_some() {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            "投诉编号重复，请重新登记",
        ));
    }
    let due_on = super::policy::firm_policy(db)?
        .complaints
        .due_on(c.category, c.received_on);
    let seq = db.next_seq()?;
    let case_no = format!("TS{}-{seq:06}", today.format("%Y%m%d"));
    let record = ServiceCaseRecord {
        id: c.id.clone(),
        client_id: c.client_id.clone(),
        case_kind: ServiceCaseKind::Complaint,
        opened_on: c.received_on,
        due_on: Some(due_on),
        closed_on: None,
        summary: words.to_string(),
        outcome: None,
        category: Some(c.category),
        channel: Some(c.channel),
        client_asks: (!asks.is_empty()).then(|| asks.to_string()),
        case_no: Some(case_no.clone()),
        status: CaseStatus::Registered,
        registered_by: Some(user_id.to_string()),
        handler: None,
        history: vec![CaseStep {
            at: now,
            status: CaseStatus::Registered,
            by: super::users::display_name(db, user_id)?,
            note: format!(
                "经纪人登记（{}），受理编号 {case_no}",
                c.category.label_zh()
            ),
        }],
        satisfaction: None,
        client_words: None,
    };
    SERVICE_CASES.write(db, &book, seq, &Record::ServiceCase(record))?;
    Ok(MutationOutcome::Applied)
}

/// Moves a complaint (by case number or id) one step on, in the caller's transaction.
pub(super) fn update(
    db: &Db<'_>,
    case: &str,
    by: &str,
    u: &CaseUpdate,
    now: DateTime<Utc>,
) -> Result<ServiceCaseRecord> {
    // Read by writing the row: of two staff moving one case at once, the second waits and then
    // finds the first one's status.
    let sql = format!(
        "UPDATE service_cases SET status = status WHERE (id = ?1 OR case_no = ?1) \
         AND kind = 'complaint' RETURNING id, {}, broker_id",
        SERVICE_CASES.columns
    );
    let found = db.query_opt(&sql, params![case.trim()], |r| {
        Ok((read_service_case(r)?, r.get::<_, String>(18)?))
    })?;
    let Some((Record::ServiceCase(mut record), broker)) = found else {
        return Err(StorageError::NotFound(format!("投诉 {case}")));
    };
    if !record.status.can_become(u.to) {
        return Err(StorageError::Validation(format!(
            "投诉 {} 当前为「{}」，不能改为「{}」",
            record.case_no.as_deref().unwrap_or(&record.id),
            record.status.label_zh(),
            u.to.label_zh()
        )));
    }
    let handler = u
        .handler
        .as_deref()
        .map(str::trim)
        .filter(|h| !h.is_empty());
    let note = u.note.trim();
    if note.chars().count() > 1_000 {
        return Err(StorageError::Validation("处理说明不超过 1000 字".into()));
    }
    let note = match (u.to, handler) {
        (CaseStatus::InProgress, None) => {
            return Err(StorageError::Validation(
                "受理投诉须指定处理人（--to 处理人）".into(),
            ))
        }
        (CaseStatus::InProgress, Some(h)) if note.is_empty() => format!("已受理，由 {h} 处理"),
        (_, _) if note.is_empty() => {
            return Err(StorageError::Validation(format!(
                "请写明「{}」的处理说明",
                u.to.label_zh()
            )))
        }
        _ => note.to_string(),
    };
    if let Some(h) = handler {
        record.handler = Some(h.to_string());
    }
    match u.to {
        CaseStatus::Replied | CaseStatus::Closed => record.outcome = Some(note.clone()),
        _ => {}
    }
    if u.to == CaseStatus::Closed {
        record.closed_on = Some(shanghai_date(now));
    }
    record.status = u.to;
    record.history.push(CaseStep {
        at: now,
        status: u.to,
        by: by.trim().to_string(),
        note,
    });
    db.execute(
        "DELETE FROM service_cases WHERE id = ?1",
        params![record.id],
    )?;
    let seq = db.next_seq()?;
    SERVICE_CASES.write(db, &broker, seq, &Record::ServiceCase(record.clone()))?;
    Ok(record)
}

/// Complaints by deadline, with whose book they are in and the days left at `today`.
pub(super) fn list(db: &Db<'_>, f: &CaseFilter) -> Result<Vec<OpenComplaint>> {
    let mut sql = String::from(
        "SELECT s.id, s.case_no, c.name, s.broker_id, coalesce(u.display_name, s.broker_id), \
         s.category, s.status, s.opened_on, s.due_on, s.summary, s.handler \
         FROM service_cases s JOIN clients c ON c.id = s.client_id \
         LEFT JOIN users u ON u.id = s.broker_id WHERE s.kind = 'complaint'",
    );
    if f.open_only {
        sql.push_str(" AND s.status <> 'closed'");
    }
    let scope = match &f.brokers {
        Some(brokers) => {
            sql.push_str(" AND s.broker_id IN (SELECT value FROM json_each(?1))");
            Some(serde_json::to_string(brokers)?)
        }
        None => None,
    };
    sql.push_str(" ORDER BY s.due_on, s.opened_on LIMIT 500");
    let row = |r: &crate::db::Row<'_>| {
        let category: Option<String> = r.get(5)?;
        let status: String = r.get(6)?;
        let due_on: Option<chrono::NaiveDate> = r.get(8)?;
        Ok(OpenComplaint {
            id: r.get(0)?,
            case_no: r.get(1)?,
            client_name: r.get(2)?,
            broker_id: r.get(3)?,
            broker_name: r.get(4)?,
            category: category
                .as_deref()
                .and_then(domain::ComplaintCategory::parse),
            status: CaseStatus::parse(&status).ok_or_else(|| bad(6, "case status"))?,
            opened_on: r.get(7)?,
            due_on,
            days_left: due_on.map(|d| (d - f.today).num_days() as i32),
            summary: r.get(9)?,
            handler: r.get(10)?,
        })
    };
    match scope {
        Some(scope) => db.query_map(&sql, params![scope], row),
        None => db.query_map(&sql, params![], row),
    }
}

impl ServiceCases for SqlStorage {
    fn complaints(&self, filter: &CaseFilter) -> Result<Vec<OpenComplaint>> {
        self.read(|db| list(db, filter))
    }

    fn update_complaint(
        &self,
        case: &str,
        by: &str,
        update: &CaseUpdate,
        now: DateTime<Utc>,
    ) -> Result<ServiceCaseRecord> {
        self.write_locking(|db| self::update(db, case, by, update, now))
    }

    fn record_return_visit(
        &self,
        visit: &NewReturnVisit,
        now: DateTime<Utc>,
    ) -> Result<ServiceCaseRecord> {
        self.write(|db| super::return_visits::record(db, visit, now))
    }

    fn satisfaction_trend(
        &self,
        broker_id: &str,
        from: chrono::NaiveDate,
        low_line: u8,
    ) -> Result<Vec<SatisfactionPoint>> {
        self.read(|db| super::return_visits::trend(db, broker_id, from, low_line))
    }
}

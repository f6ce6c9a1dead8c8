//! The kinds around the book rather than in it: cash transfers, relations between clients,
//! complaints and return visits as the firm's service system recorded them.

use crate::fields::{Checked, Fields, RowError};
use chrono::NaiveDate;
use domain::{CaseStatus, ComplaintCategory, Fen};
use protocol::service::{RelationKind, ServiceCaseKind, TransferDirection};
use protocol::{CashTransferRecord, ClientRelationRecord, ContactChannel, ServiceCaseRecord};

pub(crate) const CASH_TRANSFERS: &[&str] = &[
    "transfer_id",
    "account_id",
    "transferred_at",
    "direction",
    "amount",
];
pub(crate) const RELATIONSHIPS: &[&str] = &[
    "relation_id",
    "client_id",
    "related_client_id",
    "relation",
    "label",
];
pub(crate) const COMPLAINTS: &[&str] = &[
    "case_id",
    "client_id",
    "opened_on",
    "category",
    "summary",
    "due_on",
    "status",
];
pub(crate) const RETURN_VISITS: &[&str] =
    &["visit_id", "client_id", "visited_on", "purpose", "result"];

/// The client is the account's; head office fills it in.
pub(crate) fn cash_transfer(f: &Fields<'_>) -> Checked<CashTransferRecord> {
    let amount = f.yuan("amount")?;
    if amount <= Fen::ZERO {
        return Err("amount 应为正数，方向写在 direction 中".into());
    }
    Ok(CashTransferRecord {
        id: f.firm_id("transfer_id")?,
        client_id: String::new(),
        account_id: f.firm_id("account_id")?,
        transferred_at: f.instant("transferred_at")?,
        direction: f.choice(
            "direction",
            &[
                ("in", "转入", TransferDirection::In),
                ("out", "转出", TransferDirection::Out),
            ],
        )?,
        amount,
    })
}

/// The related client's name is head office's to fill in.
pub(crate) fn relation(f: &Fields<'_>) -> Checked<ClientRelationRecord> {
    let client_id = f.firm_id("client_id")?;
    let related_client_id = f.firm_id("related_client_id")?;
    if client_id == related_client_id {
        return Err("related_client_id 不能是客户本人".into());
    }
    Ok(ClientRelationRecord {
        id: f.firm_id("relation_id")?,
        client_id,
        related_client_id,
        related_name: String::new(),
        relation: f.choice(
            "relation",
            &[
                ("family", "家庭成员", RelationKind::Family),
                ("same_company", "同一公司", RelationKind::SameCompany),
            ],
        )?,
        label: f.text_max("label", 20)?,
    })
}

fn on_or_after(column: &str, day: NaiveDate, start: NaiveDate) -> Checked<NaiveDate> {
    if day < start {
        return Err(RowError::from(format!("{column} {day} 早于 {start}")));
    }
    Ok(day)
}

pub(crate) fn complaint(f: &Fields<'_>, today: NaiveDate) -> Checked<ServiceCaseRecord> {
    let opened_on = f.date("opened_on")?;
    if opened_on > today {
        return Err(RowError::from(format!(
            "opened_on {opened_on} 晚于今天 {today}"
        )));
    }
    let status = f.choice(
        "status",
        &CaseStatus::ALL.map(|s| (s.as_str(), s.label_zh(), s)),
    )?;
    let closed_on = match f.optional_date("closed_on")? {
        Some(day) => Some(on_or_after("closed_on", day, opened_on)?),
        None => None,
    };
    if status.is_open() != closed_on.is_none() {
        return Err("结案（closed）的投诉须填 closed_on，未结案的不填".into());
    }
    let channel = match f.raw("channel") {
        "" => None,
        _ => Some(f.choice(
            "channel",
            &[
                ("phone", "电话", ContactChannel::Phone),
                ("visit", "面谈", ContactChannel::Visit),
                ("wechat", "微信", ContactChannel::Wechat),
                ("email", "邮件", ContactChannel::Email),
                ("meeting", "会议", ContactChannel::Meeting),
            ],
        )?),
    };
    Ok(ServiceCaseRecord {
        id: f.firm_id("case_id")?,
        client_id: f.firm_id("client_id")?,
        case_kind: ServiceCaseKind::Complaint,
        opened_on,
        due_on: Some(on_or_after("due_on", f.date("due_on")?, opened_on)?),
        closed_on,
        summary: f.text_max("summary", 2_000)?,
        outcome: f.optional("outcome"),
        category: Some(f.choice(
            "category",
            &ComplaintCategory::ALL.map(|c| (c.as_str(), c.label_zh(), c)),
        )?),
        channel,
        client_asks: f.optional("client_asks"),
        case_no: f.optional("case_no"),
        status,
        registered_by: None,
        handler: f.optional("handler"),
        history: vec![],
        satisfaction: None,
        client_words: None,
    })
}

pub(crate) fn return_visit(f: &Fields<'_>, today: NaiveDate) -> Checked<ServiceCaseRecord> {
    let visited_on = f.date("visited_on")?;
    if visited_on > today {
        return Err(RowError::from(format!(
            "visited_on {visited_on} 晚于今天 {today}"
        )));
    }
    let satisfaction = match f.raw("score") {
        "" => None,
        _ => Some(
            u8::try_from(f.whole("score")?)
                .ok()
                .filter(|s| (1..=5).contains(s))
                .ok_or("score 应为 1 到 5 的整数（满意度）")?,
        ),
    };
    Ok(ServiceCaseRecord {
        id: f.firm_id("visit_id")?,
        client_id: f.firm_id("client_id")?,
        case_kind: ServiceCaseKind::ReturnVisit,
        opened_on: visited_on,
        due_on: None,
        closed_on: Some(visited_on),
        summary: f.text_max("purpose", 100)?,
        outcome: Some(f.text_max("result", 500)?),
        category: None,
        channel: None,
        client_asks: None,
        case_no: None,
        status: CaseStatus::Closed,
        registered_by: None,
        handler: f.optional("by"),
        history: vec![],
        satisfaction,
        client_words: f.optional("client_words"),
    })
}

//! What head office knows about a client beyond the account: money moved in and out, complaints and
//! return visits (both handled by head-office staff, read-only on the desk), and how clients are
//! related to each other.

use crate::channel::ContactChannel;
use chrono::{DateTime, NaiveDate, Utc};
use domain::{CaseStatus, ComplaintCategory, Fen};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TransferDirection {
    /// 银证转入
    In,
    /// 银证转出
    Out,
}

impl TransferDirection {
    pub fn as_str(self) -> &'static str {
        match self {
            TransferDirection::In => "in",
            TransferDirection::Out => "out",
        }
    }

    pub fn parse(text: &str) -> Option<TransferDirection> {
        match text {
            "in" => Some(TransferDirection::In),
            "out" => Some(TransferDirection::Out),
            _ => None,
        }
    }
}

/// A bank–securities transfer (银证转账) on one of the client's accounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CashTransferRecord {
    pub id: String,
    pub client_id: String,
    pub account_id: String,
    pub transferred_at: DateTime<Utc>,
    pub direction: TransferDirection,
    pub amount: Fen,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ServiceCaseKind {
    /// 投诉: head office handles it within the firm's service time limit.
    Complaint,
    /// 回访: an official call by head-office staff, never by the serving broker.
    ReturnVisit,
}

impl ServiceCaseKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ServiceCaseKind::Complaint => "complaint",
            ServiceCaseKind::ReturnVisit => "return_visit",
        }
    }

    pub fn parse(text: &str) -> Option<ServiceCaseKind> {
        match text {
            "complaint" => Some(ServiceCaseKind::Complaint),
            "return_visit" => Some(ServiceCaseKind::ReturnVisit),
            _ => None,
        }
    }
}

/// A complaint or a return visit as head office records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ServiceCaseRecord {
    pub id: String,
    pub client_id: String,
    /// Not `kind`: records travel tagged with `kind` (their entity) on the wire.
    pub case_kind: ServiceCaseKind,
    pub opened_on: NaiveDate,
    /// A complaint's deadline under the firm's service time limit.
    pub due_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub summary: String,
    /// How it ended: the complaint's resolution, the return visit's result.
    pub outcome: Option<String>,
    /// The rest is a complaint's: none of it for a return visit.
    #[serde(default)]
    pub category: Option<ComplaintCategory>,
    /// How the client complained.
    #[serde(default)]
    pub channel: Option<ContactChannel>,
    /// What the client asks for (退还差额, 道歉 …); `summary` holds the client's own words.
    #[serde(default)]
    pub client_asks: Option<String>,
    /// Head office's case number (受理编号), given when the case reaches it.
    #[serde(default)]
    pub case_no: Option<String>,
    #[serde(default = "registered")]
    pub status: CaseStatus,
    /// The broker who took it at the desk; none when the client went to head office directly.
    #[serde(default)]
    pub registered_by: Option<String>,
    /// The head-office staff member handling it.
    #[serde(default)]
    pub handler: Option<String>,
    /// Every step, oldest first: what the broker and head office's service staff did.
    #[serde(default)]
    pub history: Vec<CaseStep>,
    /// A return visit's satisfaction score, 1 to 5, when the client gave one.
    #[serde(default)]
    pub satisfaction: Option<u8>,
    /// What the client said on a return visit, in their words.
    #[serde(default)]
    pub client_words: Option<String>,
}

impl ServiceCaseRecord {
    /// A complaint head office took itself (the client called the firm), being handled.
    pub fn open_complaint(
        id: &str,
        client_id: &str,
        opened_on: NaiveDate,
        due_on: NaiveDate,
        summary: &str,
    ) -> ServiceCaseRecord {
        ServiceCaseRecord {
            id: id.to_string(),
            client_id: client_id.to_string(),
            case_kind: ServiceCaseKind::Complaint,
            opened_on,
            due_on: Some(due_on),
            closed_on: None,
            summary: summary.to_string(),
            outcome: None,
            category: None,
            channel: None,
            client_asks: None,
            case_no: None,
            status: CaseStatus::InProgress,
            registered_by: None,
            handler: None,
            history: Vec::new(),
            satisfaction: None,
            client_words: None,
        }
    }
}

/// A return visit head office's caller made (`head-office visit`): its result and, when the
/// client answered the survey, their score and words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct NewReturnVisit {
    pub client_id: String,
    pub visited_on: NaiveDate,
    /// Why the call was made: 开户回访, 产品回访, 投诉回访 …
    pub purpose: String,
    pub result: String,
    /// 1 (very dissatisfied) to 5 (very satisfied), when the client answered the survey.
    #[schemars(range(min = 1, max = 5))]
    pub satisfaction: Option<u8>,
    pub client_words: Option<String>,
    /// Who called, as the broker reads it.
    pub by: String,
}

/// One month of a broker's return visits with a score: how many, and the average in tenths.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct SatisfactionPoint {
    /// The month's first day.
    pub month: NaiveDate,
    pub visits: u32,
    /// 43 is 4.3 out of 5.
    pub average_tenths: u32,
    /// Visits scored at or under the firm's low line.
    pub low: u32,
}

fn registered() -> CaseStatus {
    CaseStatus::Registered
}

/// One step of a case: the status it reached, who moved it and what they wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct CaseStep {
    pub at: DateTime<Utc>,
    pub status: CaseStatus,
    pub by: String,
    pub note: String,
}

/// `MutationOp::RegisterComplaint`: a complaint or service request the client brought to the
/// broker. Head office gives it a case number and the firm's deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NewComplaint {
    pub id: String,
    pub client_id: String,
    pub category: ComplaintCategory,
    pub channel: ContactChannel,
    /// The client's words, as the broker wrote them down.
    pub client_words: String,
    pub client_asks: String,
    /// When the client complained: the time limit runs from this day.
    pub received_on: NaiveDate,
}

/// What head office's service staff do to a case (`head-office case …`): move it on with a note;
/// taking it (`InProgress`) names who handles it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct CaseUpdate {
    pub to: CaseStatus,
    pub note: String,
    pub handler: Option<String>,
}

/// `GET /api/v1/service/complaints`: open ones unless `all`; one broker's book when `broker`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ComplaintQuery {
    #[serde(default)]
    pub all: bool,
    pub broker: Option<String>,
}

/// `POST /api/v1/service/complaints/update`: the case (number or id) and the step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct ComplaintUpdate {
    pub case: String,
    pub update: CaseUpdate,
}

/// An open complaint as service staff and a broker's lead see it: with whose it is and the days
/// left before the firm's deadline (negative once past).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct OpenComplaint {
    pub id: String,
    pub case_no: Option<String>,
    pub client_name: String,
    pub broker_id: String,
    pub broker_name: String,
    pub category: Option<ComplaintCategory>,
    pub status: CaseStatus,
    pub opened_on: NaiveDate,
    pub due_on: Option<NaiveDate>,
    pub days_left: Option<i32>,
    pub summary: String,
    pub handler: Option<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RelationKind {
    /// 家庭成员
    Family,
    /// 同一公司
    SameCompany,
}

impl RelationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Family => "family",
            RelationKind::SameCompany => "same_company",
        }
    }

    pub fn parse(text: &str) -> Option<RelationKind> {
        match text {
            "family" => Some(RelationKind::Family),
            "same_company" => Some(RelationKind::SameCompany),
            _ => None,
        }
    }
}

/// One client's link to another client of the firm. The other client may be in another broker's
/// book, so the record carries their name and not a pointer the desk could follow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ClientRelationRecord {
    pub id: String,
    pub client_id: String,
    pub related_client_id: String,
    pub related_name: String,
    pub relation: RelationKind,
    /// 配偶, 子女, 同事 …
    pub label: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Record;

    /// Records travel tagged with `kind`: a field of that name would make them unreadable.
    #[test]
    fn service_records_survive_the_tagged_round_trip() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let records = [
            Record::ServiceCase(ServiceCaseRecord {
                id: "S1".into(),
                client_id: "C1".into(),
                case_kind: ServiceCaseKind::Complaint,
                opened_on: day,
                due_on: Some(day),
                closed_on: None,
                summary: "投诉".into(),
                outcome: None,
                category: Some(ComplaintCategory::Fees),
                channel: Some(ContactChannel::Phone),
                client_asks: Some("退还".into()),
                case_no: Some("TS20261125-000001".into()),
                status: CaseStatus::InProgress,
                registered_by: Some("U1".into()),
                handler: None,
                history: vec![CaseStep {
                    at: day.and_hms_opt(9, 0, 0).unwrap().and_utc(),
                    status: CaseStatus::Registered,
                    by: "李明".into(),
                    note: "经纪人登记".into(),
                }],
                satisfaction: None,
                client_words: None,
            }),
            Record::ClientRelation(ClientRelationRecord {
                id: "L1".into(),
                client_id: "C1".into(),
                related_client_id: "C2".into(),
                related_name: "王芳".into(),
                relation: RelationKind::Family,
                label: "配偶".into(),
            }),
            Record::CashTransfer(CashTransferRecord {
                id: "X1".into(),
                client_id: "C1".into(),
                account_id: "A1".into(),
                transferred_at: day.and_hms_opt(9, 30, 0).unwrap().and_utc(),
                direction: TransferDirection::Out,
                amount: Fen(100),
            }),
        ];
        for record in records {
            let text = serde_json::to_string(&record).unwrap();
            assert_eq!(serde_json::from_str::<Record>(&text).unwrap(), record);
        }
    }
}

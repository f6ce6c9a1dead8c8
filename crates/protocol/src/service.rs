//! What head office knows about a client beyond the account: money moved in and out, complaints and
//! return visits (both handled by head-office staff, read-only on the desk), and how clients are
//! related to each other.

use chrono::{DateTime, NaiveDate, Utc};
use domain::Fen;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CashTransferRecord {
    pub id: String,
    pub client_id: String,
    pub account_id: String,
    pub transferred_at: DateTime<Utc>,
    pub direction: TransferDirection,
    pub amount: Fen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

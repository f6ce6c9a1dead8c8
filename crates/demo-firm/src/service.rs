//! The parts of a demo client's 360° that head office keeps beside the account: tags, bank–securities
//! transfers, complaints and return visits, family links to the client generated just before.

use super::{beijing, days_before};
use chrono::{Days, NaiveDate};
use domain::{CaseStatus, ComplaintCategory, Fen};
use protocol::{
    CaseStep, CashTransferRecord, ClientRelationRecord, ContactChannel, Record, RelationKind,
    ServiceCaseKind, ServiceCaseRecord, TransferDirection,
};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// What the generator knows of a client when it adds the rest.
pub(super) struct Subject<'a> {
    pub client_id: &'a str,
    pub account_id: &'a str,
    pub assets: Fen,
    pub age: i32,
    pub opened_on: NaiveDate,
    pub as_of: NaiveDate,
}

const HOBBY_TAGS: [&str; 7] = [
    "基金定投",
    "价值投资",
    "短线交易",
    "关注科创板",
    "偏好红利",
    "企业主",
    "两融客户",
];

pub(super) fn tags(rng: &mut ChaCha8Rng, s: &Subject<'_>) -> Vec<String> {
    let mut tags = Vec::new();
    if s.assets >= Fen::from_yuan(1_000_000) {
        tags.push("高净值".to_string());
    }
    if s.age >= 60 {
        tags.push("退休".to_string());
    }
    if (s.as_of - s.opened_on).num_days() < 365 {
        tags.push("新客户".to_string());
    }
    for _ in 0..rng.gen_range(0..3) {
        let tag = HOBBY_TAGS[rng.gen_range(0..HOBBY_TAGS.len())].to_string();
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

pub(super) fn cash_transfers(rng: &mut ChaCha8Rng, s: &Subject<'_>) -> Vec<Record> {
    let count = rng.gen_range(0..10);
    let mut out: Vec<CashTransferRecord> = (0..count)
        .map(|k| {
            let day = days_before(s.as_of, rng.gen_range(1..720));
            let direction = if rng.gen_bool(0.55) {
                TransferDirection::In
            } else {
                TransferDirection::Out
            };
            // Round thousands, as people move money.
            let thousands = (s.assets.0 / 100 / 1_000 * rng.gen_range(2..25) / 100).max(1);
            CashTransferRecord {
                id: format!("X{}-{k}", &s.client_id[1..]),
                client_id: s.client_id.to_string(),
                account_id: s.account_id.to_string(),
                transferred_at: beijing(day, rng.gen_range(9..16), rng.gen_range(0..60)),
                direction,
                amount: Fen::from_yuan(thousands * 1_000),
            }
        })
        .collect();
    out.sort_by_key(|t| t.transferred_at);
    out.into_iter().map(Record::CashTransfer).collect()
}

const COMPLAINTS: [(&str, ComplaintCategory); 4] = [
    (
        "客户反映交易软件行情延迟，要求解释",
        ComplaintCategory::TradingSystem,
    ),
    ("客户对两融利率调整有异议", ComplaintCategory::Fees),
    (
        "客户称未及时收到风险测评到期提醒",
        ComplaintCategory::Suitability,
    ),
    (
        "客户对转托管办理时长不满",
        ComplaintCategory::ServiceAttitude,
    ),
];
/// Who handles the demo firm's complaints at head office.
const HANDLER: &str = "总部客服 周敏";
const VISIT_RESULTS: [&str; 4] = [
    "回访成功：客户确认本人开户，了解产品风险",
    "回访成功：客户对服务满意",
    "回访成功：客户确认知晓风险测评结果",
    "三次未接通，回访未完成",
];

pub(super) fn service_cases(rng: &mut ChaCha8Rng, s: &Subject<'_>) -> Vec<Record> {
    let mut out = Vec::new();
    if rng.gen_bool(0.04) {
        let opened_on = days_before(s.as_of, rng.gen_range(1..120));
        let due_on = opened_on + Days::new(15);
        let closed = due_on < s.as_of && rng.gen_bool(0.8);
        let closed_on = closed.then(|| opened_on + Days::new(rng.gen_range(2..15)));
        let (summary, category) = COMPLAINTS[rng.gen_range(0..COMPLAINTS.len())];
        let outcome = closed.then(|| "已向客户解释并获认可，投诉办结".to_string());
        let mut history = vec![CaseStep {
            at: beijing(opened_on, 10, 0),
            status: CaseStatus::InProgress,
            by: HANDLER.to_string(),
            note: "客户致电总部客服，已受理".to_string(),
        }];
        // Past its deadline and still open: the client took it to the regulator's hotline.
        let escalated = !closed && due_on < s.as_of;
        if escalated {
            history.push(CaseStep {
                at: beijing(due_on, 11, 0),
                status: CaseStatus::Escalated,
                by: HANDLER.to_string(),
                note: "客户拨打 12386 投诉，已转监管调解".to_string(),
            });
        }
        if let (Some(day), Some(note)) = (closed_on, &outcome) {
            history.push(CaseStep {
                at: beijing(day, 16, 0),
                status: CaseStatus::Closed,
                by: HANDLER.to_string(),
                note: note.clone(),
            });
        }
        out.push(Record::ServiceCase(ServiceCaseRecord {
            id: format!("S{}-c", &s.client_id[1..]),
            client_id: s.client_id.to_string(),
            case_kind: ServiceCaseKind::Complaint,
            opened_on,
            due_on: Some(due_on),
            closed_on,
            summary: summary.to_string(),
            outcome,
            category: Some(category),
            channel: Some(ContactChannel::Phone),
            client_asks: None,
            case_no: Some(format!(
                "TS{}-{}",
                opened_on.format("%Y%m%d"),
                &s.client_id[1..]
            )),
            status: if closed {
                CaseStatus::Closed
            } else if escalated {
                CaseStatus::Escalated
            } else {
                CaseStatus::InProgress
            },
            registered_by: None,
            handler: Some(HANDLER.to_string()),
            history,
            satisfaction: None,
            client_words: None,
        }));
    }
    if rng.gen_bool(0.35) {
        let opened_on = days_before(s.as_of, rng.gen_range(1..600));
        let (result, satisfaction, client_words) =
            visit_result(rng.gen_range(0..VISIT_RESULTS.len()), s.client_id);
        out.push(Record::ServiceCase(ServiceCaseRecord {
            id: format!("S{}-v", &s.client_id[1..]),
            client_id: s.client_id.to_string(),
            case_kind: ServiceCaseKind::ReturnVisit,
            opened_on,
            due_on: None,
            closed_on: Some(opened_on),
            summary: "总部客服回访".to_string(),
            outcome: Some(result.to_string()),
            category: None,
            channel: None,
            client_asks: None,
            case_no: None,
            status: CaseStatus::Closed,
            registered_by: None,
            handler: Some(HANDLER.to_string()),
            history: Vec::new(),
            satisfaction,
            client_words: client_words.map(str::to_string),
        }));
    }
    out
}

/// The visit's result and survey, from the result drawn and the client's number alone (drawing
/// more would change every client generated after). One client in 23 is unhappy.
fn visit_result(drawn: usize, client_id: &str) -> (&'static str, Option<u8>, Option<&'static str>) {
    let number: u64 = client_id[1..].parse().unwrap_or(0);
    match (VISIT_RESULTS[drawn], number % 23) {
        (result, _) if result.starts_with("三次未接通") => (result, None, None),
        (_, 0) => (
            "回访完成：客户对服务不满意",
            Some(2),
            Some("客户经理很久没联系我，问题也没人解答"),
        ),
        (result, n) => (result, Some(if n % 3 == 0 { 4 } else { 5 }), None),
    }
}

/// The client generated just before, in the same book: a candidate household member.
pub(super) struct Neighbour {
    pub client_id: String,
    pub name: String,
}

const FAMILY: [(&str, &str); 3] = [("配偶", "配偶"), ("子女", "父母"), ("兄弟姐妹", "兄弟姐妹")];

/// A family link both ways (each side sees the other), or a colleague at the same company.
pub(super) fn relations(
    rng: &mut ChaCha8Rng,
    s: &Subject<'_>,
    name: &str,
    neighbour: Option<&Neighbour>,
) -> Vec<Record> {
    let Some(other) = neighbour.filter(|_| rng.gen_bool(0.12)) else {
        return Vec::new();
    };
    let (kind, (here, there)) = if rng.gen_bool(0.7) {
        (RelationKind::Family, FAMILY[rng.gen_range(0..FAMILY.len())])
    } else {
        (RelationKind::SameCompany, ("同事", "同事"))
    };
    let link = |from: &str, to: &str, to_name: &str, label: &str| {
        Record::ClientRelation(ClientRelationRecord {
            id: format!("L{}-{}", &from[1..], &to[1..]),
            client_id: from.to_string(),
            related_client_id: to.to_string(),
            related_name: to_name.to_string(),
            relation: kind,
            label: label.to_string(),
        })
    };
    vec![
        link(s.client_id, &other.client_id, &other.name, here),
        link(&other.client_id, s.client_id, name, there),
    ]
}

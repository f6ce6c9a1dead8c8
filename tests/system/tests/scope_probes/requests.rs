//! The probe generator: one random request, to any endpoint, about ids inside or outside the
//! caller's scope; pushes carry 1 to 4 mutations of the 9 kinds. Every write carries a marker in
//! its id and text, so a trace of a refused one can be found anywhere.

use super::Firm;
use chrono::Days;
use domain::suitability_check::Verdict;
use domain::{AccessAction, Fen};
use protocol::library::{PushRecipient, RecommendationPush};
use protocol::team::{AssignTasks, CommentSubject, NewComment, NewTransferRequest};
use protocol::team::{CommentRecord, TransferDecision};
use protocol::{
    paths, AccessEventRecord, ClientPreferences, ContactChannel, ContactNoteRecord, DisputeRecord,
    DisputeStatus, Mutation, MutationOp, PreferencesUpdate, PushRequest, ReminderRecord,
    TaskCompletion,
};
use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use system_tests::firm_scope::{brokers, UNITS};
use system_tests::{now, TODAY};

pub struct Probe {
    pub method: reqwest::Method,
    pub path: &'static str,
    pub query: Vec<(&'static str, String)>,
    pub body: Option<serde_json::Value>,
}

fn pick<'a>(rng: &mut ChaCha8Rng, items: &'a [String]) -> &'a str {
    items.choose(rng).map_or("none", String::as_str)
}

/// A write's marker: in its id and its text, so a trace of it anywhere is found. The trailing
/// `z` keeps one marker from being the prefix of another.
fn marker(kind: &str, n: usize, k: usize) -> String {
    format!("p{kind}-{n}-{k}z")
}

fn mutation(rng: &mut ChaCha8Rng, firm: &Firm, me: &str, n: usize, k: usize) -> Mutation {
    let at = now();
    let id = marker("m", n, k);
    let client = pick(rng, &firm.clients).to_string();
    let op = match rng.gen_range(0..9) {
        0 => MutationOp::AddContactNote(ContactNoteRecord {
            id: id.clone(),
            client_id: client,
            channel: ContactChannel::Phone,
            summary: format!("探测记录 {id}"),
            contacted_at: at,
            follow_up_on: None,
            author_id: me.into(),
        }),
        1 => MutationOp::UpdatePreferences(Box::new(PreferencesUpdate {
            client_id: client,
            base_version: rng.gen_range(0..3),
            before: ClientPreferences::default(),
            after: ClientPreferences {
                remark: Some(format!("探测偏好 {id}")),
                ..ClientPreferences::default()
            },
        })),
        2 => MutationOp::RecordAccess(AccessEventRecord {
            id: id.clone(),
            action: AccessAction::Reveal,
            client_id: Some(client),
            field: Some(domain::SensitiveField::Mobile),
            reason: "探测".into(),
            detail: id.clone(),
            at,
        }),
        3 => {
            let (product_id, product_version) =
                firm.products.choose(rng).cloned().unwrap_or_default();
            MutationOp::SendRecommendation(RecommendationPush {
                id: id.clone(),
                product_id,
                product_version,
                cover_message: format!("探测推送 {id}"),
                recipients: vec![PushRecipient {
                    client_id: client,
                    desk_verdict: Verdict::Allowed,
                    elderly_confirmed: false,
                }],
                sent_at: at,
            })
        }
        4 => MutationOp::DisputeStatement(DisputeRecord {
            id: id.clone(),
            statement_id: pick(rng, &firm.statements).into(),
            trade_id: None,
            client_id: Some(client),
            desk_amount: Fen::from_yuan(100),
            statement_amount: Fen::from_yuan(90),
            comment: format!("探测异议 {id}"),
            raised_at: at,
            status: DisputeStatus::Open,
            answer: None,
        }),
        5 => MutationOp::CompleteTask(TaskCompletion {
            task_id: pick(rng, &firm.tasks).into(),
            done_at: at,
        }),
        6 => MutationOp::SaveReminder(ReminderRecord {
            id: id.clone(),
            client_id: Some(client),
            title: format!("探测提醒 {id}"),
            due_on: TODAY,
            due_time: None,
            repeat: "never".into(),
            source: "own".into(),
            done_at: None,
        }),
        7 => MutationOp::RequestTransfer(NewTransferRequest {
            id: id.clone(),
            client_id: client,
            to_broker: pick(rng, &brokers()).into(),
            reason: format!("探测移交 {id}"),
            raised_at: at,
        }),
        _ => MutationOp::AddComment(CommentRecord {
            id: id.clone(),
            subject: CommentSubject::Task,
            subject_id: pick(rng, &firm.tasks).into(),
            author_id: me.into(),
            author_name: String::new(),
            body: format!("探测留言 {id}"),
            at,
        }),
    };
    Mutation {
        id,
        made_at: at,
        op,
    }
}

pub fn probe(rng: &mut ChaCha8Rng, firm: &Firm, me: &str, n: usize) -> Probe {
    let get = |path, query| Probe {
        method: reqwest::Method::GET,
        path,
        query,
        body: None,
    };
    let post = |path, body| Probe {
        method: reqwest::Method::POST,
        path,
        query: Vec::new(),
        body: Some(body),
    };
    let mut units: Vec<String> = UNITS.iter().map(|u| u.to_string()).collect();
    units.push("TM99".into());
    let mut some_brokers = brokers();
    some_brokers.push("B999".into());
    let subject = if rng.gen_bool(0.5) {
        "task"
    } else {
        "transfer"
    };
    match rng.gen_range(0..10) {
        0 => get(
            paths::FEED,
            vec![
                ("cursor", rng.gen_range(0..20_000u64).to_string()),
                ("limit", rng.gen_range(1..=5_000u32).to_string()),
            ],
        ),
        1 => get(
            paths::TEAM_DASHBOARD,
            vec![("unit", pick(rng, &units).into())],
        ),
        2 => get(
            paths::TEAM_BROKER,
            vec![("broker", pick(rng, &some_brokers).into())],
        ),
        3 => get(paths::TEAM_TRANSFERS, Vec::new()),
        4 => get(
            paths::TEAM_COMMENTS,
            vec![
                ("subject", subject.into()),
                ("subject_id", pick(rng, &firm.tasks).into()),
            ],
        ),
        5 => {
            let count = rng.gen_range(1..=3);
            let assignees = some_brokers.choose_multiple(rng, count).cloned().collect();
            post(
                paths::TEAM_TASKS,
                json(&AssignTasks {
                    assignees,
                    title: format!("探测任务 {}", marker("t", n, 0)),
                    detail: None,
                    due_on: TODAY + Days::new(7),
                }),
            )
        }
        6 => {
            let request_id = marker("m", rng.gen_range(0..n.max(1)), rng.gen_range(0..4));
            post(
                paths::TEAM_TRANSFER_DECIDE,
                json(&TransferDecision {
                    request_id,
                    approve: false,
                    note: Some(marker("d", n, 0)),
                }),
            )
        }
        7 => post(
            paths::TEAM_COMMENTS,
            json(&NewComment {
                subject: CommentSubject::Task,
                subject_id: pick(rng, &firm.tasks).into(),
                body: format!("探测留言 {}", marker("c", n, 0)),
            }),
        ),
        8 => {
            let mutations = (0..rng.gen_range(1..=4))
                .map(|k| mutation(rng, firm, me, n, k))
                .collect();
            post(paths::PUSH, json(&PushRequest { mutations }))
        }
        _ => get(
            [paths::ME, paths::POLICY, paths::PAY_TERMS][rng.gen_range(0..3)],
            Vec::new(),
        ),
    }
}

fn json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or_default()
}

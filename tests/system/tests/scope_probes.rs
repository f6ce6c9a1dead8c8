//! Scope probes at scale: a seeded generator sends requests to every endpoint, as every role of
//! the demo firm, about ids inside and outside the caller's scope, and pushes every kind of
//! mutation about clients, tasks and requests of the caller and of others. Every answer is
//! checked against the firm's scope written out by hand (`firm_scope`): no client or broker
//! outside the caller's scope appears in an answer, nothing outside scope is changed (a refused
//! write leaves no trace in any book), and nothing answers 5xx.
//!
//! 10,000 requests by default; `BROKERDESK_SCOPE_PROBES=100000` for more.

use protocol::{
    paths, MutationOutcome, PushRequest, PushResponse, Record, PROTOCOL_VERSION, VERSION_HEADER,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::{BTreeSet, HashMap};
use sync::HeadOffice;
use system_tests::firm_scope::{books, brokers, brokers_of, feed_of};
use system_tests::{access_token, small_firm, TestHeadOffice};

mod requests;
use requests::probe;

const CALLERS: [(&str, &str); 8] = [
    ("broker01", "B001"),
    ("broker02", "B002"),
    ("broker07", "B007"),
    ("lead01", "L01"),
    ("lead02", "L02"),
    ("manager01", "M01"),
    ("manager02", "M02"),
    ("admin", "A01"),
];

fn probe_count() -> usize {
    std::env::var("BROKERDESK_SCOPE_PROBES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

/// What one caller may see: the clients of its book (a broker) or of its subtree (a lead).
struct Caller {
    username: &'static str,
    id: &'static str,
    token: String,
    is_broker: bool,
    brokers: BTreeSet<String>,
    clients: BTreeSet<String>,
}

/// Ids of the firm a probe picks from, inside and outside any caller's scope.
pub struct Firm {
    clients: Vec<String>,
    all_clients: BTreeSet<String>,
    all_brokers: BTreeSet<String>,
    tasks: Vec<String>,
    statements: Vec<String>,
    products: Vec<(String, u32)>,
}

fn string_leaves<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match value {
        serde_json::Value::String(s) => out.push(s),
        serde_json::Value::Array(items) => items.iter().for_each(|v| string_leaves(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| string_leaves(v, out)),
        _ => {}
    }
}

/// Every client and broker id of the firm in an answer must be the caller's to see.
fn check_answer(caller: &Caller, firm: &Firm, path: &str, what: &str, body: &serde_json::Value) {
    let mut leaves = Vec::new();
    string_leaves(body, &mut leaves);
    for s in leaves {
        if firm.all_clients.contains(s) {
            assert!(
                caller.clients.contains(s),
                "{} {what}: client {s} leaked",
                caller.username
            );
        }
        // A transfer request names the broker it goes to, who may be anywhere in the firm; the
        // dashboards must name no one outside the subtree.
        let dashboard = path == paths::TEAM_DASHBOARD || path == paths::TEAM_BROKER;
        if dashboard && firm.all_brokers.contains(s) {
            assert!(
                caller.brokers.contains(s),
                "{} {what}: broker {s} leaked",
                caller.username
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn ten_thousand_generated_requests_stay_inside_every_caller_s_scope() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let storage = head_office.storage.as_ref();
    let api = HeadOffice::new(&head_office.base_url()).unwrap();
    let books = books(storage);
    let mut firm = Firm {
        clients: books.clients.values().flatten().cloned().collect(),
        all_clients: books.clients.values().flatten().cloned().collect(),
        all_brokers: brokers().into_iter().collect(),
        tasks: Vec::new(),
        statements: Vec::new(),
        products: Vec::new(),
    };
    // A broker's statements name the clients whose trades paid them that month, among them
    // clients they developed and clients since moved to a colleague: theirs to see too, like
    // the clients they co-serve.
    let mut paid_by: HashMap<String, BTreeSet<String>> = HashMap::new();
    for b in brokers() {
        for record in feed_of(storage, &b) {
            match record {
                Record::StatementLine(line) => {
                    paid_by.entry(b.clone()).or_default().insert(line.client_id);
                }
                // A colleague's client this broker co-serves (客户共享) is in their feed.
                Record::Client(c) if c.serving_broker_id != b => {
                    paid_by.entry(b.clone()).or_default().insert(c.id);
                }
                Record::Task(t) => firm.tasks.push(t.id),
                Record::Statement(s) => firm.statements.push(s.id),
                Record::Product(p) if !firm.products.contains(&(p.id.clone(), p.version)) => {
                    firm.products.push((p.id, p.version))
                }
                _ => {}
            }
        }
    }
    let mut callers = Vec::new();
    for (username, id) in CALLERS {
        let is_broker = username.starts_with("broker");
        let brokers: BTreeSet<String> = if is_broker {
            [id.to_string()].into()
        } else {
            brokers_of(username)
        };
        let clients = brokers
            .iter()
            .flat_map(|b| {
                books.clients[b]
                    .iter()
                    .chain(paid_by.get(b).into_iter().flatten())
            })
            .cloned()
            .collect();
        let token = access_token(&api, username).await;
        callers.push(Caller {
            username,
            id,
            token,
            is_broker,
            brokers,
            clients,
        });
    }

    // Tasks of brokers who are not callers: nobody probing may complete them.
    let callers_books: BTreeSet<&str> = CALLERS.iter().map(|(_, id)| *id).collect();
    let open_tasks_of_others = |storage| -> BTreeSet<String> {
        brokers()
            .iter()
            .filter(|b| !callers_books.contains(b.as_str()))
            .flat_map(|b| feed_of(storage, b))
            .filter_map(|r| match r {
                Record::Task(t) if t.done_at.is_none() => Some(t.id),
                _ => None,
            })
            .collect()
    };
    let open_before = open_tasks_of_others(storage);

    let http = reqwest::Client::new();
    let mut rng = ChaCha8Rng::seed_from_u64(23);
    let (mut refused_writes, mut answered, mut refused) = (Vec::new(), 0, 0);
    let total = probe_count();
    for n in 0..total {
        let caller = &callers[rng.gen_range(0..callers.len())];
        let p = probe(&mut rng, &firm, caller.id, n);
        let what = format!("#{n} {} {}", p.method, p.path);
        let mut request = http
            .request(
                p.method.clone(),
                format!("{}{}", head_office.base_url(), p.path),
            )
            .header(VERSION_HEADER, PROTOCOL_VERSION.to_string())
            .bearer_auth(&caller.token)
            .query(&p.query);
        if let Some(body) = &p.body {
            request = request.json(body);
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let body: serde_json::Value = response.json().await.unwrap_or_default();
        assert!(
            !status.is_server_error(),
            "{} {what}: {status} {body}",
            caller.username
        );
        if !status.is_success() {
            refused += 1;
            // A refused team write must leave nothing behind either.
            let this_probe = format!("-{n}-");
            if let Some(sent) = &p.body {
                let mut leaves = Vec::new();
                string_leaves(sent, &mut leaves);
                refused_writes.extend(
                    leaves
                        .iter()
                        .filter_map(|s| {
                            // This probe's own markers, not the ids of earlier writes it names.
                            s.split(' ').find(|w| {
                                w.starts_with('p') && w.ends_with('z') && w.contains(&this_probe)
                            })
                        })
                        .map(str::to_string),
                );
            }
            continue;
        }
        answered += 1;
        check_answer(caller, &firm, p.path, &what, &body);
        if p.path == paths::PUSH {
            let sent: PushRequest =
                serde_json::from_value(p.body.clone().unwrap_or_default()).unwrap();
            let answer: PushResponse = serde_json::from_value(body).unwrap();
            for (m, result) in sent.mutations.iter().zip(&answer.results) {
                if !matches!(result.outcome, MutationOutcome::Applied) {
                    refused_writes.push(m.id.clone());
                }
            }
        }
        if caller.is_broker && p.path == paths::TEAM_TASKS {
            panic!("{} {what}: a broker assigned tasks", caller.username);
        }
    }
    // Nothing refused left a trace in any book: no record carries a refused write's id or text.
    let refused_ids: BTreeSet<String> = refused_writes.into_iter().collect();
    let mut leaked = Vec::new();
    for b in brokers() {
        for record in feed_of(storage, &b) {
            let value = serde_json::to_value(&record).unwrap();
            let mut leaves = Vec::new();
            string_leaves(&value, &mut leaves);
            leaked.extend(
                leaves
                    .into_iter()
                    .filter(|s| s.split(' ').any(|w| refused_ids.contains(w)))
                    .map(str::to_string),
            );
        }
    }
    assert!(
        leaked.is_empty(),
        "refused writes found in books: {leaked:?}"
    );
    let open_after = open_tasks_of_others(storage);
    assert!(
        open_before.is_subset(&open_after),
        "a task outside every caller's scope was completed"
    );
    println!("scope probes: {total} requests, {answered} answered, {refused} refused, {} refused writes traced, 0 leaks", refused_ids.len());
    assert_eq!(answered + refused, total);
}

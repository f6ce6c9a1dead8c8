//! Head office under the load of many brokers (issue 9's benchmark): N brokers of a generated firm
//! sign in once, take their first sync, then for a fixed time each loops on an incremental sync:
//! push one contact note, pull what changed. Every broker is its own task on loopback HTTP, as
//! desks would be. It measures whichever storage the head office runs on; the label says which.

use protocol::{
    Change, ContactChannel, ContactNoteRecord, Mutation, MutationOp, MutationOutcome, PullQuery,
    PushRequest, Record,
};
use std::time::{Duration, Instant};
use sync::HeadOffice;
use system_tests::now;

pub struct LoadFigures {
    pub brokers: usize,
    pub p95_ms: f64,
    pub per_second: f64,
    pub errors: usize,
}

impl LoadFigures {
    /// The four lines `make bench` reports, under `prefix` (`hq_sqlite`, `hq_pg`).
    pub fn print(&self, prefix: &str) {
        println!("bench: {prefix}_brokers {}", self.brokers);
        println!("bench: {prefix}_sync_p95_ms {:.1}", self.p95_ms);
        println!("bench: {prefix}_sync_per_second {:.1}", self.per_second);
        println!("bench: {prefix}_errors {}", self.errors);
    }
}

/// A broker's desk reduced to what the loop needs: a token, a cursor and a client to write about.
struct Desk {
    broker: String,
    token: String,
    cursor: u64,
    client: String,
}

async fn first_sync(api: &HeadOffice, username: String) -> Result<Desk, sync::SyncError> {
    let tokens = api
        .sign_in(&protocol::SignInRequest {
            username: username.clone(),
            password: system_tests::PASSWORD.into(),
            device_id: format!("load-{username}"),
        })
        .await?;
    let mut cursor = 0;
    let mut client = None;
    loop {
        let page = api
            .pull(
                &tokens.access_token,
                PullQuery {
                    cursor,
                    limit: PullQuery::MAX_LIMIT,
                    count: true,
                },
            )
            .await?;
        client = client.or_else(|| {
            page.changes.iter().find_map(|c| match c {
                Change::Upsert {
                    record: Record::Client(c),
                    ..
                } => Some(c.id.clone()),
                _ => None,
            })
        });
        cursor = page.cursor;
        if !page.has_more {
            break;
        }
    }
    Ok(Desk {
        broker: tokens.user.user_id,
        token: tokens.access_token,
        cursor,
        client: client.unwrap_or_default(),
    })
}

/// A push of one phone note by `broker` about `client`, the `n`th of its kind (`tag` keeps the
/// ids of one benchmark apart from another's).
pub fn note_push(tag: &str, broker: &str, client: &str, n: u64) -> PushRequest {
    let note = ContactNoteRecord {
        id: format!("{tag}N-{broker}-{n}"),
        client_id: client.to_string(),
        channel: ContactChannel::Phone,
        summary: format!("压力测试电话记录 {n}"),
        contacted_at: now(),
        follow_up_on: None,
        author_id: broker.to_string(),
    };
    PushRequest {
        mutations: vec![Mutation {
            id: format!("{tag}M-{broker}-{n}"),
            made_at: now(),
            op: MutationOp::AddContactNote(note),
        }],
    }
}

/// Why a round of the load did not complete.
#[derive(Debug, thiserror::Error)]
enum RoundError {
    #[error(transparent)]
    Sync(#[from] sync::SyncError),
    #[error("push not applied: {0:?}")]
    NotApplied(Vec<protocol::MutationResult>),
}

/// One incremental sync: a note pushed, then every page pulled.
async fn round(api: &HeadOffice, desk: &mut Desk, n: usize) -> Result<(), RoundError> {
    let push = note_push("L", &desk.broker, &desk.client, n as u64);
    let answer = api.push(&desk.token, &push).await?;
    if !matches!(
        answer.results.first().map(|r| &r.outcome),
        Some(MutationOutcome::Applied)
    ) {
        return Err(RoundError::NotApplied(answer.results));
    }
    loop {
        let page = api
            .pull(
                &desk.token,
                PullQuery {
                    cursor: desk.cursor,
                    limit: PullQuery::MAX_LIMIT,
                    count: true,
                },
            )
            .await?;
        desk.cursor = page.cursor;
        if !page.has_more {
            return Ok(());
        }
    }
}

/// Runs the load against the head office at `url` whose brokers are `broker01` … `brokerNN`.
pub async fn run(url: &str, brokers: usize, for_how_long: Duration) -> LoadFigures {
    let api = HeadOffice::new(url).expect("head office address");
    let mut desks = Vec::with_capacity(brokers);
    for k in 1..=brokers {
        desks.push(
            first_sync(&api, format!("broker{k:02}"))
                .await
                .expect("sign in and first sync"),
        );
    }
    let until = Instant::now() + for_how_long;
    let tasks: Vec<_> = desks
        .into_iter()
        .map(|mut desk| {
            let api = api.clone();
            tokio::spawn(async move {
                let (mut times, mut errors, mut n) = (Vec::new(), 0usize, 0usize);
                while Instant::now() < until {
                    let started = Instant::now();
                    match round(&api, &mut desk, n).await {
                        Ok(()) => times.push(started.elapsed()),
                        Err(e) => {
                            errors += 1;
                            eprintln!("bench: {}: {e}", desk.broker);
                        }
                    }
                    n += 1;
                }
                (times, errors)
            })
        })
        .collect();
    let (mut times, mut errors) = (Vec::new(), 0);
    for task in tasks {
        let (t, e) = task.await.expect("broker task");
        times.extend(t);
        errors += e;
    }
    times.sort();
    let p95 = times
        .get(((times.len().max(1) - 1) as f64 * 0.95).round() as usize)
        .map_or(f64::NAN, |d| d.as_secs_f64() * 1_000.0);
    LoadFigures {
        brokers,
        p95_ms: p95,
        per_second: times.len() as f64 / for_how_long.as_secs_f64(),
        errors,
    }
}

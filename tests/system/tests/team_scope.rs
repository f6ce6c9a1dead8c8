//! Scope at head office, over HTTP: two brokers, a team lead and a branch manager of the demo
//! firm send generated requests to every team endpoint (every unit, every broker, a task for
//! every broker) and brokers push writes about each other's clients. Whatever is answered must
//! be inside the caller's subtree, totals included; whatever is outside is refused and changes
//! nothing.

use domain::Fen;
use head_office_storage::review::TeamReview;
use protocol::team::{AssignTasks, BrokerQuery, TeamQuery};
use protocol::{
    Change, ClientPreferences, ContactChannel, ContactNoteRecord, ErrorCode, Mutation, MutationOp,
    MutationOutcome, PreferencesUpdate, PullQuery, PushRequest, Record, ReminderRecord,
    TaskCompletion,
};
use sync::{HeadOffice, SyncError};
use system_tests::firm_scope::{
    books, brokers, brokers_of, brokers_under, feed_of, units_of, UNITS,
};
use system_tests::now;
use system_tests::{small_firm, TestHeadOffice, TODAY};

async fn token(api: &HeadOffice, user: &str) -> String {
    system_tests::access_token(api, user).await
}

fn is_forbidden<T: std::fmt::Debug>(r: &Result<T, SyncError>) -> bool {
    matches!(r, Err(SyncError::Refused(e)) if e.code == ErrorCode::Forbidden)
}

#[tokio::test(flavor = "multi_thread")]
async fn no_read_or_write_leaves_the_caller_s_subtree() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let api = HeadOffice::new(&head_office.base_url()).unwrap();
    let books = books(head_office.storage.as_ref());
    let mut checked = 0;
    for user in ["broker01", "broker02", "lead01", "manager01"] {
        let token = token(&api, user).await;
        let my_units = units_of(user);
        let my_brokers = brokers_of(user);
        for unit in UNITS {
            let q = TeamQuery {
                unit: Some(unit.into()),
                month: None,
            };
            let answer = api.team_dashboard(&token, &q).await;
            checked += 1;
            if !my_units.contains(unit) {
                assert!(is_forbidden(&answer), "{user} read unit {unit}: {answer:?}");
                continue;
            }
            let d = answer.unwrap();
            let under = brokers_under(unit);
            assert!(under.is_subset(&my_brokers));
            for row in &d.rows {
                assert!(
                    my_units.contains(row.id.as_str()) || my_brokers.contains(&row.id),
                    "{user} was shown {}",
                    row.id
                );
            }
            let clients: usize = under.iter().map(|b| books.clients[b].len()).sum();
            assert_eq!(d.totals.clients as usize, clients, "{user} {unit}");
            let commission = under
                .iter()
                .fold(Fen::ZERO, |sum, b| sum + books.commission[b]);
            assert_eq!(d.totals.net_commission, commission, "{user} {unit}");
            assert_eq!(d.totals.brokers as usize, under.len());
            // The tree names no unit and no broker outside.
            let mut stack = vec![&d.tree];
            while let Some(node) = stack.pop() {
                assert!(my_units.contains(node.unit_id.as_str()));
                assert!(node.brokers.iter().all(|b| my_brokers.contains(&b.id)));
                stack.extend(&node.children);
            }
        }
        for broker in brokers() {
            let q = BrokerQuery {
                broker: broker.clone(),
                month: None,
            };
            let answer = api.team_broker(&token, &q).await;
            checked += 1;
            if !my_brokers.contains(&broker) {
                assert!(is_forbidden(&answer), "{user} read {broker}: {answer:?}");
                continue;
            }
            let d = answer.unwrap();
            assert_eq!(d.figures.clients as usize, books.clients[&broker].len());
            for c in &d.top_clients {
                assert!(books.clients[&broker].contains(&c.client_id));
                assert!(c.mobile_masked.contains("****"), "{}", c.mobile_masked);
            }
        }
        for broker in brokers() {
            let title = format!("范围测试 {user} → {broker}");
            let request = AssignTasks {
                assignees: vec![broker.clone()],
                title: title.clone(),
                detail: None,
                due_on: TODAY + chrono::Days::new(30),
            };
            let answer = api.assign_tasks(&token, &request).await;
            checked += 1;
            let arrived = feed_of(head_office.storage.as_ref(), &broker)
                .iter()
                .any(|r| matches!(r, Record::Task(t) if t.title == title));
            if my_brokers.contains(&broker) {
                assert!(answer.is_ok() && arrived, "{user} → {broker}: {answer:?}");
            } else {
                assert!(
                    is_forbidden(&answer) && !arrived,
                    "{user} → {broker}: {answer:?}"
                );
            }
        }
    }
    assert_eq!(checked, 4 * (UNITS.len() + 30 + 30));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_broker_cannot_write_about_a_colleague_s_clients() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let api = HeadOffice::new(&head_office.base_url()).unwrap();
    let books = books(head_office.storage.as_ref());
    // One of broker01's clients broker02 does not co-serve (客户共享).
    let theirs = feed_of(head_office.storage.as_ref(), "B001")
        .into_iter()
        .find_map(|r| match r {
            Record::Client(c) if c.serving_broker_id == "B001" && c.co_server.is_none() => {
                Some(c.id)
            }
            _ => None,
        })
        .unwrap();
    let their_task = feed_of(head_office.storage.as_ref(), "B001")
        .into_iter()
        .find_map(|r| match r {
            Record::Task(t) => Some(t.id),
            _ => None,
        })
        .unwrap();
    let now = now();
    let ops = vec![
        MutationOp::AddContactNote(ContactNoteRecord {
            id: "N-intruder".into(),
            client_id: theirs.clone(),
            channel: ContactChannel::Phone,
            summary: "不该出现的记录".into(),
            contacted_at: now,
            follow_up_on: None,
            author_id: "B002".into(),
        }),
        MutationOp::UpdatePreferences(Box::new(PreferencesUpdate {
            client_id: theirs.clone(),
            base_version: 1,
            before: ClientPreferences::default(),
            after: ClientPreferences {
                remark: Some("改了别人的客户".into()),
                ..ClientPreferences::default()
            },
        })),
        MutationOp::SaveReminder(ReminderRecord {
            id: "R-intruder".into(),
            client_id: Some(theirs.clone()),
            title: "别人的客户".into(),
            due_on: TODAY,
            due_time: None,
            repeat: "never".into(),
            source: "own".into(),
            done_at: None,
        }),
        MutationOp::CompleteTask(TaskCompletion {
            task_id: their_task.clone(),
            done_at: now,
        }),
    ];
    let token = token(&api, "broker02").await;
    let mutations = ops
        .into_iter()
        .enumerate()
        .map(|(i, op)| Mutation {
            id: format!("m-intruder-{i}"),
            made_at: now,
            op,
        })
        .collect();
    let answer = api.push(&token, &PushRequest { mutations }).await.unwrap();
    for result in &answer.results {
        assert!(
            matches!(
                &result.outcome,
                MutationOutcome::Refused {
                    code: ErrorCode::Forbidden,
                    ..
                }
            ),
            "{result:?}"
        );
    }
    // Nothing changed in broker01's book.
    for record in feed_of(head_office.storage.as_ref(), "B001") {
        match record {
            Record::ContactNote(n) => assert_ne!(n.id, "N-intruder"),
            Record::Preferences(p) => {
                assert_ne!(p.fields.remark.as_deref(), Some("改了别人的客户"))
            }
            Record::Task(t) if t.id == their_task => assert!(t.done_at.is_none()),
            _ => {}
        }
    }
    assert!(head_office
        .storage
        .broker_reminders("B002")
        .unwrap()
        .is_empty());
    // And broker02's own feed holds none of broker01's clients but those shared with broker02;
    // a lead has no feed of rows.
    let feed = api
        .pull(
            &token,
            PullQuery {
                cursor: 0,
                limit: PullQuery::MAX_LIMIT,
                count: true,
            },
        )
        .await
        .unwrap();
    assert!(feed.changes.iter().all(|c| match c {
        Change::Upsert {
            record: Record::Client(c),
            ..
        } =>
            !books.clients["B001"].contains(&c.id)
                || c.co_server.as_ref().is_some_and(|s| s.broker_id == "B002"),
        _ => true,
    }));
    let lead = token_of_lead(&api).await;
    let lead_feed = api
        .pull(
            &lead,
            PullQuery {
                cursor: 0,
                limit: 100,
                count: true,
            },
        )
        .await
        .unwrap();
    assert!(lead_feed.changes.is_empty());
}

async fn token_of_lead(api: &HeadOffice) -> String {
    token(api, "lead01").await
}

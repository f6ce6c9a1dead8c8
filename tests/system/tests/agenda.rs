//! Tasks from leads across the wire: they arrive in the broker's agenda with the next sync, their
//! completion goes back to head office, and nobody else can complete them.

use chrono::Utc;
use head_office::storage::Storage;
use protocol::{
    Change, ErrorCode, Mutation, MutationOp, MutationOutcome, PullQuery, PushRequest, Record,
    SignInRequest, TaskCompletion, TaskRecord,
};
use sync::HeadOffice;
use system_tests::{small_firm, TestDesk, TestHeadOffice, PASSWORD, TODAY};

fn tasks_at_head_office(storage: &dyn Storage, broker: &str) -> Vec<TaskRecord> {
    let mut cursor = 0;
    let mut found = Vec::new();
    loop {
        let page = storage.pull(broker, cursor, PullQuery::MAX_LIMIT).unwrap();
        for change in page.changes {
            if let Change::Upsert {
                record: Record::Task(t),
                ..
            } = change
            {
                found.push(t);
            }
        }
        cursor = page.cursor;
        if !page.has_more {
            return found;
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lead_s_task_reaches_the_agenda_and_its_completion_goes_back() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let agenda = desk.with_store(|s| s.agenda(TODAY).unwrap());
    let tasks: Vec<_> = agenda
        .today
        .iter()
        .chain(&agenda.week)
        .filter(|i| i.source == "task")
        .cloned()
        .collect();
    assert!(tasks.len() >= 3, "{agenda:?}");
    assert!(tasks
        .iter()
        .all(|t| t.assigned_by.as_deref().is_some_and(|n| !n.is_empty())));
    let task = tasks[0].clone();

    // Someone else cannot close it.
    let api = HeadOffice::new(&head_office.base_url()).unwrap();
    let token = api
        .sign_in(&SignInRequest {
            username: "broker02".into(),
            password: PASSWORD.into(),
            device_id: "other".into(),
        })
        .await
        .unwrap()
        .access_token;
    let forged = Mutation {
        id: "m-forged".into(),
        made_at: Utc::now(),
        op: MutationOp::CompleteTask(TaskCompletion {
            task_id: task.id.clone(),
            done_at: Utc::now(),
        }),
    };
    let answer = api
        .push(
            &token,
            &PushRequest {
                mutations: vec![forged],
            },
        )
        .await
        .unwrap();
    assert!(matches!(
        &answer.results[0].outcome,
        MutationOutcome::Refused {
            code: ErrorCode::Forbidden,
            ..
        }
    ));

    desk.store
        .lock()
        .unwrap()
        .complete_task("m-done".into(), &task.id, Utc::now())
        .unwrap();
    let pending = desk.with_store(|s| s.agenda(TODAY).unwrap());
    assert!(
        pending
            .today
            .iter()
            .chain(&pending.week)
            .all(|i| i.id != task.id),
        "done at once"
    );
    desk.engine
        .sync_once(desk.store.clone(), |_| {})
        .await
        .unwrap();
    let at_head_office = tasks_at_head_office(head_office.storage.as_ref(), "B001");
    let done = at_head_office.iter().find(|t| t.id == task.id).unwrap();
    assert!(done.done_at.is_some());
    assert_eq!(desk.with_store(|s| s.sync_counters().unwrap().pending), 0);
    let log = desk.with_store(|s| s.reminder_log(10).unwrap());
    assert_eq!(
        (log[0].reminder_id.as_str(), log[0].event.as_str()),
        (task.id.as_str(), "done")
    );
}

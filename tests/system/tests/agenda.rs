//! Tasks from leads across the wire: they arrive in the broker's agenda with the next sync, their
//! completion goes back to head office, and nobody else can complete them.

use head_office_storage::review::TeamReview;
use head_office_storage::Storage;
use protocol::{
    Change, ErrorCode, Mutation, MutationOp, MutationOutcome, PullQuery, PushRequest, Record,
    TaskCompletion, TaskRecord,
};
use sync::HeadOffice;
use system_tests::now;
use system_tests::{small_firm, TestDesk, TestHeadOffice, TODAY};

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

/// A push head office must refuse: the caller may not touch what it names.
async fn refused_as_forbidden(api: &HeadOffice, token: &str, forged: Mutation) {
    let request = PushRequest {
        mutations: vec![forged],
    };
    let answer = api.push(token, &request).await.unwrap();
    assert!(matches!(
        &answer.results[0].outcome,
        MutationOutcome::Refused {
            code: ErrorCode::Forbidden,
            ..
        }
    ));
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
    let token = system_tests::access_token(&api, "broker02").await;
    let forged = Mutation {
        id: "m-forged".into(),
        made_at: system_tests::now(),
        op: MutationOp::CompleteTask(TaskCompletion {
            task_id: task.id.clone(),
            done_at: system_tests::now(),
        }),
    };
    refused_as_forbidden(&api, &token, forged).await;

    desk.store
        .lock()
        .unwrap()
        .complete_task("m-done".into(), &task.id, system_tests::now())
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
    desk.sync().await;
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

#[tokio::test(flavor = "multi_thread")]
async fn own_reminders_reach_head_office_and_only_for_the_own_book() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let client = desk.first_client();
    let now = now();
    {
        let mut store = desk.store.lock().unwrap();
        let about_client = store::NewReminder {
            client_id: Some(client.clone()),
            title: "回访：确认国债逆回购操作".into(),
            due_on: TODAY,
            due_time: chrono::NaiveTime::from_hms_opt(14, 0, 0),
            repeat: domain::repeat::Repeat::Never,
            note: None,
        };
        store.add_reminder("R-visit", &about_client, now).unwrap();
        let weekly = store::NewReminder {
            client_id: None,
            title: "整理周报".into(),
            repeat: domain::repeat::Repeat::Weekly,
            due_time: None,
            ..about_client
        };
        store.add_reminder("R-weekly", &weekly, now).unwrap();
        store.complete_reminder("R-visit", now).unwrap();
    }
    desk.sync().await;
    assert_eq!(desk.with_store(|s| s.sync_counters().unwrap().pending), 0);
    let kept = head_office.storage.broker_reminders("B001").unwrap();
    let visit = kept.iter().find(|r| r.id == "R-visit").unwrap();
    assert_eq!(visit.client_id.as_deref(), Some(client.as_str()));
    assert_eq!(visit.due_time.as_deref(), Some("14:00"));
    assert!(visit.done_at.is_some());
    let weekly = kept.iter().find(|r| r.id == "R-weekly").unwrap();
    assert_eq!((weekly.repeat.as_str(), weekly.done_at), ("weekly", None));

    // A colleague cannot file a reminder about broker01's client, even by forging the push.
    let api = HeadOffice::new(&head_office.base_url()).unwrap();
    let token = system_tests::access_token(&api, "broker02").await;
    let forged = Mutation {
        id: "m-forged-reminder".into(),
        made_at: system_tests::now(),
        op: MutationOp::SaveReminder(protocol::ReminderRecord {
            id: "R-visit".into(),
            client_id: Some(client),
            title: "冒名提醒".into(),
            due_on: TODAY,
            due_time: None,
            repeat: "never".into(),
            source: "own".into(),
            done_at: None,
        }),
    };
    refused_as_forbidden(&api, &token, forged).await;
    assert!(head_office
        .storage
        .broker_reminders("B002")
        .unwrap()
        .is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_market_calendar_arrives_and_raises_alerts_on_the_desk() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let calendar = desk.with_store(|s| s.trading_calendar().unwrap());
    // National Day 2026 as head office published it.
    assert!(!calendar.is_trading_day(chrono::NaiveDate::from_ymd_opt(2026, 10, 5).unwrap()));
    let alerts = desk.with_store(|s| s.book_alerts(TODAY).unwrap());
    let subscription = alerts
        .iter()
        .find(|a| a.kind == store::AlertKind::NewShareSubscription)
        .expect("the next session's new share");
    assert!(subscription.client_id.is_none());
    let holders_of_rights = alerts
        .iter()
        .filter(|a| a.kind == store::AlertKind::RightsIssue)
        .count();
    let holders = desk.with_store(|s| {
        s.list_clients(
            &store::ClientQuery {
                holds_security: Some("601166.SH".into()),
                ..Default::default()
            },
            TODAY,
        )
        .unwrap()
        .total
    });
    assert!(holders > 0);
    assert_eq!(holders_of_rights as u64, holders);
}

//! 客户活动 across the wire: a broker creates an event and invites clients offline; every desk sees
//! the event; sign-ups count across brokers at head office, so the last seat goes once and a
//! colleague's late sign-up is refused and rolled back; attendance is taken after the start and
//! counts as a contact.

use chrono::Duration;
use clock::{Clock, ManualClock};
use domain::event::{EventKind, Rsvp};
use protocol::EventResponse;
use store::{ClientQuery, EventInput, RecipientSelection, WriteIds};
use system_tests::{now, small_firm, TestDesk, TestHeadOffice, TODAY};

fn ids(n: &str) -> WriteIds {
    WriteIds {
        mutation_id: format!("m-{n}"),
        record_id: format!("r-{n}"),
    }
}

fn book(desk: &TestDesk, limit: u32) -> Vec<String> {
    desk.with_store(|s| {
        let query = ClientQuery {
            limit,
            ..ClientQuery::default()
        };
        s.list_clients(&query, TODAY)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.id)
            .collect()
    })
}

async fn sync(desk: &TestDesk) {
    desk.sync().await;
}

fn answer(event: &str, client: &str, rsvp: Rsvp, attended: bool) -> EventResponse {
    EventResponse {
        event_id: event.into(),
        client_id: client.into(),
        rsvp,
        attended,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_event_fills_once_across_brokers_and_attendance_is_a_contact() {
    let clock = ManualClock::at(now());
    let head_office = TestHeadOffice::start_at(&small_firm(), clock.clone()).await;
    let mine = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let theirs = TestDesk::synced(&head_office.base_url(), "broker02").await;

    // Offline, broker01 sets up a two-seat strategy meeting in an hour and invites three clients.
    let input = EventInput {
        title: " 2027 年投资策略会 ".into(),
        kind: EventKind::StrategyMeeting,
        starts_at: clock.now() + Duration::hours(1),
        place: "分公司三楼报告厅".into(),
        capacity: 2,
        description: "首席经济学家解读明年宏观与配置".into(),
    };
    let event = mine
        .store
        .lock()
        .unwrap()
        .create_event(ids("ev"), ("B001", "马婷"), &input, clock.now())
        .unwrap();
    let clients = book(&mine, 3);
    let selection = RecipientSelection {
        client_ids: clients.clone(),
        query: None,
    };
    let invited = mine
        .store
        .lock()
        .unwrap()
        .invite_to_event("m-inv".into(), &event, &selection, "B001", clock.now())
        .unwrap();
    assert_eq!(invited, 3);
    // Both desks see the event with nobody signed up; broker02 invites a client of theirs.
    sync(&mine).await;
    sync(&theirs).await;
    let seen = theirs.with_store(|s| s.events("B002", clock.now()).unwrap());
    let seen = seen
        .iter()
        .find(|e| e.id == event)
        .expect("every desk sees the event");
    assert_eq!(seen.title, "2027 年投资策略会", "trimmed by head office");
    assert_eq!(
        seen.organizer_name,
        head_office_name(&head_office, "broker01")
    );
    assert_eq!((seen.accepted, seen.capacity), (0, 2));
    assert!(!seen.mine);
    let colleague_client = book(&theirs, 1).remove(0);
    theirs
        .store
        .lock()
        .unwrap()
        .invite_to_event(
            "m-inv-2".into(),
            &event,
            &RecipientSelection {
                client_ids: vec![colleague_client.clone()],
                query: None,
            },
            "B002",
            clock.now(),
        )
        .unwrap();

    // broker01 fills both seats.
    {
        let mut store = mine.store.lock().unwrap();
        for (n, client) in clients[..2].iter().enumerate() {
            store
                .record_event_response(
                    ids(&format!("yes{n}")),
                    "B001",
                    &answer(&event, client, Rsvp::Accepted, false),
                    clock.now(),
                )
                .unwrap();
        }
        // The desk knows the seats it gave away itself.
        let full = store
            .record_event_response(
                ids("yes2"),
                "B001",
                &answer(&event, &clients[2], Rsvp::Accepted, false),
                clock.now(),
            )
            .unwrap_err();
        assert_eq!(
            full.to_string(),
            "活动已满员（2 人），请先联系已报名的客户确认能否出席"
        );
        let early = store
            .record_event_response(
                ids("came-early"),
                "B001",
                &answer(&event, &clients[0], Rsvp::Accepted, true),
                clock.now(),
            )
            .unwrap_err();
        assert_eq!(early.to_string(), "活动尚未开始，不能登记出席");
        let views = store.events("B001", clock.now()).unwrap();
        let shown = views.iter().find(|e| e.id == event).unwrap();
        assert!(shown.mine);
        assert_eq!((shown.my_invited, shown.my_accepted), (3, 2));
    }
    sync(&mine).await;

    // broker02, offline with a copy that says no one signed up, takes a sign-up: head office,
    // which saw broker01's first, refuses it, and the desk goes back to head office's last word.
    theirs
        .store
        .lock()
        .unwrap()
        .record_event_response(
            ids("late"),
            "B002",
            &answer(&event, &colleague_client, Rsvp::Accepted, false),
            clock.now(),
        )
        .unwrap();
    sync(&theirs).await;
    let refusals = theirs.with_store(|s| s.refusals().unwrap());
    assert!(
        refusals.iter().any(|r| r.reason.contains("已满员")),
        "{refusals:?}"
    );
    let rows = theirs.with_store(|s| s.event_invitations(&event).unwrap());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].rsvp, Rsvp::Invited);
    assert!(!rows[0].pending);
    let seen = theirs.with_store(|s| s.events("B002", clock.now()).unwrap());
    assert_eq!(seen.iter().find(|e| e.id == event).unwrap().accepted, 2);

    // After the start, broker01 marks who came: counted at head office and a contact on the 360°.
    clock.advance(Duration::hours(2));
    mine.store
        .lock()
        .unwrap()
        .record_event_response(
            ids("came"),
            "B001",
            &answer(&event, &clients[0], Rsvp::Accepted, true),
            clock.now(),
        )
        .unwrap();
    sync(&mine).await;
    let shown = mine.with_store(|s| s.events("B001", clock.now()).unwrap());
    let shown = shown.iter().find(|e| e.id == event).unwrap();
    assert_eq!(
        (shown.accepted, shown.attended, shown.my_attended),
        (2, 1, 1)
    );
    assert!(shown.started && !shown.pending);
    let profile = mine.with_store(|s| {
        s.client_profile(&clients[0], TODAY)
            .unwrap()
            .expect("the client is in the book")
    });
    assert!(profile
        .events
        .iter()
        .any(|e| e.event_id == event && e.attended));
    assert!(
        profile
            .contacts
            .iter()
            .any(|c| c.summary == "出席客户活动：2027 年投资策略会" && !c.pending),
        "{:?}",
        profile.contacts.first()
    );
    assert!(mine.with_store(|s| s.refusals().unwrap()).is_empty());
}

fn head_office_name(head_office: &TestHeadOffice, username: &str) -> String {
    use head_office_storage::Storage;
    head_office
        .storage
        .user_by_username(username)
        .unwrap()
        .unwrap()
        .display_name
}

#[tokio::test(flavor = "multi_thread")]
async fn an_event_in_the_past_or_a_stranger_s_client_is_refused() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let mine = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let theirs = TestDesk::synced(&head_office.base_url(), "broker02").await;
    let past = EventInput {
        title: "回顾会".into(),
        kind: EventKind::Salon,
        starts_at: now() - Duration::hours(1),
        place: "线上".into(),
        capacity: 20,
        description: String::new(),
    };
    let err = mine
        .store
        .lock()
        .unwrap()
        .create_event(ids("past"), ("B001", "马婷"), &past, now())
        .unwrap_err();
    assert_eq!(err.to_string(), "活动时间已过，请选择今后的时间");

    let event = mine
        .store
        .lock()
        .unwrap()
        .create_event(
            ids("ok"),
            ("B001", "马婷"),
            &EventInput {
                starts_at: now() + Duration::days(3),
                ..past
            },
            now(),
        )
        .unwrap();
    mine.sync().await;
    // A client of broker02's book is not broker01's to invite: the desk does not know them.
    let stranger = book(&theirs, 1).remove(0);
    let err = mine
        .store
        .lock()
        .unwrap()
        .invite_to_event(
            "m-stranger".into(),
            &event,
            &RecipientSelection {
                client_ids: vec![stranger],
                query: None,
            },
            "B001",
            now(),
        )
        .unwrap_err();
    assert!(err.to_string().contains("不在您的客户名单中"), "{err}");
}

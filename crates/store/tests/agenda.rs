//! The agenda and its scheduler with a controllable clock, on a real cache file: fires on time,
//! reports what came due while the app was closed as missed, acts on each occurrence once,
//! survives a restart, snoozes and repeats.

use crate::common::{day, TODAY};
use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use domain::repeat::Repeat;
use store::{DbKey, NewReminder, Store};

/// Shanghai wall-clock time on `TODAY` as an instant.
fn sh(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, h, m, 0).unwrap() - Duration::hours(8)
}

fn reminder(title: &str, hh: u32, mm: u32, repeat: Repeat) -> NewReminder {
    NewReminder {
        client_id: Some("C0000001".into()),
        title: title.into(),
        due_on: TODAY,
        due_time: NaiveTime::from_hms_opt(hh, mm, 0),
        repeat,
        note: None,
    }
}

#[test]
fn fires_on_time_once_and_reports_missed_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.db");
    {
        let mut store = crate::common::book(dir.path());
        store
            .add_reminder(
                "R-call",
                &reminder("回访张伟", 10, 0, Repeat::Never),
                sh(9, 0),
            )
            .unwrap();
        store
            .add_reminder(
                "R-late",
                &reminder("准备周会材料", 15, 0, Repeat::Never),
                sh(9, 0),
            )
            .unwrap();
        assert!(store.scheduler_tick(sh(9, 59)).unwrap().is_empty());
        let fired = store.scheduler_tick(sh(10, 0)).unwrap();
        assert_eq!(fired.len(), 1);
        assert_eq!(
            (fired[0].reminder_id.as_str(), fired[0].event.as_str()),
            ("R-call", "fired")
        );
        // The next tick does not fire it again.
        assert!(store.scheduler_tick(sh(10, 1)).unwrap().is_empty());
        // The app closes at 11:00.
        store.scheduler_tick(sh(11, 0)).unwrap();
    }
    // Started again at 16:00: the 15:00 reminder came due while it was closed.
    let mut store = Store::open(&path, &DbKey([7; 32])).unwrap();
    let events = store.scheduler_tick(sh(16, 0)).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(
        (events[0].reminder_id.as_str(), events[0].event.as_str()),
        ("R-late", "missed")
    );
    let log = store.reminder_log(10).unwrap();
    assert_eq!(
        log.iter().map(|e| e.event.as_str()).collect::<Vec<_>>(),
        ["missed", "fired"]
    );
    assert_eq!(log[0].title, "准备周会材料");
}

#[test]
fn snooze_brings_it_back_and_repeats_move_on_without_drifting() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = crate::common::book(dir.path());
    store
        .add_reminder(
            "R-1",
            &reminder("电话确认定投", 9, 30, Repeat::Never),
            sh(9, 0),
        )
        .unwrap();
    assert_eq!(store.scheduler_tick(sh(9, 30)).unwrap().len(), 1);
    assert!(
        store.snooze_reminder("R-1", sh(9, 0), sh(9, 31)).is_err(),
        "a snooze into the past"
    );
    store.snooze_reminder("R-1", sh(10, 0), sh(9, 31)).unwrap();
    assert!(store.scheduler_tick(sh(9, 45)).unwrap().is_empty());
    let again = store.scheduler_tick(sh(10, 0)).unwrap();
    assert_eq!(again.len(), 1, "fires again at the snooze time");

    // A monthly reminder on the 31st: done in January, next due 28 February, then 31 March.
    let monthly = NewReminder {
        client_id: None,
        title: "月末资产复核".into(),
        due_on: day(2027, 1, 31),
        due_time: None,
        repeat: Repeat::Monthly,
        note: Some("对照月结单".into()),
    };
    store.add_reminder("R-m", &monthly, sh(9, 0)).unwrap();
    store.complete_reminder("R-m", sh(9, 0)).unwrap();
    store.complete_reminder("R-m", sh(9, 0)).unwrap();
    let due = store
        .scheduler_tick(Utc.with_ymd_and_hms(2027, 3, 31, 2, 0, 0).unwrap())
        .unwrap();
    assert!(due.iter().any(|e| e.reminder_id == "R-m"), "{due:?}");
    // A one-off reminder is closed by "done", and bad input is refused in Chinese.
    store.complete_reminder("R-1", sh(10, 5)).unwrap();
    assert!(store.complete_reminder("R-1", sh(10, 6)).is_err());
    let empty = NewReminder {
        title: "  ".into(),
        ..monthly.clone()
    };
    assert!(store
        .add_reminder("R-x", &empty, sh(9, 0))
        .unwrap_err()
        .to_string()
        .contains("提醒内容"));
    let stranger = NewReminder {
        client_id: Some("C9999999".into()),
        ..monthly
    };
    assert!(store
        .add_reminder("R-y", &stranger, sh(9, 0))
        .unwrap_err()
        .to_string()
        .contains("不在您的客户名单"));
}

fn saved_reminders(store: &Store) -> Vec<protocol::ReminderRecord> {
    store
        .outbox_batch(100)
        .unwrap()
        .into_iter()
        .filter_map(|m| match m.op {
            protocol::MutationOp::SaveReminder(r) => Some(r),
            _ => None,
        })
        .collect()
}

#[test]
fn own_reminders_go_to_head_office_latest_state_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = crate::common::book(dir.path());
    let mut r = reminder("回访张伟", 10, 0, Repeat::Never);
    store.add_reminder("R-1", &r, sh(9, 0)).unwrap();
    r.title = "回访张伟（改约下午）".into();
    r.due_time = NaiveTime::from_hms_opt(15, 30, 0);
    store.update_reminder("R-1", &r, sh(9, 5)).unwrap();
    let queued = saved_reminders(&store);
    assert_eq!(
        queued.len(),
        1,
        "an unsent state is replaced, not queued twice"
    );
    assert_eq!(queued[0].title, "回访张伟（改约下午）");
    assert_eq!(queued[0].due_time.as_deref(), Some("15:30"));
    assert_eq!(queued[0].done_at, None);
    store.complete_reminder("R-1", sh(15, 40)).unwrap();
    let queued = saved_reminders(&store);
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].done_at, Some(sh(15, 40)));
    assert_eq!(queued[0].source, "own");
}

#[test]
fn pulled_follow_up_dates_become_reminders_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = crate::common::book(dir.path());
    let note = |id: &str, follow: chrono::NaiveDate| {
        protocol::Record::ContactNote(protocol::ContactNoteRecord {
            id: id.into(),
            client_id: "C0000001".into(),
            channel: protocol::ContactChannel::Phone,
            summary: "客户关注红利基金，约下周再谈".into(),
            contacted_at: sh(10, 0) - Duration::days(20),
            follow_up_on: Some(follow),
            author_id: "B009".into(),
        })
    };
    let changes = vec![
        protocol::Change::Upsert {
            seq: 900,
            record: note("N-recent", day(2026, 11, 20)),
        },
        protocol::Change::Upsert {
            seq: 901,
            record: note("N-old", day(2026, 10, 1)),
        },
    ];
    store
        .apply_page(&protocol::PullPage {
            changes,
            cursor: 901,
            has_more: false,
            remaining: 0,
            epoch: String::new(),
        })
        .unwrap();
    store.mark_synced(sh(12, 0)).unwrap();
    assert!(
        store.scheduler_tick(sh(12, 1)).unwrap().is_empty(),
        "overdue before the desk knew it: on the agenda, never reported as missed"
    );
    let agenda = store.agenda(TODAY).unwrap();
    let titles: Vec<&str> = agenda.overdue.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["跟进：客户关注红利基金，约下周再谈"]);
    store
        .complete_reminder("follow-up-N-recent", sh(12, 5))
        .unwrap();
    store.mark_synced(sh(12, 10)).unwrap();
    assert!(
        store.agenda(TODAY).unwrap().overdue.is_empty(),
        "a done follow-up is not adopted again"
    );
}

#[test]
fn a_reminder_made_a_moment_after_its_time_still_fires() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = crate::common::book(dir.path());
    // Typed as 10:00 while the clock went on to 10:00:40.
    store
        .add_reminder(
            "R-now",
            &reminder("回电客户", 10, 0, Repeat::Never),
            sh(10, 0) + Duration::seconds(40),
        )
        .unwrap();
    let fired = store.scheduler_tick(sh(10, 1)).unwrap();
    assert_eq!(fired.len(), 1);
    assert_eq!(fired[0].event, "fired");
}

//! Client moves set for a later day: made when settled on or after their day, voided when they
//! no longer make sense, each with its operation-log line, and made once however many head
//! offices settle at the same moment.

use crate::support::{firm, now, today};
use chrono::Duration;
use head_office_storage::scheduled::{NewScheduledTransfer, ScheduledTransfers, SettledTransfers};
use head_office_storage::staff::{NewStaffAction, StaffDesk};
use head_office_storage::{SqlStorage, Storage, StorageError};
use std::sync::{Arc, Barrier};

fn schedule(storage: &SqlStorage, id: &str, client: &str, to: &str) -> Result<(), StorageError> {
    schedule_change(storage, id, client, to, None)
}

fn schedule_change(
    storage: &SqlStorage,
    id: &str,
    client: &str,
    to: &str,
    share: Option<domain::Rate>,
) -> Result<(), StorageError> {
    let log_id = format!("log-{id}");
    storage.schedule_transfer(
        &NewScheduledTransfer {
            id,
            client_id: client,
            to_broker_id: to,
            share,
            effective_on: today() + Duration::days(1),
            reason: "经纪人调岗，客户由同组经纪人接续服务",
            requested_by: "H01",
            requested_at: now(),
        },
        &NewStaffAction {
            id: &log_id,
            at: now(),
            user_id: "H01",
            action: "安排客户划转",
            subject: client,
            detail: "测试",
        },
    )
}

fn serving(storage: &SqlStorage, client: &str) -> String {
    storage.find_clients(client, 1).unwrap()[0]
        .serving_broker_id
        .clone()
}

fn log_of(storage: &SqlStorage, client: &str) -> Vec<String> {
    storage
        .staff_actions(now() - Duration::days(1), now() + Duration::days(3))
        .unwrap()
        .into_iter()
        .filter(|a| a.subject == client)
        .map(|a| a.action)
        .collect()
}

#[test]
fn a_move_waits_for_its_day_and_a_pointless_one_is_voided_with_its_reason() {
    let (_dir, storage) = firm();
    let book = storage.broker_book("B001").unwrap();
    let (moving, already, to_leaver) = (&book[0].client_id, &book[1].client_id, &book[2].client_id);
    schedule(&storage, "ST-1", moving, "B002").unwrap();
    schedule(&storage, "ST-2", already, "B002").unwrap();
    schedule(&storage, "ST-3", to_leaver, "B003").unwrap();
    let twice = schedule(&storage, "ST-4", moving, "B003").unwrap_err();
    assert!(matches!(twice, StorageError::Validation(_)), "{twice:?}");
    assert_eq!(storage.scheduled_transfers().unwrap().len(), 3);
    let shown = storage.find_clients(moving, 1).unwrap().remove(0);
    assert_eq!(shown.scheduled.unwrap().to_broker_id, "B002");

    assert_eq!(
        storage.settle_due_transfers(today(), now(), 100).unwrap(),
        SettledTransfers::default(),
        "nothing is due before its day"
    );
    assert_eq!(serving(&storage, moving), "B001");

    // Before the day, one client reaches the receiver another way and the other receiver leaves.
    storage.transfer_client(already, "B002", now()).unwrap();
    storage
        .set_user_disabled("B003", true, now(), None)
        .unwrap();
    let next_day = now() + Duration::days(1);
    let settled = storage
        .settle_due_transfers(today() + Duration::days(1), next_day, 100)
        .unwrap();
    assert_eq!(settled, SettledTransfers { moved: 1, void: 2 });
    assert_eq!(serving(&storage, moving), "B002");
    assert_eq!(serving(&storage, to_leaver), "B001");
    assert!(storage.scheduled_transfers().unwrap().is_empty());
    assert!(storage.find_clients(moving, 1).unwrap()[0]
        .scheduled
        .is_none());
    assert_eq!(log_of(&storage, moving), ["划转生效", "安排客户划转"]);
    assert_eq!(log_of(&storage, to_leaver), ["划转作废", "安排客户划转"]);

    // Settled moves are history: settling again does nothing, and a new move may be set.
    assert_eq!(
        storage
            .settle_due_transfers(today() + Duration::days(2), next_day, 100)
            .unwrap()
            .total(),
        0
    );
    schedule(&storage, "ST-5", moving, "B001").unwrap();
}

#[test]
fn a_cancelled_move_is_never_made_and_cannot_be_cancelled_twice() {
    let (_dir, storage) = firm();
    let client = storage.broker_book("B001").unwrap()[0].client_id.clone();
    schedule(&storage, "ST-1", &client, "B002").unwrap();
    let log = |id: &'static str| NewStaffAction {
        id,
        at: now(),
        user_id: "H01",
        action: "撤销客户划转",
        subject: "x",
        detail: "测试",
    };
    storage
        .cancel_scheduled_transfer("ST-1", now(), &log("c-1"))
        .unwrap();
    let again = storage
        .cancel_scheduled_transfer("ST-1", now(), &log("c-2"))
        .unwrap_err();
    assert!(matches!(again, StorageError::NotFound(_)), "{again:?}");
    let settled = storage
        .settle_due_transfers(today() + Duration::days(1), now(), 100)
        .unwrap();
    assert_eq!(settled.total(), 0);
    assert_eq!(serving(&storage, &client), "B001");
}

#[test]
fn of_head_offices_settling_at_once_one_makes_each_move() {
    let (_dir, storage) = firm();
    let book = storage.broker_book("B001").unwrap();
    for (n, c) in book.iter().take(10).enumerate() {
        schedule(&storage, &format!("ST-{n}"), &c.client_id, "B002").unwrap();
    }
    let storage = Arc::new(storage);
    let start = Arc::new(Barrier::new(4));
    let rounds: Vec<_> = (0..4)
        .map(|_| {
            let (storage, start) = (storage.clone(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                storage
                    .settle_due_transfers(today() + Duration::days(1), now(), 100)
                    .unwrap()
            })
        })
        .collect();
    let moved: usize = rounds.into_iter().map(|r| r.join().unwrap().moved).sum();
    assert_eq!(moved, 10);
    for c in book.iter().take(10) {
        assert_eq!(serving(&storage, &c.client_id), "B002");
        assert_eq!(log_of(&storage, &c.client_id), ["划转生效", "安排客户划转"]);
    }
}

#[test]
fn a_share_set_ahead_begins_on_its_day_unless_the_client_is_shared_or_served_by_then() {
    use head_office_storage::shares::ClientShares;
    let (_dir, storage) = firm();
    let book = storage.broker_book("B001").unwrap();
    // Clients brought in by broker01 itself and shared with nobody, so broker02 and broker03 may
    // share any of them.
    let own: Vec<&str> = book
        .iter()
        .filter(|c| c.developing_broker_id == "B001" && c.co_server.is_none())
        .map(|c| c.client_id.as_str())
        .take(3)
        .collect();
    let (sharing, served, void_share) = (own[0], own[1], own[2]);
    let thirty = domain::Rate(3_000_000);
    let co_served = storage.co_served_by("B002").unwrap();
    schedule_change(&storage, "ST-1", sharing, "B002", Some(thirty)).unwrap();
    schedule_change(&storage, "ST-2", served, "B002", Some(thirty)).unwrap();
    schedule_change(&storage, "ST-3", void_share, "B003", Some(thirty)).unwrap();
    let listed = storage.scheduled_transfers().unwrap();
    assert!(listed.iter().all(|t| t.share == Some(thirty)));
    let shown = storage.find_clients(sharing, 1).unwrap().remove(0);
    assert_eq!(shown.scheduled.unwrap().share, Some(thirty));
    assert_eq!(
        storage.co_served_by("B002").unwrap(),
        co_served,
        "not before its day"
    );

    // Before the day, one client moves to its co-server-to-be; the other co-server leaves.
    storage.transfer_client(served, "B002", now()).unwrap();
    storage
        .set_user_disabled("B003", true, now(), None)
        .unwrap();
    let settled = storage
        .settle_due_transfers(today() + Duration::days(1), now() + Duration::days(1), 100)
        .unwrap();
    assert_eq!(settled, SettledTransfers { moved: 1, void: 2 });
    assert_eq!(storage.co_served_by("B002").unwrap(), co_served + 1);
    let shared = storage.find_clients(sharing, 1).unwrap().remove(0);
    let co = shared.co_server.expect("the share began");
    assert_eq!((co.broker_id.as_str(), co.share), ("B002", thirty));
    assert_eq!(co.since, today() + Duration::days(1));
    assert!(shared.scheduled.is_none());
    assert!(storage.find_clients(served, 1).unwrap()[0]
        .co_server
        .is_none());
    assert_eq!(log_of(&storage, sharing), ["共享生效", "安排客户划转"]);
    assert_eq!(log_of(&storage, served)[0], "共享作废");
    assert_eq!(log_of(&storage, void_share), ["共享作废", "安排客户划转"]);
}

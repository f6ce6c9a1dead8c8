//! Head office restored from a backup: its feed rolls back behind the desk's cursor and the
//! writes it acknowledged after the backup are gone. The desk notices the database's new epoch,
//! pushes those writes again and pulls its book again from the start, so nothing is lost and
//! nothing head office does after the restore is skipped.

use head_office_storage::Storage;
use store::{NewContactNote, WriteIds};
use system_tests::{now, small_firm, TestDesk, TestHeadOffice, TODAY};

fn notes_at_head_office(head_office: &TestHeadOffice, id: &str) -> usize {
    head_office
        .storage
        .first_column_text(&format!("SELECT id FROM contact_notes WHERE id = '{id}'"))
        .unwrap()
        .len()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restored_head_office_gets_back_what_the_desk_saved_and_the_desk_misses_nothing_after() {
    let mut head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let backup = head_office.dir.path().join("nightly-backup");
    head_office.storage.backup_to(&backup).unwrap();

    // After the backup: a note reaches head office and is acknowledged.
    let client = desk.first_client();
    let note = NewContactNote {
        client_id: client.clone(),
        channel: "phone".into(),
        summary: "备份之后记录的电话".into(),
        follow_up_on: None,
    };
    let ids = WriteIds {
        mutation_id: "m-after-backup".into(),
        record_id: "N-after-backup".into(),
    };
    desk.store
        .lock()
        .unwrap()
        .add_contact_note(ids, "B001", &note, now())
        .unwrap();
    desk.sync().await;
    assert_eq!(desk.with_store(|s| s.sync_counters().unwrap().pending), 0);
    assert_eq!(notes_at_head_office(&head_office, "N-after-backup"), 1);

    // Head office fails and is restored from the backup: the note is gone there.
    head_office.restore_from(&backup).await;
    assert_eq!(notes_at_head_office(&head_office, "N-after-backup"), 0);
    // After the restore, head office moves one of the broker's clients away. Its feed numbers
    // restart where the backup left them, behind the desk's cursor.
    let leaving = desk.with_store(|s| {
        let query = store::ClientQuery {
            limit: 2,
            ..Default::default()
        };
        s.list_clients(&query, TODAY).unwrap().rows[1].id.clone()
    });
    head_office
        .storage
        .transfer_client(&leaving, "B002", now())
        .unwrap();

    let report = desk.sync().await;
    assert!(
        report.head_office_restored.is_some_and(|n| n >= 1),
        "{report:?}"
    );
    assert_eq!(
        notes_at_head_office(&head_office, "N-after-backup"),
        1,
        "the desk pushed the lost note again"
    );
    desk.with_store(|s| {
        assert_eq!(s.sync_counters().unwrap().pending, 0);
        assert!(
            s.client_profile(&leaving, TODAY).unwrap().is_none(),
            "the move made after the restore reached the desk"
        );
        let kept = s.client_profile(&client, TODAY).unwrap().unwrap();
        assert!(kept
            .contacts
            .iter()
            .any(|c| c.summary == "备份之后记录的电话" && !c.pending));
    });

    // The next sync is an ordinary one.
    let again = desk.sync().await;
    assert_eq!(again.head_office_restored, None);
}

//! A note written while its client moves to another broker must follow the client: both
//! transactions may run at once on PostgreSQL, and whichever commits second must see the other.

use crate::support::{firm, now};
use chrono::Duration;
use head_office_storage::{SqlStorage, Storage};
use protocol::{
    Change, ContactChannel, ContactNoteRecord, Mutation, MutationOp, MutationOutcome, PullQuery,
    Record,
};
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

const ROUNDS: usize = 30;
const MAX_NOTES: usize = 400;

fn note(broker: &str, client: &str, n: usize) -> Mutation {
    Mutation {
        id: format!("m-{broker}-{n}"),
        made_at: now(),
        op: MutationOp::AddContactNote(ContactNoteRecord {
            id: format!("N-{broker}-{n}"),
            client_id: client.to_string(),
            channel: ContactChannel::Phone,
            summary: format!("第 {n} 通电话"),
            contacted_at: now() - Duration::minutes(1),
            follow_up_on: None,
            author_id: broker.to_string(),
        }),
    }
}

fn notes_in_book(storage: &SqlStorage, broker: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    let mut cursor = 0;
    loop {
        let query = PullQuery {
            cursor,
            limit: 5_000,
            count: false,
        };
        let page = storage.pull_page(broker, &query).unwrap();
        for change in page.changes {
            if let Change::Upsert {
                record: Record::ContactNote(n),
                ..
            } = change
            {
                ids.insert(n.id);
            }
        }
        cursor = page.cursor;
        if !page.has_more {
            return ids;
        }
    }
}

#[test]
fn a_note_written_while_its_client_moves_follows_the_client() {
    let (_dir, storage) = firm();
    let storage = Arc::new(storage);
    let client = {
        let first = storage.pull("B001", 0, 5_000).unwrap();
        first
            .changes
            .iter()
            .find_map(|c| match c {
                Change::Upsert {
                    record: Record::Client(c),
                    ..
                } => Some(c.id.clone()),
                _ => None,
            })
            .unwrap()
    };

    // Each round: the serving broker writes notes as fast as they go while head office moves the
    // client to the other broker. A note applied in the old book must arrive in the new one.
    let mut from = "B001";
    let mut note_no = 0;
    for round in 0..ROUNDS {
        let to = if from == "B001" { "B002" } else { "B001" };
        let moved = Arc::new(AtomicBool::new(false));
        let written = Arc::new(AtomicUsize::new(0));
        let writer = {
            let (storage, client, moved, written) = (
                storage.clone(),
                client.clone(),
                moved.clone(),
                written.clone(),
            );
            let first = note_no;
            std::thread::spawn(move || {
                let mut applied = Vec::new();
                let mut n = first;
                // Bounded: a round never writes more than MAX_NOTES, moved or not.
                while !moved.load(Ordering::SeqCst) && n < first + MAX_NOTES {
                    let m = note(from, &client, n);
                    if storage.apply_mutation(from, &m, now()).unwrap() == MutationOutcome::Applied
                    {
                        applied.push(format!("N-{from}-{n}"));
                    }
                    n += 1;
                    written.fetch_add(1, Ordering::SeqCst);
                }
                (applied, n)
            })
        };
        // Let the writer get going, so the move lands in the middle of its notes.
        while written.load(Ordering::SeqCst) < 3 && !writer.is_finished() {
            std::thread::yield_now();
        }
        storage.transfer_client(&client, to, now()).unwrap();
        moved.store(true, Ordering::SeqCst);
        let (applied, next) = writer.join().unwrap();
        note_no = next;
        let book = notes_in_book(&storage, to);
        let stranded: Vec<_> = applied.iter().filter(|id| !book.contains(*id)).collect();
        assert!(
            stranded.is_empty(),
            "round {round}: {} of {} notes applied in {from}'s book stayed behind when the client moved to {to}: {stranded:?}",
            stranded.len(),
            applied.len()
        );
        from = to;
    }
}

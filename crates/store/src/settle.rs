//! Head office's answers to the desk's pushed writes. Applied entries leave the outbox; refused
//! ones leave it too, and the feature that made each rolls back its optimistic rows and keeps the
//! reason for the broker. Adding a mutation kind adds one line here (the match is exhaustive).

use crate::error::Result;
use crate::outbox::{queued, remove, Answer};
use crate::Store;
use chrono::{DateTime, Utc};
use protocol::{MutationOp, MutationOutcome, MutationResult};
use rusqlite::Transaction;

impl Store {
    pub fn settle(&mut self, results: &[MutationResult], now: DateTime<Utc>) -> Result<()> {
        let tx = self.conn.transaction()?;
        for result in results {
            let Some((position, mutation)) = queued(&tx, result)? else {
                continue;
            };
            if result.outcome == MutationOutcome::Applied {
                // Copied from the queue, so it must happen before the entry leaves it.
                crate::head_office_restore::keep_accepted(&tx, position, &result.id, now)?;
            }
            remove(&tx, &result.id)?;
            let answer = Answer {
                mutation_id: &result.id,
                outcome: &result.outcome,
                now,
            };
            hand_over(&tx, &mutation.op, &answer)?;
        }
        crate::head_office_restore::prune_accepted(&tx, now)?;
        tx.commit()?;
        Ok(())
    }
}

fn hand_over(tx: &Transaction<'_>, op: &MutationOp, answer: &Answer<'_>) -> Result<()> {
    match op {
        MutationOp::AddContactNote(n) => crate::contact_notes::settle_answer(tx, n, answer),
        MutationOp::UpdatePreferences(u) => crate::preferences::settle_answer(tx, u, answer),
        MutationOp::RecordAccess(e) => crate::access::settle_answer(tx, e, answer),
        MutationOp::SendRecommendation(p) => crate::push_history::settle_answer(tx, p, answer),
        MutationOp::DisputeStatement(d) => {
            crate::commission_reconcile::settle_answer(tx, d, answer)
        }
        MutationOp::CompleteTask(t) => crate::agenda::settle_answer(tx, t, answer),
        MutationOp::SaveReminder(r) => crate::reminders::settle_answer(tx, r, answer),
        MutationOp::RequestTransfer(r) => crate::team_threads::settle_transfer(tx, r, answer),
        MutationOp::AddComment(c) => crate::team_threads::settle_comment(tx, c, answer),
        MutationOp::RegisterComplaint(c) => crate::complaints::settle_answer(tx, c, answer),
        MutationOp::CreateEvent(e) => crate::events::settle_event(tx, e, answer),
        MutationOp::InviteToEvent(i) => crate::events::settle_invitations(tx, i, answer),
        MutationOp::RecordEventResponse(r) => crate::events::settle_response(tx, r, answer),
    }
}

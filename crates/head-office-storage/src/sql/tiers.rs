//! The monthly tier run: every client re-tiered from their month-end assets by the firm's policy.
//! Only clients whose tier changes are rewritten, with a new seq, so desks pull just those.

use crate::db::Db;
use crate::error::Result;
use domain::{Fen, Tier, TierPolicy};
use rusqlite::params;

pub(super) fn recompute(db: &Db<'_>, policy: &TierPolicy) -> Result<usize> {
    let clients: Vec<(String, String)> =
        db.query_map("SELECT id, tier FROM clients ORDER BY id", &[], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let mut changed = 0;
    for (id, code) in clients {
        let history: Vec<Fen> = db.query_map(
            "SELECT total_assets FROM asset_months WHERE client_id = ?1 ORDER BY month",
            params![id],
            |r| Ok(Fen(r.get(0)?)),
        )?;
        let current = Tier::from_code(&code);
        let next = policy.assign(current, &history);
        if Some(next) != current {
            let seq = db.next_seq()?;
            db.execute(
                "UPDATE clients SET tier = ?2, version = version + 1, seq = ?3 WHERE id = ?1",
                params![id, next.code(), seq],
            )?;
            changed += 1;
        }
    }
    Ok(changed)
}

//! The monthly tier run: every client re-tiered from their month-end assets by the firm's policy.
//! Only clients whose tier changes are rewritten, with a new seq, so desks pull just those.

use super::sqlite::next_seq;
use crate::error::Result;
use domain::{Fen, Tier, TierPolicy};
use rusqlite::{params, Connection};

pub(super) fn recompute(conn: &mut Connection, policy: &TierPolicy) -> Result<usize> {
    let tx = conn.transaction()?;
    let clients: Vec<(String, String)> = tx
        .prepare("SELECT id, tier FROM clients ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut changed = 0;
    {
        let mut months = tx
            .prepare("SELECT total_assets FROM asset_months WHERE client_id = ?1 ORDER BY month")?;
        for (id, code) in clients {
            let history: Vec<Fen> = months
                .query_map([&id], |r| Ok(Fen(r.get(0)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let current = Tier::from_code(&code);
            let next = policy.assign(current, &history);
            if Some(next) != current {
                let seq = next_seq(&tx)?;
                tx.execute(
                    "UPDATE clients SET tier = ?2, version = version + 1, seq = ?3 WHERE id = ?1",
                    params![id, next.code(), seq],
                )?;
                changed += 1;
            }
        }
    }
    tx.commit()?;
    Ok(changed)
}

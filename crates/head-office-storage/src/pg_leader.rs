//! A PostgreSQL session-level advisory lock held on a connection of its own, for work exactly one
//! replica may do at a time (the delivery loop).

use crate::error::Result;
use postgres::{Client, NoTls};
use std::sync::Mutex;

/// The lock's two keys: the two-integer form is a key space of its own, apart from the one-bigint
/// locks the feed horizon takes on seqs. "BrDk" and the delivery loop.
const LOCK_CLASS: i32 = 0x4272_446b;
const DELIVERY_LOOP: i32 = 1;

pub(crate) struct LeaderLock {
    url: String,
    /// Boxed: a client is large, and most replicas hold none.
    held: Mutex<Option<Box<Client>>>,
}

impl LeaderLock {
    pub(crate) fn new(url: &str) -> LeaderLock {
        LeaderLock {
            url: url.to_owned(),
            held: Mutex::new(None),
        }
    }

    /// Whether this process holds the lock, taking it if it is free. A held lock is checked to
    /// be still alive (its connection answers); a lost connection lost the lock with it.
    pub(crate) fn hold(&self) -> Result<bool> {
        let mut held = self.held.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(client) = held.as_mut() {
            if client.simple_query("SELECT 1").is_ok() {
                return Ok(true);
            }
            *held = None;
        }
        let mut client = Client::connect(&self.url, NoTls)?;
        let taken: bool = client
            .query_one(
                "SELECT pg_try_advisory_lock($1, $2)",
                &[&LOCK_CLASS, &DELIVERY_LOOP],
            )?
            .get(0);
        if taken {
            *held = Some(Box::new(client));
        }
        Ok(taken)
    }
}

impl Drop for LeaderLock {
    fn drop(&mut self) {
        // A client owns a small runtime of its own, which must not be dropped inside another
        // (a storage dropped in an async test or task would panic).
        let held = self.held.lock().unwrap_or_else(|p| p.into_inner()).take();
        crate::off_runtime(move || drop(held));
    }
}

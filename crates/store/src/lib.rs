//! The desk's local cache: one encrypted SQLite file per signed-in user.
//!
//! Head-office rows are mirrored as pulled (`apply`); broker data and the outbox live beside them;
//! the queries behind each panel (`queries`) return view types that cross IPC as they are, already
//! masked, so an unrevealed ID number never reaches the window.

mod access;
mod agenda;
mod agenda_views;
mod apply;
mod book_alerts;
pub mod book_view;
pub mod client_list;
mod commission;
mod commission_reconcile;
mod commission_views;
mod complaints;
mod contact_notes;
mod error;
mod events;
mod events_views;
mod export_rows;
mod feed_registry;
mod feed_table;
mod head_office_restore;
mod local_data;
mod market_alerts;
mod migrate;
mod outbox;
pub mod palette;
mod preferences;
pub mod profile_views;
mod push_history;
pub mod queries;
mod recommend;
mod reminders;
mod rows_book;
mod rows_firm;
mod saved_filters;
mod search_key;
mod settle;
pub use search_key::name_keys;
mod sync_state;
mod team_cache;
mod team_threads;

pub use access::AccessLogEntry;
pub use agenda::{NewReminder, ReminderEvent};
pub use agenda_views::{Agenda, AgendaItem};
pub use book_alerts::{AlertKind, BookAlert};
pub use client_list::{ClientPage, ClientQuery, ClientRow, ClientSort, ClientSortField};
pub use commission::{LineSource, TradeCommission};
pub use commission_reconcile::{
    DifferenceKind, DisputeView, LineDifference, NewDispute, Reconciliation,
};
pub use commission_views::{
    BoardCommission, ClientCommission, CommissionMonth, DayTotal, MonthFigure, TradeFilter,
};
pub use complaints::ComplaintInput;
pub use contact_notes::NewContactNote;
pub use error::{Result, StoreError};
pub use events::EventInput;
pub use events_views::{ClientEventView, EventView, InvitationView};
pub use export_rows::ExportRow;
pub use head_office_restore::EpochCheck;
pub use local_data::LocalData;
pub use outbox::{RefusalNotice, WriteIds};
pub use palette::{MatchStrength, PaletteClient, PaletteMatch, PALETTE_CLIENTS};
pub use preferences::{ConflictView, PreferencesView};
pub use profile_views::{AccountView, ClientProfile, ContactNoteView, HoldingView};
pub use push_history::{
    ClientPushView, DeliveryCounts, PushDetail, PushRecipientView, PushState, PushSummary,
};
pub use recommend::{
    ProductQuery, ProductView, PushDraft, RecipientCheck, RecipientChecks, RecipientSelection,
};
pub use reminders::ReminderView;
pub use saved_filters::SavedFilter;
pub use sync_state::SyncCounters;
pub use team_threads::{CommentView, TransferRequestView};

use rusqlite::Connection;
use std::path::Path;
use zeroize::Zeroizing;

/// The 256-bit key of the local database. Kept in the OS keyring, never in a file.
pub struct DbKey(pub [u8; 32]);

pub struct Store {
    conn: Connection,
    /// Kept to open the reading connection (`reader`); wiped from memory with the store.
    key: Zeroizing<[u8; 32]>,
}

impl Store {
    /// Opens (or creates) the cache at `path` with its key, and brings the schema up to date.
    /// A wrong key is reported as such rather than as a corrupt file.
    pub fn open(path: &Path, key: &DbKey) -> Result<Store> {
        let conn = Store::connect(path, &key.0)?;
        let mut store = Store {
            conn,
            key: Zeroizing::new(key.0),
        };
        migrate::run(&mut store.conn)?;
        Ok(store)
    }

    /// A second connection to the same cache, for the window's reads. In WAL mode it reads the
    /// last committed state while a sync applies a page on the first connection, so a click
    /// never waits for a sync; it refuses to write (`query_only`), so every write still goes
    /// through the one writing connection and its transactions.
    pub fn reader(&self) -> Result<Store> {
        let path = self
            .conn
            .path()
            .filter(|p| !p.is_empty())
            .ok_or_else(|| StoreError::Invalid("内存中的缓存没有第二个连接".into()))?;
        let conn = Store::connect(Path::new(path), &self.key)?;
        conn.pragma_update(None, "query_only", true)?;
        Ok(Store {
            conn,
            key: self.key.clone(),
        })
    }

    /// Indexes only the window's reads need, built once a book is in (on the writing connection;
    /// the reader may not write). Not in a migration: kept up during a first sync, the index on
    /// trade time (random order across the book) doubled the time to apply it.
    pub fn build_read_indexes(&self) -> Result<()> {
        let has_trades: bool =
            self.conn
                .query_row("SELECT EXISTS (SELECT 1 FROM trades)", [], |r| r.get(0))?;
        if has_trades {
            self.conn.execute_batch(
                "CREATE INDEX IF NOT EXISTS trades_traded_at ON trades(traded_at);",
            )?;
        }
        Ok(())
    }

    fn connect(path: &Path, key: &[u8; 32]) -> Result<Connection> {
        let conn = Connection::open(path)?;
        // SQLCipher takes a raw key as a blob literal, which skips its own key derivation.
        conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", hex::encode(key)))?;
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
                StoreError::WrongKey
            }
            other => StoreError::Sqlite(other),
        })?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Every page read from disk is decrypted: a larger cache saves most of that while a big
        // book is applied or browsed (negative = KiB; 32 MiB).
        conn.pragma_update(None, "cache_size", -32_768)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        Ok(conn)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_is_encrypted_and_needs_its_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.db");
        {
            let s = Store::open(&path, &DbKey([1; 32])).unwrap();
            s.conn()
                .execute_batch("INSERT INTO sync_state (key, value) VALUES ('probe', '张三的秘密')")
                .unwrap();
        }
        let bytes = std::fs::read(&path).unwrap();
        assert!(!bytes.starts_with(b"SQLite format 3"));
        assert!(!bytes.windows("张三".len()).any(|w| w == "张三".as_bytes()));
        assert!(matches!(
            Store::open(&path, &DbKey([2; 32])),
            Err(StoreError::WrongKey)
        ));
        assert!(Store::open(&path, &DbKey([1; 32])).is_ok());
    }

    #[test]
    fn the_reader_answers_with_the_last_commit_while_the_writer_is_mid_transaction() {
        let dir = tempfile::tempdir().unwrap();
        let writer = Store::open(&dir.path().join("desk.db"), &DbKey([3; 32])).unwrap();
        let reader = writer.reader().unwrap();
        let probe = |s: &Store| -> Option<String> {
            s.conn()
                .query_row(
                    "SELECT value FROM sync_state WHERE key = 'probe'",
                    [],
                    |r| r.get(0),
                )
                .ok()
        };
        writer
            .conn()
            .execute_batch("INSERT INTO sync_state (key, value) VALUES ('probe', 'page 1')")
            .unwrap();
        assert_eq!(probe(&reader).as_deref(), Some("page 1"));
        // A sync applying page 2: its transaction is open, the reader neither waits nor sees it.
        writer
            .conn()
            .execute_batch(
                "BEGIN IMMEDIATE; UPDATE sync_state SET value = 'page 2' WHERE key = 'probe'",
            )
            .unwrap();
        assert_eq!(probe(&reader).as_deref(), Some("page 1"));
        writer.conn().execute_batch("COMMIT").unwrap();
        assert_eq!(probe(&reader).as_deref(), Some("page 2"));
        // Every write goes through the writing connection.
        assert!(reader
            .conn()
            .execute_batch("DELETE FROM sync_state")
            .is_err());
        assert_eq!(probe(&writer).as_deref(), Some("page 2"));
    }
}

use crate::entities::{EntityKind, Record};
use serde::{Deserialize, Serialize};

/// `GET /api/v1/feed?cursor=…&limit=…&count=…`: everything in the caller's scope that changed
/// after `cursor`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PullQuery {
    pub cursor: u64,
    pub limit: u32,
    /// Whether to count what remains after the page. A desk needs it once per sync, for its
    /// progress bar; counting costs head office a scan of the rest of the book on every full page.
    #[serde(default = "counted")]
    pub count: bool,
}

fn counted() -> bool {
    true
}

impl PullQuery {
    pub const MAX_LIMIT: u32 = 5_000;
}

/// One page of the change feed, in commit order. Apply `changes` and store `cursor` in one local
/// transaction; ask again while `has_more`.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PullPage {
    pub changes: Vec<Change>,
    pub cursor: u64,
    pub has_more: bool,
    /// Changes still waiting after this page, for the progress bar of a first sync; 0 when the
    /// query did not ask for the count (`has_more` is right either way).
    pub remaining: u64,
    /// Which life of head office's database answered: a restore from a backup starts a new one,
    /// whose feed may have rolled back behind the desk's cursor and lost writes it acknowledged.
    /// A desk that sees it change pulls again from the start and pushes again what it sent.
    #[serde(default)]
    pub epoch: String,
}

// Nearly every change is an upsert; boxing the record would add an allocation per row of a
// 300,000-row first sync to save space on the rare removals.
#[allow(clippy::large_enum_variant)]
/// On the wire an object with its `op` first; decoded by `tagged.rs`.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Change {
    Upsert {
        seq: u64,
        record: Record,
    },
    /// The row left the caller's scope or was deleted: purge it locally.
    Remove {
        seq: u64,
        kind: EntityKind,
        id: String,
    },
}

impl Change {
    pub fn seq(&self) -> u64 {
        match self {
            Change::Upsert { seq, .. } | Change::Remove { seq, .. } => *seq,
        }
    }
}

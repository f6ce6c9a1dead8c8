//! A leaving broker's book handed to colleagues from the console (离职客户移交): previewed first,
//! so that 经纪业务管理部 sees what each receiving desk will get, then moved as previewed.

use crate::relationships::ClientOwnership;
use domain::Fen;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Whose book, to whom. The preview reads it; the move also needs the reason and what the
/// preview showed, so that a book that changed in between is previewed again, not moved blind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct BookHandover {
    pub from_broker_id: String,
    /// The receiving brokers, in the order the manager chose them (ties go to the first).
    pub to_broker_ids: Vec<String>,
    /// Why, for the operation log; needed to move, not to preview.
    #[serde(default)]
    pub reason: String,
    /// The number of clients and their assets the preview showed; needed to move.
    #[serde(default)]
    pub previewed: Option<PreviewedBook>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct PreviewedBook {
    pub clients: u32,
    pub total_assets: Fen,
    /// Clients of colleagues the leaving broker co-serves (客户共享): those shares end with the
    /// handover, and the clients stay with their own brokers.
    #[serde(default)]
    pub co_served: u32,
    /// Moves or shares set for a later day that would bring a colleague's client to the leaving
    /// broker: the handover calls them off, or the client would land in an empty book.
    #[serde(default)]
    pub scheduled_in: u32,
    /// Clients of the book with a move set for a later day: they go to the receiver the plan
    /// names, and on the move's day on to the broker it names.
    #[serde(default)]
    pub scheduled_out: u32,
}

/// What one receiving desk gets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct ReceiverShare {
    pub broker_id: String,
    pub broker_name: String,
    pub unit_id: String,
    /// The clients already in the receiver's book, before the handover.
    pub clients_before: u32,
    pub total_assets: Fen,
    pub clients: Vec<ClientOwnership>,
}

/// The handover as it stands now (preview) or as it was made (after the move).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct HandoverPlan {
    pub from_broker_id: String,
    pub from_broker_name: String,
    pub book: PreviewedBook,
    pub receivers: Vec<ReceiverShare>,
    /// Whether the clients have moved (false for a preview).
    pub moved: bool,
}

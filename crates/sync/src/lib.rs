//! The desk's sync engine: talks to the head office over HTTP and applies what it pulls to the
//! local store. All network traffic of the desk goes through here; the window never makes a call.

mod client;
mod engine;
mod error;
mod team;
mod update;

pub use client::HeadOffice;
pub use engine::{SyncEngine, SyncProgress, SyncReport, TokenVault};
pub use error::VaultError;
pub use error::{Result, SyncError};
pub use team::TeamRefresh;

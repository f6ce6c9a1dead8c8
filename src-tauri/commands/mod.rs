//! Tauri commands: parse, call one function of the desk, map the error. Nothing else lives here.
//! Every command that touches the cache runs off the main thread (`async`), so that a command
//! waiting for the cache (a sync applying a page holds the writing connection) never freezes the
//! window; reads go to their own connection and do not wait at all. One file per panel.

pub mod agenda;
pub mod book;
pub mod commission;
pub mod events;
pub mod recommend;
pub mod service;
pub mod session;
pub mod team;

use desk::Desk;
use std::sync::Arc;
use tauri::State;

type DeskState<'a> = State<'a, Arc<Desk>>;

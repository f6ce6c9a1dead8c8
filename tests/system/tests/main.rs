//! The whole system: a real head office on loopback (SQLite, or PostgreSQL when
//! `BROKERDESK_TEST_BACKEND=postgres`) and real desks. One binary, one module per promise.

mod agenda;
mod appraisal_satisfaction;
mod bad_push;
mod client_360;
mod commission;
mod complaints;
mod conflicts;
mod console_accounts;
mod console_backups;
mod console_finance;
mod console_handover;
mod console_levels;
mod console_library;
mod console_org;
mod console_reads;
mod console_relationships;
mod console_scheduled_transfer;
mod desk_update;
mod error_contract;
mod events;
mod faults;
mod firm_files;
mod flood;
mod kill9;
mod month_turn;
mod needs;
mod professional_only;
mod recommend;
mod replicas;
mod restore;
mod return_visits;
mod role_matrix;
mod schemathesis;
mod scope_probes;
mod service_desk;
mod session_bounds;
mod sessions;
mod sign_in_attack;
mod sync_book;
mod team_scope;
mod team_transfers;
mod tls;
#[path = "faults/views.rs"]
mod views;
mod webhook;

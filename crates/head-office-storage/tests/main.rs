//! Storage on a real database: a SQLite file, or PostgreSQL when `BROKERDESK_TEST_BACKEND=postgres`.

mod feed;
mod scheduled_transfers;
mod staff_log;
mod support;
mod transfer_race;

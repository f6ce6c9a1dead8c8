//! The store on real encrypted SQLite files: one binary, one module per part of the cache.

mod access;
mod agenda;
mod alerts;
mod book;
mod common;
mod hostile_feed;
mod market_alerts;
mod palette;
mod recommend;

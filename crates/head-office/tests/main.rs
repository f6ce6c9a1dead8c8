//! Head office's own jobs on a real database: the IT commands, the audit export, team scope.

mod admin;
mod audit;
mod releases;
mod team;

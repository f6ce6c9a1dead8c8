//! Tasks a lead assigns to a broker: they arrive by sync into the broker's agenda, and their
//! completion goes back (`MutationOp::CompleteTask`).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskRecord {
    pub id: String,
    pub title: String,
    pub detail: Option<String>,
    /// The client it is about, if any.
    pub client_id: Option<String>,
    pub assigned_by_name: String,
    pub due_on: NaiveDate,
    pub done_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskCompletion {
    pub task_id: String,
    pub done_at: DateTime<Utc>,
}

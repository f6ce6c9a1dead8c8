//! The agenda's wire records. Tasks a lead assigns to a broker arrive by sync into the broker's
//! agenda, and their completion goes back (`MutationOp::CompleteTask`). The broker's own reminders
//! are broker data: each change is pushed as the reminder's whole state
//! (`MutationOp::SaveReminder`), so head office can count what is overdue for the broker's lead.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TaskCompletion {
    pub task_id: String,
    pub done_at: DateTime<Utc>,
}

/// A broker's own reminder as it stands after the change that pushed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReminderRecord {
    pub id: String,
    pub client_id: Option<String>,
    pub title: String,
    pub due_on: NaiveDate,
    /// `HH:MM` in Beijing time, if the reminder has a time.
    pub due_time: Option<String>,
    /// `never`, `daily`, `weekly`, `monthly` or `yearly`.
    pub repeat: String,
    /// `own`, or `follow_up` from a contact note.
    pub source: String,
    pub done_at: Option<DateTime<Utc>>,
}

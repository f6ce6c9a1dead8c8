//! What can go wrong in storage, on either backend. The server maps each to an HTTP answer; the
//! words of `Validation` and `NotFound` reach the broker, the rest stay in the server's log.

/// Storage's one error type.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The request itself is wrong; the message says how to fix it.
    #[error("{0}")]
    Validation(String),
    #[error("未找到：{0}")]
    NotFound(String),
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("postgres: {}", postgres_detail(.0))]
    Postgres(#[from] postgres::Error),
    #[error("encoding: {0}")]
    Encoding(#[from] serde_json::Error),
    #[error("internal: {0}")]
    Internal(String),
    #[error("password hashing: {0}")]
    Hashing(String),
}

/// PostgreSQL's own words (code, message, detail) rather than the client's bare "db error".
fn postgres_detail(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!(
            "{} {}{}",
            db.code().code(),
            db.message(),
            db.detail().map(|d| format!(" ({d})")).unwrap_or_default()
        ),
        None => e.to_string(),
    }
}

pub type Result<T, E = StorageError> = std::result::Result<T, E>;

impl StorageError {
    /// The database refused the data itself (a constraint: a duplicate key, a missing parent,
    /// a NULL): the same request will be refused again, unlike a lost connection or a lock.
    pub fn is_refused_data(&self) -> bool {
        match self {
            StorageError::Database(rusqlite::Error::SqliteFailure(e, _)) => {
                e.code == rusqlite::ErrorCode::ConstraintViolation
            }
            StorageError::Postgres(e) => e.code().is_some_and(|c| c.code().starts_with("23")),
            _ => false,
        }
    }
}

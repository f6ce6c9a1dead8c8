#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("本地数据库无法用当前密钥打开")]
    WrongKey,
    #[error("本地数据库错误：{0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Input the broker can fix; the message says how.
    #[error("{0}")]
    Invalid(String),
    #[error("本地数据格式错误：{0}")]
    Corrupt(String),
    #[error("本地数据格式错误：{0}")]
    Json(#[from] serde_json::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

//! Where the head office keeps its data, as head-office IT names it on the command line.

use std::path::PathBuf;

/// Where the head office keeps its data: a SQLite file, or a PostgreSQL database by URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseLocation {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DatabaseLocation {
    /// A `postgres://` or `postgresql://` URL names PostgreSQL; anything else is a file path.
    pub fn parse(text: &str) -> DatabaseLocation {
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            DatabaseLocation::Postgres(text.to_owned())
        } else {
            DatabaseLocation::Sqlite(PathBuf::from(text))
        }
    }
}

impl std::fmt::Display for DatabaseLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DatabaseLocation::Sqlite(path) => write!(f, "{}", path.display()),
            // The URL may carry a password: show where, not how.
            DatabaseLocation::Postgres(url) => {
                let shown = url.rsplit_once('@').map_or(url.as_str(), |(_, host)| host);
                write!(f, "PostgreSQL {shown}")
            }
        }
    }
}

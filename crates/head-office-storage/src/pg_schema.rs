//! The PostgreSQL schema is SQLite's migrations, translated as they are applied, so the two can
//! never drift apart: integers become `BIGINT` (SQLite's are 64-bit), `BLOB` becomes `BYTEA`,
//! `INSERT OR IGNORE` becomes
//! `ON CONFLICT DO NOTHING`, and SQLite's `RAISE(ABORT)` triggers become a PL/pgSQL function and
//! a row trigger. Anything else a migration uses must be valid in both.

use crate::error::{Result, StorageError};

/// Created before any migration: where PostgreSQL's seqs come from (SQLite counts in `feed_seq`).
pub(super) const BOOTSTRAP: &str = "CREATE SEQUENCE IF NOT EXISTS feed_seq_numbers;";

pub(super) fn translate_migration(sqlite: &str) -> Result<String> {
    let mut out = String::with_capacity(sqlite.len() + 256);
    for statement in sqlite.split_inclusive(';') {
        out.push_str(&translate_statement(statement)?);
    }
    Ok(out)
}

fn translate_statement(statement: &str) -> Result<String> {
    let trimmed = without_comments(statement);
    if trimmed.starts_with("CREATE TRIGGER") {
        return raise_trigger(&trimmed);
    }
    if trimmed.starts_with("BEGIN SELECT RAISE") {
        // The body of the trigger above, split off at its inner `;`: already translated.
        return Ok(String::new());
    }
    if trimmed.starts_with("END;") {
        return Ok(String::new());
    }
    // SQLite's BLOB is PostgreSQL's BYTEA (a desk release's bundle).
    let mut sql = bigint(statement).replace(" BLOB NOT NULL", " BYTEA NOT NULL");
    if let Some(rest) = sql.trim_start().strip_prefix("INSERT OR IGNORE INTO") {
        let body = rest.trim_end().trim_end_matches(';');
        sql = format!("\nINSERT INTO{body} ON CONFLICT DO NOTHING;");
    }
    if sql.contains("INSERT OR") || sql.contains("AUTOINCREMENT") || sql.contains("WITHOUT ROWID") {
        return Err(StorageError::Internal(format!(
            "migration statement has no PostgreSQL translation: {}",
            trimmed
        )));
    }
    Ok(sql)
}

fn without_comments(statement: &str) -> String {
    statement
        .lines()
        .filter(|l| !l.trim_start().starts_with("--"))
        .collect::<Vec<_>>()
        .join(" ")
        .trim()
        .to_owned()
}

/// `INTEGER` as a whole word, outside quotes, becomes `BIGINT`.
fn bigint(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut rest = sql;
    while let Some(i) = rest.find("INTEGER") {
        let before = rest[..i].chars().next_back();
        let after = rest[i + 7..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        out.push_str(&rest[..i]);
        out.push_str(if word(before) || word(after) {
            "INTEGER"
        } else {
            "BIGINT"
        });
        rest = &rest[i + 7..];
    }
    out.push_str(rest);
    out
}

/// `CREATE TRIGGER IF NOT EXISTS name BEFORE UPDATE ON table BEGIN SELECT RAISE(ABORT, 'why');`
/// (the statement ends at the `;` inside the body).
fn raise_trigger(text: &str) -> Result<String> {
    let unsupported =
        || StorageError::Internal(format!("trigger has no PostgreSQL translation: {text}"));
    let words: Vec<&str> = text.split_whitespace().collect();
    let [_, _, _, _, _, name, timing, event, on, table, ..] = words.as_slice() else {
        return Err(unsupported());
    };
    if *on != "ON" || !text.contains("RAISE(ABORT,") {
        return Err(unsupported());
    }
    let message = text
        .split('\'')
        .nth(1)
        .ok_or_else(unsupported)?
        .replace('\'', "''");
    Ok(format!(
        "\nCREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$ BEGIN \
         RAISE EXCEPTION '{message}'; END; $$ LANGUAGE plpgsql;\n\
         CREATE TRIGGER {name} {timing} {event} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}();"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sqlite_migration_translates() {
        for sql in super::super::sqlite::MIGRATIONS {
            let pg = translate_migration(sql).expect("translates");
            assert!(!pg.contains("INTEGER"), "{pg}");
            assert!(!pg.contains("RAISE(ABORT"), "{pg}");
        }
    }

    #[test]
    fn triggers_and_ignores_become_postgresql() {
        let pg = translate_migration(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, integers_seen INTEGER);\n\
             INSERT OR IGNORE INTO t (id) VALUES (1);\n\
             CREATE TRIGGER IF NOT EXISTS t_frozen\nBEFORE DELETE ON t\n\
             BEGIN SELECT RAISE(ABORT, 'frozen'); END;",
        )
        .expect("translates");
        assert!(
            pg.contains("id BIGINT PRIMARY KEY, integers_seen BIGINT"),
            "{pg}"
        );
        assert!(
            pg.contains("INSERT INTO t (id) VALUES (1) ON CONFLICT DO NOTHING;"),
            "{pg}"
        );
        assert!(pg.contains("RAISE EXCEPTION 'frozen'"), "{pg}");
        assert!(
            pg.contains("CREATE TRIGGER t_frozen BEFORE DELETE ON t FOR EACH ROW EXECUTE FUNCTION t_frozen();"),
            "{pg}"
        );
    }
}

//! How the fault scenarios compare the desk with head office: the same rows of the broker's book on
//! both sides, and the desk's derived list facts matching its rows.

use head_office_storage::SqlStorage;
use rusqlite::Connection;
use std::path::Path;
use system_tests::DESK_KEY;

const ME: &str = "B001";

/// The first column of a head-office query, on whichever backend the run uses.
pub fn ids_of(head_office: &SqlStorage, sql: &str) -> Vec<String> {
    head_office.first_column_text(sql).unwrap()
}

fn desk_ids(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

const TABLES: [&str; 11] = [
    "clients",
    "accounts",
    "holdings",
    "trades",
    "asset_months",
    "risk_assessments",
    "contact_notes",
    "client_preferences",
    "cash_transfers",
    "service_cases",
    "client_relations",
];

/// What is compared of each row: its id, and for rows both sides edit, the edited values.
fn row_text(table: &str) -> &'static str {
    match table {
        "clients" => "id || ':' || mobile || ':' || version",
        "client_preferences" => {
            "id || ':' || coalesce(preferred_channel, '') || ':' || coalesce(remark, '') || ':' || version"
        }
        _ => "id",
    }
}

/// Every row of the broker's book (and of the clients they co-serve) at head office, as `table:id:content`, to compare with the desk.
pub fn head_office_view(head_office: &SqlStorage) -> Vec<String> {
    TABLES
        .iter()
        .flat_map(|t| {
            // The broker's own book, and the clients they co-serve (客户共享) but for those
            // clients' relations, which stay with the serving broker.
            let client = if *t == "clients" { "id" } else { "client_id" };
            let co_served = if *t == "client_relations" {
                String::new()
            } else {
                format!(
                    " OR {client} IN (SELECT client_id FROM client_shares \
                     WHERE broker_id = '{ME}' AND ended_at IS NULL)"
                )
            };
            let sql = format!(
                "SELECT '{t}:' || {} FROM {t} WHERE broker_id = '{ME}'{co_served} ORDER BY id",
                row_text(t)
            );
            ids_of(head_office, &sql)
        })
        .collect()
}

pub fn desk_view(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", hex(&DESK_KEY)))
        .unwrap();
    TABLES
        .iter()
        .flat_map(|t| {
            desk_ids(
                &conn,
                &format!("SELECT '{t}:' || {} FROM {t} ORDER BY id", row_text(t)),
            )
        })
        .collect()
}

/// The list reads each client through its `client_facts` row: one per client, none left over,
/// and derived from the client's current rows.
pub fn facts_follow_the_book(db: &Path) -> anyhow::Result<()> {
    let conn = Connection::open(db)?;
    conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", hex(&DESK_KEY)))?;
    let stale: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM clients c LEFT JOIN client_facts f ON f.client_id = c.id \
           WHERE f.client_id IS NULL OR f.mobile <> c.mobile OR f.name <> c.name \
           OR coalesce(f.risk_expires_on, '') <> coalesce((SELECT expires_on FROM risk_assessments r \
             WHERE r.client_id = c.id ORDER BY assessed_on DESC LIMIT 1), '')) \
         + (SELECT count(*) FROM client_facts f WHERE NOT EXISTS \
             (SELECT 1 FROM clients c WHERE c.id = f.client_id))",
        [],
        |r| r.get(0),
    )?;
    anyhow::ensure!(
        stale == 0,
        "{stale} clients' list facts do not match their rows"
    );
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

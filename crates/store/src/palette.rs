//! The command palette's client search: what a broker types with a client on the phone (张三,
//! zhangsan, zs, an account number, the last digits of a phone) finds that client in a few
//! milliseconds, the clients opened lately first, then the closest matches.

use crate::client_list::like_escaped;
use crate::error::{Result, StoreError};
use crate::queries::tier;
use crate::Store;
use chrono::{DateTime, Utc};
use domain::{mask, Tier};
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

/// How many clients the palette lists at most; more would not fit a glance.
pub const PALETTE_CLIENTS: u32 = 20;
/// How many opened clients the desk remembers.
const RECENT_KEPT: u32 = 50;
/// Longer text is no client search (a note pasted by mistake): refuse it rather than scan.
const SEARCH_MAX_CHARS: usize = 40;

/// Which of the client's keys the typed text matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PaletteMatch {
    /// Opened lately; offered before anything is typed.
    Recent,
    Name,
    Pinyin,
    Initials,
    Account,
    Phone,
    ClientNo,
}

/// How well the text matched, best first: the whole key, its start, somewhere inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MatchStrength {
    Exact,
    Prefix,
    Contains,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PaletteClient {
    pub id: String,
    pub name: String,
    pub mobile_masked: String,
    pub tier: Tier,
    pub matched: PaletteMatch,
    pub strength: MatchStrength,
    /// When the broker last opened the client's 360°, if lately.
    pub opened_at: Option<DateTime<Utc>>,
}

/// The SQL that ranks and names a match for one kind of typed text: `?1` is the text as typed
/// (lower case), `?2` the same escaped for LIKE.
struct Matcher {
    condition: &'static str,
    strength: &'static str,
    matched: &'static str,
}

const LETTERS: Matcher = Matcher {
    condition: "(f.name_initials LIKE ?2 || '%' ESCAPE '\\' OR f.name_pinyin LIKE '%' || ?2 || '%' ESCAPE '\\')",
    strength: "CASE WHEN f.name_initials = ?1 OR f.name_pinyin = ?1 THEN 0 \
               WHEN f.name_initials LIKE ?2 || '%' ESCAPE '\\' OR f.name_pinyin LIKE ?2 || '%' ESCAPE '\\' THEN 1 \
               ELSE 2 END",
    matched: "CASE WHEN f.name_initials LIKE ?2 || '%' ESCAPE '\\' THEN 'initials' ELSE 'pinyin' END",
};

const DIGITS: Matcher = Matcher {
    condition: "(f.mobile LIKE '%' || ?2 ESCAPE '\\' OR f.account_nos LIKE '%' || ?2 || '%' ESCAPE '\\' \
                OR f.client_id LIKE '%' || ?2 ESCAPE '\\')",
    strength: "CASE WHEN f.client_id = ?1 OR (' ' || f.account_nos || ' ') LIKE '% ' || ?2 || ' %' ESCAPE '\\' THEN 0 \
               WHEN f.mobile LIKE '%' || ?2 ESCAPE '\\' OR f.client_id LIKE '%' || ?2 ESCAPE '\\' THEN 1 \
               ELSE 2 END",
    matched: "CASE WHEN f.account_nos LIKE '%' || ?2 || '%' ESCAPE '\\' THEN 'account' \
              WHEN f.mobile LIKE '%' || ?2 ESCAPE '\\' THEN 'phone' ELSE 'client_no' END",
};

const NAME: Matcher = Matcher {
    condition: "(f.name LIKE '%' || ?2 || '%' ESCAPE '\\' OR lower(f.client_id) LIKE ?2 || '%' ESCAPE '\\')",
    strength: "CASE WHEN f.name = ?1 OR lower(f.client_id) = ?1 THEN 0 \
               WHEN f.name LIKE ?2 || '%' ESCAPE '\\' OR lower(f.client_id) LIKE ?2 || '%' ESCAPE '\\' THEN 1 \
               ELSE 2 END",
    matched: "CASE WHEN f.name LIKE '%' || ?2 || '%' ESCAPE '\\' THEN 'name' ELSE 'client_no' END",
};

fn matcher_for(text: &str) -> &'static Matcher {
    if text.bytes().all(|b| b.is_ascii_lowercase()) {
        &LETTERS
    } else if text.bytes().all(|b| b.is_ascii_digit()) {
        &DIGITS
    } else {
        &NAME
    }
}

fn palette_match(text: &str) -> PaletteMatch {
    match text {
        "recent" => PaletteMatch::Recent,
        "name" => PaletteMatch::Name,
        "pinyin" => PaletteMatch::Pinyin,
        "initials" => PaletteMatch::Initials,
        "account" => PaletteMatch::Account,
        "phone" => PaletteMatch::Phone,
        _ => PaletteMatch::ClientNo,
    }
}

fn strength(rank: i64) -> MatchStrength {
    match rank {
        0 => MatchStrength::Exact,
        1 => MatchStrength::Prefix,
        _ => MatchStrength::Contains,
    }
}

type Raw = (
    String,
    String,
    String,
    String,
    Option<DateTime<Utc>>,
    i64,
    String,
);

impl Store {
    /// Remembers that the broker opened a client's 360°, keeping the latest few.
    pub fn note_client_opened(&self, client_id: &str, at: DateTime<Utc>) -> Result<()> {
        self.conn().execute(
            "INSERT INTO recent_clients (client_id, opened_at) VALUES (?1, ?2) \
             ON CONFLICT (client_id) DO UPDATE SET opened_at = excluded.opened_at",
            params![client_id, at],
        )?;
        self.conn().execute(
            "DELETE FROM recent_clients WHERE client_id NOT IN \
             (SELECT client_id FROM recent_clients ORDER BY opened_at DESC LIMIT ?1)",
            [RECENT_KEPT],
        )?;
        Ok(())
    }

    /// The clients the palette offers for `text`: with nothing typed, those opened lately;
    /// else every match, opened ones first, then by how well they match, then in pinyin order.
    pub fn palette_clients(&self, text: &str) -> Result<Vec<PaletteClient>> {
        let typed = text.trim().to_lowercase();
        if typed.chars().count() > SEARCH_MAX_CHARS {
            return Err(StoreError::Invalid(format!(
                "搜索内容过长：请输入客户姓名、拼音、账号或手机尾号（最多 {SEARCH_MAX_CHARS} 个字）"
            )));
        }
        let raw: Vec<Raw> = if typed.is_empty() {
            let mut stmt = self.conn().prepare_cached(&format!(
                "SELECT c.id, c.name, c.mobile, c.tier, r.opened_at, 0, 'recent' \
                 FROM recent_clients r JOIN clients c ON c.id = r.client_id \
                 ORDER BY r.opened_at DESC LIMIT {PALETTE_CLIENTS}"
            ))?;
            let rows = stmt.query_map([], raw_row)?;
            rows.collect::<rusqlite::Result<_>>()?
        } else {
            let m = matcher_for(&typed);
            // Ranked on the narrow facts table alone; the book's rows are read for the few shown.
            let mut stmt = self.conn().prepare_cached(&format!(
                "SELECT c.id, c.name, c.mobile, c.tier, m.opened_at, m.rank, m.matched FROM \
                 (SELECT f.client_id, f.name_pinyin, r.opened_at, {strength} AS rank, {matched} AS matched \
                  FROM client_facts f LEFT JOIN recent_clients r ON r.client_id = f.client_id \
                  WHERE {condition} \
                  ORDER BY r.opened_at IS NULL, rank, r.opened_at DESC, f.name_pinyin, f.client_id \
                  LIMIT {PALETTE_CLIENTS}) m \
                 JOIN clients c ON c.id = m.client_id \
                 ORDER BY m.opened_at IS NULL, m.rank, m.opened_at DESC, m.name_pinyin, c.id",
                strength = m.strength,
                matched = m.matched,
                condition = m.condition,
            ))?;
            let rows = stmt.query_map(params![typed, like_escaped(&typed)], raw_row)?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        raw.into_iter()
            .map(|(id, name, mobile, t, opened_at, rank, matched)| {
                Ok(PaletteClient {
                    id,
                    name,
                    mobile_masked: mask::mobile(&mobile),
                    tier: tier(&t)?,
                    matched: palette_match(&matched),
                    strength: strength(rank),
                    opened_at,
                })
            })
            .collect()
    }
}

fn raw_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Raw> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
    ))
}

//! The library's review (`library::LibraryReviews`): drafts in `library_drafts`, what desks have
//! in the firm-wide `products` feed, and the unchangeable `library_publications`.

use super::feed_table::FIRM_WIDE;
use super::firm_files::upsert_sql;
use super::rows_library::{read_product, PRODUCTS};
use super::staff::insert_action;
use super::SqlStorage;
use crate::db::{Db, Row};
use crate::error::Result;
use crate::library::{LibraryReviews, Publication, StateChange};
use crate::staff::NewStaffAction;
use chrono::{DateTime, Utc};
use protocol::console::{LibraryContent, LibraryItem, LibraryReviewState};
use protocol::{ApprovalState, ProductRecord, Record};
use rusqlite::params;

fn state_code(state: LibraryReviewState) -> &'static str {
    match state {
        LibraryReviewState::Drafting => "drafting",
        LibraryReviewState::Submitted => "submitted",
        LibraryReviewState::Returned => "returned",
        LibraryReviewState::Published => "published",
        LibraryReviewState::Withdrawn => "withdrawn",
    }
}

fn bad(column: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::InvalidColumnType(column, what.into(), rusqlite::types::Type::Text)
}

fn state_of(code: &str) -> Option<LibraryReviewState> {
    use LibraryReviewState as S;
    [
        S::Drafting,
        S::Submitted,
        S::Returned,
        S::Published,
        S::Withdrawn,
    ]
    .into_iter()
    .find(|s| state_code(*s) == code)
}

const ITEMS: &str = "SELECT d.id, d.content, d.state, d.drafted_by, u.display_name, \
     r.display_name, d.review_note, d.updated_at, p.version, p.approval_ref \
     FROM library_drafts d JOIN users u ON u.id = d.drafted_by \
     LEFT JOIN users r ON r.id = d.reviewed_by LEFT JOIN products p ON p.id = d.id";

fn item(r: &Row<'_>) -> rusqlite::Result<LibraryItem> {
    let content: String = r.get(1)?;
    let state: String = r.get(2)?;
    Ok(LibraryItem {
        id: r.get(0)?,
        content: serde_json::from_str(&content).map_err(|_| bad(1, "library content"))?,
        state: state_of(&state).ok_or_else(|| bad(2, "library state"))?,
        drafted_by: r.get(3)?,
        drafted_by_name: r.get(4)?,
        reviewed_by_name: r.get(5)?,
        review_note: r.get(6)?,
        updated_at: Some(r.get(7)?),
        published_version: r
            .get::<_, Option<i64>>(8)?
            .and_then(|v| u32::try_from(v).ok())
            .unwrap_or(0),
        approval_ref: r.get(9)?,
    })
}

/// An item that came from the firm's files and was never in the console's review.
fn imported(product: ProductRecord) -> LibraryItem {
    LibraryItem {
        state: match product.approval {
            ApprovalState::Approved => LibraryReviewState::Published,
            ApprovalState::Withdrawn => LibraryReviewState::Withdrawn,
        },
        published_version: product.version,
        approval_ref: Some(product.approval_ref.clone()),
        drafted_by: String::new(),
        drafted_by_name: "公司文件导入".into(),
        reviewed_by_name: None,
        review_note: None,
        updated_at: None,
        id: product.id.clone(),
        content: LibraryContent {
            product_kind: product.product_kind,
            title: product.title,
            summary: product.summary,
            body: product.body,
            risk: product.risk,
            target_investors: product.target_investors,
            valid_from: product.valid_from,
            valid_until: product.valid_until,
            security_code: product.security_code,
            author: product.author,
        },
    }
}

fn products_outside_review(db: &Db<'_>, only: Option<&str>) -> Result<Vec<LibraryItem>> {
    let sql = format!(
        "SELECT products.id, {c} FROM products WHERE NOT EXISTS \
         (SELECT 1 FROM library_drafts d WHERE d.id = products.id)",
        c = PRODUCTS.columns
    );
    let records = match only {
        Some(id) => db.query_map(
            &format!("{sql} AND products.id = ?1"),
            params![id],
            read_product,
        )?,
        None => db.query_map(
            &format!("{sql} ORDER BY products.valid_from DESC, products.id"),
            params![],
            read_product,
        )?,
    };
    Ok(records
        .into_iter()
        .filter_map(|r| match r {
            Record::Product(p) => Some(imported(p)),
            _ => None,
        })
        .collect())
}

fn change(db: &Db<'_>, c: &StateChange<'_>) -> Result<bool> {
    let changed = db.execute(
        "UPDATE library_drafts SET state = ?3, reviewed_by = coalesce(?4, reviewed_by), \
         review_note = ?5, updated_at = ?6 WHERE id = ?1 AND state = ?2",
        params![
            c.id,
            state_code(c.from),
            state_code(c.to),
            c.reviewer,
            c.note,
            c.at
        ],
    )?;
    Ok(changed == 1)
}

/// An item from the firm's files enters review the first time compliance acts on it.
fn adopt(db: &Db<'_>, id: &str, reviewer: &str, at: DateTime<Utc>) -> Result<()> {
    if let Some(item) = products_outside_review(db, Some(id))?.pop() {
        db.execute(
            "INSERT INTO library_drafts (id, content, state, drafted_by, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                id,
                serde_json::to_string(&item.content)?,
                state_code(item.state),
                reviewer,
                at
            ],
        )?;
    }
    Ok(())
}

impl LibraryReviews for SqlStorage {
    fn library_items(&self) -> Result<Vec<LibraryItem>> {
        self.read(|db| {
            let mut items = db.query_map(
                &format!("{ITEMS} ORDER BY d.updated_at DESC, d.id"),
                params![],
                item,
            )?;
            items.extend(products_outside_review(db, None)?);
            Ok(items)
        })
    }

    fn library_item(&self, id: &str) -> Result<Option<LibraryItem>> {
        self.read(|db| {
            match db.query_opt(&format!("{ITEMS} WHERE d.id = ?1"), params![id], item)? {
                Some(found) => Ok(Some(found)),
                None => Ok(products_outside_review(db, Some(id))?.pop()),
            }
        })
    }

    fn save_library_draft(
        &self,
        id: &str,
        content: &LibraryContent,
        drafted_by: &str,
        at: DateTime<Utc>,
        log: &NewStaffAction<'_>,
    ) -> Result<bool> {
        let content = serde_json::to_string(content)?;
        self.write(|db| {
            let written = db.execute(
                "INSERT INTO library_drafts (id, content, state, drafted_by, updated_at) \
                 VALUES (?1, ?2, 'drafting', ?3, ?4) ON CONFLICT(id) DO UPDATE SET \
                 content = excluded.content, state = 'drafting', drafted_by = excluded.drafted_by, \
                 review_note = NULL, updated_at = excluded.updated_at \
                 WHERE library_drafts.state <> 'submitted'",
                params![id, content, drafted_by, at],
            )?;
            if written == 1 {
                insert_action(db, log)?;
            }
            Ok(written == 1)
        })
    }

    fn change_library_state(&self, c: &StateChange<'_>) -> Result<bool> {
        self.write(|db| {
            if let Some(reviewer) = c.reviewer {
                adopt(db, c.id, reviewer, c.at)?;
            }
            let moved = change(db, c)?;
            if moved {
                insert_action(db, c.log)?;
            }
            Ok(moved)
        })
    }

    fn publish_library_item(&self, c: &StateChange<'_>, p: &Publication<'_>) -> Result<bool> {
        let record = Record::Product(p.record.clone());
        let json = serde_json::to_string(p.record)?;
        let upsert = upsert_sql(PRODUCTS.insert);
        self.write(|db| {
            adopt(db, c.id, p.reviewer, c.at)?;
            if !change(db, c)? {
                return Ok(false);
            }
            (PRODUCTS.bind)(db, &upsert, FIRM_WIDE, db.next_seq()?, &record)?;
            db.execute(
                "INSERT INTO library_publications (product_id, version, approval, approval_ref, \
                 reviewed_by, note, record, published_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    p.record.id,
                    p.record.version,
                    p.record.approval.as_str(),
                    p.record.approval_ref,
                    p.reviewer,
                    p.note,
                    json,
                    c.at
                ],
            )?;
            insert_action(db, c.log)?;
            Ok(true)
        })
    }
}

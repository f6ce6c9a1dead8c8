//! The embedded head-office storage: one SQLite file, for the demo and for a single branch.
//!
//! SQLite lets one transaction write at a time, and every write takes its `seq` inside that
//! transaction, so seq order is commit order and a cursor can never step over a change that commits
//! late. (PostgreSQL needs more care; see ARCHITECTURE.md.)

use super::{RefreshGrant, RefreshUse, Storage, UserRow};
use crate::demo::FirmSeed;
use crate::error::{HeadOfficeError, Result};
use chrono::{DateTime, Utc};
use domain::{FirmPolicy, Mobile};
use protocol::{ClientPreferences, Mutation, MutationOutcome, PullPage, Role};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

/// How long after a refresh token's use its lost answer may be asked for again.
const REFRESH_RETRY_GRACE: chrono::Duration = chrono::Duration::minutes(10);

pub struct SqliteStorage {
    conn: Mutex<Connection>,
}

impl SqliteStorage {
    /// Puts a backup taken by `backup_to` in place at `target` (the server stopped).
    pub fn restore(backup: &Path, target: &Path, replace: bool) -> Result<()> {
        super::sqlite_admin::restore(backup, target, replace)?;
        // Opening runs any migration the backup predates.
        SqliteStorage::open(target).map(|_| ())
    }

    pub fn open(path: &Path) -> Result<SqliteStorage> {
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&mut conn)?;
        Ok(SqliteStorage {
            conn: Mutex::new(conn),
        })
    }

    /// Folds the write-ahead log into the main file, so a plain copy of the file is complete.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(())
    }

    pub(super) fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Schema migrations, run at open; `user_version` counts those applied. Released ones never change.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_firm.sql"),
    include_str!("migrations/002_contact_log.sql"),
    include_str!("migrations/003_preferences.sql"),
    include_str!("migrations/004_client_360.sql"),
    include_str!("migrations/005_recommendations.sql"),
    include_str!("migrations/006_commission.sql"),
    include_str!("migrations/007_tasks.sql"),
    include_str!("migrations/008_calendar.sql"),
    include_str!("migrations/009_team.sql"),
    include_str!("migrations/010_transfers.sql"),
];

fn migrate(conn: &mut Connection) -> Result<()> {
    let applied: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(applied.unsigned_abs() as usize)
    {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

/// The firm's practice as stored, or DOMAIN.md's defaults.
pub(super) fn firm_policy(conn: &Connection) -> Result<FirmPolicy> {
    let stored: Option<String> = conn
        .query_row(
            "SELECT value FROM firm_settings WHERE key = 'policy'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    match stored {
        Some(text) => Ok(serde_json::from_str(&text)?),
        None => Ok(FirmPolicy::default()),
    }
}

/// Takes the next firm-wide sequence number; only ever called inside a write transaction.
pub(super) fn next_seq(tx: &Transaction<'_>) -> Result<i64> {
    Ok(tx.query_row(
        "UPDATE feed_seq SET last = last + 1 WHERE id = 1 RETURNING last",
        [],
        |r| r.get(0),
    )?)
}

pub(super) fn role_to_code(role: Role) -> &'static str {
    match role {
        Role::Broker => "Broker",
        Role::TeamLead => "TeamLead",
        Role::BranchManager => "BranchManager",
        Role::Admin => "Admin",
    }
}

pub(super) fn role_from_code(code: &str) -> Role {
    match code {
        "TeamLead" => Role::TeamLead,
        "BranchManager" => Role::BranchManager,
        "Admin" => Role::Admin,
        _ => Role::Broker,
    }
}

const USER_COLUMNS: &str = "u.id, u.username, u.display_name, u.role, u.password_hash, u.disabled, \
    (WITH RECURSIVE up(id, parent_id, name, depth) AS ( \
        SELECT id, parent_id, name, 0 FROM org_units WHERE id = u.org_unit_id \
        UNION ALL SELECT o.id, o.parent_id, o.name, up.depth + 1 FROM org_units o JOIN up ON o.id = up.parent_id) \
     SELECT group_concat(name, ' / ') FROM (SELECT name FROM up ORDER BY depth DESC)), \
    u.org_unit_id";

fn user_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<UserRow> {
    Ok(UserRow {
        id: r.get(0)?,
        username: r.get(1)?,
        display_name: r.get(2)?,
        role: role_from_code(&r.get::<_, String>(3)?),
        password_hash: r.get(4)?,
        disabled: r.get(5)?,
        org_path: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
        org_unit_id: r.get(7)?,
    })
}

impl Storage for SqliteStorage {
    fn user_by_username(&self, username: &str) -> Result<Option<UserRow>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.username = ?1");
        Ok(self
            .conn()
            .query_row(&sql, [username], user_row)
            .optional()?)
    }

    fn user_by_id(&self, user_id: &str) -> Result<Option<UserRow>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = ?1");
        Ok(self
            .conn()
            .query_row(&sql, [user_id], user_row)
            .optional()?)
    }

    fn insert_refresh_token(&self, token_hash: &str, grant: &RefreshGrant) -> Result<()> {
        self.conn().execute(
            "INSERT INTO refresh_tokens (token_hash, user_id, device_id, family_id, expires_at) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                token_hash,
                grant.user_id,
                grant.device_id,
                grant.family_id,
                grant.expires_at
            ],
        )?;
        Ok(())
    }

    fn use_refresh_token(&self, token_hash: &str, now: DateTime<Utc>) -> Result<RefreshUse> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let row = tx
            .query_row(
                "SELECT user_id, device_id, family_id, expires_at, used_at FROM refresh_tokens \
                 WHERE token_hash = ?1 AND revoked_at IS NULL",
                [token_hash],
                |r| {
                    Ok((
                        RefreshGrant {
                            user_id: r.get(0)?,
                            device_id: r.get(1)?,
                            family_id: r.get(2)?,
                            expires_at: r.get(3)?,
                        },
                        r.get::<_, Option<DateTime<Utc>>>(4)?,
                    ))
                },
            )
            .optional()?;
        let outcome = match row {
            None => RefreshUse::Invalid,
            Some((grant, Some(used_at))) => {
                // Has any token of the family been used since? Then the session moved on and this
                // is a replay. If not, the answer to the first use was lost: allow a retry, briefly.
                let moved_on: bool = tx.query_row(
                    "SELECT count(*) > 0 FROM refresh_tokens WHERE family_id = ?1 \
                         AND token_hash != ?2 AND used_at IS NOT NULL AND used_at > ?3",
                    params![grant.family_id, token_hash, used_at],
                    |r| r.get(0),
                )?;
                if !moved_on && now - used_at < REFRESH_RETRY_GRACE {
                    // The successor the desk never got stays valid until a sibling is used.
                    RefreshUse::Retried(grant)
                } else {
                    RefreshUse::Reused {
                        family_id: grant.family_id,
                    }
                }
            }
            Some((grant, None)) if grant.expires_at <= now => RefreshUse::Invalid,
            Some((grant, None)) => {
                // Siblings issued for lost answers were never received or are now abandoned.
                tx.execute(
                    "UPDATE refresh_tokens SET expires_at = ?3 WHERE family_id = ?1 \
                     AND token_hash != ?2 AND used_at IS NULL",
                    params![grant.family_id, token_hash, now],
                )?;
                tx.execute(
                    "UPDATE refresh_tokens SET used_at = ?2 WHERE token_hash = ?1",
                    params![token_hash, now],
                )?;
                RefreshUse::Fresh(grant)
            }
        };
        tx.commit()?;
        Ok(outcome)
    }

    fn revoke_refresh_family(&self, family_id: &str) -> Result<()> {
        // Every token of the family, spent or not, is dead: no retry can revive a revoked session.
        self.conn().execute(
            "UPDATE refresh_tokens SET revoked_at = ?2 WHERE family_id = ?1",
            params![family_id, Utc::now()],
        )?;
        Ok(())
    }

    fn pull(&self, broker_id: &str, cursor: u64, limit: u32) -> Result<PullPage> {
        super::sqlite_feed::pull(&self.conn(), broker_id, cursor, limit)
    }

    fn correct_client_mobile(&self, client_id: &str, mobile: &Mobile) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let seq = next_seq(&tx)?;
        let changed = tx.execute(
            "UPDATE clients SET mobile = ?2, version = version + 1, seq = ?3 WHERE id = ?1",
            params![client_id, mobile.as_str(), seq],
        )?;
        if changed == 0 {
            return Err(HeadOfficeError::NotFound(format!("客户 {client_id}")));
        }
        tx.commit()?;
        Ok(())
    }

    fn apply_mutation(
        &self,
        user_id: &str,
        mutation: &Mutation,
        now: DateTime<Utc>,
    ) -> Result<MutationOutcome> {
        super::sqlite_mutations::apply(&mut self.conn(), user_id, mutation, now)
    }

    fn set_preferences(&self, client_id: &str, fields: &ClientPreferences) -> Result<()> {
        super::sqlite_preferences::set_at_head_office(&mut self.conn(), client_id, fields)
    }

    fn transfer_client(
        &self,
        client_id: &str,
        to_broker_id: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        super::sqlite_mutations::transfer_client(&mut self.conn(), client_id, to_broker_id, at)
    }

    fn audit_entries(
        &self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<super::AuditEntry>> {
        super::sqlite_audit::entries(&self.conn(), from, until)
    }

    fn firm_policy(&self) -> Result<FirmPolicy> {
        firm_policy(&self.conn())
    }

    fn set_firm_policy(&self, policy: &FirmPolicy) -> Result<()> {
        policy
            .validate()
            .map_err(|e| HeadOfficeError::Validation(e.to_string()))?;
        self.conn().execute(
            "INSERT INTO firm_settings (key, value) VALUES ('policy', ?1) \
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [serde_json::to_string(policy)?],
        )?;
        Ok(())
    }

    fn recompute_tiers(&self) -> Result<usize> {
        let policy = self.firm_policy()?;
        super::sqlite_tiers::recompute(&mut self.conn(), &policy.tiers)
    }

    fn advance_deliveries(
        &self,
        channel: &dyn crate::channel::DeliveryChannel,
        now: DateTime<Utc>,
    ) -> Result<usize> {
        super::sqlite_recommend::advance_deliveries(&mut self.conn(), channel, now)
    }

    fn push_archive(&self, push_id: &str) -> Result<Option<String>> {
        super::sqlite_recommend::archive(&self.conn(), push_id)
    }

    fn pay_settings(&self) -> Result<crate::pay::PaySettings> {
        super::sqlite_commission::settings(&self.conn())
    }

    fn set_pay_settings(&self, pay: &crate::pay::PaySettings) -> Result<()> {
        super::sqlite_commission::set_settings(&self.conn(), pay)
    }

    fn pay_terms(&self, broker_id: &str) -> Result<protocol::PayTerms> {
        super::sqlite_commission::terms(&self.conn(), broker_id)
    }

    fn publish_statements(&self, month: chrono::NaiveDate, now: DateTime<Utc>) -> Result<usize> {
        super::sqlite_commission::publish(&mut self.conn(), month, now)
    }

    fn correct_trade_commission(&self, trade_id: &str, commission: domain::Fen) -> Result<()> {
        super::sqlite_commission::correct_trade_commission(&mut self.conn(), trade_id, commission)
    }

    fn answer_dispute(
        &self,
        dispute_id: &str,
        status: protocol::DisputeStatus,
        answer: &str,
    ) -> Result<()> {
        super::sqlite_commission::answer_dispute(&mut self.conn(), dispute_id, status, answer)
    }

    fn org_chart(&self) -> Result<crate::team::OrgChart> {
        super::sqlite_team::org_chart(&self.conn())
    }

    fn broker_figures(
        &self,
        brokers: &[String],
        window: &crate::team::KpiWindow,
    ) -> Result<std::collections::HashMap<String, domain::kpi::KpiFigures>> {
        super::sqlite_team::broker_figures(&self.conn(), brokers, window)
    }

    fn commission_between(
        &self,
        brokers: &[String],
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<std::collections::HashMap<String, domain::Fen>> {
        super::sqlite_team::commission_between(&self.conn(), brokers, from, until)
    }

    fn top_clients(
        &self,
        broker_id: &str,
        window: &crate::team::KpiWindow,
        limit: u32,
    ) -> Result<Vec<protocol::team::MaskedClient>> {
        super::sqlite_team::top_clients(&self.conn(), broker_id, window, limit)
    }

    fn overdue_items(
        &self,
        broker_id: &str,
        today: chrono::NaiveDate,
    ) -> Result<Vec<protocol::team::OverdueItem>> {
        super::sqlite_team::overdue_items(&self.conn(), broker_id, today)
    }

    fn assign_tasks(&self, tasks: &[(String, protocol::TaskRecord)]) -> Result<()> {
        super::sqlite_team::assign_tasks(&mut self.conn(), tasks)
    }

    fn transfer_requests(
        &self,
        brokers: &[String],
    ) -> Result<Vec<protocol::team::TransferRequestRecord>> {
        super::sqlite_transfers::requests_from(&self.conn(), brokers)
    }

    fn transfer_request(&self, id: &str) -> Result<Option<protocol::team::TransferRequestRecord>> {
        super::sqlite_transfers::request_by_id(&self.conn(), id)
    }

    fn decide_transfer(
        &self,
        decider_id: &str,
        decision: &protocol::team::TransferDecision,
        now: DateTime<Utc>,
    ) -> Result<()> {
        super::sqlite_transfers::decide(&mut self.conn(), decider_id, decision, now)
    }

    fn comment_subject_broker(
        &self,
        subject: protocol::team::CommentSubject,
        subject_id: &str,
    ) -> Result<Option<String>> {
        super::sqlite_transfers::subject_broker(&self.conn(), subject, subject_id)
    }

    fn comments(
        &self,
        subject: protocol::team::CommentSubject,
        subject_id: &str,
    ) -> Result<Vec<protocol::team::CommentRecord>> {
        super::sqlite_transfers::comments(&self.conn(), subject, subject_id)
    }

    fn add_lead_comment(
        &self,
        author_id: &str,
        comment: &protocol::team::CommentRecord,
    ) -> Result<()> {
        super::sqlite_transfers::lead_comment(&mut self.conn(), author_id, comment)
    }

    fn broker_reminders(&self, broker_id: &str) -> Result<Vec<protocol::ReminderRecord>> {
        super::sqlite_tasks::broker_reminders(&self.conn(), broker_id)
    }

    fn create_user(
        &self,
        username: &str,
        display_name: &str,
        role: Role,
        unit_id: &str,
        password_hash: &str,
    ) -> Result<String> {
        let mut conn = self.conn();
        super::sqlite_admin::create_user(
            &mut conn,
            username,
            display_name,
            role,
            unit_id,
            password_hash,
        )
    }

    fn set_user_disabled(&self, user_id: &str, disabled: bool) -> Result<()> {
        super::sqlite_admin::set_disabled(&mut self.conn(), user_id, disabled)
    }

    fn set_password_hash(&self, user_id: &str, password_hash: &str) -> Result<()> {
        super::sqlite_admin::set_password_hash(&mut self.conn(), user_id, password_hash)
    }

    fn place_user(&self, user_id: &str, unit_id: &str) -> Result<()> {
        super::sqlite_admin::place_user(&self.conn(), user_id, unit_id)
    }

    fn create_unit(&self, id: &str, parent_id: &str, name: &str) -> Result<()> {
        super::sqlite_admin::create_unit(&self.conn(), id, parent_id, name)
    }

    fn backup_to(&self, target: &std::path::Path) -> Result<()> {
        super::sqlite_admin::backup_to(&self.conn(), target)
    }

    fn import_firm(&self, firm: FirmSeed) -> Result<super::ImportSummary> {
        super::sqlite_import::import(&mut self.conn(), firm)
    }

    fn is_empty(&self) -> Result<bool> {
        let users: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM users", [], |r| r.get(0))?;
        Ok(users == 0)
    }
}

//! `Storage` on SQL: each method one read or one transaction (`SqlStorage::read`, `write`), the
//! statements in the submodule of the part of the firm it touches.

use super::*;
use crate::error::StorageError;
use crate::seed::FirmSeed;
use crate::{RefreshGrant, RefreshUse, SignInEvent, SignInPressure, Storage, UserRow};
use chrono::{DateTime, NaiveDate, Utc};
use domain::{FirmPolicy, Mobile};
use protocol::{ClientPreferences, Mutation, MutationOutcome, PullPage, Role};
use rusqlite::params;
use users::{refresh_token_known, use_refresh_token, user_row, USER_COLUMNS};

impl Storage for SqlStorage {
    fn user_by_username(&self, username: &str) -> Result<Option<UserRow>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.username = ?1");
        self.read(|db| db.query_opt(&sql, params![username], user_row))
    }

    fn user_by_id(&self, user_id: &str) -> Result<Option<UserRow>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = ?1");
        self.read(|db| db.query_opt(&sql, params![user_id], user_row))
    }

    fn insert_refresh_token(&self, token_hash: &str, grant: &RefreshGrant) -> Result<()> {
        self.write(|db| users::insert_refresh_token(db, token_hash, grant))
    }

    fn use_refresh_token(
        &self,
        token_hash: &str,
        retry_key_hash: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<RefreshUse> {
        // Made-up tokens are answered from a read: a flood of them never queues for the one
        // writer that every desk's push needs.
        if !self.read(|db| refresh_token_known(db, token_hash))? {
            return Ok(RefreshUse::Invalid);
        }
        self.write(|db| use_refresh_token(db, token_hash, retry_key_hash, now))
    }

    fn revoke_refresh_family(&self, family_id: &str, now: DateTime<Utc>) -> Result<()> {
        self.write(|db| users::revoke_refresh_family(db, family_id, now))
    }

    fn is_usual_device(&self, user: &str, device: &str, since: DateTime<Utc>) -> Result<bool> {
        self.read(|db| sign_in_log::is_usual_device(db, user, device, since))
    }

    fn record_sign_in(&self, event: &SignInEvent) -> Result<()> {
        self.write(|db| sign_in_log::record(db, event))
    }

    fn sign_in_pressure(&self, since: DateTime<Utc>) -> Result<Vec<SignInPressure>> {
        self.read(|db| sign_in_log::pressure(db, since))
    }

    fn epoch(&self) -> String {
        self.epoch.clone()
    }

    fn pull_page(&self, broker_id: &str, query: &protocol::PullQuery) -> Result<PullPage> {
        self.read(|db| feed::pull(db, broker_id, query, &self.epoch))
    }

    fn correct_client_mobile(&self, client_id: &str, mobile: &Mobile) -> Result<()> {
        self.write(|db| {
            let seq = db.next_seq()?;
            let changed = db.execute(
                "UPDATE clients SET mobile = ?2, version = version + 1, seq = ?3 WHERE id = ?1",
                params![client_id, mobile.as_str(), seq],
            )?;
            if changed == 0 {
                return Err(StorageError::NotFound(format!("客户 {client_id}")));
            }
            Ok(())
        })
    }

    fn apply_mutation(
        &self,
        user_id: &str,
        mutation: &Mutation,
        now: DateTime<Utc>,
    ) -> Result<MutationOutcome> {
        match self.write(|db| mutations::apply(db, user_id, mutation, now)) {
            Err(e) if e.is_refused_data() => {
                tracing::warn!(mutation = %mutation.id, error = %e, "mutation refused by the database");
                let outcome = mutations::refused_by_database(mutation);
                self.write(|db| mutations::remember(db, user_id, mutation, &outcome, now))?;
                Ok(outcome)
            }
            answered => answered,
        }
    }

    fn preferences(&self, client_id: &str) -> Result<ClientPreferences> {
        self.read(|db| Ok(preferences::current(db, client_id)?.0))
    }

    fn set_preferences(
        &self,
        client_id: &str,
        fields: &ClientPreferences,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(|db| preferences::set_at_head_office(db, client_id, fields, now))
    }

    fn transfer_client(
        &self,
        client_id: &str,
        to_broker_id: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        self.write_locking(|db| books::transfer_client(db, client_id, to_broker_id, at))
    }

    fn transfer_clients(
        &self,
        moves: &[(String, String)],
        at: DateTime<Utc>,
        log: &crate::staff::NewStaffAction<'_>,
    ) -> Result<()> {
        self.write_locking(|db| {
            for (client_id, to_broker_id) in moves {
                books::transfer_client(db, client_id, to_broker_id, at)?;
            }
            staff::insert_action(db, log)
        })
    }

    fn audit_entries(
        &self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<crate::AuditEntry>> {
        self.read(|db| audit::entries(db, from, until))
    }

    fn firm_policy(&self) -> Result<FirmPolicy> {
        self.read(policy::firm_policy)
    }

    fn set_firm_policy(&self, policy: &FirmPolicy) -> Result<()> {
        policy
            .validate()
            .map_err(|e| StorageError::Validation(e.to_string()))?;
        let text = serde_json::to_string(policy)?;
        self.write(|db| policy::store(db, &text))
    }

    fn recompute_tiers(&self) -> Result<usize> {
        let policy = self.firm_policy()?;
        self.write(|db| tiers::recompute(db, &policy.tiers))
    }

    fn import_rows(
        &self,
        parsed: firm_import::Parsed,
        skip_bad: bool,
        now: DateTime<Utc>,
    ) -> Result<firm_import::ImportReport> {
        // One transaction, retried whole if PostgreSQL asks: each try reads the rows afresh.
        self.write(|db| firm_files::import_rows(db, &parsed.rows, &parsed.problems, skip_bad, now))
    }

    fn push_archive(&self, push_id: &str) -> Result<Option<String>> {
        self.read(|db| recommend::archive(db, push_id))
    }

    fn pay_settings(&self) -> Result<crate::pay::PaySettings> {
        self.read(pay_cache::settings)
    }

    fn set_pay_settings(&self, pay: &crate::pay::PaySettings) -> Result<()> {
        self.write(|db| pay_cache::set_settings(db, pay))
    }

    fn change_pay_settings(
        &self,
        change: &(dyn Fn(&mut crate::pay::PaySettings) -> Result<()> + Sync),
        log: &crate::staff::NewStaffAction<'_>,
    ) -> Result<()> {
        self.write(|db| {
            let mut pay = pay_cache::settings(db)?;
            change(&mut pay)?;
            pay_cache::set_settings(db, &pay)?;
            staff::insert_action(db, log)
        })
    }

    fn pay_terms(&self, broker_id: &str) -> Result<protocol::PayTerms> {
        self.read(|db| commission::terms(db, &*self.pay.get(db)?, broker_id))
    }

    fn statements_published(&self, month: chrono::NaiveDate) -> Result<u32> {
        let (first, _) = domain::pay_plan::month_of(month);
        self.read(|db| rows_commission::statements_of_month(db, first))
    }

    fn publish_statements(
        &self,
        month: chrono::NaiveDate,
        now: DateTime<Utc>,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<usize> {
        self.write(|db| {
            let statements = commission::publish(db, month, now)?;
            staff::insert_if(db, log)?;
            Ok(statements)
        })
    }

    fn trade_charge(&self, trade_id: &str) -> Result<Option<protocol::console::TradeCharge>> {
        self.read(|db| commission::trade_charge(db, trade_id))
    }

    fn correct_trade_commission(
        &self,
        trade_id: &str,
        was: domain::Fen,
        commission: domain::Fen,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<()> {
        self.write(|db| {
            commission::correct_trade_commission(db, trade_id, was, commission)?;
            staff::insert_if(db, log)
        })
    }

    fn answer_dispute(
        &self,
        dispute_id: &str,
        status: protocol::DisputeStatus,
        answer: &str,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<()> {
        self.write(|db| {
            commission::answer_dispute(db, dispute_id, status, answer)?;
            staff::insert_if(db, log)
        })
    }

    fn create_user(
        &self,
        username: &str,
        display_name: &str,
        role: Role,
        unit_id: &str,
        password_hash: &str,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<String> {
        self.write(|db| {
            let id = admin::create_user(db, username, display_name, role, unit_id, password_hash)?;
            staff::insert_if(db, log)?;
            Ok(id)
        })
    }

    fn set_user_disabled(
        &self,
        user_id: &str,
        disabled: bool,
        now: DateTime<Utc>,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<()> {
        self.write(|db| {
            admin::set_disabled(db, user_id, disabled, now)?;
            staff::insert_if(db, log)
        })
    }

    fn set_password_hash(
        &self,
        user_id: &str,
        password_hash: &str,
        now: DateTime<Utc>,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<()> {
        self.write(|db| {
            admin::set_password_hash(db, user_id, password_hash, now)?;
            staff::insert_if(db, log)
        })
    }

    fn place_user(
        &self,
        user_id: &str,
        unit_id: &str,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<()> {
        self.write(|db| {
            admin::place_user(db, user_id, unit_id)?;
            staff::insert_if(db, log)
        })
    }

    fn create_unit(
        &self,
        id: &str,
        parent_id: Option<&str>,
        name: &str,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<()> {
        self.write(|db| {
            admin::create_unit(db, id, parent_id, name)?;
            staff::insert_if(db, log)
        })
    }

    fn publish_appraisals(
        &self,
        month: NaiveDate,
        cards: &[(String, String)],
        at: DateTime<Utc>,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<()> {
        self.write(|db| {
            admin::publish_appraisals(db, month, cards, at)?;
            staff::insert_if(db, log)
        })
    }

    fn appraisals_of(&self, broker_id: &str, limit: u32) -> Result<Vec<String>> {
        self.read(|db| admin::appraisals_of(db, broker_id, limit))
    }

    fn move_unit(
        &self,
        id: &str,
        parent_id: &str,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<()> {
        self.write(|db| {
            admin::move_unit(db, id, parent_id)?;
            staff::insert_if(db, log)
        })
    }

    fn close_unit(
        &self,
        id: &str,
        on: NaiveDate,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<()> {
        self.write(|db| {
            admin::close_unit(db, id, on)?;
            staff::insert_if(db, log)
        })
    }

    fn backup_to(&self, target: &std::path::Path) -> Result<()> {
        match &self.backend {
            Backend::Sqlite(sqlite) => sqlite.backup_to(target),
            Backend::Pg(pg) => pg.backup_to(target),
        }
    }

    fn backup_directory(&self) -> Result<Option<String>> {
        self.read(|db| {
            db.query_opt(
                "SELECT value FROM firm_settings WHERE key = 'backup_directory'",
                params![],
                |r| r.get(0),
            )
        })
    }

    fn set_backup_directory(&self, directory: Option<&str>) -> Result<()> {
        self.write(|db| {
            match directory {
                Some(dir) => db.execute(
                    "INSERT INTO firm_settings (key, value) VALUES ('backup_directory', ?1) \
                     ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    params![dir],
                )?,
                None => db.execute(
                    "DELETE FROM firm_settings WHERE key = 'backup_directory'",
                    params![],
                )?,
            };
            Ok(())
        })
    }

    fn import_firm(&self, firm: FirmSeed) -> Result<crate::ImportSummary> {
        // The firm is consumed by the load; a load that lost a conflict is not tried again.
        let mut firm = Some(firm);
        self.write(|db| match firm.take() {
            Some(firm) => import::import(db, firm),
            None => Err(StorageError::Internal(
                "导入与另一项写入冲突，请在空库上重新导入".into(),
            )),
        })
    }

    fn is_empty(&self) -> Result<bool> {
        let users: i64 =
            self.read(|db| db.query_row("SELECT count(*) FROM users", &[], |r| r.get(0)))?;
        Ok(users == 0)
    }
}

//! The client book on the desk: list, 360° profile, reveal and export with their audit entries,
//! saved filters, the 80/20 and tier views. Dates are Shanghai dates, whatever the machine's zone.

use super::{lock, random_id, Desk};
use crate::error::{DeskError, Result};
use crate::ipc::{BookTag, ExportRequest, ExportResult};
use domain::clock::shanghai_date;
use domain::SensitiveField;
use std::sync::TryLockError;
use store::book_view::{ContributionReport, TierReport};
use store::{
    AccessLogEntry, ClientPage, ClientProfile, ClientQuery, PaletteClient, SavedFilter, WriteIds,
};

fn audit_ids() -> WriteIds {
    WriteIds {
        mutation_id: format!("m-{}", random_id()),
        record_id: format!("A-{}", random_id()),
    }
}

impl Desk {
    pub fn list_clients(&self, query: &ClientQuery) -> Result<ClientPage> {
        let session = self.unlocked()?;
        let page = lock(&session.reader).list_clients(query, self.today())?;
        Ok(page)
    }

    /// The palette's clients for what the broker typed (the ones opened lately when nothing).
    pub fn palette_clients(&self, text: &str) -> Result<Vec<PaletteClient>> {
        let session = self.unlocked()?;
        let clients = lock(&session.reader).palette_clients(text)?;
        Ok(clients)
    }

    pub fn client_profile(&self, client_id: &str) -> Result<ClientProfile> {
        let session = self.unlocked()?;
        let profile = lock(&session.reader)
            .client_profile(client_id, self.today())?
            .ok_or_else(|| DeskError::ClientNotFound(client_id.to_string()))?;
        // Remembered for the palette on the writing connection. A sync may hold it for a
        // moment: then it is remembered once the sync lets go, and the profile does not wait.
        let (id, at) = (client_id.to_string(), self.now());
        let remember = move |store: &store::Store| {
            if let Err(e) = store.note_client_opened(&id, at) {
                tracing::warn!(error = %e, "cannot remember the client opened");
            }
        };
        match session.store.try_lock() {
            Ok(store) => remember(&store),
            Err(TryLockError::Poisoned(poisoned)) => remember(&poisoned.into_inner()),
            Err(TryLockError::WouldBlock) => {
                let store = session.store.clone();
                std::thread::spawn(move || remember(&lock(&store)));
            }
        }
        Ok(profile)
    }

    /// One field in clear, for a reason that goes to the audit log and on to head office.
    pub fn reveal(&self, client_id: &str, field: SensitiveField, reason: &str) -> Result<String> {
        let session = self.unlocked()?;
        let value = {
            let mut store = lock(&session.store);
            let value = store.reveal(audit_ids(), client_id, field, reason, self.now())?;
            lock(&self.status).pending = store.sync_counters()?.pending;
            value
        };
        Ok(value)
    }

    /// Writes the filtered list to a file in the export folder. The audit entry is written first.
    pub fn export_clients(&self, request: &ExportRequest) -> Result<ExportResult> {
        let session = self.unlocked()?;
        let now = self.now();
        let rows = {
            let mut store = lock(&session.store);
            let rows = store.export_rows(&request.query, shanghai_date(now), request.in_clear)?;
            let detail = super::export::describe(request, rows.len());
            store.record_export(audit_ids(), &request.reason, &detail, now)?;
            lock(&self.status).pending = store.sync_counters()?.pending;
            rows
        };
        let path = super::export::write(&self.config.export_dir, request.format, &rows, now)?;
        Ok(ExportResult {
            path: path.display().to_string(),
            rows: rows.len() as u64,
        })
    }

    pub fn access_log(&self) -> Result<Vec<AccessLogEntry>> {
        let session = self.unlocked()?;
        let entries = lock(&session.reader).access_log(None, 200)?;
        Ok(entries)
    }

    pub fn saved_filters(&self) -> Result<Vec<SavedFilter>> {
        let session = self.unlocked()?;
        let filters = lock(&session.reader).saved_filters()?;
        Ok(filters)
    }

    pub fn save_filter(&self, name: &str, query: &ClientQuery) -> Result<Vec<SavedFilter>> {
        let session = self.unlocked()?;
        let store = lock(&session.store);
        store.save_filter(name, query, self.now())?;
        Ok(store.saved_filters()?)
    }

    pub fn delete_filter(&self, name: &str) -> Result<Vec<SavedFilter>> {
        let session = self.unlocked()?;
        let store = lock(&session.store);
        store.delete_filter(name)?;
        Ok(store.saved_filters()?)
    }

    pub fn book_tags(&self) -> Result<Vec<BookTag>> {
        let session = self.unlocked()?;
        let tags = lock(&session.reader).book_tags()?;
        Ok(tags
            .into_iter()
            .map(|(tag, clients)| BookTag { tag, clients })
            .collect())
    }

    pub fn contribution(&self) -> Result<ContributionReport> {
        let session = self.unlocked()?;
        let report = lock(&session.reader).contribution(self.today())?;
        Ok(report)
    }

    pub fn tier_report(&self) -> Result<TierReport> {
        let session = self.unlocked()?;
        let report = lock(&session.reader).tier_report()?;
        Ok(report)
    }
}

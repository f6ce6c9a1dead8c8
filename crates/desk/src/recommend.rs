//! Pushing approved research from the library: the check of every recipient, the push (archived
//! and queued at once, so it goes out with the next sync, online or later), and its history.

use super::{lock, random_id, Desk};
use crate::error::Result;
use domain::clock::shanghai_date;
use store::{
    ClientPushView, ProductQuery, ProductView, PushDetail, PushDraft, PushSummary, RecipientChecks,
    RecipientSelection, WriteIds,
};

impl Desk {
    pub fn products(&self, query: &ProductQuery) -> Result<Vec<ProductView>> {
        let session = self.unlocked()?;
        let items = lock(&session.reader).products(query, self.today())?;
        Ok(items)
    }

    pub fn check_recipients(
        &self,
        product_id: &str,
        selection: &RecipientSelection,
    ) -> Result<RecipientChecks> {
        let session = self.unlocked()?;
        let checks = lock(&session.reader).check_recipients(product_id, selection, self.today())?;
        Ok(checks)
    }

    /// Returns the push as now archived.
    pub fn send_recommendation(&self, draft: &PushDraft) -> Result<PushDetail> {
        let session = self.unlocked()?;
        let ids = WriteIds {
            mutation_id: format!("m-{}", random_id()),
            record_id: format!("PUSH-{}", random_id()),
        };
        let now = self.now();
        let detail = {
            let mut store = lock(&session.store);
            let id = store.send_recommendation(ids, draft, now, shanghai_date(now))?;
            lock(&self.status).pending = store.sync_counters()?.pending;
            store.push_detail(&id)?
        };
        Ok(detail)
    }

    pub fn push_history(&self, limit: u32) -> Result<Vec<PushSummary>> {
        let session = self.unlocked()?;
        let history = lock(&session.reader).push_history(limit)?;
        Ok(history)
    }

    pub fn push_detail(&self, push_id: &str) -> Result<PushDetail> {
        let session = self.unlocked()?;
        let detail = lock(&session.reader).push_detail(push_id)?;
        Ok(detail)
    }

    pub fn client_pushes(&self, client_id: &str) -> Result<Vec<ClientPushView>> {
        let session = self.unlocked()?;
        let pushes = lock(&session.reader).client_pushes(client_id)?;
        Ok(pushes)
    }
}

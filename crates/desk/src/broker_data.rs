//! What the broker decides on the desk beyond the book itself: preferences, the conflicts head
//! office reported on them, and refused changes to read and dismiss.

use super::{lock, random_id, Desk};
use crate::error::Result;
use store::{ClientProfile, ConflictView, PreferencesView, RefusalNotice};

impl Desk {
    /// Saves the broker's edit of a client's preferences; it is merged with head office's at sync.
    pub fn update_preferences(
        &self,
        client_id: &str,
        input: &PreferencesView,
    ) -> Result<ClientProfile> {
        let session = self.unlocked()?;
        let pending = {
            let mut store = lock(&session.store);
            store.update_preferences(format!("m-{}", random_id()), client_id, input, self.now())?;
            store.sync_counters()?.pending
        };
        lock(&self.status).pending = pending;
        self.client_profile(client_id)
    }

    pub fn conflicts(&self) -> Result<Vec<ConflictView>> {
        let session = self.unlocked()?;
        let conflicts = lock(&session.store).conflicts()?;
        Ok(conflicts)
    }

    /// Keep mine (sent again as a new edit) or accept head office's value.
    pub fn resolve_conflict(
        &self,
        mutation_id: &str,
        field: &str,
        keep_mine: bool,
    ) -> Result<Vec<ConflictView>> {
        let session = self.unlocked()?;
        let mut store = lock(&session.store);
        store.resolve_conflict(
            mutation_id,
            field,
            keep_mine,
            format!("m-{}", random_id()),
            self.now(),
        )?;
        lock(&self.status).pending = store.sync_counters()?.pending;
        Ok(store.conflicts()?)
    }

    pub fn refusals(&self) -> Result<Vec<RefusalNotice>> {
        let session = self.unlocked()?;
        let notices = lock(&session.store).refusals()?;
        Ok(notices)
    }

    pub fn dismiss_refusal(&self, mutation_id: &str) -> Result<Vec<RefusalNotice>> {
        let session = self.unlocked()?;
        let store = lock(&session.store);
        store.dismiss_refusal(mutation_id)?;
        Ok(store.refusals()?)
    }
}

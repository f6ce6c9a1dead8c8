//! Complaints the broker takes from a client: written to the cache and the outbox at once, so a
//! complaint heard on a call with no network is never lost, and head office numbers it at the
//! next sync.

use super::{lock, random_id, Desk};
use crate::error::Result;
use store::profile_views::ServiceCaseView;
use store::{ComplaintInput, WriteIds};

impl Desk {
    /// Registers the complaint; returns the client's cases, the new one among them.
    pub fn register_complaint(&self, input: &ComplaintInput) -> Result<Vec<ServiceCaseView>> {
        let (session, id, name) = self.me()?;
        let mut store = lock(&session.store);
        let ids = WriteIds {
            mutation_id: format!("m-{}", random_id()),
            record_id: format!("CP-{}", random_id()),
        };
        store.register_complaint(ids, (&id, &name), input, self.now())?;
        Ok(store.service_cases(&input.client_id)?)
    }
}

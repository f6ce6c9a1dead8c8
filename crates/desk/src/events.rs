//! 客户活动 at the desk: the firm's events, the broker's invitations and each client's answer,
//! all written to the cache and the outbox at once, so an RSVP taken at the door with no network
//! is never lost.

use super::{lock, random_id, Desk};
use crate::error::Result;
use protocol::EventResponse;
use store::{EventInput, EventView, InvitationView, RecipientSelection, WriteIds};

fn write_ids(prefix: &str) -> WriteIds {
    WriteIds {
        mutation_id: format!("m-{}", random_id()),
        record_id: format!("{prefix}-{}", random_id()),
    }
}

impl Desk {
    pub fn events(&self) -> Result<Vec<EventView>> {
        let (session, id, _) = self.me()?;
        let store = lock(&session.store);
        Ok(store.events(&id, self.now())?)
    }

    /// Creates the event; returns the events, the new one among them.
    pub fn create_event(&self, input: &EventInput) -> Result<Vec<EventView>> {
        let (session, id, name) = self.me()?;
        let mut store = lock(&session.store);
        let now = self.now();
        store.create_event(write_ids("EV"), (&id, &name), input, now)?;
        Ok(store.events(&id, now)?)
    }

    pub fn event_invitations(&self, event_id: &str) -> Result<Vec<InvitationView>> {
        let (session, _, _) = self.me()?;
        let store = lock(&session.store);
        Ok(store.event_invitations(event_id)?)
    }

    /// Invites the selected clients; returns how many were newly invited.
    pub fn invite_to_event(&self, event_id: &str, selection: &RecipientSelection) -> Result<u32> {
        let (session, id, _) = self.me()?;
        let mut store = lock(&session.store);
        let mutation_id = format!("m-{}", random_id());
        Ok(store.invite_to_event(mutation_id, event_id, selection, &id, self.now())?)
    }

    /// Records the answer and attendance; returns the event's invitations as they now stand.
    pub fn record_event_response(&self, response: &EventResponse) -> Result<Vec<InvitationView>> {
        let (session, id, _) = self.me()?;
        let mut store = lock(&session.store);
        store.record_event_response(write_ids("RSVP"), &id, response, self.now())?;
        Ok(store.event_invitations(&response.event_id)?)
    }
}

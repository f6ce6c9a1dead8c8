//! What the 客户活动 panel and the 360° show of events: the firm's events with this book's
//! invitations counted, one event's invited clients, and one client's events.

use crate::error::Result;
use crate::queries::parsed;
use crate::Store;
use chrono::{DateTime, Duration, Utc};
use domain::event::{EventKind, Rsvp};
use domain::Tier;
use serde::Serialize;
use ts_rs::TS;

/// Events ended longer ago than this drop off the panel (head office keeps them).
const PAST_DAYS: i64 = 180;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct EventView {
    pub id: String,
    pub title: String,
    pub kind: EventKind,
    pub starts_at: DateTime<Utc>,
    pub place: String,
    pub capacity: u32,
    pub description: String,
    pub organizer_name: String,
    /// Organised by the signed-in user.
    pub mine: bool,
    /// Signed up across the firm, as head office last counted.
    pub accepted: u32,
    pub attended: u32,
    /// This book's clients: invited, signed up, came.
    pub my_invited: u32,
    pub my_accepted: u32,
    pub my_attended: u32,
    /// Created on this desk and not yet accepted by head office.
    pub pending: bool,
    /// Already begun.
    pub started: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct InvitationView {
    pub client_id: String,
    pub client_name: String,
    pub tier: Tier,
    pub rsvp: Rsvp,
    pub attended: bool,
    /// Changed on this desk and not yet accepted by head office.
    pub pending: bool,
    pub updated_at: DateTime<Utc>,
}

/// One event as the client's 360° lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ClientEventView {
    pub event_id: String,
    pub title: String,
    pub kind: EventKind,
    pub starts_at: DateTime<Utc>,
    pub place: String,
    pub rsvp: Rsvp,
    pub attended: bool,
    pub pending: bool,
}

impl Store {
    /// Events to come (soonest first), then those of the last half year (latest first).
    pub fn events(&self, me: &str, now: DateTime<Utc>) -> Result<Vec<EventView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT e.id, e.title, e.kind, e.starts_at, e.place, e.capacity, e.description, \
             e.organizer_name, e.organizer_id = ?1, e.accepted, e.attended, e.pending, \
             count(i.id), coalesce(sum(i.rsvp = 'accepted'), 0), coalesce(sum(i.attended), 0) \
             FROM client_events e LEFT JOIN event_invitations i ON i.event_id = e.id \
             WHERE e.starts_at >= ?3 GROUP BY e.id \
             ORDER BY e.starts_at < ?2, \
             CASE WHEN e.starts_at >= ?2 THEN e.starts_at END ASC, e.starts_at DESC",
        )?;
        let since = now - Duration::days(PAST_DAYS);
        let rows = stmt.query_map(rusqlite::params![me, now, since], |r| {
            let starts_at: DateTime<Utc> = r.get(3)?;
            Ok(EventView {
                id: r.get(0)?,
                title: r.get(1)?,
                kind: parsed(r, 2, EventKind::parse)?,
                starts_at,
                place: r.get(4)?,
                capacity: r.get(5)?,
                description: r.get(6)?,
                organizer_name: r.get(7)?,
                mine: r.get(8)?,
                accepted: r.get(9)?,
                attended: r.get(10)?,
                pending: r.get(11)?,
                my_invited: r.get(12)?,
                my_accepted: r.get(13)?,
                my_attended: r.get(14)?,
                started: starts_at <= now,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The clients of this book invited to the event, signed-up ones first.
    pub fn event_invitations(&self, event_id: &str) -> Result<Vec<InvitationView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT i.client_id, c.name, c.tier, i.rsvp, i.attended, i.pending, i.updated_at \
             FROM event_invitations i JOIN clients c ON c.id = i.client_id \
             WHERE i.event_id = ?1 \
             ORDER BY CASE i.rsvp WHEN 'accepted' THEN 0 WHEN 'invited' THEN 1 ELSE 2 END, \
             c.name_pinyin",
        )?;
        let rows = stmt.query_map([event_id], |r| {
            Ok(InvitationView {
                client_id: r.get(0)?,
                client_name: r.get(1)?,
                tier: parsed(r, 2, Tier::from_code)?,
                rsvp: parsed(r, 3, Rsvp::parse)?,
                attended: r.get(4)?,
                pending: r.get(5)?,
                updated_at: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The events the client was invited to, latest first.
    pub fn client_events(&self, client_id: &str) -> Result<Vec<ClientEventView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT e.id, e.title, e.kind, e.starts_at, e.place, i.rsvp, i.attended, i.pending \
             FROM event_invitations i JOIN client_events e ON e.id = i.event_id \
             WHERE i.client_id = ?1 ORDER BY e.starts_at DESC",
        )?;
        let rows = stmt.query_map([client_id], |r| {
            Ok(ClientEventView {
                event_id: r.get(0)?,
                title: r.get(1)?,
                kind: parsed(r, 2, EventKind::parse)?,
                starts_at: r.get(3)?,
                place: r.get(4)?,
                rsvp: parsed(r, 5, Rsvp::parse)?,
                attended: r.get(6)?,
                pending: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

//! 客户活动's feed rows: the events (firm-wide) and the invitations (in the client's book). Same
//! shape as `rows`.

use super::feed_table::{bad, wrong_kind, FeedScope, FeedTable};
use crate::db::{Db, Row};
use crate::error::Result;
use domain::event::{EventKind, Rsvp};
use protocol::{ClientEventRecord, EntityKind, EventInvitationRecord, Record};
use rusqlite::params;

pub(super) const CLIENT_EVENTS: FeedTable = FeedTable {
    scope: FeedScope::Firm,
    kind: EntityKind::ClientEvent,
    table: "client_events",
    columns: EVENT_COLUMNS,
    read: read_event,
    insert: "INSERT INTO client_events (id, broker_id, seq, title, kind, starts_at, place, \
             capacity, description, organizer_id, organizer_name, accepted, attended, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    bind: insert,
};

pub(super) const EVENT_COLUMNS: &str = "title, kind, starts_at, place, capacity, description, \
     organizer_id, organizer_name, accepted, attended, created_at";

pub(super) const EVENT_INVITATIONS: FeedTable = FeedTable {
    scope: FeedScope::ClientBook,
    kind: EntityKind::EventInvitation,
    table: "event_invitations",
    columns: "event_id, client_id, rsvp, attended, invited_by, updated_at",
    read: read_invitation,
    insert: "INSERT INTO event_invitations (id, broker_id, seq, event_id, client_id, rsvp, \
             attended, invited_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    bind: insert,
};

/// An event row: `id` then `EVENT_COLUMNS`.
pub(super) fn read_event(r: &Row<'_>) -> rusqlite::Result<Record> {
    let kind: String = r.get(2)?;
    Ok(Record::ClientEvent(ClientEventRecord {
        id: r.get(0)?,
        title: r.get(1)?,
        kind: EventKind::parse(&kind).ok_or_else(|| bad(2, "event kind"))?,
        starts_at: r.get(3)?,
        place: r.get(4)?,
        capacity: r.get(5)?,
        description: r.get(6)?,
        organizer_id: r.get(7)?,
        organizer_name: r.get(8)?,
        accepted: r.get(9)?,
        attended: r.get(10)?,
        created_at: r.get(11)?,
    }))
}

pub(super) fn read_invitation(r: &Row<'_>) -> rusqlite::Result<Record> {
    let rsvp: String = r.get(3)?;
    Ok(Record::EventInvitation(EventInvitationRecord {
        id: r.get(0)?,
        event_id: r.get(1)?,
        client_id: r.get(2)?,
        rsvp: Rsvp::parse(&rsvp).ok_or_else(|| bad(3, "rsvp"))?,
        attended: r.get(4)?,
        invited_by: r.get(5)?,
        updated_at: r.get(6)?,
    }))
}

fn insert(db: &Db<'_>, sql: &str, broker: &str, seq: i64, record: &Record) -> Result<usize> {
    match record {
        Record::ClientEvent(e) => db.execute(
            sql,
            params![
                e.id,
                broker,
                seq,
                e.title,
                e.kind.code(),
                e.starts_at,
                e.place,
                e.capacity,
                e.description,
                e.organizer_id,
                e.organizer_name,
                e.accepted,
                e.attended,
                e.created_at
            ],
        ),
        Record::EventInvitation(i) => db.execute(
            sql,
            params![
                i.id,
                broker,
                seq,
                i.event_id,
                i.client_id,
                i.rsvp.code(),
                i.attended,
                i.invited_by,
                i.updated_at
            ],
        ),
        _ => Err(wrong_kind()),
    }
}

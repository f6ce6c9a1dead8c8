//! 客户活动 on the desk: events created, clients invited and answers recorded offline like every
//! broker write. Head office holds the capacity across all brokers, so an answer it refuses (the
//! last seat went to a colleague's client) goes back to head office's last word here.

use crate::error::{Result, StoreError};
use crate::feed_table::{wrong_kind, FeedTable};
use crate::outbox::{enqueue, Answer, WriteIds};
use crate::{NewContactNote, RecipientSelection, Store};
use chrono::{DateTime, Utc};
use domain::event::{check_event, check_response, EventDraft, EventKind, INVITE_MAX};
use protocol::{
    ClientEventRecord, EntityKind, EventInvitationRecord, EventResponse, Mutation, MutationOp,
    NewInvitations, Record,
};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Deserialize;
use ts_rs::TS;

pub(crate) const CLIENT_EVENTS: FeedTable = FeedTable {
    kind: EntityKind::ClientEvent,
    table: "client_events",
    follows_client: false,
    columns: &[
        "id",
        "title",
        "kind",
        "starts_at",
        "place",
        "capacity",
        "description",
        "organizer_id",
        "organizer_name",
        "accepted",
        "attended",
        "created_at",
        "pending",
    ],
    bind: |stmt, record| {
        let Record::ClientEvent(e) = record else {
            return Err(wrong_kind(EntityKind::ClientEvent, record));
        };
        Ok(stmt.execute(params![
            e.id,
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
            e.created_at,
            0
        ])?)
    },
};

pub(crate) const EVENT_INVITATIONS: FeedTable = FeedTable {
    kind: EntityKind::EventInvitation,
    table: "event_invitations",
    follows_client: true,
    columns: &[
        "id",
        "event_id",
        "client_id",
        "rsvp",
        "attended",
        "invited_by",
        "updated_at",
        "ho_rsvp",
        "ho_attended",
        "pending",
    ],
    bind: |stmt, record| {
        let Record::EventInvitation(i) = record else {
            return Err(wrong_kind(EntityKind::EventInvitation, record));
        };
        Ok(stmt.execute(params![
            i.id,
            i.event_id,
            i.client_id,
            i.rsvp.code(),
            i.attended,
            i.invited_by,
            i.updated_at,
            i.rsvp.code(),
            i.attended,
            0
        ])?)
    },
};

/// A new event as the organiser types it.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct EventInput {
    pub title: String,
    pub kind: EventKind,
    pub starts_at: DateTime<Utc>,
    pub place: String,
    #[ts(type = "number")]
    pub capacity: u32,
    pub description: String,
}

/// What the desk knows of an event: its start and capacity, and head office's sign-up count.
struct EventFacts {
    title: String,
    starts_at: DateTime<Utc>,
    capacity: u32,
    accepted: u32,
}

fn event_facts(tx: &Transaction<'_>, id: &str) -> Result<EventFacts> {
    tx.query_row(
        "SELECT title, starts_at, capacity, accepted FROM client_events WHERE id = ?1",
        [id],
        |r| {
            Ok(EventFacts {
                title: r.get(0)?,
                starts_at: r.get(1)?,
                capacity: r.get(2)?,
                accepted: r.get(3)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| StoreError::Invalid("找不到该活动，请同步后再试".into()))
}

impl Store {
    /// Creates an event, offline or not; every desk sees it after the next sync.
    pub fn create_event(
        &mut self,
        ids: WriteIds,
        me: (&str, &str),
        input: &EventInput,
        now: DateTime<Utc>,
    ) -> Result<String> {
        let draft = EventDraft {
            title: &input.title,
            place: &input.place,
            description: &input.description,
            capacity: input.capacity,
            starts_at: input.starts_at,
        };
        check_event(&draft, now).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let record = ClientEventRecord {
            id: ids.record_id.clone(),
            title: input.title.trim().to_string(),
            kind: input.kind,
            starts_at: input.starts_at,
            place: input.place.trim().to_string(),
            capacity: input.capacity,
            description: input.description.trim().to_string(),
            organizer_id: me.0.to_string(),
            organizer_name: me.1.to_string(),
            accepted: 0,
            attended: 0,
            created_at: now,
        };
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO client_events (id, title, kind, starts_at, place, capacity, description, \
                 organizer_id, organizer_name, accepted, attended, created_at, pending) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?;
            (CLIENT_EVENTS.bind)(&mut stmt, &Record::ClientEvent(record.clone()))?;
        }
        tx.execute(
            "UPDATE client_events SET pending = 1 WHERE id = ?1",
            [&record.id],
        )?;
        enqueue(
            &tx,
            &Mutation {
                id: ids.mutation_id,
                made_at: now,
                op: MutationOp::CreateEvent(record),
            },
        )?;
        tx.commit()?;
        Ok(ids.record_id)
    }

    /// Invites the selected clients of this book; returns how many were newly invited.
    pub fn invite_to_event(
        &mut self,
        mutation_id: String,
        event_id: &str,
        selection: &RecipientSelection,
        me: &str,
        now: DateTime<Utc>,
    ) -> Result<u32> {
        let clients = self.selected_clients(selection, domain::clock::shanghai_date(now))?;
        if clients.len() > INVITE_MAX {
            return Err(StoreError::Invalid(format!(
                "所选客户共 {} 位，一次最多邀请 {INVITE_MAX} 位，请缩小筛选范围或分批邀请",
                clients.len()
            )));
        }
        let tx = self.conn.transaction()?;
        let event = event_facts(&tx, event_id)?;
        if event.starts_at <= now {
            return Err(StoreError::Invalid("活动已开始，不能再邀请客户".into()));
        }
        let mut invited = Vec::new();
        for client in clients {
            let known: Option<i64> = tx
                .query_row("SELECT 1 FROM clients WHERE id = ?1", [&client], |r| {
                    r.get(0)
                })
                .optional()?;
            if known.is_none() {
                return Err(StoreError::Invalid(format!(
                    "客户 {client} 不在您的客户名单中，邀请未发出"
                )));
            }
            let id = EventInvitationRecord::id_of(event_id, &client);
            let added = tx.execute(
                "INSERT INTO event_invitations (id, event_id, client_id, rsvp, attended, invited_by, \
                 updated_at, ho_rsvp, ho_attended, pending) \
                 VALUES (?1, ?2, ?3, 'invited', 0, ?4, ?5, NULL, 0, 1) ON CONFLICT(id) DO NOTHING",
                params![id, event_id, client, me, now],
            )?;
            if added == 1 {
                invited.push(client);
            }
        }
        if invited.is_empty() {
            return Err(StoreError::Invalid(
                "所选客户都已受邀，请换一批客户或调整筛选条件".into(),
            ));
        }
        let count = invited.len() as u32;
        enqueue(
            &tx,
            &Mutation {
                id: mutation_id,
                made_at: now,
                op: MutationOp::InviteToEvent(NewInvitations {
                    event_id: event_id.to_string(),
                    client_ids: invited,
                }),
            },
        )?;
        tx.commit()?;
        Ok(count)
    }

    /// Records the client's answer and whether they came. A first attendance is also a contact
    /// (联系记录, 会议), so it counts wherever contacts count.
    pub fn record_event_response(
        &mut self,
        ids: WriteIds,
        me: &str,
        response: &EventResponse,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let invitation_id = EventInvitationRecord::id_of(&response.event_id, &response.client_id);
        let tx = self.conn.transaction()?;
        let event = event_facts(&tx, &response.event_id)?;
        let current: Option<(String, bool, Option<String>)> = tx
            .query_row(
                "SELECT rsvp, attended, ho_rsvp FROM event_invitations WHERE id = ?1",
                [&invitation_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((_, was_there, ho_rsvp)) = current else {
            return Err(StoreError::Invalid(
                "该客户尚未受邀，请先邀请再登记报名".into(),
            ));
        };
        // Head office's count, less this client's own seat, plus this desk's sign-ups it has not
        // seen yet.
        let mine_at_head_office = u32::from(ho_rsvp.as_deref() == Some("accepted"));
        let waiting: u32 = tx.query_row(
            "SELECT count(*) FROM event_invitations WHERE event_id = ?1 AND id <> ?2 \
             AND pending = 1 AND rsvp = 'accepted' AND coalesce(ho_rsvp, '') <> 'accepted'",
            params![response.event_id, invitation_id],
            |r| r.get(0),
        )?;
        let others = event.accepted.saturating_sub(mine_at_head_office) + waiting;
        check_response(
            response.rsvp,
            response.attended,
            event.starts_at,
            event.capacity,
            others,
            now,
        )
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
        tx.execute(
            "UPDATE event_invitations SET rsvp = ?2, attended = ?3, updated_at = ?4, pending = 1 \
             WHERE id = ?1",
            params![invitation_id, response.rsvp.code(), response.attended, now],
        )?;
        enqueue(
            &tx,
            &Mutation {
                id: ids.mutation_id,
                made_at: now,
                op: MutationOp::RecordEventResponse(response.clone()),
            },
        )?;
        tx.commit()?;
        if response.attended && !was_there {
            let note = NewContactNote {
                client_id: response.client_id.clone(),
                channel: "meeting".into(),
                summary: format!("出席客户活动：{}", event.title),
                follow_up_on: None,
            };
            let note_ids = WriteIds {
                mutation_id: format!("{}-contact", ids.record_id),
                record_id: format!("EV-{invitation_id}"),
            };
            self.add_contact_note(note_ids, me, &note, now)?;
        }
        Ok(())
    }
}

/// Head office's answer to a new event: refused, the desk's copy goes.
pub(crate) fn settle_event(
    tx: &Transaction<'_>,
    event: &ClientEventRecord,
    answer: &Answer<'_>,
) -> Result<()> {
    if answer.refusal().is_none() {
        tx.execute(
            "UPDATE client_events SET pending = 0 WHERE id = ?1",
            [&event.id],
        )?;
        return Ok(());
    }
    tx.execute(
        "DELETE FROM event_invitations WHERE event_id = ?1 AND ho_rsvp IS NULL",
        [&event.id],
    )?;
    tx.execute(
        "DELETE FROM client_events WHERE id = ?1 AND pending = 1",
        [&event.id],
    )?;
    answer.record_refusal(tx, &format!("客户活动：{}", event.title))
}

/// Head office's answer to invitations: refused, the ones it never had go.
pub(crate) fn settle_invitations(
    tx: &Transaction<'_>,
    invitations: &NewInvitations,
    answer: &Answer<'_>,
) -> Result<()> {
    for client in &invitations.client_ids {
        let id = EventInvitationRecord::id_of(&invitations.event_id, client);
        if answer.refusal().is_none() {
            tx.execute(
                "UPDATE event_invitations SET pending = 0 WHERE id = ?1",
                [&id],
            )?;
        } else {
            tx.execute(
                "DELETE FROM event_invitations WHERE id = ?1 AND ho_rsvp IS NULL",
                [&id],
            )?;
        }
    }
    match answer.refusal() {
        None => Ok(()),
        Some(_) => answer.record_refusal(
            tx,
            &format!("活动邀请：{} 位客户", invitations.client_ids.len()),
        ),
    }
}

/// Head office's answer to an RSVP or attendance: refused, back to head office's last word.
pub(crate) fn settle_response(
    tx: &Transaction<'_>,
    response: &EventResponse,
    answer: &Answer<'_>,
) -> Result<()> {
    let id = EventInvitationRecord::id_of(&response.event_id, &response.client_id);
    if answer.refusal().is_none() {
        tx.execute(
            "UPDATE event_invitations SET pending = 0 WHERE id = ?1",
            [&id],
        )?;
        return Ok(());
    }
    tx.execute(
        "UPDATE event_invitations SET rsvp = coalesce(ho_rsvp, 'invited'), attended = ho_attended, \
         pending = 0 WHERE id = ?1",
        [&id],
    )?;
    answer.record_refusal(tx, &format!("报名/出席登记：{}", response.client_id))
}

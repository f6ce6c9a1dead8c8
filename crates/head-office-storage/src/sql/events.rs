//! 客户活动 at head office: a desk's new event, its invitations and each client's answer. Head
//! office alone sees every broker's sign-ups, so the capacity is enforced here: the last seat
//! goes to the answer that arrives first, the next one is refused in words the broker can act on.

use super::books::book_served_by;
use super::feed_registry::feed_table;
use super::feed_table::FIRM_WIDE;
use super::rows_events::{read_event, EVENT_COLUMNS};
use crate::db::Db;
use crate::error::Result;
use chrono::{DateTime, Utc};
use domain::event::{check_event, check_response, EventDraft, Rsvp, INVITE_MAX};
use protocol::{
    ClientEventRecord, ErrorCode, EventInvitationRecord, EventResponse, MutationOutcome,
    NewInvitations, Record,
};
use rusqlite::params;

fn event(db: &Db<'_>, id: &str) -> Result<Option<ClientEventRecord>> {
    let found = db.query_opt(
        &format!("SELECT id, {EVENT_COLUMNS} FROM client_events WHERE id = ?1"),
        params![id],
        read_event,
    )?;
    Ok(match found {
        Some(Record::ClientEvent(e)) => Some(e),
        _ => None,
    })
}

/// Replaces the row `id` with `record`, at a new seq, so every desk that has it pulls it again.
fn write(db: &Db<'_>, broker: &str, id: &str, record: Record) -> Result<()> {
    let seq = db.next_seq()?;
    let table = feed_table(record.kind())?;
    db.execute(
        &format!("DELETE FROM {} WHERE id = ?1", table.table),
        params![id],
    )?;
    table.write(db, broker, seq, &record)?;
    Ok(())
}

/// A new event from a desk, in every desk's feed.
pub(super) fn create(
    db: &Db<'_>,
    user_id: &str,
    e: &ClientEventRecord,
    now: DateTime<Utc>,
) -> Result<MutationOutcome> {
    let draft = EventDraft {
        title: &e.title,
        place: &e.place,
        description: &e.description,
        capacity: e.capacity,
        starts_at: e.starts_at,
    };
    if let Err(err) = check_event(&draft, now) {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            err.to_string(),
        ));
    }
    if event(db, &e.id)?.is_some() {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            "活动编号重复，请重新创建",
        ));
    }
    let record = ClientEventRecord {
        title: e.title.trim().to_string(),
        place: e.place.trim().to_string(),
        description: e.description.trim().to_string(),
        organizer_id: user_id.to_string(),
        organizer_name: super::users::display_name(db, user_id)?,
        accepted: 0,
        attended: 0,
        created_at: now,
        ..e.clone()
    };
    write(db, FIRM_WIDE, &e.id, Record::ClientEvent(record))?;
    Ok(MutationOutcome::Applied)
}

/// Invites clients of the caller's book; those already invited keep their answer.
pub(super) fn invite(
    db: &Db<'_>,
    user_id: &str,
    inv: &NewInvitations,
    now: DateTime<Utc>,
) -> Result<MutationOutcome> {
    let Some(e) = event(db, &inv.event_id)? else {
        return Ok(MutationOutcome::refused(
            ErrorCode::NotFound,
            "活动不存在，邀请未发出",
        ));
    };
    if e.starts_at <= now {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            "活动已开始，不能再邀请客户",
        ));
    }
    if inv.client_ids.is_empty() || inv.client_ids.len() > INVITE_MAX {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            format!("一次最多邀请 {INVITE_MAX} 位客户，请至少选择一位"),
        ));
    }
    let mut books = Vec::with_capacity(inv.client_ids.len());
    for client in &inv.client_ids {
        let Some(book) = book_served_by(db, client, user_id)? else {
            return Ok(MutationOutcome::refused(
                ErrorCode::Forbidden,
                format!("客户 {client} 不在您的名下，邀请未发出：请只邀请您服务的客户"),
            ));
        };
        books.push(book);
    }
    for (client, book) in inv.client_ids.iter().zip(&books) {
        let id = EventInvitationRecord::id_of(&e.id, client);
        let known: Option<i64> = db.query_opt(
            "SELECT 1 FROM event_invitations WHERE id = ?1",
            params![id],
            |r| r.get(0),
        )?;
        if known.is_some() {
            continue;
        }
        let record = EventInvitationRecord {
            id: id.clone(),
            event_id: e.id.clone(),
            client_id: client.clone(),
            rsvp: Rsvp::Invited,
            attended: false,
            invited_by: user_id.to_string(),
            updated_at: now,
        };
        write(db, book, &id, Record::EventInvitation(record))?;
    }
    Ok(MutationOutcome::Applied)
}

/// The client's answer and attendance; the event's counts follow in every desk's feed.
pub(super) fn respond(
    db: &Db<'_>,
    user_id: &str,
    r: &EventResponse,
    now: DateTime<Utc>,
) -> Result<MutationOutcome> {
    let Some(book) = book_served_by(db, &r.client_id, user_id)? else {
        return Ok(MutationOutcome::refused(
            ErrorCode::Forbidden,
            "该客户已不在您的服务范围内，报名/出席未登记",
        ));
    };
    let Some(e) = event(db, &r.event_id)? else {
        return Ok(MutationOutcome::refused(
            ErrorCode::NotFound,
            "活动不存在，报名/出席未登记",
        ));
    };
    let id = EventInvitationRecord::id_of(&e.id, &r.client_id);
    let invited_by: Option<String> = db.query_opt(
        "SELECT invited_by FROM event_invitations WHERE id = ?1",
        params![id],
        |row| row.get(0),
    )?;
    let Some(invited_by) = invited_by else {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            "该客户尚未受邀，请先邀请再登记报名",
        ));
    };
    let accepted_others: u32 = db
        .query_opt(
            "SELECT count(*) FROM event_invitations WHERE event_id = ?1 AND rsvp = 'accepted' \
             AND id <> ?2",
            params![e.id, id],
            |row| row.get(0),
        )?
        .unwrap_or(0);
    if let Err(err) = check_response(
        r.rsvp,
        r.attended,
        e.starts_at,
        e.capacity,
        accepted_others,
        now,
    ) {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            err.to_string(),
        ));
    }
    let record = EventInvitationRecord {
        id: id.clone(),
        event_id: e.id.clone(),
        client_id: r.client_id.clone(),
        rsvp: r.rsvp,
        attended: r.attended,
        invited_by,
        updated_at: now,
    };
    write(db, &book, &id, Record::EventInvitation(record))?;
    recount(db, e)?;
    Ok(MutationOutcome::Applied)
}

/// Rewrites the event with its sign-ups and attendance as they now stand.
fn recount(db: &Db<'_>, e: ClientEventRecord) -> Result<()> {
    let (accepted, attended): (u32, u32) = db
        .query_opt(
            "SELECT coalesce(sum(CASE WHEN rsvp = 'accepted' THEN 1 ELSE 0 END), 0), \
             coalesce(sum(CASE WHEN attended <> 0 THEN 1 ELSE 0 END), 0) \
             FROM event_invitations WHERE event_id = ?1",
            params![e.id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?
        .unwrap_or((0, 0));
    let record = ClientEventRecord {
        accepted,
        attended,
        ..e
    };
    let id = record.id.clone();
    write(db, FIRM_WIDE, &id, Record::ClientEvent(record))
}

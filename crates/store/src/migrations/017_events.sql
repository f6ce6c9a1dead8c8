-- 客户活动: every event of the firm, and the invitations of this book's clients. `ho_rsvp` and
-- `ho_attended` are head office's last word, to go back to when it refuses the broker's change.
CREATE TABLE client_events (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    place TEXT NOT NULL,
    capacity INTEGER NOT NULL,
    description TEXT NOT NULL,
    organizer_id TEXT NOT NULL,
    organizer_name TEXT NOT NULL,
    accepted INTEGER NOT NULL,
    attended INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    pending INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX client_events_start ON client_events(starts_at);
CREATE TABLE event_invitations (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    rsvp TEXT NOT NULL,
    attended INTEGER NOT NULL,
    invited_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    ho_rsvp TEXT,
    ho_attended INTEGER NOT NULL DEFAULT 0,
    pending INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX event_invitations_event ON event_invitations(event_id);
CREATE INDEX event_invitations_client ON event_invitations(client_id);

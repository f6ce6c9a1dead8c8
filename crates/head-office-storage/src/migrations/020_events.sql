-- 客户活动: events every desk sees (broker_id '*'), and invitations in the invited client's book.
CREATE TABLE IF NOT EXISTS client_events (
    id TEXT PRIMARY KEY,
    broker_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
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
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS client_events_feed ON client_events(broker_id, seq);
CREATE TABLE IF NOT EXISTS event_invitations (
    id TEXT PRIMARY KEY,
    broker_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    client_id TEXT NOT NULL REFERENCES clients(id),
    rsvp TEXT NOT NULL,
    attended INTEGER NOT NULL,
    invited_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_invitations_feed ON event_invitations(broker_id, seq);
CREATE INDEX IF NOT EXISTS event_invitations_event ON event_invitations(event_id, rsvp);
CREATE INDEX IF NOT EXISTS event_invitations_client ON event_invitations(client_id);

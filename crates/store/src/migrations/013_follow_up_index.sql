-- The end of every sync turns recent follow-up dates into reminders; without this it read every
-- contact note of the book each time (a third of an incremental sync). Partial: most notes set no
-- follow-up, so the index stays small and a first sync barely pays for it.
CREATE INDEX contact_notes_follow_up ON contact_notes(follow_up_on) WHERE follow_up_on IS NOT NULL;

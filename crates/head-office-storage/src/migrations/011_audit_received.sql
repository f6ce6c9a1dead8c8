-- The audit export selects by when head office received an event, not by the time a desk claims:
-- a desk offline for a week, or one whose clock is wrong, must not hide its reveals from the
-- export of the day they arrived.
CREATE INDEX IF NOT EXISTS audit_log_received ON audit_log(received_at);

-- Complaints registered at the desk and handled by head office's service staff: the category, how
-- the client complained, what they ask for, the case number, where the case stands and every step
-- (JSON, oldest first). Cases recorded before this are closed if they have a closing day.
ALTER TABLE service_cases ADD COLUMN category TEXT;
ALTER TABLE service_cases ADD COLUMN channel TEXT;
ALTER TABLE service_cases ADD COLUMN client_asks TEXT;
ALTER TABLE service_cases ADD COLUMN case_no TEXT;
ALTER TABLE service_cases ADD COLUMN status TEXT NOT NULL DEFAULT 'registered';
ALTER TABLE service_cases ADD COLUMN registered_by TEXT;
ALTER TABLE service_cases ADD COLUMN handler TEXT;
ALTER TABLE service_cases ADD COLUMN history TEXT NOT NULL DEFAULT '[]';
UPDATE service_cases SET status = 'closed' WHERE closed_on IS NOT NULL;
UPDATE service_cases SET status = 'in_progress' WHERE closed_on IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS service_cases_case_no ON service_cases(case_no);
CREATE INDEX IF NOT EXISTS service_cases_open ON service_cases(kind, status, due_on);

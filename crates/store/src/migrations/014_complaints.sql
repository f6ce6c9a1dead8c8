-- Complaints: taken at the desk (pending until head office has them) and followed through head
-- office's handling. The same columns as head office's `service_cases`, plus `pending`.
ALTER TABLE service_cases ADD COLUMN category TEXT;
ALTER TABLE service_cases ADD COLUMN channel TEXT;
ALTER TABLE service_cases ADD COLUMN client_asks TEXT;
ALTER TABLE service_cases ADD COLUMN case_no TEXT;
ALTER TABLE service_cases ADD COLUMN status TEXT NOT NULL DEFAULT 'registered';
ALTER TABLE service_cases ADD COLUMN registered_by TEXT;
ALTER TABLE service_cases ADD COLUMN handler TEXT;
ALTER TABLE service_cases ADD COLUMN history TEXT NOT NULL DEFAULT '[]';
ALTER TABLE service_cases ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
UPDATE service_cases SET status = 'closed' WHERE closed_on IS NOT NULL;
UPDATE service_cases SET status = 'in_progress' WHERE closed_on IS NULL;

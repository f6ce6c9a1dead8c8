-- Return visits carry the client's satisfaction score (1–5) and their words.
ALTER TABLE service_cases ADD COLUMN satisfaction INTEGER;
ALTER TABLE service_cases ADD COLUMN client_words TEXT;

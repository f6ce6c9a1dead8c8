-- A dispute naming a client is checked against the lines of its statement.
CREATE INDEX IF NOT EXISTS statement_lines_client ON statement_lines(statement_id, client_id);

-- A statement's 组别津贴 (`domain::group_allowance`): the groups' allowances for the days the
-- broker spent in them. Statements published before groups paid one paid none.
ALTER TABLE commission_statements ADD COLUMN allowance INTEGER NOT NULL DEFAULT 0;

-- Head office's statement now names the month's 组别津贴 apart from the other lines; statements
-- kept from before paid none.
ALTER TABLE statements ADD COLUMN allowance INTEGER NOT NULL DEFAULT 0;

-- Which group a broker served in from which day (分组的历史): a group's pay and 考核 of a month
-- already worked follow the group of each day, not the group now. `broker_placements` keeps the
-- group of today; each change of it adds a row here. A group placed before this history was
-- kept counts from its first day (`domain::broker_category::before_records`).
CREATE TABLE IF NOT EXISTS broker_group_periods (
    broker_id TEXT NOT NULL REFERENCES users(id),
    effective_from TEXT NOT NULL,
    group_id TEXT REFERENCES broker_categories(id),
    PRIMARY KEY (broker_id, effective_from)
);
INSERT INTO broker_group_periods (broker_id, effective_from, group_id)
    SELECT broker_id, '2000-01-01', group_id FROM broker_placements WHERE group_id IS NOT NULL
    ON CONFLICT DO NOTHING;

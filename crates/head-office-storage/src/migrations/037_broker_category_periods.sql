-- Which class and which group a broker was in from which day (分类、分组的历史): pay and 考核 of a
-- month already worked follow the class and group of its days, not those of now.
-- `broker_placements` keeps today's; each change of either adds a row here, of its `kind`
-- ('class' or 'group'). A placement made before this history was kept counts from its first day
-- (`domain::broker_category::before_records`).
CREATE TABLE IF NOT EXISTS broker_category_periods (
    broker_id TEXT NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    category_id TEXT REFERENCES broker_categories(id),
    PRIMARY KEY (broker_id, kind, effective_from)
);
INSERT INTO broker_category_periods (broker_id, kind, effective_from, category_id)
    SELECT broker_id, 'class', '2000-01-01', class_id FROM broker_placements
    WHERE class_id IS NOT NULL
    ON CONFLICT DO NOTHING;
INSERT INTO broker_category_periods (broker_id, kind, effective_from, category_id)
    SELECT broker_id, 'group', '2000-01-01', group_id FROM broker_placements
    WHERE group_id IS NOT NULL
    ON CONFLICT DO NOTHING;

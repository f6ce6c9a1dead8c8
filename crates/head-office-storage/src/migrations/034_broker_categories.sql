-- Brokers' classes and groups (分类、分组), apart from levels: the firm's lists, and each
-- broker's place in at most one of each. The lists start with the usual ones; 经纪业务管理部
-- adds the firm's own.
CREATE TABLE IF NOT EXISTS broker_categories (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL
);
INSERT OR IGNORE INTO broker_categories (id, kind, name) VALUES
    ('CL-AM', 'class', '客户经理'),
    ('CL-FA', 'class', '理财顾问'),
    ('CL-IA', 'class', '投资顾问'),
    ('GR-BRANCH', 'group', '营业部渠道'),
    ('GR-BANK', 'group', '银行渠道'),
    ('GR-ONLINE', 'group', '互联网渠道');
CREATE TABLE IF NOT EXISTS broker_placements (
    broker_id TEXT PRIMARY KEY REFERENCES users(id),
    class_id TEXT REFERENCES broker_categories(id),
    group_id TEXT REFERENCES broker_categories(id)
);

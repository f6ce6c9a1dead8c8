-- Releases of the desk published by head office (`head-office release publish`), bundle and all,
-- so that every replica serves the same files. What was published stays as it was: a fix is a
-- new version.
CREATE TABLE IF NOT EXISTS desk_releases (
    version TEXT NOT NULL,
    bundle_kind TEXT NOT NULL,
    major INTEGER NOT NULL,
    minor INTEGER NOT NULL,
    patch INTEGER NOT NULL,
    channel TEXT NOT NULL,
    units TEXT NOT NULL,
    notes TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    signature TEXT NOT NULL,
    bundle BLOB NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (version, bundle_kind)
);
CREATE TRIGGER IF NOT EXISTS desk_releases_published
BEFORE UPDATE ON desk_releases
BEGIN SELECT RAISE(ABORT, 'a published release cannot change'); END;

-- The library's review in head office's console: each item as its drafter last saved it (JSON of
-- protocol::console::LibraryContent) and where it is in review. What desks have is `products`
-- (the feed); what was published or withdrawn when, and by whom, is `library_publications`,
-- which never changes.
CREATE TABLE IF NOT EXISTS library_drafts (
    id TEXT PRIMARY KEY,
    content TEXT NOT NULL,
    state TEXT NOT NULL,
    drafted_by TEXT NOT NULL,
    reviewed_by TEXT,
    review_note TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS library_publications (
    product_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    approval TEXT NOT NULL,
    approval_ref TEXT NOT NULL,
    reviewed_by TEXT NOT NULL,
    note TEXT NOT NULL,
    record TEXT NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (product_id, version)
);
CREATE TRIGGER IF NOT EXISTS library_publications_kept
BEFORE UPDATE ON library_publications
BEGIN SELECT RAISE(ABORT, 'what was published cannot change'); END;
CREATE TRIGGER IF NOT EXISTS library_publications_not_removed
BEFORE DELETE ON library_publications
BEGIN SELECT RAISE(ABORT, 'what was published cannot be removed'); END;

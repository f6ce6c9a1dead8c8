-- The day a unit of the org tree was closed (撤销). A closed unit stays, so past reports still
-- name it; nobody is placed in it again.
ALTER TABLE org_units ADD COLUMN closed_on TEXT;

-- Which life of this database this is. Head office makes one when the database is created and a
-- new one whenever it is restored from a backup: desks that see it change know the feed may
-- have rolled back behind them and writes they were told were saved may be gone.
CREATE TABLE IF NOT EXISTS database_epoch (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    epoch TEXT NOT NULL
);

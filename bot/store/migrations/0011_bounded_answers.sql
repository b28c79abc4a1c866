-- Answers whose cost does not grow with the archive (issue 17).
-- `sources` reads one row per outlet from this aggregate instead of grouping every article; it is
-- kept by a trigger on each stored article (articles are never deleted or moved to another source).
CREATE TABLE source_stats (
    source_id      INTEGER PRIMARY KEY REFERENCES sources(id),
    articles       INTEGER NOT NULL,
    latest         TEXT,
    last_ingested  TEXT
);
INSERT INTO source_stats (source_id, articles, latest, last_ingested)
SELECT source_id, count(*), max(published), max(ingested_at) FROM articles
WHERE source_id IS NOT NULL GROUP BY source_id;
-- max(x, NULL) is NULL in SQLite: coalesce keeps whichever side is known.
CREATE TRIGGER articles_source_stats AFTER INSERT ON articles
WHEN NEW.source_id IS NOT NULL
BEGIN
    INSERT INTO source_stats (source_id, articles, latest, last_ingested)
    VALUES (NEW.source_id, 1, NEW.published, NEW.ingested_at)
    ON CONFLICT (source_id) DO UPDATE SET
        articles = articles + 1,
        latest = coalesce(max(latest, excluded.latest), latest, excluded.latest),
        last_ingested = coalesce(max(last_ingested, excluded.last_ingested), last_ingested,
                                 excluded.last_ingested);
END;
-- One speaker's statements newest first, read in index order (what did X say, timelines).
CREATE INDEX statements_speaker_newest ON statements(speaker_entity_id, coalesce(date, '') DESC, id);
-- Each participant row carries its event's sort key (`coalesce(date, '')`, as events_newest), so
-- an entity's events come newest first from one index: "talks between X and Y", timelines,
-- profiles read the page's rows instead of sorting every event of a much-mentioned country.
ALTER TABLE event_participants ADD COLUMN event_newest TEXT;
UPDATE event_participants
SET event_newest = (SELECT coalesce(ev.date, '') FROM events ev WHERE ev.id = event_participants.event_id);
CREATE INDEX event_participants_entity_newest
ON event_participants(entity_id, event_newest DESC, event_id DESC);
CREATE TRIGGER event_participants_newest AFTER INSERT ON event_participants
BEGIN
    UPDATE event_participants
    SET event_newest = (SELECT coalesce(ev.date, '') FROM events ev WHERE ev.id = NEW.event_id)
    WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER events_newest_participants AFTER UPDATE OF date ON events
WHEN coalesce(OLD.date, '') != coalesce(NEW.date, '')
BEGIN
    UPDATE event_participants SET event_newest = coalesce(NEW.date, '') WHERE event_id = NEW.id;
END;

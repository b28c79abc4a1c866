-- Answers whose cost does not grow with the archive (issue 17).
-- `sources` reads one row per outlet from this aggregate instead of grouping every article; it is
-- kept by a trigger on each stored article (articles are never deleted or moved to another source).
CREATE TABLE source_stats (
    source_id      bigint PRIMARY KEY REFERENCES sources(id),
    articles       bigint NOT NULL,
    latest         text COLLATE "C",
    last_ingested  text COLLATE "C"
);
INSERT INTO source_stats (source_id, articles, latest, last_ingested)
SELECT source_id, count(*), max(published), max(ingested_at) FROM articles
WHERE source_id IS NOT NULL GROUP BY source_id;
-- greatest() ignores NULLs, as SQLite's coalesce(max(...)) in the SQLite migration does.
CREATE FUNCTION briefbot_source_stats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO source_stats AS st (source_id, articles, latest, last_ingested)
    VALUES (NEW.source_id, 1, NEW.published, NEW.ingested_at)
    ON CONFLICT (source_id) DO UPDATE SET
        articles = st.articles + 1,
        latest = greatest(st.latest, excluded.latest),
        last_ingested = greatest(st.last_ingested, excluded.last_ingested);
    RETURN NULL;
END
$$;
CREATE TRIGGER articles_source_stats AFTER INSERT ON articles
FOR EACH ROW WHEN (NEW.source_id IS NOT NULL) EXECUTE FUNCTION briefbot_source_stats();
-- One speaker's statements newest first, read in index order (what did X say, timelines).
CREATE INDEX statements_speaker_newest ON statements(speaker_entity_id, (coalesce(date, '')) DESC, id);
-- Each participant row carries its event's sort key (`coalesce(date, '')`, as events_newest), so
-- an entity's events come newest first from one index: "talks between X and Y", timelines,
-- profiles read the page's rows instead of sorting every event of a much-mentioned country.
ALTER TABLE event_participants ADD COLUMN event_newest text COLLATE "C";
UPDATE event_participants p SET event_newest = coalesce(ev.date, '')
FROM events ev WHERE ev.id = p.event_id;
CREATE INDEX event_participants_entity_newest
ON event_participants(entity_id, event_newest DESC, event_id DESC);
CREATE FUNCTION briefbot_participant_newest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.event_newest := (SELECT coalesce(ev.date, '') FROM events ev WHERE ev.id = NEW.event_id);
    RETURN NEW;
END
$$;
CREATE TRIGGER event_participants_newest BEFORE INSERT ON event_participants
FOR EACH ROW EXECUTE FUNCTION briefbot_participant_newest();
CREATE FUNCTION briefbot_event_newest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE event_participants SET event_newest = coalesce(NEW.date, '') WHERE event_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER events_newest_participants AFTER UPDATE OF date ON events
FOR EACH ROW WHEN (coalesce(OLD.date, '') IS DISTINCT FROM coalesce(NEW.date, ''))
EXECUTE FUNCTION briefbot_event_newest();

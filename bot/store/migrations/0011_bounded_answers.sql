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

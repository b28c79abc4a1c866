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

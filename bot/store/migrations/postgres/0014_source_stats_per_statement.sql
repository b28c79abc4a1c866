-- `sources`' aggregate (migration 0011) kept per statement instead of per row: one upsert per
-- outlet for everything a statement inserted. A row trigger updated the same outlet's row once
-- per article, and within one transaction each update adds a version that the next one must walk
-- past: `migrate-store` copying 1,000,000 articles in one INSERT ... SELECT did not finish in 16
-- minutes (25,000 versions of each of 40 rows). An ingest inserts one article per statement, so
-- it does what the row trigger did. SQLite updates in place: its trigger stays (0014 is a no-op
-- there).
DROP TRIGGER articles_source_stats ON articles;
DROP FUNCTION briefbot_source_stats();
CREATE FUNCTION briefbot_source_stats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO source_stats AS st (source_id, articles, latest, last_ingested)
    SELECT source_id, count(*), max(published), max(ingested_at) FROM new_articles
    WHERE source_id IS NOT NULL GROUP BY source_id
    ON CONFLICT (source_id) DO UPDATE SET
        articles = st.articles + excluded.articles,
        latest = greatest(st.latest, excluded.latest),
        last_ingested = greatest(st.last_ingested, excluded.last_ingested);
    RETURN NULL;
END
$$;
CREATE TRIGGER articles_source_stats AFTER INSERT ON articles
REFERENCING NEW TABLE AS new_articles
FOR EACH STATEMENT EXECUTE FUNCTION briefbot_source_stats();

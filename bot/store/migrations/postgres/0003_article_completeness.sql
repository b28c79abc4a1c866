-- A completeness marker on each article: how many facts were linked to it, written as the last
-- step of the same transaction that stored the article. A crash can therefore never leave an
-- article whose marker is set but whose facts are missing, and a check can prove it: the marker
-- must be present and must equal the live counts (see sql.INCOMPLETE_ARTICLES).
ALTER TABLE articles ADD COLUMN stored_mentions integer;
ALTER TABLE articles ADD COLUMN stored_statements integer;
ALTER TABLE articles ADD COLUMN stored_events integer;

-- Articles stored before this migration were also written in one transaction each: mark them.
UPDATE articles SET
    stored_mentions = (SELECT count(*) FROM mentions m WHERE m.article_id = articles.id),
    stored_statements = (SELECT count(*) FROM statement_sources ss WHERE ss.article_id = articles.id),
    stored_events = (SELECT count(*) FROM event_sources es WHERE es.article_id = articles.id);

-- Covering indexes for the answers that read many rows: `sources` (articles per outlet) and the
-- totals behind "showing 1-5 of N" (statements and events with their optional filters), so those
-- scan small index entries instead of whole rows (article text, statement content).
CREATE INDEX articles_source ON articles(source_id, published, ingested_at);
CREATE INDEX statements_count ON statements(date, first_seen, speaker_entity_id, speaker);
CREATE INDEX events_count ON events(type, kind, status, date, updated_at, first_seen);

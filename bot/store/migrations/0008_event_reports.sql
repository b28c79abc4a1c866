-- Event identity (bot/identity.py): each article's own version of an event is kept as a report,
-- and an event is a cluster of reports. Answers read the events; `briefbot reindex` rebuilds
-- them from the reports alone, so a change to the identity rule leaves no old merge behind.
CREATE TABLE event_reports (
    id                     INTEGER PRIMARY KEY,  -- ingest order: reindex replays reports by id
    article_id             INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id               INTEGER REFERENCES events(id) ON DELETE SET NULL,
    type                   TEXT NOT NULL,
    kind                   TEXT NOT NULL,
    mode                   TEXT,
    -- [{"name", "kind", "country_code", "entity_id"}] as this article names them
    participants           TEXT NOT NULL DEFAULT '[]',
    location_name          TEXT,
    location_country_code  TEXT,
    location_detail        TEXT,
    date                   TEXT,
    date_precision         TEXT,
    status                 TEXT,
    topics                 TEXT NOT NULL DEFAULT '[]',
    excluded_topics        TEXT NOT NULL DEFAULT '[]',
    outcome                TEXT,
    content                TEXT,
    evidence               TEXT NOT NULL,
    evidence_start         INTEGER NOT NULL,
    evidence_end           INTEGER NOT NULL,
    confidence             REAL NOT NULL DEFAULT 1.0,
    -- Why the report is in its event: {"rule": "new"|"dated"|"undated", "agreed": [fields], ...}
    merge_reason           TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX event_reports_event ON event_reports(event_id);
CREATE INDEX event_reports_article ON event_reports(article_id);

-- The fields an event's reports disagree on (date, place, status), shown side by side.
ALTER TABLE events ADD COLUMN disputed TEXT NOT NULL DEFAULT '[]';
-- A source's own date is shown at its own precision ("2025-05", not "2025-05-01").
ALTER TABLE event_sources ADD COLUMN claimed_date_precision TEXT;

-- Events stored before this migration kept only each source's claimed date, status and place:
-- their reports are rebuilt from those and the merged event's other fields (participants of
-- the merged event, for want of each article's own), so `briefbot reindex` can re-cluster them.
INSERT INTO event_reports (article_id, event_id, type, kind, mode, participants, location_name,
                           location_country_code, location_detail, date, date_precision, status,
                           topics, excluded_topics, outcome, content, evidence, evidence_start,
                           evidence_end, confidence, merge_reason)
SELECT es.article_id, es.event_id, ev.type, ev.kind, ev.mode,
       (SELECT json_group_array(json_object('name', p.name, 'kind', p.kind,
                                            'country_code', p.country_code, 'entity_id', p.entity_id))
        FROM event_participants p WHERE p.event_id = ev.id),
       es.claimed_location,
       CASE WHEN es.claimed_location IS ev.location_name THEN ev.location_country_code END,
       CASE WHEN es.claimed_location IS ev.location_name THEN ev.location_detail END,
       es.claimed_date,
       CASE WHEN es.claimed_date IS NULL THEN NULL
            WHEN es.claimed_date = ev.date THEN ev.date_precision ELSE 'day' END,
       es.claimed_status, ev.topics, ev.excluded_topics, ev.outcome, ev.content,
       es.evidence, es.evidence_start, es.evidence_end, ev.confidence, '{"rule": "migrated"}'
FROM event_sources es JOIN events ev ON ev.id = es.event_id
ORDER BY es.article_id, es.event_id;

UPDATE event_sources SET claimed_date_precision = (
    SELECT r.date_precision FROM event_reports r
    WHERE r.article_id = event_sources.article_id AND r.event_id = event_sources.event_id);

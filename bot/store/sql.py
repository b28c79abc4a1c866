"""Every SQL statement Briefbot runs on SQLite, in one place and always parameterised.

`bot.store.sql_postgres` holds the same statements, by the same names and with the same named
parameters, in PostgreSQL's dialect.

Optional filters are written as `(:x IS NULL OR ...)` and lists are passed as JSON arrays read with
`json_each`, so no statement is ever assembled from strings at run time.
"""

# --- connections and transactions ---------------------------------------------------------------
PRAGMA_FOREIGN_KEYS = "PRAGMA foreign_keys = ON"
PRAGMA_WAL = "PRAGMA journal_mode = WAL"
# NORMAL is durable in WAL mode except for the last commits before a power cut; the delivery log
# (its own connection) uses FULL, because a lost "sent" would repost a briefing.
PRAGMA_SYNC_NORMAL = "PRAGMA synchronous = NORMAL"
PRAGMA_SYNC_FULL = "PRAGMA synchronous = FULL"
BEGIN = "BEGIN IMMEDIATE"
COMMIT = "COMMIT"
ROLLBACK = "ROLLBACK"

# --- schema bookkeeping -------------------------------------------------------------------------
CREATE_MIGRATIONS = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TEXT NOT NULL
)"""
APPLIED_VERSIONS = "SELECT version FROM schema_migrations ORDER BY version"
RECORD_MIGRATION = """
INSERT INTO schema_migrations (version, name, applied_at) VALUES (:version, :name, :applied_at)"""

# --- articles -----------------------------------------------------------------------------------
FIND_DUPLICATE_ARTICLE = """
SELECT id FROM articles
WHERE content_hash = :content_hash
   OR (:canonical_url IS NOT NULL AND canonical_url = :canonical_url)
LIMIT 1"""
UPSERT_SOURCE = """
INSERT INTO sources (name) VALUES (:name)
ON CONFLICT(name) DO UPDATE SET name = name RETURNING id"""
INSERT_ARTICLE = """
INSERT INTO articles (source_id, title, author, url, canonical_url, content_hash, published,
                      language, origin, text, ingested_at)
VALUES (:source_id, :title, :author, :url, :canonical_url, :content_hash, :published,
        :language, :origin, :text, :ingested_at)
RETURNING id"""
COUNT_ARTICLES = "SELECT count(*) FROM articles"
# The completeness marker (migration 0003): the last write of an article's transaction.
MARK_ARTICLE_COMPLETE = """
UPDATE articles SET
    stored_mentions = (SELECT count(*) FROM mentions WHERE article_id = :id),
    stored_statements = (SELECT count(*) FROM statement_sources WHERE article_id = :id),
    stored_events = (SELECT count(*) FROM event_sources WHERE article_id = :id)
WHERE id = :id"""
# Consistency checks (health, crash tests): articles without their facts, facts without articles.
INCOMPLETE_ARTICLES = """
SELECT a.id, a.origin FROM articles a
WHERE a.stored_mentions IS NULL OR a.stored_statements IS NULL OR a.stored_events IS NULL
   OR a.stored_mentions != (SELECT count(*) FROM mentions m WHERE m.article_id = a.id)
   OR a.stored_statements != (SELECT count(*) FROM statement_sources ss WHERE ss.article_id = a.id)
   OR a.stored_events != (SELECT count(*) FROM event_sources es WHERE es.article_id = a.id)
ORDER BY a.id"""
ORPHAN_FACTS = """
SELECT
  (SELECT count(*) FROM mentions m
   WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = m.article_id))
  + (SELECT count(*) FROM statement_sources ss
     WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = ss.article_id)
        OR NOT EXISTS (SELECT 1 FROM statements st WHERE st.id = ss.statement_id))
  + (SELECT count(*) FROM event_sources es
     WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = es.article_id)
        OR NOT EXISTS (SELECT 1 FROM events ev WHERE ev.id = es.event_id))
  + (SELECT count(*) FROM statements st
     WHERE NOT EXISTS (SELECT 1 FROM statement_sources ss WHERE ss.statement_id = st.id))
  + (SELECT count(*) FROM events ev
     WHERE NOT EXISTS (SELECT 1 FROM event_sources es WHERE es.event_id = ev.id))
  + (SELECT count(*) FROM event_reports r WHERE r.event_id IS NULL)
  AS orphans"""
ARTICLE_FACT_COUNTS = """
SELECT content_hash, stored_mentions, stored_statements, stored_events FROM articles ORDER BY id"""
INTEGRITY_CHECK = "PRAGMA integrity_check"
# One row per outlet from the aggregate kept on write (migration 0011), not a pass over articles.
LIST_SOURCES = """
SELECT s.name, st.articles, st.latest, st.last_ingested
FROM source_stats st JOIN sources s ON s.id = st.source_id
ORDER BY st.articles DESC, s.name LIMIT :limit"""
# Full-text search ranks a bounded set of candidates, the same way on both backends (issue 17):
# the newest :pool matches among the newest :window rows (SEARCH_WINDOW statements or events,
# ARTICLE_SEARCH_WINDOW articles), or, when fewer than SEARCH_MIN_HITS match there, the newest
# :pool matches of the whole archive (the *_ALL statements: a rare word's matches are few). So a
# search reads at most a window's rows, at any size of archive: FTS5's bm25() read every match
# of each word in the whole table for its IDF (19 ms for "talks" at 1,000,000 articles), and
# PostgreSQL walked back through the table until it had :pool matches (83,000 statements for
# "nuclear talks"). Relevance among the candidates: more of the words first (`:words`, the
# phrases of an any-word query; NULL when every candidate has them all), then the shorter text
# (each word weighs more in it: BM25's length normalisation with each word counted once; an
# article's length is not read, a page of text each), then the newest. The same ranking on both
# backends, from what each computes cheaply: whether a row has a word, and a text's length.
SEARCH_POOL = 2000
SEARCH_WINDOW = 10_000
ARTICLE_SEARCH_WINDOW = 5_000
SEARCH_MIN_HITS = 20


def _hits(fts: str, table: str, *, window: bool) -> str:
    """The candidates (`hits`) and, for an any-word query, how many of its words each has
    (`present`; per word, the matches no older than the oldest candidate: at most :pool)."""
    floor = (
        f"\n      AND rowid > (SELECT coalesce(max(id), 0) FROM {table}) - :window"
        if window
        else ""
    )
    return f"""WITH hits AS (
    SELECT rowid AS id FROM {fts} WHERE {fts} MATCH :match{floor}
    ORDER BY rowid DESC LIMIT :pool),
present AS (
    SELECT f.rowid AS id, count(*) AS words
    FROM json_each(:words) w CROSS JOIN {fts} f ON f.{fts} MATCH w.value
    WHERE f.rowid >= (SELECT min(id) FROM hits)
    GROUP BY f.rowid)"""


def _search_articles(hits: str) -> str:
    return (
        hits
        + """,
top AS (
    SELECT hits.id, coalesce(p.words, 0) AS words, a.published, count(*) OVER () AS total
    FROM hits JOIN articles a ON a.id = hits.id LEFT JOIN present p ON p.id = hits.id
    ORDER BY words DESC, a.published DESC, hits.id DESC LIMIT :limit)
SELECT a.id, a.title, s.name AS source, a.url, a.published,
       snippet(articles_fts, 1, '', '', ' … ', 24) AS snippet, top.total
FROM top JOIN articles_fts ON articles_fts.rowid = top.id
JOIN articles a ON a.id = top.id
LEFT JOIN sources s ON s.id = a.source_id
WHERE articles_fts MATCH :match
ORDER BY top.words DESC, top.published DESC, top.id DESC"""
    )


SEARCH_ARTICLES = _search_articles(_hits("articles_fts", "articles", window=True))
SEARCH_ARTICLES_ALL = _search_articles(_hits("articles_fts", "articles", window=False))

# --- entities -----------------------------------------------------------------------------------
# From the aliases' index (CROSS JOIN keeps that order): SQLite otherwise walked every entity of the
# kind and probed its aliases, a cost per stored entity that grew with the archive.
FIND_ENTITY_BY_ALIAS = """
SELECT e.id, e.country_code FROM entity_aliases al CROSS JOIN entities e ON e.id = al.entity_id
WHERE al.norm IN (SELECT value FROM json_each(:norms)) AND e.kind = :kind
ORDER BY e.id LIMIT 1"""
INSERT_ENTITY = """
INSERT INTO entities (key, name, kind, title, country, country_code, updated_at)
VALUES (:key, :name, :kind, :title, :country, :country_code, :now)
ON CONFLICT(key) DO UPDATE SET
    title = coalesce(excluded.title, entities.title),
    country = coalesce(excluded.country, entities.country),
    country_code = coalesce(excluded.country_code, entities.country_code),
    updated_at = excluded.updated_at
RETURNING id"""
UPDATE_ENTITY = """
UPDATE entities SET
    title = coalesce(:title, title),
    country = coalesce(:country, country),
    country_code = coalesce(:country_code, country_code),
    updated_at = :now
WHERE id = :id"""
INSERT_ALIAS = """
INSERT OR IGNORE INTO entity_aliases (entity_id, alias, norm) VALUES (:entity_id, :alias, :norm)"""
INSERT_MENTION = """
INSERT OR IGNORE INTO mentions (article_id, entity_id) VALUES (:article_id, :entity_id)"""
ALL_ENTITY_NAMES = """
SELECT e.id, e.name, e.kind, al.alias, al.norm FROM entities e
JOIN entity_aliases al ON al.entity_id = e.id"""
# Chat autocomplete (bot.answer.completion) reads a page of names from the indexes, never every
# name: the names whose aliases start with what was typed (a range of the alias index of migration
# 0013, in its order), optionally of one kind, ...
NAMES_STARTING = """
SELECT e.name, e.kind FROM entity_aliases al CROSS JOIN entities e ON e.id = al.entity_id
WHERE al.norm >= :low AND al.norm < :high AND (CAST(:kind AS TEXT) IS NULL OR e.kind = :kind)
ORDER BY al.norm, al.entity_id LIMIT :limit"""
# ... and those whose aliases hold it further in (three letters or more, from the trigram index
# of migration 0015, `piece` quoted as one FTS5 phrase so it is read as text), the first stored
# first.
NAMES_CONTAINING = """
SELECT e.name, e.kind FROM entity_aliases al CROSS JOIN entities e ON e.id = al.entity_id
WHERE al.rowid IN (
    SELECT t.rowid FROM entity_aliases_trigrams t
    WHERE entity_aliases_trigrams MATCH '"' || replace(:piece, '"', '""') || '"'
    ORDER BY t.rowid LIMIT :limit)
ORDER BY al.rowid"""
# The matcher's lookups (bot.answer.entity_match), all from indexes: a typed name's
# normalised form, a surname (the last word of a person's longer alias; expression index of
# migration 0013) and a country's own entity, each the lowest entity id, from an index.
ENTITY_BY_NORM = """
SELECT e.id, e.name, e.kind, al.norm FROM entity_aliases al JOIN entities e ON e.id = al.entity_id
WHERE al.norm = :norm ORDER BY al.entity_id LIMIT 1"""
ENTITY_BY_SURNAME = """
SELECT e.id, e.name, e.kind, al.norm FROM entity_aliases al JOIN entities e ON e.id = al.entity_id
WHERE replace(al.norm, rtrim(al.norm, replace(al.norm, ' ', '')), '') = :norm
  AND instr(al.norm, ' ') > 0 AND e.kind = 'person'
ORDER BY al.entity_id LIMIT 1"""
COUNTRY_ENTITIES_BY_NORM = """
SELECT e.id, e.name, e.kind, al.norm FROM entity_aliases al JOIN entities e ON e.id = al.entity_id
WHERE al.norm = :norm AND e.kind = 'country' ORDER BY e.id"""
# A typo's candidates (bot.answer.entity_match): for each pair of pieces of a typed name (JSON
# lists `firsts` and `seconds`, three letters or more each; a pair of one piece repeats it), the
# aliases that contain both, the first `limit` in the order stored, from the trigram index of
# migration 0015 (FTS5 stops there). Each piece is one quoted FTS5 phrase, so it is read as text,
# whatever it holds. One statement for every pair: the subquery runs once per pair.
ENTITY_TYPO_CANDIDATES = """
SELECT al.entity_id, e.kind, al.norm
FROM json_each(:firsts) f JOIN json_each(:seconds) s ON s.key = f.key
CROSS JOIN entity_aliases al CROSS JOIN entities e ON e.id = al.entity_id
WHERE al.rowid IN (
    SELECT t.rowid FROM entity_aliases_trigrams t
    WHERE entity_aliases_trigrams MATCH
          '"' || replace(f.value, '"', '""') || '" AND "' || replace(s.value, '"', '""') || '"'
    ORDER BY t.rowid LIMIT :limit)
ORDER BY f.key, al.rowid"""
# A typo's candidates stored as runs of the typed name's words (a name inside the typed one).
ENTITY_TYPO_WORDS = """
SELECT al.entity_id, e.kind, al.norm FROM entity_aliases al
CROSS JOIN entities e ON e.id = al.entity_id
WHERE al.norm IN (SELECT value FROM json_each(:norms))
ORDER BY al.rowid LIMIT :limit"""
ENTITY_PROFILE = """
SELECT e.id, e.name, e.kind, e.title, e.country, e.country_code,
       (SELECT count(*) FROM (SELECT 1 FROM mentions m WHERE m.entity_id = e.id
                              LIMIT :count_limit) capped) AS articles
FROM entities e WHERE e.id = :id"""
ENTITY_ALIASES = "SELECT alias FROM entity_aliases WHERE entity_id = :id ORDER BY alias"


def _capped(select_from: str) -> str:
    """A total that stops counting at :count_limit rows (`bot.store.store.COUNT_CAP`): an exact
    count of a common filter reads every matching row, so its cost would grow with the archive."""
    return f"SELECT count(*) FROM (SELECT 1 {select_from}\nLIMIT :count_limit) capped"


# --- statements ---------------------------------------------------------------------------------
FIND_STATEMENT_BY_KEY = "SELECT id FROM statements WHERE key = :key"
SIMILAR_STATEMENT_CANDIDATES = """
SELECT id, content FROM statements
WHERE speaker_entity_id IS :speaker_entity_id
  AND (:date IS NULL OR date IS NULL OR abs(julianday(date) - julianday(:date)) <= 2)
ORDER BY id DESC LIMIT 200"""
INSERT_STATEMENT = """
INSERT INTO statements (key, speaker_entity_id, speaker, speaker_text, speaker_kind, speaker_title,
                        speaker_country, verb, content, quote, date, confidence, first_seen)
VALUES (:key, :speaker_entity_id, :speaker, :speaker_text, :speaker_kind, :speaker_title,
        :speaker_country, :verb, :content, :quote, :date, :confidence, :now)
RETURNING id"""
# Another outlet's report of a stored statement: the statement is as sure as its surest report.
RAISE_STATEMENT_CONFIDENCE = """
UPDATE statements SET confidence = max(confidence, :confidence) WHERE id = :id"""
INSERT_STATEMENT_SOURCE = """
INSERT OR IGNORE INTO statement_sources (statement_id, article_id, evidence, content_start,
                                         content_end, speaker_text)
VALUES (:statement_id, :article_id, :evidence, :content_start, :content_end, :speaker_text)"""

# Statements with optional speaker, topic (FTS), time-window filters; newest first, then rank.
_STATEMENT_COLUMNS = """
SELECT st.id, st.speaker, st.speaker_text, st.speaker_kind, st.speaker_title, st.speaker_country,
       st.verb, st.content, st.quote, st.date, st.confidence, st.first_seen,
       (SELECT count(*) FROM statement_sources ss WHERE ss.statement_id = st.id) AS source_count"""
_STATEMENT_FILTERS = """
  AND (:speaker_ids IS NULL OR st.speaker_entity_id IN (SELECT value FROM json_each(:speaker_ids)))
  AND (:named_only = 0 OR st.speaker IS NOT NULL)
  AND st.confidence >= :min_confidence
  AND (:since IS NULL OR coalesce(st.date, '') >= :since)
  AND (:until IS NULL OR coalesce(st.date, '9999') <= :until)
  AND (:seen_since IS NULL OR st.first_seen > :seen_since)
  AND (:seen_until IS NULL OR st.first_seen <= :seen_until)"""
LIST_STATEMENTS = (
    _STATEMENT_COLUMNS
    + "\nFROM statements st WHERE 1 = 1"
    + _STATEMENT_FILTERS
    + """
ORDER BY coalesce(st.date, '') DESC, st.id ASC
LIMIT :limit OFFSET :offset"""
)
COUNT_STATEMENTS = _capped("FROM statements st WHERE 1 = 1" + _STATEMENT_FILTERS)


def _search_statements(hits: str) -> str:
    """A page of ranked candidates (SEARCH_POOL above), each row with how many candidates pass
    the filters (`total`: the list and its total in one pass)."""
    return (
        hits
        + """,
page AS (
    SELECT hits.id, coalesce(p.words, 0) AS words, length(st.content) AS size,
           coalesce(st.date, '') AS newest, count(*) OVER () AS total
    FROM hits JOIN statements st ON st.id = hits.id LEFT JOIN present p ON p.id = hits.id
    WHERE 1 = 1"""
        + _STATEMENT_FILTERS
        + """
    ORDER BY words DESC, size, newest DESC, hits.id DESC
    LIMIT :limit OFFSET :offset)"""
        + _STATEMENT_COLUMNS
        + """, page.total
FROM page JOIN statements st ON st.id = page.id
ORDER BY page.words DESC, page.size, page.newest DESC, page.id DESC"""
    )


SEARCH_STATEMENTS = _search_statements(_hits("statements_fts", "statements", window=True))
SEARCH_STATEMENTS_ALL = _search_statements(_hits("statements_fts", "statements", window=False))
# The same list and count when speakers are given, driven from the speaker index (CROSS JOIN fixes
# the join order) instead of scanning every statement newest first: same rows, same order.
_FROM_SPEAKERS = """
FROM (SELECT DISTINCT value FROM json_each(:speaker_ids)) sp
CROSS JOIN statements st ON st.speaker_entity_id = sp.value
WHERE 1 = 1"""
# The page's ids first (sorting ids, not whole rows with their source counts), then their columns.
LIST_STATEMENTS_BY_SPEAKER = (
    _STATEMENT_COLUMNS
    + "\nFROM statements st WHERE st.id IN (SELECT st.id"
    + _FROM_SPEAKERS
    + _STATEMENT_FILTERS
    + """
  ORDER BY coalesce(st.date, '') DESC, st.id ASC
  LIMIT :limit OFFSET :offset)
ORDER BY coalesce(st.date, '') DESC, st.id ASC"""
)
# One speaker (`what did X say`, timelines, profiles): the newest first straight from the index
# statements_speaker_newest (migration 0011), reading only the page's rows.
LIST_STATEMENTS_BY_ONE_SPEAKER = (
    _STATEMENT_COLUMNS
    + """
FROM statements st WHERE st.speaker_entity_id = :speaker_id"""
    + _STATEMENT_FILTERS
    + """
ORDER BY coalesce(st.date, '') DESC, st.id ASC
LIMIT :limit OFFSET :offset"""
)
COUNT_STATEMENTS_BY_SPEAKER = _capped(_FROM_SPEAKERS + _STATEMENT_FILTERS)
# One speaker's capped total, read in the order of the list's index (statements_speaker_newest)
# so that it stops at the cap: without the order PostgreSQL put every statement of the speaker in
# a bitmap first (49,000 of Lavrov's at 1,000,000 articles: 12 ms) to count 1,001 of them.
COUNT_STATEMENTS_BY_ONE_SPEAKER = (
    "SELECT count(*) FROM (SELECT 1 FROM statements st"
    + "\nWHERE st.speaker_entity_id = :speaker_id"
    + _STATEMENT_FILTERS
    + """
ORDER BY coalesce(st.date, '') DESC, st.id ASC
LIMIT :count_limit) capped"""
)
STATEMENT_SOURCES = """
SELECT ss.statement_id, ss.evidence, ss.speaker_text, ss.content_start, ss.content_end, a.title,
       s.name AS source, a.url, a.published
FROM statement_sources ss JOIN articles a ON a.id = ss.article_id
LEFT JOIN sources s ON s.id = a.source_id
WHERE ss.statement_id IN (SELECT value FROM json_each(:ids))
ORDER BY a.published, a.id"""

# --- events -------------------------------------------------------------------------------------
# Event identity (bot/identity.py): each article's report, and the events clustering them.
INSERT_EVENT_REPORT = """
INSERT INTO event_reports (article_id, type, kind, mode, participants, location_name,
                           location_country_code, location_detail, date, date_precision, status,
                           topics, excluded_topics, outcome, content, evidence, evidence_start,
                           evidence_end, confidence)
VALUES (:article_id, :type, :kind, :mode, :participants, :location_name, :location_country_code,
        :location_detail, :date, :date_precision, :status, :topics, :excluded_topics, :outcome,
        :content, :evidence, :evidence_start, :evidence_end, :confidence)
RETURNING id"""
_REPORT_COLUMNS = """
SELECT r.id, r.article_id, r.event_id, r.type, r.kind, r.mode, r.participants, r.location_name,
       r.location_country_code, r.location_detail, r.date, r.date_precision, r.status, r.topics,
       r.excluded_topics, r.outcome, r.content, r.evidence, r.evidence_start, r.evidence_end,
       r.confidence, r.merge_reason, a.published
FROM event_reports r JOIN articles a ON a.id = r.article_id"""
GET_EVENT_REPORT = _REPORT_COLUMNS + "\nWHERE r.id = :id"
# Every report of the candidate events, in ingest order (a cluster's members and their order).
CLUSTER_REPORTS = (
    _REPORT_COLUMNS
    + """
WHERE r.event_id IN (SELECT value FROM json_each(:ids))
ORDER BY r.id"""
)
# Each source's own version of events, with its article (all events when :ids is NULL).
LIST_EVENT_REPORTS = """
SELECT r.id, r.article_id, r.event_id, r.type, r.kind, r.mode, r.participants, r.location_name,
       r.location_country_code, r.location_detail, r.date, r.date_precision, r.status, r.topics,
       r.excluded_topics, r.outcome, r.content, r.evidence, r.confidence, r.merge_reason,
       a.title, a.url, a.origin, a.published, s.name AS source
FROM event_reports r JOIN articles a ON a.id = r.article_id
LEFT JOIN sources s ON s.id = a.source_id
WHERE :ids IS NULL OR r.event_id IN (SELECT value FROM json_each(:ids))
ORDER BY r.id"""
ALL_EVENT_REPORT_IDS = "SELECT id FROM event_reports ORDER BY id"
SET_REPORT_EVENT = (
    "UPDATE event_reports SET event_id = :event_id, merge_reason = :merge_reason WHERE id = :id"
)
# The country each participant's entity is known to belong to (a person counts as their country),
# for the persons an article names without saying where they are from.
ENTITY_COUNTRY_CODES = """
SELECT id, country_code FROM entities
WHERE id IN (SELECT value FROM json_each(:ids)) AND country_code IS NOT NULL"""
# Events a new report could be the same as: of its type, firmly dated within :date_from-:date_to,
# or without a firm date but reported by an article published then; not already holding a report
# of this article; naming one of the report's sides (or nobody). Both date branches are range
# scans of an index, so the cost does not grow with the archive. Newest first, bounded.
IDENTITY_CANDIDATES = """
WITH dated AS (
    SELECT id FROM events
    WHERE type = :type AND date BETWEEN :date_from AND :date_to
      AND coalesce(date_precision, 'day') IN ('day', 'week')),
undated AS (
    SELECT r.event_id AS id FROM articles a
    JOIN event_reports r ON r.article_id = a.id
    JOIN events ev ON ev.id = r.event_id
    WHERE a.published BETWEEN :date_from AND :date_to AND ev.type = :type
      AND (ev.date IS NULL OR ev.date_precision IN ('month', 'year'))),
candidates AS (SELECT id FROM dated UNION SELECT id FROM undated)
SELECT c.id FROM candidates c
WHERE (:sides IS NULL
       OR NOT EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = c.id)
       OR EXISTS (
           SELECT 1 FROM event_participants p LEFT JOIN entities e ON e.id = p.entity_id
           WHERE p.event_id = c.id
             AND (coalesce(p.country_code, e.country_code) IN (SELECT value FROM json_each(:sides))
                  OR p.entity_id IN (SELECT value FROM json_each(:entity_ids)))))
ORDER BY c.id DESC
LIMIT :limit"""
INSERT_EVENT = """
INSERT INTO events (type, kind, mode, date, date_precision, status, location_name,
                    location_country_code, location_detail, topics, excluded_topics, outcome,
                    content, confidence, disputed, first_seen, updated_at)
VALUES (:type, :kind, :mode, :date, :date_precision, :status, :location_name,
        :location_country_code, :location_detail, :topics, :excluded_topics, :outcome,
        :content, :confidence, :disputed, :now, :now)
RETURNING id"""
# The cluster's representative (bot.identity.representative) replaces the event's fields.
UPDATE_EVENT = """
UPDATE events SET type = :type, kind = :kind, mode = :mode, date = :date,
    date_precision = :date_precision, status = :status, location_name = :location_name,
    location_country_code = :location_country_code, location_detail = :location_detail,
    topics = :topics, excluded_topics = :excluded_topics, outcome = :outcome, content = :content,
    confidence = :confidence, disputed = :disputed
WHERE id = :id"""
# First seen and last changed when its first and newest reports were ingested: the same whether
# the event grew during ingests or was rebuilt by `reindex` (briefing windows read these).
EVENT_SEEN_TIMES = """
UPDATE events SET
    first_seen = (SELECT min(a.ingested_at)
                  FROM event_reports r JOIN articles a ON a.id = r.article_id
                  WHERE r.event_id = :id),
    updated_at = (SELECT max(a.ingested_at)
                  FROM event_reports r JOIN articles a ON a.id = r.article_id
                  WHERE r.event_id = :id)
WHERE id = :id"""
INSERT_EVENT_PARTICIPANT = """
INSERT OR IGNORE INTO event_participants (event_id, entity_id, name, kind, country_code)
VALUES (:event_id, :entity_id, :name, :kind, :country_code)"""
INSERT_EVENT_SOURCE = """
INSERT OR IGNORE INTO event_sources (event_id, article_id, evidence, evidence_start, evidence_end,
                                     claimed_status, claimed_date, claimed_date_precision,
                                     claimed_location)
VALUES (:event_id, :article_id, :evidence, :evidence_start, :evidence_end,
        :claimed_status, :claimed_date, :claimed_date_precision, :claimed_location)"""
# `reindex`: events, their participants, sources and index rows go; reports stay.
DETACH_EVENT_REPORTS = "UPDATE event_reports SET event_id = NULL, merge_reason = '{}'"
# Events of one report from another article naming one of :ids (people whose country was just
# learned) without a country: the report and its event, newest first.
LONE_REPORTS_NAMING = """
SELECT min(r.id), p.event_id FROM event_participants p
JOIN event_reports r ON r.event_id = p.event_id
WHERE p.country_code IS NULL
  AND p.entity_id IN (SELECT value FROM json_each(:ids))
GROUP BY p.event_id
HAVING count(DISTINCT r.id) = 1 AND min(r.article_id) <> :article_id
ORDER BY p.event_id DESC
LIMIT :limit"""
DETACH_EVENT_REPORT = "UPDATE event_reports SET event_id = NULL, merge_reason = '{}' WHERE id = :id"
DELETE_EVENT = "DELETE FROM events WHERE id = :id"
DELETE_ALL_EVENTS = "DELETE FROM events"
DELETE_ALL_EVENTS_FTS = "DELETE FROM events_fts"
COUNT_EVENTS_AND_REPORTS = (
    "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_reports)"
)
EVENT_FTS_TEXT = """
SELECT group_concat(evidence, ' ')
FROM (SELECT DISTINCT evidence FROM event_reports WHERE event_id = :id)"""
DELETE_EVENT_FTS = "DELETE FROM events_fts WHERE rowid = :id"
INSERT_EVENT_FTS = "INSERT INTO events_fts (rowid, topics, text) VALUES (:id, :topics, :text)"

_EVENT_COLUMNS = """
SELECT ev.id, ev.type, ev.kind, ev.mode, ev.date, ev.date_precision, ev.status, ev.location_name,
       ev.location_country_code, ev.location_detail, ev.topics, ev.excluded_topics, ev.outcome,
       ev.content, ev.confidence, ev.disputed, ev.first_seen, ev.updated_at,
       (SELECT count(*) FROM event_sources es WHERE es.event_id = ev.id) AS source_count"""
# Every entity id in :entity_ids must take part (participants of "talks between X and Y"). The
# matching events are found once from the participants index (not by a subquery per event).
# A place is the event's own location by name, or, when :place_code is a country's code, any
# location in that country: extraction stores a city's country with it, so Istanbul counts for
# Turkey while a city never stands for its whole country.
_EVENT_FILTERS = """
  AND (:types IS NULL OR ev.type IN (SELECT value FROM json_each(:types)))
  AND (:kinds IS NULL OR ev.kind IN (SELECT value FROM json_each(:kinds)))
  AND (:statuses IS NULL OR ev.status IN (SELECT value FROM json_each(:statuses)))
  AND ev.confidence >= :min_confidence
  AND (:entity_ids IS NULL OR ev.id IN (
        SELECT p.event_id FROM event_participants p
        WHERE p.entity_id IN (SELECT value FROM json_each(:entity_ids))
        GROUP BY p.event_id
        HAVING count(DISTINCT p.entity_id) = json_array_length(:entity_ids)))
  AND (:since IS NULL OR coalesce(ev.date, '') >= :since)
  AND (:until IS NULL OR coalesce(ev.date, '9999') <= :until)
  AND (:place_name IS NULL OR ev.location_name = :place_name COLLATE NOCASE
       OR ev.location_country_code = :place_code)
  AND (:seen_since IS NULL OR ev.updated_at > :seen_since)
  AND (:seen_until IS NULL OR ev.first_seen <= :seen_until)"""
LIST_EVENTS = (
    _EVENT_COLUMNS
    + "\nFROM events ev WHERE 1 = 1"
    + _EVENT_FILTERS
    + """
ORDER BY coalesce(ev.date, '') DESC, ev.id DESC
LIMIT :limit OFFSET :offset"""
)
COUNT_EVENTS = _capped("FROM events ev WHERE 1 = 1" + _EVENT_FILTERS)


def _search_events(hits: str) -> str:
    """As `_search_statements`; an event's text is its index row's (evidence and topics)."""
    return (
        hits
        + """,
page AS (
    SELECT hits.id, coalesce(p.words, 0) AS words,
           (SELECT length(f.text) FROM events_fts f WHERE f.rowid = hits.id) AS size,
           coalesce(ev.date, '') AS newest, count(*) OVER () AS total
    FROM hits JOIN events ev ON ev.id = hits.id LEFT JOIN present p ON p.id = hits.id
    WHERE 1 = 1"""
        + _EVENT_FILTERS
        + """
    ORDER BY words DESC, size, newest DESC, hits.id DESC
    LIMIT :limit OFFSET :offset)"""
        + _EVENT_COLUMNS
        + """, page.total
FROM page JOIN events ev ON ev.id = page.id
ORDER BY page.words DESC, page.size, page.newest DESC, page.id DESC"""
    )


SEARCH_EVENTS = _search_events(_hits("events_fts", "events", window=True))
SEARCH_EVENTS_ALL = _search_events(_hits("events_fts", "events", window=False))
# The same list and count when participants are given, driven from the participants index.
_FROM_PARTICIPANTS = """
FROM (SELECT p.event_id FROM event_participants p
      WHERE p.entity_id IN (SELECT value FROM json_each(:entity_ids))
      GROUP BY p.event_id
      HAVING count(DISTINCT p.entity_id) = json_array_length(:entity_ids)) pe
CROSS JOIN events ev ON ev.id = pe.event_id
WHERE 1 = 1"""
LIST_EVENTS_BY_PARTICIPANTS = (
    _EVENT_COLUMNS
    + "\nFROM events ev WHERE ev.id IN (SELECT ev.id"
    + _FROM_PARTICIPANTS
    + _EVENT_FILTERS
    + """
  ORDER BY coalesce(ev.date, '') DESC, ev.id DESC
  LIMIT :limit OFFSET :offset)
ORDER BY coalesce(ev.date, '') DESC, ev.id DESC"""
)
COUNT_EVENTS_BY_PARTICIPANTS = _capped(_FROM_PARTICIPANTS + _EVENT_FILTERS)
# The page and the total in one pass over the participants (a window count runs before LIMIT),
# instead of grouping the same participant rows twice.
PAGE_EVENTS_BY_PARTICIPANTS = (
    _EVENT_COLUMNS
    + ", page.total AS total\nFROM (SELECT ev.id AS id, count(*) OVER () AS total,"
    + " coalesce(ev.date, '') AS newest"
    + _FROM_PARTICIPANTS
    + _EVENT_FILTERS
    + """
  ORDER BY coalesce(ev.date, '') DESC, ev.id DESC
  LIMIT :limit OFFSET :offset) page
CROSS JOIN events ev ON ev.id = page.id
ORDER BY page.newest DESC, ev.id DESC"""
)
# Events with every one of :all_ids taking part, driven from one participant's (:lead, the one in
# the fewest events) index of its events newest first (event_participants_entity_newest, migration
# 0011: each participant row carries its event's sort key), so a page reads its rows and stops:
# the same rows in the same order as LIST_EVENTS_BY_PARTICIPANTS. :entity_ids is passed as NULL.
_FROM_LEAD_PARTICIPANT = """
FROM event_participants p CROSS JOIN events ev ON ev.id = p.event_id
WHERE p.entity_id = :lead
  AND p.rowid = (SELECT min(q.rowid) FROM event_participants q
                 WHERE q.event_id = p.event_id AND q.entity_id = :lead)
  AND (SELECT count(DISTINCT q.entity_id) FROM event_participants q
       WHERE q.event_id = p.event_id
         AND q.entity_id IN (SELECT value FROM json_each(:all_ids)))
      = json_array_length(:all_ids)"""
LIST_EVENTS_BY_LEAD = (
    _EVENT_COLUMNS
    + _FROM_LEAD_PARTICIPANT
    + _EVENT_FILTERS
    + """
ORDER BY p.event_newest DESC, p.event_id DESC
LIMIT :limit OFFSET :offset"""
)
COUNT_EVENTS_BY_LEAD = _capped(_FROM_LEAD_PARTICIPANT + _EVENT_FILTERS)
# Events with both :lo and :hi taking part (two entity ids, lower first: "talks between X and
# Y"), newest first from the pair index (event_pairs, migration 0012), which holds only their
# common events: a page reads its rows, a capped total at most the cap's. The same rows in the same
# order as LIST_EVENTS_BY_PARTICIPANTS. :entity_ids is passed as NULL.
_FROM_PAIR = """
FROM event_pairs pr CROSS JOIN events ev ON ev.id = pr.event_id
WHERE pr.entity_lo = :lo AND pr.entity_hi = :hi"""
LIST_EVENTS_BY_PAIR = (
    _EVENT_COLUMNS
    + _FROM_PAIR
    + _EVENT_FILTERS
    + """
ORDER BY pr.event_newest DESC, pr.event_id DESC
LIMIT :limit OFFSET :offset"""
)
COUNT_EVENTS_BY_PAIR = _capped(_FROM_PAIR + _EVENT_FILTERS)
# How many events an entity takes part in, counted up to :cap (which participant leads).
PARTICIPATIONS = """
SELECT count(*) FROM (SELECT 1 FROM event_participants WHERE entity_id = :id LIMIT :cap) c"""
EVENT_PARTICIPANTS = """
SELECT event_id, name, kind, country_code FROM event_participants
WHERE event_id IN (SELECT value FROM json_each(:ids)) ORDER BY event_id, rowid"""
EVENT_SOURCES = """
SELECT es.event_id, es.evidence, es.evidence_start, es.evidence_end,
       es.claimed_status, es.claimed_date, es.claimed_date_precision, es.claimed_location,
       a.title, s.name AS source, a.url, a.published
FROM event_sources es JOIN articles a ON a.id = es.article_id
LEFT JOIN sources s ON s.id = a.source_id
WHERE es.event_id IN (SELECT value FROM json_each(:ids))
ORDER BY a.published, a.id"""


# A timeline sorts the newest events and statements of its entities together (200 of each) and
# shows a page: it reads their ids and dates in the lists' order first, then the page's rows by id.
# The lists' own columns (each row's source count, its JSON fields) were most of a timeline's
# time on PostgreSQL: 200 rows of each built to show five.
def _event_dates(list_sql: str) -> str:
    return (
        f"SELECT k.id, k.date FROM ({list_sql}\n) k ORDER BY coalesce(k.date, '') DESC, k.id DESC"
    )


def _statement_dates(list_sql: str) -> str:
    return f"SELECT k.id, k.date FROM ({list_sql}\n) k ORDER BY coalesce(k.date, '') DESC, k.id ASC"


EVENT_DATES = {
    q: _event_dates(q)
    for q in (LIST_EVENTS, LIST_EVENTS_BY_PAIR, LIST_EVENTS_BY_LEAD, LIST_EVENTS_BY_PARTICIPANTS)
}
STATEMENT_DATES = {
    q: _statement_dates(q)
    for q in (LIST_STATEMENTS, LIST_STATEMENTS_BY_SPEAKER, LIST_STATEMENTS_BY_ONE_SPEAKER)
}
EVENTS_BY_ID = (
    _EVENT_COLUMNS + "\nFROM events ev WHERE ev.id IN (SELECT value FROM json_each(:ids))"
)
STATEMENTS_BY_ID = (
    _STATEMENT_COLUMNS + "\nFROM statements st WHERE st.id IN (SELECT value FROM json_each(:ids))"
)

# --- scheduled briefings: subscriptions ---------------------------------------------------------
INSERT_SUBSCRIPTION = """
INSERT INTO subscriptions (platform, workspace, channel, created_by, cron, rule, timezone, topic,
                           state, created_at, active_since)
VALUES (:platform, :workspace, :channel, :created_by, :cron, :rule, :timezone, :topic,
        'active', :now, :now)
RETURNING id"""
_SUBSCRIPTION_COLUMNS = """
SELECT s.id, s.platform, s.workspace, s.channel, s.created_by, s.cron, s.rule, s.timezone, s.topic,
       s.state, s.paused_reason, s.created_at, s.active_since,
       (SELECT max(d.slot_time) FROM deliveries d
        WHERE d.subscription_id = s.id AND d.state = 'sent') AS last_sent_slot
FROM subscriptions s"""
GET_SUBSCRIPTION = _SUBSCRIPTION_COLUMNS + "\nWHERE s.id = :id"
FIND_SAME_SUBSCRIPTION = (
    _SUBSCRIPTION_COLUMNS
    + """
WHERE s.platform = :platform AND s.workspace = :workspace AND s.channel = :channel
  AND s.cron = :cron AND s.timezone = :timezone AND s.topic IS :topic
LIMIT 1"""
)
LIST_WORKSPACE_SUBSCRIPTIONS = (
    _SUBSCRIPTION_COLUMNS
    + "\nWHERE s.platform = :platform AND s.workspace = :workspace ORDER BY s.id"
)
ACTIVE_SUBSCRIPTIONS = _SUBSCRIPTION_COLUMNS + "\nWHERE s.state = 'active' ORDER BY s.id"
# Platforms a delivery pass may have to post to: active subscriptions and unfinished deliveries.
DELIVERY_PLATFORMS = """
SELECT platform FROM subscriptions WHERE state = 'active'
UNION
SELECT s.platform FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
WHERE d.state = 'pending'"""
DELETE_SUBSCRIPTION = "DELETE FROM subscriptions WHERE id = :id"
PAUSE_SUBSCRIPTION = """
UPDATE subscriptions SET state = 'paused', paused_reason = :reason, notify_creator = :notify
WHERE id = :id"""
RESUME_SUBSCRIPTION = """
UPDATE subscriptions SET state = 'active', paused_reason = NULL, notify_creator = 0,
    active_since = :now
WHERE id = :id"""
# Read and cleared in one statement, so two commands at once cannot both tell the same pause.
TAKE_CREATOR_NOTICES = """
UPDATE subscriptions SET notify_creator = 0
WHERE notify_creator = 1 AND platform = :platform AND workspace = :workspace
  AND created_by = :created_by
RETURNING id, channel, paused_reason"""

# --- scheduled briefings: the delivery log ------------------------------------------------------
_DELIVERY_COLUMNS = """
SELECT id, subscription_id, slot_time, state, window_start, window_end, owner, lease_until,
       attempts, message_id, reason
FROM deliveries"""
GET_DELIVERY = (
    _DELIVERY_COLUMNS + "\nWHERE subscription_id = :subscription_id AND slot_time = :slot_time"
)
GET_DELIVERY_BY_ID = _DELIVERY_COLUMNS + "\nWHERE id = :id"
PENDING_DELIVERIES = _DELIVERY_COLUMNS + "\nWHERE state = 'pending' ORDER BY slot_time"
# The claim: whoever inserts the row owns the slot; a second pass finds it and leaves it alone.
CLAIM_DELIVERY = """
INSERT INTO deliveries (subscription_id, slot_time, state, window_start, window_end, owner,
                        lease_until, created_at, updated_at)
VALUES (:subscription_id, :slot_time, 'pending', :window_start, :window_end, :owner,
        :lease_until, :now, :now)
ON CONFLICT (subscription_id, slot_time) DO NOTHING"""
TAKE_OVER_DELIVERY = """
UPDATE deliveries SET owner = :owner, lease_until = :lease_until, updated_at = :now
WHERE id = :id AND state = 'pending' AND owner IS :previous_owner"""
START_ATTEMPT = """
UPDATE deliveries SET attempts = attempts + 1, lease_until = :lease_until, updated_at = :now
WHERE id = :id AND state = 'pending' AND owner = :owner"""
# A threaded briefing's headline, once accepted: whoever finishes the slot replies under it
# instead of posting a second headline.
RECORD_HEADLINE = """
UPDATE deliveries SET message_id = :message_id, updated_at = :now
WHERE id = :id AND state = 'pending' AND owner = :owner"""
MARK_SENT = """
UPDATE deliveries SET state = 'sent', message_id = :message_id, reason = NULL, updated_at = :now,
    sent_at = :now
WHERE id = :id AND state = 'pending'"""
MARK_FAILED = """
UPDATE deliveries SET state = 'failed', reason = :reason, updated_at = :now
WHERE id = :id AND state = 'pending'"""
# The newest committed ingest stamp: stamps are taken under the write lock, so any ingest still in
# flight is stamped later than this and falls into the next briefing's window.
LATEST_INGEST = "SELECT max(ingested_at) FROM articles"
LAST_SENT_WINDOW_END = """
SELECT max(window_end) FROM deliveries
WHERE subscription_id = :subscription_id AND state = 'sent'"""
SUBSCRIPTION_DELIVERIES = (
    _DELIVERY_COLUMNS + "\nWHERE subscription_id = :subscription_id ORDER BY slot_time"
)

# --- registered feeds ---------------------------------------------------------------------------
INSERT_FEED = """
INSERT INTO feeds (url, platform, workspace, added_by, next_poll_at, created_at)
VALUES (:url, :platform, :workspace, :added_by, :now, :now)
ON CONFLICT (platform, workspace, url) DO NOTHING"""
_FEED_COLUMNS = """
SELECT id, url, platform, workspace, added_by, etag, last_modified, next_poll_at, failures,
       last_error, last_polled_at
FROM feeds"""
FIND_FEED = _FEED_COLUMNS + "\nWHERE platform = :platform AND workspace = :workspace AND url = :url"
LIST_FEEDS = _FEED_COLUMNS + "\nORDER BY id"
LIST_WORKSPACE_FEEDS = (
    _FEED_COLUMNS + "\nWHERE platform = :platform AND workspace = :workspace ORDER BY id"
)
GET_FEED = _FEED_COLUMNS + "\nWHERE id = :id"
DELETE_FEED = "DELETE FROM feeds WHERE id = :id"
DUE_FEEDS = _FEED_COLUMNS + "\nWHERE next_poll_at <= :now ORDER BY next_poll_at, id"
# Claims of due feeds between processes sharing one store: PostgreSQL's (bot.store.sql_postgres).
# An SQLite file serves one host, where each due feed is polled by the process that finds it.
CLAIM_FEED = None
DUE_FEED = None
RELEASE_FEED = None
RELEASE_FEED_CLAIMS = None
FEED_POLLED = """
UPDATE feeds SET etag = :etag, last_modified = :last_modified, next_poll_at = :next_poll_at,
    failures = 0, last_error = NULL, last_polled_at = :now
WHERE id = :id"""
FEED_FAILED = """
UPDATE feeds SET failures = failures + 1, last_error = :error, next_poll_at = :next_poll_at,
    last_polled_at = :now
WHERE id = :id"""
ARTICLE_URL_KNOWN = "SELECT 1 FROM articles WHERE canonical_url = :canonical_url LIMIT 1"

# --- watches: saved queries that alert a channel (bot/watch) ------------------------------------
INSERT_WATCH = """
INSERT INTO watches (platform, workspace, channel, created_by, query, filter, min_confidence,
                     max_per_hour, quiet_hours, timezone, state, created_at, seen_until)
VALUES (:platform, :workspace, :channel, :created_by, :query, :filter, :min_confidence,
        :max_per_hour, :quiet_hours, :timezone, 'active', :now, :seen_until)
RETURNING id"""
_WATCH_COLUMNS = """
SELECT w.id, w.platform, w.workspace, w.channel, w.created_by, w.query, w.filter,
       w.min_confidence, w.max_per_hour, w.quiet_hours, w.timezone, w.state, w.paused_reason,
       w.created_at, w.seen_until,
       (SELECT max(a.sent_at) FROM watch_alerts a
        WHERE a.watch_id = w.id AND a.state = 'sent') AS last_alert_at
FROM watches w"""
GET_WATCH = _WATCH_COLUMNS + "\nWHERE w.id = :id"
FIND_SAME_WATCH = (
    _WATCH_COLUMNS
    + """
WHERE w.platform = :platform AND w.workspace = :workspace AND w.channel = :channel
  AND w.filter = :filter AND w.min_confidence IS :min_confidence
  AND w.max_per_hour IS :max_per_hour AND w.quiet_hours IS :quiet_hours AND w.timezone = :timezone
LIMIT 1"""
)
LIST_WORKSPACE_WATCHES = (
    _WATCH_COLUMNS + "\nWHERE w.platform = :platform AND w.workspace = :workspace ORDER BY w.id"
)
ACTIVE_WATCHES = (
    _WATCH_COLUMNS
    + "\nWHERE w.state = 'active'"
    + " AND w.platform IN (SELECT value FROM json_each(:platforms)) ORDER BY w.id"
)
DELETE_WATCH = "DELETE FROM watches WHERE id = :id"
PAUSE_WATCH = """
UPDATE watches SET state = 'paused', paused_reason = :reason, notify_creator = :notify
WHERE id = :id"""
# Resumed from the newest ingest: what was ingested while it was paused does not alert.
RESUME_WATCH = """
UPDATE watches SET state = 'active', paused_reason = NULL, notify_creator = 0,
    seen_until = max(seen_until, :seen_until)
WHERE id = :id"""
TAKE_WATCH_NOTICES = """
UPDATE watches SET notify_creator = 0
WHERE notify_creator = 1 AND platform = :platform AND workspace = :workspace
  AND created_by = :created_by
RETURNING id, channel, paused_reason"""
# Only forward: two processes checking the same articles cannot move a watch back.
ADVANCE_WATCH = "UPDATE watches SET seen_until = :upto WHERE id = :id AND seen_until < :upto"
# Facts an article stamped in (:after, :upto] added or changed: the events its reports joined and
# the statements it reports (a second outlet raises a statement's confidence without a new row).
TOUCHED_EVENTS = """
SELECT DISTINCT r.event_id FROM articles a JOIN event_reports r ON r.article_id = a.id
WHERE a.ingested_at > :after AND a.ingested_at <= :upto AND r.event_id IS NOT NULL"""
TOUCHED_STATEMENTS = """
SELECT DISTINCT ss.statement_id FROM articles a JOIN statement_sources ss ON ss.article_id = a.id
WHERE a.ingested_at > :after AND a.ingested_at <= :upto"""
# The answers' own filters, on the touched facts only. An event is known to the alert log by its
# first report, which `briefbot reindex` keeps (event ids it renumbers).
WATCH_EVENTS = (
    _EVENT_COLUMNS
    + """,
       (SELECT min(r.id) FROM event_reports r WHERE r.event_id = ev.id) AS anchor
FROM events ev WHERE ev.id IN (SELECT value FROM json_each(:ids))
  AND (:match IS NULL OR ev.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :match))"""
    + _EVENT_FILTERS
    + "\nORDER BY ev.id"
)
WATCH_STATEMENTS = (
    _STATEMENT_COLUMNS
    + """
FROM statements st WHERE st.id IN (SELECT value FROM json_each(:ids))
  AND (:match IS NULL
       OR st.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH :match))"""
    + _STATEMENT_FILTERS
    + "\nORDER BY st.id"
)

# --- watches: the alert log ---------------------------------------------------------------------
_ALERT_COLUMNS = """
SELECT id, watch_id, fact, fingerprint, kind, state, item, post, owner, lease_until, attempts,
       message_id, reason, created_at, sent_at
FROM watch_alerts"""
FIND_ALERT_VERSION = """
SELECT id FROM watch_alerts
WHERE watch_id = :watch_id AND fact = :fact AND fingerprint = :fingerprint"""
LATEST_FACT_ALERT = (
    _ALERT_COLUMNS + "\nWHERE watch_id = :watch_id AND fact = :fact ORDER BY id DESC LIMIT 1"
)
# The version a channel saw last, and the first message about the fact (updates reply to it).
PREVIOUS_SENT_ALERT = (
    _ALERT_COLUMNS
    + "\nWHERE watch_id = :watch_id AND fact = :fact AND state = 'sent' AND id < :before"
    + " ORDER BY id DESC LIMIT 1"
)
FIRST_FACT_MESSAGE = """
SELECT message_id FROM watch_alerts
WHERE watch_id = :watch_id AND fact = :fact AND state = 'sent' AND message_id IS NOT NULL
ORDER BY id LIMIT 1"""
# A held alert not yet posted shows the newest version when it is: no second alert for it.
REVISE_HELD_ALERT = """
UPDATE watch_alerts SET fingerprint = :fingerprint, item = :item, updated_at = :now
WHERE id = :id AND state = 'held'"""
# Messages posted (or being posted) for a watch since :since; a digest is one message.
RECENT_WATCH_POSTS = """
SELECT count(DISTINCT coalesce(post, 'alert' || id)) FROM watch_alerts
WHERE watch_id = :watch_id
  AND (state = 'pending' OR (state = 'sent' AND sent_at > :since))"""
COUNT_HELD_ALERTS = (
    "SELECT count(*) FROM watch_alerts WHERE watch_id = :watch_id AND state = 'held'"
)
INSERT_ALERT = """
INSERT INTO watch_alerts (watch_id, fact, fingerprint, kind, state, item, post, owner, lease_until,
                          created_at, updated_at)
VALUES (:watch_id, :fact, :fingerprint, :kind, :state, :item, :post, :owner, :lease_until,
        :now, :now)
ON CONFLICT (watch_id, fact, fingerprint) DO NOTHING"""
WATCHES_WITH_HELD_ALERTS = """
SELECT DISTINCT a.watch_id FROM watch_alerts a JOIN watches w ON w.id = a.watch_id
WHERE a.state = 'held' AND w.state = 'active'
  AND w.platform IN (SELECT value FROM json_each(:platforms))"""
# Every held alert of a watch becomes one post (the digest), claimed by this process.
RELEASE_HELD_ALERTS = """
UPDATE watch_alerts SET state = 'pending', post = :post, owner = :owner, lease_until = :lease_until,
    updated_at = :now
WHERE watch_id = :watch_id AND state = 'held'"""
OPEN_ALERTS = (
    _ALERT_COLUMNS
    + """
WHERE state = 'pending'
  AND watch_id IN (SELECT id FROM watches
                   WHERE platform IN (SELECT value FROM json_each(:platforms)))
ORDER BY id"""
)
POST_ALERTS = _ALERT_COLUMNS + "\nWHERE post = :post ORDER BY id"
WATCH_ALERTS = _ALERT_COLUMNS + "\nWHERE watch_id = :watch_id ORDER BY id"
# Counted before the send; also how a post left by a dead process is adopted (owner must match).
START_POST_ATTEMPT = """
UPDATE watch_alerts SET attempts = attempts + 1, owner = :owner, lease_until = :lease_until,
    updated_at = :now
WHERE post = :post AND state = 'pending' AND owner IS :previous_owner"""
MARK_POST_SENT = """
UPDATE watch_alerts SET state = 'sent', message_id = :message_id, reason = NULL, sent_at = :now,
    updated_at = :now
WHERE post = :post AND state = 'pending'"""
MARK_POST_FAILED = """
UPDATE watch_alerts SET state = 'failed', reason = :reason, updated_at = :now
WHERE post = :post AND state = 'pending'"""
# A transient failure: tried again by any process once the lease has run out.
POST_RETRY_LATER = """
UPDATE watch_alerts SET reason = :reason, lease_until = :lease_until, updated_at = :now
WHERE post = :post AND state = 'pending'"""

# --- state shared by replicas: command budgets and `more` (migration 0016) ---------------------
# Seconds since the epoch by the database's clock, unless the caller passes its own `:now` (tests
# inject a clock; every replica of one store must use the same kind).
_NOW = "coalesce(:now, (julianday('now') - 2440587.5) * 86400.0)"
# A token bucket in one atomic statement: a new key starts full and spends one token; a known key
# refills for the time since its last command (never above the burst), then spends one token if it
# has one (refused = 0) or counts one more refusal. The caller reads the verdict from RETURNING.
_REFILLED = "min(:burst, tokens + max(0.0, excluded.updated - updated) * :rate)"
TAKE_TOKEN = f"""
INSERT INTO rate_buckets (platform, workspace, user_id, tokens, updated, refused)
VALUES (:platform, :workspace, :user_id, :burst - 1.0, {_NOW}, 0)
ON CONFLICT (platform, workspace, user_id) DO UPDATE SET
    tokens = CASE WHEN {_REFILLED} >= 1.0 THEN {_REFILLED} - 1.0 ELSE {_REFILLED} END,
    refused = CASE WHEN {_REFILLED} >= 1.0 THEN 0 ELSE refused + 1 END,
    updated = max(updated, excluded.updated)
RETURNING tokens, refused"""
# A bucket idle for a full refill is full again: dropping it changes no verdict.
DROP_IDLE_BUCKETS = f"DELETE FROM rate_buckets WHERE updated < {_NOW} - :idle"
REMEMBER_PAGE = f"""
INSERT INTO paging (platform, workspace, channel, query, page_offset, updated)
VALUES (:platform, :workspace, :channel, :query, :page_offset, {_NOW})
ON CONFLICT (platform, workspace, channel) DO UPDATE SET
    query = excluded.query, page_offset = excluded.page_offset, updated = excluded.updated"""
# Two `more` at once (on two replicas) get two pages, not the same one twice.
NEXT_PAGE = f"""
UPDATE paging SET page_offset = page_offset + :step, updated = {_NOW}
WHERE platform = :platform AND workspace = :workspace AND channel = :channel
RETURNING query, page_offset"""
FORGET_OLD_PAGES = f"DELETE FROM paging WHERE updated < {_NOW} - :idle"

# --- commands acknowledged and not yet answered (migration 0018, bot.store.held_commands) -------
HOLD_COMMAND = f"""
INSERT INTO held_commands (platform, payload, owner, received, lease_until)
VALUES (:platform, :payload, :owner, {_NOW}, {_NOW} + :lease)
RETURNING id"""
RELEASE_COMMAND = "DELETE FROM held_commands WHERE id = :id"
# Another process's commands, with the database's time to judge their leases by.
OTHERS_HELD_COMMANDS = f"""
SELECT id, platform, payload, owner, received, lease_until, attempts, {_NOW} AS now
FROM held_commands WHERE platform = :platform AND owner <> :owner AND id > :after
ORDER BY id LIMIT :limit"""
# Taken over only from the owner the caller saw: of two processes taking one command, one wins.
TAKE_OVER_COMMAND = f"""
UPDATE held_commands SET owner = :owner, lease_until = {_NOW} + :lease, attempts = attempts + 1
WHERE id = :id AND owner = :previous"""
FORGET_OLD_COMMANDS = (
    f"DELETE FROM held_commands WHERE platform = :platform AND received < {_NOW} - :max_age"
)

"""Every SQL statement Briefbot runs on PostgreSQL, in one place and always parameterised.

The same statements as `bot.store.sql` (SQLite), by the same names and with the same named
parameters (`:name`, numbered for asyncpg by `bot.store.postgres.compile_query`), so the store's
logic is written once. Where the dialects differ:

- lists still arrive as JSON arrays, read with `jsonb_array_elements_text` (SQLite: json_each);
- an optional filter's parameter is cast (`CAST(:x AS text) IS NULL`), since PostgreSQL must know
  every parameter's type; `IS` between values is `IS NOT DISTINCT FROM`; `max(a, b)` `greatest`;
- full-text search reads tsvector columns (GIN indexes) with `websearch_to_tsquery`, which takes
  the answer layer's FTS5 strings (`"word" "word"`, `"word" OR "word"`) as they are; relevance is
  ranked as on SQLite, from which words a candidate has and its text's length (`_hits`).
"""

# Statements written the same in both dialects are SQLite's, imported by name (a new statement
# must be written here or imported here: nothing falls back silently).
from bot.store.sql import (  # noqa: F401
    _ALERT_COLUMNS,
    _DELIVERY_COLUMNS,
    _EVENT_COLUMNS,
    _FEED_COLUMNS,
    _REPORT_COLUMNS,
    _STATEMENT_COLUMNS,
    _SUBSCRIPTION_COLUMNS,
    _WATCH_COLUMNS,
    ACTIVE_SUBSCRIPTIONS,
    ADVANCE_WATCH,
    ALL_ENTITY_NAMES,
    ALL_EVENT_REPORT_IDS,
    APPLIED_VERSIONS,
    ARTICLE_FACT_COUNTS,
    ARTICLE_SEARCH_WINDOW,
    ARTICLE_URL_KNOWN,
    CLAIM_DELIVERY,
    COUNT_ARTICLES,
    COUNT_EVENTS_AND_REPORTS,
    COUNT_HELD_ALERTS,
    COUNTRY_ENTITIES_BY_NORM,
    CREATE_MIGRATIONS,
    DELETE_ALL_EVENTS,
    DELETE_ALL_EVENTS_FTS,
    DELETE_EVENT,
    DELETE_FEED,
    DELETE_SUBSCRIPTION,
    DELETE_WATCH,
    DELIVERY_PLATFORMS,
    DETACH_EVENT_REPORT,
    DETACH_EVENT_REPORTS,
    DUE_FEEDS,
    ENTITY_ALIASES,
    ENTITY_BY_NORM,
    ENTITY_PROFILE,
    EVENT_SEEN_TIMES,
    FEED_FAILED,
    FEED_POLLED,
    FIND_ALERT_VERSION,
    FIND_FEED,
    FIND_STATEMENT_BY_KEY,
    FIRST_FACT_MESSAGE,
    GET_DELIVERY,
    GET_DELIVERY_BY_ID,
    GET_EVENT_REPORT,
    GET_FEED,
    GET_SUBSCRIPTION,
    GET_WATCH,
    INCOMPLETE_ARTICLES,
    INSERT_ALERT,
    INSERT_ARTICLE,
    INSERT_ENTITY,
    INSERT_EVENT_REPORT,
    INSERT_FEED,
    INSERT_STATEMENT,
    INSERT_SUBSCRIPTION,
    INSERT_WATCH,
    LAST_SENT_WINDOW_END,
    LATEST_FACT_ALERT,
    LATEST_INGEST,
    LIST_FEEDS,
    LIST_SOURCES,
    LIST_WORKSPACE_FEEDS,
    LIST_WORKSPACE_SUBSCRIPTIONS,
    LIST_WORKSPACE_WATCHES,
    MARK_ARTICLE_COMPLETE,
    MARK_FAILED,
    MARK_POST_FAILED,
    MARK_POST_SENT,
    MARK_SENT,
    ORPHAN_FACTS,
    PARTICIPATIONS,
    PAUSE_SUBSCRIPTION,
    PAUSE_WATCH,
    PENDING_DELIVERIES,
    POST_ALERTS,
    POST_RETRY_LATER,
    PREVIOUS_SENT_ALERT,
    RECENT_WATCH_POSTS,
    RECORD_HEADLINE,
    RECORD_MIGRATION,
    RELEASE_HELD_ALERTS,
    RESUME_SUBSCRIPTION,
    REVISE_HELD_ALERT,
    SEARCH_MIN_HITS,
    SEARCH_POOL,
    SEARCH_WINDOW,
    SET_REPORT_EVENT,
    START_ATTEMPT,
    SUBSCRIPTION_DELIVERIES,
    TAKE_CREATOR_NOTICES,
    TAKE_WATCH_NOTICES,
    TOUCHED_EVENTS,
    TOUCHED_STATEMENTS,
    UPDATE_ENTITY,
    UPDATE_EVENT,
    WATCH_ALERTS,
)

# --- transactions --------------------------------------------------------------------------------
# Held until the transaction ends: what serialises writers across processes, as SQLite's one
# write lock does (keys in bot.store.postgres).
ADVISORY_XACT_LOCK = "SELECT pg_advisory_xact_lock(:key)"
MIGRATIONS_TABLE = "SELECT to_regclass('schema_migrations') IS NOT NULL"

# --- articles -----------------------------------------------------------------------------------
FIND_DUPLICATE_ARTICLE = """
SELECT id FROM articles
WHERE content_hash = :content_hash
   OR (CAST(:canonical_url AS text) IS NOT NULL AND canonical_url = :canonical_url)
LIMIT 1"""
UPSERT_SOURCE = """
INSERT INTO sources (name) VALUES (:name)
ON CONFLICT ((lower(name))) DO UPDATE SET name = sources.name RETURNING id"""
# The server checks its own pages (data checksums, amcheck); the store's consistency is the
# completeness marker and the orphan count above.
INTEGRITY_CHECK = "SELECT 'ok'"
# Full-text search ranks the same bounded candidates the same way as on SQLite (bot.store.sql,
# SEARCH_POOL): the newest :pool matches among the newest :window rows, or of the whole archive
# (the *_ALL statements) when fewer than SEARCH_MIN_HITS match there; more of the words first,
# then the shorter text, then the newest. (ts_rank ranked them before: no IDF, and for words
# that must all be there it scores how close together they stand, unlike FTS5's bm25.)
_QUERY = "websearch_to_tsquery('briefbot'::regconfig, :match)"


def _hits(table: str, key: str, newest_of: str, *, window: bool) -> str:
    """The candidates (`hits`, with their tsvector) and an any-word query's words (`words`).

    The window's rows come from a subquery that walks the primary key back from the newest
    (`OFFSET 0` keeps the planner from pushing the match into it): at most :window rows are
    read, where the GIN index reads every match of each word in the whole table ("talks": most
    of them). The whole archive's are the planner's choice: the index for rare words, which is
    when they are asked for. The query is written where it is used, not as a CTE, so the planner
    sees the words (a CTE hid them once: 680 ms at 1,000,000 articles). An any-word query's
    words are parsed once (MATERIALIZED): inlined, each candidate parsed them again (an any-word
    search of two or three words 19-23 -> 13-15 ms at 100,000 articles)."""
    if window:
        rows = f"""(SELECT t.{key} AS id, t.fts FROM {table} t
          WHERE t.{key} > (SELECT coalesce(max(id), 0) FROM {newest_of}) - CAST(:window AS bigint)
          ORDER BY t.{key} DESC OFFSET 0) r"""
    else:
        rows = f"(SELECT t.{key} AS id, t.fts FROM {table} t) r"
    return f"""WITH hits AS (
    SELECT r.id, r.fts FROM {rows}, (SELECT {_QUERY} AS q) q
    WHERE r.fts @@ q.q ORDER BY r.id DESC LIMIT :pool),
words AS MATERIALIZED (
    SELECT websearch_to_tsquery('briefbot'::regconfig, w) AS q
    FROM jsonb_array_elements_text(CAST(:words AS jsonb)) w)"""


def _search_articles(hits: str) -> str:
    return (
        hits
        + f""",
top AS (
    SELECT hits.id, (SELECT count(*) FROM words WHERE hits.fts @@ words.q) AS words, a.published,
           count(*) OVER () AS total
    FROM hits JOIN articles a ON a.id = hits.id
    ORDER BY words DESC, a.published DESC, hits.id DESC LIMIT :limit)
SELECT a.id, a.title, s.name AS source, a.url, a.published,
       ts_headline('briefbot'::regconfig, a.text, {_QUERY},
                   'StartSel="", StopSel="", MaxWords=24, MinWords=20') AS snippet,
       top.total
FROM top JOIN articles a ON a.id = top.id
LEFT JOIN sources s ON s.id = a.source_id
ORDER BY top.words DESC, top.published DESC, top.id DESC"""
    )


SEARCH_ARTICLES = _search_articles(_hits("articles", "id", "articles", window=True))
SEARCH_ARTICLES_ALL = _search_articles(_hits("articles", "id", "articles", window=False))

# --- entities -----------------------------------------------------------------------------------
FIND_ENTITY_BY_ALIAS = """
SELECT e.id, e.country_code FROM entity_aliases al JOIN entities e ON e.id = al.entity_id
WHERE al.norm IN (SELECT jsonb_array_elements_text(CAST(:norms AS jsonb))) AND e.kind = :kind
ORDER BY e.id LIMIT 1"""
INSERT_ALIAS = """
INSERT INTO entity_aliases (entity_id, alias, norm) VALUES (:entity_id, :alias, :norm)
ON CONFLICT DO NOTHING"""
INSERT_MENTION = """
INSERT INTO mentions (article_id, entity_id) VALUES (:article_id, :entity_id)
ON CONFLICT DO NOTHING"""
# Chat autocomplete: names whose aliases start with what was typed, a range of migration 0017's
# index in byte order (the C collation, whatever the database's: the range SQLite reads), and
# those holding it further in (pg_trgm, migration 0015), any of them.
NAMES_STARTING = """
SELECT e.name, e.kind FROM entity_aliases al JOIN entities e ON e.id = al.entity_id
WHERE al.norm COLLATE "C" >= :low AND al.norm COLLATE "C" < :high
  AND (CAST(:kind AS text) IS NULL OR e.kind = :kind)
ORDER BY al.norm COLLATE "C", al.entity_id LIMIT :limit"""
NAMES_CONTAINING = """
SELECT e.name, e.kind FROM (
    SELECT entity_id, seq FROM entity_aliases
    WHERE norm LIKE '%' || replace(CAST(:piece AS text), '_', '\\_') || '%' LIMIT :limit) al
JOIN entities e ON e.id = al.entity_id
ORDER BY al.seq"""

# A typo's candidates (bot.answer.entity_match): for each pair of pieces (JSON lists `firsts` and
# `seconds`), the aliases that contain both, from the trigram index of migration 0015 (pg_trgm
# reads `LIKE '%piece%'`), the first `limit` in the table's order: aliases are never updated or
# deleted, so that is the order they were stored in, as SQLite's rowid gives (an ORDER BY seq
# would read and recheck every match: 18 ms for a common piece at 1,000,000 articles, against 3).
# `_` in a piece is a letter, not LIKE's wildcard (norms hold no `%`). One statement for every
# pair (a lateral subquery each): one plan and one round trip instead of one per pair.
ENTITY_TYPO_CANDIDATES = """
SELECT c.entity_id, e.kind, c.norm
FROM ROWS FROM (jsonb_array_elements_text(CAST(:firsts AS jsonb)),
                jsonb_array_elements_text(CAST(:seconds AS jsonb))) WITH ORDINALITY p(a, b, n)
CROSS JOIN LATERAL (
    SELECT entity_id, norm, seq FROM entity_aliases
    WHERE norm LIKE '%' || replace(p.a, '_', '\\_') || '%'
      AND norm LIKE '%' || replace(p.b, '_', '\\_') || '%'
    LIMIT :limit) c
JOIN entities e ON e.id = c.entity_id
ORDER BY p.n, c.seq"""
# A typo's candidates stored as runs of the typed name's words (a name inside the typed one).
ENTITY_TYPO_WORDS = """
SELECT al.entity_id, e.kind, al.norm FROM entity_aliases al JOIN entities e ON e.id = al.entity_id
WHERE al.norm IN (SELECT jsonb_array_elements_text(CAST(:norms AS jsonb)))
ORDER BY al.seq LIMIT :limit"""
# The matcher's surname lookup (migration 0013's index).
ENTITY_BY_SURNAME = """
SELECT e.id, e.name, e.kind, al.norm FROM entity_aliases al JOIN entities e ON e.id = al.entity_id
WHERE regexp_replace(al.norm, '^.* ', '') = :norm AND strpos(al.norm, ' ') > 0
  AND e.kind = 'person'
ORDER BY al.entity_id LIMIT 1"""


def _capped(select_from: str) -> str:
    """A total that stops counting at :count_limit rows (`bot.store.store.COUNT_CAP`): an exact
    count of a common filter reads every matching row, so its cost would grow with the archive."""
    return f"SELECT count(*) FROM (SELECT 1 {select_from}\nLIMIT :count_limit) capped"


# --- statements ---------------------------------------------------------------------------------
SIMILAR_STATEMENT_CANDIDATES = r"""
SELECT id, content FROM statements
WHERE speaker_entity_id IS NOT DISTINCT FROM CAST(:speaker_entity_id AS bigint)
  AND (CAST(:date AS text) IS NULL OR date IS NULL
       OR (date ~ '^\d{4}-\d{2}-\d{2}$' AND CAST(:date AS text) ~ '^\d{4}-\d{2}-\d{2}$'
           AND abs(CAST(date AS date) - CAST(:date AS date)) <= 2))
ORDER BY id DESC LIMIT 200"""
# Another outlet's report of a stored statement: the statement is as sure as its surest report.
RAISE_STATEMENT_CONFIDENCE = """
UPDATE statements SET confidence = greatest(confidence, :confidence) WHERE id = :id"""
INSERT_STATEMENT_SOURCE = """
INSERT INTO statement_sources (statement_id, article_id, evidence, content_start, content_end,
                               speaker_text)
VALUES (:statement_id, :article_id, :evidence, :content_start, :content_end, :speaker_text)
ON CONFLICT DO NOTHING"""

_STATEMENT_FILTERS = """
  AND (CAST(:speaker_ids AS jsonb) IS NULL OR st.speaker_entity_id IN (
        SELECT CAST(jsonb_array_elements_text(CAST(:speaker_ids AS jsonb)) AS bigint)))
  AND (CAST(:named_only AS integer) = 0 OR st.speaker IS NOT NULL)
  AND st.confidence >= CAST(:min_confidence AS double precision)
  AND (CAST(:since AS text) IS NULL OR coalesce(st.date, '') >= :since)
  AND (CAST(:until AS text) IS NULL OR coalesce(st.date, '9999') <= :until)
  AND (CAST(:seen_since AS text) IS NULL OR st.first_seen > :seen_since)
  AND (CAST(:seen_until AS text) IS NULL OR st.first_seen <= :seen_until)"""
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
    """A page of ranked candidates, each row with how many pass the filters (as on SQLite)."""
    return (
        hits
        + """,
page AS (
    SELECT hits.id, (SELECT count(*) FROM words WHERE hits.fts @@ words.q) AS words,
           length(st.content) AS size, coalesce(st.date, '') AS newest,
           count(*) OVER () AS total
    FROM hits JOIN statements st ON st.id = hits.id
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


SEARCH_STATEMENTS = _search_statements(_hits("statements", "id", "statements", window=True))
SEARCH_STATEMENTS_ALL = _search_statements(_hits("statements", "id", "statements", window=False))
# The same list and count when speakers are given, driven from the speaker index (CROSS JOIN fixes
# the join order on SQLite) instead of scanning every statement newest first: same rows, order.
_FROM_SPEAKERS = """
FROM (SELECT DISTINCT CAST(jsonb_array_elements_text(CAST(:speaker_ids AS jsonb)) AS bigint)
      AS value) sp
JOIN statements st ON st.speaker_entity_id = sp.value
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
    + "\nWHERE st.speaker_entity_id = CAST(:speaker_id AS bigint)"
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
WHERE ss.statement_id IN (SELECT CAST(jsonb_array_elements_text(CAST(:ids AS jsonb)) AS bigint))
ORDER BY a.published, a.id"""

# --- events -------------------------------------------------------------------------------------
# Every report of the candidate events, in ingest order (a cluster's members and their order).
CLUSTER_REPORTS = (
    _REPORT_COLUMNS
    + """
WHERE r.event_id IN (SELECT CAST(jsonb_array_elements_text(CAST(:ids AS jsonb)) AS bigint))
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
WHERE CAST(:ids AS jsonb) IS NULL
   OR r.event_id IN (SELECT CAST(jsonb_array_elements_text(CAST(:ids AS jsonb)) AS bigint))
ORDER BY r.id"""
# Events of one report from another article naming one of :ids (people whose country was just
# learned): the report and its event, newest first.
LONE_REPORTS_NAMING = """
SELECT min(r.id), p.event_id FROM event_participants p
JOIN event_reports r ON r.event_id = p.event_id
WHERE p.country_code IS NULL
  AND p.entity_id IN (SELECT CAST(jsonb_array_elements_text(CAST(:ids AS jsonb)) AS bigint))
GROUP BY p.event_id
HAVING count(DISTINCT r.id) = 1 AND min(r.article_id) <> :article_id
ORDER BY p.event_id DESC
LIMIT :limit"""
# The country each participant's entity is known to belong to (a person counts as their country),
# for the persons an article names without saying where they are from.
ENTITY_COUNTRY_CODES = """
SELECT id, country_code FROM entities
WHERE id IN (SELECT CAST(jsonb_array_elements_text(CAST(:ids AS jsonb)) AS bigint))
  AND country_code IS NOT NULL"""
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
WHERE (CAST(:sides AS jsonb) IS NULL
       OR NOT EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = c.id)
       OR EXISTS (
           SELECT 1 FROM event_participants p LEFT JOIN entities e ON e.id = p.entity_id
           WHERE p.event_id = c.id
             AND (coalesce(p.country_code, e.country_code) IN (
                      SELECT jsonb_array_elements_text(CAST(:sides AS jsonb)))
                  OR p.entity_id IN (
                      SELECT CAST(jsonb_array_elements_text(CAST(:entity_ids AS jsonb))
                                  AS bigint)))))
ORDER BY c.id DESC
LIMIT :limit"""
# The next id after the largest, as SQLite gives an INTEGER PRIMARY KEY: writers hold the write
# lock, so no two take the same; after `reindex` empties the table, ids start from 1 again.
INSERT_EVENT = """
INSERT INTO events (id, type, kind, mode, date, date_precision, status, location_name,
                    location_country_code, location_detail, topics, excluded_topics, outcome,
                    content, confidence, disputed, first_seen, updated_at)
VALUES ((SELECT coalesce(max(id), 0) + 1 FROM events),
        :type, :kind, :mode, :date, :date_precision, :status, :location_name,
        :location_country_code, :location_detail, :topics, :excluded_topics, :outcome,
        :content, :confidence, :disputed, :now, :now)
RETURNING id"""
INSERT_EVENT_PARTICIPANT = """
INSERT INTO event_participants (event_id, entity_id, name, kind, country_code)
VALUES (:event_id, :entity_id, :name, :kind, :country_code)
ON CONFLICT DO NOTHING"""
INSERT_EVENT_SOURCE = """
INSERT INTO event_sources (event_id, article_id, evidence, evidence_start, evidence_end,
                           claimed_status, claimed_date, claimed_date_precision, claimed_location)
VALUES (:event_id, :article_id, :evidence, :evidence_start, :evidence_end,
        :claimed_status, :claimed_date, :claimed_date_precision, :claimed_location)
ON CONFLICT DO NOTHING"""
EVENT_FTS_TEXT = """
SELECT string_agg(evidence, ' ') FROM (SELECT DISTINCT evidence FROM event_reports
                                      WHERE event_id = :id) r"""
DELETE_EVENT_FTS = "DELETE FROM events_fts WHERE event_id = :id"
INSERT_EVENT_FTS = "INSERT INTO events_fts (event_id, topics, text) VALUES (:id, :topics, :text)"

# Every entity id in :entity_ids must take part (participants of "talks between X and Y"). The
# matching events are found once from the participants index (not by a subquery per event).
# A place is the event's own location by name, or, when :place_code is a country's code, any
# location in that country: extraction stores a city's country with it, so Istanbul counts for
# Turkey while a city never stands for its whole country.
_EVENT_FILTERS = """
  AND (CAST(:types AS jsonb) IS NULL
       OR ev.type IN (SELECT jsonb_array_elements_text(CAST(:types AS jsonb))))
  AND (CAST(:kinds AS jsonb) IS NULL
       OR ev.kind IN (SELECT jsonb_array_elements_text(CAST(:kinds AS jsonb))))
  AND (CAST(:statuses AS jsonb) IS NULL
       OR ev.status IN (SELECT jsonb_array_elements_text(CAST(:statuses AS jsonb))))
  AND ev.confidence >= CAST(:min_confidence AS double precision)
  AND (CAST(:entity_ids AS jsonb) IS NULL OR ev.id IN (
        SELECT p.event_id FROM event_participants p
        WHERE p.entity_id IN (
            SELECT CAST(jsonb_array_elements_text(CAST(:entity_ids AS jsonb)) AS bigint))
        GROUP BY p.event_id
        HAVING count(DISTINCT p.entity_id) = jsonb_array_length(CAST(:entity_ids AS jsonb))))
  AND (CAST(:since AS text) IS NULL OR coalesce(ev.date, '') >= :since)
  AND (CAST(:until AS text) IS NULL OR coalesce(ev.date, '9999') <= :until)
  AND (CAST(:place_name AS text) IS NULL OR lower(ev.location_name) = lower(:place_name)
       OR ev.location_country_code = CAST(:place_code AS text))
  AND (CAST(:seen_since AS text) IS NULL OR ev.updated_at > :seen_since)
  AND (CAST(:seen_until AS text) IS NULL OR ev.first_seen <= :seen_until)"""
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
    SELECT hits.id, (SELECT count(*) FROM words WHERE hits.fts @@ words.q) AS words,
           (SELECT length(f.text) FROM events_fts f WHERE f.event_id = hits.id) AS size,
           coalesce(ev.date, '') AS newest, count(*) OVER () AS total
    FROM hits JOIN events ev ON ev.id = hits.id
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


SEARCH_EVENTS = _search_events(_hits("events_fts", "event_id", "events", window=True))
SEARCH_EVENTS_ALL = _search_events(_hits("events_fts", "event_id", "events", window=False))
# The same list and count when participants are given, driven from the participants index.
_FROM_PARTICIPANTS = """
FROM (SELECT p.event_id FROM event_participants p
      WHERE p.entity_id IN (
          SELECT CAST(jsonb_array_elements_text(CAST(:entity_ids AS jsonb)) AS bigint))
      GROUP BY p.event_id
      HAVING count(DISTINCT p.entity_id) = jsonb_array_length(CAST(:entity_ids AS jsonb))) pe
JOIN events ev ON ev.id = pe.event_id
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
JOIN events ev ON ev.id = page.id
ORDER BY page.newest DESC, ev.id DESC"""
)
# Events with every one of :all_ids taking part, driven from one participant's (:lead, the one in
# the fewest events) index of its events newest first (event_participants_entity_newest, migration
# 0011: each participant row carries its event's sort key), so a page reads its rows and stops:
# the same rows in the same order as LIST_EVENTS_BY_PARTICIPANTS. :entity_ids is passed as NULL.
_FROM_LEAD_PARTICIPANT = """
FROM event_participants p JOIN events ev ON ev.id = p.event_id
WHERE p.entity_id = CAST(:lead AS bigint)
  AND NOT EXISTS (SELECT 1 FROM event_participants q
                  WHERE q.event_id = p.event_id AND q.entity_id = p.entity_id AND q.seq < p.seq)
  AND NOT EXISTS (
      SELECT 1 FROM jsonb_array_elements_text(CAST(:all_ids AS jsonb)) AS x(id)
      WHERE NOT EXISTS (SELECT 1 FROM event_participants q
                        WHERE q.event_id = p.event_id AND q.entity_id = CAST(x.id AS bigint)))"""
LIST_EVENTS_BY_LEAD = (
    _EVENT_COLUMNS
    + _FROM_LEAD_PARTICIPANT
    + _EVENT_FILTERS
    + """
ORDER BY p.event_newest DESC, p.event_id DESC
LIMIT :limit OFFSET :offset"""
)
COUNT_EVENTS_BY_LEAD = _capped(_FROM_LEAD_PARTICIPANT + _EVENT_FILTERS)
# Events with both :lo and :hi taking part, newest first from the pair index (migration 0012).
_FROM_PAIR = """
FROM event_pairs pr JOIN events ev ON ev.id = pr.event_id
WHERE pr.entity_lo = CAST(:lo AS bigint) AND pr.entity_hi = CAST(:hi AS bigint)"""
LIST_EVENTS_BY_PAIR = (
    _EVENT_COLUMNS
    + _FROM_PAIR
    + _EVENT_FILTERS
    + """
ORDER BY pr.event_newest DESC, pr.event_id DESC
LIMIT :limit OFFSET :offset"""
)
COUNT_EVENTS_BY_PAIR = _capped(_FROM_PAIR + _EVENT_FILTERS)
EVENT_PARTICIPANTS = """
SELECT event_id, name, kind, country_code FROM event_participants
WHERE event_id IN (SELECT CAST(jsonb_array_elements_text(CAST(:ids AS jsonb)) AS bigint))
ORDER BY event_id, seq"""
EVENT_SOURCES = """
SELECT es.event_id, es.evidence, es.evidence_start, es.evidence_end,
       es.claimed_status, es.claimed_date, es.claimed_date_precision, es.claimed_location,
       a.title, s.name AS source, a.url, a.published
FROM event_sources es JOIN articles a ON a.id = es.article_id
LEFT JOIN sources s ON s.id = a.source_id
WHERE es.event_id IN (SELECT CAST(jsonb_array_elements_text(CAST(:ids AS jsonb)) AS bigint))
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
_IDS = "SELECT CAST(jsonb_array_elements_text(CAST(:ids AS jsonb)) AS bigint)"
EVENTS_BY_ID = _EVENT_COLUMNS + f"\nFROM events ev WHERE ev.id IN ({_IDS})"
STATEMENTS_BY_ID = _STATEMENT_COLUMNS + f"\nFROM statements st WHERE st.id IN ({_IDS})"

# --- scheduled briefings: subscriptions ---------------------------------------------------------
FIND_SAME_SUBSCRIPTION = (
    _SUBSCRIPTION_COLUMNS
    + """
WHERE s.platform = :platform AND s.workspace = :workspace AND s.channel = :channel
  AND s.cron = :cron AND s.timezone = :timezone
  AND s.topic IS NOT DISTINCT FROM CAST(:topic AS text)
LIMIT 1"""
)

# --- scheduled briefings: the delivery log ------------------------------------------------------
TAKE_OVER_DELIVERY = """
UPDATE deliveries SET owner = :owner, lease_until = :lease_until, updated_at = :now
WHERE id = :id AND state = 'pending'
  AND owner IS NOT DISTINCT FROM CAST(:previous_owner AS text)"""

# --- registered feeds ---------------------------------------------------------------------------
# Replicas: a due feed is polled by one process. It claims the feed with a session advisory lock
# (key class 17001, the feed's id), reads it again to see that it is still due (another process
# may have polled it since the list was read), and releases it once the poll is recorded; a
# process that dies releases its claims with its connection.
CLAIM_FEED = "SELECT pg_try_advisory_lock(17001, CAST(:id AS integer))"
DUE_FEED = _FEED_COLUMNS + "\nWHERE id = :id AND next_poll_at <= :now"
RELEASE_FEED = "SELECT pg_advisory_unlock(17001, CAST(:id AS integer))"
RELEASE_FEED_CLAIMS = "SELECT pg_advisory_unlock_all()"

# --- watches: saved queries that alert a channel (bot/watch) ------------------------------------
FIND_SAME_WATCH = (
    _WATCH_COLUMNS
    + """
WHERE w.platform = :platform AND w.workspace = :workspace AND w.channel = :channel
  AND w.filter = :filter
  AND w.min_confidence IS NOT DISTINCT FROM CAST(:min_confidence AS double precision)
  AND w.max_per_hour IS NOT DISTINCT FROM CAST(:max_per_hour AS integer)
  AND w.quiet_hours IS NOT DISTINCT FROM CAST(:quiet_hours AS text) AND w.timezone = :timezone
LIMIT 1"""
)
ACTIVE_WATCHES = (
    _WATCH_COLUMNS
    + "\nWHERE w.state = 'active'"
    + " AND w.platform IN (SELECT jsonb_array_elements_text(CAST(:platforms AS jsonb)))"
    + " ORDER BY w.id"
)
# Resumed from the newest ingest: what was ingested while it was paused does not alert.
RESUME_WATCH = """
UPDATE watches SET state = 'active', paused_reason = NULL, notify_creator = 0,
    seen_until = greatest(seen_until, :seen_until)
WHERE id = :id"""
# The answers' own filters, on the touched facts only. An event is known to the alert log by its
# first report, which `briefbot reindex` keeps (event ids it renumbers).
WATCH_EVENTS = (
    _EVENT_COLUMNS
    + f""",
       (SELECT min(r.id) FROM event_reports r WHERE r.event_id = ev.id) AS anchor
FROM events ev
WHERE ev.id IN (SELECT CAST(jsonb_array_elements_text(CAST(:ids AS jsonb)) AS bigint))
  AND (CAST(:match AS text) IS NULL
       OR ev.id IN (SELECT event_id FROM events_fts WHERE fts @@ {_QUERY}))"""
    + _EVENT_FILTERS
    + "\nORDER BY ev.id"
)
WATCH_STATEMENTS = (
    _STATEMENT_COLUMNS
    + f"""
FROM statements st
WHERE st.id IN (SELECT CAST(jsonb_array_elements_text(CAST(:ids AS jsonb)) AS bigint))
  AND (CAST(:match AS text) IS NULL OR st.fts @@ {_QUERY})"""
    + _STATEMENT_FILTERS
    + "\nORDER BY st.id"
)

# --- watches: the alert log ---------------------------------------------------------------------
WATCHES_WITH_HELD_ALERTS = """
SELECT DISTINCT a.watch_id FROM watch_alerts a JOIN watches w ON w.id = a.watch_id
WHERE a.state = 'held' AND w.state = 'active'
  AND w.platform IN (SELECT jsonb_array_elements_text(CAST(:platforms AS jsonb)))"""
OPEN_ALERTS = (
    _ALERT_COLUMNS
    + """
WHERE state = 'pending'
  AND watch_id IN (SELECT id FROM watches WHERE platform IN (
        SELECT jsonb_array_elements_text(CAST(:platforms AS jsonb))))
ORDER BY id"""
)
# Counted before the send; also how a post left by a dead process is adopted (owner must match).
START_POST_ATTEMPT = """
UPDATE watch_alerts SET attempts = attempts + 1, owner = :owner, lease_until = :lease_until,
    updated_at = :now
WHERE post = :post AND state = 'pending'
  AND owner IS NOT DISTINCT FROM CAST(:previous_owner AS text)"""

# --- state shared by replicas: command budgets and `more` (migration 0016) ---------------------
# One statement each, so atomic without the write lock: concurrent upserts of one bucket wait for
# each other's row lock and each sees the other's result (ON CONFLICT DO UPDATE re-reads the row).
_NOW = (
    "coalesce(CAST(:now AS double precision),"
    " CAST(extract(epoch FROM clock_timestamp()) AS double precision))"
)
_REFILLED = (
    "least(CAST(:burst AS double precision), rate_buckets.tokens"
    " + greatest(0.0, excluded.updated - rate_buckets.updated) * CAST(:rate AS double precision))"
)
TAKE_TOKEN = f"""
INSERT INTO rate_buckets (platform, workspace, user_id, tokens, updated, refused)
VALUES (:platform, :workspace, :user_id, CAST(:burst AS double precision) - 1.0, {_NOW}, 0)
ON CONFLICT (platform, workspace, user_id) DO UPDATE SET
    tokens = CASE WHEN {_REFILLED} >= 1.0 THEN {_REFILLED} - 1.0 ELSE {_REFILLED} END,
    refused = CASE WHEN {_REFILLED} >= 1.0 THEN 0 ELSE rate_buckets.refused + 1 END,
    updated = greatest(rate_buckets.updated, excluded.updated)
RETURNING tokens, refused"""
DROP_IDLE_BUCKETS = (
    f"DELETE FROM rate_buckets WHERE updated < {_NOW} - CAST(:idle AS double precision)"
)
REMEMBER_PAGE = f"""
INSERT INTO paging (platform, workspace, channel, query, page_offset, updated)
VALUES (:platform, :workspace, :channel, :query, :page_offset, {_NOW})
ON CONFLICT (platform, workspace, channel) DO UPDATE SET
    query = excluded.query, page_offset = excluded.page_offset, updated = excluded.updated"""
NEXT_PAGE = f"""
UPDATE paging SET page_offset = page_offset + :step, updated = {_NOW}
WHERE platform = :platform AND workspace = :workspace AND channel = :channel
RETURNING query, page_offset"""
FORGET_OLD_PAGES = f"DELETE FROM paging WHERE updated < {_NOW} - CAST(:idle AS double precision)"

# --- commands acknowledged and not yet answered (migration 0018, bot.store.held_commands) -------
_LEASE = "CAST(:lease AS double precision)"
HOLD_COMMAND = f"""
INSERT INTO held_commands (platform, payload, owner, received, lease_until)
VALUES (:platform, :payload, :owner, {_NOW}, {_NOW} + {_LEASE})
RETURNING id"""
RELEASE_COMMAND = "DELETE FROM held_commands WHERE id = :id"
# Another process's commands, with the database's time to judge their leases by.
OTHERS_HELD_COMMANDS = f"""
SELECT id, platform, payload, owner, received, lease_until, attempts, {_NOW} AS now
FROM held_commands WHERE platform = :platform AND owner <> :owner AND id > :after
ORDER BY id LIMIT :limit"""
# Taken over only from the owner the caller saw: of two processes taking one command, one wins.
TAKE_OVER_COMMAND = f"""
UPDATE held_commands SET owner = :owner, lease_until = {_NOW} + {_LEASE}, attempts = attempts + 1
WHERE id = :id AND owner = :previous"""
FORGET_OLD_COMMANDS = (
    "DELETE FROM held_commands WHERE platform = :platform"
    f" AND received < {_NOW} - CAST(:max_age AS double precision)"
)

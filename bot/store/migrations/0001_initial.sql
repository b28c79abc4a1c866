-- Sources (outlets and feeds), articles, entities, statements, events and their links.
CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    source_id      INTEGER REFERENCES sources(id),
    title          TEXT NOT NULL,
    author         TEXT,
    url            TEXT,
    canonical_url  TEXT UNIQUE,
    content_hash   TEXT NOT NULL UNIQUE,
    published      TEXT,
    language       TEXT,
    origin         TEXT,
    text           TEXT NOT NULL,
    ingested_at    TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_ingested_at ON articles(ingested_at);

CREATE TABLE entities (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    title         TEXT,
    country       TEXT,
    country_code  TEXT,
    updated_at    TEXT NOT NULL
);
CREATE INDEX entities_kind ON entities(kind);

CREATE TABLE entity_aliases (
    entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias      TEXT NOT NULL,
    norm       TEXT NOT NULL,
    PRIMARY KEY (entity_id, norm)
);
CREATE INDEX entity_aliases_norm ON entity_aliases(norm);

CREATE TABLE mentions (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE statements (
    id                 INTEGER PRIMARY KEY,
    key                TEXT NOT NULL UNIQUE,
    speaker_entity_id  INTEGER REFERENCES entities(id),
    speaker            TEXT,
    speaker_text       TEXT NOT NULL,
    speaker_kind       TEXT,
    speaker_title      TEXT,
    speaker_country    TEXT,
    verb               TEXT NOT NULL,
    content            TEXT NOT NULL,
    quote              TEXT NOT NULL,
    date               TEXT,
    first_seen         TEXT NOT NULL
);
CREATE INDEX statements_date ON statements(date);
CREATE INDEX statements_newest ON statements(coalesce(date, '') DESC, id);
CREATE INDEX statements_speaker ON statements(speaker_entity_id, date);
CREATE INDEX statements_first_seen ON statements(first_seen);

CREATE TABLE statement_sources (
    statement_id   INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    evidence       TEXT NOT NULL,
    content_start  INTEGER NOT NULL,
    content_end    INTEGER NOT NULL,
    speaker_text   TEXT NOT NULL,
    PRIMARY KEY (statement_id, article_id)
);
CREATE INDEX statement_sources_article ON statement_sources(article_id);

CREATE TABLE events (
    id                     INTEGER PRIMARY KEY,
    type                   TEXT NOT NULL,
    kind                   TEXT NOT NULL,
    mode                   TEXT,
    date                   TEXT,
    date_precision         TEXT,
    status                 TEXT,
    location_name          TEXT,
    location_country_code  TEXT,
    location_detail        TEXT,
    topics                 TEXT NOT NULL DEFAULT '[]',
    excluded_topics        TEXT NOT NULL DEFAULT '[]',
    outcome                TEXT,
    content                TEXT,
    first_seen             TEXT NOT NULL,
    updated_at             TEXT NOT NULL
);
CREATE INDEX events_type_date ON events(type, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_newest ON events(coalesce(date, '') DESC, id DESC);
CREATE INDEX events_type_newest ON events(type, coalesce(date, '') DESC, id DESC);
CREATE INDEX events_first_seen ON events(first_seen);

CREATE TABLE event_participants (
    event_id      INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    entity_id     INTEGER REFERENCES entities(id),
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    country_code  TEXT,
    PRIMARY KEY (event_id, name)
);
CREATE INDEX event_participants_entity ON event_participants(entity_id);

CREATE TABLE event_sources (
    event_id        INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    evidence        TEXT NOT NULL,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    -- What this source said, so that disagreements between sources can be shown side by side.
    claimed_status    TEXT,
    claimed_date      TEXT,
    claimed_location  TEXT,
    PRIMARY KEY (event_id, article_id)
);
CREATE INDEX event_sources_article ON event_sources(article_id);

-- Full-text search over article text and statement content (external content tables).
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE VIRTUAL TABLE statements_fts USING fts5(
    content, speaker, content='statements', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, content, speaker) VALUES (new.id, new.content, coalesce(new.speaker, new.speaker_text));
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, content, speaker)
    VALUES ('delete', old.id, old.content, coalesce(old.speaker, old.speaker_text));
END;

-- Events change as sources are merged in, so their index keeps its own copy (rowid = event id).
CREATE VIRTUAL TABLE events_fts USING fts5(
    topics, text, tokenize='porter unicode61 remove_diacritics 2'
);

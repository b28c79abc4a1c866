-- Watches (issue 19): a channel is told the moment an ingested article adds or changes a fact
-- matching a saved query, through a durable alert log so restarts lose and repeat nothing.

CREATE TABLE watches (
    id              INTEGER PRIMARY KEY,
    platform        TEXT NOT NULL,                -- slack | discord
    workspace       TEXT NOT NULL,                -- Slack team id, Discord guild id
    channel         TEXT NOT NULL,
    created_by      TEXT NOT NULL,                -- platform user id of the admin who made it
    query           TEXT NOT NULL,                -- the filter as typed: "talks with Lavrov"
    filter          TEXT NOT NULL,                -- the same, parsed once: bot.answer.query.Query as JSON
    min_confidence  REAL,                         -- a threshold above BRIEFBOT_MIN_CONFIDENCE, or NULL
    max_per_hour    INTEGER,                      -- NULL: BRIEFBOT_WATCH_MAX_PER_HOUR
    quiet_hours     TEXT,                         -- "22:00-07:00", or NULL: BRIEFBOT_WATCH_QUIET_HOURS
    timezone        TEXT NOT NULL,                -- of the quiet hours
    state           TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused')),
    paused_reason   TEXT,
    notify_creator  INTEGER NOT NULL DEFAULT 0,   -- 1: paused by a failure, creator not told yet
    created_at      TEXT NOT NULL,
    -- The newest article ingest stamp already checked against this watch: a pass reads the
    -- articles stamped after it, so nothing ingested while `run` was down is lost.
    seen_until      TEXT NOT NULL
);
CREATE INDEX watches_place ON watches(platform, workspace, channel);
CREATE INDEX watches_state ON watches(state);
CREATE INDEX watches_notify ON watches(platform, workspace, created_by) WHERE notify_creator = 1;

-- One row per (watch, fact, version of the fact's shown fields), written and committed before
-- anything is sent: whoever inserts it owns the alert, so every pass, process and restart after
-- it finds the row and posts nothing again.
CREATE TABLE watch_alerts (
    id           INTEGER PRIMARY KEY,
    watch_id     INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
    fact         TEXT NOT NULL,                   -- "event:<first report id>" | "statement:<id>"
    fingerprint  TEXT NOT NULL,                   -- hash of the fields the alert shows
    kind         TEXT NOT NULL CHECK (kind IN ('new', 'update')),
    state        TEXT NOT NULL CHECK (state IN ('held', 'pending', 'sent', 'failed')),
    item         TEXT NOT NULL,                   -- the alert's item as JSON, as it was claimed
    reply_to     TEXT,                            -- the first alert's message: updates reply to it
    post         TEXT,                            -- rows sent as one message share this token
    owner        TEXT,                            -- host:pid:nonce of the process sending it
    lease_until  TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0,
    message_id   TEXT,
    reason       TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    sent_at      TEXT,
    UNIQUE (watch_id, fact, fingerprint)
);
CREATE INDEX watch_alerts_fact ON watch_alerts(watch_id, fact, id);
CREATE INDEX watch_alerts_open ON watch_alerts(state, watch_id) WHERE state IN ('held', 'pending');
CREATE INDEX watch_alerts_recent ON watch_alerts(watch_id, sent_at);
CREATE INDEX watch_alerts_post ON watch_alerts(post);

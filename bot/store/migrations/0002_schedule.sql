-- Scheduled briefings: subscriptions, the durable delivery log, and registered feeds.

CREATE TABLE subscriptions (
    id             INTEGER PRIMARY KEY,
    platform       TEXT NOT NULL,                 -- slack | discord
    workspace      TEXT NOT NULL,                 -- Slack team id, Discord guild id
    channel        TEXT NOT NULL,
    created_by     TEXT NOT NULL,                 -- platform user id of the admin who made it
    cron           TEXT NOT NULL,                 -- five-field cron, evaluated in `timezone`
    rule           TEXT NOT NULL,                 -- how it was asked for, for listing
    timezone       TEXT NOT NULL,
    topic          TEXT,
    state          TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused')),
    paused_reason  TEXT,
    notify_creator INTEGER NOT NULL DEFAULT 0,    -- 1: paused by a failure, creator not told yet
    created_at     TEXT NOT NULL,                 -- UTC ISO 8601
    active_since   TEXT NOT NULL                  -- created or last resumed: no slot before it posts
);
CREATE INDEX subscriptions_place ON subscriptions(platform, workspace, channel);
CREATE INDEX subscriptions_state ON subscriptions(state);
CREATE INDEX subscriptions_notify ON subscriptions(platform, workspace, created_by)
    WHERE notify_creator = 1;

-- One row per (subscription, slot), written and committed before anything is sent.
CREATE TABLE deliveries (
    id               INTEGER PRIMARY KEY,
    subscription_id  INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
    slot_time        TEXT NOT NULL,               -- UTC ISO 8601 of the cron slot
    state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    window_start     TEXT NOT NULL,               -- what was ingested after this ...
    window_end       TEXT NOT NULL,               -- ... and up to this (both UTC ISO 8601)
    owner            TEXT,                        -- host:pid:nonce of the process sending it
    lease_until      TEXT,                        -- wall clock after which another may take over
    attempts         INTEGER NOT NULL DEFAULT 0,
    message_id       TEXT,
    reason           TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    sent_at          TEXT,
    UNIQUE (subscription_id, slot_time)
);
CREATE INDEX deliveries_pending ON deliveries(state) WHERE state = 'pending';
CREATE INDEX deliveries_last_sent ON deliveries(subscription_id, state, slot_time);

CREATE TABLE feeds (
    id             INTEGER PRIMARY KEY,
    url            TEXT NOT NULL UNIQUE,
    added_by       TEXT,
    etag           TEXT,
    last_modified  TEXT,
    next_poll_at   TEXT NOT NULL,                 -- UTC ISO 8601
    failures       INTEGER NOT NULL DEFAULT 0,
    last_error     TEXT,
    last_polled_at TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX feeds_due ON feeds(next_poll_at);

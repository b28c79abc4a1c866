-- Feed registrations belong to the workspace that made them: the same URL registered in two
-- workspaces is two registrations, each with its own number, schedule and last error, so one
-- workspace learns nothing of another's (each is polled; the store keeps every article once).
-- Discord DMs are keyed by user ('dm:<user id>'), not one shared 'dm' workspace.
CREATE TABLE feeds_by_workspace (
    id             INTEGER PRIMARY KEY,
    url            TEXT NOT NULL,
    platform       TEXT NOT NULL DEFAULT '',       -- slack | discord; '' when no chat added it
    workspace      TEXT NOT NULL DEFAULT '',       -- Slack team, Discord guild, or dm:<user id>
    added_by       TEXT,                           -- platform:workspace:user
    etag           TEXT,
    last_modified  TEXT,
    next_poll_at   TEXT NOT NULL,                  -- UTC ISO 8601
    failures       INTEGER NOT NULL DEFAULT 0,
    last_error     TEXT,                           -- a category: unreachable | not a feed | refused address
    last_polled_at TEXT,
    created_at     TEXT NOT NULL,
    UNIQUE (platform, workspace, url)
);

-- added_by was 'platform:workspace:user', workspace ids having no colon (a DM was 'dm').
INSERT INTO feeds_by_workspace (id, url, platform, workspace, added_by, etag, last_modified,
                                next_poll_at, failures, last_error, last_polled_at, created_at)
SELECT id, url,
       CASE WHEN added_by LIKE '%:%:%' THEN substr(added_by, 1, instr(added_by, ':') - 1) ELSE '' END,
       CASE
           WHEN added_by LIKE 'discord:dm:%' THEN substr(added_by, length('discord:') + 1)
           WHEN added_by LIKE '%:%:%' THEN substr(
               substr(added_by, instr(added_by, ':') + 1), 1,
               instr(substr(added_by, instr(added_by, ':') + 1), ':') - 1)
           ELSE ''
       END,
       added_by, etag, last_modified, next_poll_at, failures, last_error, last_polled_at, created_at
FROM feeds;

DROP TABLE feeds;
ALTER TABLE feeds_by_workspace RENAME TO feeds;
CREATE INDEX feeds_due ON feeds(next_poll_at);
CREATE INDEX feeds_workspace ON feeds(platform, workspace);

UPDATE subscriptions SET workspace = 'dm:' || created_by
WHERE platform = 'discord' AND workspace = 'dm';

-- State that must be the same whichever replica a request reaches (issue 17): each user's command
-- budget (bot.ratelimit.StoreRateLimiter) and where typed `more` continues in each channel
-- (bot.answer.paging.StorePages). Both are short-lived: rows idle longer than a full refill (or a
-- day, for paging) are deleted by a periodic statement, and losing them only gives a full budget.
-- Times are seconds (epoch from the database's clock, or a clock a test injects).
CREATE TABLE rate_buckets (
    platform TEXT NOT NULL,
    workspace TEXT NOT NULL,
    user_id TEXT NOT NULL,
    tokens REAL NOT NULL,
    updated REAL NOT NULL,
    refused INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (platform, workspace, user_id)
) WITHOUT ROWID;
CREATE TABLE paging (
    platform TEXT NOT NULL,
    workspace TEXT NOT NULL,
    channel TEXT NOT NULL,
    query TEXT NOT NULL,
    page_offset INTEGER NOT NULL,
    updated REAL NOT NULL,
    PRIMARY KEY (platform, workspace, channel)
) WITHOUT ROWID;

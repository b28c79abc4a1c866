-- State that must be the same whichever replica a request reaches (issue 17): each user's command
-- budget (bot.ratelimit.StoreRateLimiter) and where typed `more` continues in each channel
-- (bot.answer.paging.StorePages). Both are short-lived: rows idle longer than a full refill (or a
-- day, for paging) are deleted by a periodic statement, and losing them only gives a full budget.
-- Times are seconds (epoch from the database's clock, or a clock a test injects).
-- UNLOGGED: no WAL for a row rewritten on every command; a crash empties the tables (everybody
-- gets a full budget, `more` asks for a question first), which is all this state is worth.
-- fillfactor: room on each page, so the update of a bucket stays on its page (HOT, no index work).
CREATE UNLOGGED TABLE rate_buckets (
    platform text NOT NULL,
    workspace text NOT NULL,
    user_id text NOT NULL,
    tokens double precision NOT NULL,
    updated double precision NOT NULL,
    refused integer NOT NULL DEFAULT 0,
    PRIMARY KEY (platform, workspace, user_id)
) WITH (fillfactor = 70);
CREATE UNLOGGED TABLE paging (
    platform text NOT NULL,
    workspace text NOT NULL,
    channel text NOT NULL,
    query text NOT NULL,
    page_offset integer NOT NULL,
    updated double precision NOT NULL,
    PRIMARY KEY (platform, workspace, channel)
) WITH (fillfactor = 70);

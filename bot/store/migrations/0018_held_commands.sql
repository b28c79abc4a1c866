-- Commands a chat platform was told were received (Slack's 3-second ack) and whose answer has not
-- gone out yet (issue 17). The process answering one holds it under a lease; when that process is
-- gone (killed, restarted, a replica lost) another takes the command over and answers it, while
-- the platform still accepts a reply (Slack's response_url lasts 30 minutes). `payload` is what
-- the adapter needs to answer (the command's text, who and where, where to reply), never a token.
-- Times are seconds (epoch from the database's clock, or a clock a test injects). SQLite has no
-- 0017: that number is PostgreSQL's own prefix index.
CREATE TABLE held_commands (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    payload TEXT NOT NULL,
    owner TEXT NOT NULL,
    received REAL NOT NULL,
    lease_until REAL NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX held_commands_platform ON held_commands (platform, id);

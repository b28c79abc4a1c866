"""Migration 0009: feeds registered before it keep their numbers and become their workspace's own,
and a Discord DM's subscriptions become their creator's (one shared 'dm' workspace no more)."""

from __future__ import annotations

import sqlite3

import bot.store.database as database
from bot.store.store import Store

NOW = "2025-03-01T08:00:00+00:00"


async def test_feeds_and_dm_subscriptions_move_to_their_own_workspaces(
    tmp_path, monkeypatch
) -> None:
    path = tmp_path / "before.db"
    everything = database.available_migrations()
    monkeypatch.setattr(
        database, "available_migrations", lambda: [m for m in everything if m.version < 9]
    )
    await (await Store.open(path)).close()
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO feeds (url, added_by, next_poll_at, created_at, failures, last_error)"
            " VALUES (?, ?, ?, ?, 1, ?)",
            [
                ("https://a.example/rss", "slack:T1:U1", NOW, NOW, "HTTP 404"),
                ("https://b.example/rss", "discord:dm:42", NOW, NOW, None),
                ("https://c.example/rss", "U0ADMIN", NOW, NOW, None),
            ],
        )
        conn.execute(
            "INSERT INTO subscriptions (platform, workspace, channel, created_by, cron, rule,"
            " timezone, created_at, active_since)"
            " VALUES ('discord', 'dm', '43', '42', '0 8 * * *', 'daily at 08:00', 'UTC', ?, ?)",
            (NOW, NOW),
        )
    monkeypatch.setattr(database, "available_migrations", lambda: everything)
    await (await Store.open(path)).close()
    with sqlite3.connect(path) as conn:
        feeds = conn.execute(
            "SELECT id, platform, workspace, added_by, last_error FROM feeds ORDER BY id"
        ).fetchall()
        [(workspace,)] = conn.execute("SELECT workspace FROM subscriptions").fetchall()
    assert feeds == [
        (1, "slack", "T1", "slack:T1:U1", "HTTP 404"),
        (2, "discord", "dm:42", "discord:dm:42", None),
        (3, "", "", "U0ADMIN", None),
    ]
    assert workspace == "dm:42"

"""`BRIEFBOT_DB` names an SQLite file (a path or `sqlite:///PATH`) or a PostgreSQL database (a
`postgresql://` URL); any other URL is refused at start-up with one line and a non-zero exit,
instead of becoming a new empty file `mysql:`. A PostgreSQL server that cannot be reached is one
line too, without the URL's password, and leaves nothing behind."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from tests.reliability.support import briefbot, cli_env

# Nothing listens on port 1: the connection is refused at once.
POSTGRES = "postgresql://briefbot:hunter2@127.0.0.1:1/briefbot"


@pytest.fixture
def in_empty_folder(tmp_path, monkeypatch) -> Path:
    """The CLI run in an empty folder (no `.env`, nothing a relative BRIEFBOT_DB could hit)."""
    for name in ("BRIEFBOT_DB", "BRIEFBOT_LOG_LEVEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _invoke(db: str, *args: str):
    return CliRunner().invoke(app, list(args), env={"BRIEFBOT_DB": db})


def test_briefbot_ask_with_an_unreachable_postgresql_url_exits_with_one_line_creating_nothing(
    tmp_path,
):
    # A real process: what an operator sees, exit code, stderr and the folder afterwards.
    result = subprocess.run(
        briefbot("ask", "latest talks"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=cli_env(Path("unused"), BRIEFBOT_DB=POSTGRES),
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert "cannot reach database postgresql://briefbot:***@127.0.0.1:1/briefbot" in result.stderr
    assert "hunter2" not in result.stderr  # the URL's password is never echoed
    assert list(tmp_path.iterdir()) == []  # no `postgresql:` file or folder


@pytest.mark.parametrize(
    "args",
    [
        ("ingest", "article.txt"),
        ("run", "slack"),
        ("run", "all"),
        ("deliver",),
        ("reindex",),
        ("demo",),
    ],
)
def test_every_command_using_the_database_says_an_unreachable_postgresql_url_in_one_line(
    in_empty_folder, args
):
    (in_empty_folder / "article.txt").write_text(
        "Talks\n\nThe ministers met in Geneva.\n", encoding="utf-8"
    )
    result = _invoke(POSTGRES, *args)
    assert result.exit_code != 0
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "cannot reach database" in result.stderr and "hunter2" not in result.output
    assert [p.name for p in in_empty_folder.iterdir()] == ["article.txt"]


def test_health_reports_an_unreachable_postgresql_database_as_failed_without_its_password(
    in_empty_folder,
):
    result = _invoke(POSTGRES, "health")
    assert result.exit_code == 1
    assert "database: FAILED" in result.stdout and "cannot reach database" in result.stdout
    assert "hunter2" not in result.output
    assert list(in_empty_folder.iterdir()) == []


@pytest.mark.parametrize(
    "db",
    [
        "mysql://root@localhost/briefbot",
        "redis://127.0.0.1:6379/0",
        "mongodb://x/y",
        "sqlite://server/briefbot.db",
        "sqlite:///",
        "sqlite:///b.db?mode=ro",
    ],
)
def test_other_urls_and_sqlite_urls_naming_no_local_file_are_refused(in_empty_folder, db):
    result = _invoke(db, "ask", "sources")
    assert result.exit_code != 0
    assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1
    assert "BRIEFBOT_DB" in result.stderr and "sqlite:///" in result.stderr
    assert list(in_empty_folder.iterdir()) == []


def test_plain_paths_and_sqlite_urls_name_the_files_they_say(in_empty_folder):
    (in_empty_folder / "absolute").mkdir()
    absolute = in_empty_folder / "absolute" / "b.db"
    accepted = [
        ("plain/b.db", in_empty_folder / "plain" / "b.db"),
        ("sqlite:///relative/b.db", in_empty_folder / "relative" / "b.db"),
        ("sqlite:///with%20space.db", in_empty_folder / "with space.db"),
        (f"sqlite:///{absolute}", absolute),
    ]  # four slashes: an absolute path
    for db, file in accepted:
        result = _invoke(db, "ask", "sources")
        assert result.exit_code == 0, (db, result.output)
        assert "No articles yet" in result.stdout
        assert file.is_file(), db

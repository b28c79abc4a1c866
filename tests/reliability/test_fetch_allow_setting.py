"""BRIEFBOT_FETCH_ALLOW with a typo is refused at start-up in one line, like any other bad setting,
instead of a traceback from every `briefbot ingest URL` and every feed pass of `briefbot run`."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.ingest.netguard import FetchPolicy


@pytest.mark.parametrize(
    "setting", ["intranet.example:", "intranet.example:http", "10.0.0.5:70000", "a:b:c", "[::1]x"]
)
def test_briefbot_ingest_with_a_malformed_allowlist_says_so_in_one_line(
    setting: str, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        app,
        ["ingest", "http://127.0.0.1:9/page.html"],
        env={"BRIEFBOT_DB": str(tmp_path / "b.db"), "BRIEFBOT_FETCH_ALLOW": setting},
    )
    assert result.exit_code == 2
    assert "invalid settings" in result.output and "BRIEFBOT_FETCH_ALLOW" in result.output
    assert "Traceback" not in result.output and not isinstance(result.exception, ValueError)


def test_well_formed_entries_are_still_read() -> None:
    policy = FetchPolicy.parse("intranet.example, 10.0.0.5:8080, [::1]:3000, ::1, [fd00::5]")
    assert policy.allows("intranet.example", 80) and policy.allows("10.0.0.5", 8080)
    assert policy.allows("::1", 3000) and policy.allows("::1", 9) and policy.allows("fd00::5", 443)

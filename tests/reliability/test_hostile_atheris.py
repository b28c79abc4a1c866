"""Coverage-guided fuzzing with atheris (libFuzzer) of the parser, the article readers and the
renderers, in a child process (atheris takes over the process it runs in).

atheris is not in requirements.lock (it is a test-only native wheel); the test runs where it is
installed (`pip install atheris`) and is skipped elsewhere, the Hypothesis tests covering the same
ground. Specification as for those: only ArticleError may come out of a reader, nothing out of
the parser or the renderers, and no rendering may carry a mention.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNS = 20_000

HARNESS = textwrap.dedent(
    r"""
    import re, sys
    import atheris

    with atheris.instrument_imports(include=["bot"]):
        from bot.answer.model import Answer, Citation, Item, Section
        from bot.answer.query import parse
        from bot.answer.render_discord import render_discord
        from bot.answer.render_slack import render_slack
        from bot.answer.render_text import render_text
        from bot.ingest.readers import ArticleError, article_from_json, article_from_text, decode

    MENTION = re.compile(r"<[!@#]|(?<!\u200b)@(everyone|here)", re.I)

    def one_input(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        text = fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 600))
        raw = fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 600))
        parse(text)
        for read, arg in ((decode, raw), (article_from_text, text), (article_from_json, text)):
            try:
                read(arg)
            except ArticleError:
                pass
        item = Item(text, text, citations=[Citation(text, text, text, text)])
        answer = Answer(text, "brief", text, [Section(text, [item])], note=text)
        render_text(answer)
        slack = render_slack(answer)
        for block in slack.blocks:
            shown = block.get("text", {}).get("text", "")
            assert not re.search(r"<[!@#]", shown), shown
        for embed in render_discord(answer).embeds:
            shown = embed.get("description", "") + embed.get("title", "")
            assert not re.search(r"<[@#]|@(everyone|here)", shown, re.I), shown

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
    """
)


@pytest.mark.heavy
@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris is not installed")
def test_atheris_finds_nothing_in_parser_readers_and_renderers(tmp_path: Path) -> None:
    harness = tmp_path / "fuzz_briefbot.py"
    harness.write_text(HARNESS, encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            str(harness),
            f"-runs={RUNS}",
            "-max_total_time=60",
            "-seed=1",
            "-rss_limit_mb=2048",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
    )
    log = done.stderr
    assert done.returncode == 0, log[-3000:]
    runs = re.search(r"Done (\d+) runs", log)
    assert runs, log[-2000:]
    print(f"\nfuzz cases (atheris): {runs.group(1)}")

"""The briefing: sections, ranking, and two sources that disagree shown side by side."""

from __future__ import annotations

from bot.answer.render_text import render_text
from bot.engine import Engine
from tests.conftest import make_settings

REPORT_A = """---
title: Iran and Saudi Arabia hold talks in Baghdad
source: Gulf Wire
published: 2025-03-05
---
Iranian and Saudi officials held talks in Baghdad on March 3, the Iraqi foreign ministry said.
"""

REPORT_B = """---
title: Saudi-Iranian talks in Baghdad
source: Levant Daily
published: 2025-03-05
---
Saudi and Iranian officials held talks in Baghdad on March 4, according to Iraqi officials.
"""


async def test_sources_that_disagree_on_a_date_are_shown_side_by_side(
    tmp_path, extractor, fresh_db
):
    (tmp_path / "a.md").write_text(REPORT_A, encoding="utf-8")
    (tmp_path / "b.md").write_text(REPORT_B, encoding="utf-8")
    engine = await Engine.open(make_settings(fresh_db), load_model=False)
    engine._extractor = extractor
    async with engine:
        await engine.ingest([tmp_path / "a.md", tmp_path / "b.md"])
        talks = await engine.answer("latest talks")
        brief = await engine.answer("brief since 2025-03-01")
    assert (
        len(talks.items) == 1 and len(talks.items[0].data["sources"]) == 2
    )  # one event, two sources
    disputed = next(s for s in brief.sections if s.title == "Where sources disagree")
    text = render_text(brief)
    assert "Gulf Wire: 2025-03-03" in text and "Levant Daily: 2025-03-04" in text
    assert disputed.items[0].heading.startswith("Sources disagree on date")

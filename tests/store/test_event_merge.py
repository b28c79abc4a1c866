"""Cross-article event merging: one event however many outlets report it (the real engine and
store)."""

from __future__ import annotations

from pathlib import Path

from bot.engine import Engine
from bot.store.rows import EventRow
from tests.conftest import make_settings

PLANNED = """---
title: Armenia and Azerbaijan to hold peace talks in Abu Dhabi
source: Daily Courier
published: 2025-03-03
---
Armenia and Azerbaijan to hold peace talks in Abu Dhabi
Foreign ministers of Armenia and Azerbaijan will meet in Abu Dhabi on Thursday to discuss a draft \
peace treaty, officials in Yerevan said.
"""

PLANNED_OTHER_OUTLET = """---
title: Baku and Yerevan envoys prepare for Abu Dhabi meeting
source: Caucasus Wire
published: 2025-03-04
---
Baku and Yerevan envoys prepare for Abu Dhabi meeting
Diplomats from Azerbaijan and Armenia are scheduled to hold talks in Abu Dhabi on March 6, the \
foreign ministry in Baku said on Tuesday.
"""

CONCLUDED = """---
title: Armenian and Azerbaijani ministers end Abu Dhabi round
source: Gulf Times Online
published: 2025-03-07
---
Armenian and Azerbaijani ministers end Abu Dhabi round
The foreign ministers of Armenia and Azerbaijan held talks in Abu Dhabi on Thursday and agreed to \
continue work on the peace treaty.
"""

UNRELATED = """---
title: Serbia and Kosovo envoys meet in Brussels
source: Balkan Desk
published: 2025-03-07
---
Serbia and Kosovo envoys meet in Brussels
Negotiators from Serbia and Kosovo held talks in Brussels on Thursday.
"""


async def _ingest(tmp_path: Path, extractor, articles: dict[str, str]) -> list[dict]:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    engine = await Engine.open(make_settings(tmp_path / "briefbot.db"), load_model=False)
    engine._extractor = extractor
    async with engine:
        await engine.ingest([folder])
        events, _ = await engine.store.events(types=["CONSULT"], limit=50)
    return events


def _abu_dhabi(events: list[EventRow]) -> list[EventRow]:
    return [e for e in events if e.location and e.location.name == "Abu Dhabi"]


async def test_two_outlets_reporting_the_same_planned_talks_give_one_event_with_two_sources(
    tmp_path, extractor
):
    events = _abu_dhabi(
        await _ingest(tmp_path, extractor, {"a": PLANNED, "b": PLANNED_OTHER_OUTLET})
    )
    assert len(events) == 1, events
    talks = events[0]
    assert {s.source for s in talks.sources} == {"Daily Courier", "Caucasus Wire"}
    assert talks.date == "2025-03-06"
    assert talks.status == "planned"
    assert {p.country_code for p in talks.participants} >= {"ARM", "AZE"}


async def test_a_later_report_concludes_the_talks_and_adds_the_outcome(tmp_path, extractor):
    events = await _ingest(
        tmp_path,
        extractor,
        {"a": PLANNED, "b": PLANNED_OTHER_OUTLET, "c": CONCLUDED, "d": UNRELATED},
    )
    talks = _abu_dhabi(events)
    assert len(talks) == 1, talks
    assert len(talks[0].sources) == 3
    assert talks[0].status == "concluded"
    assert "continue work on the peace treaty" in (talks[0].outcome or "")
    assert "draft peace treaty" in talks[0].topics
    # Talks between other countries the same day stay apart.
    brussels = [e for e in events if e.location and e.location.name == "Brussels"]
    assert len(brussels) == 1 and len(brussels[0].sources) == 1

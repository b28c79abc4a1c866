"""A talks chart stays a readable picture, drawn in moments, however far back one talk is dated."""

from __future__ import annotations

import time

from bot.answer.charts import MAX_WEEKS, talks_chart
from tests.store.builders import detailed_event


def test_one_talk_dated_long_ago_does_not_stretch_the_chart_over_decades() -> None:
    pair = ("Armenia", "Azerbaijan")
    events = [detailed_event("1994-05-16", "talks", *pair)]  # a past round, year-old reference
    events += [detailed_event(f"2025-0{month}-10", "meeting", *pair) for month in range(1, 7)]
    started = time.monotonic()
    chart = talks_chart(events, "talks")
    assert chart is not None and time.monotonic() - started < 5
    alt = chart.alt_text
    assert "week(s) from 2025-01-06 to 2025-06-09" in alt  # the bars cover the recent talks only
    assert "1 event(s) dated before 2025-01-06 are not in the bars." in alt
    assert (
        "7 events" in alt and "Armenia and Azerbaijan, 7 times" in alt
    )  # the network counts them all


def test_weeks_beyond_the_limit_are_cut_from_the_oldest_side() -> None:
    events = [
        detailed_event("2020-01-06", "talks"),
        detailed_event("2023-06-12", "visit"),
        detailed_event("2025-06-02", "visit"),
    ]
    chart = talks_chart(events, "talks")
    assert chart is not None
    assert f"for the {MAX_WEEKS} week(s)" in chart.alt_text and "to 2025-06-02" in chart.alt_text
    assert (
        "(2 visit)" in chart.alt_text
    )  # the old kind has no bar, so it is not in the legend either

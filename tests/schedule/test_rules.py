"""Schedules in words and cron, and their slots across daylight-saving changes (cronsim)."""

from __future__ import annotations

import pytest

from bot.schedule.rules import RuleError, latest_slot, next_slot, parse_rule, weekly
from tests.schedule.helpers import utc


@pytest.mark.parametrize(
    ("text", "cron", "zone", "topic"),
    [
        (
            "daily at 08:00 Europe/Berlin weekdays about embassies",
            "0 8 * * 1-5",
            "Europe/Berlin",
            "embassies",
        ),
        ("daily at 08:00", "0 8 * * *", "UTC", None),
        ("every monday at 09:00 europe/london", "0 9 * * 1", "Europe/London", None),
        (
            "every mon, wed and fri at 7:30 am UTC about Ukraine talks",
            "30 7 * * 1,3,5",
            "UTC",
            "Ukraine talks",
        ),
        ('cron "0 8 * * 1-5" Europe/Berlin', "0 8 * * 1-5", "Europe/Berlin", None),
        ("cron “15 6 * * *” about sanctions", "15 6 * * *", "UTC", "sanctions"),
        ("weekdays at 6pm America/New_York", "0 18 * * 1-5", "America/New_York", None),
    ],
)
def test_schedules_in_words_and_cron(text: str, cron: str, zone: str, topic: str | None) -> None:
    rule = parse_rule(text, "UTC", utc(2025, 3, 1))
    assert (rule.cron, rule.timezone, rule.topic) == (cron, zone, topic)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "daily",
        "daily at 25:00",
        "daily at 08:00 Mars/Olympus",
        "fortnightly at 08:00",
        'cron "*/5 * * * *"',
        'cron "0 8 * *"',
        'cron "0 8 31 2 *"',
    ],
)
def test_schedules_that_make_no_sense_are_refused_with_a_reason(text: str) -> None:
    with pytest.raises(RuleError) as refused:
        parse_rule(text, "UTC", utc(2025, 3, 1))
    assert str(refused.value)


def test_eight_o_clock_berlin_stays_eight_o_clock_across_spring_forward() -> None:
    cron, zone = "0 8 * * *", "Europe/Berlin"
    # 30 March 2025: clocks go from 02:00 CET to 03:00 CEST, so 08:00 local moves from 07:00 to
    # 06:00 UTC.
    assert latest_slot(cron, zone, utc(2025, 3, 29, 7, 0)) == utc(2025, 3, 29, 7, 0)
    assert latest_slot(cron, zone, utc(2025, 3, 30, 6, 59)) == utc(2025, 3, 30, 6, 0)
    assert latest_slot(cron, zone, utc(2025, 3, 30, 5, 59)) == utc(2025, 3, 29, 7, 0)
    assert next_slot(cron, zone, utc(2025, 3, 29, 7, 0)) == utc(2025, 3, 30, 6, 0)
    assert next_slot(cron, zone, utc(2025, 10, 25, 6, 0)) == utc(
        2025, 10, 26, 7, 0
    )  # and back in autumn


def test_a_skipped_or_repeated_wall_time_fires_once() -> None:
    cron, zone = "30 2 * * *", "Europe/Berlin"
    assert next_slot(cron, zone, utc(2025, 3, 29, 12)) == utc(
        2025, 3, 30, 1, 0
    )  # 03:00 CEST: 02:30 never happens
    first = next_slot(cron, zone, utc(2025, 10, 25, 12))
    assert first == utc(
        2025, 10, 26, 0, 30
    )  # 02:30 CEST; the second 02:30 (CET) is not a second slot
    assert next_slot(cron, zone, first) == utc(2025, 10, 27, 1, 30)


@pytest.mark.parametrize(
    ("text", "is_weekly"),
    [
        ("every monday at 09:00 Europe/Berlin", True),
        ('cron "30 7 * * FRI" UTC', True),
        ("daily at 08:00", False),
        ("weekdays at 08:00", False),
        ("weekends at 10:00", False),
        ("monday thursday at 09:00", False),
        ('cron "0 9 1 * *" UTC', False),  # monthly
    ],
)
def test_a_weekly_schedule_is_one_slot_a_week(text: str, is_weekly: bool) -> None:
    # The weekly briefing is the one that carries the week's chart.
    assert weekly(parse_rule(text, "UTC").cron) is is_weekly

"""Charts of talks as a PNG with alt text: events per week by kind, and who met whom.

Pure: event rows in, PNG bytes and words out; no chat library, no database. matplotlib is imported
when a chart is drawn (not when the bot starts) and drawn on its own Figure with the Agg canvas,
never through pyplot's global state, so charts drawn in worker threads cannot mix.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations
from typing import Any

from bot.answer.model import Attachment
from bot.store.rows import DetailedEvent

MAX_PEOPLE = 12  # nodes in the network: more become unreadable at chat size
# Bars the weekly chart draws at most: the newest weeks. A span is bounded by the dates found, not
# by the events' number, so one talk dated decades back (a year-only date of a past round) would
# otherwise mean thousands of empty weeks: seconds to minutes of drawing and an unreadable picture.
MAX_WEEKS = 104
MAX_ALT_PAIRS = 5  # pairs the alt text names
MAX_ALT_TEXT = 1000  # inside Discord's 1024 for an attachment description
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class TalksSummary:
    """What a talks chart shows, computed once for the picture and for its alt text."""

    weeks: list[date]  # Mondays, oldest first, every week in the span (empty weeks too)
    kinds: list[str]  # most frequent first
    counts: dict[tuple[date, str], int]  # (week, kind) -> events
    pairs: Counter[tuple[str, str]]  # (name, name) sorted -> meetings together
    total: int
    undated: int
    earlier: int = 0  # dated events before the first week drawn (see MAX_WEEKS)


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def summarise(events: Sequence[DetailedEvent]) -> TalksSummary:
    """Weeks, kinds and who met whom, from the events' `date`, `kind` and `participants`."""
    per_week: Counter[tuple[date, str]] = Counter()
    kinds: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    undated = 0
    for event in events:
        kind = (event.kind or "talks").replace("_", " ")
        names = sorted({p.name for p in event.participants})
        for pair in combinations(names, 2):
            pairs[pair] += 1
        try:
            day = date.fromisoformat(str(event.date)[:10])
        except ValueError:
            undated += 1
            continue
        per_week[(week_of(day), kind)] += 1
        kinds[kind] += 1
    mondays = sorted({week for week, _ in per_week})
    weeks = []
    earlier = 0
    if mondays:
        first = min(m for m in mondays if m >= mondays[-1] - timedelta(weeks=MAX_WEEKS - 1))
        for (week, kind), n in list(per_week.items()):
            if week < first:
                earlier += n
                kinds[kind] -= n
                del per_week[(week, kind)]
        kinds = +kinds  # kinds left with no bar drawn are not in the legend
        week = first
        while week <= mondays[-1]:
            weeks.append(week)
            week += timedelta(days=7)
    return TalksSummary(
        weeks,
        [k for k, _ in kinds.most_common()],
        dict(per_week),
        pairs,
        len(events),
        undated,
        earlier,
    )


def alt_text(summary: TalksSummary, subject: str) -> str:
    """The chart in words: what is counted, over which weeks, the busiest week, and who met whom."""
    parts = [f"Chart of {subject}: {summary.total} event{'s' * (summary.total != 1)}."]
    if summary.weeks:
        by_kind = Counter(
            {
                k: sum(n for (_, kind), n in summary.counts.items() if kind == k)
                for k in summary.kinds
            }
        )
        kinds = ", ".join(f"{n} {k}" for k, n in by_kind.most_common())
        per_week = Counter(
            {
                w: sum(n for (week, _), n in summary.counts.items() if week == w)
                for w in summary.weeks
            }
        )
        busiest, most = per_week.most_common(1)[0]
        parts.append(
            f"Left, a bar chart of events per week by kind ({kinds}) for the {len(summary.weeks)} "
            f"week(s) from {summary.weeks[0].isoformat()} to {summary.weeks[-1].isoformat()}; "
            f"the busiest was the week of {busiest.isoformat()} with {most}."
        )
    if summary.earlier:
        parts.append(
            f"{summary.earlier} event(s) dated before {summary.weeks[0].isoformat()} are not in "
            "the bars."
        )
    if summary.undated:
        parts.append(f"{summary.undated} undated event(s) are not in the bars.")
    if summary.pairs:
        named = "; ".join(
            f"{a} and {b}, {n} time{'s' * (n != 1)}"
            for (a, b), n in summary.pairs.most_common(MAX_ALT_PAIRS)
        )
        parts.append(f"Right, a network of who met whom, thicker lines for more meetings: {named}.")
    else:
        parts.append("No event names two participants, so there is no network of who met whom.")
    text = " ".join(parts)
    return text if len(text) <= MAX_ALT_TEXT else text[: MAX_ALT_TEXT - 1].rsplit(" ", 1)[0] + "…"


def talks_chart(events: Sequence[DetailedEvent], subject: str) -> Attachment | None:
    """The PNG of `events` (None when there is nothing to draw), with its alt text."""
    if not events:
        return None
    summary = summarise(events)
    return Attachment("talks-chart.png", _draw(summary, subject), alt_text(summary, subject))


def _draw(summary: TalksSummary, subject: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")  # headless: no display on a server
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(11, 4.8), dpi=100)
    FigureCanvasAgg(figure)
    bars, network = figure.subplots(1, 2, gridspec_kw={"width_ratios": [1.2, 1]})
    _draw_weeks(bars, summary)
    _draw_network(network, summary)
    figure.suptitle(subject.capitalize())
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def _draw_weeks(axes: Any, summary: TalksSummary) -> None:
    axes.set_title("Events per week, by kind")
    if not summary.weeks:
        axes.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=axes.transAxes)
        axes.set_axis_off()
        return
    positions = range(len(summary.weeks))
    bottom = [0] * len(summary.weeks)
    for kind in summary.kinds:
        heights = [summary.counts.get((week, kind), 0) for week in summary.weeks]
        axes.bar(positions, heights, bottom=bottom, label=kind)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    step = max(1, len(summary.weeks) // 8)  # at most about eight date labels
    axes.set_xticks(
        list(positions)[::step],
        [w.strftime("%d %b %Y") for w in summary.weeks][::step],
        rotation=30,
        ha="right",
    )
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.set_ylabel("events")
    axes.legend(loc="upper left", fontsize="small")


def _draw_network(axes: Any, summary: TalksSummary) -> None:
    axes.set_title("Who met whom (line width = meetings)")
    axes.set_axis_off()
    meetings: Counter[str] = Counter()
    for (a, b), n in summary.pairs.items():
        meetings[a] += n
        meetings[b] += n
    people = [name for name, _ in meetings.most_common(MAX_PEOPLE)]
    if not people:
        axes.text(
            0.5,
            0.5,
            "no meetings between named participants",
            ha="center",
            va="center",
            transform=axes.transAxes,
        )
        return
    # On a circle: with a dozen nodes at most, every line stays visible without a layout library.
    where = {
        name: (
            math.cos(2 * math.pi * i / len(people) + math.pi / 2),
            math.sin(2 * math.pi * i / len(people) + math.pi / 2),
        )
        for i, name in enumerate(people)
    }
    most = max(summary.pairs.values())
    for (a, b), n in summary.pairs.items():
        if a in where and b in where:
            (x1, y1), (x2, y2) = where[a], where[b]
            axes.plot(
                [x1, x2], [y1, y2], color="#2b6cb0", alpha=0.7, linewidth=1 + 7 * n / most, zorder=1
            )
    xs, ys = zip(*where.values(), strict=True)
    axes.scatter(xs, ys, s=120, color="#1a365d", zorder=2)
    for name, (x, y) in where.items():
        axes.annotate(
            name, (x, y), xytext=(0, 9), textcoords="offset points", ha="center", fontsize="small"
        )
    axes.set_xlim(-1.5, 1.5)
    axes.set_ylim(-1.3, 1.35)

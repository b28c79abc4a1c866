"""`chart talks [with X] [since DATE]`: a PNG of talks per week by kind and of who met whom, with
alt text saying the same in words; the console writes the PNG and prints its path."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

from PIL import Image
from typer.testing import CliRunner

from adapters.console import chat_loop
from bot.answer.charts import summarise
from bot.engine import Engine
from tests.conftest import make_settings
from tests.store.builders import article, country, detailed_event, extraction, person, talks

PNG = b"\x89PNG\r\n\x1a\n"
ARM, AZE, FIN = country("ARM"), country("AZE"), country("FIN")
ENVOY = person("Aino Kallas", "FIN")  # invented


def picture(answer) -> Image.Image:
    [attachment] = answer.attachments
    assert attachment.data.startswith(PNG) and attachment.filename.endswith(".png")
    return Image.open(io.BytesIO(attachment.data))


async def test_chart_talks_attaches_a_png_with_alt_text_in_words(seeded_engine) -> None:
    answer = await seeded_engine.answer("chart talks")
    assert answer.ok and answer.intent == "chart"
    image = picture(answer)
    assert image.format == "PNG" and image.width >= 800 and image.height >= 300
    alt = answer.attachments[0].alt_text
    # What is counted, over which weeks, by kind, and who met whom, in words.
    assert "3 events" in alt and "per week by kind" in alt
    assert "2025-02-10" in alt and "2025-02-24" in alt
    assert (
        "Russia and United States, 2 times" in alt
        and "Donald Trump and Vladimir Putin, 1 time" in alt
    )
    assert answer.items[0].body == alt  # text-only clients read the same words


async def test_chart_follows_the_query_filters(seeded_engine) -> None:
    answer = await seeded_engine.answer("chart talks with Putin")
    assert answer.title == "Chart: talks with Putin"
    assert "1 event." in answer.attachments[0].alt_text
    since = await seeded_engine.answer("chart talks since 2025-02-20")
    assert (
        "1 event." in since.attachments[0].alt_text and "1 talks" in since.attachments[0].alt_text
    )


async def test_nothing_to_chart_and_unknown_names_say_so_without_a_picture(seeded_engine) -> None:
    empty = await seeded_engine.answer("chart talks since 2030-01-01")
    assert empty.attachments == [] and empty.note == "Nothing found (talks) since 2030-01-01."
    unknown = await seeded_engine.answer("chart talks with Zebulon Quirk")
    assert not unknown.ok and unknown.attachments == [] and "Zebulon Quirk" in (unknown.note or "")


def test_edge_width_counts_meetings_between_each_pair() -> None:
    events = [
        detailed_event("2025-03-03", "talks", "Armenia", "Azerbaijan"),
        detailed_event("2025-03-04", "meeting", "Azerbaijan", "Armenia"),
        detailed_event("2025-03-18", "phone_call", "Armenia", "Finland"),
        detailed_event(None, "talks", "Finland"),
    ]
    summary = summarise(events)
    assert summary.pairs == {("Armenia", "Azerbaijan"): 2, ("Armenia", "Finland"): 1}
    assert [w.isoformat() for w in summary.weeks] == [
        "2025-03-03",
        "2025-03-10",
        "2025-03-17",
    ]  # the empty week too
    assert summary.undated == 1 and summary.kinds[0] == "talks"


async def test_a_busy_network_still_draws(fresh_db) -> None:
    async with await Engine.open(make_settings(fresh_db), load_model=False) as engine:
        for day in range(1, 10):
            sides = (ARM, AZE) if day % 2 else (ENVOY, FIN)
            await engine.store.save(
                article("Wire", f"2025-03-{day:02d}"),
                extraction(talks(*sides, date=f"2025-03-{day:02d}", place=f"Town {day}")),
            )
        answer = await engine.answer("chart talks")
    picture(answer)
    assert "Armenia and Azerbaijan, 5 times" in answer.attachments[0].alt_text


async def test_the_console_writes_the_png_and_prints_its_path(
    seeded_engine, tmp_path: Path
) -> None:
    out = io.StringIO()
    settings = seeded_engine.settings
    await chat_loop(seeded_engine, settings, io.StringIO("chart talks\n"), out)
    line = next(x for x in out.getvalue().splitlines() if x.startswith("Chart written to "))
    path = Path(line.removeprefix("Chart written to "))
    assert path.parent == (settings.db.parent / "charts").resolve()
    assert path.read_bytes().startswith(PNG)


async def test_the_weekly_briefing_at_the_console_writes_the_weeks_chart(tmp_path: Path) -> None:
    today = date.today().isoformat()
    settings = make_settings(tmp_path / "w.db")
    async with await Engine.open(settings, load_model=False) as engine:
        await engine.store.save(
            article("Wire", today), extraction(talks(ARM, AZE, date=today, place="Tbilisi"))
        )
        out = io.StringIO()
        await chat_loop(engine, settings, io.StringIO("brief this week\nbrief today\n"), out)
        weekly = await engine.answer("brief this week")
    # `brief this week` is the weekly briefing: it brings the chart; a day's briefing does not.
    [line] = [x for x in out.getvalue().splitlines() if x.startswith("Chart written to ")]
    assert Path(line.removeprefix("Chart written to ")).read_bytes().startswith(PNG)
    [chart] = weekly.attachments
    assert chart.alt_text.startswith("Chart of talks this week: 1 event.")
    assert "Armenia and Azerbaijan, 1 time" in chart.alt_text


def test_ask_prints_the_chart_path_and_json_lists_it_without_bytes(
    seeded_db: Path, monkeypatch
) -> None:
    from bot.cli import app

    monkeypatch.setenv("BRIEFBOT_DB", str(seeded_db))
    result = CliRunner().invoke(app, ["ask", "chart talks", "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["intent"] == "chart"
    [attachment] = found["attachments"]
    assert attachment["mime_type"] == "image/png" and "who met whom" in attachment["alt_text"]
    path = Path(found["text"].splitlines()[-1].removeprefix("Chart written to "))
    assert path.read_bytes().startswith(PNG)

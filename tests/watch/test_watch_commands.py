"""Watch commands through the engine: who may make them, what they are parsed into, what they
say about their chances, and where they belong."""

from __future__ import annotations

from dataclasses import replace

from bot.answer.commands import handled_by
from bot.answer.model import Conversation
from bot.engine import Engine
from tests.conftest import ROOT
from tests.watch.helpers import ADMIN, MEMBER


async def test_a_member_cannot_create_a_watch_but_may_list_them(engine: Engine) -> None:
    refused = await engine.answer("watch talks with Lavrov", MEMBER)
    assert not refused.ok and "admins" in (refused.note or "")
    assert await (await engine.watch_store()).workspace_watches("slack", ADMIN.workspace) == []
    assert (await engine.answer("watch talks with Lavrov", ADMIN)).ok
    for change in ("unwatch 1", "pause watch 1", "resume watch 1"):
        assert not (await engine.answer(change, MEMBER)).ok
    listing = await engine.answer("watches", MEMBER)
    assert listing.ok and [i.data["query"] for i in listing.items] == ["talks with Lavrov"]


async def test_the_examples_are_parsed_once_into_the_answer_queries_structure(
    engine: Engine,
) -> None:
    expected = {
        "talks with Lavrov": ("latest_talks", ["Lavrov"], None, None),
        "agreements between Armenia and Azerbaijan": (
            "agreements",
            ["Armenia", "Azerbaijan"],
            "AGREE",
            None,
        ),
        "statements by State Department about Iran": (
            "who_said_what",
            ["State Department"],
            None,
            "Iran",
        ),
        "events sanctions against Russia": ("events", ["Russia"], "SANCTION", None),
    }
    for text, (intent, names, plover, topic) in expected.items():
        answer = await engine.answer(f"watch {text}", ADMIN)
        assert answer.ok, answer.note
        data = answer.items[0].data
        assert (data["query"], data["intent"], data["names"], data["type"], data["topic"]) == (
            text,
            intent,
            names,
            plover,
            topic,
        )
        assert data["channel"] == ADMIN.channel and data["state"] == "active"


async def test_options_set_the_threshold_the_hourly_limit_and_quiet_hours(engine: Engine) -> None:
    answer = await engine.answer(
        "watch talks with Lavrov, at most 3 an hour, quiet 22:00-07:00 Europe/Berlin, "
        "confidence 0.8",
        ADMIN,
    )
    data = answer.items[0].data
    assert (
        data["query"],
        data["max_per_hour"],
        data["quiet_hours"],
        data["timezone"],
        data["min_confidence"],
    ) == ("talks with Lavrov", 3, "22:00-07:00", "Europe/Berlin", 0.8)
    default = (await engine.answer("watch agreements", ADMIN)).items[0].data
    assert (default["max_per_hour"], default["quiet_hours"], default["min_confidence"]) == (
        6,
        None,
        0.5,
    )
    again = await engine.answer("watch agreements", ADMIN)
    assert again.title == "Already watching"


async def test_a_watch_says_when_it_could_never_match_anything_known(engine: Engine) -> None:
    unknown = await engine.answer("watch talks with Zbigniew Qwertyuiop", ADMIN)
    assert unknown.ok  # made: articles may name them tomorrow
    assert "don't know anyone or anything called “Zbigniew Qwertyuiop”" in unknown.note
    nothing = await engine.answer("watch events assaults between Chile and Peru", ADMIN)
    assert "don't know anyone or anything called “Chile”" in nothing.note
    known = await engine.answer("watch statements by Lavrov", ADMIN)  # in the seed article
    assert "known fact(s) match already (not posted: a watch tells what comes next)" in known.note
    quiet = await engine.answer("watch events assaults against Russia", ADMIN)
    assert "Nothing known matches this yet" in quiet.note


async def test_what_cannot_be_watched_is_refused_with_examples(engine: Engine) -> None:
    for text in ("watch brief", "watch who is Lavrov", "watch sources", "watch the weather"):
        answer = await engine.answer(text, ADMIN)
        assert not answer.ok and "watch talks with Lavrov" in answer.note, text
    low = await engine.answer("watch talks with Lavrov confidence 0.2", ADMIN)
    assert not low.ok and "BRIEFBOT_MIN_CONFIDENCE" in low.note
    for bad, hint in (
        ("watch talks quiet 25:00-07:00", "not a time"),
        ("watch talks quiet 22:00-07:00 Mars/Base", "timezone"),
        ("watch talks at most 0 an hour", "pause watch"),
    ):
        answer = await engine.answer(bad, ADMIN)
        assert not answer.ok and hint in answer.note, bad
    ended = await engine.answer("watch talks with Lavrov this week", ADMIN)
    assert not ended.ok and "no end date" in ended.title
    assert "say `watch QUERY`" in (await engine.answer("watch", ADMIN)).note
    assert "say `unwatch N`" in (await engine.answer("unwatch Lavrov", ADMIN)).note


async def test_pause_resume_and_unwatch_stay_in_their_workspace(engine: Engine) -> None:
    await engine.answer("watch talks with Lavrov", ADMIN)
    elsewhere = replace(ADMIN, workspace="T0OTHER")
    for change in ("pause watch 1", "resume watch 1", "unwatch 1"):
        refused = await engine.answer(change, elsewhere)
        assert not refused.ok and "no watch #1 in this workspace" in refused.note
    assert (await engine.answer("watches", elsewhere)).items == []
    paused = await engine.answer("pause watch 1", ADMIN)
    assert paused.items[0].data["state"] == "paused"
    assert (await engine.answer("resume watch 1", ADMIN)).items[0].data["state"] == "active"
    assert (await engine.answer("unwatch 1", ADMIN)).ok
    assert (await engine.answer("watches", ADMIN)).items == []


async def test_the_console_cannot_receive_alerts(engine: Engine) -> None:
    answer = await engine.answer(
        "watch talks with Lavrov", Conversation(platform="console", is_admin=True)
    )
    assert not answer.ok and "Slack or Discord" in answer.note


async def test_help_and_the_readme_list_every_watch_command(engine: Engine) -> None:
    shown = "\n".join(item.heading for item in (await engine.answer("help", ADMIN)).items)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for form in handled_by("watches"):
        assert form.usage in shown and f"`{form.usage}`" in readme, form.usage

"""Subscription commands through the engine: who may change them, and where they post."""

from __future__ import annotations

from dataclasses import replace

from bot.answer.model import Conversation
from bot.engine import Engine
from tests.conftest import make_settings
from tests.schedule.helpers import ADMIN, MEMBER, command, utc

T0 = utc(2025, 3, 28, 12, 0)


async def test_a_non_admin_cannot_subscribe_and_gets_a_polite_refusal(engine: Engine) -> None:
    answer = await engine.answer("subscribe daily at 08:00 Europe/Berlin", MEMBER)
    assert not answer.ok
    assert "admins" in (answer.note or "")
    assert await (await engine.schedule_store()).active_subscriptions() == []
    for change in (
        "unsubscribe 1",
        "pause 1",
        "resume 1",
        "subscribe feed https://example.org/rss",
    ):
        assert not (await engine.answer(change, MEMBER)).ok
    listing = await engine.answer("subscriptions", MEMBER)  # reading is for everyone
    assert listing.ok


async def test_ids_in_briefbot_admins_may_subscribe(tmp_path) -> None:
    settings = make_settings(tmp_path / "b.db", BRIEFBOT_ADMINS="U0MEMBER, U0OTHER")
    async with await Engine.open(settings, load_model=False) as engine:
        answer = await engine.answer("subscribe daily at 08:00", MEMBER)
        assert answer.ok, answer.note
        [sub] = await (await engine.schedule_store()).active_subscriptions()
        assert (sub.platform, sub.workspace, sub.channel, sub.created_by) == (
            "slack",
            "T0TEST",
            "C0BRIEF",
            "U0MEMBER",
        )


async def test_subscribe_list_pause_resume_unsubscribe(engine: Engine) -> None:
    made = await command(
        engine, "subscribe daily at 08:00 Europe/Berlin weekdays about embassies", T0
    )
    assert made.ok and made.title == "Subscribed: briefing #1"
    [item] = made.items
    assert item.data["cron"] == "0 8 * * 1-5" and item.data["topic"] == "embassies"
    assert item.data["next"] == "2025-03-31T06:00:00.000000+00:00"  # Monday 08:00 CEST
    again = await command(
        engine, "subscribe daily at 08:00 Europe/Berlin weekdays about embassies", T0
    )
    assert again.title == "Already subscribed"

    listing = await engine.answer("subscriptions", ADMIN)
    assert [i.data["id"] for i in listing.items] == [1]
    assert (await command(engine, "pause 1", T0)).items[0].data["state"] == "paused"
    resumed = await command(engine, "resume 1", utc(2025, 3, 31, 9))
    assert resumed.items[0].data["state"] == "active"
    schedule = await engine.schedule_store()
    assert (await schedule.subscription(1)).active_since == "2025-03-31T09:00:00.000000+00:00"
    assert (await command(engine, "unsubscribe 1", T0)).ok
    assert await schedule.active_subscriptions() == []


async def test_another_workspace_cannot_see_or_change_a_subscription(engine: Engine) -> None:
    await command(engine, "subscribe daily at 08:00", T0)
    elsewhere = replace(ADMIN, workspace="T0OTHER")
    for change in ("pause 1", "unsubscribe 1", "resume 1"):
        refused = await command(engine, change, T0, elsewhere)
        assert not refused.ok and "no scheduled briefing #1 in this workspace" in refused.note
    assert (await engine.answer("subscriptions", elsewhere)).items == []
    discord = replace(ADMIN, platform="discord")
    assert not (await command(engine, "pause 1", T0, discord)).ok
    assert (await (await engine.schedule_store()).subscription(1)).state == "active"


async def test_the_console_cannot_receive_scheduled_briefings(engine: Engine) -> None:
    console = Conversation(platform="console", is_admin=True)
    answer = await command(engine, "subscribe daily at 08:00", T0, console)
    assert not answer.ok and "Slack or Discord" in answer.note


async def test_a_bad_schedule_is_explained(engine: Engine) -> None:
    answer = await command(engine, "subscribe daily at 8 o'clock", T0)
    assert not answer.ok and "subscribe daily at 08:00" in answer.note


async def test_an_admin_registers_a_feed(engine: Engine) -> None:
    answer = await command(engine, "subscribe feed <https://news.example.org/rss.xml>", T0)
    assert answer.ok and answer.title == "Feed #1 registered"
    [feed] = await (await engine.schedule_store()).feeds()
    assert feed.url == "https://news.example.org/rss.xml" and feed.added_by.endswith(":U0ADMIN")
    assert (
        await command(engine, "subscribe feed https://news.example.org/rss.xml", T0)
    ).title == "Feed #1 already registered"
    assert not (await command(engine, "subscribe feed ftp://x", T0)).ok


async def test_feeds_are_listed_only_to_admins_of_the_workspace_that_added_them(
    engine: Engine,
) -> None:
    await command(engine, "subscribe feed https://news.example.org/rss.xml", T0)
    mine = await engine.answer("subscriptions", ADMIN)
    assert "news.example.org" in str(mine.sections)
    member = Conversation(ADMIN.platform, ADMIN.workspace, ADMIN.channel, "U0MEMBER")
    other_admin = Conversation(ADMIN.platform, "T0OTHER", "C0OTHER", "U0OTHER", is_admin=True)
    assert "news.example.org" not in str((await engine.answer("subscriptions", member)).sections)
    assert "news.example.org" not in str(
        (await engine.answer("subscriptions", other_admin)).sections
    )


async def test_an_admin_removes_a_feed_and_the_poller_forgets_it(engine: Engine) -> None:
    await command(engine, "subscribe feed https://news.example.org/rss.xml", T0)
    answer = await command(engine, "unsubscribe feed 1", T0)
    assert answer.ok and answer.title == "Feed #1 removed"
    assert await (await engine.schedule_store()).feeds() == []
    assert "news.example.org" not in str((await engine.answer("subscriptions", ADMIN)).sections)
    again = await command(engine, "unsubscribe feed #1", T0)
    assert not again.ok and again.title == "No such feed"


async def test_only_an_admin_of_the_workspace_that_added_a_feed_can_remove_it(
    engine: Engine,
) -> None:
    await command(engine, "subscribe feed https://news.example.org/rss.xml", T0)
    member = Conversation(ADMIN.platform, ADMIN.workspace, ADMIN.channel, "U0MEMBER")
    other_admin = Conversation(ADMIN.platform, "T0OTHER", "C0OTHER", "U0OTHER", is_admin=True)
    assert not (await command(engine, "unsubscribe feed 1", T0, member)).ok
    refused = await command(engine, "unsubscribe feed 1", T0, other_admin)
    assert not refused.ok and refused.title == "No such feed"
    assert len(await (await engine.schedule_store()).feeds()) == 1


async def test_unsubscribe_feed_without_a_number_explains_itself(engine: Engine) -> None:
    answer = await engine.answer("unsubscribe feed news.example.org", ADMIN)
    assert not answer.ok and "unsubscribe feed N" in (answer.note or "") + str(answer.sections)


async def test_each_workspace_has_its_own_registration_of_the_same_feed(engine: Engine) -> None:
    url = "https://news.example.org/rss.xml"
    other = Conversation(ADMIN.platform, "T0OTHER", "C0OTHER", "U0OTHER", is_admin=True)
    assert (await command(engine, f"subscribe feed {url}", T0)).title == "Feed #1 registered"
    store = await engine.schedule_store()
    [feed] = await store.feeds()
    await store.feed_failed(feed.id, "unreachable", T0.isoformat(), T0.isoformat())
    # Workspace B is not told that A registered it, nor how A's registration is failing.
    theirs = await command(engine, f"subscribe feed {url}", T0, other)
    assert theirs.title == "Feed #2 registered"
    assert "Failing" not in str(theirs.sections) and "unreachable" not in str(theirs.sections)
    assert (
        await command(engine, f"subscribe feed {url}", T0, other)
    ).title == "Feed #2 already registered"
    listed = (await engine.answer("subscriptions", other)).sections
    assert "Feed #2" in str(listed) and "Feed #1" not in str(listed)
    # Removing one workspace's registration leaves the other's.
    assert (await command(engine, "unsubscribe feed 2", T0, other)).ok
    assert [f.id for f in await store.feeds()] == [1]

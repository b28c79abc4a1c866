"""The Slack App Home tab, through the real Bolt app and the real engine on the seed database:
opening it publishes (views.publish) the latest briefing, the workspace's scheduled briefings and
example commands from the command table; admins get Pause / Resume / Remove buttons on each
subscription, members see the list only. The fake Slack checks every view against Block Kit's
limits (100 blocks for a Home tab)."""

from __future__ import annotations

from typing import Any

from adapters.slack_app import SlackPlatform
from bot.answer.commands import first_examples
from tests.adapters.test_slack import all_text, brief, fake, post_to_app, seeded_slack, settings  # noqa: F401 (fixtures)
from tests.fakes.slack_api import FakeSlack, app_home_opened_body, blocks_error, view_actions_body

ADMIN = "ULISTED"  # in BRIEFBOT_ADMINS (tests/adapters/test_slack.py's settings)
MEMBER = "UMEMBER"


async def open_home(slack: SlackPlatform, server: FakeSlack, user: str) -> dict[str, Any]:
    published = len(server.views)
    status = await post_to_app(
        slack, app_home_opened_body(server.team_id, user), content_type="application/json"
    )
    await slack.tasks.drain()
    assert status == 200 and len(server.views) == published + 1 and not server.rejected
    view = server.views[-1]
    assert view["user_id"] == user and view["view"]["type"] == "home"
    assert blocks_error(view["view"]["blocks"], max_blocks=100) is None
    return view["view"]


def buttons(view: dict[str, Any]) -> list[str]:
    return [
        e["text"]["text"] for b in view["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]


def action_id(view: dict[str, Any], label: str) -> str:
    return next(
        e["action_id"]
        for b in view["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["text"]["text"] == label
    )


async def test_home_shows_briefing_subscriptions_and_examples(
    seeded_slack: SlackPlatform,
    fake: FakeSlack,
) -> None:
    fake.users[MEMBER] = {"is_admin": False}
    view = await open_home(seeded_slack, fake, MEMBER)
    text = all_text(view)
    assert "Briefing" in text and "No scheduled briefings" in text
    assert all(f"/brief {example}" in text for example in first_examples())

    await brief(seeded_slack, fake, "subscribe daily at 08:00 UTC", user=ADMIN)
    view = await open_home(seeded_slack, fake, MEMBER)
    assert (
        "#1 · daily at 08:00 UTC" in all_text(view) and buttons(view) == []
    )  # a member only looks


async def test_an_admin_pauses_resumes_and_removes_from_home(
    seeded_slack: SlackPlatform,
    fake: FakeSlack,
) -> None:
    await brief(seeded_slack, fake, "subscribe daily at 08:00 UTC", user=ADMIN)
    view = await open_home(seeded_slack, fake, ADMIN)
    assert buttons(view) == ["Pause", "Remove"]

    async def press(label: str) -> dict[str, Any]:
        body = view_actions_body(
            fake.team_id,
            fake.views[-1]["view"],
            action_id(fake.views[-1]["view"], label),
            user=ADMIN,
        )
        assert await post_to_app(seeded_slack, body) == 200
        await seeded_slack.tasks.drain()
        assert not fake.rejected
        return fake.views[-1]["view"]

    paused = await press("Pause")
    assert "Paused #1" in all_text(paused) and buttons(paused) == ["Resume", "Remove"]
    resumed = await press("Resume")
    assert "Resumed #1" in all_text(resumed) and buttons(resumed) == ["Pause", "Remove"]
    removed = await press("Remove")
    assert "Unsubscribed #1" in all_text(removed) and "No scheduled briefings" in all_text(removed)


async def test_a_member_pressing_an_admins_button_changes_nothing(
    seeded_slack: SlackPlatform,
    fake: FakeSlack,
) -> None:
    fake.users[MEMBER] = {"is_admin": False}
    await brief(seeded_slack, fake, "subscribe daily at 08:00 UTC", user=ADMIN)
    admins_view = await open_home(seeded_slack, fake, ADMIN)
    body = view_actions_body(
        fake.team_id, admins_view, action_id(admins_view, "Pause"), user=MEMBER
    )
    assert await post_to_app(seeded_slack, body) == 200
    await seeded_slack.tasks.drain()
    assert "Not allowed" in all_text(fake.views[-1]["view"])
    assert buttons(await open_home(seeded_slack, fake, ADMIN)) == [
        "Pause",
        "Remove",
    ]  # still active

"""The subscription form, through the real Bolt app and the real engine on the seed database:
`subscribe` alone opens a modal (views.open) for an admin; a submission is checked field by field
and errors show in the form (`response_action: errors`); a good one subscribes the channel the
form was asked in, and the subscription shows on App Home. A member gets no form, only the usual
refusal. The typed form keeps working (tests/adapters/test_app_home.py uses it)."""

from __future__ import annotations

import json
import time
from typing import Any

import aiohttp
import pytest

from adapters.slack_app import SlackPlatform
from tests.adapters.test_app_home import ADMIN, MEMBER, buttons, open_home
from tests.adapters.test_discord import EPHEMERAL, reply_of
from tests.adapters.test_discord import fake as fake_discord  # noqa: F401 (a fixture)
from tests.adapters.test_page_buttons import discord_on
from tests.adapters.test_slack import (  # noqa: F401 (fixtures)
    SECRET,
    all_text,
    brief,
    fake,
    seeded_slack,
    settings,
    signature,
)
from tests.fakes.discord_api import MANAGE_GUILD, MEMBER_PERMISSIONS, FakeDiscord
from tests.fakes.slack_api import FakeSlack, view_submission_body

GOOD = {
    "time": "08:00",
    "timezone": "Europe/Berlin",
    "days": "weekdays",
    "topic": "embassies",
    "thread": "no",
}


async def submit(slack: SlackPlatform, body: bytes) -> dict[str, Any]:
    """POST a signed view_submission; Slack reads the app's reply body (empty: close the form)."""
    ts = str(int(time.time()))
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": signature(SECRET, ts, body),
    }
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            f"http://127.0.0.1:{slack.port}/slack/events", data=body, headers=headers
        ) as response,
    ):
        assert response.status == 200
        text = await response.text()
    await slack.tasks.drain()
    return json.loads(text) if text else {}


async def test_an_admin_subscribes_through_the_form_and_sees_it_on_app_home(
    seeded_slack: SlackPlatform,
    fake: FakeSlack,
) -> None:
    await brief(seeded_slack, fake, "subscribe", user=ADMIN, channel="C0NEWS")
    [modal] = fake.modals
    assert not fake.responses and not fake.rejected  # the form instead of an answer
    form = modal["view"]
    assert [b["block_id"] for b in form["blocks"]] == [
        "time",
        "timezone",
        "days",
        "topic",
        "thread",
    ]

    wrong = await submit(
        seeded_slack,
        view_submission_body(
            fake.team_id, form, {**GOOD, "time": "25:00", "timezone": "Mars/Olympus"}, user=ADMIN
        ),
    )
    assert wrong["response_action"] == "errors" and set(wrong["errors"]) == {"time", "timezone"}

    assert (
        await submit(seeded_slack, view_submission_body(fake.team_id, form, GOOD, user=ADMIN)) == {}
    )
    [confirmation] = fake.ephemerals
    assert confirmation["channel"] == "C0NEWS" and confirmation["user"] == ADMIN
    assert "Subscribed: briefing #1" in all_text(confirmation)

    home = await open_home(seeded_slack, fake, ADMIN)
    assert "#1 · weekdays at 08:00 Europe/Berlin, no thread" in all_text(home)
    assert "embassies" in all_text(home) and buttons(home) == ["Pause", "Remove"]


def suggested_timezone(modal: dict[str, Any]) -> str | None:
    [block] = [b for b in modal["view"]["blocks"] if b["block_id"] == "timezone"]
    return block["element"].get("initial_value")


async def test_the_form_suggests_the_askers_own_timezone_as_slack_knows_it(
    seeded_slack: SlackPlatform,
    fake: FakeSlack,
) -> None:
    fake.users[ADMIN] = {"tz": "America/Santiago", "tz_label": "Chile Time", "tz_offset": -10800}
    await brief(seeded_slack, fake, "subscribe", user=ADMIN)
    [modal] = fake.modals
    assert suggested_timezone(modal) == "America/Santiago"


@pytest.mark.parametrize(
    "known",
    [
        {},  # users.info answers user_not_found
        {ADMIN: {"tz": "Mars/Olympus_Mons"}},  # a name that is no timezone we know
    ],
)
async def test_without_a_usable_timezone_from_slack_the_form_suggests_the_bots_default(
    seeded_slack: SlackPlatform,
    fake: FakeSlack,
    known: dict[str, dict[str, Any]],
) -> None:
    fake.users.update(known)
    await brief(seeded_slack, fake, "subscribe", user=ADMIN)
    [modal] = fake.modals
    assert suggested_timezone(modal) == seeded_slack.settings.tz  # BRIEFBOT_TZ


async def test_a_member_gets_no_form_but_the_usual_refusal(
    seeded_slack: SlackPlatform,
    fake: FakeSlack,
) -> None:
    fake.users[MEMBER] = {"is_admin": False}
    await brief(seeded_slack, fake, "subscribe", user=MEMBER)
    assert fake.modals == []
    [refusal] = fake.responses
    assert refusal[
        "response_type"
    ] == "ephemeral" and "Only workspace or server admins" in all_text(refusal)


async def test_a_submission_by_a_member_is_refused_in_the_form(
    seeded_slack: SlackPlatform,
    fake: FakeSlack,
) -> None:
    fake.users[MEMBER] = {"is_admin": False}
    await brief(seeded_slack, fake, "subscribe", user=ADMIN)
    [modal] = fake.modals
    refused = await submit(
        seeded_slack, view_submission_body(fake.team_id, modal["view"], GOOD, user=MEMBER)
    )
    assert refused["response_action"] == "errors" and "Not allowed" in refused["errors"]["time"]
    assert "No scheduled briefings" in all_text(await open_home(seeded_slack, fake, ADMIN))


# -- Discord --------------------------------------------------------------------------------


async def test_discord_an_admin_subscribes_through_the_modal_and_a_member_gets_none(
    fake_discord: FakeDiscord,
    seeded_engine,
    tmp_path,
) -> None:
    platform = await discord_on(seeded_engine, fake_discord, tmp_path)
    try:
        opened = await fake_discord.brief(
            "subscribe", permissions=MEMBER_PERMISSIONS | MANAGE_GUILD
        )
        callback = await fake_discord.callback(opened)
        assert callback.body["type"] == 9  # a modal, not a message
        modal = callback.body["data"]
        assert len(modal["components"]) == 5

        wrong = await fake_discord.submit_modal(
            modal,
            ["25:00", "Europe/Berlin", "weekdays", "", "yes"],
            permissions=MEMBER_PERMISSIONS | MANAGE_GUILD,
        )
        refused = (await fake_discord.callback(wrong)).body
        assert refused["data"]["flags"] & EPHEMERAL and "time" in str(refused["data"]["embeds"])

        # A submitted modal closes, errors or not: the member opens the form again.
        again = await fake_discord.callback(
            await fake_discord.brief("subscribe", permissions=MEMBER_PERMISSIONS | MANAGE_GUILD)
        )
        good = await fake_discord.submit_modal(
            again.body["data"],
            ["08:00", "Europe/Berlin", "weekdays", "embassies", "no"],
            permissions=MEMBER_PERMISSIONS | MANAGE_GUILD,
        )
        done = (await fake_discord.callback(good)).body
        assert "Subscribed: briefing #1" in str(done["data"]["embeds"]).replace("\\\\", "")

        member = await fake_discord.callback(await fake_discord.brief("subscribe"))
        assert member.body["type"] == 4 and member.body["data"]["flags"] & EPHEMERAL
        assert "Only workspace or server admins" in str(member.body["data"]["embeds"])
        listed = await reply_of(fake_discord, await fake_discord.brief("subscriptions"))
        assert "weekdays at 08:00 Europe/Berlin, no thread" in str(listed["embeds"])
    finally:
        await platform.disconnect()

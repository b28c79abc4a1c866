"""A form (`Answer.form`) as a Discord modal (interaction response type 9) of text inputs; its
submission (interaction type 5) goes back to the command handler with the answers by field key.

Discord modals hold text inputs only, so a choice is typed; the placeholder lists the choices and
the form's own check (bot/schedule/form.py) says what is wrong.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import discord

from bot.answer.model import Form

MAX_TITLE = 45  # a modal's title and a text input's label
MAX_PLACEHOLDER = 100
MAX_INPUTS = 5  # action rows in a modal

Submit = Callable[[discord.Interaction, dict[str, str]], Awaitable[None]]


class FormModal(discord.ui.Modal):
    def __init__(self, form: Form, submit: Submit) -> None:
        super().__init__(title=form.title[:MAX_TITLE], custom_id=form.form_id, timeout=900)
        self._submit = submit
        self._inputs: dict[str, discord.ui.TextInput[FormModal]] = {}
        for question in form.fields[:MAX_INPUTS]:
            placeholder = (
                "one of: " + ", ".join(question.choices)
                if question.choices
                else question.placeholder
            )
            text: discord.ui.TextInput[FormModal] = discord.ui.TextInput(
                label=question.label[:MAX_TITLE],
                default=question.initial or None,
                placeholder=placeholder[:MAX_PLACEHOLDER] or None,
                required=not question.optional,
                max_length=100,
            )
            self.add_item(text)
            self._inputs[question.key] = text

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await self._submit(interaction, {key: text.value for key, text in self._inputs.items()})

"""A workspace's home view, platform-neutral: its latest briefing, its scheduled briefings (with
the buttons an admin may press) and example commands from the command table.

A button runs a typed command ("pause 3"), carried in its value: the very path a typed command
takes (rights, workspace checks, logging), and any process can serve the press.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.answer.model import Answer, Item

# The commands a home button may run; any other value is refused, whoever sends it.
CONTROL_INTENTS = frozenset({"pause", "resume", "unsubscribe"})


@dataclass(frozen=True)
class Control:
    label: str
    command: str  # as typed: "pause 3"


@dataclass
class Home:
    briefing: Answer
    subscriptions: list[tuple[Item, tuple[Control, ...]]] = field(default_factory=list)
    examples: tuple[str, ...] = ()
    notice: str | None = None  # what the last button press did ("Paused #3")


def controls(subscription: Item) -> tuple[Control, ...]:
    """Pause or Resume, and Remove, for one listed subscription (its data from `subscriptions`)."""
    number = subscription.data["id"]
    toggle = (
        Control("Pause", f"pause {number}")
        if subscription.data.get("state") == "active"
        else Control("Resume", f"resume {number}")
    )
    return (toggle, Control("Remove", f"unsubscribe {number}"))

"""The platform-neutral answer: what every renderer (text, Slack, Discord) turns into a message."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Citation:
    title: str
    source: str | None
    published: str | None
    url: str | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class Attachment:
    """A file an answer carries (a chart): the chat adapters upload it, the console writes it."""

    filename: str
    data: bytes
    alt_text: str  # what the picture shows, in words, for screen readers and text-only clients
    mime_type: str = "image/png"


@dataclass
class Field:
    name: str
    value: str


@dataclass
class Item:
    """One answer line: a talk, a statement, an agreement... with its sources."""

    heading: str
    body: str = ""
    fields: list[Field] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)  # the event/statement object for --json


@dataclass
class Section:
    """A group of items under a heading (a briefing has several: talks, statements, ...)."""

    title: str
    items: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class Page:
    """One page of a paged answer. Buttons carry `query` and an offset, so any process can serve
    the neighbouring page, even one started after the message was posted."""

    query: str  # the query as typed (the command language), parsed again by whoever serves it
    offset: int
    size: int
    total: int

    @property
    def previous(self) -> int | None:
        return max(0, self.offset - self.size) if self.offset > 0 else None

    @property
    def next(self) -> int | None:
        return self.offset + self.size if self.offset + self.size < self.total else None


@dataclass(frozen=True)
class FormField:
    """One question of a form; `choices` makes it a pick from a list (a select where the platform
    has one)."""

    key: str
    label: str
    placeholder: str = ""
    initial: str = ""
    choices: tuple[str, ...] = ()
    optional: bool = False


@dataclass(frozen=True)
class Form:
    """A form an adapter shows instead of the answer where it can (a Slack or Discord modal)."""

    form_id: str
    title: str
    submit: str
    fields: tuple[FormField, ...]


@dataclass(frozen=True)
class Listing:
    """Which facts an answer lists: its query and offset. A Sources button carries these, so any
    process can list the same facts' evidence again, also after a restart."""

    query: str
    offset: int


@dataclass
class Answer:
    query: str
    intent: str
    title: str
    sections: list[Section] = field(default_factory=list)
    note: str | None = None  # "showing 5 of 23 - say `more`", "nothing new since ...", errors
    ok: bool = True  # False for refusals and "I didn't understand": adapters reply privately
    shown: int = 0
    total: int = 0
    private: bool = False  # the command table says only the asker sees it (`help`)
    page: Page | None = None  # a paged answer: where it is, for Previous/Next buttons
    attachments: list[Attachment] = field(default_factory=list)  # charts
    listing: Listing | None = None  # facts with sources: the adapters add a Sources button
    form: Form | None = None  # asks its questions in a form; the note says how to type it instead

    @property
    def ephemeral(self) -> bool:
        """Shown only to the asker, on every platform: refusals, and private commands."""
        return self.private or not self.ok

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def to_json(self, text: str) -> dict[str, Any]:
        items = []
        for item in self.items:
            data = dict(item.data)
            data.setdefault(
                "sources",
                [
                    {k: v for k, v in vars(c).items() if v is not None and k != "evidence"}
                    for c in item.citations
                ],
            )
            items.append(data)
        found: dict[str, Any] = {
            "query": self.query,
            "intent": self.intent,
            "items": items,
            "text": text,
        }
        if self.attachments:  # the bytes stay out of JSON; the console writes them to files
            found["attachments"] = [
                {"filename": a.filename, "mime_type": a.mime_type, "alt_text": a.alt_text}
                for a in self.attachments
            ]
        return found


@dataclass(frozen=True)
class Conversation:
    """Where a query came from; adapters fill it in, the engine uses it for paging and rights."""

    platform: str = "console"  # console | slack | discord | cli
    workspace: str = "local"  # Slack team id, Discord guild id
    channel: str = "console"
    user: str = "local"
    is_admin: bool = False

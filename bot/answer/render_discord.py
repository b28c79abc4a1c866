"""Render an `Answer` as a Discord message: `content` plus `embeds`, as plain JSON-ready dicts.

Pure functions and no discord import, so the engine, the scheduler and tests can use it without a
gateway. Discord rejects a whole message that breaks any of its limits, so everything here is
measured against them; when an answer does not fit, whole items are left out and the footer says
so. Text is never cut inside a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

from bot.answer.model import Answer, Attachment, Citation, Item, Listing, Page, Section

# Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
MAX_CONTENT = 2000
MAX_EMBEDS = 10
MAX_TITLE = 256
MAX_DESCRIPTION = 4096
MAX_FIELDS = 25
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1024
MAX_FOOTER = 2048
MAX_AUTHOR = 256
MAX_TOTAL = 6000
MAX_CUSTOM_ID = 100  # a component's custom_id
# Buttons of a paged answer: custom_id "page:<offset>:<query>" (the query as typed), so any process
# can serve a press, even after a restart; a query too long for the custom_id gets no buttons
# (`more` still works).
PAGE_ID = re.compile(r"page:(?P<offset>\d{1,7}):(?P<query>.+)", re.DOTALL)
# The Sources button: "sources:<offset>:<query>", the listing's query and offset, likewise.
SOURCES_ID = re.compile(r"sources:(?P<offset>\d{1,7}):(?P<query>.+)", re.DOTALL)
SOURCES_LABEL = "Sources"
BUTTON_SECONDARY = 2

# Our own caps, well inside Discord's, so one long article cannot crowd out the rest of an answer.
MAX_HEADING = 240
MAX_BODY = 700
MAX_ITEM_FIELD = 300
MAX_CITATIONS = 3
MAX_URL = 400
MAX_NOTE = 400

COLOUR_OK = 0x2B6CB0
COLOUR_REFUSED = 0x718096

ZWSP = "\u200b"
ELLIPSIS = "…"
# Markdown that could format, quote or hide text; brackets so text cannot forge a masked link.
_MARKDOWN = re.compile(r"([\\*_~`|>#\[\]])")
_MASS_MENTION = re.compile(r"@(everyone|here)", re.IGNORECASE)
_MENTION_OPEN = re.compile(r"<(?=[@#/:]|a:|t:)", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


@dataclass
class DiscordMessage:
    """What the adapter sends: `content` may be None (embeds only)."""

    content: str | None
    embeds: list[dict[str, Any]] = field(default_factory=list)
    dropped: int = 0  # items left out to stay within Discord's limits
    components: list[dict[str, Any]] = field(default_factory=list)  # action rows (page buttons)
    # Charts, sent as multipart attachments; the first is the first embed's image.
    files: list[Attachment] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"content": self.content, "embeds": self.embeds, "components": self.components}


def discord_len(text: str) -> int:
    """Length as Discord may count it: UTF-16 code units, never fewer than code points."""
    return len(text.encode("utf-16-le")) // 2


def neutralise(text: str) -> str:
    """Escape markdown and break mention syntax so article or user text cannot ping or format."""
    text = _MARKDOWN.sub(r"\\\1", text)
    text = _MASS_MENTION.sub("@" + ZWSP + r"\1", text)
    return _MENTION_OPEN.sub("<" + ZWSP, text)


def clip_words(text: str, limit: int) -> str:
    """At most `limit` (Discord) characters, cut only at whitespace, marked with an ellipsis.

    A single 'word' longer than the limit (a pasted hash, a long URL) is dropped rather than cut.
    """
    if discord_len(text) <= limit:
        return text
    if limit < 1:
        return ""
    cut = _prefix_within(text, limit - 1)  # room for the ellipsis
    space = max(cut.rfind(" "), cut.rfind("\n"), cut.rfind("\t"))
    if space <= 0:
        return ELLIPSIS
    return cut[:space].rstrip() + ELLIPSIS


def _prefix_within(text: str, units: int) -> str:
    """The longest prefix of `text` of at most `units` UTF-16 code units."""
    count = 0
    for index, char in enumerate(text):
        count += 2 if ord(char) > 0xFFFF else 1
        if count > units:
            return text[:index]
    return text


def plain(text: str | None, limit: int) -> str:
    """Neutralised, whitespace-collapsed, clipped: the safe form of a piece of article text."""
    if not text:
        return ""
    return clip_words(neutralise(_SPACE.sub(" ", text).strip()), limit)


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for a markdown link target, or None (never a javascript: link)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or len(url) > MAX_URL:
        return None
    if "@" in parts.netloc:
        return None  # user@host links disguise where they go
    # Brackets, spaces and angle brackets would end the link early or hide text; `@` is quoted
    # so that no `@everyone` survives even inside a link target.
    return quote(url, safe=":/?#!$&'*+,;=%-._~")


def render_citation(citation: Citation) -> str:
    parts = [plain(citation.source, 80) or plain(citation.title, 120) or "source"]
    if citation.published:
        parts.append(plain(citation.published, 20))
    label = ", ".join(part for part in parts if part)
    url = safe_url(citation.url)
    return f"[{label}]({url})" if url else label


def render_item(item: Item) -> str:
    """One item as a description block: bold heading, body, fields, then its sources."""
    lines = [f"**{plain(item.heading, MAX_HEADING) or ELLIPSIS}**"]
    body = plain(item.body, MAX_BODY)
    if body:
        lines.append(body)
    for fld in item.fields:
        name, value = plain(fld.name, 60), plain(fld.value, MAX_ITEM_FIELD)
        if name or value:
            lines.append(f"**{name}:** {value}" if name else value)
    cited = [render_citation(c) for c in item.citations[:MAX_CITATIONS]]
    if cited:
        more = len(item.citations) - len(cited)
        tail = f" (+{more} more)" if more > 0 else ""
        lines.append("Sources: " + " · ".join(cited) + tail)
    return "\n".join(lines)


def embed_chars(embed: dict[str, Any]) -> int:
    """Characters Discord counts towards the 6,000 across all embeds of one message."""
    total = discord_len(embed.get("title", "")) + discord_len(embed.get("description", ""))
    total += discord_len(embed.get("footer", {}).get("text", ""))
    total += discord_len(embed.get("author", {}).get("name", ""))
    for fld in embed.get("fields", []):
        total += discord_len(fld.get("name", "")) + discord_len(fld.get("value", ""))
    return total


def _footer_text(answer: Answer, dropped: int) -> str:
    parts = []
    if answer.note:
        parts.append(plain(answer.note, MAX_NOTE))
    if dropped:
        noun = "item" if dropped == 1 else "items"
        parts.append(
            f"{dropped} more {noun} left out to fit Discord's limits; ask a narrower question."
        )
    return " · ".join(part for part in parts if part)


# Room kept in the 6,000 for the footer written last: the note plus the "left out" sentence.
_FOOTER_RESERVE = MAX_NOTE + 100


def _pack_section(
    section: Section, title: str, budget: int, colour: int
) -> tuple[dict[str, Any], int]:
    """Fill one embed with whole items until its description or the message budget is full.

    Returns the embed and how many of the section's items did not fit.
    """
    embed: dict[str, Any] = {"title": title, "color": colour}
    used = discord_len(title)
    blocks: list[str] = []
    length = 0
    for index, item in enumerate(section.items):
        block = render_item(item)
        extra = discord_len(block) + (2 if blocks else 0)
        if length + extra > MAX_DESCRIPTION or used + length + extra > budget:
            return _finish(embed, blocks), len(section.items) - index
        blocks.append(block)
        length += extra
    return _finish(embed, blocks), 0


def _finish(embed: dict[str, Any], blocks: list[str]) -> dict[str, Any]:
    if blocks:
        embed["description"] = "\n\n".join(blocks)
    return embed


def page_buttons(page: Page) -> list[dict[str, Any]]:
    """Previous / Next, those that apply and whose custom_id fits."""
    buttons = [
        _button(label, f"page:{offset}:{page.query}")
        for label, offset in (("Previous", page.previous), ("Next", page.next))
        if offset is not None
    ]
    return [b for b in buttons if b is not None]


def _button(label: str, custom_id: str) -> dict[str, Any] | None:
    if len(custom_id) > MAX_CUSTOM_ID:
        return None
    return {"type": 2, "style": BUTTON_SECONDARY, "label": label, "custom_id": custom_id}


def action_rows(answer: Answer) -> list[dict[str, Any]]:
    """One action row: the paging buttons, then Sources; nothing when neither applies or fits."""
    buttons = page_buttons(answer.page) if answer.page else []
    listing: Listing | None = answer.listing
    sources = (
        _button(SOURCES_LABEL, f"sources:{listing.offset}:{listing.query}") if listing else None
    )
    if sources is not None:
        buttons.append(sources)
    return [{"type": 1, "components": buttons}] if buttons else []


def render_discord(answer: Answer) -> DiscordMessage:
    """The whole answer as one Discord message that every Discord limit accepts."""
    colour = COLOUR_OK if answer.ok else COLOUR_REFUSED
    title = plain(answer.title, MAX_TITLE) or "Briefbot"
    sections = [s for s in answer.sections if s.items]
    several = len(sections) > 1
    content = f"**{title}**" if several else None

    embeds: list[dict[str, Any]] = []
    dropped = 0
    budget = MAX_TOTAL - _FOOTER_RESERVE
    for index, section in enumerate(sections):
        if len(embeds) == MAX_EMBEDS:
            dropped += sum(len(s.items) for s in sections[index:])
            break
        heading = (plain(section.title, MAX_TITLE) or title) if several else title
        embed, left_out = _pack_section(section, heading, budget, colour)
        dropped += left_out
        if "description" not in embed:
            continue  # not even one item fitted: no empty embed
        embeds.append(embed)
        budget -= embed_chars(embed)

    if not embeds:
        # Nothing to list (or nothing fitted): the title says it ("Nothing new since ..."), and
        # one embed carrying it and the note keeps every reply the same shape.
        embeds.append({"title": title, "color": colour})

    footer = _footer_text(answer, dropped)
    if footer:
        embeds[-1]["footer"] = {"text": footer}
    components = action_rows(answer)
    if answer.attachments:
        # An embed shows an uploaded file by name; Discord reads the alt text from the attachment.
        embeds[0]["image"] = {"url": f"attachment://{answer.attachments[0].filename}"}
    return DiscordMessage(
        content=content,
        embeds=embeds,
        dropped=dropped,
        components=components,
        files=list(answer.attachments),
    )

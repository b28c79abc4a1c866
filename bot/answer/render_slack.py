"""Render an `Answer` as a Slack message: fallback `text` plus Block Kit `blocks`, as plain dicts.

Pure functions and no Slack import, so the scheduler and tests can use them without a client.
Slack rejects a whole message (`invalid_blocks`) that breaks any Block Kit limit, so everything
here is measured against those limits; when an answer does not fit, whole items are left out and
the message says so. Text is never cut inside a word.

Every piece of article or user text is escaped (`&`, `<`, `>`), and every mrkdwn object is
`verbatim`, so neither `<!channel>` nor a bare `@here` in an article can notify anyone.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

from bot.answer.home import Home
from bot.answer.model import (
    Answer,
    Attachment,
    Citation,
    Form,
    FormField,
    Item,
    Listing,
    Page,
    Section,
)

# Slack's documented Block Kit limits (https://api.slack.com/reference/block-kit/blocks).
MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_CONTEXT_TEXT = 3000  # a context element is a text object: 3,000 like any other
MAX_BUTTON_VALUE = 2000
# Buttons of a paged answer: action_id -> label. The value says which page (see `page_value`).
PAGE_BUTTONS = {"page_previous": "Previous", "page_next": "Next"}
# The Sources button: its value is a page value too (the listing's query and offset).
SOURCES_ACTION = "show_sources"
SOURCES_LABEL = "Sources"

# Our own caps, well inside Slack's, so one long article cannot crowd out the rest of an answer.
MAX_HEADING = 300
MAX_BODY = 1500
MAX_FIELD = 400
MAX_CITATIONS = 3
MAX_CITATION_TITLE = 150
MAX_URL = 500
MAX_NOTE = 1000
MAX_FALLBACK = 600  # the notification text; Slack shows the blocks, not this

ELLIPSIS = "…"
_SPACE = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


@dataclass
class SlackMessage:
    """What the adapter sends; `ephemeral` asks for a reply only the asker sees."""

    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)
    ephemeral: bool = False
    dropped: int = 0  # items left out to stay within Slack's limits
    # Charts: uploaded with the external upload flow after the message (a message's own payload
    # cannot carry files), shown in the channel with their alt text.
    files: list[Attachment] = field(default_factory=list)
    form: Form | None = None  # opened as a modal where there is a trigger_id; else the text stands

    def payload(self) -> dict[str, Any]:
        """Fields for chat.postMessage or a response_url post."""
        return {"text": self.text, "blocks": self.blocks}


def escape(text: str) -> str:
    """Slack's three control characters as entities: nothing can open a mention or a link."""
    return "".join(_ESCAPES.get(char, char) for char in text)


def _escaped_len(char: str) -> int:
    return len(_ESCAPES.get(char, char))


def clip_words(text: str, limit: int) -> str:
    """`text` escaped, at most `limit` characters once escaped, cut only at whitespace.

    The cut is marked with an ellipsis. A single 'word' longer than the whole budget (a pasted
    hash) is cut where it must be, but never inside an entity such as `&amp;`.
    """
    if limit < 1:
        return ""
    escaped = escape(text)
    if len(escaped) <= limit:
        return escaped
    budget = limit - len(ELLIPSIS)
    used = 0
    end = 0
    while end < len(text) and used + _escaped_len(text[end]) <= budget:
        used += _escaped_len(text[end])
        end += 1
    kept = text[:end]
    space = max(kept.rfind(" "), kept.rfind("\n"), kept.rfind("\t"))
    if space > 0 and kept[:space].strip():
        kept = kept[:space]
    return escape(kept.rstrip()) + ELLIPSIS


def plain(text: str | None, limit: int) -> str:
    """The safe form of one line of article text: whitespace collapsed, escaped, clipped."""
    if not text:
        return ""
    return clip_words(" ".join(text.split()), limit)


def paragraph(text: str | None, limit: int) -> str:
    """Like `plain` but keeps single line breaks, which read well in a section."""
    if not text:
        return ""
    lines = [_SPACE.sub(" ", line).strip() for line in _BLANK_LINES.sub("\n", text).split("\n")]
    return clip_words("\n".join(line for line in lines if line), limit)


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for `<url|label>`, or None (never a `javascript:` or Slack-internal
    link)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or len(url) > MAX_URL:
        return None
    # `|`, `<`, `>` and spaces would end the link early; `&` must still be escaped after quoting.
    return escape(quote(url, safe=":/?#@!$&'()*+,;=%-._~"))


def mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def section_block(text: str) -> dict[str, Any]:
    return {"type": "section", "text": mrkdwn(text or ELLIPSIS)}


def context_block(texts: list[str]) -> dict[str, Any]:
    return {"type": "context", "elements": [mrkdwn(t or ELLIPSIS) for t in texts]}


def render_citation(citation: Citation) -> str:
    """Outlet, date and link: `_Caliber.Az_ · 2025-02-27 · <https://...|Title>`."""
    parts = []
    outlet = plain(citation.source, 80)
    if outlet:
        parts.append(f"_{outlet}_")
    if citation.published:
        parts.append(plain(citation.published, 25))
    title = plain(citation.title, MAX_CITATION_TITLE)
    url = safe_url(citation.url)
    if url:
        parts.append(f"<{url}|{title or 'link'}>")
    elif title:
        parts.append(title)
    return " · ".join(parts) or "source"


def render_item(item: Item) -> list[dict[str, Any]]:
    """One item: a section (heading, body, fields) and a context line with its sources."""
    lines = [f"*{plain(item.heading, MAX_HEADING) or ELLIPSIS}*"]
    body = paragraph(item.body, MAX_BODY)
    if body:
        lines.append(body)
    for fld in item.fields:
        name, value = plain(fld.name, 60), plain(fld.value, MAX_FIELD)
        if name or value:
            lines.append(f"*{name}:* {value}" if name else value)
    blocks = [section_block(clip_joined(lines, MAX_SECTION_TEXT))]
    cited = [render_citation(c) for c in item.citations[:MAX_CITATIONS]]
    if cited:
        more = len(item.citations) - len(cited)
        if more > 0:
            cited.append(f"+{more} more")
        blocks.append(context_block(cited[:MAX_CONTEXT_ELEMENTS]))
    return blocks


def clip_joined(lines: list[str], limit: int) -> str:
    """Join already escaped lines, dropping whole trailing lines rather than exceed `limit`."""
    kept: list[str] = []
    length = 0
    for line in lines:
        extra = len(line) + (1 if kept else 0)
        if length + extra > limit:
            break
        kept.append(line)
        length += extra
    return "\n".join(kept)


def page_value(query: str, offset: int) -> str:
    """What a paging button carries: the query and the page's offset, nothing remembered."""
    return json.dumps({"q": query, "o": offset}, ensure_ascii=False)


def read_page_value(value: str) -> tuple[str, int] | None:
    """(query, offset) from a button's value, or None when it is not one of ours."""
    try:
        data = json.loads(value)
        query, offset = data["q"], data["o"]
    except (ValueError, TypeError, KeyError):
        return None
    if (
        not isinstance(query, str)
        or not isinstance(offset, int)
        or isinstance(offset, bool)
        or offset < 0
    ):
        return None
    return query, offset


def page_buttons(page: Page) -> list[dict[str, Any]]:
    """Previous / Next buttons that replace the message with the neighbouring page."""
    buttons = []
    for action_id, offset in (("page_previous", page.previous), ("page_next", page.next)):
        if offset is not None:
            buttons.append(
                _button(action_id, PAGE_BUTTONS[action_id], page_value(page.query, offset))
            )
    return [b for b in buttons if b is not None]


def sources_button(listing: Listing) -> dict[str, Any] | None:
    """Sources: each listed fact's evidence and links, shown only to whoever presses it."""
    return _button(SOURCES_ACTION, SOURCES_LABEL, page_value(listing.query, listing.offset))


def _button(action_id: str, label: str, value: str) -> dict[str, Any] | None:
    if len(value) > MAX_BUTTON_VALUE:
        return None  # a query too long to carry: typed `more` still works
    return {
        "type": "button",
        "action_id": action_id,
        "value": value,
        "text": {"type": "plain_text", "text": label},
    }


def buttons_block(answer: Answer) -> dict[str, Any] | None:
    """One actions block: the paging buttons, then Sources; None when the answer has neither."""
    buttons = page_buttons(answer.page) if answer.page else []
    sources = sources_button(answer.listing) if answer.listing else None
    if sources is not None:
        buttons.append(sources)
    return {"type": "actions", "block_id": "buttons", "elements": buttons} if buttons else None


def _section_title(section: Section, several: bool) -> list[dict[str, Any]]:
    title = plain(section.title, 200)
    return [section_block(f"*{title}*")] if several and title else []


def _left_out_text(dropped: int) -> str:
    noun = "item" if dropped == 1 else "items"
    return f"{dropped} more {noun} left out to fit Slack's limits; ask a narrower question."


def _pack(sections: list[Section], budget: int) -> tuple[list[dict[str, Any]], int]:
    """Whole items, in order, while they fit in `budget` blocks; returns blocks and items left
    out."""
    several = len(sections) > 1
    blocks: list[dict[str, Any]] = []
    total = sum(len(s.items) for s in sections)
    packed = 0
    for index, section in enumerate(sections):
        pending = ([{"type": "divider"}] if index else []) + _section_title(section, several)
        for item in section.items:
            rendered = pending + render_item(item)
            if len(blocks) + len(rendered) > budget:
                return blocks, total - packed
            blocks.extend(rendered)
            pending = []
            packed += 1
    return blocks, 0


def render_slack(answer: Answer) -> SlackMessage:
    """The whole answer as one Slack message that every Block Kit limit accepts."""
    title = plain(answer.title, MAX_HEADER_TEXT) or "Briefbot"
    note = paragraph(answer.note, MAX_NOTE)
    sections = [s for s in answer.sections if s.items]

    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": title}}
    ]
    paging = buttons_block(answer)
    # Room for the note, the "left out" line and the buttons, written last.
    body, dropped = _pack(sections, MAX_BLOCKS - len(blocks) - 3)
    blocks.extend(body)
    if not answer.ok and note:
        blocks.append(section_block(note))
    elif note:
        blocks.append(context_block([note]))
    elif not body and sections:
        blocks.append(section_block("No results."))
    if len(blocks) == 1:
        # Nothing listed and nothing to add: the title is the whole message ("Nothing new since
        # ..."), one short line rather than a header over an empty answer.
        blocks = [section_block(paragraph(answer.title, MAX_NOTE) or "Briefbot")]
    if dropped:
        blocks.append(context_block([_left_out_text(dropped)]))
    if paging:
        blocks.append(paging)

    fallback = plain(answer.title, MAX_FALLBACK) or "Briefbot"
    if note:
        fallback = clip_joined([fallback, plain(answer.note, MAX_FALLBACK)], MAX_FALLBACK * 2)
    return SlackMessage(
        text=fallback,
        blocks=blocks,
        ephemeral=answer.ephemeral,
        dropped=dropped,
        files=list(answer.attachments),
        form=answer.form,
    )


# -- the App Home tab -------------------------------------------------------------------------

MAX_HOME_BLOCKS = 100  # Slack's limit for a Home tab view
# A home button's action_id: unique in the view (Slack wants that), the command in its value.
HOME_CONTROL = re.compile(r"^home_control_\d+_\d+$")
NO_SUBSCRIPTIONS = (
    "No scheduled briefings in this workspace yet. An admin can say `/brief subscribe`."
)


def home_header(text: str) -> dict[str, Any]:
    return {
        "type": "header",
        "text": {"type": "plain_text", "text": plain(text, MAX_HEADER_TEXT) or "Briefbot"},
    }


def render_home(home: Home) -> dict[str, Any]:
    """The Home tab view (`views.publish`): latest briefing, scheduled briefings with the buttons
    this user may press, example commands; within Slack's 100 blocks."""
    tail = [
        {"type": "divider"},
        home_header("Try"),
        section_block(
            "\n".join(f"`/brief {plain(e, 200)}`" for e in home.examples) or "`/brief help`"
        ),
    ]
    blocks: list[dict[str, Any]] = []
    if home.notice:
        blocks.append(context_block([plain(home.notice, MAX_NOTE)]))
    # The briefing without its buttons: a Home view has no response_url to answer a press.
    blocks += [b for b in render_slack(home.briefing).blocks if b["type"] != "actions"]
    blocks += [{"type": "divider"}, home_header("Scheduled briefings")]
    budget = MAX_HOME_BLOCKS - len(tail) - 1  # room for the "more" line
    listed = 0
    for item, controls in home.subscriptions:
        rendered = render_item(item)
        buttons = [
            _home_button(f"home_control_{listed}_{n}", c.label, c.command)
            for n, c in enumerate(controls)
        ]
        if buttons:
            rendered.append(
                {"type": "actions", "block_id": f"subscription_{listed}", "elements": buttons}
            )
        if len(blocks) + len(rendered) > budget:
            break
        blocks += rendered
        listed += 1
    if not home.subscriptions:
        blocks.append(section_block(NO_SUBSCRIPTIONS))
    elif listed < len(home.subscriptions):
        blocks.append(
            context_block([f"{len(home.subscriptions) - listed} more: say `/brief subscriptions`."])
        )
    return {"type": "home", "blocks": blocks + tail}


def _home_button(action_id: str, label: str, command: str) -> dict[str, Any]:
    button = {
        "type": "button",
        "action_id": action_id,
        "value": command,
        "text": {"type": "plain_text", "text": label},
    }
    if label == "Remove":
        button["style"] = "danger"
    return button


# -- forms (modals) ---------------------------------------------------------------------------

MAX_MODAL_TITLE = 24  # a modal's title, submit and close texts
MAX_OPTION_TEXT = 75
MAX_PRIVATE_METADATA = 3000
FORM_VALUE = "value"  # each input's action_id; its block_id is the field's key


def render_form(form: Form, private_metadata: str) -> dict[str, Any]:
    """A modal (`views.open`) asking the form's questions; `private_metadata` comes back on
    submit."""
    return {
        "type": "modal",
        "callback_id": form.form_id,
        "title": {"type": "plain_text", "text": form.title[:MAX_MODAL_TITLE]},
        "submit": {"type": "plain_text", "text": form.submit[:MAX_MODAL_TITLE]},
        "close": {"type": "plain_text", "text": "Cancel"},
        "private_metadata": private_metadata[:MAX_PRIVATE_METADATA],
        "blocks": [_input_block(f) for f in form.fields],
    }


def _input_block(field: FormField) -> dict[str, Any]:
    element: dict[str, Any]
    if field.choices:
        options = [
            {"text": {"type": "plain_text", "text": c[:MAX_OPTION_TEXT]}, "value": c}
            for c in field.choices
        ]
        element = {"type": "static_select", "action_id": FORM_VALUE, "options": options}
        initial = next((o for o in options if o["value"] == field.initial), None)
        if initial is not None:
            element["initial_option"] = initial
    else:
        element = {"type": "plain_text_input", "action_id": FORM_VALUE}
        if field.initial:
            element["initial_value"] = field.initial
        if field.placeholder:
            element["placeholder"] = {"type": "plain_text", "text": field.placeholder}
    return {
        "type": "input",
        "block_id": field.key,
        "optional": field.optional,
        "label": {"type": "plain_text", "text": field.label},
        "element": element,
    }


def form_values(state: dict[str, Any]) -> dict[str, str]:
    """A submitted modal's `view.state.values` as field key -> the text typed or option picked."""
    values = {}
    for key, actions in state.items():
        answer = (actions or {}).get(FORM_VALUE) or {}
        picked = answer.get("selected_option") or {}
        values[key] = str(picked.get("value") or answer.get("value") or "")
    return values

"""Plain-text rendering of an Answer, for the console, the CLI and logs."""

from __future__ import annotations

import re
import textwrap

from bot.answer.model import Answer, Citation

WIDTH = 100
# Control characters (escape sequences, carriage returns, NULs) from article or user text would
# drive the terminal or forge log lines; line breaks are ours to place, so they go too.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def safe(text: str | None) -> str:
    """`text` without control characters (each becomes a space); line breaks stay."""
    return _CONTROL.sub(" ", text or "")


def citation_line(c: Citation) -> str:
    parts = [safe(c.source) or "unknown outlet", safe(c.published) or "undated", safe(c.title)]
    line = " · ".join(p for p in parts if p)
    return f"{line} <{safe(c.url)}>" if c.url else line


def render_text(answer: Answer, tz: str = "UTC") -> str:
    title = safe(answer.title)
    lines = [title, "=" * min(WIDTH, len(title))]
    number = 0
    for section in answer.sections:
        if len(answer.sections) > 1 or section.title != answer.title:
            lines += ["", f"## {safe(section.title)}"]
        for item in section.items:
            number += 1
            lines.append(f"{number}. {safe(item.heading)}")
            if item.body:
                lines += textwrap.wrap(
                    safe(item.body), WIDTH, initial_indent="   ", subsequent_indent="   "
                )
            for field in item.fields:
                lines.append(f"   {safe(field.name)}: {safe(field.value)}")
            for c in item.citations:
                lines.append(f"   source: {citation_line(c)}")
    if answer.note:
        lines += ["", safe(answer.note)]
    return "\n".join(lines)

"""Plain-text rendering of an Answer, for the console, the CLI and logs."""

from __future__ import annotations

import textwrap

from bot.answer.model import Answer, Citation

WIDTH = 100


def citation_line(c: Citation) -> str:
    parts = [c.source or "unknown outlet", c.published or "undated", c.title]
    line = " · ".join(p for p in parts if p)
    return f"{line} <{c.url}>" if c.url else line


def render_text(answer: Answer, tz: str = "UTC") -> str:
    lines = [answer.title, "=" * min(WIDTH, len(answer.title))]
    number = 0
    for section in answer.sections:
        if len(answer.sections) > 1 or section.title != answer.title:
            lines += ["", f"## {section.title}"]
        for item in section.items:
            number += 1
            lines.append(f"{number}. {item.heading}")
            if item.body:
                lines += textwrap.wrap(item.body, WIDTH, initial_indent="   ", subsequent_indent="   ")
            for field in item.fields:
                lines.append(f"   {field.name}: {field.value}")
            for c in item.citations:
                lines.append(f"   source: {citation_line(c)}")
    if answer.note:
        lines += ["", answer.note]
    return "\n".join(lines)

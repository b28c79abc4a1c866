"""The console adapter: the command language at a terminal prompt, answered by the same engine."""

from __future__ import annotations

import asyncio
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from bot.answer.model import Answer, Conversation
from bot.answer.render_text import render_text
from bot.config import Settings
from bot.engine import Engine
from bot.logs import request_scope

PROMPT = "briefbot> "
QUIT = frozenset({"quit", "exit", ":q", "bye"})
GREETING = "Briefbot console. Type `help` for commands, `quit` to leave."


def chart_folder(settings: Settings) -> Path:
    """Charts go beside the database: a place the operator already chose to be writable."""
    return settings.db.parent / "charts"


def save_attachments(answer: Answer, folder: Path) -> list[str]:
    """Write an answer's files (charts) to `folder`; one line per file: its alt text and path.
    A terminal shows no pictures, so the path is how to open one."""
    lines = []
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    for attachment in answer.attachments:
        folder.mkdir(parents=True, exist_ok=True)
        safe = re.sub(r"[^\w.-]", "_", attachment.filename)
        path = folder / f"{stamp}-{safe}"
        path.write_bytes(attachment.data)
        lines.append(f"Chart written to {path.resolve()}")
    return lines


async def chat_loop(engine: Engine, settings: Settings, stdin: TextIO, stdout: TextIO) -> None:
    """Read queries line by line until end of input or `quit`; answer each one."""
    # The person at the console runs the bot, so they may manage subscriptions here.
    conversation = Conversation(
        platform="console", workspace="local", channel="console", user="console", is_admin=True
    )
    interactive = stdin.isatty()
    print(GREETING, file=stdout)
    while True:
        if interactive:
            print(PROMPT, end="", file=stdout, flush=True)
        line = await asyncio.to_thread(stdin.readline)
        if not line:
            break
        query = line.strip()
        if not query:
            continue
        if query.lower() in QUIT:
            break
        with request_scope("console"):  # a new id for each line typed
            answer = await engine.answer(query, conversation)
        print(render_text(answer, tz=settings.tz), file=stdout)
        for line in save_attachments(answer, chart_folder(settings)):
            print(line, file=stdout)
        print(file=stdout, flush=True)


async def run_console(settings: Settings) -> None:
    async with await Engine.open(settings, load_model=False) as engine:
        await chat_loop(engine, settings, sys.stdin, sys.stdout)

"""The console adapter: the command language at a terminal prompt, answered by the same engine."""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from bot.answer.model import Conversation
from bot.answer.render_text import render_text
from bot.config import Settings
from bot.engine import Engine
from bot.logs import request_scope

PROMPT = "briefbot> "
QUIT = frozenset({"quit", "exit", ":q", "bye"})
GREETING = "Briefbot console. Type `help` for commands, `quit` to leave."


async def chat_loop(engine: Engine, settings: Settings, stdin: TextIO, stdout: TextIO) -> None:
    """Read queries line by line until end of input or `quit`; answer each one."""
    # The person at the console runs the bot, so they may manage subscriptions here.
    conversation = Conversation(platform="console", workspace="local", channel="console", user="console", is_admin=True)
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
        print(file=stdout, flush=True)


async def run_console(settings: Settings) -> None:
    async with await Engine.open(settings, load_model=False) as engine:
        await chat_loop(engine, settings, sys.stdin, sys.stdout)

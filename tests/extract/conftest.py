"""What the statement tests share: the statements the engine finds in a short text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.extract.extractor import ExtractRequest
from bot.facts import Statement


@pytest.fixture(scope="module")
def say(extractor) -> Callable[[str], list[Statement]]:
    def run(text: str) -> list[Statement]:
        return extractor.extract(ExtractRequest("t", text, "2025-03-01")).statements

    return run

"""A progress bar for long ingests (rich, on stderr): articles done and articles per second."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

Advance = Callable[[str], None]  # called with added|skipped|refused for each article


@contextmanager
def ingest_progress(enabled: bool) -> Iterator[Advance]:
    """Yields a callback to count each article; without `enabled`, the callback does nothing."""
    if not enabled:
        yield lambda kind: None
        return
    from rich.console import Console
    from rich.progress import (
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (
        SpinnerColumn(),
        TextColumn("ingest"),
        MofNCompleteColumn(),
        TextColumn("articles · {task.fields[rate]} articles/s · {task.fields[counts]}"),
        TimeElapsedColumn(),
    )
    counts = {"added": 0, "skipped": 0, "refused": 0}
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("ingest", total=None, rate="–", counts="")

        def advance(kind: str) -> None:
            counts[kind] = counts.get(kind, 0) + 1
            bar.advance(task)
            speed = bar.tasks[0].speed
            summary = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
            bar.update(task, rate=f"{speed:.1f}" if speed else "–", counts=summary)

        yield advance

"""A long-running bot gives freed memory back after a burst of work (glibc Linux)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.memory import _malloc_trim, release_free_memory


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(_malloc_trim() is None, reason="needs glibc's malloc_trim (Linux)")
def test_freed_heap_memory_goes_back_to_the_system() -> None:
    # 2 KB blocks come from malloc's heap (not pymalloc, not mmap); keeping every 64th alive
    # stops the heap from shrinking on its own, as spaCy's scattered leftovers do.
    blocks = [bytes(2048) for _ in range(100_000)]
    kept = blocks[::64]
    del blocks
    before = resident_mb()
    assert release_free_memory()
    assert before - resident_mb() > 100, "at least 100 of the ~200 MB freed should be returned"
    assert len(kept) == 1563


def test_objects_loaded_at_start_up_are_kept_out_of_full_collections() -> None:
    import gc

    from bot.memory import settle_long_lived_objects

    loaded = [{"n": i} for i in range(10_000)]  # stands for the model and caches
    try:
        assert settle_long_lived_objects() >= 10_000
        assert not any(gc.is_tracked(x) and x in gc.get_objects(generation=2) for x in loaded[:1])
    finally:
        gc.unfreeze()

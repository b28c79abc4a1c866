"""What an ingest run did, article by article."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # duplicates
    refused: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)

    @property
    def read_anything(self) -> bool:
        return bool(self.added or self.skipped)

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.skipped)} skipped (duplicate), "
            f"{len(self.refused)} refused"
        )

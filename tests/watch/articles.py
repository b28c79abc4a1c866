"""Articles for the watch tests, written for them: two outlets reporting the same talks of Sergey
Lavrov in Ankara, one reporting different talks of his, and one about something else entirely."""

from __future__ import annotations

from pathlib import Path


def article(title: str, source: str, published: str, *paragraphs: str) -> str:
    """A Markdown article with its front matter, paragraphs apart by a blank line."""
    front = f"---\ntitle: {title}\nsource: {source}\npublished: {published}\n---\n"
    return front + "\n\n".join(paragraphs) + "\n"


LAVROV_TALKS = article(
    "Lavrov and Fidan hold talks in Ankara on the grain corridor",
    "Anatolia Wire",
    "2025-06-10",
    "Russian Foreign Minister Sergey Lavrov held talks with Turkish Foreign Minister Hakan Fidan "
    "in Ankara on Monday.",
    "The two ministers discussed the grain corridor and shipping in the Black Sea, the Turkish "
    "ministry said.",
    '"We had a frank and useful conversation," Fidan told reporters after the meeting.',
)

# Another outlet's report of the same talks: same day, place and sides, nothing new to show.
LAVROV_TALKS_AGAIN = article(
    "Russian and Turkish foreign ministers meet in Ankara",
    "Bosphorus Daily",
    "2025-06-10",
    "Turkish Foreign Minister Hakan Fidan met Russian Foreign Minister Sergey Lavrov in Ankara on "
    "Monday for talks on the grain corridor.",
    "Officials said the meeting lasted three hours and focused on Black Sea shipping.",
)

UNRELATED = article(
    "Chile and Peru sign fisheries accord",
    "Andes Post",
    "2025-06-11",
    "Chile and Peru signed an agreement on fisheries in Lima on Tuesday, the Peruvian foreign "
    "ministry said.",
    "Peruvian Foreign Minister Elmer Schialer said the accord would protect anchovy stocks.",
)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path

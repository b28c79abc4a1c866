"""What a Sources button shows: each listed fact's evidence sentence and its sources' links.

Built from the answer the button's query and offset give again, so nothing is remembered between
the answer and the press.
"""

from __future__ import annotations

from bot.answer.model import Answer, Field, Item, Listing, Section

MAX_OTHER_SENTENCES = 2  # besides the first source's; more would bury the links


def listing_of(answer: Answer) -> Listing | None:
    """Where a Sources button finds this answer's facts again, or None when none has a source."""
    if not answer.ok or not any(item.citations for item in answer.items):
        return None
    return Listing(answer.query, answer.page.offset if answer.page else 0)


def evidence_item(item: Item) -> Item:
    """The fact's heading, the sentence its first source said it in, other sources' own wording."""
    first = next((c.evidence for c in item.citations if c.evidence), None)
    others: list[Field] = []
    for citation in item.citations:
        sentence = citation.evidence
        if sentence and sentence != first and len(others) < MAX_OTHER_SENTENCES:
            others.append(Field(citation.source or citation.title, f"“{sentence}”"))
    body = f"“{first}”" if first else "No sentence was kept for this fact."
    return Item(heading=item.heading, body=body, fields=others, citations=list(item.citations))


def evidence_answer(listed: Answer) -> Answer:
    """The evidence of every fact `listed` shows, for the person who pressed Sources alone."""
    items = [evidence_item(item) for item in listed.items if item.citations]
    title = f"Sources: {listed.title}"
    if not listed.ok or not items:
        note = listed.note if not listed.ok else "Those facts are no longer listed; ask again."
        return Answer(listed.query, "evidence", title, note=note, ok=False)
    return Answer(
        listed.query,
        "evidence",
        title,
        [Section(title, items)],
        shown=len(items),
        total=len(items),
        private=True,
    )

"""Political events (PLOVER types) from the parse: trigger, participants, place, date, status.

An event is found from its trigger word and the trigger's arguments in the dependency parse
("a phone call between Presidents Putin and Trump on February 12"), never from the bag of words in a
sentence. Mentions of one event within an article ("the negotiations", "the talks", "the meeting")
are merged: a mention with its own date is its own event; one without joins the article's main
event of that type. An event is reported only when a verb or predicate asserts it and it names
a side, and it carries a confidence from how it was found.

The stages, one module each: `lexicon` (the words, all from data/), `triggers` (what event a
sentence names, and whether it happened), `arguments` (who), `when_where` (where, when, status),
`topics` (about what), `assembly` (one event per real-world event in the article).
"""

from bot.extract.events.assembly import (
    extract_events,
    extract_events_ranked,
    extract_events_with_evidence,
)
from bot.extract.events.topics import distinct_topics
from bot.extract.events.triggers import Trigger, find_triggers, is_negated_or_hypothetical, salience

__all__ = [
    "Trigger",
    "distinct_topics",
    "extract_events",
    "extract_events_ranked",
    "extract_events_with_evidence",
    "find_triggers",
    "is_negated_or_hypothetical",
    "salience",
]

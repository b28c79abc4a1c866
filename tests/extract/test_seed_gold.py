"""The seed article's acceptance facts (shared/acceptance/seed_gold.json), checked against
`briefbot extract` on the seed."""

from __future__ import annotations

import pytest

from bot.extract.countries import country_index
from bot.names import name_key


def same_name(expected: str, name: str | None, aliases: list[str] = ()) -> bool:
    """Names match by canonical name or alias; countries by ISO code (US = U.S. = United States)."""
    if not name:
        return False
    options = [o.strip() for o in expected.split("|")]
    candidates = [name, *aliases]
    for option in options:
        for candidate in candidates:
            if name_key(option) == name_key(candidate):
                return True
            a, b = country_index().match(option), country_index().match(candidate)
            if a and b and a.country.code == b.country.code and {a.how, b.how} <= {"name", "alias"}:
                return True
            # "Lavrov" matches "Sergey Lavrov": the surname of a person.
            if len(option.split()) == 1 and name_key(candidate).split()[-1:] == [name_key(option)]:
                return True
    return False


def entity_named(facts: dict, name: str) -> dict | None:
    for entity in facts["entities"]:
        if same_name(name, entity["name"], entity.get("aliases", [])):
            return entity
    return None


def participant_names(event: dict) -> list[str]:
    return [p["name"] for p in event["participants"]]


def event_matches(gold: dict, event: dict) -> bool:
    if event["type"] != gold["type"]:
        return False
    if "kind" in gold and event["kind"] not in gold["kind"].split("|"):
        return False
    names = participant_names(event)
    if not all(any(same_name(p, n) for n in names) for p in gold["participants"]):
        return False
    if "location" in gold and not (
        event["location"] and same_name(gold["location"], event["location"]["name"])
    ):
        return False
    for key in ("date", "status"):
        if key in gold and event.get(key) != gold[key]:
            return False
    if "topics_contain_any" in gold and not any(
        needle.lower() in topic.lower()
        for needle in gold["topics_contain_any"]
        for topic in event["topics"]
    ):
        return False
    if "excluded_topics_contain_any" in gold and not any(
        needle.lower() in topic.lower()
        for needle in gold["excluded_topics_contain_any"]
        for topic in event["excluded_topics"]
    ):
        return False
    if (
        "content_contains" in gold
        and gold["content_contains"].lower() not in (event.get("content") or "").lower()
    ):
        return False
    return True


def test_every_gold_entity_is_found_with_kind_title_and_country(seed_facts, seed_gold):
    for gold in seed_gold["entities"]:
        entity = entity_named(seed_facts, gold["name"])
        assert entity is not None, f"missing entity {gold['name']}"
        assert entity["kind"] == gold["kind"], (gold, entity)
        if "title" in gold:
            assert entity.get("title") == gold["title"], (gold, entity)
        if "country" in gold:
            assert same_name(gold["country"], entity.get("country")), (gold, entity)


def test_every_gold_event_is_found(seed_facts, seed_gold):
    for gold in seed_gold["events"]:
        matches = [e for e in seed_facts["events"] if event_matches(gold, e)]
        assert matches, f"no event matches {gold['id']}: {gold}"


def test_every_gold_statement_is_found(seed_facts, seed_gold):
    for gold in seed_gold["statements"]:
        matches = [
            s
            for s in seed_facts["statements"]
            if same_name(gold["speaker"], s["speaker"])
            and gold["contains"].lower() in s["content"].lower()
            and s["quote"] in gold["quote"].split("|")
        ]
        assert matches, f"no statement matches {gold}"


def test_offsets_point_at_the_content(seed_facts):
    from bot.ingest.readers import read_article
    from tests.conftest import SEED_ARTICLE

    text = read_article(SEED_ARTICLE, 5_000_000).text
    for s in seed_facts["statements"]:
        assert text[s["content_start"] : s["content_end"]] == s["content"]
    for e in seed_facts["events"]:
        assert text[e["evidence_start"] : e["evidence_end"]] == e["evidence"]


def test_byline_author_is_not_a_speaker(seed_facts):
    assert not [
        s
        for s in seed_facts["statements"]
        if same_name("Vafa Guliyeva", s["speaker"] or s["speaker_text"])
    ]


def test_trump_is_never_an_organisation_and_caliber_az_stays_whole(seed_facts):
    for entity in seed_facts["entities"]:
        assert not (entity["kind"] == "organization" and name_key(entity["name"]) == "trump")
        assert entity["name"] != "Caliber"


def test_phone_call_and_riyadh_meeting_are_not_located_in_istanbul(seed_gold, seed_facts):
    for event_id in ("phone-call", "riyadh"):
        gold = next(g for g in seed_gold["events"] if g["id"] == event_id)
        for event in seed_facts["events"]:
            if event_matches(gold, event) and event["location"]:
                assert not same_name("Istanbul", event["location"]["name"])


@pytest.mark.parametrize("pronoun", ["he", "she", "it", "they"])
def test_no_statement_has_a_pronoun_for_a_speaker(seed_facts, pronoun):
    for s in seed_facts["statements"]:
        assert (s["speaker"] or "").lower() != pronoun

"""Words that name an act without telling it happened: what someone is accused of, a participle
describing a noun, a second verb of an "if" clause, a voice breaking, an agreement described or
ratified long before. Sentences are the repository's own."""

from __future__ import annotations

import pytest

from bot.extract.extractor import ExtractRequest

PUBLISHED = "2025-02-27"  # a Thursday


def all_events(extractor, text: str) -> list[dict]:
    """Every event found, shown or kept below the line."""
    return extractor.extract(ExtractRequest("t", text, PUBLISHED)).to_json()["events"]


def events(extractor, text: str) -> list[dict]:
    """The events an answer shows."""
    return [e for e in all_events(extractor, text) if e["confidence"] >= 0.5]


def names(event: dict) -> set[str]:
    return {p["name"] for p in event["participants"]}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (  # what an accusation says was done is its content, not a visit
            "Fijian Prime Minister Sitiveni Rabuka, who has accused Tonga of hosting French troops "
            "near the reef, told reporters on Thursday that Fiji wanted guarantees.",
            "visit",
        ),
        (  # the second verb of an "if" clause is as conditional as the first
            "Fiji threatened sanctions on Wednesday if Tonga did not halt its patrols and lift "
            "restrictions on Fijian fishing boats.",
            "easing",
        ),
        (  # a voice breaking is no break of relations
            '"This is only the beginning," Prime Minister Sitiveni Rabuka said, his voice '
            "breaking.",
            "severance",
        ),
        (  # a plan told in the past perfect did not come about
            "Rabuka had planned to visit Tonga in late March but postponed the trip after he "
            "fell ill.",
            "visit",
        ),
        (
            "Rabuka stood in for King Tupou, who had been due to become the first Tongan monarch "
            "to visit Fiji but cancelled the stop last week.",
            "visit",
        ),
        (
            "Sovaleni had been due to leave Nuku'alofa on Friday night for talks in Suva on "
            "Sunday, the first visit by a Tongan leader to Fiji since 2018.",
            "visit",
        ),
        (  # any meeting at all, not one set
            "Tonga has warned that any meeting between Rabuka and the Samoan prime minister would "
            "be a provocation.",
            "meeting",
        ),
        (  # what one is not kept from doing
            "Rabuka said the pact did not prevent Fiji from cooperating with other partners, "
            "including Tonga.",
            "cooperation",
        ),
        (  # what a demand asks for
            "On Friday, Rabuka set out his terms, demanding that Tonga abandon its claim and "
            "withdraw troops from the two islands claimed by Fiji.",
            "withdrawal",
        ),
        (  # what a ban is on
            "Suva imposed a one-year moratorium on such visits in January.",
            "visit",
        ),
        (  # a habit
            "A Tongan spokesman said on Monday that Nuku'alofa had always sought good relations "
            "with its neighbours.",
            "request",
        ),
        (  # a name given to an act
            "Tonga called the deal an attack on its sovereignty.",
            "attack",
        ),
        (  # what a demand on a noun asks for
            "Rabuka repeated his demand that Tonga withdraw its boats from the reef.",
            "withdrawal",
        ),
        (  # a deal struck, a tone struck: no one attacked
            "The deal struck in Suva on Tuesday between Fiji and Tonga has been described as a "
            "breakthrough.",
            "attack",
        ),
        ("Rabuka struck a conciliatory tone with reporters after the talks.", "attack"),
        (  # a clash with a person is one of words
            "Sovaleni, who has clashed with Rabuka over the reef, attended the ceremony.",
            "attack",
        ),
        (
            "Tonga's prime minister, who has clashed with Rabuka repeatedly, said on Wednesday he "
            "would attend the forum in Suva.",
            "attack",
        ),
        ("Fiji wants talks between Tonga and Samoa.", "talks"),  # wished for, not held
        (  # what a means is for is not held
            "Fiji proposed a framework for dialogue between Tonga and Samoa.",
            "talks",
        ),
        (  # what a text would let the sides do is no signing
            "Whether the talks produce a text that Rabuka and Sovaleni can sign is another matter.",
            "agreement",
        ),
        (  # two leaders named, clashing over a topic: words
            "President Sovaleni and President Rabuka clashed over the reef on Monday.",
            "attack",
        ),
        (
            "The election was called after the deaths of Sovaleni and Rabuka, who were killed in "
            "a helicopter crash in May.",
            "attack",
        ),
        (  # standing for office asks no one anything
            "Rabuka, who chairs the Pacific forum, is seeking a second term in an election set "
            "for June 29.",
            "request",
        ),
        (  # sheltering an office or troops is no visit
            "Fiji, which hosts Tonga's political office, has mediated several smaller disputes.",
            "visit",
        ),
        (  # a missile fired into the sea is a launch, no attack on anyone
            "On the morning of the summit, Tonga fired a long-range missile into the sea between "
            "Fiji and Samoa.",
            "attack",
        ),
        (
            "Tonga fired a ballistic missile that fell into waters off Fiji.",
            "attack",
        ),
        (  # a trip ended early cuts no ties
            "Rabuka cut short a two-day state visit to Tonga on Tuesday night.",
            "severance",
        ),
        (  # what a relative clause says was struck is its antecedent: agreements, no attack
            "It is the latest in a series of fishing partnerships that Suva has struck with "
            "countries including Tonga and Samoa.",
            "attack",
        ),
    ],
)
def test_an_act_named_but_not_told_as_done_is_no_event(extractor, text, kind):
    assert not [e for e in events(extractor, text) if e["kind"] == kind]


def test_a_participle_describing_a_noun_is_no_trigger(extractor):
    from bot.extract.events.triggers import find_triggers

    doc = extractor.nlp(
        "The proposal contradicts the commitments Tonga undertook in the negotiating framework, "
        "and Tonga's negotiating team left Suva on Thursday."
    )
    assert not [t for t in find_triggers(next(iter(doc.sents))) if t.token.lower_ == "negotiating"]


def test_people_of_a_country_are_not_its_state(extractor):
    text = (
        "Fijian police said on Thursday that the attack on the harbour had been carried out by "
        "two Tongan citizens who had since left for Samoa."
    )
    assert not [e for e in events(extractor, text) if "Tonga" in names(e)]


def test_an_agreement_described_or_ratified_before_is_not_the_outcome_of_a_call(extractor):
    text = (
        "Fijian Foreign Minister Lisiate Akolo received a phone call on Tuesday from his Tongan "
        "counterpart Siaosi Sovaleni about the reef. The Pacific Islands Forum said the "
        "agreement was a binding international treaty. In 2023, a Tongan court ruled that the "
        "law ratifying the 2012 agreement was unconstitutional."
    )
    found = events(extractor, text)
    assert [e for e in found if e["kind"] == "phone_call"]
    assert not [e for e in found if e["type"] == "AGREE" and e["date"] == "2025-02-25"]
    assert not any("agreed to" in (e.get("outcome") or "") for e in found)


def test_a_name_of_four_words_the_tagger_cut_in_two_is_one_person(extractor):
    text = (
        "Niger's Prime Minister Ali Mahaman Lamine Zeine met Togolese President Faure "
        "Gnassingbe in Lome on Monday."
    )
    (meeting,) = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    # written as the article writes him, or as the knowledge base knows him
    assert names(meeting) & {"Ali Mahaman Lamine Zeine", "Ali Lamine Zeine"}
    assert not names(meeting) & {"Ali Mahaman", "Lamine Zeine"}


def test_two_surnames_joined_by_a_hyphen_are_two_people(extractor):
    text = (
        "Suva's readout of Thursday's Rabuka-Sovaleni call: reef reopening on track\n\n"
        "Fijian Prime Minister Sitiveni Rabuka told Tongan Prime Minister Siaosi Sovaleni on "
        "Thursday that the reef would reopen to fishing boats."
    )
    found = all_events(extractor, text)
    calls = [e for e in found if e["kind"] == "phone_call"]  # told in a headline: below the line
    assert calls and {"Sitiveni Rabuka", "Siaosi Sovaleni"} <= names(calls[0])


def test_the_people_of_a_country_something_is_done_to_are_still_its_side(extractor):
    text = "Fijian police raided the homes of Tongan nationals in Suva on Thursday."
    assert any("Tonga" in names(e) for e in events(extractor, text))


def test_whose_decision_it_is_does_what_it_says(extractor):
    text = (
        "Fiji's decision on Monday to suspend fishing talks with Tonga has thrown the reef "
        "agreement into doubt."
    )
    (suspension,) = [e for e in events(extractor, text) if e["type"] == "SANCTION"]
    assert {"Fiji", "Tonga"} <= names(suspension)
    assert suspension["date"] == "2025-02-24"


def test_a_bid_or_a_determination_is_no_act(extractor):
    text = "The sanctions will not shake Tonga's determination to support the reef agreement."
    assert not [e for e in events(extractor, text) if e["type"] == "SUPPORT"]


@pytest.mark.parametrize(("day", "status"), [("Wednesday", "ongoing"), ("Monday", "concluded")])
def test_a_visit_begun_by_an_arrival_a_day_ago_is_under_way(extractor, day, status):
    text = f"Fijian Prime Minister Sitiveni Rabuka arrived in Nuku'alofa on {day}."
    (visit,) = [e for e in events(extractor, text) if e["kind"] == "visit"]
    assert visit["status"] == status


def test_talks_a_headline_tells_postponed_are_a_postponement_not_talks(extractor):
    found = all_events(extractor, "Fiji-Tonga reef talks postponed again\n\nNo date was set.")
    assert found and all(e["kind"] != "talks" for e in found)


def test_a_lead_with_no_day_of_its_own_took_place_on_the_day_the_article_tells(extractor):
    text = (
        "SUVA, Feb 27 (Pacific Wire) - Fiji and Tonga agreed not to send patrol boats to the reef, "
        "after a rare face-to-face meeting of their leaders.\n\n"
        "Fijian Prime Minister Sitiveni Rabuka and Tongan Prime Minister Siaosi Sovaleni met for "
        "several hours on Wednesday at Nadi airport."
    )
    found = events(extractor, text)
    agreement = [e for e in found if e["type"] == "AGREE"]
    meeting = [e for e in found if e["kind"] == "meeting"]
    assert agreement and agreement[0]["date"] == "2025-02-26"  # not the dateline's Feb 27
    assert meeting and meeting[0]["date"] == "2025-02-26"


def test_the_pair_are_the_two_people_named_before_them(extractor):
    text = (
        "Fijian Prime Minister Sitiveni Rabuka told Tongan Prime Minister Siaosi Sovaleni on "
        "Monday that ties were on the right path, as the pair met in Suva."
    )
    meetings = [e for e in events(extractor, text) if e["kind"] == "meeting"]
    assert meetings and {"Sitiveni Rabuka", "Siaosi Sovaleni"} <= names(meetings[0])


def test_whom_a_side_is_tied_to_is_not_a_side(extractor):
    text = "The attacks on Pacific shipping by Tonga-aligned Houthis in Samoa continued."
    # shown or not (a movement's attack alone is told below the line): never Tonga's
    found = all_events(extractor, text)
    assert found and not [e for e in found if "Tonga" in names(e)]


def test_backing_opposing_sides_is_no_support_between_the_backers(extractor):
    text = "Fiji and Tonga have backed opposing sides in the war in Samoa."
    assert not [e for e in events(extractor, text) if e["type"] == "SUPPORT"]


def test_who_was_prompted_to_act_did_it(extractor):
    text = (
        "The vote angered Rabuka, prompting Fiji to cancel a planned visit by a senior "
        "delegation to Tonga."
    )
    cancelled = [e for e in events(extractor, text) if e["kind"] == "cancel"]
    assert cancelled and "Fiji" in names(cancelled[0])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (  # a headline ending on a quoted word is still a headline
            "Blinken postpones China trip over 'spy balloon'\n\nWASHINGTON, Feb 27 (Pacific "
            "Wire) - U.S. Secretary of State Antony Blinken on Wednesday postponed a trip to "
            "Beijing after a balloon was spotted.",
            "postpone",
        ),
        (  # a summit held beside another gathering is still the summit
            "Pacific leaders, Rabuka hold first-ever reef summit in Suva\n\nThe leaders of Tonga, "
            "Samoa and Vanuatu met Fijian Prime Minister Sitiveni Rabuka in Suva on Tuesday for "
            "the first reef summit, on the sidelines of the Pacific Islands Forum.",
            "summit",
        ),
    ],
)
def test_an_act_a_headline_tells_again_is_the_bodys_act(extractor, text, kind):
    found = all_events(extractor, text)
    assert len([e for e in found if e["kind"] == kind]) == 1  # shown or not, one act


@pytest.mark.parametrize(
    "text",
    [
        "Rabuka and Sovaleni signed the reef pact on Thursday and released the text on Friday.",
        "Photographs released by Tongan state media showed Rabuka and Sovaleni shaking hands.",
    ],
)
def test_publishing_a_text_or_a_picture_frees_no_one(extractor, text):
    assert not [e for e in events(extractor, text) if e["type"] == "CONCEDE"]


@pytest.mark.parametrize(
    ("text", "kind", "present", "absent"),
    [
        (  # "he" inside what she said is not her
            "Meloni said on Monday that Trump had invited her to Washington. She said he would "
            "visit Rome in May.",
            "visit",
            {"Donald Trump"},
            set(),
        ),
        (  # a headline's Estonian diplomat is not the body's Latvian one
            "Russia expels Estonian diplomat\n\nMOSCOW, Feb 27 (Pacific Wire) - Russia expelled a "
            "Latvian diplomat on Tuesday in a tit-for-tat move, the foreign ministry said.",
            "expulsion",
            {"Russia", "Latvia"},
            {"Estonia"},
        ),
        (  # the rival government backed is one side, backed
            "Fiji and Samoa backed the rival government of Tonga's opposition leader on Tuesday.",
            "support",
            {"Fiji", "Samoa"},
            set(),
        ),
        (  # a state's crew is the state
            "An Iranian crew seized a British-flagged tanker in the Strait of Hormuz on Sunday.",
            "seizure",
            {"Iran", "United Kingdom"},
            set(),
        ),
        (  # "Muslim leaders" are no Salih Muslim
            "Syrian Kurdish leader Salih Muslim met French officials in Paris on Monday. Muslim "
            "leaders from Indonesia condemned Israel on Tuesday.",
            "criticism",
            {"Indonesia"},
            {"Salih Muslim"},
        ),
    ],
)
def test_the_sides_are_the_ones_the_sentence_gives(extractor, text, kind, present, absent):
    found = [e for e in events(extractor, text) if e["kind"] == kind]
    assert found and present <= names(found[0]) and not absent & names(found[0])


def test_a_lead_is_not_dated_by_talks_held_elsewhere(extractor):
    text = (
        "ISTANBUL, Feb 27 (Pacific Wire) - Russian and U.S. diplomats held talks in Istanbul on "
        "the work of their embassies, Russia's foreign ministry said. Russian Foreign Minister "
        "Sergei Lavrov and U.S. Secretary of State Marco Rubio met in Riyadh on Tuesday."
    )
    (istanbul,) = [
        e for e in events(extractor, text) if (e["location"] or {}).get("name") == "Istanbul"
    ]
    assert istanbul["date"] == "2025-02-27"


def test_a_visit_left_the_same_day_is_over(extractor):
    text = (
        "U.S. Secretary of State Marco Rubio arrived in Riyadh on Wednesday, met Saudi Crown "
        "Prince Mohammed bin Salman and left for Jerusalem later that day."
    )
    (visit,) = [e for e in events(extractor, text) if e["kind"] == "visit"]
    assert visit["status"] == "concluded"


def test_a_meeting_told_beside_a_whether_clause_took_place(extractor):
    text = (
        "Rubio did not say whether Washington would lift sanctions and met Lavrov in Riyadh on "
        "Tuesday."
    )
    assert [e for e in events(extractor, text) if e["kind"] == "meeting"]


def test_who_came_out_of_the_talks_took_part_in_them(extractor):
    text = "Rabuka came out of Sunday's meeting with Sovaleni with what he called a deal."
    meetings = [e for e in events(extractor, text) if e["kind"] == "meeting"]
    assert meetings and {"Rabuka", "Sovaleni"} <= {n.split()[-1] for n in names(meetings[0])}


def test_talks_a_when_clause_tells_are_at_the_time_it_qualifies(extractor):
    text = (
        "Ties were raised to the level of leaders only in September 2023, when Rabuka met "
        "Sovaleni on the margins of a regional forum."
    )
    met = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    assert met and met[0]["date"] == "2023-09-01" and met[0]["date_precision"] == "month"


def test_a_city_naming_talks_is_where_they_were_held_not_a_side(extractor):
    text = (
        "ANALYSIS-Fragile Fiji-Tonga truce hinges on observers after Nuku'alofa border talks\n"
        "By Regional Affairs Desk\n"
        "When Fijian and Tongan defence chiefs shook hands in Nuku'alofa on Thursday, it was a "
        "rare sign of progress. The truce dates back only to February 10, when Rabuka hosted "
        "Sovaleni in Suva."
    )
    talks = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    held = [e for e in talks if (e["location"] or {}).get("name") == "Suva"]
    assert held and all(e["date"] == "2025-02-10" for e in held)
    assert all("Nuku'alofa" not in names(e) for e in talks)


def test_a_missile_fired_at_a_place_is_an_attack(extractor):
    found = events(extractor, "On Monday, Tonga fired missiles at Suva and into western Samoa.")
    assert [e for e in found if e["type"] == "ASSAULT"], found


def test_a_meeting_only_thought_of_is_no_meeting(extractor):
    text = (
        "Officials in Nairobi held open the possibility of a meeting with President Museveni but "
        "have not confirmed one."
    )
    assert [e for e in events(extractor, text) if e["type"] == "CONSULT"] == []


def test_a_meeting_a_government_weighs_is_no_meeting(extractor):
    text = "Kenya weighs meeting with Museveni as border row deepens"
    assert [e for e in events(extractor, text) if e["type"] == "CONSULT"] == []


def test_the_chance_a_meeting_gave_them_was_a_meeting_held(extractor):
    text = "Ruto and Museveni met in Kampala on Tuesday, the first chance for talks in a year."
    assert len([e for e in events(extractor, text) if e["type"] == "CONSULT"]) == 1


def test_what_someone_should_do_told_in_a_relative_clause_is_still_asked(extractor):
    # "can" or "would" in a relative clause tells a possibility; "should" there is a demand
    text = (
        "Rabuka, adding it was Prime Minister Sovaleni who should apologise for insults directed "
        "at him, left the forum."
    )
    # found and stored; how sure it is shown is the calibration's (a one-sided demand in a
    # clause told in passing falls under the line answers show)
    found = all_events(extractor, text)
    assert [e for e in found if e["type"] == "REQUEST"], found


def test_a_sitting_wanted_or_planned_in_a_clause_of_its_own_is_still_told(extractor):
    for text, kind in (
        ("Xi, who would meet Putin in Moscow on Thursday, left Beijing on Wednesday.", "meeting"),
        (
            "Fiji requested an emergency Security Council meeting, which will be held on Friday.",
            "meeting",
        ),
        ("Officials agreed a roadmap for Rabuka's visit to Tonga next month.", "visit"),
    ):
        found = [e for e in all_events(extractor, text) if e["kind"] == kind]
        assert found, (text, all_events(extractor, text))


def test_leaders_quarrelling_anywhere_clash_in_words(extractor):
    text = "Rabuka and Sovaleni clashed in a televised debate on Friday."
    assert not [e for e in events(extractor, text) if e["type"] == "ASSAULT"], events(
        extractor, text
    )

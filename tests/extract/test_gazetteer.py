"""The knowledge base of officials (data/people.json) and the abbreviated titles (data/titles.json):
a person the article names without title or country gets them from the knowledge base, and a
title written short before a name ("EAM", "NSA", "FM", "PM") is split off and read in full."""

from __future__ import annotations

from collections import defaultdict

import pytest

from bot.extract.countries import country_index
from bot.extract.entities import canonical_title
from bot.extract.extractor import ExtractRequest
from bot.extract.organizations import organization_name
from bot.extract.pipeline import load_data
from bot.facts import Entity
from bot.names import name_key


def people(extractor, text: str) -> dict[str, Entity]:
    extraction = extractor.extract(ExtractRequest("t", text, "2025-06-01"))
    return {e.name: e for e in extraction.entities if e.kind == "person"}


# --- the data itself ---------------------------------------------------------------------------


def test_every_country_code_is_one_the_country_index_knows():
    for person in load_data("people")["people"]:
        code = person["country"]
        assert code is None or country_index().by_code(code) is not None, person


def test_no_name_or_alias_stands_for_two_people():
    owners = defaultdict(set)
    for person in load_data("people")["people"]:
        for name in [person["name"], *person["aliases"]]:
            owners[name_key(name)].add(person["name"])
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


def test_no_one_word_alias_is_a_surname_many_people_share():
    shared = {"kim", "li", "wang", "lee", "khan", "singh", "sharif", "abbas", "harris", "johnson"}
    for person in load_data("people")["people"]:
        for alias in person["aliases"]:
            assert name_key(alias) not in shared, person


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("EAM", "External Affairs Minister"),
        ("NSA", "National Security Adviser"),
        ("FM", "Foreign Minister"),
        ("PM", "Prime Minister"),
        ("Deputy FM", "Deputy Foreign Minister"),
    ],
)
def test_abbreviated_titles_read_in_full(short, full):
    assert canonical_title(short) == full


# --- in articles -------------------------------------------------------------------------------


def test_a_foreign_minister_named_by_surname_alone_gets_title_and_country(extractor):
    found = people(
        extractor, "Safadi told reporters in Amman that the border crossing would reopen next week."
    )
    safadi = found["Ayman Safadi"]
    assert (safadi.title, safadi.country_code) == ("Foreign Minister", "JOR")


def test_the_other_transliteration_is_the_same_minister(extractor):
    for spelling in ("Araghchi", "Araqchi"):
        found = people(extractor, f"{spelling} said the technical teams would meet again in Oman.")
        assert found["Abbas Araqchi"].country_code == "IRN", found


def test_eam_before_a_surname_is_a_title_not_part_of_the_name(extractor):
    found = people(extractor, "EAM Jaishankar arrived in Colombo on Tuesday for a two-day visit.")
    assert list(found) == ["S. Jaishankar"]
    assert (found["S. Jaishankar"].title, found["S. Jaishankar"].country_code) == (
        "External Affairs Minister",
        "IND",
    )


@pytest.mark.parametrize("title", ["NSA", "National Security Advisor", "National Security Adviser"])
def test_nsa_before_a_name_is_split_off(extractor, title):
    found = people(
        extractor,
        f"{title} Ajit Doval held talks with his French counterpart in New Delhi on Friday.",
    )
    doval = found["Ajit Doval"]
    assert (doval.title, doval.country_code) == ("National Security Adviser", "IND")
    assert not [name for name in found if name != "Ajit Doval" and "Doval" in name]


def test_an_abbreviated_title_gives_the_title_of_someone_not_in_the_knowledge_base(extractor):
    found = people(
        extractor,
        "Thai FM Maris Sangiampongsa met his Cambodian counterpart in Kuala Lumpur on Monday.",
    )
    maris = found["Maris Sangiampongsa"]
    assert (maris.title, maris.country_code) == ("Foreign Minister", "THA")


def test_a_known_name_inside_a_longer_royal_name_does_not_cut_it(extractor):
    found = people(
        extractor,
        "Sheikh Khaled bin Mohamed bin Zayed Al Nahyan opened the forum in Abu Dhabi on Sunday.",
    )
    assert "Mohamed bin Zayed" not in found
    assert found["Khaled bin Mohamed bin Zayed"].country_code == "ARE"


def test_a_former_office_is_never_given_as_the_current_title(extractor):
    found = people(extractor, "Scholz said on Wednesday that he would not stand again.")
    scholz = found["Olaf Scholz"]
    assert (scholz.title, scholz.country_code) == (None, "DEU")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Democratic Republic of Congo", "COD"),
        ("Democratic Republic of the Congo", "COD"),
        ("Republic of Congo", "COG"),
        ("Congo-Brazzaville", "COG"),
        ("Congo-Kinshasa", "COD"),
        ("Republic of Korea", "KOR"),
        ("ROK", "KOR"),
        ("Lao PDR", "LAO"),
        ("State of Palestine", "PSE"),
        ("NZ", "NZL"),
        ("Bosnia", "BIH"),
    ],
)
def test_a_country_is_known_as_news_writes_it(name, code):
    found = country_index().resolve(name)
    assert found is not None and found.code == code


def test_a_country_of_several_words_opening_the_lead_is_the_whole_name(extractor):
    text = "KINSHASA, Oct 29 - Democratic Republic of Congo on Saturday accused Rwanda of lying."
    extraction = extractor.extract(ExtractRequest("t", text, "2022-10-30"))
    codes = {e.country_code for e in extraction.entities if e.kind == "country"}
    assert "COD" in codes and "COG" not in codes


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("St Kitts and Nevis", "KNA"),
        ("St Lucia", "LCA"),
        ("Fijian", "FJI"),
        ("Tongan", "TON"),
        ("Islamic Emirate", "AFG"),
    ],
)
def test_the_short_and_adjective_forms_of_small_states_are_known(name, code):
    match = country_index().match(name)
    assert match is not None and match.country.code == code


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("Caribbean Community", "CARICOM"),
        ("PIF", "Pacific Islands Forum"),
        ("South Asian Association for Regional Cooperation", "SAARC"),
        ("V4", "Visegrad Group"),
        ("ECCAS", "Economic Community of Central African States"),
    ],
)
def test_regional_bodies_are_known_by_each_name(name, body):
    assert organization_name(name) == body


def test_every_body_with_members_is_a_known_body_of_known_countries():
    data = load_data("organizations")
    for body, codes in data["members"].items():
        if body.startswith("_"):
            continue
        assert body in data["organizations"], body
        assert all(country_index().by_code(code) is not None for code in codes), body


def test_a_regional_bodys_summit_named_by_its_initials_is_the_bodys(extractor):
    text = "The 18th SAARC summit, held in Kathmandu on November 26, ended with a pledge on energy."
    found = extractor.extract(ExtractRequest("t", text, "2014-11-28")).to_json()["events"]
    summits = [e for e in found if e["type"] == "CONSULT"]
    assert summits and all("SAARC" in {p["name"] for p in e["participants"]} for e in summits), (
        summits
    )


def test_the_knowledge_base_knows_heads_of_state_of_small_and_far_countries(extractor):
    from bot.extract.extractor import ExtractRequest

    text = "President Sadyr Japarov said the border talks would go on."
    x = extractor.extract(ExtractRequest("t", text, "2025-03-03")).to_json()
    japarov = [e for e in x["entities"] if e["name"] == "Sadyr Japarov"]
    assert japarov and japarov[0]["country_code"] == "KGZ", x["entities"]


def test_a_known_surname_of_several_words_after_another_given_name_is_another_person(extractor):
    from bot.extract.extractor import ExtractRequest

    text = "Hafedh Caid Essebsi, a party official, met members in Sfax on Monday."
    x = extractor.extract(ExtractRequest("t", text, "2025-03-05")).to_json()
    assert all(e["name"] != "Beji Caid Essebsi" for e in x["entities"]), x["entities"]


# --- towns (data/towns.json) ---------------------------------------------------------------------
def test_talks_in_a_town_the_capitals_list_lacks_are_placed_in_its_country(extractor):
    text = "Indian and Chinese diplomats held talks in Chengdu on Friday."
    extraction = extractor.extract(ExtractRequest("t", text, "2025-06-01"))
    places = [e.location for e in extraction.events if e.location]
    assert places and all(p.name == "Chengdu" and p.country_code == "CHN" for p in places), places


def test_a_town_name_several_large_towns_bear_is_left_without_a_country():
    from bot.extract.towns import town_named

    # Hyderabad (India) and Hyderabad (Pakistan): the name alone does not say which
    assert town_named("Hyderabad") is None
    assert town_named("Chengdu") is not None and town_named("Chengdu", "IND") is None


@pytest.mark.parametrize(
    ("text", "other"),
    [
        (
            "Ministers of the Black Sea Economic Cooperation Organization met in Sofia on "
            "Wednesday.",
            "Economic Cooperation Organization",
        ),
        ("The Nordic Council of Ministers met in Oslo on Wednesday.", "Nordic Council"),
    ],
)
def test_a_body_whose_name_holds_another_bodys_name_is_not_that_body(extractor, text, other):
    found = extractor.extract(ExtractRequest("t", text, "2025-03-13")).to_json()["events"]
    assert all(other not in {p["name"] for p in e["participants"]} for e in found), found


def test_the_initials_of_a_region_may_be_its_government(extractor):
    text = (
        "Somalia's government held talks in Mogadishu on Wednesday with the Puntland Region "
        "(PLR) over oil exports. The PLR delegation was led by Said Abdullahi Deni."
    )
    found = extractor.extract(ExtractRequest("t", text, "2025-03-13")).entities
    assert any(e.name == "PLR" and e.kind == "organization" for e in found), found


def test_a_word_naming_an_act_capitalised_at_a_sentences_start_is_no_body(extractor):
    text = (
        "QUITO - Ceasefire talks between Colombia and the ELN resume once the government "
        "delegation arrives in Quito on Tuesday."
    )
    found = extractor.extract(ExtractRequest("t", text, "2024-05-27")).to_json()["events"]
    assert found and all("Ceasefire" not in {p["name"] for p in e["participants"]} for e in found)


def test_leaders_of_the_years_before_the_knowledge_base_began_get_their_country(extractor):
    text = (
        "Mbeki met Hu Jintao in Beijing on Monday, and Chirac spoke to Gerhard Schroeder by phone."
    )
    extraction = extractor.extract(ExtractRequest("t", text, "2004-06-01"))
    found = {e.name: e.country_code for e in extraction.entities if e.kind == "person"}
    assert found == {
        "Thabo Mbeki": "ZAF",
        "Hu Jintao": "CHN",
        "Jacques Chirac": "FRA",
        "Gerhard Schroeder": "DEU",
    }, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fiji and Tonga signed an accord at King Tupou Park in Suva.", "King Tupou Park"),
        (
            "Fiji and Tonga met at the Sheikh Zayed Grand Mosque on Monday.",
            "Sheikh Zayed Grand Mosque",
        ),
        (
            "Fiji and Tonga signed an accord at Sultan Qaboos University.",
            "Sultan Qaboos University",
        ),
        ("Fiji and Tonga met at the Levy Mwanawasa Stadium on Monday.", "Levy Mwanawasa Stadium"),
        ("Fiji and Tonga met at King Hamad University Hospital.", "King Hamad University Hospital"),
    ],
)
def test_a_place_or_body_named_after_a_ruler_the_knowledge_base_knows_is_no_person(
    extractor, text, name
):
    extraction = extractor.extract(ExtractRequest("t", text, "2025-06-01"))
    assert name in {e.name for e in extraction.entities if e.kind != "person"}
    assert not [e for e in extraction.entities if e.kind == "person"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("President Kevin Hall met King Salman in Riyadh on Monday.", "Kevin Hall"),
        ("President William Ruto Monday City Hall visit was cancelled.", "William Ruto"),
    ],
)
def test_a_person_whose_name_runs_into_a_places_word_stays_a_person(extractor, text, name):
    assert name in people(extractor, text)

"""An agreement or a sitting told again later in the article: "the agreement was announced
...", a statement released elsewhere than the story was filed, and talks told of a place that
a later dated meeting does not mean."""

from __future__ import annotations

from tests.extract.events_found import of_type


def test_a_deal_told_by_a_statement_released_abroad_is_not_placed_by_the_dateline(extractor):
    text = (
        "LIMA, March 10 (Wire) - Chile and Bolivia have agreed to restore diplomatic relations, "
        "according to a joint statement released in Brasilia on Friday."
    )
    deals = of_type(extractor, text, "AGREE", "2025-03-10")
    assert deals and all((e.get("location") or {}).get("name") != "Lima" for e in deals), deals


def test_a_statement_released_in_the_dateline_city_leaves_the_deal_there(extractor):
    text = (
        "LIMA, March 10 (Wire) - Chile and Peru have agreed to restore the border commission, "
        "according to a joint statement released in Lima on Friday."
    )
    deals = of_type(extractor, text, "AGREE", "2025-03-10")
    assert [(e.get("location") or {}).get("name") for e in deals] == ["Lima"], deals


def test_the_agreement_announced_later_is_the_one_the_lead_told(extractor):
    text = (
        "SANTIAGO, March 10 (Wire) - Chile and Bolivia agreed on Friday to restore diplomatic "
        "relations. The agreement was announced in a joint statement issued by the two foreign "
        "ministries after three days of talks in Brasilia."
    )
    deals = of_type(extractor, text, "AGREE", "2025-03-10")
    assert len(deals) == 1, deals
    assert deals[0]["location"]["name"] == "Brasilia", deals


def test_talks_told_of_a_place_are_not_a_later_dated_meeting(extractor):
    text = (
        "The readouts did not refer to Yemen, where Saudi and Omani envoys have been holding "
        "talks with the Houthis. Observers hailed the momentum of Thursday's meeting."
    )
    met = of_type(extractor, text, "CONSULT", "2023-04-08")
    assert all(e["date"] != "2023-04-06" for e in met), met


def test_a_pledge_announced_is_made_where_and_when_it_was_announced(extractor):
    text = (
        "The announcement in Brasilia on Friday that Chile and Bolivia will restore diplomatic "
        "relations took the region by surprise."
    )
    deals = of_type(extractor, text, "AGREE", "2025-03-10")
    assert [(e["date"], e["location"]["name"]) for e in deals] == [("2025-03-07", "Brasilia")]


def test_a_visit_announced_on_a_day_is_not_held_on_it(extractor):
    text = "The announcement on Friday that Boric will visit Lima next month surprised many."
    visits = of_type(extractor, text, "CONSULT", "2025-03-10")
    assert visits and all(e["date"] != "2025-03-07" for e in visits), visits


LULA_IN_SANTIAGO = (
    "SANTIAGO, March 3 (Wire) - Brazilian President Luiz Inacio Lula da Silva met Chilean "
    "President Gabriel Boric in Santiago on Monday, his first visit to Chile in five years. The "
    "two leaders discussed trade. "
)


def test_a_visitor_arriving_is_the_visit_the_article_told(extractor):
    text = (
        "Erdogan, Sisi hold talks in Cairo as Turkey, Egypt open new page\n\n"
        "CAIRO, Feb. 14 (Wire) - Turkish President Recep Tayyip Erdogan met Egyptian President "
        "Abdel Fattah al-Sisi in Cairo on Wednesday, his first visit to Egypt in more than a "
        "decade, with the two leaders discussing Gaza.\n\n"
        "The two leaders also met in New Delhi during the G20 summit in September.\n\n"
        "Erdogan arrived in Cairo from Abu Dhabi, where he attended a forum."
    )
    visits = [e for e in of_type(extractor, text, "CONSULT", "2024-02-14") if e["kind"] == "visit"]
    assert len(visits) == 1, visits
    assert (visits[0]["date"], visits[0]["location"]["name"]) == ("2024-02-14", "Cairo"), visits


def test_a_visit_told_as_before_is_neither_the_visit_nor_of_its_day(extractor):
    text = LULA_IN_SANTIAGO + "Lula had previously visited Chile as a union leader."
    visits = [e for e in of_type(extractor, text, "CONSULT", "2025-03-03") if e["kind"] == "visit"]
    assert len(visits) == 2, visits
    assert sorted(str(e["date"]) for e in visits) == ["2025-03-03", "None"], visits

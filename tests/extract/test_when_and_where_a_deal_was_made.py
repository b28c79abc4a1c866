"""A deal told as made "over the weekend" takes no other clause's day; its place hung by the
parser on the last of its makers is its place; a text signed "separately" is another deal."""

from __future__ import annotations

import pytest

from tests.extract.events_found import names, of_type


def test_a_deal_agreed_over_the_weekend_is_not_dated_by_the_day_it_was_published(extractor):
    text = (
        "The truce, agreed by Chilean Foreign Minister Alberto van Klaveren and Peruvian "
        "Foreign Minister Elmer Schialer in Geneva over the weekend and set out in a joint "
        "statement today, will see duties fall."
    )
    found = of_type(extractor, text, "AGREE", "2025-05-12")
    assert found and found[0].get("date") != "2025-05-12", found


def test_a_deal_agreed_by_several_people_is_placed_where_the_last_of_them_is_said_to_be(extractor):
    text = (
        "The truce, agreed by Chilean Foreign Minister Alberto van Klaveren and Peruvian "
        "Foreign Minister Elmer Schialer in Geneva on Sunday, will see duties fall."
    )
    found = of_type(extractor, text, "AGREE", "2025-05-12")
    assert found and found[0]["location"]["name"] == "Geneva", found
    assert found[0]["date"] == "2025-05-11", found


def test_a_place_inside_a_makers_description_is_no_venue(extractor):
    text = "The accord was signed by Boric and by the leader of the opposition in Chile."
    found = of_type(extractor, text, "AGREE", "2025-05-12")
    assert not [e for e in found if e.get("location")], found


def test_a_text_signed_separately_is_not_the_deal_told_before(extractor):
    text = (
        "LIMA (AP) - Chile and Peru struck a landmark deal on Tuesday to share the waters of "
        "the Lauca river. Separately, Andean Development Bank chief Sergio Diaz-Granados "
        "signed a roadmap with Peru in Lima aimed at cleaning the Lauca river by the end of "
        "the year."
    )
    found = of_type(extractor, text, "AGREE", "2025-05-13")
    deal = next(e for e in found if "Chile" in names(e))
    assert "Andean Development Bank" not in names(deal), found


def test_a_signers_posting_is_no_venue(extractor):
    text = (
        "The statement was signed by Chile's foreign minister and the Bolivian ambassador in Lima."
    )
    found = of_type(extractor, text, "AGREE", "2025-05-12")
    assert found and not [e for e in found if e.get("location")], found


@pytest.mark.parametrize(
    "second",
    [
        "In a separate statement, Peru confirmed it had accepted the deal brokered by Brazil.",
        "The two sides signed the document separately, with Brazilian mediators in between.",
        "Separately, Brazil said the deal signed by Chile and Peru would open a new road.",
    ],
)
def test_the_same_deal_told_again_separately_is_still_one_deal(extractor, second):
    text = "Chile and Peru agreed to a border deal on Tuesday. " + second
    found = [e for e in of_type(extractor, text, "AGREE", "2025-05-14") if e["confidence"] >= 0.5]
    assert len(found) == 1, found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a city's building is in that city, unless a place named after it holds it
        (
            "Chile and Peru on Friday signed the deal at a ceremony in Lima's historic Torre Tagle "
            "Palace.",
            "Lima",
        ),
        (
            "Chile and Peru on Friday signed the deal at a ceremony in Lima's historic town hall.",
            "Lima",
        ),
        (
            "Chile and Peru on Friday signed the deal at a reception in Lima's trade centre in "
            "Arica.",
            "Arica",
        ),
        (
            "Chile and Peru on Friday signed the deal at a dinner in Lima's liaison office in "
            "Santiago.",
            "Santiago",
        ),
        # "the capital", bare, is the one the story was filed from
        (
            "LIMA, May 15 (AFP) - The deal, the product of months of talks in Santiago, was signed "
            "by Chile and Peru on Friday in the capital.",
            "Lima",
        ),
        # not a base a city owns, another country's capital, nor a town that is no capital
        (
            "Chile and Peru on Friday signed the deal at a ceremony at Lima's military air base.",
            None,
        ),
        (
            "LIMA, May 15 (AFP) - Chile and Peru signed the deal on Friday in the Bolivian "
            "capital.",
            "La Paz",
        ),
        ("AREQUIPA, May 15 (AFP) - Chile and Peru signed the deal on Friday in the capital.", None),
    ],
)
def test_a_deal_is_placed_where_its_ceremony_was_held(extractor, text, place):
    found = of_type(extractor, text, "AGREE", "2025-05-16")
    assert found and (found[0].get("location") or {}).get("name") == place, found

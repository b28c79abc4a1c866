"""Acts told around a decision, a rally or a sitting: a hostile act decided is that act, not a
threat; a politician's rally he spoke at is no protest; those who agreed after a day of talks
held them however the parser reads the "after"; ending a sitting of set length holds it."""

from __future__ import annotations

from tests.extract.events_found import events, names, of_type


def test_a_hostile_act_decided_is_that_act_not_a_threat(extractor):
    text = "Ghana has decided to sever diplomatic relations with Togo, the foreign minister said."
    found = events(extractor, text)
    assert [(e["type"], names(e)) for e in found] == [("SANCTION", {"Ghana", "Togo"})], found


def test_a_hostile_act_to_come_or_threatened_is_still_a_threat(extractor):
    for text in (
        "Ghana will sever diplomatic relations with Togo.",
        "Ghana would sever diplomatic relations with Togo if the raids went on.",
    ):
        found = events(extractor, text)
        assert [e["type"] for e in found] == ["THREATEN"], (text, found)


def test_a_rally_a_politician_spoke_at_is_no_protest(extractor):
    text = (
        "Speaking at a rally organised by the Conservative party in Lisbon on Sunday, Bolsonaro "
        "called the Portuguese premier weak."
    )
    assert not of_type(extractor, text, "PROTEST"), events(extractor, text)


def test_those_who_agreed_after_a_day_of_talks_held_them(extractor):
    # the parser reads "after" as the mark of "will break", with "a day" its object
    text = (
        "KHARTOUM, May 6 (Reuters) - Sudan, Chad and Libya agreed on Wednesday to try to reach a "
        "deal by June 15 on the filling and operation of the Grand Inga Dam, after a day of talks "
        "at the U.S. Treasury Department that Khartoum hopes will break a years-long deadlock "
        "over the river."
    )
    talks = of_type(extractor, text, "CONSULT", "2025-05-06")
    assert talks and names(talks[0]) >= {"Sudan", "Chad", "Libya"}, talks


def test_ending_two_days_of_negotiations_held_them(extractor):
    text = "Colombia and the ELN ended two days of negotiations in Havana on Saturday."
    found = events(extractor, text, "2025-03-03")
    assert not [e for e in found if e["type"] == "SANCTION"], found
    [talks] = [e for e in found if e["type"] == "CONSULT"]
    assert talks["kind"] == "negotiations" and talks["status"] == "concluded", talks


def test_the_signing_told_as_held_dates_and_places_the_deal_told_before(extractor):
    text = (
        "Kenya and Uganda have signed a trade agreement. The signing took place on March 21 in "
        "Nairobi."
    )
    [deal] = of_type(extractor, text, "AGREE", "2025-03-22")
    assert names(deal) == {"Kenya", "Uganda"}, deal
    assert (deal["date"], deal["location"]["name"]) == ("2025-03-21", "Nairobi"), deal


def test_the_signing_of_a_deal_named_is_read_as_before(extractor):
    text = "The signing of the border treaty by Kenya and Uganda took place in Nairobi on Friday."
    deals = of_type(extractor, text, "AGREE", "2025-03-22")
    assert len(deals) == 1 and names(deals[0]) == {"Kenya", "Uganda"}, deals


def test_what_talks_yielded_is_no_concession(extractor):
    text = "Ruto said the call with Museveni on Friday yielded no sign of a deal."
    assert not of_type(extractor, text, "CONCEDE"), events(extractor, text)
    [conceded] = of_type(extractor, "Uganda yielded to pressure from Kenya on Monday.", "CONCEDE")
    assert "Uganda" in names(conceded)


def test_defending_ones_own_decision_backs_no_one(extractor):
    text = "Ruto defended his decision to keep talking to Museveni on Monday."
    assert not of_type(extractor, text, "SUPPORT"), events(extractor, text)
    [backed] = of_type(extractor, "Kenya defended Uganda's right to self-defence.", "SUPPORT")
    assert names(backed) == {"Kenya", "Uganda"}, backed


def test_warning_people_of_what_they_would_get_is_no_threat(extractor):
    text = (
        "Arriving for the talks, Ramaphosa warned Kenyan MPs that they would not get a better "
        "offer."
    )
    threats = [e for e in of_type(extractor, text, "THREATEN") if e["confidence"] >= 0.5]
    assert not threats, threats
    text = "Putin warned NATO that they would pay a heavy price for any attack."
    [threat] = of_type(extractor, text, "THREATEN")
    assert threat["confidence"] >= 0.5 and names(threat) == {"Vladimir Putin", "NATO"}, threat


def test_a_visitor_leaving_a_capital_after_a_visit_paid_it(extractor):
    # told on a Saturday: Thursday is the last of the two days
    text = "Kenyan President William Ruto left Kampala on Thursday after a two-day visit."
    [visit] = of_type(extractor, text, "CONSULT", "2025-03-08")
    assert names(visit) >= {"William Ruto", "Uganda"}, visit
    assert (visit["location"]["name"], visit["date"]) == ("Kampala", "2025-03-05"), visit


def test_leaving_after_an_unmeasured_visit_or_someone_elses_is_not_dated_by_the_leaving(extractor):
    text = "Kenyan President William Ruto left Kampala on Thursday after a visit."
    [visit] = of_type(extractor, text, "CONSULT", "2025-03-08")
    assert visit["date"] is None, visit
    text = "The tourists left Kampala on Thursday after a two-day visit."
    assert not of_type(extractor, text, "CONSULT", "2025-03-08")

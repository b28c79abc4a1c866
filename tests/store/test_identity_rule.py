"""The identity rule (bot/identity.py): when two articles' reports are one real-world event.

Hand-built reports only: no spaCy, no database. Countries are real so their codes mean something;
everything else is invented.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import count

import pytest

from bot.identity import (
    Party,
    Place,
    Report,
    best_cluster,
    compare,
    join,
    kinds_compatible,
    places_agree,
    representative,
)

_ids = count(1)
FIN, EST, LAT, NOR = (
    Party(n, "country", c)
    for n, c in (("Finland", "FIN"), ("Estonia", "EST"), ("Latvia", "LVA"), ("Norway", "NOR"))
)
TALLINN = Place("Tallinn", "EST")
ESTONIA = Place("Estonia", "EST", is_country=True)
RIGA = Place("Riga", "LVA")


def report(
    *parties: Party,
    date: str | None = "2025-03-04",
    precision: str | None = "day",
    place: Place | None = TALLINN,
    published: str | None = "2025-03-04",
    kind: str = "talks",
    type: str = "CONSULT",
    status: str | None = None,
    outcome: str | None = None,
    content: str | None = None,
    confidence: float = 0.8,
    article: int | None = None,
) -> Report:
    n = next(_ids)
    return Report(
        id=n,
        article=article or n,
        type=type,
        kind=kind,
        parties=parties or (FIN, EST),
        place=place,
        date=date,
        precision=precision if date else None,
        published=published,
        status=status,
        outcome=outcome,
        content=content,
        confidence=confidence,
    )


def nobody(r: Report) -> Report:
    return replace(r, parties=())


# --- kinds -------------------------------------------------------------------------------------
def test_talks_meetings_and_negotiations_may_name_one_event_but_a_phone_call_is_not_a_meeting():
    assert kinds_compatible("talks", "meeting") and kinds_compatible("negotiations", "summit")
    assert kinds_compatible("phone_call", "phone_call")
    assert not kinds_compatible("phone_call", "meeting")
    assert not kinds_compatible("agreement", "pledge")


def test_a_call_and_talks_of_the_same_two_on_the_same_day_stay_two_events():
    # the leaders phoned while their ministers held talks: nothing in the two reports tells
    # that an outlet's "talks" was the call
    call = report(kind="phone_call", place=None)
    assert not compare(call, report(kind="talks", place=None)).same
    assert not compare(call, report(kind="talks", place=None, date=None)).same


# --- dated reports -----------------------------------------------------------------------------
def test_two_outlets_on_the_same_day_in_the_same_city_are_one_event():
    verdict = compare(report(FIN, EST), report(EST, FIN, kind="meeting"))
    assert verdict.same and verdict.rule == "dated"
    assert set(verdict.agreed) >= {"type", "kind", "date", "participants", "place"}


def test_a_city_written_with_an_abbreviated_word_is_the_same_city():
    spelled = report(FIN, EST, place=Place("Saint Petersburg", "RUS"))
    abbreviated = report(FIN, EST, place=Place("St. Petersburg", "RUS"))
    assert compare(spelled, abbreviated).same
    assert not compare(spelled, report(FIN, EST, place=Place("Stockholm", "SWE"))).same


def test_a_capital_spelt_two_ways_is_one_city_but_another_city_of_its_state_is_not():
    spelt = report(FIN, EST, place=Place("Nay Pyi Taw", "MMR"))
    assert compare(spelt, report(FIN, EST, place=Place("Naypyidaw", "MMR"))).same
    assert compare(spelt, report(FIN, EST, place=Place("Yangon", "MMR"))).rule == "place"
    # the other spelling opening a longer name still names the capital
    venue = report(FIN, EST, place=Place("Nay Pyi Taw Union Territory", "MMR"))
    assert compare(venue, report(FIN, EST, place=Place("Nay Pyi Taw", "MMR"))).same


def test_a_date_one_day_off_still_agrees_but_two_days_do_not():
    assert compare(report(), report(date="2025-03-05", published="2025-03-05")).same
    assert compare(report(), report(date="2025-03-06", published="2025-03-06")).rule == "date"


def test_a_week_long_report_agrees_with_any_day_of_its_week():
    week = report(date="2025-03-03", precision="week")
    assert compare(week, report(date="2025-03-08", published="2025-03-08")).same
    assert not compare(week, report(date="2025-03-12", published="2025-03-12")).same


def test_different_cities_are_different_events_but_a_country_holds_its_cities():
    assert compare(report(), report(place=RIGA)).rule == "place"
    assert compare(report(), report(place=ESTONIA)).same
    assert compare(report(place=Place("Washington")), report(place=Place("Washington, D.C."))).same


def test_bilateral_talks_need_the_same_two_sides():
    assert compare(report(FIN, EST), report(FIN, LAT)).rule == "participants"


def test_a_mediator_named_by_one_outlet_only_does_not_split_the_event():
    assert compare(report(FIN, EST), report(FIN, EST, NOR)).same
    assert compare(report(FIN), report(FIN, EST)).same  # one outlet names only the host


def test_a_person_counts_as_their_country():
    minister = Party("Anna Lind", "person", "FIN")
    assert compare(report(minister, EST), report(FIN, EST)).same
    assert not compare(report(minister, EST), report(LAT, EST)).same


def test_reports_naming_nobody_must_be_the_same_kind_at_the_same_place():
    summit = nobody(report(kind="summit"))
    assert compare(summit, nobody(report(kind="summit"))).same
    assert not compare(summit, nobody(report(kind="meeting"))).same
    assert not compare(summit, nobody(report(kind="summit", place=None))).same
    assert not compare(summit, report(kind="summit", place=None)).same


def test_two_agreements_the_same_day_between_the_same_sides_are_two_events():
    swap = report(type="AGREE", kind="agreement", content="a prisoner exchange of 500 each")
    again = report(type="AGREE", kind="agreement", content="to meet again in April")
    same_swap = report(type="AGREE", kind="agreement", content="the exchange of prisoners")
    assert compare(swap, again).rule == "terms"
    assert compare(swap, same_swap).same
    assert compare(
        swap, report(type="AGREE", kind="agreement", content="the deal")
    ).same  # says nothing
    # nor does "an understanding": a name of a deal, not what it does
    assert compare(swap, report(type="AGREE", kind="agreement", content="an understanding")).same


def test_two_reports_from_one_article_are_never_merged_here():
    assert compare(report(article=7), report(article=7)).rule == "same article"


def test_an_articles_visit_and_the_talks_held_on_it_that_day_or_the_next_may_stand_in_one_event():
    visit, talks = report(FIN, kind="visit", article=7), report(FIN, EST, kind="meeting", article=7)
    other_outlet = report(FIN, EST, kind="meeting")
    chosen, _, _ = best_cluster(talks, {1: [other_outlet, visit]})
    assert chosen == 1
    # "leaves for Tallinn on Tuesday for a three-day visit ... talks on Wednesday": one occasion
    next_day = report(FIN, EST, kind="meeting", article=7, date="2025-03-05")
    assert compare(visit, next_day).same
    two_days_on = report(FIN, EST, kind="meeting", article=7, date="2025-03-06")
    assert compare(visit, two_days_on).rule == "same article"
    assert (
        compare(report(article=7), report(article=7, kind="visit", place=RIGA)).rule
        == "same article"
    )


def test_a_visit_to_come_and_the_talks_the_visitor_is_to_hold_there_are_one_occasion():
    # "will travel to Tallinn on Tuesday ... is scheduled to hold talks with the prime minister"
    visitor, host = Party("Ilkka Virtanen", "person", "FIN"), Party("Kaja Tamm", "person", "EST")
    visit = report(visitor, EST, kind="visit", status="planned", article=7)
    talks = report(host, visitor, kind="talks", date=None, place=None, status="planned", article=7)
    assert join(talks, [visit]).same
    # someone else's talks, or talks already held with no day, may be another sitting of the pair
    other = report(
        host,
        Party("Mikko Laine", "person", "FIN"),
        kind="talks",
        date=None,
        place=None,
        status="planned",
        article=7,
    )
    assert not join(other, [visit]).same
    held = report(host, visitor, kind="talks", date=None, place=None, status="concluded", article=7)
    assert not join(held, [replace(visit, status="concluded")]).same


def test_an_undated_visit_that_the_days_talks_were_is_one_occasion_with_them():
    # "held talks on Monday with the president, an unusual high-level visit"
    talks = report(FIN, EST, kind="talks", status="concluded", place=None, article=7)
    visit = report(FIN, EST, kind="visit", date=None, place=None, article=7)
    assert join(visit, [talks]).same
    # a visit to another place is not these talks of no known place: the prime minister is
    # to visit Latvia, the ministers met on Monday
    to_riga = report(FIN, EST, kind="visit", date=None, place=RIGA, article=7)
    assert not join(to_riga, [talks]).same
    # and a visit still to come is not the talks already held
    planned = report(FIN, EST, kind="visit", date=None, place=None, status="planned", article=7)
    assert not join(planned, [talks]).same


def test_a_body_written_as_its_initials_is_the_body_spelled_out():
    front = Party("Baltic People's Liberation Front", "organization")
    initials = Party("BPLF", "organization")
    assert join(report(FIN, initials, kind="meeting"), [report(FIN, front)]).same
    assert join(report(FIN, front, kind="meeting"), [report(FIN, initials)]).same
    # other initials stay another side, and two names spelled out are never matched by theirs
    assert not join(report(FIN, Party("BPLM", "organization")), [report(FIN, front)]).same
    cuba = Party("Baltic Party of Latvia", "organization")
    china = Party("Baltic Party of Lithuania", "organization")
    assert not join(report(FIN, cuba), [report(FIN, china)]).same
    # nor is a person of no country ("Mohamed Hamdan Dagalo" is not "Mohamed Hussein Dahir")
    one, other = Party("Ilkka Matti Virtanen", "person"), Party("Ilkka Mikko Vaara", "person")
    assert not join(report(one, EST), [report(other, EST)]).same


# --- undated reports ---------------------------------------------------------------------------
def test_an_undated_report_joins_when_published_within_two_days_with_the_same_sides_and_place():
    held = report(date="2025-03-04")
    follow_up = report(date=None, published="2025-03-06")
    verdict = compare(held, follow_up)
    assert verdict.same and verdict.rule == "undated" and "published" in verdict.agreed


def test_an_undated_sitting_of_other_people_of_the_same_countries_is_another_sitting():
    leaders = (Party("Anna Lind", "person", "FIN"), Party("Kaja Tamm", "person", "EST"))
    envoys = (Party("Olli Rehn", "person", "FIN"), Party("Jaan Kask", "person", "EST"))
    held = report(*envoys, date="2025-03-02")
    verdict = compare(held, report(*leaders, date=None, published="2025-03-04"))
    assert not verdict.same and verdict.rule == "undated with other people"
    # one person named by both is enough, and a report naming only countries is no contradiction
    same = (Party("Anna Lind", "person", "FIN"), Party("Kaja Tamm-Kask", "person", "EST"))
    assert compare(report(*leaders), report(*same, date=None, published="2025-03-05")).same
    assert compare(held, report(FIN, EST, date=None, published="2025-03-04")).same
    # outlets naming each a different side's people, or a summit's attendees, still agree
    lind, tamm = leaders
    assert compare(report(lind, EST), report(FIN, tamm, date=None, published="2025-03-05")).same
    summit = report(*envoys, kind="summit", date="2025-03-02")
    assert compare(summit, report(*leaders, kind="summit", date=None, published="2025-03-04")).same


def test_an_undated_report_needs_the_sides_a_recent_publication_and_the_place_or_the_same_kind():
    held = report(date="2025-03-04")
    assert compare(held, report(date=None, published="2025-03-05")).same
    # no place to compare: only the very same kind of event between the same sides
    assert compare(held, report(date=None, place=None, published="2025-03-05")).same
    summit = report(date=None, place=None, kind="summit", published="2025-03-05")
    assert compare(held, summit).rule.startswith("undated without the same place")
    assert compare(held, report(FIN, date=None, published="2025-03-05")).rule.startswith(
        "undated without the same participants"
    )
    assert compare(held, report(date=None, published="2025-03-09")).rule == "published"


def test_with_no_place_talks_and_a_meeting_of_the_same_two_sides_are_one_sitting_down():
    held = report(date="2025-03-04", place=None, kind="meeting")
    assert compare(held, report(date=None, place=None, published="2025-03-05")).same
    visit = report(date=None, place=None, kind="visit", published="2025-03-05")
    assert not compare(held, visit).same


def test_talks_still_to_come_told_after_a_round_was_held_are_the_next_round():
    held = report(date="2025-03-04", status="concluded")
    next_round = report(date=None, status="planned", published="2025-03-05")
    assert compare(held, next_round).rule == "status"
    announced = report(date=None, status="planned", published="2025-03-03")
    assert compare(held, announced).same  # told the day before: the same talks, now held


def test_a_month_cannot_tell_one_round_from_the_next_so_it_counts_as_undated():
    in_march = report(date="2025-03-01", precision="month", published="2025-04-15")
    assert compare(report(date="2025-03-04"), in_march).rule == "published"
    assert compare(report(date="2025-04-20", published="2025-04-20"), in_march).rule == "date"


# --- clusters ----------------------------------------------------------------------------------
def test_a_cluster_never_chains_a_report_to_a_member_it_contradicts():
    monday, tuesday = report(date="2025-03-03"), report(date="2025-03-04")
    wednesday = report(date="2025-03-05")
    assert compare(tuesday, wednesday).same  # pairwise, Wednesday would follow Tuesday...
    verdict = join(wednesday, [monday, tuesday])
    assert not verdict.same and verdict.rule.startswith("date")  # ... but Monday says no


def test_a_third_party_named_by_one_outlet_only_does_not_split_the_talks_of_the_same_two_sides():
    with_norway = report(FIN, EST, NOR)  # one outlet names the mediator, the other an observer
    assert join(report(FIN, EST, LAT), [report(FIN, EST), with_norway]).same


def test_talks_of_one_side_with_two_different_others_stay_apart():
    assert compare(report(FIN, EST), report(FIN, LAT)).rule == "participants"
    assert not join(report(FIN, LAT), [report(FIN, EST, NOR)]).same


def test_outlets_naming_different_parts_of_one_list_of_sides_join_where_a_third_names_them_all():
    whole = report(FIN, EST, NOR, kind="conference")  # one outlet names the chairs and the host
    chairs = report(FIN, EST, date=None, kind="conference", published="2025-03-05")
    host_only = report(NOR, kind="conference", published="2025-03-05")
    assert compare(chairs, host_only).rule == "participants"  # alone, they share no side
    assert join(host_only, [whole, chairs]).same
    # a side the whole list does not hold still contradicts
    assert not join(report(NOR, LAT, kind="conference"), [whole, chairs]).same


def test_a_dated_report_joins_by_the_clusters_date_even_when_an_undated_member_lacks_its_place():
    dated = report(date="2025-03-04")
    undated = report(date=None, published="2025-03-05")
    no_place = report(date="2025-03-04", place=None, published="2025-03-06")
    assert compare(undated, no_place).rule == "undated"  # same kind, same sides, days apart
    assert join(no_place, [dated, undated]).same


def test_the_closest_cluster_wins_and_ties_go_to_the_older():
    exact = [report(date="2025-03-04")]
    near = [report(date="2025-03-05", published="2025-03-05")]
    chosen, verdict, verdicts = best_cluster(report(date="2025-03-04"), {9: near, 4: exact})
    assert chosen == 4 and verdict.same and set(verdicts) == {4, 9}
    chosen, _, _ = best_cluster(report(), {9: [report()], 4: [report()]})
    assert chosen == 4
    chosen, verdict, _ = best_cluster(report(place=RIGA), {4: exact})
    assert chosen is None and verdict.rule == "new"


# --- the event answers show --------------------------------------------------------------------
def test_a_later_report_moves_the_status_on_and_adds_the_outcome_but_never_moves_a_day_date():
    planned = report(date="2025-03-06", status="planned", published="2025-03-03")
    held = report(
        date="2025-03-07",
        status="concluded",
        outcome="a joint statement on ferries",
        published="2025-03-07",
    )
    rep = representative([planned, held])
    assert (rep.date, rep.precision, rep.status) == ("2025-03-06", "day", "concluded")
    assert rep.outcome == "a joint statement on ferries"
    assert rep.disputed == ("date", "status")


def test_a_precise_date_replaces_a_vaguer_one_and_a_city_replaces_its_country():
    vague = report(date="2025-03-01", precision="month", place=ESTONIA)
    precise = report(date="2025-03-04", place=TALLINN)
    rep = representative([vague, precise])
    assert (rep.date, rep.precision, rep.place) == ("2025-03-04", "day", TALLINN)
    assert rep.disputed == ()  # "March 2025" holds the 4th; Estonia holds Tallinn


def test_an_event_is_as_sure_as_its_surest_report():
    assert representative([report(confidence=0.4), report(confidence=0.7)]).confidence == 0.7


def test_how_many_copies_a_deal_was_signed_in_says_nothing_of_what_it_does():
    copies = report(type="AGREE", kind="agreement", content="two separate agreements")
    terms = report(type="AGREE", kind="agreement", content="the safe passage of grain by sea")
    assert compare(copies, terms).same
    swap = report(type="AGREE", kind="agreement", content="a separate prisoner exchange")
    assert compare(terms, swap).rule == "terms"
    # one separate agreement is another deal than the one told
    another = report(type="AGREE", kind="agreement", content="a separate agreement")
    assert compare(terms, another).rule == "terms"


def test_reports_of_a_summit_naming_different_attendees_are_one_summit():
    g7 = Party("G7", "organization")
    one = report(g7, NOR, kind="summit", date=None, published="2025-03-05")
    other = report(FIN, NOR, kind="summit", date="2025-03-04")
    assert compare(one, other).same
    assert compare(report(FIN, kind="summit"), report(LAT, kind="summit")).rule == "participants"


def test_a_bodys_summit_placed_by_the_city_and_by_a_suburb_is_one_summit():
    eu = Party("European Union", "organization")
    by_body = report(eu, kind="summit", place=Place("Pirita", None), date="2025-03-04")
    by_members = report(
        eu, FIN, LAT, kind="summit", place=TALLINN, date=None, published="2025-03-06"
    )
    assert compare(by_body, by_members).same
    # the body's summit is not a summit of some members with an outsider, nor the body's
    # ministers' meeting
    assert not compare(by_body, replace(by_members, parties=(FIN, LAT, NOR))).same
    assert not compare(by_body, replace(by_members, kind="meeting")).same


@pytest.mark.parametrize(
    ("body", "spelled_out"),
    [
        ("ECOWAS", "Economic Community of West African States"),
        ("SADC", "Southern African Development Community"),
        ("Pacific Islands Forum", "Pacific Islands Forum"),
    ],
)
def test_a_regional_bodys_summit_told_with_its_chair_and_without_is_one_summit(body, spelled_out):
    # the gazetteer knows the body's members: the chair is one of them, not a side of their own
    chair = Party("President Aarne", "person", CHAIRS[body])
    with_chair = report(Party(body, "organization"), chair, kind="summit", date=None, place=None)
    by_name = report(Party(spelled_out, "organization"), kind="summit", date=None)
    assert compare(with_chair, by_name).same
    # an outsider met by the body is talks of two sides, not the body's summit
    outsider = Party("President Aarne", "person", "NOR")
    assert not compare(replace(with_chair, parties=(with_chair.parties[0], outsider)), by_name).same


CHAIRS = {"ECOWAS": "NGA", "SADC": "ZAF", "Pacific Islands Forum": "FJI"}


def test_talks_a_summit_body_hosts_for_two_members_are_not_its_gathering():
    au = Party("African Union", "organization")
    sudans = report(au, Party("Sudan", "country", "SDN"), Party("South Sudan", "country", "SSD"))
    horn = report(au, Party("Kenya", "country", "KEN"), Party("Somalia", "country", "SOM"))
    assert not compare(sudans, horn).same
    # nor is its ministers' meeting its summit two days on
    ministers = replace(horn, kind="meeting")
    summit = replace(sudans, kind="summit", date="2025-03-06", published="2025-03-06")
    assert not compare(ministers, summit).same


def test_a_bodys_meeting_told_through_different_members_is_one_meeting_over_its_days():
    nato = Party("North Atlantic Treaty Organization", "organization")
    opening = report(Party("NATO", "organization"), EST, kind="meeting", date="2025-03-04")
    closing = report(nato, LAT, NOR, kind="meeting", date="2025-03-06", published="2025-03-06")
    assert compare(opening, closing).same
    too_late = report(nato, NOR, kind="meeting", date="2025-03-07", published="2025-03-07")
    assert compare(opening, too_late).rule == "date"


def test_talks_the_visitor_held_two_days_into_the_visit_are_that_visit():
    visitor = Party("Minister Mari Virtanen", "person", "FIN")
    host = Party("Kaja Tamm", "person", "EST")
    arrival = report(
        visitor, EST, kind="visit", date="2025-03-04", place=Place("Tartu", "EST"), status="ongoing"
    )
    talks = report(
        visitor, host, FIN, kind="meeting", date="2025-03-06", place=None, status="concluded"
    )
    assert compare(arrival, talks).same
    # talks two days before the visit began are another occasion, and so are another
    # minister's talks, or talks three days on
    assert not compare(arrival, replace(talks, date="2025-03-02")).same
    other = Party("Minister Aino Korhonen", "person", "FIN")
    assert not compare(arrival, replace(talks, parties=(other, host, FIN))).same
    assert not compare(arrival, replace(talks, date="2025-03-07")).same


def test_a_state_visit_dated_by_its_arrival_and_by_its_last_leg_is_one_visit():
    king = Party("King Aarne", "person", "FIN")
    arrival = report(king, EST, kind="visit", date="2025-03-04", place=TALLINN)
    last_leg = report(
        Party("Aarne", "person", "FIN"),
        EST,
        kind="visit",
        date="2025-03-06",
        place=ESTONIA,
        published="2025-03-05",
    )
    assert compare(arrival, last_leg).same
    # another visitor of the same country two days on pays a visit of their own
    minister = Party("Minister Mari Virtanen", "person", "FIN")
    assert not compare(arrival, replace(last_leg, parties=(minister, EST))).same
    assert not compare(replace(arrival, parties=(FIN, EST)), last_leg).same  # no one named
    # the host who received both is no visitor they share
    host = Party("Kaja Tamm", "person", "EST")
    assert not compare(
        replace(arrival, parties=(FIN, host)), replace(last_leg, parties=(minister, host))
    ).same
    # a return visit the other way, two days on, is somewhere else
    helsinki = Place("Helsinki", "FIN")
    assert not compare(arrival, replace(last_leg, place=helsinki)).same
    # talks two days apart are two sittings
    assert compare(replace(arrival, kind="talks"), replace(last_leg, kind="talks")).rule == "date"


def test_a_deal_each_sides_outlet_places_at_home_is_one_deal_but_two_meetings_are_two():
    helsinki = Place("Helsinki", "FIN")
    from_helsinki = report(type="AGREE", kind="agreement", place=helsinki, content="ceasefire")
    from_tallinn = report(
        type="AGREE", kind="agreement", place=TALLINN, content="a ceasefire with immediate effect"
    )
    assert compare(from_helsinki, from_tallinn).same
    # talks in one capital and in the other are two sittings
    assert compare(report(place=helsinki), report(place=TALLINN)).rule == "place"
    # and a third country's capital is no side's home
    assert compare(from_helsinki, replace(from_tallinn, place=RIGA)).rule == "place"
    # two deals that each say what they do, and not the same thing, are two deals
    grant = replace(from_helsinki, content="an agreement on a grant for flood relief")
    plant = replace(from_tallinn, content="an agreement to build a power plant")
    assert not compare(grant, plant).same
    # nor does a bare "agreement" say it was the one deal, nor deals told a day apart
    assert compare(replace(grant, content="agreement"), from_tallinn).rule == "place"
    next_day = replace(from_tallinn, date="2025-03-05", published="2025-03-05")
    assert compare(from_helsinki, next_day).rule == "place"


def test_a_bodys_head_meeting_one_member_then_another_is_two_meetings():
    nato = Party("NATO", "organization")
    with_estonia = report(nato, EST, kind="meeting")
    with_latvia = report(nato, LAT, kind="meeting", date="2025-03-05", published="2025-03-05")
    assert not compare(with_estonia, with_latvia).same


def test_a_bodys_own_meeting_told_by_two_outlets_each_naming_one_member_is_one_meeting():
    met = Party("NATO", "organization", convened=True)  # "NATO ministers met ..."
    first_day = report(met, EST, kind="meeting")
    last_day = report(met, LAT, kind="meeting", date="2025-03-06", published="2025-03-06")
    assert compare(first_day, last_day).same
    # one outlet saying only that the body's head met a member is not enough
    head_only = report(
        Party("NATO", "organization"),
        LAT,
        kind="meeting",
        date="2025-03-06",
        published="2025-03-06",
    )
    assert not compare(first_day, head_only).same


def test_a_visit_and_an_undated_meeting_of_the_same_two_people_days_later_are_one_occasion():
    # "Virtanen will pay a state visit to Tallinn on Tuesday"; the next day, another outlet:
    # "Virtanen and Tamm met at Kadriorg" (a palace the gazetteer does not know)
    virtanen, tamm = Party("Ilkka Virtanen", "person", "FIN"), Party("Kaja Tamm", "person", "EST")
    visit = report(virtanen, tamm, kind="visit", status="planned")
    palace = Place("Kadriorg")
    met = report(
        Party("Virtanen", "person", "FIN"),
        tamm,
        kind="meeting",
        date=None,
        place=palace,
        published="2025-03-05",
        status="concluded",
    )
    assert compare(visit, met).same
    # other people of the two countries are another sitting
    others = replace(met, parties=(Party("Mikko Laine", "person", "FIN"), tamm))
    assert not compare(visit, others).same
    # one person named by both is not enough: the visitor may have met someone else there
    one_named = replace(met, parties=(Party("Virtanen", "person", "FIN"), EST))
    assert compare(visit, one_named).rule == "undated without the same place"
    # talks reported held before a planned visit's day were another sitting
    earlier = replace(met, published="2025-03-01")
    assert not compare(visit, earlier).same
    # a summit both attended is not the visit
    summit = replace(met, kind="summit")
    assert compare(visit, summit).rule == "undated without the same place"
    # one shared word is not one person ("Kaja Tamm" and "Liis Tamm-Kask" are two people)
    kin = replace(
        met, parties=(Party("Virtanen", "person", "FIN"), Party("Liis Kask", "person", "EST"))
    )
    assert not compare(visit, kin).same


def test_a_surname_with_no_country_is_the_clusters_person_of_that_surname():
    # one outlet writes "President Virtanen" only, another "Finland's Ilkka Virtanen"
    tamm = Party("Kaja Tamm", "person", "EST")
    full = report(Party("Ilkka Virtanen", "person", "FIN"), tamm)
    bare = report(Party("Virtanen", "person"), tamm, kind="meeting")
    assert join(bare, [full]).same
    # a surname two of the cluster's people of two countries share tells nobody's country
    both = report(Party("Ilkka Virtanen", "person", "FIN"), Party("Mari Virtanen", "person", "EST"))
    assert not join(report(Party("Virtanen", "person"), NOR), [both]).same
    # a full name of another given name, or a regnal number, is no surname alone
    harris = report(Party("Simon Virtanen", "person"), tamm, kind="meeting")
    assert not join(harris, [full]).same


def test_a_name_given_with_a_second_surname_is_the_clusters_person_of_the_first_two_words():
    # one outlet writes "Juan Pérez", another "Juan Pérez Soto" (given name, both surnames)
    tamm = Party("Kaja Tamm", "person", "EST")
    short = report(Party("Juan Perez", "person", "FIN"), tamm)
    long = report(Party("Juan Pérez Soto", "person"), tamm, kind="meeting")
    assert join(long, [short]).same
    # a second given name is no second surname ("Juan Carlos Soto" is not "Juan Carlos")
    king = report(Party("Juan Carlos", "person", "FIN"), tamm)
    assert not join(report(Party("Juan Carlos Soto", "person"), tamm, kind="meeting"), [king]).same
    # another given name with the same surnames is someone else
    other = report(Party("Ana Pérez Soto", "person"), tamm, kind="meeting")
    assert not join(other, [short]).same


def test_a_body_meeting_an_outsider_is_talks_between_two_sides_not_a_gathering():
    eu = Party("EU", "organization")
    with_norway = report(eu, NOR, kind="meeting")  # Norway is no member of the EU
    with_finland = report(eu, FIN, kind="meeting")
    assert compare(with_norway, with_finland).rule == "participants"
    two_days_on = report(eu, NOR, kind="meeting", date="2025-03-06", published="2025-03-06")
    assert compare(with_norway, two_days_on).rule == "date"


def test_an_organisation_is_one_side_under_any_of_its_names():
    assert Party("Group of Seven", "organization").side == Party("G7", "organization").side


def test_a_place_of_unknown_country_does_not_contradict_a_city():
    palace = Place("Ciragan Palace", None)
    assert compare(report(place=palace), report(place=Place("Istanbul", "TUR"))).same
    assert compare(report(place=TALLINN), report(place=RIGA)).rule == "place"


def test_talks_announced_for_one_city_and_held_in_another_that_day_are_one_event():
    announced = report(date="2025-03-04", place=RIGA, status="planned", published="2025-02-26")
    held = report(date="2025-03-04", place=TALLINN, status="concluded")
    assert compare(announced, held).same
    follow_up = report(date=None, place=TALLINN, status="concluded", published="2025-03-05")
    assert join(follow_up, [announced, held]).same
    shown = representative([announced, held])
    assert shown.place == TALLINN and "place" in shown.disputed
    # two rounds both held, in two cities, are never one
    assert compare(held, replace(held, id=999, article=999, place=RIGA)).rule == "place"
    # held in a country the report names no city of: the city announced elsewhere is no
    # detail of it, the country stands
    held_in_country = report(date="2025-03-04", place=ESTONIA, status="concluded")
    assert representative([announced, held_in_country]).place == ESTONIA


def test_an_undated_visit_names_its_host_by_where_the_visitor_went():
    talks = report(FIN, EST, date="2025-03-04", place=TALLINN, kind="meeting")
    visit = report(FIN, date=None, place=TALLINN, kind="visit", published="2025-03-04")
    assert compare(talks, visit).same
    elsewhere = report(FIN, date=None, place=RIGA, kind="visit", published="2025-03-04")
    assert not compare(talks, elsewhere).same


def test_an_undated_report_is_no_news_of_a_month_long_past():
    # "the December 2023 meeting", told in a paper of 2025: an undated report of 2025 is not it
    december = report(date="2023-12-01", precision="month", published="2025-06-10")
    undated = report(date=None, published="2025-06-11")
    assert compare(december, undated).rule == "published"
    this_month = report(date="2025-06-01", precision="month", published="2025-06-10")
    assert compare(this_month, undated).same


def test_a_pledge_of_both_sides_is_the_agreement_another_outlet_reports():
    agreed = report(type="AGREE", kind="agreement", place=None, content="restore ties")
    pledged = report(
        type="AGREE",
        kind="pledge",
        date=None,
        place=None,
        published="2025-03-05",
        content="restoring diplomatic ties",
    )
    assert compare(agreed, pledged).same


def test_one_sides_pledge_is_not_the_agreement_of_two():
    agreed = report(type="AGREE", kind="agreement", place=None)
    promised = report(FIN, type="AGREE", kind="pledge", place=None)
    assert not compare(agreed, promised).same
    assert compare(agreed, promised).rule == "kind"


def test_an_undated_analysis_days_after_the_talks_is_about_them():
    held = report(status="concluded")
    analysis = report(date=None, published="2025-03-08", status="concluded")
    assert compare(held, analysis).same
    weeks_later = report(date=None, published="2025-03-12", status="concluded")
    assert not compare(held, weeks_later).same


def test_a_pledge_of_aid_is_not_the_agreement_signed_with_the_same_country():
    signed = report(type="AGREE", kind="agreement", place=None, content="build a railway line")
    pledged = report(type="AGREE", kind="pledge", place=None)  # "pledged aid to Pakistan"
    assert not compare(signed, pledged).same


def test_an_agreement_named_by_its_city_or_its_signatory_names_no_terms():
    doha, taliban = Party("Qatar", "country", "QAT"), Party("Taliban", "organization")
    by_city = report(doha, taliban, type="AGREE", kind="agreement", content="Doha agreement")
    by_side = report(doha, taliban, type="AGREE", kind="agreement", content="Taliban accord")
    by_demonym = report(doha, taliban, type="AGREE", kind="agreement", content="the Qatari accord")
    assert compare(by_city, by_side).same
    assert compare(by_city, by_demonym).same
    swap = report(doha, taliban, type="AGREE", kind="agreement", content="a prisoner exchange")
    assert (
        compare(swap, report(doha, taliban, type="AGREE", kind="agreement", content="a truce")).rule
        == "terms"
    )


def test_outlets_dating_praising_or_counting_the_pages_of_a_deal_agree_but_scope_is_terms():
    fisheries = report(type="AGREE", kind="agreement", content="fisheries deal")
    paged = report(type="AGREE", kind="agreement", content="the 40-page accord on Monday evening")
    penned = report(type="AGREE", kind="agreement", content="paper")  # "put pen to paper"
    assert compare(paged, fisheries).same
    assert compare(penned, fisheries).same
    comprehensive = report(type="AGREE", kind="agreement", content="a comprehensive agreement")
    interim = report(type="AGREE", kind="agreement", content="an interim agreement")
    assert compare(comprehensive, interim).rule == "terms"
    # how much an outlet makes of a deal does not tell which deal it is
    praised = report(type="AGREE", kind="agreement", content="a historic accord")
    assert compare(praised, fisheries).same
    assert compare(praised, report(type="AGREE", kind="agreement", content="landmark deal")).same
    assert compare(
        report(type="AGREE", kind="agreement", content="a historic defence accord"), fisheries
    ).rule == ("terms")


def test_a_deal_told_as_new_the_day_it_was_signed_and_as_the_original_a_year_on_is_one():
    told_then = report(type="AGREE", kind="agreement", content="a new fisheries agreement")
    told_later = report(type="AGREE", kind="agreement", content="the original agreement")
    assert compare(told_then, told_later).same
    # what it does still tells deals apart
    grain = report(type="AGREE", kind="agreement", content="the original grain deal")
    assert compare(told_then, grain).rule == "terms"


def test_what_two_outlets_say_a_deal_does_joins_their_reports_but_never_splits_them():
    transit = replace(
        report(type="AGREE", kind="agreement", content="transit deal"),
        topics=("to open the Baltic border crossings to freight",),
    )
    crossings = report(type="AGREE", kind="agreement", content="border crossings accord")
    assert compare(transit, crossings).same
    railway = replace(
        report(type="AGREE", kind="agreement", content="transit deal"),
        topics=("to build a railway to Helsinki",),
    )
    assert compare(railway, crossings).rule == "terms"
    # one word in common is not enough: two deals of one summit both "boost" something
    assert compare(
        transit, report(type="AGREE", kind="agreement", content="freight deal")
    ).rule == ("terms")
    third = report(type="AGREE", kind="agreement", content="freight crossings accord")
    assert join(third, [transit]).same
    defence = replace(
        report(type="AGREE", kind="agreement", content="memorandum"),
        topics=("to boost cooperation between the two countries in defence",),
    )
    energy = replace(
        report(type="AGREE", kind="agreement", content="accord"),
        topics=("to boost cooperation between the two countries in nuclear energy",),
    )
    assert not compare(defence, replace(energy, content="energy accord")).same


def test_a_final_deal_is_not_an_interim_one_and_a_swap_is_not_a_grain_corridor():
    final = report(type="AGREE", kind="agreement", content="a final agreement")
    interim = report(type="AGREE", kind="agreement", content="an interim agreement")
    assert compare(final, interim).rule == "terms"
    swap = report(type="AGREE", kind="agreement", content="a prisoner swap")
    corridor = report(
        type="AGREE",
        kind="agreement",
        content="to let ships carrying timber leave the three ports on the northern lake shore",
    )
    assert compare(swap, corridor).rule == "terms"


def test_the_commission_signing_for_the_union_and_the_union_are_one_side():
    chile = Party("Chile", "country", "CHL")
    commission = Party("European Commission", "organization")
    union = Party("European Union", "organization")
    by_commission = report(commission, chile, type="AGREE", kind="agreement", place=None)
    by_union = report(union, chile, type="AGREE", kind="agreement", place=None)
    assert compare(by_commission, by_union).same


def test_most_members_of_a_bloc_named_one_by_one_are_the_bloc():
    union = Party("European Union", "organization")
    bloc = Party("Mercosur", "organization")
    members = [
        Party(n, "country", c)
        for n, c in (
            ("Argentina", "ARG"),
            ("Brazil", "BRA"),
            ("Paraguay", "PRY"),
            ("Uruguay", "URY"),
        )
    ]
    one_by_one = report(union, *members, type="AGREE", kind="agreement", place=None)
    as_a_bloc = report(union, bloc, type="AGREE", kind="agreement", place=None)
    assert compare(one_by_one, as_a_bloc).same
    # two of the four Quad members meeting, or three Gulf states with an outsider, are no bloc
    usa, ind, jpn, aus = (
        Party(n, "country", c)
        for n, c in (
            ("United States", "USA"),
            ("India", "IND"),
            ("Japan", "JPN"),
            ("Australia", "AUS"),
        )
    )
    quad = Party("Quad", "organization")
    assert not compare(report(usa, ind), report(quad, usa)).same
    assert not compare(report(usa, jpn, aus), report(quad)).same  # a trilateral of its own
    gulf = [
        Party(n, "country", c)
        for n, c in (("Saudi Arabia", "SAU"), ("United Arab Emirates", "ARE"), ("Bahrain", "BHR"))
    ]
    gcc = Party("Gulf Cooperation Council", "organization")
    egypt = Party("Egypt", "country", "EGY")
    assert not compare(report(*gulf, egypt), report(gcc)).same
    # two of the EU's members meeting China are not the EU meeting China
    china = Party("China", "country", "CHN")
    pair = report(Party("France", "country", "FRA"), Party("Germany", "country", "DEU"), china)
    assert not compare(pair, report(union, china)).same


def test_a_town_filed_with_its_state_is_in_that_state():
    state = Place("Lapland", "FIN")
    town = Place("Rovaniemi", "FIN", detail="Lapland")  # "ROVANIEMI, Lapland" on the dateline
    assert compare(report(place=state), report(place=town)).same
    assert not compare(report(place=Place("Oulu", "FIN")), report(place=town)).same


def test_a_building_named_alone_may_be_in_the_town_another_report_names():
    hall = Place("Kadriorg Palace", "EST")
    assert compare(report(place=hall), report(place=TALLINN)).same
    assert not compare(report(place=Place("Tartu", "EST")), report(place=TALLINN)).same


def test_a_buildings_detail_names_no_region_it_lies_in():
    embassy = Place("Tallinn", "EST", detail="the Latvian embassy")
    assert not compare(report(place=embassy), report(place=Place("Latvia", "LVA", True))).same
    assert not compare(report(place=Place("Tartu", "EST", detail="Estonia")), report()).same


def test_one_town_spelt_two_ways_is_one_place():
    abeba, ababa = Place("Addis Abeba", "ETH"), Place("Addis Ababa", "ETH")
    assert compare(report(place=abeba), report(place=ababa)).same
    assert not compare(report(place=Place("Tartu", "EST")), report(place=TALLINN)).same


def test_towns_one_letter_apart_are_not_one_town_spelt_two_ways():
    assert not compare(
        report(place=Place("Parnu", "EST")), report(place=Place("Parnus", "EST"))
    ).same
    assert not compare(report(place=Place("Tapa", "EST")), report(place=Place("Kapa", "EST"))).same


def test_a_format_named_by_one_outlet_is_not_read_as_its_members():
    # "E3 talks with Iran" and a UK-Iran meeting the same day in the same city are two sittings
    gbr, irn = Party("United Kingdom", "country", "GBR"), Party("Iran", "country", "IRN")
    geneva = Place("Geneva", "CHE")
    e3 = report(Party("E3", "organization"), irn, place=geneva)
    assert not compare(e3, report(gbr, irn, place=geneva)).same


def test_talks_in_two_towns_of_one_country_far_apart_are_two_events():
    # Turku is a town the gazetteer of capitals does not know: the towns table places it in
    # Finland, 150 km from Helsinki, so the ministers' talks there are not the leaders' talks
    helsinki = report(FIN, EST, date="2025-03-03", precision="week", place=Place("Helsinki", "FIN"))
    turku = report(FIN, EST, place=Place.named("Turku", None))
    assert turku.place is not None and turku.place.country_code == "FIN"
    assert not compare(helsinki, turku).same


def test_talks_placed_in_two_towns_a_few_kilometres_apart_may_be_one():
    # one outlet files from the capital, the other names the garrison town beside it
    capital = report(FIN, EST, place=Place.named("Islamabad", "PAK"))
    beside = report(FIN, EST, place=Place.named("Rawalpindi", None))
    assert compare(capital, beside).same


def test_a_seat_of_government_beside_the_capital_may_be_where_talks_in_the_capital_were():
    # Putrajaya, the seat of government a few kilometres from Kuala Lumpur: small as towns go,
    # but the gazetteer lists it, so the towns table knows where it is
    seat, capital = Place.named("Putrajaya", None), Place.named("Kuala Lumpur", None)
    assert places_agree(seat, capital)
    assert compare(report(FIN, EST, place=seat), report(FIN, EST, place=capital)).same


def test_a_venue_the_towns_table_does_not_know_stays_open():
    resort = report(FIN, EST, place=Place.named("Nusa Dua", None))
    island = report(FIN, EST, place=Place("Bali", "IDN"))
    assert resort.place is not None and resort.place.country_code is None
    assert compare(island, resort).same


def test_towns_a_few_kilometres_apart_across_a_border_are_two_places():
    # the same envoy in Kinshasa and in Brazzaville on one day: two capitals, two visits
    kinshasa = report(FIN, EST, place=Place.named("Kinshasa", "COD"))
    brazzaville = report(FIN, EST, place=Place.named("Brazzaville", "COG"))
    assert not compare(kinshasa, brazzaville).same


def test_a_venue_town_an_hour_from_the_capital_does_not_contradict_it():
    # Entebbe, 31 km from Kampala, hosts what outlets also file as held in Kampala
    entebbe = report(FIN, EST, place=Place.named("Entebbe", None))
    kampala = report(FIN, EST, place=Place.named("Kampala", "UGA"))
    assert compare(entebbe, kampala).same


def test_two_territories_of_one_state_are_two_places_and_the_state_holds_each():
    gaza, west_bank = Place.named("Gaza", None), Place.named("West Bank", None)
    assert gaza is not None and west_bank is not None
    assert not compare(report(FIN, EST, place=gaza), report(FIN, EST, place=west_bank)).same
    palestine = Place.named("Palestine", None)
    assert compare(report(FIN, EST, place=palestine), report(FIN, EST, place=gaza)).same


def test_two_cities_of_the_gazetteer_an_hour_apart_are_two_places():
    tel_aviv = report(FIN, EST, place=Place.named("Tel Aviv", None))
    jerusalem = report(FIN, EST, place=Place.named("Jerusalem", None))
    assert not compare(tel_aviv, jerusalem).same


def test_terms_told_in_other_words_of_one_family_are_one_deal():
    def deal(content: str) -> Report:
        return report(type="AGREE", kind="agreement", content=content)

    treaty = deal("the Baltic Sea border treaty")
    assert compare(treaty, deal("an accord on the delimitation of territorial waters")).same
    assert compare(deal("a truce"), deal("the ceasefire")).same
    assert compare(deal("a ceasefire"), deal("the cessation of military hostilities")).same
    # a family names what is agreed, and two families are two deals
    assert compare(treaty, deal("a trade agreement")).rule == "terms"
    assert compare(deal("a truce"), deal("a prisoner swap")).rule == "terms"
    # words that also name other things join nothing
    assert compare(deal("a trade agreement"), deal("a commercial aviation deal")).rule == "terms"
    assert compare(deal("a currency swap"), deal("the exchange of prisoners")).rule == "terms"
    assert compare(deal("frontier technologies"), treaty).rule == "terms"


def test_one_deal_at_two_stages_is_two_deals_and_a_stage_told_in_other_words_is_one():
    def deal(content: str) -> Report:
        return report(type="AGREE", kind="agreement", content=content)

    assert compare(deal("an interim peace deal"), deal("a comprehensive peace deal")).rule == (
        "terms"
    )
    assert compare(deal("a preliminary nuclear deal"), deal("a framework nuclear agreement")).same
    assert compare(deal("the final peace agreement"), deal("a comprehensive peace deal")).same
    # whole words: "international" and "compromise" tell no stage
    assert compare(deal("the final trade deal"), deal("an international trade deal")).same
    assert compare(deal("a compromise budget deal"), deal("the final budget deal")).same
    # a stage alone names no terms another outlet's subject can be
    assert compare(deal("the final agreement"), deal("a prisoner exchange")).rule == "terms"
    assert compare(deal("a framework agreement"), deal("a visa waiver")).rule == "terms"
    # the last stage of a settlement is its peace, as other outlets name it; an early stage may
    # be a framework for anything
    assert compare(deal("the final agreement"), deal("a historic peace deal")).same
    assert compare(deal("a comprehensive accord"), deal("the peace agreement")).same
    assert compare(deal("a framework agreement"), deal("a peace deal")).rule == "terms"
    assert compare(deal("the final agreement"), deal("a peace and trade deal")).rule == "terms"
    # a stage both share names nothing either: what the deals are on still tells them apart
    assert compare(
        deal("a framework agreement on energy"), deal("a framework agreement on defence")
    ).rule == ("terms")
    assert compare(deal("the final agreement"), deal("a comprehensive trade agreement")).rule == (
        "terms"
    )


def test_a_cessation_of_hostilities_is_a_ceasefire_but_a_cessation_of_other_things_is_not():
    def deal(content: str) -> Report:
        return report(type="AGREE", kind="agreement", content=content)

    assert compare(deal("a truce"), deal("the cessation of military hostilities")).same
    assert compare(deal("a truce"), deal("the cessation of nuclear tests")).rule == "terms"
    assert compare(
        deal("a truce"), deal("the release of prisoners held during hostilities")
    ).rule == ("terms")


def test_a_bodys_summit_and_a_summit_of_two_of_its_members_that_day_are_two():
    quad = Party("Quad", "organization")
    usa, india = Party("United States", "country", "USA"), Party("India", "country", "IND")
    washington = Place.named("Washington", "USA")
    of_the_body = report(quad, kind="summit", place=washington, date="2023-06-22")
    of_two = report(usa, india, kind="summit", place=washington, date="2023-06-22")
    assert not compare(of_the_body, of_two).same
    hosted = report(usa, kind="summit", place=washington, date="2023-06-22")
    assert not compare(of_the_body, hosted).same

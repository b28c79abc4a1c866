"""Sittings an article tells beside its news stay apart from it, each on its own day: the one
they last held, the summit others gather for, the leader's meetings with the other side's
earlier leaders; and a wish or an order is no visit."""

from __future__ import annotations

from tests.extract.events_found import events, names


def gatherings(extractor, text: str, published: str) -> list[dict]:
    return [e for e in events(extractor, text, published) if e["type"] == "CONSULT"]


def test_the_meeting_told_then_is_not_the_one_they_last_held(extractor):
    text = (
        "Ghana's President Nana Akufo-Addo and Togo's President Faure Gnassingbe said on "
        "Thursday they saw a way to settle their sea border.\n\n"
        "The two leaders met at a lodge outside Aflao, first with officials and then alone.\n\n"
        "Akufo-Addo and Gnassingbe last met in Lome on Sept. 9."
    )
    met = gatherings(extractor, text, "2019-10-10")
    at_the_lodge = [e for e in met if "lodge" in e["evidence"]]
    assert at_the_lodge and all(e["date"] != "2019-09-09" for e in at_the_lodge), met


def test_leaders_gathering_for_a_dated_summit_are_not_the_talks_told(extractor):
    text = (
        "Ghana and Togo see a way to a deal after talks near Aflao\n\n"
        "Their discussions dwelt on the sea border, officials said.\n\n"
        "West African leaders gather for a summit on Oct. 17-18 in Abuja."
    )
    met = gatherings(extractor, text, "2019-10-10")
    assert all(not (e["status"] == "concluded" and e["date"] == "2019-10-17") for e in met), met


def test_taoiseach_is_a_title_not_part_of_a_name(extractor):
    text = "Taoiseach Leo Varadkar will travel to Paris on Thursday for a meeting with Macron."
    met = gatherings(extractor, text, "2019-10-09")
    assert any("Leo Varadkar" in names(e) for e in met), met
    assert all("Taoiseach Leo Varadkar" not in names(e) for e in met), met


def test_a_meeting_held_when_a_visitor_came_takes_the_day_of_the_visit(extractor):
    text = (
        "Mr Akufo-Addo last met Mr Gnassingbe when the Togolese leader came to Accra on "
        "September 9th."
    )
    met = gatherings(extractor, text, "2019-10-09")
    assert any(e["date"] == "2019-09-09" for e in met), met


def test_a_gathering_agreed_when_a_visitor_came_is_not_dated_by_the_visit(extractor):
    text = "Switzerland agreed to host the gathering when Zelensky visited Bern in January."
    met = [e for e in gatherings(extractor, text, "2024-06-16") if e["kind"] != "visit"]
    assert all(e["date"] in (None, "2024-01-01") for e in met), met


def test_a_leader_instructing_his_minister_to_visit_makes_no_visit_of_his_own(extractor):
    text = (
        "Prime Minister Shinzo Abe instructed Kishida on Thursday to visit South Korea before "
        "the end of the year."
    )
    met = gatherings(extractor, text, "2015-12-27")
    assert all("Shinzo Abe" not in names(e) for e in met), met


def test_a_first_meeting_since_a_return_to_power_is_not_dated_by_the_return(extractor):
    text = (
        "ACCRA, Feb. 10 (Reuters) - Ghana's President John Mahama and Togo's President Faure "
        "Gnassingbe pledged on Friday to work together to protect their coastline and slow "
        "the smuggling of fuel across the border, in their first meeting since the veteran "
        "leader returned to power last month."
    )
    met = gatherings(extractor, text, "2023-02-10")
    assert met and all(e["date"] != "2023-01-01" for e in met), met


def test_earlier_leaders_a_guest_met_are_not_sides_of_his_meeting_with_the_host(extractor):
    text = (
        "U.S. President Joe Biden and Kenyan President William Ruto met in the Oval Office on "
        "Thursday.\n\n"
        "Ruto, who met Presidents George W. Bush and Barack Obama as a minister, said ties "
        "had never been closer."
    )
    met = gatherings(extractor, text, "2024-05-23")
    oval = [e for e in met if "Oval Office" in e["evidence"]]
    assert oval, met
    assert all({"George W. Bush", "Barack Obama"}.isdisjoint(names(e)) for e in oval), oval


LEADERS_HOSTED = (
    "ACCRA, March 15 (Reuters) - The leaders of Ghana, Togo and Benin pledged on Friday to "
    "patrol their coast together.\n\n"
    "Ghana's President Nana Akufo-Addo hosted Togo's President Faure Gnassingbe and Benin's "
    "President Patrice Talon for a meeting of the three neighbours.\n\n"
    "Relations had been strained since Feb. 26, when Gnassingbe told a conference of regional "
    "leaders in Lome that Ghana had closed its border."
)


def test_talks_the_datelines_leader_hosted_were_held_in_its_capital(extractor):
    met = gatherings(extractor, LEADERS_HOSTED, "2024-03-15")
    assert any(
        {"Faure Gnassingbe", "Patrice Talon"} <= names(e)
        and (e["location"] or {}).get("name") == "Accra"
        for e in met
    ), met


def test_a_host_of_unnamed_guests_held_the_summit_they_are_named_at(extractor):
    text = (
        "ACCRA, Sept 29 (AFP) - President Nana Akufo-Addo hosted the presidents of four West "
        "African states in Accra on Friday.\n\n"
        "The leaders of Ghana, Togo, Benin, Niger and Burkina Faso took part in the first "
        "summit of the Accra Initiative, held at Jubilee House."
    )
    summits = [e for e in gatherings(extractor, text, "2023-09-29") if e["kind"] == "summit"]
    assert len(summits) == 1, summits
    (summit,) = summits
    assert summit["date"] == "2023-09-29" and summit["location"]["name"] == "Accra", summit
    assert {"Togo", "Benin"} <= names(summit), summit


def test_a_meeting_a_date_recalls_takes_no_meeting_told_before_it(extractor):
    met = gatherings(extractor, LEADERS_HOSTED, "2024-03-15")
    conferences = [e for e in met if e["kind"] == "conference"]
    assert all("Patrice Talon" not in names(e) for e in conferences), conferences


def test_the_talks_a_meeting_follows_up_are_another_sitting(extractor):
    text = (
        "Norway and Chile call Santiago talks constructive\n\n"
        "Norwegian and Chilean diplomats described their talks in Santiago as constructive after "
        "a six-hour session.\n\n"
        "The Santiago meeting was the first follow-up to the March 3 talks between Foreign "
        "Minister Espen Barth Eide and Foreign Minister Alberto van Klaveren."
    )
    met = gatherings(extractor, text, "2025-03-28")
    in_santiago = [e for e in met if (e.get("location") or {}).get("name") == "Santiago"]
    assert in_santiago and all(e.get("date") != "2025-03-03" for e in in_santiago), met
    assert any(e.get("date") == "2025-03-03" for e in met), met


def test_talks_between_two_people_take_the_place_after_them(extractor):
    text = (
        "Chile recalled the March 3 talks between Foreign Minister Espen Barth Eide and Foreign "
        "Minister Alberto van Klaveren in Oslo."
    )
    [talks] = gatherings(extractor, text, "2025-03-26")
    assert talks["location"]["name"] == "Oslo" and talks["date"] == "2025-03-03"


def test_a_meeting_whose_date_is_still_to_be_set_is_not_the_talks_held(extractor):
    text = (
        "Chile and Brazil agree to reopen border crossings in first talks since the dispute\n\n"
        "SANTIAGO (AP) - Top Chilean and Brazilian officials agreed Tuesday to reopen two border "
        "crossings.\n\n"
        "An envoy said it was too early to discuss a specific date for a meeting between "
        "Presidents Gabriel Boric and Luiz Inacio Lula da Silva."
    )
    met = gatherings(extractor, text, "2025-02-18")
    [presidents] = [e for e in met if "Gabriel Boric" in names(e)]
    assert presidents["status"] == "planned" and presidents["kind"] == "meeting", met
    assert "Chile" not in names(presidents) or "talks" not in presidents["evidence"], met


def test_others_who_met_the_day_before_are_not_the_talks_told(extractor):
    text = (
        "China and Japan hold first talks in a year, with Seoul absent\n\n"
        "BEIJING (Wire) — Top Chinese and Japanese officials agreed Tuesday to resume regular "
        "contacts, in the most extensive talks between the two countries in a year.\n\n"
        "European leaders, alarmed at being sidelined, met in Brussels on Monday for emergency "
        "consultations."
    )
    met = gatherings(extractor, text, "2025-02-18")
    theirs = [e for e in met if names(e) >= {"China", "Japan"}]
    assert theirs and all(e["location"]["name"] == "Beijing" for e in theirs), met
    # people named by a region one of the talks' countries is of may be the talks themselves
    text = (
        "Saudi, Egyptian and Jordanian ministers hold talks on Gaza\n\n"
        "RIYADH (Wire) - Arab foreign ministers met in Riyadh on Friday to discuss a plan."
    )
    (met,) = [e for e in gatherings(extractor, text, "2025-02-22") if e["confidence"] >= 0.5]
    assert met["date"] == "2025-02-21" and {"Saudi Arabia", "Jordan"} <= names(met)

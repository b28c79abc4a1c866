"""Who took part in talks told inside a longer phrase: a leader whose time it is, a topic that
figures in them, a traveller leaving for them, the doers of a passive act after them."""

from __future__ import annotations

from tests.extract.events_found import events, names, of_type


def gatherings(extractor, text: str, published: str = "2025-03-05") -> list[dict]:
    return [e for e in events(extractor, text, published) if e["type"] == "CONSULT"]


def test_the_leader_under_whom_a_summit_is_held_and_who_met_is_its_side(extractor):
    text = (
        "It was the first summit between the two Koreas under President Moon Jae-in, who met "
        "Kim Jong Un at Panmunjom on Friday."
    )
    met = gatherings(extractor, text, "2018-04-28")
    assert any({"Moon Jae-in", "Kim Jong Un"} <= names(e) for e in met), met


def test_a_title_beginning_with_under_still_names_a_side(extractor):
    text = (
        "Talks between US Under Secretary of State Allison Hooker and Chinese Vice Foreign "
        "Minister Ma Zhaoxu in Geneva on Monday ended without progress."
    )
    talks = gatherings(extractor, text)
    assert talks and all({"Allison Hooker", "Ma Zhaoxu"} <= names(e) for e in talks), talks


def test_what_is_expected_to_figure_in_talks_is_no_side_of_them(extractor):
    text = "Border trade and Chile's claim to the Lauca river are expected to figure in the talks."
    assert all("Chile" not in names(e) for e in gatherings(extractor, text)), text


def test_a_leader_leaving_for_a_summit_with_another_takes_part_in_it(extractor):
    # published on Wednesday 2025-03-05
    text = "President Lula will leave for Chile on Thursday for a summit with President Boric."
    summits = [e for e in gatherings(extractor, text) if e["kind"] == "summit"]
    assert summits, summits
    assert all(
        {"Luiz Inacio Lula da Silva", "Gabriel Boric"} <= names(e) and e["status"] == "planned"
        for e in summits
    ), summits


def test_talks_that_follow_a_planned_reception_are_not_told_as_held(extractor):
    text = (
        "Lula is expected to be received at the palace on Friday afternoon, followed by talks "
        "with Boric and a dinner."
    )
    held = [e for e in gatherings(extractor, text) if e["kind"] == "talks"]
    assert held and all(e["status"] != "concluded" for e in held), held


def test_their_talks_after_a_passive_act_are_the_doers_talks(extractor):
    text = (
        "The new format was announced in Brasilia on Sunday by foreign ministers Mauro Vieira "
        "and Alberto van Klaveren after their talks on the sidelines of a Mercosur meeting."
    )
    talks = [e for e in gatherings(extractor, text) if e["kind"] == "talks"]
    assert talks and all({"Mauro Vieira", "Alberto van Klaveren"} <= names(e) for e in talks), talks


def test_a_visit_hosted_before_a_pledge_told_as_done_is_done(extractor):
    text = (
        "LIMA, May 2 (Reuters) - Peruvian President Dina Boluarte pledged on Tuesday to reopen "
        "the border, after hosting Bolivian President Luis Arce in Lima."
    )
    visits = [e for e in gatherings(extractor, text, "2023-05-02") if e["kind"] == "visit"]
    assert visits and all(e["status"] == "concluded" for e in visits), visits


def test_a_leader_who_hosts_another_for_a_summit_holds_it_with_them(extractor):
    # published on Wednesday 2025-03-05
    text = (
        "Theresa May will commit an extra 44.5 million pounds to border security in Calais when "
        "she hosts Emmanuel Macron for a summit at the Royal Military Academy Sandhurst "
        "tomorrow, the Home Office announced."
    )
    summits = [e for e in gatherings(extractor, text) if e["kind"] == "summit"]
    assert summits and all({"Theresa May", "Emmanuel Macron"} <= names(e) for e in summits), summits


def test_a_headlines_summit_told_before_the_body_tells_it_is_that_summit(extractor):
    text = (
        "Albanese to fund border security ahead of Prabowo summit\n\n"
        "Anthony Albanese will commit an extra 40 million dollars to border security in Darwin "
        "when he hosts Prabowo Subianto for a summit at the Royal Military College Duntroon "
        "tomorrow, his office announced."
    )
    summits = [e for e in gatherings(extractor, text) if e["kind"] == "summit"]
    assert len(summits) == 1, summits
    assert (summits[0]["location"] or {}).get("name") != "Prabowo", summits


def test_the_ministers_talks_before_a_summit_are_not_the_leaders_summit(extractor):
    # published on Thursday 2025-03-06
    text = (
        "Boric leaves for Lima tonight for 'informal summit' with Boluarte\n\n"
        "President Gabriel Boric will leave for Peru on Thursday night for a two-day informal "
        "summit with President Dina Boluarte in the southern city of Arequipa.\n\n"
        "The unusual format was announced in Santiago on Sunday by Chilean foreign minister "
        "Alberto van Klaveren and Peruvian foreign minister Elmer Schialer after their talks on "
        "the sidelines of a Mercosur ministers' meeting."
    )
    found = gatherings(extractor, text, "2025-03-06")
    summits = [e for e in found if e["kind"] == "summit"]
    assert summits and all(
        e["status"] == "planned" and "Alberto van Klaveren" not in names(e) for e in summits
    ), found


def test_a_pair_in_combining_forms_names_both_sides(extractor):
    for text, pair in (
        (
            "The 37th Franco-British summit was held in London on Thursday.",
            {"France", "United Kingdom"},
        ),
        ("The Sino-Russian summit was held in Moscow on Tuesday.", {"China", "Russia"}),
    ):
        summits = gatherings(extractor, text)
        assert summits and all(pair <= names(e) for e in summits), (text, summits)


def test_a_combining_form_alone_is_no_country(extractor):
    met = gatherings(extractor, "General Franco met Hitler at Hendaye in 1940.")
    assert all("France" not in names(e) for e in met), met


def test_a_territory_naming_what_talks_are_about_is_no_side_of_them(extractor):
    # a strip of land is not the state that claims it: the talks' sides are the delegations
    text = (
        "Egyptian and Qatari mediators hosted a new round of Gaza ceasefire talks in Cairo on "
        "Sunday, with an Israeli delegation and Hamas officials attending separately."
    )
    talks = gatherings(extractor, text, "2024-03-04")
    assert talks and all("Palestine" not in names(e) for e in talks), talks
    assert any({"Israel", "Hamas"} <= names(e) for e in talks), talks


def test_who_attended_a_summit_took_part_in_it(extractor):
    text = (
        "The last such summit, attended by Chancellor Olaf Scholz and President Emmanuel "
        "Macron, was held in Berlin in October 2022."
    )
    summits = gatherings(extractor, text, "2024-03-04")
    assert any({"Olaf Scholz", "Emmanuel Macron"} <= names(e) for e in summits), summits


def test_whom_leaders_at_a_summit_called_for_is_no_side_of_the_summit(extractor):
    # the prisoners whose release the summit demanded did not attend it
    text = (
        "At a summit in Brussels, EU leaders called for the immediate release of journalist "
        "Ilya Petrov and activist Anna Volkova."
    )
    summits = gatherings(extractor, text, "2024-03-04")
    assert all(not {"Ilya Petrov", "Anna Volkova"} & names(e) for e in summits), summits


def test_what_followed_a_visit_names_no_side_of_it(extractor):
    text = (
        "The posts by the deputy ministers Aminath Didi and Hassan Latheef followed President "
        "Ruto's visit last week to the islands."
    )
    visits = [e for e in gatherings(extractor, text, "2024-01-08") if e["kind"] == "visit"]
    assert all(not {"Aminath Didi", "Hassan Latheef"} & names(e) for e in visits), visits


def test_sides_that_agreed_at_a_round_of_talks_held_it(extractor):
    text = "Armenia and Azerbaijan agree to swap detainees at brief second round of talks"
    talks = gatherings(extractor, text, "2024-06-03")
    assert any({"Armenia", "Azerbaijan"} <= names(e) for e in talks), talks


def test_their_meeting_named_with_the_agreement_they_reached_is_theirs(extractor):
    text = (
        "The consultations, with Under Secretary Victoria Nuland heading the US side, were held "
        "under the accord reached by the presidents of Ukraine and Poland at their meeting in "
        "Warsaw on May 3."
    )
    met = [e for e in events(extractor, text, "2024-06-10") if e["date"] == "2024-05-03"]
    assert met and all(names(e) >= {"Ukraine", "Poland"} for e in met), met
    assert all("Victoria Nuland" not in names(e) for e in met)


def test_a_summit_set_off_after_the_acts_done_at_it_takes_their_day(extractor):
    text = (
        "OTTAWA -- The leaders of Canada, Mexico and the United States on Tuesday agreed to "
        "share border data, and to fight fentanyl trafficking, at their North American summit, "
        "held at the Rideau Hall."
    )
    [summit] = of_type(extractor, text, "CONSULT")
    assert summit["date"] == "2025-02-25"


def test_leaders_meeting_for_the_first_time_in_a_city_met_there(extractor):
    text = (
        "The leaders of Kenya and Ethiopia met in person for the first time under the new "
        "framework in Nairobi on Monday."
    )
    [met] = of_type(extractor, text, "CONSULT")
    assert met["location"]["name"] == "Nairobi"


def test_a_headlines_summit_of_two_leaders_is_the_talks_the_lead_tells(extractor):
    text = (
        "Lisbon shrugs off Sanchez-Macron summit\n\n"
        "Spanish Prime Minister Pedro Sanchez wrapped up two days of talks with French President "
        "Emmanuel Macron in Paris, his first trip abroad since the election."
    )
    talks = [e for e in events(extractor, text, "2024-03-22") if e["type"] == "CONSULT"]
    held = [e for e in talks if e["kind"] != "visit"]
    assert len(held) == 1, held
    assert names(held[0]) >= {"Pedro Sanchez", "Emmanuel Macron"}


def test_a_summit_of_no_one_after_which_two_leaders_acted_together_was_theirs(extractor):
    text = (
        "Chilean President Gabriel Boric and Peruvian President Dina Boluarte toasted a new "
        "start on Thursday night after a summit that ended a long freeze."
    )
    met = gatherings(extractor, text, "2025-03-07")
    assert any({"Gabriel Boric", "Dina Boluarte"} <= names(e) for e in met), met


def test_a_named_bodys_summit_after_which_two_sides_acted_is_not_theirs(extractor):
    text = "Chile and Peru condemned the attack after an OAS summit in Lima."
    met = gatherings(extractor, text, "2025-03-07")
    assert not any({"Chile", "Peru"} <= names(e) for e in met), met


def test_one_leaders_act_after_a_summit_of_no_one_names_no_side_of_it(extractor):
    text = "Chilean President Gabriel Boric toasted a new start after a summit in Lima."
    met = gatherings(extractor, text, "2025-03-07")
    assert not any("Gabriel Boric" in names(e) for e in met), met


def test_sides_protesting_after_a_summit_of_no_one_are_not_its_sides(extractor):
    text = "Chile and Peru protested on Tuesday after a summit in Brasilia on Monday."
    met = gatherings(extractor, text, "2025-03-05")
    assert not any({"Chile", "Peru"} <= names(e) for e in met), met


def test_after_the_summit_is_the_one_told_before_not_a_summit_of_those_acting(extractor):
    text = (
        "Lula and Milei met in Brasilia on Friday. Boric and Boluarte toasted a new start after "
        "the summit."
    )
    met = gatherings(extractor, text, "2025-03-08")
    assert not any({"Gabriel Boric", "Dina Boluarte"} <= names(e) for e in met), met


def test_a_summit_which_a_country_hosted_is_that_summit_not_a_visit(extractor):
    text = (
        "The summit, which Chile hosted in Santiago in June and which Peru attended, ended "
        "with a declaration."
    )
    met = gatherings(extractor, text, "2024-08-23")
    assert [e["kind"] for e in met] == ["summit"], met
    assert names(met[0]) == {"Chile", "Peru"} and met[0]["location"]["name"] == "Santiago", met


def test_a_summit_which_critics_called_a_failure_has_no_critics_for_sides(extractor):
    text = "The summit, which critics in Peru called a failure, ended in Santiago on Monday."
    met = gatherings(extractor, text, "2024-08-23")
    assert not any("Peru" in names(e) for e in met), met


def test_who_did_not_attend_a_hosted_summit_is_no_side_of_it(extractor):
    text = (
        "The summit, which Chile hosted in Santiago in June and which Peru did not attend, ended."
    )
    met = gatherings(extractor, text, "2024-08-23")
    assert met and "Peru" not in names(met[0]), met


def test_a_countrys_opposition_is_a_side_of_talks_with_its_government(extractor):
    text = (
        "LIMA, Peru (AP) - Talks between Bolivia's government and the opposition broke down "
        "Wednesday without an agreement."
    )
    met = gatherings(extractor, text, "2018-02-07")
    assert met and names(met[0]) == {"Bolivia", "Bolivian opposition"}, met


def test_an_opposition_is_no_side_of_its_country_and_its_lawmakers_are_not_the_opposition(
    extractor,
):
    rejected = [
        e
        for e in events(
            extractor, "Bolivia's opposition rejected the deal on Monday.", "2018-02-07"
        )
        if e["type"] == "REJECT"
    ]
    assert rejected and names(rejected[0]) == {"Bolivian opposition"}, rejected
    text = "Bolivian opposition lawmakers met Chile's foreign minister in La Paz on Monday."
    assert not any("Bolivian opposition" in names(e) for e in events(extractor, text, "2018-02-07"))


def test_whoever_came_before_since_the_last_visit_is_no_side_of_this_one(extractor):
    # the parser makes "visit" and "Heraldo Munoz" two subjects of "came"
    text = (
        "The Chilean foreign minister left Peru after two days of meetings on Monday, the first "
        "visit by Chile's top diplomat since Heraldo Munoz came in 2016."
    )
    for visit in gatherings(extractor, text, "2024-03-12"):
        assert "Heraldo Munoz" not in names(visit), visit

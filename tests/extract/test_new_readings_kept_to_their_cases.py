"""The cases next to this round's readings, where a reading must not reach: a visit on which
someone was received, rounds of sanctions and strikes, the Foreign Office of a state that has
none, a call spent with someone, a visit planned for a signing, weeks of negotiations broken
off, ground yielded and an ally defended."""

from __future__ import annotations

from tests.extract.events_found import events, names, of_type

TOLD = "2025-03-05"  # a Wednesday


def test_a_visit_someone_was_received_on_is_still_the_visit(extractor):
    text = "Kenya received the Sudanese army chief on Tuesday on a visit."
    [visit] = of_type(extractor, text, "CONSULT", TOLD)
    assert names(visit) == {"Kenya", "Sudan"}, visit


def test_a_round_of_sanctions_or_strikes_is_the_sanctions_or_strikes(extractor):
    text = "Britain imposed a new round of sanctions on Russian oligarchs on Tuesday."
    [sanctions] = of_type(extractor, text, "SANCTION", TOLD)
    assert names(sanctions) == {"United Kingdom", "Russia"}, sanctions
    text = "Israel launched a new round of air strikes on Lebanon on Tuesday."
    [strikes] = of_type(extractor, text, "ASSAULT", TOLD)
    assert names(strikes) == {"Israel", "Lebanon"}, strikes


def test_the_foreign_office_filed_from_a_state_without_one_is_britains(extractor):
    text = (
        "WASHINGTON, March 4 (Reuters) - The Foreign Office announced sanctions on six Iranian "
        "officials on Tuesday, the British government said."
    )
    [sanctions] = of_type(extractor, text, "SANCTION", TOLD)
    assert names(sanctions) == {"United Kingdom", "Iran"}, sanctions
    text = "PARIS, March 4 (Reuters) - The Foreign Office condemned the attack on Tuesday."
    [condemned] = of_type(extractor, text, "ACCUSE", TOLD)
    assert names(condemned) == {"United Kingdom"}, condemned


def test_hours_spent_with_someone_on_the_phone_are_a_call_and_a_tally_is_no_meeting(extractor):
    text = (
        "The Indian envoy spent two hours with Russian Foreign Minister Sergei Lavrov on the "
        "phone on Tuesday."
    )
    found = of_type(extractor, text, "CONSULT", TOLD)
    assert [e["kind"] for e in found] == ["phone_call"], found
    text = "Netanyahu spent more time with Trump than any other leader in 2017."
    assert not of_type(extractor, text, "CONSULT", TOLD), events(extractor, text, TOLD)


def test_agreeing_to_sign_during_a_visit_named_points_ahead(extractor):
    text = "Modi and Ishiba agreed to sign the pact during Ishiba's visit to New Delhi on Friday."
    visits = [e for e in of_type(extractor, text, "CONSULT", TOLD) if e["kind"] == "visit"]
    assert visits and (visits[0]["date"], visits[0]["status"]) == ("2025-03-07", "planned")


def test_weeks_of_negotiations_ended_by_walking_out_are_broken_off(extractor):
    text = "The Taliban ended weeks of negotiations with Pakistan on Monday by walking out."
    found = events(extractor, text, TOLD)
    assert not [e for e in found if e["type"] == "CONSULT" and e["confidence"] >= 0.5], found


def test_ground_yielded_and_an_ally_defended_are_still_acts(extractor):
    text = "Israel yielded control of the Rafah crossing to Egypt on Tuesday."
    [yielded] = of_type(extractor, text, "CONCEDE", TOLD)
    assert names(yielded) == {"Israel", "Egypt"}, yielded
    text = "The United States defended its ally Israel at the Security Council on Tuesday."
    [backed] = of_type(extractor, text, "SUPPORT", TOLD)
    assert names(backed) == {"United States", "Israel"}, backed


def test_signing_no_document_signs_nothing(extractor):
    text = "Kenya and Uganda cooperated closely on Tuesday, signing no formal document."
    assert not of_type(extractor, text, "AGREE", TOLD), events(extractor, text, TOLD)


def test_a_round_of_other_acts_is_no_talks_but_a_round_of_talks_is(extractor):
    text = "Russia and Ukraine carried out a new round of prisoner exchanges on Tuesday."
    assert not of_type(extractor, text, "CONSULT", TOLD), events(extractor, text, TOLD)
    text = "Russia and Ukraine held a new round of talks in Istanbul on Tuesday."
    [talks] = of_type(extractor, text, "CONSULT", TOLD)
    assert names(talks) == {"Russia", "Ukraine"}, talks


def test_urging_a_side_to_help_ease_tensions_eases_nothing(extractor):
    text = "Ruto urged Ethiopia on Tuesday to help ease soaring tensions in the Horn of Africa."
    assert not of_type(extractor, text, "CONCEDE", TOLD), events(extractor, text, TOLD)
    text = "Kenya wants to help ease tensions between Ethiopia and Eritrea."
    assert not of_type(extractor, text, "CONCEDE", TOLD), events(extractor, text, TOLD)


def test_a_source_asking_not_to_be_named_asks_no_one(extractor):
    text = "A senior Kenyan official, who asked not to be named, said the talks had stalled."
    assert not of_type(extractor, text, "REQUEST", TOLD), events(extractor, text, TOLD)
    text = "Kenya asked Uganda to withdraw its troops."
    [asked] = of_type(extractor, text, "REQUEST", TOLD)
    assert names(asked) == {"Kenya", "Uganda"}, asked


def test_terminating_relations_severs_them(extractor):
    text = "Taiwan terminated diplomatic relations with Nicaragua on Friday."
    [severed] = of_type(extractor, text, "SANCTION", TOLD)
    assert names(severed) == {"Taiwan", "Nicaragua"}, severed


def test_warning_of_what_a_thing_will_do_is_a_caution(extractor):
    text = "Kenya warned Uganda that the situation would deteriorate."
    threats = [e for e in of_type(extractor, text, "THREATEN", TOLD) if e["confidence"] >= 0.5]
    assert not threats, threats
    for text in (
        "Russia warned Finland that the move would trigger a response.",
        "Sisi warned Ethiopia that any harm to Egypt's share of the river would cause "
        "inconceivable instability.",
    ):
        [threat] = of_type(extractor, text, "THREATEN", TOLD)
        assert threat["confidence"] >= 0.5, (text, threat)


def test_a_wire_agency_in_a_dateline_is_no_side(extractor):
    text = "Taipei, Dec. 10 (CNA) Taiwan on Friday terminated diplomatic relations with Nicaragua."
    for event in events(extractor, text, "2021-12-10"):
        assert "CNA" not in names(event), event


def test_a_surname_the_tagger_took_for_a_body_is_the_person(extractor):
    text = (
        "Iraqi Prime Minister Haider al-Abadi appealed to investors to stand with Baghdad. "
        "Al-Abadi declared victory over the extremists in December, and al-Abadi promised to "
        "fight corruption."
    )
    for event in events(extractor, text, TOLD):
        assert "Al-Abadi" not in names(event), event


def test_a_round_of_exchanges_of_views_or_of_talks_on_other_acts_is_talks(extractor):
    for text in (
        "Russia and Ukraine held a round of exchanges on the Black Sea corridor in Istanbul on "
        "Tuesday.",
        "India and Pakistan held a round of ceasefire and prisoner release talks in Wagah on "
        "Monday.",
    ):
        talks = of_type(extractor, text, "CONSULT", TOLD)
        assert talks and talks[0]["confidence"] >= 0.5, (text, talks)


def test_asking_a_body_to_name_or_identify_someone_is_a_request(extractor):
    text = (
        "Ukraine asked the United Nations on Monday to name a special envoy for deported children."
    )
    [asked] = of_type(extractor, text, "REQUEST", TOLD)
    assert names(asked) == {"Ukraine", "United Nations"}, asked


def test_talks_or_a_visit_terminated_were_held(extractor):
    text = "Israel and Hamas terminated their talks in Doha on Thursday after reaching a deal."
    assert not of_type(extractor, text, "SANCTION", TOLD), events(extractor, text, TOLD)
    text = "Chinese Foreign Minister Wang Yi terminated his three-day visit to Pakistan on Sunday."
    [visit] = of_type(extractor, text, "CONSULT", TOLD)
    assert names(visit) >= {"Wang Yi", "Pakistan"}, visit


def test_a_warning_of_what_a_sides_own_army_or_arms_will_do_is_a_threat(extractor):
    for text in (
        "Turkey warned on Tuesday that its troops would enter northern Syria if Kurdish fighters "
        "did not withdraw.",
        "Israel warned Lebanon on Sunday that the army would expand its operations to Beirut.",
    ):
        [threat] = of_type(extractor, text, "THREATEN", TOLD)
        assert threat["confidence"] >= 0.5, (text, threat)


def test_a_family_name_qualifying_forces_is_no_one_of_that_family(extractor):
    text = (
        "Al-Assad forces shelled Daraa on Monday, activists said. Maher al-Assad, the president's "
        "brother, commands the army's Fourth Division."
    )
    for event in events(extractor, text, TOLD):
        assert "Maher al-Assad" not in names(event), event


def test_a_person_named_like_a_news_agency_is_still_a_side(extractor):
    text = "Pakistani lawmaker Saba Sadiq met Iranian Foreign Minister Abbas Araqchi in Tehran."
    [met] = of_type(extractor, text, "CONSULT", TOLD)
    assert "Saba Sadiq" in names(met), met

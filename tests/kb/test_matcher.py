"""Matching rules, each on its own general case (no seed-specific names)."""

from __future__ import annotations

import pytest

from spacediplo.kb import load_kb
from spacediplo.stages.actors import ActorRecogniser


@pytest.fixture(scope="module")
def recogniser() -> ActorRecogniser:
    return ActorRecogniser(load_kb())


def ids(recogniser: ActorRecogniser, text: str, lang: str = "en") -> list[str]:
    return [m.entity_id for m in recogniser.mentions(text, lang)]


def test_russian_case_forms_meet_their_name(recogniser: ActorRecogniser) -> None:
    found = ids(
        recogniser,
        "Глава Роскосмоса встретился с руководством Роскосмосом и "
        "Национальным космическим управлением Китая.",
        "ru",
    )
    assert found.count("roscosmos") == 2 and "cnsa" in found


def test_french_elisions(recogniser: ActorRecogniser) -> None:
    found = ids(recogniser, "Le directeur d'ESA a rappelé l'accord avec l'URSS.", "fr")
    assert "esa" in found and "country-sun" in found


def test_acronyms_need_capitals(recogniser: ActorRecogniser) -> None:
    assert "esa" not in ids(recogniser, "Esa misión fue un éxito para esa región.", "es")
    assert "esa" in ids(recogniser, "La ESA firmó un acuerdo.", "es")


def test_title_case_names_do_not_match_common_words(recogniser: ActorRecogniser) -> None:
    assert "mir" not in ids(recogniser, "Они говорили о мире и дружбе.", "ru")


def test_ambiguous_names_need_space_context(recogniser: ActorRecogniser) -> None:
    assert "progress" not in [
        i for i in ids(recogniser, "Progress was slow in the talks.") if i.startswith("progress")
    ]
    found = ids(recogniser, "A Progress cargo ship docked with the space station.")
    assert any(i.startswith("progress") for i in found)


def test_longest_name_wins_over_its_parts(recogniser: ActorRecogniser) -> None:
    found = ids(recogniser, "The Russian House in Belgrade hosted a space exhibition.")
    assert "country-rus" not in found


def test_capital_as_government_and_as_place(recogniser: ActorRecogniser) -> None:
    assert "country-rus" in ids(recogniser, "Moscow and Beijing agreed to build a station.")
    assert "country-rus" not in ids(recogniser, "The talks were held in Moscow on Friday.")


def test_combining_forms_need_a_hyphen(recogniser: ActorRecogniser) -> None:
    assert "country-fra" in ids(recogniser, "la mission franco-soviétique", "fr")
    assert "country-fra" not in ids(recogniser, "un tiro franco en el partido", "es")


def test_shared_acronym_resolved_by_the_long_form_in_the_document(
    recogniser: ActorRecogniser,
) -> None:
    text = (
        "Leaders of the Shanghai Cooperation Organisation met on Monday. "
        "The SCO summit discussed satellites."
    )
    assert ids(recogniser, text).count("sco") == 2


def test_people_from_role_cues_get_a_country(recogniser: ActorRecogniser) -> None:
    mentions = recogniser.mentions(
        "The Kenyan ambassador to Japan, Wanjiru Otieno, welcomed the launch.", "en"
    )
    person = [m for m in mentions if m.type == "person"]
    assert person and person[0].surface == "Wanjiru Otieno" and person[0].code == "KEN"


def test_names_that_belong_to_an_institution_are_not_people(
    recogniser: ActorRecogniser,
) -> None:
    mentions = recogniser.mentions(
        "Students of the institute named after Academician Ivan P. Petrovsky took part.", "en"
    )
    assert not [m for m in mentions if m.type == "person"]


def test_surname_mentions_link_to_the_full_name(recogniser: ActorRecogniser) -> None:
    mentions = recogniser.mentions(
        "NASA astronaut Maria Kowalczyk-Brandt arrived. Kowalczyk-Brandt said the crew was ready."
    )
    people = [m for m in mentions if m.type == "person"]
    assert len(people) == 2 and people[0].entity_id == people[1].entity_id


def test_headline_capitals_are_not_people(recogniser: ActorRecogniser) -> None:
    mentions = recogniser.mentions("Germany And Japan Hold Space Talks In Tokyo")
    assert not [m for m in mentions if m.type == "person"]


def test_chinese_and_arabic_names(recogniser: ActorRecogniser) -> None:
    assert "cnsa" in ids(recogniser, "国家航天局与俄罗斯国家航天集团签署合作协议。", "zh")
    assert "country-rus" in ids(recogniser, "وقعت روسيا والصين اتفاقية.", "ar")


def test_umbrella_body_is_not_listed_beside_its_own_body(recogniser: ActorRecogniser) -> None:
    text = (
        "At UN headquarters, the Committee on the Peaceful Uses of Outer Space opened its session."
    )
    entities = recogniser.entities(recogniser.mentions(text))
    names = [e.id for e in entities]
    assert "copuos" in names and "un" not in names

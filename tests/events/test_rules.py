"""Event rules on short texts we wrote (general cases, no seed sentences)."""

from __future__ import annotations

from spacediplo.model import Event


def _types(events: list[Event]) -> list[tuple[str, list[str]]]:
    return [(e.type, e.participants) for e in events]


def test_signing_is_an_agreement_with_both_sides(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Headline\n\nOn 3 April 2024 NASA and JAXA signed a memorandum of "
        "understanding on lunar surface exploration."
    )
    assert _types(events) == [("agreement", ["JPN", "USA"])]
    assert events[0].date == "2024-04-03" and events[0].stage == "done"


def test_planned_signing(run) -> None:  # type: ignore[no-untyped-def]
    (event,) = run(
        "Headline\n\nThe Indian and French space agencies plan to sign an "
        "agreement on climate satellites next year."
    )
    assert event.type == "agreement" and event.stage == "planned" and event.date == "2025"


def test_with_the_other_side_makes_the_main_actor_a_participant(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Roscosmos outlines its plans\n\nRoscosmos presented its budget. "
        "Earlier, a memorandum was signed with the Indian Space Research Organisation."
    )
    assert ("agreement", ["IND", "RUS"]) in _types(events)


def test_domestic_activity_is_not_an_event(run) -> None:  # type: ignore[no-untyped-def]
    assert run("Headline\n\nChina launched a weather satellite from Jiuquan on Monday.") == []


def test_session_of_a_un_body_is_a_conference_with_the_state(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Headline\n\nAt the session of the Committee on the Peaceful Uses of Outer "
        "Space, the Brazilian delegation presented its lunar plans."
    )
    assert ("conference", ["BRA", "UN"]) in _types(events)


def test_suspension_is_a_dispute_not_a_joint_project(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Headline\n\nThe European Space Agency suspended its joint Mars mission with "
        "Roscosmos in March."
    )
    assert _types(events) == [("dispute", ["ESA", "RUS"])]


def test_foreign_astronaut_on_a_spacecraft_is_a_crew_flight(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Headline\n\nThe Japanese astronaut flew aboard the Russian Soyuz spacecraft to "
        "the station in 2009."
    )
    assert ("crew_flight", ["JPN", "RUS"]) in _types(events)
    assert all(e.type != "launch" for e in events)


def test_launch_vehicle_is_a_thing_not_a_launch(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nThe talks covered the use of the Italian launch vehicle by the German agency."
    )
    assert all(e.type != "launch" for e in events)


def test_resolution_in_a_multilateral_body(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Headline\n\nOn 2 November 2023 Mexico submitted a resolution on space debris "
        "to the United Nations General Assembly."
    )
    assert ("multilateral", ["MEX", "UN"]) in _types(events)


def test_purchase_of_imagery_is_trade(run) -> None:  # type: ignore[no-untyped-def]
    events = run("Headline\n\nKenya is considering buying satellite imagery from China.")
    assert _types(events) == [("trade", ["CHN", "KEN"])]
    assert events[0].stage == "planned"


def test_headline_and_body_of_one_event_merge(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Brazil and China sign satellite accord\n\nBrazil and China signed an "
        "agreement on a new Earth observation satellite on 4 March 2024."
    )
    assert len(events) == 1 and events[0].date == "2024-03-04"


def test_programme_anniversary_brings_its_partners(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Headline\n\nThe ceremony marked the 50th anniversary of the Apollo-Soyuz Test Project."
    )
    assert ("joint_project", ["SUN", "USA"]) in _types(events)


def test_russian_and_french_sentences(run) -> None:  # type: ignore[no-untyped-def]
    ru = run(
        "Заголовок\n\nРоскосмос и Индийская организация космических исследований "
        "подписали соглашение о сотрудничестве 5 марта 2024 года."
    )
    assert ("agreement", ["IND", "RUS"]) in _types(ru)
    fr = run("Titre\n\nLe CNES et l'agence spatiale japonaise ont signé un accord le 12 mars 2024.")
    assert ("agreement", ["FRA", "JPN"]) in _types(fr)

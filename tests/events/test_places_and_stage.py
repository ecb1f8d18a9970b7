"""Sites' countries, stations and the stage of an act with a relative clause (short
texts we wrote, several languages; no seed sentences)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nA Soyuz carrying NASA astronaut John Smith and two Russian cosmonauts "
        "lifted off from the Baikonur Cosmodrome in Kazakhstan on Friday.",
        "Заголовок\n\nВ пятницу с космодрома Байконур в Казахстане стартовал «Союз» "
        "с астронавтом NASA и двумя российскими космонавтами на борту.",
    ],
)
def test_the_country_a_site_lies_in_is_not_a_participant(run, text: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in run(text) if e.type == "crew_flight"]
    assert events and all("KAZ" not in e.participants for e in events)


def test_a_station_with_a_stay_is_no_crew_flight(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Headline\n\nRussia and China have stayed out of the talks and keep working on "
        "the International Lunar Research Station."
    )
    assert all(e.type != "crew_flight" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nNASA and JAXA signed a pact whereby Japan will build a rover.",
        "Titre\n\nLe CNES et l'ISRO ont signé jeudi un accord qui prévoit la fourniture "
        "d'équipements.",
    ],
)
def test_a_plan_in_a_relative_clause_leaves_the_act_done(run, text: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in run(text) if e.type == "agreement"]
    assert events and events[0].stage == "done"


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nNASA and JAXA drafted a memorandum which will be signed in June.",
        "Titre\n\nLe CNES et l'ISRO ont préparé un mémorandum qui sera signé en juin.",
    ],
)
def test_an_act_inside_the_relative_clause_keeps_its_plan(run, text: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in run(text) if e.type == "agreement"]
    assert events and events[0].stage == "planned"


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nThe flight was possible thanks to an agreement NASA and JAXA could "
        "sign in June 2018.",
        "Заголовок\n\nПолёт стал возможным благодаря соглашению, которое NASA и JAXA "
        "подписали в июне 2018 года.",
    ],
)
def test_an_act_dated_before_publication_is_done(run, text: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in run(text, published="2019-09-25") if e.type == "agreement"]
    assert events and events[0].date == "2018-06" and events[0].stage == "done"

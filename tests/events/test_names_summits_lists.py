"""Cue words inside actors' names, summits of two states, crafts listed together, acts
retold by one side, signed documents and joint statements, sites as sides of a dispute
(texts we wrote)."""

from __future__ import annotations

import pytest

from spacediplo.events.cues import lemma_key
from spacediplo.model import Event


def _types(events: list[Event]) -> list[tuple[str, list[str]]]:
    return [(e.type, e.participants) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nBrazil and China signed a document on sharing satellite data on Tuesday.",
        "Espace\n\nLe Brésil et la Chine ont signé mardi un document sur le partage de "
        "données satellitaires.",
        "Космос\n\nВо вторник Бразилия и Китай подписали документ об обмене спутниковыми "
        "данными.",
    ],
)
def test_a_signed_document_is_an_agreement(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _types(run(text)) == [("agreement", ["BRA", "CHN"])]


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nIndia and Japan issued a joint statement on lunar exploration on Monday.",
        "Espace\n\nLa France et le Japon ont publié lundi une déclaration commune sur "
        "l'exploration lunaire.",
    ],
)
def test_a_joint_statement_is_an_agreement(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _ in _types(run(text))] == ["agreement"]


def test_a_body_named_assembly_holds_no_gathering(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nThe resolution, tabled by Japan, was adopted by the Conference on "
        "Disarmament in 2021."
    )
    assert _types(events) == [("multilateral", ["JPN", "UN"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Space\n\nBrazil and China discussed satellite cooperation at the annual "
            "Brazil-China summit on Monday.",
            "meeting",
        ),
        (
            "Espace\n\nLe Brésil et la Chine ont évoqué leur coopération spatiale lundi lors "
            "du sommet annuel sino-brésilien.",
            "meeting",
        ),
        (
            "Space\n\nSpace cooperation was on the agenda of the BRICS summit, attended "
            "by India and Brazil on Monday.",
            "conference",
        ),
    ],
)
def test_a_summit_of_two_states_is_their_meeting(run, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _ in _types(run(text))] == [expected]


def test_visiting_crews_are_no_visit(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nUnder the deal, Japan will build the habitation module, where visiting "
        "crews from the United States will live."
    )
    assert "meeting" not in [e.type for e in events]


def test_a_site_left_in_a_dispute_counts_as_its_operator(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nThe Ukrainian agency suspended its work and withdrew its staff from the "
        "Alcântara Launch Center in February."
    )
    assert _types(events) == [("dispute", ["BRA", "UKR"])]


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nChina and the United States are to launch their own missions to Mars "
        "next year.",
        "Espace\n\nLa Chine et les États-Unis doivent lancer leurs propres missions vers "
        "Mars l'an prochain.",
    ],
)
def test_each_launching_its_own_mission_is_no_joint_launch(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "launch" not in [e.type for e in run(text)]


def test_crafts_listed_together_are_one_joint_work_each(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nFrance and China have built and operated two satellites together, "
        "CFOSAT and SVOM."
    )
    assert _types(events) == [("joint_project", ["CHN", "FRA"])] * 2
    # with no date in the sentence, each craft's year from the knowledge base
    assert sorted(e.date or "" for e in events) == ["2018", "2024"]


def test_crafts_in_clauses_of_their_own_are_no_list(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Espace\n\nLes deux agences exploitent ensemble depuis octobre 2018 le satellite "
        "CFOSAT, et elles préparent le lancement de SVOM, qui doit décoller en juin."
    )
    assert sorted(_types(events)) == [
        ("joint_project", ["CHN", "FRA"]),
        ("launch", ["CHN", "FRA"]),
    ]
    launch = next(e for e in events if e.type == "launch")
    # the date nearest the launch's own words, and so a plan
    assert launch.date == "2024-06" and launch.stage == "planned"


def test_an_agreement_retold_by_one_side_is_the_same(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nThe space agencies of Brazil, Russia, India, China and South Africa "
        "signed the agreement on Wednesday. On Russia's side the document was signed by the "
        "head of Roscosmos."
    )
    assert _types(events) == [("agreement", ["BRA", "CHN", "IND", "RUS", "ZAF"])]


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nThe joint lunar project of Russia and India fell apart in 2012.",
        "Space\n\nIn March, India judged it impossible to pursue the joint lunar project "
        "with Russia.",
        "Espace\n\nEn mars, l'Inde a constaté l'impossibilité de poursuivre le projet lunaire "
        "commun avec la Russie.",
    ],
)
def test_joint_work_that_falls_apart_is_a_dispute(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _types(run(text)) == [("dispute", ["IND", "RUS"])]


def test_leaving_earth_on_a_foreign_rocket_is_a_launch(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nThe Japanese probe left Earth on a Russian Proton rocket in March 2016."
    )
    assert _types(events) == [("launch", ["JPN", "RUS"])]


def test_an_agreement_named_just_before_lends_its_sides(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nRussia and Kazakhstan signed a protocol amending their agreement on the "
        "launch complex on Wednesday.\n\nThe agreement, concluded on 22 December 2004, "
        "provided for a complex for the Angara rocket.",
        published="2018-08-22",
    )
    assert [(e.type, e.participants, e.date) for e in events] == [
        ("agreement", ["KAZ", "RUS"], "2018-08-22"),
        ("agreement", ["KAZ", "RUS"], "2004-12-22"),
    ]


def test_two_nations_craft_named_by_programme_or_rocket_docking_is_joint_work(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nOn 17 July 2031 a Chinese Shenzhou capsule and an American Starship docked "
        "in orbit with their crews aboard."
    )
    assert _types(events) == [("joint_project", ["CHN", "USA"])]


def test_a_flight_and_its_docking_a_day_later_are_one_flight(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nAn Indian astronaut will lift off to the International Space Station "
        "aboard a US Crew Dragon capsule on 25 June.\n\nThe weather looked good on Monday. "
        "Officials met the press. The capsule with the Indian astronaut is scheduled to dock "
        "with the station on 26 June.",
        published="2025-06-23",
    )
    assert [e.type for e in events] == ["crew_flight"]


@pytest.mark.parametrize(
    "text",
    [
        "Espace\n\nLa France et la Chine ont signé un accord en mars 2019 à Paris. En novembre "
        "de la même année, le président français a rencontré son homologue chinois à Pékin.",
        "Space\n\nFrance and China signed an agreement in March 2019 in Paris. In November "
        "of that same year, the French president met his Chinese counterpart in Beijing.",
    ],
)
def test_a_month_of_the_same_year_takes_the_year_named_last(run, text: str) -> None:  # type: ignore[no-untyped-def]
    meeting = next(e for e in run(text) if e.type == "meeting")
    assert meeting.date == "2019-11"


@pytest.mark.parametrize(
    "text",
    [
        "Espace\n\nL'initiative avait été proposée par la Chine au sein des BRICS dès 2015.",
        "Space\n\nThe initiative was proposed by China within BRICS as early as 2015.",
    ],
)
def test_an_act_proposed_within_a_body_is_multilateral(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _types(run(text)) == [("multilateral", ["BRICS", "CHN"])]


def test_a_proposal_of_an_agency_body_is_not_multilateral(run) -> None:  # type: ignore[no-untyped-def]
    events = run("Space\n\nESA proposed a new lunar lander to Japan on Monday.")
    assert "multilateral" not in [e.type for e in events]


def test_a_craft_is_the_object_of_joint_work(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Espace\n\nL'engin a été conçu par un institut chinois en étroite collaboration avec "
        "des ingénieurs égyptiens."
    )
    assert _types(events) == [("joint_project", ["CHN", "EGY"])]


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("signée", "signer"), ("proposées", "proposer"), ("fusées", "fusee"), ("année", "annee")],
)
def test_french_feminine_participles_meet_their_verb(word: str, lemma: str) -> None:
    assert lemma_key(word, "fr") == lemma


def test_a_dispute_in_the_headline_retold_with_more_sides_is_one(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Kyiv leaves the Alcântara Launch Center after sanctions\n\nThe Ukrainian agency said "
        "on Saturday it was suspending cooperation with ESA and with the Brazilian agency."
    )
    assert [e.type for e in events] == ["dispute"]
    assert events[0].participants == ["BRA", "ESA", "UKR"]


def test_continuing_judged_impossible_is_a_dispute(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Espace\n\nLe Conseil de l'ESA a constaté l'impossibilité de poursuivre avec Roscosmos "
        "la mission martienne, dont le lancement était prévu en septembre."
    )
    assert _types(events) == [("dispute", ["ESA", "RUS"])]


@pytest.mark.parametrize(
    "text",
    [
        "Espace\n\nLa France et l'Inde ont signé un accord lundi. Les deux agences étudient par "
        "ailleurs un satellite d'observation de la Terre.",
        "Space\n\nFrance and India signed an agreement on Monday. The two agencies are also "
        "studying an Earth-observation satellite.",
    ],
)
def test_the_two_sides_working_on_an_object_is_joint_work(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert sorted(_types(run(text))) == [
        ("agreement", ["FRA", "IND"]),
        ("joint_project", ["FRA", "IND"]),
    ]


def test_travelling_together_with_people_is_no_joint_work(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nThe astronaut is to come home on 3 October in the capsule together with "
        "Oleg Novitsky and Mark Vande Hei."
    )
    assert "joint_project" not in [e.type for e in events]


def test_working_together_with_an_agency_is_still_joint_work(run) -> None:  # type: ignore[no-untyped-def]
    events = run("Space\n\nESA, together with NASA, will build the lunar station.")
    assert _types(events) == [("joint_project", ["ESA", "USA"])]


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nThe deal ensures that even in the event of a cancelled Russian or "
        "American launch, one cosmonaut and one astronaut stay aboard the station.",
        "Космос\n\nСоглашение нужно, чтобы даже при отмене запуска российского или "
        "американского корабля на станции оставались космонавт и астронавт.",
    ],
)
def test_a_case_foreseen_is_no_dispute(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "dispute" not in [e.type for e in run(text)]


def test_a_rocket_named_in_an_agreement_is_its_object(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Espacio\n\nRusia y Kazajistán firmaron en diciembre de 2004 un acuerdo que preveía "
        "una plataforma para el cohete Zenit."
    )
    assert _types(events) == [("agreement", ["KAZ", "RUS"])]


def test_the_theatre_of_a_military_operation_is_no_side(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Космос\n\nСтраны Евросоюза ввели против России санкции после начала военной "
        "операции на Украине."
    )
    assert _types(events) == [("dispute", ["EU", "RUS"])]


@pytest.mark.parametrize(
    "text",
    [
        "Космос\n\nСрок аренды был продлён до 2050 года соглашением, которое Россия и "
        "Казахстан подписали в январе 2004 года.",
        "Space\n\nThe lease was extended until 2050 by an agreement Russia and Kazakhstan "
        "signed in January 2004.",
    ],
)
def test_a_deadline_is_not_the_date_of_the_act(run, text: str) -> None:  # type: ignore[no-untyped-def]
    agreement = next(e for e in run(text, published="2018-08-22") if e.type == "agreement")
    assert agreement.date == "2004-01"


def test_joint_work_retold_by_some_of_its_sides_is_one(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nThe space agencies of Brazil, Russia, India, China and South Africa will "
        "jointly operate a virtual constellation of remote-sensing satellites. The constellation "
        "will pool Chinese, Indian and Russian satellites already in orbit."
    )
    assert [e.type for e in events] == ["joint_project"]


@pytest.mark.parametrize(
    "text",
    [
        "Космос\n\nВ прошлом российские космонавты неоднократно летали на американских "
        "шаттлах.",
        "Space\n\nIn the past, Russian cosmonauts often flew on American shuttles.",
    ],
)
def test_a_flight_of_the_past_has_no_year_of_publication(run, text: str) -> None:  # type: ignore[no-untyped-def]
    events = run(text, published="2022-07-15")
    assert [(e.type, e.date, e.stage) for e in events] == [("crew_flight", None, "done")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Space\n\nParis – The European Space Agency drew a line under its Mars "
            "cooperation with Russia.",
            ["ESA", "RUS"],
        ),
        ("Espace\n\nParis et Tokyo ont signé un accord spatial lundi.", ["FRA", "JPN"]),
    ],
)
def test_a_dateline_city_is_no_side(run, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [e.participants for e in run(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Espacio\n\nRusia y Kazajistán firmaron ayer un protocolo sobre el complejo de "
        "lanzamiento.",
        "Espace\n\nLa Russie et le Kazakhstan ont signé hier un protocole sur la base de "
        "lancement.",
    ],
)
def test_a_place_named_after_launching_is_no_launch(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in run(text)] == ["agreement"]


@pytest.mark.parametrize(
    "text",
    [
        "Espacio\n\nEl lanzamiento se produjo el miércoles a las 8:31, hora peninsular "
        "española, desde el Centro Espacial Kennedy con la nave de SpaceX.",
        "Espace\n\nLe lanceur chinois a décollé à 12h10, heure de Pékin, avec à son bord un "
        "satellite égyptien.",
    ],
)
def test_a_time_zone_is_no_side(run, text: str) -> None:  # type: ignore[no-untyped-def]
    sides = {c for e in run(text) for c in e.participants}
    assert "ESP" not in sides
    assert sides in (set(), {"CHN", "EGY"})


def test_a_visit_that_is_the_occasion_of_a_signing_is_no_meeting(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nIndia signed the accords on Wednesday. The signing took place during "
        "the prime minister's state visit to the United States."
    )
    assert "meeting" not in [e.type for e in events]


def test_formalising_a_joint_mission_is_an_agreement(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nIndia's and Japan's space agencies have formalised their joint mission to "
        "the Moon's south pole."
    )
    assert _types(events) == [("agreement", ["IND", "JPN"])]


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nA haze over eastern China was captured by the Moderate Resolution Imaging "
        "Spectroradiometer on NASA's Terra satellite.",
        "Space\n\nThe last person we talked to was born in Spain and now works for NASA.",
    ],
)
def test_event_words_in_unknown_names_or_small_talk_state_nothing(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert run(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Space\n\nRussia and China signed the Outer Space Treaty in 1967.", "agreement"),
        (
            "Space\n\nThe two leaders discussed space cooperation at the 15th India-Japan "
            "Annual Summit on Friday.",
            "meeting",
        ),
        ("Space\n\nRussia and China held talks on lunar cooperation on Monday.", "meeting"),
    ],
)
def test_named_treaties_and_summits_keep_their_words(run, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in run(text)] == [expected]


def test_a_capital_opening_a_longer_name_is_no_government(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nSan Jose State University students will build a lunar rover together with "
        "NASA engineers."
    )
    assert all("CRI" not in e.participants for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nThe US-French satellite is the first to provide water heights at high "
        "resolution.",
        "Space\n\nThe NASA lander with a Japanese experiment touched down near the Moon's "
        "South Pole on 22 February.",
        "Space\n\nAn American and a Japanese astronaut observed the eclipse over Antarctica "
        "from the station.",
    ],
)
def test_no_body_no_pole_no_antarctica(run, text: str) -> None:  # type: ignore[no-untyped-def]
    sides = {c for e in run(text) for c in e.participants}
    assert not sides & {"POL", "ATA"}
    assert "multilateral" not in [e.type for e in run(text)]


def test_a_crew_of_several_nations_is_a_crew_flight(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Espacio\n\nLa tripulación, dirigida por la estadounidense Peggy Whitson, incluye al "
        "piloto indio Shubhanshu Shukla y al polaco Sławosz Uznański."
    )
    assert "crew_flight" in [e.type for e in events]


def test_co_chairing_is_joint_work(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nThe report of the action team, co-chaired by the United States, China and "
        "Jordan, was adopted on Friday."
    )
    assert ("joint_project", ["CHN", "JOR", "USA"]) in _types(events)


def test_a_demonym_beside_a_rocket_is_its_nation_not_a_side(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Espacio\n\nRusia y Kazajistán firmaron ayer un protocolo sobre el complejo. El acuerdo "
        "original, firmado en diciembre de 2004, preveía una plataforma para el lanzador ruso "
        "Angara, pero las partes buscaron otra solución con el Zenit ucraniano.",
        published="2018-08-23",
    )
    assert [e.participants for e in events if e.type == "agreement"] == [["KAZ", "RUS"]] * 2


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nGermany and Japan signed an agreement on car tariffs on Monday.",
        "Titre\n\nLa France et l'Italie ont signé lundi un accord sur les frontières.",
        "Заголовок\n\nРоссия и Китай подписали в понедельник соглашение о поставках газа.",
    ],
)
def test_a_text_not_about_space_has_no_space_cooperation_event(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert run(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nGermany and Japan signed an agreement on satellite data on Monday.",
        "Headline\n\nThe European Space Agency and Japan signed an agreement on Monday.",
        "标题\n\n中国和巴基斯坦周一签署了航天合作协议。",
    ],
)
def test_one_space_word_or_space_body_makes_a_text_about_space(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in run(text)] == ["agreement"]


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nThe space agencies of India and the United States already work side by side on "
        "a radar satellite.",
        "Espace\n\nLes agences spatiales française et chinoise exploitent ensemble depuis 2018 un "
        "satellite océanographique.",
    ],
)
def test_work_already_or_since_under_way_is_ongoing(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [(e.type, e.stage) for e in run(text)] == [("joint_project", "ongoing")]


def test_the_date_of_a_signing_told_beside_a_flight_is_the_signing_s(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nRubio is the first NASA astronaut to fly on a Soyuz under the crew "
        "arrangement that NASA and Roscosmos concluded in July.",
        published="2022-09-22",
    )
    dates = {e.type: e.date for e in events}
    assert dates["agreement"] == "2022-07" and dates["crew_flight"] == "2022"


def test_the_station_named_then_pointed_back_to_is_one_joint_work(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nChina and Russia will build the International Lunar Research Station "
        "together. Officials praised the plan. Reporters asked about the costs. China and "
        "Russia will also jointly draw up a roadmap for the station.",
        published="2021-03-10",
    )
    assert [e.type for e in events] == ["joint_project"]


@pytest.mark.parametrize(
    "text",
    [
        "Космос\n\nРоссия в этом полёте не участвует, однако российский прибор полетит на "
        "китайской станции.",
        "Space\n\nThe European rover was to have lifted off on a Russian Proton rocket in "
        "September.",
    ],
)
def test_a_fact_of_non_participation_or_a_launch_that_never_was_is_no_event(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in run(text) if e.type in ("dispute", "launch")] == []


def test_a_rideshare_is_no_joint_work_and_each_clause_keeps_its_date(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nIts BKA Earth-observation satellite was put into orbit in 2012 by a Russian "
        "Soyuz rocket, together with Russia's Kanopus-V, and its Belintersat-1 satellite was "
        "launched by China in 2016.",
        published="2024-03-20",
    )
    assert [(e.type, e.participants, e.date) for e in events] == [
        ("launch", ["BLR", "RUS"], "2012"),
        ("launch", ["BLR", "CHN"], "2016"),
    ]


def test_two_nations_launching_each_from_its_own_site_is_no_joint_launch(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nA Long March rocket lifted off from Jiuquan with two Chinese taikonauts, and "
        "a Falcon 9 rocket sent a Crew Dragon up from the Kennedy Space Center hours later.",
        published="2025-07-17",
    )
    assert "launch" not in [e.type for e in events]


def test_one_launch_for_another_nation_stays_a_launch(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nRussia launched the Egyptian satellite from Vostochny, and Egypt will operate "
        "it from Cairo."
    )
    assert ("launch", ["EGY", "RUS"]) in _types(events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Space\n\nThe flight contract was signed in June 2018. The Emirati astronaut began "
            "training at the Gagarin Cosmonaut Training Centre three months later.",
            "2018-09",
        ),
        (
            "Космос\n\nСоглашение подписали в 2019 году. Спустя два года Россия и Китай начали "
            "совместную разработку лунной станции.",
            "2021",
        ),
    ],
)
def test_a_time_counted_from_the_last_date_named(run, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    joint = [e for e in run(text, published="2024-05-10") if e.type == "joint_project"]
    assert [e.date for e in joint] == [expected]


def test_a_nation_that_takes_no_part_is_no_side_of_the_launch_told_before(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Космос\n\nСпутник-ретранслятор «Цюэцяо-2» был выведен к Луне китайской ракетой в "
        "марте. Россия в этом полёте не участвует, однако российский прибор полетит на "
        "следующей китайской станции.",
        published="2024-05-04",
    )
    assert all("RUS" not in e.participants for e in events)

"""Launch contracts and orders as purchases, refused participation as a dispute, actor
lists after "between", one gathering reported on several days (texts we wrote)."""

from __future__ import annotations

import pytest

from spacediplo.model import Event


def _types(events: list[Event]) -> list[tuple[str, list[str]]]:
    return [(e.type, e.participants) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nThe Brazilian space agency signed a launch contract with Arianespace "
        "in March 2023 for its next weather satellite.",
        "Espace\n\nL'agence spatiale brésilienne a signé en mars 2023 un contrat de lancement "
        "avec Arianespace pour son prochain satellite météorologique.",
        "Космос\n\nСпутник изготовлен российскими предприятиями по заказу Египта в 2023 году.",
    ],
)
def test_a_service_contract_or_an_order_is_trade(run, text: str) -> None:  # type: ignore[no-untyped-def]
    types = [t for t, _ in _types(run(text))]
    assert "trade" in types
    assert "agreement" not in types and "launch" not in types


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nIn January, Moscow officials said Russia would not take part in the lunar "
        "station that NASA is building.",
        "Espace\n\nEn janvier, la Russie a fait savoir qu'elle ne participerait pas à la "
        "station lunaire de la NASA.",
        "Космос\n\nВ январе Россия заявила, что не будет участвовать в проекте "
        "лунной станции NASA.",
    ],
)
def test_a_refused_participation_is_a_done_dispute(run, text: str) -> None:  # type: ignore[no-untyped-def]
    events = run(text)
    assert _types(events) == [("dispute", ["RUS", "USA"])]
    assert events[0].stage == "done" and events[0].date == "2024-01"


def test_not_only_taking_part_is_no_refusal(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nJapan will not only take part in the joint lunar mission of NASA, "
        "it will also build its pressurised rover."
    )
    assert "dispute" not in [e.type for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nThe station is run under the 1998 agreement concluded between the "
        "United States, Russia, Japan, Canada and the member states of the EU.",
        "Espace\n\nLa station relève de l'accord de 1998 conclu entre les États-Unis, la "
        "Russie, le Japon, le Canada et les États membres de l'UE.",
    ],
)
def test_every_actor_of_a_list_after_between(run, text: str) -> None:  # type: ignore[no-untyped-def]
    (event,) = [e for e in run(text) if e.type == "agreement"]
    assert event.participants == ["CAN", "EU", "JPN", "RUS", "USA"]


def test_a_list_ends_where_the_sentence_goes_on(run) -> None:  # type: ignore[no-untyped-def]
    (event,) = run(
        "Space\n\nAn agreement was signed between France and India in Paris, "
        "which officials of Japan later praised."
    )
    assert event.participants == ["FRA", "IND"]


def test_a_gathering_reported_on_several_days_is_one_event(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nThe UN committee opened its annual session in Vienna on 1 May, with "
        "the delegation of Brazil taking the floor.\n\nThe UN session closed on 10 May, "
        "after Brazil had spoken on debris.",
        published="2024-05-10",
    )
    assert [e.type for e in events].count("conference") == 1


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nNASA has pledged to train Indian astronauts in Houston ahead of a joint "
        "mission to the space station.",
        "Espace\n\nL'agence française formera des astronautes indiens à Toulouse avant leur "
        "future mission.",
        "Космос\n\nКосмонавты из Египта проходят подготовку в России перед будущей миссией.",
    ],
)
def test_training_crews_is_joint_work_not_a_flight(run, text: str) -> None:  # type: ignore[no-untyped-def]
    events = run(text)
    types = [e.type for e in events]
    assert "joint_project" in types and "crew_flight" not in types


def test_training_before_a_told_flight_keeps_the_flight(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nThe Indian astronaut, trained in Houston, flew aboard a US capsule to "
        "the space station on 3 May."
    )
    assert "crew_flight" in [e.type for e in events]


def test_could_with_a_concrete_object_is_a_planned_project(run) -> None:  # type: ignore[no-untyped-def]
    (event,) = run(
        "Space\n\nThe cooperation between France and India could later extend to a joint "
        "working group on space medicine."
    )
    assert (event.type, event.stage) == ("joint_project", "planned")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Space\n\nIn 2008 the Korean engineer Yi So-yeon flew aboard a Russian "
            "spacecraft to the space station.",
            ["KOR", "RUS"],
        ),
        (
            "Espace\n\nLe Français Jean-Pierre Haigneré a volé à bord d'un vaisseau soviétique "
            "en 1982.",
            ["FRA", "SUN"],
        ),
    ],
)
def test_a_named_person_aboard_a_craft_is_a_crew_flight(run, text: str, pair: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert ("crew_flight", pair) in _types(run(text))


def test_a_flight_on_ones_own_craft_is_none(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nThe experience of the Indian pilot Rakesh Sharma will serve India, "
        "which wants to send astronauts into space on its own spacecraft, as NASA did."
    )
    assert "crew_flight" not in [e.type for e in events]


def test_a_dated_list_of_flights_is_one_event_per_date(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nThree countries have each sent one person into space, all on Soviet "
        "spacecraft: Poland's Mirosław Hermaszewski in 1978, Hungary's Bertalan Farkas in "
        "1980 and India's Rakesh Sharma in 1984."
    )
    flights = sorted((e.participants, e.date) for e in events if e.type == "crew_flight")
    assert flights == [(["HUN", "SUN"], "1980"), (["IND", "SUN"], "1984"), (["POL", "SUN"], "1978")]


@pytest.mark.parametrize(
    "text",
    [
        "Космос\n\nЗапуск корабля назначен на 21 сентября; в экипаж войдут "
        "российский космонавт и астронавт NASA.",
        "Espacio\n\nEstá programado para el 21 de septiembre el lanzamiento de la nave con "
        "un cosmonauta ruso y un astronauta de la NASA.",
    ],
)
def test_a_crew_and_a_launch_noun_is_a_planned_crew_flight(run, text: str) -> None:  # type: ignore[no-untyped-def]
    events = run(text)
    assert _types(events) == [("crew_flight", ["RUS", "USA"])]
    assert (events[0].stage, events[0].date) == ("planned", "2024-09-21")


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nThe Euromir programme was the result of an agreement signed in "
        "Moscow in 1993.",
        "Espace\n\nLe programme Euromir est né d'un accord signé à Moscou en 1993.",
    ],
)
def test_a_programmes_partners_are_the_sides_of_its_agreement(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("agreement", ["ESA", "RUS"]) in _types(run(text))


def test_another_act_in_the_next_sentence_is_not_merged(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nIn March 2024 NASA and JAXA signed an agreement on a pressurised rover."
        "\n\nNASA and JAXA signed another agreement that day on lunar samples."
    )
    assert [e.type for e in events].count("agreement") == 2


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nChina launched its lunar probe on Friday on a Long March 5 rocket. "
        "Among its payloads is a radon detector built in France.\n\nA second instrument was "
        "supplied by Sweden.",
        "Espace\n\nLa sonde chinoise a décollé vendredi au sommet d'une fusée chinoise. "
        "Parmi ses passagers figure un détecteur français. Un autre instrument a été fourni "
        "par la Suède.",
    ],
)
def test_a_launch_takes_its_payloads_owners_as_sides(run, text: str) -> None:  # type: ignore[no-untyped-def]
    events = run(text)
    assert _types(events) == [("launch", ["CHN", "FRA", "SWE"])]


def test_a_crew_on_board_is_no_payload(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nA Chinese rocket lifted off from Jiuquan on Friday.\n\nOn board are "
        "two astronauts, one of them a Pakistani payload specialist."
    )
    assert "launch" not in [e.type for e in events]


def test_a_launch_retold_with_more_sides_is_one_launch(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nA Chinese probe lifted off on 3 May with a French detector. The "
        "Chinese probe, launched on 3 May, also carries a French detector and a Swedish ion "
        "analyser."
    )
    assert [e.type for e in events].count("launch") == 1


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nOn 3 May 2024 a Chinese probe lifted off carrying French and Italian "
        "instruments. It will land in June. Samples will come back in July. Scientists wait. "
        "They hope for ice. On 3 May 2024 guests from Pakistan and France watched the Chinese "
        "probe lift off.",
        "Espace\n\nLe 3 mai 2024, une sonde chinoise a décollé avec des instruments français et "
        "italiens. Elle se posera en juin. Les échantillons reviendront en juillet. Les "
        "chercheurs attendent. Ils espèrent de la glace. Le 3 mai 2024, des invités pakistanais "
        "et français ont assisté au décollage de la sonde chinoise.",
    ],
)
def test_a_launch_on_the_same_day_told_far_below_is_one_launch(  # type: ignore[no-untyped-def]
    run, text: str
) -> None:
    assert [e.type for e in run(text)].count("launch") == 1


@pytest.mark.parametrize(
    "text",
    [
        "Космос\n\nКитай и Бразилия сотрудничают с 1988 года, когда стартовала программа "
        "совместной разработки спутников.",
        "Überschrift\n\nChina und Brasilien arbeiten seit 1988 zusammen, als das gemeinsame "
        "Programm für Satelliten startete.",
    ],
)
def test_a_programme_that_starts_is_no_launch(run, text: str) -> None:  # type: ignore[no-untyped-def]
    types = [e.type for e in run(text)]
    assert "launch" not in types and "joint_project" in types


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nOn 3 May a Chinese Shenzhou capsule and an American Crew Dragon docked "
        "in orbit, and the astronauts of both crews shook hands.",
        "Espace\n\nLe 3 mai, un vaisseau Shenzhou et une capsule Crew Dragon se sont amarrés en "
        "orbite, et les astronautes des deux équipages se sont serré la main.",
    ],
)
def test_two_nations_craft_docking_is_joint_work(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _types(run(text)) == [("joint_project", ["CHN", "USA"])]


def test_docking_a_visitor_at_a_station_stays_a_crew_flight(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nThe Indian astronaut flew aboard a Crew Dragon capsule that docked at "
        "the space station on 3 May."
    )
    assert "crew_flight" in [e.type for e in events]


def test_a_russian_perfective_future_is_a_plan(run) -> None:  # type: ignore[no-untyped-def]
    (event,) = run("Космос\n\nРоссийский космонавт полетит на корабле NASA к станции в октябре.")
    assert (event.type, event.stage, event.date) == ("crew_flight", "planned", "2024-10")


@pytest.mark.parametrize(
    "text",
    [
        "Espace\n\nL'Inde et la France signeront un accord sur les satellites climatiques.",
        "Espacio\n\nMéxico y Francia firmarán un acuerdo sobre satélites climáticos.",
        "Título\n\nO Brasil e a França assinarão um acordo sobre satélites climáticos.",
    ],
)
def test_a_synthetic_future_is_a_plan(run, text: str) -> None:  # type: ignore[no-untyped-def]
    (event,) = run(text)
    assert (event.type, event.stage) == ("agreement", "planned")


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nThe Kenyan space agency held bilateral talks with the delegations of "
        "Brazil and Japan on 3 May.",
        "Espace\n\nL'agence spatiale kényane a tenu des entretiens bilatéraux avec les "
        "délégations du Brésil et du Japon le 3 mai.",
    ],
)
def test_bilateral_talks_are_one_meeting_with_each_partner(run, text: str) -> None:  # type: ignore[no-untyped-def]
    meetings = sorted(e.participants for e in run(text) if e.type == "meeting")
    assert meetings == [["BRA", "KEN"], ["JPN", "KEN"]]


def test_a_crew_flight_retold_with_more_of_its_crew_is_one_flight(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nA US capsule lifted off on 3 May carrying astronauts from India, Poland "
        "and Hungary to the space station.\n\nThe weather was fine.\n\nThe Indian astronaut "
        "flies with a Polish astronaut of ESA and a Hungarian astronaut."
    )
    flights = [e.participants for e in events if e.type == "crew_flight"]
    assert flights == [["ESA", "HUN", "IND", "POL", "USA"]]


def test_a_dated_list_of_joint_satellites_is_one_project_per_date(run) -> None:  # type: ignore[no-untyped-def]
    events = run(
        "Space\n\nThe partnership has produced two joint satellites, CALIPSO in 2006 and "
        "TOPEX/Poseidon in 1992."
    )
    projects = sorted((e.participants, e.date) for e in events if e.type == "joint_project")
    assert projects == [(["FRA", "USA"], "1992"), (["FRA", "USA"], "2006")]


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nThe French and Chinese agencies have jointly operated an ocean satellite "
        "since 2018, and they are now preparing the launch of a gamma-ray observatory.",
        "Espace\n\nLes agences française et chinoise exploitent ensemble depuis 2018 un "
        "satellite océanographique, et elles préparent le lancement d'un observatoire.",
    ],
)
def test_joint_work_and_a_launch_far_apart_are_two_acts(run, text: str) -> None:  # type: ignore[no-untyped-def]
    types = sorted(e.type for e in run(text))
    assert types == ["joint_project", "launch"]


def test_a_joint_launch_is_one_act(run) -> None:  # type: ignore[no-untyped-def]
    types = [e.type for e in run("Space\n\nIndia and Japan jointly launched a satellite.")]
    assert types == ["launch"]


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nUnder the deal, China and Brazil will not launch new satellites but will "
        "share the data of those in orbit.",
        "Космос\n\nПо соглашению Китая и Бразилии новые спутники запускать не будут, а "
        "станут обмениваться данными.",
    ],
)
def test_a_negated_launch_is_none(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "launch" not in [e.type for e in run(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nThe minister invited his Indian counterpart to watch the launch of a "
        "Russian probe in October.",
        "Space\n\nAhead of the launch, the Iranian agency denied reports that Russia would "
        "keep the satellite.",
        "Espace\n\nLe ministre a invité son homologue indien à assister au lancement d'une sonde "
        "russe en octobre.",
        "Космос\n\nНакануне запуска иранское агентство опровергло сообщения о том, что "
        "Россия оставит спутник себе.",
    ],
)
def test_a_launch_watched_or_awaited_is_no_launch(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "launch" not in [e.type for e in run(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nA Russian rocket launched an Iranian satellite on 9 August.",
        "Космос\n\nРоссийская ракета 9 августа запустила иранский спутник.",
    ],
)
def test_a_launch_told_as_such_stays(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "launch" in [e.type for e in run(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nThe network pools six satellites now in orbit. The latter were built "
        "jointly by China and Brazil.",
        "Espace\n\nLe réseau réunira six satellites déjà en orbite. Ce dernier a été construit "
        "conjointement par la Chine et le Brésil.",
        "Космос\n\nСеть объединит шесть спутников на орбите. Последний был создан "
        "совместно Китаем и Бразилией.",
    ],
)
def test_joint_work_on_the_thing_named_just_before(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("joint_project", ["BRA", "CHN"]) in [(e.type, e.participants) for e in run(text)]


def test_joint_work_with_nothing_to_point_back_to(run) -> None:  # type: ignore[no-untyped-def]
    text = "Space\n\nThe weather was fine. It was done jointly by China and Brazil."
    assert "joint_project" not in [e.type for e in run(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nRoscosmos and NASA signed an agreement on integrated crew flights on 14 July.",
        "Космос\n\nРоскосмос и NASA подписали 14 июля соглашение о полетах "
        "интегрированных экипажей.",
        "Espace\n\nRoscosmos et la NASA ont signé le 14 juillet un accord sur les vols "
        "d'équipages intégrés.",
    ],
)
def test_an_agreement_on_crew_flights_is_the_agreement_only(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in run(text)] == ["agreement"]


@pytest.mark.parametrize(
    "text",
    [
        "Space\n\nA Russian rocket put an Iranian satellite into orbit on 9 August. Together "
        "with it, 16 small satellites built by Russian and Kazakh universities went into space.",
        "Космос\n\nРоссийская ракета 9 августа вывела на орбиту иранский спутник. Вместе с "
        "ним в космос отправились 16 малых аппаратов российских и казахстанских вузов.",
    ],
)
def test_riding_along_is_no_joint_work(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "joint_project" not in [e.type for e in run(text)]

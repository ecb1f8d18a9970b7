"""Story clustering on small made-up reports: signatures, window, order, late arrivals."""

from __future__ import annotations

import itertools
import random

from spacediplo.model import Document, Entity, Event, Mention
from spacediplo.stories.cluster import ClusterParams, StoryClusterer
from spacediplo.stories.signatures import anchor_date, signature


def _doc(
    doc_id: str,
    lang: str,
    published: str | None,
    text: str,
    entities: list[tuple[str, str]],
    events: list[tuple[str, list[str], str | None]],
    codes: list[str] = (),  # type: ignore[assignment]
) -> Document:
    doc = Document(
        doc_id=doc_id,
        source="test",
        source_kind="file",
        raw=text,
        raw_format="text",
        content_hash=doc_id,
        text=text,
        lang=lang,
        published=published,
        title=text[:40],
    )
    doc.entities = [Entity(id=i, name=i, type=t) for i, t in entities]
    doc.mentions = [Mention(0, 1, c, c.lower(), "country", c) for c in codes]
    doc.events = [Event(type=t, participants=p, date=d) for t, p, d in events]
    return doc


# One story told in three languages: a probe launched for two agencies, with its date.
PROBE = [
    _doc(
        "probe-en",
        "en",
        "2030-04-02",
        "The Orion-X probe lifted off on 2 April 2030 from Baikonur, carrying 12 instruments.",
        [("orion-x", "mission"), ("baikonur", "site"), ("agency-a", "agency")],
        [("launch", ["AAA", "BBB"], "2030-04-02")],
        ["AAA", "BBB"],
    ),
    _doc(
        "probe-fr",
        "fr",
        "2030-04-03",
        "La sonde Orion-X a décollé le 2 avril 2030 de Baïkonour avec 12 instruments.",
        [("orion-x", "mission"), ("baikonur", "site"), ("agency-a", "agency")],
        [("launch", ["AAA", "BBB"], "2030-04-02")],
        ["AAA", "BBB"],
    ),
    _doc(
        "probe-ru",
        "ru",
        "2030-04-02",
        "Зонд «Орион-X» стартовал 2 апреля 2030 года с Байконура, на борту 12 приборов.",
        [("orion-x", "mission"), ("baikonur", "site")],
        [("launch", ["AAA", "BBB"], "2030-04-02")],
        ["AAA", "BBB"],
    ),
]
# Another story the same week between the same countries, with nothing else in common.
TREATY = [
    _doc(
        "treaty-en",
        "en",
        "2030-04-04",
        "Ministers signed a navigation accord in Geneva on 4 April 2030.",
        [("minister-c", "person"), ("geneva-office", "igo")],
        [("agreement", ["AAA", "BBB"], "2030-04-04")],
        ["AAA", "BBB"],
    ),
    _doc(
        "treaty-es",
        "es",
        "2030-04-05",
        "Los ministros firmaron en Ginebra un acuerdo de navegación el 4 de abril de 2030.",
        [("minister-c", "person"), ("geneva-office", "igo")],
        [("agreement", ["AAA", "BBB"], "2030-04-04")],
        ["AAA", "BBB"],
    ),
]


def _partition(docs: list[Document], params: ClusterParams | None = None) -> set[frozenset[str]]:
    clusterer = StoryClusterer(params)
    for doc in docs:
        clusterer.add(signature(doc))
    return clusterer.partition()


def test_the_same_story_across_languages_is_one_story_and_others_stay_apart() -> None:
    assert _partition(PROBE + TREATY) == {
        frozenset({"probe-en", "probe-fr", "probe-ru"}),
        frozenset({"treaty-en", "treaty-es"}),
    }


def test_the_grouping_does_not_depend_on_arrival_order() -> None:
    docs = PROBE + TREATY
    expected = _partition(docs)
    for order in itertools.islice(itertools.permutations(docs), 0, 120, 7):
        assert _partition(list(order)) == expected


def test_a_late_report_bridging_two_stories_merges_them() -> None:
    # Two rewrites with little in common, then a report sharing features with both.
    a = _doc(
        "a",
        "en",
        "2030-05-01",
        "A rover mission was announced.",
        [("rover-z", "mission"), ("chief-q", "person")],
        [("joint_project", ["AAA", "CCC"], "2030-05-01")],
    )
    b = _doc(
        "b",
        "de",
        "2030-05-02",
        "Ein Vertrag wurde am 1. Mai 2030 unterzeichnet.",
        [("site-w", "site"), ("chief-r", "person")],
        [("agreement", ["AAA", "CCC"], "2030-05-01")],
    )
    bridge = _doc(
        "c",
        "fr",
        "2030-05-03",
        "Le rover et l'accord du 1er mai 2030.",
        [("rover-z", "mission"), ("chief-q", "person"), ("site-w", "site"), ("chief-r", "person")],
        [
            ("joint_project", ["AAA", "CCC"], "2030-05-01"),
            ("agreement", ["AAA", "CCC"], "2030-05-01"),
        ],
    )
    clusterer = StoryClusterer()
    clusterer.add(signature(a))
    clusterer.add(signature(b))
    assert len(clusterer.partition()) == 2
    update = clusterer.add(signature(bridge))
    assert clusterer.partition() == {frozenset({"a", "b", "c"})}
    assert len(update.removed) == 1 and update.stories[0].doc_ids == ("a", "b", "c")


def test_reports_further_apart_than_the_window_are_different_stories() -> None:
    later = _doc(
        "probe-en-later",
        "en",
        "2030-06-20",
        "The Orion-X probe lifted off on 2 April 2030 from Baikonur, carrying 12 instruments.",
        [("orion-x", "mission"), ("baikonur", "site"), ("agency-a", "agency")],
        [("launch", ["AAA", "BBB"], "2030-04-02")],
        ["AAA", "BBB"],
    )
    assert len(_partition([PROBE[0], later], ClusterParams(window_days=7))) == 2
    assert len(_partition([PROBE[0], later], ClusterParams(window_days=90))) == 1


def test_an_undated_report_is_dated_by_its_newest_event() -> None:
    undated = _doc(
        "u",
        "fr",
        None,
        "texte",
        [],
        [
            ("launch", ["AAA"], "2001"),
            ("launch", ["AAA"], "2030-04-02"),
            ("meeting", ["AAA"], "1999-01-01"),
        ],
    )
    assert str(anchor_date(undated)) == "2030-04-02"
    assert _partition(
        [
            PROBE[0],
            _doc(
                "u2",
                "ru",
                None,
                PROBE[2].text,
                [("orion-x", "mission"), ("baikonur", "site")],
                [("launch", ["AAA", "BBB"], "2030-04-02")],
            ),
        ]
    ) == {frozenset({"probe-en", "u2"})}


def test_same_language_copies_match_on_wording_alone() -> None:
    text = " ".join(f"word{i}" for i in range(200))
    a = _doc("copy-1", "en", "2030-01-01", text, [], [])
    b = _doc("copy-2", "en", "2030-01-02", text + " Updated.", [], [])
    c = _doc("other", "en", "2030-01-02", " ".join(f"term{i}" for i in range(200)), [], [])
    assert _partition([a, b, c]) == {frozenset({"copy-1", "copy-2"}), frozenset({"other"})}


def test_removing_a_bridge_splits_the_story() -> None:
    docs = PROBE + TREATY
    random.Random(1).shuffle(docs)
    clusterer = StoryClusterer()
    for doc in docs:
        clusterer.add(signature(doc))
    clusterer.remove("probe-fr")
    assert clusterer.partition() == {
        frozenset({"probe-en", "probe-ru"}),
        frozenset({"treaty-en", "treaty-es"}),
    }

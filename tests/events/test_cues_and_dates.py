"""Cue matching and event dates: lexicon mechanisms and date rules, several languages
(short texts we wrote; no seed sentences)."""

from __future__ import annotations

import pytest

from spacediplo.events.cues import CueIndex, lemma_key
from spacediplo.kb.text import tokenize


def _groups(text: str, lang: str) -> set[str]:
    tokens = tokenize(text)
    return {h.group for h in CueIndex().hits(tokens, 0, len(tokens), lang)}


@pytest.mark.parametrize(
    ("word", "inflected", "lang"),
    [
        ("suspendre", "suspendait", "fr"),
        ("conclure", "conclu", "fr"),
        ("sign", "signing", "en"),
        ("firmar", "firmaron", "es"),
        ("подписать", "подписали", "ru"),
    ],
)
def test_cue_words_meet_their_inflected_forms(word: str, inflected: str, lang: str) -> None:
    assert lemma_key(word, lang) == lemma_key(inflected, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The satellite reached lunar orbit after five days.", "en"),
        ("The probe orbits Mars.", "en"),
    ],
)
def test_orbit_as_a_place_is_not_a_launch_cue(text: str, lang: str) -> None:
    assert "launch" not in _groups(text, lang)


def test_an_exact_cue_matches_as_written() -> None:
    assert "launch" in _groups("the orbiting of two satellites by a foreign rocket", "en")


@pytest.mark.parametrize(
    "text",
    [
        "Соглашение 2003 года было подписано в Москве.",
        "В июне 2018 года стороны заключили контракт.",
    ],
)
def test_a_russian_year_is_not_an_anniversary(text: str) -> None:
    assert "anniversary" not in _groups(text, "ru")


@pytest.mark.parametrize("text", ["К 50-летию полёта выпущена марка.", "Годовщина полёта."])
def test_russian_anniversary_words(text: str) -> None:
    assert "anniversary" in _groups(text, "ru")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Headline\n\nЗаявление\n\nРоскосмос и CNES подписали соглашение в июне 2018 года.",
            "2018-06",
        ),
        (
            "Headline\n\nNASA and JAXA marked the occasion by signing an agreement in March 2016.",
            "2016-03",
        ),
    ],
)
def test_an_anniversary_word_keeps_the_stated_date(run, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in run(text) if e.type == "agreement"]
    assert events and events[0].date == date

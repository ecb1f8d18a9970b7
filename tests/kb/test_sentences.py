"""Sentence boundaries around numbers and abbreviations."""

from __future__ import annotations

import pytest

from spacediplo.kb.text import sentence_spans


def _sentences(text: str, lang: str | None) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The probe rode a Long March 5. The mission lasts 53 days.", "en"),
        ("La sonde a décollé sur une Longue Marche 5. La mission durera 53 jours.", "fr"),
        ("Запуск выполнила ракета «Ангара-А5» со стартового стола 1. Полёт прошёл штатно.", "ru"),
    ],
)
def test_a_number_and_a_full_stop_end_a_sentence(text: str, lang: str) -> None:
    assert len(_sentences(text, lang)) == 2


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Sonde startete am 5. Mai vom Kosmodrom.", "de"),
        ("Sonda wystartowała 5. Maja z kosmodromu.", "pl"),
        ("The probe rode a Long March 5. The mission lasts 53 days.", None),
        ("Gen. Smith and Dr. Jones met on Friday.", "en"),
    ],
)
def test_ordinals_and_abbreviations_do_not(text: str, lang: str | None) -> None:
    assert len(_sentences(text, lang)) == 1


def test_no_abbreviation_is_read_as_the_word_no() -> None:
    # "no" must stay a string in the lexicon (YAML would read it as false)
    assert len(_sentences("It flew on flight No. 7 to the station.", "en")) == 1

"""The date-line normaliser: examples in many languages, and properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spacediplo.dates import month_names, parse_date_line, two_digit_year

EXAMPLES = [
    ("03.07.25", "2025-07-03"),
    ("14 February 2020", "2020-02-14"),
    ("February 14, 2020", "2020-02-14"),
    ("26 octobre 2023", "2023-10-26"),
    ("Le 26 octobre 2023", "2023-10-26"),
    ("3 июля 2025 г.", "2025-07-03"),
    ("14 de febrero de 2020", "2020-02-14"),
    ("5. März 2024", "2024-03-05"),
    ("2025年7月3日", "2025-07-03"),
    ("Mon, 3 Jul 2025 12:00", "2025-07-03"),
    ("Published: 5 mai 2024 à 10h30", "2024-05-05"),
    ("2025-07-03", "2025-07-03"),
]


@pytest.mark.parametrize(("line", "expected"), EXAMPLES)
def test_date_lines(line: str, expected: str) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    "line",
    ["On October 26 the crews met.", "in 1966", "12:00", "", "31.02.2024", "Back", "68th session"],
)
def test_non_dates_and_invalid_dates(line: str) -> None:
    assert parse_date_line(line) is None


def test_slashed_dates_follow_the_language_unless_a_number_decides() -> None:
    assert parse_date_line("07/03/2025", "en") == "2025-07-03"
    assert parse_date_line("07/03/2025", "fr") == "2025-03-07"
    assert parse_date_line("25/03/2025", "en") == "2025-03-25"


dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2069, 12, 31))


@given(dates)
def test_dotted_day_first_round_trip(d: date) -> None:
    assert parse_date_line(f"{d.day:02d}.{d.month:02d}.{d.year}") == d.isoformat()
    assert parse_date_line(d.isoformat()) == d.isoformat()


@given(dates, st.sampled_from(["en", "fr", "ru", "es", "de", "it", "pt"]))
def test_written_dates_round_trip_in_each_language(d: date, lang: str) -> None:
    from babel.dates import format_date

    line = format_date(d, format="long", locale=lang)
    assert parse_date_line(line) == d.isoformat(), line


@given(st.text(max_size=40))
def test_any_text_gives_a_valid_iso_date_or_none(text: str) -> None:
    result = parse_date_line(text)
    if result is not None:
        date.fromisoformat(result)


ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@given(dates)
def test_normalising_is_idempotent(d: date) -> None:
    once = parse_date_line(f"{d.day} {ENGLISH_MONTHS[d.month - 1]} {d.year}")
    assert once is not None and parse_date_line(once) == once


@given(st.integers(min_value=0, max_value=99))
def test_two_digit_years_fall_in_a_century_window(value: int) -> None:
    year = two_digit_year(value)
    assert 1970 <= year <= 2069 and year % 100 == value


def test_month_names_cover_the_main_languages() -> None:
    names = month_names()
    for word in ("february", "fevrier", "февраля", "febrero", "februar", "febbraio", "fevereiro"):
        assert names[word] == 2

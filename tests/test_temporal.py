"""Temporal expressions in running text: examples in five languages, and properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spacediplo.temporal import find_time_expressions, resolve_month_day

REF = date(2025, 7, 3)

EXAMPLES = [
    ("Earlier, in May this year, a memorandum was signed.", "2025-05"),
    ("On October 26, the universities organised a teleconference.", "2024-10-26"),
    ("the first agreement, signed in 1966, led to launches", "1966"),
    ("The meeting was held on 14 February 2020.", "2020-02-14"),
    ("the resolution was adopted in March 2025", "2025-03"),
    ("Le 16 octobre 2023, des diplomates ont soumis une résolution.", "2023-10-16"),
    ("En janvier 2023, la Maison a célébré l'anniversaire.", "2023-01"),
    ("в мае этого года был подписан меморандум", "2025-05"),
    ("16 октября 2023 года делегация представила проект", "2023-10-16"),
    ("el 18 de agosto de 2021 se firmó el acuerdo", "2021-08-18"),
    ("Am 25. Februar 2022 setzte die Agentur die Arbeit aus.", "2022-02-25"),
    ("le 5 mai dernier", "2025-05-05"),
    ("last year the agencies met", "2024"),
    ("next March", "2026-03"),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_expressions_are_normalised_against_the_publication_date(text: str, expected: str) -> None:
    values = [e.value for e in find_time_expressions(text, REF)]
    assert expected in values, values


def test_ordinals_and_durations_are_not_years() -> None:
    assert find_time_expressions("the 68th session, 50 years since the flight", REF) == []


def test_without_a_reference_only_absolute_dates_are_found() -> None:
    values = [e.value for e in find_time_expressions("In May this year, on 3 March 2020", None)]
    assert values == ["2020-03-03"]


def test_plans_put_a_yearless_date_in_the_future() -> None:
    (found,) = find_time_expressions(
        "The launch is planned for 21 September.", date(2022, 7, 15), future=True
    )
    assert found.value == "2022-09-21"
    (past,) = find_time_expressions("on 21 September", date(2022, 7, 15))
    assert past.value == "2021-09-21"


days = st.dates(min_value=date(1960, 1, 1), max_value=date(2090, 12, 31))


@given(days, st.integers(min_value=1, max_value=12), st.booleans())
def test_a_month_without_year_lands_within_a_year_of_the_reference(
    reference: date, month: int, future: bool
) -> None:
    value = resolve_month_day(month, None, reference, future)
    assert value is not None
    year, got_month = int(value[:4]), int(value[5:7])
    assert got_month == month and abs(year - reference.year) <= 1
    if future:
        assert (year, got_month) >= (reference.year, reference.month) or year > reference.year
    else:
        assert (year, got_month) <= (reference.year, reference.month)


@given(days, days)
def test_absolute_dates_round_trip_whatever_the_reference(d: date, reference: date) -> None:
    text = f"It happened on {d.day} {['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][d.month - 1]} {d.year}."  # noqa: E501
    values = [e.value for e in find_time_expressions(text, reference)]
    assert values == [d.isoformat()]


@given(st.text(max_size=60), days)
def test_any_text_gives_valid_iso_values(text: str, reference: date) -> None:
    for found in find_time_expressions(text, reference):
        assert len(found.value) in (4, 7, 10)
        date.fromisoformat(found.value if len(found.value) == 10 else found.value[:4] + "-01-01")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("committed on Tuesday to building", "2021-03-09"),
        ("a annoncé samedi matin", "2021-03-06"),
        ("в субботу утром сообщил", "2021-03-06"),
        ("am vergangenen Freitag", "2021-03-05"),
    ],
)
def test_weekdays_are_the_last_such_day_before_publication(text: str, expected: str) -> None:
    values = [e.value for e in find_time_expressions(text, date(2021, 3, 10))]
    assert values == [expected]


@pytest.mark.parametrize(
    "text", ["A Long March 5 rocket lifted off.", "The satellite rode a Long March 3 into orbit."]
)
def test_a_month_inside_a_name_is_no_date(text: str) -> None:
    assert find_time_expressions(text, date(2024, 5, 3)) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("On March 5 the probe landed.", "2024-03-05"),
        ("It launched Tuesday March 5.", "2024-03-05"),
        ("NASA said March 5 would be the day.", "2024-03-05"),
    ],
)
def test_a_month_after_a_plain_or_sentence_word_stays_a_date(text: str, value: str) -> None:
    assert value in [e.value for e in find_time_expressions(text, date(2024, 5, 3))]

"""Temporal expressions in running text: examples in five languages, and properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spacediplo.temporal import ARABIC_MONTHS, find_time_expressions, resolve_month_day

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


# ---------------------------------------------------------------- CJK and Arabic dates

CJK_ARABIC_EXAMPLES = [
    ("2021年3月9日，两国航天机构签署了备忘录。", "2021-03-09"),
    ("双方于2019年签署协议", "2019"),
    ("今年5月，双方举行了会谈。", "2025-05"),
    ("去年双方在北京会面", "2024"),
    ("3月9日，两国宇航员进驻空间站。", "2025-03-09"),
    ("昨年12月に覚書に署名した", "2024-12"),
    ("本日、両機関は協定を締結した", "2025-07-03"),
    ("来年打ち上げる予定", "2026"),
    ("2023년 12월 11일 양해각서에 서명했다", "2023-12-11"),
    ("지난해 양국은 협정을 체결했다", "2024"),
    ("오는 2027년 발사할 예정이다", "2027"),
    ("وقع الجانبان في 10 مايو 2023 مذكرة تفاهم", "2023-05-10"),
    ("في ١٠ أيار ٢٠٢٣ وقعت الوكالتان", "2023-05-10"),
    ("في 5 آذار/مارس 2022", "2022-03-05"),
    ("انضمت في عام 2020 إلى الاتفاقيات", "2020"),
    ("وفي كانون الثاني 2021 أطلقت", "2021-01"),
    ("وقعت في مايو الماضي", "2025-05"),
    ("التقى الجانبان العام الماضي", "2024"),
    ("عقد الاجتماع الشهر الماضي", "2025-06"),
]


@pytest.mark.parametrize(("text", "expected"), CJK_ARABIC_EXAMPLES)
def test_cjk_and_arabic_expressions_are_normalised(text: str, expected: str) -> None:
    values = [e.value for e in find_time_expressions(text, REF)]
    assert expected in values, values


@pytest.mark.parametrize("text", ["任务持续3个月", "3ヶ月間滞在した", "3개월 동안 체류했다"])
def test_a_count_of_months_is_no_date(text: str) -> None:
    assert find_time_expressions(text, REF) == []


def _arabic_indic(number: int) -> str:
    return "".join(chr(0x0660 + int(digit)) for digit in str(number))


@given(days, days)
def test_cjk_and_korean_dates_round_trip_whatever_the_reference(d: date, reference: date) -> None:
    for text in (f"于{d.year}年{d.month}月{d.day}日签署", f"{d.year}년 {d.month}월 {d.day}일 서명"):
        assert [e.value for e in find_time_expressions(text, reference)] == [d.isoformat()]


@given(days, days, st.sampled_from(sorted(ARABIC_MONTHS.items())), st.booleans())
def test_arabic_dates_round_trip_in_both_digit_sets(
    d: date, reference: date, month: tuple[str, int], indic: bool
) -> None:
    name, number = month
    day = min(d.day, 28)
    digits = _arabic_indic if indic else str
    text = f"وقعت في {digits(day)} {name} {digits(d.year)} مذكرة"
    found = find_time_expressions(text, reference)
    assert [e.value for e in found] == [date(d.year, number, day).isoformat()]
    # offsets are the text's own, whichever digits it is written in
    (only,) = found
    assert text[only.start : only.end].startswith(digits(day))
    assert text[only.start : only.end].endswith(digits(d.year))


@given(days, st.sampled_from(["今年", "去年", "明年", "昨年", "来年", "올해", "지난해", "내년"]))
def test_a_cjk_year_word_is_within_a_year_of_the_reference(reference: date, word: str) -> None:
    (found,) = find_time_expressions(f"两国{word}开始合作", reference)
    assert abs(int(found.value) - reference.year) <= 1 and found.relative


@given(st.text(alphabet="年月日년월일0123456789٠١٢٣٤٥٦٧٨٩ مايوأيار/الماضيعام", max_size=40), days)
def test_cjk_and_arabic_text_gives_valid_iso_values(text: str, reference: date) -> None:
    for found in find_time_expressions(text, reference):
        assert 0 <= found.start < found.end <= len(text)
        assert len(found.value) in (4, 7, 10)
        date.fromisoformat(found.value if len(found.value) == 10 else found.value[:4] + "-01-01")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Roscosmos a retiré fin février son personnel", "2022-02"),
        ("in late February the agency said", "2022-02"),
        ("в конце февраля агентство объявило", "2022-02"),
        ("Ende Februar hat die Agentur", "2022-02"),
        ("a finales de febrero la agencia", "2022-02"),
        ("à la mi-juillet, le conseil", "2021-07"),
    ],
)
def test_a_part_of_a_month_is_that_month(text: str, expected: str) -> None:
    assert [e.value for e in find_time_expressions(text, date(2022, 3, 18))] == [expected]


@given(
    month=st.integers(min_value=1, max_value=12),
    part=st.sampled_from(["early", "late", "mid-", "the end of"]),
    reference=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
)
def test_a_part_of_a_month_falls_within_the_year_before_publication(
    month: int, part: str, reference: date
) -> None:
    name = date(2000, month, 1).strftime("%B")
    (found,) = find_time_expressions(f"It happened in {part} {name}.", reference)
    year, found_month = int(found.value[:4]), int(found.value[5:7])
    assert found_month == month
    assert (year, found_month) <= (reference.year, reference.month)
    assert (year, found_month) > (reference.year - 1, reference.month)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The country plans to launch an orbiter to Mars next summer.", []),
        ("the next Mars mission will fly", []),
        ("NASA may this week sign the deal", ["2019-10"]),  # the week, not May
        ("in May this year", ["2019-05"]),
        ("March next year", ["2020-03"]),
        ("mars prochain", ["2020-03"]),
        ("Earlier this week the agency said", ["2019-10"]),
        ("Ранее на этой неделе агентство", ["2019-10"]),
    ],
)
def test_english_relative_words_go_with_english_months_and_this_week_is_the_month(
    text: str, expected: list[str]
) -> None:
    assert [e.value for e in find_time_expressions(text, date(2019, 10, 3))] == expected

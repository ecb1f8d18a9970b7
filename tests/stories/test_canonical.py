"""Canonical events: merge rules on small made-up reports."""

from __future__ import annotations

import random

from spacediplo.stories.canonical import EventReport, canonicalize, probe_years


def _r(
    doc: str,
    i: int,
    typ: str,
    codes: str,
    date: str | None,
    stage: str = "done",
    story: str | None = "s1",
    lang: str = "en",
    published: str | None = None,
) -> EventReport:
    return EventReport(
        doc_id=doc,
        index=i,
        type=typ,
        participants=frozenset(codes.split()),
        date=date,
        stage=stage,
        story=story,
        lang=lang,
        published=published,
        evidence=f"{doc}#{i}",
    )


def _shape(reports: list[EventReport]) -> set[tuple[str, str | None, frozenset[str]]]:
    return {
        (c.type, c.date, frozenset(f"{r.doc_id}#{r.index}" for r in c.sources))
        for c in canonicalize(reports)
    }


def test_reports_in_several_languages_make_one_event_with_the_most_precise_date() -> None:
    reports = [
        _r("en", 0, "agreement", "AAA BBB", "2030-03"),
        _r("fr", 0, "agreement", "AAA BBB", "2030-03-09", stage="planned", lang="fr"),
        _r("ru", 0, "agreement", "AAA BBB CCC", None, lang="ru"),
    ]
    (event,) = canonicalize(reports)
    assert event.date == "2030-03-09"
    assert event.stage == "done"  # the latest stage wins
    assert event.participants == ["AAA", "BBB"]  # CCC is named by one report of three
    assert {r.lang for r in event.sources} == {"en", "fr", "ru"}


def test_a_coarse_date_does_not_join_two_precise_ones() -> None:
    reports = [
        _r("a", 0, "crew_flight", "AAA BBB", "2030-09-21"),
        _r("a", 1, "crew_flight", "AAA BBB", "2030-03-30"),
        _r("b", 0, "crew_flight", "AAA BBB", "2030"),
    ]
    assert len(canonicalize(reports)) == 2


def test_two_events_of_one_document_stay_two() -> None:
    reports = [
        _r("a", 0, "launch", "AAA BBB", "2031"),
        _r("a", 1, "launch", "AAA BBB", "2032"),
        _r("a", 2, "launch", "AAA BBB", None),
        _r("a", 3, "launch", "AAA BBB", None),
    ]
    assert len(canonicalize(reports)) == 4


def test_two_events_of_one_month_in_one_document_stay_two() -> None:
    month = [_r("a", i, "agreement", "AAA BBB", "2030-09") for i in range(2)]
    assert len(canonicalize(month)) == 2
    # The same day twice in one text is a repeat (headline and body).
    day = [_r("a", i, "agreement", "AAA BBB", "2030-09-21") for i in range(2)]
    assert len(canonicalize(day)) == 1


def test_an_undated_report_does_not_join_an_event_of_another_year() -> None:
    reports = [
        _r("a", 0, "joint_project", "AAA BBB", "2011", published="2031-04-01"),
        _r("b", 0, "joint_project", "AAA BBB", None, published="2031-04-02"),
        _r("c", 0, "joint_project", "AAA BBB", None, published="2011-05-01"),
    ]
    assert _shape(reports) == {
        ("joint_project", "2011", frozenset({"a#0", "c#0"})),
        ("joint_project", None, frozenset({"b#0"})),
    }


def test_a_plan_dated_by_its_year_joins_the_event_of_that_year_across_stories() -> None:
    reports = [
        _r("plan", 0, "launch", "AAA BBB", "2031", stage="planned", story="s1"),
        _r("done", 0, "launch", "AAA BBB", "2031-07-20", story="s2"),
        # Not a plan: a bare year across stories stays apart.
        _r("recap", 0, "launch", "AAA BBB", "2031", story="s3"),
    ]
    shapes = _shape(reports)
    assert ("launch", "2031-07-20", frozenset({"plan#0", "done#0"})) in shapes
    assert len(shapes) == 2
    (merged,) = [c for c in canonicalize(reports) if len(c.sources) == 2]
    assert merged.stage == "done"
    # Nor a plan naming other parties than the event's.
    other = _r("plan", 0, "launch", "AAA BBB CCC", "2031", stage="planned", story="s1")
    assert len(canonicalize([other, reports[1]])) == 2


def test_a_report_joins_the_event_with_the_most_similar_participants() -> None:
    reports = [
        _r("x", 0, "joint_project", "AAA BBB CCC DDD", "2030-05-01"),
        _r("y", 0, "joint_project", "AAA BBB", "2030-05-20"),
        _r("z", 0, "joint_project", "AAA BBB", "2030-05"),
    ]
    assert ("joint_project", "2030-05-20", frozenset({"y#0", "z#0"})) in _shape(reports)


def test_days_of_a_lasting_event_are_one_event() -> None:
    reports = [
        _r("launch", 0, "joint_project", "AAA BBB", "1975-07-15", story="s1"),
        _r("docking", 0, "joint_project", "AAA BBB", "1975-07-17", story="s2"),
        # a meeting is no lasting event: two days, two meetings
        _r("m1", 0, "meeting", "AAA BBB", "1975-07-15", story="s1"),
        _r("m2", 0, "meeting", "AAA BBB", "1975-07-17", story="s1"),
        # more than 15 days apart: two joint works
        _r("later", 0, "joint_project", "AAA BBB", "1975-09-01", story="s1"),
    ]
    shapes = _shape(reports)
    assert ("joint_project", "1975-07-15", frozenset({"launch#0", "docking#0"})) in shapes
    assert len(shapes) == 4


def test_probe_years_cover_what_a_report_may_join() -> None:
    assert probe_years([("launch", "2022-07-14"), ("dispute", None)]) == {("launch", "2022")}
    # a lasting event near the turn of the year may join one of the next year
    assert probe_years([("joint_project", "2022-12-25")]) == {
        ("joint_project", "2022"),
        ("joint_project", "2023"),
    }


def test_across_stories_only_dated_reports_merge() -> None:
    reports = [
        _r("old", 0, "agreement", "AAA DDD", "1966", story="s1"),
        _r("new", 0, "agreement", "AAA DDD", "1966", story="s2"),
        _r("new", 1, "joint_project", "AAA DDD", None, story="s2"),
        _r("old", 1, "joint_project", "AAA DDD", None, story="s1"),
    ]
    shapes = _shape(reports)
    assert ("agreement", "1966", frozenset({"old#0", "new#0"})) in shapes
    assert len(shapes) == 3


def test_different_types_or_participants_never_merge() -> None:
    reports = [
        _r("a", 0, "launch", "AAA BBB", "2030-01-01"),
        _r("b", 0, "meeting", "AAA BBB", "2030-01-01"),
        _r("c", 0, "launch", "CCC DDD", "2030-01-01"),
    ]
    assert len(canonicalize(reports)) == 3


def test_the_result_does_not_depend_on_input_order() -> None:
    reports = [
        _r(d, i, t, "AAA BBB", date, story=s)
        for d, s in (("x", "s1"), ("y", "s1"), ("z", "s2"))
        for i, (t, date) in enumerate(
            [
                ("launch", "2030-01-02"),
                ("launch", "2030"),
                ("agreement", None),
                ("meeting", "2029-12"),
            ]
        )
    ]
    expected = _shape(reports)
    for seed in range(5):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert _shape(shuffled) == expected

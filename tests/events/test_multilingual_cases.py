"""Events in Chinese, Japanese, Arabic, Korean, Italian and Portuguese news
(``multilingual_cases.yaml``): each case asserted by itself, and per-language precision,
recall and F1 of events (type + participants, matched as the scorer does) printed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from spacediplo.model import Event

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "multilingual_cases.yaml").read_text(encoding="utf-8")
)
LANGUAGES = ("zh", "ja", "ar", "ko", "it", "pt")
# The lowest event F1 accepted per language on these cases.
MIN_F1 = 0.8


def _same(expected: dict[str, Any], event: Event) -> bool:
    """Type equal and Jaccard overlap of participants at least 0.5 (the scorer's match)."""
    want, got = set(expected["participants"]), set(event.participants)
    return event.type == expected["type"] and 2 * len(want & got) >= len(want | got)


def _dates_agree(expected: str | None, got: str | None) -> bool:
    if expected is None:
        return True
    if got is None:
        return False
    n = min(len(expected), len(got))
    return expected[:n] == got[:n]


def _matched(expected: list[dict[str, Any]], events: list[Event]) -> int:
    left = list(events)
    found = 0
    for want in expected:
        hit = next((e for e in left if _same(want, e)), None)
        if hit is not None:
            left.remove(hit)
            found += 1
    return found


def test_every_language_has_its_cases() -> None:
    count = defaultdict(int)
    for case in CASES:
        count[case["lang"]] += 1
    assert all(count[lang] >= 8 for lang in LANGUAGES), dict(count)
    assert all(any(not c["events"] for c in CASES if c["lang"] == lang) for lang in LANGUAGES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any], run: Callable[..., list[Event]]) -> None:
    events = run(case["text"], published=case["published"])
    shown = [(e.type, e.participants, e.date, e.stage) for e in events]
    if not case["events"]:
        assert events == [], shown
        return
    assert len(events) == len(case["events"]), shown
    for want in case["events"]:
        hit = next((e for e in events if _same(want, e)), None)
        assert hit is not None, (want, shown)
        assert _dates_agree(want.get("date"), hit.date), (want, shown)
        if "stage" in want:
            assert hit.stage == want["stage"], (want, shown)


def test_event_scores_per_language(run: Callable[..., list[Event]]) -> None:
    totals: dict[str, list[int]] = {lang: [0, 0, 0] for lang in LANGUAGES}
    for case in CASES:
        events = run(case["text"], published=case["published"])
        tally = totals[case["lang"]]
        tally[0] += _matched(case["events"], events)
        tally[1] += len(events)
        tally[2] += len(case["events"])
    print()
    for lang, (matched, predicted, gold) in totals.items():
        precision = matched / predicted if predicted else 1.0
        recall = matched / gold if gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{lang}: event P {precision:.2f} R {recall:.2f} F1 {f1:.2f} ({gold} gold)")
        assert f1 >= MIN_F1, lang

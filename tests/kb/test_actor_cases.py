"""Our own actor test set (tests/kb/actor_cases.yaml): short texts in several languages
with the entities a careful annotator expects, and those that must not be found."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from spacediplo.kb import load_kb
from spacediplo.stages.actors import ActorRecogniser

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "actor_cases.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def recogniser() -> ActorRecogniser:
    return ActorRecogniser(load_kb())


def test_the_set_is_large_and_multilingual() -> None:
    langs = {c["lang"] for c in CASES}
    assert len(CASES) >= 40 and {"en", "fr", "ru", "es", "de"} <= langs


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c['lang']}" for i, c in enumerate(CASES)])
def test_actor_case(recogniser: ActorRecogniser, case: dict[str, Any]) -> None:
    mentions = recogniser.mentions(case["text"], case["lang"])
    found = {m.entity_id for m in mentions}
    missing = [i for i in case.get("expect") or [] if i not in found]
    unexpected = [i for i in case.get("absent") or [] if i in found]
    people = {(m.surface, m.code) for m in mentions if m.type == "person"}
    missing_people = [
        (p["name"], p.get("country"))
        for p in case.get("persons") or []
        if not any(
            p["name"] in surface and (p.get("country") in (None, code)) for surface, code in people
        )
    ]
    assert not (missing or unexpected or missing_people), (
        f"{case.get('note', '')}: missing {missing}, unexpected {unexpected}, "
        f"missing people {missing_people}; found {sorted(found)}"
    )

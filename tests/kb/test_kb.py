"""The knowledge base: loading, coverage, search and validation."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from spacediplo.kb import KnowledgeBase, load_kb
from spacediplo.kb.loader import load_entries


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def test_bundled_knowledge_base_is_valid(kb: KnowledgeBase) -> None:
    assert kb.validate() == []


def test_coverage_per_type(kb: KnowledgeBase) -> None:
    stats = kb.stats()
    assert stats.by_type["country"] >= 200
    assert stats.by_type["agency"] >= 70
    assert stats.by_type["mission"] >= 100
    assert stats.by_type["site"] >= 30
    assert stats.by_type["person"] >= 150
    for entry_type in ("agency", "country"):
        langs = stats.languages_by_type[entry_type]
        for lang in ("en", "fr", "ru"):
            assert langs[lang] == stats.by_type[entry_type], (entry_type, lang)


def test_countries_include_every_iso_state_and_the_ussr(kb: KnowledgeBase) -> None:
    import pycountry

    from spacediplo.kb.loader import NOT_STATES

    for country in pycountry.countries:
        if country.alpha_3 in NOT_STATES:
            # Antarctica and uninhabited territories: places, never actors
            assert kb.country(country.alpha_3) is None, country.alpha_3
        else:
            assert kb.country(country.alpha_3) is not None, country.alpha_3
    ussr = kb.country("SUN")
    assert ussr is not None and ussr.historic
    france = kb.country("FRA")
    assert france is not None
    assert "française" in france.demonyms["fr"] and "Moscou" in kb.country("RUS").capitals["fr"]  # type: ignore[union-attr]


def test_search_finds_names_in_other_scripts_and_spellings(kb: KnowledgeBase) -> None:
    assert kb.search("Роскосмос")[0][0].id == "roscosmos"
    assert kb.search("Roskosmos")[0][0].id == "roscosmos"
    assert kb.search("Agence spatiale européenne")[0][0].id == "esa"


def test_validation_reports_bad_data(tmp_path: Path) -> None:
    data = [
        {"id": "Bad Id", "type": "agency", "name": "X", "code": "XXX", "aliases": {"en": ["X"]}},
        {
            "id": "one",
            "type": "organization",
            "name": "Same",
            "code": "FRA",
            "aliases": {"en": ["Shared name"]},
            "parent": "nowhere",
        },
        {
            "id": "two",
            "type": "organization",
            "name": "Other",
            "code": "DEU",
            "aliases": {"en": ["Shared name"]},
        },
        {"id": "one", "type": "mission", "name": "Dup", "code": None, "aliases": {}},
    ]
    (tmp_path / "bad.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    problems = KnowledgeBase(load_entries(tmp_path)).validate()
    text = "\n".join(problems)
    assert "one: duplicate id" in text
    assert "id is not a slug" in text and "unknown actor code 'XXX'" in text
    assert "no aliases in fr, ru" in text
    assert "unknown parent 'nowhere'" in text
    assert "'shared name' is on several entries: one, two" in text


def test_a_file_that_is_not_a_list_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("id: lonely\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected a list of entries"):
        load_entries(tmp_path)

"""Lexicon files: a language's words kept in ``NAME.LANG.yaml`` merge into ``NAME.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from spacediplo import lexicons


def _load_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> object:
    monkeypatch.setattr(lexicons, "LEXICON_DIR", tmp_path)
    lexicons.load_lexicon.cache_clear()
    try:
        return lexicons.load_lexicon(name)
    finally:
        lexicons.load_lexicon.cache_clear()


def test_parts_merge_mappings_and_extend_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cues.yaml").write_text(
        "cues:\n  meet:\n    en: [meet]\ntopics:\n  moon: [moon]\nwords: [and]\n",
        encoding="utf-8",
    )
    (tmp_path / "cues.zh.yaml").write_text(
        "cues:\n  meet:\n    zh: [会见]\n  sign:\n    zh: [签署]\ntopics:\n  moon: [月球]\n",
        encoding="utf-8",
    )
    (tmp_path / "cues.ja.yaml").write_text("words: [と]\n", encoding="utf-8")
    data = _load_from(tmp_path, monkeypatch, "cues")
    assert data == {
        "cues": {"meet": {"en": ["meet"], "zh": ["会见"]}, "sign": {"zh": ["签署"]}},
        "topics": {"moon": ["moon", "月球"]},
        "words": ["and", "と"],
    }


def test_a_part_of_another_shape_is_refused_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cues.yaml").write_text("cues:\n  meet:\n    en: [meet]\n", encoding="utf-8")
    (tmp_path / "cues.xx.yaml").write_text("cues:\n  meet: [wrong]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"cues\.xx\.yaml\.cues\.meet"):
        _load_from(tmp_path, monkeypatch, "cues")


def test_a_broken_part_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "cues.yaml").write_text("cues: {}\n", encoding="utf-8")
    (tmp_path / "cues.xx.yaml").write_text("cues: [unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"cues\.xx\.yaml: not a valid lexicon"):
        _load_from(tmp_path, monkeypatch, "cues")

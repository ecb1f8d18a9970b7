"""Whole-pipeline scores with ../shared/tools/score.py: the seeds' gold set and our own
demo corpus per language (printed; asserted at the bars of the issues: event_f1 >= 0.80
in each of en, fr and ru on our own set)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from spacediplo.demo import CORPUS_DIR, load_gold
from spacediplo.export import export_jsonl
from spacediplo.ingest import ingest
from spacediplo.settings import Settings
from spacediplo.storage import Store


def _predict(source: Path, tmp_path: Path) -> Path:
    db = tmp_path / "scores.db"
    settings = Settings.from_env(environ={}, db=str(db))
    with Store.open(str(db)) as store:
        ingest([str(source)], store, settings)
        out = tmp_path / "pred.jsonl"
        with out.open("w", encoding="utf-8") as handle:
            export_jsonl(store.documents(), handle)
    return out


def _score(shared: Path, gold: Path, pred: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, str(shared / "tools" / "score.py"), str(gold), str(pred), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_seed_scores(shared_dir: Path, seeds_dir: Path, tmp_path: Path) -> None:
    scores = _score(shared_dir, shared_dir / "gold" / "seeds.jsonl", _predict(seeds_dir, tmp_path))
    print("\nseeds:", {k: v for k, v in scores.items() if not k.startswith("type.")})
    assert scores["lang_acc"] == 1.0 and scores["published_acc"] == 1.0
    assert scores["entity_f1"] >= 0.85 and scores["entity_type_acc"] >= 0.9
    assert scores["event_f1"] >= 0.80 and scores["event_date_f1"] >= 0.70
    assert scores["dyad_f1"] >= 0.85 and scores["stage_acc"] >= 0.85


@pytest.mark.slow
def test_demo_corpus_scores_per_language(shared_dir: Path, tmp_path: Path) -> None:
    pred = _predict(CORPUS_DIR, tmp_path)
    gold = load_gold()
    for lang in sorted({d["lang"] for d in gold}):
        path = tmp_path / f"gold-{lang}.jsonl"
        path.write_text(
            "".join(json.dumps(d) + "\n" for d in gold if d["lang"] == lang), encoding="utf-8"
        )
        scores = _score(shared_dir, path, pred)
        keys = ("entity_f1", "event_f1", "event_date_f1", "dyad_f1", "stage_acc")
        print(f"\ndemo corpus {lang}:", {k: scores[k] for k in keys})
        assert scores["lang_acc"] == 1.0 and scores["published_acc"] == 1.0
        if lang in _EVENT_BAR_LANGUAGES:
            assert scores["event_f1"] >= 0.80, lang  # the events issue's bar


# The languages of our own gold set held to the events issue's bar (event_f1 >= 0.80);
# the others are printed only.
_EVENT_BAR_LANGUAGES = ("en", "fr", "ru")

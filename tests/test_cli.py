"""The command line, as a user runs it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from spacediplo.cli import app
from tests.fixtures import article_text

runner = CliRunner()


def test_ingest_export_stats_on_the_seeds(seeds_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    result = runner.invoke(app, ["ingest", str(seeds_dir), "--db", db])
    assert result.exit_code == 0, result.output
    assert "ingest summary" in result.output
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["export", "--db", db, "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    assert set(records[0]) == {"doc_id", "lang", "published", "story", "entities", "events"}
    assert all(r["story"] for r in records)
    result = runner.invoke(app, ["stats", "--db", db])
    assert result.exit_code == 0 and "documents per language" in result.output


def test_db_from_environment(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = runner.invoke(app, ["ingest", str(seeds_dir)], env={"SPACEDIPLO_DB": str(db)})
    assert result.exit_code == 0 and db.exists()


def test_export_csv_and_json(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(article_text(), encoding="utf-8")
    db = str(tmp_path / "x.db")
    runner.invoke(app, ["ingest", str(tmp_path / "one.txt"), "--db", db])
    result = runner.invoke(app, ["export", "--db", db, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["doc_id"] == "one" and rows[0]["published"] == "2024-03-12"
    result = runner.invoke(app, ["export", "--db", db, "--format", "json"])
    assert json.loads(result.stdout)[0]["doc_id"] == "one"


def test_nothing_ingested_exits_non_zero_and_lists_the_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "e.db")]
    )
    assert result.exit_code == 1
    assert "empty file" in result.output and "nothing could be ingested" in result.output


def test_some_skipped_still_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text(article_text(), encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0 and "skipped" in result.output


def test_unknown_export_format_and_bad_database_are_clear_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "x.db"), "--format", "xml"])
    assert result.exit_code == 2 and "unknown format" in result.output
    result = runner.invoke(app, ["stats", "--db", "postgresql+psycopg://u@127.0.0.1:9/x"])
    assert result.exit_code == 2 and "cannot open the database" in result.output


def test_demo_ingests_the_bundled_corpus_and_exports_it(tmp_path: Path) -> None:
    from spacediplo.demo import CORPUS_DIR

    db, out = tmp_path / "demo.db", tmp_path / "demo.jsonl"
    result = runner.invoke(app, ["demo", "--db", str(db), "--out", str(out), "--no-serve"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(list(CORPUS_DIR.iterdir()))
    assert {r["lang"] for r in records} >= {"en", "fr", "ru", "es", "de"}
    assert sum(len(r["events"]) for r in records) > 0

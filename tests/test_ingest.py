"""The whole path: sources → clean → store, on the seeds and on our own fixtures."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spacediplo.ingest import ingest
from spacediplo.settings import Settings
from spacediplo.storage import Store
from tests.fixtures import article_html, article_text, rss_feed, write_warc

# The boilerplate lines the issue lists (interface phrases, not article text).
LISTED_BOILERPLATE = (
    "Continue Reading",
    "Popular Categories",
    "Search the website",
    "Photo:",
    "iStock",
    "Back",
    "Check Also",
)


def test_seeds_are_stored_clean_with_language_and_date(
    seeds_dir: Path, shared_dir: Path, db_url: str, tmp_path: Path
) -> None:
    settings = Settings.from_env(environ={}, db=db_url)
    with Store.open(db_url) as store:
        report = ingest([str(seeds_dir)], store, settings)
        assert (report.new, len(report.skipped)) == (5, 0)
        docs = {d.doc_id: d for d in store.documents()}
    gold = {}
    for line in (shared_dir / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold[record["doc_id"]] = record
    assert set(docs) == set(gold)
    for doc_id, doc in docs.items():
        assert doc.lang == gold[doc_id]["lang"]
        assert doc.published == gold[doc_id]["published"]
        lines = set(doc.text.split("\n\n"))
        for marker in LISTED_BOILERPLATE:
            assert marker not in lines, (doc_id, marker)


def test_reingesting_stores_nothing_new(seeds_dir: Path, db_url: str) -> None:
    settings = Settings.from_env(environ={}, db=db_url)
    with Store.open(db_url) as store:
        ingest([str(seeds_dir)], store, settings)
        again = ingest([str(seeds_dir)], store, settings)
        assert (again.new, again.updated, again.unchanged) == (0, 0, 5)
        assert store.count_documents(current_only=False) == 5


def test_changed_content_is_a_new_version(tmp_path: Path, db_url: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(article_text(), encoding="utf-8")
    settings = Settings.from_env(environ={}, db=db_url)
    with Store.open(db_url) as store:
        ingest([str(folder)], store, settings)
        (folder / "story.txt").write_text(
            article_text() + "\nA correction was added later to the article by the editors today.",
            encoding="utf-8",
        )
        report = ingest([str(folder)], store, settings)
        assert report.updated == 1
        assert len(store.versions("story")) == 2


def test_mixed_inputs_and_bad_ones_in_one_run(tmp_path: Path, settings: Settings) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text(article_text(), encoding="utf-8")
    (folder / "b.html").write_text(
        article_html(title="A second story about a rocket"), encoding="utf-8"
    )
    (folder / "feed.rss").write_text(
        rss_feed(
            [
                (
                    "https://example.org/feed-item",
                    "Feed item",
                    "<p>" + " ".join(["The agencies agreed to share tracking data."] * 3) + "</p>",
                )
            ]
        ),
        encoding="utf-8",
    )
    write_warc(
        folder / "crawl.warc.gz",
        [("https://example.org/w", article_html(title="An archived story about a satellite"))],
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "nav-only.html").write_text(
        "<html><body><nav>Home</nav></body></html>", encoding="utf-8"
    )
    with Store.open(settings.db) as store:
        report = ingest([str(folder), str(tmp_path / "missing")], store, settings)
        assert report.new == 4
        reasons = {Path(s.locator).name: s.reason for s in report.skipped}
        assert reasons == {
            "empty.txt": "empty file",
            "nav-only.html": "no article text found",
            "missing": "no such file or folder",
        }
        assert len(store.failures()) == 3


def test_killed_ingest_resumes_and_stores_each_document_once(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):
        (folder / f"doc{i:03d}.txt").write_text(
            article_text().replace("Brazil", f"Country{i}"), encoding="utf-8"
        )
    db = tmp_path / "resume.db"
    cmd = [sys.executable, "-m", "spacediplo", "ingest", str(folder), "--db", str(db)]
    env = {**os.environ, "COLUMNS": "120"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                with Store.open(str(db), migrate=False) as probe:
                    stored = probe.count_documents()
            except Exception:  # noqa: BLE001 - the file may be mid-creation
                continue
            if stored >= 20:
                break
    if proc.poll() is not None:
        pytest.skip("ingest finished before it could be interrupted")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store.open(str(db)) as store:
        partial = store.count_documents()
    assert 0 < partial < 300
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    with Store.open(str(db)) as store:
        assert store.count_documents() == 300
        assert store.count_documents(current_only=False) == 300


def test_a_document_saved_but_not_placed_in_a_story_is_placed_on_the_next_run(
    tmp_path: Path, settings: Settings
) -> None:
    from spacediplo.ingest import process_item
    from spacediplo.pipeline import build_pipeline
    from spacediplo.sources import iter_sources

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(article_text(), encoding="utf-8")
    with Store.open(settings.db) as store:
        # As if a run had stopped between saving the document and placing it.
        (item,) = list(iter_sources([str(folder)], settings))
        process_item(item, build_pipeline(settings), store, stories=None)
        assert store.story_key("story") is None
        report = ingest([str(folder)], store, settings)
        assert report.unchanged == 1
        assert store.story_key("story") is not None

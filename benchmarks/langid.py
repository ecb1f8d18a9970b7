"""Language identification: accuracy on paragraphs and single sentences, speed and memory.

Labelled text: every paragraph (and every sentence) of the seeds and of the bundled demo
corpus, labelled with its document's gold language, plus the one-sentence samples of the
tests in ten languages. Each backend is restricted to the configured language set.

Usage: python benchmarks/langid.py
"""

from __future__ import annotations

import json
import re
import resource
import sys
import time
from pathlib import Path

from _common import ROOT, SHARED

sys.path.insert(0, str(ROOT))

from tests.stages.test_language import SAMPLES

from spacediplo.demo import CORPUS_DIR, load_gold
from spacediplo.model import Document, RawDocument
from spacediplo.settings import DEFAULT_LANGUAGES
from spacediplo.stages.clean import CleanStage

SENTENCE = re.compile(r"(?<=[.!?»”])\s+(?=[A-ZА-ЯЁÀ-Ý«“])")


def labelled_texts() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    docs: list[tuple[Path, str]] = []
    for line in (SHARED / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        docs.append((SHARED / "seeds" / f"{record['doc_id']}.txt", record["lang"]))
    for record in load_gold():
        matches = list(CORPUS_DIR.glob(f"{record['doc_id']}.*"))
        if matches:
            docs.append((matches[0], record["lang"]))
    paragraphs: list[tuple[str, str]] = []
    sentences: list[tuple[str, str]] = list((text, lang) for lang, text in SAMPLES.items())
    clean = CleanStage()
    for path, lang in docs:
        fmt = "html" if path.suffix == ".html" else "text"
        doc = clean(Document.from_raw(RawDocument("x", "b", fmt, path.read_text("utf-8"), fmt)))  # type: ignore[arg-type]
        for paragraph in doc.text.split("\n\n"):
            if len(paragraph) >= 20:
                paragraphs.append((paragraph, lang))
                sentences.extend((s, lang) for s in SENTENCE.split(paragraph) if len(s) >= 20)
    return paragraphs, sentences


def main() -> None:
    paragraphs, sentences = labelled_texts()
    print(
        f"{len(paragraphs)} paragraphs, {len(sentences)} sentences, "
        f"{len(DEFAULT_LANGUAGES)} candidate languages"
    )
    import py3langid.langid as py3  # type: ignore[import-untyped]
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in DEFAULT_LANGUAGES]
    backends = {}
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def lingua(mode: str):  # type: ignore[no-untyped-def]
        builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
        if mode == "low":
            builder = builder.with_low_accuracy_mode()
        detector = builder.with_preloaded_language_models().build()

        def identify(text: str) -> str | None:
            found = detector.detect_language_of(text)
            return found.iso_code_639_1.name.lower() if found else None

        return identify

    def langid():  # type: ignore[no-untyped-def]
        model = py3.LanguageIdentifier.from_model_file(py3.MODEL_FILE)
        model.set_languages(list(DEFAULT_LANGUAGES))
        return lambda text: model.classify(text)[0]

    for name, factory in (
        ("py3langid", langid),
        ("lingua-low", lambda: lingua("low")),
        ("lingua-high", lambda: lingua("high")),
    ):
        start = time.perf_counter()
        backends[name] = factory()
        load = time.perf_counter() - start
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        identify = backends[name]
        results = []
        for label, items in (("paragraphs", paragraphs), ("sentences", sentences)):
            start = time.perf_counter()
            correct = sum(identify(text) == lang for text, lang in items)
            elapsed = time.perf_counter() - start
            results.append(
                f"{label}={correct}/{len(items)} ({correct / len(items):.3f}, "
                f"{len(items) / elapsed:.0f}/s)"
            )
        print(
            f"{name:12s} load={load:.1f}s peak_rss_mb={rss:.0f} (before {rss_before:.0f}) "
            + " ".join(results)
        )
        rss_before = rss


if __name__ == "__main__":
    main()

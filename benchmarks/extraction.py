"""Main-text extraction quality: spacediplo's cleaning beside plain trafilatura.

- scrapinghub article-extraction-benchmark (181 pages, full gold bodies): token
  precision / recall / F1 (bag of words, micro-averaged over pages, and the page mean).
- trafilatura-eval (990 multilingual pages, "with"/"without" snippets): a "with" snippet
  found in the output is a true positive, a "without" snippet found is a false positive.

Usage: python benchmarks/extraction.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable

import trafilatura
from _common import SHARED

from spacediplo.model import Document, RawDocument
from spacediplo.stages.clean import CleanStage

TOKEN = re.compile(r"\w+", re.U)


def tokens(text: str) -> Counter[str]:
    return Counter(t.casefold() for t in TOKEN.findall(text or ""))


def spacediplo_text(html: str) -> str:
    stage = CleanStage()
    doc = Document.from_raw(RawDocument("b", "bench", "html", html, "html"))
    try:
        return stage(doc).text
    except Exception:  # noqa: BLE001 - a page with no text scores zero, like an empty output
        return ""


def trafilatura_text(html: str) -> str:
    return trafilatura.extract(html) or ""


EXTRACTORS: dict[str, Callable[[str], str]] = {
    "trafilatura": trafilatura_text,
    "spacediplo": spacediplo_text,
}


def scrapinghub(limit: int | None) -> dict[str, dict[str, float]]:
    base = SHARED / "data" / "scrapinghub-article-extraction-benchmark"
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit]
    results: dict[str, dict[str, float]] = {}
    for name, extract in EXTRACTORS.items():
        tp = fp = fn = 0
        f1s: list[float] = []
        start = time.perf_counter()
        for page_id in ids:
            html = gzip.decompress((base / "html" / f"{page_id}.html.gz").read_bytes()).decode(
                "utf-8", "replace"
            )
            gold, got = tokens(truth[page_id]["articleBody"]), tokens(extract(html))
            overlap = sum((gold & got).values())
            tp += overlap
            fp += sum(got.values()) - overlap
            fn += sum(gold.values()) - overlap
            p = overlap / sum(got.values()) if got else 0.0
            r = overlap / sum(gold.values()) if gold else 0.0
            f1s.append(2 * p * r / (p + r) if p + r else 0.0)
        elapsed = time.perf_counter() - start
        precision, recall = tp / (tp + fp), tp / (tp + fn)
        results[name] = {
            "precision": precision,
            "recall": recall,
            "f1": 2 * precision * recall / (precision + recall),
            "mean_page_f1": sum(f1s) / len(f1s),
            "pages_per_s": len(ids) / elapsed,
        }
    return results


def trafilatura_eval(limit: int | None) -> dict[str, dict[str, float]]:
    base = SHARED / "data" / "trafilatura-eval"
    data = json.loads((base / "evaldata.json").read_text(encoding="utf-8"))
    urls = sorted(data)[:limit]
    results: dict[str, dict[str, float]] = {}
    for name, extract in EXTRACTORS.items():
        tp = fp = fn = tn = 0
        start = time.perf_counter()
        for url in urls:
            entry = data[url]
            path = base / "html" / f"{entry['file']}.gz"
            html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
            text = " ".join(extract(html).split())
            for snippet in _snippets(entry.get("with")):
                found = " ".join(snippet.split()) in text
                tp, fn = tp + found, fn + (not found)
            for snippet in _snippets(entry.get("without")):
                found = " ".join(snippet.split()) in text
                fp, tn = fp + found, tn + (not found)
        elapsed = time.perf_counter() - start
        precision, recall = tp / (tp + fp), tp / (tp + fn)
        results[name] = {
            "precision": precision,
            "recall": recall,
            "f1": 2 * precision * recall / (precision + recall),
            "accuracy": (tp + tn) / (tp + tn + fp + fn),
            "pages_per_s": len(urls) / elapsed,
        }
    return results


def _snippets(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if str(v).strip()]
    if isinstance(value, str) and value.strip():
        import ast

        try:
            parsed = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return [value]
        return [str(v) for v in parsed if str(v).strip()] if isinstance(parsed, list) else []
    return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="pages per benchmark")
    args = parser.parse_args()
    for title, run in (
        ("scrapinghub article-extraction-benchmark (token P/R/F1)", scrapinghub),
        ("trafilatura-eval (snippet P/R/F1)", trafilatura_eval),
    ):
        print(title)
        for name, scores in run(args.limit).items():
            figures = "  ".join(f"{k}={v:.3f}" for k, v in scores.items())
            print(f"  {name:12s} {figures}")


if __name__ == "__main__":
    main()

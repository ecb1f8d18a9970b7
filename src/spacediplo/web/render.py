"""Turning query results into what the templates draw: highlighted text, SVG charts, a graph
layout, a choropleth. Pure functions over plain data; the templates escape every string."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any

from ..model import EVENT_TYPES

__all__ = [
    "TYPE_COLOURS",
    "Bar",
    "Segment",
    "choropleth",
    "circle_layout",
    "highlight",
    "stacked_bars",
    "world",
]

#: One colour per event type (colour-blind-safe Okabe–Ito order, extended).
TYPE_COLOURS: dict[str, str] = dict(
    zip(
        EVENT_TYPES,
        ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
         "#7F7F7F", "#882255"),
        strict=True,
    )
)  # fmt: skip


@dataclass
class Segment:
    """A run of text with the same highlighting."""

    text: str
    mention: str | None = None  # entity type
    entity: str | None = None
    evidence: list[int] = field(default_factory=list)  # event ids whose evidence covers it


def highlight(
    text: str, mentions: list[dict[str, Any]], events: list[dict[str, Any]]
) -> list[Segment]:
    """Cut ``text`` at every mention and evidence boundary; each piece knows what covers it."""
    cuts = {0, len(text)}
    spans: list[tuple[int, int, str, Any]] = []
    for m in mentions:
        if 0 <= m["start"] < m["end"] <= len(text):
            spans.append((m["start"], m["end"], "mention", m))
            cuts.update((m["start"], m["end"]))
    for ev in events:
        start, end = ev.get("start"), ev.get("end")
        if start is not None and end is not None and 0 <= start < end <= len(text):
            spans.append((start, end, "evidence", ev))
            cuts.update((start, end))
    bounds = sorted(cuts)
    segments: list[Segment] = []
    for a, b in pairwise(bounds):
        segment = Segment(text[a:b])
        for start, end, kind, item in spans:
            if start <= a and b <= end:
                if kind == "mention":
                    segment.mention, segment.entity = item["type"], item["entity"]
                else:
                    segment.evidence.append(item["id"])
        segments.append(segment)
    return segments


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str


def stacked_bars(
    counts: dict[str, dict[str, int]], width: float = 720, height: float = 200
) -> tuple[list[Bar], list[tuple[float, str]], int]:
    """Bars per year stacked by type; also x-axis labels and the tallest total."""
    years = sorted(counts)
    if not years:
        return [], [], 0
    peak = max(sum(by_type.values()) for by_type in counts.values()) or 1
    step = width / len(years)
    bar_width = max(step * 0.8, 1.0)
    bars: list[Bar] = []
    labels: list[tuple[float, str]] = []
    label_every = max(1, math.ceil(len(years) / 12))
    for i, year in enumerate(years):
        x = i * step + (step - bar_width) / 2
        y = height
        for etype in EVENT_TYPES:
            n = counts[year].get(etype, 0)
            if not n:
                continue
            h = n / peak * (height - 10)
            y -= h
            bars.append(Bar(x, y, bar_width, h, TYPE_COLOURS[etype], f"{year} · {etype}: {n}"))
        if i % label_every == 0:
            labels.append((i * step + step / 2, year))
    return bars, labels, peak


def circle_layout(nodes: list[dict[str, Any]], size: float = 640) -> dict[str, tuple[float, float]]:
    """Nodes on a circle, busiest first: deterministic, and every edge stays visible."""
    centre, radius = size / 2, size / 2 - 60
    n = max(len(nodes), 1)
    return {
        node["id"]: (
            round(centre + radius * math.cos(2 * math.pi * i / n - math.pi / 2), 1),
            round(centre + radius * math.sin(2 * math.pi * i / n - math.pi / 2), 1),
        )
        for i, node in enumerate(nodes)
    }


@cache
def world() -> dict[str, Any]:
    """Country outlines (Natural Earth 1:110m, see ``scripts/build_world_map.py``)."""
    text = resources.files("spacediplo.web").joinpath("static/world-110m.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def choropleth(intensity: dict[str, int]) -> list[dict[str, Any]]:
    """Each country's outline with a fill from white to deep blue by its event count
    (log scale: a few very active states must not wash everyone else out)."""
    peak = max((n for code, n in intensity.items() if code in world()["countries"]), default=0)
    out = []
    for code, country in world()["countries"].items():
        n = intensity.get(code, 0)
        share = math.log1p(n) / math.log1p(peak) if peak and n else 0.0
        out.append(
            {"code": code, "name": country["name"], "d": country["d"], "events": n,
             "fill": _blend(share) if n else "#eef0f3"}
        )  # fmt: skip
    return out


def _blend(share: float) -> str:
    low, high = (198, 219, 239), (8, 48, 107)
    r, g, b = (round(lo + (hi - lo) * share) for lo, hi in zip(low, high, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"

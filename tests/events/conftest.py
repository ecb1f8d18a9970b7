"""The events tests' one fixture: text in, the pipeline's events out."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from spacediplo.model import Document, Event, RawDocument
from spacediplo.pipeline import build_pipeline
from spacediplo.settings import Settings


@pytest.fixture(scope="module")
def run() -> Callable[..., list[Event]]:
    pipeline = build_pipeline(Settings.from_env(environ={}))

    def extract(text: str, published: str | None = "2024-05-10") -> list[Event]:
        raw = RawDocument("t", "test", "json", text, "text", published=published)
        return pipeline(Document.from_raw(raw)).events

    return extract

from __future__ import annotations

from typing import ClassVar

import pytest

from spacediplo.errors import PipelineOrderError
from spacediplo.model import Document
from spacediplo.pipeline import Pipeline, build_pipeline
from spacediplo.registry import get_stage_factory, stage_names
from spacediplo.settings import Settings


class NeedsLang:
    name: ClassVar[str] = "needs-lang"
    requires: ClassVar[frozenset[str]] = frozenset({"lang"})
    assigns: ClassVar[frozenset[str]] = frozenset({"x"})

    def __call__(self, doc: Document) -> Document:
        return doc


def test_wrong_stage_order_is_refused_before_any_input() -> None:
    settings = Settings.from_env(environ={})
    with pytest.raises(PipelineOrderError, match="needs-lang"):
        Pipeline([NeedsLang(), get_stage_factory("clean")(settings)])


def test_default_pipeline_is_built_from_the_registry() -> None:
    pipeline = build_pipeline(Settings.from_env(environ={}))
    assert pipeline.names[:3] == ["clean", "language", "pubdate"]
    assert {"clean", "language", "pubdate"} <= set(stage_names())


def test_unknown_stage_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="known: "):
        get_stage_factory("nope")

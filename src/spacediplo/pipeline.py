"""A pipeline is an ordered list of stages over one :class:`~spacediplo.model.Document`.

Each stage declares what it ``requires`` and what it ``assigns`` (document field names),
so a wrong order is refused before any input is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar, Protocol, runtime_checkable

from .errors import PipelineOrderError
from .model import Document
from .registry import get_stage_factory
from .settings import Settings

__all__ = ["BASE_FIELDS", "Pipeline", "Stage", "build_pipeline"]

#: What every document has before any stage runs (set by the sources).
BASE_FIELDS = frozenset({"doc_id", "raw", "raw_format", "source", "url", "content_hash"})


@runtime_checkable
class Stage(Protocol):
    name: ClassVar[str]
    requires: ClassVar[frozenset[str]]
    assigns: ClassVar[frozenset[str]]

    def __call__(self, doc: Document) -> Document: ...


class Pipeline:
    """Runs stages in order; ``pipe`` streams many documents."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        available = set(BASE_FIELDS)
        for stage in stages:
            missing = stage.requires - available
            if missing:
                raise PipelineOrderError(
                    f"stage {stage.name!r} needs {sorted(missing)}, which no earlier stage assigns"
                )
            available |= stage.assigns
        self.stages = list(stages)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


def build_pipeline(settings: Settings, names: Sequence[str] | None = None) -> Pipeline:
    """The pipeline named by ``settings.stages`` (or ``names``), built from the registry."""
    return Pipeline([get_stage_factory(n)(settings) for n in (names or settings.stages)])

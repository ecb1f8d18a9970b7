"""What every source yields: a raw document, or a skipped input with its reason."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import RawDocument

__all__ = ["Skipped", "SourceItem"]


@dataclass(frozen=True)
class Skipped:
    """An input (or part of one) that could not be used; the run goes on without it."""

    locator: str
    reason: str

    def __str__(self) -> str:
        return f"{self.locator}: {self.reason}"


SourceItem = RawDocument | Skipped

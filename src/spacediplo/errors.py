"""Errors that name the input and the reason."""

from __future__ import annotations

__all__ = ["InputError", "PipelineOrderError", "SpacediploError", "StorageError"]


class SpacediploError(Exception):
    """Base of every error spacediplo raises on purpose."""


class InputError(SpacediploError):
    """An input (file, record, URL, feed item) that cannot be used, and why."""

    def __init__(self, locator: str, reason: str) -> None:
        super().__init__(f"{locator}: {reason}")
        self.locator = locator
        self.reason = reason


class PipelineOrderError(SpacediploError):
    """A pipeline whose stages need something no earlier stage provides."""


class StorageError(SpacediploError):
    """The store cannot be opened or written."""

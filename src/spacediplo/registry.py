"""One registry for pipeline stages and exporters, built-ins and plugins alike.

A stage factory takes the resolved :class:`~spacediplo.settings.Settings` and returns a
stage. Built-ins register themselves on import of :mod:`spacediplo.stages`; plugins can
call :func:`register_stage` or expose an entry point in the ``spacediplo.stages`` group.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from .pipeline import Stage
    from .settings import Settings

__all__ = ["StageFactory", "get_stage_factory", "register_stage", "stage_names"]

StageFactory = Callable[["Settings"], "Stage"]
F = TypeVar("F", bound=StageFactory)

_STAGES: dict[str, StageFactory] = {}
_plugins_loaded = False


def register_stage(name: str) -> Callable[[F], F]:
    """Decorator: register a stage factory under ``name``."""

    def wrap(factory: F) -> F:
        if name in _STAGES and _STAGES[name] is not factory:
            raise ValueError(f"stage {name!r} is registered twice")
        _STAGES[name] = factory
        return factory

    return wrap


def _load() -> None:
    global _plugins_loaded
    from . import stages  # noqa: F401  (registers the built-ins)

    if not _plugins_loaded:
        _plugins_loaded = True
        for ep in entry_points(group="spacediplo.stages"):
            _STAGES.setdefault(ep.name, ep.load())


def get_stage_factory(name: str) -> StageFactory:
    _load()
    try:
        return _STAGES[name]
    except KeyError:
        known = ", ".join(sorted(_STAGES))
        raise KeyError(f"unknown stage {name!r} (known: {known})") from None


def stage_names() -> list[str]:
    _load()
    return sorted(_STAGES)

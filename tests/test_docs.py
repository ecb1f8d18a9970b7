"""Docs that can drift are checked: every CLI command and setting is in the README."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from spacediplo.cli import app
from spacediplo.settings import ENV_PREFIX, Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _command_names() -> list[str]:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    names += [g.name or "" for g in app.registered_groups]
    return names


def test_every_cli_command_is_documented() -> None:
    for name in _command_names():
        assert f"spacediplo {name}" in README, name


def test_every_setting_is_documented() -> None:
    for f in fields(Settings):
        assert f"{ENV_PREFIX}{f.name.upper()}" in README, f.name


def test_readme_keeps_the_two_commands() -> None:
    assert "bash scripts/demo.sh" in README and "bash scripts/test.sh" in README

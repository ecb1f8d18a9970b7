"""Loading the knowledge base: curated YAML files, generated ones, and country entries
built from ISO/CLDR names (pycountry, babel) plus our own country lexicons."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml
from babel import Locale
from babel.core import UnknownLocaleError

from .entry import Entry

__all__ = ["COUNTRY_NAME_LANGUAGES", "DATA_DIR", "build_countries", "load_entries", "load_yaml"]

DATA_DIR = Path(__file__).parent / "data"
#: Languages whose CLDR country names are added as aliases.
COUNTRY_NAME_LANGUAGES = ("en", "fr", "ru", "es", "de", "it", "pt", "zh", "ar", "ja", "ko", "uk")
#: ISO 3166-1 entries that are no state and have no government to act: Antarctica and
#: uninhabited territories ("observed from Antarctica" names a place, not an actor).
NOT_STATES = frozenset({"ATA", "BVT", "HMD", "ATF", "SGS", "UMI", "IOT"})
#: Historic states that news about space still names (ISO 3166-3 codes).
HISTORIC = ("SUN", "YUG", "CSK", "DDR")
#: Files that are not lists of entries.
SPECIAL_FILES = ("first-names.yaml",)


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc})") from exc


def load_entries(data_dir: Path = DATA_DIR) -> list[Entry]:
    """Every entry of every list file below ``data_dir`` (countries excluded)."""
    entries: list[Entry] = []
    for path in sorted(data_dir.rglob("*.yaml")):
        if path.parent.name == "countries" or path.name in SPECIAL_FILES:
            continue
        data = load_yaml(path)
        if data is None:
            continue
        if not isinstance(data, list):
            raise ValueError(f"{path}: expected a list of entries")
        origin = str(path.relative_to(data_dir))
        for item in data:
            if not isinstance(item, dict):
                raise ValueError(f"{path}: an entry is a {type(item).__name__}, not a mapping")
            try:
                entries.append(Entry.from_dict(item, origin))
            except (TypeError, ValueError) as exc:
                raise ValueError(f"{path}: entry {item.get('id')!r}: {exc}") from exc
    return entries


def _lexicons(data_dir: Path) -> dict[str, dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for path in sorted((data_dir / "countries").glob("*.yaml")):
        data = load_yaml(path) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected a mapping keyed by ISO alpha-3 codes")
        for code, values in data.items():
            merged.setdefault(str(code).upper(), {}).update(values or {})
    return merged


@lru_cache(maxsize=32)
def _territories(lang: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(lang).territories)
    except (UnknownLocaleError, ValueError):
        return {}


def _cldr_names(alpha2: str | None) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    if not alpha2:
        return names
    for lang in COUNTRY_NAME_LANGUAGES:
        name = _territories(lang).get(alpha2)
        if name:
            names.setdefault(lang, []).append(name)
    return names


def build_countries(data_dir: Path = DATA_DIR) -> list[Entry]:
    """One ``country`` entry per ISO 3166-1 state and per historic state we track."""
    lexicons = _lexicons(data_dir)
    entries: list[Entry] = []
    records: list[tuple[str, str | None, str, list[str], bool]] = []
    for country in pycountry.countries:
        if country.alpha_3 in NOT_STATES:
            continue
        extra = [getattr(country, "official_name", ""), getattr(country, "common_name", "")]
        records.append((country.alpha_3, country.alpha_2, country.name, extra, False))
    for code in HISTORIC:
        former = pycountry.historic_countries.get(alpha_3=code)
        if former is not None:
            name = former.name.split(",")[0].strip()
            records.append((code, None, name, [former.name], True))
    for code, alpha2, name, extra, historic in records:
        lexicon = lexicons.get(code, {})
        aliases = _cldr_names(alpha2)
        aliases.setdefault("en", [])
        aliases["en"] += [n for n in extra if n and n != name]
        for lang, values in (lexicon.get("short_names") or {}).items():
            aliases.setdefault(str(lang), []).extend(str(v) for v in values or [])
        entry = Entry.from_dict(
            {
                "id": f"country-{code.lower()}",
                "type": "country",
                "name": _display_name(code, name),
                "code": lexicon.get("sovereign") or code,
                "alpha2": alpha2,
                "aliases": {k: _unique(v) for k, v in aliases.items()},
                "demonyms": lexicon.get("demonyms") or {},
                "prefixes": lexicon.get("prefixes") or {},
                "capitals": lexicon.get("capitals") or {},
                "ambiguous": lexicon.get("ambiguous") or [],
                "historic": historic,
            },
            origin="countries",
        )
        entries.append(entry)
    return entries


def _display_name(code: str, iso_name: str) -> str:
    # ISO names read like "Russian Federation" or "Korea, Republic of"; CLDR's English
    # names are what news writes.
    country = pycountry.countries.get(alpha_3=code)
    if country is not None and country.alpha_2 in _territories("en"):
        return _territories("en")[country.alpha_2]
    return {"SUN": "Soviet Union", "DDR": "East Germany"}.get(code, iso_name)


def _unique(values: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        value = value.strip()
        if value and value not in seen:
            seen[value] = None
    return list(seen)

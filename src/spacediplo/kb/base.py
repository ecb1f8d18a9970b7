"""The knowledge base: entries by id, search, statistics and validation."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry
from rapidfuzz import fuzz, process

from ..normalize import fold
from .entry import ENTRY_TYPES, IGO_CODES, Entry
from .loader import DATA_DIR, build_countries, load_entries, load_yaml

__all__ = ["KBStats", "KnowledgeBase", "fold_name", "load_kb"]

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_QID = re.compile(r"^Q\d+$")
#: Languages every agency and country must have aliases (or names) in.
REQUIRED_LANGUAGES = ("en", "fr", "ru")


def fold_name(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name (for search and checks)."""
    return " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())


@dataclass
class KBStats:
    by_type: Counter[str] = field(default_factory=Counter)
    languages_by_type: dict[str, Counter[str]] = field(default_factory=dict)
    aliases: int = 0


class KnowledgeBase:
    def __init__(self, entries: list[Entry], first_names: dict[str, list[str]] | None = None):
        self.entries: dict[str, Entry] = {}
        self.duplicates: list[str] = []
        for entry in entries:
            if entry.id in self.entries:
                self.duplicates.append(entry.id)
                continue
            self.entries[entry.id] = entry
        self.first_names = first_names or {}
        self._search_index: list[tuple[str, str]] | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def country(self, code: str) -> Entry | None:
        return self.entries.get(f"country-{code.lower()}")

    def of_type(self, entry_type: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.type == entry_type]

    # -- search --------------------------------------------------------------------------
    def search(self, name: str, limit: int = 10) -> list[tuple[Entry, float, str]]:
        """Entries whose names are closest to ``name``: (entry, score 0–100, matched name)."""
        if self._search_index is None:
            self._search_index = [
                (fold_name(n), e.id)
                for e in self.entries.values()
                for _, n in e.all_names()
                if fold_name(n)
            ]
        query = fold_name(name)
        if not query:
            return []
        choices = [n for n, _ in self._search_index]
        found = process.extract(query, choices, scorer=fuzz.WRatio, limit=limit * 5)
        best: dict[str, tuple[float, str]] = {}
        for matched, score, index in found:
            entry_id = self._search_index[index][1]
            exact_bonus = 1.0 if matched == query else 0.0
            if entry_id not in best or score + exact_bonus > best[entry_id][0]:
                best[entry_id] = (score + exact_bonus, matched)
        ranked = sorted(best.items(), key=lambda kv: -kv[1][0])[:limit]
        return [(self.entries[i], min(s, 100.0), m) for i, (s, m) in ranked]

    # -- statistics ----------------------------------------------------------------------
    def stats(self) -> KBStats:
        stats = KBStats()
        for entry in self.entries.values():
            stats.by_type[entry.type] += 1
            langs = stats.languages_by_type.setdefault(entry.type, Counter())
            for lang in set(entry.aliases) | ({"en"} if entry.name else set()):
                langs[lang] += 1
            stats.aliases += sum(len(v) for v in entry.aliases.values()) + len(entry.acronyms)
        return stats

    # -- validation ----------------------------------------------------------------------
    def validate(self) -> list[str]:
        """Problems of the data: schema, unknown codes and parents, duplicate aliases."""
        problems = [f"{i}: duplicate id" for i in self.duplicates]
        owners: dict[str, set[str]] = defaultdict(set)
        for entry in self.entries.values():
            problems += [f"{entry.id} ({entry.origin}): {p}" for p in _entry_problems(entry, self)]
            ambiguous = {fold_name(a) for a in entry.ambiguous}
            for _, name in entry.all_names():
                key = fold_name(name)
                if key and key not in ambiguous:
                    owners[key].add(entry.id)
        for key, ids in sorted(owners.items()):
            # The same name on entries of one person/country family (a state and its
            # historic predecessor) is expected; anything else must be marked ambiguous.
            if len(ids) > 1 and not _same_family(ids, self):
                problems.append(f"alias {key!r} is on several entries: {', '.join(sorted(ids))}")
        return problems


def _entry_problems(entry: Entry, kb: KnowledgeBase) -> list[str]:
    problems: list[str] = []
    if not _ID.match(entry.id):
        problems.append("id is not a slug")
    if entry.type not in ENTRY_TYPES:
        problems.append(f"unknown type {entry.type!r}")
    if not entry.name.strip():
        problems.append("empty name")
    if entry.code is not None and not _known_code(entry.code):
        problems.append(f"unknown actor code {entry.code!r}")
    if entry.code is None and entry.type in ("country", "agency", "person"):
        problems.append(f"a {entry.type} needs an actor code")
    for code in entry.partners:
        if not _known_code(code):
            problems.append(f"unknown partner code {code!r}")
    if entry.qid and not _QID.match(entry.qid):
        problems.append(f"malformed Wikidata id {entry.qid!r}")
    if entry.parent and entry.parent not in kb.entries:
        problems.append(f"unknown parent {entry.parent!r}")
    if entry.type in ("agency", "country"):
        have = set(entry.aliases) | {"en"}
        missing = [lang for lang in REQUIRED_LANGUAGES if lang not in have]
        if missing:
            problems.append(f"no aliases in {', '.join(missing)}")
    return problems


@lru_cache(maxsize=512)
def _known_code(code: str) -> bool:
    if code in IGO_CODES:
        return True
    return (
        pycountry.countries.get(alpha_3=code) is not None
        or pycountry.historic_countries.get(alpha_3=code) is not None
    )


def _same_family(ids: set[str], kb: KnowledgeBase) -> bool:
    entries = [kb.entries[i] for i in ids]
    # Countries sharing a capital or name with a historic state (Moscow: RUS and SUN).
    if all(e.type == "country" for e in entries) and any(e.historic for e in entries):
        return True
    # An entry and its parent, or siblings under one parent, may share a short form.
    parents = {e.parent for e in entries}
    return (len(parents) == 1 and None not in parents) or any(e.parent in ids for e in entries)


@lru_cache(maxsize=4)
def load_kb(data_dir: Path = DATA_DIR) -> KnowledgeBase:
    """The knowledge base of ``data_dir`` (cached: it is read-only once loaded)."""
    first_names_path = data_dir / "first-names.yaml"
    first_names = load_yaml(first_names_path) if first_names_path.exists() else {}
    return KnowledgeBase(
        build_countries(data_dir) + load_entries(data_dir),
        {str(k): [str(n) for n in v or []] for k, v in (first_names or {}).items()},
    )

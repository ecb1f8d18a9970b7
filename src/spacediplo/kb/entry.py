"""One knowledge-base entry (an actor or object), as read from the data files."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["ENTRY_TYPES", "IGO_CODES", "Entry"]

ENTRY_TYPES = ("country", "igo", "agency", "organization", "person", "mission", "site")
#: The closed list of intergovernmental actor codes of ``spec/events.md``.
IGO_CODES = frozenset(
    {"UN", "EU", "ESA", "EUMETSAT", "APSCO", "AU", "BRICS", "SCO", "ASEAN", "NATO", "CIS", "GEO"}
)


@dataclass
class Entry:
    id: str
    type: str
    name: str
    code: str | None
    aliases: dict[str, list[str]] = field(default_factory=dict)
    acronyms: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    qid: str | None = None
    parent: str | None = None
    native_name: str | None = None
    # missions
    partners: list[str] = field(default_factory=list)
    years: list[int | None] = field(default_factory=list)
    kind: str | None = None
    # sites
    coordinates: list[float] | None = None
    operator: str | None = None  # the state that runs a site abroad (Baikonur: RUS)
    # people
    roles: list[str] = field(default_factory=list)
    # countries
    alpha2: str | None = None
    demonyms: dict[str, list[str]] = field(default_factory=dict)
    prefixes: dict[str, list[str]] = field(default_factory=dict)
    capitals: dict[str, list[str]] = field(default_factory=dict)
    historic: bool = False
    source: str | None = None
    origin: str = ""  # the data file it came from

    @classmethod
    def from_dict(cls, data: dict[str, Any], origin: str = "") -> Entry:
        known = set(cls.__dataclass_fields__)
        values = {k: v for k, v in data.items() if k in known}
        values["aliases"] = _lang_map(data.get("aliases"))
        for key in ("demonyms", "prefixes", "capitals"):
            values[key] = _lang_map(data.get(key))
        for key in ("acronyms", "ambiguous", "partners", "roles"):
            values[key] = [str(v) for v in data.get(key) or []]
        if "years" in data:
            values["years"] = list(data.get("years") or [])
        values["origin"] = origin
        entry = cls(**values)
        return entry

    def all_names(self) -> list[tuple[str, str]]:
        """Every (language, name) of the entry: canonical, native, aliases, acronyms."""
        names = [("en", self.name)]
        if self.native_name:
            names.append(("native", self.native_name))
        names += [(lang, n) for lang, values in self.aliases.items() for n in values]
        names += [("acronym", a) for a in self.acronyms]
        return names

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "code": self.code,
        }
        for key in (
            "qid",
            "parent",
            "native_name",
            "kind",
            "alpha2",
            "coordinates",
            "operator",
            "source",
        ):
            value = getattr(self, key)
            if value:
                out[key] = value
        for key in ("acronyms", "ambiguous", "partners", "years", "roles"):
            value = getattr(self, key)
            if value:
                out[key] = value
        for key in ("aliases", "demonyms", "prefixes", "capitals"):
            value = getattr(self, key)
            if value:
                out[key] = value
        if self.historic:
            out["historic"] = True
        return out


def _lang_map(value: Any) -> dict[str, list[str]]:
    if not value:
        return {}
    if not isinstance(value, dict):
        raise ValueError(f"expected a mapping of language → names, got {type(value).__name__}")
    # YAML reads the key `no` (Norwegian) as False: keep it as a language code.
    return {
        ("no" if k is False else str(k)): [str(v) for v in (names or []) if str(v).strip()]
        for k, names in value.items()
    }

"""Actors: knowledge-base names, people found from cues, and later surname mentions,
turned into the document's mentions (with spans and actor codes) and distinct entities."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import ClassVar

from ..kb import KnowledgeBase, load_kb
from ..kb.matcher import Match, Matcher, get_matcher
from ..kb.people import FoundPerson, PersonFinder, slug
from ..kb.text import Token, key, sentence_index, sentence_spans, tokenize
from ..lexicons import load_lexicon
from ..model import Document, Entity, Mention
from ..registry import register_stage
from ..settings import Settings

__all__ = ["DISCOVERED_PREFIX", "ActorRecogniser", "ActorsStage"]

DISCOVERED_PREFIX = "discovered:"
_AFFILIATION_GAP = re.compile(
    r"^\s*(?:of(?: the)?|in|de(?: la| l['’])?|du|des|del|della|di|der|à|в|при|под|,)?\s*$",
    re.I,
)
_BODY_TYPES = frozenset({"organization", "agency", "igo"})
# Characters of the role phrase looked at before a name, or after it behind a comma.
_HEAD_WINDOW = 60


@dataclass
class _Person:
    entity_id: str
    name: str
    code: str | None
    surname_keys: tuple[str, ...]


class ActorRecogniser:
    """Text → mentions. Shared by the pipeline stage and the ``kb`` tools."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.matcher: Matcher = get_matcher(kb)
        self.people = PersonFinder(kb)
        self.unique_surnames = _unique_surnames(kb)
        # The same as people to look for, built once: rebuilding it for every document
        # cost more than the rest of the surname search.
        self._unique_people: dict[str, list[_Person]] = {
            surname_key: [_Person(entry.id, entry.name, entry.code, (surname_key,))]
            for surname_key, entry_id in self.unique_surnames.items()
            for entry in (kb.entries[entry_id],)
        }
        # Names of intergovernmental bodies as written in a person's KB roles.
        self.igo_names = [
            (re.compile(rf"(?<!\w){re.escape(n)}(?!\w)"), e.code)
            for e in kb.of_type("igo")
            if e.code
            for n in [e.name, *e.acronyms]
        ]

    def mentions(self, text: str, lang: str | None = None) -> list[Mention]:
        tokens = tokenize(text)
        if not tokens:
            return []
        sentence_of = sentence_index(tokens, sentence_spans(text))
        matches = self.matcher.match(text, tokens, lang, sentence_of)
        found = self.people.find(text, tokens, matches, sentence_of)
        mentions = [
            Mention(m.start, m.end, text[m.start : m.end], m.entry.id, m.entry.type, m.entry.code)
            for m in self._without_affiliations(text, matches)
        ]
        mentions += [self._discovered(text, tokens, p) for p in found]
        mentions += self._surnames(text, tokens, matches, found, mentions)
        mentions += _paired_countries(text, lang, mentions)
        mentions.sort(key=lambda m: m.start)
        return [self._acting_for_body(text, m, matches) for m in mentions]

    def _acting_for_body(self, text: str, mention: Mention, matches: list[Match]) -> Mention:
        """A person named with the title of the head of an intergovernmental body acts for
        that body (spec: the IGO is the actor, not the head's home state): the body named in
        the role phrase ("directeur général de l'ESA, X"), or, for a bare title ("Director
        General X"), the body whose head the knowledge base says this person is."""
        if mention.type != "person":
            return mention
        start = max(0, mention.start - _HEAD_WINDOW)
        sentence_start = max(text.rfind(". ", start, mention.start) + 1, start)
        phrases = [(sentence_start, mention.start)]
        if text[mention.end :].lstrip().startswith(","):
            stop = text.find(". ", mention.end, mention.end + _HEAD_WINDOW)
            phrases.append((mention.end, stop if stop >= 0 else mention.end + _HEAD_WINDOW))
        for lo, hi in phrases:
            if not _has_head_role(text[lo:hi]):
                continue
            named = [m for m in matches if lo <= m.start and m.end <= hi and m.entry.code]
            code: str | None = None
            if named:
                # The body nearest the name heads the title ("the ESA chief, X"; "X, head
                # of the DLR"); a state or agency there means the person acts for it.
                nearest = max(named, key=lambda m: m.start) if hi == mention.start else named[0]
                code = nearest.entry.code if nearest.entry.type == "igo" else None
            else:
                code = self._headed_body(mention.entity_id)
            if code:
                return replace(mention, code=code)
        return mention

    def _headed_body(self, entity_id: str) -> str | None:
        entry = self.kb.entries.get(entity_id)
        for role in entry.roles if entry is not None else []:
            if _has_head_role(role):
                for pattern, code in self.igo_names:
                    if pattern.search(role):
                        return code
        return None

    def _without_affiliations(self, text: str, matches: list[Match]) -> list[Match]:
        """Drop what is named as part of another actor's name: a parent body ("the Space
        Research Institute of the Russian Academy of Sciences", "ИКИ РАН") or a city
        ("Casa Rusa de Madrid", "Russian House in Belgrade") right after an organisation."""
        kept: list[Match] = []
        for m in matches:
            previous = kept[-1] if kept else None
            if (
                previous is not None
                and previous.entry.type in _BODY_TYPES
                and (previous.entry.parent == m.entry.id or m.kind == "capital")
                and _AFFILIATION_GAP.match(text[previous.end : m.start])
            ):
                continue
            kept.append(m)
        return kept

    def _discovered(self, text: str, tokens: list[Token], person: FoundPerson) -> Mention:
        return Mention(
            tokens[person.start].start,
            tokens[person.end - 1].end,
            person.name,
            f"{DISCOVERED_PREFIX}person:{slug(person.name)}",
            "person",
            person.country,
        )

    def _surnames(
        self,
        text: str,
        tokens: list[Token],
        matches: list[Match],
        found: list[FoundPerson],
        mentions: list[Mention],
    ) -> list[Mention]:
        """Later mentions of a person by surname alone ("Kowalski noted", "Van Hoey and …")."""
        people: list[_Person] = []
        for m in matches:
            if m.entry.type == "person":
                surname = _surname(m.alias) or _surname(m.entry.name)
                if surname:
                    people.append(_Person(m.entry.id, m.entry.name, m.entry.code, surname))
        for p in found:
            surname = _surname(p.name)
            if surname:
                people.append(
                    _Person(f"{DISCOVERED_PREFIX}person:{slug(p.name)}", p.name, p.country, surname)
                )
        taken = [False] * len(tokens)
        index = {t.start: i for i, t in enumerate(tokens)}
        for mention in mentions:
            first = index.get(mention.start)
            if first is None:
                continue
            i = first
            while i < len(tokens) and tokens[i].end <= mention.end:
                taken[i] = True
                i += 1
        by_first: dict[str, list[_Person]] = {}
        for person in people:
            by_first.setdefault(person.surname_keys[0], []).append(person)
        extra: list[Mention] = []
        for i, token in enumerate(tokens):
            # The people of this text first; else a well-known person named by surname
            # alone ("60-летию полёта Гагарина") when no other person of the knowledge
            # base has that surname.
            candidates = by_first.get(token.key) or self._unique_people.get(token.key)
            if not candidates or taken[i] or not token.text[:1].isupper():
                continue
            for person in candidates:
                n = len(person.surname_keys)
                if any(taken[i : i + n]):
                    continue
                if tuple(t.key for t in tokens[i : i + n]) == person.surname_keys:
                    start, end = tokens[i].start, tokens[i + n - 1].end
                    extra.append(
                        Mention(
                            start, end, text[start:end], person.entity_id, "person", person.code
                        )
                    )
                    for j in range(i, i + n):
                        taken[j] = True
                    break
        return extra

    def entities(self, mentions: list[Mention]) -> list[Entity]:
        """Distinct non-country entities, in order of first mention."""
        entities: dict[str, Entity] = {}
        for mention in mentions:
            if mention.type == "country":
                continue
            entity = entities.get(mention.entity_id)
            if entity is None:
                entry = self.kb.get(mention.entity_id)
                name = entry.name if entry is not None else mention.surface
                entity = entities[mention.entity_id] = Entity(
                    id=mention.entity_id,
                    name=name,
                    type=mention.type,
                    country=mention.code,
                    discovered=entry is None,
                )
            if mention.surface != entity.name and mention.surface not in entity.aliases:
                entity.aliases.append(mention.surface)
        # An umbrella organisation is not listed beside one of its own bodies named in the
        # same text ("UN headquarters" next to COPUOS and the General Assembly).
        parents = {
            entry.parent
            for entity_id in entities
            if (entry := self.kb.get(entity_id)) is not None and entry.parent
        }
        return [e for e in entities.values() if not (e.id in parents and e.type == "igo")]


@lru_cache(maxsize=1)
def _pairing() -> dict[str, tuple[dict[str, str], re.Pattern[str]]]:
    """Language → (state character → code, a run of two or more of them not followed by
    a character that makes it another word)."""
    data = load_lexicon("context")
    not_before = "".join(re.escape(str(c)) for c in data["paired_countries_not_before"])
    pairing: dict[str, tuple[dict[str, str], re.Pattern[str]]] = {}
    for lang, table in data["paired_countries"].items():
        codes = {str(c): str(code) for c, code in table.items()}
        run = "".join(re.escape(c) for c in codes)
        pairing[str(lang)] = (codes, re.compile(f"[{run}]{{2,}}(?![{not_before}])"))
    return pairing


def _paired_countries(text: str, lang: str | None, mentions: list[Mention]) -> list[Mention]:
    """ "中俄签署…", "日印、月極域探査で協力": each one-character state of a run of two or
    more is a mention of that state (where no longer name was found)."""
    codes, runs = _pairing().get(lang or "", ({}, None))
    if runs is None:
        return []
    found: list[Mention] = []
    for run in runs.finditer(text):
        if any(m.start < run.end() and run.start() < m.end for m in mentions):
            continue
        for k in range(run.start(), run.end()):
            code = codes[text[k]]
            found.append(Mention(k, k + 1, text[k], f"country-{code.lower()}", "country", code))
    return found


def _unique_surnames(kb: KnowledgeBase) -> dict[str, str]:
    """Surname key → person id, for one-word surnames of at least six letters that a
    single person of the knowledge base has (and that name nothing else there)."""
    owners: dict[str, set[str]] = {}
    for entry in kb.of_type("person"):
        for _, name in entry.all_names():
            surname = _surname(name)
            if surname and len(surname) == 1 and len(surname[0]) >= 6:
                owners.setdefault(surname[0], set()).add(entry.id)
    other_names = {
        key(n)
        for e in kb.entries.values()
        if e.type != "person"
        for _, n in e.all_names()
        if " " not in n.strip()
    }
    # A launch site named after a person goes by that surname alone ("lifted off from
    # Kennedy", "from Vandenberg"): such a surname is the site's, not the person's.
    other_names |= {
        key(n.split()[0]) for e in kb.of_type("site") for _, n in e.all_names() if " " in n.strip()
    }
    return {
        k: next(iter(ids)) for k, ids in owners.items() if len(ids) == 1 and k not in other_names
    }


@lru_cache(maxsize=8192)
def _surname(name: str) -> tuple[str, ...] | None:
    parts = name.split()
    if len(parts) < 2:
        return None
    surname = parts[1:]
    # Skip middle initials and patronymic-free forms: "Sergey P. Korolev" → "Korolev".
    while len(surname) > 1 and len(surname[0].rstrip(".")) == 1:
        surname = surname[1:]
    keys = tuple(key(t.text) for t in tokenize(" ".join(surname)))
    return keys or None


class ActorsStage:
    """Sets ``mentions`` and ``entities`` from the cleaned text."""

    name: ClassVar[str] = "actors"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "lang"})
    assigns: ClassVar[frozenset[str]] = frozenset({"mentions", "entities"})

    def __init__(self, recogniser: ActorRecogniser) -> None:
        self.recogniser = recogniser

    def __call__(self, doc: Document) -> Document:
        doc.mentions = self.recogniser.mentions(doc.text, doc.lang)
        doc.entities = self.recogniser.entities(doc.mentions)
        return doc


@register_stage("actors")
def make_actors(settings: Settings) -> ActorsStage:
    return ActorsStage(ActorRecogniser(load_kb()))


@lru_cache(maxsize=1)
def _head_roles() -> re.Pattern[str]:
    data = load_lexicon("people")
    words = sorted({w.casefold() for ws in data["body_head_roles"].values() for w in ws}, key=len)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in reversed(words)) + r")(?!\w)")


def _has_head_role(phrase: str) -> bool:
    return _head_roles().search(phrase.casefold()) is not None

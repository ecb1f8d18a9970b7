"""People who are not in the knowledge base, found from role cues and first names, and
later mentions of any person by surname.

A run of capitalised words (with name particles such as *Le*, *de*, *bin* and initials
such as *P.*) is a person when a role word stands right before it ("CNES President X",
"cosmonaute X", "глава Роскосмоса X") or right after it behind a comma ("X, Director
General of Y"), or when its first word is a known given name. Its country comes from the
actors named in that role phrase ("the French ambassador to Russia, X" → FRA) or from a
parenthesis right after it ("X (France)").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import load_lexicon
from .base import KnowledgeBase
from .matcher import Match
from .text import Token, has_cased_upper, key

__all__ = ["FoundPerson", "PersonFinder", "slug"]

_MAX_NAME_TOKENS = 5
_ROLE_WINDOW = 4
_AFTER_WINDOW = 8
_JOINERS = re.compile(r"^(?:\s|-|‐|‑|'|’|\.\s?)$")


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", "-", text).strip("-")


@dataclass
class FoundPerson:
    start: int  # token indices
    end: int
    name: str
    country: str | None


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = load_lexicon("people")
    roles = frozenset(key(w) for words in data["roles"].values() for w in words)
    particles = frozenset(data["particles"])
    part_of = frozenset(key(w) for words in data["name_part_of"].values() for w in words)
    not_names = frozenset(key(w) for words in data["not_names"].values() for w in words)
    return roles, particles, part_of, not_names


class PersonFinder:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        given: set[str] = set()
        for lang, names in kb.first_names.items():
            if lang in ("ambiguous", "zh_family"):
                continue
            given.update(key(n) for n in names)
        # Given names of the people in the knowledge base count too.
        for entry in kb.of_type("person"):
            for _, name in entry.all_names():
                parts = name.split()
                if len(parts) >= 2 and has_cased_upper(parts[0]):
                    given.add(key(parts[0].split("-")[0]))
        self.given_names = frozenset(given)
        self.roles, self.particles, self.part_of, self.not_names = _cues()

    def find(
        self, text: str, tokens: list[Token], matches: list[Match], sentence_of: list[int]
    ) -> list[FoundPerson]:
        taken = [False] * len(tokens)
        for m in matches:
            for i in range(m.token_start, m.token_end):
                taken[i] = True
        found: list[FoundPerson] = []
        i = 0
        while i < len(tokens):
            end = self._name_run(text, tokens, taken, sentence_of, i)
            if end - i >= 2 and self._is_person(text, tokens, i, end, sentence_of):
                name = text[tokens[i].start : tokens[end - 1].end]
                country = self._country(text, tokens, i, end, matches, sentence_of)
                found.append(FoundPerson(i, end, name, country))
                i = end
                continue
            i += 1
        return found

    def _is_word_name(self, token: Token) -> bool:
        word = token.text
        return (
            word[:1].isupper()
            and word[1:2].islower()
            and word.isalpha()
            and token.key not in self.not_names
        )

    def _name_run(
        self, text: str, tokens: list[Token], taken: list[bool], sentence_of: list[int], start: int
    ) -> int:
        """End (exclusive) of the run of name words starting at ``start``."""
        if taken[start] or not self._is_word_name(tokens[start]):
            return start
        end = start + 1
        while end < len(tokens) and end - start < _MAX_NAME_TOKENS:
            token = tokens[end]
            gap = text[tokens[end - 1].end : token.start]
            if taken[end] or sentence_of[end] != sentence_of[start] or not _JOINERS.match(gap):
                break
            if (
                self._is_word_name(token)
                or _is_initial(token, text)
                or (
                    token.text in self.particles
                    and end + 1 < len(tokens)
                    and self._is_word_name(tokens[end + 1])
                )
            ):
                end += 1
            else:
                break
        # A name does not end on an initial or a particle.
        while end > start + 1 and (
            _is_initial(tokens[end - 1], text) or tokens[end - 1].text in self.particles
        ):
            end -= 1
        return end

    def _is_person(
        self, text: str, tokens: list[Token], start: int, end: int, sentence_of: list[int]
    ) -> bool:
        before = [
            tokens[j].key
            for j in range(max(0, start - _ROLE_WINDOW), start)
            if sentence_of[j] == sentence_of[start]
        ]
        if before and before[-1] in self.part_of:
            return False  # "named after Academician X": part of an institution's name
        if any(w in self.part_of for w in before[-2:]):
            return False
        given = tokens[start].key in self.given_names
        role_before = any(w in self.roles for w in before)
        role_after = False
        after = tokens[end].start if end < len(tokens) else len(text)
        if text[tokens[end - 1].end : after].strip().startswith(","):
            window = [
                tokens[j].key
                for j in range(end, min(len(tokens), end + _AFTER_WINDOW))
                if sentence_of[j] == sentence_of[start]
            ]
            role_after = any(w in self.roles for w in window[:4])
        if given:
            return True
        # Without a known given name, a role cue is needed, and the words must look like
        # a name (no all-capital words, at most four of them).
        return (role_before or role_after) and end - start <= 4

    def _country(
        self,
        text: str,
        tokens: list[Token],
        start: int,
        end: int,
        matches: list[Match],
        sentence_of: list[int],
    ) -> str | None:
        sentence = sentence_of[start]
        # "(France)" right after the name.
        tail = text[tokens[end - 1].end : tokens[end - 1].end + 40]
        if tail.lstrip().startswith("("):
            for m in matches:
                if (
                    m.start > tokens[end - 1].end
                    and m.end <= tokens[end - 1].end + 40
                    and (m.entry.type == "country")
                ):
                    return m.entry.code
        # The role phrase before the name, nearest first ("CNES President X").
        window_start = tokens[max(0, start - 6)].start
        before = [
            m
            for m in matches
            if window_start <= m.start < tokens[start].start
            and sentence_of[m.token_start] == sentence
            and m.entry.code
        ]
        if before:
            first = min(before, key=lambda m: m.start)
            return first.entry.code
        # The role phrase after a comma ("X, Director General of Y").
        limit = tokens[min(len(tokens) - 1, end + 12)].end
        after = [
            m
            for m in matches
            if tokens[end - 1].end < m.start <= limit
            and sentence_of[m.token_start] == sentence
            and m.entry.code
        ]
        if after and text[tokens[end - 1].end :].lstrip().startswith(","):
            return min(after, key=lambda m: m.start).entry.code
        return None


def _is_initial(token: Token, text: str) -> bool:
    return len(token.text) == 1 and token.text.isupper() and text[token.end : token.end + 1] == "."

"""Canonical events: the reports of one real-world event, merged into one record.

Reports of the same event agree on its type, largely on its participants, and their
dates are compatible (one is a prefix of the other: ``2022`` ⊇ ``2022-07`` ⊇
``2022-07-14``). The merge is a deterministic function of the set of reports, so
rebuilding gives the same canonical events as adding documents one by one.

Rules (written down because they decide what the export says):

* **Order.** Reports are taken from the most precise date to the least, then by date,
  publication date, document and position. Each joins the best compatible canonical
  event already formed (of its own story first, then with the most similar participant
  set, then the largest), or founds one. The founder has the most precise date, so
  **the most precise date wins** and a coarse date never bridges two precise ones
  (``2022`` cannot join 14 July and 21 September into one event).
* **Compatible.** Same type; participants share at least two codes (or are equal) and
  overlap by at least half of the smaller set; dates prefix-compatible. Across stories
  (a later article recalling an old agreement) both dates must be given, and at least
  to the month unless they are equal, or the report is a plan dated by its year alone
  (``next year``) with exactly the participants of the event that happened that year.
  A report without a date only joins a canonical event of its own story, and not one
  dated in another year than the report's publication: undated, it speaks of its own
  time, and an undated aside does not belong to an event of years before. Two events of
  one document are only merged when their dates are equal and given to the day: a
  document listing two flights, or two agreements of one month, means two events.
* **Lasting events.** Joint work and gatherings last: two reports dated to days at most
  15 days apart are compatible (a joint flight told by its launch and by its docking).
* **Stage.** **The latest stage wins**, in the order of an event's life:
  planned < ongoing < done (a later report that the planned signing happened
  supersedes the announcement).
* **Participants:** the codes named by at least half of the reports (all of them when
  that leaves fewer than two). **Topics:** the union. **Story:** the story with the
  most reports (earliest on ties).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..dates import days_apart

__all__ = ["STAGE_ORDER", "CanonicalEvent", "EventReport", "canonicalize", "probe_years"]

STAGE_ORDER = {"planned": 0, "ongoing": 1, "done": 2}


@dataclass(frozen=True)
class EventReport:
    """One event as one document states it."""

    doc_id: str
    index: int
    type: str
    participants: frozenset[str]
    date: str | None
    stage: str
    topics: tuple[str, ...] = ()
    evidence: str = ""
    lang: str | None = None
    published: str | None = None
    story: str | None = None
    #: The stored row id of the reported event, when it comes from the store.
    event_id: int | None = None


@dataclass
class CanonicalEvent:
    key: str
    type: str
    participants: list[str]
    date: str | None
    stage: str
    topics: list[str]
    story: str | None
    first_seen: str | None
    last_seen: str | None
    sources: list[EventReport] = field(default_factory=list)


# Events that last: their reports may give different days of them (a joint flight told
# by its launch and by its docking, a session by its opening and its close).
_LASTING_TYPES = frozenset({"joint_project", "conference"})
_LASTING_DAYS = 15


def _compatible_dates(a: str, b: str, etype: str = "") -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if long_.startswith(short):
        return True
    apart = days_apart(a, b) if etype in _LASTING_TYPES else None
    return apart is not None and apart <= _LASTING_DAYS


def _participants_match(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    if a == b:
        return True
    return shared >= 2 and shared * 2 >= min(len(a), len(b))


def _order(r: EventReport) -> tuple[int, str, str, str, int]:
    return (-len(r.date or ""), r.date or "", r.published or "", r.doc_id, r.index)


class _Group:
    def __init__(self, founder: EventReport) -> None:
        self.founder = founder
        self.reports = [founder]
        self.codes: Counter[str] = Counter(founder.participants)
        self.docs = {founder.doc_id}
        self.stories = {founder.story}

    def accepts(self, r: EventReport) -> bool:
        f = self.founder
        if r.type != f.type or not _participants_match(r.participants, f.participants):
            return False
        # One text states one event once, except for a repeat (headline and body), which
        # names the same day; two events of one month or year in one text are two events.
        if r.doc_id in self.docs and not (r.date and r.date == f.date and len(r.date) >= 10):
            return False
        if r.date is None:
            # An undated report speaks of its own time: it does not join an event dated in
            # another year than its publication (background recalled in passing).
            if f.date is not None and r.published and f.date[:4] != r.published[:4]:
                return False
            return r.story is not None and r.story in self.stories
        if f.date is None or not _compatible_dates(r.date, f.date, r.type):
            return False
        if r.story is not None and r.story in self.stories:
            return True
        if r.date == f.date or min(len(r.date), len(f.date)) >= 7:
            return True
        # A plan dated only by its year ("next year") is the event that later happened in
        # that year, when the same parties carry it out.
        return r.stage == "planned" and r.participants == f.participants

    def affinity(self, r: EventReport) -> tuple[int, float, int]:
        same_story = int(r.story is not None and r.story in self.stories)
        # The most similar participant set, not the largest overlap: a two-party report
        # belongs with the two-party event rather than with a wider one that includes both.
        fp = self.founder.participants
        similarity = len(r.participants & fp) / len(r.participants | fp)
        return (same_story, similarity, len(self.reports))

    def add(self, r: EventReport) -> None:
        self.reports.append(r)
        self.codes.update(r.participants)
        self.docs.add(r.doc_id)
        self.stories.add(r.story)

    def build(self) -> CanonicalEvent:
        f = self.founder
        half = len(self.reports) / 2
        codes = sorted(c for c, n in self.codes.items() if n >= half)
        if len(codes) < 2:
            codes = sorted(self.codes)
        stories = Counter(r.story for r in self.reports if r.story is not None)
        story = None
        if stories:
            first = {r.story: _order(r) for r in reversed(self.reports)}
            story = min(stories, key=lambda s: (-stories[s], first[s]))
        seen = sorted(r.published for r in self.reports if r.published)
        ident = f"{f.type}|{f.doc_id}|{f.index}"
        return CanonicalEvent(
            key="ce-" + hashlib.sha1(ident.encode("utf-8")).hexdigest()[:16],
            type=f.type,
            participants=codes,
            date=f.date,
            stage=max((r.stage for r in self.reports), key=lambda s: STAGE_ORDER.get(s, -1)),
            topics=sorted({t for r in self.reports for t in r.topics}),
            story=story,
            first_seen=seen[0] if seen else None,
            last_seen=seen[-1] if seen else None,
            sources=sorted(self.reports, key=lambda r: (r.published or "", r.doc_id, r.index)),
        )


def probe_years(events: Iterable[tuple[str, str | None]]) -> set[tuple[str, str]]:
    """(type, year) of the canonical events of other stories that new reports — (type,
    date) pairs — may join, so that merging them with those alone gives what
    :func:`canonicalize` gives over everything: a dated report's year, and the next or
    previous one for a lasting event dated near the turn of the year. (An undated report
    joins only events of its own story, which are re-merged anyway.)"""
    probes: set[tuple[str, str]] = set()
    for etype, when in events:
        if not when:
            continue
        probes.add((etype, when[:4]))
        if etype in _LASTING_TYPES and len(when) == 10:
            try:
                day = date.fromisoformat(when)
            except ValueError:
                continue
            for shift in (-_LASTING_DAYS, _LASTING_DAYS):
                probes.add((etype, f"{(day + timedelta(days=shift)).year:04d}"))
    return probes


def canonicalize(reports: Iterable[EventReport]) -> list[CanonicalEvent]:
    """Merge reports into canonical events (see the module's rules)."""
    groups: list[_Group] = []
    by_type: dict[str, list[_Group]] = {}
    for r in sorted(reports, key=_order):
        candidates = [g for g in by_type.get(r.type, ()) if g.accepts(r)]
        if candidates:
            max(candidates, key=lambda g: g.affinity(r)).add(r)
        else:
            g = _Group(r)
            groups.append(g)
            by_type.setdefault(r.type, []).append(g)
    return [g.build() for g in groups]

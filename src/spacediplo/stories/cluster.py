"""Incremental story clustering: each new report joins the stories it matches, or starts one.

A report matches another when both fall within ``window_days`` of each other and either
their wording is a near-duplicate (MinHash Jaccard, same language) or their
language-independent signatures overlap enough (see :mod:`.signatures`), or, where
vectors are supplied, their embeddings are close. A story is a connected group of
matching reports (single link), so the grouping depends only on the set of reports, not
on the order they arrive in: adding reports one by one, late ones included, gives the
same stories as ``spacediplo stories rebuild``.

Cost per report is bounded by the window, not by the corpus: candidates come from
inverted indexes and MinHash LSH partitioned into time buckets of ``window_days``, and
only the buckets around the report's date are read.
"""

from __future__ import annotations

import functools
import hashlib
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from datasketch import MinHashLSH

from .signatures import DocumentSignature

__all__ = ["ClusterParams", "StoryClusterer", "StoryState", "StoryUpdate"]

#: Loads stored reports of a bucket range (inclusive; ``None`` = undated reports) with
#: their stored story keys, so an ingest run continues the stories of earlier runs.
Loader = Callable[[date | None, date | None], Iterable[tuple[DocumentSignature, str | None]]]

_UNDATED = -1


@dataclass(frozen=True)
class ClusterParams:
    window_days: int = 10
    #: Minimum weighted Dice overlap of two signatures (dated reports).
    min_overlap: float = 0.3
    #: The same when either report has no date: with no window to narrow the candidates
    #: the bar is higher.
    min_overlap_undated: float = 0.4
    #: Minimum total weight of shared features (a few shared countries are not enough).
    min_shared: float = 6.0
    #: MinHash Jaccard above which two same-language texts are copies of one report.
    duplicate_jaccard: float = 0.5
    #: Cosine above which two embeddings count as the same story (with some shared
    #: features), when vectors are supplied.
    min_cosine: float = 0.8
    #: Candidates scored exactly per report, the most overlapping first.
    max_candidates: int = 200


@dataclass(frozen=True)
class StoryState:
    key: str
    doc_ids: tuple[str, ...]
    title: str | None
    languages: tuple[str, ...]
    first_date: str | None
    last_date: str | None


@dataclass
class StoryUpdate:
    """What one addition changed: the stories to write and the story keys that vanished
    (merged into another one)."""

    stories: list[StoryState] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def story_key(doc_id: str) -> str:
    return "s-" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:16]


@functools.cache
def _lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """The (bands, rows) MinHashLSH picks for ``threshold``: it finds them by numerical
    integration, which costs more than a whole story placement if redone per bucket."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def overlap(a: DocumentSignature, b: DocumentSignature) -> tuple[float, float]:
    """(shared weight, weighted Dice) of two signatures."""
    small, large = (a, b) if len(a.features) <= len(b.features) else (b, a)
    shared = sum(
        min(w, large.features[k]) for k, w in small.features.items() if k in large.features
    )
    total = a.weight + b.weight
    return shared, (2 * shared / total if total else 0.0)


def _cosine(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=False))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


class StoryClusterer:
    """Stories over a stream of report signatures (in memory; see :class:`Loader`)."""

    def __init__(self, params: ClusterParams | None = None, loader: Loader | None = None) -> None:
        self.params = params or ClusterParams()
        self.loader = loader
        self.signatures: dict[str, DocumentSignature] = {}
        self._parent: dict[str, str] = {}
        self._members: dict[str, set[str]] = {}
        self._key: dict[str, str] = {}
        self._postings: dict[tuple[int, str], list[str]] = defaultdict(list)
        self._lsh: dict[int, MinHashLSH] = {}
        self._loaded: set[int] = set()

    # -- union-find --------------------------------------------------------------------
    def _find(self, doc_id: str) -> str:
        root = doc_id
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[doc_id] != root:
            self._parent[doc_id], doc_id = root, self._parent[doc_id]
        return root

    def _union(self, a: str, b: str) -> str:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return ra
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra] |= self._members.pop(rb)
        return ra

    # -- indexes -----------------------------------------------------------------------
    def _bucket(self, sig: DocumentSignature) -> int:
        if sig.anchor is None:
            return _UNDATED
        return sig.anchor.toordinal() // max(1, self.params.window_days)

    def _neighbour_buckets(self, sig: DocumentSignature) -> list[int]:
        """Buckets that can hold a report within the window of ``sig`` (undated reports
        are compared with every bucket already in memory and with the undated one)."""
        if sig.anchor is None:
            return sorted(self._loaded | {_UNDATED})
        b = self._bucket(sig)
        return [b - 1, b, b + 1, _UNDATED]

    def _ensure_loaded(self, buckets: Iterable[int]) -> None:
        if self.loader is None:
            self._loaded.update(buckets)
            return
        size = max(1, self.params.window_days)
        for b in buckets:
            if b in self._loaded:
                continue
            self._loaded.add(b)
            if b == _UNDATED:
                rows = self.loader(None, None)
            else:
                first = date.fromordinal(b * size)
                rows = self.loader(first, date.fromordinal(b * size + size - 1))
            by_key: dict[str, str] = {}
            for sig, key in rows:
                if sig.doc_id in self.signatures:
                    continue
                self._index(sig)
                if key is not None:
                    # Reports stored in one story stay together, under the stored key.
                    if key in by_key:
                        root = self._union(by_key[key], sig.doc_id)
                    else:
                        root = self._find(sig.doc_id)
                    by_key[key] = root
                    self._key[self._find(root)] = key

    def _index(self, sig: DocumentSignature) -> None:
        self.signatures[sig.doc_id] = sig
        self._parent[sig.doc_id] = sig.doc_id
        self._members[sig.doc_id] = {sig.doc_id}
        self._key[sig.doc_id] = story_key(sig.doc_id)
        b = self._bucket(sig)
        self._loaded.add(b)
        for feature in sig.features:
            self._postings[(b, feature)].append(sig.doc_id)
        if sig.minhash is not None:
            lsh = self._lsh.get(b)
            if lsh is None:
                num_perm = len(sig.minhash.hashvalues)
                lsh = self._lsh[b] = MinHashLSH(
                    num_perm=num_perm, params=_lsh_bands(self.params.duplicate_jaccard, num_perm)
                )
            lsh.insert(sig.doc_id, sig.minhash)

    def _unindex(self, sig: DocumentSignature) -> None:
        b = self._bucket(sig)
        for feature in sig.features:
            posting = self._postings.get((b, feature))
            if posting and sig.doc_id in posting:
                posting.remove(sig.doc_id)
        if sig.minhash is not None and b in self._lsh and sig.doc_id in self._lsh[b].keys:
            self._lsh[b].remove(sig.doc_id)
        del self.signatures[sig.doc_id]

    # -- matching ----------------------------------------------------------------------
    def matches(self, a: DocumentSignature, b: DocumentSignature) -> bool:
        """Whether two reports tell the same story (symmetric, order-free)."""
        p = self.params
        if (
            a.anchor is not None
            and b.anchor is not None
            and abs((a.anchor - b.anchor).days) > p.window_days
        ):
            return False
        if (
            a.lang
            and a.lang == b.lang
            and a.minhash is not None
            and b.minhash is not None
            and a.minhash.jaccard(b.minhash) >= p.duplicate_jaccard
        ):
            return True
        shared, dice = overlap(a, b)
        if shared < p.min_shared / 2:
            return False
        if (
            a.vector is not None
            and b.vector is not None
            and _cosine(a.vector, b.vector) >= p.min_cosine
        ):
            return True
        bar = p.min_overlap if a.anchor and b.anchor else p.min_overlap_undated
        return shared >= p.min_shared and dice >= bar

    def _candidates(self, sig: DocumentSignature) -> list[str]:
        buckets = self._neighbour_buckets(sig)
        self._ensure_loaded(buckets)
        score: dict[str, float] = defaultdict(float)
        for b in buckets:
            for feature, weight in sig.features.items():
                for other in self._postings.get((b, feature), ()):
                    score[other] += weight
        ranked = sorted((d for d in score if d != sig.doc_id), key=lambda d: (-score[d], d))[
            : self.params.max_candidates
        ]
        if sig.minhash is not None:
            for b in buckets:
                lsh = self._lsh.get(b)
                if lsh is not None:
                    ranked.extend(d for d in lsh.query(sig.minhash) if d != sig.doc_id)
        return sorted(set(ranked))

    # -- public ------------------------------------------------------------------------
    def add(self, sig: DocumentSignature) -> StoryUpdate:
        """Add (or replace) one report; returns the stories it changed."""
        update = StoryUpdate()
        # Load the window first: the store may already hold this report (saved just
        # before) or an older version of it, which is then replaced.
        self._ensure_loaded(self._neighbour_buckets(sig))
        if sig.doc_id in self.signatures:
            update = self.remove(sig.doc_id)
        candidates = [c for c in self._candidates(sig) if c in self.signatures]
        self._index(sig)
        roots = {self._find(c) for c in candidates if self.matches(sig, self.signatures[c])}
        keys = sorted({self._key[r] for r in roots}, key=self._key_order(roots))
        root = sig.doc_id
        for r in roots:
            root = self._union(root, r)
        if keys:
            self._key[root] = keys[0]
            update.removed.extend(k for k in keys[1:] if k not in update.removed)
        else:
            self._key[root] = story_key(sig.doc_id)
        update.removed = [k for k in update.removed if k != self._key[root]]
        update.stories = [s for s in update.stories if s.key not in keys]
        update.stories.append(self.state(root))
        return update

    def _key_order(self, roots: set[str]) -> Callable[[str], tuple[str, str]]:
        first = {self._key[r]: min(self._dates(r), default="9999") for r in roots}
        return lambda k: (first[k], k)

    def _dates(self, root: str) -> list[str]:
        return [
            a.isoformat()
            for a in (self.signatures[d].anchor for d in self._members[root])
            if a is not None
        ]

    def remove(self, doc_id: str) -> StoryUpdate:
        """Take a report out (a new version replaces it); its story may split."""
        update = StoryUpdate()
        if doc_id not in self.signatures:
            return update
        root = self._find(doc_id)
        key = self._key[root]
        members = self._members.pop(root) - {doc_id}
        self._unindex(self.signatures[doc_id])
        del self._parent[doc_id]
        for m in members:
            self._parent[m] = m
            self._members[m] = {m}
        for m in sorted(members):
            for other in sorted(members):
                if other < m and self.matches(self.signatures[m], self.signatures[other]):
                    self._union(m, other)
        roots = sorted({self._find(m) for m in members}, key=lambda r: min(self._members[r]))
        # The part holding the oldest report keeps the key, the others get new ones.
        roots.sort(key=lambda r: (min(self._dates(r), default="9999"), min(self._members[r])))
        for i, r in enumerate(roots):
            self._key[r] = key if i == 0 else story_key(min(self._members[r]))
            update.stories.append(self.state(r))
        if not roots:
            update.removed.append(key)
        return update

    def story_of(self, doc_id: str) -> str:
        return self._key[self._find(doc_id)]

    def state(self, root: str) -> StoryState:
        root = self._find(root)
        members = sorted(
            (self.signatures[d] for d in self._members[root]),
            key=lambda s: (s.anchor or date.max, s.doc_id),
        )
        english = [s for s in members if s.lang == "en" and s.title]
        titled = english or [s for s in members if s.title]
        dates = [s.anchor.isoformat() for s in members if s.anchor is not None]
        return StoryState(
            key=self._key[root],
            doc_ids=tuple(sorted(s.doc_id for s in members)),
            # The earliest English headline: the first report usually names the event
            # most plainly; later ones add angles.
            title=titled[0].title if titled else None,
            languages=tuple(sorted({s.lang for s in members if s.lang})),
            first_date=min(dates) if dates else None,
            last_date=max(dates) if dates else None,
        )

    def stories(self) -> list[StoryState]:
        roots = {self._find(d) for d in self.signatures}
        return sorted((self.state(r) for r in roots), key=lambda s: (s.first_date or "", s.key))

    def partition(self) -> set[frozenset[str]]:
        """The stories as sets of doc ids (what "same result" compares)."""
        return {frozenset(s.doc_ids) for s in self.stories()}

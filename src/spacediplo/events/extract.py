"""Event extraction: cue words + recognised actors per sentence → typed events with
participants, date, stage, topics and evidence.

Per sentence, the cue groups found (``lexicons/events.yaml``) decide the event types by
the rules of :func:`event_types`; the actor codes of the sentence's mentions are the
participants (people and organisations count as their state, a programme brings its
partners, a site counts only for launches). When a sentence names fewer than two actors:

- "…signed *with* the CNSA": the document's main actor is the other side;
- "*the two sides* agreed…", or the actors in the next or previous sentence of the same
  paragraph with no event of their own: those actors, and both sentences are evidence;
- an act in a multilateral body with no state named: the document's main actor; a
  resolution with no body named: the document's main body.

Dates: the temporal expression nearest the cue (``temporal.py``), an anniversary's
programme year from the knowledge base, else the publication year (when the page has a
date). Stage: cue words of plans and of things under way, and dates after publication.
Repeats of one event in a document (headline and body, adjacent sentences) merge.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise

from ..dates import days_apart
from ..kb import KnowledgeBase, fold_name
from ..kb.entry import IGO_CODES, Entry
from ..kb.text import Token, has_cjk, key, sentence_index, sentence_spans, tokenize
from ..lexicons import load_lexicon
from ..model import Document, Event, Mention
from ..temporal import TimeExpression, find_time_expressions
from .cues import CueHit, CueIndex, get_cue_index, lemma_key, present_verb

__all__ = ["EventExtractor", "event_types"]

_TYPE_GROUPS = frozenset(
    {
        "instrument",
        "act",
        "agree",
        "meet",
        "gathering",
        "joint_strong",
        "launch",
        "crew",
        "fly",
        "trade_strong",
        "multilateral",
        "multilateral_strong",
        "dispute",
        "refusal",
        "end",
        "anniversary",
    }
)
# A stage cue counts when it stands at most this many tokens before (or after) a type cue.
_STAGE_BEFORE, _STAGE_AFTER = 4, 7
# The cue groups that state each event type: a stage cue counts for an event when it
# stands near one of them ("signed an agreement under which France will contribute": the
# plan belongs to the contribution, not to the signing).
_TYPE_ANCHORS = {
    "agreement": frozenset({"instrument", "act", "agree"}),
    "meeting": frozenset({"meet"}),
    "conference": frozenset({"gathering"}),
    "joint_project": frozenset({"joint_strong", "anniversary", "training"}),
    "launch": frozenset({"launch"}),
    "crew_flight": frozenset({"crew", "fly", "launch", "anniversary"}),
    "trade": frozenset({"trade", "trade_strong"}),
    "multilateral": frozenset({"multilateral", "multilateral_strong"}),
    "dispute": frozenset({"dispute", "end", "refusal"}),
}
# A launch or crewed flight retold this many sentences later with more sides is the same.
_LAUNCH_RETOLD = 3
# An agreement, meeting or gathering retold this many sentences later by some of its
# sides is the same.
_SIDE_RETOLD = 2
# The sentences after a launch that may tell of its payloads.
_PAYLOAD_REACH = 4
# Cue words of joint work and of a launch at least this many tokens apart state two acts.
_SEPARATE_ACTS = 8
# The kinds of knowledge-base missions that carry people.
_CRAFT_KINDS = frozenset({"crewed-spacecraft", "station"})
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_MAX_PARTICIPANTS = 8
# A demonym at most this many characters from a rocket's name is the rocket's.
_ROCKET_GAP = 2
# The bodies in which states act (propose, join, vote); ESA, EUMETSAT and the EU also act
# as partners of their own ("ESA proposed to NASA…").
_FORUM_BODIES = frozenset({"UN", "APSCO", "AU", "BRICS", "SCO", "ASEAN", "NATO", "CIS", "GEO"})


@dataclass
class _Candidate:
    event: Event
    sentence: int
    in_title: bool
    cue_lemmas: frozenset[str]
    precision: int = 0
    missions: frozenset[str] = frozenset()
    another: bool = False  # the sentence says the act is another one ("a second document")
    #: the kinds of the missions named, and the kinds a common noun of the sentence
    #: points back to ("the station", "the satellite")
    mission_kinds: frozenset[str] = frozenset()
    refers: frozenset[str] = frozenset()


@dataclass
class _Sentence:
    index: int
    start: int
    end: int
    token_start: int
    token_end: int
    paragraph: int
    mentions: list[Mention] = field(default_factory=list)
    hits: list[CueHit] = field(default_factory=list)
    between: list[Mention] = field(default_factory=list)  # the sides of "between X and Y"
    instruments: frozenset[str] = frozenset()  # lemmas of the instrument words

    @property
    def groups(self) -> set[str]:
        return {h.group for h in self.hits}


def event_types(
    groups: set[str],
    has_mission: bool,
    has_crewed_mission: bool,
    has_international_mission: bool = False,
) -> list[str]:
    """Event types stated by a sentence with these cue groups (suppressions applied)."""
    types: list[str] = []
    if "anniversary" in groups and has_international_mission and not has_crewed_mission:
        types.append("joint_project")
    if ("instrument" in groups and ("act" in groups or "agree" in groups)) or (
        "agree" in groups and "vague" not in groups
    ):
        types.append("agreement")
    if "meet" in groups:
        types.append("meeting")
    if "gathering" in groups:
        types.append("conference")
    if (
        ("joint_strong" in groups or ("two_sides" in groups and "joint" in groups))
        # ("the two agencies are studying a thermal-infrared satellite": the two sides
        # doing the work together)
        and ("project_object" in groups or has_mission)
        and not ("vague" in groups and "planned" in groups)
        and "joint_project" not in types
    ):
        types.append("joint_project")
    if (
        "launch" in groups
        and ("launch_object" in groups or has_mission)
        and "own" not in groups
        and "counterfactual" not in groups  # "the rover was to have lifted off in September"
    ):
        # (not "China and the US are to launch their own missions to Mars")
        types.append("launch")
    if ("crew" in groups and "fly" in groups) or (
        has_crewed_mission and ("fly" in groups or "anniversary" in groups)
    ):
        types.append("crew_flight")
    if "crew_flight" in types and "training" in groups and "fly_act" not in groups:
        # training crews for a flight is the joint work; the flight is still to come
        types = [t for t in types if t != "crew_flight"]
        if "joint_project" not in types:
            types.append("joint_project")
    if "trade_strong" in groups or "service_contract" in groups:
        types.append("trade")
    multilateral_act = "multilateral" in groups and "multilateral_strong" in groups
    if multilateral_act or ("multilateral_strong" in groups and "gathering" not in groups):
        types.append("multilateral")
    if "dispute" in groups or "refusal" in groups or ("end" in groups and "joint_strong" in groups):
        types.append("dispute")
    return _suppress(types, groups)


def _suppress(types: list[str], groups: set[str]) -> list[str]:
    """One act is one event: keep the most specific reading of a sentence."""
    drop: set[str] = set()
    present = set(types)
    if "crew_flight" in present:
        drop |= {"launch", "joint_project", "meeting"}
    if present & {"conference", "meeting", "trade", "launch"}:
        drop.add("joint_project")
    if "agreement" in present:
        drop |= {"joint_project"}
        if "fly_act" not in groups:
            # "signed an agreement on integrated crew flights": the flights are its object
            drop.add("crew_flight")
    if "dispute" in present:
        drop |= {"agreement", "joint_project", "launch", "trade", "meeting"}
    if "multilateral" in present and "conference" in present:
        # "submitted a resolution at the session" is the act; "an exhibition in support of
        # the resolution" is the gathering.
        drop.add("conference" if "multilateral_act" in groups else "multilateral")
    if "conference" in present:
        drop.add("meeting")
    if "act" in groups and "agree" not in groups:
        # "The signing took place during the prime minister's state visit", "signed
        # during the president's visit": the visit is the signing's occasion
        drop.add("meeting")
    if "agreement" in present:
        drop.add("conference")  # signed during a videoconference: one act
    if (
        "trade" in present
        and "agreement" in present
        and ("act" not in groups or "service_contract" in groups)
    ):
        drop.add("agreement")  # a launch contract signed is a purchase
    return [t for t in types if t not in drop]


class EventExtractor:
    def __init__(self, kb: KnowledgeBase, cues: CueIndex | None = None) -> None:
        self.kb = kb
        self.cues = cues or get_cue_index()
        self._space_bodies: dict[str, bool] = {}

    # -- document level ----------------------------------------------------------------
    def extract(self, doc: Document) -> list[Event]:
        text = doc.text
        tokens = tokenize(text)
        if not tokens or not self._about_space(text, tokens, doc.mentions, doc.lang):
            return []
        spans = sentence_spans(text, doc.lang)
        sentence_of = sentence_index(tokens, spans)
        sentences = self._sentences(text, tokens, spans, sentence_of, doc)
        reference, from_page = self._reference(doc, text)
        main_code, main_body = self._main_actors(doc.mentions)
        title_sentences = self._title_sentences(doc, sentences)
        candidates: list[_Candidate] = []
        for sentence in sentences:
            produced = self._sentence_events(
                doc,
                text,
                tokens,
                sentences,
                sentence,
                reference,
                from_page,
                main_code,
                main_body,
                sentence.index in title_sentences,
            )
            candidates.extend(produced)
        return self._merge(candidates)

    def _sentences(
        self,
        text: str,
        tokens: list[Token],
        spans: list[tuple[int, int]],
        sentence_of: list[int],
        doc: Document,
    ) -> list[_Sentence]:
        sentences: list[_Sentence] = []
        first_token = [len(tokens)] * len(spans)
        last_token = [0] * len(spans)
        for i, s in enumerate(sentence_of):
            first_token[s] = min(first_token[s], i)
            last_token[s] = max(last_token[s], i + 1)
        paragraph = 0
        previous_end = 0
        for i, (start, end) in enumerate(spans):
            if "\n" in text[previous_end:start]:
                paragraph += 1
            previous_end = end
            sentences.append(
                _Sentence(
                    i, start, end, first_token[i], max(first_token[i], last_token[i]), paragraph
                )
            )
        token_at = {t.start: i for i, t in enumerate(tokens)}
        honorifics, between, war = _context_cues()
        mention_starts = {m.start for m in doc.mentions}
        clock = _time_zone_words()
        compass = _not_demonym_after()
        starts = [sentence.start for sentence in sentences]
        for mention in doc.mentions:
            index = bisect_right(starts, mention.start) - 1
            if index < 0 or mention.start >= sentences[index].end:
                continue
            sentence = sentences[index]
            first = token_at.get(mention.start, sentence.token_start)
            before = [tokens[i].key for i in range(max(sentence.token_start, first - 4), first)]
            # "Hero of the Soviet Union X": a title, not an actor; "after the invasion of
            # Ukraine": the war's victim, not a side of the act.
            if (
                not any(k in honorifics for k in before)
                and not any(k in war for k in before[-3:])
                and not (
                    self._is_capital(mention)
                    and (
                        _dateline(text, mention)
                        or _inside_longer_name(text, tokens, token_at, mention, mention_starts)
                    )
                )
                # "the South Pole": no Pole
                and not (mention.type == "country" and before[-1:] and before[-1] in compass)
                # "8:31 Spanish time", "heure de Pékin": a time zone
                and not (
                    mention.type == "country"
                    and (
                        any(k in clock for k in before[-2:])
                        or _next_key(tokens, token_at, mention.end, text) in clock
                    )
                )
            ):
                sentence.mentions.append(mention)
        locatives = _site_location_words()
        for sentence in sentences:
            sentence.mentions = _without_site_countries(sentence.mentions, text, locatives)
            if sentence.token_end > sentence.token_start:
                hits = self.cues.hits(tokens, sentence.token_start, sentence.token_end, doc.lang)
                hits = _outside_names(hits, tokens, sentence.mentions)
                hits = _outside_unknown_names(hits, tokens, text, sentence, doc.lang)
                hits = _without_fellow_travellers(hits, sentence.mentions, token_at)
                sentence.hits = _with_refusals(_without_compounds(hits, tokens), tokens)
                sentence.instruments = frozenset(
                    lemma_key(tokens[h.token_start].text, doc.lang or "")
                    for h in sentence.hits
                    if h.group == "instrument"
                )
                sentence.between = _between_sides(sentence, tokens, token_at, between, text)
        return sentences

    def _reference(self, doc: Document, text: str) -> tuple[date | None, bool]:
        """The publication date, or the end of the year the text speaks of most."""
        if doc.published:
            try:
                return date.fromisoformat(doc.published), True
            except ValueError:
                pass
        years = Counter(int(y) for y in _YEAR.findall(text))
        if years:
            latest_common = max(years.most_common(), key=lambda kv: (kv[1], kv[0]))[0]
            return date(latest_common, 12, 31), False
        return None, False

    def _main_actors(self, mentions: list[Mention]) -> tuple[str | None, str | None]:
        # A capital is often only the venue ("Vienna hosts the session"): not counted.
        states = Counter(
            m.code
            for m in mentions
            if m.code and m.code not in IGO_CODES and not self._is_capital(m)
        )
        bodies = Counter(m.code for m in mentions if m.code and m.code in IGO_CODES)
        return (
            states.most_common(1)[0][0] if states else None,
            bodies.most_common(1)[0][0] if bodies else None,
        )

    def _title_sentences(self, doc: Document, sentences: list[_Sentence]) -> set[int]:
        if not doc.title or not doc.text.startswith(doc.title):
            return set()
        end = len(doc.title)
        return {s.index for s in sentences if s.start < end}

    # -- sentence level ----------------------------------------------------------------
    def _sentence_events(
        self,
        doc: Document,
        text: str,
        tokens: list[Token],
        sentences: list[_Sentence],
        sentence: _Sentence,
        reference: date | None,
        from_page: bool,
        main_code: str | None,
        main_body: str | None,
        in_title: bool,
    ) -> list[_Candidate]:
        groups = sentence.groups
        missions = [
            entry
            for m in sentence.mentions
            if m.type == "mission" and (entry := self.kb.get(m.entity_id)) is not None
        ]
        if "joint_strong" in groups and not missions and "project_object" not in groups:
            groups = groups | _anaphoric_object(sentences, sentence)
        # A station's name with "stay" or "mission" is no crew flight: a station counts
        # through a crew word ("crew" + "fly" cues), a crewed craft by itself.
        crewed = any(m.kind == "crewed-spacecraft" and len(m.partners) >= 2 for m in missions)
        international = any(len(m.partners) >= 2 for m in missions)
        types = event_types(groups, bool(missions), crewed, international)
        # the nations of the crewed craft named, each built by one
        if "launch" in types and "joint_project" not in types and "agreement" not in types:
            # "The two agencies jointly operate one satellite, and they prepare the launch of
            # another": joint work and a launch, in clauses far apart, are two acts
            joint = [h.token_start for h in sentence.hits if h.group == "joint_strong"]
            launch = [h.token_start for h in sentence.hits if h.group == "launch"]
            far = bool(joint) and all(abs(j - k) >= _SEPARATE_ACTS for j in joint for k in launch)
            apart = event_types(groups - {"launch"}, bool(missions), crewed, international)
            if far and "joint_project" in apart:
                types = [*types, "joint_project"]
        national_craft = {
            m.partners[0] if m.partners else m.code
            for m in missions
            # (a crewed programme's or rocket's name stands for its craft where a craft
            # docks: "an American Apollo", "a Soviet Soyuz")
            if m.kind in ("crewed-spacecraft", "programme", "launcher")
            and len(m.partners) <= 1
            and (m.partners or m.code)
        }
        if (
            "crew_flight" in types
            and "docking" in groups
            and (len(national_craft) >= 2 or "joint_strong" in groups)
        ):
            # two nations' crewed craft docking together ("an American Apollo and a
            # Soviet Soyuz docked in orbit"): joint work, each crew in its own craft
            types = [t for t in types if t != "crew_flight"]
            types = _suppress([*types, "joint_project"], groups - {"planned"})
        if (
            "crew_flight" not in types
            and "docking" not in groups
            and "fly_act" in groups
            and any(m.type == "person" for m in sentence.mentions)
            and ("craft" in groups or any(m.kind in _CRAFT_KINDS for m in missions))
            and "own" not in groups  # "to send astronauts into space on its own craft"
        ):
            # a named person flew aboard a craft ("X flew aboard the US shuttle"; "sent
            # into space on Soviet spacecraft"): a crew flight without a crew word
            types = _suppress([*types, "crew_flight"], groups)
        if (
            "multilateral_act" in groups
            and "gathering" not in groups
            and not {"multilateral", "agreement", "dispute"} & set(types)
            and any(m.code in _FORUM_BODIES for m in sentence.mentions)
        ):
            # "the initiative was proposed by China within BRICS": an act in the body
            types = _suppress([*types, "multilateral"], groups)
        if (
            "crew_noun" in groups
            and not types
            and len({m.code for m in sentence.mentions if m.type == "person" and m.code}) >= 2
        ):
            # "The crew is led by the American X, with the Indian Y and the Pole Z": people
            # of several nations in one crew
            types = ["crew_flight"]
        if "instrument" in groups and "agreement" not in types and "dispute" not in types:
            # "the Franco-Indian space agreement of 1964", "соглашение 2003 года": an
            # instrument dated in the past was concluded.
            segment = text[sentence.start : sentence.end]
            if any(not e.relative for e in _time_expressions(segment, reference, False)):
                types = _suppress([*types, "agreement"], groups)
        if not types:
            return []
        out: list[_Candidate] = []
        dated: list[_Candidate] = []  # the events of a dated list, one per date already
        for etype in types:
            listed = self._dated_list(etype, text, sentence, reference)
            if listed:
                for sides, on in listed:
                    later = reference is not None and on > reference.isoformat()[: len(on)]
                    event = Event(
                        type=etype,
                        participants=sorted(sides),
                        date=on,
                        stage="planned" if later else "done",
                        topics=sorted(self._topics(tokens, [sentence], missions, etype)),
                        evidence=text[sentence.start : sentence.end].strip(),
                        evidence_start=sentence.start,
                        evidence_end=sentence.end,
                    )
                    dated.append(_Candidate(event, sentence.index, in_title, frozenset(), len(on)))
                continue
            evidence = [sentence]
            sides = self._codes(etype, sentence.between)
            codes = (
                sides
                if len(sides) >= 2
                else self._codes(etype, sentence.mentions, rockets_count=False)
            )
            if len(codes) < 2:
                codes, evidence = self._complete(
                    etype,
                    text,
                    tokens,
                    sentences,
                    sentence,
                    codes,
                    main_code,
                    main_body,
                )
            if len(codes) < 2:
                # failing other sides, the nations of the rockets named
                codes = codes | self._codes(etype, sentence.mentions)
            if etype == "launch" and self._national_launches(text, tokens, sentence):
                continue
            if "RUS" in codes and _soviet_era(text[sentence.start : sentence.end]):
                # Soyuz, Baikonur or Moscow in a sentence about 1975 stand for the USSR.
                codes = (codes - {"RUS"}) | {"SUN"}
            if len(codes) < 2 or len(codes) > _MAX_PARTICIPANTS:
                continue
            if etype == "multilateral" and not codes & IGO_CODES:
                # a formal act in a multilateral body names the body: the document's
                # body, or none ("high resolution" imagery is no resolution)
                if main_body is None:
                    continue
                codes = codes | {main_body}
            if etype == "crew_flight" and not _flies_with_craft_nation(codes, missions):
                # "French equipment in use aboard the station will be made available to
                # Indian crews": neither side owns the craft, so nobody flies with another
                continue
            if (
                etype == "conference"
                and "summit" in groups
                and len(codes) == 2
                and not codes & IGO_CODES
            ):
                etype = "meeting"  # "the India-Japan Annual Summit": the two states meet
            span_start, span_end = evidence[0].start, evidence[-1].end
            stage = self._stage(sentence, tokens, etype)
            when = self._date(
                text,
                tokens,
                sentence,
                evidence,
                reference,
                from_page,
                stage,
                missions,
                etype,
                types,
            )
            if when and reference and when > reference.isoformat()[: len(when)] and from_page:
                stage = "planned" if stage == "done" else stage
            elif when and reference and when < reference.isoformat()[: len(when)] and from_page:
                # dated before publication: it happened ("made possible by an agreement
                # signed in June 2018"), whatever modal stands near it
                stage = "done" if stage == "planned" else stage
            topics = self._topics(tokens, evidence, missions, etype)
            cue_lemmas = frozenset(
                tokens[h.token_start].text.casefold()
                for h in sentence.hits
                if h.group not in ("planned", "ongoing", "done", "with", "vague", "clause")
            )
            event = Event(
                type=etype,
                participants=sorted(codes),
                date=when,
                stage=stage,
                topics=sorted(topics),
                evidence=" ".join(text[s.start : s.end].strip() for s in evidence),
                evidence_start=span_start,
                evidence_end=span_end,
            )
            out.append(
                _Candidate(
                    event,
                    sentence.index,
                    in_title,
                    cue_lemmas,
                    len(when) if when else 0,
                    # the launcher is no project: "Chang'e-6 launched … the Long March 5
                    # lifted off" is one launch
                    frozenset(m.id for m in missions if m.kind != "launcher"),
                    "another" in groups,
                    frozenset(m.kind for m in missions if m.kind),
                    _kinds_referred(tokens, sentence),
                )
            )
        if "bilateral" in groups:
            host = next((m.code for m in sentence.mentions if m.code), None)
            out = [part for cand in out for part in _bilateral_meetings(cand, host)]
        # (only joint work is split per craft)
        joint_work = any(c.event.type == "joint_project" for c in out)
        crafts = self._listed_crafts(sentence, text, tokens) if joint_work else []
        # a craft's year dates its joint work when the sentence gives none ("have built
        # two satellites together, A and B": A's and B's launch years)
        years: dict[str, int | None] = {}
        segment = text[sentence.start : sentence.end]
        if crafts and not _time_expressions(segment, reference, False):
            for craft in crafts:
                entry = self.kb.get(craft)
                first = entry.years[0] if entry is not None and entry.years else None
                ok = first is not None and (reference is None or first <= reference.year)
                years[craft] = first if ok else None
        return dated + [part for cand in out for part in _per_craft(cand, crafts, years)]

    def _listed_crafts(self, sentence: _Sentence, text: str, tokens: list[Token]) -> list[str]:
        """The satellites or probes a sentence lists together ("two satellites, the
        Megha-Tropiques climate mission and the SARAL mission"), or none. Crafts in
        clauses of their own ("operate CFOSAT together, and prepare the launch of SVOM")
        are no list."""
        crafts = [
            (m, entry.id)
            for m in sentence.mentions
            if m.type == "mission"
            and (entry := self.kb.get(m.entity_id)) is not None
            and entry.kind in _SINGLE_CRAFT_KINDS
        ]
        filler = _list_filler_words()
        separators = [
            tokens[h.token_start].start for h in sentence.hits if h.group in _LIST_BREAKERS
        ]
        best: list[str] = []
        run: list[str] = []
        for i, (mention, craft) in enumerate(crafts):
            if i:
                previous = crafts[i - 1][0]
                gap = text[previous.end : mention.start]
                words = [t.key for t in tokenize(gap)]
                listed = (
                    len(words) <= _LIST_GAP
                    and ("," in gap or any(w in filler["coordination"] for w in words))
                    and not any(previous.end <= at < mention.start for at in separators)
                )
                if not listed:
                    run = []
            if craft not in run:
                run.append(craft)
            if len(run) > len(best):
                best = list(run)
        return best if len(best) >= 2 else []

    def _national_launches(self, text: str, tokens: list[Token], sentence: _Sentence) -> bool:
        """ "Soyuz 19 lifted off from Baikonur with Leonov and Kubasov, and a Saturn IB
        rocket sent Stafford's crew up from the Kennedy Space Center": clauses that each
        name their own launch site or rocket, and one nation each, are that nation's own
        launches, not one joint launch."""
        segment = text[sentence.start : sentence.end]
        cuts = [sentence.start + m.start() for m in _CLAUSE_JOINT.finditer(segment)]
        if not cuts:
            return False
        bounds = [sentence.start, *cuts, sentence.end]
        nations: list[frozenset[str]] = []
        for start, end in pairwise(bounds):
            inside = [m for m in sentence.mentions if start <= m.start < end]
            if not any(m.type == "site" or self._is_launcher(m) for m in inside):
                return False
            codes = self._codes("launch", inside)
            if "SUN" in codes:
                codes = (codes - {"RUS"}) | {"SUN"}  # the Soviet era's craft and sites
            if len(codes) != 1:
                return False
            nations.append(frozenset(codes))
        return len(set(nations)) >= 2

    def _is_launcher(self, mention: Mention) -> bool:
        entry = self.kb.get(mention.entity_id) if mention.type == "mission" else None
        return entry is not None and entry.kind == "launcher"

    def _dated_list(
        self, etype: str, text: str, sentence: _Sentence, reference: date | None
    ) -> list[tuple[set[str], str]]:
        """The flights, launches or joint works of a dated list, one per date ("X flew on
        the US shuttle in 1985, and Y on the Soviet Mir station in 1987"; "all on Soviet
        craft: Poland's X in 1978, Hungary's Y in 1980"; "two joint satellites, A in 2006
        and B in 1992"), or nothing when the sentence is no such list.

        Clauses joined by ", and" or ";" that hold one date each are the parts ("X was
        put into orbit in 2012 by a Soyuz, together with Y, and Z was launched by China in
        2016"); else each date closes the part of the sentence that names its actors. A
        part naming two actors is an event by itself; a part naming one shares the first
        part's other actor (the one named before the list's first traveller).
        """
        if etype not in ("crew_flight", "launch", "joint_project") or len(sentence.mentions) < 2:
            return []
        segment = text[sentence.start : sentence.end]
        found = [e for e in _time_expressions(segment, reference, False) if not e.relative]
        if len(found) < 2 or len({e.value for e in found}) < len(found):
            return []
        bounds = [sentence.start + e.end for e in found]
        cuts = [sentence.start + m.start() for m in _CLAUSE_JOINT.finditer(segment)]
        if len(cuts) == len(found) - 1 and all(
            a < cut < b for a, cut, b in zip(bounds, cuts, bounds[1:], strict=False)
        ):
            # one date per clause: a clause's actors are its own, wherever its date stands
            bounds = [*cuts, sentence.end]
        parts: list[list[Mention]] = [[] for _ in found]
        for mention in sentence.mentions:
            i = bisect_left(bounds, mention.end)
            if i >= len(parts):
                return []  # an actor after the last date: not a list closed by dates
            parts[i].append(mention)
        codes = [self._codes(etype, part) for part in parts]
        if any(not c or len(c) > 2 for c in codes):
            return []
        shared: set[str] = set()
        if len(codes[0]) == 2:
            last = self._codes(etype, parts[0][-1:])
            shared = codes[0] - last if last else set()
        out: list[tuple[set[str], str]] = []
        for part_codes, expression in zip(codes, found, strict=True):
            sides = part_codes if len(part_codes) == 2 else part_codes | shared
            if len(sides) < 2:
                continue
            if "RUS" in sides and 1922 <= int(expression.value[:4]) <= 1991:
                sides = (sides - {"RUS"}) | {"SUN"}
            out.append((sides, expression.value))
        return out if len(out) >= 2 else []

    def _codes(self, etype: str, mentions: list[Mention], rockets_count: bool = True) -> set[str]:
        """Actor codes of ``mentions`` for an event of type ``etype``.

        Sites count for launches, and for disputes ("withdrew its staff from the Guiana
        Space Centre": the site's operator is the other side). A programme's known
        partners count for the joint work it is and for the agreement behind it, and
        only when the text itself names fewer than two sides (Apollo–Soyuz → SUN, USA),
        and so for its launch; a station's partners are not the crew of a flight. A rocket
        is the object of an agreement or a dispute ("the agreement provided for a pad for
        the Angara rocket"), and so is a demonym beside it ("the Russian Angara"): their
        nations count only when no two sides are found otherwise (``rockets_count``
        False leaves them out).
        """
        codes: set[str] = set()
        partners: set[str] = set()
        rockets: set[str] = set()
        launchers = [
            (m.start, m.end)
            for m in mentions
            if m.type == "mission"
            and (entry := self.kb.get(m.entity_id)) is not None
            and entry.kind == "launcher"
        ]
        for m in mentions:
            if (
                etype in ("agreement", "dispute")
                and m.type == "country"
                and m.code
                and any(
                    -_ROCKET_GAP <= a - m.end <= _ROCKET_GAP
                    or -_ROCKET_GAP <= m.start - b <= _ROCKET_GAP
                    for a, b in launchers
                )
            ):
                rockets.add(m.code)  # "el lanzador ruso Angara": the rocket's nation
                continue
            if m.type == "site":
                if etype not in ("launch", "dispute"):
                    continue
                site = self.kb.get(m.entity_id)
                if site is not None and site.operator:
                    codes.add(site.operator)
                    continue
            if etype in ("conference", "meeting") and (self._is_capital(m) or m.type == "mission"):
                continue  # "talks in Vienna": the venue; "the day Apollo met Soyuz": craft
            if m.type == "mission":
                entry = self.kb.get(m.entity_id)
                if entry is not None and entry.partners:
                    # a station's partners do not launch what flies to it
                    if etype != "launch" or entry.kind != "station":
                        partners.update(entry.partners)
                    continue
                if (
                    entry is not None
                    and entry.kind == "launcher"
                    and m.code
                    and etype in ("agreement", "dispute")
                ):
                    rockets.add(m.code)
                    continue
            if m.code:
                codes.add(m.code)
        if len(codes) < 2 and rockets_count:
            codes |= rockets
        if len(codes) < 2 and etype in ("joint_project", "agreement", "launch"):
            # (the launch of a joint mission involves its partners)
            codes |= partners
        return codes

    def _about_space(
        self, text: str, tokens: list[Token], mentions: list[Mention], lang: str | None
    ) -> bool:
        """Is the text about space at all? Only then are its events space cooperation: a
        space agency, mission or site named, an intergovernmental body of space (its
        name says so: the European Space Agency, the Committee on the Peaceful Uses of
        Outer Space), or a space word of the text's language (of any, when it has none
        listed)."""
        prefixes, written = _space_document_words(lang)
        for m in mentions:
            if m.type in _SPACE_ACTORS or (m.type == "igo" and self._space_body(m.entity_id)):
                return True
        if any(t.key.startswith(prefixes) for t in tokens):
            return True
        return any(w in text for w in written)

    def _space_body(self, entity_id: str) -> bool:
        """Does the body's canonical (English) name say it is of space? Decided once per
        body."""
        known = self._space_bodies.get(entity_id)
        if known is None:
            entry = self.kb.get(entity_id)
            english, _ = _space_document_words("en")
            known = entry is not None and any(
                t.key.startswith(english) for t in tokenize(entry.name)
            )
            self._space_bodies[entity_id] = known
        return known

    def _is_capital(self, mention: Mention) -> bool:
        entry = self.kb.get(mention.entity_id)
        if entry is None or entry.type != "country":
            return False
        surface = fold_name(mention.surface)
        return any(fold_name(c) == surface for names in entry.capitals.values() for c in names)

    def _complete(
        self,
        etype: str,
        text: str,
        tokens: list[Token],
        sentences: list[_Sentence],
        sentence: _Sentence,
        codes: set[str],
        main_code: str | None,
        main_body: str | None,
    ) -> tuple[set[str], list[_Sentence]]:
        """Participants of a sentence that names fewer than two actors (see module doc)."""
        groups = sentence.groups
        codes = set(codes)
        if etype == "launch":
            # "Chang'e 6 lifted off on Friday. Among its passengers is a French detector;
            # ESA provided an ion analyser, Italy a reflector": the payloads' owners
            carried: set[str] = set()
            told: list[_Sentence] = []
            for other in sentences[sentence.index + 1 : sentence.index + 1 + _PAYLOAD_REACH]:
                if "crew" in other.groups or "launch" in other.groups or "no_part" in other.groups:
                    # the crew flight tells of a crew; the launch retold; a nation that takes
                    # no part in it
                    continue
                # the payloads' list goes on in the sentences after the first that names
                # one, until a sentence tells of an event of its own
                if "payload" not in other.groups and not (told and not _states_event(other)):
                    continue
                carried |= self._codes(etype, other.mentions)
                told.append(other)
            if len(codes | carried) >= 2 and carried - codes:
                return codes | carried, [sentence, *told]
        if etype == "agreement" and sentence.index > 0:
            # "…signed a protocol amending the intergovernmental agreement on X. The
            # agreement, concluded in 2004, provided…": the instrument named just before
            # is the one told of, and its sides are this one's
            previous = sentences[sentence.index - 1]
            if sentence.instruments & previous.instruments:
                before = self._codes(etype, previous.mentions)
                if len(codes | before) >= 2 and before - codes:
                    return codes | before, [previous, sentence]
        if "two_sides" in groups or not codes:
            for neighbour in (sentence.index - 1, sentence.index + 1):
                if 0 <= neighbour < len(sentences):
                    other = sentences[neighbour]
                    if "two_sides" not in groups and (
                        other.paragraph != sentence.paragraph or _states_event(other)
                    ):
                        continue
                    other_codes = self._codes(etype, other.mentions)
                    if len(codes | other_codes) >= 2:
                        pair = (
                            [other, sentence] if neighbour < sentence.index else [sentence, other]
                        )
                        return codes | other_codes, pair
        if len(codes) == 1:
            (only,) = codes
            if "with" in groups and main_code and main_code != only:
                return codes | {main_code}, [sentence]
            if only in IGO_CODES and etype in ("conference", "multilateral") and main_code:
                return codes | {main_code}, [sentence]
            if etype == "multilateral" and only not in IGO_CODES and main_body:
                return codes | {main_body}, [sentence]
            # The actors of the next sentence of the paragraph, when it states no event of
            # its own ("They are considering buying imagery. One partner is Russia.").
            for neighbour in (sentence.index + 1, sentence.index - 1):
                if 0 <= neighbour < len(sentences):
                    other = sentences[neighbour]
                    if other.paragraph != sentence.paragraph or "no_part" in other.groups:
                        continue  # ("Russia takes no part in this flight": no side of it)
                    if _states_event(other):
                        continue
                    other_codes = self._codes(etype, other.mentions) - codes
                    if other_codes:
                        pair = (
                            [other, sentence] if neighbour < sentence.index else [sentence, other]
                        )
                        return codes | other_codes, pair
        return codes, [sentence]

    def _stage(self, sentence: _Sentence, tokens: list[Token], etype: str) -> str:
        """Stage from cue words near the event's own cue words, in the same clause (a
        plan mentioned in a relative clause does not make the act planned)."""
        planned = ongoing = done = False
        own = _TYPE_ANCHORS.get(etype, _TYPE_GROUPS)
        anchors = [h.token_start for h in sentence.hits if h.group in own] or [
            h.token_start for h in sentence.hits if h.group in _TYPE_GROUPS
        ]
        clauses = [h.token_start for h in sentence.hits if h.group == "clause"]

        def near(a: int, i: int) -> bool:
            low, high = min(a, i), max(a, i)
            return -_STAGE_BEFORE <= a - i <= _STAGE_AFTER and not any(
                low < c < high for c in clauses
            )

        for hit in sentence.hits:
            token = tokens[hit.token_start]
            if anchors and not any(near(a, hit.token_start) for a in anchors):
                continue
            if hit.group == "planned":
                # A capitalised "May" mid-sentence is the month, not the modal.
                if token.text[:1].isupper() and hit.token_start > sentence.token_start:
                    continue
                planned = True
            elif hit.group == "ongoing":
                ongoing = True
            elif hit.group == "done":
                done = True
        # "said it would not take part": the refusal is stated, so it is done
        refusal = etype == "dispute" and {h.group for h in sentence.hits if h.group in own} == {
            "refusal"
        }
        if planned and not refusal:
            return "planned"
        if ongoing and not done:
            return "ongoing"
        return "done"

    def _date(
        self,
        text: str,
        tokens: list[Token],
        sentence: _Sentence,
        evidence: list[_Sentence],
        reference: date | None,
        from_page: bool,
        stage: str,
        missions: Sequence[object],
        etype: str,
        types: Sequence[str] = (),
    ) -> str | None:
        groups = sentence.groups
        if "anniversary" in groups:
            # "50 years since Apollo–Soyuz": the programme's year, not the jubilee's
            years = [y for m in missions for y in (getattr(m, "years", None) or []) if y]
            if years:
                return str(min(years))
        # the date nearest the event's own cue words ("have operated CFOSAT together since
        # October 2018, and prepare the launch of SVOM, due to lift off in June": June is
        # the launch's), else nearest any event word
        own = _TYPE_ANCHORS.get(etype, _TYPE_GROUPS)
        anchors = (
            [tokens[h.token_start].start for h in sentence.hits if h.group in own]
            or [tokens[h.token_start].start for h in sentence.hits if h.group in _TYPE_GROUPS]
            or [sentence.start]
        )
        expressions: list[TimeExpression] = []
        for part in evidence:
            segment = text[part.start : part.end]
            for found in _time_expressions(segment, reference, stage == "planned"):
                expressions.append(
                    TimeExpression(
                        found.start + part.start,
                        found.end + part.start,
                        found.value,
                        found.relative,
                    )
                )
        # "extended until 2050": a deadline, not the act's date
        expressions = [e for e in expressions if not _after_until(text, e.start)] or expressions
        # "the first astronaut to launch under the arrangement that the agencies concluded
        # in July": a date nearer the signing of an agreement the sentence also tells of
        # than this act's own words is the signing's (a joint work and its launch may
        # share a date: "developed with Ukraine, put into orbit in 2007")
        own_groups = _TYPE_ANCHORS.get(etype, frozenset())
        other_groups = (
            set(_TYPE_ANCHORS["agreement"]) - own_groups
            if "agreement" in types and etype != "agreement"
            else set()
        )
        others = [tokens[h.token_start].start for h in sentence.hits if h.group in other_groups]
        owns = [tokens[h.token_start].start for h in sentence.hits if h.group in own_groups]
        if others and owns:
            expressions = [
                e
                for e in expressions
                if min(abs(e.start - a) for a in owns) <= min(abs(e.start - a) for a in others)
            ]
        if expressions:
            # The expression of the cue's own sentence first (a neighbour lends its sides,
            # not its date), then the nearest the event's cue words (in steps of 40
            # characters); the more precise of equals.
            def distance(e: TimeExpression) -> tuple[bool, int]:
                elsewhere = not sentence.start <= e.start < sentence.end
                return elsewhere, min(abs(e.start - a) for a in anchors) // 40

            best = min(expressions, key=lambda e: (distance(e), -e.precision))
            named = _last_year_before(text, sentence.start) if "same_year" in groups else None
            if best.relative and named:
                # "in November of the same year": the year the text named last
                return named + best.value[4:]
            return best.value
        if (later := _counted_from_last_date(text, sentence, reference)) is not None:
            return later  # "three months later": from the date the text named last
        if "same_year" in groups and (named := _last_year_before(text, sentence.start)):
            return named
        if "past_time" in groups:
            return None  # "in the past": no year of its own, and not the publication's
        if reference is not None and from_page:
            return f"{reference.year:04d}"
        return None

    def _topics(
        self, tokens: list[Token], evidence: list[_Sentence], missions: Sequence[object], etype: str
    ) -> set[str]:
        start, end = evidence[0].token_start, evidence[-1].token_end
        topics = self.cues.topic_hits(tokens[start:end])
        if etype == "launch":
            topics.add("launch")
        if etype == "crew_flight":
            topics.add("human_spaceflight")
        return topics

    # -- merging -----------------------------------------------------------------------
    def _merge(self, candidates: list[_Candidate]) -> list[Event]:
        kept: list[_Candidate] = []
        for cand in sorted(candidates, key=lambda c: (c.in_title, c.sentence)):
            target = next((k for k in kept if _same_event(k, cand)), None)
            if target is None:
                kept.append(cand)
                continue
            if cand.precision > target.precision:
                target.event.date = cand.event.date
                target.precision = cand.precision
            target.event.topics = sorted(set(target.event.topics) | set(cand.event.topics))
            target.event.participants = sorted(
                set(target.event.participants) | set(cand.event.participants)
            )
            target.cue_lemmas = target.cue_lemmas | cand.cue_lemmas
        kept.sort(key=lambda c: c.sentence)
        return [k.event for k in kept]


# A text naming one of these is about space; else it needs a space word.
_SPACE_ACTORS = frozenset({"agency", "mission", "site"})


@lru_cache(maxsize=64)
def _space_document_words(lang: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The keys that start a space word of ``lang`` (of every language when it has none
    listed), and the words of scripts without spaces (and multi-word ones) looked for as
    written. A language's own words only: German "Mond" starts English "Monday"."""
    by_language = load_lexicon("context")["space_document_words"]
    chosen = [by_language[lang]] if lang in by_language else list(by_language.values())
    prefixes: set[str] = set()
    written: set[str] = set()
    for words in chosen:
        for word in words:
            parts = tokenize(str(word))
            if len(parts) == 1 and not has_cjk(str(word)):
                prefixes.add(parts[0].key)
            else:
                written.add(str(word))
    return tuple(sorted(prefixes)), tuple(sorted(written))


# The kinds of craft whose common noun ("the station", "the satellite") points back to
# the craft of that kind named before.
_REFERRED_KINDS = ("station", "satellite", "probe")


@lru_cache(maxsize=1)
def _kind_nouns() -> dict[str, str]:
    """Key of a kind's common noun → the kind."""
    words = load_lexicon("context")["kind_words"]
    return {
        tokens[0].key: kind
        for kind in _REFERRED_KINDS
        for word in words[kind]
        if len(tokens := tokenize(str(word))) == 1
    }


def _kinds_referred(tokens: list[Token], sentence: _Sentence) -> frozenset[str]:
    nouns = _kind_nouns()
    return frozenset(
        nouns[t.key] for t in tokens[sentence.token_start : sentence.token_end] if t.key in nouns
    )


def _flies_with_craft_nation(codes: set[str], missions: Sequence[Entry]) -> bool:
    """Does a side of a crew flight own (or partner in) the craft or station the sentence
    names? True when it names none: the craft may be told elsewhere."""
    owners: set[str] = set()
    for mission in missions:
        if mission.kind in _CRAFT_KINDS:
            owners |= set(mission.partners) | ({mission.code} if mission.code else set())
    if not owners:
        return True
    if "RUS" in owners:
        owners.add("SUN")  # Soviet flights of craft the KB files under Russia
    return bool(codes & owners)


def _anaphoric_object(sentences: list[_Sentence], sentence: _Sentence) -> set[str]:
    """ "The latter was built jointly by China and Brazil": a sentence that opens by
    pointing back takes its object from the previous sentence of the paragraph."""
    opens = any(
        h.group == "anaphor" and h.token_start == sentence.token_start for h in sentence.hits
    )
    if not opens or sentence.index == 0:
        return set()
    previous = sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph:
        return set()
    if (
        "project_object" in previous.groups
        or "launch_object" in previous.groups
        or any(m.type == "mission" for m in previous.mentions)
    ):
        return {"project_object"}
    return set()


def _bilateral_meetings(cand: _Candidate, host: str | None) -> list[_Candidate]:
    """ "Held bilateral talks with the delegations of the United States and Japan": one
    meeting of the host (the first actor named) with each of the others."""
    sides = cand.event.participants
    if cand.event.type != "meeting" or len(sides) < 3 or host not in sides:
        return [cand]
    return [
        replace(cand, event=replace(cand.event, participants=sorted({host, other})))
        for other in sides
        if other != host
    ]


# The kinds of craft that are each a joint work of their own when a sentence lists several.
_SINGLE_CRAFT_KINDS = frozenset({"satellite", "probe", "experiment"})


# Cue words that open another clause's act between two crafts: no list of joint works.
_LIST_BREAKERS = frozenset(
    {
        "launch",
        "planned",
        "act",
        "agree",
        "meet",
        "gathering",
        "joint_strong",
        "trade_strong",
        "dispute",
        "clause",
    }
)


def _per_craft(
    cand: _Candidate, crafts: list[str], years: dict[str, int | None]
) -> list[_Candidate]:
    """ "The two countries have built two satellites together, A and B": one joint work
    per craft of the list (programmes, stations and launchers are no such list), dated
    by the craft's year when ``years`` gives it."""
    if cand.event.type != "joint_project" or len(crafts) < 2:
        return [cand]
    parts: list[_Candidate] = []
    for craft in crafts:
        event = replace(cand.event)
        year = years.get(craft)
        if year is not None:
            event.date, event.stage = f"{year:04d}", "done"
        parts.append(replace(cand, event=event, missions=frozenset({craft})))
    return parts


def _same_event(a: _Candidate, b: _Candidate) -> bool:
    """Two reports of one event in a document: same type and sides, compatible dates, and
    a headline repeated in the body, or neighbouring sentences about the same object
    ("A memorandum was signed … The two sides agreed …").

    A launch or crewed flight told again nearby with more of its sides (its payloads'
    owners, the rest of its crew) is the same one: the sides of one include the other's,
    or at least half of all are shared.
    """
    if a.event.type != b.event.type:
        return False
    da, db = a.event.date, b.event.date
    # a flight's lift-off and its docking a day later: one flight
    flight_days = (
        a.event.type in ("launch", "crew_flight")
        and len(da or "") == len(db or "") == 10
        and _within_days(da, db, _FLIGHT_DAYS)
    )
    sides_a, sides_b = set(a.event.participants), set(b.event.participants)
    shared = len(sides_a & sides_b)
    retold = (
        sides_a != sides_b
        and a.event.type in ("launch", "crew_flight")
        and (sides_a <= sides_b or sides_b <= sides_a or 2 * shared >= len(sides_a | sides_b))
        and (
            a.in_title
            or b.in_title
            or abs(a.sentence - b.sentence) <= _LAUNCH_RETOLD
            # one vehicle, one day: a launch dated to the day is told again far below
            or flight_days
        )
    ) or (
        # "Five agencies signed the agreement … On Russia's side the document was signed
        # by …": one signing, told again right after (or in the headline) from one
        # side's view
        a.event.type in ("agreement", "meeting", "conference", "dispute", "joint_project")
        and (sides_a < sides_b or sides_b < sides_a)
        and (abs(a.sentence - b.sentence) <= _SIDE_RETOLD or a.in_title or b.in_title)
    )
    if sides_a != sides_b and not retold:
        return False  # (identical sides merge by the rules below)
    if (
        a.event.type == "conference"
        and _within_days(da, db, _GATHERING_DAYS)
        and (a.cue_lemmas & b.cue_lemmas or (da and db and len(da) == len(db) == 10))
    ):
        return True  # "the session opened on 31 May … closed on Friday": one gathering
    if da and db and da[: min(len(da), len(db))] != db[: min(len(da), len(db))] and not flight_days:
        return False
    if a.in_title or b.in_title:
        return True
    if a.missions and b.missions and not a.missions & b.missions:
        return False  # two named projects of the same partners
    if retold and not (a.another or b.another):
        return True
    if abs(a.sentence - b.sentence) <= 1:
        # "A second document signed that day…": the next sentence tells of another act
        return not (a.another or b.another)
    if a.event.type == "joint_project" and not (a.another or b.another):
        # "…will build the International Lunar Research Station together. … will work
        # together on the station's design": a craft named, then its kind's common noun
        for named, other in ((a, b), (b, a)):
            if named.missions and not other.missions and named.mission_kinds & other.refers:
                return True
    return bool(a.cue_lemmas & b.cue_lemmas) and bool(a.missions & b.missions)


# A flight's launch and its arrival are at most this many days apart.
_FLIGHT_DAYS = 2
# A gathering of the same sides lasts at most this long: its opening and closing days are
# one event.
_GATHERING_DAYS = 15


def _within_days(a: str | None, b: str | None, days: int) -> bool:
    """Are two dates (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) compatible, or full days at
    most ``days`` apart?"""
    if not a or not b:
        return True
    if len(a) < 10 or len(b) < 10:
        n = min(len(a), len(b))
        return a[:n] == b[:n]
    apart = days_apart(a, b)
    return apart is not None and apart <= days


@lru_cache(maxsize=4096)
def _time_expressions(
    segment: str, reference: date | None, future: bool
) -> tuple[TimeExpression, ...]:
    """A sentence's temporal expressions, once for all the event types it states."""
    return tuple(find_time_expressions(segment, reference, future=future))


@lru_cache(maxsize=1)
def _time_later_patterns() -> tuple[tuple[re.Pattern[str], ...], dict[str, int], dict[str, str]]:
    """The "N units later" phrases of every language, and their number words and units."""
    data = load_lexicon("events")["time_later"]
    numbers = {
        str(w).casefold(): int(n) for words in data["numbers"].values() for w, n in words.items()
    }
    units = {str(w).casefold(): str(unit) for unit, words in data["units"].items() for w in words}
    number = (
        "(?P<n>\\d{1,2}|" + "|".join(sorted(map(re.escape, numbers), key=len, reverse=True)) + ")"
    )
    unit = "(?P<u>" + "|".join(sorted(map(re.escape, units), key=len, reverse=True)) + ")"
    patterns = tuple(
        re.compile(
            r"(?<!\w)" + str(shape).replace("{n}", number).replace("{u}", unit) + r"(?!\w)",
            re.I,
        )
        for shape in data["after"]
    )
    return patterns, numbers, units


def _counted_from_last_date(text: str, sentence: _Sentence, reference: date | None) -> str | None:
    """ "Three months later", "спустя два года": the date the text named last before the
    sentence, moved on by that much, as precise as both allow."""
    segment = text[sentence.start : sentence.end]
    patterns, numbers, units = _time_later_patterns()
    for pattern in patterns:
        found = pattern.search(segment)
        if found is None:
            continue
        raw = found.group("n").casefold()
        count = int(raw) if raw.isdigit() else numbers.get(raw)
        unit = units.get(found.group("u").casefold())
        earlier = _time_expressions(text[: sentence.start], reference, False)
        if count is None or unit is None or not earlier:
            return None
        base = max(earlier, key=lambda e: e.start).value
        return _shifted(base, count, unit)
    return None


def _shifted(base: str, count: int, unit: str) -> str | None:
    """``base`` (``YYYY[-MM[-DD]]``) moved on by ``count`` ``unit``s, at the precision the
    two share."""
    year = int(base[:4])
    if unit == "year":
        return f"{year + count:04d}"
    if len(base) < 7:
        return None
    month = int(base[5:7])
    if unit == "month":
        total = year * 12 + month - 1 + count
        return f"{total // 12:04d}-{total % 12 + 1:02d}"
    if len(base) < 10:
        return None
    try:
        day = date.fromisoformat(base) + timedelta(days=count * (7 if unit == "week" else 1))
    except ValueError:
        return None
    return day.isoformat()


@lru_cache(maxsize=1)
def _until_words() -> tuple[str, ...]:
    return tuple(str(w).casefold() for w in load_lexicon("events")["until_words"])


def _after_until(text: str, start: int) -> bool:
    """Does a deadline word ("until", "до", "jusqu'en") stand right before ``start``?"""
    before = " ".join(text[max(0, start - 24) : start].casefold().split())
    return any(before.endswith(" " + w) or before == w for w in _until_words())


_DATELINE_END = re.compile(r"\s*(?:\([^)\n]{1,40}\))?\s*(?:[-–—:]|,\s*\d|,\s*\w+\s+\d)")


def _inside_longer_name(
    text: str, tokens: list[Token], token_at: dict[int, int], mention: Mention, starts: set[int]
) -> bool:
    """Is a capital the first word of a longer name ("San Jose State University",
    "Moscow Aviation Institute")? The next word, on the same line, is capitalised and
    names nothing of its own."""
    following = _next_token(tokens, token_at, mention.end, text)
    return (
        following is not None
        and "\n" not in text[mention.end : following.start]
        and following.text[:1].isupper()
        and following.start not in starts
    )


def _dateline(text: str, mention: Mention) -> bool:
    """Is ``mention`` the city of a dateline ("Paris – The agency…", "BEIJING, May 3
    (Xinhua) -"): first on its line and followed by a dash or a date? The place the
    report was filed from, not a side."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    if text[line_start : mention.start].strip():
        return False
    return bool(_DATELINE_END.match(text, mention.end))


def _last_year_before(text: str, end: int) -> str | None:
    """The last year (``YYYY``) written in ``text`` before ``end``, if any."""
    years = _YEAR.findall(text, 0, end)
    return str(years[-1]) if years else None


def _soviet_era(sentence: str) -> bool:
    """Does the sentence date itself before the end of the USSR (a year 1922–1991 and
    none after)?"""
    years = [int(y) for y in _YEAR.findall(sentence)]
    return bool(years) and max(years) <= 1991 and min(years) >= 1922


def _states_event(sentence: _Sentence) -> bool:
    """Does the sentence state an event of its own (by its cue words alone)?"""
    groups = sentence.groups - {"planned", "ongoing", "done", "with", "two_sides"}
    return bool(event_types(groups, False, False))


@lru_cache(maxsize=1)
def _context_cues() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = load_lexicon("context")
    return (
        frozenset(key(w) for w in data["honorifics"]),
        frozenset(key(w) for w in data["between"]),
        frozenset(key(w) for w in data["war_words"]),
    )


@lru_cache(maxsize=1)
def _not_demonym_after() -> frozenset[str]:
    return frozenset(key(str(w)) for w in load_lexicon("context")["not_demonym_after"])


@lru_cache(maxsize=1)
def _time_zone_words() -> frozenset[str]:
    return frozenset(key(str(w)) for w in load_lexicon("context")["time_words"])


def _next_token(tokens: list[Token], token_at: dict[int, int], end: int, text: str) -> Token | None:
    """The token that follows character ``end`` after nothing but white space, if any."""
    gap = len(text[end:]) - len(text[end:].lstrip())
    index = token_at.get(end + gap)
    return tokens[index] if index is not None else None


def _next_key(tokens: list[Token], token_at: dict[int, int], end: int, text: str) -> str:
    following = _next_token(tokens, token_at, end, text)
    return following.key if following is not None else ""


@lru_cache(maxsize=1)
def _site_location_words() -> frozenset[str]:
    return frozenset(key(str(w)) for w in load_lexicon("events")["site_location"])


def _without_site_countries(
    mentions: list[Mention], text: str, locatives: frozenset[str]
) -> list[Mention]:
    """Drop the country a site is said to lie in ("the Baikonur Cosmodrome in
    Kazakhstan", "Kourou (French Guiana)"): a place, not a side of the event."""
    kept: list[Mention] = []
    previous: Mention | None = None
    for mention in mentions:
        if previous is not None and previous.type == "site" and mention.type == "country":
            between = text[previous.end : mention.start]
            words = [t.key for t in tokenize(between)]
            if (
                len(words) <= 2
                and all(w in locatives for w in words)
                and (words or any(c in between for c in ",("))
            ):
                previous = mention
                continue
        kept.append(mention)
        previous = mention
    return kept


# The actors whose names state no event: "the General Assembly" holds no gathering, the
# "Joint Research Centre" no joint work, the "Space Launch System" no launch. A mission's
# instrument word stays: "signed the Artemis Accords" is an agreement. Words that name
# an event's object or setting ("the Cosmonaut Training Centre": a centre, cosmonauts)
# still count.
_NAMED_ACTORS = frozenset({"igo", "organization", "agency", "site", "person", "mission"})
_STATING_GROUPS = _TYPE_GROUPS | {"joint", "trade", "training", "summit", "docking", "fly_act"}


def _outside_names(
    hits: list[CueHit], tokens: list[Token], mentions: list[Mention]
) -> list[CueHit]:
    """The cue hits that are not event words inside an actor's name."""
    names = [m for m in mentions if m.type in _NAMED_ACTORS]
    if not names:
        return hits

    def silenced(hit: CueHit) -> bool:
        start, end = tokens[hit.token_start].start, tokens[hit.token_end - 1].end
        return any(
            m.start <= start
            and end <= m.end
            and not (m.type == "mission" and hit.group == "instrument")
            for m in names
        )

    return [h for h in hits if h.group not in _STATING_GROUPS or not silenced(h)]


# Between "together with" and the person named, at most this many words ("together with
# the cosmonaut X").
_FELLOW_GAP = 3


# A run of at least this many capitalised words is a name ("the Moderate Resolution
# Imaging Spectroradiometer", "the Space Launch System"), when the sentence is not a
# headline written in title case (more than this share of its words capitalised).
_NAME_RUN = 3
_HEADLINE_SHARE = 0.6
# Events whose names are written in capitals: their cue words keep their sense there.
_NAMED_EVENTS = frozenset({"instrument", "agree", "gathering", "summit"})
# Languages that capitalise every noun: a run of capitals is no name there.
_NOUN_CAPITALS = frozenset({"de", "lb"})


def _outside_unknown_names(
    hits: list[CueHit], tokens: list[Token], text: str, sentence: _Sentence, lang: str | None
) -> list[CueHit]:
    """The cue hits that are not event words inside a name the knowledge base does not
    know, written as a run of capitalised words. Instruments and gatherings keep their
    words: "the Outer Space Treaty" is a treaty, "the India-Japan Annual Summit" a
    summit."""
    if lang in _NOUN_CAPITALS or not hits:
        return hits
    words = tokens[sentence.token_start : sentence.token_end]
    cased = [w for w in words if w.text[:1].lower() != w.text[:1].upper()]
    capital = [w.text[:1].isupper() for w in words]
    if not cased or sum(capital) > _HEADLINE_SHARE * len(cased):
        return hits
    # runs of capitalised words joined by spaces or hyphens only
    in_name = [False] * len(words)
    run: list[int] = []
    for i, word in enumerate([*words, None]):
        joined = (
            word is not None
            and capital[i]
            and (not run or not text[words[i - 1].end : word.start].strip(" -‐"))
        )
        if joined:
            run.append(i)
            continue
        if len(run) >= _NAME_RUN:
            for j in run:
                in_name[j] = True
        run = [i] if word is not None and capital[i] else []
    offset = sentence.token_start
    return [
        h
        for h in hits
        if h.group not in _STATING_GROUPS
        or h.group in _NAMED_EVENTS
        or not all(in_name[i - offset] for i in range(h.token_start, h.token_end))
    ]


def _without_fellow_travellers(
    hits: list[CueHit], mentions: list[Mention], token_at: dict[int, int]
) -> list[CueHit]:
    """ "Comes home in the capsule together with X and Y", "вместе с космонавтом X", "put
    into orbit by a Soyuz, together with Russia's Kanopus-V": travelling with people, or
    riding a launch with another craft, is no joint work between their nations."""
    withs = [h.token_end for h in hits if h.group == "with"]
    if not withs:
        return hits
    launched = any(h.group == "launch" for h in hits)
    riders = {"person", "mission"} if launched else {"person"}
    # the actors after "with", a state's possessive before its craft skipped
    # ("with Russia's Kanopus-V")
    actors = sorted(
        (token_at[m.start], m.type) for m in mentions if m.start in token_at and m.type != "country"
    )
    fellow: set[int] = set()
    for h in hits:
        # "with" right after the joint word, then a rider before any other actor
        if h.group not in ("joint", "joint_strong") or h.token_end + 1 not in withs:
            continue
        after = h.token_end + 1
        first = next(((t, kind) for t, kind in actors if t >= after), None)
        if first is not None and first[1] in riders and first[0] - after <= _FELLOW_GAP:
            fellow.add(h.token_start)
    return [
        h for h in hits if not (h.group in ("joint", "joint_strong") and h.token_start in fellow)
    ]


def _without_compounds(hits: list[CueHit], tokens: list[Token]) -> list[CueHit]:
    """Drop a launch cue that is part of a thing's name ("launch vehicle", "launch pad")
    or of a service contract's ("the launch contract": a purchase, not a launch)."""
    blocked = {h.token_start for h in hits if h.group == "not_launch_after"}
    # "complejo de lanzamiento", "base de lancement": a place or thing, not an act
    named_after = {h.token_end for h in hits if h.group == "not_launch_before"}
    # "стартовала программа", "das Projekt startete": a programme began, nothing flew
    begun = {h.token_start for h in hits if h.group == "not_launch_near"}
    contracts = [(h.token_start, h.token_end) for h in hits if h.group == "service_contract"]
    tops = {h.token_start for h in hits if h.group == "not_gathering_after"}
    # "visiting crews", "visiting vehicles": who comes aboard, not a visit between sides
    visitors = {h.token_start for h in hits if h.group == "not_meeting_after"}
    # "watched the lift-off", "ahead of the launch": a show or a time mark, not the act
    spectators = {h.token_end for h in hits if h.group == "launch_reference"}
    # "вместе с ним в космос отправились…": companions on a ride, not joint work
    companions = [(h.token_start, h.token_end) for h in hits if h.group == "companion"]
    # "even in the event of a cancelled launch": a case foreseen, no dispute
    foreseen = [h.token_end for h in hits if h.group == "hypothetical"]
    if foreseen:
        hits = [
            h
            for h in hits
            if not (
                h.group in ("dispute", "end")
                and any(0 <= h.token_start - t <= _FORESEEN_REACH for t in foreseen)
            )
        ]
    if companions:
        hits = [
            h
            for h in hits
            if not (
                h.group in ("joint", "joint_strong")
                and any(a <= h.token_start < b for a, b in companions)
            )
        ]
    return [
        h
        for h in hits
        if not (
            h.group == "launch"
            and (
                h.token_end in blocked
                or h.token_start in named_after
                or any(a <= h.token_start < b for a, b in contracts)
                or any(0 <= h.token_start - t <= _SPECTATOR_REACH for t in spectators)
                or any(
                    -_BEGUN_BEFORE <= t - h.token_start <= _BEGUN_AFTER and t != h.token_start
                    for t in begun
                )
            )
        )
        and not (
            h.group == "gathering"
            and any(h.token_end <= t < h.token_end + _TOP_REACH for t in tops)
        )
        and not (h.group == "meet" and h.token_end in visitors)
        and h.group
        not in (
            "not_launch_after",
            "not_launch_before",
            "not_launch_near",
            "not_gathering_after",
            "not_meeting_after",
            "launch_reference",
            "companion",
            "hypothetical",
        )
    ]


# A dispute word at most this many tokens after "in case of" is a case foreseen.
_FORESEEN_REACH = 2


# Where two clauses of a list meet: ", and", "; ", ", et", ", а", ", y", ", und".
_CLAUSE_JOINT = re.compile(r";\s|,\s+(?:and|et|и|а|y|und|e|ed)\s", re.I)
# A programme word at most this many tokens before or after a launch word makes it a
# start ("das Programm für Satelliten startete", "стартовала программа").
_BEGUN_BEFORE, _BEGUN_AFTER = 3, 2
# "watched the launch", "assisté au décollage": the launch word at most this many tokens
# after the spectator's word.
_SPECTATOR_REACH = 2
# "au sommet d'une fusée": the rocket word this many tokens after "sommet" at most.
_TOP_REACH = 3


# A negation this many tokens before "take part" makes a refusal.
_NEGATION_REACH = 3


def _with_refusals(hits: list[CueHit], tokens: list[Token]) -> list[CueHit]:
    """A negated participation ("will not take part", "ne participera pas", "не будет
    участвовать") is a refusal: a dispute cue, and the participation cue no longer states
    joint work. Not a Russian present ("Россия в этом полёте не участвует": a fact told).
    A negated launch is none."""
    negations = [h.token_start for h in hits if h.group == "negation"]
    if not negations:
        return hits
    blocked = {h.token_start for h in hits if h.group == "negation_block"}
    # "will not launch", "запускать не будут": no launch
    hits = [
        h
        for h in hits
        if not (
            h.group == "launch"
            and any(
                (0 < h.token_start - n <= _NEGATION_REACH and n + 1 not in blocked)
                or n == h.token_end
                for n in negations
            )
        )
    ]
    refused: list[CueHit] = []
    for hit in hits:
        if hit.group == "participate" and any(
            0 < hit.token_start - n <= _NEGATION_REACH and n + 1 not in blocked for n in negations
        ):
            refused.append(hit)
    if not refused:
        return hits
    spans = {(h.token_start, h.token_end) for h in refused}
    kept = [
        h
        for h in hits
        if not (h.group in ("joint", "joint_strong") and (h.token_start, h.token_end) in spans)
    ]
    # taking no part, told in the present, is no joint work and no refusal either: a fact
    # that keeps its actor out of the acts told beside it
    kept += [
        CueHit("no_part" if present_verb(tokens[a].text) else "refusal", a, b) for a, b in spans
    ]
    return sorted(kept, key=lambda h: (h.token_start, h.group))


def _between_sides(
    sentence: _Sentence,
    tokens: list[Token],
    token_at: dict[int, int],
    between: frozenset[str],
    text: str,
) -> list[Mention]:
    """The actors right after "between" ("entre l'URSS et la France"), when there are two,
    with the rest of their list ("between the US, Russia, Japan and Canada")."""
    for i in range(sentence.token_start, sentence.token_end):
        if tokens[i].key in between:
            after = [
                m
                for m in sentence.mentions
                if token_at.get(m.start, -1) > i and m.type not in ("site", "mission")
            ]
            if len(after) < 2 or token_at.get(after[1].start, 0) - i > 12:
                return []
            sides = after[:2]
            filler = _list_filler_words()
            for mention in after[2:]:
                gap = text[sides[-1].end : mention.start]
                words = [t.key for t in tokenize(gap)]
                listed = "," in gap or any(w in filler["coordination"] for w in words)
                if (
                    not listed
                    or len(words) > _LIST_GAP
                    or not all(w in filler["coordination"] or w in filler["filler"] for w in words)
                ):
                    break
                sides.append(mention)
            return sides
    return []


# At most this many words between two actors of a list ("et les États membres de l'ESA").
_LIST_GAP = 6


@lru_cache(maxsize=1)
def _list_filler_words() -> dict[str, frozenset[str]]:
    data = load_lexicon("events")["list_words"]
    return {part: frozenset(key(str(w)) for w in data[part]) for part in ("coordination", "filler")}

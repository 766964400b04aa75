"""Group an article's sentences into incidents.

News tells one incident over several sentences ("Rockets were fired ..." / "Two of the rockets
landed ..." / "No group has claimed the attack"), and recalls older ones with their own
dates. Walking the sentences in order, a sentence with event cues joins the incident being told
unless it carries a different date or a separation marker ("in a separate incident"), in which
case it opens a new one. Sentences without cues are *context*: they lend claims, sources,
casualty statements and places to the incident being told, until a sentence whose main clause
is dated elsewhere (or a generic statement such as "attacks almost daily") ends that run.

The headline is a mention of the article's main incident: it joins the first reported one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from eventlens.stages.dates import DateMention
from eventlens.stages.detect import EVENT_CUES, is_candidate
from eventlens.types import Cue, DateRange

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

SEPARATION = re.compile(
    r"\b(in (a|another) (separate|similar|different|related) (incident|attack|development)|in another (incident|attack)|"
    r"in a separate)\b",
    re.I,
)
#: Discourse adverbs that open a new incident only where they open the sentence ("Separately,
#: ...", "Meanwhile in Gao, ..."); mid-sentence ("was coded separately") they do not.
SEPARATION_OPENER = re.compile(r"^\W*(?:\w+\W+){0,3}?(separately|elsewhere|meanwhile)\b", re.I)
#: Day expressions that refer back to the day being told about.
_ANAPHORIC = re.compile(r"\b(?:that|the same|this same)\s+(?:day|night|evening|morning|afternoon)\b", re.I)
#: An incident older than this many days before publication is background, not news.
#: Chosen from news practice: a weekly round-up still reports "last week's" events as news.
BACKGROUND_DAYS = 8


@dataclass(slots=True)
class Sentence:
    span: SpacySpan
    cues: list[Cue]
    dates: list[DateMention]
    is_title: bool = False

    @property
    def event_cues(self) -> list[Cue]:
        return [c for c in self.cues if c.name in EVENT_CUES and c.weight > 0]

    @property
    def candidate(self) -> bool:
        return is_candidate(self.cues)

    @property
    def generic(self) -> bool:
        # "attacks almost daily", "every week": a pattern, not an event. A vague past
        # ("recently") still dates a real event, so only repeating times (SET) count here.
        return any(c.name == "GENERIC" for c in self.cues) or any(
            d.generic and d.kind == "SET" for d in self.dates
        )

    def event_date(self) -> DateMention | None:
        """The date the sentence's event is told at: the first specific, non-future date.
        "That day", "the same day" point back to the story's own date, so they date nothing new."""
        for d in self.dates:
            if (
                d.range is not None
                and not d.generic
                and d.kind in ("DATE", "TIME")
                and not _ANAPHORIC.search(d.span.text)
            ):
                if self._dates_other_noun(d):
                    continue
                return d
        return None

    def _dates_other_noun(self, d: DateMention) -> bool:
        """Is the date a modifier of a noun that is not the incident ("a landmine left over from
        the 1980s war exploded")? A date on the event's own noun ("the 2020 drone strike")
        still dates it."""
        tok = self.span.doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
        if tok is None or len(tok) == 0:
            return False
        # "the 1980s": both words hang on "war"; the numeral, not the article, is the modifier
        root = next((t for t in tok if t.dep_ != "det" and not tok.start <= t.head.i < tok.end), tok.root)
        head = root.head
        if root.dep_ not in ("compound", "nummod", "amod") or head.pos_ != "NOUN" or head.i < root.i:
            return False
        return not any(c.start <= head.i < c.end for c in self.event_cues)

    def main_clause_date(self) -> DateMention | None:
        """A date that dates the sentence's main clause (its path to the root crosses no noun)."""
        for d in self.dates:
            if d.range is None or d.generic or _ANAPHORIC.search(d.span.text):
                continue
            tok = self.span.doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
            if tok is None or len(tok) == 0:
                continue
            node = tok.root
            governs = True
            while node.head.i != node.i:
                node = node.head
                if node.pos_ in ("NOUN", "PROPN") and node.dep_ not in ("npadvmod",):
                    governs = False
                    break
            if governs:
                return d
        return None


@dataclass(slots=True)
class Group:
    sentences: list[Sentence] = field(default_factory=list)
    context: list[Sentence] = field(default_factory=list)
    date: DateMention | None = None
    #: kinds: the role the story's kind gives the incident ("background" for a hearing's or a
    #: claim's subject, see ``stages.kinds``); None leaves it to the date
    role: str | None = None

    @property
    def cues(self) -> list[Cue]:
        return [c for s in self.sentences for c in s.cues]


def _compatible(a: DateRange, b: DateRange) -> bool:
    return a.start <= b.end and b.start <= a.end


def group_sentences(sentences: Sequence[Sentence], published: date | None = None) -> list[Group]:
    groups: list[Group] = []
    title: list[Sentence] = []
    current: Group | None = None
    # The date the story is being told at: set by any sentence whose main clause is dated
    # ("On 6 June, supporters disrupted ..."), inherited by undated incident sentences after it.
    narrative: DateMention | None = None
    for s in sentences:
        if s.is_title:
            if s.event_cues:
                title.append(s)
            continue
        if s.generic and not s.event_date():
            current = None
            continue
        if s.candidate:
            d = s.event_date()
            if d is None and current is None and narrative is not None:
                d = narrative
            if d is not None:
                narrative = d
            separate = bool(SEPARATION.search(s.span.text) or SEPARATION_OPENER.search(s.span.text))
            if current is not None and not separate:
                if d is None or current.date is None or _compatible(d.range, current.date.range):  # type: ignore[arg-type]
                    current.sentences.append(s)
                    if current.date is None and d is not None:
                        current.date = d
                    continue
            current = Group([s], [], d)
            groups.append(current)
            continue
        d = s.main_clause_date()
        if d is not None:
            narrative = d
        if current is None:
            continue
        if d is not None and current.date is not None and not _compatible(d.range, current.date.range):  # type: ignore[arg-type]
            current = None
            continue
        if d is not None and current.date is None:
            current = None
            continue
        if s.event_cues:  # weak cues of the story ("All three were of the Katyusha type")
            current.sentences.append(s)
        else:
            current.context.append(s)
    if title and groups:
        target = next((g for g in groups if g.date is None or not _is_old(g.date, published)), groups[0])
        target.sentences[:0] = title
    elif title:
        # only the headline tells the incident (a one-line text, a headline feed): its own date
        # dates it ("Gunmen kill five in Zamfara on Monday")
        groups.append(
            Group(list(title), [], next((d for s in title if (d := s.event_date()) is not None), None))
        )
    return [g for g in groups if any(s.candidate for s in g.sentences)]


def _is_old(d: DateMention, published: date | None) -> bool:
    if published is None or d.range is None:
        return False
    return d.range.end < published - timedelta(days=BACKGROUND_DAYS)


def role_of(group: Group, published: date | None) -> str:
    """``background`` when the incident's date ends well before publication, else ``reported``."""
    if group.role is not None:  # kinds: set by the story's kind (stages.kinds.frame_of)
        return group.role
    if group.date is not None and _is_old(group.date, published):
        return "background"
    return "reported"

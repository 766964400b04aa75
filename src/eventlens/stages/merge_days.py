"""Day words that decide where one incident of an article ends (issue 15): a calendar day the
text gives no year for, a day told relative to the time of writing, a day still to come, and
which of two dates is the finer; and the parse test of a clause of its own, with the "since" clause
of a perfect verb that recalls an earlier incident ("on high alert since the group launched attacks
across Paris"). Used by :mod:`eventlens.stages.merge` and :mod:`eventlens.stages.kind_governors`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from eventlens.stages.arguments.toll import casualties, running_total

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventlens.stages.dates import DateMention
    from eventlens.types import DateRange

__all__ = [
    "FUTURE",
    "compatible",
    "entry_resumed",
    "entry_starts",
    "finer",
    "lend_context",
    "own_clause",
    "recalled_since",
    "since_recall",
    "span_days",
    "stamp_only",
    "states_toll",
    "toll_update",
    "unplaced_calendar_day",
    "weekday_date",
    "weekday_told",
]

#: Words of a sentence about what is still to come.
FUTURE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:scheduled|due|set|expected|planned|slated)\s+(?:for|to)\b|\bwill\s+be\b|"
    r"\b(?:next|upcoming)\s+(?:hearing|session|meeting|round|vote|election)\b|\bset\s+the\s+next\b",
    re.I,
)

#: A live blog's entry stamp: a time of day alone on its line ("16:45", "9.40am", "13:30 GMT",
#: "18:20 Kyiv time"), opening the entry it stamps.
_ENTRY_STAMP = re.compile(
    r"[ \t]*(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[ \t]*(?:[ap]\.?m\.?|gmt|utc|bst|cet|cest|eet|eest|[a-z]+[ \t]+time))?"
    r"[ \t]*(?:\n|$)",
    re.I,
)

#: A sentence about the toll, whether or not it gives a count the toll reader takes ("the death
#: toll is expected to rise", "the toll has risen to four").
_TOLL_WORDS = re.compile(
    r"\b(?:death\s+toll|toll\s+(?:has\s+)?(?:risen|rose|climbed)|number\s+of\s+(?:dead|deaths))\b", re.I
)
#: Verbs of speech: a context sentence dated by them dates a statement, not the incident.
_SAYING = frozenset("say tell announce report state add confirm claim".split())

_CALENDAR_DAY = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.I,
)


def weekday_told(g: Any) -> bool:
    """Is the group (a ``merge.Group``) dated by a day relative to the time of writing ("on Wednesday")?"""
    return weekday_date(g.date)


def weekday_date(d: DateMention | None) -> bool:
    return d is not None and d.relative and d.range is not None and d.range.precision == "day"


def unplaced_calendar_day(s: Any) -> bool:
    """Does the sentence name a calendar day the text gives no year for, left unresolved?"""
    return any(
        m.range is None and m.relative and not m.generic and _CALENDAR_DAY.search(m.span.text)
        for m in s.dates
    )


def finer(d: DateMention, than: DateMention) -> bool:
    """Is ``d`` a shorter stretch inside ``than`` (a day of the year told before)?"""
    return (
        d.range is not None
        and than.range is not None
        and than.range.start <= d.range.start
        and d.range.end <= than.range.end
        and span_days(d) < span_days(than)
    )


def span_days(d: DateMention | None) -> int:
    return (d.range.end - d.range.start).days if d is not None and d.range is not None else 1 << 30


def since_recall(node: Token) -> bool:
    """Is ``node`` a clause opened by "since" under a perfect verb ("France has been on high alert
    since the group launched a series of attacks across Paris")? Such a clause recalls an earlier
    incident as the start of a state that lasts; it tells no news of its own."""
    if node.dep_ != "advcl" or not any(ch.dep_ == "mark" and ch.lower_ == "since" for ch in node.children):
        return False
    head = node.head
    return any(ch.dep_ == "aux" and ch.lemma_.lower() == "have" for ch in head.children)


def recalled_since(tok: Token) -> bool:
    """Is the incident word inside a "since" clause of a perfect verb (:func:`since_recall`)?"""
    node = tok
    while node.head.i != node.i:
        if since_recall(node):
            return True
        if own_clause(node):
            return False
        node = node.head
    return False


def own_clause(node: Token) -> bool:
    """Does ``node`` open a clause of its own? A participle that only goes on describing the
    incident ("the attack, killing 17 people") does not; "after gunmen attacked" does."""
    if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX"):
        return True
    if node.dep_ == "parataxis":
        return True
    if node.dep_ == "advcl":
        return node.tag_ != "VBG" or any(ch.dep_ in ("mark", "nsubj", "nsubjpass") for ch in node.children)
    return False


def entry_starts(texts: Sequence[tuple[str, bool]]) -> set[int]:
    """The indexes of the sentences that open a live blog's entries: those that are, or begin
    with, a time of day alone on its line. ``texts``: each sentence's text and whether it opens
    a line. A live blog stamps every entry, newest first, and each entry is told on its own ("A
    day of mourning is declared for Saturday" dates nothing in the entry below it): two stamps
    at least, or a time alone on a line is only a stray line."""
    found = {i for i, (text, opens) in enumerate(texts) if opens and _ENTRY_STAMP.match(text.lstrip("\n"))}
    return found if len(found) >= 2 else set()


def stamp_only(text: str) -> bool:
    """Is the sentence nothing but an entry stamp ("16:45")?"""
    m = _ENTRY_STAMP.match(text.lstrip("\n"))
    return m is not None and not text.lstrip("\n")[m.end() :].strip()


def entry_resumed(s: Any, d: DateMention | None, groups: Sequence[Any], entry_open: bool) -> Any:
    """The earlier group (a ``merge.Group``) a live blog's entry goes on telling, or None.

    ``entry_open``: the entry has told no incident yet. The sentence ``s`` (a ``merge.Sentence``)
    must tell an incident or a toll; the group is the latest one, on a compatible day, whose
    sentences share a proper name with it ("13:30 The death toll from the morning strike in Sumy
    has risen to four" after "09:40 A drone hit a bus in Sumy", or the summary entry's "a drone
    hit a city bus in Sumy"). Proper names, not place entities: the small model tags a village
    a person and a town an organisation."""
    if not entry_open or not (s.candidate or states_toll(s) or _TOLL_WORDS.search(s.span.text)):
        return None
    names = _proper_words(s)
    for g in reversed(groups) if names else ():
        if g.summary or (
            d is not None
            and d.range is not None
            and g.date is not None
            and g.date.range is not None
            and not compatible(d.range, g.date.range)
        ):
            continue
        if names & set().union(*(_proper_words(t) for t in g.sentences if not t.is_title)):
            return g
    return None


def _proper_words(s: Any) -> set[str]:
    return {t.lower_ for t in s.span if t.pos_ == "PROPN" and t.ent_type_ != "NORP" and len(t) > 2}


def states_toll(s: Any) -> bool:
    """Does the sentence (a ``merge.Sentence``) state a toll of dead or hurt?"""
    fat, inj, _f, _i = casualties(s.span.text, 0)
    return bool(fat or inj)


def lend_context(group: Any, s: Any, d: DateMention | None) -> None:
    """A sentence with no incident word lends the incident it follows its words (claims, sources,
    tolls, places) and, when its own date is a finer day within the incident's month or year,
    that day ("Q: In May there was the attack on Mucojo ..." / "A: On 14 May a group of
    insurgents entered Mucojo at night"). A statement's day ("On 14 May the minister said")
    dates the statement, not the incident."""
    group.context.append(s)
    if (
        d is not None
        and group.date is not None
        and group.date.range is not None
        and group.date.range.precision in ("month", "year")
        and finer(d, group.date)
        and s.span.root.lemma_.lower() not in _SAYING
    ):
        group.date = d


def toll_update(group: Any, s: Any, d: DateMention) -> bool:
    """Is the sentence a later day's running total of the incident's toll ("By Friday the death
    toll had risen to 12", "died in hospital on Sunday, bringing the death toll to seven")? Its
    day is the update's, within a week after the incident, not a new incident's."""
    if running_total(s.span.text) is None or group.date is None or group.date.range is None:
        return False
    if d.range is None or d.range.precision != "day":
        return False
    return 0 < (d.range.start - group.date.range.end).days <= 7


def compatible(a: DateRange, b: DateRange) -> bool:
    """Do two date ranges overlap (one incident's day may be told at two precisions)?"""
    return a.start <= b.end and b.start <= a.end

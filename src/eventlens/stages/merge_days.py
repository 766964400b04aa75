"""Day words that decide where one incident of an article ends (issue 15): a calendar day the
text gives no year for, a day told relative to the time of writing, a day still to come, and
which of two dates is the finer; and the parse test of a clause of its own, with the "since" clause
of a perfect verb that recalls an earlier incident ("on high alert since the group launched attacks
across Paris"). Used by :mod:`eventlens.stages.merge` and :mod:`eventlens.stages.kind_governors`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventlens.stages.dates import DateMention

__all__ = [
    "FUTURE",
    "finer",
    "own_clause",
    "recalled_since",
    "since_recall",
    "span_days",
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

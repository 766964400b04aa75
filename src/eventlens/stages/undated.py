"""Relative dates in an article that carries no publication date (issue 15).

A corpus text, a pasted article or a feed item without a timestamp still tells its incidents
apart by day: "clashes overnight Saturday" and "protesters gathered on Sunday" are two days,
"early this morning" and "in mid-September" two incidents months apart, "a Friday blast" a
story of this week. Without an anchor none of these resolves to days, so grouping could not
compare them and merged the incidents (and their tolls).

Only words that point from the time of writing float: a weekday, "today", "last night", "this
morning" - and a month without its year when the anchor is the text's own (a month's distance
from a weekday on an arbitrary anchor means nothing); never "the day", a name ("Bloody
Friday") or a day inside quoted speech (the speaker's day).

Here such dates are resolved against a *floating* anchor: the latest absolute date the article
gives to an incident (relative dates come from the time of writing, which is after every
incident it recalls), or an arbitrary day when it gives none. The floating days serve only to
compare: to tell incidents apart and to tell an old incident (background) from the news of the
article's week. No record carries them: :func:`settle` gives each group its role and then drops
every date that depended on the floating anchor, so the record stays undated as the text is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from eventlens.stages.dates import DateMention, find_dates
from eventlens.stages.merge import Group, Sentence, role_of

__all__ = ["Floating", "float_relative_dates", "settle"]

#: The floating anchor when the article dates no incident absolutely (any day serves: only
#: differences between floating days are read).
DEFAULT_ANCHOR = date(2000, 6, 14)
#: Only a date within a year of the anchor floats ("on Friday", "in mid-September"): "seven
#: years ago" in a clause about a war's start would date the incident told beside it.
NEAR_DAYS = 366


#: The words of a date that points from the time of writing: a weekday, a month without its
#: year, "today", "last night", "this morning", "last week". Not "the day" (the story's own day,
#: already told) nor a date in a name ("Bloody Friday", "Black Monday").
_DEICTIC = re.compile(
    r"\b(?:today|yesterday|tonight|tomorrow|overnight|last\s+(?:night|week|month)|"
    r"this\s+(?:morning|afternoon|evening|week|month)|earlier\s+this\s+(?:week|month)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.I,
)
#: A month without its year ("on March 18"): it floats only on an anchor the text gives (its
#: latest dated incident); on the arbitrary default its distance from a weekday means nothing.
_MONTH = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.I,
)
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")


def _overlap(a: DateMention, b: DateMention) -> bool:
    return a.span.start < b.span.end and b.span.start < a.span.end


def _deictic(sentence: str, start: int, words: str, *, months: bool = True) -> bool:
    """Do the date's words point from the time of writing (not a name such as "Bloody Friday")?
    ``months``: may a month without its year float (the anchor is the text's own)?"""
    if not (_DEICTIC.search(words) or (months and _MONTH.search(words))):
        return False
    before = sentence[:start]
    if before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1:
        return False  # "They tried to kill me today": the speaker's day, not the writer's
    m = _NAME_BEFORE.search(sentence[:start])
    # a capitalised word right before it names something, unless it opens the sentence
    return m is None or not sentence[: m.start()].strip(" \t\n\"'\u201c(")


@dataclass(frozen=True, slots=True)
class Floating:
    """The floating anchor and the (start, end) spans of the dates resolved against it."""

    anchor: date
    spans: frozenset[tuple[int, int]]

    def floats(self, d: DateMention | None) -> bool:
        return d is not None and (d.span.start, d.span.end) in self.spans


def float_relative_dates(
    sentences: Sequence[Sentence], find: Callable[..., list[DateMention]] = find_dates
) -> Floating | None:
    """Resolve the relative dates of ``sentences`` (read with no anchor) against a floating
    anchor, in place; None when no sentence has a date left unresolved."""
    pending = [s for s in sentences if any(d.range is None and d.relative for d in s.dates)]
    if not pending:
        return None
    ends = [
        d.range.end
        for s in sentences
        if s.candidate and (d := s.event_date(None)) is not None and d.range is not None
    ]
    anchor = max(ends) if ends else DEFAULT_ANCHOR
    spans: set[tuple[int, int]] = set()
    for s in pending:
        fixed = [d.span for d in s.dates if d.range is not None]
        # a date the anchor resolved: relative, and no date read without it covers its words
        floats = [
            d
            for d in find(s.span.text, anchor, offset=s.span.start_char)
            if d.range is not None
            and d.relative
            and (anchor - d.range.end).days <= NEAR_DAYS
            and d.range.precision == "day"
            and _deictic(s.span.text, d.span.start - s.span.start_char, d.span.text, months=bool(ends))
            and not any(f.start < d.span.end and d.span.start < f.end for f in fixed)
        ]
        if not floats:
            continue
        # the other dates stay as read without an anchor
        kept = [d for d in s.dates if not any(_overlap(d, f) for f in floats)]
        s.dates = sorted(kept + floats, key=lambda d: d.span.start)
        spans |= {(d.span.start, d.span.end) for d in floats}
    return Floating(anchor, frozenset(spans)) if spans else None


def settle(groups: Sequence[Group], floating: Floating) -> None:
    """Give each group its role against the floating anchor, then drop the floating dates (of
    the group, and of its sentences) so no record carries them."""
    for g in groups:
        if g.date is not None and floating.floats(g.date):
            if g.role is None:
                g.role = role_of(g, floating.anchor)
            g.date = None
    for g in groups:
        for s in g.sentences + g.context:
            if any(floating.floats(d) for d in s.dates):
                s.dates = [d for d in s.dates if not floating.floats(d)]

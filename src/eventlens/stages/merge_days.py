"""Day words that decide where one incident of an article ends (issue 15): a calendar day the
text gives no year for, a day told relative to the time of writing, a day still to come, and
which of two dates is the finer. Used by :mod:`eventlens.stages.merge`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eventlens.stages.dates import DateMention

__all__ = ["FUTURE", "finer", "span_days", "unplaced_calendar_day", "weekday_date", "weekday_told"]

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

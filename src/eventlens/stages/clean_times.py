"""Times printed in an article's text: publication and update lines ("Updated: October 31, 2021,
9:21 a.m.", "Published 3 hours ago", ISO stamps) and wire datelines ("NAIROBI, April 23 (Reuters) -").

:mod:`eventlens.stages.clean` decides which lines are metadata and which time is the article's;
this module only reads them. Times are kept as printed (naive local wall-clock time, offsets and
zone names dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from eventlens.stages.truecase import same_length_case
from eventlens.types import Span

Precision = Literal["minute", "hour", "day"]

#: A word, and a line that ends as a sentence does (the block scorer of ``clean`` uses them too).
WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"  # noqa: E501
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?,?\s+)?"
_ZONE = r"(?:\s*(?:[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d\d)?)?|Z|[+-]\d\d:?\d\d)\b)?"
_SEP = r"(?:\s*(?:,|\bat\b|@|-|–|—|\||T)\s*|\s+)"


def _date_pattern(s: str) -> str:
    """A date in one of the printed forms, named groups suffixed with ``s`` so it can repeat."""
    day, year = r"[0-3]?\d(?:st|nd|rd|th)?", r"(?:19|20)\d\d"
    return (
        rf"(?:{_WEEKDAY}(?P<mon_a{s}>{_MONTH})\.?\s+(?P<day_a{s}>{day}),?\s+(?P<year_a{s}>{year})"
        rf"|{_WEEKDAY}(?P<day_b{s}>{day})\s+(?P<mon_b{s}>{_MONTH})\.?,?\s+(?P<year_b{s}>{year})"
        rf"|(?P<iy{s}>{year})-(?P<im{s}>[01]\d)-(?P<id{s}>[0-3]\d)"
        rf"|(?P<na{s}>[0-3]?\d)[/.](?P<nb{s}>[0-3]?\d)[/.](?P<ny{s}>{year}))"
    )


def _time_pattern(s: str) -> str:
    # "18:20 Kyiv time", "9 a.m. local time": a place's clock named after the zone
    return (
        rf"(?P<hh{s}>[0-2]?\d)(?:[:.h](?P<mm{s}>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?)?"
        rf"\s*(?P<ampm{s}>[ap]\.?\s?m\b\.?)?" + _ZONE + r"(?:\s+(?:[A-Z][a-z]+\s+)?time\b)?"
    )


_DATE = _date_pattern("")
_DATETIME = re.compile(
    rf"\b(?:{_date_pattern('1')}(?:{_SEP}{_time_pattern('1')})?"
    rf"|{_time_pattern('2')}{_SEP}{_date_pattern('2')})",
    re.IGNORECASE,
)
_MARKER = re.compile(
    r"^\s*(?P<marker>(?:last\s+)?updated?|(?:first\s+)?published|posted|created|modified|date|dated|released)"
    r"(?:\s+(?:on|at|as\s+of))?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"(?P<n>\d+|an?|one)\s+(?P<unit>min(?:ute)?|hr|hour|day|week)s?\s+ago", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TimeLine:
    """A metadata line giving a time: the value, how precise, where, and what kind of marker."""

    when: datetime | None  # None for a relative time with no fetch time to count from
    precision: Precision
    start: int  # offsets within the line
    end: int
    marker: str  # "published", "updated", "" (a bare date line)
    relative: timedelta | None = None


def _group(m: re.Match[str], name: str) -> str | None:
    """The first non-empty group ``name`` under any suffix (the pattern repeats its parts)."""
    for key, value in m.groupdict().items():
        if value is not None and key.rstrip("0123456789") == name:
            return value
    return None


def _valid_time(m: re.Match[str]) -> tuple[int, int] | None:
    hh, mm, ampm = _group(m, "hh"), _group(m, "mm"), _group(m, "ampm")
    if hh is None or (mm is None and ampm is None):
        return None  # a lone number is not a time
    h, mi = int(hh), int(mm or 0)
    if ampm:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ampm.lower().startswith("p") else 0)
    if h > 23 or mi > 59:
        return None
    return h, mi


def parse_datetime(m: re.Match[str]) -> tuple[datetime, Precision] | None:
    """Turn a :data:`_DATETIME` match into a naive datetime (time as printed)."""
    try:
        if _group(m, "year_a") or _group(m, "year_b"):
            mon = (_group(m, "mon_a") or _group(m, "mon_b") or "")[:3].lower()
            y = int(_group(m, "year_a") or _group(m, "year_b") or 0)
            d = int(re.sub(r"\D", "", _group(m, "day_a") or _group(m, "day_b") or ""))
            mo = _MONTHS[mon]
        elif _group(m, "iy"):
            y, mo, d = int(_group(m, "iy") or 0), int(_group(m, "im") or 0), int(_group(m, "id") or 0)
        else:
            a, b, y = int(_group(m, "na") or 0), int(_group(m, "nb") or 0), int(_group(m, "ny") or 0)
            if a > 12 >= b:
                d, mo = a, b
            elif b > 12 >= a:
                mo, d = a, b
            else:
                return None  # 05/03/2022: day-first or month-first cannot be told
        hm = _valid_time(m)
        if hm is None:
            return datetime(y, mo, d), "day"
        return datetime(y, mo, d, *hm), "minute"
    except (ValueError, KeyError):
        return None


def find_time_line(line: str) -> TimeLine | None:
    """If ``line`` is a publication/update metadata line, what time it gives.

    A line qualifies if it starts with a marker ("Updated:", "Published", "Posted
    on") followed by a date or a relative time, or if a date is most of it (a bare
    date line, "By Jane Doe | Oct. 5, 2020"). Story sentences never qualify.

    A page may print a wire dateline before the marker ("COTABATO CITY - Posted at ...") and
    put several stamps on one line between bars ("Live updates | Last updated 18:20 ...",
    "Posted at Aug 10 2025 09:15 PM | Updated as of Aug 11 2025 06:40 PM"): each part is read
    on its own (:func:`_line_parts`).
    """
    lead = _LEAD_PLACE.match(line)
    base = lead.end() if lead else 0
    found = _line_parts(line[base:])
    if found is None:
        found = _time_line(line[base:])
    if found is None or not base:
        return found
    return TimeLine(
        found.when, found.precision, found.start + base, found.end + base, found.marker, found.relative
    )


#: A wire dateline in capitals before a metadata marker on the same line ("COTABATO CITY - Posted
#: at ..."): the marker then opens the line's time, as at the start of a line.
_LEAD_PLACE = re.compile(
    r"[ \t]*[A-Z][A-Z .'’-]{2,40}(?:,[ \t]*[A-Z][\w .'’-]{1,30})?[ \t]*[-–—][ \t]*"
    r"(?=(?i:(?:last\s+)?(?:updated?|published|posted))\b)",
)
#: A posting and an update this close together are one version of the text: its relative
#: dates ("on Monday") were written by the update, so the update's time anchors them. Further
#: apart, the update may be a late correction and the posting time stands (a week: weekdays
#: repeat after seven days, so within it "Saturday" names the same day from either time).
_SAME_VERSION = timedelta(days=7)


def _line_parts(line: str) -> TimeLine | None:
    """The time of a line of stamps between bars, or None when it is not one.

    Every part must be a time line or short furniture ("Live updates", "By Jane Doe"). The
    posting time is the line's; an update less than :data:`_SAME_VERSION` after it gives the
    time instead (the text as printed is the update's), still marked as the publication line."""
    if "|" not in line:
        return None
    stamps: list[TimeLine] = []
    pos = 0
    for part in line.split("|"):
        found = _time_line(part)
        if found is not None:
            stamps.append(
                TimeLine(
                    found.when,
                    found.precision,
                    found.start + pos,
                    found.end + pos,
                    found.marker,
                    found.relative,
                )
            )
        elif len(WORD.findall(part)) > 4 or SENTENCE_END.search(part):
            return None
        pos += len(part) + 1
    if not stamps:
        return None
    posted = next((t for t in stamps if t.marker == "published"), stamps[0])
    later = [
        t
        for t in stamps
        if t.marker == "updated"
        and t.when is not None
        and posted.when is not None
        and timedelta(0) < t.when - posted.when < _SAME_VERSION
    ]
    if not later:
        return posted
    upd = max(later, key=lambda t: t.when or datetime.min)
    return TimeLine(upd.when, upd.precision, upd.start, upd.end, posted.marker or "updated", upd.relative)


def _time_line(line: str) -> TimeLine | None:
    """:func:`find_time_line` for one line or one part of it, with no dateline before it."""
    stripped = line.strip()
    if len(stripped) > 120:
        return None
    offset = len(line) - len(line.lstrip())
    marker = _MARKER.match(stripped)
    kind = ""
    if marker:
        word = marker.group("marker").lower()
        kind = "updated" if "upd" in word or "modif" in word else "published"
    rel = _RELATIVE.search(stripped)
    if rel and (marker or rel.start() <= 2) and rel.end() >= len(stripped) - 2:
        n = 1 if rel.group("n").lower() in ("a", "an", "one") else int(rel.group("n"))
        unit = rel.group("unit").lower()
        delta, prec = (
            (timedelta(minutes=n), "minute") if unit.startswith("min")
            else (timedelta(hours=n), "hour") if unit.startswith("h")
            else (timedelta(days=n), "day") if unit.startswith("d")
            else (timedelta(weeks=n), "day")
        )  # fmt: skip
        start = marker.start("marker") if marker else rel.start()
        return TimeLine(None, prec, offset + start, offset + rel.end(), kind, delta)  # type: ignore[arg-type]
    m = _DATETIME.search(stripped)
    if not m:
        return None
    parsed = parse_datetime(m)
    if parsed is None:
        return None
    rest = (stripped[: m.start()] + stripped[m.end() :]).strip(" ,.|-–—:")
    if marker and m.start() <= marker.end() + 1:
        start = marker.start("marker")
    elif (len(WORD.findall(rest)) <= 4 and not SENTENCE_END.search(rest + " ")) or (
        len(rest) <= 0.6 * len(stripped) and rest.count(" ") < 6
    ):
        start = m.start()
    else:
        return None
    end = m.end()
    while end > start and stripped[end - 1] in " ,;|-–—":
        end -= 1
    return TimeLine(parsed[0], parsed[1], offset + start, offset + end, kind)


_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z'’.\-]+(?:[ \-][A-Z][A-Za-z'’.\-]+){0,3})"
    r"(?P<region>(?:,\s*[A-Z][A-Za-z'’.\-]+(?:\s[A-Z][A-Za-z'’.\-]+){0,2})*)?"
    # a wire dateline's date often has no year ("NAIROBI, April 23 (Reuters) -")
    r"(?P<date>,?\s+(?:" + _date_pattern("d") + r"|" + _MONTH + r"\.?\s+[0-3]?\d\b))?"
    r"\s*(?P<agency>\((?:[A-Z][\w.&' -]{0,30})\))?"
    r"\s*(?P<dash>--|[-–—])(?=\s)",
)


def find_dateline(
    text: str, start: int, *, caseless: bool = False
) -> tuple[Span, tuple[datetime, Span] | None] | None:
    """A dateline at ``text[start:]`` ("BAGHDAD (Reuters) -"), with its date if it has one.

    It must look like a dateline, not a sentence: the place in capitals, or a news
    agency in brackets, or a date, before a dash. In ``caseless`` text (all lowercase or
    all capitals) capitals say nothing: an agency, a date, or a place of one or two words
    right before the dash ("kabul (afp) -", "mogadishu -") must do.
    """
    if caseless:
        m = _DATELINE.match(same_length_case(text, upper=True), start)
        if m and not (
            m.group("agency")
            or m.group("date")
            or (not m.group("region") and len(m.group("place").split()) <= 2)
        ):
            return None
    else:
        m = _DATELINE.match(text, start)
    if not m:
        return None
    place = m.group("place")
    full_date = m.group("date") and _DATETIME.search(text, m.start("date"), m.end("date"))
    if not (caseless or place.isupper() and len(place) >= 3 or m.group("agency") or full_date):
        return None
    span = Span(m.start(), m.end(), text[m.start() : m.end()])
    dated = None
    if m.group("date"):
        inner = _DATETIME.search(text, m.start("date"), m.end("date"))
        parsed = parse_datetime(inner) if inner else None
        if parsed and inner:
            dated = (parsed[0], Span(inner.start(), inner.end(), inner.group(0)))
    return span, dated

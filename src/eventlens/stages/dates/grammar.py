"""The date grammar: candidate hits, the rule registry (order breaks ties) and the rules for
dates written out on the calendar (ISO, numeric, day-month, month, year, spans of years)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from eventlens.stages.dates.calendar_ranges import (
    _choose,
    _month_day,
    _month_part,
    _month_year,
    _range_days,
    _safe_date,
    _year_part,
)
from eventlens.stages.dates.words import (
    _COUNT_NOUNS,
    _DAY,
    _MON,
    _MONTH_CUE_BEFORE,
    _MONTH_FULL,
    _MONTHS,
    _NUMBER_CUE_BEFORE,
    _WD,
    _WEEKDAYS,
    _YEAR,
    _YEAR_CUE_BEFORE,
    Kind,
    Tense,
)
from eventlens.types import DateRange

# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True, slots=True)
class _Hit:
    """A candidate before selection. ``part`` marks a bare part of day awaiting a day to attach to."""

    start: int
    end: int
    kind: Kind
    range: DateRange | None
    relative: bool = False
    generic: bool = False
    timex: str | None = None
    part: str | None = None  # time_of_day label of a PART-only hit
    clock: str | None = None  # "HH:MM" of a clock time
    tz: str = ""  # "Z" when the time is given in UTC/GMT
    has_day: bool = False  # the hit names a day (so a clock time may attach)
    forward: bool = False  # looks ahead of the anchor by itself ("later this year"): never capped
    rank: int = 0


@dataclass(frozen=True, slots=True)
class _Ctx:
    text: str
    anchor: date | None
    tense: Tense


_Handler = Callable[[re.Match[str], _Ctx], "_Hit | None"]
_GRAMMAR: list[tuple[re.Pattern[str], _Handler]] = []


def _rule(pattern: str) -> Callable[[_Handler], _Handler]:
    def deco(fn: _Handler) -> _Handler:
        _GRAMMAR.append((re.compile(pattern, re.I), fn))
        return fn

    return deco


def _hit(m: re.Match[str], kind: Kind, rng: DateRange | None, **kw: object) -> _Hit:
    return _Hit(m.start(), m.end(), kind, rng, **kw)  # type: ignore[arg-type]


def _day_hit(
    m: re.Match[str], d: date | None, relative: bool, timex: str | None = None, **kw: object
) -> _Hit:
    if d is None:
        return _hit(m, "DATE", None, relative=relative, timex=timex or "XXXX-XX-XX", **kw)
    return _hit(
        m, "DATE", DateRange.day(d), relative=relative, timex=timex or d.isoformat(), has_day=True, **kw
    )


def _cap(m: re.Match[str], group: str) -> bool:
    """Month and weekday names count only when capitalised (news style), so "may" and "march" stay verbs."""
    s = m.group(group)
    return bool(s) and s[0].isupper()


def _month_no(s: str) -> int:
    return _MONTHS[s.lower().strip(".")[:3]]


def _day_no(s: str) -> int:
    return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]


# ISO dates and timestamps: 2022-02-23, 2022-02-23T14:30Z
@_rule(
    r"\b(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d\d?)(?P=s)(?P<d>\d\d?)(?![\d/.]\d)"
    r"(?:[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?P<z>Z)?)?(?![\d-])"
)
def _iso(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if m["H"]:
        clock = f"{m['H']}:{m['M']}"
        tz = "Z" if m["z"] else ""
        return _hit(m, "TIME", DateRange.day(d, time_of_day=clock), timex=f"{d.isoformat()}T{clock}{tz}",
                    has_day=True, clock=clock, tz=tz)  # fmt: skip
    return _day_hit(m, d, False)


# Numeric dates: 23/02/2022, 7/8/07, 23.02.2022, 03-02-2009 (day-first, see module docstring)
@_rule(r"(?<![\d/.\-])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/\-]|\.\d)")
def _numeric(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    a, b, ytxt = int(m["a"]), int(m["b"]), m["y"]
    if len(ytxt) == 2:
        if m["sep"] != "/":
            return None
        y = 2000 + int(ytxt)
        if ctx.anchor and y > ctx.anchor.year + 1:
            y -= 100
    else:
        y = int(ytxt)
    day_first, month_first = _safe_date(y, b, a), _safe_date(y, a, b)
    d = day_first or month_first
    if (
        day_first
        and month_first
        and ctx.anchor
        and ctx.tense != "future"
        and day_first > ctx.anchor >= month_first
    ):
        d = month_first
    return _day_hit(m, d, False) if d else None


# 23 February 2022, Saturday 5 March, 5-6 March 2022, between 5 and 7 March, the 5th of March
@_rule(
    rf"\b(?:(?P<wd>{_WD}),?\s+)?(?:between\s+)?(?:the\s+)?(?P<d1>{_DAY})(?:\s*(?:-|–|to|and|until|till)\s*"
    rf"(?:the\s+)?(?P<d2>{_DAY}))?(?:\s+of)?\s+(?P<mon>{_MON})(?:\s*,?\s*(?P<y>{_YEAR}))?"
)
def _dmy(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    return _day_month(m, ctx) if _cap(m, "mon") else None


# February 23, 2022; Feb. 23; March 5-6, 2022; Saturday, March 5
@_rule(
    rf"\b(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_MON})\s*(?P<d1>{_DAY})(?:\s*(?:-|–|to|and|through|until)\s*"
    rf"(?P<d2>{_DAY}))?(?:\s*,?\s*(?P<y>{_YEAR}))?(?![\d:])"
)
def _mdy(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    return _day_month(m, ctx) if _cap(m, "mon") else None


def _day_month(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    month, d1 = _month_no(m["mon"]), _day_no(m["d1"])
    d2 = _day_no(m["d2"]) if m["d2"] else None
    if d2 is not None and d2 < d1:
        return None
    if m["y"]:
        start = _safe_date(int(m["y"]), month, d1)
        relative = False
    elif ctx.anchor and m["wd"]:
        # "Tuesday, Nov. 3": the weekday picks the year
        wd = _WEEKDAYS[m["wd"].lower()]
        a = ctx.anchor
        cands = [
            c for y in range(a.year - 6, a.year + 7) if (c := _safe_date(y, month, d1)) and c.weekday() == wd
        ]
        start = _choose(cands, a, ctx.tense) if cands else _month_day(month, d1, a, ctx.tense)
        relative = True
    elif ctx.anchor:
        start = _month_day(month, d1, ctx.anchor, ctx.tense)
        relative = True
    else:
        if _safe_date(2000, month, d1) is None:
            return None
        return _hit(m, "DATE", None, relative=True, timex=f"XXXX-{month:02d}-{d1:02d}")
    if start is None:
        return None
    if d2 is None:
        return _day_hit(m, start, relative)
    end = _safe_date(start.year, month, d2)
    if end is None:
        return None
    return _hit(m, "DATE", _range_days(start, end), relative=relative, timex=start.isoformat())


# October 1982; January 2020; in October last year; early June; mid-May 2021; the end of March
@_rule(
    rf"\b(?P<mod>(?:the\s+)?(?:early|late|mid|end|beginning|start|middle)(?:\s*-\s*|\s+of\s+|\s+))?"
    rf"(?:(?P<rel0>last|this|next|past|coming)\s+)?(?P<mon>{_MONTH_FULL}|{_MON}(?=\s*,?\s*{_YEAR}))"
    rf"(?:\s*,?\s*(?:of\s+)?(?P<y>{_YEAR})|\s+(?:of\s+)?(?P<rel>last|this|next|the\s+previous|the\s+following"
    rf"|the\s+same)\s+year)?(?![\w-])"
)
def _month(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    if not _cap(m, "mon"):
        return None
    month = _month_no(m["mon"])
    mod = m["mod"]
    if m["y"]:
        year, relative = int(m["y"]), False
    else:
        whole = not ctx.text[: m.start()].strip() and not ctx.text[m.end() :].strip()
        if month in (3, 5) and not (m["rel"] or m["rel0"] or mod or whole):
            before = ctx.text[max(0, m.start() - 12) : m.start()]
            if not _MONTH_CUE_BEFORE.search(before):
                return None  # "may" / "March" without a cue are too often verbs and nouns
        if ctx.anchor is None:
            return _hit(m, "DATE", None, relative=True, timex=f"XXXX-{month:02d}")
        rel = (m["rel"] or m["rel0"] or "").lower().split()[-1:] or [""]
        relative = True
        a = ctx.anchor
        if rel[0] in ("last", "previous", "past"):
            year = a.year - 1 if m["rel"] else (a.year if month < a.month else a.year - 1)
        elif rel[0] in ("next", "following", "coming"):
            year = a.year + 1 if m["rel"] else (a.year if month > a.month else a.year + 1)
        elif rel[0] in ("this", "same"):
            year = a.year
        else:
            year = _month_year(month, a, ctx.tense)
    rng = _month_part(year, month, mod)
    return _hit(m, "DATE", rng, relative=relative, timex=f"{year:04d}-{month:02d}")


# A year on its own: "in 2006", "since 2017", "the 2017 attack" - but not "2017 people"
@_rule(
    rf"(?<![\w$€£#.,/:])(?<!\d[-–])(?P<mod>\b(?:the\s+)?(?:early|late|mid|end|beginning|start|middle)"
    rf"(?:\s*-\s*|\s+of\s+|\s+))?(?<![\w$€£#.,/:])(?<!\d[-–])(?P<y>{_YEAR})(?![\w%/:]|[.,]\d)"
)
def _year(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    before = ctx.text[max(0, m.start("y") - 25) : m.start("y")]
    after = ctx.text[m.end() : m.end() + 25]
    whole = not ctx.text[: m.start()].strip() and not after.strip()
    if not whole:
        if _COUNT_NOUNS.match(after) or _NUMBER_CUE_BEFORE.search(before):
            return None
        if not (m["mod"] or _YEAR_CUE_BEFORE.search(before) or re.match(r"\s*(?:[A-Za-z]|,|\)|$|\.)", after)):
            return None
    year = int(m["y"])
    return _hit(m, "DATE", _year_part(year, m["mod"]), timex=f"{year:04d}")


# '82 ; the 1990s ; the '90s ; 70s
@_rule(
    r"(?<![\w'’])(?:(?P<apos>['’])(?P<yy>\d\d)(?![\w'’%])|(?:the\s+)?(?P<c>1[6-9]|20|['’])?(?P<dd>\d)0['’]?s\b)"
)
def _short_year(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    a = ctx.anchor or date.today()
    if m["yy"]:
        y = 2000 + int(m["yy"])
        if y > a.year + 1:
            y -= 100
        return _hit(m, "DATE", DateRange.year(y), timex=str(y))
    if (
        re.search(r"\b(?:their|his|her|in\s+the|mid|low|high|upper|lower)\s*$", before, re.I)
        or re.search(r"\b(?:their|his|her)\s+(?:early|late|mid)[\s-]*$", before, re.I)
    ) and not m["c"]:
        return None  # "in their 70s", "in his early 30s" are ages, "the mid-30s" a temperature
    if m["c"] and m["c"].isdigit():
        century = int(m["c"])
    else:
        century = a.year // 100 if int(m["dd"]) * 10 <= a.year % 100 else a.year // 100 - 1
    start = century * 100 + int(m["dd"]) * 10
    return _hit(m, "DATE", DateRange(date(start, 1, 1), date(start + 9, 12, 31), "year"),
                timex=f"{start // 10:03d}")  # fmt: skip


# between 2014 and 2016 ; from 2009 to 2011 ; 2009-2011
@_rule(
    rf"\b(?:between\s+(?P<a1>{_YEAR})\s+and\s+|from\s+(?P<a2>{_YEAR})\s+(?:to|until|till|through)\s+"
    rf"|(?P<a3>{_YEAR})\s*[-–]\s*)(?P<b>{_YEAR})\b"
)
def _year_span(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    y1, y2 = int(m["a1"] or m["a2"] or m["a3"]), int(m["b"])
    if y2 <= y1:
        return None
    return _hit(m, "DURATION", DateRange(date(y1, 1, 1), date(y2, 12, 31), "year"), timex=f"P{y2 - y1}Y")

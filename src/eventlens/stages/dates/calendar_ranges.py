"""Calendar arithmetic for resolving an expression against the anchor: which occurrence a
month or day means in a tense, and the day ranges of weeks, parts of years, quarters and seasons."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

from eventlens.stages.dates.words import Tense
from eventlens.types import DatePrecision, DateRange

# --------------------------------------------------------------------------- calendar helpers


def _to_date(anchor: datetime | date | None) -> date | None:
    if anchor is None:
        return None
    return anchor.date() if isinstance(anchor, datetime) else anchor


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _week_timex(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _choose(candidates: list[date], anchor: date, tense: Tense) -> date:
    """Pick among occurrences: latest not after the anchor (past), earliest not before (future), nearest."""
    cands = sorted(candidates)
    if tense == "past":
        past = [c for c in cands if c <= anchor]
        return past[-1] if past else cands[0]
    if tense == "future":
        fut = [c for c in cands if c >= anchor]
        return fut[0] if fut else cands[-1]
    return min(cands, key=lambda c: (abs((c - anchor).days), c > anchor))


def _month_day(month: int, day: int, anchor: date, tense: Tense) -> date | None:
    cands = [c for y in range(anchor.year - 4, anchor.year + 5) if (c := _safe_date(y, month, day))]
    return _choose(cands, anchor, tense) if cands else None


def _month_year(month: int, anchor: date, tense: Tense) -> int:
    starts = [date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if tense == "future":
        # the current month counts as "in October" said in October
        firsts = [s for s in starts if (s.year, s.month) >= (anchor.year, anchor.month)]
        return firsts[0].year
    return _choose(starts, date(anchor.year, anchor.month, 1), tense).year


def _range_days(start: date, end: date, **kw: object) -> DateRange:
    span = (end - start).days
    precision: DatePrecision = "day" if span == 0 else "week" if span <= 6 else "month"
    return DateRange(start, end, precision, **kw)  # type: ignore[arg-type]


def _year_part(year: int, mod: str | None) -> DateRange:
    """``late 2017`` -> the last four months, still precision "year"."""
    m = (mod or "").lower()
    if "early" in m or "beginning" in m or "start" in m:
        return DateRange(date(year, 1, 1), date(year, 4, 30), "year")
    if "mid" in m or "middle" in m:
        return DateRange(date(year, 5, 1), date(year, 8, 31), "year")
    if "late" in m or "end" in m:
        return DateRange(date(year, 9, 1), date(year, 12, 31), "year")
    return DateRange.year(year)


def _month_part(year: int, month: int, mod: str | None) -> DateRange:
    last = calendar.monthrange(year, month)[1]
    m = (mod or "").lower()
    if "early" in m or "beginning" in m or "start" in m:
        return DateRange(date(year, month, 1), date(year, month, 10), "month")
    if "mid" in m or "middle" in m:
        return DateRange(date(year, month, 11), date(year, month, 20), "month")
    if "late" in m or "end" in m:
        return DateRange(date(year, month, 21), date(year, month, last), "month")
    return DateRange.month(year, month)


def _quarter(year: int, q: int) -> DateRange:
    end_m = q * 3
    return DateRange(date(year, end_m - 2, 1), date(year, end_m, calendar.monthrange(year, end_m)[1]), "year")


def _season(year: int, first_month: int) -> DateRange:
    ey, em = _add_months(year, first_month, 2)
    return DateRange(date(year, first_month, 1), date(ey, em, calendar.monthrange(ey, em)[1]), "year")

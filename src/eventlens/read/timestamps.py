"""The one publication-time parser, and the one time-zone policy, of eventlens.

Every way a publication time enters - ``--published`` on the command line, ``published=`` in
the Python API and the HTTP API, a JSON record's ``"published"``, an HTML page's metadata, a
feed entry - goes through :func:`published_time` (or, for strict ISO 8601 strings found in
page metadata, :func:`parse_timestamp`).

**Policy: local wall-clock time as printed, naive.** A UTC offset, when the source gives one,
is dropped, never applied: ``2021-10-31T09:21:00+03:00`` is ``2021-10-31 09:21``. The story's
relative dates ("yesterday evening", "on Saturday") are relative to the newsroom's calendar,
and converting to UTC could move the day (``00:30+03:00`` is the previous day in UTC). The
same holds for times printed in the text (:mod:`eventlens.stages.clean`). Feed entries are the
exception the feed format forces: feedparser gives UTC only, so they are UTC wall time.
A bare date is midnight with precision ``"day"``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Literal

Precision = Literal["minute", "day"]

_ISO = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?"
)


def parse_timestamp(value: str, *, whole: bool = False) -> tuple[datetime, Precision] | None:
    """``2021-10-31T09:21:00+03:00`` -> (2021-10-31 09:21, "minute"); a bare date gives "day";
    anything that does not start with an ISO 8601 date (with ``whole=True``: that is not one
    from end to end) gives ``None``. Seconds are dropped: news times are printed to the minute.

    The offset is dropped: the time is kept as printed (see the module docstring).
    """
    m = _ISO.match(value or "")
    if not m or (whole and value[m.end() :].strip()):
        return None
    y, mo, d, hh, mm = m.group(1, 2, 3, 4, 5)
    try:
        if hh is None:
            return datetime(int(y), int(mo), int(d)), "day"
        return datetime(int(y), int(mo), int(d), int(hh), int(mm)), "minute"
    except ValueError:
        return None


def published_time(value: datetime | date | str | None, *, lenient: bool = False) -> datetime | None:
    """A publication time given as a datetime, a date or a string, under the module's policy.

    Strings: ISO 8601 (``2021-10-31``, ``2021-10-31T09:21``, ``...Z``, ``...+03:00``, seconds and
    fractions allowed); with ``lenient=True`` (JSON records from other tools) also free forms
    such as ``31 Oct 2021 09:21 GMT`` via dateutil. A datetime keeps its wall-clock time (its
    zone, if any, is dropped); a date is midnight. Anything else raises ``ValueError``
    (unreadable string) or ``TypeError`` (wrong type), with a message naming the value.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise TypeError(
            f"published must be a datetime, a date or an ISO 8601 string, not {type(value).__name__}"
        )
    parsed = parse_timestamp(value, whole=not lenient)
    if parsed is not None:
        return parsed[0]
    if lenient:
        from dateutil import parser  # a dependency of pandas anyway; only free-form strings need it

        try:
            return parser.parse(value).replace(tzinfo=None)
        except (ValueError, OverflowError):
            pass
    raise ValueError(f"published={value!r} is not an ISO 8601 date or date-time (e.g. 2021-10-31T09:21)")


#: The earliest publication time a caller may give: older is a typo (``0021-10-31``), not news.
EARLIEST_PUBLISHED = datetime(1900, 1, 1)
#: How far ahead of the clock a given publication time may be: a newsroom east of UTC is up to
#: 14 hours ahead; more than a day ahead is a mistyped year, and would date every event wrongly.
PUBLISHED_LEEWAY = timedelta(days=1)


def check_published_range(value: datetime, *, now: datetime | None = None) -> datetime:
    """``value`` if it can be a publication time, else ``ValueError`` saying why: before 1900,
    or more than a day after ``now`` (default: the clock, UTC). The CLI's ``--published`` and the
    API's ``published`` both go through it."""
    from eventlens.clock import utcnow

    now = now or utcnow()
    naive = value.replace(tzinfo=None)
    if naive < EARLIEST_PUBLISHED:
        raise ValueError(f"published {naive:%Y-%m-%d} is before 1900; check the year")
    if naive > now + PUBLISHED_LEEWAY:
        raise ValueError(
            f"published {naive:%Y-%m-%d %H:%M} is in the future (today is {now:%Y-%m-%d}); check the date"
        )
    return value


def can_be_published(value: datetime) -> bool:
    """Whether a time a source gives (a page's metadata, a feed entry) can be its publication,
    by the rule of :func:`check_published_range`; where it cannot, the caller reads its next
    source of the time instead of refusing the article."""
    try:
        check_published_range(value)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------- the rule as a pattern

#: The time after an ISO 8601 date, as the HTTP API takes it: ``T`` (or a space), hours and
#: minutes, optional seconds and fraction, optional ``Z``, ``+HH:MM`` or ``+HHMM``. Digits are ``[0-9]``:
#: ``\d`` also matches other scripts' digits, which no date parser reads.
ISO_TIME_PATTERN = (
    r"(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,6})?)?"
    r"(?:Z|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])?)?"
)
#: An ISO 8601 date or date-time of any year (the shape; the calendar and the range are checked apart).
ISO_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}" + ISO_TIME_PATTERN)


def _digits(lo: int, hi: int) -> str:
    return str(lo) if lo == hi else f"[{lo}-{hi}]"


def number_range_pattern(lo: int, hi: int, width: int) -> str:
    """A regular expression for the numbers ``lo..hi`` written with ``width`` digits (zero-padded)."""
    if width == 1:
        return _digits(lo, hi)
    step = 10 ** (width - 1)
    (a, lo_rest), (b, hi_rest) = divmod(lo, step), divmod(hi, step)

    def then(first: int, rest: str) -> str:
        return f"{first}(?:{rest})" if "|" in rest else f"{first}{rest}"

    if a == b:
        return then(a, number_range_pattern(lo_rest, hi_rest, width - 1))
    parts = []
    first, last = a, b
    if lo_rest:
        parts.append(then(a, number_range_pattern(lo_rest, step - 1, width - 1)))
        first += 1
    if hi_rest != step - 1:
        parts.append(then(b, number_range_pattern(0, hi_rest, width - 1)))
        last -= 1
    if first <= last:
        parts.append(_digits(first, last) + ("[0-9]" if width == 2 else f"[0-9]{{{width - 1}}}"))
    return "|".join(parts)


def _days_in(year: int, month: int) -> int:
    import calendar

    return calendar.monthrange(year, month)[1]


def published_pattern(today: date) -> str:
    """The publication times :func:`check_published_range` takes, as a JSON Schema ``pattern``:
    an ISO 8601 date or date-time (:data:`ISO_TIME_PATTERN`) of a real day from 1900-01-01 to
    ``today``. The rule's day of leeway cannot be stated without the time of day, so the pattern
    is the stricter: whatever matches it is taken. Built from the calendar, so it stays exact
    (February 29 only in leap years)."""
    import calendar

    y, m = today.year, today.month
    if y < 1901:
        raise ValueError("today must be after 1900")
    # whole years 1900..y-1: every month-day but February 29, then February 29 of leap years
    any_day = r"(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31"
    leap = [str(yr) for yr in range(1900, y) if calendar.isleap(yr)]
    dates = [f"(?:{number_range_pattern(1900, y - 1, 4)})-(?:{any_day})", f"(?:{'|'.join(leap)})-02-29"]
    # this year: the months before this one whole, this month up to today
    this_year = [f"{mo:02d}-(?:{number_range_pattern(1, _days_in(y, mo), 2)})" for mo in range(1, m)] + [
        f"{m:02d}-(?:{number_range_pattern(1, today.day, 2)})"
    ]
    dates.append(f"{y}-(?:{'|'.join(this_year)})")
    return f"^(?:{'|'.join(dates)}){ISO_TIME_PATTERN}$"

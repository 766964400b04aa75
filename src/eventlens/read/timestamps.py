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

"""The records that flow between pipeline stages, in one place.

Every record is a frozen, slotted dataclass: stages return new records
(``dataclasses.replace``) instead of mutating, so a stage can be tested with a
hand-made input and its output compared whole.

Offsets: every :class:`Span` is a pair of character offsets into
``Article.text`` - the text the *reader* produced. Cleaning never rewrites
that text; it only narrows the body (``body_start``/``body_end``) and lists
boilerplate blocks (``removed``), so any span can be shown in the article.
"""

from __future__ import annotations

import calendar
import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

DatePrecision = Literal["day", "week", "month", "year"]
GeoPrecision = Literal["point", "neighbourhood", "city", "admin2", "admin1", "country"]
Role = Literal["reported", "background"]
PlaceRole = Literal["target", "origin", "impact", "location"]

#: ACLED ``time_precision`` for each of our date precisions (1 = day, 2 = week-ish, 3 = month or coarser).
TIME_PRECISION: dict[str, int] = {"day": 1, "week": 2, "month": 3, "year": 3}


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``text[start:end]`` of ``Article.text``; ``text`` is kept for display."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Cue:
    """A matched cue: its name, weight, and token/char bounds in the Doc."""

    name: str
    weight: float
    start: int  # token index
    end: int
    start_char: int
    end_char: int
    text: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a field has its value: the words, the stage that read them, and how sure it is."""

    field: str
    spans: tuple[Span, ...]
    stage: str
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "spans": [s.to_dict() for s in self.spans],
            "stage": self.stage,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class Article:
    """One input document, as read and then cleaned.

    ``text`` is never modified after reading. ``body_start``/``body_end`` bound the
    story; ``removed`` lists boilerplate blocks inside those bounds that later stages
    must ignore (see :meth:`body_masked`).
    """

    id: str
    text: str
    title: str | None = None
    title_span: Span | None = None
    published: datetime | None = None
    published_precision: Literal["minute", "hour", "day"] | None = None
    published_evidence: Span | None = None
    url: str | None = None
    source: str | None = None  # file path, feed URL, "-" for stdin
    fetched: datetime | None = None
    language: str | None = None
    input_format: str = "text"
    body_start: int = 0
    body_end: int | None = None
    removed: tuple[Span, ...] = ()
    dateline: Span | None = None  # "BAGHDAD (Reuters) -" if any
    publisher: str | None = None  # the outlet when the input names it (site name, feed title)

    @property
    def body_stop(self) -> int:
        return len(self.text) if self.body_end is None else self.body_end

    @property
    def body(self) -> str:
        """The story text (boilerplate inside it left in place; see ``body_masked``)."""
        return self.text[self.body_start : self.body_stop]

    def body_masked(self) -> str:
        """The whole ``text`` with everything outside the story blanked to spaces.

        Same length as ``text``, so offsets into it are offsets into ``text``.
        Newlines are kept so sentence and paragraph boundaries survive.
        """

        def blank(s: str) -> str:
            return "".join(c if c == "\n" else " " for c in s)

        stop = self.body_stop
        chars = [blank(self.text[: self.body_start])]
        pos = self.body_start
        for sp in sorted(self.removed, key=lambda s: s.start):
            if sp.end <= pos or sp.start >= stop:
                continue
            chars.append(self.text[pos : max(pos, sp.start)])
            chars.append(blank(self.text[max(pos, sp.start) : min(sp.end, stop)]))
            pos = min(sp.end, stop)
        chars.append(self.text[pos:stop])
        chars.append(blank(self.text[stop:]))
        return "".join(chars)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class DateRange:
    """When an event happened: a closed range of days with a precision.

    ``start == end`` for a day; a month is its first and last day, and so on.
    ``time_of_day`` is a coarse label ("morning", "evening", "night") or "HH:MM".
    """

    start: date
    end: date
    precision: DatePrecision
    time_of_day: str | None = None
    evidence: Span | None = None

    @classmethod
    def day(cls, d: date, **kw: Any) -> DateRange:
        return cls(d, d, "day", **kw)

    @classmethod
    def month(cls, year: int, month: int, **kw: Any) -> DateRange:
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), "month", **kw)

    @classmethod
    def year(cls, year: int, **kw: Any) -> DateRange:
        return cls(date(year, 1, 1), date(year, 12, 31), "year", **kw)

    @classmethod
    def week(cls, start: date, **kw: Any) -> DateRange:
        return cls(start, start + timedelta(days=6), "week", **kw)

    @property
    def value(self) -> str:
        """ISO text at the stated precision: ``2021-10-30``, ``2020-01``, ``2017``."""
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if self.precision == "year":
            return f"{self.start.year:04d}"
        return self.start.isoformat()

    @property
    def time_precision(self) -> int:
        return TIME_PRECISION[self.precision]

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place (from the gazetteer)."""

    name: str
    lat: float
    lon: float
    precision: GeoPrecision
    country: str | None = None
    iso3: str | None = None
    iso2: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    geonameid: int | None = None
    feature_code: str | None = None
    population: int | None = None
    score: float = 1.0
    #: the event is near the place or in a part of it the text does not locate ("near X", "20 km
    #: north of X"): ACLED geo_precision 2 even for a town
    near: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "near": self.near,
            "country": self.country,
            "iso3": self.iso3,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "admin3": self.admin3,
            "geonameid": self.geonameid,
            "feature_code": self.feature_code,
        }


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in (or given for) a text, and where it resolved: what
    ``eventlens places``, :func:`eventlens.geoparse` and :func:`eventlens.resolve` return.

    ``place`` is ``None`` when the gazetteer has no reading; ``runner_up`` is the best other
    reading the resolver weighed (``None`` when there was none). ``is_location`` is False for a
    name that is not where something happens: metonymy ("Washington said"), a demonym
    ("Russian forces"), a place inside an organisation's name; ``kind`` says which.
    """

    start: int
    end: int
    text: str
    name: str
    place: Place | None = None
    runner_up: Place | None = None
    is_location: bool = True
    kind: str = "place"  # place | metonymy | demonym | attribute | guess (placed by its context only)

    def to_dict(self) -> dict[str, Any]:
        p = self.place
        r = self.runner_up
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": self.name,
            "latitude": p.lat if p else None,
            "longitude": p.lon if p else None,
            "geonameid": p.geonameid if p else None,
            "feature_code": p.feature_code if p else None,
            "country_code": p.iso2 if p else None,
            "admin1": p.admin1 if p else None,
            "score": p.score if p else None,
            "resolved_name": p.name if p else None,
            "precision": p.precision if p else None,
            "is_location": self.is_location,
            "kind": self.kind,
            "runner_up": None
            if r is None
            else {
                "name": r.name,
                "geonameid": r.geonameid,
                "country_code": r.iso2,
                "latitude": r.lat,
                "longitude": r.lon,
                "score": r.score,
            },
        }


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in the text with its role in the event, and where it resolved (if it did)."""

    mention: str
    role: PlaceRole
    span: Span
    place: Place | None = None
    container: str | None = None  # "Baghdad" in "Mansour district of Baghdad"

    def to_dict(self) -> dict[str, Any]:
        return {
            "mention": self.mention,
            "role": self.role,
            "span": self.span.to_dict(),
            "place": self.place.to_dict() if self.place else None,
            "container": self.container,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """A participant. ``name`` follows ACLED's style ("Military Forces of Iraq (2020-)",
    "Unidentified Armed Group (Iraq)", "Protesters (Kenya)"); ``mention`` is the text."""

    name: str
    mention: str | None = None
    span: Span | None = None
    inter: int | None = None
    asserted: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mention": self.mention,
            "span": self.span.to_dict() if self.span else None,
            "inter": self.inter,
            "asserted": self.asserted,
        }


@dataclass(frozen=True, slots=True)
class Weapon:
    mention: str
    kind: str  # rocket, missile, mortar, artillery, drone, aircraft, ied, grenade, firearm, bladed, ...
    count: int | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "mention": self.mention,
            "kind": self.kind,
            "count": self.count,
            "span": self.span.to_dict() if self.span else None,
        }


@dataclass(frozen=True, slots=True)
class Target:
    mention: str
    kind: str | None = None  # civilians, security forces, building, convoy, ...
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "mention": self.mention,
            "kind": self.kind,
            "span": self.span.to_dict() if self.span else None,
        }


@dataclass(frozen=True, slots=True)
class Source:
    """Who the article attributes the report to ("police said")."""

    name: str
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "span": self.span.to_dict() if self.span else None}


@dataclass(frozen=True, slots=True)
class Event:
    """One incident as read from one article. ``to_dict`` gives the public JSON record."""

    article_id: str
    role: Role
    event_type: str
    sub_event_type: str
    disorder_type: str
    date: DateRange | None
    id: str = ""
    article_title: str | None = None
    article_published: datetime | None = None
    actor1: Actor | None = None
    assoc_actor_1: tuple[Actor, ...] = ()
    actor2: Actor | None = None
    assoc_actor_2: tuple[Actor, ...] = ()
    civilian_targeting: bool = False
    places: tuple[PlaceMention, ...] = ()
    location: Place | None = None
    fatalities: int | None = None
    injured: int | None = None
    weapons: tuple[Weapon, ...] = ()
    targets: tuple[Target, ...] = ()
    claimed_by: Actor | None = None
    suspected_actors: tuple[Actor, ...] = ()
    sources: tuple[Source, ...] = ()
    confidence: float = 0.5
    evidence: tuple[Evidence, ...] = ()
    notes: str = ""
    sentences: tuple[Span, ...] = field(default=())

    @property
    def inter1(self) -> int | None:
        return self.actor1.inter if self.actor1 else None

    @property
    def inter2(self) -> int | None:
        return self.actor2.inter if self.actor2 else None

    @property
    def interaction(self) -> int | None:
        """ACLED interaction code: the two inter codes, lower first (``17``); a lone actor ``10*i``."""
        a, b = self.inter1, self.inter2
        if a is None and b is None:
            return None
        if a is None or b is None:
            return 10 * (a or b or 0)
        lo, hi = sorted((a, b))
        return lo * 10 + hi

    def to_dict(self) -> dict[str, Any]:
        loc = self.location
        return {
            "id": self.id,
            "article_id": self.article_id,
            "article_title": self.article_title,
            "article_published": self.article_published.isoformat(timespec="minutes")
            if self.article_published
            else None,
            "role": self.role,
            "event_date": self.date.value if self.date else None,
            "date_precision": self.date.precision if self.date else None,
            "time_precision": self.date.time_precision if self.date else None,
            "time_of_day": self.date.time_of_day if self.date else None,
            "disorder_type": self.disorder_type,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "actor1": self.actor1.name if self.actor1 else None,
            "assoc_actor_1": "; ".join(a.name for a in self.assoc_actor_1) or None,
            "inter1": self.inter1,
            "actor2": self.actor2.name if self.actor2 else None,
            "assoc_actor_2": "; ".join(a.name for a in self.assoc_actor_2) or None,
            "inter2": self.inter2,
            "interaction": self.interaction,
            "civilian_targeting": "Civilian targeting" if self.civilian_targeting else None,
            "country": loc.country if loc else None,
            "iso": loc.iso3 if loc else None,
            "admin1": loc.admin1 if loc else None,
            "admin2": loc.admin2 if loc else None,
            "admin3": loc.admin3 if loc else None,
            "location": loc.name if loc else None,
            "latitude": loc.lat if loc else None,
            "longitude": loc.lon if loc else None,
            "geo_precision": _geo_precision(loc),
            "geo_precision_label": loc.precision if loc else None,
            "feature_code": loc.feature_code if loc else None,
            "fatalities": self.fatalities,
            "injured": self.injured,
            "notes": self.notes,
            "weapons": [w.to_dict() for w in self.weapons],
            "targets": [t.to_dict() for t in self.targets],
            "places": [p.to_dict() for p in self.places],
            "actors": {
                "actor1": self.actor1.to_dict() if self.actor1 else None,
                "actor2": self.actor2.to_dict() if self.actor2 else None,
                "assoc_actor_1": [a.to_dict() for a in self.assoc_actor_1],
                "assoc_actor_2": [a.to_dict() for a in self.assoc_actor_2],
            },
            "claimed_by": self.claimed_by.to_dict() if self.claimed_by else None,
            "suspected_actors": [a.to_dict() for a in self.suspected_actors],
            "sources": [s.to_dict() for s in self.sources],
            "confidence": round(self.confidence, 3),
            "evidence": [e.to_dict() for e in self.evidence],
        }


def _geo_precision(loc: Place | None) -> int | None:
    if loc is None:
        return None
    code = _GEO_PRECISION_CODE.get(loc.precision)
    if code is not None and loc.near and loc.precision != "country":
        return 2  # near a town, or in a part of a province the text does not name
    return code


#: ACLED geo_precision: 1 = the exact town/point, 2 = near/part of a region, 3 = a larger region.
_GEO_PRECISION_CODE: dict[str, int] = {
    "point": 1,
    "neighbourhood": 1,
    "city": 1,
    "admin2": 2,
    "admin1": 3,
    "country": 3,
}

"""Hand-made articles and events for store tests (no extractor needed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from eventlens.errors import InputError
from eventlens.types import Actor, Article, DateRange, Event, Place

BAGHDAD = Place("Baghdad", 33.3406, 44.4009, "city", country="Iraq", iso3="IRQ", admin1="Baghdad")
MANSOUR = Place("Mansour", 33.3158, 44.3353, "neighbourhood", country="Iraq", iso3="IRQ", admin1="Baghdad")
BASRA = Place("Basra", 30.5085, 47.7804, "city", country="Iraq", iso3="IRQ", admin1="Basra")
IRAQ = Place("Iraq", 33.0, 44.0, "country", country="Iraq", iso3="IRQ")
KABUL = Place("Kabul", 34.5281, 69.1723, "city", country="Afghanistan", iso3="AFG", admin1="Kabul")


@dataclass(frozen=True)
class Result:
    """The shape of eventlens.pipeline.ExtractResult, for tests that need no extractor."""

    article: Article | None
    events: list[Event] = field(default_factory=list)
    error: InputError | None = None

    @property
    def article_id(self) -> str:
        return self.article.id if self.article else "?"


def article(
    n: int | str, text: str | None = None, *, url: str | None = None, day: date = date(2020, 1, 5)
) -> Article:
    return Article(
        id=f"a{n}",
        text=text
        or f"Report number {n}: something happened in a place on a day, officials said. Detail {n}.",
        url=url if url is not None else f"https://outlet{n}.example/story/{n}",
        published=datetime(day.year, day.month, day.day, 12, 0),
        source=f"a{n}.txt",
    )


def event(
    art: Article,
    *,
    place: Place | None = BAGHDAD,
    day: date = date(2020, 1, 5),
    sub: str = "Shelling/artillery/missile attack",
    etype: str = "Explosions/Remote violence",
    fatalities: int | None = None,
    actor: str | None = "Unidentified Armed Group (Iraq)",
    role: str = "reported",
    confidence: float = 0.7,
    dr: DateRange | None = None,
) -> Event:
    return Event(
        article_id=art.id,
        role=role,  # type: ignore[arg-type]
        event_type=etype,
        sub_event_type=sub,
        disorder_type="Political violence",
        date=dr or DateRange.day(day),
        article_published=art.published,
        location=place,
        fatalities=fatalities,
        actor1=Actor(actor) if actor else None,
        confidence=confidence,
        notes=f"notes from {art.id}",
    )


def partition(store) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    """The incidents as sets of mention ids (independent of incident ids)."""
    import sqlalchemy as sa

    from eventlens.store import schema as t

    groups: dict[int, set[str]] = {}
    with store.engine.connect() as conn:
        for mid, seq in conn.execute(sa.select(t.mentions.c.id, t.mentions.c.incident_seq)):
            groups.setdefault(seq, set()).add(mid)
    return {frozenset(g) for g in groups.values()}


def corpus(n: int = 200) -> list[Result]:
    """A deterministic corpus: 200 articles over 10 places and 20 days, some reporting the same incident."""
    places = [BAGHDAD, MANSOUR, BASRA, KABUL, IRAQ]
    out = []
    for i in range(n):
        d = date(2021, 3, 1 + i % 20)
        a = article(i, day=d)
        evs = [event(a, day=d, place=places[i % 5], fatalities=i % 7)]
        if i % 3 == 0:
            evs.append(event(a, day=d, place=places[(i + 2) % 5], sub="Armed clash", etype="Battles"))
        out.append(Result(a, evs))
    return out

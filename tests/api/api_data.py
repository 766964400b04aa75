"""A small hand-made store for API, export and browser tests (no extractor, no network).

Six articles in three countries and three event types, every event with evidence spans into its
article's text, and one article whose text carries markup and a script: the dashboard must show
it as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from eventlens.errors import InputError
from eventlens.pipeline import ExtractResult
from eventlens.store import Store, ingest
from eventlens.store import open as open_store
from eventlens.types import Actor, Article, DateRange, Event, Evidence, Place, Span

BAGHDAD = Place("Baghdad", 33.3406, 44.4009, "city", country="Iraq", iso3="IRQ", admin1="Baghdad")
BASRA = Place("Basra", 30.5085, 47.7804, "city", country="Iraq", iso3="IRQ", admin1="Basra")
KABUL = Place("Kabul", 34.5281, 69.1723, "city", country="Afghanistan", iso3="AFG", admin1="Kabul")
NAIROBI = Place("Nairobi", -1.2833, 36.8167, "city", country="Kenya", iso3="KEN", admin1="Nairobi")
MOMBASA = Place("Mombasa", -4.0547, 39.6636, "city", country="Kenya", iso3="KEN", admin1="Mombasa")

SCRIPT_TEXT = (
    "Protest in Mombasa <script>window.__pwned = 1</script>\n\n"
    'Hundreds of traders protested in Mombasa on Monday <img src=x onerror="window.__pwned = 2"> '
    "against new market fees, witnesses said. <b>No injuries</b> were reported."
)


@dataclass(frozen=True)
class Result:
    """The shape of eventlens.pipeline.ExtractResult."""

    article: Article | None
    events: list[Event] = field(default_factory=list)
    error: InputError | None = None

    @property
    def article_id(self) -> str:
        return self.article.id if self.article else "?"


def _span(text: str, words: str) -> Span:
    at = text.index(words)
    return Span(at, at + len(words), words)


def _item(
    n: int,
    text: str,
    *,
    day: date,
    place: Place,
    etype: str,
    sub: str,
    disorder: str,
    actor: str,
    fatalities: int | None,
    cue: str,
    where: str,
    when: str,
    who: str,
    confidence: float = 0.7,
) -> Result:
    art = Article(
        id=f"a{n}",
        text=text,
        title=text.split("\n", 1)[0],
        url=f"https://outlet{n}.example/story/{n}",
        published=datetime(day.year, day.month, day.day, 12, 0),
        source=f"a{n}.txt",
    )
    ev = Event(
        article_id=art.id,
        role="reported",
        event_type=etype,
        sub_event_type=sub,
        disorder_type=disorder,
        date=DateRange.day(day, evidence=_span(text, when)),
        article_published=art.published,
        article_title=art.title,
        location=place,
        fatalities=fatalities,
        actor1=Actor(actor, mention=who, span=_span(text, who)),
        confidence=confidence,
        notes=f"On {day.isoformat()}, {sub.lower()} in {place.name}.",
        evidence=(
            Evidence("event_type", (_span(text, cue),), "detect", 0.8),
            Evidence("location", (_span(text, where),), "geo", 0.9),
            Evidence("event_date", (_span(text, when),), "dates", 0.9),
            Evidence("actor1", (_span(text, who),), "arguments", 0.6),
        ),
    )
    return Result(art, [ev])


def items() -> list[Result]:
    t1 = "Rockets hit Baghdad\n\nThree rockets struck near the embassy in Baghdad on Sunday, police said."
    t2 = "Clashes in Basra\n\nGunmen clashed with police in Basra on Tuesday; two people were killed."
    t3 = "Kabul blast\n\nA roadside bomb exploded in Kabul on Friday, killing four soldiers, officials said."
    t4 = "Nairobi march\n\nThousands of students marched peacefully in Nairobi on Thursday, police said."
    t5 = "Kabul clash\n\nTaliban fighters clashed with militia in Kabul on Saturday, residents said."
    return [
        _item(1, t1, day=date(2021, 10, 31), place=BAGHDAD, etype="Explosions/Remote violence",
              sub="Shelling/artillery/missile attack", disorder="Political violence",
              actor="Unidentified Armed Group (Iraq)", fatalities=0, cue="rockets struck", where="Baghdad",
              when="on Sunday", who="Three rockets"),
        _item(2, t2, day=date(2021, 11, 2), place=BASRA, etype="Battles", sub="Armed clash",
              disorder="Political violence", actor="Unidentified Armed Group (Iraq)", fatalities=2,
              cue="clashed", where="Basra", when="on Tuesday", who="Gunmen"),
        _item(3, t3, day=date(2021, 9, 10), place=KABUL, etype="Explosions/Remote violence",
              sub="Remote explosive/landmine/IED", disorder="Political violence",
              actor="Unidentified Armed Group (Afghanistan)", fatalities=4, cue="roadside bomb exploded",
              where="Kabul", when="on Friday", who="A roadside bomb"),
        _item(4, t4, day=date(2021, 8, 5), place=NAIROBI, etype="Protests", sub="Peaceful protest",
              disorder="Demonstrations", actor="Protesters (Kenya)", fatalities=0, cue="marched peacefully",
              where="Nairobi", when="on Thursday", who="Thousands of students"),
        _item(5, t5, day=date(2021, 9, 25), place=KABUL, etype="Battles", sub="Armed clash",
              disorder="Political violence", actor="Taliban", fatalities=None, cue="clashed",
              where="Kabul", when="on Saturday", who="Taliban fighters"),
        _item(6, SCRIPT_TEXT, day=date(2021, 10, 4), place=MOMBASA, etype="Protests", sub="Peaceful protest",
              disorder="Demonstrations", actor="Protesters (Kenya)", fatalities=0, cue="protested",
              where="Mombasa on Monday <img src=x", when="on Monday", who="Hundreds of traders"),
    ]  # fmt: skip


def build(db_url: str) -> Store:
    """Open (creating) a store at ``db_url`` and fill it with :func:`items`."""
    store = open_store(db_url)
    summary = ingest(store, items())
    assert summary.failures == 0, summary
    return store


def incident_ids(store: Store) -> dict[str, Any]:
    """location -> incident id."""
    return {r["location"]: r["event_id_cnty"] for r in store.query()}


def make_client(store: Store, **settings: object):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from eventlens.api.app import Settings, create_app

    return TestClient(create_app(Settings(**settings), store=store))  # type: ignore[arg-type]


def fake_extract(items: list[Any], published: Any = None, **_: Any) -> list[ExtractResult]:
    """One protest in Nairobi per article, with evidence on the word 'protest' when present."""
    out = []
    for art in items:
        at = art.text.lower().find("protest")
        spans = (Span(at, at + 7, art.text[at : at + 7]),) if at >= 0 else ()
        ev = Event(
            article_id=art.id,
            role="reported",
            event_type="Protests",
            sub_event_type="Peaceful protest",
            disorder_type="Demonstrations",
            date=DateRange.day(date(2022, 3, 1)),
            location=NAIROBI,
            actor1=Actor("Protesters (Kenya)"),
            evidence=(Evidence("event_type", spans, "detect", 0.8),) if spans else (),
        )
        out.append(ExtractResult(art.id, art, [ev]))
    return out

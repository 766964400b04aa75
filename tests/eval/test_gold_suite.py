"""The gold scorer and must_not checkers on a tiny hand-made gold document and hand-made Events."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest

from eventlens.eval.checks import share
from eventlens.eval.corpus import Extracted
from eventlens.eval.gold_suite import score_gold_document
from eventlens.eval.must_not import check_must_not
from eventlens.types import (
    Actor,
    Article,
    DateRange,
    Event,
    Evidence,
    Place,
    PlaceMention,
    Source,
    Span,
    Target,
    Weapon,
)

TEXT = (
    "Gunmen attack market in Townville\n\n"
    "Gunmen fired mortars at the central market in Townville on Monday, killing two people, police said.\n"
    "The attack came after a 2019 bombing in Townville that killed ten.\n"
    "Share this story\n"
)
S1 = "Gunmen fired mortars at the central market in Townville on Monday, killing two people, police said."
S2 = "The attack came after a 2019 bombing in Townville that killed ten."

GOLD: dict[str, Any] = {
    "article": {
        "title": "Gunmen attack market in Townville",
        "published": "2024-03-06T10:00",
        "body_starts_with": "Gunmen fired mortars",
        "body_ends_with": "that killed ten.",
        "boilerplate_absent": ["Share this story"],
    },
    "events": [
        {
            "role": "reported",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack",
            "date": "2024-03-04",
            "date_precision": "day",
            "country": "Testland",
            "location": {
                "name": "Townville",
                "lat": 10.0,
                "lon": 20.0,
                "tolerance_km": 5,
                "acceptable_coarser": {"name": "Region", "lat": 10.5, "lon": 20.5, "tolerance_km": 100},
            },
            "actor1": {"name": "Unidentified Armed Group (Testland)", "mention": "Gunmen"},
            "target": {"mention": "the central market"},
            "weapon": {"mention": "mortars", "kind": "mortar", "count": None},
            "fatalities": 2,
            "reporting_sources": ["police"],
            "evidence_sentences": [S1],
        },
        {
            "role": "background",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Remote explosive/landmine/IED",
            "date": "2019",
            "date_precision": "year",
            "optional": True,
        },
    ],
    "must_not": [
        "more than one reported event for the market attack",
        "any reported event dated 2024-03-06 (the publication date) or any date other than 2024-03-04",
        "a background event (2019) reported as new on 2024-03-04",
        "a fatality count above 2 for the reported event",
        "Gunmen or Share treated as places",
        "the moon coded as an actor",
    ],
}


def sp(s: str) -> Span:
    i = TEXT.index(s)
    return Span(i, i + len(s), s)


ARTICLE = Article(
    id="t",
    text=TEXT,
    title="Gunmen attack market in Townville",
    published=datetime(2024, 3, 6, 10, 0),
    body_start=TEXT.index("Gunmen fired"),
    body_end=TEXT.index("Share this story"),
)
TOWN = Place("Townville", 10.0, 20.0, "city", country="Testland", iso3="TST", admin1="North")
GOOD = Event(
    article_id="t",
    role="reported",
    event_type="Explosions/Remote violence",
    sub_event_type="Shelling/artillery/missile attack",
    disorder_type="Political violence",
    date=DateRange.day(date(2024, 3, 4)),
    actor1=Actor("Unidentified Armed Group (Testland)", "Gunmen", sp("Gunmen"), 3),
    targets=(Target("the central market", span=sp("the central market")),),
    weapons=(Weapon("mortars", "mortar", None, sp("mortars")),),
    location=TOWN,
    places=(PlaceMention("Townville", "location", sp("Townville"), TOWN),),
    fatalities=2,
    sources=(Source("police", sp("police")),),
    evidence=(Evidence("event_type", (sp(S1),), "test"),),
)


def run(events: list[Event], article: Article | None = ARTICLE) -> dict[str, Any]:
    ex = Extracted("t", article, tuple(e.to_dict() for e in events))
    return score_gold_document(GOLD, ex, TEXT)


def statuses(res: dict[str, Any]) -> dict[str, str]:
    return {c.id: c.status for c in res["checks"]}


def test_perfect_reading_passes_every_check_but_the_unknown_must_not() -> None:
    st = statuses(run([GOOD]))
    assert st.pop("must_not[5]") == "unchecked"  # "the moon coded as an actor": no checker, never passed
    assert st.pop("event1.found") == "skip"  # optional background event: fine to miss
    assert set(st.values()) == {"pass"}, {k: v for k, v in st.items() if v != "pass"}


def test_empty_system_fails_every_field_and_passes_only_must_not() -> None:
    res = score_gold_document(GOLD, None, TEXT)
    st = statuses(res)
    fields = {k: v for k, v in st.items() if not k.startswith(("must_not", "event1"))}
    assert set(fields.values()) == {"fail"}
    # nothing extracted -> no forbidden mistake made: the five checkable items pass, one is unchecked
    assert [st[f"must_not[{i}]"] for i in range(6)] == ["pass"] * 5 + ["unchecked"]


def test_half_right_reading_scores_the_hand_computed_share() -> None:
    # wrong: sub_event_type (Armed clash -> also event_type Battles), date (03-05), fatalities (None)
    # and coordinates only at the coarse fallback (partial, 0.5) -> see the per-check list below
    bad = replace(
        GOOD,
        event_type="Battles",
        sub_event_type="Armed clash",
        date=DateRange.day(date(2024, 3, 5)),
        fatalities=None,
        location=replace(TOWN, lat=10.5, lon=20.5),
    )
    res = run([bad])
    event0 = [c for c in res["checks"] if c.id.startswith("event0.")]
    st = {c.id: c.status for c in event0}
    assert st["event0.event_type"] == st["event0.sub_event_type"] == st["event0.date"] == "fail"
    assert st["event0.fatalities"] == "fail"
    assert st["event0.location"] == "partial"
    # 15 event0 checks: role, event_type, sub_event_type, date, date_precision, country, location,
    # places[0]? (none in gold), actor1, target, weapon.kind, weapon.count, fatalities,
    # reporting_sources, evidence_sentences = 14 checks; 4 fail, 1 partial (0.5), 9 pass
    # -> (9 + 0.5) / 14 = 0.6786
    assert len(event0) == 14
    assert share(event0) == pytest.approx(9.5 / 14)


def test_article_checks_name_field_expected_and_got() -> None:
    broken = replace(ARTICLE, title="Home | News", body_end=None, published=None)
    res = run([GOOD], article=broken)
    by_id = {c.id: c for c in res["checks"]}
    assert by_id["article.title"].status == "fail"
    msg = by_id["article.title"].message()
    assert "article.title" in msg and "Gunmen attack market in Townville" in msg and "Home | News" in msg
    assert by_id["article.published"].status == "fail"
    assert by_id["article.boilerplate_absent[Share this story]"].status == "fail"
    assert by_id["article.body_end"].status == "fail"


def test_misdated_optional_event_fails() -> None:
    bg = replace(
        GOOD,
        role="background",
        sub_event_type="Remote explosive/landmine/IED",
        date=DateRange.year(2018),
        evidence=(Evidence("event_type", (sp(S2),), "test"),),
    )
    st = statuses(run([GOOD, bg]))
    assert st["event1.date"] == "fail"


@pytest.mark.parametrize(
    ("k", "events"),
    [
        pytest.param(0, lambda: [GOOD, replace(GOOD, weapons=())], id="duplicate-reported"),
        pytest.param(
            1, lambda: [replace(GOOD, date=DateRange.day(date(2024, 3, 6)))], id="dated-at-publication"
        ),
        pytest.param(
            2,
            lambda: [
                GOOD,
                replace(
                    GOOD,
                    sub_event_type="Remote explosive/landmine/IED",
                    evidence=(Evidence("event_type", (sp(S2),), "test"),),
                ),
            ],
            id="background-reported-as-new",
        ),
        pytest.param(3, lambda: [replace(GOOD, fatalities=12)], id="fatalities-above"),
        pytest.param(
            4,
            lambda: [replace(GOOD, places=(PlaceMention("Gunmen", "location", sp("Gunmen")),))],
            id="name-as-place",
        ),
    ],
)
def test_each_must_not_catches_its_mistake(k: int, events: Any) -> None:
    st = statuses(run(events()))
    assert st[f"must_not[{k}]"] == "fail"


def test_protester_actor1_is_caught() -> None:
    recs = [replace(GOOD, actor1=Actor("Protesters (Testland)", "Activists", inter=6)).to_dict()]
    (c,) = check_must_not(
        ["actor1 coded as protesters or rioters because of the word 'Activists'"],
        GOLD["events"],
        recs,
        {0: 0},
        TEXT,
        "2024-03-06T10:00",
    )
    assert c.status == "fail" and "Protesters (Testland)" in str(c.got)

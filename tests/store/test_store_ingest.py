"""Ingest, merge, corrections and queries - each test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from store_helpers import BAGHDAD, BASRA, IRAQ, KABUL, MANSOUR, Result, article, event, partition

from eventlens import store as store_mod
from eventlens.errors import InputError, StoreError
from eventlens.store import edit, ingest
from eventlens.store import schema as t


def _results(n: int) -> list[Result]:
    out = []
    for i in range(n):
        a = article(i, day=date(2020, 1, 1 + i % 20))
        out.append(Result(a, [event(a, day=date(2020, 1, 1 + i % 20), place=BASRA if i % 2 else KABUL)]))
    return out


def test_reingest_changes_nothing(store):
    items = _results(10)
    first = ingest(store, items, batch_size=4)
    before = store.counts()
    again = ingest(store, items, batch_size=4)
    assert first.articles_new == 10 and first.events == 10
    assert again.articles_new == 0 and again.already_stored == 10 and again.events == 0
    assert "10 already stored" in str(again)
    assert store.counts() == before


def test_same_text_same_url_is_one_article_even_with_other_reader_ids(store):
    a = article(1, url="https://Example.com/story/1/?utm_source=x#top")
    b = article(1, url="http://example.com/story/1")
    b = type(b)(**{**{f: getattr(b, f) for f in b.__slots__}, "id": "other-reader-id"})
    s = ingest(store, [Result(a, [event(a)]), Result(b, [event(b)])])
    assert s.articles_new == 1 and s.already_stored == 1


def test_bad_article_is_recorded_and_batch_goes_on(store):
    good = _results(3)
    broken_article = article("bad")
    broken = Result(broken_article, [event(broken_article, etype=None)])  # type: ignore[arg-type]
    failed = Result(None, [], InputError("feed.xml", "not UTF-8; pass --encoding", stage="read"))
    s = ingest(store, [good[0], broken, good[1], failed, good[2]], batch_size=10)
    assert s.articles_new == 3 and s.failures == 2
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(t.failures.c.input, t.failures.c.stage)).all()
        assert conn.execute(sa.select(sa.func.count()).select_from(t.articles)).scalar_one() == 3
    assert sorted(rows) == [("abad.txt", "store"), ("feed.xml", "read")]


def test_two_outlets_one_incident_conservative_toll_with_history(store):
    a1 = article(1, day=date(2020, 1, 5))
    a2 = article(2, day=date(2020, 1, 5))
    a3 = article(3, day=date(2020, 1, 7))  # two days later: an updated toll
    ingest(
        store, [Result(a1, [event(a1, fatalities=3)]), Result(a2, [event(a2, fatalities=5, place=MANSOUR)])]
    )
    (inc,) = store.query()
    assert inc["fatalities"] == 3 and (inc["fatalities_min"], inc["fatalities_max"]) == (3, 5)
    assert inc["source_count"] == 2 and inc["article_count"] == 2
    first_id = inc["event_id_cnty"]
    ingest(store, [Result(a3, [event(a3, fatalities=8, day=date(2020, 1, 5))])])
    (inc,) = store.query()
    assert inc["event_id_cnty"] == first_id, "the id never changes when sources are added"
    assert inc["fatalities"] == 8 and inc["fatalities_max"] == 8 and inc["source_count"] == 3
    tolls = [h["fatalities"] for h in store.incident(first_id)["toll_history"]]
    assert tolls[-1] == 8 and 3 in tolls


def test_different_places_types_and_dates_stay_apart(store):
    a = [article(i) for i in range(4)]
    ingest(
        store,
        [
            Result(a[0], [event(a[0], place=BAGHDAD)]),
            Result(a[1], [event(a[1], place=BASRA)]),
            Result(a[2], [event(a[2], sub="Peaceful protest", etype="Protests", actor="Protesters (Iraq)")]),
            Result(a[3], [event(a[3], day=date(2020, 1, 9))]),
        ],
    )
    assert store.counts()["incidents"] == 4


def test_country_level_report_joins_only_on_the_same_day_with_a_shared_actor(store):
    a = [article(i) for i in range(3)]
    ingest(
        store,
        [
            Result(a[0], [event(a[0], place=BAGHDAD, actor="Islamic State")]),
            Result(a[1], [event(a[1], place=IRAQ, actor="Islamic State")]),
            Result(a[2], [event(a[2], place=IRAQ, day=date(2020, 1, 6), actor="Islamic State")]),
        ],
    )
    sizes = sorted(len(g) for g in partition(store))
    assert sizes == [1, 2]


def test_bridging_mention_merges_incidents_and_old_id_still_resolves(store):
    west = BAGHDAD
    east = type(BAGHDAD)(
        "Baghdad", 33.3406, 44.4009 + 0.45, "city", country="Iraq", iso3="IRQ", admin1="Baghdad"
    )
    # A district between them (a district may be named apart from its city; two cities may not).
    mid = type(BAGHDAD)(
        "Mid", 33.3406, 44.4009 + 0.22, "neighbourhood", country="Iraq", iso3="IRQ", admin1="Baghdad"
    )
    a = [article(i) for i in range(3)]
    ingest(store, [Result(a[0], [event(a[0], place=west)]), Result(a[1], [event(a[1], place=east)])])
    ids = sorted(r["event_id_cnty"] for r in store.query())
    assert len(ids) == 2
    s = ingest(store, [Result(a[2], [event(a[2], place=mid)])])
    assert s.incidents_merged == 1
    (inc,) = store.query()
    assert inc["event_id_cnty"] == ids[0] and inc["mention_count"] == 3
    assert store.incident(ids[1])["event_id_cnty"] == ids[0]


def test_syndicated_copy_is_an_extra_source_not_a_new_incident(store):
    text = (
        "BAGHDAD (Reuters) - Three rockets struck near the U.S. embassy in Baghdad late on Sunday, "
        "security sources said, the latest in a series of attacks on the heavily fortified Green Zone. "
        "There were no immediate reports of casualties. No group claimed responsibility for the attack, "
        "which came days after a U.S. drone strike killed an Iranian commander near the airport."
    )
    a1 = article(1, "Rockets hit near US embassy\n\n" + text, url="https://reuters.example/a")
    a2 = article(2, "US embassy in Baghdad targeted by rockets\n\n" + text, url="https://paper.example/b")
    # The copy's extraction placed it badly (country only, another day): the words decide.
    ingest(
        store,
        [
            Result(a1, [event(a1)]),
            Result(a2, [event(a2, place=IRAQ, day=date(2020, 1, 6), actor="Militia (Iraq)")]),
        ],
    )
    (inc,) = store.query()
    assert inc["source_count"] == 2
    with store.engine.connect() as conn:
        groups = set(conn.execute(sa.select(t.articles.c.near_dup_group)).scalars())
    assert len(groups) == 1


def test_correction_is_audited_and_survives_later_merges(store):
    a1, a2 = article(1), article(2)
    ingest(store, [Result(a1, [event(a1, fatalities=2)])])
    (inc,) = store.query()
    out = edit(
        store, inc["event_id_cnty"], {"fatalities": 4, "location": "Green Zone"}, "hospital list", "analyst-a"
    )
    assert out["fatalities"] == 4
    ingest(store, [Result(a2, [event(a2, fatalities=9)])])
    (inc,) = store.query()
    assert inc["fatalities"] == 4 and inc["location"] == "Green Zone" and inc["article_count"] == 2
    corr = store.incident(inc["event_id_cnty"])["corrections"]
    assert {(c["field"], c["old_value"], c["new_value"], c["who"]) for c in corr} == {
        ("fatalities", 2, 4, "analyst-a"),
        ("location", "Baghdad", "Green Zone", "analyst-a"),
    }


@pytest.mark.parametrize(
    ("changes", "reason", "who", "message"),
    [
        pytest.param({"source_count": 9}, "x", "y", "cannot edit source_count", id="derived-field"),
        pytest.param({"fatalities": 1}, " ", "y", "needs a reason", id="no-reason"),
        pytest.param({"event_date": "5 Jan"}, "x", "y", "not an ISO date", id="bad-date"),
    ],
)
def test_bad_edits_are_refused(store, changes, reason, who, message):
    a = article(1)
    ingest(store, [Result(a, [event(a)])])
    (inc,) = store.query()
    with pytest.raises(StoreError, match=message):
        edit(store, inc["event_id_cnty"], changes, reason, who)
    with pytest.raises(StoreError, match="no such incident"):
        edit(store, "ZZZ0000001", {"fatalities": 1}, "x", "y")


def test_query_filters(store):
    a = [article(i) for i in range(4)]
    ingest(
        store,
        [
            Result(a[0], [event(a[0], place=BAGHDAD, actor="Military Forces of Iraq (2020-)")]),
            Result(a[1], [event(a[1], place=BASRA, day=date(2020, 2, 1))]),
            Result(a[2], [event(a[2], place=KABUL, sub="Armed clash", etype="Battles")]),
            Result(a[3], [event(a[3], place=MANSOUR, actor="Military Forces of Iraq (2020-)")]),
        ],
    )
    assert len(store.query()) == 3  # a[3] joins a[0] and gives the finer place
    assert {r["location"] for r in store.query(country="irq")} == {"Mansour", "Basra"}
    assert {r["location"] for r in store.query(country="Afghanistan")} == {"Kabul"}
    assert [r["location"] for r in store.query(bbox=(44.0, 33.0, 45.0, 34.0))] == ["Mansour"]
    assert [r["location"] for r in store.query(event_type="Battles")] == ["Kabul"]
    assert [r["location"] for r in store.query(actor="military forces")] == ["Mansour"]
    assert [r["location"] for r in store.query(min_sources=2)] == ["Mansour"]
    assert [r["location"] for r in store.query(date_from="2020-01-20")] == ["Basra"]
    assert len(store.query(date_to=date(2020, 1, 10))) == 2
    assert len(store.query(limit=1)) == 1
    df = store.to_dataframe(country="IRQ")
    assert list(df.columns[:3]) == ["event_id_cnty", "event_date", "year"] and len(df) == 2
    with pytest.raises(StoreError, match="four numbers"):
        store.query(bbox=(1, 2, 3))


def test_reopen_keeps_data_and_schema(db_url):
    s = store_mod.open(db_url)
    a = article(1)
    ingest(s, [Result(a, [event(a)])])
    s.close()
    s2 = store_mod.open(db_url)
    assert s2.counts()["incidents"] == 1
    s2.close()


def test_mention_keeps_the_whole_record_and_evidence(store):
    import json

    from eventlens.types import Evidence, Span

    a = article(1)
    ev = event(a, fatalities=2)
    ev = type(ev)(
        **{
            **{f: getattr(ev, f) for f in ev.__slots__},
            "evidence": (Evidence("fatalities", (Span(10, 20, "two killed"),), "arguments", 0.8),),
        }
    )
    ingest(store, [Result(a, [ev])])
    (inc,) = store.query()
    (m,) = store.incident(inc["event_id_cnty"])["mentions"]
    assert m["record"] == json.loads(json.dumps(ev.to_dict()))
    assert m["evidence"][0]["spans"][0]["text"] == "two killed"


def test_default_store_is_eventlens_db_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EVENTLENS_DB", raising=False)
    s = store_mod.open()
    s.close()
    assert (tmp_path / "eventlens.db").is_file()


def test_failed_article_does_not_count_its_events(store):
    a = article("half")
    good_then_bad = Result(a, [event(a), event(a, etype=None)])  # type: ignore[arg-type]
    s = ingest(store, [good_then_bad])
    assert (s.articles_new, s.events, s.incidents_new, s.failures) == (0, 0, 0, 1)
    assert store.counts()["mentions"] == 0 and store.counts()["incidents"] == 0


def test_five_lightly_edited_wire_copies_are_one_incident_with_five_sources(store):
    """A wire story republished by five outlets (new headline, a trimmed or added sentence, and
    extraction that places or dates some copies a little differently) is one incident."""
    body = (
        "KADUNA, Nigeria (AP) - Gunmen killed 12 villagers and abducted dozens in an overnight raid on "
        "Kurmin Kare village in Kaduna state, police said on Monday. Residents said the attackers arrived "
        "on motorcycles shortly after midnight and set houses on fire before fleeing into the forest. "
        "Police spokesman Mohammed Jalige said security forces had been deployed to the area."
    )
    kurmin = type(BAGHDAD)(
        "Kurmin Kare", 10.52, 7.44, "point", country="Nigeria", iso3="NGA", admin1="Kaduna"
    )
    kaduna = type(BAGHDAD)("Kaduna", 10.5222, 7.4383, "city", country="Nigeria", iso3="NGA", admin1="Kaduna")
    edits = [
        ("Gunmen kill 12 in Kaduna village raid", body, kurmin, date(2021, 6, 7)),
        (
            "12 villagers killed in Nigeria raid",
            body + " No group has claimed the attack.",
            kurmin,
            date(2021, 6, 7),
        ),
        (
            "Nigeria: gunmen raid village",
            body.replace("on Monday", "on Monday, June 7"),
            kaduna,
            date(2021, 6, 7),
        ),
        ("Attack in Kaduna state", body.rsplit(" Police spokesman", 1)[0], kaduna, date(2021, 6, 6)),
        ("Bandits strike Kaduna", body.replace("Gunmen", "Armed bandits"), kurmin, date(2021, 6, 7)),
    ]
    items = []
    for i, (headline, text, place, day) in enumerate(edits):
        a = article(i, f"{headline}\n\n{text}", url=f"https://outlet{i}.example/news/{i}")
        items.append(
            Result(a, [event(a, place=place, day=day, sub="Attack", etype="Violence against civilians")])
        )
    ingest(store, items)
    (inc,) = store.query()
    assert inc["source_count"] == 5 and inc["article_count"] == 5

"""Order independence: the same articles in any order give the same incidents.

Also checks the candidate index loses nothing: the store's incidents equal the connected
components of :func:`eventlens.dedupe.compatible` computed over *all* pairs by brute force.
"""

from __future__ import annotations

import itertools
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_helpers import BAGHDAD, BASRA, IRAQ, MANSOUR, Result, article, event, partition

from eventlens import store as store_mod
from eventlens.dedupe import compatible, connected_components, mention_key
from eventlens.store import article_key, ingest
from eventlens.types import DateRange, Place

_EDGE = Place("Abu Ghraib", 33.29, 44.07, "city", country="Iraq", iso3="IRQ", admin1="Baghdad")
_PLACES = [BAGHDAD, MANSOUR, BASRA, IRAQ, _EDGE, None]
_SUBS = [
    ("Shelling/artillery/missile attack", "Explosions/Remote violence"),
    ("Armed clash", "Battles"),
    ("Peaceful protest", "Protests"),
]
_ACTORS = [None, "Unidentified Armed Group (Iraq)", "Islamic State (Iraq)", "Military Forces of Iraq (2020-)"]
_SHARED = (
    "Rockets struck near the embassy late on Sunday, security sources said, in the latest of many attacks "
)


@st.composite
def corpora(draw: st.DrawFn) -> list[Result]:
    n = draw(st.integers(2, 7))
    out = []
    for i in range(n):
        copy = draw(st.booleans())
        text = (_SHARED * 4 + f"Edition {i}.") if copy else None
        a = article(i, text)
        evs = []
        for _ in range(draw(st.integers(0, 2))):
            day = date(2020, 1, 5) + timedelta(days=draw(st.integers(0, 3)))
            sub, etype = draw(st.sampled_from(_SUBS))
            dr = DateRange.month(2020, 1) if draw(st.integers(0, 5)) == 0 else DateRange.day(day)
            evs.append(
                event(
                    a,
                    place=draw(st.sampled_from(_PLACES)),
                    sub=sub,
                    etype=etype,
                    dr=dr,
                    actor=draw(st.sampled_from(_ACTORS)),
                    fatalities=draw(st.none() | st.integers(0, 9)),
                )
            )
        out.append(Result(a, evs))
    return out


def _ingest(results: list[Result], batch: int) -> tuple[set[frozenset[str]], list[tuple]]:
    with tempfile.TemporaryDirectory() as d:
        s = store_mod.open(Path(d) / "o.db")
        ingest(s, results, batch_size=batch)
        fields = sorted(
            tuple((k, str(v)) for k, v in r.items() if k not in ("event_id_cnty", "first_seen", "last_seen"))
            for r in s.query()
        )
        part = partition(s)
        s.close()
    return part, fields


def _brute_force(results: list[Result]) -> set[frozenset[str]]:
    keys = []
    for r in results:
        k = article_key(r.article.text, r.article.url)
        keys += [mention_key(ev, f"{k}:{i}", k) for i, ev in enumerate(r.events)]
    copies = {
        article_key(r.article.text, r.article.url) for r in results if r.article.text.startswith(_SHARED)
    }
    edges = [
        (a.mention_id, b.mention_id)
        for a, b in itertools.combinations(keys, 2)
        if compatible(a, b, near_dup=a.article_id in copies and b.article_id in copies)
    ]
    return set(connected_components([k.mention_id for k in keys], edges))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus=corpora(), perm=st.randoms(use_true_random=False), batch=st.integers(1, 4))
def test_any_order_gives_the_same_incidents(corpus, perm, batch):
    shuffled = list(corpus)
    perm.shuffle(shuffled)
    part_a, fields_a = _ingest(corpus, 64)
    part_b, fields_b = _ingest(shuffled, batch)
    assert part_a == part_b
    assert fields_a == fields_b
    assert part_a == _brute_force(corpus)

"""Near-duplicate detection and the pairwise incident rule, without a database."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventlens.dedupe import (
    NEAR_DUP_THRESHOLD,
    MentionKey,
    MinHasher,
    band_hashes,
    compatible,
    connected_components,
    estimate_jaccard,
    index_keys,
    mention_key,
    normalise_actor,
    shingles,
)

WIRE = (
    "BAGHDAD (Reuters) - Three rockets struck near the U.S. embassy in Baghdad late on Sunday, security "
    "sources said, the latest in a series of attacks on the heavily fortified Green Zone. There were no "
    "immediate reports of casualties. No group claimed responsibility for the attack, which came days after "
    "a U.S. drone strike killed an Iranian commander near the airport. Iraqi officials condemned the attack "
    "and said an investigation had been opened into where the rockets were launched from."
)
OTHER = (
    "Gunmen killed two policemen at a checkpoint north of Kirkuk on Monday, a local official said. The "
    "attackers fled towards the Hamrin mountains, where Islamic State remnants are active, and security "
    "forces launched a search operation. Attacks on checkpoints in the area have risen in recent weeks."
)


@pytest.mark.parametrize(
    ("a", "b", "dup"),
    [
        pytest.param(WIRE, WIRE, True, id="identical"),
        pytest.param(
            WIRE,
            "Rockets hit US embassy area\n" + WIRE + "\nEditing by Jane Doe",
            True,
            id="new-headline-and-byline",
        ),
        pytest.param(
            WIRE,
            WIRE.replace("late on Sunday", "on Sunday night").replace("Three", "3"),
            True,
            id="light-edit",
        ),
        pytest.param(WIRE, OTHER, False, id="unrelated-report"),
        pytest.param(WIRE, WIRE[: len(WIRE) // 3], False, id="only-the-lede"),
        pytest.param("", "", False, id="empty-texts-are-nobodys-copy"),
    ],
)
def test_near_duplicates(a, b, dup):
    h = MinHasher()
    sa, sb = h.signature(a), h.signature(b)
    assert (estimate_jaccard(sa, sb) >= NEAR_DUP_THRESHOLD) is dup
    if dup:
        assert set(band_hashes(sa)) & set(band_hashes(sb)), "copies must meet in at least one LSH band"


def test_signature_is_stable_across_instances_and_bytes_round_trip():
    a, b = MinHasher().signature(WIRE), MinHasher().signature(WIRE)
    assert (a == b).all()
    assert estimate_jaccard(a.tobytes(), b.tobytes()) == 1.0


def test_shingles():
    assert shingles("one two") == {"one two"}
    assert len(shingles("a b c d e f")) == 2


def test_normalise_actor():
    assert normalise_actor("Military Forces of Iraq (2020-)") == "military forces of iraq"
    assert normalise_actor("Police Forces of Kenya (2013-2022)") == "police forces of kenya"


def mk(
    mid="m1",
    art="a1",
    fam="armed",
    start=date(2020, 1, 5),
    end=None,
    prec="day",
    lat=33.34,
    lon=44.40,
    geo="city",
    iso="IRQ",
    adm1="Baghdad",
    actors=(),
    sub=None,
    name=None,
):  # noqa: ANN001
    return MentionKey(
        mid, art, fam, start, end or start, prec, lat, lon, geo, iso, adm1, tuple(actors), sub, name
    )


IS = ["islamic state"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param(mk(), mk("m2", "a2"), True, id="same-place-same-day"),
        pytest.param(mk(), mk("m2", "a1"), False, id="same-article-never-links"),
        pytest.param(mk(), mk("m2", "a2", fam="demonstration"), False, id="other-family"),
        pytest.param(mk(actors=IS), mk("m2", "a2", start=date(2020, 1, 6), actors=IS), True, id="day-slack"),
        pytest.param(
            mk(), mk("m2", "a2", start=date(2020, 1, 6)), False, id="day-slack-needs-a-shared-actor"
        ),
        pytest.param(mk(), mk("m2", "a2", start=date(2020, 1, 8)), False, id="three-days-apart"),
        pytest.param(
            mk(),
            mk("m2", "a2", start=date(2020, 1, 1), end=date(2020, 1, 31), prec="month"),
            True,
            id="month-contains-day",
        ),
        pytest.param(
            mk(),
            mk("m2", "a2", start=date(2020, 1, 1), end=date(2020, 12, 31), prec="year"),
            False,
            id="year-too-vague",
        ),
        pytest.param(mk(), mk("m2", "a2", lat=30.5, lon=47.8, adm1="Basra"), False, id="other-city"),
        pytest.param(mk(), mk("m2", "a2", lat=33.34, lon=44.60), True, id="within-city-radius"),
        pytest.param(
            mk(geo="point"), mk("m2", "a2", geo="point", lat=33.34, lon=44.60), False, id="points-18km-apart"
        ),
        pytest.param(
            mk(actors=IS),
            mk("m2", "a2", geo="country", adm1=None, actors=IS),
            True,
            id="country-level-same-day",
        ),
        pytest.param(
            mk(), mk("m2", "a2", geo="country", adm1=None), False, id="country-level-needs-a-shared-actor"
        ),
        pytest.param(
            mk(),
            mk("m2", "a2", geo="country", adm1=None, start=date(2020, 1, 6)),
            False,
            id="country-level-needs-exact-day",
        ),
        pytest.param(
            mk(actors=IS),
            mk("m2", "a2", geo="admin1", lat=None, lon=None, actors=IS),
            True,
            id="admin1-same-division",
        ),
        pytest.param(
            mk(),
            mk("m2", "a2", geo="admin1", adm1="Basra", lat=None, lon=None),
            False,
            id="admin1-other-division",
        ),
        pytest.param(
            mk(actors=["islamic state"]),
            mk("m2", "a2", actors=["military forces of iraq"]),
            False,
            id="actors-contradict",
        ),
        pytest.param(
            mk(actors=["islamic state"]),
            mk("m2", "a2", actors=["islamic state", "x"]),
            True,
            id="actors-overlap",
        ),
        pytest.param(mk(actors=["islamic state"]), mk("m2", "a2"), True, id="one-side-names-nobody"),
        pytest.param(
            mk(geo=None, lat=None, lon=None, iso=None, adm1=None),
            mk("m2", "a2", geo=None, lat=None, lon=None, iso=None, adm1=None),
            False,
            id="no-place-no-actor",
        ),
        pytest.param(
            mk(geo=None, lat=None, lon=None, iso=None, adm1=None, actors=["islamic state"]),
            mk("m2", "a2", geo=None, lat=None, lon=None, iso=None, adm1=None, actors=["islamic state"]),
            True,
            id="no-place-shared-actor",
        ),
        pytest.param(mk(iso="SYR"), mk("m2", "a2"), False, id="other-country"),
        pytest.param(
            mk(name="gwacheon"),
            mk("m2", "a2", lon=44.47, name="yeongdeungpo"),
            False,
            id="named-towns-7km-apart",
        ),
        pytest.param(
            mk(geo="admin2", name="mykhaylivka"),
            mk("m2", "a2", lon=44.45, name="oleksandrivka"),
            False,
            id="town-and-near-a-town-named-apart",
        ),
        pytest.param(
            mk(name="kiev"), mk("m2", "a2", lon=44.405, name="kyiv"), True, id="one-town-two-spellings"
        ),
        pytest.param(
            mk(name="baghdad"),
            mk("m2", "a2", geo="neighbourhood", lon=44.33, name="mansour"),
            True,
            id="district-within-its-city",
        ),
        pytest.param(mk(sub="Grenade"), mk("m2", "a2", sub="Shelling"), False, id="other-sub-type-no-actor"),
        pytest.param(
            mk(sub="Grenade", actors=IS),
            mk("m2", "a2", sub="Shelling", actors=IS),
            True,
            id="other-sub-type-actor",
        ),
    ],
)
def test_compatible(a, b, same):
    assert compatible(a, b) is same
    assert compatible(b, a) is same, "the rule must be symmetric"


def test_near_dup_relaxes_place_and_actors_but_not_family():
    a = mk(actors=["islamic state"])
    b = mk("m2", "a2", geo="country", adm1=None, start=date(2020, 1, 6), actors=["militia"])
    assert not compatible(a, b) and compatible(a, b, near_dup=True)
    assert not compatible(a, mk("m2", "a2", fam="strategic"), near_dup=True)


_GEOS = st.sampled_from(["point", "neighbourhood", "city", "admin2", "admin1", "country", None])


@st.composite
def mention(draw: st.DrawFn, i: int) -> MentionKey:
    start = date(2020, 1, 1).fromordinal(date(2020, 1, 1).toordinal() + draw(st.integers(0, 20)))
    prec = draw(st.sampled_from(["day", "day", "week", "month"]))
    span = {"day": 0, "week": 6, "month": 30}[prec]
    end = date.fromordinal(start.toordinal() + span)
    return MentionKey(
        f"m{i}",
        f"a{i}",
        "armed",
        start,
        end,
        prec,
        draw(st.floats(33.0, 34.0)),
        draw(st.floats(43.5, 45.5)),
        draw(_GEOS),
        draw(st.sampled_from(["IRQ", None])),
        draw(st.sampled_from(["Baghdad", "Anbar", None])),
        tuple(draw(st.sampled_from([(), ("x",), ("y",)]))),
    )


@settings(max_examples=400, deadline=None)
@given(a=mention(1), b=mention(2))
def test_every_compatible_pair_shares_an_index_key(a, b):
    """The index never loses a pair: compatible => a stored key of one is a lookup key of the other."""
    if compatible(a, b):
        store_a, look_a = index_keys(a)
        store_b, look_b = index_keys(b)
        assert set(store_a) & set(look_b) and set(store_b) & set(look_a)


def test_connected_components_are_canonical():
    comps = connected_components(["c", "b", "a", "d"], [("b", "a"), ("d", "c")])
    assert comps == [frozenset({"a", "b"}), frozenset({"c", "d"})]


def test_admin1_compares_without_accents():
    a = mk(geo="admin1", lat=None, lon=None, adm1="Baghdād", actors=IS)
    b = mk("m2", "a2", adm1="baghdad", actors=IS)
    assert compatible(a, b)
    assert set(index_keys(a)[0]) & set(index_keys(b)[1])


def test_generic_actor_names_no_one():
    from eventlens.types import Actor, DateRange, Event

    ev = Event(
        article_id="a1",
        role="reported",
        event_type="Battles",
        sub_event_type="Armed clash",
        disorder_type="Political violence",
        date=DateRange.day(date(2020, 1, 5)),
        actor1=Actor("Military Forces"),
        actor2=Actor("Islamic State"),
    )
    assert mention_key(ev, "m1", "a1").actors == ("islamic state",)

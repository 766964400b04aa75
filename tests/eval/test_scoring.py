"""Scorers on tiny hand-made inputs: perfect = 1, empty = 0, half-right = the hand computation."""

from __future__ import annotations

import math

import pytest

from eventlens.eval.scoring import (
    acc_at_k,
    accuracy,
    actors_match,
    bcubed,
    confusion_matrix,
    haversine_km,
    median,
    normalise_actor,
    pairwise,
    per_class,
    prf_from_counts,
    token_overlap,
)


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        pytest.param(["a", "b", "c"], ["a", "b", "c"], 1.0, id="perfect"),
        pytest.param([], [], 0.0, id="empty"),
        # 2 of 4 positions equal -> 2/4
        pytest.param(["a", "b", "a", "b"], ["a", "a", "a", "a"], 0.5, id="half-right"),
    ],
)
def test_accuracy(gold: list[str], pred: list[str], expected: float) -> None:
    assert accuracy(gold, pred) == pytest.approx(expected)


def test_accuracy_rejects_unaligned_input() -> None:
    with pytest.raises(ValueError, match="2 gold labels but 1 predictions"):
        accuracy(["a", "b"], ["a"])


@pytest.mark.parametrize(
    ("counts", "p", "r", "f"),
    [
        pytest.param((5, 0, 0), 1.0, 1.0, 1.0, id="perfect"),
        pytest.param((0, 0, 0), 0.0, 0.0, 0.0, id="empty"),
        pytest.param((0, 3, 4), 0.0, 0.0, 0.0, id="all-wrong"),
        # tp=2 fp=2 fn=6: P = 2/4 = .5, R = 2/8 = .25, F1 = 2*.5*.25/.75 = 1/3
        pytest.param((2, 2, 6), 0.5, 0.25, 1 / 3, id="hand-computed"),
    ],
)
def test_prf_from_counts(counts: tuple[int, int, int], p: float, r: float, f: float) -> None:
    s = prf_from_counts(*counts)
    assert (s.precision, s.recall, s.f1) == pytest.approx((p, r, f))


def test_per_class_hand_computed() -> None:
    # gold  A A B B ; pred A B B B
    # A: tp1 fp0 fn1 -> P1 R.5 F 2/3 ; B: tp2 fp1 fn0 -> P 2/3 R1 F .8
    # macro = (2/3 + .8)/2 = 0.7333 ; weighted (support 2 and 2) = same
    res = per_class(["A", "A", "B", "B"], ["A", "B", "B", "B"])
    assert res["classes"]["A"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert res["classes"]["B"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert res["macro_f1"] == pytest.approx((2 / 3 + 0.8) / 2)
    assert res["weighted_f1"] == pytest.approx((2 / 3 + 0.8) / 2)


def test_per_class_weighted_differs_from_macro() -> None:
    # gold A A A B ; pred A A A A -> A: tp3 fp1 fn0 F = 2*.75*1/1.75 = 6/7 ; B: tp0 fn1 F 0
    # macro = 3/7 ; weighted = (3*6/7 + 1*0)/4 = 18/28
    res = per_class(["A", "A", "A", "B"], ["A", "A", "A", "A"])
    assert res["macro_f1"] == pytest.approx(3 / 7)
    assert res["weighted_f1"] == pytest.approx(18 / 28)


def test_per_class_none_prediction_is_a_miss_not_a_class() -> None:
    # labels exclude "(none)": A tp1 fn1 -> R .5 ; "(none)" gets no row
    res = per_class(["A", "A"], ["A", "(none)"], labels=["A", "B"])
    assert set(res["classes"]) == {"A"}
    assert res["classes"]["A"]["recall"] == pytest.approx(0.5)
    assert per_class([], [])["macro_f1"] == 0.0


def test_confusion_matrix_counts() -> None:
    m = confusion_matrix(["A", "A", "B"], ["A", "B", "B"], labels=["A", "B"])
    assert m == {"A": {"A": 1, "B": 1}, "B": {"A": 0, "B": 1}}


@pytest.mark.parametrize(
    ("a", "b", "km", "tol"),
    [
        pytest.param((33.314, 44.347), (33.314, 44.347), 0.0, 1e-9, id="same-point"),
        # one degree of latitude = 2*pi*6371.0088/360 = 111.195 km
        pytest.param((0.0, 0.0), (1.0, 0.0), 111.195, 0.01, id="one-degree-latitude"),
        # antipodes: half the circumference, pi*6371.0088 = 20015.1 km
        pytest.param((0.0, 0.0), (0.0, 180.0), math.pi * 6371.0088, 0.01, id="antipodes"),
    ],
)
def test_haversine(a: tuple[float, float], b: tuple[float, float], km: float, tol: float) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, abs=tol)


def test_acc_at_k_and_median() -> None:
    # 0, 100 within 161; 500 and unresolved not -> 2/4
    assert acc_at_k([0.0, 100.0, 500.0, None], 161) == 0.5
    assert acc_at_k([], 161) == 0.0
    assert acc_at_k([1.0, 2.0], 161) == 1.0
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 2.0, 3.0]) == 2.5
    assert median([]) is None


def test_clusterings_perfect_empty_half() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert bcubed(gold, gold).f1 == pytest.approx(1.0)
    assert pairwise(gold, gold).f1 == pytest.approx(1.0)
    assert bcubed({}, {}).f1 == 0.0
    # nothing clustered (every item alone): B3 P = 1, R = mean(1/2) = .5 ; pairwise tp 0 -> F 0
    alone = {"a": "x", "b": "y", "c": "z", "d": "w"}
    b3 = bcubed(gold, alone)
    assert (b3.precision, b3.recall) == pytest.approx((1.0, 0.5))
    assert pairwise(gold, alone).f1 == 0.0
    # all in one cluster: B3 P = mean(2/4) = .5, R = 1 ; pairwise gold pairs {ab, cd}, pred 6 pairs
    # -> P 2/6, R 1, F = 2*(1/3)/(4/3) = .5
    one = dict.fromkeys(gold, 0)
    assert (bcubed(gold, one).precision, bcubed(gold, one).recall) == pytest.approx((0.5, 1.0))
    assert pairwise(gold, one).f1 == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("Military Forces of Iraq (2020-)", "Iraq military", id="military-forces-of"),
        pytest.param("Military Forces of the United States", "United States Army", id="army-is-military"),
        pytest.param("Police Forces of Kenya (2022-)", "Kenya police", id="police-forces-of"),
        pytest.param("Protesters (Sri Lanka)", "protesters", id="country-suffix"),
        pytest.param("Unidentified Armed Group (Iraq)", "unidentified armed group", id="uag"),
        pytest.param(
            "STC: Southern Transitional Council (Aden Security)",
            "Southern Transitional Council",
            id="acronym",
        ),
        pytest.param("Civilians (México)", "civilians (Mexico)", id="accents"),
        pytest.param("", None, id="both-blank"),
    ],
)
def test_actor_names_that_match(a: str, b: str | None) -> None:
    assert actors_match(a, b), (normalise_actor(a), normalise_actor(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("Protesters (Iran)", "Rioters (Iran)", id="protesters-vs-rioters"),
        pytest.param(
            "Military Forces of Iraq (2020-)", "Military Forces of Iran (1979-)", id="other-country"
        ),
        pytest.param("Civilians (Kenya)", "", id="blank-vs-actor"),
    ],
)
def test_actor_names_that_differ(a: str, b: str) -> None:
    assert not actors_match(a, b)


def test_token_overlap() -> None:
    assert token_overlap("US embassy", "the US embassy in the Green Zone") == 1.0
    assert token_overlap("police", "Sabreen news channel") == 0.0
    assert token_overlap("", "x") == 0.0
    # {sabreen, news, channel, telegram} vs {sabreen, channel}: 2 shared / 2 -> 1.0
    assert token_overlap("Sabreen news channel on Telegram", "Sabreen channel") == 1.0

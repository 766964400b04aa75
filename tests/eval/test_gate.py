"""The accuracy gate: floors hold on the real data, and the gate catches a regression.

The real-data tests run the fast subset (ACLED first 300 rows, gold, dates: about
10 s) and skip with a reason when ../shared/data is absent.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from eventlens.eval import gate
from eventlens.pipeline import ExtractResult

BASE: dict[str, Any] = {
    "margin": 0.02,
    "suites": {
        "acled": {
            "limit": 300,
            "files": {"acled/dev.csv": "a" * 64},
            "floors": {"sub_event_type.accuracy": 0.80, "event_date.exact": 0.90},
            "ceilings": {"misses": 0.05},
        }
    },
}


def measured(**figs: float) -> dict[str, Any]:
    f = {"sub_event_type.accuracy": 0.81, "event_date.exact": 0.93, "misses": 0.03, **figs}
    return {"acled": {"status": "ok", "figures": f, "files": {"acled/dev.csv": "a" * 64}}}


def test_figures_at_their_floors_pass() -> None:
    assert gate.check(measured(), BASE) == []


def test_noise_within_the_margin_passes() -> None:
    assert gate.check(measured(**{"sub_event_type.accuracy": 0.785}), BASE) == []


def test_a_drop_below_a_floor_fails_with_the_figure() -> None:
    (msg,) = gate.check(measured(**{"sub_event_type.accuracy": 0.70}), BASE)
    assert msg == "acled.sub_event_type.accuracy = 0.7000, below its floor 0.8000 (margin 0.02)"


def test_a_rise_above_a_ceiling_fails() -> None:
    (msg,) = gate.check(measured(misses=0.2), BASE)
    assert "acled.misses = 0.2000, above its ceiling 0.0500" in msg


def test_changed_data_says_rebaseline() -> None:
    m = measured()
    m["acled"]["files"]["acled/dev.csv"] = "b" * 64
    (msg,) = gate.check(m, BASE)
    assert "data changed" in msg and "acled/dev.csv" in msg and "Re-baseline" in msg


@pytest.mark.parametrize(
    "result",
    [
        pytest.param(None, id="not-measured"),
        pytest.param({"status": "skipped", "reason": "data absent"}, id="skipped"),
        pytest.param(
            {"status": "ok", "figures": {}, "files": {"acled/dev.csv": "a" * 64}}, id="figures-missing"
        ),
    ],
)
def test_a_suite_that_did_not_deliver_fails(result: dict[str, Any] | None) -> None:
    figs = {} if result is None else {"acled": result}
    assert gate.check(figs, BASE)


def _lowered(reason: str | None = None) -> dict[str, Any]:
    new = copy.deepcopy(BASE)
    new["suites"]["acled"]["floors"]["sub_event_type.accuracy"] = 0.75
    if reason:
        new["suites"]["acled"]["reason"] = reason
    return new


@pytest.mark.parametrize(
    ("new", "allow", "ok"),
    [
        pytest.param(lambda: copy.deepcopy(BASE), False, True, id="unchanged"),
        pytest.param(
            lambda: {
                **BASE,
                "suites": {
                    "acled": {
                        **BASE["suites"]["acled"],
                        "floors": {"sub_event_type.accuracy": 0.85, "event_date.exact": 0.90},
                    }
                },
            },
            False,
            True,
            id="raised-is-free",
        ),
        pytest.param(lambda: _lowered(), False, False, id="lowered-without-env"),
        pytest.param(lambda: _lowered(), True, False, id="lowered-with-env-no-reason"),
        pytest.param(
            lambda: _lowered("new taxonomy split Attack"), True, True, id="lowered-with-env-and-reason"
        ),
        pytest.param(
            lambda: {**BASE, "suites": {"acled": {**BASE["suites"]["acled"], "ceilings": {"misses": 0.2}}}},
            False,
            False,
            id="ceiling-raised",
        ),
    ],
)
def test_lowering_a_floor_needs_env_and_reason(new: Any, allow: bool, ok: bool) -> None:
    problems = gate.check_floor_changes(BASE, new(), allow_lower=allow)
    assert (problems == []) is ok, problems


def test_committed_baseline_was_not_lowered_silently() -> None:
    old = gate.committed_baseline()
    if old is None:
        pytest.skip("no committed baseline.json to compare with (not a git checkout, or first commit)")
    problems = gate.check_floor_changes(old, gate.load_baseline(), allow_lower=gate.allow_lower())
    assert problems == [], "\n".join(problems)


# --- on the real data ------------------------------------------------------------------------


@cache
def _measure(data_dir: Path) -> dict[str, Any]:
    return gate.measure(data_dir)


def test_gate_holds_on_the_real_data(data_dir: Path) -> None:
    failures = gate.check(_measure(data_dir), gate.load_baseline())
    assert failures == [], "accuracy gate:\n" + "\n".join(failures)


def test_gate_catches_degraded_figures(data_dir: Path) -> None:
    m = copy.deepcopy(_measure(data_dir))
    m["acled"]["figures"]["sub_event_type.accuracy"] -= 0.05
    m["gold"]["figures"]["must_not_passed"] = 0.5
    failures = gate.check(m, gate.load_baseline())
    assert any(f.startswith("acled.sub_event_type.accuracy") for f in failures), failures
    assert any(f.startswith("gold.must_not_passed") for f in failures), failures


def broken_extract_many(items: Iterable[Mapping[str, Any]], **kw: Any) -> Iterator[ExtractResult]:
    """The real extractor with every record's sub-type forced to "Armed clash" (a classifier bug)."""
    import eventlens

    for res in eventlens.extract_many(items, **kw):
        recs = [{**e.to_dict(), "event_type": "Battles", "sub_event_type": "Armed clash"} for e in res.events]
        yield ExtractResult(res.article_id, res.article, recs, res.error)  # type: ignore[arg-type]


def test_gate_catches_a_broken_extractor(data_dir: Path) -> None:
    m = gate.measure(data_dir, broken_extract_many, suites={"acled": 100})
    base = gate.load_baseline()
    failures = gate.check(m, {**base, "suites": {"acled": base["suites"]["acled"]}})
    assert any(f.startswith("acled.sub_event_type.accuracy") for f in failures), failures

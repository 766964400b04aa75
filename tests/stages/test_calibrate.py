"""Record confidence as a calibrated probability (stages/calibrate.py, issue 14).

The texts are written for these tests. The shipped calibration must load from the installed
package, be monotone in the re-ranker's probability (ranking undisturbed), stay inside
(0, 1), and be what the pipeline gives each record.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from datetime import datetime
from importlib import resources

import pytest

from eventlens.pipeline import Pipeline
from eventlens.stages import calibrate
from eventlens.stages.rerank import DEFINITIONAL, default_model
from eventlens.types import Event

PUBLISHED = datetime(2024, 5, 7, 9, 0)

BOMBING = (
    "A suicide bomber blew himself up at a crowded market in Wela town on Monday, killing 12 people "
    "and wounding 30 others, police said."
)
PROTEST = "Hundreds of teachers marched peacefully through Kessa on Sunday to demand higher pay."
CLASH = (
    "Soldiers and rebels of the Wela Liberation Front exchanged fire for three hours near the village "
    "of Toma on Tuesday; four fighters died."
)


def _shipped() -> calibrate.Calibrator:
    cal = calibrate.default_calibrator()
    assert cal is not None, f"{calibrate.CALIBRATION_FILE} is not installed with the package"
    return cal


def _signal_grid() -> list[dict[str, float]]:
    """Every on/off combination of the binary signals, at a low and a high level of the others."""
    binary = ("rules_decide", "rule_kept", "definitional", "own_date", "place", "actor", "toll")
    out = []
    for bits in itertools.product((0.0, 1.0), repeat=len(binary)):
        for level in (0.0, 1.0):
            s = dict(zip(binary, bits, strict=True))
            s.update(rule_conf=0.3 + 0.6 * level, cue_kinds=level, length=0.5 + 0.6 * level, sentences=level)
            out.append(s)
    return out


def test_the_shipped_calibration_loads_from_the_package_and_names_its_training_data() -> None:
    text = resources.files("eventlens").joinpath(calibrate.CALIBRATION_FILE).read_text("utf-8")
    about = json.loads(text)["_about"]
    assert "ACLED" in about["training_data"] and "slice" in about["training_data"]
    # a retrained re-ranker needs a refit: tools/fit_calibration.py --write
    assert about["subtype_model_sha256"] == calibrate.model_digest(), (
        "calibration.json is for another re-ranker"
    )
    cal = _shipped()
    assert cal.names == calibrate.SIGNALS
    assert all(w >= 0 for n, w in zip(cal.names, cal.weights, strict=True) if n in calibrate.MONOTONE)


@pytest.mark.parametrize("margin_gap", [0.0, 0.3], ids=["margin-follows-p", "runner-up-fixed"])
def test_confidence_never_falls_as_the_reranker_grows_surer(margin_gap: float) -> None:
    cal = _shipped()
    ps = [0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99]
    for base in _signal_grid():
        confs = []
        for p in ps:
            sig = dict(base, rerank_logit=calibrate._logit(p), rerank_margin=p - margin_gap - (1 - p) / 3)
            confs.append(cal.probability(sig))
        assert confs == sorted(confs), (base, confs)
        assert all(calibrate.FLOOR <= c <= 1 - calibrate.FLOOR for c in confs)


def test_confidence_never_falls_as_the_deciding_rules_grow_surer() -> None:
    cal = _shipped()
    for base in _signal_grid():
        base = dict(base, rules_decide=1.0)
        confs = [
            cal.probability(dict(base, rules_logit=calibrate._logit(c))) for c in (0.3, 0.6, 0.85, 0.9, 0.99)
        ]
        assert confs == sorted(confs), (base, confs)


def test_extreme_signals_stay_bounded() -> None:
    cal = _shipped()
    for sign in (-1.0, 1.0):
        sig = {n: sign * 1e6 for n in calibrate.SIGNALS}
        assert calibrate.FLOOR <= cal.probability(sig) <= 1 - calibrate.FLOOR


def test_a_negative_weight_on_the_reranker_probability_is_refused() -> None:
    weights = tuple(-1.0 if n == "rerank_logit" else 0.0 for n in calibrate.SIGNALS)
    with pytest.raises(ValueError, match="rerank_logit"):
        calibrate.Calibrator(calibrate.SIGNALS, weights, 0.0, {})


def test_json_round_trip_keeps_the_probabilities() -> None:
    cal = _shipped()
    again = calibrate.Calibrator.from_json(cal.to_json())
    for sig in _signal_grid()[:10]:
        sig = dict(sig, rerank_logit=1.5, rerank_margin=0.4)
        assert again.probability(sig) == pytest.approx(cal.probability(sig), abs=1e-4)


@pytest.fixture(scope="module")
def featured() -> Pipeline:
    return Pipeline(geocoder=False, keep_features=True)


def _records(pipe: Pipeline, text: str) -> list[tuple[Event, dict[str, float]]]:
    events = [e for e in pipe.extract(text, published=PUBLISHED) if e.role == "reported"]
    assert events, f"no reported record for {text!r}"
    assert pipe.features is not None
    return [(e, pipe.features[e.id]) for e in events]


@pytest.mark.parametrize(
    "text", [BOMBING, PROTEST, CLASH], ids=["suicide-bombing", "peaceful-march", "clash"]
)
def test_a_records_confidence_is_the_calibrated_probability_of_its_signals(
    featured: Pipeline, text: str
) -> None:
    model = default_model()
    for ev, feats in _records(featured, text):
        assert 0 < ev.confidence < 1
        assert ev.confidence == calibrate.record_confidence(ev, feats, model)


class _FixedModel:
    """A stand-in re-ranker giving the record's class probability ``p`` (rest spread evenly)."""

    def __init__(self, cls: str, p: float) -> None:
        self.cls, self.p = cls, p
        self.index: dict[str, int] = {}

    def predict_proba(self, feats: object) -> dict[str, float]:
        others = ("Armed clash", "Attack", "Looting/property destruction", "Arrests")
        rest = [o for o in others if o != self.cls]
        return {self.cls: self.p, **{o: (1 - self.p) / len(rest) for o in rest}}


def test_confidence_follows_the_reranker_where_it_decides(featured: Pipeline) -> None:
    ev, feats = _records(featured, CLASH)[0]
    assert feats["_rule_conf"] < DEFINITIONAL  # the re-ranker may overrule the rules here
    sure = calibrate.record_confidence(ev, feats, _FixedModel(ev.sub_event_type, 0.97))
    torn = calibrate.record_confidence(ev, feats, _FixedModel(ev.sub_event_type, 0.4))
    doubtful = calibrate.record_confidence(ev, feats, _FixedModel(ev.sub_event_type, 0.1))
    assert sure > torn > doubtful
    # the same number the calibrator gives the record's signals: one function for fit and inference
    sig = calibrate.signals(ev, feats, _FixedModel(ev.sub_event_type, 0.97))
    assert _shipped().probability(sig) == pytest.approx(sure, abs=1e-3)


def test_a_definitional_decision_is_judged_by_the_rules_not_the_reranker(featured: Pipeline) -> None:
    ev, feats = _records(featured, BOMBING)[0]
    assert ev.sub_event_type == "Suicide bomb" and feats["_rule_conf"] >= DEFINITIONAL
    # the re-ranker could not overrule a suicide bombing: its probability must not move the confidence
    high = calibrate.record_confidence(ev, feats, _FixedModel(ev.sub_event_type, 0.97))
    low = calibrate.record_confidence(ev, feats, _FixedModel(ev.sub_event_type, 0.02))
    assert high == low

    # ... but the rules' own confidence does, upwards
    def with_rule_conf(c: float) -> float:
        e = replace(
            ev,
            evidence=tuple(replace(x, confidence=c) if x.field == "event_type" else x for x in ev.evidence),
        )
        return calibrate.record_confidence(e, feats, None)

    assert with_rule_conf(0.99) >= with_rule_conf(0.9) >= with_rule_conf(0.86)
    assert with_rule_conf(0.99) > with_rule_conf(0.86)


class _CountingModel:
    """The shipped re-ranker, counting how often it is asked for probabilities."""

    def __init__(self, model: object) -> None:
        self.model = model
        self.asked: list[dict[str, float]] = []

    def __getattr__(self, name: str) -> object:  # meta, classes, index: the real model's
        return getattr(self.__dict__["model"], name)

    def predict_proba(self, feats: dict[str, float]) -> dict[str, float]:
        self.asked.append(dict(feats))
        return self.model.predict_proba(feats)  # type: ignore[attr-defined]


def test_the_reranker_is_asked_once_per_record_and_its_answer_makes_the_confidence() -> None:
    model = default_model()
    assert model is not None
    counting = _CountingModel(model)
    pipe = Pipeline(geocoder=False, keep_features=True, subtype_model=counting)
    text = f"{CLASH}\n\nSeparately, {PROTEST}"
    events = pipe.extract(text, published=PUBLISHED)
    assert pipe.features is not None
    decided = [e for e in events if pipe.features[e.id]["_rule_conf"] < DEFINITIONAL]
    assert decided, "no record the re-ranker may decide: the test proves nothing"
    # the decision and the record's confidence share one answer: one question per such record
    assert len(counting.asked) == len(decided)
    for ev in decided:
        assert ev.confidence == calibrate.record_confidence(ev, pipe.features[ev.id], model)

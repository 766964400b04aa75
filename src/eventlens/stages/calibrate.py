"""A record's ``confidence`` as the estimated probability that its sub-event type is right.

Issue 14: the hand-weighted confidence (half the class confidence, a share each for the date
and the cues) was not a probability - on ACLED notes, records given 0.8 were right far less
often than 80% of the time. Here a small logistic model (Platt-style scaling over a few
signals) maps what is known when the record is built to that probability:

- who decided: where the re-ranker may overrule the rules (``rerank.decide``'s gate), its
  probability of the record's sub-type (as a logit) and its margin over the next class; where
  it may not (a definitional rule decision, a class it saw too few examples of), the rules'
  confidence as a logit - a re-ranker's tiny probability for a class it barely knows says
  nothing about whether the rules got it right. The weights of these logits and the margin are
  fitted with a lower bound of 0, so confidence never falls as the decider grows surer and the
  ranking of records is not disturbed;
- the rules' confidence, whether the rules' class was kept, whether it was definitional;
- how many kinds of incident cue the text has (competing cues make the type ambiguous);
- whether the incident has its own date, a place, a named actor, a toll;
- text style: the length of the incident's sentences and how many there are.

The signals come from the :class:`~eventlens.types.Event` and the re-ranker's feature dict
(one function, :func:`signals`, used at inference and by ``tools/fit_calibration.py``), so
the fit sees exactly what inference sees. Inference is NumPy-free arithmetic over the weights
in ``data/calibration.json``, whose header names the training data, the re-ranker file it
was fitted for (sha256) and the fitted figures. Refit with ``tools/fit_calibration.py`` after
the re-ranker changes; a mismatch is logged once.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from eventlens.stages.detect import EVENT_CUES
from eventlens.stages.rerank import DEFINITIONAL, MODEL_FILE, may_overrule
from eventlens.types import Event

log = logging.getLogger(__name__)

CALIBRATION_FILE = "data/calibration.json"

#: The signals, in the order of the weights; those in MONOTONE keep weights >= 0.
SIGNALS: tuple[str, ...] = (
    "rerank_logit",
    "rerank_margin",
    "rules_logit",
    "rules_decide",
    "rule_conf",
    "rule_kept",
    "definitional",
    "cue_kinds",
    "own_date",
    "place",
    "actor",
    "toll",
    "length",
    "sentences",
)
MONOTONE: tuple[str, ...] = ("rerank_logit", "rerank_margin", "rules_logit")

#: Probabilities are clipped to this before the logit (a model saying 1.0 is not infinitely sure).
_P_CLIP = 1e-4
#: Confidence is kept inside [FLOOR, 1 - FLOOR]: no record is certain, none impossible.
FLOOR = 0.01


def _logit(p: float) -> float:
    p = min(1.0 - _P_CLIP, max(_P_CLIP, p))
    return math.log(p / (1.0 - p))


def _class_confidence(ev: Event) -> float:
    """The decision's own confidence (the ``event_type`` evidence): the re-ranker's probability
    when it decided, else the rules'."""
    for e in ev.evidence:
        if e.field == "event_type":
            return float(e.confidence)
    return 0.5


def _probabilities(ev: Event, probs: Mapping[str, float]) -> tuple[float, float]:
    """The re-ranker's probability of the record's sub-type and its margin over the best other
    class, from its probabilities ``probs`` (asked only where the re-ranker may decide)."""
    p = float(probs.get(ev.sub_event_type, 0.0))
    other = max((v for k, v in probs.items() if k != ev.sub_event_type), default=0.0)
    if ev.sub_event_type not in probs:
        # a class the model does not know (the rules alone decide it): their confidence stands in
        p = _class_confidence(ev)
    return p, p - float(other)


def signals(
    ev: Event, feats: Mapping[str, float], model: Any, probs: Mapping[str, float] | None = None
) -> dict[str, float]:
    """The calibration signals of one record (see the module docstring); ``feats`` is the
    re-ranker's feature dict of the incident, ``model`` the re-ranker (or None), ``probs`` its
    probabilities for ``feats`` when the decision computed them already (else asked here)."""
    rule_conf = float(feats.get("_rule_conf", _class_confidence(ev)))
    rule = next((k[5:] for k in feats if k.startswith("rule=")), ev.sub_event_type)
    # where the re-ranker may not overrule the rules, its probability of the class says nothing
    # about the decision (a class seen 5 times gets a tiny probability however right the rules
    # are), so the rules' confidence stands in
    decides = may_overrule(rule, rule_conf, model)
    if decides and probs is None:
        probs = model.predict_proba(feats)
    p, margin = _probabilities(ev, probs) if decides and probs is not None else (0.5, 0.0)
    kinds = sum(1 for k, v in feats.items() if k.startswith("cue=") and k[4:] in EVENT_CUES and v >= 1.0)
    chars = sum(max(0, s.end - s.start) for s in ev.sentences)
    actor = ev.actor1 is not None and ev.actor1.span is not None
    return {
        "rerank_logit": _logit(p),  # 0 where the rules decide
        "rerank_margin": margin,
        "rules_logit": 0.0 if decides else _logit(_class_confidence(ev)),
        "rules_decide": float(not decides),
        "rule_conf": rule_conf,
        "rule_kept": float(rule == ev.sub_event_type),
        "definitional": float(rule_conf >= DEFINITIONAL),
        "cue_kinds": min(4, kinds) / 4,
        "own_date": float(ev.date is not None and ev.date.evidence is not None),
        "place": float(bool(ev.places)),
        "actor": float(actor),
        "toll": float(ev.fatalities is not None or ev.injured is not None),
        # log-length: 100 characters -> 0.67, 1,000 -> 1.0, 3,000 -> 1.16
        "length": math.log1p(chars) / math.log(1000.0),
        "sentences": min(5, len(ev.sentences)) / 5,
    }


@dataclass(frozen=True, slots=True)
class Calibrator:
    """``confidence = sigmoid(bias + sum(weight * signal))``, clipped to [FLOOR, 1 - FLOOR]."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    meta: dict[str, Any]

    def __post_init__(self) -> None:
        if len(self.names) != len(self.weights):
            raise ValueError(f"calibrator: {len(self.names)} signals but {len(self.weights)} weights")
        bad = [n for n, w in zip(self.names, self.weights, strict=True) if n in MONOTONE and w < 0]
        if bad:
            raise ValueError(f"calibrator: negative weight on {bad}: confidence must not fall as they rise")

    def probability(self, sig: Mapping[str, float]) -> float:
        z = self.bias + sum(w * float(sig.get(n, 0.0)) for n, w in zip(self.names, self.weights, strict=True))
        p = 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
        return min(1.0 - FLOOR, max(FLOOR, p))

    def to_json(self) -> str:
        return json.dumps(
            {
                "_about": self.meta,
                "signals": list(self.names),
                "weights": [round(w, 5) for w in self.weights],
                "bias": round(self.bias, 5),
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> Calibrator:
        obj = json.loads(text)
        return cls(
            tuple(obj["signals"]),
            tuple(float(w) for w in obj["weights"]),
            float(obj["bias"]),
            dict(obj.get("_about", {})),
        )


def model_digest() -> str | None:
    """sha256 of the shipped re-ranker file (what a calibration was fitted for), or None."""
    try:
        data = resources.files("eventlens").joinpath(MODEL_FILE).read_bytes()
    except (FileNotFoundError, OSError):
        return None
    return hashlib.sha256(data).hexdigest()


@lru_cache(maxsize=1)
def default_calibrator() -> Calibrator | None:
    """The shipped calibration, or None (then the decision's own confidence is the record's)."""
    try:
        text = resources.files("eventlens").joinpath(CALIBRATION_FILE).read_text("utf-8")
    except (FileNotFoundError, OSError):
        log.info("no %s: a record's confidence is its decision's confidence", CALIBRATION_FILE)
        return None
    cal = Calibrator.from_json(text)
    fitted_for = cal.meta.get("subtype_model_sha256")
    if fitted_for and fitted_for != model_digest():
        log.warning(
            "%s was fitted for another %s: confidences may be off; rerun tools/fit_calibration.py",
            CALIBRATION_FILE,
            MODEL_FILE,
        )
    return cal


def record_confidence(
    ev: Event,
    feats: Mapping[str, float],
    model: Any,
    calibrator: Calibrator | None = None,
    *,
    probs: Mapping[str, float] | None = None,
) -> float:
    """The record's confidence: the calibrated probability that its sub-event type is right
    (``calibrator`` defaults to the shipped one), rounded to 3 places; ``probs`` as in
    :func:`signals`."""
    cal = calibrator or default_calibrator()
    if cal is None:
        return round(min(1.0 - FLOOR, max(FLOOR, _class_confidence(ev))), 3)
    return round(cal.probability(signals(ev, feats, model, probs)), 3)


def signal_matrix(rows: Sequence[Mapping[str, float]], names: Sequence[str] = SIGNALS) -> list[list[float]]:
    """Signals as rows of numbers in ``names`` order (for fitting)."""
    return [[float(r.get(n, 0.0)) for n in names] for r in rows]

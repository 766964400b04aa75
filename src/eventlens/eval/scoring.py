"""Scorers shared by the evaluation suites: plain functions over plain values.

Why our own instead of scikit-learn: the suites need a handful of measures
(accuracy, per-class P/R/F1, confusion matrix, distance, clustering scores) with
explicit conventions - a class that is neither in the gold nor predicted is left
out of the macro average, an empty set scores 0 not NaN - and the tests check them
on hand-computed cases. Nothing here knows about eventlens records; the suites
turn records into labels, numbers and strings first.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from eventlens.geo.distance import haversine_km

__all__ = [
    "PRF",
    "acc_at_k",
    "accuracy",
    "bcubed",
    "confusion_matrix",
    "content_tokens",
    "haversine_km",
    "median",
    "normalise_actor",
    "actors_match",
    "pairwise",
    "per_class",
    "prf_from_counts",
    "token_overlap",
]


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall, F1 and the counts they came from."""

    precision: float
    recall: float
    f1: float
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def prf_from_counts(tp: int, fp: int, fn: int) -> PRF:
    """P/R/F1 from counts; a ratio with a zero denominator is 0 (nothing found scores 0, not NaN)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f, tp, fp, fn)


def accuracy(gold: Sequence[Any], pred: Sequence[Any]) -> float:
    """Share of positions where ``pred`` equals ``gold``; 0.0 for empty input."""
    if len(gold) != len(pred):
        raise ValueError(f"accuracy: {len(gold)} gold labels but {len(pred)} predictions")
    if not gold:
        return 0.0
    return sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold)


def confusion_matrix(
    gold: Sequence[Hashable], pred: Sequence[Hashable], labels: Sequence[Hashable] | None = None
) -> dict[Hashable, dict[Hashable, int]]:
    """``m[gold_label][pred_label] = count``; rows and columns for every label in ``labels``
    (default: all labels seen, sorted by their text)."""
    if len(gold) != len(pred):
        raise ValueError(f"confusion_matrix: {len(gold)} gold labels but {len(pred)} predictions")
    if labels is None:
        labels = sorted(set(gold) | set(pred), key=str)
    m: dict[Hashable, dict[Hashable, int]] = {g: {p: 0 for p in labels} for g in labels}
    for g, p in zip(gold, pred, strict=True):
        row = m.setdefault(g, {q: 0 for q in labels})
        row[p] = row.get(p, 0) + 1
    return m


def per_class(
    gold: Sequence[Hashable], pred: Sequence[Hashable], labels: Iterable[Hashable] | None = None
) -> dict[str, Any]:
    """Per-class P/R/F1 with macro and support-weighted averages.

    ``labels`` limits the classes scored (e.g. the 25 ACLED sub-types, so that a
    "(none)" prediction counts as a miss for the gold class without becoming a class).
    A class with no gold support and no prediction is left out of both averages;
    the weighted average is weighted by gold support (as in CASE 2021 and sklearn).
    """
    if len(gold) != len(pred):
        raise ValueError(f"per_class: {len(gold)} gold labels but {len(pred)} predictions")
    classes = sorted(set(gold) | set(pred), key=str) if labels is None else list(labels)
    out: dict[Hashable, PRF] = {}
    support: dict[Hashable, int] = Counter(gold)
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        if tp + fp + fn == 0:
            continue
        out[c] = prf_from_counts(tp, fp, fn)
    total = sum(support.get(c, 0) for c in out)
    macro = sum(s.f1 for s in out.values()) / len(out) if out else 0.0
    weighted = sum(s.f1 * support.get(c, 0) for c, s in out.items()) / total if total else 0.0
    return {
        "classes": {str(c): {**s.to_dict(), "support": support.get(c, 0)} for c, s in out.items()},
        "macro_f1": macro,
        "weighted_f1": weighted,
    }


def acc_at_k(distances_km: Sequence[float | None], k: float) -> float:
    """Share of distances within ``k`` km (``None`` = unresolved, a miss); 0.0 for none."""
    if not distances_km:
        return 0.0
    return sum(1 for d in distances_km if d is not None and d <= k) / len(distances_km)


def median(values: Sequence[float]) -> float | None:
    """The median, or ``None`` for no values (never a made-up 0)."""
    if not values:
        return None
    s = sorted(values)
    mid = len(s) // 2
    return float(s[mid]) if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


# --- clusterings (for the dedupe suite) -------------------------------------------------


def _clusters_of(assign: Mapping[Hashable, Hashable]) -> dict[Hashable, set[Hashable]]:
    clusters: dict[Hashable, set[Hashable]] = {}
    for item, c in assign.items():
        clusters.setdefault(c, set()).add(item)
    return clusters


def bcubed(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]) -> PRF:
    """B-cubed P/R/F1 of a clustering: ``item -> cluster id`` for gold and prediction.

    Items missing from ``pred`` count as singletons (a system that clusters nothing
    still gets precision 1 and low recall, as B-cubed intends).
    """
    if not gold:
        return PRF(0.0, 0.0, 0.0)
    pred = {**{i: ("__single__", i) for i in gold}, **{i: c for i, c in pred.items() if i in gold}}
    gc, pc = _clusters_of(gold), _clusters_of(pred)
    p_sum = r_sum = 0.0
    for item in gold:
        g, p = gc[gold[item]], pc[pred[item]]
        both = len(g & p)
        p_sum += both / len(p)
        r_sum += both / len(g)
    p, r = p_sum / len(gold), r_sum / len(gold)
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def pairwise(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]) -> PRF:
    """Pairwise P/R/F1: a pair of items is positive when both are in one cluster."""

    def pairs(assign: Mapping[Hashable, Hashable]) -> set[frozenset[Hashable]]:
        out: set[frozenset[Hashable]] = set()
        for members in _clusters_of(assign).values():
            ms = sorted(members, key=str)
            out.update(frozenset((a, b)) for i, a in enumerate(ms) for b in ms[i + 1 :])
        return out

    gp, pp = pairs(gold), pairs({i: c for i, c in pred.items() if i in gold})
    return prf_from_counts(len(gp & pp), len(pp - gp), len(gp - pp))


# --- strings: actor names and mentions --------------------------------------------------

_SUFFIX = re.compile(r"\s*\((?:[^()]*)\)\s*$")
_MILITARY_OF = re.compile(r"^(military|police) forces of (?:the )?(.+)$")
_X_MILITARY = re.compile(r"^(?:the )?(.+?) (military|army|armed forces|police)$")
_STOP = frozenset(
    "a an the of in on at to for from by with and or its their his her this that these those "
    "was were is are be been has have had who which".split()
)


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", s.replace("’", "'")).strip().lower()


def normalise_actor(name: str | None) -> str:
    """An ACLED actor name reduced for comparison.

    Lowercase, accents folded; trailing bracketed qualifiers dropped, repeatedly
    ("Military Forces of Iraq (2020-) (Popular Mobilization Forces)" -> "military
    forces of iraq"); "Military Forces of X" and "X military/army" both become
    "x military", "Police Forces of X" / "X police" become "x police"; a leading
    "the" and an "ACRONYM:" prefix ("STC: Southern Transitional Council") are dropped.
    ``None`` and blanks give "".
    """
    if not name:
        return ""
    s = _fold(name)
    while True:
        t = _SUFFIX.sub("", s)
        if t == s:
            break
        s = t
    s = re.sub(r"^[a-z0-9\-]{2,10}: ", "", s)
    s = re.sub(r"^the ", "", s)
    m = _MILITARY_OF.match(s)
    if m:
        return f"{m.group(2)} {m.group(1)}"
    m = _X_MILITARY.match(s)
    if m:
        kind = "police" if m.group(2) == "police" else "military"
        return f"{m.group(1)} {kind}"
    return s


def actors_match(gold: str | None, pred: str | None) -> bool:
    """Normalised ACLED names are equal (two blanks match: "no actor2" is a right answer)."""
    return normalise_actor(gold) == normalise_actor(pred)


def content_tokens(text: str | None) -> set[str]:
    """Lowercased word tokens of ``text`` minus a few function words."""
    if not text:
        return set()
    return {t for t in re.findall(r"[\w']+", _fold(text)) if t not in _STOP}


def token_overlap(a: str | None, b: str | None) -> float:
    """Shared content tokens over the smaller side's count (1.0 when one contains the other's words)."""
    ta, tb = content_tokens(a), content_tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))

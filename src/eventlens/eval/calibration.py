"""Calibration of ``confidence``: expected calibration error and the reliability table behind it.

A record's ``confidence`` should mean what it says: of the records given confidence
about 0.8, about 80% should be right. Shared by the suites that score a top record per
item (``acled-test``, ``case2021``, ``own-snippets``); each decides what "right" means
(there: the sub-event type is the gold one).

Binning: ``bins`` equal-width bins over [0, 1]; a confidence ``c`` falls in bin
``min(int(c * bins), bins - 1)`` after clamping to [0, 1], so bin i is
[i/bins, (i+1)/bins) and the last bin also holds 1.0. ECE is the support-weighted mean
gap between a bin's mean confidence and its accuracy:
``sum_b (n_b / N) * |accuracy_b - mean_confidence_b|`` (Guo et al. 2017, "On
Calibration of Modern Neural Networks"). Items without a confidence (no record) are not
passed in by the suites: calibration is about the records given.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["DEFAULT_BINS", "expected_calibration_error", "reliability_table"]

DEFAULT_BINS = 10


def _accumulate(
    confidences: Sequence[float], correct: Sequence[bool], bins: int, who: str
) -> list[tuple[int, float, int]]:
    """Per bin: (items, sum of clamped confidences, items right)."""
    if len(confidences) != len(correct):
        raise ValueError(f"{who}: {len(confidences)} confidences but {len(correct)} outcomes")
    if bins < 1:
        raise ValueError(f"{who}: bins must be >= 1")
    n = [0] * bins
    sc = [0.0] * bins
    right = [0] * bins
    for c, ok in zip(confidences, correct, strict=True):
        c = min(1.0, max(0.0, float(c)))
        b = min(int(c * bins), bins - 1)
        n[b] += 1
        sc[b] += c
        right[b] += bool(ok)
    return list(zip(n, sc, right, strict=True))


def reliability_table(
    confidences: Sequence[float], correct: Sequence[bool], bins: int = DEFAULT_BINS
) -> list[dict[str, Any]]:
    """One row per non-empty bin: ``lo``, ``hi``, ``n``, ``mean_confidence``, ``accuracy`` (rounded
    to 4 places) - the data of a reliability plot."""
    sums = _accumulate(confidences, correct, bins, "reliability_table")
    return [
        {
            "lo": round(i / bins, 4),
            "hi": round((i + 1) / bins, 4),
            "n": n,
            "mean_confidence": round(sc / n, 4),
            "accuracy": round(right / n, 4),
        }
        for i, (n, sc, right) in enumerate(sums)
        if n
    ]


def expected_calibration_error(
    confidences: Sequence[float], correct: Sequence[bool], bins: int = DEFAULT_BINS
) -> float | None:
    """ECE over ``bins`` equal-width bins (see the module docstring); ``None`` for no items
    (undefined, never a made-up 0)."""
    sums = _accumulate(confidences, correct, bins, "expected_calibration_error")
    if not confidences:
        return None
    total = len(confidences)
    return sum(n / total * abs(right / n - sc / n) for n, sc, right in sums if n)

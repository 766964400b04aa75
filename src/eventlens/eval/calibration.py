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

__all__ = ["DEFAULT_BINS", "expected_calibration_error", "reliability_svg", "reliability_table"]

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


#: Series colours of the reliability plot (colour-blind safe, Okabe-Ito).
_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")


def reliability_svg(tables: dict[str, list[dict[str, Any]]], size: int = 420) -> str:
    """A reliability diagram as a standalone SVG (no plotting library): per series (name ->
    :func:`reliability_table` rows), accuracy against mean confidence per bin, each point's
    area proportional to its bin's share of the series, and the diagonal of perfect calibration."""
    pad, w = 50, size - 70
    x0, y0 = pad, size - pad

    def pt(c: float, a: float) -> tuple[float, float]:
        return round(x0 + c * w, 1), round(y0 - a * w, 1)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'font-family="sans-serif" font-size="11">',
        f'<rect x="{x0}" y="{y0 - w}" width="{w}" height="{w}" fill="none" stroke="#999"/>',
        f'<line x1="{x0}" y1="{y0}" x2="{x0 + w}" y2="{y0 - w}" stroke="#999" stroke-dasharray="4 3"/>',
    ]
    for i in range(0, 11, 2):
        v = i / 10
        x, y = pt(v, v)
        parts.append(f'<text x="{x}" y="{y0 + 14}" text-anchor="middle">{v:.1f}</text>')
        parts.append(f'<text x="{x0 - 6}" y="{y + 4}" text-anchor="end">{v:.1f}</text>')
    parts.append(f'<text x="{x0 + w / 2}" y="{y0 + 32}" text-anchor="middle">mean confidence in bin</text>')
    parts.append(
        f'<text x="14" y="{y0 - w / 2}" text-anchor="middle" transform="rotate(-90 14 {y0 - w / 2})">'
        "share right (accuracy)</text>"
    )
    for k, (name, rows) in enumerate(tables.items()):
        colour = _COLOURS[k % len(_COLOURS)]
        total = sum(r["n"] for r in rows) or 1
        line = " ".join("{},{}".format(*pt(r["mean_confidence"], r["accuracy"])) for r in rows)
        parts.append(f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="1.5"/>')
        for r in rows:
            x, y = pt(r["mean_confidence"], r["accuracy"])
            rad = round(2 + 14 * (r["n"] / total) ** 0.5, 1)
            parts.append(
                f'<circle cx="{x}" cy="{y}" r="{rad}" fill="{colour}" fill-opacity="0.45" stroke="{colour}"/>'
            )
        # legend bottom right: confident and wrong, the corner calibrated points stay out of
        lx, ly = x0 + w - 200, y0 - 10 - 16 * (len(tables) - 1 - k)
        parts.append(f'<rect x="{lx}" y="{ly - 9}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{lx + 16}" y="{ly}">{_escape(name)} (n={total})</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

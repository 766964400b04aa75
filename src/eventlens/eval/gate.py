"""The accuracy gate: a fast subset of the suites whose figures may not fall below pinned floors.

``baseline.json`` (next to this file) holds, per gate suite, the ``limit`` it runs
with, the sha256 of the data each floor was measured on, ``floors`` (higher is
better) and ``ceilings`` (lower is better: misses, splits), and one noise
``margin``. As in trafilatura's evaluation gate: a figure below its floor minus the
margin fails with the figure; changed data fails with "re-baseline".

Raising a floor is a one-line edit. Lowering one (or raising a ceiling, or dropping
a figure) needs ``EVENTLENS_ALLOW_LOWER_FLOOR=1`` *and* a ``reason`` in that suite's
entry; :func:`check_floor_changes` enforces it against the committed baseline.

Re-measure and rewrite: ``python -m eventlens.eval.gate --write`` (same rules).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from eventlens.eval.corpus import ExtractMany

BASELINE_PATH = Path(__file__).with_name("baseline.json")
ALLOW_LOWER_ENV = "EVENTLENS_ALLOW_LOWER_FLOOR"
#: The fast subset: suite -> limit. 300 ACLED rows keep the gate well under a minute and
#: cover every event type (the first 300 rows hold 19 of the 25 sub-types).
GATE_SUITES: dict[str, int | None] = {"acled": 300, "gold": None, "dates": None}
#: Figures where lower is better; they get ceilings instead of floors.
LOWER_IS_BETTER = frozenset({"misses", "splits", "location.median_km"})
#: Absolute noise margin on shares: the pipeline is deterministic, so this only absorbs
#: library and model patch-level drift (spaCy model updates moved ACLED figures by < 1 point).
DEFAULT_MARGIN = 0.02


BASELINE_COMMENT = (
    "Accuracy gate (eventlens.eval.gate; checked by tests/eval/test_gate.py). Per suite: the limit it runs "
    "with, sha256 of the data the floors were measured on, floors (a figure may not fall below "
    "floor - margin) and ceilings (misses/splits may not rise above ceiling + margin). "
    "Raise a floor freely; lowering one needs "
    "EVENTLENS_ALLOW_LOWER_FLOOR=1 and a 'reason' in that suite's entry. Re-measure: "
    "python -m eventlens.eval.gate --write"
)


def load_baseline(path: Path = BASELINE_PATH) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def measure(
    data_dir: Path, extract_many: ExtractMany | None = None, suites: Mapping[str, int | None] | None = None
) -> dict[str, dict[str, Any]]:
    """Run the gate suites; ``{suite: runner result}`` (status, figures, files)."""
    from eventlens.eval.runner import run_suite

    return {
        name: run_suite(name, data_dir, limit, extract_many)
        for name, limit in (suites or GATE_SUITES).items()
    }


def check(figures: Mapping[str, Mapping[str, Any]], baseline: Mapping[str, Any]) -> list[str]:
    """Failures (readable sentences) of measured ``figures`` against ``baseline``; [] = pass."""
    failures: list[str] = []
    margin = float(baseline.get("margin", DEFAULT_MARGIN))
    for suite, base in (baseline.get("suites") or {}).items():
        res = figures.get(suite)
        if res is None or res.get("status", "ok") != "ok":
            why = res.get("reason") if res else "not measured"
            failures.append(f"{suite}: gate suite did not run ({why})")
            continue
        got_files = res.get("files") or {}
        changed = [
            f"{p} (baseline {h[:12]}, now {str(got_files.get(p))[:12]})"
            for p, h in sorted((base.get("files") or {}).items())
            if got_files.get(p) != h
        ]
        if changed:
            failures.append(
                f"{suite}: data changed since the floors were measured: {'; '.join(changed)}. "
                "Re-baseline: python -m eventlens.eval.gate --write (and review the diff)"
            )
            continue
        figs = res.get("figures") or {}
        m = float(base.get("margin", margin))
        for key, floor in sorted((base.get("floors") or {}).items()):
            v = figs.get(key)
            if not isinstance(v, int | float) or isinstance(v, bool):
                failures.append(f"{suite}.{key}: figure missing (floor {floor})")
            elif v < floor - m:
                failures.append(f"{suite}.{key} = {v:.4f}, below its floor {floor:.4f} (margin {m})")
        for key, ceiling in sorted((base.get("ceilings") or {}).items()):
            v = figs.get(key)
            if not isinstance(v, int | float) or isinstance(v, bool):
                failures.append(f"{suite}.{key}: figure missing (ceiling {ceiling})")
            elif v > ceiling + m:
                failures.append(f"{suite}.{key} = {v:.4f}, above its ceiling {ceiling:.4f} (margin {m})")
    return failures


def check_floor_changes(old: Mapping[str, Any], new: Mapping[str, Any], *, allow_lower: bool) -> list[str]:
    """Failures for floors lowered / ceilings raised / figures dropped from ``old`` to ``new``.

    Allowed only with ``allow_lower`` (``EVENTLENS_ALLOW_LOWER_FLOOR=1``) and a ``reason``
    in the new suite entry. A data-hash change with new floors counts the same way.
    """
    failures = []
    for suite, ob in (old.get("suites") or {}).items():
        nb = (new.get("suites") or {}).get(suite) or {}
        loosened = []
        for key, of in (ob.get("floors") or {}).items():
            nf = (nb.get("floors") or {}).get(key)
            if nf is None or nf < of:
                loosened.append(f"floor {key} {of} -> {nf}")
        for key, oc in (ob.get("ceilings") or {}).items():
            nc = (nb.get("ceilings") or {}).get(key)
            if nc is None or nc > oc:
                loosened.append(f"ceiling {key} {oc} -> {nc}")
        if float(nb.get("margin", new.get("margin", DEFAULT_MARGIN))) > float(
            ob.get("margin", old.get("margin", DEFAULT_MARGIN))
        ):
            loosened.append("margin widened")
        if not loosened:
            continue
        what = f"{suite}: {', '.join(loosened)}"
        if not allow_lower:
            failures.append(
                f"{what}: lowering needs {ALLOW_LOWER_ENV}=1 and a 'reason' in the suite's baseline entry"
            )
        elif not str(nb.get("reason") or "").strip():
            failures.append(
                f"{what}: {ALLOW_LOWER_ENV} is set but the suite's baseline entry has no 'reason'"
            )
    return failures


def committed_baseline(repo: Path | None = None) -> dict[str, Any] | None:
    """The baseline as committed at HEAD (``None`` outside git or before its first commit)."""
    root = repo or Path(__file__).resolve().parents[3]
    rel = BASELINE_PATH.resolve().relative_to(root).as_posix()
    try:
        out = subprocess.run(
            ["git", "show", f"HEAD:{rel}"], capture_output=True, text=True, check=True, cwd=root
        )
    except (OSError, subprocess.CalledProcessError, ValueError):
        return None
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def allow_lower() -> bool:
    return os.environ.get(ALLOW_LOWER_ENV, "") == "1"


def baseline_from(
    measured: Mapping[str, Mapping[str, Any]], old: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """A baseline whose floors are the measured figures (rounded down to 3 decimals), ceilings
    rounded up; keeps ``comment``, ``margin`` and per-suite ``reason`` from ``old``."""
    from eventlens.eval.runner import git_commit

    old = old or {}
    out: dict[str, Any] = {
        "comment": old.get("comment", BASELINE_COMMENT),
        "margin": old.get("margin", DEFAULT_MARGIN),
        "measured_on_commit": git_commit(),
        "suites": {},
    }
    for suite, res in measured.items():
        if res.get("status") != "ok":
            continue
        floors, ceilings = {}, {}
        for k, v in sorted((res.get("figures") or {}).items()):
            if not isinstance(v, int | float) or isinstance(v, bool):
                continue
            if k in LOWER_IS_BETTER:
                if v <= 1.0:
                    ceilings[k] = math.ceil(v * 1000) / 1000
            elif 0.0 <= v <= 1.0:
                floors[k] = math.floor(v * 1000) / 1000
        entry: dict[str, Any] = {
            "limit": GATE_SUITES.get(suite),
            "files": res.get("files") or {},
            "floors": floors,
            "ceilings": ceilings,
        }
        reason = ((old.get("suites") or {}).get(suite) or {}).get("reason")
        if reason:
            entry["reason"] = reason
        out["suites"][suite] = entry
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m eventlens.eval.gate", description="Check or rewrite the accuracy gate."
    )
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--write", action="store_true", help="rewrite baseline.json from a fresh measurement")
    args = ap.parse_args(argv)
    measured = measure(args.data)
    old = load_baseline() if BASELINE_PATH.exists() else {}
    if args.write:
        new = baseline_from(measured, old)
        problems = check_floor_changes(old, new, allow_lower=allow_lower())
        if problems:
            print("\n".join(problems), file=sys.stderr)
            return 1
        BASELINE_PATH.write_text(json.dumps(new, indent=1, sort_keys=False) + "\n", encoding="utf-8")
        print(f"wrote {BASELINE_PATH}")
        return 0
    failures = check(measured, old)
    print("\n".join(failures) or "gate passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

"""Snapshot every record eventlens produces for a fixed input set, to prove a refactor changed nothing.

    python tools/snapshot_records.py OUT_DIR            # write OUT_DIR/{acled-dev,samples}.jsonl
    python tools/snapshot_records.py --diff A_DIR B_DIR # compare two snapshots, exit 1 on any difference
    python tools/snapshot_records.py --limit 500 OUT_DIR  # only the first 500 ACLED rows (faster)

Inputs: every row of ``../shared/data/acled/dev.csv`` (notes as the text, published three days
after ``event_date``, as the acled suite does) and the shipped sample articles plus the shared
fixtures. Both go through the public CLI (``eventlens extract -f jsonl``), so the read path,
the pipeline and the record serialisation are all covered. Output is sorted by input id.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CLI = [
    sys.executable,
    "-c",
    "from eventlens.cli import main; main()",
]  # the eventlens of this interpreter (PYTHONPATH wins)


def _acled_items(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    items = []
    for r in rows:
        pub = date.fromisoformat(r["event_date"]) + timedelta(days=3)
        items.append({"id": r["event_id_cnty"], "text": r["notes"], "published": pub.isoformat()})
    return items


def _run(args: list[str]) -> list[str]:
    proc = subprocess.run(CLI + ["extract", *args, "-f", "jsonl"], capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"eventlens extract failed ({proc.returncode}): {proc.stderr[-2000:]}")
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    # stable order whatever order the inputs were processed in: sort by the serialised record
    return sorted(lines) + [f"# stderr: {ln}" for ln in sorted(proc.stderr.splitlines()) if "Error" in ln]


def snapshot(out: Path, limit: int | None = None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        items = Path(tmp) / "acled-dev.jsonl"
        items.write_text(
            "".join(json.dumps(i) + "\n" for i in _acled_items(SHARED / "data/acled/dev.csv")[:limit])
        )
        (out / "acled-dev.jsonl").write_text("\n".join(_run([str(items)])) + "\n")
    samples = sorted((ROOT / "src/eventlens/data/samples").glob("*.*"))
    samples = [p for p in samples if p.suffix in (".txt", ".jsonl", ".html")]
    samples += sorted((SHARED / "fixtures").glob("*.txt"))
    lines: list[str] = []
    for p in samples:
        lines += [f"## {p.name}"] + _run([str(p)])
    (out / "samples.jsonl").write_text("\n".join(lines) + "\n")
    for f in sorted(out.glob("*.jsonl")):
        n = sum(1 for ln in f.read_text().splitlines() if ln.startswith("{"))
        print(f"{f}: {n} records")


def diff(a: Path, b: Path) -> int:
    bad = 0
    for fa in sorted(a.glob("*.jsonl")):
        fb = b / fa.name
        la, lb = fa.read_text().splitlines(), fb.read_text().splitlines() if fb.exists() else []
        same = la == lb
        n = sum(1 for ln in la if ln.startswith("{"))
        print(f"{fa.name}: {n} records, {'identical' if same else 'DIFFERENT'}")
        if not same:
            bad += 1
            for i, (x, y) in enumerate(zip(la, lb, strict=False)):
                if x != y:
                    print(f"  first difference at line {i + 1}:\n  - {x[:300]}\n  + {y[:300]}")
                    break
            if len(la) != len(lb):
                print(f"  line counts {len(la)} vs {len(lb)}")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--diff", action="store_true", help="compare two snapshot directories")
    ap.add_argument("--limit", type=int, help="only the first N ACLED rows")
    ns = ap.parse_args()
    if ns.diff:
        return diff(*ns.paths[:2])
    snapshot(ns.paths[0], ns.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())

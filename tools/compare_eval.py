"""Compare the figures of two ``eventlens eval ... --json`` reports, suite by suite.

    python tools/compare_eval.py BEFORE.json AFTER.json   # exit 1 if a figure both reports have differs

Only suites and figures present in both reports are compared (a new suite is listed, not failed);
timings and generation times are not figures.
"""

from __future__ import annotations

import json
import sys


def main(before_path: str, after_path: str) -> int:
    before = json.load(open(before_path, encoding="utf-8"))["suites"]
    after = json.load(open(after_path, encoding="utf-8"))["suites"]
    changed = same = 0
    for name in sorted(set(before) | set(after)):
        if name not in before or name not in after:
            print(f"{name}: only in {'after' if name in after else 'before'}")
            continue
        fb, fa = before[name].get("figures", {}), after[name].get("figures", {})
        diffs = [(k, fb[k], fa[k]) for k in sorted(set(fb) & set(fa)) if fb[k] != fa[k]]
        same += len(set(fb) & set(fa)) - len(diffs)
        changed += len(diffs)
        print(
            f"{name}: {len(set(fb) & set(fa))} figures, {'identical' if not diffs else f'{len(diffs)} differ'}"
        )
        for k, x, y in diffs:
            print(f"  {k}: {x} -> {y}")
    print(f"{same} figures identical, {changed} differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))

"""``python -m eventlens.eval SUITE... [--data DIR] [--limit N] [--json OUT] [--markdown OUT]``.

The same as ``eventlens eval``, without the CLI app (handy before it is wired, and in CI).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from eventlens.eval.runner import DEFAULT_DATA_DIR, SUITES, run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m eventlens.eval", description="Run eventlens evaluation suites."
    )
    ap.add_argument("suites", nargs="+", help=f"all, or any of: {', '.join(SUITES)}")
    ap.add_argument(
        "--data", type=Path, default=DEFAULT_DATA_DIR, help="evaluation data dir (default ../shared/data)"
    )
    ap.add_argument("--limit", type=int, default=None, help="first N items of each suite")
    ap.add_argument("--json", type=Path, default=None, help="write the JSON report here")
    ap.add_argument("--markdown", type=Path, default=None, help="write docs/accuracy.md here")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    return run(
        args.suites, data_dir=args.data, limit=args.limit, json_out=args.json, markdown_out=args.markdown
    )


if __name__ == "__main__":
    sys.exit(main())

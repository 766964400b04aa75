"""Run evaluation suites, print a table per suite, write the JSON report and docs/accuracy.md.

``run()`` is what ``eventlens eval SUITE...`` calls. A suite whose data or module is
absent is *skipped* with its reason (never passed); a suite that crashes is an
*error* and makes the exit code 1. Output is deterministic except the timestamp
and timings, which live outside the figures.
"""

from __future__ import annotations

import json
import logging
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eventlens.errors import EvalError
from eventlens.eval.corpus import ExtractMany

logger = logging.getLogger(__name__)

DEFAULT_DATA_DIR = Path("../shared/data")


@dataclass(frozen=True, slots=True)
class SuiteSpec:
    name: str
    run: Callable[[Path, int | None, ExtractMany | None], dict[str, Any]]
    about: str


def _gold(data_dir: Path, limit: int | None, em: ExtractMany | None) -> dict[str, Any]:
    from eventlens.eval.gold_suite import run_gold_suite

    return run_gold_suite(data_dir.parent / "gold", limit, em, corpus_dir=data_dir)


def _acled(data_dir: Path, limit: int | None, em: ExtractMany | None) -> dict[str, Any]:
    from eventlens.eval.acled_suite import run_acled_suite

    return run_acled_suite(data_dir, limit, em)


def _acled_test(data_dir: Path, limit: int | None, em: ExtractMany | None) -> dict[str, Any]:
    from eventlens.eval.acled_test_suite import run_acled_test_suite

    return run_acled_test_suite(data_dir, limit, em)


def _case2021(data_dir: Path, limit: int | None, em: ExtractMany | None) -> dict[str, Any]:
    from eventlens.eval.case2021_suite import run_case2021_suite

    return run_case2021_suite(data_dir, limit, em)


def _own_snippets(data_dir: Path, limit: int | None, em: ExtractMany | None) -> dict[str, Any]:
    from eventlens.eval.case2021_suite import run_own_snippets_suite

    return run_own_snippets_suite(data_dir, limit, em)


def _wikievents(data_dir: Path, limit: int | None, em: ExtractMany | None) -> dict[str, Any]:
    from eventlens.eval.wikievents_suite import run_wikievents_suite

    return run_wikievents_suite(data_dir, limit, em)


def _dates(data_dir: Path, limit: int | None, em: ExtractMany | None) -> dict[str, Any]:
    from eventlens.eval.dates_suite import run_dates_suite

    return run_dates_suite(data_dir, limit)


def _geo(name: str) -> Callable[[Path, int | None, ExtractMany | None], dict[str, Any]]:
    def run_geo(data_dir: Path, limit: int | None, em: ExtractMany | None) -> dict[str, Any]:
        from eventlens.eval.geo_suite import run_geo_suite

        # the geo corpora live in <data>/geoparsing/; run_geo_suite wants the folder holding the XML
        sub = data_dir / "geoparsing"
        return run_geo_suite(name, sub if sub.is_dir() else data_dir, limit)  # type: ignore[arg-type]

    return run_geo


def _articles(data_dir: Path, limit: int | None, em: ExtractMany | None) -> dict[str, Any]:
    from eventlens.eval.articles_suite import run_articles_suite

    return run_articles_suite(data_dir, limit, em)


def _dedupe(data_dir: Path, limit: int | None, em: ExtractMany | None) -> dict[str, Any]:
    from eventlens.eval.dedupe_suite import run_dedupe_suite

    return run_dedupe_suite(data_dir, limit, em)


#: Every suite, in report order. "all" runs them all.
SUITES: dict[str, SuiteSpec] = {
    s.name: s
    for s in (
        SuiteSpec("gold", _gold, "hand-checked gold articles (../gold) field by field"),
        SuiteSpec(
            "acled", _acled, "ACLED coder notes (coder-notes style, not news) -> records, column by column"
        ),
        SuiteSpec(
            "acled-test",
            _acled_test,
            "the untouched ACLED slice of train.csv (coder-notes style, not news), scored as acled",
        ),
        SuiteSpec("case2021", _case2021, "CASE 2021 task-2 news snippets: ACLED sub-type F1"),
        SuiteSpec("own-snippets", _own_snippets, "the project's own news-style snippets, per style"),
        SuiteSpec("wikievents", _wikievents, "WikiEvents dev: KAIROS triggers mapped to ACLED, arguments"),
        SuiteSpec("dates", _dates, "MEANTIME TIMEX3 normalisation against the creation time"),
        SuiteSpec("geo-gwn", _geo("gwn"), "GeoWebNews toponym resolution"),
        SuiteSpec("geo-lgl", _geo("lgl"), "LGL toponym resolution"),
        SuiteSpec("geo-geovirus", _geo("geovirus"), "GeoVirus toponym resolution"),
        SuiteSpec("dedupe", _dedupe, "cross-article event clustering (B-cubed, pairwise)"),
        SuiteSpec(
            "articles", _articles, "whole articles (evaldata/articles): every record, nothing forbidden"
        ),
    )
}


def expand(suites: list[str]) -> list[str]:
    """Suite names in report order, "all" expanded; an unknown name is an EvalError naming the choices."""
    names: list[str] = []
    for s in suites:
        if s == "all":
            names += list(SUITES)
        elif s in SUITES:
            names.append(s)
        else:
            raise EvalError(f"unknown suite {s!r}; choose from: all, {', '.join(SUITES)}")
    return [n for n in SUITES if n in names]


def run_suite(
    name: str, data_dir: Path, limit: int | None = None, extract_many: ExtractMany | None = None
) -> dict[str, Any]:
    """One suite's result with a ``status``: "ok", "skipped" (and ``reason``) or "error"."""
    spec = SUITES[name]
    t0 = time.perf_counter()
    try:
        res = dict(spec.run(Path(data_dir), limit, extract_many))
        res["status"] = "ok"
    except EvalError as e:
        res = {"suite": name, "status": "skipped", "reason": str(e)}
    except ModuleNotFoundError as e:
        if e.name and e.name.startswith("eventlens.eval."):
            res = {"suite": name, "status": "skipped", "reason": f"{e.name} is not written yet"}
        else:
            logger.exception("suite %s failed", name)
            res = {"suite": name, "status": "error", "reason": f"{type(e).__name__}: {e}"}
    except Exception as e:  # noqa: BLE001 - one broken suite must not stop the others; reported as an error
        logger.exception("suite %s failed", name)
        res = {"suite": name, "status": "error", "reason": f"{type(e).__name__}: {e}"}
    res["suite"] = name
    res["seconds"] = round(time.perf_counter() - t0, 2)
    return res


def git_commit(cwd: Path | None = None) -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            cwd=cwd or Path(__file__).parent,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def eventlens_version() -> str | None:
    try:
        from importlib.metadata import PackageNotFoundError, version

        return version("eventlens")
    except PackageNotFoundError:
        return None


def build_report(results: list[dict[str, Any]], data_dir: Path, limit: int | None) -> dict[str, Any]:
    """The JSON report: figures and hashes per suite, version and commit; time kept apart."""
    suites = {}
    for r in results:
        entry = {k: r[k] for k in ("status", "reason", "n", "figures", "files", "details") if k in r}
        for k in ("counts", "errors"):  # extra keys other suites return
            if k in r and k not in entry:
                entry[k] = r[k]
        suites[r["suite"]] = entry
    return {
        "eventlens_version": eventlens_version(),
        "git_commit": git_commit(),
        "data_dir": str(data_dir),
        "limit": limit,
        "suites": suites,
        "run": {
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "seconds": {r["suite"]: r.get("seconds") for r in results},
        },
    }


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.4f}".rstrip("0").rstrip(".") if v != int(v) else f"{v:.1f}"
    return str(v)


def print_tables(report: dict[str, Any], console: Any) -> None:
    from rich.table import Table

    for name, s in report["suites"].items():
        if s["status"] != "ok":
            console.print(f"[bold]{name}[/bold]: {s['status']} - {s.get('reason', '')}")
            continue
        t = Table(title=f"{name} (n={s.get('n')})", show_lines=False)
        t.add_column("figure")
        t.add_column("value", justify="right")
        for k, v in (s.get("figures") or {}).items():
            t.add_row(k, _fmt(v))
        console.print(t)
        failed = [
            m
            for d in ((s.get("details") or {}).get("documents") or {}).values()
            if isinstance(d, dict)
            for m in d.get("failed", [])
        ]
        for m in failed[:40]:
            console.print(f"  [red]x[/red] {m}", markup=True, highlight=False, soft_wrap=True)
        passed = [
            p
            for d in ((s.get("details") or {}).get("documents") or {}).values()
            if isinstance(d, dict)
            for p in d.get("passed", [])
        ]
        if passed:
            console.print(f"  [green]passed:[/green] {', '.join(passed)}", highlight=False, soft_wrap=True)


def run(
    suites: list[str],
    *,
    data_dir: Path = DEFAULT_DATA_DIR,
    limit: int | None = None,
    json_out: Path | None = None,
    markdown_out: Path | None = None,
    console: Any = None,
    extract_many: ExtractMany | None = None,
) -> int:
    """Run ``suites`` ("all" = every suite); return 0, 1 if any suite errored, 2 for an unknown suite."""
    from rich.console import Console

    from eventlens.eval.report import render_markdown

    console = console or Console()
    try:
        names = expand(suites)
    except EvalError as e:
        console.print(f"[red]error[/red]: {e}", highlight=False)
        return 2
    results = [run_suite(n, Path(data_dir), limit, extract_many) for n in names]
    report = build_report(results, Path(data_dir), limit)
    print_tables(report, console)
    if json_out:
        Path(json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(json_out).write_text(
            json.dumps(report, indent=1, sort_keys=True, default=str) + "\n", encoding="utf-8"
        )
    if markdown_out:
        Path(markdown_out).parent.mkdir(parents=True, exist_ok=True)
        Path(markdown_out).write_text(render_markdown(report), encoding="utf-8")
    skipped = [r for r in results if r["status"] == "skipped"]
    errored = [r for r in results if r["status"] == "error"]
    for r in skipped:
        console.print(f"skipped {r['suite']}: {r['reason']}", highlight=False)
    for r in errored:
        console.print(f"[red]error[/red] in {r['suite']}: {r['reason']}", highlight=False)
    return 1 if errored else 0

"""``eventlens ingest PATH...``: files to the store, with a live progress display.

The CLI only parses arguments and calls :func:`ingest_paths`. Files already ingested
unchanged (same path, same sha256) are skipped without reading; a file is recorded as
processed only after every batch holding its articles committed, so an interrupted run
re-reads it and the article-level dedupe skips what was stored.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from eventlens import extract_many
from eventlens.clock import utcnow
from eventlens.errors import EventlensError
from eventlens.read.paths import expand_paths, sha256_file, shown
from eventlens.store import schema as t
from eventlens.store.db import open as open_store
from eventlens.store.ingest import Extractor, IngestSummary, ingest

log = logging.getLogger(__name__)


def _digest(path: str) -> str | None:
    """sha256 of a regular file; None for anything else (opening a FIFO would block forever)."""
    try:
        return sha256_file(path) if Path(path).is_file() else None
    except OSError:
        return None  # the reader reports it as a failure with the reason


def ingest_paths(
    db_url: str | None,
    paths: Sequence[str],
    *,
    input_format: str | None = None,
    console: Any = None,
    extract: Extractor | None = None,
    max_bytes: int | None = None,
) -> int:
    """Read, extract and store every document under ``paths``; print a summary; return the exit code.

    0 when every input was stored (or already was), 1 when any input failed (each failure is in
    the store's ``failures`` table and listed in the summary), 2 when the store cannot be opened
    or extraction cannot run. ``extract`` replaces :func:`eventlens.extract_many` (for tests);
    ``max_bytes`` refuses larger files (recorded as failures; default the readers' limit).
    """
    from rich.console import Console

    from eventlens.read import read_paths
    from eventlens.read.paths import DEFAULT_MAX_BYTES

    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes

    console = console or Console(stderr=True)
    try:
        store = open_store(db_url)
    except EventlensError as exc:
        _say_error(console, exc)
        return 2
    with store:
        files = list(expand_paths(paths))
        digests = {f: (_digest(f) if f != "-" else None) for f in files}
        todo = _not_yet_ingested(store, files, digests)
        progress = _progress_bar(console)
        task = progress.add_task("ingest", total=len(todo), articles=0, events=0, failures=0, rate=0.0)

        def items() -> Iterable[Any]:
            for i, f in enumerate(todo):
                yield from read_paths([f], input_format=input_format, max_bytes=limit)
                progress.update(task, completed=i + 1)

        def on_batch(s: IngestSummary) -> None:
            progress.update(task, articles=s.articles_seen, events=s.events, failures=s.failures, rate=s.rate)

        with progress:
            try:
                summary = ingest(store, items(), progress=on_batch, extract=extract or extract_many)
            except EventlensError as exc:
                _say_error(console, exc)
                return 2
            on_batch(summary)
        _mark_processed(store, todo, digests, summary)
        return _report(console, store, summary, skipped_files=len(files) - len(todo))


def _say_error(console: Any, exc: Exception) -> None:
    """One unwrapped line ``error: ...`` (the message's own brackets are not markup)."""
    from rich.text import Text

    console.print(Text.assemble(("error: ", "red"), str(exc)), soft_wrap=True, highlight=False)


def _not_yet_ingested(store: Any, files: list[str], digests: dict[str, str | None]) -> list[str]:
    """The files not already ingested unchanged (same path, same sha256), in their order."""
    with store.begin() as conn:
        done = {
            (r.input, r.digest)
            for r in conn.execute(sa.select(t.processed_inputs.c.input, t.processed_inputs.c.digest))
        }
    return [f for f in files if (shown(f), digests[f]) not in done]


def _progress_bar(console: Any) -> Any:
    """The live display: files done of all, articles, events, failures and the rate."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(
            "files  read {task.fields[articles]}  events {task.fields[events]}  "
            "failed {task.fields[failures]}  {task.fields[rate]:.1f}/s"
        ),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )


def _mark_processed(
    store: Any, todo: list[str], digests: dict[str, str | None], summary: IngestSummary
) -> None:
    """Record every regular file of this run whose articles all committed (a failed one is re-read)."""
    with store.begin() as conn:
        now = utcnow()
        for f in todo:
            name = shown(f)  # the spelling the readers gave its articles and failures
            if digests[f] is not None and name not in summary.failed_inputs:
                conn.execute(sa.delete(t.processed_inputs).where(t.processed_inputs.c.input == name))
                conn.execute(
                    sa.insert(t.processed_inputs).values(
                        input=name, digest=digests[f], run_id=summary.run_id, at=now
                    )
                )


def _report(console: Any, store: Any, summary: IngestSummary, *, skipped_files: int) -> int:
    """Print the run's summary and up to 20 of its failures; the exit code (1 when any input failed)."""
    console.print(f"[bold]{store!r}[/bold]: {summary}")
    if skipped_files:
        files = (
            "1 unchanged input file was"
            if skipped_files == 1
            else f"{skipped_files} unchanged input files were"
        )
        console.print(f"{files} already ingested and skipped")
    if summary.failures:
        n = summary.failures
        console.print(f"[yellow]{n} input{'' if n == 1 else 's'} failed[/yellow] (see the failures table):")
        with store.begin() as conn:
            rows = conn.execute(
                sa.select(t.failures.c.input, t.failures.c.reason)
                .where(t.failures.c.run_id == summary.run_id)
                .order_by(t.failures.c.id)
                .limit(20)
            ).all()
        for name, reason in rows:
            # the reason usually starts with the input's name already; say it once
            why = reason.removeprefix(f"{name}: ")
            console.print(f"  {name}: {why}", soft_wrap=True, markup=False, highlight=False)
        if summary.failures > len(rows):
            console.print(f"  ... and {summary.failures - len(rows)} more", markup=False)
        return 1
    return 0

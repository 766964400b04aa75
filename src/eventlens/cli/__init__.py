"""The ``eventlens`` command. Commands only parse arguments and call library functions.

Exit status: 0 success, 1 when any input failed (the rest of the batch still ran), 2 bad usage.
Areas that live in their own modules (serve, export, keys, watch ...) add their commands through
a ``register(app)`` function in ``eventlens.cli.<area>``, the same extension point a plug-in uses.
"""

from __future__ import annotations

import csv
import importlib
import importlib.resources
import json
import logging
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from eventlens.eval.runner import SUITES
from eventlens.read.timestamps import check_published_range, published_time

app = typer.Typer(
    name="eventlens",
    help="News reports to ACLED-style incident records with evidence for every field.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
log = logging.getLogger("eventlens")

#: Columns of ``--format csv`` and ``table`` (the JSON record has every field).
CSV_COLUMNS = [
    "id", "article_id", "role", "event_date", "date_precision", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "inter1", "actor2", "inter2", "interaction", "civilian_targeting", "country",
    "iso", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "fatalities", "injured",
    "confidence", "notes",
]  # fmt: skip


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def _parse_published(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = published_time(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not an ISO date or date-time (e.g. 2021-10-31T09:21)"
        ) from None
    try:
        return check_published_range(parsed) if parsed else None
    except ValueError as exc:
        raise typer.BadParameter(f"--published {value}: {exc}") from None


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.4f}".rstrip("0").rstrip(".")
    return str(v)


def _csv_cell(v: Any) -> Any:
    """A ``--format csv`` cell: numbers as numbers, text that would start a spreadsheet formula
    neutralised (see :func:`eventlens.jobs.export.safe_cell`)."""
    from eventlens.jobs.export import safe_cell

    return _cell(v) if isinstance(v, int | float) and not isinstance(v, bool) else safe_cell(_cell(v))


def _usage(command: str, message: str) -> typer.Exit:
    """Print one line about bad usage; the Exit (status 2) to raise."""
    return _usage_exit(command, message, 2)


def _usage_exit(command: str, message: str, code: int) -> typer.Exit:
    """Print one line ``eventlens COMMAND: message``; the Exit (status ``code``) to raise."""
    err.print(f"eventlens {command}: {message}", soft_wrap=True, markup=False, highlight=False)
    return typer.Exit(code)


def _check_max_bytes(command: str, max_bytes: int | None) -> None:
    if max_bytes is not None and max_bytes <= 0:
        raise _usage(command, f"--max-bytes {max_bytes}: give a positive number of bytes")


def _check_output(command: str, out: Path | None) -> None:
    if out is None:
        return
    if out.is_dir():
        raise _usage(command, f"-o {out}: is a directory; give a file name")
    if not out.parent.is_dir():
        raise _usage(command, f"-o {out}: no such directory {out.parent}; create it first")


def stdout_or_exit(command: str, *, has_output_option: bool = True) -> Any:
    """The standard output to write results to, or bad usage (status 2) when it is closed
    (``eventlens extract x >&-``: Python has no ``sys.stdout`` then, and the first write was an
    AttributeError traceback)."""
    if sys.stdout is None:
        hint = "give -o FILE or redirect it" if has_output_option else "redirect it to a file"
        raise _usage(command, f"standard output is closed; {hint}")
    return sys.stdout


def _failed_summary(command: str, failed: int, total: int) -> None:
    """The last line of a batch with failures (exit status 1 follows)."""
    others = total - failed
    if others <= 0:
        msg = f"all {failed} inputs failed; nothing was processed" if failed > 1 else "the input failed"
    else:
        rest = "the other was processed" if others == 1 else f"the other {others} were processed"
        msg = f"{failed} of {total} inputs failed; {rest}"
    err.print(f"eventlens {command}: {msg}", soft_wrap=True, markup=False, highlight=False)


def print_table(records: list[dict[str, Any]], console: Console) -> None:
    """Records as a readable table (one row per record, the fields people scan first)."""
    table = Table(show_lines=True, title=f"{len(records)} record(s)")
    for col in (
        "article",
        "role",
        "date",
        "type / sub-type",
        "actors",
        "where",
        "killed / injured",
        "weapons",
        "conf.",
    ):
        table.add_column(col, overflow="fold")
    for r in records:
        where = r.get("location") or ", ".join(p["mention"] for p in r.get("places", [])[:3]) or "-"
        if r.get("latitude") is not None:
            where += f"\n({r['latitude']:.3f}, {r['longitude']:.3f}) p{r.get('geo_precision')}"
        actors = f"{r.get('actor1') or '-'}\n-> {r.get('actor2') or '-'}"
        weapons = ", ".join(f"{w['count'] or ''} {w['mention']}".strip() for w in r.get("weapons", [])) or "-"
        killed = f"{_cell(r.get('fatalities')) or '?'} / {_cell(r.get('injured')) or '?'}"
        date = f"{r.get('event_date') or '?'}\n{r.get('date_precision') or ''}"
        table.add_row(
            str(r.get("article_id")),
            r["role"],
            date,
            f"{r['event_type']}\n{r['sub_event_type']}",
            actors,
            where,
            killed,
            weapons,
            f"{r['confidence']:.2f}",
        )
    console.print(table)


@app.callback()
def _main(
    verbose: Annotated[
        int, typer.Option("--verbose", "-v", count=True, help="More log output (-vv for debug).")
    ] = 0,
) -> None:
    _setup_logging(verbose)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json | jsonl | csv | table")] = "json",
    published: Annotated[
        str | None, typer.Option(help="Publication time for every input (ISO), overriding metadata.")
    ] = None,
    input_format: Annotated[
        str | None, typer.Option(help="text | html | json | jsonl (default: by extension / content)")
    ] = None,
    encoding: Annotated[str | None, typer.Option(help="Force the input encoding (e.g. cp1252).")] = None,
    max_bytes: Annotated[int, typer.Option(help="Refuse inputs larger than this many bytes.")] = 20_000_000,
    background: Annotated[bool, typer.Option(help="Include background (older, recalled) events.")] = True,
    out: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """Extract incident records from articles."""
    from eventlens.read import read_paths

    if fmt not in ("json", "jsonl", "csv", "table"):
        err.print(f"eventlens extract: unknown --format {fmt!r}; use json, jsonl, csv or table")
        raise typer.Exit(2)
    if input_format not in (None, "text", "html", "json", "jsonl"):
        err.print(
            f"eventlens extract: unknown --input-format {input_format!r}; use text, html, json or jsonl"
        )
        raise typer.Exit(2)
    _check_max_bytes("extract", max_bytes)
    _check_output("extract", out)
    pub = _parse_published(published)
    from eventlens import default_pipeline

    failed = total = 0
    records: list[dict[str, Any]] = []
    try:
        stream = out.open("w", encoding="utf-8") if out else stdout_or_exit("extract")
    except OSError as exc:
        raise _usage("extract", f"-o {out}: cannot be written ({exc.strerror or exc})") from None
    try:
        for res in default_pipeline().run(
            read_paths(paths, input_format=input_format, encoding=encoding, max_bytes=max_bytes),
            published=pub,
        ):
            total += 1
            if res.error is not None:
                failed += 1
                print(f"error {res.error}", file=sys.stderr)  # one line, never wrapped
                continue
            for ev in res.events:
                if not background and ev.role == "background":
                    continue
                rec = ev.to_dict()
                rec["text"] = res.article.text if res.article else None
                if fmt == "jsonl":
                    stream.write(json.dumps(rec, ensure_ascii=False) + "\n")
                else:
                    records.append(rec)
        if fmt == "json":
            json.dump(records, stream, ensure_ascii=False, indent=2)
            stream.write("\n")
        elif fmt == "csv":
            w = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
            w.writeheader()
            for r in records:
                w.writerow({k: _csv_cell(r.get(k)) for k in CSV_COLUMNS})
        elif fmt == "table":
            print_table(
                records, Console(file=stream, width=160) if out else Console(width=max(140, Console().width))
            )
        if out:
            stream.close()
    except BrokenPipeError:  # `eventlens extract ... | head`: the reader left; nothing to say
        if out is None:
            _quiet_stdout()
            raise typer.Exit(1) from None
        raise
    except OSError as exc:  # a full disk, a quota, a device that takes no writes
        if out:
            _close_quietly(stream)
            _remove_quietly(out)  # never half a file
        where = out or "standard output"
        raise _usage_exit("extract", f"cannot write {where}: {exc.strerror or exc}", 1) from None
    if failed:
        _failed_summary("extract", failed, total)
        raise typer.Exit(1)


def _quiet_stdout() -> None:
    """Point standard output at /dev/null, so that flushing it at exit raises no second
    BrokenPipeError (the recipe in Python's documentation of SIGPIPE)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _remove_quietly(path: Path) -> None:
    """Remove the regular file ``path`` left half-written, if it can be removed."""
    try:
        if path.is_file():
            path.unlink()
    except OSError:
        pass


def _close_quietly(stream: Any) -> None:
    """Close a file whose writing failed; its buffered rest fails again, and that is known."""
    try:
        stream.close()
    except OSError:
        pass


#: Columns of ``eventlens places --format table`` (JSONL has every field of ``Toponym.to_dict``).
PLACES_COLUMNS = [
    "start", "end", "text", "name", "latitude", "longitude", "geonameid", "feature_code", "country_code",
    "admin1", "score",
]  # fmt: skip


@app.command()
def places(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl | table")] = "jsonl",
    input_format: Annotated[
        str | None, typer.Option(help="text | html | json | jsonl (default: by extension / content)")
    ] = None,
    locations_only: Annotated[
        bool, typer.Option(help="Leave out names that are not locations (metonymy, demonyms).")
    ] = False,
) -> None:
    """Print the place names of articles, each resolved against the offline gazetteer."""
    from eventlens import default_pipeline
    from eventlens.read import read_paths

    if fmt not in ("jsonl", "table"):
        err.print(f"eventlens places: unknown --format {fmt!r}; use jsonl or table")
        raise typer.Exit(2)
    if input_format not in (None, "text", "html", "json", "jsonl"):
        raise _usage("places", f"unknown --input-format {input_format!r}; use text, html, json or jsonl")
    stdout = stdout_or_exit("places", has_output_option=False)
    failed = total = 0
    for res in default_pipeline().places(read_paths(paths, input_format=input_format)):
        total += 1
        if res.error is not None:
            failed += 1
            print(f"error {res.error}", file=sys.stderr)  # one line, never wrapped
            continue
        rows = [
            dict(t.to_dict(), article_id=res.article_id)
            for t in res.toponyms
            if t.is_location or not locations_only
        ]
        if fmt == "jsonl":
            for r in rows:
                stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
            stdout.flush()
        else:
            table = Table(title=f"{res.article_id}: {len(rows)} toponym(s)")
            for col in PLACES_COLUMNS:
                table.add_column(col, overflow="fold")
            for r in rows:
                table.add_row(*(_cell(r.get(c)) for c in PLACES_COLUMNS))
            Console(width=max(140, Console().width)).print(table)
    if failed:
        _failed_summary("places", failed, total)
        raise typer.Exit(1)


def sample_dir() -> Path:
    """The sample articles shipped with the package."""
    return Path(str(importlib.resources.files("eventlens").joinpath("data/samples")))


@app.command()
def demo(
    db: Annotated[
        str | None, typer.Option(help="Also ingest the samples into this store (SQLite path or URL).")
    ] = None,
) -> None:
    """Extract the shipped sample articles and show their records as a table (the main job)."""
    from eventlens import default_pipeline
    from eventlens.read import read_paths

    records: list[dict[str, Any]] = []
    failed = 0
    for res in default_pipeline().run(read_paths([str(sample_dir())])):
        if res.error is not None:
            failed += 1
            print(f"error {res.error}", file=sys.stderr)
            continue
        records += [e.to_dict() for e in res.events]
    print_table(records, Console(width=max(140, Console().width)))
    if db:
        from eventlens.jobs.files import ingest_paths

        raise typer.Exit(ingest_paths(db, [str(sample_dir())]))
    if failed:
        raise typer.Exit(1)


@app.command("eval")
def eval_cmd(
    suites: Annotated[
        list[str],
        typer.Argument(help=f"{' '.join(SUITES)} | all"),
    ],
    data: Annotated[Path, typer.Option(help="Evaluation data directory.")] = Path("../shared/data"),
    limit: Annotated[int | None, typer.Option(help="Score only the first N items of each suite.")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the figures as JSON here.")] = None,
    markdown: Annotated[
        Path | None, typer.Option(help="Write a Markdown report (docs/accuracy.md) here.")
    ] = None,
) -> None:
    """Score eventlens on evaluation corpora and print the figures."""
    from eventlens.eval.runner import run

    raise typer.Exit(
        run(
            list(suites),
            data_dir=data,
            limit=limit,
            json_out=json_out,
            markdown_out=markdown,
            console=Console(),
        )
    )


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: Annotated[str, typer.Option(help="SQLite path or postgresql:// URL.")] = "eventlens.db",
    input_format: Annotated[str | None, typer.Option(help="text | html | json | jsonl")] = None,
    dask: Annotated[
        str | None, typer.Option(help="Run on a Dask cluster: tcp://SCHEDULER:8786 or local:N.")
    ] = None,
    max_bytes: Annotated[
        int | None, typer.Option(help="Refuse inputs larger than this many bytes (default 20 MB).")
    ] = None,
) -> None:
    """Extract and store articles (idempotent: re-ingesting changes nothing; resumable)."""
    _check_max_bytes("ingest", max_bytes)
    if input_format not in (None, "text", "html", "json", "jsonl"):
        raise _usage("ingest", f"unknown --input-format {input_format!r}; use text, html, json or jsonl")
    if dask:
        from eventlens.jobs.cluster import ingest_dask

        raise typer.Exit(ingest_dask(db, paths, dask, input_format=input_format))
    from eventlens.jobs.files import ingest_paths

    raise typer.Exit(ingest_paths(db, paths, input_format=input_format, console=err, max_bytes=max_bytes))


gazetteer_app = typer.Typer(help="The offline gazetteer (GeoNames).", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def gazetteer_build() -> None:
    """Build the embedded gazetteer now (otherwise it is built on first use)."""
    import time

    from eventlens.geo import Gazetteer, build_gazetteer

    t0 = time.perf_counter()
    path = build_gazetteer()
    seconds = time.perf_counter() - t0
    with Gazetteer.open(path) as gaz:
        st = gaz.stats()
    err.print(
        f"gazetteer ready: {path} ({path.stat().st_size / 1e6:.0f} MB, {st['places']:,} places, "
        f"{st['names']:,} names; built in {seconds:.0f} s)"
    )


@gazetteer_app.command("import")
def gazetteer_import(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="GeoNames dumps: IQ.zip, allCountries.zip, alternateNamesV2.zip, admin1CodesASCII.txt ..."
        ),
    ],
) -> None:
    """Add every feature of GeoNames dumps (neighbourhoods, landmarks ...) to the gazetteer."""
    from eventlens.geo import Gazetteer, default_gazetteer_path, import_geonames

    missing = [str(f) for f in files if not f.exists()]
    if missing:
        err.print(f"eventlens gazetteer import: no such file: {', '.join(missing)}")
        raise typer.Exit(2)
    Gazetteer.open().close()  # make sure the embedded index exists first
    n = import_geonames(default_gazetteer_path(), list(files))
    err.print(f"imported {n} features")


@gazetteer_app.command("download")
def gazetteer_download(
    countries: Annotated[
        list[str] | None, typer.Argument(help="ISO country codes (IQ SY ...); none = allCountries.zip.")
    ] = None,
    alternate_names: Annotated[
        bool, typer.Option("--alternate-names", help="Also fetch alternateNamesV2.zip (large).")
    ] = False,
    base_url: Annotated[
        str, typer.Option(help="GeoNames dump directory.")
    ] = "https://download.geonames.org/export/dump/",
    cache_dir: Annotated[
        Path | None, typer.Option(help="Where dumps are kept (default: geonames/ next to the gazetteer).")
    ] = None,
    gazetteer: Annotated[
        Path | None,
        typer.Option(help="Gazetteer to import into (default: the embedded one, built if missing)."),
    ] = None,
    no_import: Annotated[bool, typer.Option("--no-import", help="Only fetch the files.")] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Fetch again even if unchanged on the server.")
    ] = False,
    connect_timeout: Annotated[float, typer.Option(help="Seconds to wait for a connection.")] = 15.0,
    read_timeout: Annotated[float, typer.Option(help="Seconds to wait for each read.")] = 60.0,
    retries: Annotated[int, typer.Option(help="Resume attempts per file after an interruption.")] = 3,
) -> None:
    """Fetch GeoNames dumps (resumable, checked, skipped when unchanged) and import them."""
    from eventlens.errors import EventlensError
    from eventlens.geo import download as dl

    def fail(message: str, code: int = 1) -> typer.Exit:
        err.print(f"eventlens gazetteer download: {message}", soft_wrap=True, markup=False, highlight=False)
        return typer.Exit(code)

    try:
        codes = dl.validate_countries(countries or [])
    except ValueError as exc:
        raise fail(str(exc), 2) from None
    files = dl.dump_files(codes, alternate_names=alternate_names)
    try:
        if gazetteer is not None and not gazetteer.exists():
            raise fail(f"{gazetteer}: no such gazetteer file", 2)
        if cache_dir is None:
            cache_dir = (gazetteer.parent / "geonames") if gazetteer is not None else dl.default_cache_dir()
        with dl.RichReporter(err) as reporter:
            results = dl.download_dumps(
                files, cache_dir, base_url=base_url, connect_timeout=connect_timeout,
                read_timeout=read_timeout, retries=retries, force=force, reporter=reporter,
            )  # fmt: skip
        fetched = sum(r.received for r in results)
        unchanged = sum(r.status == "unchanged" for r in results)
        err.print(
            f"{len(results)} files in {cache_dir} ({unchanged} unchanged, {fetched / 1e6:.1f} MB fetched)",
            soft_wrap=True,
        )
        if no_import:
            return
        from rich.progress import Progress, SpinnerColumn, TextColumn

        from eventlens.geo import Gazetteer, default_gazetteer_path, import_geonames

        target = gazetteer
        if target is None:
            Gazetteer.open().close()  # make sure the embedded index exists first
            target = default_gazetteer_path()
        with Progress(
            SpinnerColumn(), TextColumn("import {task.description}: {task.completed:,.0f} lines"), console=err
        ) as bar:
            tasks: dict[str, Any] = {}

            def on_lines(key: str, lines: int) -> None:
                if key not in tasks:
                    tasks[key] = bar.add_task(key.split(":")[0], total=None)
                bar.update(tasks[key], completed=lines)

            n = import_geonames(target, [r.path for r in results], progress=on_lines)
        err.print(f"imported {n} rows into {target}", soft_wrap=True)
    except EventlensError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"{exc.filename or cache_dir}: {exc.strerror or exc}") from None


def _register_areas() -> None:
    for area in ("serve", "export", "feeds"):
        try:
            mod = importlib.import_module(f"eventlens.cli.{area}")
        except ModuleNotFoundError as exc:
            if exc.name != f"eventlens.cli.{area}":
                raise
            continue
        mod.register(app)


_register_areas()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()

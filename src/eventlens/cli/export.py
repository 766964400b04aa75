"""``eventlens export`` (incidents to ACLED CSV, GeoJSON, JSON lines, Parquet, GeoParquet) and
``eventlens edit`` (an analyst's correction, with a reason).

The filters are the API's (:class:`eventlens.store.queries.IncidentFilter`); rows are read a keyset
page at a time and written as they come, so an export of a large store never sits in memory.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

log = logging.getLogger(__name__)
err = Console(stderr=True)

_DB = Annotated[
    str | None,
    typer.Option(help="SQLite path or postgresql:// URL (default $EVENTLENS_DB or ./eventlens.db)."),
]


def unwritable(out: Path) -> str | None:
    """Why ``-o out`` cannot be written (a directory, a folder that does not exist), else None."""
    if out.is_dir():
        return "is a directory; give a file name"
    if not out.parent.is_dir():
        return f"no such directory {out.parent}; create it first"
    return None


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD", param_hint=name) from None


def _check_export_options(
    fmt: str, formats: dict[str, tuple[str, str]], out: Path | None, role: str | None
) -> None:
    """Usage errors of ``export`` (exit 2), checked before the store is opened."""
    if fmt not in formats:
        err.print(f"eventlens export: unknown --format {fmt!r}; use {', '.join(formats)}")
        raise typer.Exit(2)
    if fmt in ("parquet", "geoparquet") and out is None:
        err.print(f"eventlens export: --format {fmt} writes a file; pass -o FILE.parquet")
        raise typer.Exit(2)
    if out is not None and (problem := unwritable(out)):
        err.print(f"eventlens export: -o {out}: {problem}", soft_wrap=True, markup=False, highlight=False)
        raise typer.Exit(2)
    if role not in (None, "reported", "background"):
        err.print(f"eventlens export: --role {role!r}; use reported or background")
        raise typer.Exit(2)


def _bbox(bbox: str | None) -> tuple[float, float, float, float] | None:
    """``--bbox west,south,east,north`` as four floats (a usage error, exit 2, otherwise)."""
    if not bbox:
        return None
    try:
        parts = [float(x) for x in bbox.split(",")]
        if len(parts) != 4:
            raise ValueError
    except ValueError:
        err.print(f"eventlens export: --bbox {bbox!r}; write four numbers west,south,east,north")
        raise typer.Exit(2) from None
    return (parts[0], parts[1], parts[2], parts[3])


def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="acled-csv | geojson | jsonl | parquet | geoparquet")
    ],
    out: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (default stdout; Parquet needs a file).")
    ] = None,
    db: _DB = None,
    date_from: Annotated[
        str | None, typer.Option(help="Incidents on or after this day (YYYY-MM-DD).")
    ] = None,
    date_to: Annotated[str | None, typer.Option(help="Incidents on or before this day.")] = None,
    bbox: Annotated[str | None, typer.Option(help="west,south,east,north in degrees.")] = None,
    country: Annotated[list[str] | None, typer.Option(help="Country name or ISO3 (repeatable).")] = None,
    admin1: Annotated[list[str] | None, typer.Option(help="Admin1 name (repeatable).")] = None,
    event_type: Annotated[list[str] | None, typer.Option(help="ACLED event type (repeatable).")] = None,
    sub_event_type: Annotated[
        list[str] | None, typer.Option(help="ACLED sub-event type (repeatable).")
    ] = None,
    actor: Annotated[str | None, typer.Option(help="Part of any actor name.")] = None,
    min_sources: Annotated[int | None, typer.Option(help="At least this many publishers.")] = None,
    min_confidence: Annotated[float | None, typer.Option(help="At least this confidence (0-1).")] = None,
    geo_precision: Annotated[
        list[int] | None, typer.Option(help="ACLED geo_precision 1-3 (repeatable).")
    ] = None,
    time_precision: Annotated[
        list[int] | None, typer.Option(help="ACLED time_precision 1-3 (repeatable).")
    ] = None,
    role: Annotated[str | None, typer.Option(help="reported | background")] = None,
) -> None:
    """Export incidents from the store, filtered like the API's /incidents."""
    from eventlens.cli._db import open_existing
    from eventlens.errors import EventlensError
    from eventlens.jobs.export import FORMATS
    from eventlens.jobs.export import export as write_export
    from eventlens.store.queries import IncidentFilter, iter_incidents

    _check_export_options(fmt, FORMATS, out, role)
    box = _bbox(bbox)
    try:
        f = IncidentFilter(
            date_from=_date(date_from, "--date-from"),
            date_to=_date(date_to, "--date-to"),
            bbox=box,
            country=tuple(country or ()),
            admin1=tuple(admin1 or ()),
            event_type=tuple(event_type or ()),
            sub_event_type=tuple(sub_event_type or ()),
            actor=actor,
            min_sources=min_sources,
            min_confidence=min_confidence,
            geo_precision=tuple(geo_precision or ()),
            time_precision=tuple(time_precision or ()),
            role=role,  # type: ignore[arg-type]
        )
    except EventlensError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    from eventlens.cli import stdout_or_exit

    stdout = stdout_or_exit("export") if out is None else None
    store = open_existing(db, "export")
    with store:
        rows = iter_incidents(store, f)
        if stdout is not None:
            write_export(rows, fmt, stdout.buffer)
            stdout.buffer.flush()
            return
        tmp = out.with_name(out.name + ".part")
        try:
            with tmp.open("wb") as fh:
                write_export(rows, fmt, fh)
            tmp.replace(out)  # a reader never sees half a file
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            err.print(
                f"eventlens export: cannot write {out}: {exc.strerror or exc}",
                soft_wrap=True,
                markup=False,
                highlight=False,
            )
            raise typer.Exit(1) from None
        err.print(f"wrote {out}")


def edit(
    incident: Annotated[str, typer.Argument(help="The incident id (event_id_cnty).")],
    changes: Annotated[
        list[str], typer.Option("--set", help="field=value (repeatable); value read as JSON if it is.")
    ],
    reason: Annotated[str, typer.Option(help="Why (kept in the audit trail).")],
    who: Annotated[str | None, typer.Option(help="Who is correcting (default: $USER).")] = None,
    db: _DB = None,
) -> None:
    """Correct fields of an incident; the change is kept with who, why and when, and survives merges."""
    import getpass
    import json

    from eventlens.cli._db import open_existing
    from eventlens.errors import EventlensError
    from eventlens.jobs.export import json_default
    from eventlens.store import edit as store_edit
    from eventlens.store.edits import check_changes, parse_assignment

    try:
        parsed = dict(parse_assignment(c) for c in changes)
        checked = check_changes(incident, parsed)
    except EventlensError as exc:
        err.print(f"eventlens edit: {exc}", soft_wrap=True, markup=False, highlight=False)
        raise typer.Exit(2) from None
    with open_existing(db, "edit") as store:
        try:
            out = store_edit(store, incident, checked, reason, who or getpass.getuser())
        except EventlensError as exc:
            err.print(f"eventlens edit: {exc}", soft_wrap=True, markup=False, highlight=False)
            raise typer.Exit(2) from None
    shown = {k: out.get(k) for k in ("event_id_cnty", *checked)}
    typer.echo(json.dumps(shown, default=json_default, ensure_ascii=False, indent=2))


def register(app: typer.Typer) -> None:
    """Add ``export`` and ``edit`` to ``eventlens``."""
    app.command("export")(export)
    app.command("edit")(edit)

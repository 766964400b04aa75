"""``eventlens serve`` (the API and the dashboard) and ``eventlens keys`` (API keys).

Commands only parse arguments and call library functions (:mod:`eventlens.api.app`,
:mod:`eventlens.api.keys`). ``serve --demo`` is the first thing a new user runs: it ingests the
shipped sample articles into a demo database (once; ingest is idempotent) and serves it.
"""

from __future__ import annotations

import logging
import os
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

log = logging.getLogger(__name__)
err = Console(stderr=True)

#: Where ``serve --demo`` keeps its database unless ``--db`` says otherwise.
DEMO_DB = "eventlens-demo.db"


def serve(
    db: Annotated[
        str | None,
        typer.Option(help="SQLite path or postgresql:// URL (default $EVENTLENS_DB or ./eventlens.db)."),
    ] = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on (0.0.0.0 for every interface).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    demo: Annotated[
        bool,
        typer.Option("--demo", help=f"Ingest the shipped sample articles (into --db or ./{DEMO_DB}) first."),
    ] = False,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes.")] = 1,
    read_requires_key: Annotated[
        bool, typer.Option("--read-requires-key", help="Reads need an API key too (writes always do).")
    ] = False,
    allow_private_fetch: Annotated[
        bool,
        typer.Option(
            "--allow-private-fetch",
            help="Let POST /api/v1/articles fetch private, loopback and link-local addresses.",
        ),
    ] = False,
    tile_url: Annotated[
        str | None,
        typer.Option(
            help="An online tile layer for the map, e.g. https://tile.example/{z}/{x}/{y}.png "
            "(default: offline country shapes)."
        ),
    ] = None,
    tile_attribution: Annotated[str | None, typer.Option(help="Attribution shown for --tile-url.")] = None,
    access_log: Annotated[
        bool, typer.Option(help="Log every request (method, path, status; never keys).")
    ] = True,
) -> None:
    """Serve the HTTP API (/api/v1, docs at /docs) and the map dashboard (/)."""
    import uvicorn

    from eventlens.api.app import Settings, create_app

    if not demo:
        from eventlens.cli._db import refuse_missing

        refuse_missing(db, "serve")
    if demo:
        from eventlens.cli import sample_dir
        from eventlens.jobs.files import ingest_paths

        db = db or DEMO_DB
        err.print(f"building the demo database {db} from {sample_dir()} ...")
        code = ingest_paths(db, [str(sample_dir())], console=err)
        if code == 2:
            raise typer.Exit(2)
    settings = Settings(
        db_url=db,
        read_requires_key=read_requires_key,
        allow_private_fetch=allow_private_fetch,
        tile_url=tile_url,
        tile_attribution=tile_attribution,
    )
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    err.print(f"eventlens dashboard: http://{shown}:{port}/   API docs: http://{shown}:{port}/docs")
    if workers == 1:
        from eventlens.errors import EventlensError

        try:
            app = create_app(settings)
        except EventlensError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
        uvicorn.run(app, host=host, port=port, log_level="info", access_log=access_log)
        return
    # Several processes: each builds its own app from the environment (see app_from_env).
    env = {
        "EVENTLENS_DB": db,
        "EVENTLENS_READ_REQUIRES_KEY": "1" if read_requires_key else "",
        "EVENTLENS_ALLOW_PRIVATE_FETCH": "1" if allow_private_fetch else "",
        "EVENTLENS_TILE_URL": tile_url,
        "EVENTLENS_TILE_ATTRIBUTION": tile_attribution,
    }
    for k, v in env.items():
        if v is not None:
            os.environ[k] = v
    uvicorn.run(
        "eventlens.api.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        access_log=access_log,
    )


keys_app = typer.Typer(
    help="API keys for writing through the HTTP API (stored hashed).", no_args_is_help=True
)
_DB = Annotated[
    str | None,
    typer.Option(help="SQLite path or postgresql:// URL (default $EVENTLENS_DB or ./eventlens.db)."),
]


def _open(db: str | None, command: str):  # type: ignore[no-untyped-def]
    from eventlens.cli._db import open_existing

    return open_existing(db, command)


@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="Who or what uses the key (shown in lists and the audit trail).")],
    db: _DB = None,
) -> None:
    """Make a key. It is printed once, on stdout; only its hash is stored."""
    from eventlens.api.keys import create_key
    from eventlens.errors import EventlensError

    with _open(db, "keys create") as store:
        try:
            key, secret = create_key(store, name)
        except EventlensError as exc:  # a blank name; a read-only store
            err.print(f"eventlens keys create: {exc}", soft_wrap=True, markup=False, highlight=False)
            raise typer.Exit(2) from None
    err.print(f"created key {key.prefix} for {key.name!r}; keep it now, it cannot be shown again:")
    typer.echo(secret)


@keys_app.command("list")
def keys_list(db: _DB = None) -> None:
    """List keys (prefix, name, created, revoked); never the secrets."""
    from eventlens.api.keys import list_keys

    with _open(db, "keys list") as store:
        keys = list_keys(store)
    table = Table(title=f"{len(keys)} API key(s)")
    for col in ("prefix", "name", "created (UTC)", "revoked (UTC)"):
        table.add_column(col)
    for k in keys:
        table.add_row(k.prefix, k.name, str(k.created_at), str(k.revoked_at or "-"))
    Console().print(table)


@keys_app.command("revoke")
def keys_revoke(
    prefix: Annotated[str, typer.Argument(help="The key's prefix (8 hex digits) or the whole key.")],
    db: _DB = None,
) -> None:
    """Revoke a key: requests with it get 403 from now on."""
    from eventlens.api.keys import revoke_key
    from eventlens.errors import EventlensError

    with _open(db, "keys revoke") as store:
        try:
            key = revoke_key(store, prefix)
        except EventlensError as exc:  # no such key; a read-only store
            err.print(f"eventlens keys revoke: {exc}", soft_wrap=True, markup=False, highlight=False)
            raise typer.Exit(2) from None
    err.print(f"revoked key {key.prefix} ({key.name}) at {key.revoked_at}")


def register(app: typer.Typer) -> None:
    """Add ``serve`` and ``keys`` to the ``eventlens`` command."""
    app.command("serve")(serve)
    app.add_typer(keys_app, name="keys")


__all__ = ["DEMO_DB", "register", "serve"]

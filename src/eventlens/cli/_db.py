"""Opening the store from a command: only ``ingest`` (and ``serve --demo``, ``watch``) create one.

A mistyped ``--db`` for a command that reads (``export``, ``edit``, ``serve``, ``keys``) would
otherwise create an empty SQLite file and answer "0 incidents" as if all were well; here it is
refused with "no such database" and exit status 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.console import Console

err = Console(stderr=True)


def missing_database(db: str | None) -> str | None:
    """The SQLite file ``db`` names when it does not exist; None when it does or is a server URL."""
    import sqlalchemy as sa

    from eventlens.store.db import normalise_url

    url = normalise_url(db)
    if not url.startswith("sqlite"):
        return None
    try:
        database = sa.engine.make_url(url).database
    except sa.exc.ArgumentError:
        return None  # the store's own open says what is wrong with the URL
    if database in (None, "", ":memory:") or Path(database).is_file():
        return None
    return database


def open_existing(db: str | None, command: str) -> Any:
    """The store at ``db``, which must exist; exit 2 with one line when it does not or cannot open."""
    from eventlens.errors import EventlensError
    from eventlens.store import open as open_store

    refuse_missing(db, command)
    try:
        return open_store(db)
    except EventlensError as exc:
        err.print(f"eventlens {command}: {exc}", soft_wrap=True, markup=False, highlight=False)
        raise typer.Exit(2) from None


def refuse_missing(db: str | None, command: str) -> None:
    """Exit 2 with "no such database" when ``db`` is a SQLite file that does not exist."""
    missing = missing_database(db)
    if missing is not None:
        what = "is a directory, not a database file" if Path(missing).is_dir() else "no such database"
        err.print(
            f"eventlens {command}: {what}: {missing}; check --db "
            f"(eventlens ingest --db {missing} FILES creates one)",
            soft_wrap=True,
            markup=False,
            highlight=False,
        )
        raise typer.Exit(2)

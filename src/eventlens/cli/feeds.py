"""``eventlens watch`` (live feeds) and ``eventlens cluster-ingest`` (Dask), issue 7.

Commands only parse arguments and call :func:`eventlens.jobs.watch.watch` and
:func:`eventlens.jobs.cluster.ingest_dask`; ``eventlens ingest --dask`` can call the latter directly.
"""

from __future__ import annotations

import logging
from typing import Annotated

import typer

DB_HELP = "SQLite path or postgresql:// URL (default $EVENTLENS_DB or ./eventlens.db)."


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(x) for x in value.split(","))
    except ValueError:
        raise typer.BadParameter(
            f"{value!r}: give four numbers west,south,east,north (e.g. 2.7,4.2,14.7,13.9)"
        ) from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise typer.BadParameter(
            f"{value!r}: latitudes must be -90..90 (south <= north), longitudes -180..180"
        )
    return west, south, east, north


def _check_feed_url(url: str, what: str = "feed") -> None:
    """A feed (or webhook) given on the command line must be an http(s) URL: anything else is a
    mistake to say at once (exit 2), not a fetch that fails on every poll."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:  # a malformed host ("http://[x]/")
        host = None
    if not host or parts.scheme.lower() not in ("http", "https"):
        raise typer.BadParameter(
            f"{what} {url!r}: give an http:// or https:// URL (a file of URLs goes to --feeds)"
        )
    if what == "feed":
        from eventlens.errors import ConfigError
        from eventlens.jobs.watch import refuse_credentials

        try:
            refuse_credentials([url])
        except ConfigError as exc:
            raise typer.BadParameter(str(exc)) from None


def watch(
    feed_urls: Annotated[list[str] | None, typer.Argument(help="RSS or Atom feed URLs.")] = None,
    interval: Annotated[float, typer.Option(min=1.0, help="Seconds between polls.")] = 60.0,
    db: Annotated[str | None, typer.Option(help=DB_HELP)] = None,
    feeds: Annotated[
        str | None, typer.Option("--feeds", help="A feed list: .txt (one URL a line) or .opml.")
    ] = None,
    on_incident: Annotated[
        str | None,
        typer.Option(help="Command run per matching new incident (the incident as JSON on stdin)."),
    ] = None,
    webhook: Annotated[
        str | None, typer.Option(help="URL that receives each matching new incident (JSON POST).")
    ] = None,
    bbox: Annotated[str | None, typer.Option(help="Alert filter: west,south,east,north in degrees.")] = None,
    event_type: Annotated[
        list[str] | None, typer.Option("--type", help="Alert filter: event type or sub-type (repeatable).")
    ] = None,
    min_fatalities: Annotated[
        int | None, typer.Option(min=0, help="Alert filter: at least this many killed.")
    ] = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            help="host:port that may be private (an intranet feed); everything else private is refused."
        ),
    ] = None,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds per fetch, in all.")] = 10.0,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Largest feed or page fetched, in bytes.")
    ] = 5_000_000,
    per_host: Annotated[float, typer.Option(min=0.0, help="Seconds between two requests to one host.")] = 1.0,
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
) -> None:
    """Poll news feeds; store an incident for every new story, with one log line each."""
    from eventlens.jobs.watch import AlertFilter
    from eventlens.jobs.watch import watch as run_watch

    if not feed_urls and not feeds:
        raise typer.BadParameter("no feeds to watch; give FEED_URL arguments or --feeds FILE")
    for url in feed_urls or []:
        _check_feed_url(url)
    if webhook:
        _check_feed_url(webhook, "--webhook")
    logging.getLogger("eventlens.jobs.watch").setLevel(logging.INFO)
    flt = AlertFilter(
        bbox=_bbox(bbox), event_types=frozenset(event_type or ()), min_fatalities=min_fatalities
    )
    code = run_watch(
        db,
        feed_urls or [],
        interval=interval,
        once=once,
        feeds_file=feeds,
        on_incident=on_incident,
        webhook=webhook,
        alert_filter=flt,
        allow_hosts=frozenset(allow_host or ()),
        timeout=timeout,
        max_bytes=max_bytes,
        per_host_interval=per_host,
    )
    raise typer.Exit(code)


def cluster_ingest(
    paths: Annotated[list[str], typer.Argument(help="Directories, JSONL shards, Parquet files, articles.")],
    dask: Annotated[str, typer.Option("--dask", help="Scheduler address (tcp://host:8786) or local:N.")],
    db: Annotated[str | None, typer.Option(help=DB_HELP + " Use PostgreSQL with a cluster.")] = None,
    input_format: Annotated[str | None, typer.Option(help="text | html | json | jsonl")] = None,
    chunk_bytes: Annotated[int, typer.Option(min=1024, help="JSONL bytes per task.")] = 1 << 20,
) -> None:
    """Ingest a corpus with Dask workers (idempotent, resumable; a lost worker loses nothing)."""
    from eventlens.jobs.cluster import ingest_dask

    logging.getLogger("eventlens.jobs.cluster").setLevel(logging.INFO)
    raise typer.Exit(ingest_dask(db, paths, dask, input_format=input_format, chunk_bytes=chunk_bytes))


def register(app: typer.Typer) -> None:
    app.command("watch")(watch)
    app.command("cluster-ingest")(cluster_ingest)

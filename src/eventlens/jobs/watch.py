"""``eventlens watch``: RSS/Atom feeds to incidents in the store within a poll interval.

Why it is shaped this way:

* **Polite and cheap.** Each feed is fetched with ``If-None-Match`` / ``If-Modified-Since`` (a
  304 costs the outlet nothing), and article pages go through :mod:`eventlens.read.fetch` with a
  minimum interval per host. Everything fetched passes the private-address guard; a feed on a
  trusted intranet (or a test server) is allowed by ``host:port``, nothing else private is.
* **Never twice.** Seen items (by feed guid, else link) and each feed's validators live in the
  store's own database, in two ``watch_*`` tables of the store's schema (made by its migrations);
  a restarted watcher skips what it has. Articles are also keyed by text and URL in the store, so
  the same story from two feeds is stored once.
* **Survives the web.** A feed that errors, is not XML, 404s, redirects somewhere private or is
  too slow is logged in one line and retried next poll; an item whose page is refused (private
  redirect, oversized, 404) is logged and recorded as refused, so it is not fetched again; a
  transient failure (timeout, 5xx) is retried on the next polls, at most ``MAX_ATTEMPTS`` times.
* **One line per new incident**, and optionally an alert for each one matching a filter (a bounding
  box, event types, a minimum toll): a local command (the incident as JSON on stdin) or a webhook
  (the incident as a JSON POST).
"""

from __future__ import annotations

import calendar
import hashlib
import json
import logging
import shlex
import subprocess
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import sqlalchemy as sa

from eventlens.clock import utcnow
from eventlens.errors import ConfigError, InputError
from eventlens.read.fetch import (
    Fetcher,
    FetchResult,
    HostRateLimiter,
    Validators,
    conditional_headers,
    without_credentials,
)
from eventlens.read.timestamps import can_be_published
from eventlens.store import schema as t

log = logging.getLogger(__name__)

__all__ = [
    "AlertFilter",
    "PollReport",
    "WatchConfig",
    "Watcher",
    "read_feed_list",
    "refuse_credentials",
    "watch",
]

#: Transient failures (timeouts, 5xx) of one item are retried on this many polls, then given up.
MAX_ATTEMPTS = 3

#: The watcher's state, in the store's database (created by its migrations): each feed's
#: validators for conditional GETs, and every item seen (stored, refused or failed).
feed_state = t.watch_feeds
feed_items = t.watch_items


# ---------------------------------------------------------------------------------- configuration


@dataclass(frozen=True, slots=True)
class AlertFilter:
    """Which new incidents raise an alert: every condition given must hold.

    ``bbox`` is ``(west, south, east, north)``; ``event_types`` match the event type or sub-type;
    ``min_fatalities`` compares with the incident's toll (unknown tolls do not match it).
    """

    bbox: tuple[float, float, float, float] | None = None
    event_types: frozenset[str] = frozenset()
    min_fatalities: int | None = None

    def matches(self, incident: dict[str, Any]) -> bool:
        if self.bbox is not None:
            lat, lon = incident.get("latitude"), incident.get("longitude")
            if lat is None or lon is None:
                return False
            west, south, east, north = self.bbox
            in_lon = west <= lon <= east if west <= east else (lon >= west or lon <= east)
            if not (south <= lat <= north and in_lon):
                return False
        if self.event_types and not (
            {incident.get("event_type"), incident.get("sub_event_type")} & self.event_types
        ):
            return False
        if self.min_fatalities is not None:
            toll = incident.get("fatalities")
            if toll is None or toll < self.min_fatalities:
                return False
        return True


@dataclass(frozen=True, slots=True)
class WatchConfig:
    """What to watch and how. ``allow_hosts``: ``host:port`` entries that may be private."""

    feeds: tuple[str, ...]
    interval: float = 60.0
    allow_hosts: frozenset[str] = frozenset()
    timeout: float = 10.0
    max_bytes: int = 5_000_000
    per_host_interval: float = 1.0
    max_items_per_feed: int = 100
    on_incident: str | None = None
    webhook: str | None = None
    alert_filter: AlertFilter = field(default_factory=AlertFilter)


def read_feed_list(path: str | Path) -> list[str]:
    """Feed URLs from a text file (one per line, ``#`` comments) or an OPML file (``xmlUrl``)."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read the feed list ({exc}); give a .txt or .opml file") from exc
    if p.suffix.lower() in (".opml", ".xml") or raw.lstrip().startswith("<"):
        try:
            root = ElementTree.fromstring(raw)
        except ElementTree.ParseError as exc:
            raise ConfigError(f"{p}: not valid OPML ({exc}); fix the XML or use one URL per line") from exc
        urls = [o.get("xmlUrl") or o.get("xmlurl") for o in root.iter("outline")]
        return list(dict.fromkeys(u.strip() for u in urls if u and u.strip()))
    lines = (ln.split("#", 1)[0].strip() for ln in raw.splitlines())
    return list(dict.fromkeys(ln for ln in lines if ln))


def refuse_credentials(urls: Iterable[str]) -> None:
    """A feed URL with ``user:password@`` is refused at start: the fetcher sends no credentials
    (the feed would fail on every poll), and the URL would be logged each poll and stored in
    ``watch_feeds`` with the password in the clear."""
    for url in urls:
        shown = without_credentials(url)
        if shown != url:
            raise ConfigError(
                f"feed {shown}: a user name or password in a feed URL is never sent (feeds are "
                "fetched without credentials) and would be logged and stored; remove it"
            )


# ---------------------------------------------------------------------------------- the watcher


@dataclass(slots=True)
class PollReport:
    """What one poll did, for logs and tests."""

    feeds_ok: int = 0
    feeds_unchanged: int = 0
    feeds_failed: int = 0
    items_new: int = 0
    items_refused: int = 0
    items_failed: int = 0
    incidents: list[dict[str, Any]] = field(default_factory=list)


def _item_key(feed_url: str, entry: Any) -> tuple[str, str | None]:
    link = entry.get("link")
    ident = entry.get("id") or link or entry.get("title") or ""
    # A guid is unique within its feed only; a link is unique on the web.
    basis = f"link\0{link}" if link and not entry.get("id") else f"guid\0{feed_url}\0{ident}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest(), link


def _published(entry: Any) -> datetime | None:
    """The entry's time: feedparser gives it in UTC only, so it is UTC wall time (the one
    exception to the policy of :mod:`eventlens.read.timestamps`). A time no article can have
    (before 1900, more than a day ahead: a feed's placeholder or a mistyped year) is dropped,
    so the page's own date decides, as for an HTML page's metadata; it would date every event
    of the article in that year."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        when = datetime.fromtimestamp(calendar.timegm(parsed), UTC).replace(tzinfo=None)
    except (TypeError, ValueError, OverflowError, OSError):
        when = None
    if when is not None and can_be_published(when):
        return when
    log.info("feed entry %s: its date is not used (before 1900 or in the future)", entry.get("link") or "?")
    return None


class Watcher:
    """Polls feeds into a store. ``fetcher`` and ``pipeline`` may be injected (tests); by default
    a guarded :class:`~eventlens.read.fetch.Fetcher` and :func:`eventlens.default_pipeline`."""

    def __init__(
        self,
        store: Any,
        config: WatchConfig,
        *,
        fetcher: Fetcher | None = None,
        pipeline: Any = None,
        alert: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        self.store = store
        self.config = config
        self.fetcher = fetcher or Fetcher(
            timeout=config.timeout,
            max_bytes=config.max_bytes,
            allow_hosts=config.allow_hosts,
            rate=HostRateLimiter(config.per_host_interval),
        )
        self._pipeline = pipeline
        self._alert = alert or self._default_alert

    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:
            from eventlens import default_pipeline

            self._pipeline = default_pipeline()
        return self._pipeline

    # ------------------------------------------------------------------ polling
    def run(self, stop: threading.Event | None = None, *, polls: int | None = None) -> None:
        """Poll every ``interval`` seconds until ``stop`` is set (or ``polls`` polls were made)."""
        stop = stop or threading.Event()
        done = 0
        while not stop.is_set():
            started = time.monotonic()
            self.poll_once()
            done += 1
            if polls is not None and done >= polls:
                return
            stop.wait(max(0.0, self.config.interval - (time.monotonic() - started)))

    def poll_once(self) -> PollReport:
        report = PollReport()
        for url in self.config.feeds:
            self._poll_feed(url, report)
        busy = report.items_new or report.items_refused or report.items_failed or report.feeds_failed
        log.log(
            logging.INFO if busy else logging.DEBUG,
            "poll: %d feeds changed, %d unchanged, %d failed; %d new items, %d refused, %d failed; "
            "%d new incidents",
            report.feeds_ok,
            report.feeds_unchanged,
            report.feeds_failed,
            report.items_new,
            report.items_refused,
            report.items_failed,
            len(report.incidents),
        )
        return report

    def _poll_feed(self, url: str, report: PollReport) -> None:
        import feedparser

        with self.store.begin() as conn:
            row = conn.execute(sa.select(feed_state).where(feed_state.c.feed_url == url)).first()
        validators = Validators(row.etag, row.last_modified) if row else None
        try:
            res = self.fetcher.fetch(url, headers=conditional_headers(validators))
        except InputError as exc:
            report.feeds_failed += 1
            log.warning("feed %s: %s; will retry next poll", url, exc.reason)
            self._save_feed(url, row is not None, None, f"error: {exc.reason}")
            return
        if res.status == 304:
            report.feeds_unchanged += 1
            self._save_feed(url, row is not None, None, "304")
            return
        if not res.ok:
            report.feeds_failed += 1
            log.warning("feed %s: HTTP %d; will retry next poll", url, res.status)
            self._save_feed(url, row is not None, None, f"HTTP {res.status}")
            return
        parsed = feedparser.parse(
            res.content, response_headers={"content-type": res.headers.get("content-type", "")}
        )
        if not parsed.entries:
            if parsed.get("bozo"):
                report.feeds_failed += 1
                why = parsed.get("bozo_exception")
                log.warning("feed %s: not a readable RSS/Atom feed (%s); will retry next poll", url, why)
                self._save_feed(url, row is not None, None, f"bad feed: {why}")
                return
        elif parsed.get("bozo"):
            log.info("feed %s: malformed but readable (%s)", url, parsed.get("bozo_exception"))
        report.feeds_ok += 1
        title = parsed.get("feed", {}).get("title")
        self._items(url, parsed.entries[: self.config.max_items_per_feed], report, title)
        # Validators are saved only after the items are handled: a crash re-reads the feed.
        self._save_feed(url, row is not None, Validators.of(res), f"HTTP {res.status}")

    def _save_feed(self, url: str, exists: bool, v: Validators | None, status: str) -> None:
        values: dict[str, Any] = {"last_polled": utcnow(), "last_status": status[:500]}
        if v is not None:
            values.update(etag=v.etag, last_modified=v.last_modified)
        with self.store.begin() as conn:
            if exists:
                conn.execute(sa.update(feed_state).where(feed_state.c.feed_url == url).values(**values))
            else:
                conn.execute(sa.insert(feed_state).values(feed_url=url, **values))

    # ------------------------------------------------------------------ items
    def _items(
        self, feed_url: str, entries: Sequence[Any], report: PollReport, feed_title: str | None = None
    ) -> None:
        keyed = [(*_item_key(feed_url, e), e) for e in entries]
        with self.store.begin() as conn:
            known = {
                r.item_key: r
                for r in conn.execute(
                    sa.select(feed_items.c.item_key, feed_items.c.status, feed_items.c.attempts).where(
                        feed_items.c.item_key.in_([k for k, _, _ in keyed])
                    )
                )
            }
        for key, link, entry in keyed:
            prior = known.get(key)
            if prior is not None and (prior.status != "failed" or prior.attempts >= MAX_ATTEMPTS):
                continue
            attempts = (prior.attempts if prior else 0) + 1
            if not link:
                log.warning("item %r (feed %s): no link to fetch; skipped", entry.get("title"), feed_url)
                self._record(key, feed_url, None, "refused", attempts, None, "item has no link", prior)
                report.items_refused += 1
                continue
            try:
                page = self.fetcher.fetch(link)
                if not page.ok:
                    page.raise_for_status()
            except InputError as exc:
                transient = (
                    "timed out" in exc.reason or "cannot connect" in exc.reason or "HTTP 5" in exc.reason
                )
                status = "failed" if transient else "refused"
                log.warning("item %s (feed %s): %s", link, feed_url, exc.reason)
                self._record(key, feed_url, link, status, attempts, None, exc.reason, prior)
                if transient:
                    report.items_failed += 1
                else:
                    report.items_refused += 1
                continue
            self._ingest(key, feed_url, link, entry, page, attempts, prior, report, feed_title)

    def _ingest(
        self,
        key: str,
        feed_url: str,
        link: str,
        entry: Any,
        page: FetchResult,
        attempts: int,
        prior: Any,
        report: PollReport,
        feed_title: str | None = None,
    ) -> None:
        from eventlens.store import article_key, ingest
        from eventlens.store import schema as t

        item = {"id": key[:16], "html": page.text, "url": page.url, "published": _published(entry)}
        if not item["published"]:
            del item["published"]
        if isinstance(feed_title, str) and feed_title.strip():
            item["publisher"] = feed_title.strip()  # the page's own site name wins (see publisher_of)
        with self.store.begin() as conn:
            top = conn.execute(sa.select(sa.func.max(t.incidents.c.seq))).scalar() or 0
        results = list(self.pipeline.run([item]))
        summary = ingest(self.store, results)
        res = results[0]
        if res.error is not None or summary.failures:
            reason = res.error.reason if res.error else "not stored (see the store's failures table)"
            log.warning("item %s (feed %s): %s", link, feed_url, reason)
            self._record(key, feed_url, link, "refused", attempts, None, reason, prior)
            report.items_refused += 1
            return
        art = res.article
        aid = article_key(art.text, art.url)
        self._record(key, feed_url, link, "stored", attempts, aid, None, prior)
        report.items_new += 1
        with self.store.begin() as conn:
            seqs = sorted(
                set(
                    conn.execute(
                        sa.select(t.mentions.c.incident_seq).where(
                            t.mentions.c.article_id == aid, t.mentions.c.incident_seq > top
                        )
                    ).scalars()
                )
            )
            ids = [
                conn.execute(
                    sa.select(t.incidents.c.event_id_cnty).where(t.incidents.c.seq == s)
                ).scalar_one()
                for s in seqs
            ]
        for ident in ids:
            inc = self.store.incident(ident)
            inc["url"] = page.url
            report.incidents.append(inc)
            log.info(  # the watcher's product: `eventlens watch` shows this logger at INFO
                "new incident %s: %s %s in %s%s, %s killed - %s",
                ident,
                inc.get("event_date") or "undated",
                inc.get("sub_event_type"),
                inc.get("location") or "an unresolved place",
                f" ({inc['country']})" if inc.get("country") else "",
                inc.get("fatalities") if inc.get("fatalities") is not None else "?",
                page.url,
            )
            if self.config.alert_filter.matches(inc) and (self.config.on_incident or self.config.webhook):
                self._alert(inc)

    def _record(
        self,
        key: str,
        feed_url: str,
        link: str | None,
        status: str,
        attempts: int,
        article_id: str | None,
        reason: str | None,
        prior: Any,
    ) -> None:
        values = {
            "feed_url": feed_url,
            "link": link,
            "status": status,
            "attempts": attempts,
            "article_id": article_id,
            "reason": (reason or "")[:2000] or None,
            "seen_at": utcnow(),
        }
        with self.store.begin() as conn:
            if prior is not None:
                conn.execute(sa.update(feed_items).where(feed_items.c.item_key == key).values(**values))
            else:
                conn.execute(sa.insert(feed_items).values(item_key=key, **values))

    # ------------------------------------------------------------------ alerts
    def _default_alert(self, incident: dict[str, Any]) -> None:
        payload = json.dumps(incident, default=str, ensure_ascii=False)
        if self.config.on_incident:
            try:
                done = subprocess.run(  # noqa: S603 - the user's own command, no shell
                    shlex.split(self.config.on_incident),
                    input=payload,
                    text=True,
                    capture_output=True,
                    timeout=30,
                    check=False,
                )
                if done.returncode != 0:
                    log.warning(
                        "alert command %r exited %d: %s",
                        self.config.on_incident,
                        done.returncode,
                        done.stderr.strip()[:200],
                    )
            except (OSError, subprocess.TimeoutExpired) as exc:
                log.warning(
                    "alert command %r failed: %s; check it runs by hand", self.config.on_incident, exc
                )
        if self.config.webhook:
            import httpx

            try:  # the user's own endpoint, so no private-address guard here
                r = httpx.post(
                    self.config.webhook,
                    content=payload.encode("utf-8"),
                    headers={"Content-Type": "application/json"},
                    timeout=10,
                )
                if r.status_code >= 300:
                    log.warning("webhook %s answered HTTP %d", self.config.webhook, r.status_code)
            except httpx.HTTPError as exc:
                log.warning("webhook %s failed: %s; check the URL", self.config.webhook, exc)


def watch(
    db_url: str | None,
    feeds: Iterable[str],
    *,
    interval: float = 60.0,
    once: bool = False,
    feeds_file: str | None = None,
    **config: Any,
) -> int:
    """Open the store and watch ``feeds`` (plus those in ``feeds_file``); the exit code.

    Runs until interrupted, or for one poll with ``once``. Returns 2 when the store cannot be
    opened or no feed was given, 1 when ``once`` and every feed failed, else 0.
    """
    from eventlens.errors import EventlensError
    from eventlens.store import open as open_store

    urls = list(feeds)
    try:
        if feeds_file:
            urls += read_feed_list(feeds_file)
        if not urls:
            raise ConfigError("no feeds to watch; give FEED_URL arguments or --feeds FILE")
        refuse_credentials(urls)
        store = open_store(db_url)
    except EventlensError as exc:
        log.error("%s", exc)
        return 2
    cfg = WatchConfig(feeds=tuple(dict.fromkeys(urls)), interval=interval, **config)
    with store:
        watcher = Watcher(store, cfg)
        log.info("watching %d feed(s) every %g s into %r", len(cfg.feeds), interval, store)
        if once:
            report = watcher.poll_once()
            return 1 if report.feeds_failed == len(cfg.feeds) else 0
        try:
            watcher.run()
        except KeyboardInterrupt:
            log.info("stopped")
    return 0

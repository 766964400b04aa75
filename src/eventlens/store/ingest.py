"""Ingest: articles (and the events read from them) into the store, idempotently.

Why it is shaped this way:

* **Idempotent.** An article's key is sha256 of its text and canonical URL; one already
  stored is skipped *before* extraction (the expensive part) and reported as "already stored".
* **Resumable.** Articles go in batches; each batch is one transaction, so a crash loses at
  most the batch in flight and a re-run picks up exactly there (stored articles are skipped).
* **One bad article never stops a batch.** Each article is stored inside a SAVEPOINT; an error
  rolls back that article only and is written to ``failures`` with its stage and reason.

Items may be extraction results (anything with ``article``, ``events`` and ``error``, like
``eventlens.pipeline.ExtractResult``) or raw inputs (:class:`~eventlens.types.Article` or a
mapping), which are extracted here with ``eventlens.extract_many``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import socket
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from eventlens.clock import utcnow
from eventlens.dedupe import NEAR_DUP_THRESHOLD, MinHasher, band_hashes, estimate_jaccard, mention_key
from eventlens.errors import ConfigError, InputError
from eventlens.store import schema as t
from eventlens.store.db import Store
from eventlens.store.incidents import place_mention, refresh
from eventlens.types import Article, Event

log = logging.getLogger(__name__)

#: Articles per transaction. 64 keeps a crash's loss small while the commit cost (an fsync on
#: SQLite, a round trip on PostgreSQL) stays a small share of the batch (see bench/ingest.py).
BATCH_SIZE = 64
_TRACKING = ("utm_", "fbclid", "gclid", "mc_", "ref", "cmpid", "ocid")
_hasher: MinHasher | None = None


def _minhasher() -> MinHasher:
    global _hasher
    if _hasher is None:
        _hasher = MinHasher()
    return _hasher


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme and host, no ``www.``, fragment or tracking parameters, no trailing slash."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host, port = (parts.hostname or "").lower().removeprefix("www."), parts.port
    except ValueError:  # no URL Python can split ("http://[x]/", a port over 65535): kept as given
        return url.strip()
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith(_TRACKING))
    )
    path = parts.path.rstrip("/") or ""
    scheme = (parts.scheme or "https").lower()
    scheme = "https" if scheme == "http" else scheme  # one story, whichever scheme linked it
    return urlunsplit((scheme, host, path, query, ""))


def article_key(text: str, url: str | None) -> str:
    """The store's article id: sha256 of the text and the canonical URL."""
    h = hashlib.sha256(text.encode("utf-8"))
    h.update(b"\x00")
    h.update((canonical_url(url) or "").encode("utf-8"))
    return h.hexdigest()


#: A wire credit in a dateline: "BAGHDAD (Reuters) -", "NAIROBI, Kenya (AP) —", "PARIS, May 2 (AFP):".
_DATELINE_CREDIT = re.compile(
    r"^[^\S\n]*(?:[A-Z0-9][\w'’./-]*,?[^\S\n]+){1,6}\(([A-Z][\w&.'’ -]{0,38}?)\)[^\S\n]*(?:--|[-–—:])"
)


def _dateline_credit(article: Article) -> str | None:
    """The agency a dateline credits, in its own spelling ("Reuters", "AP"), if the story has one."""
    if article.dateline is not None:
        head = article.dateline.text
    else:
        start = min(article.body_start, len(article.text))
        head = article.text[start : start + 200].lstrip().split("\n", 1)[0]
    m = _DATELINE_CREDIT.match(head)
    return m.group(1).strip() if m else None


def publisher_of(article: Article) -> str | None:
    """The outlet, for the ``source`` column and for counting independent sources.

    In order: the agency a dateline credits ("(Reuters)": syndicated copies on many sites are
    one source), the name the input gives (the HTML page's site name, the feed's title, a JSON
    record's ``publisher``), then the URL's host. None when nothing says (a bare file)."""
    credit = _dateline_credit(article)
    if credit:
        return credit[:200]
    if article.publisher and article.publisher.strip():
        return article.publisher.strip()[:200]
    url = canonical_url(article.url)
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:  # canonical_url kept a URL it could not split
        return None


def _naive_utc(dt: datetime | None) -> datetime | None:
    if dt is None or dt.tzinfo is None:
        return dt
    return dt.astimezone(UTC).replace(tzinfo=None)


@dataclass(slots=True)
class _Counts:
    seen: int = 0
    new: int = 0
    already: int = 0
    events: int = 0
    incidents_new: int = 0
    merged: int = 0
    failures: int = 0

    def add(self, other: _Counts) -> None:
        self.new += other.new
        self.events += other.events
        self.incidents_new += other.incidents_new
        self.merged += other.merged


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one ingest did. ``already_stored`` articles were skipped; nothing was changed for them."""

    run_id: int
    articles_seen: int
    articles_new: int
    already_stored: int
    events: int
    incidents_new: int
    incidents_merged: int
    failures: int
    seconds: float
    failed_inputs: tuple[str, ...] = field(default=())

    @property
    def rate(self) -> float:
        """Articles per second (all seen, stored or skipped)."""
        return self.articles_seen / self.seconds if self.seconds > 0 else 0.0

    def __str__(self) -> str:
        # articles_seen counts the failed inputs too: "inputs", so that new + stored + failed add up
        return (
            f"{_n(self.articles_seen, 'input')}: {self.articles_new} new, {self.already_stored} already "
            f"stored; {_n(self.events, 'event')} -> {self.incidents_new} new incidents"
            + (f" ({self.incidents_merged} merged)" if self.incidents_merged else "")
            + f"; {_n(self.failures, 'failure')}; {self.seconds:.1f} s ({self.rate:.1f} inputs/s)"
        )


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _summary(run_id: int, c: _Counts, started: float, failed: list[str]) -> IngestSummary:
    return IngestSummary(
        run_id=run_id,
        articles_seen=c.seen,
        articles_new=c.new,
        already_stored=c.already,
        events=c.events,
        incidents_new=c.incidents_new,
        incidents_merged=c.merged,
        failures=c.failures,
        seconds=time.perf_counter() - started,
        failed_inputs=tuple(failed),
    )


@dataclass(frozen=True, slots=True)
class _Item:
    """One unit of work: an article with its events, or an input that failed before storing."""

    key: str | None
    article: Article | None
    events: Sequence[Event] | None  # None: still to be extracted
    error: InputError | None = None
    name: str = ""


def _name(a: Article | Mapping[str, Any]) -> str:
    if isinstance(a, Article):
        return a.source or a.url or a.id
    return str(a.get("source") or a.get("url") or a.get("id") or "<mapping>")


def _classify(item: Any) -> _Item:
    """The item's key and state; an item whose key cannot be computed becomes a failure, not a crash."""
    try:
        return _classify_unchecked(item)
    except UnicodeError as exc:
        # e.g. a lone surrogate ("\\ud800" in a JSON string): valid JSON, not encodable text.
        name = _name(item) if isinstance(item, Article | Mapping) else type(item).__name__
        reason = f"text cannot be encoded as UTF-8 ({exc.reason} at {exc.start}); fix the source encoding"
        return _Item(None, None, None, InputError(name, reason, stage="read"), name)


def _classify_unchecked(item: Any) -> _Item:
    if isinstance(item, InputError):
        return _Item(None, None, None, item, item.source)
    if hasattr(item, "events") and hasattr(item, "error"):
        art = getattr(item, "article", None)
        err = getattr(item, "error", None)
        name = _name(art) if art is not None else str(getattr(item, "article_id", "<unknown>"))
        if err is not None or art is None:
            err = err or InputError(name, "extraction returned no article", stage="extract")
            return _Item(None, art, None, err, name)
        return _Item(article_key(art.text, art.url), art, list(item.events), None, name)
    if isinstance(item, Article):
        return _Item(article_key(item.text, item.url), item, None, None, _name(item))
    if isinstance(item, Mapping):
        text = item.get("text")
        if not isinstance(text, str):
            name = _name(item)
            return _Item(None, None, None, InputError(name, "no 'text' field; give each record a text"), name)
        return _Item(article_key(text, item.get("url")), None, None, None, _name(item))
    raise TypeError(f"cannot ingest {type(item).__name__}; pass ExtractResults, Articles or mappings")


#: ``extract_many``'s shape: inputs in, one result (article, events, error) per input out, in order.
Extractor = Callable[..., Iterable[Any]]


def _extract(
    raw: list[tuple[_Item, Any]], published: datetime | None, extract: Extractor | None
) -> list[_Item]:
    if extract is None:
        # The store sits below the pipeline: it never imports it. Callers that hand it raw
        # articles (eventlens.jobs, the API) pass the extractor, normally eventlens.extract_many.
        raise ConfigError(
            f"{raw[0][0].name}: a raw article needs extraction; pass extract=eventlens.extract_many "
            "(or ExtractResults) to ingest()"
        )
    results = list(extract([obj for _, obj in raw], published=published, batch_size=len(raw)))
    out = []
    for (it, _), res in zip(raw, results, strict=True):
        cls = _classify(res)
        out.append(cls if cls.error else _Item(it.key, cls.article, cls.events, None, it.name))
    return out


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    store: Store,
    items: Iterable[Any],
    *,
    progress: Callable[[IngestSummary], None] | None = None,
    batch_size: int = BATCH_SIZE,
    published: datetime | None = None,
    extract: Extractor | None = None,
) -> IngestSummary:
    """Store articles and their events, clustering events into incidents; return what happened.

    Re-ingesting the same articles changes nothing (they are counted in ``already_stored``).
    ``progress`` is called with the running totals after every committed batch. Raw articles
    are extracted with ``extract`` (:func:`eventlens.extract_many`, or a small one in tests); without
    it only extraction results and articles already stored can be ingested.
    """
    started = time.perf_counter()
    now = utcnow()
    close_interrupted(store)
    with store.begin() as conn:
        run_id = int(
            conn.execute(
                sa.insert(t.ingest_runs)
                .values(started=now, status="running", note=_owner())
                .returning(t.ingest_runs.c.id)
            ).scalar_one()
        )
    counts = _Counts()
    failed: list[str] = []
    batches = 0
    try:
        for raw_batch in _batches(items, batch_size):
            classified = [(_classify(obj), obj) for obj in raw_batch]
            counts.seen += len(classified)
            keys = sorted({it.key for it, _ in classified if it.key})
            with store.begin() as conn:
                stored = (
                    set(conn.execute(sa.select(t.articles.c.id).where(t.articles.c.id.in_(keys))).scalars())
                    if keys
                    else set()
                )
            work: list[_Item] = []
            pending: list[tuple[_Item, Any]] = []
            for it, obj in classified:
                if it.key in stored:
                    counts.already += 1
                elif it.events is None and it.error is None:
                    pending.append((it, obj))
                else:
                    work.append(it)
            if pending:
                work.extend(_extract(pending, published, extract))
            with store.begin() as conn:
                for it in work:
                    if it.error is not None:
                        _fail(
                            conn,
                            run_id,
                            it.error.source or it.name,
                            it.error.stage,
                            it.error.reason,
                            counts,
                            failed,
                            getattr(it.error, "input", None),
                        )
                        continue
                    mine = _Counts()  # merged only if the article's savepoint commits
                    try:
                        with conn.begin_nested():
                            done = _store_article(conn, it, run_id, mine)
                        if done:
                            counts.add(mine)
                        else:
                            counts.already += 1
                    except (sa.exc.StatementError, ValueError, TypeError, KeyError, AttributeError) as exc:
                        if isinstance(exc, sa.exc.OperationalError | sa.exc.InterfaceError):
                            raise  # the database, not the article: stop; a re-run resumes here
                        # Recorded, not raised: one malformed record must not cost the batch.
                        log.warning("%s: not stored: %s", it.name, exc)
                        _fail(conn, run_id, it.name, "store", f"{type(exc).__name__}: {exc}", counts, failed)
            batches += 1
            if store.dialect == "postgresql" and batches & (batches - 1) == 0:
                _analyze(store)
            if progress is not None:
                progress(_summary(run_id, counts, started, failed))
    except BaseException:
        _finish(store, run_id, "failed", counts)
        raise
    _finish(store, run_id, "done", counts)
    summary = _summary(run_id, counts, started, failed)
    log.info("ingest run %d: %s", run_id, summary)
    return summary


#: How a run row names the process that runs it ("pid 123 on host"): a later start reads it to
#: tell a run whose process was killed from one still going.
_OWNER = re.compile(r"pid (\d+) on (\S+)")


def _owner() -> str:
    return f"pid {os.getpid()} on {socket.gethostname()}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def close_interrupted(store: Store) -> list[int]:
    """Mark ``interrupted`` the runs left ``running`` by a process that no longer exists (killed,
    or the machine stopped), saying so in one warning line each; return their ids.

    Only runs started on this host by another process are judged: a run of a live process (a
    concurrent ingest, another thread of this one) or of another host is left alone, since its
    process cannot be checked from here. Committed batches of an interrupted run stay stored
    (each batch is a transaction); ingesting the same inputs again finishes the work.
    """
    host, me = socket.gethostname(), os.getpid()
    with store.begin() as conn:
        rows = conn.execute(
            sa.select(t.ingest_runs.c.id, t.ingest_runs.c.started, t.ingest_runs.c.note).where(
                t.ingest_runs.c.status == "running"
            )
        ).all()
        closed = []
        for run_id, run_started, note in rows:
            m = _OWNER.fullmatch(note or "")
            if m is None or m.group(2) != host or int(m.group(1)) == me or _alive(int(m.group(1))):
                continue
            # a run's counts are written when it ends: take the killed run's from what it committed
            arts, events = conn.execute(
                sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(t.articles.c.event_count), 0)).where(
                    t.articles.c.run_id == run_id
                )
            ).one()
            fails = conn.execute(
                sa.select(sa.func.count()).select_from(t.failures).where(t.failures.c.run_id == run_id)
            ).scalar_one()
            conn.execute(
                sa.update(t.ingest_runs)
                .where(t.ingest_runs.c.id == run_id, t.ingest_runs.c.status == "running")
                .values(
                    status="interrupted",
                    note=f"{note}; interrupted: the process ended mid-run",
                    articles_new=arts,
                    events=events,
                    failures=fails,
                )
            )
            log.warning(
                "ingest run %d (started %s, %s) was interrupted: its process ended before the run "
                "finished; %d articles of it were committed and are kept; marked 'interrupted' "
                "(ingest the same inputs again to finish)",
                run_id,
                run_started,
                note,
                arts,
            )
            closed.append(run_id)
    return closed


#: Tables whose planner statistics matter for the per-article lookups.
_HOT_TABLES = ("article_bands", "mention_keys", "mentions", "articles", "incidents")


def _analyze(store: Store) -> None:
    """Refresh PostgreSQL's planner statistics while a store grows from empty.

    A fresh table has no statistics, so the band and key lookups are planned as sequential
    scans until autovacuum runs (after the load is done); on 3,000 ACLED rows that made the
    band lookup 5 ms a call. Run after batches 1, 2, 4, 8, ... so the cost stays logarithmic.
    """
    with store.engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")
        for table in _HOT_TABLES:
            conn.exec_driver_sql(f"ANALYZE {table}")


def _finish(store: Store, run_id: int, status: str, c: _Counts) -> None:
    try:
        with store.begin() as conn:
            conn.execute(
                sa.update(t.ingest_runs)
                .where(t.ingest_runs.c.id == run_id)
                .values(
                    finished=utcnow(),
                    status=status,
                    articles_new=c.new,
                    articles_skipped=c.already,
                    events=c.events,
                    failures=c.failures,
                )
            )
    except sa.exc.SQLAlchemyError as exc:  # the run row is bookkeeping; never mask the real error
        log.warning("could not close ingest run %d: %s", run_id, exc)


def _fail(
    conn: Connection,
    run_id: int,
    name: str,
    stage: str,
    reason: str,
    c: _Counts,
    failed: list[str],
    input_: str | None = None,
) -> None:
    """Record a failure. ``failed`` collects the inputs (files) that failed - a bad line of a
    JSONL file fails the file, so that a re-run reads it again instead of skipping it."""
    c.failures += 1
    failed.append(input_ or name)
    conn.execute(
        sa.insert(t.failures).values(run_id=run_id, input=name, stage=stage, reason=reason, at=utcnow())
    )


def _near_duplicates(conn: Connection, key: str, sig: Any, bands: list[str]) -> list[str]:
    """Stored articles sharing an LSH band with ``sig`` whose estimated Jaccard reaches the threshold."""
    ids = sorted(
        set(
            conn.execute(
                sa.select(t.article_bands.c.article_id).where(t.article_bands.c.band.in_(bands))
            ).scalars()
        )
        - {key}
    )
    if not ids:
        return []
    cands = conn.execute(
        sa.select(t.articles.c.id, t.articles.c.minhash).where(t.articles.c.id.in_(ids))
    ).all()
    return sorted(
        aid for aid, mh in cands if mh is not None and estimate_jaccard(sig, bytes(mh)) >= NEAR_DUP_THRESHOLD
    )


def _store_article(conn: Connection, it: _Item, run_id: int, c: _Counts) -> bool:
    """Store one article and its mentions; False if it was already there."""
    art, key = it.article, it.key
    assert art is not None and key is not None and it.events is not None
    if conn.execute(sa.select(t.articles.c.id).where(t.articles.c.id == key)).first():
        return False
    now = utcnow()
    sig = _minhasher().signature(art.body if art.body.strip() else art.text)
    bands = band_hashes(sig)
    dups = _near_duplicates(conn, key, sig, bands)
    group = key
    if dups:
        groups = set(
            conn.execute(sa.select(t.articles.c.near_dup_group).where(t.articles.c.id.in_(dups))).scalars()
        )
        group = min(groups | {key})
        others = sorted(g for g in groups if g != group)
        if others:
            conn.execute(
                sa.update(t.articles)
                .where(t.articles.c.near_dup_group.in_(others))
                .values(near_dup_group=group)
            )
    conn.execute(
        sa.insert(t.articles).values(
            id=key,
            reader_id=art.id,
            source=art.source,
            publisher=publisher_of(art),
            url=art.url,
            canonical_url=canonical_url(art.url),
            title=art.title,
            published=_naive_utc(art.published),
            fetched=_naive_utc(art.fetched),
            language=art.language,
            text=art.text,
            minhash=sig.tobytes(),
            near_dup_group=group,
            event_count=len(it.events),
            run_id=run_id,
            stored_at=now,
        )
    )
    conn.execute(sa.insert(t.article_bands), [{"band": b, "article_id": key} for b in sorted(set(bands))])
    near = frozenset(dups)
    touched: set[int] = set()
    for i, ev in enumerate(it.events):
        mid = f"{key}:{i}"
        mk = mention_key(ev, mid, key)
        rec = ev.to_dict()
        conn.execute(
            sa.insert(t.mentions).values(
                id=mid,
                article_id=key,
                event_index=i,
                role=ev.role,
                event_type=ev.event_type,
                fatalities=ev.fatalities,
                injured=ev.injured,
                confidence=ev.confidence,
                published=_naive_utc(ev.article_published or art.published),
                record=rec,
                evidence=rec["evidence"],
                **mk.to_columns(),
            )
        )
        seq, link = place_mention(conn, mk, near, now)
        touched.add(seq)
        c.events += 1
        if link == "new":
            c.incidents_new += 1
        elif link == "merge":
            c.merged += 1
    for seq in sorted(touched):
        refresh(conn, seq, now)
    c.new += 1
    return True

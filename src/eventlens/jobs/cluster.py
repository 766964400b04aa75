"""Corpus-scale ingest on Dask distributed: ``eventlens ingest --dask SCHEDULER PATH...``.

Why Dask: a researcher with ten years of archives already runs (or can start) a Dask cluster on
a laptop, a batch system or Kubernetes; eventlens should be one more job on it, not a home-made
scheduler. What is distributed is the expensive part - reading, cleaning, NLP, extraction,
geocoding (about 50 articles/s per core, see docs/scaling.md) - while the database write stays
with the client, one ordered writer:

* **Partitions.** Inputs are cut without reading them on the client: JSONL shards by byte range
  (a record belongs to the partition where its line starts, as Hadoop splits text), Parquet by
  row group, other files (text, HTML, JSON) in groups. A partition's name and a cheap
  fingerprint (size and mtime of its file) identify it.
* **Workers load the model once.** Each worker process keeps the pipeline in a module-level
  cache (:func:`worker_pipeline`), so the spaCy model and the gazetteer load on its first task
  and serve every later one; a restarted worker loads them again, once.
* **Results stream back in order.** At most ``window`` partitions are in flight; results are
  written in partition order through :func:`eventlens.store.ingest` (so the incidents equal those
  of a single-process run), batch by batch.
* **Idempotent and resumable.** ``ingest`` skips articles already stored (sha256 of text and
  URL), and a partition is marked in ``processed_inputs`` only once all its articles committed;
  a re-run skips marked partitions without sending them to a worker.
* **A killed worker loses nothing and duplicates nothing.** Extraction tasks are pure: the
  scheduler re-runs the tasks of a lost worker elsewhere, the client receives each partition's
  result exactly once, and the article key makes a second write a no-op anyway.

PostgreSQL is the store to use with a cluster (several clients may write at once); SQLite works
for a single client.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from eventlens.errors import ConfigError, EventlensError, InputError
from eventlens.read.paths import EXTENSIONS, expand_paths, shown

log = logging.getLogger(__name__)

__all__ = [
    "Partition",
    "dask_client",
    "extract_partition",
    "ingest_dask",
    "partitions",
    "read_partition",
    "warm",
    "worker_pipeline",
]

#: Bytes of JSONL per partition. 1 MB is ~200 news articles (~5 KB each): ~4 s of work on one
#: core, long enough to hide the per-task overhead (~1 ms), short enough to balance 2-64 workers.
CHUNK_BYTES = 1 << 20
#: Non-JSONL files per partition (one article each, typically).
FILES_PER_PARTITION = 64
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
PARQUET_SUFFIXES = frozenset({".parquet", ".pq"})
DEFAULT_FACTORY = "eventlens:default_pipeline"

Kind = Literal["jsonl", "parquet", "files"]


@dataclass(frozen=True, slots=True)
class Partition:
    """One task's worth of input. ``start``/``stop``: byte range (jsonl) or row groups (parquet)."""

    kind: Kind
    files: tuple[str, ...]
    start: int = 0
    stop: int = 0
    fingerprint: str = ""
    input_format: str | None = None

    @property
    def name(self) -> str:
        first = shown(self.files[0])
        if self.kind == "jsonl":
            return f"{first}@{self.start}-{self.stop}"
        if self.kind == "parquet":
            return f"{first}#rowgroups{self.start}-{self.stop}"
        if len(self.files) == 1:
            return first
        return f"{first} (+{len(self.files) - 1} files)"


def _fingerprint(paths: Iterable[str]) -> str:
    h = hashlib.sha256()
    for p in paths:
        try:
            st = os.stat(p)
            h.update(f"{p}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
        except OSError:
            h.update(f"{p}\0missing\0".encode())
    return h.hexdigest()


def _walk(paths: Sequence[str]) -> Iterator[str]:
    """The input files in the order of every other command (:func:`eventlens.read.paths.expand_paths`),
    with the partition formats (JSONL, Parquet) besides the readers' own."""
    yield from expand_paths(paths, set(EXTENSIONS) | JSONL_SUFFIXES | PARQUET_SUFFIXES)


def partitions(
    paths: Sequence[str],
    *,
    chunk_bytes: int = CHUNK_BYTES,
    files_per_partition: int = FILES_PER_PARTITION,
    input_format: str | None = None,
) -> list[Partition]:
    """Cut ``paths`` (files and directories) into partitions, in a stable order, reading no content."""
    if chunk_bytes < 1 or files_per_partition < 1:
        raise ConfigError("chunk_bytes and files_per_partition must be positive")
    out: list[Partition] = []
    loose: list[str] = []

    def flush() -> None:
        for i in range(0, len(loose), files_per_partition):
            group = tuple(loose[i : i + files_per_partition])
            out.append(Partition("files", group, fingerprint=_fingerprint(group), input_format=input_format))
        loose.clear()

    for f in _walk(paths):
        suffix = Path(f).suffix.lower()
        fmt = input_format or ("jsonl" if suffix in JSONL_SUFFIXES else None)
        if fmt == "jsonl" and os.path.isfile(f):
            flush()
            size = os.path.getsize(f)
            fp = _fingerprint([f])
            for start in range(0, max(size, 1), chunk_bytes):
                out.append(Partition("jsonl", (f,), start, min(start + chunk_bytes, size), fp))
        elif suffix in PARQUET_SUFFIXES and os.path.isfile(f):
            flush()
            groups = _parquet_row_groups(f)
            fp = _fingerprint([f])
            out += [Partition("parquet", (f,), g, g + 1, fp) for g in range(groups)]
        else:
            loose.append(f)
    flush()
    return out


def _pyarrow() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ConfigError(
            f"reading Parquet needs pyarrow ({exc}); `pip install pyarrow` or convert the articles to JSONL"
        ) from exc
    return pq


def _parquet_row_groups(path: str) -> int:
    return int(_pyarrow().ParquetFile(path).num_row_groups)


def _jsonl_lines(path: str, start: int, stop: int) -> Iterator[tuple[int, bytes]]:
    """(offset, line) for every line that *starts* in ``[start, stop)``."""
    with open(path, "rb") as fh:
        pos = start
        if start > 0:
            fh.seek(start - 1)
            if fh.read(1) != b"\n":  # mid-line: that line belongs to the previous partition
                pos = start + len(fh.readline())
        fh.seek(pos)
        while pos < stop:
            line = fh.readline()
            if not line:
                break
            yield pos, line
            pos += len(line)


def read_partition(part: Partition) -> list[Any]:
    """The partition's inputs as Articles, or InputErrors naming ``file@byte`` / the file."""
    import json

    from eventlens.read import read_paths
    from eventlens.read.jsonl import record_to_article

    if part.kind == "files":
        return list(read_paths(list(part.files), input_format=part.input_format))
    path = part.files[0]
    name = shown(path)
    out: list[Any] = []
    if part.kind == "jsonl":
        try:
            for offset, raw in _jsonl_lines(path, part.start, part.stop):
                if not raw.strip():
                    continue
                where = f"{name}@{offset}"
                try:
                    obj = json.loads(raw)
                except ValueError as exc:
                    out.append(InputError(where, f"malformed JSON line ({exc}); fix or remove the line"))
                    continue
                out.append(
                    record_to_article(obj, where=where, default_id=where, source=name, input_format="jsonl")
                )
        except OSError as exc:
            out.append(InputError(part.name, f"cannot be read ({exc.strerror}); check it exists"))
        return out
    table = _pyarrow().ParquetFile(path).read_row_groups(list(range(part.start, part.stop)))
    for i, row in enumerate(table.to_pylist()):
        where = f"{name}#rg{part.start}:{i}"
        rec = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()}
        out.append(record_to_article(rec, where=where, default_id=where, source=name, input_format="parquet"))
    return out


# ---------------------------------------------------------------------------------- worker side

_pipelines: dict[str, Any] = {}


def worker_pipeline(factory: str = DEFAULT_FACTORY) -> Any:
    """The pipeline of this process, made once by ``factory`` ("module:function")."""
    pipe = _pipelines.get(factory)
    if pipe is None:
        module, _, func = factory.partition(":")
        try:
            make: Callable[[], Any] = getattr(importlib.import_module(module), func)
        except (ImportError, AttributeError) as exc:
            raise ConfigError(
                f"pipeline factory {factory!r} cannot be imported ({exc}); use module:function"
            ) from exc
        started = time.perf_counter()
        pipe = make()
        for attr in ("nlp", "geocoder"):  # load the model and gazetteer now, not inside a timed batch
            getattr(pipe, attr, None)
        log.info(
            "worker %d: pipeline %s ready in %.1f s", os.getpid(), factory, time.perf_counter() - started
        )
        _pipelines[factory] = pipe
    return pipe


def warm(factory: str = DEFAULT_FACTORY) -> int:
    """Load this process's pipeline now (``client.run(warm)`` before timing); returns the pid."""
    worker_pipeline(factory)
    return os.getpid()


def extract_partition(part: Partition, factory: str = DEFAULT_FACTORY) -> list[Any]:
    """Read and extract one partition (runs on a worker): one ExtractResult per input, in order."""
    items = read_partition(part)
    return list(worker_pipeline(factory).run(items))


# ---------------------------------------------------------------------------------- client side


@contextmanager
def dask_client(scheduler: str) -> Iterator[Any]:
    """A connected ``distributed.Client``: ``local:N`` starts a LocalCluster of N worker processes
    (one thread each: spaCy holds the GIL), anything else is a scheduler address."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError(f"Dask is not installed ({exc}); pip install 'dask[distributed]'") from exc
    if scheduler.startswith("local"):
        _, _, n = scheduler.partition(":")
        try:
            workers = int(n) if n else os.cpu_count() or 1
        except ValueError:
            raise ConfigError(f"--dask {scheduler!r}: write local:N with N a number of workers") from None
        with (
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                host="127.0.0.1",
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise ConfigError(
            f"Dask scheduler {scheduler!r} cannot be reached ({exc}); check the address"
        ) from exc
    try:
        yield client
    finally:
        client.close()


#: Times the client re-submits a partition whose result could not be had (the worker holding it
#: died between computing and sending, or the task itself failed) before recording it as failed.
RETRIES = 3


def _ordered_results(
    client: Any, parts: Sequence[Partition], factory: str, window: int, retries: int = RETRIES
) -> Iterator[tuple[int, list[Any] | BaseException]]:
    """(index, results or the error) per partition in input order, at most ``window`` in flight.

    The scheduler already re-runs tasks lost with a worker; the client also re-submits (under a
    new key) a partition whose result it could not gather, since a result lost in transit is
    not retried by every Dask version (distributed 2026.8 raises "bound to a different event
    loop" from its own reschedule path).
    """
    from distributed import as_completed

    pending = as_completed()
    index: dict[str, tuple[int, int]] = {}  # key -> (partition index, attempt)
    ready: dict[int, list[Any] | BaseException] = {}
    submitted = 0
    nxt = 0

    def submit(i: int, attempt: int) -> None:
        p = parts[i]
        token = hashlib.sha1(f"{p.name}\0{p.fingerprint}\0{factory}".encode()).hexdigest()[:16]
        fut = client.submit(extract_partition, p, factory, key=f"eventlens-extract-{token}-{attempt}")
        index[fut.key] = (i, attempt)
        pending.add(fut)

    def top_up() -> None:
        nonlocal submitted
        while submitted < len(parts) and submitted - nxt < window:
            submit(submitted, 0)
            submitted += 1

    top_up()
    while nxt < len(parts):
        fut = next(pending)
        i, attempt = index.pop(fut.key)
        try:
            ready[i] = fut.result()
        except Exception as exc:  # noqa: BLE001 - retried, then recorded as the partition's failure
            if attempt < retries:
                log.warning("%s: attempt %d failed (%s); re-submitting", parts[i].name, attempt + 1, exc)
                submit(i, attempt + 1)
            else:
                ready[i] = exc
        finally:
            fut.release()
        while nxt in ready:
            yield nxt, ready.pop(nxt)
            nxt += 1
        top_up()


class _Committed:
    """Marks a partition in ``processed_inputs`` once every one of its articles committed."""

    def __init__(self, store: Any) -> None:
        self.store = store
        # (items yielded up to and incl. it, part, count, whether every item of it was read)
        self.ends: list[tuple[int, Partition, int, bool]] = []
        self.marked = 0
        self.run_id = 0

    def ended(self, yielded: int, part: Partition, count: int, *, clean: bool = True) -> None:
        """``part`` was streamed in full: its ``count`` items end at item number ``yielded``.
        A partition that is not ``clean`` (an item of it failed: a bad JSONL line, an unreadable
        file) is never marked, so the next run reads it again and reports the failure again."""
        self.ends.append((yielded, part, count, clean))

    def mark(self, seen: int) -> None:
        """Mark every partition whose items all lie within the first ``seen`` committed ones."""
        from eventlens.store.finished import mark_finished

        rows = []
        while self.marked < len(self.ends) and self.ends[self.marked][0] <= seen:
            _, part, count, clean = self.ends[self.marked]
            if clean:
                rows.append({"input": part.name, "digest": part.fingerprint, "articles": count})
            self.marked += 1
        if rows:
            mark_finished(self.store, rows, self.run_id)


def _cluster_items(
    client: Any,
    todo: Sequence[Partition],
    factory: str,
    window: int,
    committed: _Committed,
    broken: list[str],
) -> Iterator[Any]:
    """The items of each partition in input order; a partition that failed on the cluster is one
    InputError (its name goes to ``broken``), so the run goes on and a re-run retries it."""
    yielded = 0
    for i, res in _ordered_results(client, todo, factory, window):
        part = todo[i]
        if isinstance(res, BaseException):
            log.error("%s: partition failed on the cluster: %s", part.name, res)
            broken.append(part.name)
            yield InputError(
                part.name,
                f"partition failed on the cluster ({type(res).__name__}: {res}); re-run to retry it",
                stage="cluster",
            )
            yielded += 1
            continue
        yield from res
        yielded += len(res)
        failed = any(isinstance(x, InputError) or getattr(x, "error", None) is not None for x in res)
        committed.ended(yielded, part, len(res), clean=not failed)


def ingest_dask(
    db_url: str | None,
    paths: Sequence[str],
    scheduler: str,
    *,
    chunk_bytes: int = CHUNK_BYTES,
    files_per_partition: int = FILES_PER_PARTITION,
    input_format: str | None = None,
    window: int | None = None,
    factory: str = DEFAULT_FACTORY,
    batch_size: int | None = None,
    progress: Callable[[Any], None] | None = None,
) -> int:
    """Ingest everything under ``paths`` into the store at ``db_url`` with Dask workers; exit code.

    ``scheduler`` is a scheduler address (``tcp://host:8786``) or ``local:N``. 0 when every input
    was stored (or already was), 1 when any input or partition failed (each is logged and in the
    store's ``failures`` table), 2 when the store or the cluster cannot be reached.
    ``progress`` receives the store's running :class:`~eventlens.store.IngestSummary` per batch.
    """
    # The store (and SQLAlchemy) are the client's business only: workers import this module too.
    from eventlens.store import ingest
    from eventlens.store import open as open_store
    from eventlens.store.finished import finished_inputs
    from eventlens.store.ingest import BATCH_SIZE

    try:
        store = open_store(db_url)
    except EventlensError as exc:
        log.error("%s", exc)
        return 2
    with store:
        parts = partitions(
            paths, chunk_bytes=chunk_bytes, files_per_partition=files_per_partition, input_format=input_format
        )
        done = finished_inputs(store)
        todo = [p for p in parts if (p.name, p.fingerprint) not in done]
        log.info(
            "dask ingest: %d partitions (%d already done) from %d path(s)",
            len(parts),
            len(parts) - len(todo),
            len(paths),
        )
        if not todo:
            return 0
        committed = _Committed(store)
        broken: list[str] = []

        def on_batch(summary: Any) -> None:
            committed.run_id = summary.run_id
            committed.mark(summary.articles_seen)
            if progress is not None:
                progress(summary)

        try:
            with dask_client(scheduler) as client:
                nworkers = max(1, len(client.scheduler_info().get("workers", {})))
                items = _cluster_items(client, todo, factory, window or 4 * nworkers, committed, broken)
                summary = ingest(store, items, progress=on_batch, batch_size=batch_size or BATCH_SIZE)
        except ConfigError as exc:
            log.error("%s", exc)
            return 2
        committed.mark(summary.articles_seen)
        log.info("dask ingest (%s): %s", scheduler, summary)
        return 1 if summary.failures or broken else 0

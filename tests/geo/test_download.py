"""``eventlens gazetteer download``: fetched from a GeoNames-like server on 127.0.0.1 (no network).

The server honours Range / If-Range / If-Modified-Since like download.geonames.org's Apache and
can be told to drop a connection mid-body, ignore ranges, or stall.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventlens.cli import app
from eventlens.geo import download as dl
from eventlens.geo.gazetteer import Gazetteer

LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)


def geonames_row(gid: int, name: str, alts: str, lat: float, lon: float, fcode: str, admin2: str = "") -> str:
    """One 19-column line of a GeoNames country dump (Iraq, admin1 07)."""
    cols = [gid, name, name, alts, lat, lon, "P", fcode, "IQ", "", "07", admin2, "", "", 0, "", 35]
    return "\t".join(str(c) for c in cols) + "\tAsia/Baghdad\t2023-01-01"


IQ_LINES = [
    geonames_row(9100001, "Zayunah", "Zayouna,Al Zayouna", 33.3290, 44.4570, "PPLX", "9101"),
    geonames_row(9100002, "Ghadir", "Al Ghadeer", 33.3200, 44.4400, "PPLX"),
]
ADMIN1 = "IQ.07\tBaghdad Governorate\tBaghdad Governorate\t98180\n"
ADMIN2 = "IQ.07.9101\tRusafa District\tRusafa District\t9101000\n"


def iq_zip(lines: list[str] = IQ_LINES, pad: int = 0) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("IQ.txt", "\n".join(lines) + "\n")
        if pad:  # an incompressible member so a body is big enough to cut in the middle
            zf.writestr("readme.txt", hashlib.sha256(b"x").digest() * (pad // 32))
    return buf.getvalue()


@dataclass
class Resource:
    body: bytes
    last_modified: str = LAST_MODIFIED
    status: int = 200
    cut_at: int | None = None  # send only this many body bytes, then close the connection
    cuts_left: int = 0  # how many responses are cut (then whole ones)
    ignore_range: bool = False
    ignore_ims: bool = False
    delay: float = 0.0


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    status: int = 0
    body_bytes: int = 0


@dataclass
class DumpServer:
    files: dict[str, Resource] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    url: str = ""

    def body_bytes(self) -> int:
        return sum(r.body_bytes for r in self.requests)


@pytest.fixture()
def server() -> Iterator[DumpServer]:
    state = DumpServer()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            name = self.path.rsplit("/", 1)[-1]
            req = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
            state.requests.append(req)
            res = state.files.get(name)
            if res is None or res.status != 200:
                status = 404 if res is None else res.status
                self._reply(req, status, b"no such file", {})
                return
            if res.delay:
                time.sleep(res.delay)
            headers = {"Last-Modified": res.last_modified, "Accept-Ranges": "bytes"}
            ims = req.headers.get("if-modified-since")
            if ims and not res.ignore_ims:
                if parsedate_to_datetime(res.last_modified) <= parsedate_to_datetime(ims):
                    self._reply(req, 304, b"", headers)
                    return
            body, status = res.body, 200
            m = re.fullmatch(r"bytes=(\d+)-", req.headers.get("range", ""))
            if_range = req.headers.get("if-range")
            if m and not res.ignore_range and (if_range is None or if_range == res.last_modified):
                start = int(m.group(1))
                if start >= len(body):
                    self._reply(req, 416, b"", {"Content-Range": f"bytes */{len(body)}"})
                    return
                status = 206
                headers["Content-Range"] = f"bytes {start}-{len(body) - 1}/{len(body)}"
                body = body[start:]
            cut = None
            if res.cuts_left and res.cut_at is not None:
                res.cuts_left -= 1
                cut = res.cut_at
            self._reply(req, status, body, headers, cut=cut)

        def _reply(
            self, req: Request, status: int, body: bytes, headers: dict[str, str], cut: int | None = None
        ) -> None:
            req.status = status
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status == 304:
                return
            sent = body if cut is None else body[:cut]
            try:
                self.wfile.write(sent)
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return
            req.body_bytes = len(sent)
            if cut is not None:
                self.close_connection = True

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}/export/dump/"
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(autouse=True)
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dl, "RETRY_BACKOFF", 0.0)


def serve_iq(server: DumpServer, **iq: object) -> bytes:
    body = iq.pop("body", None) or iq_zip()
    server.files["IQ.zip"] = Resource(body, **iq)  # type: ignore[arg-type]
    server.files["admin1CodesASCII.txt"] = Resource(ADMIN1.encode())
    server.files["admin2Codes.txt"] = Resource(ADMIN2.encode())
    return body  # type: ignore[return-value]


def run_cli(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(app, ["gazetteer", "download", *args], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert not isinstance(res.exception, Exception) or isinstance(res.exception, SystemExit), res.exception
    return res.exit_code, res.output


def error_lines(output: str) -> list[str]:
    return [ln for ln in output.splitlines() if ln.startswith("eventlens gazetteer download:")]


# -- what to fetch ------------------------------------------------------------------------------


def test_country_codes_are_validated() -> None:
    assert dl.validate_countries(["iq", "SY", "IQ"]) == ["IQ", "SY"]
    with pytest.raises(ValueError, match=r"'ZZ' \(no such country code\).*'Iraq' \(not two letters\)"):
        dl.validate_countries(["ZZ", "Iraq"])
    assert dl.dump_files([]) == ["admin1CodesASCII.txt", "admin2Codes.txt", "allCountries.zip"]
    assert dl.dump_files(["IQ"], alternate_names=True)[-2:] == ["IQ.zip", "alternateNamesV2.zip"]


def test_bad_country_is_usage_error(tmp_path: Path) -> None:
    code, out = run_cli("Q1", "--cache-dir", str(tmp_path), "--no-import")
    assert code == 2 and len(error_lines(out)) == 1 and "'Q1' (not two letters)" in out


# -- download + import --------------------------------------------------------------------------


def test_download_and_import_makes_places_resolvable(
    server: DumpServer, tmp_path: Path, gazetteer_path: Path
) -> None:
    body = serve_iq(server)
    gaz = tmp_path / "g.sqlite"
    shutil.copy(gazetteer_path, gaz)
    with Gazetteer.open(gaz) as g:
        assert not [c for c in g.candidates("Zayouna") if c.geonameid == 9100001]

    code, out = run_cli("iq", "--base-url", server.url, "--gazetteer", str(gaz))
    assert code == 0, out

    cache = tmp_path / "geonames"  # next to the gazetteer
    assert (cache / "IQ.zip").read_bytes() == body
    assert not list(cache.glob("*.part"))
    manifest = json.loads((cache / "manifest.json").read_text())
    entry = manifest["files"]["IQ.zip"]
    assert entry == {
        **entry,
        "size": len(body),
        "last_modified": LAST_MODIFIED,
        "sha256": hashlib.sha256(body).hexdigest(),
    }
    with Gazetteer.open(gaz) as g:
        hit = [c for c in g.candidates("Zayouna") if c.geonameid == 9100001]
        assert hit, g.candidates("Zayouna")
        assert hit[0].admin1 == "Baghdad Governorate" and hit[0].admin2 == "Rusafa District"
        assert hit[0].country == "Iraq"
        assert any(c.geonameid == 9100002 for c in g.candidates("Al Ghadeer"))


def test_unchanged_files_are_not_downloaded_again(server: DumpServer, tmp_path: Path) -> None:
    serve_iq(server)
    first = dl.download_dumps(dl.dump_files(["IQ"]), tmp_path, base_url=server.url)
    assert [r.status for r in first] == ["downloaded"] * 3
    served = server.body_bytes()
    assert served > 0
    n_requests = len(server.requests)

    code, out = run_cli("IQ", "--base-url", server.url, "--cache-dir", str(tmp_path), "--no-import")
    assert code == 0, out
    assert "3 unchanged" in out
    again = server.requests[n_requests:]
    assert len(again) == 3 and all(r.status == 304 for r in again)
    assert all(r.headers.get("if-modified-since") == LAST_MODIFIED for r in again)
    assert server.body_bytes() == served  # nothing new was sent


def test_server_ignoring_if_modified_since_still_skips_same_file(server: DumpServer, tmp_path: Path) -> None:
    serve_iq(server, ignore_ims=True)
    dl.download_dumps(["IQ.zip"], tmp_path, base_url=server.url)
    before = (tmp_path / "IQ.zip").stat().st_mtime_ns
    [res] = dl.download_dumps(["IQ.zip"], tmp_path, base_url=server.url)
    assert res.status == "unchanged" and res.received == 0
    assert (tmp_path / "IQ.zip").stat().st_mtime_ns == before


def test_changed_file_is_downloaded_again(server: DumpServer, tmp_path: Path) -> None:
    serve_iq(server)
    dl.download_dumps(["IQ.zip"], tmp_path, base_url=server.url)
    newer = iq_zip(IQ_LINES[:1])
    server.files["IQ.zip"] = Resource(newer, last_modified=formatdate(1_800_000_000, usegmt=True))
    [res] = dl.download_dumps(["IQ.zip"], tmp_path, base_url=server.url)
    assert res.status == "downloaded" and (tmp_path / "IQ.zip").read_bytes() == newer


# -- interruptions ------------------------------------------------------------------------------


def test_interrupted_download_resumes_with_range(server: DumpServer, tmp_path: Path) -> None:
    body = serve_iq(server, body=iq_zip(pad=64_000), cut_at=20_000, cuts_left=1)
    [res] = dl.download_dumps(["IQ.zip"], tmp_path, base_url=server.url, retries=2)
    assert res.status == "resumed" and res.received == len(body)
    assert (tmp_path / "IQ.zip").read_bytes() == body
    first, second = [r for r in server.requests if r.path.endswith("IQ.zip")]
    assert "range" not in first.headers and first.body_bytes == 20_000
    assert second.headers["range"] == "bytes=20000-" and second.headers["if-range"] == LAST_MODIFIED
    assert second.status == 206 and second.body_bytes == len(body) - 20_000
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["files"]["IQ.zip"]["sha256"] == hashlib.sha256(body).hexdigest()
    assert manifest["partial"] == {}


def test_part_file_survives_to_the_next_run(server: DumpServer, tmp_path: Path) -> None:
    body = serve_iq(server, body=iq_zip(pad=64_000), cut_at=30_000, cuts_left=1)
    with pytest.raises(dl.DownloadError, match=r"IQ\.zip: truncated body.*re-run to resume"):
        dl.download_dumps(["IQ.zip"], tmp_path, base_url=server.url, retries=0)
    assert (tmp_path / "IQ.zip.part").stat().st_size == 30_000
    [res] = dl.download_dumps(["IQ.zip"], tmp_path, base_url=server.url, retries=0)
    assert res.received == len(body) - 30_000
    assert (tmp_path / "IQ.zip").read_bytes() == body


def test_server_ignoring_range_restarts_cleanly(server: DumpServer, tmp_path: Path) -> None:
    body = serve_iq(server, body=iq_zip(pad=64_000), cut_at=25_000, cuts_left=1, ignore_range=True)
    [res] = dl.download_dumps(["IQ.zip"], tmp_path, base_url=server.url, retries=1)
    second = [r for r in server.requests if r.path.endswith("IQ.zip")][1]
    assert second.headers.get("range") == "bytes=25000-" and second.status == 200
    assert (tmp_path / "IQ.zip").read_bytes() == body  # not the first 25,000 bytes twice
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["files"]["IQ.zip"]["sha256"] == hashlib.sha256(body).hexdigest()


def test_file_changed_while_part_waited_restarts(server: DumpServer, tmp_path: Path) -> None:
    serve_iq(server, body=iq_zip(pad=64_000), cut_at=25_000, cuts_left=1)
    with pytest.raises(dl.DownloadError):
        dl.download_dumps(["IQ.zip"], tmp_path, base_url=server.url, retries=0)
    newer = iq_zip(IQ_LINES[:1], pad=40_000)
    server.files["IQ.zip"] = Resource(newer, last_modified=formatdate(1_800_000_000, usegmt=True))
    dl.download_dumps(["IQ.zip"], tmp_path, base_url=server.url, retries=0)
    assert (tmp_path / "IQ.zip").read_bytes() == newer  # If-Range failed: the whole new file


def test_part_longer_than_the_new_file_restarts(server: DumpServer, tmp_path: Path) -> None:
    serve_iq(server, body=iq_zip(pad=64_000), cut_at=30_000, cuts_left=1)
    with pytest.raises(dl.DownloadError):
        dl.download_dumps(["IQ.zip"], tmp_path, base_url=server.url, retries=0)
    smaller = iq_zip()  # same Last-Modified, so If-Range matches, but shorter than the part: 416
    assert len(smaller) < 30_000
    server.files["IQ.zip"] = Resource(smaller)
    [res] = dl.download_dumps(["IQ.zip"], tmp_path, base_url=server.url, retries=0)
    assert [r.status for r in server.requests if r.path.endswith("IQ.zip")][-2:] == [416, 200]
    assert res.status == "downloaded" and (tmp_path / "IQ.zip").read_bytes() == smaller


# -- failures: one line naming the file and the reason, exit 1 ------------------------------------


def test_404_is_one_line_and_exit_1(server: DumpServer, tmp_path: Path) -> None:
    serve_iq(server)
    del server.files["admin2Codes.txt"]
    code, out = run_cli("IQ", "--base-url", server.url, "--cache-dir", str(tmp_path))
    assert code == 1
    [line] = error_lines(out)
    assert "admin2Codes.txt: HTTP 404" in line
    assert "Traceback" not in out


def test_truncated_body_is_one_line_and_exit_1(server: DumpServer, tmp_path: Path) -> None:
    serve_iq(server, body=iq_zip(pad=64_000), cut_at=10_000, cuts_left=99, ignore_range=True)
    code, out = run_cli("IQ", "--base-url", server.url, "--cache-dir", str(tmp_path), "--retries", "1")
    assert code == 1
    [line] = error_lines(out)
    assert "IQ.zip: truncated body" in line and "(after 2 attempts)" in line
    assert "Traceback" not in out
    assert not (tmp_path / "IQ.zip").exists()


def test_bad_zip_is_one_line_and_exit_1(server: DumpServer, tmp_path: Path) -> None:
    serve_iq(server, body=b"<html>maintenance</html>" * 10)
    code, out = run_cli("IQ", "--base-url", server.url, "--cache-dir", str(tmp_path), "--no-import")
    assert code == 1
    [line] = error_lines(out)
    assert "IQ.zip: not a valid zip archive" in line
    assert not (tmp_path / "IQ.zip").exists() and not (tmp_path / "IQ.zip.part").exists()


def test_read_timeout_is_one_line_and_exit_1(server: DumpServer, tmp_path: Path) -> None:
    serve_iq(server, delay=1.0)
    code, out = run_cli(
        "IQ", "--base-url", server.url, "--cache-dir", str(tmp_path),
        "--read-timeout", "0.2", "--retries", "0", "--no-import",
    )  # fmt: skip
    assert code == 1
    [line] = error_lines(out)
    assert "IQ.zip: timed out" in line

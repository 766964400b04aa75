"""Bad inputs a new user hit in the second walk through issue 16 (docs/hardening-check.md, item 13)
that the corpus did not hold. Each failed before its fix: a traceback, a silent success, or a
secret written where others read it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from eventlens.cli import app

TEXT = "Gunmen killed three herders near Bama on Monday and stole cattle, local officials said.\n"


def _articles(db: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT source, reader_id FROM articles").fetchall()
    finally:
        con.close()


@pytest.mark.skipif(os.name != "posix", reason="file names as bytes are a POSIX matter")
def test_a_file_name_that_is_not_utf8_is_stored_once_and_named(tmp_path: Path, no_geocoder: None) -> None:
    """A Latin-1 file name (b'caf\\xe9.txt', copied from an old archive) reached the store as a
    lone surrogate: UnicodeEncodeError, a traceback, and the whole batch stopped."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "ok.txt").write_text(TEXT)
    with open(os.path.join(os.fsencode(d), b"caf\xe9.txt"), "w") as fh:
        fh.write("Rioters burned a police post in Jos on Sunday, witnesses said.\n")
    db = tmp_path / "s.db"
    first = CliRunner().invoke(app, ["ingest", str(d), "--db", str(db)])
    assert first.exception is None or isinstance(first.exception, SystemExit), repr(first.exception)
    assert first.exit_code == 0, first.output
    stored = _articles(db)
    assert len(stored) == 2
    assert any(src.endswith("caf\\xe9.txt") for src, _ in stored), stored  # the byte, shown
    again = CliRunner().invoke(app, ["ingest", str(d), "--db", str(db)])
    assert again.exit_code == 0 and "already ingested" in again.output, again.output
    assert len(_articles(db)) == 2


@pytest.mark.skipif(os.name != "posix", reason="file names as bytes are a POSIX matter")
def test_extract_names_a_non_utf8_file_in_its_error(tmp_path: Path, no_geocoder: None) -> None:
    with open(os.path.join(os.fsencode(tmp_path), b"vide\xe9.txt"), "w") as fh:
        fh.write("   \n")
    res = CliRunner().invoke(app, ["extract", str(tmp_path)])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert "vide\\xe9.txt: empty" in res.stderr, res.stderr


def _eventlens(args: list[str], preexec: Any) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, for what CliRunner cannot do (a closed standard
    output, a file size limit standing in for a full disk); ``preexec`` sets that up in the child."""
    return subprocess.run(
        [sys.executable, "-m", "eventlens", *args],
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=preexec,
        text=True,
        timeout=600,
        check=False,
    )


def _close_stdout() -> None:
    os.close(1)


@pytest.mark.skipif(os.name != "posix", reason="closing a descriptor in the child is POSIX")
@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["extract", "{d}/a.txt", "-f", "jsonl"], id="extract"),
        pytest.param(["places", "{d}/a.txt"], id="places"),
        pytest.param(["export", "-f", "jsonl", "--db", "{db}"], id="export"),
    ],
)
def test_a_closed_standard_output_is_one_line(args: list[str], tmp_path: Path, db: str) -> None:
    """`eventlens export -f jsonl >&-` (a cron line that closed it): AttributeError: 'NoneType'
    object has no attribute 'buffer', a traceback."""
    (tmp_path / "a.txt").write_text(TEXT)
    res = _eventlens([a.format(d=tmp_path, db=db) for a in args], _close_stdout)
    assert res.returncode == 2, res.stderr
    assert "Traceback" not in res.stderr
    assert (
        res.stderr.strip()
        .splitlines()[-1]
        .endswith(
            "standard output is closed; "
            + ("redirect it to a file" if args[0] == "places" else "give -o FILE or redirect it")
        )
    ), res.stderr


def _small_files() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (300, 300))  # Python ignores SIGXFSZ: writes fail


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_extract_output_that_cannot_be_written_is_one_line_and_no_half_file(fmt: str, tmp_path: Path) -> None:
    """A full disk under `extract -o` (here a file size limit, which fails writes the same way):
    OSError: [Errno 28] No space left on device, a traceback, and half a file left behind.
    `export -o` already said so in one line."""
    (tmp_path / "a.txt").write_text(TEXT)
    out = tmp_path / f"out.{fmt}"
    res = _eventlens(["extract", str(tmp_path / "a.txt"), "-f", fmt, "-o", str(out)], _small_files)
    assert "Traceback" not in res.stderr, res.stderr
    assert res.returncode == 1, res.stderr
    assert f"eventlens extract: cannot write {out}: File too large" in res.stderr
    assert not out.exists(), "no half-written file"


def test_a_feed_url_with_a_password_is_refused_without_echoing_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """`eventlens watch https://user:s3cret@host/rss` logged the password on every poll and kept
    it in the store's feed table (and never sent it: the fetcher connects without credentials)."""
    db = tmp_path / "w.db"
    res = CliRunner().invoke(
        app, ["watch", "https://user:s3cret@news.invalid/rss", "--db", str(db), "--once"]
    )
    assert res.exit_code == 2, res.output
    said = res.output + caplog.text  # the watcher speaks through logging
    assert "s3cret" not in said and "https://***@news.invalid/rss" in said, said
    assert not db.exists()


def test_a_url_given_as_a_path_is_named_without_its_password(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    res = CliRunner().invoke(app, ["ingest", "https://user:s3cret@news.example/a.html", "--db", str(db)])
    assert res.exit_code == 1 and "s3cret" not in res.output, res.output
    assert "https://***@news.example/a.html: a URL, not a file" in res.output
    con = sqlite3.connect(db)
    try:
        stored = con.execute("SELECT input, reason FROM failures").fetchall()
    finally:
        con.close()
    assert stored and not any("s3cret" in a + b for a, b in stored), stored


def _read_only(path: Path) -> bool:
    """Make ``path`` read-only for this process, root included (chattr +i); False if impossible."""
    import shutil

    if os.geteuid() != 0:
        path.chmod(0o444)
        return True
    chattr = shutil.which("chattr")
    return bool(chattr) and subprocess.run([chattr, "+i", str(path)], check=False).returncode == 0


def _writable_again(path: Path) -> None:
    import shutil

    if os.geteuid() == 0 and shutil.which("chattr"):
        subprocess.run([shutil.which("chattr") or "chattr", "-i", str(path)], check=False)
    path.chmod(0o644)


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["ingest", "{d}/a.txt", "--db", "{db}"], id="ingest"),
        pytest.param(
            ["edit", "{incident}", "--set", "fatalities=2", "--reason", "t", "--db", "{db}"], id="edit"
        ),
        pytest.param(["keys", "create", "--name", "me", "--db", "{db}"], id="keys-create"),
    ],
)
def test_a_read_only_database_is_one_line_and_loses_nothing(
    args: list[str], tmp_path: Path, db: str, no_geocoder: None
) -> None:
    """`eventlens ingest x --db archive.db` where archive.db is read-only (another user's file,
    a read-only share): sqlite3.OperationalError 'attempt to write a readonly database', a
    traceback (and for `edit`, status 0 after it)."""
    (tmp_path / "a.txt").write_text(TEXT)
    ro = tmp_path / "ro.db"
    src, con = sqlite3.connect(db), sqlite3.connect(ro)
    src.backup(con)  # the store's rows may still sit in its -wal file
    src.close()
    incident = con.execute("SELECT event_id_cnty FROM incidents LIMIT 1").fetchone()[0]
    before = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.execute("PRAGMA journal_mode=WAL")  # as the store leaves it, so that opening writes nothing
    con.close()
    if not _read_only(ro):
        pytest.skip("cannot make a file read-only here (no chattr for root)")
    try:
        res = CliRunner().invoke(app, [a.format(d=tmp_path, db=ro, incident=incident) for a in args])
    finally:
        _writable_again(ro)
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert res.exit_code == 2, res.output
    assert "read-only" in res.output, res.output
    con = sqlite3.connect(ro)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == before
    finally:
        con.close()


def test_the_api_says_a_read_only_store_refuses_writes(store: Any) -> None:
    """`eventlens serve --db` on a read-only file: reads work, but a correction was a 400 "the
    incident changed or went; fetch it again" (a retry cannot help). Now a 503 that says the
    database is read-only, without its location. (SQLite's query_only pragma refuses writes with
    the same SQLITE_READONLY a read-only file gives.)"""
    import api_data
    import sqlalchemy as sa

    from eventlens.api.keys import create_key
    from eventlens.store import schema as t

    secret = create_key(store, "tests")[1]
    with store.engine.connect() as conn:
        incident = conn.execute(sa.select(t.incidents.c.event_id_cnty).limit(1)).scalar_one()

    @sa.event.listens_for(store.engine, "connect")
    def _query_only(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA query_only=ON")

    store.engine.dispose()
    with api_data.make_client(store) as client:
        assert client.get("/api/v1/incidents").status_code == 200
        res = client.post(
            f"/api/v1/incidents/{incident}/corrections",
            json={"changes": {"fatalities": 4}, "reason": "t"},
            headers={"X-API-Key": secret},
        )
    assert res.status_code == 503, res.text
    detail = res.json()["detail"]
    assert "read-only" in detail and ".db" not in detail and "sqlite" not in detail.lower(), detail


def test_a_linked_directory_inside_a_folder_is_named_once_not_followed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A link loop through directories (inner/up -> ..) ended the walk, but silently: a folder
    linked into the input folder was skipped without a word. Now one line names it."""
    from eventlens.read import read_paths
    from eventlens.types import Article

    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "story.txt").write_text(TEXT)
    (inner / "up").symlink_to("..")
    with caplog.at_level("WARNING", logger="eventlens.read.paths"):
        out = list(read_paths([str(tmp_path)]))
    assert [a.id for a in out if isinstance(a, Article)] == ["inner/story.txt"]
    said = [r.getMessage() for r in caplog.records]
    assert len(said) == 1 and said[0].startswith(f"{inner / 'up'}: a link to a directory"), said


def test_ingest_names_a_fifo_in_a_folder_as_extract_does(tmp_path: Path, no_geocoder: None) -> None:
    """extract said 'a named pipe (FIFO), not a regular file; skipped'; ingest (which reads the
    folder's files one by one) said only 'not a regular file or directory'."""
    d = tmp_path / "in"
    d.mkdir()
    os.mkfifo(d / "pipe.txt")
    (d / "ok.txt").write_text(TEXT)
    res = CliRunner().invoke(app, ["ingest", str(d), "--db", str(tmp_path / "s.db")])
    assert res.exit_code == 1, res.output
    assert f"{d / 'pipe.txt'}: a named pipe (FIFO), not a regular file; skipped" in res.output, res.output


def test_a_database_server_that_refuses_is_one_line() -> None:
    """psycopg's 'connection refused' spans two lines ('Is the server running on that host...')."""
    from eventlens.errors import StoreError
    from eventlens.store import open as open_store

    with pytest.raises(StoreError) as info:
        open_store("postgresql://nobody@127.0.0.1:9/none?connect_timeout=3")
    assert "\n" not in str(info.value), str(info.value)


def test_the_ingest_summary_does_not_count_failed_inputs_as_articles(
    tmp_path: Path, no_geocoder: None
) -> None:
    """'162 articles: 96 new, 64 already stored ... 2 failures' for 160 articles and 2 bad files."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(TEXT)
    (d / "b.txt").write_text("Police arrested 12 protesters in Kano on Wednesday, officials said.\n")
    (d / "empty.txt").write_text("")
    res = CliRunner().invoke(app, ["ingest", str(d), "--db", str(tmp_path / "s.db")])
    said = " ".join(res.stderr.split())
    assert res.exit_code == 1 and "3 inputs: 2 new, 0 already stored" in said and "1 failures" not in said, (
        said
    )


@pytest.mark.parametrize("changes", [{"fatalities": "3"}, {"latitude": "33.3", "longitude": 44.4}])
def test_a_correction_takes_numbers_not_strings_of_digits(store: Any, changes: dict[str, Any]) -> None:
    """The API stored {"fatalities": "3"} as 3 where `eventlens edit --set 'fatalities="3"'`
    refuses it ("give a whole number"): the same correction, two answers."""
    import api_data
    import sqlalchemy as sa

    from eventlens.api.keys import create_key
    from eventlens.store import schema as t

    secret = create_key(store, "tests")[1]
    with store.engine.connect() as conn:
        incident = conn.execute(sa.select(t.incidents.c.event_id_cnty).limit(1)).scalar_one()
    with api_data.make_client(store) as client:
        res = client.post(
            f"/api/v1/incidents/{incident}/corrections",
            json={"changes": changes, "reason": "t"},
            headers={"X-API-Key": secret},
        )
    assert res.status_code == 422, res.text
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(t.corrections)).scalar_one() == 0


@pytest.mark.parametrize(
    "url, ok",
    [
        pytest.param("http://[1:]/x", False, id="not-an-address"),
        pytest.param("http://[1.2]/", False, id="dotted-not-ipv6"),
        pytest.param("http://[:::]/", False, id="three-colons"),
        pytest.param("http://[::1]/x", True, id="loopback"),
        pytest.param("https://[2001:db8::1]:8443/a?b", True, id="with-port"),
        pytest.param("http://[1:2:3:4:5:6:7:8]/", True, id="full"),
    ],
)
def test_a_posted_url_in_brackets_must_be_an_ipv6_address(url: str, ok: bool) -> None:
    """POST /articles took and echoed "http://[1:]/x" (the pattern admitted any hex digits,
    colons and dots in brackets), which Python's urlsplit cannot split: Schemathesis's own run
    stopped on it. The pattern (the API's rule and the OpenAPI document's) now takes IPv6
    addresses only."""
    from pydantic import ValidationError

    from eventlens.api.schemas import ArticleIn

    if ok:
        assert ArticleIn.model_validate({"text": "x", "url": url}).url == url
    else:
        with pytest.raises(ValidationError):
            ArticleIn.model_validate({"text": "x", "url": url})

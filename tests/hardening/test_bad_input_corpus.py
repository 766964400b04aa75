# ruff: noqa: E501  (the corpus reads best one kind to a line)
"""The bad-input corpus (issue 16, Done-when): every kind of broken input or mistaken command
line, run through the real CLI. For each: no traceback, the right exit status (1 an input failed,
2 bad usage), nothing stored for the bad input; and every good input is stored exactly once, even
when ingested twice or beside the bad ones."""

from __future__ import annotations

import codecs
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from eventlens.cli import app
from eventlens.store import schema as t

GOOD_TEXT = "Gunmen killed three herders near Bama on Monday and stole cattle, local officials said.\n"


def _good(d: Path) -> int:
    """Good inputs of every format; returns how many articles they hold."""
    d.mkdir(parents=True, exist_ok=True)
    (d / "plain.txt").write_text(GOOD_TEXT)
    (d / "page.html").write_text(
        '<html><head><meta property="og:site_name" content="Lake Post"><title>Market raid</title></head>'
        "<body><article><p>Militants raided a market in Monguno on Tuesday, killing two traders, "
        "witnesses said.</p></article></body></html>"
    )
    (d / "one.json").write_text(
        json.dumps({"id": "j1", "text": "Police arrested 12 protesters in Kano on Wednesday."})
    )
    (d / "two.jsonl").write_text(
        json.dumps({"id": "l1", "text": "Soldiers clashed with rebels near Dikwa on Thursday."})
        + "\n"
        + json.dumps({"id": "l2", "text": "Students marched peacefully in Zaria on Friday over fees."})
        + "\n"
    )
    (d / "NOTES").write_text("Bandits abducted nine farmers near Gusau on Saturday, police said.\n")
    (d / "bom.txt").write_bytes(codecs.BOM_UTF8 + b"Rioters burned a police post in Jos on Sunday.")
    (d / "latin.txt").write_bytes(
        "Vigilantes attacked a café in Yola on Monday, said police.".encode("cp1252")
    )
    # a file name that is not UTF-8 (an old Latin-1 archive): was a traceback in the store
    with open(os.path.join(os.fsencode(d), b"r\xe9sum\xe9.txt"), "wb") as fh:
        fh.write(b"Soldiers fired on protesters in Bauchi on Tuesday, killing two, witnesses said.")
    return 9


@dataclass(frozen=True)
class Kind:
    """One kind of bad input: files to write (name -> bytes, or a callable making it), the
    command line (``{d}`` the input folder, ``{db}`` the store), and the exit status expected."""

    files: dict[str, Any]
    argv: tuple[str, ...]
    code: int
    needs_store: bool = False  # a store with the good inputs in it exists before the command


def _fifo(p: Path) -> None:
    os.mkfifo(p)


def _dangling(p: Path) -> None:
    os.symlink(p.parent / "gone.txt", p)


def _loop(p: Path) -> None:
    os.symlink(p.parent / f"{p.name}.other", p)
    os.symlink(p, p.parent / f"{p.name}.other")


def _zip(p: Path) -> None:
    import zipfile

    with zipfile.ZipFile(p, "w") as z:
        z.writestr("story.txt", GOOD_TEXT)


def _future(days: int) -> str:
    from datetime import timedelta

    from eventlens.clock import utcnow

    return (utcnow() + timedelta(days=days)).strftime("%Y-%m-%d")


INGEST = ("ingest", "{d}", "--db", "{db}")
KINDS: dict[str, Kind] = {
    # inputs that cannot be read: exit 1, recorded as failures, nothing stored
    "empty-file": Kind({"e.txt": b""}, INGEST, 1),
    "only-whitespace": Kind({"w.txt": b" \n\t\r\n "}, INGEST, 1),
    "png-named-txt": Kind(
        {"i.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4}, INGEST, 1
    ),
    "nul-bytes": Kind({"n.txt": b"Rebels attacked\x00 a base\x00\x00 in the north."}, INGEST, 1),
    "gzip-named-txt": Kind(
        {"g.txt": b"\x1f\x8b\x08\x00" + bytes((i * 37) % 256 for i in range(400))}, INGEST, 1
    ),
    "utf16-without-bom": Kind({"u.txt": "Rebels attacked a base".encode("utf-16-le")[:-1]}, INGEST, 1),
    "truncated-html": Kind({"t.html": b"<html><head><title>Breaking: attack"}, INGEST, 1),
    "scripts-only-html": Kind(
        {"s.html": b"<html><body><script>var a = 1;</script><style>p{}</style></body></html>"}, INGEST, 1
    ),
    "malformed-json": Kind({"m.json": b"{not json"}, INGEST, 1),
    "json-number": Kind({"n.json": b"42"}, INGEST, 1),
    "json-list-of-numbers": Kind({"l.json": b"[1, 2]"}, INGEST, 1),
    "json-record-without-text": Kind({"r.json": b'{"id": "x", "title": "no body"}'}, INGEST, 1),
    "json-record-empty-text": Kind({"r.json": b'{"id": "x", "text": "   "}'}, INGEST, 1),
    "jsonl-bad-line": Kind({"b.jsonl": b"{broken\n"}, INGEST, 1),
    # a record's own publication time is held to --published's rule (from 1900 to a day ahead)
    "json-published-year-1503": Kind(
        {"p.json": b'{"id": "p", "text": "Rebels shelled Gao on Monday.", "published": "1503-06-01"}'},
        INGEST,
        1,
    ),
    "jsonl-published-year-9999": Kind(
        {
            "p.jsonl": b'{"id": "p", "text": "Rebels shelled Gao on Monday.", "published": "9999-01-01T00:00Z"}\n'
        },
        INGEST,
        1,
    ),
    "jsonl-published-not-a-date": Kind(
        {"p.jsonl": b'{"id": "p", "text": "Rebels shelled Gao on Monday.", "published": "soon"}\n'}, INGEST, 1
    ),
    "json-nested-too-deep": Kind({"deep.json": b"[" * 200_000}, INGEST, 1),
    # one article longer than the per-article limit (pipeline.MAX_TEXT_CHARS, also the API's), in a
    # file under --max-bytes: refused with its length, before any parsing (issue 16 item 4)
    "text-over-the-article-limit": Kind(
        {"long.txt": b"Rebels shelled the northern town again on Monday, residents said.\n\n" * 30_000},
        INGEST,
        1,
    ),
    "over-max-bytes": Kind({"big.txt": GOOD_TEXT.encode() * 50}, (*INGEST, "--max-bytes", "1000"), 1),
    "not-english": Kind(
        {
            "fr.txt": "Des milliers de manifestants ont défilé samedi à Lyon contre la réforme des retraites, selon la préfecture.".encode()
        },
        INGEST,
        1,
    ),
    "bad-encoding-name": Kind(
        {"x.txt": GOOD_TEXT.encode()}, ("extract", "{d}", "--encoding", "no-such-codec"), 1
    ),
    "missing-path": Kind({}, ("ingest", "{d}/nothing-here.txt", "--db", "{db}"), 1),
    "fifo-named-directly": Kind({"p.txt": _fifo}, ("ingest", "{d}/p.txt", "--db", "{db}"), 1),
    "fifo-in-a-directory": Kind({"p.txt": _fifo}, ("extract", "{d}"), 1),
    "dangling-link-in-a-directory": Kind({"l.txt": _dangling}, INGEST, 1),
    "no-extension-binary": Kind({"core": bytes(range(256)) * 8}, INGEST, 1),
    # mistaken command lines: exit 2, nothing stored, no store created
    "max-bytes-negative": Kind({"x.txt": GOOD_TEXT.encode()}, (*INGEST, "--max-bytes", "-5"), 2),
    "max-bytes-zero": Kind({"x.txt": GOOD_TEXT.encode()}, ("extract", "{d}", "--max-bytes", "0"), 2),
    "unknown-input-format": Kind({"x.txt": GOOD_TEXT.encode()}, (*INGEST, "--input-format", "pdf"), 2),
    "unknown-output-format": Kind({"x.txt": GOOD_TEXT.encode()}, ("extract", "{d}", "-f", "xml"), 2),
    "published-not-a-date": Kind(
        {"x.txt": GOOD_TEXT.encode()}, ("extract", "{d}", "--published", "last Tuesday"), 2
    ),
    "output-into-missing-dir": Kind(
        {"x.txt": GOOD_TEXT.encode()}, ("extract", "{d}", "-o", "{d}/no/such/out.json"), 2
    ),
    "output-onto-a-directory": Kind({"x.txt": GOOD_TEXT.encode()}, ("extract", "{d}", "-o", "{d}"), 2),
    "db-not-a-database": Kind(
        {"x.txt": GOOD_TEXT.encode(), "fake.db": b"just some text, not SQLite\n" * 10},
        ("ingest", "{d}/x.txt", "--db", "{d}/fake.db"),
        2,
    ),
    "export-mistyped-db": Kind({}, ("export", "-f", "jsonl", "--db", "{d}/typo.db"), 2),
    "export-into-missing-dir": Kind(
        {}, ("export", "-f", "acled-csv", "--db", "{db}", "-o", "{d}/no/x.csv"), 2, True
    ),
    "export-bad-bbox": Kind({}, ("export", "-f", "geojson", "--db", "{db}", "--bbox", "1,2,3"), 2, True),
    "export-bad-date": Kind(
        {}, ("export", "-f", "jsonl", "--db", "{db}", "--date-from", "2021-13-01"), 2, True
    ),
    "export-parquet-to-stdout": Kind({}, ("export", "-f", "parquet", "--db", "{db}"), 2, True),
    "edit-type-not-in-taxonomy": Kind(
        {}, ("edit", "{incident}", "--set", 'event_type="Picnic"', "--reason", "t", "--db", "{db}"), 2, True
    ),
    "edit-negative-fatalities": Kind(
        {}, ("edit", "{incident}", "--set", "fatalities=-5", "--reason", "t", "--db", "{db}"), 2, True
    ),
    "edit-sub-type-of-another-type": Kind(
        {},
        ("edit", "{incident}", "--set", "sub_event_type=Agreement", "--reason", "t", "--db", "{db}"),
        2,
        True,
    ),
    "edit-not-editable": Kind(
        {}, ("edit", "{incident}", "--set", "source_count=9", "--reason", "t", "--db", "{db}"), 2, True
    ),
    "edit-no-such-incident": Kind(
        {}, ("edit", "ZZZ9999999", "--set", "fatalities=1", "--reason", "t", "--db", "{db}"), 2, True
    ),
    # files named directly that hold no article we can read, links that lead nowhere, URLs as paths
    "csv-named-directly": Kind(
        {"events.csv": b"date,place,killed\n2021-01-04,Gombe,4\n"},
        ("ingest", "{d}/events.csv", "--db", "{db}"),
        1,
    ),
    "pdf-named-directly": Kind({"r.pdf": b"%PDF-1.4\n" + GOOD_TEXT.encode()}, ("extract", "{d}/r.pdf"), 1),
    "gzip-named-directly": Kind(
        {"s.txt.gz": __import__("gzip").compress(GOOD_TEXT.encode())},
        ("ingest", "{d}/s.txt.gz", "--db", "{db}"),
        1,
    ),
    "zip-named-directly": Kind({"s.zip": _zip}, ("extract", "{d}/s.zip"), 1),
    "image-named-directly": Kind({"p.JPG": b"\xff\xd8\xff\xe0" + bytes(64)}, ("extract", "{d}/p.JPG"), 1),
    "symlink-loop-named-directly": Kind({"loop.txt": _loop}, ("ingest", "{d}/loop.txt", "--db", "{db}"), 1),
    "symlink-loop-in-a-directory": Kind({"loop.txt": _loop}, INGEST, 1),
    "dangling-link-named-directly": Kind({"l.txt": _dangling}, ("extract", "{d}/l.txt"), 1),
    "url-given-as-a-path": Kind({}, ("ingest", "https://news.example/2021/attack.html", "--db", "{db}"), 1),
    # wire brief / record shapes that are not articles
    "json-text-not-a-string": Kind({"r.json": b'{"id": "x", "text": 42}'}, INGEST, 1),
    "json-list-of-empty-records": Kind(
        {"l.json": b'[{"id": "a", "text": ""}, {"id": "b", "html": " "}]'}, INGEST, 1
    ),
    "jsonl-only-bad-lines-reingested": Kind({"b.jsonl": b"{broken\n[1, 2]\n"}, INGEST, 1, True),
    "wrong-forced-encoding": Kind(
        {"x.txt": "Rebels attacked a café in Gao, killing two.".encode()},
        ("extract", "{d}", "--encoding", "ascii"),
        1,
    ),
    "stdin-empty": Kind({}, ("extract", "-"), 1),
    # mistaken command lines (continued)
    "published-in-the-future": Kind(
        {"x.txt": GOOD_TEXT.encode()}, ("extract", "{d}", "--published", _future(3)), 2
    ),
    "published-before-1900": Kind(
        {"x.txt": GOOD_TEXT.encode()}, ("extract", "{d}", "--published", "1850-06-01"), 2
    ),
    "published-year-typo": Kind(
        {"x.txt": GOOD_TEXT.encode()}, ("extract", "{d}", "--published", "0021-10-31"), 2
    ),
    "max-bytes-not-a-number": Kind(
        {"x.txt": GOOD_TEXT.encode()}, ("extract", "{d}", "--max-bytes", "lots"), 2
    ),
    "output-under-a-file": Kind(
        {"x.txt": GOOD_TEXT.encode()}, ("extract", "{d}", "-o", "{d}/x.txt/out.json"), 2
    ),
    "db-url-of-an-unknown-kind": Kind(
        {"x.txt": GOOD_TEXT.encode()}, ("ingest", "{d}/x.txt", "--db", "mysql://h/x"), 2
    ),
    "export-unknown-format": Kind({}, ("export", "-f", "xml", "--db", "{db}"), 2, True),
    "edit-impossible-date": Kind(
        {},
        ("edit", "{incident}", "--set", 'event_date="2021-02-30"', "--reason", "t", "--db", "{db}"),
        2,
        True,
    ),
    "edit-geo-precision-out-of-range": Kind(
        {}, ("edit", "{incident}", "--set", "geo_precision=7", "--reason", "t", "--db", "{db}"), 2, True
    ),
    "edit-latitude-out-of-range": Kind(
        {}, ("edit", "{incident}", "--set", "latitude=95", "--reason", "t", "--db", "{db}"), 2, True
    ),
    "edit-without-a-reason": Kind(
        {}, ("edit", "{incident}", "--set", "fatalities=1", "--db", "{db}"), 2, True
    ),
    "keys-create-blank-name": Kind({}, ("keys", "create", "--name", " ", "--db", "{db}"), 2, True),
    "serve-port-out-of-range": Kind({}, ("serve", "--db", "{db}", "--port", "70000"), 2, True),
    "watch-not-a-url": Kind({}, ("watch", "feeds.example/rss", "--db", "{db}", "--once"), 2, True),
    "watch-no-feeds": Kind({}, ("watch", "--db", "{db}", "--once"), 2, True),
    # second walk through issue 16 (docs/hardening-check.md item 13)
    "html-zero-bytes": Kind({"z.html": b""}, INGEST, 1),
    "jsonl-line-is-a-json-array": Kind(
        {"a.jsonl": b'[{"id": "a", "text": "Rebels shelled Gao on Monday."}]\n'}, INGEST, 1
    ),
    "jsonl-blank-lines-only": Kind({"b.jsonl": b"\n\n   \n"}, INGEST, 1),
    "jsonl-published-impossible-day": Kind(
        {"p.jsonl": b'{"id": "p", "text": "Rebels shelled Gao on Monday.", "published": "2024-02-30"}\n'},
        INGEST,
        1,
    ),
    "json-published-a-number": Kind(
        {"p.json": b'{"id": "p", "text": "Rebels shelled Gao on Monday.", "published": 1635672060}'},
        INGEST,
        1,
    ),
    "url-with-credentials-given-as-a-path": Kind(
        {}, ("ingest", "https://user:s3cret@news.example/a.html", "--db", "{db}"), 1
    ),
    "watch-feed-url-with-credentials": Kind(
        {}, ("watch", "https://user:s3cret@news.example/rss", "--db", "{db}", "--once"), 2, True
    ),
    "keys-mistyped-db": Kind({}, ("keys", "list", "--db", "{d}/typo.db"), 2),
    "serve-mistyped-db": Kind({}, ("serve", "--db", "{d}/typo.db"), 2),
}


def _counts(db: Path) -> tuple[int, int]:
    """(articles, corrections) in the store at ``db`` (0, 0 when there is none)."""
    if not db.exists():
        return 0, 0
    eng = sa.create_engine(f"sqlite:///{db}")
    try:
        with eng.connect() as conn:
            arts = conn.execute(sa.select(sa.func.count()).select_from(t.articles)).scalar_one()
            corr = conn.execute(sa.select(sa.func.count()).select_from(t.corrections)).scalar_one()
    finally:
        eng.dispose()
    return arts, corr


def _run(argv: list[str]) -> Any:
    res = CliRunner().invoke(app, argv)
    assert "Traceback" not in res.output, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    return res


def test_the_corpus_has_at_least_30_kinds() -> None:
    assert len(KINDS) >= 60


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A store holding the good inputs (for the kinds that need one), and their article count."""
    import eventlens

    d = tmp_path_factory.mktemp("seed")
    n = _good(d / "good")
    old = eventlens._default
    eventlens._default = eventlens.Pipeline(geocoder=False)
    try:
        res = _run(["ingest", str(d / "good"), "--db", str(d / "seed.db")])
    finally:
        eventlens._default = old
    assert res.exit_code == 0, res.output
    return d / "seed.db", n


@pytest.mark.parametrize("name", sorted(KINDS))
def test_bad_input(name: str, tmp_path: Path, no_geocoder: None, seeded: tuple[Path, int]) -> None:
    import shutil

    kind = KINDS[name]
    d = tmp_path / "in"
    d.mkdir()
    for fname, data in kind.files.items():
        if callable(data):
            data(d / fname)
        else:
            (d / fname).write_bytes(data)
    db = tmp_path / "store.db"
    before = (0, 0)
    incident = "NONE"
    if kind.needs_store:
        shutil.copy(seeded[0], db)
        before = _counts(db)
        eng = sa.create_engine(f"sqlite:///{db}")
        with eng.connect() as conn:
            incident = conn.execute(sa.select(t.incidents.c.event_id_cnty).limit(1)).scalar_one()
        eng.dispose()
    argv = [a.format(d=d, db=db, incident=incident) for a in kind.argv]
    res = _run(argv)
    assert res.exit_code == kind.code, (name, res.output)
    assert res.stderr.strip(), "a refusal says why"
    assert _counts(db) == before, "nothing stored for a bad input"
    if kind.code == 2 and not kind.needs_store:
        assert not db.exists(), "bad usage creates no store"


def test_good_inputs_are_stored_once_beside_the_bad_ones(tmp_path: Path, no_geocoder: None) -> None:
    d = tmp_path / "in"
    n = _good(d)
    for name in (
        "empty-file",
        "png-named-txt",
        "malformed-json",
        "no-extension-binary",
        "dangling-link-in-a-directory",
    ):
        for fname, data in KINDS[name].files.items():
            if callable(data):
                data(d / f"bad-{fname}")
            else:
                (d / f"bad-{fname}").write_bytes(data)
    db = tmp_path / "s.db"
    first = _run(["ingest", str(d), "--db", str(db)])
    assert first.exit_code == 1, first.output
    assert _counts(db)[0] == n
    again = _run(["ingest", str(d), "--db", str(db)])
    assert again.exit_code == 1 and _counts(db)[0] == n  # the bad ones fail again; nothing doubled
    eng = sa.create_engine(f"sqlite:///{db}")
    with eng.connect() as conn:
        docs = conn.execute(sa.select(t.articles.c.source, t.articles.c.reader_id)).all()
    eng.dispose()
    assert len(docs) == len(set(docs)) == n

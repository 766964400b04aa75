"""Bad input: many kinds of broken input ingested together with good articles.

Every good article must be stored, every bad input recorded in ``failures`` with its stage and a
reason that says what is wrong, and the exit status must be 1. The real extractor runs (on four
short articles), so the language check and the store's own guards are exercised end to end.
"""

from __future__ import annotations

import codecs
import io
import json
import os
from pathlib import Path

import sqlalchemy as sa
from rich.console import Console

from eventlens import store as store_mod
from eventlens.jobs.files import ingest_paths
from eventlens.store import schema as t

GOOD = "Gunmen killed three civilians in the village of Kaduna on Monday, police said. The attackers fled."
#: The refusal limit passed to ingest; huge.txt is one byte over it.
MAX_BYTES = 300_000


def _good(d: Path) -> set[str]:
    """Good inputs; returns the ``source`` each is stored under."""
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "good.html").write_text(
        "<html><head><title>Clash in Sokoto</title></head><body><article><p>"
        + GOOD.replace("Kaduna", "Sokoto").replace("three", "five")
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    (d / "good.json").write_text(json.dumps({"id": "gj", "text": GOOD.replace("Monday", "Tuesday")}))
    return {str(d / "good.txt"), str(d / "good.html"), str(d / "good.json"), str(d / "mixed.jsonl")}


def _bad(d: Path) -> dict[str, tuple[str, str]]:
    """One file (or line) per kind of broken input; returns failure input -> (stage, reason fragment)."""
    w = {}

    def put(name: str, data: bytes, stage: str, reason: str, where: tuple[str, ...] = ("",)) -> None:
        """``where``: the suffixes the failures carry (a JSON list fails per element, JSON per line)."""
        (d / name).write_bytes(data)
        for suffix in where:
            w[f"{d / name}{suffix}"] = (stage, reason)

    put("empty.txt", b"", "read", "empty")
    put("blank.txt", b"  \n\t \r\n", "read", "empty")
    put("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "read", "binary")
    put("nul-bytes.txt", b"Rebels attacked\x00 a base\x00\x00 in the north.", "read", "binary")
    put("gzip.txt", b"\x1f\x8b\x08\x00" + bytes((i * 37) % 256 for i in range(400)), "read", "binary")
    put("utf16-no-bom.txt", "Rebels attacked a base".encode("utf-16-le")[:-1], "read", "binary")
    put("utf32-bom-lies.txt", codecs.BOM_UTF32_LE + b"Rebels attacked", "read", "byte-order mark")
    put("truncated.html", b"<html><head><title>Breaking: attack", "read", "no readable text")
    put(
        "scripts-only.html",
        b"<html><body><script>var a=1;</script></body></html>",
        "read",
        "no readable text",
    )
    put("truncated.json", b'{"id": "t", "text": "Rebels att', "read", "malformed JSON", (":1",))
    put(
        "not-records.json",
        b'[1, "a string", null]',
        "read",
        "where a record was expected",
        ("[0]", "[1]", "[2]"),
    )
    put("nested.json", b"[" * 50_000 + b"]" * 50_000, "read", "could not be read as json")
    put(
        "html-field-empty.json",
        json.dumps({"id": "h", "html": "<p></p><script>x</script>"}).encode(),
        "read",
        "no readable text",
    )
    put(
        "surrogate.json",
        b'{"id": "s", "text": "Rebels \\ud800 attacked a base in Kaduna."}',
        "read",
        "cannot be encoded",
    )
    put(
        "french.txt",
        "Des hommes armés ont tué trois civils dans le village de Kaduna lundi, selon la police. "
        "Les assaillants se sont enfuis vers la forêt voisine.".encode(),
        "language",
        "not English",
    )
    put(
        "arabic.txt",
        (
            "قتل مسلحون ثلاثة مدنيين في قرية قرب كادونا يوم الاثنين، بحسب الشرطة. وفر المهاجمون إلى الغابة."
        ).encode(),
        "language",
        "not English",
    )
    put("huge.txt", (GOOD + " ").encode() * (MAX_BYTES // len(GOOD) + 1), "read", "--max-bytes")
    # JSON Lines: one good record and five broken lines, each its own failure.
    lines = [
        json.dumps({"id": "ok", "text": GOOD.replace("three", "four")}),
        '{"id": "broken", "text": "abc',
        "[1, 2]",
        json.dumps({"id": "no-text", "title": "a title only"}),
        json.dumps({"id": "wrong-type", "text": 42}),
        json.dumps({"id": "empty-text", "text": "   "}),
    ]
    (d / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for i, reason in enumerate(
        ["malformed JSON line", "where a record was expected", 'no "text"', 'no "text"', "empty text"],
        start=2,
    ):
        w[f"{d / 'mixed.jsonl'}:{i}"] = ("read", reason)
    os.symlink(d / "gone.txt", d / "dangling-link.txt")
    w[str(d / "dangling-link.txt")] = ("read", "broken symbolic link")
    os.mkfifo(d / "fifo.txt")  # must be refused, not opened (opening a FIFO blocks)
    w[str(d / "fifo.txt")] = ("read", "not a regular file")
    w[str(d / "missing-arg.txt")] = ("read", "no such file")  # passed on the command line, never created
    return w


def test_broken_inputs_are_failures_and_good_ones_are_stored(db_url, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    good = _good(d)
    bad = _bad(d)
    kinds = {k.split(":")[0].split("[")[0] if k != str(d / "mixed.jsonl") else k for k in bad}
    kinds |= {k for k in bad if "mixed.jsonl" in k}  # each broken line is its own kind
    assert len(bad) >= 20 and len(kinds) >= 19, "the test should cover 20 kinds of broken input"

    out = io.StringIO()
    rc = ingest_paths(
        db_url,
        [str(d), str(d / "missing-arg.txt")],
        max_bytes=MAX_BYTES,
        console=Console(file=out, width=200),
    )
    assert rc == 1, out.getvalue()

    with store_mod.open(db_url) as s, s.engine.connect() as conn:
        stored = {r.source for r in conn.execute(sa.select(t.articles.c.source))}
        failures = {
            r.input: (r.stage, r.reason)
            for r in conn.execute(sa.select(t.failures.c.input, t.failures.c.stage, t.failures.c.reason))
        }
        n_fail = conn.execute(sa.select(sa.func.count()).select_from(t.failures)).scalar_one()
    assert stored == good
    assert n_fail == len(bad), "each bad input is recorded exactly once"
    for name, (stage, fragment) in bad.items():
        assert name in failures, f"{name} not in failures: {sorted(failures)}"
        got_stage, reason = failures[name]
        assert got_stage == stage and fragment in reason, f"{name}: {got_stage}: {reason}"
    assert f"{len(bad)} inputs failed" in out.getvalue()


def test_rerun_after_bad_input_stores_nothing_twice(db_url, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    good = _good(d) - {str(d / "mixed.jsonl")}  # written by _bad only
    (d / "empty.txt").write_bytes(b"")
    assert ingest_paths(db_url, [str(d)], console=Console(file=io.StringIO())) == 1
    (d / "empty.txt").write_text(GOOD.replace("Kaduna", "Zaria"), encoding="utf-8")  # the user fixes it
    assert ingest_paths(db_url, [str(d)], console=Console(file=io.StringIO())) == 0
    with store_mod.open(db_url) as s, s.engine.connect() as conn:
        sources = list(conn.execute(sa.select(t.articles.c.source)).scalars())
    assert sorted(sources) == sorted(good | {str(d / "empty.txt")})

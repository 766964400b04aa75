"""Readers: each format, each kind of bad input, directories and stdin."""

from __future__ import annotations

import io
import json
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from eventlens.errors import InputError
from eventlens.read import read_html, read_paths, read_text
from eventlens.types import Article

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
STORY = (
    "Gunmen attacked a police station in the town on Monday night, killing three officers, "
    "a local official said. The attackers fled before reinforcements arrived."
)


def only(items: list[Article | InputError]) -> Article | InputError:
    assert len(items) == 1, items
    return items[0]


def read_one(path: Path, **kw: object) -> Article | InputError:
    return only(list(read_paths([str(path)], **kw)))  # type: ignore[arg-type]


def test_read_text_takes_first_line_as_title() -> None:
    text = f"\n  Three police officers killed in attack\n\n{STORY}\n"
    art = read_text(text, id="a.txt")
    assert art.title == "Three police officers killed in attack"
    assert art.title_span is not None
    assert text[art.title_span.start : art.title_span.end] == art.title
    assert art.text == text
    assert art.language == "en"


def test_read_text_no_title_when_first_line_is_a_paragraph() -> None:
    assert read_text(STORY, id="a").title is None


def test_read_text_given_title_wins() -> None:
    art = read_text(
        f"Headline here\n\n{STORY}", id="a", title="Headline here", published=datetime(2022, 1, 2, 10, 30)
    )
    assert art.title_span is not None and art.title_span.start == 0
    assert art.published_precision == "minute"


def test_read_html_strips_script_and_keeps_minute_precision() -> None:
    raw = (PAGES / "nav-footer.html").read_bytes()
    art = read_html(raw, id="nav-footer.html")
    assert "MUST-NOT-APPEAR" not in art.text
    assert "trackingSecret" not in art.text
    assert art.title == "Airstrike hits market in Yemen's Saada province"
    assert art.published == datetime(2022, 1, 21, 8, 45)  # +03:00 dropped: the time as printed
    assert art.published_precision == "minute"
    assert "An airstrike hit a busy market" in art.text
    assert art.input_format == "html"


def test_read_html_json_ld_date() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2020-10-05T16:30:00-04:00"}</script></head>'
        f"<body><article><h1>Police station attacked</h1><p>{STORY}</p></article></body></html>"
    )
    art = read_html(html, id="x")
    assert art.published == datetime(2020, 10, 5, 16, 30)
    assert STORY.split(".")[0] in art.text
    assert "NewsArticle" not in art.text


@pytest.mark.parametrize(
    ("meta", "time", "expected"),
    [
        ("0001-01-01T00:00:00", "2020-10-05T16:30", datetime(2020, 10, 5, 16, 30)),  # a CMS placeholder
        ("1503-06-01T10:00:00Z", "", None),
        ("9999-06-01T10:00:00Z", "2021-03-02", datetime(2021, 3, 2)),
        ("9999-06-01T10:00:00Z", "", None),
    ],
)
def test_a_page_date_that_cannot_be_its_publication_is_passed_over(
    meta: str, time: str, expected: datetime | None
) -> None:
    # it was taken: every event of the page was dated in year 1 or 9999 (issue 16, as --published)
    stamp = f'<time datetime="{time}">then</time>' if time else ""
    html = (
        f'<html><head><meta property="article:published_time" content="{meta}"></head>'
        f"<body><article><h1>Police station attacked</h1><p>{STORY}</p>{stamp}</article></body></html>"
    )
    assert read_html(html, id="x").published == expected


def test_truncated_html_still_reads_what_is_there() -> None:
    html = f"<html><head><title>Attack</title></head><body><div><p>{STORY}</p><p>Officials said the town was calm on Tuesd"
    art = read_html(html, id="cut.html")
    assert "Gunmen attacked a police station" in art.text


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        pytest.param("plain-no-boilerplate.txt", "text", id="text"),
        pytest.param("nav-footer.html", "html", id="html"),
    ],
)
def test_read_paths_single_file(name: str, fmt: str) -> None:
    art = read_one(PAGES / name)
    assert isinstance(art, Article)
    assert art.id == name
    assert art.source == str(PAGES / name)
    assert art.input_format == fmt


def test_directory_recursion_sorted_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "two.txt").write_text(f"Two\n\n{STORY}")
    (tmp_path / "a.md").write_text(f"One\n\n{STORY}")
    (tmp_path / ".secret.txt").write_text(STORY)
    (tmp_path / ".hidden" / "x.txt").write_text(STORY)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "j1", "text": STORY}) + "\n")
    got = list(read_paths([str(tmp_path)]))
    assert [a.id for a in got if isinstance(a, Article)] == ["a.md", "b/two.txt", "j1"]
    assert not [a for a in got if isinstance(a, InputError)]


def test_jsonl_malformed_line_reported_and_rest_read(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok-1", "text": STORY, "title": "T", "published": "2021-10-31T09:21:00Z"}),
        '{"id": "broken", "text": "unterminated',
        "",
        json.dumps({"text": STORY, "url": "https://example.org/x"}),
        json.dumps({"id": "no-text"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "h", "html": f"<html><body><article><p>{STORY}</p></article></body></html>"}),
    ]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines))
    got = list(read_paths([str(path)]))
    assert len(got) == 6
    first, bad, missing_id, no_text, not_obj, html = got
    assert (
        isinstance(first, Article) and first.id == "ok-1" and first.published == datetime(2021, 10, 31, 9, 21)
    )
    assert isinstance(bad, InputError) and bad.source == f"{path}:2" and "malformed JSON" in bad.reason
    assert isinstance(missing_id, Article) and missing_id.id == f"{path}:4"
    assert missing_id.url == "https://example.org/x"
    assert isinstance(no_text, InputError) and no_text.source.endswith(":5")
    assert isinstance(not_obj, InputError) and not_obj.source.endswith(":6")
    assert isinstance(html, Article) and "Gunmen attacked" in html.text
    assert "\n" not in bad.reason


def test_json_list_and_single_object(tmp_path: Path) -> None:
    (tmp_path / "list.json").write_text(
        json.dumps([{"id": "x1", "text": STORY}, {"id": "x2", "text": STORY}])
    )
    (tmp_path / "one.json").write_text(json.dumps({"id": "y", "text": STORY, "title": "Attack"}))
    got = list(read_paths([str(tmp_path)]))
    assert [a.id for a in got if isinstance(a, Article)] == ["x1", "x2", "y"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"  \n\t\n ", "empty", id="whitespace-only"),
        pytest.param(
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary", id="binary-png"
        ),
        pytest.param(b"\x7fELF\x02\x01\x01" + b"\x00" * 64, "binary", id="binary-nul"),
    ],
)
def test_bad_inputs_become_errors(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    err = read_one(path)
    assert isinstance(err, InputError)
    assert reason in err.reason
    assert err.source == str(path)


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        pytest.param(
            "cp1252", "Café owners in Montréal said the “strike” – a protest – would resume.", id="cp1252"
        ),
        pytest.param(
            "latin-1", "Café owners in Montréal said the strike would résumé at the façade.", id="latin-1"
        ),
        pytest.param("utf-16", "Police in Zürich said the protest was peaceful.", id="utf-16-bom"),
    ],
)
def test_wrongly_encoded_bytes_are_decoded(tmp_path: Path, codec: str, text: str) -> None:
    path = tmp_path / "enc.txt"
    path.write_bytes(f"Title\n\n{text}\n".encode(codec))
    art = read_one(path)
    assert isinstance(art, Article)
    assert text in art.text


def test_declared_charset_in_html(tmp_path: Path) -> None:
    html = (
        f'<html><head><meta charset="windows-1252"></head><body><p>{STORY} Café “quoted”.</p></body></html>'
    )
    path = tmp_path / "p.html"
    path.write_bytes(html.encode("cp1252"))
    art = read_one(path)
    assert isinstance(art, Article) and "Café “quoted”" in art.text


def test_wrong_forced_encoding_suggests_flag(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes("Überfall in München, sagte die Polizei.".encode("latin-1"))
    err = read_one(path, encoding="utf-8")
    assert isinstance(err, InputError) and "--encoding" in err.reason


def test_non_english_is_labelled_not_rejected(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text(
        "Anschlag auf Polizeistation\n\nBewaffnete haben am Montagabend eine Polizeistation in der Stadt "
        "angegriffen und drei Beamte getötet, sagte ein Sprecher der Behörden.",
        encoding="utf-8",
    )
    art = read_one(path)
    assert isinstance(art, Article) and art.language == "de"


def test_huge_file_rejected_fast(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        chunk = (STORY + "\n").encode() * 2000
        while fh.tell() < 50_000_000:
            fh.write(chunk)
        fh.truncate(50_000_000)
    start = time.perf_counter()
    err = read_one(path)
    elapsed = time.perf_counter() - start
    assert isinstance(err, InputError)
    assert "50.0 MB" in err.reason and "20.0 MB" in err.reason and "--max-bytes" in err.reason
    assert elapsed < 0.1  # stat only; reading 50 MB would take longer
    assert isinstance(read_one(path, max_bytes=60_000_000, input_format="text"), Article)


def test_missing_path_is_an_error_not_an_exception(tmp_path: Path) -> None:
    err = read_one(tmp_path / "nope.txt")
    assert isinstance(err, InputError) and "no such file" in err.reason


def test_batch_goes_on_after_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(f"T\n\n{STORY}")
    got = list(read_paths([str(tmp_path)]))
    assert [type(x).__name__ for x in got] == ["InputError", "Article"]


@pytest.mark.parametrize(
    ("payload", "fmt", "n"),
    [
        pytest.param(f"Headline\n\n{STORY}", "text", 1, id="text"),
        pytest.param(f"<!DOCTYPE html><html><body><p>{STORY}</p></body></html>", "html", 1, id="html"),
        pytest.param(
            json.dumps({"id": "a", "text": STORY}) + "\n" + json.dumps({"id": "b", "text": STORY}),
            "jsonl",
            2,
            id="jsonl",
        ),
    ],
)
def test_stdin(monkeypatch: pytest.MonkeyPatch, payload: str, fmt: str, n: int) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload.encode("utf-8")), encoding="utf-8"))
    got = list(read_paths(["-"]))
    assert len(got) == n and all(isinstance(a, Article) for a in got)
    assert all(a.source == "-" for a in got if isinstance(a, Article))
    assert got[0].input_format == fmt  # type: ignore[union-attr]


def test_stdin_text_stream_without_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"Headline\n\n{STORY}"))
    art = only(list(read_paths(["-"])))
    assert isinstance(art, Article) and art.title == "Headline" and art.id == "stdin"


def test_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(STORY * 10))
    err = only(list(read_paths(["-"], max_bytes=100)))
    assert isinstance(err, InputError) and "--max-bytes" in err.reason


def test_unknown_input_format_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="input_format"):
        list(read_paths(["x"], input_format="pdf"))


def test_public_api_sorted() -> None:
    import eventlens.read as read

    assert read.__all__ == sorted(read.__all__)
    assert all(hasattr(read, name) for name in read.__all__)

"""What cannot be read gets one line saying what it is: files we have no reader for (tables,
documents, archives, images) named directly, symbolic link loops, broken links, and URLs given
where a path belongs (issue 16, item 7). Each used to be read as text (exit 0, garbage in the
store) or reported as "no such file"."""

from __future__ import annotations

import gzip
import os
import zipfile
from pathlib import Path

import pytest

from eventlens.errors import InputError
from eventlens.read import read_paths

STORY = "Gunmen killed four traders at a cattle market near Gombe on Monday, police said.\n"


def _only(items: list[object]) -> object:
    assert len(items) == 1, items
    return items[0]


def _refusal(arg: str) -> str:
    err = _only(list(read_paths([arg])))
    assert isinstance(err, InputError), err
    assert "\n" not in str(err)
    return err.reason


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("events.csv", b"date,place,killed\n2021-01-04,Gombe,4\n", "a table"),
        ("events.tsv", b"date\tplace\n2021-01-04\tGombe\n", "a table"),
        ("report.pdf", b"%PDF-1.4\n" + STORY.encode(), "a document format"),
        ("story.txt.gz", gzip.compress(STORY.encode()), "a compressed archive"),
        ("photo.JPG", b"\xff\xd8\xff\xe0" + bytes(64), "an image or media file"),
    ],
)
def test_a_file_we_cannot_read_named_directly_is_refused_saying_what_it_is(
    tmp_path: Path, name: str, data: bytes, kind: str
) -> None:
    (tmp_path / name).write_bytes(data)
    reason = _refusal(str(tmp_path / name))
    assert kind in reason and Path(name).suffix.lower() in reason


def test_a_zip_named_directly_is_refused(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "stories.zip", "w") as z:
        z.writestr("a.txt", STORY)
    assert "compressed archive" in _refusal(str(tmp_path / "stories.zip"))


def test_a_forced_reader_reads_an_unusual_extension(tmp_path: Path) -> None:
    (tmp_path / "story.csv").write_text(STORY)
    art = _only(list(read_paths([str(tmp_path / "story.csv")], input_format="text")))
    assert not isinstance(art, InputError) and art.text == STORY  # type: ignore[union-attr]


def test_a_symbolic_link_loop_says_so(tmp_path: Path) -> None:
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    assert "symbolic link loop" in _refusal(str(tmp_path / "a.txt"))
    (err,) = [e for e in read_paths([str(tmp_path)]) if "a.txt" in str(e)]
    assert isinstance(err, InputError) and "symbolic link loop" in err.reason  # inside a folder too


def test_a_broken_link_names_where_it_points(tmp_path: Path) -> None:
    os.symlink(tmp_path / "moved-away.txt", tmp_path / "story.txt")
    reason = _refusal(str(tmp_path / "story.txt"))
    assert "broken symbolic link" in reason and "moved-away.txt" in reason


@pytest.mark.parametrize(
    "url", ["https://news.example/2021/attack.html", "http://x.example/feed.rss", "ftp://a.example/b"]
)
def test_a_url_given_as_a_path_says_how_to_read_one(url: str) -> None:
    reason = _refusal(url)
    assert "a URL, not a file" in reason and "api/v1/articles" in reason


def test_a_missing_file_is_still_no_such_file(tmp_path: Path) -> None:
    assert "no such file" in _refusal(str(tmp_path / "nothing.txt"))

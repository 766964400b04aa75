"""Files, directories and stdin to a stream of Articles and InputErrors.

Why a generator that yields errors instead of raising them: a batch of
thousands of scraped pages always holds a few bad ones, and the CLI must report
each (with its file and line) and go on. Sizes are checked with ``stat`` (or a
bounded read for stdin) *before* reading, so a 50 MB dump is refused without
loading it.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import stat
import sys
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from eventlens.errors import InputError
from eventlens.read.decode import decode
from eventlens.read.html import read_html
from eventlens.read.jsonl import read_json, read_jsonl
from eventlens.read.text import read_text
from eventlens.types import Article

logger = logging.getLogger(__name__)

#: File extensions read from directories, and the format each implies.
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
#: Extensions of files that hold no article eventlens can read, named directly on the command
#: line, and what to say about each kind. (In a directory such files are never picked up.)
UNREADABLE: dict[str, str] = {
    **dict.fromkeys((".csv", ".tsv", ".xls", ".xlsx", ".ods"), "a table"),
    **dict.fromkeys((".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub"), "a document format"),
    **dict.fromkeys(
        (".gz", ".tgz", ".bz2", ".xz", ".zst", ".zip", ".tar", ".7z", ".rar"), "a compressed archive"
    ),
    **dict.fromkeys(
        (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".mp3", ".mp4"), "an image or media file"
    ),
    **dict.fromkeys((".db", ".sqlite", ".sqlite3", ".parquet"), "a database or data file"),
}
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
FORMATS = ("text", "html", "json", "jsonl")
DEFAULT_MAX_BYTES = 20_000_000
STDIN_ID = "stdin"
_HTML_SNIFF = re.compile(rb"<(!doctype\s+html|html|head|body|article|div|p)[\s>]", re.IGNORECASE)


def read_paths(
    paths: Iterable[str],
    *,
    input_format: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | InputError]:
    """Yield a raw Article per document under ``paths`` or an InputError per bad input.

    A path is a file, a directory (recursed in sorted order, hidden entries, files of
    unknown extensions and anything but regular files skipped; files without an
    extension are read when they are text) or ``"-"`` for stdin. ``input_format`` forces a
    reader (``text``, ``html``, ``json``, ``jsonl``); by default the extension
    decides, then the content. Never raises for bad input.
    """
    if input_format is not None and input_format not in FORMATS:
        raise ValueError(f"input_format must be one of {', '.join(FORMATS)} or None, not {input_format!r}")
    for arg in paths:
        if arg == "-":
            yield from _read_stdin(input_format, encoding, max_bytes)
            continue
        root = Path(arg)
        name = shown(arg)
        if _URL.match(arg):
            from eventlens.read.fetch import without_credentials

            yield InputError(
                without_credentials(name),
                "a URL, not a file; save the page and pass the file, or post the URL to the API "
                '(POST /api/v1/articles {"url": ...}); feeds go to eventlens watch',
            )
        elif root.is_dir():
            for path in files_under(root):
                yield from _read_file(
                    path, path.relative_to(root).as_posix(), input_format, encoding, max_bytes
                )
        elif root.is_file():
            kind = None if input_format else UNREADABLE.get(root.suffix.lower())
            if kind:
                yield InputError(
                    name,
                    f"{root.suffix.lower()} is {kind}, not an article eventlens can read; pass text, "
                    "HTML, JSON or JSONL (or force a reader with --input-format)",
                )
            else:
                yield from _read_file(root, root.name, input_format, encoding, max_bytes)
        elif not root.exists():
            yield InputError(name, _missing(root))
        else:
            why = _not_regular(root)  # a FIFO, a socket, a device: said as a folder's walk says it
            yield InputError(
                name, why or "not a regular file or directory; pass files, directories or - for stdin"
            )


def files_under(root: Path, suffixes: Collection[str] = EXTENSIONS) -> list[Path]:
    """Files under ``root`` with one of ``suffixes`` or no extension at all (hidden files and
    folders left out), sorted by their path relative to ``root``: the one directory walk, so that
    ``extract``, ``ingest`` and ``ingest --dask`` take a folder's files in the same order.

    Links to directories are not followed (one warning line each). Entries that are not
    regular files (a FIFO, whose read would block forever, a socket, a broken link) are listed too: reading one gives one :class:`InputError` saying it was skipped,
    never a read."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for d in dirnames:  # os.walk does not follow them (a link to ".." would loop): say so
            if os.path.islink(os.path.join(dirpath, d)):
                logger.warning(
                    "%s: a link to a directory, not followed inside a folder (links can loop); "
                    "pass its target itself to read it",
                    shown(os.path.join(dirpath, d)),
                )
        for name in filenames:
            suffix = Path(name).suffix.lower()
            if not name.startswith(".") and (suffix in suffixes or not suffix):
                found.append(Path(dirpath) / name)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def shown(path: str | os.PathLike[str]) -> str:
    """``path`` as text that prints and stores: a file name whose bytes are not UTF-8 (an old
    Latin-1 archive) comes from ``os.fsdecode`` with lone surrogates, which no UTF-8 writer
    takes (the store raised UnicodeEncodeError and stopped the batch); those bytes are shown as
    ``\\xNN``. Every other name is returned unchanged. The one spelling of a path that reaches
    messages, article ids and the store; the file itself is opened by its real path."""
    s = os.fspath(path)
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(s).decode("utf-8", "backslashreplace")
    return s


def _missing(path: Path) -> str:
    """Why ``path`` (which does not resolve to anything) cannot be read: a symbolic link loop, a
    link to nothing, or no such file."""
    if path.is_symlink():
        try:
            path.stat()
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "a symbolic link loop (the link leads back to itself); fix or remove the link"
        return (
            f"a broken symbolic link (to {os.readlink(path)}, which does not exist); fix or remove the link"
        )
    return "no such file or directory; check the path"


def _not_regular(path: Path) -> str | None:
    """Why ``path`` cannot be read when it is not a regular file (following links), else None."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return _missing(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _missing(path)
        return f"cannot be opened ({(exc.strerror or str(exc)).lower()})"
    if stat.S_ISREG(mode):
        return None
    kind = "a special file"
    for test, name in (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            kind = name
            break
    return f"{kind}, not a regular file; skipped (pass files, directories or -)"


def expand_paths(paths: Iterable[str], suffixes: Collection[str] = EXTENSIONS) -> Iterator[str]:
    """Each argument as given, a directory replaced by :func:`files_under` it ("-" is stdin)."""
    for arg in paths:
        root = Path(arg)
        if arg != "-" and root.is_dir():
            yield from (str(p) for p in files_under(root, suffixes))
        else:
            yield arg


def sha256_file(path: Path | str) -> str:
    """The hex sha256 of a file's bytes, read a megabyte at a time (the one file digest)."""
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _too_large(source: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        source,
        f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit; "
        f"split the file or raise the limit with --max-bytes",
    )


def _read_file(
    path: Path, doc_id: str, input_format: str | None, encoding: str | None, max_bytes: int
) -> Iterator[Article | InputError]:
    source = shown(path)
    doc_id = shown(doc_id)
    why = _not_regular(path)
    if why:
        yield InputError(source, why)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield _too_large(source, size, max_bytes)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot be read ({exc.strerror}); check it exists and is readable")
        return
    fmt = input_format or EXTENSIONS.get(path.suffix.lower()) or sniff_format(data)
    if not path.suffix and not input_format:
        # no extension says what it is: read it only if it is text (the decoder says why not)
        for item in read_bytes(data, id=doc_id, source=source, input_format=fmt, encoding=encoding):
            if isinstance(item, InputError) and "binary" in item.reason:
                item = InputError(source, f"has no file extension and is not text ({item.reason})")
            yield item
        return
    yield from read_bytes(data, id=doc_id, source=source, input_format=fmt, encoding=encoding)


def _read_stdin(
    input_format: str | None, encoding: str | None, max_bytes: int
) -> Iterator[Article | InputError]:
    stream = sys.stdin
    if stream is None or getattr(stream, "closed", False):
        yield InputError("-", "standard input is closed; pipe a document in or pass a file")
        return
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is not None:
            data: bytes = buffer.read(max_bytes + 1)
        else:  # a text stream without bytes underneath (e.g. io.StringIO in tests)
            data = stream.read(max_bytes + 1).encode("utf-8")
    except UnicodeDecodeError as exc:
        yield InputError("-", f"standard input is not text ({exc.reason}); pass --encoding or a file")
        return
    except (OSError, ValueError) as exc:  # a closed descriptor, a stream closed under us
        yield InputError("-", f"standard input cannot be read ({exc}); pipe a document in or pass a file")
        return
    if len(data) > max_bytes:
        yield _too_large("-", len(data), max_bytes)
        return
    fmt = input_format or sniff_format(data)
    yield from read_bytes(data, id=STDIN_ID, source="-", input_format=fmt, encoding=encoding)


def sniff_format(data: bytes) -> str:
    """Guess the format of untyped bytes (stdin, unknown extension) from how they start."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        starts = [ln.lstrip().startswith(b"{") for ln in data[:65536].splitlines() if ln.strip()]
        return "jsonl" if len(starts) > 1 and all(starts[:-1]) else "json"
    if head.startswith(b"<") and _HTML_SNIFF.search(head):
        return "html"
    return "text"


def read_bytes(
    data: bytes, *, id: str, source: str, input_format: str, encoding: str | None = None
) -> Iterator[Article | InputError]:
    """Read one input's bytes with the reader for ``input_format``."""
    try:
        if not data.strip():
            yield InputError(source, "empty (no bytes or only whitespace); check the file")
            return
        if input_format == "html":
            yield read_html(data, id=id, source=source, encoding=encoding)
            return
        text = decode(data, source, encoding=encoding)
        if input_format == "json":
            yield from read_json(text, name=source, source=source)
        elif input_format == "jsonl":
            yield from read_jsonl(text, name=source, source=source)
        else:
            yield read_text(text, id=id, source=source)
    except InputError as exc:
        yield exc
    except (ValueError, LookupError, RecursionError) as exc:  # a parser choking on odd input
        logger.debug("reading %s failed", source, exc_info=True)
        yield InputError(
            source, f"could not be read as {input_format} ({exc}); check the file or --input-format"
        )

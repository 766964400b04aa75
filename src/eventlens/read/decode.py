"""Bytes to text: BOM, declared charset, UTF-8, then charset detection.

Why a module of its own: every reader (text, HTML, JSON) gets bytes from files
or stdin, and each bad case (binary, empty, wrongly encoded) must become one
clear :class:`~eventlens.errors.InputError` instead of mojibake downstream.

Order of trust, most to least: a byte-order mark; the caller's ``encoding``;
a charset the document declares (``<meta charset>``, ``<?xml encoding>``);
strict UTF-8; charset-normalizer's best guess. Western single-byte text is the
common non-UTF-8 case in news scrapes, and on short samples charset-normalizer
often names a sibling code page (cp775, cp1250, cp1257...). When cp1252 or latin-1 is
among the candidates and no more "chaotic" than the best guess, and cp1252
decodes the bytes, we take cp1252 (a superset of latin-1 for printable text, and what browsers do for
``latin-1`` labels, per the WHATWG Encoding Standard).
"""

from __future__ import annotations

import codecs
import logging
import re

from eventlens.errors import InputError
from eventlens.read.repair import repair_mojibake

logger = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
#: Bytes that are neither text nor common whitespace; used to tell binary files from text.
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32)) + b"\x7f"
#: A file whose first block has more than this share of control bytes is binary.
#: (Text files have none; images, archives and executables have 10-30%.)
BINARY_CONTROL_SHARE = 0.05
_SNIFF = 8192
#: Latin code pages charset-normalizer may name for cp1252 text.
_WESTERN = {"cp1252", "latin_1", "iso8859_15"}
#: How much more "chaos" (charset-normalizer's mess ratio, 0..1) than the best guess a Western
#: candidate may have and still be preferred; short samples tie at 0.0 (see module docstring).
_CHAOS_MARGIN = 0.02


def _bom(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def is_binary(data: bytes) -> bool:
    """True if ``data`` looks like a binary file: NUL bytes or many control bytes (and no BOM)."""
    if _bom(data):
        return False
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls / len(head) > BINARY_CONTROL_SHARE


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first bytes, if Python knows it."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        logger.debug("unknown declared charset %r", name)
        return None


def decode(data: bytes, source: str, *, encoding: str | None = None) -> str:
    """Decode ``data`` read from ``source``; raise :class:`InputError` if it cannot be text.

    ``encoding`` forces a codec (the CLI's ``--encoding``). Newlines are normalised
    to ``\\n`` so offsets do not depend on the platform that wrote the file, and mojibake
    (UTF-8 once read as cp1252: "â€™") is repaired (:mod:`eventlens.read.repair`): the
    repaired text is the article's text, every span points into it.
    """
    if is_binary(data):
        raise InputError(source, "binary file, not text; pass a text, HTML or JSON file")
    text = _decode(data, source, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    repaired = repair_mojibake(text)
    if repaired != text:
        logger.info("%s: repaired mojibake (UTF-8 once read as cp1252/latin-1)", source)
        text = repaired
    if not text.strip():
        raise InputError(source, "empty (no text after decoding); check the file")
    return text


def _decode(data: bytes, source: str, encoding: str | None) -> str:
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(
                source, f"unknown encoding {encoding!r}; pass a Python codec name to --encoding"
            ) from None
        except UnicodeDecodeError as exc:
            raise InputError(
                source,
                f"not valid {encoding} (byte {exc.start}); pass the right --encoding or omit it to detect",
            ) from None
    bom = _bom(data)
    if bom:
        try:
            return data.decode(bom)
        except UnicodeDecodeError:
            raise InputError(
                source, f"starts with a {bom} byte-order mark but is not {bom}; pass --encoding"
            ) from None
    declared = declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            logger.info("%s: declares %s but does not decode with it; detecting", source, declared)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data, source)


def _detect(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    results = from_bytes(data[:200_000])
    best = results.best()
    if best is None:
        raise InputError(source, "not UTF-8 and no encoding could be detected; pass --encoding (e.g. cp1252)")
    chosen = best.encoding
    western = any(r.encoding in _WESTERN and r.chaos <= best.chaos + _CHAOS_MARGIN for r in results)
    if chosen != "cp1252" and western:
        try:
            data.decode("cp1252")
            chosen = "cp1252"
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError:
        raise InputError(source, f"looks like {chosen} but does not decode as it; pass --encoding") from None
    logger.info("%s: not UTF-8; decoded as %s", source, chosen)
    return text

"""Undo mojibake: UTF-8 text that was once decoded as cp1252 or latin-1 ("â€™" for "’").

Why: archives and scrapers often pass text through a wrong decoder before it reaches us, so a
file that is valid UTF-8 (and decodes cleanly) can still say "Peopleâ€™s Army" or "KievÂ".
Names with mojibake match no gazetteer entry or actor pattern, and "â€" ends up in actor names.

The repair is the readers' job (:func:`eventlens.read.decode.decode` for bytes,
:func:`eventlens.read.text.read_text` for strings): the repaired text *is* ``Article.text``,
so every span later stages give points into the repaired text and the evidence shows the
repaired words. Offsets into the original (mojibake) file are not kept.

Method (the few rules ftfy's core fix needs, written out): UTF-8 encodes every non-ASCII
character as a lead byte (0xC2-0xF4) followed by one to three continuation bytes (0x80-0xBF).
Read as cp1252/latin-1 each byte becomes one character, so a mojibake sequence is a lead
character from "Â".."ô" followed by the right number of characters from the 64 that the
continuation bytes turn into ("€", "™", "’", "¢", "©", ..., or C1 controls where cp1252 has no
character). Each such run is turned back into bytes and decoded as UTF-8; it is replaced only
when that succeeds *and* the result is a plausible character (a letter of a script that
2-byte UTF-8 covers, a symbol, punctuation; see :func:`_plausible`), so correct text in
Latin, Cyrillic, Arabic, Greek or CJK script is never changed: its non-ASCII letters are not
followed by continuation characters, and the rare real pair that is ("ß“" in German quotes)
would decode to an unlikely script and is kept. The repair repeats (up to three times) for
text encoded twice ("Ã¢â‚¬â„¢" -> "â€™" -> "’").

One loss is common enough to handle: cp1252 has no character for byte 0x9D, so the closing
quote "”" (E2 80 9D) often arrives as a bare "â€" followed by a space or the end of a line.
A bare "â€" not followed by a continuation character (or followed by "\ufffd", the
replacement character a strict cp1252 decoder puts there) is read as "”". Other lost bytes
("Ñ\ufffd" may be "с", "э" or "я") cannot be told apart and are left as they are.
"""

from __future__ import annotations

import re
import unicodedata

#: character -> byte for the 128 high bytes as cp1252 reads them (C1 controls stand for the five
#: bytes cp1252 leaves undefined, and for every 0x80-0x9F byte when the text was read as latin-1)
_TO_BYTE: dict[str, int] = {}
for _b in range(0x80, 0x100):
    _TO_BYTE[chr(_b)] = _b  # latin-1 reading (and cp1252's undefined bytes)
    try:
        _TO_BYTE[bytes([_b]).decode("cp1252")] = _b
    except UnicodeDecodeError:
        pass


def _chars(lo: int, hi: int) -> str:
    """A regex character class body for the characters bytes lo..hi become."""
    chars = sorted({c for c, b in _TO_BYTE.items() if lo <= b <= hi})
    return "".join(re.escape(c) for c in chars)


_CONT = f"[{_chars(0x80, 0xBF)}]"
_LEAD2 = f"[{_chars(0xC2, 0xDF)}]"
_LEAD3 = f"[{_chars(0xE0, 0xEF)}]"
_LEAD4 = f"[{_chars(0xF0, 0xF4)}]"
_SEQUENCE = re.compile(f"{_LEAD4}{_CONT}{{3}}|{_LEAD3}{_CONT}{{2}}|{_LEAD2}{_CONT}")
#: "â€" whose third byte (0x9D: "”") was lost because cp1252 cannot show it
_LOST_QUOTE = re.compile(f"â€\ufffd?(?!{_CONT})")
#: a quick test: no lead character followed by a continuation character, nothing to repair
_ANY = re.compile(f"[{_chars(0xC2, 0xF4)}]{_CONT}")

#: 2-byte UTF-8 letters come from these blocks in real text: Latin-1 supplement and Latin
#: Extended, IPA, Greek, Cyrillic, Armenian, Hebrew, Arabic (up to U+06FF)
_TWO_BYTE_LETTERS = (0x00C0, 0x06FF)

MAX_ROUNDS = 3


def _plausible(ch: str, nbytes: int) -> bool:
    """Is ``ch`` (decoded from ``nbytes`` UTF-8 bytes) a character that text really contains?"""
    cat = unicodedata.category(ch)
    if nbytes == 2:
        if cat.startswith("L") or cat == "Mn":
            return _TWO_BYTE_LETTERS[0] <= ord(ch) <= _TWO_BYTE_LETTERS[1]
        # the C1 controls, which only text encoded twice holds ("Â\x80" -> "\x80", one round
        # from "€"), and symbols of the same blocks: no-break space, "£", "°", "©", "«", "×"...
        return ord(ch) <= _TWO_BYTE_LETTERS[1] and (ord(ch) <= 0x9F or not cat.startswith("C"))
    if cat in ("Cc", "Cs", "Co", "Cn"):
        return False
    return True


def _fix(m: re.Match[str]) -> str:
    seq = m.group(0)
    try:
        raw = bytes(_TO_BYTE[c] for c in seq)
        ch = raw.decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return seq
    return ch if len(ch) == 1 and _plausible(ch, len(raw)) else seq


def has_mojibake(text: str) -> bool:
    """Would :func:`repair_mojibake` change ``text``?"""
    return repair_mojibake(text) != text


def repair_mojibake(text: str) -> str:
    """``text`` with UTF-8-read-as-cp1252/latin-1 sequences decoded (see the module docstring).

    Idempotent; returns ``text`` itself when there is nothing to repair.
    """
    if not text.isascii() and (_ANY.search(text) or "â€" in text):
        for _ in range(MAX_ROUNDS):
            fixed = _SEQUENCE.sub(_fix, text)
            if fixed == text:
                break
            text = fixed
        text = _LOST_QUOTE.sub("\u201d", text)
    return text

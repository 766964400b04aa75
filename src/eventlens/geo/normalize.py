"""One key function for place names, used both when indexing the gazetteer and when querying it.

Why one function: a transliterated name ("Al-Mansour", "Mansur", "al Manṣūr") only
matches its gazetteer entry if both sides are folded the same way. The key is
deliberately lossy - it folds the common Arabic/Persian/Pashto transliteration
variants that news copy and GeoNames disagree on:

* diacritics and case (``Manṣūr`` -> ``mansur``)
* apostrophes, ayn/hamza marks and hyphens (``Baya'a`` / ``Bayaa``, ``Al-Anbar``)
* leading Arabic articles ``al/el/ad/ash/as/at/ar/az/an`` (``Al Mansour`` -> ``mansur``)
* ``ou`` -> ``u`` (``Mansour``/``Mansur``), doubled letters (``Hilla``/``Hillah``/``Hillla``)
* a word-final ``h`` after a vowel (``Fallujah``/``Falluja``), ``-iyah/-iyya/-iyeh`` -> ``-iya``
* ``Saint/St./Ste`` -> ``st``, ``Mount/Mt`` -> ``mt``, ``Fort/Ft`` -> ``ft``

Lossiness costs some collisions (``Hanna``/``Hannah``); candidates are re-ranked
by :func:`surface_form` equality afterwards, so an exact spelling still wins.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalize_key", "surface_form", "ARTICLES"]

#: Arabic definite-article transliterations dropped when they lead a multi-word name.
ARTICLES: frozenset[str] = frozenset(
    {"al", "el", "ad", "ash", "as", "at", "ar", "az", "an", "ul", "ud", "il"}
)

_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb\u02be\u02bf\u0060\u00b4\u2032]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_ATTACHED_ARTICLE = re.compile(r"\b(?:al|el|ad|ash|as|at|ar|az|an)-(?=\w)")
_SUFFIX_IYA = re.compile(r"iyy?a?h?$|iyeh$")
_DOUBLE = re.compile(r"([a-z])\1+")
_FINAL_H = re.compile(r"([aeiou])h$")
_WORD_SUBS: dict[str, str] = {
    "saint": "st",
    "sainte": "st",
    "ste": "st",
    "mount": "mt",
    "fort": "ft",
    "and": "",
}
# Extra characters NFKD does not decompose into ASCII.
_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "œ": "oe", "þ": "th"})


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def surface_form(name: str) -> str:
    """Case- and diacritic-folded name with punctuation as single spaces (less lossy than the key)."""
    s = _APOSTROPHES.sub("", _strip_marks(name))
    return " ".join(_NON_WORD.split(s)).strip()


def _fold_word(word: str) -> str:
    word = _WORD_SUBS.get(word, word)
    if not word or word.isdigit():
        return word
    if len(word) > 4:
        word = _SUFFIX_IYA.sub("iya", word)
    word = word.replace("ou", "u")
    word = _DOUBLE.sub(r"\1", word)
    if len(word) > 3:
        word = _FINAL_H.sub(r"\1", word)
    return word


@lru_cache(maxsize=131072)
def normalize_key(name: str) -> str:
    """The lookup key for ``name``; ``""`` when nothing letter-like is left.

    >>> normalize_key("Al-Mansour") == normalize_key("Mansur") == normalize_key("al Manṣūr")
    True
    >>> normalize_key("St. Louis") == normalize_key("Saint Louis")
    True
    """
    s = _APOSTROPHES.sub("", _strip_marks(name))
    s = _ATTACHED_ARTICLE.sub("", s)  # "al-anbar" -> "anbar", also mid-name: "tell al-afar"
    words = [w for w in _NON_WORD.split(s) if w]
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    # Articles inside a name ("Ras al Ain", "Abu al Khasib") are dropped too.
    words = [words[0], *(w for w in words[1:] if w not in ARTICLES)] if words else words
    if len(words) > 1 and all(len(w) == 1 for w in words):
        words = ["".join(words)]  # initialisms: "U.S." == "US", "U.A.E." == "UAE"
    folded = (_fold_word(w) for w in words)
    return " ".join(w for w in folded if w)

"""What the truecaser knows (:mod:`eventlens.stages.truecase`): names with their case (places of
the gazetteer, country names and demonyms, the named groups of ``data/entities.jsonl``, the proper
words of ``data/proper_words.txt``) and English's common words, by part of speech."""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Iterable
from importlib import resources
from typing import Any, Protocol

log = logging.getLogger(__name__)

#: a place name that is also an English noun is capitalised when the place has this many people
#: (or is a country or first-level division)
COMMON_NOUN_PLACE_POPULATION = 100_000
TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]")
#: words no place name starts with
_EDGE_WORDS = frozenset("of the and for in on at to from by with or".split())
#: words never capitalised inside a name ("Islamic State of Iraq and the Levant")
NAME_FUNCTION_WORDS = frozenset("of the and for in on at de del la le des al el bin ibn e".split())


class _Gazetteer(Protocol):
    def candidates(self, name: str, *, country: str | None = None, limit: int = 20) -> list[Any]: ...

    def country_words(self) -> dict[str, str]: ...


def fold(s: str) -> str:
    """Lowercase without accents: how a lowercase archive would write a gazetteer name."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(c)
    ).replace("’", "'")


@functools.cache
def _data_lines(name: str) -> tuple[str, ...]:
    raw = resources.files("eventlens").joinpath(f"data/{name}").read_text("utf-8")
    return tuple(line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#"))


@functools.cache
def _entity_names() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Folded word tuple -> cased words, for the named groups of ``data/entities.jsonl``: ORTH
    patterns as written (acronyms), LOWER ones in title case."""
    import json

    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for line in _data_lines("entities.jsonl"):
        obj = json.loads(line)
        if obj.get("label") not in ("ARMED_GROUP", "SECURITY_FORCE") or obj.get("id") != "named":
            continue
        words: list[str] = []
        for tok in obj.get("pattern", []):
            if not isinstance(tok, dict) or len(tok) != 1:
                words = []
                break
            ((attr, value),) = tok.items()
            if attr == "ORTH" and isinstance(value, str):
                words.append(value)
            elif attr == "LOWER" and isinstance(value, str):
                words.append(
                    value if value in NAME_FUNCTION_WORDS or not value[:1].isalpha() else value.title()
                )
            else:
                words = []
                break
        if words:
            out[tuple(fold(w) for w in words)] = tuple(words)
    return out


@functools.cache
def _proper_words() -> dict[tuple[str, ...], tuple[str, ...]]:
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for line in _data_lines("proper_words.txt"):
        words = tuple(TOKEN.findall(line))
        out[tuple(fold(w) for w in words)] = words
    return out


class Lexicon:
    """What the truecaser knows: names with their case, and English's common words.

    ``common`` / ``nouns``: English words (WordNet's lemma index as spaCy's lemmatizer ships
    it, with inflected forms found by the lemmatizer's suffix rules) - those that are words of
    other parts of speech than nouns are never taken for places; nouns only when the place is
    large. WordNet lists big places as nouns too ("kabul"), which is why size decides there.
    """

    def __init__(
        self,
        *,
        gazetteer: _Gazetteer | None = None,
        index: dict[str, Iterable[str]] | None = None,
        rules: dict[str, list[list[str]]] | None = None,
        exceptions: dict[str, dict[str, list[str]]] | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self._nouns = frozenset(index.get("noun", ())) if index else frozenset()
        self._others = (
            frozenset(w for pos, words in index.items() if pos != "noun" for w in words)
            if index
            else frozenset()
        )
        self._verbs = frozenset(index.get("verb", ())) if index else frozenset()
        self._rules = rules or {}
        self._exc = {
            form for table in (exceptions or {}).values() if isinstance(table, dict) for form in table
        }
        import justext

        self._stop = frozenset(w.lower() for w in justext.get_stoplist("English"))
        self.names: dict[tuple[str, ...], tuple[str, ...]] = {**_entity_names(), **_proper_words()}
        self.countries: frozenset[str] = frozenset()
        if gazetteer is not None:
            try:
                self.countries = frozenset(gazetteer.country_words())
            except Exception as exc:  # noqa: BLE001 - a gazetteer stand-in without countries
                log.debug("no country words: %s", exc)
        self._place_cache: dict[str, bool] = {}

    @classmethod
    def from_nlp(cls, nlp: Any, gazetteer: _Gazetteer | None = None) -> Lexicon:
        """A lexicon with the English word lists of ``nlp``'s lemmatizer (if it has one)."""
        index = rules = exc = None
        if "lemmatizer" in getattr(nlp, "pipe_names", ()):
            lookups = nlp.get_pipe("lemmatizer").lookups
            strings = nlp.vocab.strings
            try:
                index = _by_pos(lookups.get_table("lemma_index"), strings)
                rules = _by_pos(lookups.get_table("lemma_rules"), strings)
                exc = _by_pos(lookups.get_table("lemma_exc"), strings)
            except (KeyError, ValueError) as e:
                log.debug("lemmatizer has no lookup tables: %s", e)
        return cls(gazetteer=gazetteer, index=index, rules=rules, exceptions=exc)

    # -- English words
    def _forms(self, word: str, pos: str) -> Iterable[str]:
        yield word
        for old, new in self._rules.get(pos, ()):
            if word.endswith(old) and len(word) > len(old):
                yield word[: len(word) - len(old)] + new

    def is_other_word(self, word: str) -> bool:
        """A verb, adjective or adverb of English (or a form of one), or an irregular form."""
        w = word.lower()
        if w in self._exc or w in self._stop:
            return True
        return any(f in self._others for pos in ("verb", "adj", "adv") for f in self._forms(w, pos))

    def is_verb(self, word: str) -> bool:
        return any(f in self._verbs for f in self._forms(word.lower(), "verb"))

    def is_country_word(self, words: tuple[str, ...]) -> bool:
        """A country's name, short form or demonym ("kenya", "pakistani", "south africa")."""
        if not self.countries:
            return False
        name = " ".join(words)
        if name in self.countries:
            return True
        try:
            from eventlens.geo.normalize import normalize_key
        except ImportError:  # pragma: no cover - geo is part of the package
            return False
        return normalize_key(name) in self.countries

    def is_noun(self, word: str) -> bool:
        return any(f in self._nouns for f in self._forms(word.lower(), "noun"))

    def is_common(self, word: str) -> bool:
        return self.is_noun(word) or self.is_other_word(word)

    # -- places
    def is_place(self, words: tuple[str, ...]) -> bool:
        """Do these (folded) words name a place the gazetteer knows, safely enough to capitalise?"""
        key = " ".join(words)
        hit = self._place_cache.get(key)
        if hit is None:
            hit = self._is_place(words)
            self._place_cache[key] = hit
        return hit

    def _is_place(self, words: tuple[str, ...]) -> bool:
        if self.gazetteer is None or not all(w.isalpha() or "-" in w or "'" in w for w in words):
            return False
        if words[0] in _EDGE_WORDS or words[-1] in _EDGE_WORDS or words[-1] in NAME_FUNCTION_WORDS:
            return False  # "of kabul", "kabul and"; but "el fasher", "la paz" are names
        name = " ".join(words)
        try:
            cands = [
                c
                for c in self.gazetteer.candidates(name, limit=10)
                if name in (fold(c.name), fold(getattr(c, "matched_name", "") or ""))
            ]
        except Exception as exc:  # noqa: BLE001 - a broken gazetteer must not stop reading
            log.debug("gazetteer lookup failed for %r: %s", name, exc)
            return False
        if not cands:
            return False
        if any(not self.is_common(w) for w in words):
            return True
        if len(words) == 1 and (self.is_other_word(words[0]) or len(words[0]) <= 3):
            return False  # "split", "nice", "reading", "car": words first, places second
        # English words only ("kabul", "south africa", "new york"): a large place
        return any(_large(c) for c in cands)

    def is_admin_unit(self, word: str) -> bool:
        """Is ``word`` (folded) the name of a district, province or region the gazetteer knows?"""
        if self.gazetteer is None:
            return False
        try:
            return any(
                fold(c.name) == word and (c.feature_code or "").startswith("ADM")
                for c in self.gazetteer.candidates(word, limit=10)
            )
        except Exception:  # noqa: BLE001
            return False


_POS_NAMES = ("noun", "verb", "adj", "adv", "propn", "punct")


def _large(c: Any) -> bool:
    code = c.feature_code or ""
    return (c.population or 0) >= COMMON_NOUN_PLACE_POPULATION or code.startswith("PCL") or code == "ADM1"


def _by_pos(table: Any, strings: Any) -> dict[str, Any]:
    """A lemmatizer lookup table keyed by POS name (spaCy keys its tables by string hash)."""
    from spacy.strings import hash_string

    names = {hash_string(n): n for n in _POS_NAMES}
    out: dict[str, Any] = {}
    for key, value in table.items():
        name = key if isinstance(key, str) else names.get(key)
        if name is not None:
            out[name] = value
    return out

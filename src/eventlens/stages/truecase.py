"""Truecasing for text that archives deliver all lowercase (or ALL CAPS).

Why: the statistical NER, the toponym finder and the actor rules all lean on capital letters
("Sukma" is a place, "sukma" is nothing). Older newspaper archives and some feeds deliver
whole articles in lower case, wire flashes and telegrams in capitals. Such an article gets
its capitals back before the spaCy pass.

How, and what stays the same:

1. :func:`case_mode` decides per text: ``"lower"`` when nearly every sentence starts with a
   lowercase letter and hardly any word has a capital; ``"upper"`` when most words are all
   capitals; ``None`` (leave the text alone) otherwise. Normal mixed-case text is never touched.
2. :func:`truecase` returns a string of the *same length* where only the case of letters has
   changed, so every character offset into it is an offset into the original text. It
   capitalises sentence and line starts, "I", month and weekday names ("may" and "march" only
   beside a day number or year), the words of known names - places the gazetteer knows,
   country names and demonyms, the named armed groups of ``data/entities.jsonl`` and a short
   list of proper words (``data/proper_words.txt``: religions, peoples, institutions) - and
   acronyms in brackets whose letters are the initials of the words before them ("district
   reserve guard (drg)" -> "District Reserve Guard (DRG)"), and unknown words (in no English
   word list) where names stand: after "in/near/at..." or a title, next to a name, before
   "district/area/village...". A place name that is also an English word ("reading", "police",
   "nice", "tank") is capitalised only when it is a large place, a noun only in English, and no
   determiner comes before it ("Kabul" yes, "a tank" no; see :class:`Lexicon`), or when it
   names a district/province the gazetteer knows and a district head follows ("northwestern
   tank district").
3. :func:`restore_texts` puts the original words back into the spans of the records made from
   a truecased parse, so evidence shows the words as the article has them.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Any, Literal

from eventlens.stages.truecase_lexicon import NAME_FUNCTION_WORDS, TOKEN, Lexicon, fold

CaseMode = Literal["lower", "upper"]

#: fewer words than this: too little text to judge its casing
MIN_WORDS = 12
#: "lower": at least this share of sentence starts are lowercase ...
MIN_LOWER_STARTS = 0.75
#: ... and at most this share of words have any capital letter (a title-case headline over a
#: lowercase body stays under it)
MAX_CAPITALISED_WORDS = 0.06
#: "upper": at least this share of words (of two letters or more) are all capitals
MIN_UPPER_WORDS = 0.7

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENT_START = re.compile(r"(?:^|[.!?][\"'”’)\]]*[ \t]+|\n[ \t\"'“‘(\[-]*)[\"'“‘(\[]*([^\W\d_])", re.MULTILINE)
#: the first word after a dateline ending in a colon or dash: "raipur: four policemen",
#: "kabul (afp) - gunmen"
_DATELINE_START = re.compile(
    r"^[ \t]*[^\W\d_][\w'’.]*(?:[ ,]{1,2}[\w][\w'’.]*){0,5}(?:\s*\([^()\n]{1,30}\))?"
    r"\s*(?::|--?|[–—])[ \t]+[\"'“‘(\[]*([^\W\d_])",
    re.MULTILINE,
)

_POSSESSIVE = re.compile(r"'s$")
_MONTHS = frozenset("january february april june july august september october november december".split())
_AMBIGUOUS_MONTHS = frozenset({"may", "march"})
_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_BEFORE_MONTH = frozenset("in since until till by early late mid last next of from during through".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
#: abbreviations after which a full stop does not end a sentence
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr lt col gen maj capt sgt cpl pvt adm brig cmdr gov sen rep rev st no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m u.s u.n e.g i.e".split()
)
#: words after which an unknown word is a place ("near tongpal") ...
_LOCATIVE = frozenset("in near at from of outside to towards toward into around across via".split())
#: ... or a person ("minister bhupesh baghel", "col. ramon dizon")
_TITLES = frozenset(
    """minister president governor commander spokesman spokeswoman spokesperson chief general
    colonel major captain sergeant lieutenant inspector superintendent mayor senator
    gen col lt maj capt sgt cpl mr mrs ms dr""".split()
)
#: ... or before a place head noun ("burkapal area")
_PLACE_HEADS = frozenset(
    """district province governorate region county state village town city area neighbourhood
    neighborhood suburb municipality camp valley river border oblast prefecture""".split()
)
#: head nouns of administrative units: an English word before one may be a unit's name
_ADMIN_HEADS = frozenset("district province governorate county region state oblast prefecture".split())
_COMPASS = frozenset(
    """northern southern eastern western central northwestern northeastern southwestern
    southeastern north-western north-eastern south-western south-eastern""".split()
)
_DETERMINERS = frozenset(
    "a an the this that these those his her its their our my your every each no some any another".split()
)


@lru_cache(maxsize=8)
def case_mode(text: str) -> CaseMode | None:
    """``"lower"``, ``"upper"`` or ``None`` (normal text) for ``text`` as a whole. (Remembered
    for the last few texts: cleaning asks twice about an article and the tokenizer once more.)"""
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        return None
    long_words = [w for w in words if len(w) >= 2]
    if long_words and sum(map(str.isupper, long_words)) / len(long_words) >= MIN_UPPER_WORDS:
        return "upper"
    # a headline keeps its capitals in many archives: judge by the lines after it
    head, _, rest = text.strip().partition("\n")
    rest_words = _WORD.findall(rest)
    body_words = rest_words if len(rest_words) >= MIN_WORDS else words
    capitalised = sum(1 for w in body_words if any(map(str.isupper, w))) / len(body_words)
    starts = [m.group(1) for m in _SENT_START.finditer(text)]
    if len(starts) >= 2 and capitalised <= MAX_CAPITALISED_WORDS:
        if sum(c.islower() for c in starts) / len(starts) >= MIN_LOWER_STARTS:
            return "lower"
    return None


# ---------------------------------------------------------------------------
# Truecasing


def same_length_case(text: str, upper: bool) -> str:
    """``text`` lowered or uppered character by character (never changing its length)."""
    out = []
    for c in text:
        d = c.upper() if upper else c.lower()
        out.append(d if len(d) == 1 else c)
    return "".join(out)


def _capitalise(word: str) -> str:
    """First letter up, hyphen parts too ("tehreek-e-taliban" keeps its "e")."""
    parts = re.split(r"(-)", word)
    return "".join(
        p if p == "-" or (i > 0 and p in NAME_FUNCTION_WORDS) else p[:1].upper() + p[1:]
        for i, p in enumerate(parts)
    )


def _apply(chars: list[str], start: int, cased: str) -> None:
    for k, c in enumerate(cased):
        if chars[start + k].lower() == c.lower() and len(c) == 1:
            chars[start + k] = c


@dataclasses.dataclass
class _Casing:
    """A text being truecased: its lowercased characters, its tokens (start, end, text) and their
    folded forms, and which tokens a step has already cased."""

    lexicon: Lexicon
    chars: list[str]
    toks: list[tuple[int, int, str]]
    folded: list[str]
    done: list[bool]

    def cap_tokens(self, i: int, j: int, cased: tuple[str, ...] | None = None) -> None:
        for k in range(i, j):
            s, _, word = self.toks[k]
            if cased is not None:
                _apply(self.chars, s, cased[k - i])
            elif self.folded[k] not in NAME_FUNCTION_WORDS or k == i:
                _apply(self.chars, s, _capitalise(word))
            self.done[k] = True


def truecase(text: str, lexicon: Lexicon, mode: CaseMode | None = None) -> str:
    """``text`` with capitals where English writes them (same length; see the module docstring).

    ``mode`` is :func:`case_mode`'s decision; when ``None`` it is decided here, and normal text
    comes back unchanged.
    """
    mode = mode or case_mode(text)
    if mode is None:
        return text
    base = same_length_case(text, upper=False)
    toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(base)]
    c = _Casing(lexicon, list(base), toks, [fold(t[2]) for t in toks], [False] * len(toks))
    _case_names(c)  # 1. names: longest match first (4 words down to 1)
    _case_dates(c)  # 2. dates, "I"
    _case_acronyms(c)  # 3. acronyms in brackets spelled by the words before them
    _case_unknown_names(c)  # 4. unknown words where names stand
    _case_sentence_starts(c)  # 5. sentence and line starts
    if mode == "upper":
        _keep_short_acronyms(c, text)
    out = "".join(c.chars)
    assert len(out) == len(text)
    return out


def _case_names(c: _Casing) -> None:
    """Known names, longest match first (4 words down to 1): the lexicon's names with their case,
    country words and demonyms, and places."""
    toks, folded, lexicon, n = c.toks, c.folded, c.lexicon, len(c.toks)
    i = 0
    while i < n:
        matched = False
        for size in (4, 3, 2, 1):
            if i + size > n:
                continue
            key = tuple(folded[i : i + size])
            if not all(w[:1].isalnum() or w == "-" for w in key):
                continue
            key = (*key[:-1], _POSSESSIVE.sub("", key[-1]))  # "chhattisgarh's"
            if key in lexicon.names:
                c.cap_tokens(i, i + size, lexicon.names[key])
                matched = True
            elif size > 1 and lexicon.is_country_word(key):  # "democratic republic of congo"
                c.cap_tokens(i, i + size)
                matched = True
            elif size == 1 and lexicon.is_country_word(key) and not lexicon.is_verb(key[0]):
                # demonyms are adjectives in English too ("pakistani"); "polish" is a verb
                if len(key[0]) > 3:
                    c.cap_tokens(i, i + 1)
                    matched = True
                elif not lexicon.is_common(key[0]):  # "drc", "uae"; not "car", "us"
                    _apply(c.chars, toks[i][0], toks[i][2].upper())
                    c.done[i] = matched = True
            elif (
                "-" not in key
                and not (size == 1 and i > 0 and folded[i - 1] in _DETERMINERS and lexicon.is_common(key[0]))
                and lexicon.is_place(key)
            ):  # "a tank", "the police": a determiner makes an English word a common noun
                c.cap_tokens(i, i + size)
                matched = True
            if matched:
                i += size
                break
        if not matched:
            i += 1


def _case_dates(c: _Casing) -> None:
    """Month and weekday names ("may" and "march" only beside a day number or year, or after a
    time word), month abbreviations before a day, and "I"."""
    toks, folded, n = c.toks, c.folded, len(c.toks)
    for k in range(n):
        w = folded[k]
        if w in _MONTHS or w in _WEEKDAYS or w == "i":
            c.cap_tokens(k, k + 1)
        elif w in _MONTH_ABBREVIATIONS and (
            (k + 2 < n and toks[k + 1][2] == "." and toks[k + 2][2].isdigit())
            or (w != "mar" and k + 1 < n and toks[k + 1][2].isdigit() and toks[k][1] < toks[k + 1][0])
        ):
            c.cap_tokens(k, k + 1)  # "oct. 3", "nov 19"
        elif w in _AMBIGUOUS_MONTHS:
            nxt = toks[k + 1][2] if k + 1 < n else ""
            prev = folded[k - 1] if k > 0 else ""
            numbered = (nxt.isdigit() and (len(nxt) == 4 or int(nxt) <= 31)) or (
                prev.isdigit() and int(prev) <= 31
            )
            # "in march, ...", "since may.", "early march this year": a time word before, no verb after
            timed = prev in _BEFORE_MONTH and (
                not nxt[:1].isalpha() or nxt.lower() in ("this", "last", "next")
            )
            if numbered or timed:
                c.cap_tokens(k, k + 1)


def _case_acronyms(c: _Casing) -> None:
    """Acronyms in brackets spelled by the words before them ("district reserve guard (drg)"),
    the words and the acronym wherever it recurs."""
    toks, folded, n = c.toks, c.folded, len(c.toks)
    acronyms: set[str] = set()
    for k in range(2, n - 1):
        if toks[k - 1][2] != "(" or toks[k + 1][2] != ")" or not toks[k][2].isalpha():
            continue
        letters = folded[k]
        if not 2 <= len(letters) <= 8:
            continue
        j, want = k - 2, len(letters) - 1
        span_start = None
        while j >= 0 and want >= 0 and (toks[j][2][:1].isalpha() or toks[j][2] == "-"):
            if toks[j][2] == "-" or (folded[j] in NAME_FUNCTION_WORDS and folded[j][0] != letters[want]):
                j -= 1
                continue
            if folded[j][0] != letters[want]:
                break
            span_start, want, j = j, want - 1, j - 1
        if want < 0 and span_start is not None:
            acronyms.add(letters)
            c.cap_tokens(span_start, k - 1)
    for k in range(n):
        if folded[k] in acronyms:
            _apply(c.chars, toks[k][0], toks[k][2].upper())
            c.done[k] = True


def _case_unknown_names(c: _Casing) -> None:
    """Unknown words (no English word, no known name) where names stand: after a locative
    preposition, a title or a name, or before a place head noun - and the unknown words right
    after them ("minister bhupesh baghel", "near tongpal", "burkapal area"); an English word
    that names a district before a district head ("in the swat district")."""
    toks, folded, done, lexicon, n = c.toks, c.folded, c.done, c.lexicon, len(c.toks)

    def unknown(k: int) -> bool:
        w = folded[k]
        return not done[k] and len(w) >= 3 and w.isalpha() and not lexicon.is_common(w)

    def prev_word(k: int) -> int | None:
        j = k - 1
        while j >= 0 and toks[j][2] == ".":
            j -= 1
        return j if j >= 0 and toks[j][2][:1].isalpha() and toks[j][0] >= toks[k][0] - 12 else None

    k = 0
    while k < n:
        if unknown(k):
            j = prev_word(k)
            named = j is not None and (
                folded[j] in _LOCATIVE
                or folded[j] in _TITLES
                or (done[j] and folded[j] not in NAME_FUNCTION_WORDS)
            )
            end = k + 1
            while end < n and unknown(end) and toks[end][0] - toks[end - 1][1] <= 1:
                end += 1
            if named or (end < n and folded[end] in _PLACE_HEADS):
                c.cap_tokens(k, end)
            k = end
        elif (
            not done[k]
            and k + 1 < n
            and folded[k + 1] in _ADMIN_HEADS
            and folded[k].isalpha()
            and folded[k] not in lexicon.names
            and k > 0
            and (folded[k - 1] in ("the", *_LOCATIVE) or folded[k - 1] in _COMPASS)
            and lexicon.is_admin_unit(folded[k])
        ):
            c.cap_tokens(k, k + 1)  # "in the swat district": an English word, and a district's name
            k += 1
        else:
            k += 1


def _case_sentence_starts(c: _Casing) -> None:
    """The first letter of each sentence and of the word after a dateline, not after an
    abbreviation's full stop."""
    chars = c.chars
    cased = "".join(chars)
    for m in [*_SENT_START.finditer(cased), *_DATELINE_START.finditer(cased)]:
        at = m.start(1)
        before = cased[max(0, m.start() - 6) : m.start() + 1]
        prev_word = re.search(r"([\w.]+)\.$", before)
        if prev_word and prev_word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
            continue
        chars[at] = chars[at].upper() if len(chars[at].upper()) == 1 else chars[at]


def _keep_short_acronyms(c: _Casing, text: str) -> None:
    """In ALL-CAPS text, a short capitalised word that is no English word is taken for an
    acronym ("NPA")."""
    for k, (s, _, word) in enumerate(c.toks):
        orig = text[s : s + len(word)]
        stem = _POSSESSIVE.sub("", fold(word))
        if not c.done[k] and orig.isupper() and 2 <= len(stem) <= 5 and not c.lexicon.is_common(stem):
            _apply(c.chars, s, word[: len(stem)].upper())  # "IRA'S" -> "IRA's"


# ---------------------------------------------------------------------------
# Back to the original words


def restore_texts(obj: Any, text: str) -> Any:
    """``obj`` (an event, a list of them, any eventlens dataclass) with every span's text taken
    from ``text`` again, and every ``mention`` that only differs in case from its span's text
    set to the original words: records made from a truecased parse show the article's words."""
    if isinstance(obj, list):
        return [restore_texts(x, text) for x in obj]
    if isinstance(obj, tuple):
        return tuple(restore_texts(x, text) for x in obj)
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return obj
    changes: dict[str, Any] = {}
    names = {f.name for f in dataclasses.fields(obj)}
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, (list, tuple)) or dataclasses.is_dataclass(value):
            new = restore_texts(value, text)
            if new is not value and new != value:
                changes[name] = new
    if {"start", "end", "text"} <= names:
        s, e, t = obj.start, obj.end, obj.text  # type: ignore[attr-defined]
        if isinstance(s, int) and isinstance(e, int) and isinstance(t, str) and 0 <= s <= e <= len(text):
            orig = text[s:e]
            if orig != t and orig.lower() == t.lower():
                changes["text"] = orig
    span = changes.get("span", getattr(obj, "span", None)) if "span" in names else None
    if "mention" in names and span is not None and isinstance(obj.mention, str):  # type: ignore[attr-defined]
        orig = getattr(span, "text", None)
        if isinstance(orig, str) and orig != obj.mention and orig.lower() == obj.mention.lower():  # type: ignore[attr-defined]
            changes["mention"] = orig
    return dataclasses.replace(obj, **changes) if changes else obj

"""Cleaning: where the story is in an article's text, and when it was published.

Why: scraped pages carry share bars, teasers, comment forms, bylines and credits
around (and sometimes inside) the story; every later stage reads only the story,
so an event is never taken from a "Next: ..." teaser or a reader's comment. The
text itself is never changed: :func:`clean` sets ``body_start``/``body_end``
and lists boilerplate blocks inside the body in ``removed``.

The method is general (jusText-like density reasoning, nothing per site):

1. Split the text into blocks (lines; hard-wrapped lines of one paragraph are
   joined). Score each block by features: word count, sentence-final
   punctuation, share of stopwords (jusText's stoplists, by the article's
   language), share of title-case words, separators typical of navigation, and
   generic UI vocabulary from ``data/boilerplate.txt``. A block is *good*
   (story-like prose), *bad* (furniture or a metadata line such as
   "Updated: ...") or *neutral* (short lines that could be either).
2. Section headings that announce furniture ("Leave a reply", "Related
   articles", "Source link") are barriers: the story does not continue past one.
3. In each stretch between barriers, take the maximum-sum run of blocks (good
   blocks add their words, bad ones subtract), keep the first stretch whose run
   is at least half the best one (stories come before comments), and trim it to
   its first and last sentence-like block.

Publication times printed in the text ("Update: October 31, 2021, 9:21 a.m.",
"Published 3 hours ago", ISO stamps) are read from metadata lines outside the
story, nearest the story's edges first; dates in story sentences are ignored.
Times are kept as printed (naive local wall-clock time, offsets and zone names
dropped), like :mod:`eventlens.read.html` does for metadata.
The lines and datelines are read by :mod:`eventlens.stages.clean_times`.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, replace
from datetime import datetime
from importlib import resources
from typing import Literal

from eventlens.stages.clean_times import SENTENCE_END, WORD, Precision, find_dateline, find_time_line
from eventlens.stages.truecase import case_mode
from eventlens.types import Article, Span

logger = logging.getLogger(__name__)


# ---------------------------------------------------------------------------
# Vocabulary


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The generic UI phrases of ``data/boilerplate.txt``, normalised to lower case."""

    header: frozenset[str]
    prefix: tuple[str, ...]
    contains: tuple[str, ...]


@functools.cache
def load_vocabulary() -> Vocabulary:
    sections: dict[str, list[str]] = {"header": [], "prefix": [], "contains": []}
    current: list[str] | None = None
    raw = resources.files("eventlens").joinpath("data/boilerplate.txt").read_text(encoding="utf-8")
    for line in raw.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections[line[1:-1]]
            continue
        if current is None:
            raise ValueError(f"data/boilerplate.txt: phrase {line!r} before any [section]")
        current.append(line.lower())
    # Longest prefixes first, so "share on" is tried before "share".
    return Vocabulary(
        frozenset(sections["header"]),
        tuple(sorted(sections["prefix"], key=len, reverse=True)),
        tuple(sections["contains"]),
    )


#: ISO 639-1 -> jusText stoplist name, for the languages news in our corpora comes in.
_STOPLIST_NAMES = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "pt": "Portuguese",
    "it": "Italian", "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic",
    "fa": "Persian", "tr": "Turkish", "id": "Indonesian", "sw": "Swahili", "pl": "Polish",
    "ro": "Romanian", "hi": "Hindi", "ur": "Urdu", "ca": "Catalan", "sv": "Swedish",
    "da": "Danish", "no": "Norwegian_Bokmal", "fi": "Finnish", "cs": "Czech", "hu": "Hungarian",
    "el": "Greek", "he": "Hebrew", "bg": "Bulgarian", "sr": "Serbian", "hr": "Croatian",
    "vi": "Vietnamese", "tl": "Tagalog", "ms": "Malay", "so": "English",
}  # fmt: skip


@functools.cache
def stopwords(language: str | None) -> frozenset[str] | None:
    """jusText's stoplist for ``language`` (English when unknown); None if there is none."""
    name = _STOPLIST_NAMES.get(language or "en")
    if name is None:
        return None
    import justext

    return frozenset(w.lower() for w in justext.get_stoplist(name))


# ---------------------------------------------------------------------------
# Blocks and their classes

_NAV_SEPARATORS = re.compile(r"\s[|»›•·/>]\s|\s>>\s")
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|copyright\s+(?:©\s*)?\d{4}", re.IGNORECASE)
_URL = re.compile(r"https?://|www\.\S+\.\w|\S+@\S+\.\w")
_COUNTED_HEADER = re.compile(r"^\d+\s+(?:comments?|responses?|replies|thoughts|shares)\b", re.IGNORECASE)
_SAYS = re.compile(r"^[\w .'-]{2,40}\s(?:says|said|wrote):?$", re.IGNORECASE)
#: Blocks this short (in words) never count as story prose on their own.
MIN_GOOD_WORDS = 8
#: Stopword share above which a block reads as prose (jusText uses 0.30-0.32 for English;
#: lower here because news prose is dense with names - measured on the fixture's paragraphs,
#: 0.19-0.45).
MIN_PROSE_STOPWORDS = 0.18
#: Penalty (in words) every boilerplate block costs a run, on top of its own length, so a
#: single "Advertisement" inside a story does not split it but a teaser list does.
BAD_BLOCK_COST = 8

Kind = Literal["good", "neutral", "bad"]


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph (line, or hard-wrapped lines) of ``Article.text``."""

    start: int
    end: int
    text: str
    words: int
    sentence: bool
    kind: Kind
    barrier: bool = False
    why: str = ""


#: words a headline never ends on but a hard-wrapped line may ("... in a forest near the")
_OPEN_ENDINGS = frozenset("the a an of to in on at by for from with and or but that which near".split())


def split_blocks(text: str, *, title_end: int | None = None, caseless: bool = False) -> list[tuple[int, int]]:
    """Non-empty paragraphs as (start, end) offsets, surrounding whitespace excluded.

    A line is joined to the next one when it looks hard-wrapped: it is long, has no
    final punctuation, and the next line follows without a blank line and goes on
    mid-sentence (lower-case start, or the line ended with a comma). The line that ends
    at ``title_end`` (the reader's headline) is never joined to the next. In ``caseless``
    text (all lowercase or all capitals, :func:`eventlens.stages.truecase.case_mode`) a
    lower-case start says nothing, so only a comma or a word no line-final headline ends on
    ("the", "of") joins lines.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
        else:
            spans.append((-1, -1))
        pos += len(line) + 1
    merged: list[tuple[int, int]] = []
    prev_open = False
    for start, end in spans:
        if start < 0:
            prev_open = False
            continue
        line = text[start:end]
        prev_end = text[merged[-1][0] : merged[-1][1]] if merged else ""
        last_word = prev_end.rsplit(None, 1)[-1].lower() if prev_end.strip() else ""
        goes_on = (line[0].islower() and not caseless) or prev_end.endswith(",") or last_word in _OPEN_ENDINGS
        if prev_open and merged and goes_on:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
        prev_open = (
            len(line) >= 50
            and not re.search(r"[.!?:;\"”’)\]]\s*$", line)
            and (title_end is None or not start <= title_end <= end)
        )
    return merged


def _norm(s: str) -> str:
    return re.sub(r"[\s:;.,!?*|>»›\-–—]+$", "", s.lower().strip(" \t*#-–—•|>»›")).strip()


def classify(
    text: str, stops: frozenset[str] | None, vocab: Vocabulary, *, caseless: bool = False
) -> tuple[Kind, bool, str]:
    """(kind, is_barrier, reason) for one block's text (``caseless``: capitals say nothing)."""
    words = WORD.findall(text)
    n = len(words)
    sentence = bool(SENTENCE_END.search(text)) and n >= 4
    low = _norm(text)
    if low in vocab.header or _COUNTED_HEADER.match(low):
        return "bad", True, "furniture heading"
    if find_time_line(text) is not None:
        return "bad", False, "date line"
    if n <= 40:
        for phrase in vocab.contains:
            if phrase in low:
                return "bad", False, f"ui: {phrase}"
    if _COPYRIGHT.search(text) and n <= 40:
        return "bad", False, "copyright"
    if not sentence:
        for phrase in vocab.prefix:
            if low.startswith(phrase) and (len(low) == len(phrase) or not low[len(phrase)].isalnum()):
                return "bad", False, f"ui prefix: {phrase}"
        if _SAYS.match(text.strip()):
            return "bad", False, "comment author"
    if n <= 25 and len(_NAV_SEPARATORS.findall(text)) >= 2:
        return "bad", False, "navigation"
    if _URL.search(text) and n <= 12:
        return "bad", False, "link"
    if n == 0:
        return "bad", False, "no words"
    stop_share = sum(w.lower() in stops for w in words) / n if stops is not None else None
    capital = sum(w[0].isupper() for w in words) / n
    if not sentence and n >= 3 and capital >= 0.8 and not caseless:
        return "neutral", False, "title case"
    prose = stop_share is None or stop_share >= MIN_PROSE_STOPWORDS
    if sentence and n >= MIN_GOOD_WORDS and prose:
        return "good", False, "prose"
    if n >= 25 and prose:
        return "good", False, "long prose"
    if stop_share is not None and n >= 6 and stop_share < 0.08:
        return "bad", False, "no function words"
    return "neutral", False, "short"


def make_blocks(article: Article) -> list[Block]:
    vocab = load_vocabulary()
    stops = stopwords(article.language)  # decided once by the reader (eventlens.read.lang)
    caseless = case_mode(article.text) is not None
    title_end = article.title_span.end if article.title_span else None
    out = []
    for start, end in split_blocks(article.text, title_end=title_end, caseless=caseless):
        text = article.text[start:end]
        kind, barrier, why = classify(text, stops, vocab, caseless=caseless)
        words = len(WORD.findall(text))
        sentence = bool(SENTENCE_END.search(text)) and words >= 3
        out.append(Block(start, end, text, words, sentence, kind, barrier, why))
    return out


def _weight(b: Block) -> float:
    if b.kind == "good":
        return float(b.words)
    if b.kind == "bad":
        return -float(BAD_BLOCK_COST + min(b.words, 30))
    return 0.5 * b.words if b.sentence else -1.0


def _best_run(blocks: list[Block], lo: int, hi: int) -> tuple[float, int, int]:
    """Maximum-sum run of ``blocks[lo:hi]`` (Kadane): (score, first, last)."""
    best = (0.0, -1, -1)
    total, first = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, first = 0.0, i
        total += _weight(blocks[i])
        if total > best[0]:
            best = (total, first, i)
    return best


def _story_like(b: Block) -> bool:
    """Prose, or a short full sentence that is not furniture: a story may start or end on it."""
    return b.kind == "good" or (b.sentence and b.kind != "bad")


def find_body(blocks: list[Block], min_start: int = 0) -> tuple[int, int] | None:
    """Indices (first, last) of the story's blocks, or None if nothing reads as a story."""
    lo = next((i for i, b in enumerate(blocks) if b.start >= min_start), len(blocks))
    runs: list[tuple[float, int, int]] = []
    seg = lo
    for i in range(lo, len(blocks) + 1):
        if i == len(blocks) or blocks[i].barrier:
            run = _best_run(blocks, seg, i)
            if run[1] >= 0:
                runs.append(run)
            seg = i + 1
    runs = [r for r in runs if any(blocks[j].kind == "good" for j in range(r[1], r[2] + 1))]
    if not runs:
        return None
    top = max(r[0] for r in runs)
    _, first, last = next(r for r in runs if r[0] >= 0.5 * top)
    while first < last and not _story_like(blocks[first]):
        first += 1
    while last > first and not _story_like(blocks[last]):
        last -= 1
    return first, last


def find_title(blocks: list[Block], before: int) -> Block | None:
    """The headline among the blocks before the story: the first headline-shaped one."""
    for b in blocks[:before]:
        if b.kind == "bad" or not (4 <= b.words <= 30) or b.text.rstrip().endswith("."):
            continue
        return b
    return None


# ---------------------------------------------------------------------------
# The stage


def clean(article: Article, *, fetched: datetime | None = None, published: datetime | None = None) -> Article:
    """Find the story's bounds, boilerplate inside it, title, publication time and dateline.

    ``published`` overrides everything else; ``fetched`` (or ``article.fetched``)
    turns "3 hours ago" into a time. Returns a copy; ``article.text`` is untouched.
    """
    text = article.text
    blocks = make_blocks(article)
    min_start = article.title_span.end if article.title_span else 0
    bounds = find_body(blocks, min_start)
    if bounds is None:
        # Nothing reads as prose (a very short item): keep everything after the title.
        first = next((i for i, b in enumerate(blocks) if b.start >= min_start), len(blocks))
        last = len(blocks) - 1
    else:
        first, last = bounds
    changes: dict[str, object] = {}
    if first > last or first >= len(blocks):
        body_start, body_end = min_start, len(text)
        removed: tuple[Span, ...] = ()
    else:
        body_start, body_end = blocks[first].start, blocks[last].end
        removed = tuple(Span(b.start, b.end, b.text) for b in blocks[first : last + 1] if b.kind == "bad")
    changes.update(body_start=body_start, body_end=body_end, removed=removed)

    tspan = article.title_span
    title_block = next((b for b in blocks if tspan and b.start <= tspan.start < b.end), None)
    if article.title is None or (title_block is not None and title_block.kind == "bad"):
        # No title, or the reader's first-line guess is page furniture (a cookie banner).
        changes.update(title=None, title_span=None)
        head = find_title(blocks, first)
        if head is not None:
            changes.update(title=head.text, title_span=Span(head.start, head.end, head.text))

    caseless = case_mode(text) is not None
    dateline = find_dateline(text, body_start, caseless=caseless) if body_start < len(text) else None
    if dateline:
        changes["dateline"] = dateline[0]

    fetched = fetched or article.fetched
    if fetched is not None:
        changes["fetched"] = fetched
    if published is not None:
        changes.update(
            published=published,
            published_precision="day" if (published.hour, published.minute) == (0, 0) else "minute",
            published_evidence=None,
        )
    elif article.published is None:
        found = _published_from_text(blocks, first, last, fetched)
        if found is None and dateline and dateline[1]:
            when, span = dateline[1]
            found = (when, "day", span)
        if found is not None:
            changes.update(published=found[0], published_precision=found[1], published_evidence=found[2])
    return replace(article, **changes)  # type: ignore[arg-type]


def _published_from_text(
    blocks: list[Block], first: int, last: int, fetched: datetime | None
) -> tuple[datetime, Precision, Span] | None:
    """The best publication time printed in a metadata line (outside the story's sentences).

    Ranked: "published" markers, then "updated" markers, then bare date lines; ties go
    to the line nearest the story's edges.
    """
    ranked: list[tuple[int, int, datetime, Precision, Span]] = []
    # Past the first furniture heading after the story come comments and teasers, whose
    # dates are not the article's.
    tail = next((i for i in range(last + 1, len(blocks)) if blocks[i].barrier), len(blocks))
    for i, b in enumerate(blocks[:tail]):
        if first <= i <= last and b.kind != "bad":
            continue
        found = find_time_line(b.text)
        if found is None:
            continue
        when = found.when
        if found.relative is not None:
            if fetched is None:
                continue
            when = fetched - found.relative
        assert when is not None
        distance = first - i if i < first else i - last if i > last else 0
        rank = {"published": 0, "updated": 1, "": 2}[found.marker]
        span = Span(b.start + found.start, b.start + found.end, b.text[found.start : found.end])
        ranked.append((rank, distance, when, found.precision, span))
    if not ranked:
        return None
    _, _, when, precision, span = min(ranked, key=lambda r: (r[0], r[1]))
    return when, precision, span

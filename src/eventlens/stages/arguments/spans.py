"""The spans of the article's one spaCy Doc the argument rules read (entities, noun chunks,
phrases), computed once per Doc, and their record ``Span`` form."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from eventlens.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


def _doc_text(doc: Doc) -> str:
    """``doc.text`` rebuilds the string on every access; keep one copy per Doc."""
    text = doc.user_data.get("eventlens_text")
    if text is None:
        text = doc.user_data["eventlens_text"] = doc.text
    return text


def _doc_spans(doc: Doc, name: str, build: Callable[[], Iterable[SpacySpan]]) -> list[SpacySpan]:
    """A list of the Doc's spans (entities, noun chunks) built once and kept in ``user_data``."""
    spans = doc.user_data.get(f"eventlens_{name}")
    if spans is None:
        spans = doc.user_data[f"eventlens_{name}"] = list(build())
    return spans


def _spans_within(span: SpacySpan, name: str, build: Callable[[], Iterable[SpacySpan]]) -> list[SpacySpan]:
    """The Doc's ``name`` spans inside ``span``; the same sentences are asked about again and
    again (per event, per argument), so each answer is kept too."""
    doc = span.doc
    memo = doc.user_data.setdefault(f"eventlens_{name}_by_span", {})
    key = (span.start, span.end)
    found = memo.get(key)
    if found is None:
        spans = _doc_spans(doc, name, build)
        # the Doc's spans are sorted by start: look only from the first one at or after the
        # span's start (a scan of the whole list for every sentence grew with the square of
        # the text's length)
        index = doc.user_data.get(f"eventlens_{name}_starts")
        if index is None or len(index[0]) != len(spans):
            starts = [c.start for c in spans]
            ordered = all(a <= b for a, b in zip(starts, starts[1:], strict=False))
            index = doc.user_data[f"eventlens_{name}_starts"] = (starts, ordered)
        starts, ordered = index
        found = []
        # by position, not over a slice: ``spans[i:]`` copied the rest of the Doc's list on
        # every new span asked about (a 1 MB text's ents, for each three-token window)
        for k in range(bisect_left(starts, span.start) if ordered else 0, len(spans)):
            c = spans[k]
            if ordered and c.start > span.end:
                break
            if span.start <= c.start and c.end <= span.end:
                found.append(c)
        memo[key] = found
    return found


def _noun_chunks(sent: SpacySpan) -> list[SpacySpan]:
    """``Span.noun_chunks`` walks the whole Doc each time; compute the Doc's once, then filter."""
    return _spans_within(sent, "chunks", lambda: sent.doc.noun_chunks)


def _ents(span: SpacySpan | Doc) -> list[SpacySpan]:
    """``span.ents`` without rebuilding the Doc's entity spans on every call (asked per sentence,
    per event, per argument: a tenth of the extraction time): the Doc's list once, filtered."""
    if not hasattr(span, "doc") or span.doc is span:
        return _doc_spans(span, "ents", lambda: span.ents)  # type: ignore[arg-type]
    return _spans_within(span, "ents", lambda: span.doc.ents)


def _cues_in(sent: SpacySpan) -> list[Any]:
    """The Doc's incident cues starting inside ``sent``, in order: a bisection over the cues'
    starts (they are in text order) instead of a scan of all of them for every sentence."""
    doc = sent.doc
    cues = doc._.cues or []
    index = doc.user_data.get("eventlens_cue_starts")
    if index is None or len(index[0]) != len(cues):
        starts = [c.start for c in cues]
        ordered = all(a <= b for a, b in zip(starts, starts[1:], strict=False))
        index = doc.user_data["eventlens_cue_starts"] = (starts, ordered)
    starts, ordered = index
    if not ordered:
        return [c for c in cues if sent.start <= c.start < sent.end]
    return cues[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]


def _span(doc: Doc, start_char: int, end_char: int) -> Span:
    return Span(start_char, end_char, _doc_text(doc)[start_char:end_char])


def _tok_span(t: Token | SpacySpan) -> Span:
    doc = t.doc
    if hasattr(t, "start_char"):
        return _span(doc, t.start_char, t.end_char)  # type: ignore[union-attr]
    return _span(doc, t.idx, t.idx + len(t))  # type: ignore[union-attr]


def _ent_of(tok: Token) -> SpacySpan | None:
    """The entity a token is in (a per-Doc index, built once: this is asked per token)."""
    if not tok.ent_type_:
        return None
    index = tok.doc.user_data.get("eventlens_ent_index")
    if index is None:
        index = {}
        for ent in _ents(tok.doc):
            for i in range(ent.start, ent.end):
                index[i] = ent
        tok.doc.user_data["eventlens_ent_index"] = index
    return index.get(tok.i)


def _subtree_span(tok: Token, limit: int = 14) -> SpacySpan:
    """The phrase a token heads, cut before a relative clause or after ``limit`` tokens."""
    left, right = tok.left_edge.i, tok.right_edge.i
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl", "punct", "advcl", "cc", "conj", "appos") and child.i > tok.i:
            right = min(right, child.i - 1)
            break
    # a clause on a noun inside the phrase too ("the body of a civilian killed by gunmen")
    right = min(
        [right]
        + [
            t.i - 1
            for t in tok.subtree
            if t.i > tok.i and t.dep_ in ("relcl", "acl") and t.tag_ in ("VBN", "VBD")
        ]
    )
    right = min(right, tok.i + limit)
    span = tok.doc[left : right + 1]
    while len(span) > 1 and (span[-1].is_punct or span[-1].pos_ == "CCONJ"):
        span = span[:-1]
    while len(span) > 1 and span[0].pos_ in ("DET", "CCONJ", "PUNCT") and span[0].lower_ not in ("no",):
        span = span[1:]
    return span

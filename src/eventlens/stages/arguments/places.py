"""The places an incident's sentences name, each with its role (where it happened, where a
weapon was launched from ...), leaving out places that speak for a government (metonymy)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventlens.stages.arguments.lexicon import ATTACK_PREPS
from eventlens.stages.arguments.spans import _doc_text, _ents, _noun_chunks, _span, _tok_span
from eventlens.types import PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

IMPACT_VERBS = frozenset(
    "land landed lands landing hit hits struck strike fall fell fallen explode exploded crash crashed impact".split()
)
LAUNCH_VERBS = frozenset("fire fired launch launched shoot shot lob lobbed".split())
SPEECH_LIKE = frozenset(
    "say said vow vowed warn warned accuse accused condemn condemned announce announced deny denied demand demanded threaten threatened insist insisted respond responded".split()
)
FACILITY_HEADS = frozenset(
    "embassy consulate base airport compound headquarters checkpoint station camp prison palace ministry parliament school hospital mosque church market".split()
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_TYPE = frozenset(
    "district neighborhood neighbourhood province governorate region area village town city suburb quarter county".split()
)


# ---------------------------------------------------------------- places
def _place_role(tok: Token) -> str:
    """origin / target / impact / location from the prepositions and verb governing ``tok``."""
    preps: list[str] = []
    node = tok
    for _ in range(7):
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ == "pobj":
            preps.append(head.lower_)
        if head.pos_ in ("VERB", "AUX"):
            lemma = head.lemma_
            if (
                preps
                and preps[0] == "from"
                and (head.lower_ in LAUNCH_VERBS or lemma in ("fire", "launch", "shoot"))
            ):
                return "origin"
            if lemma in ("land", "fall", "hit", "strike", "explode", "crash", "impact") and any(
                p in ("in", "into", "near", "on") for p in preps
            ):
                return "impact"
            if any(p in ATTACK_PREPS for p in preps) or (
                lemma in ("target", "attack", "storm") and not preps
            ):
                return "target"
            if head.dep_ == "conj" and head.head.lemma_ in ("land", "fall", "hit", "explode"):
                return "impact"
            return "location"
        node = head
    return "location"


#: SPEECH_LIKE forms plus their suffix-stripped keys, built once (``_metonymic`` runs per entity).
_SPEECH_KEYS = SPEECH_LIKE | {v.rstrip("ed") for v in SPEECH_LIKE}


def _metonymic(ent: SpacySpan) -> bool:
    """'Washington said', 'Tehran vowed': a capital speaking is a government, not a place."""
    root = ent.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _SPEECH_KEYS


def places_in(sents: Sequence[SpacySpan], *, target_tokens: set[int]) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    seen: set[tuple[int, int]] = set()
    for sent in sents:
        for ent in _ents(sent):
            if ent.label_ not in PLACE_LABELS or _metonymic(ent):
                continue
            if ent.root.pos_ == "ADJ":
                continue
            nxt_tok = ent.doc[ent.end] if ent.end < len(ent.doc) else None
            if nxt_tok is not None and nxt_tok.text == "-":
                continue  # "Iran-backed", "Baghdad-based": a modifier, not a place of the event
            head = ent.root.head
            if (
                ent.root.dep_ in ("compound", "nmod", "amod")
                and head.pos_ == "NOUN"
                and head.lower_ not in _PLACE_TYPE
            ):
                continue  # part of a larger name: "US embassy", "Baghdad airport"
            role = "target" if ent.root.i in target_tokens else _place_role(ent.root)
            text = ent.text
            if text.lower().startswith("the "):
                start = ent.start_char + 4
            else:
                start = ent.start_char
            key = (start, ent.end_char)
            if key in seen:
                continue
            seen.add(key)
            container = None
            nxt = ent.doc[ent.end : ent.end + 3]
            if (
                len(nxt) >= 2
                and nxt[0].lower_ == "of"
                and any(e.label_ in PLACE_LABELS for e in _ents(nxt[1:]))
            ):
                container = next(e.text for e in _ents(nxt[1:]) if e.label_ in PLACE_LABELS)
            # "the Mansour district": include the place-type head noun in the mention
            end = ent.end_char
            nt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
            if nt is not None and nt.lower_ in (
                "district",
                "neighborhood",
                "neighbourhood",
                "province",
                "governorate",
                "region",
            ):
                end = nt.idx + len(nt)
            out.append(
                PlaceMention(
                    _doc_text(ent.doc)[start:end], role, _span(ent.doc, start, end), container=container
                )
            )  # type: ignore[arg-type]
        # facilities the model misses: "the US embassy", "a military base"
        for chunk in _noun_chunks(sent):
            if chunk.root.lower_ in FACILITY_HEADS and not any(s <= chunk.root.idx < e for s, e in seen):
                span = chunk
                while len(span) > 1 and span[0].pos_ in ("DET", "PRON"):
                    span = span[1:]
                key = (span.start_char, span.end_char)
                seen.add(key)
                role = "target" if chunk.root.i in target_tokens else _place_role(chunk.root)
                out.append(PlaceMention(span.text, role, _tok_span(span)))  # type: ignore[arg-type]
    return out

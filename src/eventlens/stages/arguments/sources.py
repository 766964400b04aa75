"""Who reported the incident ("according to police", "a witness said"), and whether an entity is a speaker."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventlens.stages.arguments.lexicon import SAY_VERBS
from eventlens.stages.arguments.spans import _span, _tok_span
from eventlens.types import Source, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

#: Verbs of responding after the fact: forces that arrest, find or investigate are not a side.
_RESPONSE_VERBS = frozenset(
    "arrest detain investigate arrive find recover rescue transport respond probe launch open search discover identify".split()
)


#: Nouns of people who speak for a service ("police officials", "army spokesman").
_SPEAKER_NOUNS = frozenset(
    "official officials spokesman spokesmen spokeswoman spokesperson source sources".split()
)


def _speaking_noun(tok: Token) -> Token:
    """The noun a service's name modifies when that noun is its speakers ("army" in "army
    officials", "police" in "health and police officials"); else the token itself."""
    head = tok
    for _ in range(3):
        if head.dep_ not in ("compound", "nmod", "amod", "conj") or head.head is head:
            break
        head = head.head
        if head.lower_ in _SPEAKER_NOUNS:
            return head
    return tok


def _is_speaker(ent: SpacySpan) -> bool:
    """The entity only reports the event or responds to it afterwards: subject of "said"/"told",
    "according to" it, or subject/agent of "arrested", "found", "investigated". The entity may
    name the speakers' service ("army officials said", "health and police officials said")."""
    root = _speaking_noun(ent.root)
    if root.dep_ == "nsubj" and (
        root.head.lemma_ in ("say", "tell", "report", "confirm", "state", "add")
        or root.head.lower_ in SAY_VERBS
    ):
        return True
    if root.dep_ == "nsubj" and root.head.lemma_ in _RESPONSE_VERBS:
        return True
    if root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.lemma_ in _RESPONSE_VERBS:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"


_ACCORDING = re.compile(
    r"\baccording to (?:the |a |an )?([A-Za-z][\w'’ -]{1,60}?)(?=[,.;]|$| who| which)", re.I
)
_POLICE_SOURCE = frozenset(
    "police policeman policemen officer officers police officer police officials".split()
)


def sources_in(sents: Sequence[SpacySpan]) -> list[Source]:
    out: list[Source] = []
    seen: set[str] = set()

    def add(name: str, span: Span) -> None:
        low = name.lower()
        low = re.sub(r"^(a|an|the|one|two|local|senior)\s+", "", low)
        if low in _POLICE_SOURCE or low.endswith(" police") or low.startswith("police "):
            name = "police"
        if name.lower() in seen or low in ("he", "she", "they", "it", "who", "which"):
            return
        seen.add(name.lower())
        out.append(Source(name, span))

    for sent in sents:
        for tok in sent:
            if (
                tok.lemma_ in ("say", "report", "tell", "confirm", "state", "announce")
                or tok.lower_ in SAY_VERBS
            ):
                if tok.pos_ not in ("VERB", "AUX"):
                    continue
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                node = tok
                hops = 0
                while (
                    subj is None
                    and node.dep_ in ("xcomp", "acl", "relcl", "advcl", "ccomp", "attr", "acomp")
                    and hops < 3
                ):
                    node = node.head
                    hops += 1
                    subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
                    if subj is None and node.pos_ == "NOUN":
                        # "the first to report": the noun's own head is the copula
                        subj = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
                if subj is None or subj.pos_ == "PRON":
                    continue
                phrase = _source_phrase(subj)
                add(phrase.text, _tok_span(phrase))
        for m in _ACCORDING.finditer(sent.text):
            s = sent.start_char + m.start(1)
            add(m.group(1).strip(), _span(sent.doc, s, s + len(m.group(1).strip())))
    return out


def _source_phrase(tok: Token) -> SpacySpan:
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i
    # keep "on Telegram"-style prepositional attachments, stop at a relative clause or comma
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in ("on", "of", "for") and c.i == right + 1:
            right = c.right_edge.i
            break
    span = doc[left : right + 1]
    for i, t in enumerate(span):
        if i and (t.text in (",", ";", "(") or t.dep_ == "relcl"):
            span = span[:i]
            break
    while len(span) > 1 and span[0].pos_ in ("DET",):
        span = span[1:]
    return span

"""The weapons an incident's sentences name (WEAPON entities), with their counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventlens.stages.arguments.spans import _ents, _tok_span
from eventlens.stages.numbers import parse_number
from eventlens.types import Weapon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan


# ---------------------------------------------------------------- weapons
def weapons_in(sents: Sequence[SpacySpan]) -> list[Weapon]:
    """WEAPON entities with counts ("three rockets" -> 3), merged per kind (named type preferred)."""
    by_kind: dict[str, Weapon] = {}
    for sent in sents:
        for ent in _ents(sent):
            if ent.label_ != "WEAPON" or ent.ent_id_ in ("less-lethal",):
                continue
            kind = ent.ent_id_ or "other"
            count = None
            prev = ent.doc[ent.start - 1] if ent.start > 0 else None
            if prev is not None and (
                prev.like_num or prev.lower_ in ("a", "an", "one", "two", "three", "dozens", "several")
            ):
                count = parse_number(prev.text)
            # "All three were of the Katyusha type": the count is on the subject
            if count is None:
                for t in ent.root.ancestors:
                    if t.pos_ in ("AUX", "VERB"):
                        for c in t.children:
                            if c.dep_ == "nsubj" and c.like_num:
                                count = parse_number(c.text)
                        break
            w = Weapon(ent.text, kind, count, _tok_span(ent))
            old = by_kind.get(kind)
            if old is None:
                by_kind[kind] = w
            else:
                named = ent.text[:1].isupper() and ent.start != sent.start
                mention = w.mention if (named and not old.mention[:1].isupper()) else old.mention
                span = w.span if mention == w.mention else old.span
                cnt = max([c for c in (old.count, count) if c is not None], default=None)
                by_kind[kind] = Weapon(mention, kind, cnt, span)
    return list(by_kind.values())

"""Article-level names for the unnamed doers of an article's armed records (issue 15, item 4).

:func:`article_actors` runs once per article after every record is finalised
(``pipeline.events_from_doc``): what the article's other sentences say of a doer the record's own
words leave unnamed - a group the lead names with the same generic noun ("Seven Taliban militants
were killed ..." then "Three militants tried to plant an IED"), a claim told after the account,
or a claim in another record "for the bombings". The per-record rules are in
``stages.record_actors``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from eventlens.stages.actor_names import find_actors
from eventlens.stages.record_actors import _ARMED_TYPES, _COUNTED, _TARGETED, claimant_in, names_day
from eventlens.types import Actor, Event, Evidence, Span

__all__ = ["article_actors"]

#: Generic nouns for armed non-state doers that an article reuses after naming the group once
#: ("Seven Taliban militants were killed ... Three militants tried to plant an IED").
_GENERIC_DOERS = frozenset(
    "militants insurgents rebels fighters jihadists extremists guerrillas gunmen militiamen".split()
)
_GENERIC_WORD = re.compile(
    r"\b("
    + "|".join(sorted(_GENERIC_DOERS))
    + r"|"
    + "|".join(sorted(w[:-1] for w in _GENERIC_DOERS if w.endswith("s")))
    + r")\b",
    re.I,
)


def _plural(word: str) -> str:
    w = word.lower()
    return w if w.endswith("s") or w.endswith("men") else w + "s"


#: Words without which a sentence states no claim or attribution: only the sentences that have one
#: are read for names (the pass stays linear in the article's length).
_CLAIM_WORDS = re.compile(
    r"\b(?:claim\w*|responsib\w*|credit|carried\s+out|perpetrated|committed|staged|masterminded"
    r"|orchestrated|blamed|pinned|attributed|behind)\b",
    re.I,
)


def article_actors(events: Sequence[Event], sentences: Sequence[Span]) -> list[Event]:
    """Name the unnamed doers of an article's armed records from its other sentences:

    - a generic noun the article first wrote after the group's name ("Seven Taliban militants
      were killed ..." then "Three militants tried to plant an IED") is that group, when the
      article's lead or the record's own sentences name one group so;
    - a claim the article states outside a record's sentences (a claim paragraph after the
      account) is the claimant's for the incident told just before it; a claim inside one
      record's sentences also names the doer of the article's other unnamed records of the same
      event type ("The Provisional IRA accepted responsibility for the bombings").

    Only records whose actor1 is missing or ACLED's "Unidentified ..." template change. The work
    is linear in the article: the lead, each record's own sentences, and the few sentences with a
    claim word (each read once per country)."""
    out = list(events)
    todo = [
        i
        for i, ev in enumerate(out)
        if ev.event_type in _ARMED_TYPES and _unnamed(ev.actor1) and ev.sentences
    ]
    if not todo:
        return out
    article = _ArticleClaims(out, sentences)
    for i in todo:
        ev = out[i]
        country = ev.location.country if ev.location is not None else None
        named = _coreferent_group(ev, sentences[:3], country) or article.claim_for(ev, country)
        if named is None or named.span is None:
            continue
        out[i] = replace(
            ev,
            actor1=named,
            evidence=(*ev.evidence, Evidence("actor1", (named.span,), "actor_names.article", 0.4)),
        )
    return out


def _unnamed(actor: Actor | None) -> bool:
    return actor is None or actor.name.startswith("Unidentified")


def _coreferent_group(ev: Event, lead: Sequence[Span], country: str | None) -> Actor | None:
    """The group the article's lead or the record's own sentences name with the generic noun the
    record's doer is written with (not a general remark further on: "Officials said X militants
    operate in the area")."""
    words = ev.actor1.mention if ev.actor1 is not None and ev.actor1.mention else ev.sentences[0].text
    nouns = {_plural(m.group(1)) for m in _GENERIC_WORD.finditer(words)}
    if not nouns:
        return None
    found: dict[str, Actor] = {}
    starts = {s.start for s in lead}
    when = names_day(ev)
    for sent in [*lead, *(s for s in ev.sentences if s.start not in starts)]:
        for m in find_actors(sent.text, country, when=when):
            if m.actor.rule not in ("name", "state") or m.actor.inter in (5, 6, 7):
                continue
            after = re.match(r"[\s\-]+([A-Za-z]+)", sent.text[m.end :])
            if after is None or _plural(after.group(1)) not in nouns:
                continue
            if _TARGETED.search(sent.text, 0, m.start) and not _COUNTED.search(sent.text, 0, m.start):
                continue  # "attacks on Taliban militants": the other side
            text = sent.text[m.start : m.end + after.end()]
            start = sent.start + m.start
            found.setdefault(
                m.actor.name, Actor(m.actor.name, text, Span(start, start + len(text), text), m.actor.inter)
            )
    return next(iter(found.values())) if len(found) == 1 else None


class _ArticleClaims:
    """The article's sentences with a claim word, which record holds each sentence, and where
    each record starts: asked per unnamed record, read once."""

    def __init__(self, events: Sequence[Event], sentences: Sequence[Span]) -> None:
        self.claims = [s for s in sentences if _CLAIM_WORDS.search(s.text)]
        self.holder: dict[int, Event] = {}
        for e in events:
            for s in e.sentences:
                self.holder.setdefault(s.start, e)
        self.firsts = sorted(e.sentences[0].start for e in events if e.sentences)
        self._claimant: dict[tuple[int, str | None], Actor | None] = {}

    def claimant(self, sent: Span, country: str | None) -> Actor | None:
        key = (sent.start, country)
        if key not in self._claimant:
            self._claimant[key] = claimant_in([sent], country)
        return self._claimant[key]

    def claim_for(self, ev: Event, country: str | None) -> Actor | None:
        """A claim of the article outside the record's sentences that refers to it (see
        :func:`article_actors`)."""
        own = {s.start for s in ev.sentences}
        first = ev.sentences[0].start
        for sent in self.claims:
            if sent.start in own:
                continue
            claimed = self.claimant(sent, country)
            if claimed is None:
                continue
            holder = self.holder.get(sent.start)
            if holder is not None:
                if holder.event_type == ev.event_type and holder.id != ev.id:
                    return claimed  # "claimed responsibility for the bombings": its other bombings too
                continue
            # a claim told apart: the incident told last before it
            k = bisect_left(self.firsts, sent.start)
            if k > 0 and self.firsts[k - 1] == first:
                return claimed
        return None

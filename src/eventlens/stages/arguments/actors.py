"""Actor names for the words of a text: ACLED-style provisional names for a mention (the
``{country}`` slot filled once the event is placed), a state named by a country modifying the
attack noun ("Israeli airstrike"), the noun phrase an actor's words head, and claims of
responsibility and suspects. Who acts in the parse is ``agents``; whose side each is, ``sides``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventlens.stages.arguments.lexicon import _GENERIC_ARMED, _SECURITY_ARMY, _SECURITY_POLICE
from eventlens.stages.arguments.spans import _cues_in, _ent_of, _ents, _tok_span
from eventlens.types import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["actor_from_mention", "claims_and_suspects", "noun_phrase", "state_from_modifier"]


_REBEL_WORDS = frozenset(
    "rebels rebel insurgents insurgent separatists jihadists jihadist guerrillas".split()
)


# ---------------------------------------------------------------- actors
def actor_from_mention(text: str, *, family: str, label: str | None, named: bool | None = None) -> Actor:
    """An ACLED-style actor name for a mention ("police" -> "Police Forces of {country}").

    ``named``: the entity ruler's verdict for an ARMED_GROUP mention (a named group such as
    "Boko Haram", or a generic one such as "armed individuals"), when the caller has it."""
    low = text.lower()
    if label == "ARMED_GROUP" and named is False:
        return Actor(
            "Unidentified Armed Group ({country})",
            text,
            inter=2 if set(re.findall(r"[a-z]+", low)) & _REBEL_WORDS else 3,
        )
    words = set(re.findall(r"[a-z]+", low))
    if label == "SECURITY_FORCE" or words & (_SECURITY_ARMY | _SECURITY_POLICE):
        if words & _SECURITY_POLICE:
            return Actor("Police Forces of {country}", text, inter=1)
        return Actor("Military Forces of {country}", text, inter=1)
    if (
        label == "ARMED_GROUP"
        and not (words & _GENERIC_ARMED)
        or (label == "ARMED_GROUP" and len(text.split()) > 2)
    ):
        name = re.sub(r"^(the|influential|notorious|powerful)\s+", "", text, flags=re.I).strip()
        inter = 3 if "militia" in low else 2
        return Actor(name, text, inter=inter)
    if words & _REBEL_WORDS:
        return Actor("Unidentified Armed Group ({country})", text, inter=2)
    if family == "demo_protest":
        return Actor("Protesters ({country})", text, inter=6)
    if family == "demo_riot":
        return Actor("Rioters ({country})", text, inter=5)
    return Actor("Unidentified Armed Group ({country})", text, inter=3)


#: Remote-violence nouns that a country modifier turns into a state attack ("Israeli airstrike").
_STATE_WEAPON_NOUNS = frozenset(
    "strike strikes airstrike airstrikes raid raids bombardment shelling drone drones warplanes jets missile missiles artillery".split()
)


def _own_country(name: str, head: Token) -> str:
    """ "Israeli military forces" are Israel's, wherever they act: a country or demonym modifying
    the actor's head noun names its country (``{of:Israeli}``, resolved by the pipeline);
    otherwise the ``{country}`` slot is left for the event's location to fill."""
    if "{country}" not in name:
        return name
    for c in head.children:
        ent = _ent_of(c)
        if (
            c.i < head.i
            and ent is not None
            and ent.label_ in ("NORP", "GPE")
            and c.dep_ in ("amod", "compound", "nmod", "poss")
        ):
            return name.replace("{country}", "{of:" + ent.text + "}")
    return name


#: Dependencies of the words written before a noun that belong to its name ("Houthi forces",
#: "Russian drones", "Iran-backed militias", "Russia's troops").
_LEFT_MODIFIERS = frozenset("compound amod nmod poss npadvmod".split())


def noun_phrase(words: SpacySpan | Token, *, max_extra: int = 5) -> SpacySpan:
    """The whole noun phrase an actor's words head: the words with the modifiers written before
    them ("forces" -> "Houthi forces", "militias" -> "Iran-backed Shiite militias", "drones" ->
    "Russian drones"), at most ``max_extra`` more words, no determiner or number in front."""
    doc = words.doc
    if hasattr(words, "start_char"):
        start, end = words.start, words.end  # type: ignore[union-attr]
    else:
        start, end = words.i, words.i + 1  # type: ignore[union-attr]
    first = start
    while start > 0 and first - start < max_extra:
        t = doc[start - 1]
        inside = start <= t.head.i < end
        if inside and t.dep_ in _LEFT_MODIFIERS:
            start -= 1
        elif t.dep_ == "case" and t.head.i == start - 2 and doc[start - 2].dep_ == "poss":
            start -= 2  # "Russia 's forces"
        elif t.dep_ == "punct" and t.text == "-" and inside and start > 1:
            start -= 1  # "Iran - backed": the hyphen, then its left word
        else:
            break
    while start < first and (doc[start].pos_ in ("DET", "PUNCT", "NUM") or doc[start].dep_ == "case"):
        start += 1
    return doc[start:end]


def _subject_weapon(t: Token) -> list[Token]:
    """The attack nouns a trigger verb has as its subject or passive agent ("Russian drones
    struck ...", "hit by Israeli missiles")."""
    if t.pos_ != "VERB":
        return []
    out = [c for c in t.children if c.dep_ == "nsubj" and c.lower_ in _STATE_WEAPON_NOUNS]
    out += [
        g
        for c in t.children
        if c.dep_ == "agent"
        for g in c.children
        if g.dep_ == "pobj" and g.lower_ in _STATE_WEAPON_NOUNS
    ]
    return out


def state_from_modifier(trigger_tokens: Sequence[Token]) -> Actor | None:
    """``Military Forces of {of:U.S.}`` when a country name or demonym modifies the attack noun
    (the trigger itself, the noun it modifies, or the weapon that is the trigger's subject);
    the pipeline resolves ``{of:...}`` to the country's name with the gazetteer. The mention is
    the noun phrase ("Israeli airstrike", "Russian drones")."""
    for t in trigger_tokens:
        nouns = [t] + [t.head] if t.head.lower_ in _STATE_WEAPON_NOUNS else [t]
        for noun in [*nouns, *_subject_weapon(t)]:
            if noun.lower_ not in _STATE_WEAPON_NOUNS:
                continue
            for c in noun.children:
                ent = _ent_of(c)
                if (
                    c.dep_ in ("compound", "amod", "nmod", "poss")
                    and ent is not None
                    and ent.label_ in ("GPE", "NORP")
                ):
                    phrase = noun_phrase(noun)
                    return Actor(
                        "Military Forces of {of:" + ent.text + "}", phrase.text, _tok_span(phrase), 1
                    )
    return None


# ---------------------------------------------------------------- claims, suspicion, sources
_CLAIM_NEG = re.compile(r"\b(no|none|nobody|not yet|yet to)\b.{0,40}\b(claim|responsibility)", re.I)


def claims_and_suspects(sents: Sequence[SpacySpan], family: str) -> tuple[Actor | None, bool, list[Actor]]:
    claimed: Actor | None = None
    negated = False
    suspects: list[Actor] = []
    seen: set[str] = set()
    for sent in sents:
        cues = _cues_in(sent)
        names = {c.name for c in cues}
        groups = []
        for e in _ents(sent):
            if e.label_ != "ARMED_GROUP":
                continue
            if groups and groups[-1].end == e.start:  # "al-Shabaab militants": one group
                groups[-1] = sent.doc[groups[-1].start : e.end]
            else:
                groups.append(e)
        if "CLAIM" in names:
            if _CLAIM_NEG.search(sent.text):
                negated = True
            else:
                for g in groups:
                    if g.root.dep_ in ("nsubj",) or g.start < min(c.start for c in cues if c.name == "CLAIM"):
                        claimed = actor_from_mention(g.text, family=family, label="ARMED_GROUP")
                        claimed = Actor(claimed.name, g.text, _tok_span(g), claimed.inter, True)
                        break
        if "HEDGE" in names:
            for g in groups:
                phrase = _group_phrase(g)
                key = phrase.text.lower()
                if key in seen:
                    continue
                seen.add(key)
                a = actor_from_mention(g.text, family=family, label="ARMED_GROUP")
                suspects.append(
                    Actor(
                        a.name if "{country}" not in a.name else phrase.text,
                        phrase.text,
                        _tok_span(phrase),
                        a.inter,
                        False,
                    )
                )
    return claimed, negated, suspects


def _group_phrase(ent: SpacySpan) -> SpacySpan:
    """Widen a generic group mention to its modifiers: "militias" -> "Iran-backed Shiite militias"."""
    doc = ent.doc
    start = ent.start
    while (
        start > 0
        and doc[start - 1].dep_ in ("amod", "compound", "npadvmod", "nmod")
        and doc[start - 1].head.i >= ent.start - 1
    ):
        start -= 1
    while (
        start > 0
        and doc[start - 1].text == "-"
        or (start > 1 and doc[start - 1].dep_ == "punct" and doc[start - 1].text == "-")
    ):
        start -= 2 if start >= 2 else 1
    while start < ent.start and doc[start].pos_ in ("DET", "PUNCT"):
        start += 1
    return doc[start : ent.end]

"""What kind of story tells an incident: news of it, or a story that only refers to it.

ACLED codes political violence and protest as it happens. Much news uses the same words for
other things: a plea hearing about a bombing, a claim of last week's attack, the anniversary of
a massacre, a sanctions story over a chemical attack, a football report full of "attacks" and
"shots", floods that killed dozens, a drug bust, yearly statistics of killings. None of these
gives a *reported* record:

- the incident a legal, claim, reaction or commemoration story is about becomes a
  **background** record dated by the incident's own date (never the hearing's or the
  statement's day; month or year precision when that is all the text gives, none otherwise);
- sport, statistics, disasters and accidents, and ordinary crime give **no record**.

The decision reads the parse: the words that govern an incident word on its way up to the
sentence's root ("pleaded guilty **to the bombing**", "claimed responsibility **for the
attack**"), the subject of the incident's verb ("a **fire** tore through a factory, killing
19"), and the vocabulary around it (sports terms, crime without an armed or political actor, a
count over months or years). The word lists are in ``data/kinds.json`` with their source, read
by ``stages.kind_words`` (which also holds the kinds read from words alone: sport, disaster, crime).
The walk up the parse to a governing word is ``stages.kind_governors``.

Public: :func:`frame_of` (one group of sentences), :func:`article_kind` (the lead's kind) and
:func:`apply_kinds` (the pipeline's hook: drops the groups of no record, marks the background ones).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from eventlens.stages.arguments.toll import casualties
from eventlens.stages.detect import EVENT_CUES
from eventlens.stages.kind_governors import (
    charge_by_force,
    governor,
    is_negated,
    legal_subject,
    own_clause,
    unrealised,
)
from eventlens.stages.kind_words import (
    brawl_terms,
    crime_log,
    crime_terms,
    disaster_terms,
    hazard_near,
    is_hazard,
    log_keeps,
    sport_terms,
    word_lists,
)
from eventlens.stages.merge import BACKGROUND_DAYS, SEPARATION, SEPARATION_OPENER, is_old
from eventlens.stages.tolls import BIG_TOLL, clause_of, names_one_incident

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from eventlens.stages.dates import DateMention
    from eventlens.stages.merge import Group, Sentence
    from eventlens.types import Cue

Kind = Literal[
    "incident",
    "legal",
    "claim",
    "reaction",
    "commemoration",
    "recall",
    "statistics",
    "sport",
    "disaster",
    "crime",
]
Role = Literal["reported", "background", "none"]

#: Stories that refer to an incident told elsewhere: the incident is background.
REFERRING: frozenset[str] = frozenset({"legal", "claim", "reaction", "commemoration", "recall"})
#: Stories about something ACLED does not code: no record at all.
NOT_INCIDENTS: frozenset[str] = frozenset({"statistics", "sport", "disaster", "crime"})

#: The incident words a hazard or an ordinary crime can explain (killing, an explosion,
#: destruction, displacement; arrests, seizures, looting, robbery by a group, abduction). A
#: chemical, air, artillery, clash or protest word never is a disaster or a crime.
_DISASTER_CUES = frozenset({"KILL", "IED", "LOOT", "DISPLACE"})
_CRIME_CUES = frozenset({"ARREST", "DISRUPT", "LOOT", "MOB", "ABDUCT", "KILL"})
#: The incident words a brawl of patrons explains (a fight, a riot's words, an arrest).
_BRAWL_CUES = frozenset({"ARREST", "MOB", "RIOT", "CLASH", "INTERVENE", "EXCESSIVE"})
#: A count that is not a year ("10,000 people", "61 killed").
_COUNT = re.compile(r"\b(?!(?:19|20)\d\d\b)\d[\d,.]*\b")
_DAY_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|overnight|"
    r"last night|this morning|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* \d{1,2}\b)",
    re.I,
)
#: Counts compared across places or groups ("more air strikes than any other region").
_COMPARED = re.compile(r"\b(?:more|fewer)\s+(?:[\w-]+\s+){1,3}than\s+(?:any\s+other|all\s+other)\b", re.I)
#: The day a count starts from ("1,104 civilians killed since 1 January"): a period, no incident's day.
_SINCE_DAY = re.compile(
    r"\bsince\s+(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*(?:\s+\d{1,2}\b)?", re.I
)
#: A plain count, digits with thousands commas ("30,000", "250"), not a year.
_THOUSANDS = re.compile(
    r"(?<![\d,.])(?!(?:19|20)\d\d\b)\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d,.])(?!(?:19|20)\d\d\b)\d+(?![\d,.])"
)
_PERCENT = re.compile(r"\d\s*(?:%|percent\b|per cent\b)", re.I)
#: How far back a reaction's incident is still the news: merge's own week of news
#: (``merge.BACKGROUND_DAYS``, 8 days).
_RECENT = timedelta(days=BACKGROUND_DAYS)


@dataclass(frozen=True, slots=True)
class Frame:
    """The kind of story around one incident and what becomes of its record.

    ``role``: ``reported`` (news of the incident), ``background`` (a story referring to it) or
    ``none`` (no record). ``date`` is the incident's own date when ``role`` is background (None:
    the text gives none); ``words`` are the words that decided, for evidence and debugging."""

    kind: Kind
    role: Role
    date: DateMention | None = None
    words: tuple[str, ...] = ()


REPORTED = Frame("incident", "reported")


# --------------------------------------------------------------------------- one incident word
def _head(doc: Doc, cue: Cue) -> Token:
    """The cue's syntactic head: its token whose head lies outside it."""
    return doc[cue.start : cue.end].root


def _statistical(tok: Token, sent: Span) -> bool:
    """Does the incident word count incidents over months or years ("attacks rose 30 percent
    last year", "the conflict has killed 10,000 people since 2015")?"""
    lists = word_lists()
    if _MONTH_OR_DAY.search(_own_clause_text(sent, tok)):
        return False  # "gunmen opened fire inside a bar in October": a dated incident, told
    if _COMPARED.search(_own_clause_text(sent, tok)):
        return True  # "hit by more air strikes than any other region": a comparison of counts
    text = sent.text
    # a big count since a day ("1,104 civilians killed in Ituri since 1 January") counts over a
    # period; a small one ("five arrested since 3 May") may be one incident's sequel
    since_day = _SINCE_DAY.search(text) is not None and _big_count(text)
    long_span = bool(lists.long_span.search(text)) or since_day
    period = long_span or bool(lists.period.search(text)) or bool(_PERCENT.search(text))
    if not period:
        return False
    # a statistic's own words govern the incident word ("the number of civilians killed",
    # "attacks rose", "murders were recorded")
    node = tok
    while True:
        lemma = node.lemma_.lower()
        if node is not tok and (
            (node.pos_ == "NOUN" and lemma in lists.stat_nouns)
            or (node.pos_ == "VERB" and lemma in lists.trend_verbs)
        ):
            return True
        if node.dep_ in ("nsubj", "nsubjpass") and node.head.lemma_.lower() in lists.trend_verbs:
            return True
        if node.head.i == node.i or own_clause(node):
            break
        node = node.head
    if _DAY_WORDS.search(_SINCE_DAY.sub(" ", text) if since_day else text):
        return False  # a day's incident, compared with the year ("the deadliest attack this year")
    if "first time" in text.lower() or not (_COUNT.search(text) or lists.counts.search(text)):
        return False  # "for the first time since 2012" dates a change, it counts nothing
    return (
        long_span
        or bool(_PERCENT.search(text))
        or bool(lists.stat_phrase.search(text))
        # "more than 30,000 people were murdered in Mexico last year" (not "the market bombing
        # this year killed 120")
        or (_big_count(text) and not names_one_incident(text))
    )


#: A month or a weekday: a clause dated so tells one incident, whatever the sentence counts.
_MONTH_OR_DAY = re.compile(
    r"\b(?:(?:in|on)\s+)(?:early\s+|mid-?|late\s+)?(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I,
)


def _own_clause_text(sent: Span, tok: Token) -> str:
    """The words of the incident word's own clause ("Among last year's deadliest attacks,
    gunmen opened fire inside a bar in October, killing nine, and 31 police officers were killed
    over the year": the bar shooting is told in a clause of its own)."""
    start = tok.idx - sent.start_char
    return clause_of(sent.text, start, start + len(tok.text))


def _big_count(text: str) -> bool:
    """A count of ``tolls.BIG_TOLL`` or more (a year is no count): over a period, a statistic."""
    return any(int(m.group(0).replace(",", "")) >= BIG_TOLL for m in _THOUSANDS.finditer(text))


# --------------------------------------------------------------------------- one group
def _incident_words(group: Group) -> list[tuple[Sentence, Token]]:
    doc = None
    out: list[tuple[Sentence, Token]] = []
    body = [s for s in group.sentences if not s.is_title] or list(group.sentences)
    for s in body:
        doc = s.span.doc
        for c in s.cues:
            if c.name in EVENT_CUES and c.weight >= 1.0:
                out.append((s, _head(doc, c)))
    return out


def _text(sents: Iterable[Sentence]) -> str:
    return " ".join(s.span.text for s in sents)


#: Incident words of a non-violent kind (a change of activity, an agreement, a threat, a
#: shutdown, a base): beside a violent word they follow its frame ("sanctions over the
#: chemical attack, freezing assets and banning transactions").
_SOFT_CUES = frozenset({"CHANGE", "AGREE", "THREAT", "SHUTDOWN", "HQ", "TRANSFER"})


def _soft(sent: Sentence, tok: Token) -> bool:
    return any(c.name in _SOFT_CUES and c.start <= tok.i < c.end for c in sent.cues) and not any(
        c.name in EVENT_CUES and c.name not in _SOFT_CUES and c.weight >= 1.0 and c.start <= tok.i < c.end
        for c in sent.cues
    )


def _demonstration(sent: Sentence, tok: Token) -> bool:
    return any(c.name == "PROTEST" and c.weight >= 1.0 and c.start <= tok.i < c.end for c in sent.cues)


def _hazard_named(group: Group, cue: Cue) -> bool:
    """Is the cue's word a hazard's ("lightning strikes", "a gas explosion"), or done by one
    ("landslides blocked the highway"), not a weapon's or a person's? Or does it only name
    another thing ("shell companies")?"""
    tok = _head(group.sentences[0].span.doc, cue)
    if (
        tok.dep_ in ("compound", "amod")  # "shell companies", parsed either way
        and tok.head.pos_ == "NOUN"
        and not any(c.start <= tok.head.i < c.end for c in group.cues if c.name in EVENT_CUES)
    ):
        return True
    return any(
        (ch.dep_ in ("compound", "amod") or (ch.dep_ == "nsubj" and tok.pos_ == "VERB")) and is_hazard(ch)
        for ch in tok.children
    )


def _own_date(group: Group, framed: Sequence[tuple[Token, Token]]) -> DateMention | None:
    """The incident's own date: one inside the words the governor refers to ("pleaded guilty on
    Monday **to the 2019 bombing**"), never the governing verb's own date ("on Monday")."""
    for _gov, child in framed:
        lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
        for s in group.sentences:
            for d in s.dates:
                if d.range is not None and not d.generic and lo <= d.span.start and d.span.end <= hi:
                    return d
    return None


def _dated(sent: Sentence, tok: Token) -> bool:
    """Does the incident word carry a date of its own, inside its own words ("gunmen killed two
    farmers **on Sunday**"), not the date of the clause it is mentioned in ("relatives of the
    victims of the bombing gathered on Sunday")? A date that resolves to no days ("May 26 last
    year" with no publication date) dates nothing."""
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    return any(
        d.kind in ("DATE", "TIME")
        and not d.generic
        and d.range is not None
        and lo <= d.span.start
        and d.span.end <= hi
        for d in sent.dates
    )


def frame_of(group: Group, lead_kind: Kind = "incident", published: date | None = None) -> Frame:
    """The frame of one group of sentences (an incident as ``merge`` grouped it).

    ``lead_kind`` is :func:`article_kind` of the whole article: in a legal, claim, reaction or
    commemoration story, an incident told without a date of its own is the story's subject
    recalled (background, undated), not news of the day. With ``published``, an incident named
    before the reaction to it and dated this week in its own words is news (``_reaction_to_news``)."""
    words = _incident_words(group)
    if not words:
        return REPORTED
    # "no fighting was reported", "carried out no air strikes": a negated word tells no incident
    told = [(s, tok) for s, tok in words if not is_negated(tok) and not unrealised(tok)]
    if not told:
        negated = {tok.i for _, tok in words}
        # a plan or a threat ("we will call a strike") is told by no weaker word either
        least = 1.0 if all(unrealised(tok) for _, tok in words) else 0.0
        if any(
            c.name in EVENT_CUES
            and c.weight > 0
            and c.weight >= least
            and not any(c.start <= i < c.end for i in negated)
            for c in group.cues
        ):
            return REPORTED  # other words tell what happened ("the town changed hands; no fighting")
        return Frame("claim", "none", None, tuple(tok.text for _, tok in words))
    # a non-violent word beside a violent one follows the violent one's frame
    hard = [(s, tok) for s, tok in told if not _soft(s, tok)]
    words = hard or told
    sents = list(group.sentences) + list(group.context)
    text = _text(sents)
    kinds: list[str] = []
    framed: list[tuple[Token, Token]] = []
    deciding: list[str] = []
    for s, tok in words:
        if _statistical(tok, s.span):
            kinds.append("statistics")
            deciding.append(tok.text)
            continue
        g = governor(tok)
        if g is not None and g[0] == "commemoration" and _demonstration(s, tok):
            g = None  # a gathering to commemorate is a protest all the same (ACLED codes it so)
        if g is None:
            kinds.append("")
            continue
        kinds.append(g[0])
        framed.append((g[1], g[2]))
        deciding.append(g[1].text)
    if kinds and all(kinds):
        kind = Counter(kinds).most_common(1)[0][0]
        if kind in NOT_INCIDENTS:
            return Frame(kind, "none", None, tuple(deciding))  # type: ignore[arg-type]
        if kind == "reaction" and _reaction_to_news(group, framed, published):
            return REPORTED  # "The bombing of the market on Tuesday was condemned by the UN"
        return Frame(kind, "background", _own_date(group, framed), tuple(deciding))  # type: ignore[arg-type]
    names = {
        c.name
        for c in group.cues
        if c.name in EVENT_CUES
        and c.name not in _SOFT_CUES
        and c.weight >= 1.0
        and not _hazard_named(group, c)
    }
    for kind, found in (
        ("sport", sport_terms(text) if "PROTEST" not in names else ()),
        (
            "disaster",
            disaster_terms(words, _text(group.sentences), names, lead_kind)
            if names <= _DISASTER_CUES
            else (),
        ),
        ("crime", crime_terms(text) if names <= _CRIME_CUES else ()),
        ("crime", brawl_terms(text) if names <= _BRAWL_CUES else ()),
    ):
        if found:
            return Frame(kind, "none", None, found)  # type: ignore[arg-type]
    if lead_kind == "crime" and names <= _BRAWL_CUES:
        # a bar brawl's story: its fights, crowds and arrests are the brawl's
        return Frame("crime", "none", None, ())
    if lead_kind == "sport" and "PROTEST" not in names:
        # a match report (sports terms, and no one hurt anywhere in it): every "attack" is play
        return Frame("sport", "none", None, ())
    if lead_kind == "disaster" and "PROTEST" not in names and _mentioned_in_passing(group):
        # an epidemic's or a flood's story naming violence as its setting ("areas affected by
        # the violence that followed the elections"): undated, uncounted, not told apart (a
        # protest over the epidemic is news all the same)
        return Frame("disaster", "background", None, ())
    if lead_kind in REFERRING:
        told_words = [(s, tok) for (s, tok), k in zip(words, kinds, strict=True) if not k]
        return _in_referring_story(group, told_words, framed, tuple(deciding), lead_kind)
    return REPORTED


def _in_referring_story(
    group: Group,
    told_words: Sequence[tuple[Sentence, Token]],
    framed: Sequence[tuple[Token, Token]],
    deciding: tuple[str, ...],
    lead_kind: Kind,
) -> Frame:
    """The frame of an incident a legal, claim, reaction or commemoration story tells with no
    frame of its own: undated, it is the story's subject recalled (background, undated)."""
    if not any(_dated(s, tok) or s.event_date() is not None for s, tok in told_words):
        return Frame(lead_kind, "background", _own_date(group, framed), deciding)
    if (
        lead_kind in ("commemoration", "legal")
        and not _told_apart(group)
        and not any(_demonstration(s, tok) for s, tok in told_words)
    ):
        # a funeral's, an anniversary's or a trial's story tells the incident it is about with
        # its date: that incident is background, on its own date (issue 15 item 2); a
        # gathering to commemorate is a protest all the same (ACLED codes it so)
        own = next((d for s, _ in told_words if (d := s.event_date()) is not None), None)
        return Frame(lead_kind, "background", own, deciding)
    return REPORTED


def _mentioned_in_passing(group: Group) -> bool:
    """Is the incident only named: no date, no toll, not told as an incident of its own?"""
    return (
        not _told_apart(group)
        and all(s.event_date() is None for s in group.sentences)
        and not any(any(casualties(s.span.text, 0)[:2]) for s in group.sentences)
    )


def _told_apart(group: Group) -> bool:
    """Is the group told as another incident than the story's ("Separately, ...", "In another
    attack, ...")?"""
    return any(
        SEPARATION.search(s.span.text) or SEPARATION_OPENER.search(s.span.text) for s in group.sentences
    )


def article_kind(sentences: Sequence[Sentence]) -> Kind:
    """The kind of the article's lead: the frame of the incident words of its headline and
    first sentence with any ("Man pleads guilty to 2019 market bombing" is a legal story).
    A match report is told by its vocabulary across the whole text."""
    whole = " ".join(s.span.text for s in sentences)
    if sport_terms(whole):
        return "sport"
    heads = _heads(sentences)
    if brawl_terms(" ".join(s.span.text for s in heads)) and brawl_terms(whole):
        return "crime"  # a brawl of bar patrons told from the headline on (no politics, death nor gun)
    lead = [s for s in sentences if s.is_title and s.event_cues]
    body = next((s for s in sentences if not s.is_title and s.event_cues), None)
    if body is not None:
        lead.append(body)
    kinds = []
    for s in lead:
        for c in s.event_cues:
            if c.weight < 1.0:
                continue
            tok = _head(s.span.doc, c)
            if _statistical(tok, s.span):
                kinds.append("statistics")
                continue
            g = governor(tok)
            # a lead's "since" clause ("on alert since the attack") does not make the story a recall
            kinds.append(g[0] if g and g[0] != "recall" else "incident")
    if kinds and all(k != "incident" for k in kinds):
        return Counter(kinds).most_common(1)[0][0]  # type: ignore[return-value]
    # the lead's main verb says what the story is ("A man pleaded guilty on Tuesday to helping
    # plan the siege ...", "The court heard ..."), even when its object is no incident word
    heads = _heads(sentences)

    def told_there(s: Sentence) -> bool:  # an incident word of the sentence no frame explains
        return any(c.weight >= 1.0 and governor(_head(s.span.doc, c)) is None for c in s.event_cues)

    # the anniversary of an incident ("a year on from the massacre"), not of a holiday or a founding
    if any(
        word_lists().commemoration_lead.search(s.span.text) and s.event_cues and not told_there(s)
        for s in heads
    ):
        return "commemoration"  # "A year on from the massacre, ..."
    for s in heads:
        # "Flash floods kill 36 in northwest Pakistan": a hazard does the killing, nobody else
        hazard = [_head(s.span.doc, c) for c in s.event_cues if c.weight >= 1.0]
        if (
            hazard
            and not word_lists().perpetrators.search(s.span.text)
            and all(hazard_near(t) is not None for t in hazard)
        ):
            return "disaster"
    for s in heads:
        if _names_commemoration(s):
            return "commemoration"  # "Mourners turned out for the funeral of ...", "Funeral begins for ..."
    for s in heads:
        root = s.span.root
        kind = None if charge_by_force(root) else word_lists().governors.get(root.lemma_.lower())
        if kind is None and legal_subject(root) is not None:
            kind = "legal"
        doer = any(
            ch.dep_ in ("nsubj", "csubj") and any(c.start <= ch.i < c.end for c in s.event_cues)
            for ch in root.children
        )  # "the attack claimed 12 lives": the incident is the doer, the verb refers to nothing
        # a head that tells an incident itself ("Twin car bombs kill 31 ...; Al Shabaab claims
        # both": the bombs kill, the claim is a second clause) is news, whatever its root verb
        told_itself = kinds and "incident" in kinds and (s is heads[-1] or told_there(s))
        if kind in REFERRING and not doer and not told_itself:
            return kind  # type: ignore[return-value]
    return "incident"


def _heads(sentences: Sequence[Sentence], n: int = 1) -> list[Sentence]:
    """The headline and the first ``n`` sentences of the body: sentences with a verb, so a
    dateline parsed as a sentence of its own ("TUMACO, Colombia -") is not the lead."""
    body = [s for s in sentences if not s.is_title and any(t.pos_ in ("VERB", "AUX") for t in s.span)]
    return [s for s in sentences if s.is_title][:1] + body[:n]


def _names_commemoration(s: Sentence) -> bool:
    """Is the sentence's main verb about a commemoration: its subject, object or prepositional
    object a funeral, a vigil, a memorial ("Funeral begins for 4 slain officers", "thousands
    turned out for the funeral")? Not when the verb is itself an incident word ("a bomb
    exploded at a funeral", "gunmen attacked a vigil")."""
    root = s.span.root
    if root.pos_ not in ("VERB", "AUX") or any(
        c.start <= root.i < c.end for c in s.cues if c.name in EVENT_CUES and c.weight > 0
    ):
        return False  # (a parse with no verb at its root is no sentence about a funeral)
    governors = word_lists().governors
    near = [ch for ch in root.children if ch.dep_ in ("nsubj", "nsubjpass", "dobj")]
    # "turned out for the funeral", not "killed ... during the funeral": a time, not the topic
    near += [
        g
        for ch in root.children
        if ch.dep_ == "prep" and ch.lower_ != "during"
        for g in ch.children
        if g.dep_ == "pobj"
    ]
    return any(w.pos_ == "NOUN" and governors.get(w.lemma_.lower()) == "commemoration" for w in near)


def apply_kinds(
    groups: list[Group], sentences: Sequence[Sentence], published: date | None = None
) -> list[Group]:
    """The story's kind decides each incident's fate: sport, statistics, disasters and ordinary
    crime give no record (the group is dropped), nor does an item of a police blotter naming no
    armed or political group; the incident a hearing, a claim or an
    anniversary refers to is background, dated by its own date, never the story's day. With
    ``published``, a date older than the story's week that merge gave the group ("accuse him
    of ordering a car bomb attack ... in October 2022") is no hearing's day: it stays."""
    lead = article_kind(sentences)
    heads = _heads(sentences, 2)
    log = crime_log(" ".join(s.span.text for s in heads))
    kept = []
    for g in groups:
        if log and not log_keeps(_text(list(g.sentences) + list(g.context))):
            continue  # a police blotter's item: an argument's shooting, a break-in, a crash
        _drop_statistics(g)
        frame = frame_of(g, lead, published)
        if frame.role == "none":
            continue
        if frame.role == "background":
            old = (
                g.date if g.date is not None and published is not None and is_old(g.date, published) else None
            )
            g.role, g.date = "background", frame.date or old
        kept.append(g)
    if any(not _only_flight(g) for g in kept):
        # people fleeing after the violence the article tells are its aftermath, not an incident
        kept = [g for g in kept if not _only_flight(g)]
    return kept


def _reaction_to_news(group: Group, framed: Sequence[tuple[Token, Token]], published: date | None) -> bool:
    """Is the incident a reaction refers to named first and dated recent in its own words ("The
    bombing of the market in Gao **on Tuesday** was condemned by the UN", "the attack perpetrated
    **on 12 March** ... was condemned")? The story tells the incident as the news, the reaction
    after it: its record is reported. Named after the reaction word ("condemned what he called
    attacks on worshippers on Tuesday"), the day may be the reaction's; dated long ago or not at
    all ("condemned the attack on the border post"), it stays the reaction's background."""
    if published is None:
        return False
    first = [(gov, child) for gov, child in framed if child.i < gov.i]
    d = _own_date(group, first) if first and len(first) == len(framed) else None
    if d is None or d.range is None:
        return False
    return d.range.start <= published and d.range.end >= published - _RECENT


def _drop_statistics(group: Group) -> None:
    """Sentences of the group whose every incident word counts over a period ("Since the coup,
    the military has carried out more than 1,200 air strikes in Sagaing") tell no part of the
    incident they follow: they leave it, so their words give it no type, actor or toll. A group
    of statistics alone is left whole (its frame says so)."""
    stats = []
    told = 0
    for s in group.sentences:
        heads = [_head(s.span.doc, c) for c in s.cues if c.name in EVENT_CUES and c.weight >= 1.0]
        if s.is_title or not heads:
            continue
        told += 1
        if all(_statistical(tok, s.span) for tok in heads):
            stats.append(s)
    if stats and len(stats) < told:
        group.sentences = [s for s in group.sentences if s not in stats]


def _only_flight(group: Group) -> bool:
    """Does the group tell only that people fled or were displaced ("Residents fled to Beni on
    Saturday")? ACLED codes the violence, not the flight from it."""
    names = {c.name for c in group.cues if c.name in EVENT_CUES and c.weight >= 1.0}
    return names == {"DISPLACE"}

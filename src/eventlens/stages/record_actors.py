"""ACLED's names for the actors of a record once its country is known (issue 15, item 4).

``finalize`` calls :func:`acled_actor_names`: every actor (actor1, actor2, the claimant, the
suspects) is renamed by ``stages.actor_names`` (ACLED's names and aliases, a demonym with a force
word, ACLED's templates with the event's country) from its words, else from the provisional name
the arguments gave it; a name the dictionary does not know is kept. Generic actor words next to a
known name are that name (the parse cut it off: "IS Sahel militants", "combined forces of the
KNLA"). A record other than a protest or a riot whose actor1 has no words of its own takes the
first actor the dictionary knows in its first sentence (not a target, a speaker, a crowd, nor a
counted victim: "2 Taliban members were killed"); a known group a sentence says claimed it is its
claimant, and the actor1 of an attack whose actor1 is unidentified. An air strike with no drone
in it is the air force's, where ACLED names one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from eventlens.stages.actor_names import (
    ActorMention,
    air_force,
    canonical_actor,
    find_actors,
    known_actor,
    known_inter,
    name_on,
    rename_actor,
)
from eventlens.taxonomy import (
    AIR_DRONE_STRIKE,
    BATTLES,
    EXPLOSIONS,
    PROTESTS,
    RIOTS,
    VIOLENCE_AGAINST_CIVILIANS,
)
from eventlens.types import Actor, Event, Evidence, Span

#: The event types whose actor1 is whoever used force.
_ARMED_TYPES = (BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS)
#: The event types whose actor1 is a crowd of the event's country, never a group named in the lead.
_CROWD_TYPES = (PROTESTS, RIOTS)


def acled_actor_names(ev: Event, country: str | None) -> Event:
    """Every actor of the record under ACLED's name for it (``stages.actor_names``: the
    dictionary of ACLED names and aliases, a demonym with a force word, ACLED's templates with
    the event's country), read from the actor's words, else from its provisional name. An actor
    the dictionary does not know keeps the name it has. A violent record whose actor1 has no
    words of its own takes the first actor the dictionary knows in its first sentence."""
    a1 = _renamed(ev.actor1, country, _kind_hint(ev.actor1, ev.event_type, first=True))
    evidence = ev.evidence
    if a1 is not None and _says_no_name(a1, country):
        near = _named_nearby(ev, a1, country)  # "IS Sahel militants", "joint forces of the KNLA"
        if near is not None and near.span is not None:
            a1 = near
            evidence = (*evidence, Evidence("actor1", (near.span,), "actor_names", 0.5))
    if ev.event_type not in _CROWD_TYPES and (a1 is None or a1.mention is None):
        named = _named_in_lead(ev, country)
        if named is not None and named.span is not None:
            a1 = named
            evidence = (*evidence, Evidence("actor1", (named.span,), "actor_names", 0.5))
        elif (titled := _named_in_title(ev, country)) is not None:
            a1 = titled  # (the headline's words: no span in the article's body)
            evidence = (*evidence, Evidence("actor1", (), "actor_names.title", 0.4))
        elif ev.event_type in _ARMED_TYPES and (police := _police_in_lead(ev, country)) is not None:
            a1 = police
            evidence = (*evidence, Evidence("actor1", (police.span,), "actor_names.police", 0.5))
    claimed = _renamed(ev.claimed_by, country, _kind_hint(ev.claimed_by, None, first=False))
    if (
        claimed is not None
        and claimed.name.startswith("Unidentified")
        and _GROUP_NAME.fullmatch(claimed.mention or "")
    ):
        claimed = replace(claimed, name=claimed.mention or claimed.name, inter=2)  # a name ACLED lacks
    if claimed is None:
        claimed = _claimant(ev, country)
        if claimed is not None and claimed.span is not None:
            evidence = (*evidence, Evidence("claimed_by", (claimed.span,), "actor_names", 0.6))
    if (
        claimed is not None
        and claimed.span is not None
        and ev.event_type in _ARMED_TYPES
        and (a1 is None or a1.name.startswith("Unidentified"))
        and (known_actor(claimed.name) or _raw_name(claimed))
    ):
        # a group that claims the attack is its actor1 (ACLED codes the claimant)
        a1 = replace(claimed, asserted=True)
        evidence = (*evidence, Evidence("actor1", (claimed.span,), "actor_names", 0.6))
    if (
        a1 is not None
        and ev.sub_event_type == AIR_DRONE_STRIKE
        and not any(w.kind == "drone" for w in ev.weapons)
        and not _named_as_such(a1, country)
    ):
        # an air strike with no drone in it was flown: ACLED names the air force where it has one
        a1 = replace(a1, name=air_force(a1.name) or a1.name)
    when = names_day(ev)

    def dated(actor: Actor | None) -> Actor | None:
        # the name of the event's day: "Military Forces of Afghanistan (2004-2021)" in 2015
        if actor is None:
            return None
        name = name_on(actor.name, actor.mention, country, when)
        return actor if name is None else replace(actor, name=name, inter=_inter_of(name, actor.inter))

    return replace(
        ev,
        actor1=dated(a1),
        evidence=evidence,
        actor2=dated(_renamed(ev.actor2, country, _kind_hint(ev.actor2, ev.event_type, first=False))),
        suspected_actors=tuple(
            dated(_renamed(s, country, _kind_hint(s, None, first=False)) or s) or s
            for s in ev.suspected_actors
        ),
        claimed_by=dated(claimed),
    )


def _inter_of(name: str, inter: int | None) -> int | None:
    """The inter code of a name chosen by date: a state force keeps the record's (1 or 8)."""
    if name.startswith(("Military Forces of ", "Police Forces of ")):
        return inter
    return known_inter(name) or inter


_AIRCRAFT = re.compile(r"\b(?:war)?planes?\b|\bjets?\b|\baircraft\b|\bhelicopters?\b|\bgunships?\b", re.I)


def _raw_name(actor: Actor) -> bool:
    """Is the actor a group named by its own words, one the dictionary does not know ("ETA")?"""
    return actor.mention == actor.name and bool(_GROUP_NAME.fullmatch(actor.name))


def _named_as_such(actor: Actor, country: str | None) -> bool:
    """Do the actor's own words name its aircraft as ACLED does ("Russian warplanes" is one of
    ACLED's aliases of the army, not of its air force; "Russian forces" says nothing of aircraft)?"""
    if not actor.mention or not _AIRCRAFT.search(actor.mention):
        return False
    hit = canonical_actor(actor.mention, country)
    return hit is not None and hit.rule == "name" and hit.name == actor.name


def _renamed(actor: Actor | None, country: str | None, kind_hint: str | None) -> Actor | None:
    if actor is None:
        return None
    hit = rename_actor(actor.name, actor.mention, country, kind_hint=kind_hint)
    if hit is None:
        return actor
    return replace(actor, name=hit.name, inter=hit.inter)


def _kind_hint(actor: Actor | None, etype: str | None, *, first: bool) -> str | None:
    """What the record already says the actor is, for words that say nothing: actor1 of a
    protest is its protesters, of a riot its rioters (unless the state), else the provisional
    name's kind and inter code."""
    if actor is None:
        return None
    if first and etype == PROTESTS:
        return "protesters"
    if first and etype == RIOTS and actor.inter != 1:
        return "rioters"
    if actor.name.startswith("Police Forces"):
        return "police"
    if actor.name.startswith("Military Forces"):
        return "military"
    return _HINT_OF_INTER.get(actor.inter or 0)


_HINT_OF_INTER = {
    1: "state",
    2: "armed",
    3: "armed",
    4: "armed",
    5: "rioters",
    6: "protesters",
    7: "civilians",
}


#: An actor followed by a speech verb is a source ("the army said", "the Taliban, who ..., say").
_SPEAKS = re.compile(
    r"\s*(?:,[^,.;]{0,80},\s*)?(?:has |have |had |also |later )?"
    r"(?:said|says|say|told|tells|reported|reports|announced|stated|confirmed|denied|denies|accused)\b"
)
_COUNT = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|scores\s+of)"
#: An actor right after an attack word or a preposition of attack is the target or a victim
#: ("attacks on the army", "a battle with junta troops", "injuring 3 regime forces").
_TARGETED = re.compile(
    r"\b(?:at|against|on|with|targeting|targeted|attacked|attacking|ambushed|killed|killing|injuring|"
    rf"wounding|hit|struck)\s+(?:the\s+|a\s+|an\s+|{_COUNT}\s+)?$",
    re.I,
)
#: A counted actor ("2 Taliban members", "three soldiers") ...
_COUNTED = re.compile(rf"\b{_COUNT}\s+$", re.I)
#: ... is a victim when its clause goes on in the passive ("... were shot dead", "... and a
#: civilian were killed"), the doer when it acts ("three army jets carried out airstrikes").
_PASSIVE_AFTER = re.compile(r"[^.;:]{0,60}?\b(?:was|were|been|got)\b", re.I)
#: An actor that qualifies another noun is the victim's side ("a QSD member", "a Levant Front
#: leader's car").
_QUALIFIES = re.compile(
    r"\s*(?:['\u2019]s\b|(?:member|leader|commander|official|vehicles?|cars?|convoys?|positions?|posts?|"
    r"bases?|checkpoints?|headquarters)\b)",
    re.I,
)
#: The lead says the perpetrators are unknown: no named actor in it is actor1.
_UNKNOWN_DOER = re.compile(
    r"\b(?:unknown|unidentified|unnamed)\s+(?:[\w-]+\s+){0,2}?(?:gunm[ae]n|assailants?|attackers?|militants?|"
    r"men|individuals|persons|group|perpetrators|missiles?|rockets?|drones?|aircraft|shooters?)\b",
    re.I,
)


def _named_in_lead(ev: Event, country: str | None) -> Actor | None:
    """The first actor the dictionary names (a known group, a country's forces) in the record's
    first sentence that is not its target, its victims, a speaker or a crowd; none when the
    sentence says the perpetrators are unknown."""
    if not ev.sentences:
        return None
    lead = ev.sentences[0]
    others = [t.span for t in ev.targets if t.span is not None]
    others += [ev.actor2.span] if ev.actor2 is not None and ev.actor2.span is not None else []
    if _UNKNOWN_DOER.search(lead.text):
        return None
    for m in _doers(lead.text, country):
        start, end = lead.start + m.start, lead.start + m.end
        if any(start < o.end and o.start < end for o in others):
            continue  # the victim's or the target's words
        return Actor(m.actor.name, m.text, Span(start, end, m.text), m.actor.inter)
    return None


#: The police as the doer of the lead: the subject of a use of force ("Police officers responding
#: to reports of a gunman fatally shot a man", "officers opened fire on the car") or one side of a
#: fight ("fighting between police and insurgents"). Not a speaker ("police said gunmen shot"),
#: not the victims ("police officers were shot").
_POLICE_SUBJECT = re.compile(
    r"^\W*(?:[\w'\u2019-]+\s+){0,4}?(?P<p>(?:riot\s+)?(?:police(?:\s+officers|men)?|policemen|officers|troopers|gendarmes))\b"
    r"(?![^.;:]{0,80}?\b(?:said|say|says|told|reported|were|was|have\s+been|had\s+been|are)\b[^.;:]{0,40}?"
    r"\b(?:shot|fired|killed|attacked|wounded|injured|ambushed)\b)"
    r"[^.;:]{0,120}?\b(?:(?:fatally\s+)?shot|opened\s+fire|fired\s+(?:on|at|into|tear\s+gas|live)|shot\s+dead|"
    r"killed|beat|clubbed|stormed|raided)\b"
    r"|\b(?:fighting|clash(?:es)?|battles?|gun\s*battles?|gunfights?|shoot-?outs?|exchanges?\s+of\s+fire)\s+"
    r"between\s+(?:the\s+)?(?P<q>police|policemen|police\s+officers)\s+and\b",
    re.I,
)


def _police_in_lead(ev: Event, country: str | None) -> Actor | None:
    """The country's police as actor1 of a record whose first sentence makes the police the doer
    of its force (``_POLICE_SUBJECT``): news names no one else ("police said", "officers opened
    fire"), and ACLED codes the police of the event's country. None for a lead that says the
    perpetrators are unknown."""
    if not ev.sentences or country is None:
        return None
    # the first sentence, or the next when the first is a headline the reader did not mark
    lead, m = next(
        ((s, m) for s in ev.sentences[:2] if (m := _POLICE_SUBJECT.search(s.text)) is not None),
        (ev.sentences[0], None),
    )
    if m is None or _UNKNOWN_DOER.search(lead.text):
        return None
    group = "p" if m.group("p") else "q"
    hit = canonical_actor("police", country)
    if hit is None or not hit.name.startswith("Police Forces"):
        return None
    start, end = lead.start + m.start(group), lead.start + m.end(group)
    return Actor(hit.name, m.group(group), Span(start, end, m.group(group)), hit.inter)


def _doers(text: str, country: str | None) -> list[ActorMention]:
    """The actors the dictionary names in ``text`` that may be who used force: a known group or
    a country's forces, not a crowd or civilians, a speaker, a target, a counted victim, the
    owner of a victim ("a QSD member") nor a credit in brackets."""
    found = []
    for m in find_actors(text, country):
        if m.actor.rule not in ("name", "state") or m.actor.inter in (5, 6, 7):
            continue  # (crowds and civilians named in the lead are not who used force)
        if _SPEAKS.match(text, m.end) or _TARGETED.search(text, 0, m.start) or _QUALIFIES.match(text, m.end):
            continue  # "the U.S. military said ...", "targeted at the Russian military", "a QSD member"
        if _COUNTED.search(text, 0, m.start) and _PASSIVE_AFTER.match(text, m.end):
            continue  # "2 Taliban members were killed"
        if text[m.start - 1 : m.start] == "(" and text[m.end : m.end + 1] == ")":
            continue  # "(AP)", "(ADF)": a credit or a gloss, named in full elsewhere if at all
        found.append(m)
    return found


def _named_in_title(ev: Event, country: str | None) -> Actor | None:
    """The doer the article's headline names ("Russian missiles and drones hit four regions",
    "Twin car bombs kill 31; Al Shabaab claims both"), for a reported armed record whose own
    sentences name none: a headline tells who did the incidents the article reports. None for a
    background record, a headline naming several possible doers, or sentences that say the
    perpetrators are unknown."""
    title = ev.article_title
    if not title or ev.role != "reported" or ev.event_type not in _ARMED_TYPES:
        return None
    if any(_UNKNOWN_DOER.search(s.text) for s in ev.sentences):
        return None
    doers = _doers(title, country)
    if len({m.actor.name for m in doers}) != 1:
        return None  # none, or two sides ("Russian and Ukrainian forces trade fire")
    m = doers[0]
    return Actor(m.actor.name, m.text, None, m.actor.inter)


#: What may stand between a known name and the generic words the parse kept of its phrase:
#: spaces, a hyphen, a gloss in brackets ("ISWAP (Greater Sahara) militants").
_GLUE = re.compile(r"[\s\-\u2010-\u2013]*(?:\([^()]{1,40}\)[\s\-\u2010-\u2013]*)?")


def _sentence_of(ev: Event, span: Span) -> Span | None:
    return next((s for s in ev.sentences if s.start <= span.start < s.end), None)


def _says_no_name(actor: Actor, country: str | None) -> bool:
    """Are the actor's words generic ("militants", "joint forces", "members") - no name the
    dictionary knows, no country's forces?"""
    if not actor.mention or actor.span is None:
        return False
    hit = canonical_actor(actor.mention, country)
    return hit is None and not known_actor(actor.name) or hit is not None and hit.rule in ("generic", "hint")


#: A modifier coordinated with the one before it ("Mozambican and Rwandan forces"; not a comma:
#: "On 24 March, IS Sahel militants").
_COORDINATED = re.compile(r"(?:\band|/|&)\s*$", re.I)
#: What joins generic words to the name after them ("joint forces of the KNLA", "members from ...").
#: "fighters of the al Qaeda-linked JNIM", "members of the Iran-backed Kataib Hezbollah": an
#: affiliation written before the name is no part of it.
_OF = re.compile(
    r"\s+(?:of|from)\s+(?:the\s+)?(?:[\w'’ ]{1,30}?-(?:linked|backed|affiliated|allied|aligned|led|based)\s+)?",
    re.I,
)


def _named_nearby(ev: Event, actor: Actor, country: str | None) -> Actor | None:
    """The known actor whose name the parse cut off the actor's generic words: written right
    before them or overlapping them ("presumed IS Sahel militants" when the parse read "IS" as a
    verb), or right after them with "of" ("combined forces of the Karen National Liberation
    Army", "members of Al-Shabaab"). None when there is none."""
    span = actor.span
    sent = _sentence_of(ev, span) if span is not None else None
    if span is None or sent is None:
        return None
    rel_start, rel_end = span.start - sent.start, span.end - sent.start
    of = _OF.match(sent.text, rel_end)
    for m in find_actors(sent.text, country):
        if m.actor.rule not in ("name", "state") or m.actor.inter in (5, 6, 7):
            continue
        if (
            m.start < rel_start <= m.end <= rel_end
            or m.end <= rel_start
            and _GLUE.fullmatch(sent.text, m.end, rel_start)
        ):
            if _COORDINATED.search(sent.text, 0, m.start):
                continue  # "Russian and Ukrainian forces": whose forces the words do not say
            start, end = sent.start + m.start, span.end
        elif of is not None and m.start == of.end():
            start, end = span.start, sent.start + m.end
        else:
            continue
        words = sent.text[start - sent.start : end - sent.start]
        return Actor(m.actor.name, words, Span(start, end, words), m.actor.inter, actor.asserted)
    return None


#: A name followed by a claim of the attack ("IS claimed responsibility", "X and Y claimed
#: responsibility for the explosion", "the group claimed the bombing").
_CLAIMS = re.compile(
    r"(?:\s+and\s+[^.;,]{1,60}?)?\s+(?:(?:has|have|had|later|also|reportedly)\s+)*(?:claimed|took|accepted)\s+"
    r"(?:(?:the|full)\s+)?(?:responsibility|credit)\b|\s+(?:has\s+|have\s+|later\s+|also\s+)*claimed\s+"
    r"(?:the|this|that)\s+(?:attack|bombing|killing|assault|ambush|explosion|blast|raid)"
    # "the Taliban claimed they were responsible", "the spokesman for the Taliban, claimed they were"
    r"|\s*,?\s+(?:(?:has|have|had|later|also|reportedly)\s+)*(?:claimed|said|says|stated|announced)\s+(?:that\s+)?"
    r"(?:it|they|the\s+group)\s+(?:was|were|is|are|had\s+been)\s+(?:responsible|behind)\b",
    re.I,
)
#: A group that says it did the attack ("Al Shabaab later said it carried out the attack", "the
#: group said in a statement that its fighters had targeted ..."): a claim, taken from an armed
#: group only (a state's "the army said it killed 20 militants" is its own operation, not a claim).
_SAYS_IT_DID = re.compile(
    r"(?:\s*\([^()]{1,40}\))?\s+(?:(?:has|have|had|later|also|reportedly)\s+)*(?:said|says|announced|stated)\b"
    r"(?:[^.;\"\u201c]{0,80}?\bthat\b)?\s*(?:it|its\s+(?:fighters|militants|members|men|operatives|forces)|they)\s+"
    r"(?:(?:had|has|have)\s+)?(?:carried\s+out|(?:was|were)\s+behind|staged|conducted|launched|targeted|"
    r"attacked|detonated|planted|ambushed|overr[au]n|stormed|seized|captured|killed|struck|shot\s+down)\b",
    re.I,
)
#: The ACLED inter codes of armed non-state groups (rebels, political and identity militias).
_ARMED_GROUPS = (2, 3, 4)


#: A claim in the passive before the name ("The bombing was claimed at the time by a local faction
#: of the Islamic State group", "an attack claimed by JNIM").
_CLAIMED_BY = re.compile(
    r"\bclaimed\s+(?:[^.;,]{0,30}?\s+)?by\s+(?:(?:a|an|the|its|local|regional|faction|branch|wing|affiliate|"
    r"of|militants?|fighters?|group)\s+){0,6}$",
    re.I,
)


def _claims(text: str, start: int, end: int, inter: int | None) -> bool:
    """Do the words around a known name at ``start:end`` say it claimed the attack?"""
    return (
        bool(_CLAIMS.match(text, end))
        or bool(_CLAIMED_BY.search(text, 0, start))
        or inter in _ARMED_GROUPS
        and bool(_SAYS_IT_DID.match(text, end))
    )


def _claimant(ev: Event, country: str | None) -> Actor | None:
    """The known group a sentence of the record says claimed it, when the parse found no claim
    (a short acronym the entity ruler does not tag: "Later IS claimed responsibility"); else a
    group the dictionary does not know, named where a claim or an attribution names one ("The
    Provisional IRA accepted responsibility", "carried out by the separatist group ETA")."""
    return claimant_in(ev.sentences, country)


def claimant_in(sentences: Sequence[Span], country: str | None) -> Actor | None:
    """The group ``sentences`` say claimed (or carried out) an attack: a known group first, else
    one the dictionary does not know (:func:`_raw_claimant`); None when they name none."""
    for sent in sentences:
        for m in find_actors(sent.text, country):
            if (
                m.actor.rule != "name"
                or m.actor.inter in (5, 6, 7)
                or not (
                    _claims(sent.text, m.start, m.end, m.actor.inter)
                    or _ATTRIBUTED.search(sent.text, 0, m.start)
                )
            ):
                continue
            start = sent.start + m.start
            return Actor(m.actor.name, m.text, Span(start, start + len(m.text), m.text), m.actor.inter, True)
    for sent in sentences:
        raw = _raw_claimant(sent)
        if raw is not None:
            return raw
    return None


#: The attack said to be a group's doing ("carried out by the armed Basque separatist group
#: ETA", "blamed on the PKK", "perpetrated by members of X"): the attribution names its doer.
_ATTRIBUTED = re.compile(
    r"\b(?:(?:carried\s+out|perpetrated|committed|staged|masterminded|orchestrated)\s+by|(?:blamed|pinned)\s+on"
    r"|attributed\s+to)"
    r"(?=\s+(?:(?:the|a|an|its|members|of|armed|militant|militants|separatist|rebel|jihadist|islamist|terrorist|"
    r"guerrilla|group|organi[sz]ation|movement|faction|wing|[A-Z][\w'\u2019-]*)\s+){0,8}$)",
)
#: A group's proper name the dictionary may not know: capitalised words ending in an acronym
#: ("ETA", "the Provisional IRA") or in a group word ("the Red Hand Commando", "Abu Sayyaf Group").
_GROUP_NAME = re.compile(
    r"\b(?:(?:[A-Z][a-z'\u2019-]+\s+){0,3}[A-Z]{2,6}|(?:[A-Z][\w'\u2019-]+\s+){1,4}"
    r"(?:Army|Front|Brigades?|Movement|Organi[sz]ation|Group|Commandos?|Battalions?|Jihad|Force))\b"
)
#: Capitalised acronyms that are no armed group (places, bodies, news agencies, weapons).
_NOT_GROUPS = frozenset(
    "US USA UK UN EU NATO BBC AFP AP CNN IED IEDS RPG AK OSCE ICRC UNHCR WHO TV GMT UTC".split()
)


def _raw_claimant(sent: Span) -> Actor | None:
    """A group the dictionary does not know that the sentence says claimed the attack ("The
    Provisional IRA accepted responsibility for the bombings") or that carried it out ("widely
    believed to have been carried out by the armed Basque separatist group ETA")."""
    text = sent.text
    for m in _GROUP_NAME.finditer(text):
        name, at = m.group(0), m.start()
        if name.split()[0] in ("The", "A", "An"):  # the sentence's first word
            head = name.split()[0]
            name, at = name[len(head) :].lstrip(), at + len(name) - len(name[len(head) :].lstrip())
        if not name or name.split()[-1].upper() in _NOT_GROUPS:
            continue
        if not (
            _CLAIMS.match(text, m.end()) or _CLAIMED_BY.search(text, 0, at) or _ATTRIBUTED.search(text, 0, at)
        ):
            continue
        start = sent.start + at
        return Actor(name, name, Span(start, start + len(name), name), 2, True)
    return None


def names_day(ev: Event) -> date | None:
    """The day whose ACLED actor names a record takes ("Military Forces of Afghanistan
    (2004-2021)" in 2015): its own date, else the article's publication day."""
    if ev.date is not None:
        return ev.date.start
    return ev.article_published.date() if ev.article_published is not None else None

"""The Event record of one incident, built from what the stages found in its sentences.

The stages find cues, dates, arguments and a classification; this module turns them into the
ACLED record: the actor conventions per event type, the default date of undated news, the
evidence, the confidence, the id, and (once geocoded) the country in the actor names and the notes.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from eventlens.stages import arguments as args_mod
from eventlens.stages.calibrate import record_confidence
from eventlens.stages.detect import DEMO, EVENT_CUES, Classification, classify
from eventlens.stages.detect_incident import REMOTE
from eventlens.stages.merge import Group, Sentence, role_of
from eventlens.stages.record_actors import acled_actor_names
from eventlens.stages.rerank import decide, features, probabilities
from eventlens.taxonomy import (
    BATTLES,
    EXCESSIVE_FORCE,
    EXPLOSIONS,
    MOB_VIOLENCE,
    PEACEFUL_PROTEST,
    PROTEST_WITH_INTERVENTION,
    PROTESTS,
    RIOTS,
    VIOLENCE_AGAINST_CIVILIANS,
    disorder_type_of,
    event_type_of,
)
from eventlens.types import Actor, Article, Cue, DateRange, Event, Evidence, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: The event types whose actor1 is whoever used force (ACLED: an unidentified armed group if unnamed).
_ARMED_TYPES = (BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS)


@dataclass(frozen=True, slots=True)
class _Incident:
    """One group's sentences in reading order (body first, then the title) and its cues."""

    group: Group
    body: list[Sentence]
    ordered: list[Sentence]
    strong: list[Cue]
    doc: Doc


def build_event(
    article: Article, g: Group, pub_date: date | None, subtype_model: Callable[[], Any]
) -> tuple[Event, dict[str, float]] | None:
    """The record of one incident and the re-ranker's features for it, or None when the group
    reports no incident (sport, an event only named, or nothing the rules classify).
    ``subtype_model`` returns the re-ranker's model (falsy: the rules alone)."""
    inc = _incident(g)
    a = _arguments(inc)
    lead = _lead_cues(inc.body or inc.ordered, inc.strong)
    small_arms = any(w.kind == "firearm" for w in a.weapons)
    if _is_sport(g.cues, inc.strong, a):
        # a match's "attack", "shot" and "clash", with nobody hurt and no weapon: sport, not violence
        return None
    all_cues = g.cues + _riot_acts(inc.strong, inc.doc)
    cls = _classify(inc, all_cues, lead, a, small_arms)
    if cls is None:
        return None
    model = subtype_model() or None
    cls, feats, probs = _rerank(inc, all_cues, cls, lead, a, small_arms, model)
    sub = cls.sub_event_type
    etype = event_type_of(sub)
    role = role_of(g, pub_date)
    if _only_names_an_event(inc, a) or etype in _ARMED_TYPES and _only_commemorated(inc):
        return None
    actor1, actor2 = _acled_actors(etype, sub, a)
    dr, date_conf = _event_date(g, pub_date, role)
    if sub == PEACEFUL_PROTEST and a.fatalities:
        # By definition nobody is killed in a peaceful protest: a death in its sentences is its
        # cause ("marched against the death of ..."), not its toll.
        a.fatalities, a.fatality_spans = None, []
    a.fatalities = _implied_fatalities(etype, a)
    sent_spans = tuple(Span(s.span.start_char, s.span.end_char, s.span.text) for s in inc.ordered)
    evidence = _evidence(cls, sent_spans, dr, date_conf, actor1, actor2, a)
    first = min(s.span.start_char for s in g.sentences)
    ev = Event(
        article_id=article.id,
        role=role,  # type: ignore[arg-type]
        event_type=etype,
        sub_event_type=sub,
        disorder_type=disorder_type_of(sub),
        date=dr,
        article_title=article.title,
        article_published=article.published,
        actor1=actor1,
        actor2=actor2,
        civilian_targeting=bool(
            actor2 is not None and actor2.inter == 7 and etype in (VIOLENCE_AGAINST_CIVILIANS, EXPLOSIONS)
        ),
        places=tuple(a.places),
        fatalities=a.fatalities,
        injured=a.injured,
        weapons=tuple(a.weapons),
        targets=tuple(a.targets),
        claimed_by=a.claimed_by,
        suspected_actors=tuple(a.suspected),
        sources=tuple(a.sources),
        evidence=tuple(evidence),
        sentences=sent_spans,
    )
    key = f"{article.content_hash}|{first}|{sub}|{dr.value if dr else ''}"
    # issue 14: confidence = the calibrated probability that the sub-event type is right
    # (the re-ranker's probabilities as the decision computed them: asked once per incident)
    confidence = record_confidence(ev, feats, model, probs=probs)
    return replace(ev, id="ev_" + hashlib.sha1(key.encode()).hexdigest()[:16], confidence=confidence), feats


def _implied_fatalities(etype: str, a: args_mod.Arguments) -> int | None:
    """The toll when the text names no dead: 0 where the words imply it, as ACLED codes it - a
    protest nobody is said to have died at, or an incident whose toll counts only wounded
    ("three people were wounded"); None where the text is silent about casualties."""
    if a.fatalities is not None:
        return a.fatalities
    if etype == PROTESTS or (a.injured or 0) > 0:
        return 0
    return None


def _incident(g: Group) -> _Incident:
    """The group read body first: the title repeats the lead, the body tells the incident."""
    body = [s for s in g.sentences if not s.is_title]
    titles = [s for s in g.sentences if s.is_title]
    ordered = body + titles
    strong = [c for c in g.cues if c.name in EVENT_CUES and c.weight >= 1.0]
    return _Incident(g, body, ordered, strong, ordered[0].span.doc)


def _arguments(inc: _Incident) -> args_mod.Arguments:
    """The incident's arguments, read from its triggers (body cues first) and its context."""
    demo = any(c.name in DEMO and c.weight >= 1.0 for c in inc.group.cues)
    family = "demo_protest" if demo else "violence"
    doc, body = inc.doc, inc.body
    body_first = sorted(inc.strong, key=lambda c: (c.start < (body[0].span.start if body else 0), c.start))
    trigger_tokens = [doc[c.start] for c in body_first] + [doc[c.end - 1] for c in body_first]
    return args_mod.fill(
        [s.span for s in inc.ordered],
        family=family,
        trigger_tokens=trigger_tokens,
        context_sents=[s.span for s in inc.group.context],
    )


def _is_sport(all_cues: Sequence[Cue], strong: Sequence[Cue], a: args_mod.Arguments) -> bool:
    """A sports report: only killing or clash words, and nobody hurt and no weapon."""
    return (
        any(c.name == "SPORT" for c in all_cues)
        and {c.name for c in strong} <= {"KILL", "CLASH"}
        and not (a.fatalities or a.injured or a.weapons)
    )


def _classify(
    inc: _Incident, all_cues: list[Cue], lead: set[str], a: args_mod.Arguments, small_arms: bool
) -> Classification | None:
    """The rules' sub-event type, from the cues and what the arguments say about the actors."""
    body, ordered = inc.body, inc.ordered
    # every cue of the incident's first sentence, and of a first sentence the body skipped
    # for having only weak cues ("fired grenade launchers")
    lead_sents = {(body or ordered)[0].span, ordered[0].span}
    lead_sentence = {
        c.name
        for c in inc.group.cues
        if c.weight > 0 and any(sp.start <= c.start < sp.end for sp in lead_sents)
    }
    nonstate = (
        a.actor1 is not None
        and a.actor1.inter in (2, 3, 4)
        and not _STATE_WORDS.search(a.actor1.mention or "")
    )
    return classify(
        all_cues,
        lead=lead,
        armed_target=a.armed_target,
        civilian_target=a.civilian_victims,
        protesters_present=a.protesters,
        killed=bool(a.fatalities),
        state_actor=a.state_actor,
        state_present=a.state_present,
        armed_present=a.armed_present,
        crowd_actor=a.crowd_actor,
        armed_group=a.armed_group,
        small_arms=small_arms,
        lead_sentence=lead_sentence,
        nonstate_actor=nonstate and not a.state_present,
        nonstate_perpetrator=nonstate and a.actor1 is not None and a.actor1.mention is not None,
    )


def _rerank(
    inc: _Incident,
    all_cues: list[Cue],
    cls: Classification,
    lead: set[str],
    a: args_mod.Arguments,
    small_arms: bool,
    model: Any,
) -> tuple[Classification, dict[str, float], dict[str, float] | None]:
    """The sub-event type after the learned re-ranker ``model`` (None: the rules alone; it may
    overrule the rules), its features, and the model's probabilities where it may decide (None
    elsewhere), for the record's confidence."""
    facts = {
        "armed_target": a.armed_target,
        "civilian_target": a.civilian_victims,
        "protesters": a.protesters,
        "killed": bool(a.fatalities),
        "injured": bool(a.injured),
        "state_actor": a.state_actor,
        "armed_present": a.armed_present,
        "crowd_actor": a.crowd_actor,
        "armed_group": a.armed_group,
        "small_arms": small_arms,
    }
    feats = features([s.span for s in inc.ordered], all_cues, cls.sub_event_type, facts)
    for name in lead:
        feats[f"lead={name}"] = 1.0
    feats["_rule_conf"] = cls.confidence
    probs = probabilities(cls.sub_event_type, cls.confidence, feats, model)
    sub, sub_conf = decide(cls.sub_event_type, cls.confidence, feats, model, probs=probs)
    if sub != cls.sub_event_type:
        cls = Classification(sub, sub_conf, cls.deciding)
    return cls, feats, probs


def _only_names_an_event(inc: _Incident, a: args_mod.Arguments) -> bool:
    """Undated, no toll, and every cue only modifies another noun: "the Boston Marathon
    bombing suspect" names an event, it does not report one."""
    return (
        inc.group.date is None
        and not a.fatalities
        and all(inc.doc[c.end - 1].dep_ in ("compound", "amod", "poss", "nmod") for c in inc.strong)
    )


#: Words of a commemoration: an anniversary, a memorial, people marking the time since an attack.
_COMMEMORATION = re.compile(
    r"\b(?:anniversar(?:y|ies)|commemorat\w*|memorial\s+(?:service|ceremony|prayers?|march|vigil)s?|"
    r"mark(?:ed|ing|s)?\s+(?:the\s+)?(?:\w+\s+){0,2}(?:years?|months?)\s+(?:since|after)|"
    r"(?:a|one|two|three|four|five|ten|\d+)\s+years?\s+(?:after|since|on\s+from))\b",
    re.I,
)


#: The cues of violence (a gathering's or an arrest's cue in the same group is no violence).
_VIOLENT_CUES = frozenset((*REMOTE, "CLASH", "KILL", "ABDUCT", "SEXUAL", "OVERTAKE", "REGAIN"))


def _only_commemorated(inc: _Incident) -> bool:
    """Is the violence only the subject of a commemoration - every incident word a noun in a
    sentence that marks its anniversary ("relatives of the victims of a suicide bombing gathered
    to mark one year since the attack", "A year after the mosque bombing, families wait")? The
    gathering is no violent incident; the attack it recalls is told by its own dated sentences.
    An attack on the mourners has a verb of its own ("gunmen attacked a memorial service")."""
    violent = [c for c in inc.strong if c.name in _VIOLENT_CUES]
    if not violent:
        return False
    for c in violent:
        tok = inc.doc[c.end - 1]
        if tok.pos_ not in ("NOUN", "PROPN") or not _COMMEMORATION.search(tok.sent.text):
            return False
    return True


def _event_date(g: Group, pub_date: date | None, role: str) -> tuple[DateRange | None, float]:
    """The incident's date and the confidence in it: its own, else for undated news the week
    up to publication, else none."""
    if g.date is not None and g.date.range is not None:
        dr = g.date.range
        if dr.evidence is None:
            dr = replace(dr, evidence=g.date.span)
        return dr, 0.9
    if pub_date is not None and role == "reported":
        # Undated news: the week up to publication, said so by its precision.
        return DateRange(pub_date - timedelta(days=6), pub_date, "week"), 0.4
    return None, 0.2


def _evidence(
    cls: Classification,
    sent_spans: tuple[Span, ...],
    dr: DateRange | None,
    date_conf: float,
    actor1: Actor | None,
    actor2: Actor | None,
    a: args_mod.Arguments,
) -> list[Evidence]:
    """The text behind each field of the record, with the stage that read it and its confidence."""
    evidence: list[Evidence] = [
        Evidence(
            "event_type",
            tuple(Span(c.start_char, c.end_char, c.text) for c in cls.deciding) or sent_spans[:1],
            "detect",
            cls.confidence,
        ),
    ]
    if dr is not None and dr.evidence is not None:
        evidence.append(Evidence("event_date", (dr.evidence,), "dates", date_conf))
    if actor1 is not None and actor1.span is not None:
        evidence.append(Evidence("actor1", (actor1.span,), "arguments", 0.7))
    if actor2 is not None and actor2.span is not None:
        evidence.append(Evidence("actor2", (actor2.span,), "arguments", 0.6))
    if a.fatality_spans:
        evidence.append(Evidence("fatalities", tuple(a.fatality_spans), "arguments", 0.8))
    if a.injured_spans:
        evidence.append(Evidence("injured", tuple(a.injured_spans), "arguments", 0.8))
    for w in a.weapons:
        if w.span:
            evidence.append(Evidence("weapons", (w.span,), "arguments", 0.8))
    for s in a.suspected:
        if s.span:
            evidence.append(Evidence("suspected_actors", (s.span,), "arguments", 0.5))
    for src in a.sources:
        if src.span:
            evidence.append(Evidence("sources", (src.span,), "arguments", 0.7))
    evidence.append(Evidence("sentences", sent_spans, "merge", 1.0))
    return evidence


def _lead_cues(sents: Sequence[Sentence], strong: Sequence[Cue]) -> set[str]:
    """Cues on the main verb of the incident's first sentence (its root, or a verb joined to it):
    what the lead says happened, as opposed to what it mentions ("arrested two men after the
    explosion": an arrest, not an explosion)."""
    if not sents:
        return set()
    sent = sents[0].span
    root = sent.root
    heads = {root.i} | {t.i for t in root.children if t.dep_ in ("conj", "xcomp") and t.pos_ == "VERB"}
    if root.lemma_ in ("say", "report", "tell", "announce", "confirm", "state"):
        # "20,000 people fled ..., the UN said": the reported clause is the lead
        heads |= {t.i for t in root.children if t.dep_ == "ccomp"}
    return {
        c.name
        for c in strong
        if sent.start <= c.start < sent.end and any(c.start <= h < c.end for h in heads)
    }


def _riot_acts(strong: Sequence[Cue], doc: Doc) -> list[Cue]:
    """Violence done by the demonstrators themselves ("staged a demonstration and assaulted a
    journalist", "clashed ... during their demonstration") becomes a RIOT cue; violence that is
    only the protest's topic ("protested the killing of ...") does not."""
    protest_verbs = {doc[c.start].i for c in strong if c.name == "PROTEST" and doc[c.start].pos_ == "VERB"}
    out = []
    for c in strong:
        if c.name not in ("KILL", "CLASH", "LOOT"):
            continue
        tok = doc[c.start]
        if tok.pos_ != "VERB":
            continue
        joined = (
            tok.head.i in protest_verbs
            and tok.dep_ == "conj"
            or any(ch.i in protest_verbs and ch.dep_ == "conj" for ch in tok.children)
        )
        during = any(
            ch.dep_ == "prep"
            and ch.lower_ in ("during", "at", "in")
            and any(g.lower_ in ("demonstration", "protest", "rally", "march") for g in ch.subtree)
            for ch in tok.children
        )
        if joined or during:
            out.append(Cue("RIOT", 1.0, c.start, c.end, c.start_char, c.end_char, c.text))
    return out


def _acled_actors(etype: str, sub: str, a: args_mod.Arguments) -> tuple[Actor | None, Actor | None]:
    """ACLED's actor conventions per event type (Codebook 2023: who is actor1 in a protest...)."""
    a1, a2 = a.actor1, a.actor2
    if etype == PROTESTS:
        span = a1.span if a1 else None
        mention = a1.mention if a1 else None
        prot = Actor("Protesters ({country})", mention, span, 6)
        if sub in (PROTEST_WITH_INTERVENTION, EXCESSIVE_FORCE):
            state = (
                a2 if a2 is not None and a2.inter == 1 else Actor("Police Forces of {country}", None, None, 1)
            )
            return prot, state
        return prot, None
    if etype == RIOTS:
        span = a1.span if a1 else None
        mention = a1.mention if a1 else None
        if a1 is not None and a1.inter == 1:
            return a1, a2
        riot = Actor("Rioters ({country})", mention, span, 5)
        if sub == MOB_VIOLENCE and a2 is None:
            a2 = Actor("Civilians ({country})", None, None, 7)
        return riot, a2
    if a1 is None and etype in _ARMED_TYPES:
        a1 = Actor("Unidentified Armed Group ({country})", None, None, 3)
    if a1 is not None and a1.inter in (5, 6) and etype in _ARMED_TYPES:
        # "Activists launched rockets": the word does not make them demonstrators
        a1 = Actor("Unidentified Armed Group ({country})", a1.mention, a1.span, 3)
    if etype == VIOLENCE_AGAINST_CIVILIANS and a2 is None:
        a2 = Actor("Civilians ({country})", None, None, 7)
    return a1, a2


#: Words naming the state's own organs ("authorities detained ...": an arrest, not an abduction).
_STATE_WORDS = re.compile(
    r"\b(?:authorit|government|state|officials?|ministry|intelligence|security|agents?|regime|junta|prosecutor)",
    re.I,
)
_COUNTRY_SLOT = re.compile(r"\s*(\(\{country\}\)|of \{country\})")


def _fill_actor(actor: Actor | None, country: str | None) -> Actor | None:
    if actor is None or "{country}" not in actor.name:
        return actor
    if country:
        name = actor.name.replace("{country}", country)
        if name.startswith(("Police Forces of ", "Military Forces of ")) and country.startswith(
            ("United", "Democratic", "Central", "Czech", "Dominican", "Philippines", "Netherlands", "Gambia")
        ):
            name = name.replace(" of ", " of the ", 1)
    else:
        name = _COUNTRY_SLOT.sub("", actor.name).strip()
    return replace(actor, name=name)


_OF_SLOT = re.compile(r"\{of:([^}]*)\}")


def _state_name(actor: Actor | None, gazetteer: Any) -> Actor | None:
    """Resolve ``Military Forces of {of:U.S.}`` to the country's name (or drop the slot)."""
    if actor is None or "{of:" not in actor.name:
        return actor
    m = _OF_SLOT.search(actor.name)
    assert m is not None
    country = None
    if gazetteer is not None:
        cand = gazetteer.country(m.group(1)) or gazetteer.demonym(m.group(1))
        country = _ascii(cand.name) if cand is not None else None
    if country is None:
        return replace(actor, name=actor.name[: m.start()] + "{country}" + actor.name[m.end() :])
    return _fill_actor(
        replace(actor, name=actor.name[: m.start()] + "{country}" + actor.name[m.end() :]), country
    )


def _ascii(name: str | None) -> str | None:
    """ACLED writes place names in ASCII ("Baghdad", not "Baghdād")."""
    if name is None:
        return None
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def finalize(ev: Event, gazetteer: Any = None) -> Event:
    """The record once geocoded: place names in ASCII, the country in the actor names, the notes."""
    loc = ev.location
    if loc is not None:
        loc = replace(
            loc,
            name=_ascii(loc.name) or loc.name,
            admin1=_ascii(loc.admin1),
            admin2=_ascii(loc.admin2),
            admin3=_ascii(loc.admin3),
            country=_ascii(loc.country),
        )
        ev = replace(ev, location=loc)
    country = loc.country if loc else None
    ev = replace(
        ev,
        actor1=_fill_actor(_state_name(ev.actor1, gazetteer), country),
        actor2=_fill_actor(_state_name(ev.actor2, gazetteer), country),
        suspected_actors=tuple(
            a for a in (_fill_actor(s, country) for s in ev.suspected_actors) if a is not None
        ),
        claimed_by=_fill_actor(ev.claimed_by, country),
    )
    ev = acled_actor_names(ev, country)
    return replace(ev, notes=make_notes(ev))


def make_notes(ev: Event) -> str:
    """An ACLED-style one-line summary of the record."""
    parts = []
    when = (
        f"On {ev.date.value}"
        if ev.date and ev.date.precision == "day"
        else (f"In {ev.date.value}" if ev.date else "On an unreported date")
    )
    where = (
        f" in {ev.location.name}"
        + (f" ({ev.location.country})" if ev.location and ev.location.country else "")
        if ev.location
        else ""
    )
    who = ev.actor1.name if ev.actor1 else "an unidentified actor"
    parts.append(f"{when}{where}, {ev.sub_event_type.lower()} by {who}")
    if ev.actor2:
        parts[-1] += f" against {ev.actor2.name}"
    if ev.weapons:
        parts.append("weapons: " + ", ".join(f"{w.count or ''} {w.mention}".strip() for w in ev.weapons))
    if ev.fatalities is not None:
        parts.append(f"{ev.fatalities} killed")
    if ev.injured is not None:
        parts.append(f"{ev.injured} injured")
    if ev.suspected_actors:
        parts.append("suspected: " + ", ".join(a.mention or a.name for a in ev.suspected_actors))
    if ev.role == "background":
        parts.append("background event recalled by the article")
    return "; ".join(parts) + "."

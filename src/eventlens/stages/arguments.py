"""Fill an incident's arguments from its sentences: who, against whom, with what, how many
killed or injured, who claimed it, who is suspected, who reported it, and its places with roles.

Reads the dependency parse and the domain entities (WEAPON, ARMED_GROUP, SECURITY_FORCE) of the
one spaCy Doc of the article; never re-parses. Actor names are ACLED-style templates with a
``{country}`` slot that the pipeline fills once the event is geocoded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from eventlens.stages.cues_syntax import subject_before
from eventlens.stages.numbers import parse_number
from eventlens.types import Actor, PlaceMention, Source, Span, Target, Weapon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

STAGE = "arguments"

KILL_WORDS = frozenset(
    "killed kill killing kills dead died die dies death deaths slain murdered executed beheaded massacred".split()
)
INJURE_WORDS = frozenset(
    "injured injuring injure injures wounded wounding wound wounds hurt injuries".split()
)
CASUALTY_NOUNS = frozenset("casualties casualty fatalities fatality".split())
PERSON_NOUNS = frozenset(
    """people persons person civilians civilian villagers villager residents resident men man women woman children child
    boys boy girls girl students student farmers farmer worker workers passengers passenger soldiers soldier troops
    policemen policeman officers officer police fighters fighter militants militant insurgents insurgent rebels rebel
    members member others protesters protester demonstrators demonstrator individuals individual personnel guards guard
    gunmen gunman attackers attacker assailants assailant militiamen militiaman shepherds journalists journalist group
    pilgrims worshippers teachers traders miners herders family relatives bodies body victims victim activists activist""".split()
)
CIVILIAN_NOUNS = frozenset(
    """civilians civilian villagers villager residents resident man woman men women children child boys boy girls girl
    students student farmers farmer worker workers passengers passenger family journalists journalist shepherds
    pilgrims worshippers teachers traders miners herders people person individuals locals motorists driver drivers
    doctor doctors nurse nurses merchant merchants vendor vendors shopkeeper shopkeepers businessman businessmen
    businesswoman trader elder elders official officials councillor councilor mayor priest pastor imam lawyer judge
    delegate delegates truckers trucker""".split()
)
_CIVIL_VEHICLES = frozenset(
    "truck trucks bus buses car cars vehicle vehicles minibus minibuses taxi taxis motorcycle motorcycles boat boats lorry lorries pickup".split()
)
_MILITARY_MODIFIERS = frozenset(
    "military army police convoy patrol armoured armored troops soldiers security tank".split()
)
#: Officers of a civil administration are civilians ("a social welfare and development officer").
_CIVIL_OFFICER = re.compile(
    r"\b(?:welfare|development|health|election|electoral|press|information|executive|revenue|tax|agricultur\w*|"
    r"education|medical|probation|loan|environment\w*|planning|finance|forest|land|court|municipal|village|district|"
    r"administrative|relief|aid|polling|returning)\b[\w\s-]{0,30}\bofficers?\b",
    re.I,
)
#: Unorganised crowds: violence by them is mob violence, not a battle or an armed attack.
CROWD_NOUNS = frozenset(
    """residents locals villagers relatives people crowd crowds mob group youths supporters individuals family families
    members neighbours neighbors passers-by students workers traders""".split()
)
PROTEST_NOUNS = frozenset(
    "protesters protester demonstrators demonstrator marchers activists students workers".split()
)
SAY_VERBS = frozenset(
    "say said says tell told report reported reports confirm confirmed state stated announce announced add added claim".split()
)
ATTACK_PREPS = frozenset({"at", "on", "against", "toward", "towards", "targeting"})
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

_SECURITY_ARMY = frozenset(
    "soldiers soldier troops army military servicemen marines commandos paratroopers forces".split()
)
_SECURITY_POLICE = frozenset("police policemen policeman officers officer gendarmes gendarmerie".split())
_GENERIC_ARMED = frozenset(
    "militants militant insurgents insurgent gunmen gunman militiamen militia militias assailants attackers jihadists jihadist terrorists extremists bandits fighters separatists rebels rebel".split()
)
#: Victims who carry no arms at the time: ACLED codes attacks on them as violence against civilians.
_NOT_ON_DUTY = re.compile(
    r"\boff[- ]duty\b|\bunarmed\b|\bretired\b|\bformer\s+(?:\w+\s+){0,2}(?:police|officer|soldier|commander|member)",
    re.I,
)
#: Organised armed or criminal groups named in words ("a drug trafficking group", "a gang").
_ARMED_COLLECTIVE = re.compile(
    r"\b(?:gangs?|cartels?|crim(?:e|inal)\s+(?:group|organi[sz]ation|gang|cell|network)s?|drug[- ]?traffick\w*|"
    r"traffickers?|drug\s+dealers?|narco\w*|mafias?|bandits?|militias?|militiam[ae]n|armed\s+(?:group|faction|gang)s?|"
    r"militants?|insurgents?|rebels?|jihadists?|guerrillas?|hitm[ae]n|gangsters?|cult\s+(?:group|member)s?)\b",
    re.I,
)
#: A sentence saying who the victims were ("The victim was a member of ...", "He was involved in ...").
_VICTIM_IDENTITY = re.compile(
    r"\b(?:victims?|deceased|dead\s+(?:man|men|woman)|(?:the|both|two|three|four)\s+(?:man|men)|he|they|both)\b"
    r"[^.;]{0,40}?\b(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\b[^.;]{0,12}?\b"
    r"(?:(?:an?|the|alleged|suspected|reportedly|identified\s+as|recogni[sz]ed\s+as)\s+)*"
    r"(?:members?|leaders?|commanders?|fighters?|involved|linked|affiliated|part|associated|dealers?|traffickers?|gangsters?|bandits?|militants?|hitm[ae]n)\b",
    re.I,
)
#: People-nouns of a toll that make the victims combatants.
_ARMED_VICTIM_NOUNS = frozenset(
    "soldiers soldier troops policemen policeman officers officer police fighters fighter militants militant insurgents "
    "insurgent rebels rebel gunmen gunman attackers attacker assailants assailant militiamen militiaman guards guard personnel".split()
)
#: Target phrases that are combatants or military sites whatever the group's name.
_ARMED_TARGET_WORDS = re.compile(
    r"\b(?:drug\s+traffickers?|traffickers?|gang\s+members?|gangsters?|hitm[ae]n|bandits?|militants?|insurgents?|fighters?|"
    r"rebels?|militiam[ae]n|positions?|outposts?|checkpoints?|barracks|garrisons?|military\s+bases?|bases\s+of|trenches|"
    r"(?:customs|border|police|army|military|gendarmerie)\s+(?:stations?|posts?|offices?)|security\s+(?:men|guards?|agents?))\b",
    re.I,
)
#: Words in an organisation's name that make it an armed organisation.
_ARMED_ORG_NAME = re.compile(
    r"\b(?:Army|Forces?|Militias?|Brigades?|Battalions?|Liberation|Front|Guerrill\w+|Mujahideen|Jihad|Defen[cs]e\s+Force|Corps|Guards?)\b"
)
#: A victim phrase naming a member of an armed or criminal group ("a member of a drug trafficking group").
_MEMBER_OF = re.compile(r"\bmembers?\b", re.I)


#: Collective heads whose members the "of" phrase names ("a group of youths", "a section of students").
_COLLECTIVE_HEADS = frozenset(
    "group groups section band crowd crowds number dozens hundreds scores mob".split()
)
_MORE_CROWDS = frozenset(
    "rioters rioter youth inhabitants citizens men boys mob locals onlookers fans settlers".split()
)


#: Civilian nouns that do not make a crowd when they attack: unnamed attackers, and the herders,
#: farmers and shepherds of communal conflicts (ACLED: communal militias, not rioters).
_NOT_CROWDS = frozenset("individuals men persons herders farmers shepherds pastoralists".split())


def is_crowd(agent: Token) -> bool:
    """Is the perpetrator an unorganised crowd (residents, "a group of people", rioters)?"""
    tok = agent
    if tok.lower_ in _COLLECTIVE_HEADS or tok.lower_ in (
        "members",
        "member",
        "supporters",
        "cadres",
        "elements",
    ):
        members = [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if members:
            tok = members[0]
    if (
        tok.ent_type_ in ("ARMED_GROUP", "SECURITY_FORCE")
        or tok.lower_ in _GENERIC_ARMED | _SECURITY_ARMY | _SECURITY_POLICE
    ):
        return False
    if any(c.dep_ == "compound" and c.ent_type_ in ("ARMED_GROUP", "SECURITY_FORCE") for c in tok.children):
        return False  # "Taliban members", "police officers"
    if any(c.dep_ == "amod" and c.lower_ in ("unknown", "unidentified") for c in tok.children):
        return False  # "unknown people set fire to an office": unidentified perpetrators
    if tok.lower_ in ("individuals", "men", "persons") and not any(
        c.dep_ == "amod" and c.lower_ in ("angry", "irate", "furious") for c in tok.children
    ):
        return False  # "two individuals opened fire": unnamed attackers, not a crowd
    if tok.lower_ in CROWD_NOUNS or tok.lower_ in _MORE_CROWDS:
        return True
    if tok.tag_ == "NNS" and tok.is_lower and tok.lower_ in CIVILIAN_NOUNS and tok.lower_ not in _NOT_CROWDS:
        return True  # "merchants captured and beat a robber": civilians acting together
    # "Bedouins", "Palestinians": a people, not an organisation, acting as a crowd
    return tok.ent_type_ == "NORP" and tok.tag_ in ("NNPS", "NNS")


_CLASH_WORDS = frozenset(
    "clash clashes clashed clashing fighting fight fought confrontation confrontations skirmish skirmishes brawl scuffle".split()
)
_SIDE_HEADS = frozenset(
    "supporters members youths residents villagers citizens students followers cadres activists fans groups".split()
)


def _side_kind(tok: Token) -> str | None:
    """What one side of a fight is: "crowd" (residents, supporters, a people), "state",
    "armed" (an armed group or a named organisation fighting), or None when unknown."""
    if is_crowd(tok) or tok.lower_ in _SIDE_HEADS and tok.lower_ not in ("members", "groups"):
        return "crowd"
    ent = _ent_of(tok)
    if ent is not None and ent.label_ == "SECURITY_FORCE" or tok.lower_ in _SECURITY_ARMY | _SECURITY_POLICE:
        return "state"
    if ent is not None and ent.label_ == "ARMED_GROUP" or tok.lower_ in _GENERIC_ARMED:
        return "armed"
    # a named organisation as a side ("clashes between JaS and Ahrar al Sham", "NDC-R clashed
    # with FPP/AP"), not a people or a party's supporters (caught above)
    if tok.pos_ == "PROPN" and (ent is None or ent.label_ in ("ORG", "ARMED_GROUP", "PERSON")):
        return "armed"
    return None


def clash_sides(sents: Sequence[SpacySpan]) -> list[str | None]:
    """The kinds of the sides of a fight told as "clashes between A and B" or "A clashed with B"."""
    kinds: list[str | None] = []
    for sent in sents:
        for tok in sent:
            if tok.lower_ not in _CLASH_WORDS:
                continue
            sides: list[Token] = []
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("between", "with", "against"):
                    sides += [h for p in c.children if p.dep_ == "pobj" for h in (p, *p.conjuncts)]
                elif c.dep_ == "nsubj" and tok.pos_ == "VERB":
                    sides += [c, *c.conjuncts]
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB":
                # "clashes erupted between A and B", "a clash was reported between A and B":
                # the sides hang on the verb
                sides += [
                    h
                    for c in tok.head.children
                    if c.dep_ == "prep" and c.lower_ == "between"
                    for p in c.children
                    if p.dep_ == "pobj"
                    for h in (p, *p.conjuncts)
                ]
            for side in sides:
                # "supporters of X": the head says who fought
                kinds.append(_side_kind(side))
    return kinds


def _acts(tok: Token) -> bool:
    """Is the token a doer: a subject, or the agent of a passive ("by gunmen")?"""
    if tok.dep_ == "nsubj" or tok.dep_ == "pobj" and tok.head.lower_ == "by":
        return True
    if tok.dep_ in ("conj", "compound", "appos"):
        return _acts(tok.head)  # "Taliban members", "X and Y", "the group, Z,"
    # "members of Barrio 18 shot ...": the group named in the doers' phrase
    return (
        tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head is not tok and _acts(tok.head.head)
    )


def _allied(sents: Sequence[SpacySpan]) -> bool:
    """Are the security forces and the armed group named together as one side ("police forces
    and an unidentified armed group attacked ...") rather than against each other?"""
    state = [e.root for s in sents for e in _ents(s) if e.label_ == "SECURITY_FORCE"]
    armed = [e.root for s in sents for e in _ents(s) if e.label_ == "ARMED_GROUP"]
    return bool(state and armed) and all(any(g in st.conjuncts for g in armed) for st in state)


def _armed_members(phrase: SpacySpan, agent: Token | None) -> bool:
    """A victim phrase naming "members" of an armed or criminal group."""
    ents = _ents(phrase)
    # "members of the Chin National Defense Force": an organisation named as armed
    if any(e.label_ == "ARMED_GROUP" or e.label_ == "ORG" and _ARMED_ORG_NAME.search(e.text) for e in ents):
        return True
    if _ARMED_COLLECTIVE.search(phrase.text):
        return True
    # traffickers or militants shooting "members" of another named group: rival armed groups
    if (
        agent is not None
        and _ARMED_COLLECTIVE.search(_subtree_span(agent, 6).text)
        and any(e.label_ in ("ORG", "ARMED_GROUP", "PERSON", "GPE") or e.root.pos_ == "PROPN" for e in ents)
    ):
        return True
    # "a member of a drug trafficking group was killed": the phrase's own of-attachment
    tail = phrase.doc[phrase.end : min(len(phrase.doc), phrase.end + 8)].text
    return tail.lower().startswith("of") and bool(_ARMED_COLLECTIVE.search(tail))


def armed_victims(
    sents: Sequence[SpacySpan], patient_phrase: SpacySpan | None = None, agent: Token | None = None
) -> bool:
    """Are the victims members of an armed or criminal group (ACLED: a battle, not one-sided violence)?"""
    if patient_phrase is not None and not _NOT_ON_DUTY.search(patient_phrase.text):
        # ("a former FARC member" is a civilian now)
        # the phrase's own head and modifiers ("a drug trafficker", "a volunteer fighter position",
        # "bases of"), not its complements ("two children of a militiaman")
        head = patient_phrase.doc[patient_phrase.start : min(patient_phrase.end, patient_phrase.root.i + 2)]
        if _ARMED_TARGET_WORDS.search(head.text):
            return True
        if _MEMBER_OF.search(patient_phrase.text) and _armed_members(patient_phrase, agent):
            return True
    for sent in sents:
        text = sent.text
        if _VICTIM_IDENTITY.search(text) and (
            _ARMED_COLLECTIVE.search(text) or any(e.label_ == "ARMED_GROUP" for e in _ents(sent))
        ):
            if not _NOT_ON_DUTY.search(text):
                return True
    return False


#: Objects of attack verbs that are part of the verb phrase, not its target ("opened fire").
_NOT_TARGET = frozenset(
    "fire fires shots gunfire shot attack attacks attention responsibility control".split()
)
_REBEL_WORDS = frozenset(
    "rebels rebel insurgents insurgent separatists jihadists jihadist guerrillas".split()
)


@dataclass(slots=True)
class Arguments:
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor_1: list[Actor] = field(default_factory=list)
    civilian_targeting: bool = False
    targets: list[Target] = field(default_factory=list)
    weapons: list[Weapon] = field(default_factory=list)
    fatalities: int | None = None
    injured: int | None = None
    fatality_spans: list[Span] = field(default_factory=list)
    injured_spans: list[Span] = field(default_factory=list)
    claimed_by: Actor | None = None
    claim_negated: bool = False
    suspected: list[Actor] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    armed_target: bool = False
    armed_present: bool = False
    crowd_actor: bool = False
    armed_group: bool = False
    state_present: bool = False
    civilian_victims: bool = False
    protesters: bool = False
    state_actor: bool = False


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
        found = memo[key] = [
            c for c in _doc_spans(doc, name, build) if span.start <= c.start and c.end <= span.end
        ]
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


#: Things that "kill" or "attack" in news prose without being actors.
_INANIMATE = frozenset(
    """explosions blasts bombs devices fires attacks strikes shells rockets missiles mines ieds vehicles cars trucks
    incidents clashes floods storms accidents crashes shots bullets rounds airstrikes raids operations weapons guns
    grenades drones projectiles reports sources""".split()
)


def _is_person_like(tok: Token) -> bool:
    ent = _ent_of(tok)
    if ent is not None and ent.label_ in ("PERSON", "NORP", "ORG", "ARMED_GROUP", "SECURITY_FORCE"):
        return True
    if tok.lower_ in _COLLECTIVE_HEADS and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return True  # "a section of students", "a group of youths"
    if tok.lower_ in CROWD_NOUNS or tok.lower_ in _MORE_CROWDS or tok.lower_ in ("cadres", "cadre"):
        return True
    if tok.tag_ == "NNS" and tok.lower_ not in _INANIMATE and ent is None and not tok.ent_type_:
        # plural nouns acting as subjects of violence are people ("merchants", "teachers")
        return True
    return (
        tok.lower_ in PERSON_NOUNS
        or tok.lower_ in _GENERIC_ARMED
        or tok.pos_ == "PRON"
        and tok.lower_ in ("they", "he", "she")
    )


def find_agent_and_patient(
    sents: Sequence[SpacySpan], trigger_tokens: Sequence[Token]
) -> tuple[Token | None, Token | None]:
    """Subject (or passive agent) and target of the first trigger verb that has them.

    The target is a direct object that is not the weapon ("fired rockets"), or the object of an
    attack preposition ("at the embassy"); dates and times are never targets ("on Saturday").
    """
    agent = patient = None
    for t in trigger_tokens:
        verb = t if t.pos_ in ("VERB", "AUX") else (t.head if t.head.pos_ == "VERB" else None)
        if verb is None:
            continue
        prep_objs: list[tuple[int, Token]] = []
        own_subject = False
        for c in verb.children:
            if c.dep_ == "nsubj" and (agent is None or own_subject and c.i > agent.i) and _is_person_like(c):
                # of two subjects the parser gave one verb ("in Alpuyeca, Morelos, residents
                # captured ..."), the one next to the verb is the subject; the other is a place
                agent = c
                own_subject = True
            elif c.dep_ == "agent" and agent is None:
                for g in c.children:
                    if g.dep_ == "pobj":
                        agent = g
            elif c.dep_ in ("dobj", "nsubjpass") and patient is None and c.lower_ not in _NOT_TARGET:
                ent = _ent_of(c)
                if ent is None or ent.label_ not in ("WEAPON", "DATE", "TIME", "CARDINAL"):
                    patient = c
            if c.dep_ == "dobj":
                for cc in c.children:
                    if cc.dep_ == "prep" and cc.lower_ in ATTACK_PREPS:
                        for g in cc.children:
                            if g.dep_ == "pobj":
                                prep_objs.append((0, g))
            if c.dep_ == "prep" and c.lower_ == "in":
                # "opened fire in the direction of the positions of ..."
                for g in c.children:
                    if g.dep_ == "pobj" and g.lower_ == "direction":
                        prep_objs += [
                            (0, o)
                            for of in g.children
                            if of.dep_ == "prep" and of.lower_ == "of"
                            for o in of.children
                            if o.dep_ == "pobj"
                        ]
            if c.dep_ == "prep" and c.lower_ in ATTACK_PREPS:
                for g in c.children:
                    ent = _ent_of(g)
                    if g.dep_ == "pobj" and (
                        ent is None or ent.label_ not in ("DATE", "TIME", "CARDINAL", "WEAPON")
                    ):
                        prep_objs.append((0 if c.lower_ != "on" else 1, g))
        if patient is None and prep_objs:
            patient = sorted(prep_objs, key=lambda p: (p[0], p[1].i))[0][1]
        if patient is None:
            # "attacked and beat civilians": the object may belong to a coordinated verb
            for v in verb.conjuncts:
                obj = next((c for c in v.children if c.dep_ == "dobj" and c.lower_ not in _NOT_TARGET), None)
                if obj is not None and (
                    _ent_of(obj) is None or _ent_of(obj).label_ not in ("WEAPON", "DATE", "TIME", "CARDINAL")
                ):
                    patient = obj
                    break
        if agent is None and verb.dep_ == "conj":
            # "residents captured a man and beat him": the coordinated verb shares the subject
            # (the subject next to the head verb, as above)
            agent = max(
                (c for c in verb.head.children if c.dep_ == "nsubj" and _is_person_like(c)),
                key=lambda c: c.i,
                default=None,
            )
        if agent is None:
            # "a crowd of residents set upon two suspects and burned them": a past-tense verb the
            # parser hung on the noun before it as a clause is that noun's act
            clause = (
                verb
                if verb.dep_ == "acl"
                else verb.head
                if verb.dep_ == "conj" and verb.head.dep_ == "acl"
                else None
            )
            active = clause is not None and (
                clause.tag_ == "VBD"
                or any(c.dep_ == "dobj" for v in (clause, verb, *clause.conjuncts) for c in v.children)
            )
            if active and _is_person_like(clause.head):
                agent = clause.head
        if agent is None:
            # a main verb the parser left without a subject ("in Tezontepec, Hidalgo, residents
            # of Colonia San Juan captured a man and beat him")
            main = verb if verb.dep_ == "ROOT" else verb.head if verb.dep_ == "conj" else None
            before = subject_before(main) if main is not None else None
            if (
                before is not None
                and _is_person_like(before)
                and _ent_of(before) is None
                or before is not None
                and before.ent_type_ in ("ARMED_GROUP", "SECURITY_FORCE")
            ):
                agent = before
        if agent is None:
            # "was beaten up and injured by residents": the passive agent may hang on a conjunct
            for v in verb.conjuncts:
                for c in v.children:
                    if c.dep_ == "agent":
                        agent = next((g for g in c.children if g.dep_ == "pobj"), None)
                if agent is not None:
                    break
        if agent is not None and patient is not None:
            break
    return agent, patient


# ---------------------------------------------------------------- casualties
_CASUALTY_NEG = re.compile(
    r"\b(no|without)\s+(immediate\s+)?(reports?\s+of\s+)?(casualties|fatalities|injuries|deaths|one\s+(was\s+)?(killed|hurt|injured))\b"
    r"|\bno\s+(one|body|people|person)\s+(was|were)\s+(killed|hurt|injured|wounded)\b"
    r"|\bno\s+(one|body)\s+(was|were)\s+(hurt|harmed)\b|\bthere\s+were\s+no\s+(casualties|fatalities|deaths|injuries)\b",
    re.I,
)
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens|dozen|several|scores|hundreds|a few|a number)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|hundred))?"
_Q = r"(?:(?:at least|at most|more than|over|nearly|almost|about|around|some|up to|as many as)\s+)?"
_VICTIM = r"(?:[a-z'-]+\s+){0,4}?"
_KILL_V = r"(?:killed|killing|kills|kill|dead|died|slain|murdered|executed|beheaded|massacred|shot dead|lost their lives|were killed|was killed)"
_INJ_V = r"(?:injured|injuring|wounded|wounding|hurt)"
#: Animals counted in a toll are property ("killed 25 heads of cattle"), not fatalities.
_NOT_ANIMALS = r"(?!\s+(?:heads?\s+of\s+)?(?:cattle|cows?|goats?|sheep|camels?|livestock|animals?|donkeys?|horses?|pigs?|chickens?|oxen|dogs?|buffalo(?:es)?)\b)"
_PATTERNS = [
    # "killing three soldiers", "killed at least 12 people"
    (
        "k",
        re.compile(
            rf"\b(?:killing|killed|kills|kill|murdered|executed|massacred|shot dead|shot and killed|gunned down)\s+(?:another\s+|other\s+)?({_Q}{_NUM})\b(?!\s*(?:years?|km|kilomet|miles?|times|percent|%)){_NOT_ANIMALS}",
            re.I,
        ),
    ),
    # "three soldiers were killed", "12 people died", "3 people were killed"
    (
        "k",
        re.compile(
            rf"\b({_Q}{_NUM}){_NOT_ANIMALS}\s+{_VICTIM}(?:were|was|have been|had been|are|is)?\s*(?:reportedly\s+|also\s+)?(?:killed|dead|died|slain|murdered|executed|shot dead|lost their lives)\b",
            re.I,
        ),
    ),
    (
        "k",
        re.compile(
            rf"\b(?:death toll|toll)\s+(?:\w+\s+){{0,3}}?(?:to|at|of|reached|is|was|stands at)\s+({_Q}{_NUM})\b",
            re.I,
        ),
    ),
    ("k", re.compile(rf"\b({_Q}{_NUM})\s+(?:deaths|death|fatalities|fatality|dead)\b", re.I)),
    (
        "i",
        re.compile(
            rf"\b(?:injuring|injured|wounding|wounded|hurting)\s+(?:another\s+|other\s+)?({_Q}{_NUM})\b(?!\s*(?:years?|km|times|percent|%))",
            re.I,
        ),
    ),
    (
        "i",
        re.compile(
            rf"\b({_Q}{_NUM})\s+{_VICTIM}(?:were|was|have been|had been|are|is)?\s*(?:also\s+|reportedly\s+|seriously\s+|critically\s+|slightly\s+)?(?:injured|wounded|hurt)\b",
            re.I,
        ),
    ),
    ("i", re.compile(rf"\b({_Q}{_NUM})\s+(?:injuries|injured|wounded)\b", re.I)),
]
_FURTHER = re.compile(r"\b(also|another|other|others|additional|further|more)\b", re.I)
_RANGE = re.compile(
    rf"\bbetween\s+({_NUM})\s+(?:and|to)\s+{_NUM}\s+{_VICTIM}(?:people|persons|civilians|\w+)?", re.I
)
_SINGLE_VICTIM = re.compile(
    r"\b(?:killed|killing|shot dead|murdered|executed|beheaded|stabbed to death|beat to death|beaten to death|hacked to death)\s+(?:a|an|one|the|his|her)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:man|woman|boy|girl|child|civilian|soldier|policeman|officer|farmer|teacher|student|journalist|leader|commander|chief|member|person|driver|resident|villager|trader|activist|guard|official|priest|imam)\b"
    r"|\b(?:a|an|one)\s+(?:[a-z-]+\s+){0,2}?(?:man|woman|boy|girl|child|civilian|soldier|policeman|officer|person|resident|villager|member|teenager|adolescent|farmer|driver|student)\s+(?:was|has been)\s+(?:shot\s+and\s+)?(?:killed|shot dead|murdered|stabbed to death|beaten to death|found dead)\b"
    r"|\b(?:he|she)\s+(?:was|has been)\s+(?:later\s+|also\s+)?(?:killed|shot dead|murdered)\b|\b(?:he|she|the victim|the man|the woman)\s+(?:later\s+)?died\b"
    r"|\bthe\s+(?:body|remains|corpse)\s+of\s+(?:a|an|one)\b"
    # "shooting a 17-year-old Palestinian dead", "beating a man to death"
    r"|\b(?:shooting|shot|gunning|gunned|beating|beat|stabbing|stabbed|hacking|hacked|burning|burned|burnt)\s+(?:a|an|one|the|his|her)\s+(?:[\w-]+\s+){0,3}?(?:dead|to\s+death)\b",
    re.I,
)


def casualties(text: str, offset: int) -> tuple[int | None, int | None, list[Span], list[Span]]:
    """(fatalities, injured, evidence) read from one sentence; ``None`` where it says nothing."""
    fat: int | None = None
    inj: int | None = None
    fspans: list[Span] = []
    ispans: list[Span] = []
    neg = _CASUALTY_NEG.search(text)
    if neg:
        sp = Span(offset + neg.start(), offset + neg.end(), neg.group(0))
        word = neg.group(0).lower()
        if re.search(r"casualt|harm|hurt", word):
            fat, inj = 0, 0
            fspans.append(sp)
            ispans.append(sp)
        elif re.search(r"injur|wound", word):
            inj = 0
            ispans.append(sp)
        else:
            fat = 0
            fspans.append(sp)
    used: list[tuple[int, int]] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in used):
                continue
            n = parse_number(m.group(1))
            if n is None or n > 100_000:
                continue
            used.append((m.start(), m.end()))
            sp = Span(offset + m.start(), offset + m.end(), m.group(0))
            if kind == "k":
                fat = (fat or 0) + n
                fspans.append(sp)
            else:
                inj = (inj or 0) + n
                ispans.append(sp)
    if fat is None:
        m = _RANGE.search(text)
        if m and re.search(
            r"killed|dead|died|deaths",
            text[m.end() : m.end() + 40] + text[max(0, m.start() - 30) : m.start()],
            re.I,
        ):
            n = parse_number(m.group(1))
            if n is not None:
                fat = n  # ACLED's conservative rule: the lower figure of a range
                fspans.append(Span(offset + m.start(), offset + m.end(), m.group(0)))
                used.append((m.start(), m.end()))
    if fat is None or fat == 0 and not neg:
        m = _SINGLE_VICTIM.search(text)
        if m and not any(a < m.end() and m.start() < b for a, b in used):
            fat = 1
            fspans.append(Span(offset + m.start(), offset + m.end(), m.group(0)))
    return fat, inj, fspans, ispans


def victim_nouns(spans: Sequence[Span], doc_text: str) -> set[str]:
    """The people-nouns a toll is about ("killed 23 Afghan soldiers" -> {"soldier"})."""
    out: set[str] = set()
    for sp in spans:
        # the words right after the toll, up to the agent ("shot dead by gunmen" is not about gunmen)
        tail = re.split(r"[,.;]|\b(?:by|from|after|when|while|during|as)\b", doc_text[sp.end : sp.end + 40])[
            0
        ]
        for w in re.findall(r"[a-z]+", (sp.text + " " + tail).lower()):
            if w in PERSON_NOUNS and w not in ("people", "persons", "person", "others", "individuals"):
                out.add(w.rstrip("s"))
    return out


_KILL_FORMS = frozenset("killed killing slain murdered executed assassinated beheaded lynched".split())


def _passive_single_victims(sent: SpacySpan) -> list[Token]:
    """One victim per singular person the parse says was killed: "A local commander ... was also
    reportedly killed", "a man who worked as a driver was shot and killed", "gunmen shot and
    killed the former mayor". Not "almost killed him"."""
    out = []
    for tok in sent:
        if tok.lower_ not in _KILL_FORMS or tok.dep_ not in (
            "ROOT",
            "conj",
            "ccomp",
            "advcl",
            "relcl",
            "xcomp",
            "acl",
        ):
            continue
        if any(c.lower_ in ("almost", "nearly") for c in tok.children) or tok.doc[
            max(tok.i - 1, 0)
        ].lower_ in ("almost", "nearly"):
            continue
        heads = [tok] + ([tok.head] if tok.dep_ == "conj" else [])
        for h in heads:
            for c in h.children:
                single = c.tag_ == "NN" and any(
                    d.lower_ in ("a", "an", "one", "the") or d.dep_ == "poss"
                    for d in c.children
                    if d.dep_ in ("det", "nummod", "poss")
                )
                person = c.ent_type_ == "PERSON"
                if c.dep_ == "nsubjpass" and (single or person) and c not in out:
                    out.append(c)
                elif c.dep_ == "dobj" and h.lower_ in _KILL_FORMS and (single or person) and c not in out:
                    out.append(c)
    return out


#: Remote-violence nouns that a country modifier turns into a state attack ("Israeli airstrike").
_STATE_WEAPON_NOUNS = frozenset(
    "strike strikes airstrike airstrikes raid raids bombardment shelling drone drones warplanes jets missile missiles artillery".split()
)


#: Verbs of responding after the fact: forces that arrest, find or investigate are not a side.
_RESPONSE_VERBS = frozenset(
    "arrest detain investigate arrive find recover rescue transport respond probe launch open search discover identify".split()
)


def _is_speaker(ent: SpacySpan) -> bool:
    """The entity only reports the event or responds to it afterwards: subject of "said"/"told",
    "according to" it, or subject/agent of "arrested", "found", "investigated"."""
    root = ent.root
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


def state_from_modifier(trigger_tokens: Sequence[Token]) -> Actor | None:
    """``Military Forces of {of:U.S.}`` when a country name or demonym modifies the attack noun;
    the pipeline resolves ``{of:...}`` to the country's name with the gazetteer."""
    for t in trigger_tokens:
        nouns = [t] + [t.head] if t.head.lower_ in _STATE_WEAPON_NOUNS else [t]
        for noun in nouns:
            if noun.lower_ not in _STATE_WEAPON_NOUNS:
                continue
            for c in noun.children:
                ent = _ent_of(c)
                if (
                    c.dep_ in ("compound", "amod", "nmod", "poss")
                    and ent is not None
                    and ent.label_ in ("GPE", "NORP")
                ):
                    return Actor("Military Forces of {of:" + ent.text + "}", ent.text, _tok_span(ent), 1)
    return None


def named_killed(sents: Sequence[SpacySpan]) -> list[SpacySpan]:
    """People named as killed: "X was killed", "the assassination of X", "killing X"."""
    out: list[SpacySpan] = []
    seen: set[str] = set()
    for sent in sents:
        for ent in _ents(sent):
            if ent.label_ != "PERSON" or ent.text in seen:
                continue
            root = ent.root
            # walk appositions/compounds up to the governing word
            node = root
            while node.dep_ in ("appos", "compound", "conj") and node.head.i != node.i:
                node = node.head
            head = node.head
            dead = (
                node.dep_ == "nsubjpass"
                and head.lower_ in ("killed", "assassinated", "murdered", "executed", "slain")
                or node.dep_ == "dobj"
                and head.lower_ in ("killed", "killing", "assassinated", "murdered", "executed")
                or node.dep_ == "pobj"
                and head.lower_ == "of"
                and head.head.lower_ in ("assassination", "killing", "murder", "execution", "death")
            )
            if dead:
                seen.add(ent.text)
                out.append(ent)
    return out


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


# ---------------------------------------------------------------- claims, suspicion, sources
_CLAIM_NEG = re.compile(r"\b(no|none|nobody|not yet|yet to)\b.{0,40}\b(claim|responsibility)", re.I)


def claims_and_suspects(sents: Sequence[SpacySpan], family: str) -> tuple[Actor | None, bool, list[Actor]]:
    claimed: Actor | None = None
    negated = False
    suspects: list[Actor] = []
    seen: set[str] = set()
    for sent in sents:
        cues = [c for c in (sent.doc._.cues or []) if sent.start <= c.start < sent.end]
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


# ---------------------------------------------------------------- the whole incident
def fill(
    sents: Sequence[SpacySpan],
    *,
    family: str,
    trigger_tokens: Sequence[Token],
    context_sents: Sequence[SpacySpan] = (),
) -> Arguments:
    """Read every argument of one incident from its sentences (``context_sents`` add claims,
    suspicion, sources and casualty statements from follow-up sentences)."""
    a = Arguments()
    doc_text = _doc_text(sents[0].doc) if sents else ""
    all_sents = list(sents) + [s for s in context_sents if s not in sents]
    agent, patient = find_agent_and_patient(sents, trigger_tokens)
    if agent is None:
        state = state_from_modifier(trigger_tokens)
        if state is not None:
            a.actor1 = state
    if agent is not None:
        ent = _ent_of(agent)
        label = ent.label_ if ent is not None else None
        if ent is not None and ent.label_ == "ARMED_GROUP" and ent.ent_id_ == "generic":
            prev = [
                e
                for e in _ents(agent.doc)
                if e.end == ent.start and e.label_ == "ARMED_GROUP" and e.ent_id_ == "named"
            ]
            if prev:  # "Taliban gunmen": the named group is the actor
                ent = agent.doc[prev[0].start : ent.end]
        phrase = (
            ent
            if ent is not None and ent.label_ in ("ARMED_GROUP", "SECURITY_FORCE")
            else _subtree_span(agent, 6)
        )
        named = None
        if ent is not None and ent.label_ == "ARMED_GROUP":
            named = any(e.ent_id_ == "named" for e in _ents(agent.doc) if ent.start <= e.start < ent.end)
        actor = actor_from_mention(phrase.text, family=family, label=label, named=named)
        name = _own_country(actor.name, agent)
        a.actor1 = Actor(name, phrase.text, _tok_span(phrase), actor.inter)
    target_tokens: set[int] = set()
    if patient is not None:
        phrase = _subtree_span(patient)
        target_tokens = set(range(phrase.start, phrase.end))
        a.targets.append(Target(phrase.text, None, _tok_span(phrase)))
        pwords = set(re.findall(r"[a-z]+", phrase.text.lower()))
        pent = _ent_of(patient)
        armed_in_phrase = any(e.label_ in ("SECURITY_FORCE", "ARMED_GROUP") for e in _ents(phrase))
        off_duty = bool(_NOT_ON_DUTY.search(patient.sent.text))  # attacked as a civilian
        if _CIVIL_OFFICER.search(phrase.text) and not armed_in_phrase:
            off_duty = True  # a civil servant, not a security officer
        if not off_duty and (
            armed_in_phrase
            or pent is not None
            and pent.label_ in ("SECURITY_FORCE", "ARMED_GROUP")
            or pwords & (_SECURITY_ARMY | _SECURITY_POLICE | _GENERIC_ARMED)
        ):
            a.armed_target = True
            named = [e for e in _ents(phrase) if e.label_ == "ARMED_GROUP" and e.ent_id_ == "named"]
            if named:
                victim = actor_from_mention(named[0].text, family=family, label="ARMED_GROUP")
            else:
                victim = actor_from_mention(phrase.text, family=family, label=pent.label_ if pent else None)
            a.actor2 = Actor(_own_country(victim.name, patient), phrase.text, _tok_span(phrase), victim.inter)
        elif (
            pwords & CIVILIAN_NOUNS
            or off_duty
            or (pwords & _CIVIL_VEHICLES and not pwords & _MILITARY_MODIFIERS)
        ):
            # people, or the vehicles that carry them ("ambushed a truck carrying passengers")
            a.civilian_victims = True
            a.actor2 = Actor("Civilians ({country})", phrase.text, _tok_span(phrase), 7)
    seen_victims: set[str] = set()
    for sent in all_sents:
        words = {t.lower_ for t in sent}
        if words & PROTEST_NOUNS and family.startswith("demo"):
            a.protesters = True
        if any(e.label_ == "SECURITY_FORCE" for e in _ents(sent)):
            if a.actor1 is not None and a.actor1.inter == 1:
                a.state_actor = True
        fat, inj, fsp, isp = casualties(sent.text, sent.start_char)
        if fat is None:
            singles = _passive_single_victims(sent)
            if singles:
                fat = len(singles)
                fsp = [_tok_span(t) for t in singles]
        # Within a sentence the groups add up ("3 soldiers and 2 civilians"). Across sentences a
        # story usually restates its toll ("killing six ..." / "Six ... were killed"): keep the
        # largest, unless the sentence says the victims are further ones ("was also killed").
        nouns = victim_nouns(fsp, doc_text)
        more = bool(_FURTHER.search(sent.text)) or bool(nouns and seen_victims and not nouns & seen_victims)
        if fat is not None:
            a.fatalities = (
                fat
                if a.fatalities is None
                else (a.fatalities + fat if more and fat else max(a.fatalities, fat))
            )
            a.fatality_spans += fsp
            seen_victims |= nouns
        if inj is not None:
            a.injured = (
                inj if a.injured is None else (a.injured + inj if more and inj else max(a.injured, inj))
            )
            a.injured_spans += isp
    # Two organised armed sides in the story (security forces and an armed group, or a named
    # armed group and generic gunmen) make it a battle unless civilians are the named victims.
    # ("police said" is a source, not a side)
    state_side = any(e.label_ == "SECURITY_FORCE" and not _is_speaker(e) for s in sents for e in _ents(s))
    crowd_agent = agent is not None and is_crowd(agent)
    # (a crowd's victims - "set upon two suspected kidnappers" - are not an armed side of the
    # story: with a crowd acting, only a group that acts itself is one)
    armed_side = any(
        e.label_ == "ARMED_GROUP" and not _is_speaker(e) and not (crowd_agent and not _acts(e.root))
        for s in sents
        for e in _ents(s)
    )
    a.armed_present = state_side or armed_side
    a.state_present = state_side
    a.armed_group = armed_side
    if crowd_agent:
        a.crowd_actor = True
    sides = clash_sides(sents)
    if sides and "crowd" in sides and "armed" not in sides:
        # "clashes between Palestinians and soldiers", "between supporters of two candidates"
        a.crowd_actor = True
    elif sides and all(k in ("armed", "state") for k in sides) and "armed" in sides:
        # named organisations fighting each other (or the state) are organised armed sides
        a.armed_present = True
        a.armed_group = True
        a.crowd_actor = False
    if not a.civilian_victims and state_side and armed_side and not _allied(sents):
        a.armed_target = True
    if seen_victims & _ARMED_VICTIM_NOUNS and not _NOT_ON_DUTY.search(" ".join(s.text for s in sents)):
        a.armed_target = True  # "three volunteer fighters and a councilman were killed"
    if armed_victims(all_sents, _subtree_span(patient) if patient is not None else None, agent):
        a.armed_target = True
        a.civilian_victims = False
        if a.actor2 is not None and a.actor2.inter == 7:
            a.actor2 = Actor("Unidentified Armed Group ({country})", a.actor2.mention, a.actor2.span, 3)
    if a.actor1 is not None and a.actor1.inter in (2, 3) and state_side and not a.civilian_victims:
        a.armed_target = True
    named = named_killed(all_sents)
    if named and (a.fatalities or 0) < len(named):
        a.fatalities = len(named)
        a.fatality_spans += [_tok_span(p) for p in named]
    if a.actor1 is not None and a.actor1.inter == 1:
        a.state_actor = True
    a.weapons = weapons_in(sents)
    a.claimed_by, a.claim_negated, a.suspected = claims_and_suspects(all_sents, family)
    a.sources = sources_in(all_sents)
    a.places = places_in(sents, target_tokens=target_tokens)
    if family.startswith("demo"):
        # a demonstration "at the high school in Oak Harbor" or "against the ministry" happens
        # there: its venue is the event's location, not a target hit from elsewhere
        a.places = [replace(p, role="location") if p.role == "target" else p for p in a.places]
    if context_sents:
        seen = {(p.span.start, p.span.end) for p in a.places}
        for p in places_in(list(context_sents), target_tokens=set()):
            if p.role != "location" and (p.span.start, p.span.end) not in seen:
                a.places.append(p)
    return a

"""Which place names of an article are not where an incident happened, read from the words around
them: the dateline ("NAIROBI, April 23 (Reuters) -") and the place of a speaker or an agency
("told journalists in Ouagadougou", "speaking in Nairobi", "officials in the capital said"). Also
whether a region is written as the container of a place the text does not name or the gazetteer
lacks ("a village in Marsabit county": part of the county, ACLED geo_precision 2), and whether a
country is written as a part of it ("northern Kenya": not the dateline's capital).

These are cues of English news prose, not of any one article: each pattern is a way reports
attribute what they say (a speech verb, then where the speaking was) or locate an incident.
"""

from __future__ import annotations

import re

from eventlens.types import Article, Span

#: Words that say someone spoke or announced: the place after them is where that happened.
_SPEECH = (
    r"said|says|say|told|tells|tell|telling|speaking|spoke|speaks|announced|announces|announcing"
    r"|statement|statements|briefed|reporters|journalists|interview"
    r"|addressing|addressed|declared|confirmed|quoted|insisted|added"
)
#: Words that put an incident in the gap: after them the place is the incident's ("said the attack
#: in X", "told reporters gunmen had struck in X").
_INCIDENT = re.compile(
    r"\b(?:kill\w*|attack\w*|struck|strike\w*|clash\w*|bomb\w*|blast\w*|explo\w*|fir(?:e|ed|ing)"
    r"|shot|shoot\w*|shell\w*|raid\w*|ambush\w*|fight\w*|battle\w*|protest\w*|march\w*|riot\w*"
    r"|abduct\w*|kidnap\w*|wound\w*|injur\w*|dead|died|die|destroy\w*|burn\w*|seiz\w*|captur\w*"
    r"|arrest\w*|detain\w*|happened|occurred|took\s+place|incident|violence|demonstrat\w*|assault\w*"
    r"|massacre\w*|offensive|operation|gunmen|militants|insurgents|rebels|troops|soldiers"
    r"|rall(?:y|ied|ies|ying)|gather\w*|sit-in|strik\w*|roadblock\w*|blockad\w*|picket\w*)\b",
    re.IGNORECASE,
)
_SPEECH_WORD = re.compile(r"(?<![\w-])(?:" + _SPEECH + r")\b", re.IGNORECASE)  # not "Russian-speaking"
#: A reported clause after the speech word ("say they have evacuated children from X"): X is the
#: content's place, not the speaker's.
_CLAUSE_WORD = re.compile(
    r"\b(?:that|they|he|she|we|it|who|which|had|have|has|was|were|is|are|will|would|been)\b", re.IGNORECASE
)
_SPEAKER_TAIL = re.compile(
    r"(?P<gap>(?:\s+[^\s.,;:!?\"\u201c\u201d]+){0,6}?\s+)"  # a few words, no new clause
    r"\b(?:in|at|from)\s+(?:the\s+)?(?:(?:country's\s+|national\s+)?capital\s*,?\s*|city\s+of\s+)?",
    re.IGNORECASE,
)
#: "officials in X said", "a spokesman in X told": an agent based somewhere, then a speech verb.
_AGENT_BEFORE = re.compile(
    r"\b(?:officials?|spokes(?:man|woman|person)|sources?|authorities|ministry|government|headquarters"
    r"|diplomats?|embassy|analysts?|agency|office|minister|officers?|commanders?|correspondent)"
    r"\s+(?:based\s+)?(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: "Paris' counterterrorism authority announced ...", "Kabul's police chief said": the name owns an
#: agency that speaks or acts from there; it is the agency's seat, not where the incident was.
_AGENCY_AFTER = re.compile(
    r"(?:'s|\u2019s|'|\u2019)\s+(?:[\w-]+\s+){0,2}?(?:authority|authorities|prosecutors?|prosecution|police"
    r"|court|ministry|office|government|mayor|governor|council|agency|officials?|spokes(?:man|woman|person))\b",
    re.IGNORECASE,
)
_SPEECH_AFTER = re.compile(r"^[\w\s,'\u2019-]{0,40}?\b(?:" + _SPEECH + r")\b", re.IGNORECASE)
#: "a village in", "a settlement of", "an area of", "the outskirts of": a place inside the region
#: written after it, which the text does not name (or the gazetteer lacks).
_SUB_PLACE_BEFORE = re.compile(
    r"\b(?:villages?|settlements?|hamlets?|communit(?:y|ies)|localit(?:y|ies)|areas?|parts?|camps?"
    r"|markets?|farms?|mines?|outposts?|posts?|bases?|checkpoints?|border\s+areas?|forests?|bush"
    r"|remote\s+\w+|rural\s+\w+)\s+(?:\w+\s+){0,2}?(?:in|of|near)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central)\w*\s+)?$",
    re.IGNORECASE,
)
#: "northern Kenya", "the north of Kenya", "eastern parts of Congo": a part of the country named.
_PART_BEFORE = re.compile(
    r"\b(?:(?:north|south|east|west)(?:ern|-?(?:east|west)(?:ern)?)?|central|northeast\w*|northwest\w*"
    r"|southeast\w*|southwest\w*|central)\s+(?:(?:parts?|regions?|areas?|provinces?)\s+of\s+)?$"
    r"|\b(?:(?:north|south)-?(?:east|west)|north|south|east|west|centre|center|interior)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[.;!?\n]")


def _clause_before(text: str, start: int, limit: int = 160) -> str:
    """The words before ``start`` back to the last sentence break (at most ``limit`` characters)."""
    window = text[max(0, start - limit) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def is_speaker_place(text: str, start: int, end: int) -> bool:
    """Is the place name at ``text[start:end]`` where someone spoke, not where something happened?

    "told journalists in Ouagadougou", "said in a statement read on television in the capital
    Ouagadougou", "Kindiki, speaking in Nairobi, said", "officials in Kabul said". Not when an
    incident word stands between the speech word and the name ("said the attack in Djibo")."""
    if _AGENCY_AFTER.match(text, end):
        return True  # "Paris' counterterrorism authority announced": the agency's seat
    before = _clause_before(text, start)
    speech = list(_SPEECH_WORD.finditer(before))
    if speech:  # the speech word nearest the name
        m = _SPEAKER_TAIL.fullmatch(before, speech[-1].end())
        if m is not None and not _INCIDENT.search(m.group("gap")) and not _CLAUSE_WORD.search(m.group("gap")):
            return True
    if _AGENT_BEFORE.search(before):
        after = text[end : end + 60]
        after = _CLAUSE_BREAK.split(after, maxsplit=1)[0]
        if _SPEECH_AFTER.search(after) and not _INCIDENT.search(after.split(",")[0] if "," in after else ""):
            return True
    return False


def in_dateline(article: Article, span: Span) -> bool:
    """Is ``span`` inside the article's dateline ("NAIROBI, April 23 (Reuters) -")?"""
    d = article.dateline
    return d is not None and d.start <= span.start and span.end <= d.end


def is_sub_place_of(text: str, start: int) -> bool:
    """Is the region named at ``start`` the container of an unnamed place ("a village in Marsabit
    county", "a settlement in the east of")?"""
    return _SUB_PLACE_BEFORE.search(_clause_before(text, start, 60)) is not None


def is_part_of(text: str, start: int) -> bool:
    """Is the name at ``start`` written as a part of it ("northern Kenya", "the east of Congo")?"""
    return part_of(text, start) is not None


def part_of(text: str, start: int) -> str | None:
    """Which part of the name at ``start`` the text writes ("northeastern Kenya" -> "northeast",
    "the south of Mali" -> "south", "central Somalia" -> "central"), else ``None``."""
    m = _PART_BEFORE.search(_clause_before(text, start, 40))
    if m is None:
        return None
    word = m.group().split()[0].lower()
    if word.startswith(("central", "centre", "center", "interior")):
        return "central"
    ns = "north" if word.startswith("north") else "south" if word.startswith("south") else ""
    rest = word[len(ns) :].lstrip("-")
    ew = "east" if rest.startswith("east") else "west" if rest.startswith("west") else ""
    return (ns + ew) or None


#: "at a court in Nairobi", "the trial in The Hague", "a tribunal in Arusha": where proceedings are
#: held, not where the incident they are about happened.
_VENUE_BEFORE = re.compile(
    r"\b(?:court(?:house|room)?s?|tribunals?|trials?|hearings?|inquests?|magistrates?|judges?)"
    r"\s+(?:\w+\s+){0,2}?(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_TARGETED = re.compile(
    r"\b(?:hit|hits|on|into|targeted|(?:thrown|hurled|aimed)\s+at)\s+(?:a|the)\s*$", re.IGNORECASE
)


#: "in front of the court", "outside the law court": a site where something happened, not a hearing.
_AT_SITE = re.compile(
    r"\b(?:front\s+of|outside|near|opposite|gates?\s+of|steps\s+of|around)\b", re.IGNORECASE
)
_GATHERING = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ied|ies|ying)|march\w*|sit-in|gather\w*|picket\w*|vigil)\b",
    re.IGNORECASE,
)


def is_venue_place(text: str, start: int) -> bool:
    """Is the name at ``start`` where a court or hearing sits ("pleaded not guilty at a court in
    Nairobi"), which is not where the incident on trial happened?"""
    before = _clause_before(text, start, 100)
    m = _VENUE_BEFORE.search(before)
    if m is None:
        return False
    # "a bomb hit the courthouse in Nairobi", "the attack on a court in X": the court is the target
    lead = " ".join(before[: m.start()].split()[-4:])
    if _AT_SITE.search(lead) or _GATHERING.search(before):
        return False  # "protested in front of the district court in Bangkinang": the court is the site
    return _INCIDENT.search(lead) is None and _TARGETED.search(lead) is None


#: "Sergeant John Miller of Austin", "Smith, 36, of Leeds", "a native of Kano": where a person is
#: from, not where the incident happened. Not after an institution's word ("Interior Ministry of
#: Iraq", "Islamic State of Iraq").
_HOME_BEFORE = re.compile(
    r"(?:\b\d{1,3},|\b(?:natives?|hometown)|(?:\b[A-Z][a-z]*\.?\s+)(?P<name>[A-Z][a-z]+),?)\s+of\s+$"
)
_INSTITUTION = frozenset(
    """ministry department university bank republic state states government governor city province
    region county district council office army police force forces command court church college
    school institute embassy consulate assembly parliament mayor minister president emir king queen
    prince duke bishop chief head people kingdom union federation commission committee party front
    movement group brigade battalion regiment division corps centre center museum hospital port
    airport avenue street road square boulevard bridge market hall park palace tower gate station
    stadium mosque temple cathedral plaza mall camp base prison""".split()
)


#: A person before the name: a rank, a title or an age ("36-year-old Master Sgt Ann Lee of").
_PERSON_CUE = re.compile(
    r"\b(?:\d{1,3}-year-old|Sgt|Sergeant|Cpl|Corporal|Pte|Private|Lt|Lieutenant|Capt|Captain|Maj|Major"
    r"|Col|Colonel|Constable|Mr|Mrs|Ms|Dr|Rev)\b\.?\s+(?:[A-Z][\w.]*\s+){0,4}$"
)


#: "a soldier from Dallas", "two students from Kano", "a 23-year-old from Leeds": a person's home,
#: written as a person noun (or an age) and "from" right before the name. Not movers ("troops
#: from Kabul were sent", "fled from X"): only nouns for people as individuals or by occupation.
_HOME_FROM = re.compile(
    r"\b(?:\d{1,3}-year-old|(?:soldier|serviceman|servicewoman|marine|sailor|airman|airmen|pilot"
    r"|paratrooper|reservist|guardsman|guardsmen|officer|policeman|policemen|policewoman|constable"
    r"|man|men|woman|women|boy|girl|teenager|youth|student|pupil|worker|nurse|doctor|journalist"
    r"|reporter|photographer|teacher|farmer|contractor|engineer|tourist|pilgrim|volunteer|father"
    r"|mother|son|daughter|brother|sister|husband|wife|couple|family|families|native|victim"
    r"|medic|aid\s+worker|businessman|businessmen|trader|driver|truck\s+driver|priest|imam)s?)"
    r"\s+(?:originally\s+)?from\s+(?:the\s+(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)


def is_home_place(text: str, start: int) -> bool:
    """Is the name at ``start`` where a person named just before it is from ("Sergeant John Miller
    of Austin, Texas", "Ann Lee, 41, of Leeds", "a soldier from Dallas was killed in Syria")?"""
    window = text[max(0, start - 80) : start]  # not cut at the "J." of a name
    if _HOME_FROM.search(window[-60:]):
        return True
    m = _HOME_BEFORE.search(window)
    if m is None:
        return False
    if m.group("name") is None:
        return True  # an age or "a native of"
    # a name "of" X: only with a rank, title or age before it (not "Divisional Secretariat of X")
    return (
        m.group("name").lower() not in _INSTITUTION
        and _PERSON_CUE.search(window[: m.start("name")]) is not None
    )


#: "drove from the capital, Juba, northeast to Pibor", "travelling from Mandera to Nairobi": the
#: place a journey set off from, when the words go on to where it was headed. An attack on the way
#: happened somewhere along the road, not at its start.
_ROUTE_FROM = re.compile(
    r"\b(?:dr(?:o|i)ve[ns]?|driving|travel+(?:ed|ing|s)?|head(?:ed|ing|s)?|mov(?:ed|ing)|journey(?:ed|ing)?"
    r"|ran|running|flew|flying|sail(?:ed|ing)|walk(?:ed|ing)|set\s+off|left|leaving|en\s+route|way)"
    r"\s+from\s+(?:the\s+(?:capital|city|town|village)\s*,?\s*)?$",
    re.IGNORECASE,
)
_ROUTE_TO = re.compile(r"^[^.;!?\n]{0,40}?\b(?:to|towards|toward|for)\s+(?:the\s+)?[A-Z]")


def is_route_origin(text: str, start: int, end: int) -> bool:
    """Is the name at ``text[start:end]`` where a journey began, with its destination written
    after it ("the convoy drove from Juba to Pibor")?"""
    return bool(_ROUTE_FROM.search(_clause_before(text, start, 80))) and bool(
        _ROUTE_TO.search(text[end : end + 60])
    )


#: "beef imports from the United States", "grain shipped from Odesa": where goods come from, not
#: where the protest against them or the attack on them happened.
_GOODS_FROM = re.compile(
    r"\b(?:imports?|imported|exports?|exported|shipments?|shipped|deliveries|delivered|supplies|goods"
    r"|products|produce)\s+(?:\w+\s+){0,2}?from\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def is_goods_origin(text: str, start: int) -> bool:
    """Is the name at ``start`` where goods written just before it come from ("allow beef imports
    from the United States")?"""
    return _GOODS_FROM.search(_clause_before(text, start, 80)) is not None

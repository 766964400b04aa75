"""Which incident a stated toll belongs to: one incident, a total over several, or a statistic.

News states tolls at three levels. An incident's own toll ("a car bomb ... killing 19 people").
A *total* over several incidents told in the same article: a summary lead ("twin blasts killed
31 in two cities", "killing seven people ... in four regions") or a day's total ("at least 27
people were killed across northwestern Syria on Wednesday"). A *statistic* over a period or a
whole area ("3,154 homicide victims last year", "since 2018, more than 18,000 people have been
killed", "more than 100 people were killed in a string of raids over Christmas"). A total is the
sum of the parts the article goes on to tell, so it must never be added to one of them; a
statistic belongs to no single incident at all.

Two sanity rules (issue 15 item 5): a toll in the hundreds belongs to no single incident unless
its clause names the incident, or its sentence names one incident or one day; and the dead of an
epidemic or a natural hazard named before the toll are no incident's toll at all.

Both are read from the words of the *clause* that states the toll (a sentence split at commas,
semicolons, dashes and "and"/"as"/"while"), so "gunmen killed 14 villagers in Zamfara, in one
of several attacks across the north" keeps its 14: the several attacks are in another clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventlens.types import Span

_COUNT = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|multiple|numerous|"
    r"separate|coordinated|simultaneous|a\s+series\s+of|a\s+string\s+of|a\s+wave\s+of|a\s+spate\s+of|\d+)"
)
_PLURAL_INCIDENTS = r"(?:attacks|strikes|airstrikes|air\s+strikes|raids|incidents|assaults|ambushes|clashes|shootings|suicide\s+attacks)"
#: Several blasts may be one incident (ACLED codes twin bombs at one place as one event): they
#: sum several incidents only when the sentence names two places ("in Mogadishu and Baidoa").
_PLURAL_BLASTS = r"(?:blasts|bombings|bombs|explosions|car\s+bombs|suicide\s+bombings|explosives)"
_PLURAL_PLACES = (
    r"(?:regions|cities|towns|provinces|states|districts|villages|countries|counties|locations|"
    r"areas|places|neighbourhoods|neighborhoods|municipalities|governorates|oblasts)"
)
#: Words of a clause saying its toll sums several incidents.
_TOTAL = re.compile(
    r"\b(?:in\s+all|in\s+total|altogether|combined|all\s+told|overall\s+toll|both\s+(?:attacks|cities|towns)"
    rf"|{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?(?:{_PLURAL_INCIDENTS}|{_PLURAL_PLACES})"
    r"|across\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:country|nation|region|north|south|east|west|province|state|[\w'-]+ern\s+[A-Z][\w'-]+|[A-Z][\w'-]+)"
    r"|deadliest\s+day|day\s+of\s+(?:violence|attacks|fighting|bloodshed))\b",
    re.I,
)
_BLASTS = re.compile(
    rf"\b(?:twin|both\s+(?:blasts|bombings|explosions)|{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?{_PLURAL_BLASTS})\b",
    re.I,
)
#: Two places named together: "in Mogadishu and Baidoa", "in Gao and in the town of Menaka".
_TWO_PLACES = re.compile(
    r"\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?,?\s+and\s+(?:in\s+)?(?:the\s+)?(?:[a-z]+\s+){0,5}?(?:of\s+)?[A-Z][\w'-]+"
)
#: A headline's plural incidents are several ("7 militants killed in blasts in Afghanistan");
#: in a body sentence "killed in IS attacks" may still be one incident's toll.
_TITLE_TOTAL = re.compile(
    r"\bin\s+(?:[\w-]+\s+)?(?:blasts|bombings|explosions|attacks|airstrikes|raids|shootings)\b(?!\s+(?:on|at|in)\s+(?:a|the)\b)",
    re.I,
)
#: "in one of several attacks", "the worst of three blasts": the toll is one part's.
_PART = re.compile(
    r"\b(?:one\s+of|among|the\s+(?:worst|deadliest|first|second|third|last|latest)\s+of|in\s+the\s+(?:worst|deadliest|first|second|third|latest)\s+attack)\b",
    re.I,
)
#: Words of a clause saying its toll counts a period or a whole area, not one incident.
_STATISTIC = re.compile(
    r"\b(?:since\s+(?:(?:early|late|mid)[\s-]+)?(?:(?:19|20)\d\d|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|the\s+(?:start|beginning)\s+of|then)"
    r"|since\s+the\b|by\s+the\s+end\s+of|(?:so\s+far|earlier)?\s*this\s+year|the\s+first\s+(?:[\w-]+\s+)?(?:days|weeks|months)\s+of"
    r"|(?:so\s+far|earlier)\s+this\s+month|(?:last|per|each|every|a)\s+year|over\s+the\s+(?:year|month|decade)"
    r"|(?:over|in|during)\s+the\s+(?:past|last|previous)\s+(?:[\w-]+\s+)?(?:days|weeks|months|years|decades)"
    r"|year[\s-]to[\s-]date|annual(?:ly)?|nationwide|homicides|homicide\s+victims"
    r"|a\s+(?:string|series|spate|wave|spree)\s+of"
    r"|(?:in|over|during|within|after)\s+(?:(?:more\s+than|nearly|almost|just\s+over)\s+)?(?:two|three|four|five|six|seven|eight|"
    r"nine|ten|several|many|\d+)\s+(?:days|weeks|months|years|decades))\b",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[;:\u2014\u2013]|,\s|\s-\s|\s(?:and|as|while|amid|but|whereas)\s", re.I)
#: A total's clause keeps its "and"s ("killing seven people and damaging homes in four regions").
_TOTAL_BREAK = re.compile(r"[;:\u2014\u2013]|,\s|\s-\s|\s(?:as|while|amid|but|whereas)\s", re.I)
_TITLE_BREAK = re.compile(r";|\s(?:as|amid|while|after)\s", re.I)
#: A toll this large is a single incident's only when its clause names the incident.
BIG_TOLL = 100
_ONE_INCIDENT = re.compile(
    r"(?:\b(?:the|a|an|this|that|one|single)|'s)\s+(?:[\w-]+\s+){0,2}?(?:attack|bombing|blast|explosion|massacre|strike|airstrike|"
    r"raid|assault|ambush|shooting|fire|stampede|collapse|crash|bomber|bomb|gunman|shooter|attacker)\b",
    re.I,
)

#: A day named in a clause: its toll is that day's, not a period's.
_ONE_DAY = re.compile(
    r"\b(?:(?:on|last|this|early|late)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:yesterday|today|tonight|overnight|last\s+night|this\s+morning)\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b",
    re.I,
)


#: "in cattle raids", "in attacks", "the offensive has killed": a toll over several incidents or a
#: campaign (not "in clashes": one fight).
_IN_SEVERAL = re.compile(
    r"\b(?:in|by|during|from)\s+(?:[\w-]+\s+){0,2}?(?:attacks|raids|bombings|blasts|explosions|airstrikes|air\s+strikes|shootings|massacres|incidents|protests)\b"
    r"|\b(?:offensive|campaign|war|conflict|insurgency|uprising|crackdown|unrest)\b",
    re.I,
)


#: A disease or a natural hazard named in a toll's clause: an epidemic's or a disaster's dead
#: ("the flu outbreak, which caused 89 deaths", "45 people have died of cholera"), not an incident's.
#: A place named after it ("a cholera clinic") is a target, not the cause.
_HAZARD_TOLL = re.compile(
    r"\b(?:outbreaks?|epidemics?|pandemics?|virus(?:es)?|flu|influenza|cholera|typhoid|malaria|ebola|measles|"
    r"covid(?:-19)?|coronavirus|dengue|meningitis|tuberculosis|aids|hiv|diarrh(?:o)?ea|infections?|disease|illness(?:es)?|"
    r"famine|starvation|malnutrition|floods?|flooding|earthquakes?|quakes?|tsunami|landslides?|mudslides?|"
    r"cyclones?|hurricanes?|typhoons?|heat\s*waves?|drought|avalanches?)\b"
    r"(?!\s+(?:treatment|clinic|centres?|centers?|ward|hospital|camp|vaccination|workers?|patients?|victims?|survivors?|relief))",
    re.I,
)
#: Someone doing the killing, in the same clause: then the hazard is a setting ("gunmen killed 12
#: at a camp for flood victims"), not the cause.
_VIOLENT_AGENT = re.compile(
    r"\b(?:gunm[ae]n|attackers?|assailants?|militants?|insurgents?|rebels?|bandits?|jihadists?|terrorists?|soldiers?|"
    r"troops?|police|militia(?:s|men)?|fighters?|mobs?|shot|shooting|stabbed|bomb(?:s|ing|er)?|shell(?:s|ing|ed)|"
    r"air\s*strikes?|drones?|rockets?|missiles?|attack(?:s|ed)?|raid(?:s|ed)?|massacre[sd]?|clash(?:es|ed)?|fighting|riots?|violence)\b",
    re.I,
)


def about_hazard(text: str) -> bool:
    """Does the text speak of an epidemic or a natural hazard with nobody doing violence in it
    ("4 people have died from typhoid", "the outbreak has spread to three districts")?"""
    return bool(_HAZARD_TOLL.search(text)) and not _VIOLENT_AGENT.search(text)


def names_one_incident(text: str) -> bool:
    """Does the text name a single incident ("the market bombing", "a suicide bomber")?"""
    return bool(_ONE_INCIDENT.search(text))


def clause_bounds(
    text: str, start: int, end: int, breaks: re.Pattern[str] = _CLAUSE_BREAK
) -> tuple[int, int]:
    """Where the clause of ``text`` around [start, end) begins and ends: from the last clause
    break before it to the first one after it (breaks inside the span itself do not split it)."""
    left = 0
    for m in breaks.finditer(text, 0, start):
        left = m.end()
    m = breaks.search(text, end)
    return left, m.start() if m else len(text)


def clause_of(text: str, start: int, end: int, breaks: re.Pattern[str] = _CLAUSE_BREAK) -> str:
    """The clause of ``text`` around [start, end) (``clause_bounds``)."""
    left, right = clause_bounds(text, start, end, breaks)
    return text[left:right]


def is_total_clause(clause: str) -> bool:
    """Does the clause say its toll sums several incidents (and not that it is one of them)?"""
    return bool(_TOTAL.search(clause)) and not _PART.search(clause)


def statistic_at(text: str, start: int, end: int, n: int | None = None) -> bool:
    """Is the toll at [start, end) of a sentence a statistic? Its clause, and an opening
    adverbial the clause hangs on ("Since 2018, more than 18,000 people have been killed"), decide."""
    # an epidemic's or a disaster's dead belong to no incident of political violence: a hazard
    # named before the toll in its sentence ("the outbreak, which has caused 64 deaths"; "with
    # 750 infections and 45 deaths"), with no one doing violence there or in the toll's clause
    m = _CLAUSE_BREAK.search(text, end)
    lead = text[: m.start() if m else len(text)]
    if _HAZARD_TOLL.search(lead) and not _VIOLENT_AGENT.search(lead):
        return True
    clause = clause_of(text, start, end)
    opener = re.match(r"[^,]{0,40},", text)
    if opener and opener.end() <= start and _STATISTIC.match(opener.group(0).lstrip()):
        clause = opener.group(0) + " " + clause
    return is_statistic_clause(clause, n, sentence=text)


def is_statistic_clause(clause: str, n: int | None = None, *, sentence: str | None = None) -> bool:
    """Does the clause count a period or an area rather than one incident? A toll of
    ``BIG_TOLL`` or more counts as one only when the clause names a single incident, or when
    nothing in the clause says "several" and its sentence names one incident or one day."""
    if _STATISTIC.search(clause) and not (n is not None and n < BIG_TOLL and _ONE_INCIDENT.search(clause)):
        return True
    if n is None or n < BIG_TOLL or _ONE_INCIDENT.search(clause):
        return False
    if _IN_SEVERAL.search(clause):
        return True
    # a toll in the hundreds told with neither an incident nor a day counts a campaign or a
    # region ("bandits have killed hundreds of people in Zamfara"); "the April 19, 1995 bombing
    # ..., killing 168" names both, in the clauses around the toll's
    whole = clause if sentence is None else sentence
    return not (_ONE_INCIDENT.search(whole) or _ONE_DAY.search(whole))


def total_in(text: str, spans: Sequence[Span], *, title: bool = False) -> str | None:
    """Is one of the tolls at ``spans`` (offsets into ``text``, as ``arguments.toll.casualties``
    gives them) stated as a total over several incidents?

    A headline has no clauses to speak of ("Twin car bombs kill 31 in Mogadishu and Baidoa"):
    it is read whole, up to an "as"/"amid"/"while" that adds another story.

    ``"strong"`` when the words say so ("in all", "in three attacks", "across the country"),
    ``"weak"`` when only several blasts are named ("two explosions"): those may be one incident,
    so a weak total is a summary only when the article tells its parts (``stages.merge``)."""
    for sp in spans:
        if title:
            left = 0
            for m in _TITLE_BREAK.finditer(text, 0, sp.start):
                left = m.end()
            m = _TITLE_BREAK.search(text, sp.end)
            clause = text[left : m.start() if m else len(text)]
        else:
            clause = clause_of(text, sp.start, sp.end, _TOTAL_BREAK)
        if is_total_clause(clause) or title and _TITLE_TOTAL.search(clause) and not _PART.search(clause):
            return "strong"
        if _BLASTS.search(text) and not _PART.search(clause):
            return "strong" if _TWO_PLACES.search(text) else "weak"
    return None

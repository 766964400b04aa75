"""The toll: how many were killed and injured (with the text that says so), and the victims named."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from eventlens.stages.arguments.lexicon import PERSON_NOUNS
from eventlens.stages.arguments.spans import _ents
from eventlens.stages.numbers import parse_number
from eventlens.stages.tolls import clause_bounds, statistic_at
from eventlens.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

KILL_WORDS = frozenset(
    "killed kill killing kills dead died die dies death deaths slain murdered executed beheaded massacred".split()
)
INJURE_WORDS = frozenset(
    "injured injuring injure injures wounded wounding wound wounds hurt injuries".split()
)
CASUALTY_NOUNS = frozenset("casualties casualty fatalities fatality".split())


# ---------------------------------------------------------------- casualties
_CASUALTY_NEG = re.compile(
    r"\b(no|without)\s+(immediate\s+)?(reports?\s+of\s+)?(casualties|fatalities|injuries|deaths|one\s+(was\s+)?(killed|hurt|injured))\b"
    r"|\bno\s+(one|body|people|person)\s+(was|were)\s+(killed|hurt|injured|wounded)\b"
    r"|\bno\s+(one|body)\s+(was|were)\s+(hurt|harmed)\b|\bthere\s+were\s+no\s+(casualties|fatalities|deaths|injuries)\b",
    re.I,
)
_NUM = r"(?:a\s+dozen|a\s+few|a\s+number|a\s+couple|\d{1,3}(?:,\d{3})+|\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens|dozen|several|scores|hundreds|a few|a number)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|hundred))?"
_Q = r"(?:(?:at least|at most|more than|over|nearly|almost|about|around|some|up to|as many as)\s+)?"
_VICTIM = r"(?:[a-z'-]+\s+){0,4}?"
#: A place after the victims: "six aid workers in South Sudan were killed".
_WHERE = r"(?:(?:in|from)\s+(?:[A-Z][\w'-]*\s+){1,3})?"
_KILL_V = r"(?:killed|killing|kills|kill|dead|died|slain|murdered|executed|beheaded|massacred|shot dead|lost their lives|were killed|was killed)"
_INJ_V = r"(?:injured|injuring|wounded|wounding|hurt)"
#: Animals counted in a toll are property ("killed 25 heads of cattle"), not fatalities.
#: Army communiques' "neutralised" means killed, but only of armed men ("neutralised two IEDs" is not).
_ARMED_MEN = (
    r"(?:terrorists?|insurgents?|militants?|bandits?|assailants?|attackers?|fighters?|gunm[ae]n|jihadists?|"
    r"rebels?|criminals?|kidnappers?|elements|combatants?|extremists?|infiltrators?|marauders|raiders|members)"
)
#: "paid the supreme price", "made the ultimate sacrifice": killed, in the words of a communique.
_SUPREME = r"(?:paid\s+the\s+(?:supreme|ultimate)\s+price|made\s+the\s+(?:supreme|ultimate)\s+sacrifice)"
_NOT_ANIMALS = r"(?!\s+(?:heads?\s+of\s+)?(?:cattle|cows?|goats?|sheep|camels?|livestock|animals?|donkeys?|horses?|pigs?|chickens?|oxen|dogs?|buffalo(?:es)?)\b)"
_PATTERNS = [
    # "five soldiers and three fighters were killed": both counts (a "+" kind adds its two groups)
    (
        "k+",
        re.compile(
            rf"\b({_Q}{_NUM}){_NOT_ANIMALS}\s+{_VICTIM}and\s+({_Q}{_NUM})\s+{_VICTIM}(?:were|have been|had been|are)?\s*(?:reportedly\s+|also\s+)?(?:killed|dead|died|slain|lost their lives)\b",
            re.I,
        ),
    ),
    # "killing three soldiers", "killed at least 12 people"
    (
        "k",
        re.compile(
            rf"\b(?:killing|killed|kills|kill|murdered|executed|massacred|shot dead|shot and killed|gunned down|fatally\s+(?:shot|stabbed|wounded))\s+(?:another\s+|other\s+|all\s+(?:the\s+)?|the\s+(?=\w+\s+(?:on|in|at|of|and|,)\b))?({_Q}{_NUM})\b(?!\s*(?:years?|km|kilomet|miles?|times|percent|%)){_NOT_ANIMALS}",
            re.I,
        ),
    ),
    # "three soldiers were killed", "12 people died", "3 people were killed"
    (
        "k",
        re.compile(
            rf"\b({_Q}{_NUM}){_NOT_ANIMALS}\s+{_VICTIM}{_WHERE}(?:were|was|have been|had been|are|is)?\s*(?:reportedly\s+|also\s+)?(?:killed|dead|died|slain|murdered|executed|shot dead|lost their lives|{_SUPREME})\b",
            re.I,
        ),
    ),
    # "neutralising 11 terrorists", "11 assailants were neutralised"
    (
        "k",
        re.compile(
            rf"\bneutrali[sz](?:ed|ing|es|e)\s+({_Q}{_NUM})\s+(?:[\w-]+\s+){{0,3}}?{_ARMED_MEN}\b",
            re.I,
        ),
    ),
    (
        "k",
        re.compile(
            rf"\b({_Q}{_NUM})\s+(?:[\w-]+\s+){{0,3}}?{_ARMED_MEN}\s+(?:were|was|have\s+been|had\s+been)\s+"
            rf"(?:also\s+|reportedly\s+)?neutrali[sz]ed\b",
            re.I,
        ),
    ),
    (
        "k",
        re.compile(
            rf"\b(?:death toll|toll|number of (?:the\s+)?(?:dead|deaths|fatalities|people killed))\s+(?:\w+\s+){{0,3}}?(?:to|at|of|reached|is|was|stands at)\s+({_Q}{_NUM})\b",
            re.I,
        ),
    ),
    ("k", re.compile(rf"\b({_Q}{_NUM})\s+(?:deaths|death|fatalities|fatality|dead)\b", re.I)),
    # "two servicemen and one local resident were injured": both counts
    (
        "i+",
        re.compile(
            rf"\b({_Q}{_NUM}){_NOT_ANIMALS}\s+{_VICTIM}and\s+({_Q}{_NUM})\s+{_VICTIM}(?:were|have been|had been|are)?\s*"
            rf"(?:reportedly\s+|also\s+|seriously\s+|slightly\s+)?(?:injured|wounded|hurt)\b",
            re.I,
        ),
    ),
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
#: A word each of ``_PATTERNS`` contains (same flags): a sentence without one states no count.
_TOLL_WORD = re.compile(
    r"kill|dead|died|slain|lost their lives|murdered|executed|massacred|gunned down|fatally|toll|"
    r"death|fatalit|injur|wound|hurt|neutrali|supreme|ultimate",
    re.I,
)
#: A toll stated as the running total: "bringing the death toll to 11", "the toll rose to 11".
_CUMULATIVE = re.compile(
    rf"\b(?:bringing|raising|taking|pushing|putting)\s+(?:the\s+)?(?:overall\s+|total\s+)?(?:death\s+)?"
    rf"toll\s+(?:\w+\s+)?to\s+(?:at\s+least\s+)?({_NUM})"
    rf"|\b(?:(?:death\s+)?toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|people\s+killed))\s+"
    rf"(?:\w+\s+)?(?:has\s+|had\s+|have\s+)?(?:rose|rises|risen|rising|climbed|climbs|increased|increases|jumped|jumps|"
    rf"reached|reaches|hit|hits|went\s+up|gone\s+up|now\s+stands\s+at|stood\s+at|now\s+at)\s+"
    rf"(?:to\s+)?(?:at\s+least\s+)?({_NUM})",
    re.I,
)
_FURTHER = re.compile(r"\b(also|another|other|others|additional|further|more)\b", re.I)
#: Harm other than death: a further-word in a clause telling it ("killing nine and injuring six
#: others", "abducted several others") says nothing about the dead.
_OTHER_HARM = re.compile(
    r"\b(?:injur\w*|wound\w*|hurt|abduct\w*|kidnapp?\w*|arrest\w*|detain\w*|rescued|missing|"
    r"displaced|taken\s+hostage|seized|captured|hospitali[sz]ed|treated)\b",
    re.I,
)


def running_total(text: str) -> int | None:
    """The toll a sentence gives as the running total ("the death toll has risen to four",
    "bringing the toll to 7"): the latest figure for the incident, never added to earlier ones."""
    m = _CUMULATIVE.search(text)
    if m is None or statistic_at(text, m.start(), m.end()):
        return None
    return parse_number(m.group(1) or m.group(2))


def further_dead(text: str, fspans: Sequence[Span], offset: int = 0) -> bool:
    """Does the sentence say its dead are further ones ("two other soldiers were also killed")?
    A further-word in a clause that tells another harm and none of the dead ("killing nine and
    injuring six others") is about that harm: the dead may be the same ones told again."""
    for m in _FURTHER.finditer(text):
        left, right = clause_bounds(text, m.start(), m.end())
        if _OTHER_HARM.search(text, left, right) and not any(
            sp.start - offset < right and left < sp.end - offset for sp in fspans
        ):
            continue
        return True
    return False


_RANGE = re.compile(
    rf"\bbetween\s+({_NUM})\s+(?:and|to)\s+{_NUM}\s+{_VICTIM}(?:people|persons|civilians|\w+)?", re.I
)
#: One person, as a toll names them: "a trader", "the village chief", "a 17-year-old boy".
_ONE_PERSON = (
    r"(?:man|woman|boy|girl|child|civilian|soldier|policeman|policewoman|officer|farmer|teacher|student|"
    r"journalist|leader|commander|chief|member|person|driver|resident|villager|trader|activist|guard|"
    r"official|priest|imam|pastor|teenager|adolescent|herder|herdsman|shopkeeper|vendor|worker|"
    r"businessman|businesswoman|lawyer|doctor|nurse|councillor|councilor|motorcyclist|pedestrian|"
    r"passenger|fisherman|miner|labourer|laborer|hunter|tailor|cleric|preacher|chairman|traditional\s+ruler)"
)
#: The ways one person is said to have been killed, passive: "was hacked to death".
_ONE_KILLED = (
    r"(?:(?:later\s+|also\s+|reportedly\s+|allegedly\s+)?(?:shot\s+and\s+)?(?:killed|shot\s+dead|murdered|"
    r"stabbed\s+to\s+death|beaten\s+to\s+death|hacked\s+to\s+death|burn(?:ed|t)\s+to\s+death|"
    r"found\s+dead|gunned\s+down|assassinated|lynched|beheaded|executed|slain))"
)
_SINGLE_VICTIM = re.compile(
    r"\b(?:killed|killing|shot dead|murdered|executed|beheaded|stabbed to death|beat to death|beaten to death|hacked to death)\s+(?:a|an|one|the|his|her)\s+(?:[a-z-]+\s+){0,2}?"
    rf"{_ONE_PERSON}\b"
    rf"|\b(?:a|an|one)\s+(?:[a-z-]+\s+){{0,2}}?{_ONE_PERSON}\s+(?:was|has been)\s+{_ONE_KILLED}\b"
    r"|\b(?:he|she)\s+(?:was|has been)\s+(?:later\s+|also\s+)?(?:killed|shot dead|murdered)\b|\b(?:he|she|the victim|the man|the woman)\s+(?:later\s+)?died\b"
    r"|\bthe\s+(?:body|remains|corpse)\s+of\s+(?:a|an|one)\b"
    # "shooting a 17-year-old Palestinian dead", "beating a man to death"
    r"|\b(?:shooting|shot|gunning|gunned|beating|beat|stabbing|stabbed|hacking|hacked|burning|burned|burnt)\s+(?:a|an|one|the|his|her)\s+(?:[\w-]+\s+){0,3}?(?:dead|to\s+death)\b",
    re.I,
)
#: One person named as killed: "Ahmed Yusuf, 34, was shot dead", "gunmen shot dead Musa Ibrahim,
#: a councillor". Case-sensitive: the capitals are the name (a name of two words or more).
_NAME = r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,3}"
_NAMED_VICTIM = re.compile(
    rf"\b{_NAME}(?:,\s+(?:\d{{1,3}}|aged\s+\d{{1,3}}|(?:a|an|the)\s+[\w\s'-]{{1,40}}?),)?\s+(?i:was|has\s+been|had\s+been)\s+"
    rf"(?i:{_ONE_KILLED})\b"
    rf"|(?i:\b(?:killed|killing|shot\s+dead|shooting\s+dead|murdered|assassinated|gunned\s+down|shot\s+and\s+killed))\s+"
    rf"{_NAME}(?=\s*[,.;]|\s+(?i:on|in|at|near|outside|inside|as|while|after|who|and)\b|\s*$)"
)


#: Between two figures, words that make the second another source's figure for the same toll.
_OTHER_SOURCE = re.compile(
    r"\b(?:other\s+(?:reports|sources|estimates|officials)|put\s+the\s+(?:death\s+)?toll|"
    r"(?:gave|puts?)\s+(?:a|the)\s+(?:figure|toll)|according\s+to\s+(?:another|other))\b"
    r"|\b(?:but|however|although|whereas|while)\b.{0,80}?\b(?:cited|citing|said|saying|says|according|reported|told)\b",
    re.I,
)


def _alternative(text: str, spans: Sequence[Span], start: int, offset: int) -> bool:
    """Is the figure starting at ``start`` another source's count of a toll already read
    ("14 insurgents were killed, but Interfax cited the FSB as saying 12 died")?"""
    if not spans:
        return False
    prev_end = max(sp.end for sp in spans) - offset
    return prev_end <= start and bool(_OTHER_SOURCE.search(text[prev_end:start]))


def casualties(text: str, offset: int) -> tuple[int | None, int | None, list[Span], list[Span]]:
    """(fatalities, injured, evidence) read from one sentence; ``None`` where it says nothing."""
    fat, inj, fspans, ispans = _casualties(text)
    if offset:
        fspans = tuple(Span(offset + s.start, offset + s.end, s.text) for s in fspans)
        ispans = tuple(Span(offset + s.start, offset + s.end, s.text) for s in ispans)
    return fat, inj, list(fspans), list(ispans)


@lru_cache(maxsize=4096)
def _casualties(text: str) -> tuple[int | None, int | None, tuple[Span, ...], tuple[Span, ...]]:
    # memoised: the same sentence is read for its toll by grouping (totals, sequels) and again
    # for each incident it belongs to; a pure function of the text, its spans from offset 0
    fat, inj, fspans, ispans = _read_casualties(text)
    return fat, inj, tuple(fspans), tuple(ispans)


def _read_casualties(text: str, offset: int = 0) -> tuple[int | None, int | None, list[Span], list[Span]]:
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
    # "no one was killed" is no toll of one
    used: list[tuple[int, int]] = [(neg.start(), neg.end())] if neg else []
    for kind, rx in _PATTERNS if _TOLL_WORD.search(text) else ():
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in used):
                continue
            n = parse_number(m.group(1))
            if kind.endswith("+"):
                n2 = parse_number(m.group(2))
                n = None if n is None or n2 is None else n + n2
            if n is None or n > 100_000:
                continue
            if m.group(1).lower() in ("a", "an") and re.search(r"\bof\b", m.group(0), re.I):
                continue  # "a row of dead rebels", "a group of wounded": no count
            used.append((m.start(), m.end()))
            if statistic_at(text, m.start(), m.end(), n):
                # "since 2018, more than 18,000 people have been killed": no incident's toll
                continue
            sp = Span(offset + m.start(), offset + m.end(), m.group(0))
            other = _alternative(text, (fspans if kind.startswith("k") else ispans), m.start(), offset)
            if kind.startswith("k"):
                # another source's figure for the same dead is no further dead: the lower one
                # (ACLED's conservative rule), not the sum
                fat = min(fat or n, n) if other else (fat or 0) + n
                fspans.append(sp)
            else:
                inj = min(inj or n, n) if other else (inj or 0) + n
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
    m = _CUMULATIVE.search(text)
    if m and (n := parse_number(m.group(1) or m.group(2))) is not None and fat is not None and n <= fat:
        # "two of the wounded died, bringing the toll to 11": the toll so far, the parts
        # included; never the sum of both
        fat = n
        fspans = [Span(offset + m.start(), offset + m.end(), m.group(0))]
    if fat is None or fat == 0 and not neg:
        m = _SINGLE_VICTIM.search(text) or _NAMED_VICTIM.search(text)
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

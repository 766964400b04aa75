"""The words and token tests that tell a place name in a parsed text: labels, head nouns,
locative words, directions, and the gazetteer look-ups the detector asks (shared by
:mod:`eventlens.geo.toponyms` and :mod:`eventlens.geo.gazetteer_spans`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from eventlens.geo.normalize import surface_form

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from eventlens.geo.gazetteer import Gazetteer

#: spaCy labels that may name a place.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Domain labels (set by eventlens.stages.nlp's EntityRuler) that are never places.
NEVER_PLACE_LABELS = frozenset({"WEAPON", "ARMED_GROUP", "SECURITY_FORCE", "CASUALTY"})
#: Labels the small model often gives to transliterated place names.
_MISLABELS = frozenset({"PERSON", "ORG", "PRODUCT", "LAW", "WORK_OF_ART", "NORP"})

#: Head nouns naming a kind of place after a proper name ("Bayaa district").
PLACE_HEADS = frozenset(
    """district districts neighborhood neighbourhood neighborhoods neighbourhoods area province governorate
    region village town city suburb quarter county municipality camp prefecture state oblast raion
    sub-district subdistrict township commune locality department zone valley countryside territory
    groupement kebele woreda upazila tehsil barangay chiefdom sub-county subcounty corregimiento vereda
    parish ward hamlet settlement canton regency airport""".split()
)
_CITYLIKE_HEADS = frozenset({"city", "town", "village"})
#: Kind words written before the name of a part of a town or municipality (Spanish-language usage
#: kept in English news: "colonia Los Pinos", "barrio La Esperanza", "canton El Encanto").
PRE_HEADS = frozenset("colonia barrio canton caserio aldea sector".split())
_LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "into",
        "from",
        "to",
        "toward",
        "towards",
        "through",
        "throughout",
        "between",
        "of",
    }
)
_DIRECTIONS: dict[str, str] = {w: w for w in ("north", "south", "east", "west")}
#: Institution nouns whose "of" names a portfolio or subject, not a place ("Ministry of Economy").
_INSTITUTIONS = frozenset(
    """ministry minister ministries department secretary office bureau directorate commission committee
    council board agency authority institute academy faculty school college university chamber federation
    association union court bank""".split()
)
_DIRECTIONS |= {w: w for w in ("northeast", "northwest", "southeast", "southwest")}
_DIRECTIONS |= {f"{a}-{b}": a + b for a in ("north", "south") for b in ("east", "west")}
_DIRECTIONS |= {
    d + "ern": d
    for d in ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")
}
_DIRECTIONS["central"] = "centre"
#: Verbs whose subject, when a place, stands for a government or organisation ("Tehran vowed").
METONYMY_VERBS = frozenset(
    """say tell announce vow warn threaten condemn deny accuse urge claim insist reject demand agree decide
    respond retaliate blame call insist pledge promise hope welcome criticize criticise praise sanction
    impose approve veto negotiate recognize recognise refuse propose plan seek want expect believe argue
    signal confirm acknowledge dismiss protest summon expel order declare""".split()
)
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|iqi|ani|ini|i|ic|an)s?$", re.IGNORECASE)
_NUMBER_WORDS = {
    w: float(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30.0, "forty": 40.0, "fifty": 50.0, "sixty": 60.0, "hundred": 100.0, "a": 1.0}
_DISTANCE = re.compile(
    r"\b(\d+(?:[.,]\d+)?|"
    + "|".join(_NUMBER_WORDS)
    + r")[\s-]*(km|kilometers|kilometres|kilometer|kilometre|miles|mile|mi)\b",
    re.IGNORECASE,
)
#: Words that may stand between "south-west of" and the name, as the reference place's gloss:
#: "seven kilometers south-west of the breakaway region's capital Tskhinvali".
_REFERENCE_HEADS = frozenset("capital city town village seat".split())


@lru_cache(maxsize=1)
def non_place_terms() -> frozenset[str]:
    """The generic non-place list from ``data/geo_nonplaces.txt``, as surface forms."""
    text = resources.files("eventlens").joinpath("data/geo_nonplaces.txt").read_text("utf-8")
    terms = {surface_form(line) for line in text.splitlines() if line.strip() and not line.startswith("#")}
    return frozenset(t for t in terms if t)


def _strip_the(span: SpacySpan) -> SpacySpan:
    # a capital "A" inside a sentence opens a name ("(A Coruna, Galicia)", "A Estrada"), not an article
    while len(span) > 1 and (
        span[0].lower_ == "the"
        or (span[0].lower_ in {"a", "an"} and (span[0].is_lower or span[0].is_sent_start))
    ):
        span = span[1:]
    return span


def _is_demonym(span: SpacySpan, gazetteer: Gazetteer | None) -> bool:
    if len(span) != 1:
        return False
    tok = span[0]
    if tok.pos_ == "ADJ" or tok.tag_ in {"JJ", "NNPS"}:
        if gazetteer is None or not _exact_candidates(gazetteer, tok.text):
            return True
    return bool(_DEMONYM.search(tok.text)) and tok.text.endswith(("ian", "ians", "ese", "iqi", "iqis"))


def _exact_candidates(gazetteer: Gazetteer, name: str) -> list:  # type: ignore[type-arg]
    want = surface_form(name)
    return [c for c in gazetteer.candidates(name, limit=10) if surface_form(c.matched_name) == want]


def _is_country_name(gazetteer: Gazetteer, name: str) -> bool:
    """Is ``name`` a country's name as written, initials' dots aside ("US" = "U. S.")?"""
    want = surface_form(name).replace(" ", "")
    return any(
        c.is_country and surface_form(c.matched_name).replace(" ", "") == want
        for c in gazetteer.candidates(name, limit=10)
    )


def _admin_candidates(gazetteer: Gazetteer, name: str) -> list:  # type: ignore[type-arg]
    """Countries and first-level units the name may be, by the lossy key ("Ar Raqqa" ->
    Ar Raqqah); one-word names of 3 letters or fewer never count."""
    if len(name.replace(" ", "")) <= 3:
        return []
    return [c for c in gazetteer.candidates(name, limit=10) if c.admin_level in (0, 1)]


def _head_noun(doc: Doc, end: int) -> Token | None:
    if end < len(doc) and doc[end].lower_ in PLACE_HEADS:
        return doc[end]
    return None


def _direction_before(doc: Doc, start: int) -> tuple[str | None, float | None]:
    """'(20 km) southwest of X' or 'northern X' immediately before token ``start``."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 0 and doc[i].lower_ in _DIRECTIONS and doc[i].lower_.endswith(("ern", "central")):
        return _DIRECTIONS[doc[i].lower_], None
    # "near X", "on the outskirts of X", "in the vicinity of X", "close to X": near, not in, the place
    if i >= 0 and doc[i].lower_ in {"near", "nearby"}:
        return "near", None
    if (
        i >= 1
        and doc[i].lower_ in {"of", "to"}
        and doc[i - 1].lower_ in {"outskirts", "vicinity", "close", "edge"}
    ):
        return "near", None
    if i >= 0 and doc[i].lower_ in _REFERENCE_HEADS:
        # "south-west of the breakaway region's capital Tskhinvali": skip the gloss back to "of"
        j = i - 1
        while j >= 0 and i - j <= 6 and doc[j].lower_ not in {"of", "from"}:
            if (
                doc[j].is_punct
                and doc[j].text not in ("'s", "\u2019s", "'", "\u2019")
                or doc[j].pos_ in ("VERB", "AUX")
            ):
                break
            j -= 1
        if j >= 1 and doc[j].lower_ in {"of", "from"} and doc[j - 1].lower_ in _DIRECTIONS:
            i = j
    if i >= 1 and doc[i].lower_ in {"of", "from"} and doc[i - 1].lower_ in _DIRECTIONS:
        direction = _DIRECTIONS[doc[i - 1].lower_]
        k = i - 1
        if k >= 2 and doc[k - 1].text == "-" and doc[k - 2].lower_ in ("north", "south"):
            direction, k = doc[k - 2].lower_ + direction, k - 2  # "south-west" split by the tokenizer
        left = doc[max(0, k - 4) : k].text
        m = _DISTANCE.search(left)
        km = None
        if m:
            num = m.group(1).lower()
            km = _NUMBER_WORDS.get(num) or float(num.replace(",", ""))
            if m.group(2).lower().startswith("mi"):
                km *= 1.609
        return direction, km
    return None, None


def _metonymic(span: SpacySpan) -> bool:
    root = span.root
    if root.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    head = root.head
    return head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() in METONYMY_VERBS


@dataclass(slots=True)
class _Draft:
    start_tok: int
    end_tok: int
    label: str
    reason: str = ""


def _inside_parentheses(doc: Doc, i: int, reach: int = 24) -> bool:
    """Is token ``i`` inside an open parenthesis (looking back at most ``reach`` tokens)?"""
    for k in range(i - 1, max(-1, i - reach - 1), -1):
        if doc[k].text == ")":
            return False
        if doc[k].text == "(":
            return True
    return False


#: Lower-case particles inside place names ("Deir ez Zor", "Ras al Ain", "Rio de Janeiro").
#: Words that may join the parts of one place name (with the gazetteer's confirmation).
_JOINERS = frozenset("de del della di da do dos das du des la le e y 's ’s al el ad".split())
_NAME_PARTICLES = frozenset(
    "al el ez es ed en ad ar as at az ash ul de del della di da do dos das la le du".split()
)


def _extend_over_particle(doc: Doc, end: int, gazetteer: Gazetteer | None, text: str) -> int:
    """The end of a place name the tagger cut at a particle ("Deir" | "ez Zor"), when the
    gazetteer knows the longer name; else ``end`` unchanged."""
    n = len(doc)
    if gazetteer is None or end + 1 >= n or doc[end].lower_ not in _NAME_PARTICLES:
        return end
    j = end + 1
    while j < n and doc[j].lower_ in _NAME_PARTICLES and doc[j].is_lower:
        j += 1  # "Santa Cruz de la Sierra": particles may come in pairs
    k = j
    while j < n and doc[j].pos_ == "PROPN" and doc[j].ent_type_ not in NEVER_PLACE_LABELS:
        j += 1
    if j == k:
        return end
    longer = f"{text}{doc[end - 1].whitespace_}{doc[end:j].text}"
    return j if _exact_candidates(gazetteer, longer) else end


def _acronym(span: SpacySpan) -> bool:
    """An all-capitals short word ("SUD", "FSU") in text that is not itself in capitals."""
    letters = [c for c in span.text if c.isalpha()]
    if not letters or len(letters) > 5 or not all(c.isupper() for c in letters):
        return False
    sent = span.sent.text if span.doc.has_annotation("SENT_START") else span.doc.text
    lowers = sum(1 for c in sent if c.islower())
    return lowers > 3 * sum(1 for c in sent if c.isupper())


def _propn_run(doc: Doc, i: int, taken: set[int]) -> int:
    """End of the run of proper nouns from token ``i`` (hyphen-joined ones included)."""
    n = len(doc)
    j = i
    while j < n and j not in taken and doc[j].ent_type_ not in NEVER_PLACE_LABELS:
        if doc[j].pos_ == "PROPN":
            j += 1
        elif (  # "Nord-Kivu", "Ti-n-Agadel": a hyphen joining proper nouns without spaces
            doc[j].text == "-" and 0 < j < n - 1 and not doc[j - 1].whitespace_
            and not doc[j].whitespace_ and doc[j + 1].pos_ == "PROPN" and (j + 1) not in taken
        ):  # fmt: skip
            j += 2
        else:
            break
    return j


#: Entity labels whose tokens never continue a place name ("Toledo Monday", "Kabul 2022").
_NOT_NAME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})

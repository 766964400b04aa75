"""Toponym detection: which words of a parsed article name places, and how they relate.

Starts from spaCy's GPE/LOC/FAC entities and corrects the errors small models make on
conflict news:

* **not places**: weapons, armed groups, agencies and sects tagged GPE ("Katyusha",
  "Hezbollah") - dropped via the generic list in ``data/geo_nonplaces.txt``, and any entity
  another component labelled WEAPON / ARMED_GROUP / SECURITY_FORCE / CASUALTY is never a
  toponym; demonyms ("Iraqi") are dropped by shape.
* **missed places**: transliterated names tagged PERSON/ORG or not tagged at all
  ("Al Mansour") are added when a place cue surrounds them (a head noun such as
  "district", a locative preposition, "X of Y") and the gazetteer knows the name.
* **structure**: "X district of Y" / "X, Y" / "X in Y" record Y as X's container;
  "southwest of Baghdad" keeps Baghdad and notes the direction; a head noun is kept
  as the feature hint ("district", "province").
* **metonymy**: a place that is the subject of a speech or decision verb ("Washington
  said", "Tehran vowed") is returned with ``is_location=False``.
* **names cut into pieces** are joined again when the gazetteer knows the longer name, or a
  locative word and a bracket/head noun frame it ("Tomas | Romero Pereira (Itapua)",
  "Plourin-les-Morlaix", "Port | of | Spain"); inside brackets a town and district joined by a
  spaced dash are one name ("(Gwangju - Dong)"); a kind word before the name is its feature
  ("colonia Los Pinos").
* **nothing found**: a text with no place otherwise takes the places that open the names of
  institutions and sites ("Tunceli Governor's Office") and known towns the tagger missed.

Why a function over a finished Doc and not a component: the resolver needs the gazetteer,
which a spaCy component would have to own; keeping detection here lets the same code
run on any Doc (our pipeline's or a user's). The work is a single pass over tokens.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from eventlens.geo.normalize import surface_form
from eventlens.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from eventlens.geo.gazetteer import Gazetteer

__all__ = ["PLACE_LABELS", "ToponymSpan", "find_toponyms", "non_place_terms"]

logger = logging.getLogger(__name__)

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
_DISTANCE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(km|kilometers|kilometres|miles|mi)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ToponymSpan:
    """A place name in the text.

    ``start``/``end`` are character offsets into the Doc's text (the article text when the
    Doc was made from ``Article.text``). ``name`` is the string to look up: the span without
    a leading "the" or trailing head noun ("Bayaa District" -> "Bayaa").
    """

    start: int
    end: int
    text: str
    name: str
    label: str  # spaCy label, or "GAZ" when added by gazetteer matching
    is_location: bool = True
    reason: str = ""  # why not a location ("metonymy"), or how it was found
    feature: str | None = None  # head noun: "district", "province"...
    container: str | None = None  # "Baghdad" in "Mansour district of Baghdad"
    container_start: int | None = None
    container_relation: str | None = None  # "of" (district of Y), "in", "," (X, Y), "(" (X (Y))
    direction: str | None = None  # "southwest" in "southwest of Baghdad"
    distance_km: float | None = None  # "20 km south of Baghdad"

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


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
    if i >= 1 and doc[i].lower_ in {"of", "from"} and doc[i - 1].lower_ in _DIRECTIONS:
        direction = _DIRECTIONS[doc[i - 1].lower_]
        left = doc[max(0, i - 5) : i - 1].text
        m = _DISTANCE.search(left)
        km = None
        if m:
            km = float(m.group(1).replace(",", ""))
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


def _gazetteer_spans(
    doc: Doc, taken: set[int], gazetteer: Gazetteer, drafts: Iterable[_Draft] = ()
) -> Iterable[_Draft]:
    """Runs of proper nouns outside place entities that the gazetteer knows and a cue supports."""
    i = 0
    n = len(doc)
    place_ends: set[int] = set()
    for d in drafts:
        place_ends.add(d.end_tok)
        if d.end_tok < n and doc[d.end_tok].lower_ in PLACE_HEADS:
            place_ends.add(d.end_tok + 1)  # "Shutul city, Panjshir"

    def is_admin(text: str) -> bool:
        return bool(_admin_candidates(gazetteer, text))

    while i < n:
        tok = doc[i]
        # a name the model called an organisation or product is a candidate whatever its tag
        # ("demonstrated in Norrkoping" tagged VERB/ORG); the entity's extent is the name
        mislabelled = (
            tok.pos_ != "PROPN" and tok.ent_type_ in _MISLABELS and tok.ent_iob_ == "B" and tok.is_title
        )
        # "(Sagaing district, Sagaing region)": a capitalised word inside a sentence that the
        # tagger took for a verb, right before a place head noun, is a name when the gazetteer knows it
        titled = (
            not mislabelled and tok.pos_ != "PROPN" and tok.is_title and not tok.is_sent_start
            and i + 1 < n and doc[i + 1].lower_ in PLACE_HEADS and not tok.ent_type_
            and bool(_exact_candidates(gazetteer, tok.text))
        )  # fmt: skip
        if (
            i in taken
            or (tok.pos_ != "PROPN" and not mislabelled and not titled)
            or tok.ent_type_ in NEVER_PLACE_LABELS
            or tok.ent_type_ in PLACE_LABELS
        ):
            i += 1
            continue
        j = max(_propn_run(doc, i, taken), i + 1)
        if mislabelled:
            k = i + 1
            while k < n and doc[k].ent_iob_ == "I" and k not in taken and doc[k].is_title:
                k += 1
            j = max(j, k)
        # "(Gwangju - Dong)", "(Seoul City - Jongno)": inside brackets, a town and its district joined
        # by a spaced dash are one written name (resolved by its parts); the town must be known
        first_part = doc[i:j].text
        if (
            j + 2 < n and doc[j].text in {"-", "\u2013"} and doc[j].whitespace_ and doc[j - 1].whitespace_
            and doc[j + 1].pos_ == "PROPN" and _inside_parentheses(doc, i)
        ):  # fmt: skip
            k = _propn_run(doc, j + 1, taken)
            if k < n and doc[k].text in {")", ","} and _exact_candidates(gazetteer, first_part):
                j = k
        # Include a leading article token "Al"/"al-" that the tagger split off.
        span = doc[i:j]
        if surface_form(span.text) in non_place_terms():
            i = j  # "marched towards Congress": the word, not a village called Congress
            continue
        if _acronym(span) and not any(c.is_country for c in gazetteer.candidates(span.text, limit=5)):
            i = j  # "the CGT, SUD and FSU unions": an acronym, not Haiti's Sud department
            continue
        cue_after = _head_noun(doc, j) is not None
        prev = doc[i - 1].lower_ if i > 0 else ""
        cue_before = prev in _LOCATIVE_PREPS or (i >= 2 and prev == "of" and doc[i - 2].lower_ in PLACE_HEADS)
        if prev == "of" and i >= 2 and doc[i - 2].is_title and doc[i - 2].lower_ in _INSTITUTIONS:
            cue_before = False  # "Ministry of Economy", "Department of Justice": a portfolio, not a place
        # "in central Lancaster", "near northern Kidal": a locative word, then a compass word
        cue_before = cue_before or (i >= 2 and prev in _DIRECTIONS and doc[i - 2].lower_ in _LOCATIVE_PREPS)
        comma_container = j + 1 < n and doc[j].text == "," and (j + 1) in taken
        # "in Cihumba (Walungu, Sud-Kivu)": names in a parenthesised list after a place are its
        # administrative containers, a common way news and incident notes locate small places
        nxt = doc[j].text if j < n else ""
        parenthetical = prev in ("(", ",") and nxt in (",", ")") and _inside_parentheses(doc, i)
        # "Blahodatne, Kherson": a known name right after a place and a comma is its container,
        # and so is a known province or country after any comma ("Derhachi, Kharkiv")
        after_place = prev == "," and (i - 1) in place_ends
        after_comma_admin = prev == "," and is_admin(span.text)
        # "in Myrna Dolyna, Kharkiv": after a locative word and before ", <province/country>", a
        # proper name is a place even when the gazetteer does not know it
        admin_next = False
        if nxt == "," and j + 1 < n and doc[j + 1].pos_ == "PROPN":
            k = _propn_run(doc, j + 1, set())
            admin_next = is_admin(doc[j + 1 : k].text)
        if not admin_next and nxt == "(" and j + 1 < n and doc[j + 1].pos_ == "PROPN":
            # "in Amchide (Kolofata, Mayo-Sava)": a bracketed list of known units after the name
            k = _propn_run(doc, j + 1, set())
            inner = doc[j + 1 : k].text
            admin_next = bool(_exact_candidates(gazetteer, inner)) or is_admin(inner)
        before_admin = cue_before and admin_next
        known = bool(_exact_candidates(gazetteer, span.text)) or (
            span.text != first_part and bool(_exact_candidates(gazetteer, first_part))
        )
        if not known and (parenthetical or after_place):
            # a container slot takes a province or country spelled another way ("Ar Raqqa")
            known = bool(_admin_candidates(gazetteer, span.text))
        if (
            cue_after
            or before_admin
            or (
                (
                    cue_before
                    or comma_container
                    or parenthetical
                    or after_place
                    or after_comma_admin
                    or admin_next
                )
                and known
            )
        ):
            label = tok.ent_type_ if tok.ent_type_ else "GAZ"
            place_ends.add(j)
            yield _Draft(i, j, label, reason=f"gazetteer+cue (was {label})")
        i = j


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


def find_toponyms(doc: Doc, *, gazetteer: Gazetteer | None = None) -> list[ToponymSpan]:
    """Place names in ``doc``, in text order, with containers, directions and metonymy flags.

    ``gazetteer`` (optional) enables the additions for names the model missed or
    mislabelled and sharper demonym filtering; without it only the model's entities and
    the textual cues are used.
    """
    nonplaces = non_place_terms()
    drafts: list[_Draft] = []
    demonyms: list[ToponymSpan] = []
    taken: set[int] = set()
    blocked: set[int] = set()  # tokens known not to be part of a place name
    for ent in doc.ents:
        if ent.label_ in NEVER_PLACE_LABELS or ent.label_ in _NOT_NAME_LABELS:
            taken.update(range(ent.start, ent.end))
            blocked.update(range(ent.start, ent.end))
            continue
        span = _strip_the(ent)
        if ent.label_ in PLACE_LABELS and not any(ch.isupper() for ch in span.text):
            continue  # "canton", "the capital": a common noun, not a name
        if ent.label_ in PLACE_LABELS:
            if (
                gazetteer is not None and _acronym(span)
                and not (span.start > 0 and doc[span.start - 1].text == ",")
                and not any(c.is_country for c in gazetteer.candidates(span.text, limit=5))
            ):  # fmt: skip
                # "cadres of NC, CPN(US) and JSPN": a party's initials, not North Carolina
                # ("Raleigh, NC" keeps its state after the comma)
                taken.update(range(ent.start, ent.end))
                blocked.update(range(ent.start, ent.end))
                continue
            if surface_form(span.text) in nonplaces or _is_demonym(span, gazetteer):
                taken.update(range(ent.start, ent.end))  # known non-place: never re-added
                blocked.update(range(ent.start, ent.end))
                demonyms += _demonym_span(span, gazetteer)
                continue
            cut = span.end
            while cut - 1 > span.start and doc[cut - 1].lower_ in _NAME_PARTICLES:
                cut -= 1  # the entity ended inside the name: "[Santa Cruz de la] Sierra"
            end = _extend_over_particle(doc, cut, gazetteer, doc[span.start : cut].text)
            if end == cut:
                end = _extend_over_particle(doc, span.end, gazetteer, doc[span.start : span.end].text)
            # "Gomez Palacio, Durango" tagged as one entity: a place and its container, two names
            cuts = [k for k in range(span.start + 1, end - 1) if doc[k].text == ","]
            lo = span.start
            for k in [*cuts, end]:
                if k > lo:
                    drafts.append(_Draft(lo, k, ent.label_))
                lo = k + 1
            taken.update(range(ent.start, max(ent.end, end)))
        elif (
            ent.label_ in {"ORG", "PERSON"} and gazetteer is not None and _head_noun(doc, span.end) is None
            and (ent.label_ == "ORG" or len(span) >= 2)  # a one-word "person" ("Georgia", "Chad") is a person
            and _country_or_state_name(span, gazetteer)
        ):  # fmt: skip
            # "the United States", "UAE", "DPRK", "Tamil Nadu" tagged as an organisation or a person:
            # a country's (or a province's two-word) name as written is a place name
            drafts.append(
                _Draft(span.start, span.end, ent.label_, reason=f"country/province name (was {ent.label_})")
            )
            taken.update(range(ent.start, ent.end))
        elif ent.label_ == "NORP" and _head_noun(doc, span.end) is None:
            demonyms += _demonym_span(span, gazetteer)  # "Russian forces": a place named, not a location
        elif ent.label_ in _MISLABELS and surface_form(span.text) not in nonplaces:
            # "Al Mansour neighborhood", "the Bayaa district of": a head noun makes it a place.
            head = _head_noun(doc, span.end)
            if head is not None:  # strong cue: kept even when the gazetteer lacks the name
                drafts.append(
                    _Draft(span.start, span.end, ent.label_, reason=f"head noun (was {ent.label_})")
                )
                taken.update(range(ent.start, ent.end))
            elif surface_form(span.text) in nonplaces:
                taken.update(range(ent.start, ent.end))
    if gazetteer is not None:
        drafts.extend(list(_gazetteer_spans(doc, taken, gazetteer, drafts)))
    drafts.sort(key=lambda d: d.start_tok)
    if gazetteer is not None and _MERGE_NAMES:
        drafts = _merge_name_parts(doc, drafts, blocked, gazetteer)
    if gazetteer is not None and not drafts and _NAMES_IN_NAMES:
        drafts = list(_names_in_names(doc, blocked, gazetteer))
    out = _finish(doc, drafts)
    if gazetteer is not None:
        # "against Ethiopia forces", "Niger militiamen": a country's name used as a demonym before a
        # force noun names the actor, not where the event is
        for k, (d, t) in enumerate(zip(drafts, out, strict=True)):
            nxt = doc[d.end_tok] if d.end_tok < len(doc) else None
            if (
                t.is_location and t.feature is None and nxt is not None
                and (nxt.lower_ in _FORCE_NOUNS or nxt.lower_ in _ENVOY_NOUNS)
                and _is_country_name(gazetteer, t.name)
            ):  # fmt: skip
                # ("the US embassy", "Turkish consulate": the mission is in its host town)
                what = "a force" if nxt.lower_ in _FORCE_NOUNS else "a diplomatic mission"
                out[k] = replace(t, is_location=False, reason=f"a country's name as the attribute of {what}")
    if demonyms:
        spans = [(t.start, t.end) for t in out]
        out += [d for d in demonyms if not any(s < d.end and d.start < e for s, e in spans)]
        out.sort(key=lambda t: t.start)
    return out


def _country_or_state_name(span: SpacySpan, gazetteer: Gazetteer) -> bool:
    """Is the span exactly a country's name or alias ("United States", "UAE"), or a two-word-plus
    province name ("Tamil Nadu")? One-word provinces are too often people's or firms' names."""
    want = surface_form(span.text)
    for c in gazetteer.candidates(span.text, limit=10):
        if want not in {surface_form(c.name), surface_form(c.matched_name)}:
            continue
        if (c.is_country and c.feature_code != "CONT") or (c.feature_code == "ADM1" and len(span) >= 2):
            return True
    return False


def _demonym_span(span: SpacySpan, gazetteer: Gazetteer | None) -> list[ToponymSpan]:
    """A demonym of a country or a world region ("Russian", "Middle Eastern") as a toponym that
    is no location (``reason="demonym"``): it names a place, mostly the actor's."""
    if gazetteer is None or len(span) > 3 or not span.text[:1].isupper():
        return []
    text = span.text
    if gazetteer.demonym(text) is None and not any(
        c.geonameid < 0 and surface_form(c.matched_name) == surface_form(text)
        for c in gazetteer.candidates(text, limit=3)
    ):
        return []
    return [
        ToponymSpan(
            start=span.start_char,
            end=span.end_char,
            text=text,
            name=text,
            label=span.label_,
            is_location=False,
            reason="demonym",
        )  # fmt: skip
    ]


#: Entity labels whose tokens never continue a place name ("Toledo Monday", "Kabul 2022").
_NOT_NAME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_MERGE_NAMES = True


def _name_token(doc: Doc, k: int, blocked: set[int]) -> bool:
    """Can token ``k`` be a word of a multi-word place name: a capitalised proper noun (or a
    place entity's word) that no other component ruled out, not a head noun ("District")?"""
    t = doc[k]
    return (
        k not in blocked and t.is_alpha and t.text[:1].isupper() and t.lower_ not in PLACE_HEADS
        and (t.pos_ == "PROPN" or t.ent_type_ in PLACE_LABELS)
    )  # fmt: skip


def _merge_name_parts(
    doc: Doc, drafts: list[_Draft], blocked: set[int], gazetteer: Gazetteer
) -> list[_Draft]:
    """Place names the tagger cut into pieces: "Tomas | Romero Pereira (Itapua)", "Shein | Ma |
    Kar village", "General | Santos City", "Plourin | -les-Morlaix". A draft grows over the
    capitalised proper nouns right beside it (and words joined to it by hyphens without spaces)
    when the longer name is one the gazetteer knows as written, or when a locative word ("in",
    "of", a comma) comes before it and a bracket or a place head noun after it, the way a place
    and its container are written; drafts inside the longer name are absorbed."""
    n = len(doc)
    out: list[_Draft] = []
    covered_until = -1
    for d in drafts:
        if d.start_tok < covered_until:
            continue  # absorbed by the previous draft's longer name
        i, j = d.start_tok, d.end_tok
        while True:
            if j < n and _name_token(doc, j, blocked) and doc[j - 1].whitespace_:
                j += 1
            elif (
                j + 1 < n and doc[j].lower_ == "of" and _name_token(doc, j + 1, blocked)
                and bool(_exact_candidates(gazetteer, doc[i : _propn_run(doc, j + 1, blocked)].text))
            ):  # fmt: skip
                j = _propn_run(doc, j + 1, blocked)  # "Port | of | Spain": one known name
            elif (
                j + 1 < n and doc[j].lower_ in _JOINERS and _name_token(doc, j + 1, blocked)
                and bool(_exact_candidates(gazetteer, doc[i : _propn_run(doc, j + 1, blocked)].text))
            ):  # fmt: skip
                # "Campos | dos Goytacazes", "Lee | 's Summit", "Shahr | e Kord", "Santo Antonio | de
                # Jesus": a particle or a possessive inside one name the gazetteer knows as written
                j = _propn_run(doc, j + 1, blocked)
            elif (
                j + 1 < n and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
                and doc[j + 1].is_alpha and (j + 1) not in blocked
            ):  # fmt: skip
                j += 2  # "Plourin-les-Morlaix", "Ti-n-Agadel"
            else:
                break
        while (
            i > 0 and _name_token(doc, i - 1, blocked) and doc[i - 1].whitespace_
            and not doc[i - 1].is_sent_start
        ):  # fmt: skip
            i -= 1
        if (i, j) == (d.start_tok, d.end_tok):
            out.append(d)
            covered_until = max(covered_until, d.end_tok)
            continue
        span = doc[i:j]
        name = span[:-1].text if len(span) > 1 and span[-1].lower_ in PLACE_HEADS else span.text
        prev = doc[i - 1].lower_ if i > 0 else ""
        nxt = doc[j].lower_ if j < n else ""
        known = bool(_exact_candidates(gazetteer, name))
        framed = (prev in _LOCATIVE_PREPS or prev in {",", "("}) and (nxt == "(" or nxt in PLACE_HEADS)
        if known or framed:
            reason = (d.reason + "; " if d.reason else "") + "name parts joined"
            out.append(_Draft(i, j, d.label, reason=reason))
            covered_until = j
        else:
            out.append(d)
            covered_until = max(covered_until, d.end_tok)
    return out


_NAMES_IN_NAMES = True


def _names_in_names(doc: Doc, blocked: set[int], gazetteer: Gazetteer) -> Iterable[_Draft]:
    """For a text with no place found otherwise: the places that open the names of institutions
    and sites ("Tunceli Governor's Office", "Donetsk Filtration Station") and well-known places
    the tagger missed ("shelled Mariupol"): the longest run of proper nouns from a name's start
    that is, as written, a country, a province or district, or a town of 1,000 people or more."""
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if (
            i in blocked or tok.pos_ != "PROPN" or not tok.text[:1].isupper()
            or (i > 0 and (doc[i - 1].pos_ == "PROPN" or doc[i - 1].lower_ == "of"))
        ):  # fmt: skip
            i += 1  # a name's own start only; "Ministry of Independence" names a portfolio
            continue
        j = _propn_run(doc, i, blocked)
        hit = None
        for k in range(min(j, i + 4), i, -1):
            text = doc[i:k].text
            if _acronym(doc[i:k]) or doc[k - 1].text == "-" or (k < j and doc[k].text == "-"):
                continue  # "Mayo-Sava" is not Mayo
            if any(
                c.admin_level is not None or (c.feature_class == "P" and c.population >= 1000)
                for c in _exact_candidates(gazetteer, text)
            ):
                hit = k
                break
        if hit is not None:
            yield _Draft(i, hit, tok.ent_type_ or "GAZ", reason="a place named inside a longer name")
        i = max(j, i + 1)


#: Nouns for armed or state actors that a country's name may qualify ("Ethiopia forces").
_ENVOY_NOUNS = frozenset({"embassy", "embassies", "consulate", "legation", "ambassador", "envoy"})
_FORCE_NOUNS = frozenset(
    """forces force troops army soldiers military militia militias militiamen police navy warplanes
    jets""".split()
)


def _finish(doc: Doc, drafts: list[_Draft]) -> list[ToponymSpan]:
    by_start = {d.start_tok: d for d in drafts}
    out: list[ToponymSpan] = []
    for d in drafts:
        span = doc[d.start_tok : d.end_tok]
        name_span = span
        feature = None
        # A trailing head noun inside the entity ("Bayaa District") is the feature, not the name.
        if len(span) > 1 and span[-1].lower_ in PLACE_HEADS:
            feature = span[-1].lower_
            name_span = span[:-1]
        head = _head_noun(doc, d.end_tok)
        if head is not None and feature is None:
            feature = head.lower_
        before = doc[d.start_tok - 1] if d.start_tok > 0 else None
        if feature is None and before is not None and before.lower_ in PRE_HEADS and before.is_lower:
            feature = before.lower_  # "colonia Los Pinos", "barrio San Jose", "canton El Encanto"
        after = d.end_tok + (1 if head is not None and feature == head.lower_ and head.i == d.end_tok else 0)
        container, container_start, relation = _container(doc, after, by_start)
        direction, km = _direction_before(doc, d.start_tok)
        is_loc, reason = True, d.reason
        if _metonymic(span) and feature is None:
            is_loc, reason = False, "metonymy: subject of a speech/decision verb"
        out.append(
            ToponymSpan(
                start=span.start_char, end=span.end_char, text=span.text, name=name_span.text,
                label=d.label, is_location=is_loc, reason=reason, feature=feature,
                container=container, container_start=container_start,
                container_relation=relation, direction=direction, distance_km=km,
            )
        )  # fmt: skip
    # "Salem city (Salem district, Tamil Nadu)": a place inside its namesake unit says nothing
    # its name does not; the unit's own container is the informative one.
    by_char = {t.start: t for t in out}
    for k, t in enumerate(out):
        seen = 0
        while t.container is not None and surface_form(t.container) == surface_form(t.name) and seen < 3:
            outer = by_char.get(t.container_start) if t.container_start is not None else None
            if outer is None:
                break
            t = out[k] = replace(
                t, container=outer.container, container_start=outer.container_start,
                container_relation=outer.container_relation if outer.container else None,
            )  # fmt: skip
            seen += 1
    return out


def _container(doc: Doc, i: int, by_start: dict[int, _Draft]) -> tuple[str | None, int | None, str | None]:
    """The place after token ``i`` that contains the current one: "of Y", ", Y", "in (western) Y"."""
    n = len(doc)
    if i >= n:
        return None, None, None
    word = doc[i].lower_
    if word in {"of", "in", ",", "("}:
        j = i + 1
        while j < n and j not in by_start and (doc[j].lower_ in {"the"} or doc[j].lower_ in _DIRECTIONS):
            j += 1  # "in (western) Y", but "(North Carolina)" is a name
        d = by_start.get(j)
        if d is not None:
            span = _strip_the(doc[d.start_tok : d.end_tok])
            if len(span) > 1 and span[-1].lower_ in PLACE_HEADS:
                span = span[:-1]
            return span.text, span.start_char, word
    return None, None, None

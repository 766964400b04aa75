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
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventlens.geo.gazetteer_spans import _gazetteer_spans, _merge_name_parts, _names_in_names
from eventlens.geo.normalize import surface_form
from eventlens.geo.toponym_cues import (
    _DIRECTIONS,
    _LOCATIVE_PREPS,
    _MISLABELS,
    _NAME_PARTICLES,
    _NOT_NAME_LABELS,
    NEVER_PLACE_LABELS,
    PLACE_HEADS,
    PLACE_LABELS,
    PRE_HEADS,
    _acronym,
    _direction_before,
    _Draft,
    _extend_over_particle,
    _head_noun,
    _is_country_name,
    _is_demonym,
    _metonymic,
    _strip_the,
    non_place_terms,
)
from eventlens.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    from eventlens.geo.gazetteer import Candidate, Gazetteer

__all__ = ["PLACE_LABELS", "ToponymSpan", "find_toponyms", "non_place_terms"]

logger = logging.getLogger(__name__)


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
        if (
            ent.label_ in {"DATE", "TIME"}
            and gazetteer is not None
            and _date_named_place(doc, ent, gazetteer)
        ):
            # "in Manbij", "the town of March": a town the tagger called a date; the words say place
            drafts.append(_Draft(ent.start, ent.end, "GPE", reason=f"place cue (was {ent.label_})"))
            taken.update(range(ent.start, ent.end))
            continue
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
            draft = _mislabelled_place(doc, span, ent.label_, gazetteer)
            if draft is not None:
                drafts.append(draft)
                taken.update(range(ent.start, ent.end))
    if gazetteer is not None:
        drafts.extend(list(_gazetteer_spans(doc, taken, gazetteer, drafts)))
    drafts.sort(key=lambda d: d.start_tok)
    if gazetteer is not None:
        drafts = _merge_name_parts(doc, drafts, blocked, gazetteer)
    if gazetteer is not None and not drafts:
        drafts = list(_names_in_names(doc, blocked, gazetteer))
    drafts = [d for d in drafts if not _abbreviation_in_brackets(doc, d)]
    out = _finish(doc, drafts)
    if gazetteer is not None:
        _mark_country_attributes(doc, drafts, out, gazetteer)
    if demonyms:
        spans = [(t.start, t.end) for t in out]
        out += [d for d in demonyms if not any(s < d.end and d.start < e for s, e in spans)]
        out.sort(key=lambda t: t.start)
    return out


#: Kind words that, written "the KIND of X", make X a place ("the town of March").
_KIND_OF = frozenset(
    "town village city district province region county settlement hamlet municipality".split()
)
#: Words that name a time by themselves: a DATE entity of such words needs a strong place cue.
_DATE_WORDS = frozenset(
    """january february march april may june july august september october november december jan feb
    mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
    mon tue tues wed thu thur thurs fri sat sun christmas easter ramadan eid ashura nowruz newroz
    passover hanukkah diwali thanksgiving halloween lent advent pentecost new year eve day night
    morning evening week weekend today tonight tomorrow yesterday spring summer autumn fall winter
    adha fitr al ul""".split()
)


def _date_named_place(doc: Doc, ent: SpacySpan, gazetteer: Gazetteer) -> bool:
    """Is a DATE/TIME entity a place the gazetteer knows? A name that is no date word ("in Manbij",
    tagged DATE) needs a locative word before it; one named like a month or a day needs a strong
    cue: "the town/village of X", a head noun after it ("X district"), or a comma and a province or
    country the gazetteer has a place of that name in ("March, Cambridgeshire")."""
    if len(ent) > 3 or not all(t.is_alpha and t.text[:1].isupper() for t in ent):
        return False
    want = surface_form(ent.text)
    cands = [c for c in gazetteer.candidates(ent.text, limit=10) if surface_form(c.name) == want]
    if not cands:
        return False
    i, j = ent.start, ent.end
    if i >= 1 and doc[i - 1].lower_ in _LOCATIVE_PREPS and not any(t.lower_ in _DATE_WORDS for t in ent):
        return True
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _KIND_OF:
        return True
    if _head_noun(doc, j) is not None and doc[j].lower_ not in {"area", "zone", "camp"}:
        return True
    if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].text[:1].isupper():
        k = j + 2
        while k < len(doc) and doc[k].pos_ == "PROPN" and k - j < 5:
            k += 1
        unit = doc[j + 1 : k].text
        units = [
            u for u in gazetteer.candidates(unit, limit=10)
            if u.admin_level in (0, 1, 2) and surface_form(u.matched_name) == surface_form(unit)
        ]  # fmt: skip
        return any(_in_unit(c, u) for c in cands for u in units)
    return False


def _in_unit(c: Candidate, unit: Candidate) -> bool:
    if c.country_code != unit.country_code:
        return False
    if unit.is_country:
        return True
    if unit.admin_level == 1:
        return c.admin1_code == unit.admin1_code
    return c.admin2_code is not None and c.admin2_code == unit.admin2_code


def _abbreviation_in_brackets(doc: Doc, d: _Draft) -> bool:
    """Is the draft one word in brackets that spells the initials of the words before the bracket
    ("the Ministry of Defence (MoD)", "Supreme Court (SC)"): the name's abbreviation, no place?"""
    if d.end_tok - d.start_tok != 1 or d.start_tok < 2 or d.end_tok >= len(doc):
        return False
    if doc[d.start_tok - 1].text != "(" or doc[d.end_tok].text != ")":
        return False
    letters = doc[d.start_tok].text.lower()
    if not (2 <= len(letters) <= 6 and letters.isalpha()):
        return False
    words = [t for t in doc[max(0, d.start_tok - 1 - 2 * len(letters)) : d.start_tok - 1] if t.is_alpha]
    for strict in (True, False):  # with the small words ("MoD"), then without them ("MD")
        kept = [t for t in words if strict or not t.is_stop]
        if len(kept) >= len(letters) and "".join(t.text[0].lower() for t in kept[-len(letters) :]) == letters:
            return True
    return False


def _mislabelled_place(doc: Doc, span: SpacySpan, label: str, gazetteer: Gazetteer | None) -> _Draft | None:
    """A place in a name the tagger called a person or an organisation: with a head noun after it
    ("Al Mansour neighborhood", kept even when the gazetteer lacks the name), before a word for its
    people ("55 Gainesville residents marched"), or the town opening a site's name ("Seoul City
    Hall"); else ``None``."""
    if _head_noun(doc, span.end) is not None:
        return _Draft(span.start, span.end, label, reason=f"head noun (was {label})")
    if gazetteer is None:
        return None
    if _residents_of(doc, span, gazetteer):
        return _Draft(span.start, span.end, label, reason=f"X residents (was {label})")
    k = _town_opening_site(doc, span, gazetteer)
    return None if k is None else _Draft(span.start, k, label, reason="the town a site is named after")


#: Sites that take the name of the town they are in ("Seoul City Hall", "Kabul University").
_SITE_WORDS = frozenset(
    """hall station airport stadium square market hospital prison port harbour harbor mosque cathedral
    church temple bazaar plaza mall bridge""".split()
)  # (not universities and colleges: named after founders and states as often as towns)


def _town_opening_site(doc: Doc, span: SpacySpan, gazetteer: Gazetteer) -> int | None:
    """The end token of the town that opens a site's name ("[Seoul] City Hall", "[Kabul] Central
    Prison"): the longest run of the name's first words that is, as written, a town of 1,000
    people or more and not also a state's or country's name ("Florida Hospital" may be anywhere in
    Florida); ``None`` when the name does not end in a site word or opens with no town."""
    if len(span) < 2 or span[-1].lower_ not in _SITE_WORDS:
        return None
    for k in range(min(span.end - 1, span.start + 3), span.start, -1):
        want = surface_form(doc[span.start : k].text)
        cands = [
            c
            for c in gazetteer.candidates(doc[span.start : k].text, limit=10)
            if surface_form(c.name) == want
        ]
        if any(c.admin_level in (0, 1) for c in cands):
            return None
        if any(c.feature_class == "P" and c.population >= 1000 for c in cands):
            return k
    return None


#: Plural nouns for the people of a place, written after its name ("Gainesville residents").
_RESIDENT_NOUNS = frozenset("residents villagers inhabitants townspeople townsfolk".split())


def _residents_of(doc: Doc, span: SpacySpan, gazetteer: Gazetteer) -> bool:
    """Is ``span`` a town's name the gazetteer knows as written, before a word for its people?"""
    if span.end >= len(doc) or doc[span.end].lower_ not in _RESIDENT_NOUNS or len(span) > 3:
        return False
    want = surface_form(span.text)
    return any(
        surface_form(c.name) == want and (c.feature_class == "P" or c.admin_level in (1, 2))
        for c in gazetteer.candidates(span.text, limit=10)
    )


def _mark_country_attributes(
    doc: Doc, drafts: list[_Draft], out: list[ToponymSpan], gazetteer: Gazetteer
) -> None:
    """Mark (in ``out``) a country's name before a force or envoy noun as not a location."""
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


#: Nouns for armed or state actors that a country's name may qualify ("Ethiopia forces").
_ENVOY_NOUNS = frozenset({"embassy", "embassies", "consulate", "legation", "ambassador", "envoy"})
_FORCE_NOUNS = frozenset(
    """forces force troops army soldiers military militia militias militiamen police navy warplanes
    jets""".split()
)


#: Kinds of unit written before "of" and the name ("the state of Zacatecas"): the name is that kind.
_KIND_BEFORE_OF = frozenset("state province region governorate department county prefecture oblast".split())


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
        if (
            feature is None and before is not None and before.lower_ == "of" and d.start_tok >= 2
            and doc[d.start_tok - 2].lower_ in _KIND_BEFORE_OF
            # not "Al Amadiya district of Duhok": there the kind is the name's before it
            and (d.start_tok < 3 or doc[d.start_tok - 3].pos_ != "PROPN")
        ):  # fmt: skip
            feature = doc[d.start_tok - 2].lower_  # "the state of Zacatecas", "the province of Kandahar"
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

"""Place names the model missed or cut into pieces, found with the gazetteer and a textual cue
(a head noun, a locative word, a container slot), and the places named inside longer names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from eventlens.geo.normalize import surface_form
from eventlens.geo.toponym_cues import (
    _DIRECTIONS,
    _INSTITUTIONS,
    _JOINERS,
    _LOCATIVE_PREPS,
    _MISLABELS,
    NEVER_PLACE_LABELS,
    PLACE_HEADS,
    PLACE_LABELS,
    _acronym,
    _admin_candidates,
    _Draft,
    _exact_candidates,
    _head_noun,
    _inside_parentheses,
    _propn_run,
    non_place_terms,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from eventlens.geo.gazetteer import Gazetteer


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

    # a token neither a proper noun nor capitalised as a name starts no candidate (every test
    # below needs one or the other): skipped without reading its attributes one by one
    from spacy.attrs import IS_TITLE, POS
    from spacy.symbols import PROPN

    propn_or_title = ((doc.to_array(POS) == PROPN) | (doc.to_array(IS_TITLE) == 1)).tolist() if n else []
    while i < n:
        if not propn_or_title[i]:
            i += 1
            continue
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
        header = not mislabelled and not titled and _list_header(doc, i, taken, gazetteer)
        if header:
            j = header
            place_ends.add(j)
            yield _Draft(i, j, "GAZ", reason="gazetteer+list header")
            i = j
            continue
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
        if _cued_place(doc, i, j, first_part, taken, place_ends, gazetteer):
            label = tok.ent_type_ if tok.ent_type_ else "GAZ"
            place_ends.add(j)
            yield _Draft(i, j, label, reason=f"gazetteer+cue (was {label})")
        i = j


#: Bullets that open a list item ("- Kharkiv: a missile struck ...").
_BULLETS = frozenset({"-", "\u2013", "\u2014", "\u2022", "*", "\u00b7"})


def _list_header(doc: Doc, i: int, taken: set[int], gazetteer: Gazetteer) -> int | None:
    """The end of a place name heading a bulleted list item ("- Kharkiv: A missile struck ...",
    "- Zaporizhzhia: ..."), as roundups write one item per place: a bullet at the start of a line,
    capitalised words the gazetteer knows as written, then a colon. ``None`` otherwise."""
    if i == 0 or i in taken or not doc[i].is_title or doc[i - 1].text not in _BULLETS:
        return None
    if i >= 2 and "\n" not in doc[i - 2].text and "\n" not in doc[i - 2].whitespace_:
        return None  # a dash inside a line ("Kharkiv - Odesa: ...") is no bullet
    j = i + 1
    while j < len(doc) and j - i < 4 and doc[j].is_title and j not in taken:
        j += 1
    if j >= len(doc) or doc[j].text != ":" or any(k in taken for k in range(i, j)):
        return None
    return j if _exact_candidates(gazetteer, doc[i:j].text) else None


def _cued_place(
    doc: Doc, i: int, j: int, first_part: str, taken: set[int], place_ends: set[int], gazetteer: Gazetteer
) -> bool:
    """Is the proper-noun run ``doc[i:j]`` a place: a cue around it (a head noun, a locative word,
    a container slot, a known unit after it) and, for the weaker cues, a name the gazetteer knows?"""
    n = len(doc)
    span = doc[i:j]

    def is_admin(text: str) -> bool:
        return bool(_admin_candidates(gazetteer, text))

    if _head_noun(doc, j) is not None:
        return True  # a place head noun after it ("Sadr City district"): no more cues needed
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
    if cue_before and admin_next:
        return True
    if not (cue_before or comma_container or parenthetical or after_place or after_comma_admin or admin_next):
        return False
    # a weaker cue: the name must be one the gazetteer knows (looked up only now)
    known = bool(_exact_candidates(gazetteer, span.text)) or (
        span.text != first_part and bool(_exact_candidates(gazetteer, first_part))
    )
    if not known and (parenthetical or after_place):
        # a container slot takes a province or country spelled another way ("Ar Raqqa")
        known = bool(_admin_candidates(gazetteer, span.text))
    return known


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

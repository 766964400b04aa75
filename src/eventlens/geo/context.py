"""What the rest of an article says about where it is (:class:`GeoContext`), and the checks
that hold one reading of a name against it: backed, supported, credible.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from eventlens.geo.continents import continent_of
from eventlens.geo.gazetteer import Candidate
from eventlens.geo.normalize import normalize_key
from eventlens.geo.readings import _lossy
from eventlens.geo.toponym_cues import PLACE_HEADS
from eventlens.geo.toponyms import ToponymSpan

_SMALL_POP = 10_000
#: A bare compass word names a region only with a container or the article's country behind it.
_COMPASS_ONLY = frozenset(
    "north south east west northern southern eastern western central "
    "northeast northwest southeast southwest north-east north-west south-east south-west "
    # ... and so does a bare generic word that several countries use as a region's name
    "capital centre center coast coastal islands lakes highlands lowlands plateau littoral".split()
)
_CAP_RUN = re.compile(r"[A-Z][\w'\u2019.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'\u2019.-]*)*")
_POSSESSIVE = re.compile(r"(?:['\u2019]s?|\.)$")


@dataclass(frozen=True, slots=True)
class GeoContext:
    """What the rest of the article says about where it is.

    ``countries``/``admin1s`` are weights (ISO2 / admin1 code -> share in [0, 1]);
    ``dateline`` is the dateline place if one was resolved; ``containers`` maps a mention
    name to the name of the place that contains it; ``features`` maps a mention name to its
    head noun ("district").
    """

    countries: Mapping[str, float] = field(default_factory=dict)
    admin1s: Mapping[str, float] = field(default_factory=dict)
    dateline: Candidate | None = None
    containers: Mapping[str, str] = field(default_factory=dict)
    features: Mapping[str, str] = field(default_factory=dict)
    #: first-pass votes: name -> (iso2, admin1 code, occurrences); ``total`` = all occurrences
    votes: Mapping[str, tuple[str | None, str | None, int]] = field(default_factory=dict)
    total: int = 0
    #: soft votes: name -> ({iso2: p}, {admin1: p}, occurrences), p spread over the name's
    #: candidates by a softmax of their scores; ``soft_countries``/``soft_admin1s`` sum them
    #: weighted by occurrences (not normalised). Empty: the hard votes above are used.
    soft: Mapping[str, tuple[Mapping[str, float], Mapping[str, float], int]] = field(default_factory=dict)
    soft_countries: Mapping[str, float] = field(default_factory=dict)
    soft_admin1s: Mapping[str, float] = field(default_factory=dict)
    #: each name's likely readings (lat, lon, softmax share >= 0.1) from the last soft pass
    likely: Mapping[str, tuple[tuple[float, float, float], ...]] = field(default_factory=dict)
    #: countries the text names ("in Nigeria"): ISO2 -> share of those names, and the countries
    #: its demonyms imply ("Burkinabe air force"): see :func:`text_countries`
    text_countries: Mapping[str, float] = field(default_factory=dict)
    text_demonyms: Mapping[str, float] = field(default_factory=dict)


def _masked(text: str, toponyms: Sequence[ToponymSpan]) -> str:
    """``text`` with the toponyms blanked: their countries vote in the article profile already."""
    chars = list(text)
    for t in toponyms:
        if t.label == "MENTION":
            continue
        chars[t.start : t.end] = " " * (t.end - t.start)
    return "".join(chars)


def _needs_backing(name: str) -> bool:
    """A bare compass word ("Central") or a short acronym ("NC", "KPK"): many regions' name."""
    return name.lower() in _COMPASS_ONLY or (2 <= len(name) <= 3 and name.isalpha() and name.isupper())


def _backed(cand: Candidate, name: str, ctx: GeoContext) -> bool:
    """Is ``cand``'s country one the article's other names may be in, or its text names?"""
    cc = cand.country_code or ""
    if ctx.text_countries.get(cc) or ctx.text_demonyms.get(cc):
        return True
    if ctx.soft:
        d_cc, _, k = ctx.soft.get(name, ({}, {}, 0))
        return ctx.soft_countries.get(cc, 0.0) - k * d_cc.get(cc, 0.0) > 0.05
    v_cc, _, k = ctx.votes.get(name, (None, None, 0))
    return ctx.countries.get(cc, 0.0) * ctx.total - (k if v_cc == cc else 0) > 0


def _supported(cand: Candidate, name: str, ctx: GeoContext) -> bool:
    """False for a small place (under ``_SMALL_POP``) in a country (or first-level unit) none of
    the article's other mentions may be in, when those mentions agree on one (>= 60% of their
    soft votes)."""
    if cand.is_country or cand.admin_level is not None or cand.population >= _SMALL_POP or not ctx.soft:
        return True
    d_cc, _, k = ctx.soft.get(name, ({}, {}, 0))
    others = ctx.total - k
    if others < 2:
        return True
    shares = {cc: (v - k * d_cc.get(cc, 0.0)) / others for cc, v in ctx.soft_countries.items()}
    if max(shares.values(), default=0.0) >= 0.6 and shares.get(cand.country_code or "", 0.0) < 0.05:
        return False
    # ... and in a state/province none of them may be in, when they agree on one
    _, d_a1, _ = ctx.soft.get(name, ({}, {}, 0))
    a1 = {c: (v - k * d_a1.get(c, 0.0)) / others for c, v in ctx.soft_admin1s.items()}
    if max(a1.values(), default=0.0) >= 0.6 and a1.get(cand.admin1_code or "", 0.0) < 0.05:
        return False
    return True


def _credible_lossy(cand: Candidate, name: str, ctx: GeoContext) -> bool:
    """False for a place found only through the lossy key ("Ibbin" -> Yibin, "Liwaa" -> Liwa) in a
    country none of the article's other names is in, when most of them agree on another
    (any size: a respelling abroad is weak evidence against the article's own country)."""
    if cand.is_country or not _lossy(cand, name) or ctx.total == 0:
        return True
    if cand.admin_level is not None and len(name) > 3:  # "Ar Raqqa": a unit respelled, not "NC"
        return True
    _, _, k = ctx.votes.get(name, (None, None, 0))
    others = ctx.total - k
    if others < 1:
        return True
    own = k if ctx.votes.get(name, (None,))[0] == cand.country_code else 0
    shares = {cc: ctx.countries.get(cc, 0.0) * ctx.total for cc in ctx.countries}
    shares[cand.country_code or ""] = shares.get(cand.country_code or "", 0.0) - own
    if shares.get(cand.country_code or "", 0.0) > 0.0:
        return True
    return max(shares.values(), default=0.0) / others < 0.5


#: The share of the article's other names on one continent from which that continent leads, and
#: the share of them in a candidate's own country that backs a reading on another continent.
_CONTINENT_LEAD = 0.7
_CONTINENT_BACKING = 0.15


def _far_continent(cand: Candidate, name: str, ctx: GeoContext) -> str | None:
    """The continent the article's other names agree on (>= 70% of their soft votes) when
    ``cand`` lies on another one and nothing backs it: neither a sixth of those names in its
    country nor the text naming its country ("in Syria ... the Middle East" is not a Baltimore
    neighbourhood). ``None`` when the reading is on the article's continent, or backed, or the
    article has no leading continent (issue 15, item 5)."""
    own = continent_of(cand.country_code)
    if own is None or cand.is_country or not ctx.soft:
        return None
    d_cc, _, k = ctx.soft.get(name, ({}, {}, 0))
    others = ctx.total - k
    if others < 2:
        return None
    by_continent: Counter[str] = Counter()
    in_country = 0.0
    for cc, v in ctx.soft_countries.items():
        share = max(0.0, v - k * d_cc.get(cc, 0.0)) / others
        by_continent[continent_of(cc) or ""] += share
        if cc == cand.country_code:
            in_country = share
    lead, share = max(by_continent.items(), key=lambda kv: (kv[1], kv[0]), default=("", 0.0))
    if not lead or lead == own or share < _CONTINENT_LEAD:
        return None
    cc = cand.country_code or ""
    if in_country >= _CONTINENT_BACKING or ctx.text_countries.get(cc) or ctx.text_demonyms.get(cc):
        return None
    return lead


def _credible(cand: Candidate, ctx: GeoContext) -> bool:
    """False for a small place in a country the article otherwise never mentions.

    Guards event locations against lossy-key matches abroad ("Bayaa" -> a Baja in Hungary
    in a story about Iraq). Only applied when the article has a clear country (>= 60% of
    its mentions) and the candidate is a populated place or site under 50,000 people.
    """
    if cand.is_country or cand.population >= 50_000 or not ctx.countries:
        return True
    if cand.geonameid < 0 or cand.admin_level in (1, 2):
        # a world region or sea, a province or district: the text names a large area, not a small
        # place abroad ("a village in Marsabit county"; a lossy match is judged by _credible_lossy)
        return True
    top_cc, share = max(ctx.countries.items(), key=lambda kv: (kv[1], kv[0]))
    if share < 0.6:
        return True
    return ctx.countries.get(cand.country_code or "", 0.0) > 0.0


def text_countries(
    text: str, words: Mapping[str, str], demonyms: Mapping[str, str] | frozenset[str] = frozenset()
) -> tuple[dict[str, float], dict[str, float]]:
    """The countries ``text`` names ("in Nigeria", "the DRC") and those its demonyms imply
    ("Burkinabe air force"), each as ISO2 -> share: in each run of capitalised words the longest
    known sub-run counts once, left to right; ``demonyms`` holds the keys that are demonyms."""
    counts: Counter[str] = Counter()
    dem: Counter[str] = Counter()
    for m in _CAP_RUN.finditer(text):
        toks = m.group().split()
        i = 0
        while i < len(toks):
            hit = 0
            for size in range(min(4, len(toks) - i), 0, -1):
                key = normalize_key(_POSSESSIVE.sub("", " ".join(toks[i : i + size])))
                cc = words.get(key) if key else None
                if cc is not None:
                    (dem if key in demonyms else counts)[cc] += 1
                    hit = size
                    break
            i += hit or 1

    def shares(c: Counter[str]) -> dict[str, float]:
        total = sum(c.values())
        return {cc: k / total for cc, k in c.items()} if total else {}

    return shares(counts), shares(dem)


def containers_from_text(text: str, spans: Sequence[tuple[int, int]]) -> dict[str, str]:
    """ "X, Y", "X (Y", "X in (the) (northern) Y" and "X district/province of Y" between given
    toponym spans -> {X: Y}.

    For callers that have spans but no :class:`ToponymSpan` (e.g. gold spans in evaluation).
    """
    out: dict[str, str] = {}
    ordered = sorted(spans)
    for (s1, e1), (s2, e2) in zip(ordered, ordered[1:], strict=False):
        gap = text[e1:s2]
        if _CONTAINER_GAP.fullmatch(gap):
            out[text[s1:e1]] = text[s2:e2]
    return out


_CONTAINER_GAP = re.compile(
    r",\s*|\s+(?:" + "|".join(sorted(PLACE_HEADS)) + r")\s+of\s+(?:the\s+)?"
    r"|(?:\s+(?:" + "|".join(sorted(PLACE_HEADS)) + r"))?\s+in\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central)\w*\s+)?"
    r"|\s*\(\s*",
    re.IGNORECASE,
)

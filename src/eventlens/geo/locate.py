"""Event location choice: which of an event's place mentions is where it happened, and what stands
in when none is (the article's dateline, its dominant country, the country its text names).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from eventlens.geo.context import GeoContext
from eventlens.geo.distance import BEARINGS, haversine_km, offset_point
from eventlens.geo.event_place import (
    in_dateline,
    is_goods_origin,
    is_home_place,
    is_route_origin,
    is_speaker_place,
    is_sub_place_of,
    is_venue_place,
    part_of,
)
from eventlens.geo.ranking import _SUBCITY_FEATURES
from eventlens.geo.readings import _GENERIC_TRAIL, place_from_candidate
from eventlens.geo.toponym_place import ToponymPlacer
from eventlens.geo.toponyms import ToponymSpan
from eventlens.types import Article, Event, Place, PlaceMention, Span

#: Order of preference for an event's location by mention role.
ROLE_PRIORITY = ("impact", "location", "target", "origin", "context")
_PRECISION_RANK = {"point": 0, "neighbourhood": 1, "city": 2, "admin2": 3, "admin1": 4, "country": 5}
_SEAT_PRECISIONS = ("admin1", "admin2")  # events located only to such a unit sit at its seat (ACLED)


def _first_local(
    ev: Event,
    located: Sequence[ToponymSpan],
    resolved: Mapping[tuple[int, int], Place | None],
    within: Place | None = None,
    *,
    in_country: bool = False,
) -> Place | None:
    """The earliest resolved place finer than a country (finer than and inside ``within`` when
    given; in a country when ``in_country``: not a sea) among ``located`` inside the event's
    sentences."""
    for t in located:
        if not _in_sentences(ev, t):
            continue
        p = resolved.get((t.start, t.end))
        if p is None or p.precision == "country" or (in_country and p.iso2 is None):
            continue
        if within is not None and not (
            _PRECISION_RANK[p.precision] < _PRECISION_RANK[within.precision] and _place_within(p, within)
        ):
            continue
        return replace(p, score=min(p.score, 0.4))
    return None


def _overlapping(pm: PlaceMention, toponyms: Sequence[ToponymSpan]) -> ToponymSpan | None:
    best, best_overlap = None, 0
    for t in toponyms:
        ov = min(t.end, pm.span.end) - max(t.start, pm.span.start)
        if ov > best_overlap:
            best, best_overlap = t, ov
    return best


class _TextOrder:
    """An article's toponyms with the ones near a character window found by bisection, in their
    own order: asked per event and per place mention, a scan of every toponym made locating an
    article's events grow with the square of its length (issue 16, item 4). Each answer is what
    the plain scan gives (a subset in the same order, then the same filter); toponyms not in text
    order are scanned whole."""

    def __init__(self, toponyms: Sequence[ToponymSpan]) -> None:
        self.toponyms = list(toponyms)
        self.starts = [t.start for t in self.toponyms]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:], strict=False))
        self.longest = max((t.end - t.start for t in self.toponyms), default=0)

    def near(self, start: int, end: int) -> list[ToponymSpan]:
        """Every toponym that may overlap or lie inside ``[start, end)``, in order."""
        if not self.ordered:
            return self.toponyms
        return self.toponyms[
            bisect_right(self.starts, start - self.longest - 1) : bisect_left(self.starts, end + 1)
        ]

    def overlapping(self, pm: PlaceMention) -> ToponymSpan | None:
        return _overlapping(pm, self.near(pm.span.start, pm.span.end))

    def in_sentences_of(self, ev: Event) -> list[ToponymSpan]:
        """The toponyms within the window of the event's sentences (``_in_sentences`` still decides)."""
        if not ev.sentences:
            return []
        return self.near(min(sp.start for sp in ev.sentences), max(sp.end for sp in ev.sentences))


def _as_toponym(pm: PlaceMention) -> ToponymSpan:
    name = _GENERIC_TRAIL.sub("", pm.mention).strip() or pm.mention
    feature = pm.mention[len(name) :].strip().lower() or None
    return ToponymSpan(
        start=pm.span.start, end=pm.span.end, text=pm.mention, name=name, label="MENTION",
        feature=feature, container=pm.container, container_relation="of" if pm.container else None,
    )  # fmt: skip


def _in_sentences(ev: Event, t: ToponymSpan) -> bool:
    """Is the toponym inside one of the event's sentences?"""
    return any(sp.start <= t.start and t.end <= sp.end for sp in ev.sentences)


def _only_near(location: Place, pool: Sequence[PlaceMention], toponyms: _TextOrder) -> bool:
    """Is the event's place written only as what it is near or a direction from ("near X",
    "on the outskirts of X", "20 km north of X"), never as where it is?"""
    ways = []
    for pm in pool:
        if pm.place is None or pm.place.geonameid != location.geonameid:
            continue
        t = toponyms.overlapping(pm)
        ways.append(t is not None and t.direction is not None and t.direction != "centre")
    return bool(ways) and all(ways)


#: The longest offset taken from the text ("30 km north of X"); farther, the reference town is
#: no better a point than the offset one would be wrong by a misread unit.
_MAX_OFFSET_KM = 150.0


def _offset(location: Place, pool: Sequence[PlaceMention], toponyms: _TextOrder) -> Place:
    """The point the text gives as a distance and a compass direction from a town ("seven
    kilometers south-west of Tskhinvali", "30 miles north of Maiduguri"): the town's point moved
    by that much, so the record does not sit on the reference town. Unchanged when the text gives
    no distance, or a direction only ("north of X": how far is not said), or the mentions
    disagree."""
    if location.precision not in ("point", "neighbourhood", "city"):
        return location
    offsets = set()
    for pm in pool:
        if pm.place is None or pm.place.geonameid != location.geonameid:
            continue
        t = toponyms.overlapping(pm)
        if t is None or t.direction not in BEARINGS or not t.distance_km:
            return location
        offsets.add((t.direction, t.distance_km))
    if len(offsets) != 1:
        return location
    ((direction, km),) = offsets
    if not 0 < km <= _MAX_OFFSET_KM:
        return location
    lat, lon = offset_point(location.lat, location.lon, km, BEARINGS[direction])
    return replace(location, lat=round(lat, 5), lon=round(lon, 5))


def _unclaimed(ev: Event, located: Sequence[ToponymSpan]) -> list[PlaceMention]:
    """Place names in the event's own sentences that its arguments did not take (the tagger did not
    call them places: "in Aix-en-Provence (Bouches-du-Rhone)"), as plain "location" mentions after
    the event's own: where the event is when its own mentions give nothing better."""
    out = []
    for t in located:
        if not _in_sentences(ev, t):
            continue
        if any(pm.span.start < t.end and t.start < pm.span.end for pm in ev.places):
            continue
        out.append(PlaceMention(mention=t.text, role="location", span=Span(t.start, t.end, t.text)))
    return out


def _coherent(mentions: Sequence[PlaceMention], ctx: GeoContext) -> list[PlaceMention]:
    """The event's place mentions in its leading country: the country most of its resolved
    mentions are in, the article's own votes breaking ties. An event told with "Darah district ...
    in Lara, Taba Taba areas" is in Afghanistan, not at namesakes in Venezuela and Egypt. Mentions
    of countries and seas stay (they are in no one country); no filter when nothing leads."""
    support: Counter[str] = Counter()
    for m in mentions:
        if m.place is not None and m.place.iso2 and m.place.precision != "country":
            support[m.place.iso2] += 1.0
    if len(support) < 2:
        return list(mentions)
    for cc in support:
        support[cc] += 0.5 * ctx.countries.get(cc, 0.0)
    (top, a), (_, b) = support.most_common(2)
    if a - b < 0.25:  # (a tie of mentions needs the article clearly behind one country)
        return list(mentions)
    return [
        m
        if m.place is None or not m.place.iso2 or m.place.iso2 == top or m.place.precision == "country"
        else replace(m, place=None)
        for m in mentions
    ]


def _choose_location(mentions: Sequence[PlaceMention]) -> Place | None:
    placed = [m for m in mentions if m.place is not None]
    if not placed:
        return None
    by_role: dict[str, list[Place]] = defaultdict(list)
    for m in placed:
        assert m.place is not None
        by_role[m.role].append(m.place)
    top: Place | None = None
    for role in ROLE_PRIORITY:
        if by_role.get(role):
            top = min(by_role[role], key=lambda p: _PRECISION_RANK[p.precision])
            break
    if top is None:
        return None
    finer = [
        m.place for m in placed
        if m.place is not None and _PRECISION_RANK[m.place.precision] < _PRECISION_RANK[top.precision]
        and _place_within(m.place, top)
    ]  # fmt: skip
    if finer:
        return min(finer, key=lambda p: _PRECISION_RANK[p.precision])
    if top.precision == "country":
        # A country name next to named towns is usually context or an actor's nationality
        # ("Israeli settlers ... near Bayt Ummar, Hebron"): the event is where the towns are.
        local = [
            m.place
            for m in placed
            if m.place is not None and _PRECISION_RANK[m.place.precision] <= _PRECISION_RANK["admin1"]
        ]
        if local:
            return min(local, key=lambda p: _PRECISION_RANK[p.precision])
    return top


def _place_within(inner: Place, outer: Place) -> bool:
    if outer.precision == "country":
        return inner.iso2 is not None and inner.iso2 == outer.iso2
    if outer.precision == "admin1":
        return inner.admin1 is not None and inner.admin1 == outer.admin1 and inner.iso2 == outer.iso2
    if outer.precision == "admin2":
        return inner.admin2 is not None and inner.admin2 == outer.admin2
    return haversine_km(inner.lat, inner.lon, outer.lat, outer.lon) <= 40.0


def _not_incident_places(article: Article, located: Sequence[ToponymSpan]) -> set[tuple[int, int]]:
    """The spans of ``located`` that are the dateline or where someone spoke (see
    :mod:`eventlens.geo.event_place`)."""
    out: set[tuple[int, int]] = set()
    previous: ToponymSpan | None = None
    for t in sorted(located, key=lambda t: t.start):
        if _elsewhere(article, t.span) or (
            # the written container of such a place ("of Austin, Texas") goes with it
            previous is not None and (previous.start, previous.end) in out
            and article.text[previous.end : t.start].strip() in {",", "("}
        ):  # fmt: skip
            out.add((t.start, t.end))
        previous = t
    return out


def _elsewhere(article: Article, span: Span) -> bool:
    return (
        in_dateline(article, span)
        or is_speaker_place(article.text, span.start, span.end)
        or is_home_place(article.text, span.start)
        or is_venue_place(article.text, span.start)
        or is_route_origin(article.text, span.start, span.end)
        or is_goods_origin(article.text, span.start)
    )


def _written_part(article: Article, pool: Sequence[PlaceMention], place: Place) -> str | None:
    """The part of ``place`` the event's mentions write ("northern Kenya" -> "north"), else None."""
    for m in pool:
        if m.place is not None and m.place.geonameid == place.geonameid:
            part = part_of(article.text, m.span.start)
            if part is not None:
                return part
    return None


#: How far off the country's point a place must be to lie in its "north" (degrees), and within how
#: much of it a place is "central": a rough cut that keeps the capital of a big country out of its
#: "north" and a town across the country out of its "centre".
_PART_MARGIN = 0.5
_CENTRAL_DEG = 2.0


def in_part(p: Place, country: Place, part: str) -> bool:
    """Does ``p`` lie in the ``part`` ("north", "southwest", "central") of ``country``, judged
    from the country's point?"""
    dlat, dlon = p.lat - country.lat, p.lon - country.lon
    if part == "central":
        return abs(dlat) <= _CENTRAL_DEG and abs(dlon) <= _CENTRAL_DEG
    ok = True
    if part.startswith("north"):
        ok = ok and dlat > _PART_MARGIN
    if part.startswith("south"):
        ok = ok and dlat < -_PART_MARGIN
    if part.endswith("east"):
        ok = ok and dlon > _PART_MARGIN
    if part.endswith("west"):
        ok = ok and dlon < -_PART_MARGIN
    return ok


def _written_as_container(article: Article, pool: Sequence[PlaceMention], place: Place) -> bool:
    """Is ``place`` written as the region around a place the text leaves unnamed or the gazetteer
    lacks ("a village in Marsabit county"; "Qorqa Dabel (Marsabit)" with Qorqa Dabel unknown)?"""
    for m in pool:
        if (
            m.place is not None
            and m.place.geonameid == place.geonameid
            and is_sub_place_of(article.text, m.span.start)
        ):
            return True
        if m.place is None and m.container and m.container.lower() == place.name.lower():
            return True
    return False


class EventLocator(ToponymPlacer):
    """Fills the place mentions of events and sets each event's location."""

    def geocode_events(
        self, article: Article, events: Sequence[Event], toponyms: Sequence[ToponymSpan]
    ) -> list[Event]:
        """Fill every ``PlaceMention.place`` and set ``Event.location``; returns new events.

        Location choice: the mention with the highest-priority role (impact > location >
        target > origin); a finer place inside it from another mention wins ("Iraq" +
        "Baghdad" -> Baghdad). A district/neighbourhood absent from the gazetteer falls back
        to its container at the container's precision, and so does a town outside the
        province/state it is written with ("Vale (North Carolina)"). With no usable mention,
        the dateline place, else the article's dominant country (>= half of its located
        mentions). A country-only location gives way to the first town named in the event's
        sentences, a state/province-only one to the first town inside it; an event still
        known only to a province or district sits at the unit's seat (the ACLED convention).
        """
        ctx, located, resolved_by_span, focus = self._resolve_all(article, toponyms)
        # the dateline and the places where someone spoke are not where an incident happened: they
        # never locate an event by its own words (the dateline still stands in when nothing does)
        elsewhere = _not_incident_places(article, located)
        placing = [t for t in located if (t.start, t.end) not in elsewhere]
        by_start, placing_by_start = _TextOrder(toponyms), _TextOrder(placing)
        fallback: dict[bool, Place | None] = {}  # the same for every event of the article

        def fallback_location(dateline: bool = True) -> Place | None:
            if dateline not in fallback:
                fallback[dateline] = self._fallback_location(
                    ctx, placing, resolved_by_span, dateline=dateline
                )
            return fallback[dateline]

        out = []
        for ev in events:
            near = placing_by_start.in_sentences_of(ev)
            mentions = []
            for pm in ev.places:
                topo = by_start.overlapping(pm)
                if topo is not None:
                    place = resolved_by_span.get((topo.start, topo.end))
                    container = pm.container or topo.container
                elif pm.mention[:1].isupper() or pm.mention[:1].isdigit():
                    place = self._place_for_toponym(_as_toponym(pm), ctx, focus)
                    container = pm.container
                else:  # "a base", "the camp": a common noun the detector did not call a place
                    place, container = None, pm.container
                if topo is not None and not topo.is_location:
                    place = None  # metonymy: an actor, not a location
                if (
                    place is not None and container is None and topo is not None
                    and (topo.feature or "") in _SUBCITY_FEATURES and place.precision != "neighbourhood"
                ):  # fmt: skip
                    container = place.name  # the district fell back to the town it is in
                if (pm.span.start, pm.span.end) in elsewhere or _elsewhere(article, pm.span):
                    place = None  # kept as the event's words, but it does not place the event
                mentions.append(replace(pm, place=place, container=container))
            # the other place names of the event's sentences vote for its country and stand in when
            # none of its own mentions resolves (role "context": after all the event's own roles)
            extra = [
                replace(pm, role="context", place=resolved_by_span.get((pm.span.start, pm.span.end)))  # type: ignore[arg-type]
                for pm in _unclaimed(ev, near)
            ]
            pool = [*mentions, *extra]
            location = _choose_location(_coherent(pool, ctx))
            if location is not None and _only_near(location, pool, by_start):
                location = replace(location, near=True)  # "near Bezimenne": ACLED geo_precision 2
                location = _offset(location, pool, by_start)  # "7 km south-west of Tskhinvali"
            if location is None:
                location = fallback_location()
            if location is None:
                location = self._text_country(ctx)
            elif location.precision == "country":
                # Only a country among the event's own words: a town the article names in that
                # country is a better guess than the country's centre; not the dateline's town when
                # the text puts the event in a part of the country ("in northern Kenya")
                part = _written_part(article, pool, location)
                location = self._in_country(
                    ev, ctx, location, part, placing, near, resolved_by_span, fallback_location
                )
            elif location.iso2 is None:
                # A sea or a region across countries ("fired from the Black Sea on Odesa"): a place
                # on land named in the event's own sentences is where it happened, or was aimed at
                local = _first_local(ev, near, resolved_by_span, in_country=True)
                if local is not None:
                    location = local
            elif location.precision in ("admin1", "admin2"):
                # A state or province: a town inside it named in the event's own sentences is
                # finer ("in Norwalk (Connecticut)" when only Connecticut is the event's word).
                local = _first_local(ev, near, resolved_by_span, within=location)
                if local is not None:
                    location = local
            if (
                location is not None and location.precision in _SEAT_PRECISIONS
                and _written_as_container(article, pool, location)
            ):  # fmt: skip
                # "a village in Marsabit county": somewhere in the unit the text does not name or
                # the gazetteer lacks - a part of the region, ACLED geo_precision 2
                location = replace(location, near=True)
            if location is not None and location.precision in _SEAT_PRECISIONS:
                location = self._at_seat(location)
            out.append(replace(ev, places=tuple(mentions), location=location))
        return out

    def _in_country(
        self,
        ev: Event,
        ctx: GeoContext,
        country: Place,
        part: str | None,
        placing: Sequence[ToponymSpan],
        near: Sequence[ToponymSpan],
        resolved: Mapping[tuple[int, int], Place | None],
        article_fallback: Callable[[], Place | None],
    ) -> Place:
        """A finer place for an event its own words put only in ``country``: a town the article
        names in the country (the dateline's unless the text writes a part of the country), else
        the first town or province named in the event's own sentences (``near``: "demonstrated in
        Toulouse ... against the invasion of Ukraine"). With a part written ("in northeastern
        Kenya"), only a place in that part will do, else the country itself (honest
        geo_precision: the court's city or the dateline is no guess for an attack "in
        northeastern Kenya"). Without a part, the article's fallback is the same for every
        event, so ``article_fallback`` gives it computed once."""
        if part is not None:

            def in_that_part(ts: Sequence[ToponymSpan]) -> list[ToponymSpan]:
                return [
                    t for t in ts
                    if (p := resolved.get((t.start, t.end))) is not None and in_part(p, country, part)
                ]  # fmt: skip

            better = self._fallback_location(ctx, in_that_part(placing), resolved, dateline=False)
            near = in_that_part(near)
        else:
            better = article_fallback()
        if better is not None and better.iso2 == country.iso2 and better.precision != "country":
            return better
        local = _first_local(ev, near, resolved)
        return local if local is not None else country

    def _at_seat(self, place: Place) -> Place:
        """An event known only to a province/district (or country) is put at that unit's seat,
        the ACLED convention for geo-precision 3 ("coded to the provincial capital"); the
        place keeps its name and coarse precision, only the point moves."""
        unit = self.gazetteer.get(place.geonameid) if place.geonameid else None
        seat = self.gazetteer.seat(unit) if unit is not None else None
        if seat is None:
            return place
        return replace(place, lat=round(seat.lat, 5), lon=round(seat.lon, 5))

    def _text_country(self, ctx: GeoContext) -> Place | None:
        """The last resort for an event no place name locates: the country the text names most
        ("... in Nigeria"), else, with no country named at all, the one its demonyms imply most
        ("Nigerian troops"); a demonym beside a named country is more often the actor's.
        Country precision (ACLED geo-precision 3) at the country's point; ties: none."""
        for shares in (ctx.text_countries, ctx.text_demonyms):
            if not shares:
                continue
            ranked = sorted(shares.items(), key=lambda kv: -kv[1])
            if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
                return None  # two countries named alike: no grounds to pick one
            country = self.gazetteer.country(ranked[0][0])
            if country is not None:
                return place_from_candidate(country, precision="country", score=0.1)
            return None
        return None

    def _fallback_location(
        self,
        ctx: GeoContext,
        located: Sequence[ToponymSpan],
        resolved: Mapping[tuple[int, int], Place | None] | None = None,
        *,
        dateline: bool = True,
    ) -> Place | None:
        """Where the event is when none of its own place mentions resolved: the dateline (unless
        ``dateline`` is False); else the finest place the article names in its dominant country
        (earliest first); else that country."""
        if dateline and ctx.dateline is not None:
            return place_from_candidate(ctx.dateline, score=0.3)
        places = [p for p in ((resolved or {}).get((t.start, t.end)) for t in located) if p is not None]
        if places:
            first = {p.iso2: -i for i, p in reversed(list(enumerate(places)))}  # ties: the earliest
            top = (
                max(ctx.countries.items(), key=lambda kv: (kv[1], first.get(kv[0], -len(places)), kv[0]))[0]
                if ctx.countries
                else None
            )
            pool = [p for p in places if top is None or p.iso2 == top] or places
            best = min(pool, key=lambda p: _PRECISION_RANK.get(p.precision, 9))  # min keeps the earliest
            return replace(best, score=min(best.score, 0.4))
        if ctx.countries:
            cc, share = max(ctx.countries.items(), key=lambda kv: (kv[1], kv[0]))
            if share >= 0.5 and located:
                country = self.gazetteer.country(cc)
                if country is not None:
                    return place_from_candidate(country, precision="country", score=0.2)
        return None

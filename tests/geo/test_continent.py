"""Continent sanity (issue 15 item 5): a reading on another continent than the rest of the article
needs something written to back it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventlens.geo.context import _far_continent
from eventlens.geo.continents import continent_of
from eventlens.geo.gazetteer import Gazetteer
from eventlens.geo.ranking import _Scored
from eventlens.geo.resolve import Geocoder
from eventlens.geo.toponyms import ToponymSpan

_MALI = ["Bamako", "Mopti", "Gao", "Kayes", "Segou"]


@pytest.fixture(scope="module")
def geocoder(gazetteer: Gazetteer) -> Geocoder:
    return Geocoder(gazetteer)


def _town(gazetteer: Gazetteer, name: str, cc: str):  # type: ignore[no-untyped-def]
    return next(c for c in gazetteer.candidates(name) if c.country_code == cc and c.feature_class == "P")


def test_continent_of() -> None:
    assert (continent_of("ML"), continent_of("US"), continent_of(None)) == ("AF", "NA", None)


def test_far_reading_without_backing(geocoder: Geocoder, gazetteer: Gazetteer) -> None:
    names = [*_MALI, "Springfield"]
    ctx = geocoder.build_context(names)
    assert _far_continent(_town(gazetteer, "Springfield", "US"), "Springfield", ctx) == "AF"
    # a reading on the article's own continent is never questioned
    assert _far_continent(_town(gazetteer, "Gao", "ML"), "Gao", ctx) is None


def test_far_reading_backed_by_its_country_named(geocoder: Geocoder, gazetteer: Gazetteer) -> None:
    names = [*_MALI, "Springfield"]
    ctx = geocoder.build_context(names, text="Officials from the United States met in Bamako.")
    assert _far_continent(_town(gazetteer, "Springfield", "US"), "Springfield", ctx) is None


def test_far_reading_gives_way_to_one_on_the_article_continent(
    geocoder: Geocoder, gazetteer: Gazetteer
) -> None:
    """Of a name's readings, the best one on the article's continent replaces a far one."""
    names = [*_MALI, "Tripoli"]
    ctx = geocoder.build_context(names)
    lebanon = _town(gazetteer, "Tripoli", "LB")
    t = ToponymSpan(start=0, end=7, text="Tripoli", name="Tripoli", label="GPE")
    got = geocoder._on_article_continent(t, ctx, _Scored(lebanon, 9.0))
    assert got is not None and continent_of(got.cand.country_code) == "AF"
    # ... and with nothing on the article's continent, a large place stays
    far = replace(_town(gazetteer, "Springfield", "US"), population=150_000)
    t2 = replace(t, text="Springfield", name="Springfield", end=11)
    kept = geocoder._on_article_continent(
        t2, geocoder.build_context([*_MALI, "Springfield"]), _Scored(far, 9.0)
    )
    assert kept is not None and kept.cand.country_code == "US"

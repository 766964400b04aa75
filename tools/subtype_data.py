"""Training rows of the sub-event re-ranker and their cached features (used by train_subtype.py).

Sources (each row: source, id, text, ACLED sub-type, publication time or None):

- ``acled-dev``: ``<data>/acled/dev.csv``, every row (coder notes);
- ``acled-train``: ``<data>/acled/train.csv`` WITHOUT the untouched test slice
  (``eventlens.eval.acled_test_suite.in_held_out_slice``: never trained on);
- ``case``: ``<data>/case2021/dev.tsv`` (news). Its five non-ACLED classes have the gold
  "none": never trained on, kept to score as the ``case2021`` suite does. Figures on it come
  from k-fold CV only;
- ``news``: ``tools/train_data/news_subtypes.tsv``, news-style sentences written for eventlens
  (never copied from CASE or from evaldata/snippets, which stay test sets).

Features are those of the highest-confidence reported record the pipeline builds with the rules
alone (``Pipeline(subtype_model=False, keep_features=True)``), as the shipped re-ranker sees
them. They are cached per source under ``--cache`` keyed by a digest of the source file and of
every file of the package (code and data; for the re-ranker its ``FEATURES_VERSION``), so a changed rule re-extracts.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from eventlens.eval.acled_test_suite import in_held_out_slice
from eventlens.eval.case2021_suite import load_snippets
from eventlens.stages.rerank import FEATURES_VERSION

ROOT = Path(__file__).resolve().parents[1]
NEWS_FILE = ROOT / "tools" / "train_data" / "news_subtypes.tsv"
SOURCES = ("acled-dev", "acled-train", "case", "news")
#: News-style sources (for sample weighting and the news figures).
NEWS_SOURCES = frozenset({"case", "news"})


@dataclass(frozen=True, slots=True)
class Row:
    source: str
    id: str
    text: str
    label: str
    published: str | None


def source_file(data: Path, source: str) -> Path:
    return {
        "acled-dev": data / "acled" / "dev.csv",
        "acled-train": data / "acled" / "train.csv",
        "case": data / "case2021" / "dev.tsv",
        "news": NEWS_FILE,
    }[source]


def _acled_rows(path: Path, source: str) -> list[Row]:
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if source == "acled-train" and in_held_out_slice(r["event_id_cnty"]):
                continue  # the untouched test slice: never trained on
            pub = (datetime.fromisoformat(r["event_date"]) + timedelta(days=3)).isoformat()
            out.append(Row(source, r["event_id_cnty"], r["notes"], r["sub_event_type"], pub))
    return out


def load_rows(data: Path, source: str) -> list[Row]:
    """The rows of one source (see the module docstring)."""
    path = source_file(data, source)
    if source.startswith("acled"):
        return _acled_rows(path, source)
    snippets, _unknown = load_snippets(path)
    # non-ACLED snippets keep their gold "none": never trained on, scored like the suite does
    return [Row(source, s.id, s.text, s.gold, None) for s in snippets]


#: Files left out of the cache key: the model itself, and the re-ranker (whose features are
#: versioned by ``rerank.FEATURES_VERSION``, so a change to its training code keeps the cache).
_NOT_KEYED = frozenset({"subtype_model.json", "rerank.py"})
#: Parts of the package that never touch the extraction (scoring, storage, serving).
_NOT_READING = frozenset({"eval", "cli", "api", "store", "jobs"})


def _code_digest() -> str:
    h = hashlib.sha256(FEATURES_VERSION.encode())
    pkg = ROOT / "src" / "eventlens"
    for p in sorted(pkg.rglob("*")):
        if p.relative_to(pkg).parts[0] in _NOT_READING:
            continue
        if (
            p.is_file()
            and p.suffix in {".py", ".json", ".jsonl", ".txt", ".tsv"}
            and p.name not in _NOT_KEYED
        ):
            h.update(str(p.relative_to(pkg)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _extract(rows: list[Row]) -> list[dict[str, Any]]:
    from eventlens.pipeline import Pipeline

    pipe = Pipeline(geocoder=False, subtype_model=False, keep_features=True, batch_size=64)
    items = [
        {"id": r.id, "text": r.text, **({"published": r.published} if r.published else {})} for r in rows
    ]
    out = []
    for r, res in zip(rows, pipe.run(items), strict=True):
        evs = [e for e in res.events if e.role == "reported"]
        best = None
        for e in evs:  # highest confidence, first on ties (eval.corpus.best_reported)
            if best is None or e.confidence > best.confidence:
                best = e
        feats = pipe.features.get(best.id) if best is not None and pipe.features is not None else None
        out.append(
            {"id": r.id, "label": r.label, "rule": best.sub_event_type if best else None, "feats": feats}
        )
    return out


def cached_examples(data: Path, source: str, cache: Path) -> list[dict[str, Any]]:
    """Per row of ``source``: id, label, the rules' sub-type (None: no reported record) and the
    record's features; extracted once per code and data version."""
    path = source_file(data, source)
    key = hashlib.sha256(path.read_bytes()).hexdigest()[:12] + "-" + _code_digest()
    cfile = cache / f"{source}-{key}.jsonl.gz"
    if cfile.exists():
        with gzip.open(cfile, "rt", encoding="utf-8") as f:
            return [json.loads(line) for line in f]
    rows = load_rows(data, source)
    print(f"extracting {len(rows)} rows of {source} ...", file=sys.stderr, flush=True)
    out = _extract(rows)
    cache.mkdir(parents=True, exist_ok=True)
    with gzip.open(cfile, "wt", encoding="utf-8") as f:
        for ex in out:
            f.write(json.dumps(ex) + "\n")
    return out

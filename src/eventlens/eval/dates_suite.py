"""The ``dates`` evaluation suite: TIMEX3 normalisation on the MEANTIME corpus.

Why MEANTIME: it is openly licensed (CC BY 4.0) English news with every time
expression annotated with its TIMEX3 ``value`` and a document creation time
(DCT) - exactly the job :func:`eventlens.stages.dates.timex_value` does with the
publication time as anchor. We give the normaliser the gold expression text
(so this scores normalisation, not detection), the DCT, and a tense guessed
from the sentence, and compare values exactly.

Corpus layout read (NAF-like XML, see ``MEANTIME_NWR.xsd``): ``<token t_id
sentence>`` elements, and in ``<Markables>`` ``<TIMEX3 type value
functionInDocument>`` elements pointing to tokens by ``<token_anchor t_id>``.
TIMEX3s without tokens (empty, "implicit" ones) are skipped; so is the DCT. Two
English files lack a CREATION_TIME; for them the date line (sentence 1, the
first sentence after the title) is read as the DCT. One DCT is written
``03-02-2009``; it is read day-first like any numeric date.
"""

from __future__ import annotations

import hashlib
import logging
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventlens.errors import EvalError
from eventlens.stages.dates import find_dates, guess_tense, reference_day, timex_value

__all__ = ["TimexItem", "read_meantime", "run_dates_suite"]

logger = logging.getLogger(__name__)

_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True, slots=True)
class TimexItem:
    """One gold TIMEX3: its text, the sentence around it and the document's creation date."""

    doc: str
    text: str
    type: str
    gold: str
    dct: date | None
    sentence: str
    start: int  # offsets of ``text`` in ``sentence``
    end: int


def _corpus_files(data_dir: Path) -> tuple[Path, list[Path]]:
    """The MEANTIME English XML files under ``data_dir`` (the corpus root or any folder above it)."""
    candidates = [
        data_dir / "intra_cross-doc_annotation",
        data_dir / "meantime_en" / "intra_cross-doc_annotation",
        data_dir,
    ]
    for root in candidates:
        files = sorted(root.glob("corpus_*/*.xml")) or (
            sorted(root.glob("*.xml")) if root == data_dir else []
        )
        if files:
            return root, files
    raise EvalError(
        f"{data_dir}: no MEANTIME XML files found (looked for intra_cross-doc_annotation/corpus_*/*.xml); "
        "point the dates suite at the unpacked meantime_en folder"
    )


def _parse_dct(value: str | None) -> date | None:
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", value.strip())
    if m:
        return date(int(m[1]), int(m[2]), int(m[3]))
    for mention in find_dates(value, None):
        r = mention.range
        if r is not None and r.precision == "day":
            return r.start
    return None


def _read_file(path: Path, rel: str) -> list[TimexItem]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalError(f"{path}: not well-formed XML ({exc}); re-extract the MEANTIME corpus") from exc
    tokens: dict[str, tuple[int, str]] = {}
    sentences: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        sent = int(tok.get("sentence", "0"))
        words = sentences.setdefault(sent, [])
        tokens[tok.get("t_id", "")] = (sent, tok.text or "")
        words.append(tok.get("t_id", ""))
    sent_text: dict[int, str] = {}
    tok_start: dict[str, int] = {}
    for sent, ids in sentences.items():
        pos, parts = 0, []
        for tid in ids:
            tok_start[tid] = pos
            parts.append(tokens[tid][1])
            pos += len(tokens[tid][1]) + 1
        sent_text[sent] = " ".join(parts)

    timexes = list(root.iter("TIMEX3"))
    dct_values = [t.get("value") for t in timexes if t.get("functionInDocument") == "CREATION_TIME"]
    dct = _parse_dct(dct_values[0]) if dct_values else None
    if dct is None and 1 in sent_text:
        dct = _parse_dct(sent_text[1])
    if dct is None:
        logger.warning("%s: no document creation time; relative expressions will not resolve", rel)

    items = []
    for tx in timexes:
        if tx.get("functionInDocument") == "CREATION_TIME":
            continue
        ids = [a.get("t_id", "") for a in tx.findall("token_anchor") if a.get("t_id") in tokens]
        if not ids:
            continue
        sent = tokens[ids[0]][0]
        text = " ".join(tokens[i][1] for i in ids)
        start = tok_start[ids[0]]
        end = tok_start[ids[-1]] + len(tokens[ids[-1]][1])
        items.append(
            TimexItem(
                rel, text, tx.get("type", "DATE"), tx.get("value", ""), dct, sent_text[sent], start, end
            )
        )
    return items


def read_meantime(data_dir: Path, limit: int | None = None) -> tuple[list[TimexItem], dict[str, str]]:
    """Gold TIMEX3 items of the first ``limit`` files (sorted by path) and each file's sha256."""
    root, files = _corpus_files(Path(data_dir))
    if limit is not None:
        files = files[:limit]
    items: list[TimexItem] = []
    hashes: dict[str, str] = {}
    for path in files:
        rel = path.relative_to(root).as_posix()
        hashes[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        items.extend(_read_file(path, rel))
    return items, hashes


def run_dates_suite(data_dir: Path, limit: int | None = None) -> dict[str, Any]:
    """Score :func:`eventlens.stages.dates.timex_value` against MEANTIME's TIMEX3 values (exact match).

    Returns ``{"suite", "n", "figures", "counts", "files", "errors"}``; ``figures`` holds
    ``accuracy`` and ``accuracy_<TYPE>`` for DATE, TIME, DURATION and SET (types with no
    items are left out). Raises :class:`EvalError` when the corpus is absent.
    """
    items, hashes = read_meantime(data_dir, limit)
    if not items:
        raise EvalError(
            f"{data_dir}: MEANTIME files hold no TIMEX3 expressions; check the corpus is complete"
        )
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for it in items:
        tense = guess_tense(it.sentence, it.start, it.end)
        ours = timex_value(it.text, it.dct, tense=tense)
        if ours and "T" in ours and not ours.startswith("P"):
            # a clock time falls on the day its sentence is about (as find_dates does in context)
            day = reference_day(it.sentence, it.start, it.end, it.dct)
            if day is not None:
                ours = timex_value(it.text, day, tense=tense)
        total[it.type] += 1
        if ours == it.gold:
            right[it.type] += 1
        else:
            errors.append({"doc": it.doc, "type": it.type, "text": it.text, "gold": it.gold, "ours": ours,
                           "dct": it.dct.isoformat() if it.dct else None, "tense": tense})  # fmt: skip
    n = sum(total.values())
    figures = {"accuracy": round(sum(right.values()) / n, 4)}
    for t in _TYPES:
        if total[t]:
            figures[f"accuracy_{t}"] = round(right[t] / total[t], 4)
    return {
        "suite": "dates",
        "n": n,
        "figures": figures,
        "counts": {t: total[t] for t in _TYPES if total[t]},
        "files": hashes,
        "errors": errors,
    }

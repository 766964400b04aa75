"""The ``articles`` suite: whole news articles, each hand-coded with the records it must give.

Why: the database is only as good as its worst article (issue 15). The other suites score
one event per ACLED note or one toponym at a time; this one feeds whole articles - roundups,
court follow-ups, sports reports, datelines far from the event, archive texts - and checks
every record an article gives, and every record it must not give.

Data (``evaldata/articles/`` in the repository, see its ``README.md``):

- ``own.json`` - articles written for this set, texts in ``own/<id>.txt`` or ``.html``;
- ``real.json`` (optional, same format) - real news articles read in place from the shared
  corpora (``--data``, default ``../shared/data``); no corpus text is copied.

Each doc: ``doc_id``, ``source``, ``path`` (own texts), ``published``, ``style``, ``expect``
(incidents) and ``forbid`` (rules). ``source`` is ``own`` or an address in a corpus:

- ``gwn:<n>``, ``lgl:<n>``, ``geovirus:<n>``: the ``<text>`` of the n-th ``<article>`` (0-based,
  file order; GeoVirus ids repeat, so the position is the address) of ``geoparsing/GWN.xml``,
  ``lgl.xml``, ``GeoVirus.xml`` - the order :func:`eventlens.eval.geo_suite.load_corpus` reads;
- ``wikievents:<doc_id>``: :func:`eventlens.eval.wikievents_suite.doc_text` of that document;
- ``meantime:<path>``: the MEANTIME file at ``meantime_en/<path>``, its sentences in order, the
  tokens of each joined by one space and one sentence a line (sentence 0, the title, first).

An optional ``text_starts`` (or ``first_words``) guards an address: the rebuilt text must start
with it (whitespace runs compared as one space), else the doc is an error, not a silent mismatch.
An expected incident with ``optional: true`` gives no check when no record is found for it, and is
scored like any other when one is (fine to miss, wrong to misdate).

How a text reaches the extractor: an own file is read exactly as ``eventlens extract FILE``
reads it (:func:`eventlens.read.paths.read_paths`: first line = title, HTML through the HTML
reader); a corpus text as ``eventlens.extract_many`` reads a bare string. ``published`` (ISO)
is set on the article, as ``--published`` does; null leaves what the text says.

Where ``evaldata/`` is: ``$EVENTLENS_ARTICLES_DIR`` if set, else ``<repository root>/evaldata/
articles`` with the repository root three folders above this file (``src/eventlens/eval/``),
recognised by its ``pyproject.toml``. An installed wheel has no such folder: the suite is then
skipped with that reason (an :class:`~eventlens.errors.EvalError`).

Scoring. Expected incidents are matched one-to-one to records, greedily by similarity (type,
date, point, role), so a record that merges two incidents is found for one only. Per match:
``found``, ``type``, ``date`` (a day, or ``YYYY-MM`` / ``YYYY`` for a month or year),
``date_precision``, ``role``, ``point`` (within ``km``), ``fatalities`` / ``injured``
([min, max]), ``actor`` (a substring of actor1's name or mention); an incident not found fails
every check it defines, so each article weighs the same whatever the extractor gives. ``forbid`` keys:
those of :func:`eventlens.eval.gold_wikievents.check_forbid` plus ``no_reported``,
``max_reported``, ``max_total_fatalities``, ``not_near`` and ``no_actor``
(:func:`check_article_forbid`). Figures: share of checks passed overall, by field, by style
and by source (``own``, ``gwn``, ...); details per document list the failed checks.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from eventlens.errors import EvalError
from eventlens.eval.article_sources import source_text
from eventlens.eval.checks import Check, by_field, share
from eventlens.eval.corpus import (
    Extracted,
    ExtractMany,
    default_extract_many,
    record_date_range,
)
from eventlens.eval.gold_wikievents import _distance, _type_ok, check_forbid, toll_and_actor_checks
from eventlens.eval.scoring import haversine_km

__all__ = [
    "ENV_ARTICLES_DIR",
    "FORBID_KEYS",
    "article_text",
    "articles_dir",
    "check_article_forbid",
    "load_article_docs",
    "run_articles_suite",
    "score_article",
]

logger = logging.getLogger(__name__)

#: Overrides where the article set is read from (a folder holding own.json and/or real.json).
ENV_ARTICLES_DIR = "EVENTLENS_ARTICLES_DIR"
#: The files of the set, in report order; own.json must exist, real.json may.
SET_FILES = ("own.json", "real.json")
#: The forbid keys this module adds to those of gold_wikievents.check_forbid.
FORBID_KEYS = ("no_reported", "max_reported", "max_total_fatalities", "not_near", "no_actor")


# ---------------------------------------------------------------------------------------------
# Where the set is, and the texts


def articles_dir(override: Path | None = None) -> Path:
    """The folder holding ``own.json`` (see the module docstring); EvalError when there is none."""
    if override is not None:
        where = Path(override)
    elif os.environ.get(ENV_ARTICLES_DIR):
        where = Path(os.environ[ENV_ARTICLES_DIR])
    else:
        root = Path(__file__).resolve().parents[3]
        if not (root / "pyproject.toml").is_file():
            raise EvalError(
                f"{root}: not a source checkout of eventlens (no pyproject.toml), so there is no "
                f"evaldata/articles; run from the repository or set {ENV_ARTICLES_DIR}"
            )
        where = root / "evaldata" / "articles"
    if not (where / SET_FILES[0]).is_file():
        raise EvalError(f"{where / SET_FILES[0]}: the article set is absent; set {ENV_ARTICLES_DIR}")
    return where


def load_article_docs(adir: Path) -> list[tuple[str, dict[str, Any]]]:
    """``(set name, doc)`` for every doc of own.json then real.json; duplicate ids are an error."""
    out: list[tuple[str, dict[str, Any]]] = []
    seen: set[str] = set()
    for name in SET_FILES:
        path = adir / name
        if not path.is_file():
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise EvalError(f"{path}: cannot read the article set ({e}); fix the JSON") from e
        for doc in data.get("docs") or []:
            if not doc.get("doc_id") or not doc.get("source"):
                raise EvalError(f"{path}: every doc needs 'doc_id' and 'source' ({doc.get('doc_id')!r})")
            if doc["doc_id"] in seen:
                raise EvalError(f"{path}: doc_id {doc['doc_id']!r} appears twice in the article set")
            seen.add(doc["doc_id"])
            out.append((Path(name).stem, doc))
    return out


def article_text(source: str, data_dir: Path) -> str:
    """The text of a corpus article at ``source`` (``gwn:12``, ``wikievents:road_ied_8``,
    ``meantime:intra_cross-doc_annotation/corpus_gm/X.xml``), read in place from ``data_dir``
    by :func:`eventlens.eval.article_sources.source_text` (which says how each corpus is addressed)."""
    try:
        return source_text(source, data_dir)
    except (OSError, ValueError) as e:
        raise EvalError(f"{source}: cannot read it from {data_dir} ({e}); pass --data DIR") from e


def _published(doc: Mapping[str, Any]) -> datetime | None:
    value = doc.get("published")
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError as e:
        raise EvalError(f"{doc['doc_id']}: 'published' {value!r} is not ISO 8601") from e


def _article(doc: Mapping[str, Any], adir: Path, data_dir: Path) -> Any:
    """The Article the extractor gets for ``doc`` (see the module docstring)."""
    from eventlens.read.paths import read_paths
    from eventlens.read.text import precision_of, read_text

    pub = _published(doc)
    if doc["source"] == "own":
        if not doc.get("path"):
            raise EvalError(f"{doc['doc_id']}: an own article needs a 'path' (relative to {adir})")
        (art,) = list(read_paths([str(adir / doc["path"])]))
        if isinstance(art, Exception):
            raise EvalError(f"{doc['doc_id']}: {art}")
    else:
        text = article_text(doc["source"], data_dir)
        head = doc.get("text_starts") or doc.get("first_words")
        if head and not " ".join(text.split()).startswith(" ".join(str(head).split())):
            raise EvalError(
                f"{doc['doc_id']}: {doc['source']} starts {text.lstrip()[:60]!r}, not {head!r}; "
                "the corpus and the article set disagree"
            )
        # as eventlens.extract reads a bare text: the first line is the title when there are several
        art = read_text(text, id=doc["doc_id"], first_line_title="\n" in text.strip())
    art = replace(art, id=doc["doc_id"])
    if pub is not None:
        art = replace(art, published=pub, published_precision=precision_of(pub), published_evidence=None)
    return art


# ---------------------------------------------------------------------------------------------
# Expected incidents


def _expected_range(value: str) -> tuple[date, date, str]:
    """``(first day, last day, precision)`` of an expected date: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    parts = value.split("-")
    y = int(parts[0])
    if len(parts) == 1:
        return date(y, 1, 1), date(y, 12, 31), "year"
    m = int(parts[1])
    if len(parts) == 2:
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date(y, m, 1), nxt - timedelta(days=1), "month"
    d = date.fromisoformat(value)
    return d, d, "day"


def _date_status(exp_date: str, rec: Mapping[str, Any]) -> str:
    """An expected day: the record's day (or its week holding the day) passes, its month is
    partial. An expected month or year: a record inside it passes, one whose range only
    overlaps it (a wider precision) is partial. Anything else fails."""
    lo, hi, prec = _expected_range(exp_date)
    rng = record_date_range(rec)
    if rng is None:
        return "fail"
    if prec == "day":
        if rec.get("event_date") == exp_date:
            return "pass"
        if rng[0] <= lo <= rng[1]:
            return "pass" if rec.get("date_precision") == "week" else "partial"
        return "fail"
    if lo <= rng[0] and rng[1] <= hi:
        return "pass"
    return "partial" if rng[0] <= hi and lo <= rng[1] else "fail"


def _similarity(exp: Mapping[str, Any], rec: Mapping[str, Any]) -> float:
    s = {"pass": 3.0, "partial": 1.5, "fail": 0.0}[_type_ok(exp, rec)]
    if exp.get("date"):
        s += {"pass": 2.0, "partial": 1.0, "fail": 0.0}[_date_status(exp["date"], rec)]
    d = _distance(exp, rec)
    if d is not None and d <= exp.get("km", 50):
        s += 1.0
    if exp.get("role") and rec.get("role") == exp["role"]:
        s += 0.5
    return s


#: A record is a candidate for an expected incident only from this similarity up (the
#: right event type alone, or a related type on the right day) - as gold_wikievents.
MIN_SIMILARITY = 2.0


def match_expected(
    expect: Sequence[Mapping[str, Any]], records: Sequence[Mapping[str, Any]]
) -> list[int | None]:
    """For each expected incident, the index of its record or None: one-to-one, greedily by
    similarity (ties: earlier expectation, then earlier record)."""
    pairs = sorted(
        (
            (-_similarity(e, r), k, i)
            for k, e in enumerate(expect)
            for i, r in enumerate(records)
            if _similarity(e, r) >= MIN_SIMILARITY
        ),
    )
    taken: set[int] = set()
    out: list[int | None] = [None] * len(expect)
    for _neg, k, i in pairs:
        if out[k] is None and i not in taken:
            out[k] = i
            taken.add(i)
    return out


def _desc(rec: Mapping[str, Any]) -> str:
    return f"{rec.get('role')} {rec.get('sub_event_type')} {rec.get('event_date')} @ {rec.get('location')}"


def score_expected_record(
    k: int,
    exp: Mapping[str, Any],
    rec: Mapping[str, Any] | None,
    records: Sequence[Mapping[str, Any]],
    doc_id: str,
) -> list[Check]:
    """The checks of expected incident ``k`` against its matched record (None: not found)."""
    p = f"{doc_id}.expect{k}"
    what = exp.get("what", "")
    if rec is None:
        # Every field of a missed incident fails too, so that each article has a fixed number of
        # checks: otherwise an extractor that gives nothing would score well on forbid rules alone.
        found = Check(f"{p}.found", "found", "fail", what, [_desc(r) for r in records] or "no records")
        rest = score_expected_record(k, exp, {}, (), doc_id)[1:]
        return [found] + [replace(c, status="fail", got=None, note="incident not found") for c in rest]
    checks = [Check(f"{p}.found", "found", "pass", what, _desc(rec))]
    checks.append(
        Check(
            f"{p}.type",
            "type",
            _type_ok(exp, rec),  # type: ignore[arg-type]
            (exp.get("event_type"), exp.get("sub_types")),
            (rec.get("event_type"), rec.get("sub_event_type")),
        )
    )
    if exp.get("date"):
        checks.append(
            Check(
                f"{p}.date",
                "date",
                _date_status(exp["date"], rec),  # type: ignore[arg-type]
                exp["date"],
                f"{rec.get('event_date')} ({rec.get('date_precision')})",
            )
        )
    if exp.get("date_precision"):
        ok = rec.get("date_precision") == exp["date_precision"]
        checks.append(
            Check(
                f"{p}.date_precision",
                "date_precision",
                "pass" if ok else "fail",
                exp["date_precision"],
                rec.get("date_precision"),
            )
        )
    if exp.get("role"):
        ok = rec.get("role") == exp["role"]
        checks.append(Check(f"{p}.role", "role", "pass" if ok else "fail", exp["role"], rec.get("role")))
    if "lat" in exp:
        d = _distance(exp, rec)
        ok = d is not None and d <= exp.get("km", 50)
        got = (
            None if d is None else f"{rec.get('location')} ({d:.0f} km, precision {rec.get('geo_precision')})"
        )
        checks.append(
            Check(f"{p}.point", "point", "pass" if ok else "fail", f"within {exp.get('km', 50)} km", got)
        )
    return checks + toll_and_actor_checks(p, exp, rec)


# ---------------------------------------------------------------------------------------------
# Forbid rules


def _actor_names(rec: Mapping[str, Any]) -> list[str]:
    """The ACLED-style names a record gives its actors (not the raw mentions they were read from)."""
    names = [
        str(rec[k])
        for k in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
        if isinstance(rec.get(k), str) and rec[k]
    ]
    actors = rec.get("actors") or {}
    for val in actors.values():
        for a in val if isinstance(val, list) else [val]:
            if isinstance(a, Mapping) and a.get("name"):
                names.append(str(a["name"]))
    return list(dict.fromkeys(names))


def check_article_forbid(
    forbid: Mapping[str, Any],
    records: Sequence[Mapping[str, Any]],
    text: str,
    published: str | None,
    doc_id: str,
) -> list[Check]:
    """One check per forbid rule: the keys of :data:`FORBID_KEYS` here, every other key by
    :func:`eventlens.eval.gold_wikievents.check_forbid` (an unknown key stays ``unchecked``).

    - ``no_reported: true``: no record with role "reported" (court, sports, statistics...);
    - ``max_reported: n``: at most n reported records;
    - ``max_total_fatalities: n``: the fatalities of the reported records sum to at most n;
    - ``not_near: {"lat", "lon", "km", "why"?}``: no reported record placed within km of the
      point (the dateline city, the speaker's capital) - a list of such objects is allowed;
    - ``no_actor: [substring, ...]``: no record's actor name (actor1/2, associates) contains
      any of them, case-insensitive.
    """
    reported = [r for r in records if r.get("role") == "reported"]
    out: list[Check] = []
    rest: dict[str, Any] = {}
    for key, val in forbid.items():
        cid = f"{doc_id}.forbid.{key}"
        if key == "no_reported":
            bad = [_desc(r) for r in reported] if val else []
            out.append(Check(cid, "forbid", "fail" if bad else "pass", "no reported record", bad or "none"))
        elif key == "max_reported":
            n = len(reported)
            out.append(
                Check(
                    cid, "forbid", "pass" if n <= int(val) else "fail", f"at most {val} reported records", n
                )
            )
        elif key == "max_total_fatalities":
            total = sum(int(r.get("fatalities") or 0) for r in reported)
            out.append(
                Check(
                    cid,
                    "forbid",
                    "pass" if total <= int(val) else "fail",
                    f"reported fatalities sum to at most {val}",
                    total,
                )
            )
        elif key == "not_near":
            for j, spot in enumerate(val if isinstance(val, list) else [val]):
                bad = []
                for r in reported:
                    if r.get("latitude") is None or r.get("longitude") is None:
                        continue
                    d = haversine_km(spot["lat"], spot["lon"], float(r["latitude"]), float(r["longitude"]))
                    if d <= spot["km"]:
                        bad.append(f"{_desc(r)} ({d:.0f} km)")
                sid = cid if not isinstance(val, list) else f"{cid}{j}"
                why = spot.get("why", "")
                out.append(
                    Check(
                        sid,
                        "forbid",
                        "fail" if bad else "pass",
                        f"no reported record within {spot['km']} km of ({spot['lat']}, {spot['lon']})",
                        bad or "none",
                        why,
                    )
                )
        elif key == "no_actor":
            subs = [str(s).lower() for s in (val if isinstance(val, list) else [val])]
            bad = [
                f"{_desc(r)}: {n}"
                for r in records
                for n in _actor_names(r)
                if any(s in n.lower() for s in subs)
            ]
            out.append(
                Check(
                    cid,
                    "forbid",
                    "fail" if bad else "pass",
                    f"no actor name containing {subs}",
                    bad or "none",
                )
            )
        else:
            rest[key] = val
    return out + check_forbid(rest, records, text, published, doc_id)


# ---------------------------------------------------------------------------------------------
# The suite


def score_article(doc: Mapping[str, Any], records: Sequence[Mapping[str, Any]], text: str) -> list[Check]:
    """Every check of one coded article against the records extracted from it."""
    expect = list(doc.get("expect") or [])
    matched = match_expected(expect, records)
    checks: list[Check] = []
    for k, (exp, i) in enumerate(zip(expect, matched, strict=True)):
        if i is None and exp.get("optional"):
            continue  # fine to miss; scored like any other when a record is found for it
        checks += score_expected_record(k, exp, None if i is None else records[i], records, doc["doc_id"])
    checks += check_article_forbid(
        doc.get("forbid") or {}, records, text, doc.get("published"), doc["doc_id"]
    )
    return checks


def _extract(arts: Sequence[Any], extract_many: ExtractMany | None) -> dict[str, Extracted]:
    """Run the extractor over Articles (``corpus.run_extraction`` wants mappings), keyed by id."""
    fn = extract_many or default_extract_many()
    out: dict[str, Extracted] = {}
    for res in fn(list(arts), batch_size=16):
        err = getattr(res, "error", None)
        out[str(res.article_id)] = Extracted(
            id=str(res.article_id),
            article=getattr(res, "article", None),
            records=tuple(
                e if isinstance(e, dict) else e.to_dict() for e in getattr(res, "events", None) or []
            ),
            error=None if err is None else str(err),
        )
    return out


def _source_kind(doc: Mapping[str, Any]) -> str:
    return str(doc["source"]).partition(":")[0].strip().lower()


def run_articles_suite(
    data_dir: Path,
    limit: int | None = None,
    extract_many: ExtractMany | None = None,
    *,
    articles: Path | None = None,
) -> dict[str, Any]:
    """``{"n", "figures", "details", "files"}`` over the article set (own.json, real.json).

    ``data_dir`` holds the shared corpora that ``real.json`` addresses; ``articles`` overrides
    where the set is (see :func:`articles_dir`). ``limit`` keeps the first n docs.
    """
    from eventlens.eval.corpus import file_hashes

    adir = articles_dir(articles)
    data_dir = Path(data_dir)
    docs = load_article_docs(adir)
    if limit is not None:
        docs = docs[:limit]
    arts = [_article(doc, adir, data_dir) for _set, doc in docs]
    out = _extract(arts, extract_many)
    checks: list[Check] = []
    groups: dict[str, list[Check]] = {}
    details: dict[str, Any] = {}
    for (set_name, doc), art in zip(docs, arts, strict=True):
        ex = out.get(doc["doc_id"])
        records = list(ex.records) if ex else []
        cs = score_article(doc, records, art.text)
        if ex is not None and ex.error:
            cs.append(Check(f"{doc['doc_id']}.error", "error", "fail", None, ex.error))
        checks += cs
        for g in (f"style.{doc.get('style') or 'unknown'}", f"source.{_source_kind(doc)}", f"set.{set_name}"):
            groups.setdefault(g, []).extend(cs)
        details[doc["doc_id"]] = {
            "style": doc.get("style"),
            "source": doc["source"],
            "records": [_desc(r) for r in records],
            "checks": [c.to_dict() for c in cs],
            "failed": [c.message() for c in cs if c.status in ("fail", "partial", "unchecked")],
        }
    figures: dict[str, Any] = {
        "articles": len(docs),
        "checks": len([c for c in checks if c.status != "skip"]),
    }
    s = share(checks)
    if s is not None:
        figures["checks_passed"] = round(s, 4)
    figures.update({f"field.{k}": v for k, v in by_field(checks).items()})
    for g in sorted(groups):
        gs = share(groups[g])
        if gs is not None:
            figures[g] = round(gs, 4)
    files = [adir / n for n in SET_FILES if (adir / n).is_file()]
    files += sorted({adir / doc["path"] for _s, doc in docs if doc["source"] == "own" and doc.get("path")})
    return {
        "suite": "articles",
        "n": len(docs),
        "figures": figures,
        "details": {"documents": details},
        "files": file_hashes(files, adir),
    }

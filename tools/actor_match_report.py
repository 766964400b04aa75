"""actor1 exact match with ACLED's name, before and after ``canonical_actor`` (issue 15, item 4).

    PYTHONPATH=src .venv/bin/python tools/actor_match_report.py extract --split dev600 --out CACHE.jsonl
    PYTHONPATH=src .venv/bin/python tools/actor_match_report.py score CACHE.jsonl [--show N]

``extract`` runs the current extractor (``eventlens.extract_many``, the pipeline untouched) over
ACLED notes exactly as the ``acled`` suite does (published three days after the event) and keeps,
per row, the top reported record's actor1 (name, raw words, inter) and country next to ACLED's
actor1 - a cache OUTSIDE the repository (it holds ACLED names per row; rows are never shipped).
``score`` applies ``eventlens.stages.actor_names.rename_actor`` (``canonical_actor`` on the raw words,
then on the pipeline's provisional name) and reports:

* ``suite``: ``eval.scoring.actors_match`` (the ``acled`` suite's normalised comparison: bracketed
  qualifiers such as "(Kenya)" or "(2000-)" dropped) - the figure issue 15 asks >= 0.80 of;
* ``strict``: the exact ACLED string, case- and accent-folded only.

Modes of ``score`` (what the pipeline would pass once integrated):
  (default)  the record's actor words as the pipeline holds them (often just the head noun, "forces");
  --widen    those words with the modifiers written before them ("Houthi forces"): the noun phrase;
  --scan     when the record has no actor words at all, the first actor ``find_actors`` knows in the
             incident's first sentence (not for protests, riots or civilians).

Splits (tools/acled_split.py): ``dev600`` = 600 rows of dev.csv (every 5th row), training data;
``test`` = the untouched slice of train.csv (only its numbers are looked at, never its rows).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from datetime import date, datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import acled_split  # noqa: E402


def _rows(split: str) -> list[dict[str, str]]:
    if split == "dev600":
        return acled_split.read_rows("dev.csv")[::5][:600]
    if split == "test":
        return acled_split.test_rows()
    if split == "train":
        return acled_split.training_rows()
    raise SystemExit(f"unknown split {split!r}")


def extract(split: str, out: Path, limit: int | None) -> None:
    import eventlens
    from eventlens.eval.corpus import Extracted, best_reported

    rows = _rows(split)[:limit]
    items = []
    for r in rows:
        d = date.fromisoformat(r["event_date"])
        items.append(
            {
                "id": r["event_id_cnty"],
                "text": r["notes"],
                "published": datetime.combine(d + timedelta(days=3), time(12)),
            }
        )
    with out.open("w", encoding="utf-8") as f:
        for r, res in zip(rows, eventlens.extract_many(items, batch_size=32), strict=True):
            recs = tuple(e.to_dict() for e in (res.events or []))
            best = best_reported(Extracted(str(res.article_id), None, recs))
            a1 = (best or {}).get("actors", {}).get("actor1") if best else None
            f.write(
                json.dumps(
                    {
                        "id": r["event_id_cnty"],
                        "gold_actor1": r["actor1"],
                        "gold_inter1": r["inter1"],
                        "gold_country": r["country"],
                        "record": best is not None,
                        "event_type": (best or {}).get("event_type"),
                        "actor1": (best or {}).get("actor1"),
                        "inter1": (best or {}).get("inter1"),
                        "mention": a1.get("mention") if a1 else None,
                        "phrase": _widen(r["notes"], a1.get("span") if a1 else None),
                        "country": (best or {}).get("country"),
                        "sentences": _sentences(best),
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )


_NOT_MODIFIER = frozenset(
    """the a an by of and or with on in at from to that which who whom said when after before as
    were was is are had have has between against during while where killed attacked fired two three
    several some""".split()
)


def _widen(text: str, span: dict | None) -> str | None:
    """The actor's words with the modifiers written just before them ("forces" -> "Houthi
    forces", "separatist forces" -> "Russian-backed separatist forces"): up to three words,
    no punctuation between, none a function word. Stands in for the noun phrase the pipeline
    should pass (see the integration advice); used by ``score --widen``."""
    if not span:
        return None
    start, end = int(span["start"]), int(span["end"])
    if text[start:end] != span.get("text", text[start:end]):
        return None  # offsets into another text than the note: no widening
    words = []
    head = text[:start]
    for _ in range(3):
        m = re.search(r"([A-Za-z][\w'\u2019-]*)\s+$", head)
        if m is None or m.group(1).lower() in _NOT_MODIFIER:
            break
        words.insert(0, m.group(1))
        head = head[: m.start()]
    return " ".join(words + [text[start:end]])


def _sentences(rec: dict | None) -> list[list[int]]:
    """The record's sentences as [start, end] offsets (its "sentences" evidence)."""
    for ev in (rec or {}).get("evidence") or []:
        if ev.get("field") == "sentences":
            return [[int(sp["start"]), int(sp["end"])] for sp in ev.get("spans") or []]
    return []


def _fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).lower().split())


def score(cache: Path, show: int, widen: bool = False, scan: bool = False) -> None:
    from eventlens.eval.scoring import actors_match
    from eventlens.stages.actor_names import rename_actor

    rows = [json.loads(line) for line in cache.open(encoding="utf-8")]
    notes = {}
    if scan:
        from eventlens.stages.actor_names import find_actors

        notes = {
            r["event_id_cnty"]: r["notes"] for f in ("dev.csv", "train.csv") for r in acled_split.read_rows(f)
        }
    n = len(rows)
    before_s = before_x = after_s = after_x = changed = 0
    raw_words = Counter()
    raw_before = 0
    misses = Counter()
    for r in rows:
        pred = r["actor1"]
        new = pred
        if r["record"] and pred:
            words = (r.get("phrase") or r["mention"]) if widen else r["mention"]
            hit = rename_actor(pred, words, r["country"], kind_hint=_hint(pred, r["inter1"]))
            if hit is not None:
                new = hit.name
            crowd = (pred or "").startswith(("Protesters", "Rioters", "Civilians"))
            if (
                scan
                and not crowd
                and not r["mention"]
                and r.get("sentences")
                and (hit is None or hit.rule != "name")
            ):
                # no actor words: the first actor the dictionary knows in the incident's first sentence
                a, b = r["sentences"][0]
                found = [
                    m
                    for m in find_actors(notes[r["id"]][a:b], r["country"])
                    if m.actor.rule in ("name", "state")
                ]
                if found:
                    new = found[0].actor.name
        changed += new != pred
        before_s += bool(r["record"]) and actors_match(r["gold_actor1"], pred)
        before_x += bool(r["record"]) and _fold(r["gold_actor1"]) == _fold(pred)
        ok = bool(r["record"]) and actors_match(r["gold_actor1"], new)
        after_s += ok
        after_x += bool(r["record"]) and _fold(r["gold_actor1"]) == _fold(new)
        if new and r["record"] and not _acled_form(new):
            raw_words[new] += 1
        if pred and r["record"] and not _acled_form(pred):
            raw_before += 1
        if not ok and r["record"]:
            misses[(r["gold_actor1"], new)] += 1
    print(f"rows {n}  with a record {sum(r['record'] for r in rows)}  actor1 changed {changed}")
    print(f"actor1 suite match  before {before_s / n:.4f}  after {after_s / n:.4f}")
    print(f"actor1 strict match before {before_x / n:.4f}  after {after_x / n:.4f}")
    print(
        f"records whose actor1 is neither a dictionary name nor an ACLED template (raw words): before {raw_before}  after {sum(raw_words.values())}"
    )
    for (g, p), c in misses.most_common(show):
        print(f"  {c:4d}  gold {g!r}  ours {p!r}")


_TEMPLATE = re.compile(
    r"^(Unidentified [A-Za-z ]+|Protesters|Rioters|Civilians)( \(.+\))?$|^(Military|Police) Forces of "
)


def _acled_form(name: str) -> bool:
    """An ACLED name of the dictionary, or one of ACLED's templated forms."""
    from eventlens.stages.actor_dictionary import actor_dictionary

    return bool(_TEMPLATE.match(name)) or any(e.name == name for e in actor_dictionary().entries)


def _hint(name: str | None, inter: int | None) -> str | None:
    """What the extractor already decided the actor is (its name template and inter code)."""
    low = (name or "").lower()
    if low.startswith("police forces"):
        return "police"
    if low.startswith("military forces"):
        return "military"
    return {
        1: "state",
        2: "armed",
        3: "armed",
        4: "armed",
        5: "rioters",
        6: "protesters",
        7: "civilians",
    }.get(inter or 0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("extract")
    e.add_argument("--split", required=True, choices=["dev600", "test", "train"])
    e.add_argument("--out", type=Path, required=True)
    e.add_argument("--limit", type=int)
    s = sub.add_parser("score")
    s.add_argument("cache", type=Path)
    s.add_argument(
        "--widen", action="store_true", help="the actor's words with the modifiers before them (see _widen)"
    )
    s.add_argument(
        "--scan",
        action="store_true",
        help="no actor words: the first known actor of the first sentence (find_actors)",
    )
    s.add_argument(
        "--show", type=int, default=0, help="list the N commonest misses (never use on the test split)"
    )
    args = ap.parse_args()
    if args.cmd == "extract":
        extract(args.split, args.out, args.limit)
    else:
        if args.show and "test" in args.cache.name:
            raise SystemExit("--show lists errors: not on the test slice")
        score(args.cache, args.show, args.widen, args.scan)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The ``wikievents`` suite: event detection and arguments against WikiEvents (KAIROS) triggers.

WikiEvents annotates every event mention in 20 news documents with a KAIROS type
and argument roles. We keep the triggers whose type maps to an ACLED event type
(``kairos_acled.json``) and ask: is there a record whose evidence spans overlap the
trigger's sentence (detection), with a compatible type (typed detection), and do
its actor/target/place/weapon mentions agree with the trigger's arguments
(token overlap)? Life.Die victims give a rough fatality check.

Text: the corpus ``text`` field glues sentences together ("in SyriaThe desert"),
and token offsets do not index it, so we rebuild the text by placing each token at
its annotated offset and putting a newline between sentences; offsets then index
our text exactly and the extractor sees sentence boundaries.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from eventlens.errors import EvalError
from eventlens.eval.corpus import (
    ExtractMany,
    actor_texts,
    evidence_spans,
    file_hashes,
    overlaps,
    require,
    run_extraction,
)
from eventlens.eval.scoring import prf_from_counts, token_overlap

#: Token overlap for an argument mention to count as found (shared words / shorter side).
ARG_OVERLAP = 0.5
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}


def load_docs(path: Path) -> list[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except (OSError, json.JSONDecodeError) as e:
        raise EvalError(f"{path}: cannot read WikiEvents JSON lines ({e}); restore the file") from e


def doc_text(doc: Mapping[str, Any]) -> str:
    """The document text with every token at its annotated character offset."""
    sents = doc["sentences"]
    end = max(tok[2] for toks, _ in sents for tok in toks)
    buf = [" "] * end
    for i, (toks, _) in enumerate(sents):
        for tok, a, b in toks:
            buf[a:b] = tok
        if i > 0 and toks and toks[0][1] > 0 and buf[toks[0][1] - 1] == " ":
            buf[toks[0][1] - 1] = "\n"
    return "".join(buf)


def sentence_range(doc: Mapping[str, Any], idx: int) -> tuple[int, int]:
    toks = doc["sentences"][idx][0]
    return toks[0][1], toks[-1][2]


@lru_cache(maxsize=1)
def kairos_map() -> dict[str, Any]:
    return json.loads(
        resources.files("eventlens.eval").joinpath("kairos_acled.json").read_text(encoding="utf-8")
    )  # type: ignore[no-any-return]


def acled_types_for(kairos_type: str) -> list[str]:
    """ACLED event types for a KAIROS type, most specific key first; unknown types map to []."""
    table = kairos_map()["map"]
    parts = kairos_type.split(".")
    for key in (kairos_type, ".".join(parts[:2]) + ".*", parts[0] + ".*"):
        if key in table:
            return list(table[key])
    return []


def _role_field(role: str) -> str | None:
    for fieldname, roles in kairos_map()["arguments"].items():
        if fieldname != "comment" and role in roles:
            return str(fieldname)
    return None


def predicted_mentions(rec: Mapping[str, Any], fieldname: str) -> list[str]:
    """The record's strings compared with arguments of one role group (case-insensitively distinct)."""
    seen: dict[str, str] = {}
    for s in _predicted(rec, fieldname):
        seen.setdefault(s.casefold(), s)
    return list(seen.values())


def _predicted(rec: Mapping[str, Any], fieldname: str) -> list[str]:
    if fieldname == "actor1":
        return actor_texts(rec, "actor1")
    if fieldname == "actor2":
        return actor_texts(rec, "actor2") + [
            str(t["mention"]) for t in rec.get("targets") or [] if t.get("mention")
        ]
    if fieldname == "place":
        out = [str(p["mention"]) for p in rec.get("places") or [] if p.get("mention")]
        return out + ([str(rec["location"])] if rec.get("location") else [])
    if fieldname == "weapon":
        return [str(w["mention"]) for w in rec.get("weapons") or [] if w.get("mention")]
    return []


def _victim_count(doc: Mapping[str, Any], entity_id: str) -> int | None:
    """A number for a victim argument: digits or a number word in or just before the mention,
    1 for a singular person; ``None`` when the text gives no count ("people")."""
    ent = next((e for e in doc["entity_mentions"] if e["id"] == entity_id), None)
    if ent is None:
        return None
    toks = doc["tokens"]
    words = [t.lower() for t in toks[max(0, ent["start"] - 2) : ent["end"]]]
    for w in reversed(words):
        w = w.replace(",", "")
        if w.isdigit():
            return int(w)
        if w in _NUMBER_WORDS:
            return _NUMBER_WORDS[w]
    head = toks[ent["end"] - 1] if ent["end"] - 1 < len(toks) else ""
    if (
        ent.get("entity_type") == "PER"
        and head[:1].isupper()
        or re.fullmatch(r"(man|woman|general|commander|boy|girl|soldier|officer|victim)", head.lower())
    ):
        return 1
    return None


def score_document(doc: Mapping[str, Any], records: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Counts for one document (summed by the suite)."""
    mapped = []
    for ev in doc["event_mentions"]:
        types = acled_types_for(ev["event_type"])
        if types:
            mapped.append((ev, types, sentence_range(doc, ev["trigger"]["sent_idx"])))
    rec_spans = [evidence_spans(r) for r in records]
    counts = {"tp": 0, "fn": 0, "typed_tp": 0, "rec_tp": 0, "rec_fp": 0}
    args: dict[str, dict[str, int]] = {}
    for ev, types, rng in mapped:
        hits = [i for i, sp in enumerate(rec_spans) if any(overlaps(s, rng) for s in sp)]
        typed = [i for i in hits if records[i].get("event_type") in types]
        counts["tp" if hits else "fn"] += 1
        counts["typed_tp"] += bool(typed)
        best = typed[0] if typed else (hits[0] if hits else None)
        for arg in ev["arguments"]:
            f = _role_field(arg["role"])
            if f is None:
                continue
            a = args.setdefault(f, {"tp": 0, "fn": 0, "fp": 0})
            preds = predicted_mentions(records[best], f) if best is not None else []
            a["tp" if any(token_overlap(arg["text"], p) >= ARG_OVERLAP for p in preds) else "fn"] += 1
    # precision side: each record overlapping some mapped trigger sentence is a true detection
    for i, sp in enumerate(rec_spans):
        trig = [(ev, rng) for ev, _, rng in mapped if any(overlaps(s, rng) for s in sp)]
        counts["rec_tp" if trig else "rec_fp"] += 1
        gold_args: dict[str, list[str]] = {}
        for ev, _ in trig:
            for arg in ev["arguments"]:
                f = _role_field(arg["role"])
                if f:
                    gold_args.setdefault(f, []).append(arg["text"])
        for f in ("actor1", "actor2", "place", "weapon"):
            for p in predicted_mentions(records[i], f):
                if not any(token_overlap(g, p) >= ARG_OVERLAP for g in gold_args.get(f, [])):
                    args.setdefault(f, {"tp": 0, "fn": 0, "fp": 0})["fp"] += 1
    # Life.Die: gold victim count per sentence vs fatalities of a record reading that sentence
    deaths = {"compared": 0, "exact": 0}
    per_sentence: dict[int, int] = {}
    for ev in doc["event_mentions"]:
        if ev["event_type"].startswith("Life.Die"):
            for arg in ev["arguments"]:
                if arg["role"] == "Victim":
                    n = _victim_count(doc, arg["entity_id"])
                    if n is not None:
                        s = ev["trigger"]["sent_idx"]
                        per_sentence[s] = max(per_sentence.get(s, 0), n)
    for s, n in per_sentence.items():
        rng = sentence_range(doc, s)
        hit = [r for r, sp in zip(records, rec_spans, strict=True) if any(overlaps(x, rng) for x in sp)]
        if hit:
            deaths["compared"] += 1
            deaths["exact"] += any(r.get("fatalities") == n for r in hit)
    return {"counts": counts, "args": args, "deaths": deaths, "triggers": len(mapped)}


def run_wikievents_suite(
    data_dir: Path, limit: int | None = None, extract_many: ExtractMany | None = None
) -> dict[str, Any]:
    """Detection and argument P/R/F1 on WikiEvents dev (``<data_dir>/wikievents/dev.jsonl``)."""
    path = require(Path(data_dir) / "wikievents" / "dev.jsonl", "WikiEvents dev set")
    docs = load_docs(path)
    if limit is not None:
        docs = docs[:limit]
    texts = {d["doc_id"]: doc_text(d) for d in docs}
    out = run_extraction([{"id": k, "text": v} for k, v in texts.items()], extract_many)
    tot = {"tp": 0, "fn": 0, "typed_tp": 0, "rec_tp": 0, "rec_fp": 0}
    args: dict[str, dict[str, int]] = {}
    deaths = {"compared": 0, "exact": 0}
    per_doc = {}
    for d in docs:
        ex = out.get(d["doc_id"])
        res = score_document(d, list(ex.records) if ex else [])
        for k, v in res["counts"].items():
            tot[k] += v
        for f, c in res["args"].items():
            a = args.setdefault(f, {"tp": 0, "fn": 0, "fp": 0})
            for k, v in c.items():
                a[k] += v
        for k, v in res["deaths"].items():
            deaths[k] += v
        per_doc[d["doc_id"]] = {"triggers": res["triggers"], **res["counts"]}
    # Recall counts triggers found; precision counts records that read some mapped trigger.
    det_p = tot["rec_tp"] / (tot["rec_tp"] + tot["rec_fp"]) if tot["rec_tp"] + tot["rec_fp"] else 0.0
    det_r = tot["tp"] / (tot["tp"] + tot["fn"]) if tot["tp"] + tot["fn"] else 0.0
    typed_r = tot["typed_tp"] / (tot["tp"] + tot["fn"]) if tot["tp"] + tot["fn"] else 0.0
    f1 = 2 * det_p * det_r / (det_p + det_r) if det_p + det_r else 0.0
    figures: dict[str, Any] = {
        "detection.precision": round(det_p, 4),
        "detection.recall": round(det_r, 4),
        "detection.f1": round(f1, 4),
        "detection.typed_recall": round(typed_r, 4),
    }
    for f in sorted(args):
        prf = prf_from_counts(args[f]["tp"], args[f]["fp"], args[f]["fn"])
        figures[f"argument.{f}.precision"] = round(prf.precision, 4)
        figures[f"argument.{f}.recall"] = round(prf.recall, 4)
        figures[f"argument.{f}.f1"] = round(prf.f1, 4)
    if deaths["compared"]:
        figures["life_die.fatalities_exact"] = round(deaths["exact"] / deaths["compared"], 4)
    return {
        "suite": "wikievents",
        "n": len(docs),
        "figures": figures,
        "files": file_hashes(
            [p for p in (path, Path(data_dir) / "wikievents" / "event_role_KAIROS.json") if p.exists()],
            Path(data_dir),
        ),
        "details": {
            "triggers_mapped": tot["tp"] + tot["fn"],
            "records": tot["rec_tp"] + tot["rec_fp"],
            "life_die_compared": deaths["compared"],
            "arguments": args,
            "documents": per_doc,
            "mapping": "src/eventlens/eval/kairos_acled.json",
        },
    }

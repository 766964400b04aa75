"""Score eventlens on the hand-written news-style snippets in evaldata/snippets/own.tsv.

    PYTHONPATH=src .venv/bin/python tools/score_snippets.py [--data evaldata/snippets/own.tsv]
        [--predictions out.tsv] [--json out.json]

For each snippet the public API is called on its own (``eventlens.extract_many`` with one item,
``published`` 2024-05-01); the prediction is the ``sub_event_type`` of the reported record with the
highest confidence, or ``NONE`` when there is no reported record. An ACLED label is right when the
sub-type matches; a non-ACLED label (NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB, ORG_CRIME)
is right when there is no reported record.

This is the first-pass scorer only (issue 14); the full suite is ``eventlens eval own-snippets``.
The scoring functions (:func:`score`, :func:`weighted_f1`) need no pipeline and are unit-tested.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

#: CASE 2021 task-2 label code -> ACLED sub-event type (``task2/Note on EVENT TYPES..txt``).
CASE_CODES: dict[str, str] = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
}
#: Labels for texts that are not incidents: the right output is no reported record.
NON_INCIDENT_CODES: frozenset[str] = frozenset(
    {"NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB", "ORG_CRIME"}
)
NONE = "NONE"
STYLES = ("wire", "headline", "roundup", "local")
PUBLISHED = "2024-05-01"


def gold_subtype(code: str) -> str:
    """The ACLED sub-event type a CASE code stands for, or ``NONE`` for a non-incident code."""
    if code in CASE_CODES:
        return CASE_CODES[code]
    if code in NON_INCIDENT_CODES:
        return NONE
    raise KeyError(f"unknown CASE 2021 label code {code!r}")


def read_snippets(path: str | Path) -> list[dict[str, str]]:
    """The rows of an ``id / EventSnippet / SubType / style`` TSV (no quoting), as dicts."""
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def top_reported(events: Iterable) -> str:
    """The sub_event_type of the reported event with the highest confidence, else ``NONE``."""
    reported = [e for e in events if e.role == "reported"]
    if not reported:
        return NONE
    return max(reported, key=lambda e: e.confidence).sub_event_type


def predict(rows: Sequence[Mapping[str, str]], published: str = PUBLISHED) -> list[str]:
    """Run the public API on each snippet alone and return its top reported sub-type (or NONE)."""
    import eventlens

    preds = []
    for r in rows:
        (res,) = list(
            eventlens.extract_many([{"id": r["id"], "text": r["EventSnippet"], "published": published}])
        )
        if res.error is not None:
            raise RuntimeError(f"{r['id']}: {res.error}")
        preds.append(top_reported(res.events))
    return preds


def weighted_f1(gold: Sequence[str], pred: Sequence[str], labels: Iterable[str]) -> tuple[float, float]:
    """(weighted F1, macro F1) over ``labels``, as scikit-learn's ``f1_score(labels=...)``.

    Rows whose gold is outside ``labels`` still count: a prediction of one of the labels for them
    is a false positive of that label. Weights are the gold counts; a label with no gold row is
    left out of both averages (scikit-learn gives it weight 0 and, for macro, F1 0 with a warning;
    here it is skipped so that a subset of the data, e.g. one style, is not penalised for it).
    """
    labels = list(labels)
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    support = {lab: tp[lab] + fn[lab] for lab in labels}
    f1s = {}
    for lab in labels:
        if support[lab] == 0:
            continue
        denom = 2 * tp[lab] + fp[lab] + fn[lab]
        f1s[lab] = 2 * tp[lab] / denom if denom else 0.0
    total = sum(support[lab] for lab in f1s)
    if not total:
        return 0.0, 0.0
    weighted = sum(f1s[lab] * support[lab] for lab in f1s) / total
    return weighted, sum(f1s.values()) / len(f1s)


def error_kind(gold: str, pred: str) -> str | None:
    """None when right, else the kind of error: ``missed`` (an incident given no record),
    ``false incident`` (a non-incident given a record), ``wrong event type`` or
    ``wrong sub-type, right event type``."""
    from eventlens.taxonomy import SUB_EVENT_TYPES

    if gold == pred:
        return None
    if pred == NONE:
        return "missed"
    if gold == NONE:
        return "false incident"
    if SUB_EVENT_TYPES[gold] != SUB_EVENT_TYPES[pred]:
        return "wrong event type"
    return "wrong sub-type, right event type"


def score(rows: Sequence[Mapping[str, str]], preds: Sequence[str]) -> dict:
    """All first-pass figures for ``rows`` (with ``SubType`` and ``style``) and their predictions.

    ``weighted_f1_25`` counts every row (a non-incident given a sub-type is a false positive of
    it); ``incident_weighted_f1_25`` only the rows with an ACLED label.
    """
    from eventlens.taxonomy import SUB_EVENT_TYPES

    gold = [gold_subtype(r["SubType"]) for r in rows]
    labels = sorted(CASE_CODES.values())

    def block(idx: list[int]) -> dict:
        g = [gold[i] for i in idx]
        p = [preds[i] for i in idx]
        inc = [i for i, x in enumerate(g) if x != NONE]
        non = [i for i, x in enumerate(g) if x == NONE]
        w, m = weighted_f1(g, p, labels)
        wi, mi = weighted_f1([g[i] for i in inc], [p[i] for i in inc], labels)
        return {
            "n": len(idx),
            "accuracy": sum(a == b for a, b in zip(g, p, strict=True)) / len(idx) if idx else None,
            "incident_n": len(inc),
            "incident_accuracy": sum(g[i] == p[i] for i in inc) / len(inc) if inc else None,
            "weighted_f1_25": w,
            "macro_f1_25": m,
            "incident_weighted_f1_25": wi,
            "incident_macro_f1_25": mi,
            "incident_event_type_accuracy": (
                sum(p[i] != NONE and SUB_EVENT_TYPES[p[i]] == SUB_EVENT_TYPES[g[i]] for i in inc) / len(inc)
                if inc
                else None
            ),
            "non_incident_n": len(non),
            "non_incident_with_record": sum(p[i] != NONE for i in non) / len(non) if non else None,
        }

    out = {"overall": block(list(range(len(rows))))}
    out["by_style"] = {s: block([i for i, r in enumerate(rows) if r["style"] == s]) for s in STYLES}
    per_class = {}
    for lab in labels:
        idx = [i for i, g in enumerate(gold) if g == lab]
        if idx:
            per_class[lab] = {"n": len(idx), "recall": sum(preds[i] == lab for i in idx) / len(idx)}
    out["recall_by_subtype"] = per_class
    kinds: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for r, g, p in zip(rows, gold, preds, strict=True):
        k = error_kind(g, p)
        if k:
            kinds[k][(r["SubType"] if g == NONE else g, p)] += 1
    out["errors"] = {
        k: {"n": sum(c.values()), "pairs": [[g, p, n] for (g, p), n in c.most_common()]}
        for k, c in sorted(kinds.items(), key=lambda kv: -sum(kv[1].values()))
    }
    return out


def report(s: dict) -> str:
    """The figures of :func:`score` as plain text."""
    lines = []

    def f3(x: float | None) -> str:
        return "-" if x is None else f"{x:.3f}"

    def fmt(b: dict) -> str:
        return (
            f"n={b['n']:3d}  accuracy {f3(b['accuracy'])}  incident accuracy {f3(b['incident_accuracy'])} "
            f"(n={b['incident_n']})  weighted F1/25 {f3(b['weighted_f1_25'])}  "
            f"macro F1/25 {f3(b['macro_f1_25'])}  "
            f"non-incidents with a record {f3(b['non_incident_with_record'])} (n={b['non_incident_n']})"
        )

    lines.append("overall   " + fmt(s["overall"]))
    for st, b in s["by_style"].items():
        lines.append(f"{st:9s} " + fmt(b))
    lines.append("\nincident rows only (ACLED labels):")
    for name, b in [("overall", s["overall"]), *s["by_style"].items()]:
        lines.append(
            f"{name:9s} n={b['incident_n']:3d}  weighted F1/25 {f3(b['incident_weighted_f1_25'])}  "
            f"macro F1/25 {f3(b['incident_macro_f1_25'])}  "
            f"event_type accuracy {f3(b['incident_event_type_accuracy'])}"
        )
    lines.append("\nrecall by sub-type:")
    for lab, d in sorted(s["recall_by_subtype"].items(), key=lambda kv: kv[1]["recall"]):
        lines.append(f"  {d['recall']:.2f}  {lab} (n={d['n']})")
    lines.append("\nerrors by kind (gold -> predicted, count):")
    for k, d in s["errors"].items():
        lines.append(f"  {k}: {d['n']}")
        for g, p, n in d["pairs"]:
            lines.append(f"    {n:2d}  {g} -> {p}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[1] / "evaldata/snippets/own.tsv"))
    ap.add_argument("--predictions", help="write id, label, predicted sub-type, style as TSV")
    ap.add_argument("--json", help="write the figures as JSON")
    ap.add_argument(
        "--rescore",
        metavar="PREDICTIONS_TSV",
        help="score the predictions saved by --predictions (no pipeline run) instead of predicting",
    )
    args = ap.parse_args(argv)
    rows = read_snippets(args.data)
    if args.rescore:
        saved = {r["id"]: r["predicted"] for r in read_snippets(args.rescore)}
        preds = [saved[r["id"]] for r in rows]
    else:
        preds = predict(rows)
    s = score(rows, preds)
    print(report(s))
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as f:
            f.write("id\tSubType\tgold_sub_event_type\tpredicted\tstyle\tcorrect\n")
            for r, p in zip(rows, preds, strict=True):
                g = gold_subtype(r["SubType"])
                f.write(f"{r['id']}\t{r['SubType']}\t{g}\t{p}\t{r['style']}\t{int(g == p)}\n")
    if args.json:
        Path(args.json).write_text(json.dumps(s, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Train the sub-event re-ranker (src/eventlens/data/subtype_model.json) on ACLED notes.

    .venv/bin/python tools/train_subtype.py [--data ../shared/data] [--c 1.0] [--write]

Prints 5-fold cross-validated figures (rules alone and rules + model) before writing anything.
Training data: ACLED events in ../shared/data/acled/dev.csv (ACLED terms of use: evaluation and
research use, rows never redistributed). Only learned weights are shipped, never rows.
"""

import argparse
import csv
import hashlib
import sys
from datetime import datetime, timedelta
from pathlib import Path

from eventlens.pipeline import Pipeline
from eventlens.stages.rerank import cross_validate, train
from eventlens.taxonomy import SUB_EVENT_TYPES


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--c", type=float, nargs="+", default=[1.0])
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    path = Path(args.data) / "acled" / "dev.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    pipe = Pipeline(geocoder=False, subtype_model=False, keep_features=True, batch_size=64)
    items = [
        {
            "id": r["event_id_cnty"],
            "text": r["notes"],
            "published": (datetime.fromisoformat(r["event_date"]) + timedelta(days=3)).isoformat(),
        }
        for r in rows
    ]
    examples, gold_all, rule_all, idx = [], [], [], []
    for r, res in zip(rows, pipe.run(items), strict=False):
        gold_all.append(r["sub_event_type"])
        evs = [e for e in res.events if e.role == "reported"] or res.events
        if not evs:
            rule_all.append("NONE")
            continue
        e = max(evs, key=lambda e: e.confidence)
        rule_all.append(e.sub_event_type)
        idx.append(len(gold_all) - 1)
        examples.append((pipe.features[e.id], r["sub_event_type"]))
    from sklearn.metrics import f1_score

    labels = sorted(SUB_EVENT_TYPES)

    def report(name, pred):
        acc = sum(p == g for p, g in zip(pred, gold_all, strict=False)) / len(gold_all)
        et = sum(
            SUB_EVENT_TYPES.get(p) == SUB_EVENT_TYPES[g] for p, g in zip(pred, gold_all, strict=False)
        ) / len(gold_all)
        # macro-F1 over the sub-types that occur (in the gold or the predictions), sklearn's default
        mf = f1_score(
            gold_all,
            pred,
            labels=sorted((set(gold_all) | set(pred)) & set(labels)),
            average="macro",
            zero_division=0,
        )
        print(f"{name:28s} event_type={et:.3f} sub_event_type={acc:.3f} macroF1(25)={mf:.3f}")
        return acc, et, mf

    report("rules alone", rule_all)
    best = None
    for c in args.c:
        oof = cross_validate(examples, folds=5, c=c)
        pred = list(rule_all)
        for j, i in enumerate(idx):
            pred[i] = oof[j]
        acc, et, mf = report(f"rules+model 5-fold C={c}", pred)
        if best is None or mf + acc > best[0]:
            best = (mf + acc, c, acc, et, mf)
    _, c, acc, et, mf = best
    if args.write:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        model = train(
            examples,
            c=c,
            meta={
                "what": "eventlens sub-event re-ranker: multinomial logistic regression, classes weighted by the square root of balanced weights",
                "training_data": f"ACLED dev.csv ({len(rows)} events, Jan-Jun 2022), sha256 {digest}",
                "training_data_licence": "ACLED terms of use (attribution; rows not redistributed - only weights are shipped)",
                "cv_5fold": {
                    "event_type_accuracy": round(et, 4),
                    "sub_event_type_accuracy": round(acc, 4),
                    "macro_f1_25": round(mf, 4),
                },
                "C": c,
                "trained_by": "tools/train_subtype.py",
            },
        )
        out = Path(__file__).resolve().parents[1] / "src/eventlens/data/subtype_model.json"
        out.write_text(model.to_json(), encoding="utf-8")
        print("wrote", out, out.stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

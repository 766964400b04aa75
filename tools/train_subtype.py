"""Train the sub-event re-ranker (src/eventlens/data/subtype_model.json) on notes and news.

    PYTHONPATH=src .venv/bin/python tools/train_subtype.py [--data ../shared/data]
        [--c 0.5 1] [--news-weight 1 3] [--groups rule,cue,first,fact,lead,w,b,c,sv,vo] [--write]

Training rows (tools/subtype_data.py): ACLED dev.csv and train.csv without the untouched test
slice (coder notes), the CASE 2021 task-2 dev snippets and tools/train_data/news_subtypes.tsv
(news). Every configuration is scored by 5-fold cross-validation with fixed folds by a hash of
each row's id (``rerank.fold_of``): fold model k never saw a row of fold k. Figures: CASE
weighted/macro F1 over the 25 sub-types (as the ``case2021`` suite counts them), ACLED dev and
the news rows. The best configuration (CASE wF1 + CASE macro + ACLED dev sub-type accuracy + its
macro F1) is written with ``--write``: the shipped model on every row, and the five fold models
to evaldata/case2021_folds/ (the ``case2021`` suite scores each snippet with the model of its
fold). Only learned weights are written, never rows.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import subtype_data as sd

from eventlens.eval.scoring import per_class
from eventlens.stages.rerank import LinearModel, decide, fold_of, train
from eventlens.taxonomy import SUB_EVENT_TYPES

FOLDS = 5
MODEL_OUT = sd.ROOT / "src" / "eventlens" / "data" / "subtype_model.json"
FOLDS_OUT = sd.ROOT / "evaldata" / "case2021_folds"
#: Feature groups (name prefixes before "="), see rerank.features.
ALL_GROUPS = ("rule", "cue", "first", "fact", "lead", "w", "b", "c", "sv", "vo")


def _examples(rows: Sequence[dict[str, Any]], news_weight: float):
    ex, wt = [], []
    for r in rows:
        if r["feats"] is not None and r["label"] != "none":
            ex.append((r["feats"], r["label"]))
            wt.append(news_weight if r["source"] in sd.NEWS_SOURCES else 1.0)
    return ex, wt


def _fit(rows, cfg: dict[str, Any], meta: dict[str, Any] | None = None) -> LinearModel:
    ex, wt = _examples(rows, cfg["news_weight"])
    groups = tuple(f"{g}=" for g in cfg["groups"])
    meta = {**(meta or {}), "overrule_margin": cfg["margin"]}
    return train(
        ex,
        c=cfg["c"],
        sample_weight=wt,
        groups=groups,
        min_df=cfg["min_df"],
        meta=meta,
        augmented=cfg["augmented"],
        prune=cfg["prune"],
    )


def _predict(model: LinearModel, r: dict[str, Any], margin: float | None = None) -> str:
    if r["feats"] is None:
        return "none"
    feats = r["feats"]
    return decide(r["rule"], feats.get("_rule_conf", 0.0), feats, model, margin)[0]


def cross_validated(rows, cfg: dict[str, Any]) -> tuple[list[str], list[LinearModel]]:
    """Out-of-fold predictions for every row, and the fold models."""
    pred = [""] * len(rows)
    models = []
    for k in range(FOLDS):
        model = _fit([r for r in rows if r["fold"] != k], cfg)
        models.append(model)
        for i, r in enumerate(rows):
            if r["fold"] == k:
                pred[i] = _predict(model, r)
    return pred, models


def figures(rows, pred: Sequence[str]) -> dict[str, float]:
    """CASE (25 sub-types, the suite's counting), ACLED dev, ACLED train part and news figures."""
    out: dict[str, float] = {}
    labels = list(SUB_EVENT_TYPES)
    for source in sd.SOURCES:
        idx = [i for i, r in enumerate(rows) if r["source"] == source]
        if not idx:
            continue
        gold = [rows[i]["label"] for i in idx]
        p = [pred[i] for i in idx]
        pc = per_class(gold, p, labels=labels)
        out[f"{source}.wF1"] = round(pc["weighted_f1"], 4)
        out[f"{source}.macro"] = round(pc["macro_f1"], 4)
        acled = [j for j, g in enumerate(gold) if g != "none"]
        out[f"{source}.acc"] = round(sum(p[j] == gold[j] for j in acled) / len(acled), 4)
    return out


def _score(f: dict[str, float]) -> float:
    return f["case.wF1"] + f["case.macro"] + f["acled-dev.acc"] + f["acled-dev.macro"]


def load_all(data: Path, cache: Path) -> list[dict[str, Any]]:
    rows = []
    for source in sd.SOURCES:
        for r in sd.cached_examples(data, source, cache):
            rows.append({**r, "source": source, "fold": fold_of(r["id"], FOLDS)})
    return rows


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _meta(data: Path, rows, cfg: dict[str, Any], cv: dict[str, float]) -> dict[str, Any]:
    n = {s: sum(1 for r in rows if r["source"] == s and r["label"] != "none") for s in sd.SOURCES}
    return {
        "what": "eventlens sub-event re-ranker: multinomial logistic regression, classes weighted by the "
        "square root of balanced weights, news rows weighted x" + str(cfg["news_weight"]),
        "training_data": (
            f"ACLED dev.csv ({n['acled-dev']} events), sha256 {_digest(sd.source_file(data, 'acled-dev'))}; "
            f"ACLED train.csv without the untouched test slice (acled_test_suite.in_held_out_slice) "
            f"({n['acled-train']} events), sha256 {_digest(sd.source_file(data, 'acled-train'))}; "
            f"CASE 2021 task-2 dev.tsv ({n['case']} ACLED-labelled snippets), sha256 "
            f"{_digest(sd.source_file(data, 'case'))}; tools/train_data/news_subtypes.tsv ({n['news']} "
            "sentences written for eventlens)"
        ),
        "training_data_licence": "ACLED terms of use (attribution; rows not redistributed); CASE 2021 "
        "research release (snippets not redistributed); only weights are shipped",
        "trained_on_case2021": True,
        "cv_5fold": cv,
        "cv_folds": "rerank.fold_of(row id) % 5; fold models in evaldata/case2021_folds/",
        "config": cfg,
        "trained_by": "tools/train_subtype.py",
        "overrule_margin": cfg["margin"],
    }


def write(data: Path, rows, cfg: dict[str, Any], cv: dict[str, float], models: list[LinearModel]) -> None:
    meta = _meta(data, rows, cfg, cv)
    model = _fit(rows, cfg, meta)
    MODEL_OUT.write_text(model.to_json(), encoding="utf-8")
    print("wrote", MODEL_OUT, MODEL_OUT.stat().st_size, "bytes")
    FOLDS_OUT.mkdir(parents=True, exist_ok=True)
    for k, m in enumerate(models):
        fm = {**m.meta, **meta, "fold": k, "what": meta["what"] + f"; fold {k} left out"}
        fold_model = LinearModel(m.classes, m.index, m.coef, m.intercept, fm)
        path = FOLDS_OUT / f"fold{k}.json.gz"
        path.write_bytes(gzip.compress(fold_model.to_json().encode("utf-8"), mtime=0))
        print("wrote", path, path.stat().st_size, "bytes")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/eventlens-subtype-cache"))
    ap.add_argument("--c", type=float, nargs="+", default=[1.0])
    ap.add_argument("--news-weight", type=float, nargs="+", default=[5.0])
    ap.add_argument("--min-df", type=int, nargs="+", default=[2])
    ap.add_argument("--groups", nargs="+", default=[",".join(ALL_GROUPS)])
    ap.add_argument("--augment", type=int, nargs="+", default=[1], help="1: style-augmented features")
    ap.add_argument(
        "--margin", type=float, nargs="+", default=[0.0, 0.1, 0.2, 0.25, 0.3], help="overrule margins to try"
    )
    ap.add_argument("--prune", type=float, nargs="+", default=[0.03], help="zero weights below this")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    rows = load_all(args.data, args.cache)
    rule_pred = [r["rule"] or "none" for r in rows]
    print("rules alone", figures(rows, rule_pred), flush=True)
    best = None
    grid = itertools.product(args.c, args.news_weight, args.min_df, args.groups, args.augment, args.prune)
    for c, nw, md, g, aug, prune in grid:
        cfg = {
            "c": c,
            "news_weight": nw,
            "min_df": md,
            "groups": g.split(","),
            "augmented": bool(aug),
            "margin": args.margin[0],
            "prune": prune,
        }
        _, models = cross_validated(rows, cfg)
        for margin in args.margin:
            # the margin only acts at decision time: the same fold models, decided again
            cfg = {**cfg, "margin": margin}
            pred = [_predict(models[r["fold"]], r, margin) for r in rows]
            f = figures(rows, pred)
            print(cfg, f, flush=True)
            if best is None or _score(f) > _score(best[1]):
                best = (cfg, f, models)
    if args.write and best is not None:
        write(args.data, rows, *best)
    return 0


if __name__ == "__main__":
    sys.exit(main())

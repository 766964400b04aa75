"""News snippets labelled with ACLED sub-types: the ``case2021`` and ``own-snippets`` suites.

Data format (CASE 2021 shared task 2): a tab-separated file with the header
``id<TAB>EventSnippet<TAB>SubType`` and an optional fourth column ``style``; no quoting
(snippets keep their quote marks). ``SubType`` is one of the 25 CASE codes of the ACLED
sub-types (``AIR_STRIKE``, ...; :data:`CASE_TO_ACLED`, written from ACLED's category
list ``acled/acled_event_categories.csv`` and the code names of the task's "Note on EVENT
TYPES"), one of the five non-ACLED classes (:data:`NON_ACLED`: NATURAL_DISASTER,
MAN_MADE_DISASTER, DIPLO, ATTRIB, ORG_CRIME) for which the right output is *no reported
record*, or an ACLED sub-type name written out. A row with any other label is left out
and counted in ``details["unknown_labels"]``.

Each snippet is extracted on its own (``eval.corpus.run_extraction``, the public
``eventlens.extract_many``), with no publication time (the snippets carry none). In the
``case2021`` suite, when the shipped sub-type re-ranker learned from CASE (its header says
``trained_on_case2021``), a snippet is instead extracted by a pipeline whose re-ranker is the
fold model that never saw it (:func:`fold_extractor`: 5 fixed folds by a hash of the snippet
id, models in :data:`CASE_FOLDS` written with the shipped one by ``tools/train_subtype.py``);
``details["sub_event_type_scoring"]`` says which way was used. The
prediction is the sub-type of the highest-confidence *reported* record
(``corpus.best_reported``); no reported record is the prediction "none".

Figures (all shares are over the scored rows):

- ``sub_event_type.weighted_f1`` / ``sub_event_type.macro_f1`` - over the 25 ACLED
  sub-types only. Gold of a non-ACLED row and a prediction of no record are both
  "none", which is not a class: per class c, tp = gold c and predicted c; fp = predicted
  c where gold is anything else (a non-ACLED row given a c record is an fp of c);
  fn = gold c and predicted anything else (a "none" prediction on a c row is an fn of c).
  F1 per class from these counts (0 when undefined). Weighted F1 = sum over classes of
  F1 x gold support / total gold support of the 25 classes (non-ACLED rows have no
  weight). Macro F1 = the plain mean over the sub-types that occur in the gold or the
  predictions (all 25 on the whole CASE file; a ``--limit`` subset may lack some).
  Both are None (undefined) when no ACLED sub-type occurs at all (a style of only
  non-ACLED rows, all without a record).
- ``weighted_f1_all_labels`` - CASE's own scorer (sklearn ``f1_score(average="weighted")``
  over every label seen). Labels: the 25 sub-types, the five non-ACLED classes and
  "none". A non-ACLED row's gold is its own class; "none" predicted on a non-ACLED row
  counts as that row's class (no record is the right answer there); "none" predicted on
  an ACLED row stays "none" (a label with no gold support: it costs the gold class its
  recall and weighs nothing itself). Weighted by gold support over all rows, so a
  system that is right everywhere scores 1. ``details["weighted_f1_merged_none"]`` is
  the stricter variant where the five non-ACLED classes and "none" are one label (a
  missed ACLED row then also costs that label precision).
- ``accuracy_all_labels`` - share of rows right in the sense above.
- ``non_acled.with_record`` - share of non-ACLED rows given a reported record (any).
- ``acled.misses`` - share of ACLED-labelled rows given no reported record.
- ``event_type.accuracy`` - over the ACLED-labelled rows: the top record's
  ``event_type`` is the gold sub-type's event type (no record: wrong).
- ``confidence.ece`` - expected calibration error (``eval.calibration``, 10 equal-width
  bins) of the top record's ``confidence`` over every row that has a record; correct =
  its sub-type is the gold one (a record on a non-ACLED row is never correct).
  ``confidence.n`` is that number of rows; the reliability table is in the details.

Per-class precision/recall/F1 (with tp/fp/fn and support) are in
``details["sub_event_type.per_class"]`` (the accuracy page prints them). With a
``style`` column, each style also gets ``style.<style>.*`` figures.

CASE 2021 data (``<data>/case2021/dev.tsv``): evaluation only, never shipped; rules must
not be keyed to its snippets (see the data README).
"""

from __future__ import annotations

import csv
import gzip
import logging
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventlens.errors import EvalError
from eventlens.eval.calibration import DEFAULT_BINS, expected_calibration_error, reliability_table
from eventlens.eval.corpus import ExtractMany, best_reported, file_hashes, require, run_extraction
from eventlens.eval.scoring import accuracy, confusion_matrix, per_class
from eventlens.taxonomy import SUB_EVENT_TYPES

logger = logging.getLogger(__name__)

#: The prediction "no reported record", and the gold of a non-ACLED snippet in the 25-class figures.
NONE = "none"

#: CASE 2021 task-2 code -> ACLED sub-event type (ACLED's 25, acled_event_categories.csv).
CASE_TO_ACLED: dict[str, str] = {
    # Battles
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    # Explosions/Remote violence
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    # Violence against civilians
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    # Protests
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    # Riots
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    # Strategic developments
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
}

#: CASE classes outside ACLED's taxonomy: the right output is no reported record.
NON_ACLED: tuple[str, ...] = ("NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB", "ORG_CRIME")

#: Where the project's own news-style snippets live, relative to the repository root.
OWN_SNIPPETS = Path("evaldata/snippets/own.tsv")

#: Later rounds of fresh snippets beside :data:`OWN_SNIPPETS`, each scored as its own figure
#: (``<stem>.<figure>``) so the own.tsv figures stay what they were (evaldata/snippets/README.md).
SNIPPET_ROUNDS: tuple[str, ...] = ("fresh4.tsv",)

#: The re-ranker's fold models for the ``case2021`` suite, relative to the repository root
#: (written by tools/train_subtype.py; evaluation only, not shipped in the package).
CASE_FOLDS = Path("evaldata/case2021_folds")

#: The column names a snippets file must have (``style`` is optional).
COLUMNS = ("id", "EventSnippet", "SubType")


@dataclass(frozen=True, slots=True)
class Snippet:
    """One labelled snippet: ``label`` is the file's code; ``gold`` the ACLED sub-type or "none";
    ``gold_all`` the label of the all-labels figure (the sub-type, or the non-ACLED code)."""

    id: str
    text: str
    label: str
    gold: str
    gold_all: str
    style: str | None = None

    @property
    def is_acled(self) -> bool:
        return self.gold != NONE


def gold_of(label: str) -> tuple[str, str] | None:
    """``(gold, gold_all)`` for a file label (a CASE code, a non-ACLED code or an ACLED sub-type
    name), or None for an unknown label."""
    lab = label.strip()
    if lab.upper() in CASE_TO_ACLED:
        sub = CASE_TO_ACLED[lab.upper()]
        return sub, sub
    if lab.upper() in NON_ACLED:
        return NONE, lab.upper()
    if lab in SUB_EVENT_TYPES:
        return lab, lab
    return None


def load_snippets(path: Path, limit: int | None = None) -> tuple[list[Snippet], dict[str, int]]:
    """The labelled snippets of a TSV (first ``limit`` rows in file order, unknown labels left
    out) and the count of each unknown label. A file without the header is an EvalError."""
    with Path(path).open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise EvalError(
                f"{path}: not a snippets file (columns {', '.join(COLUMNS)}[, style] expected; "
                f"missing {', '.join(missing)})"
            )
        rows = list(reader)
    if limit is not None:
        rows = rows[:limit]
    out: list[Snippet] = []
    unknown: Counter[str] = Counter()
    for r in rows:
        label = (r.get("SubType") or "").strip()
        g = gold_of(label)
        if g is None:
            unknown[label] += 1
            continue
        style = (r.get("style") or "").strip() or None
        out.append(Snippet(str(r["id"]).strip(), r.get("EventSnippet") or "", label, g[0], g[1], style))
    if unknown:
        logger.warning(
            "%s: %d rows with unknown labels left out: %s", path, sum(unknown.values()), dict(unknown)
        )
    return out, dict(sorted(unknown.items()))


def _r(v: float | None) -> float | None:
    return round(v, 4) if isinstance(v, float) else v


def score_snippets(snippets: list[Snippet], preds: list[dict[str, Any] | None]) -> dict[str, Any]:
    """Figures and details for aligned snippets and top reported records (or None); see the
    module docstring for every definition."""
    if len(snippets) != len(preds):
        raise ValueError(f"score_snippets: {len(snippets)} snippets but {len(preds)} predictions")
    n = len(snippets)
    gold = [s.gold for s in snippets]
    pred = [str(p.get("sub_event_type") or NONE) if p else NONE for p in preds]

    st = per_class(gold, pred, labels=list(SUB_EVENT_TYPES))
    gold_all = [s.gold_all for s in snippets]
    pred_all = [
        (s.gold_all if not s.is_acled else NONE) if p == NONE else p
        for s, p in zip(snippets, pred, strict=True)
    ]
    al = per_class(gold_all, pred_all, labels=[*SUB_EVENT_TYPES, *NON_ACLED, NONE])
    merged = per_class(gold, pred, labels=[*SUB_EVENT_TYPES, NONE])

    acled_idx = [i for i, s in enumerate(snippets) if s.is_acled]
    other_idx = [i for i, s in enumerate(snippets) if not s.is_acled]
    et_right = sum(
        1
        for i in acled_idx
        if preds[i] and preds[i].get("event_type") == SUB_EVENT_TYPES[gold[i]]  # type: ignore[union-attr]
    )
    with_rec = [i for i, p in enumerate(preds) if p]
    conf = [float(preds[i].get("confidence") or 0.0) for i in with_rec]  # type: ignore[union-attr]
    right = [pred[i] == gold[i] for i in with_rec]
    ece = expected_calibration_error(conf, right, DEFAULT_BINS)

    figures: dict[str, Any] = {
        # undefined (None), not 0, when no ACLED sub-type occurs in the gold or the predictions
        "sub_event_type.weighted_f1": st["weighted_f1"] if st["classes"] else None,
        "sub_event_type.macro_f1": st["macro_f1"] if st["classes"] else None,
        "weighted_f1_all_labels": al["weighted_f1"],
        "accuracy_all_labels": accuracy(gold_all, pred_all) if n else 0.0,
        "non_acled.with_record": (
            sum(1 for i in other_idx if preds[i]) / len(other_idx) if other_idx else None
        ),
        "acled.misses": sum(1 for i in acled_idx if not preds[i]) / len(acled_idx) if acled_idx else None,
        "event_type.accuracy": et_right / len(acled_idx) if acled_idx else None,
        "confidence.ece": ece,
        "confidence.n": len(with_rec),
    }
    figures = {k: _r(v) for k, v in figures.items()}
    cm = confusion_matrix(gold_all, pred, labels=sorted(set(gold_all) | set(pred)))
    details = {
        "sub_event_type.per_class": st["classes"],
        "all_labels.per_class": al["classes"],
        "weighted_f1_merged_none": _r(merged["weighted_f1"]),
        "confusion": {g: {p: c for p, c in row.items() if c} for g, row in cm.items() if any(row.values())},
        "gold_label_counts": dict(sorted(Counter(s.label for s in snippets).items())),
        "reliability": reliability_table(conf, right, DEFAULT_BINS),
    }
    return {"figures": figures, "details": details}


#: The per-style figures (a subset of score_snippets' figures).
STYLE_FIGURES = (
    "sub_event_type.weighted_f1",
    "sub_event_type.macro_f1",
    "accuracy_all_labels",
    "non_acled.with_record",
    "confidence.ece",
)


def run_snippets_suite(
    tsv_path: Path,
    limit: int | None = None,
    extract_many: ExtractMany | None = None,
    *,
    suite: str = "snippets",
    root: Path | None = None,
) -> dict[str, Any]:
    """Score any snippets TSV (format in the module docstring): the suite result
    (``suite``, ``n``, ``figures``, ``files`` hashed relative to ``root``, ``details``).
    With a ``style`` column, ``style.<style>.n`` and the :data:`STYLE_FIGURES` per style."""
    path = require(Path(tsv_path), "snippets file")
    snippets, unknown = load_snippets(path, limit)
    if not snippets:
        raise EvalError(f"{path}: no labelled snippets to score")
    items = [{"id": s.id, "text": s.text} for s in snippets]
    out = run_extraction(items, extract_many)
    preds = [best_reported(out.get(s.id)) for s in snippets]
    errors = sum(1 for s in snippets if (ex := out.get(s.id)) is not None and ex.error)
    res = score_snippets(snippets, preds)
    figures = res["figures"]
    styles = sorted({s.style for s in snippets if s.style})
    if styles:
        by_style: dict[str, Any] = {}
        for st in styles:
            idx = [i for i, s in enumerate(snippets) if s.style == st]
            sub = score_snippets([snippets[i] for i in idx], [preds[i] for i in idx])
            figures[f"style.{st}.n"] = len(idx)
            for k in STYLE_FIGURES:
                figures[f"style.{st}.{k}"] = sub["figures"][k]
            by_style[st] = {
                "figures": sub["figures"],
                "per_class": sub["details"]["sub_event_type.per_class"],
            }
        res["details"]["by_style"] = by_style
    res["details"]["unknown_labels"] = unknown
    res["details"]["input_errors"] = errors
    res["details"]["prediction"] = "sub-type of the highest-confidence reported record; none = no record"
    return {
        "suite": suite,
        "n": len(snippets),
        "figures": figures,
        "files": file_hashes([path], Path(root) if root else path.parent),
        "details": res["details"],
    }


def run_case2021_suite(
    data_dir: Path, limit: int | None = None, extract_many: ExtractMany | None = None
) -> dict[str, Any]:
    """Score ``<data_dir>/case2021/dev.tsv`` (first ``limit`` rows, in file order); with the
    default extractor, each snippet by the re-ranker of its fold when the shipped one learned
    from CASE (:func:`fold_extractor`)."""
    path = require(Path(data_dir) / "case2021" / "dev.tsv", "CASE 2021 task-2 snippets")
    scoring = "the given extractor"
    if extract_many is None:
        extract_many, scoring = fold_extractor()
    res = run_snippets_suite(path, limit, extract_many, suite="case2021", root=Path(data_dir))
    res["details"]["sub_event_type_scoring"] = scoring
    res["details"]["published"] = (
        "CASE 2021 task 2, full test set, weighted F1 over all labels: best 0.839 (Haneczok et al.); "
        "Fraunhofer FKIE RoBERTa 0.83. Ours is on half of that test set (dev.tsv)."
    )
    return res


def _load_fold_models(folder: Path, shipped: Any) -> list[Any] | None:
    """The k fold models of ``folder`` when all are there and were trained with the shipped
    model's data and configuration; else None."""
    from eventlens.stages.rerank import LinearModel

    paths = sorted(folder.glob("fold*.json.gz")) if folder.is_dir() else []
    if not paths:
        return None
    models = [LinearModel.from_json(gzip.decompress(p.read_bytes()).decode("utf-8")) for p in paths]
    same = all(
        m.meta.get(k) == shipped.meta.get(k) for m in models for k in ("training_data", "config", "cv_folds")
    )
    folds = sorted(int(m.meta.get("fold", -1)) for m in models)
    return models if same and folds == list(range(len(models))) else None


def fold_extractor(shipped: Any = None, folder: Path | None = None) -> tuple[ExtractMany | None, str]:
    """The extractor of the ``case2021`` suite and a sentence saying how it scores sub-types.

    A shipped re-ranker that learned from CASE would be scored in-sample here. Instead each
    snippet goes through a pipeline whose re-ranker is fold model ``k`` of
    :data:`CASE_FOLDS` (written by ``tools/train_subtype.py`` with the shipped model: same data
    and configuration, every row of fold ``k`` left out), where ``k =
    rerank.fold_of(snippet id)`` - the trainer's own fold of that snippet. Without those fold
    models the rules decide alone (never the shipped model). ``shipped`` and ``folder``
    default to the package's model and the repository's :data:`CASE_FOLDS`."""
    from eventlens.pipeline import Pipeline
    from eventlens.stages.rerank import default_model, fold_of

    shipped = default_model() if shipped is None else shipped
    if not shipped or not shipped.meta.get("trained_on_case2021"):
        return None, "shipped re-ranker (it never learned from CASE)"
    folder = (repo_root() or Path.cwd()) / CASE_FOLDS if folder is None else folder
    models = _load_fold_models(folder, shipped)
    if models is None:
        logger.warning(
            "%s: no fold models matching the shipped re-ranker; CASE scored with the rules alone", CASE_FOLDS
        )
        return (
            lambda items, batch_size=64: Pipeline(subtype_model=False, batch_size=batch_size).run(items),
            f"rules alone (the shipped re-ranker learned from CASE and {CASE_FOLDS} has no matching fold models)",
        )
    pipes: list[Any] = []

    def extract_many(items: list[Mapping[str, Any]], batch_size: int = 64) -> Iterator[Any]:
        if not pipes:  # built on first use: one spaCy model and one geocoder, a re-ranker per fold
            first = Pipeline(subtype_model=models[0])
            pipes.append(first)
            pipes.extend(
                Pipeline(nlp=first.nlp, geocoder=first.geocoder, subtype_model=m) for m in models[1:]
            )
        for k, pipe in enumerate(pipes):
            pipe.batch_size = batch_size
            yield from pipe.run([i for i in items if fold_of(str(i["id"]), len(pipes)) == k])

    return extract_many, (
        f"{len(models)}-fold: each snippet re-ranked by the fold model that never saw its fold "
        f"({CASE_FOLDS}, folds by rerank.fold_of(snippet id)); the shipped re-ranker learned from CASE"
    )


def repo_root() -> Path | None:
    """The source checkout this package runs from (``src/eventlens/eval`` -> repo), or None
    when installed elsewhere."""
    root = Path(__file__).resolve().parents[3]
    return root if (root / "pyproject.toml").exists() else None


def run_own_snippets_suite(
    data_dir: Path,  # noqa: ARG001 - suites share one signature; the file lives in the repo
    limit: int | None = None,
    extract_many: ExtractMany | None = None,
    path: Path | None = None,
) -> dict[str, Any]:
    """Score the project's own news-style snippets (:data:`OWN_SNIPPETS`, in the repository,
    else under the working directory), per style too; skipped (EvalError) when absent. Each
    round of :data:`SNIPPET_ROUNDS` found beside that file adds its figures as ``<stem>.*``
    (and its details under ``<stem>``); the figures of own.tsv itself are unchanged."""
    if path is None:
        root = repo_root()
        candidates = list(dict.fromkeys(r / OWN_SNIPPETS for r in (root, Path.cwd()) if r is not None))
        path = next((c for c in candidates if c.exists()), None)
        if path is None:
            raise EvalError(
                f"{OWN_SNIPPETS}: own snippets not found (looked in {', '.join(str(c) for c in candidates)})"
            )
    root = repo_root() or Path(path).parent
    res = run_snippets_suite(Path(path), limit, extract_many, suite="own-snippets", root=root)
    for name in SNIPPET_ROUNDS:
        extra = Path(path).parent / name
        if not extra.exists():
            continue
        stem = extra.name.removesuffix(".tsv")
        more = run_snippets_suite(extra, limit, extract_many, suite="own-snippets", root=root)
        res["figures"].update(
            {f"{stem}.n": more["n"]} | {f"{stem}.{k}": v for k, v in more["figures"].items()}
        )
        res["files"].update(more["files"])
        res["details"][stem] = more["details"]
    return res

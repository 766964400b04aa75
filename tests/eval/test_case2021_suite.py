"""The snippets suites (case2021, own-snippets) on a hand-made TSV with figures computed by hand.

The snippets below are invented for this test (no CASE 2021 text).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from eventlens.errors import EvalError
from eventlens.eval.case2021_suite import (
    CASE_TO_ACLED,
    NON_ACLED,
    gold_of,
    load_snippets,
    run_case2021_suite,
    run_own_snippets_suite,
    run_snippets_suite,
    score_snippets,
)
from eventlens.taxonomy import SUB_EVENT_TYPES

# id, text, label, style, what the fake extractor answers: (sub-type, event type, confidence) or None
ROWS: list[tuple[str, str, str, str, tuple[str, str, float] | None]] = [
    (
        "s1",
        'Troops and rebels fought near a "river" town.',
        "ARMED_CLASH",
        "wire",
        ("Armed clash", "Battles", 0.82),
    ),
    ("s2", "Fighting went on for a second day.", "ARMED_CLASH", "wire", None),
    ("s3", "A jet bombed a depot.", "AIR_STRIKE", "wire", ("Armed clash", "Battles", 0.6)),
    (
        "s4",
        "A drone hit a convoy.",
        "AIR_STRIKE",
        "wire",
        ("Air/drone strike", "Explosions/Remote violence", 0.85),
    ),
    ("s5", "Teachers marched for pay.", "PEACE_PROTEST", "headline", ("Peaceful protest", "Protests", 0.7)),
    ("s6", "A flood cut the valley road.", "NATURAL_DISASTER", "headline", None),
    ("s7", "Two ministers met to discuss trade.", "DIPLO", "headline", ("Peaceful protest", "Protests", 0.4)),
    ("s8", "Something unlabelled.", "BOGUS", "headline", ("Armed clash", "Battles", 0.99)),
]
ANSWERS = {r[0]: r[4] for r in ROWS}


def write_tsv(path: Path, with_style: bool = True) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [["id", "EventSnippet", "SubType", *(["style"] if with_style else [])]]
    lines += [[r[0], r[1], r[2], *([r[3]] if with_style else [])] for r in ROWS]
    # no quoting, as in the CASE file
    path.write_text("".join("\t".join(cells) + "\n" for cells in lines), encoding="utf-8")
    return path


def answer(item: Mapping[str, Any]) -> list[dict[str, Any]]:
    a = ANSWERS[item["id"]]
    if a is None:
        return [
            {"role": "background", "sub_event_type": "Attack", "event_type": "Violence against civilians"}
        ]
    sub, et, conf = a
    # a weaker second record must not be the one scored
    return [
        {
            "role": "reported",
            "sub_event_type": "Other",
            "event_type": "Strategic developments",
            "confidence": 0.1,
        },
        {"role": "reported", "sub_event_type": sub, "event_type": et, "confidence": conf},
    ]


def test_mapping_covers_the_25_acled_sub_types() -> None:
    assert len(CASE_TO_ACLED) == 25
    assert set(CASE_TO_ACLED.values()) == set(SUB_EVENT_TYPES)
    assert CASE_TO_ACLED["AIR_STRIKE"] == "Air/drone strike"
    assert CASE_TO_ACLED["ART_MISS_ATTACK"] == "Shelling/artillery/missile attack"
    assert CASE_TO_ACLED["PROPERTY_DISTRUCT"] == "Looting/property destruction"
    assert not set(NON_ACLED) & set(CASE_TO_ACLED)


def test_labels() -> None:
    assert gold_of("SUIC_BOMB") == ("Suicide bomb", "Suicide bomb")
    assert gold_of("ORG_CRIME") == ("none", "ORG_CRIME")
    assert gold_of("Mob violence") == ("Mob violence", "Mob violence")
    assert gold_of("BOGUS") is None


def test_figures_by_hand(tmp_path: Path, fake: Any) -> None:
    path = write_tsv(tmp_path / "snips.tsv")
    res = run_snippets_suite(path, extract_many=fake(answer))
    f, d = res["figures"], res["details"]
    assert res["n"] == 7 and d["unknown_labels"] == {"BOGUS": 1}
    # 25 sub-types (gold 'none' for s6, s7 and the missed s2 are no class):
    #   Armed clash      gold {s1,s2} pred {s1,s3}: P 1/2 R 1/2 F 1/2, support 2
    #   Air/drone strike gold {s3,s4} pred {s4}:    P 1   R 1/2 F 2/3, support 2
    #   Peaceful protest gold {s5}    pred {s5,s7}: P 1/2 R 1   F 2/3, support 1
    # weighted = (2 * 1/2 + 2 * 2/3 + 1 * 2/3) / 5 = 0.6; macro = (1/2 + 2/3 + 2/3) / 3 = 11/18
    assert f["sub_event_type.weighted_f1"] == pytest.approx(0.6, abs=1e-4)
    assert f["sub_event_type.macro_f1"] == pytest.approx(11 / 18, abs=1e-4)
    pc = d["sub_event_type.per_class"]
    assert pc["Armed clash"]["recall"] == 0.5 and pc["Peaceful protest"]["precision"] == 0.5
    assert (pc["Air/drone strike"]["tp"], pc["Air/drone strike"]["fn"]) == (1, 1)
    # all labels: s6 (no record, NATURAL_DISASTER) is right: F1 1, support 1; s7 DIPLO gets a
    # record: F1 0, support 1; s2's 'none' is a label with no support. Weighted over 7 rows:
    # (1 + 4/3 + 2/3 + 1 + 0) / 7 = 4/7; right on s1, s4, s5, s6 -> 4/7
    assert f["weighted_f1_all_labels"] == pytest.approx(4 / 7, abs=1e-4)
    assert f["accuracy_all_labels"] == pytest.approx(4 / 7, abs=1e-4)
    # merged: 'none' gold {s6,s7} pred {s2,s6}: F1 1/2, support 2 -> (1 + 4/3 + 2/3 + 1) / 7 = 4/7
    assert d["weighted_f1_merged_none"] == pytest.approx(4 / 7, abs=1e-4)
    assert f["non_acled.with_record"] == 0.5  # s7 of s6, s7
    assert f["acled.misses"] == 0.2  # s2 of five
    assert f["event_type.accuracy"] == 0.6  # s1, s4, s5 of five (s3 says Battles)
    # records on s1 (0.82 right), s3 (0.6 wrong), s4 (0.85 right), s5 (0.7 right), s7 (0.4 wrong):
    # ECE = (2 * |1 - 0.835| + 0.6 + 0.3 + 0.4) / 5 = 0.326
    assert f["confidence.n"] == 5
    assert f["confidence.ece"] == pytest.approx(0.326, abs=1e-4)
    assert d["confusion"]["DIPLO"] == {"Peaceful protest": 1}
    assert d["confusion"]["Armed clash"] == {"Armed clash": 1, "none": 1}


def test_per_style(tmp_path: Path, fake: Any) -> None:
    f = run_snippets_suite(write_tsv(tmp_path / "s.tsv"), extract_many=fake(answer))["figures"]
    # wire s1-s4: Armed clash F1 1/2 (support 2), Air/drone strike 2/3 (2) -> weighted 7/12, macro 7/12
    assert f["style.wire.n"] == 4
    assert f["style.wire.sub_event_type.weighted_f1"] == pytest.approx(7 / 12, abs=1e-4)
    assert f["style.wire.non_acled.with_record"] is None
    # headline s5-s7: Peaceful protest P 1/2 R 1 -> 2/3; one of the two non-ACLED rows has a record
    assert f["style.headline.sub_event_type.macro_f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert f["style.headline.non_acled.with_record"] == 0.5


def test_a_perfect_extractor_scores_one(tmp_path: Path, fake: Any) -> None:
    def perfect(item: Mapping[str, Any]) -> list[dict[str, Any]]:
        g = gold_of(next(r[2] for r in ROWS if r[0] == item["id"]))
        if g is None or g[0] == "none":
            return []
        return [
            {
                "role": "reported",
                "sub_event_type": g[0],
                "event_type": SUB_EVENT_TYPES[g[0]],
                "confidence": 1.0,
            }
        ]

    f = run_snippets_suite(write_tsv(tmp_path / "s.tsv", with_style=False), extract_many=fake(perfect))[
        "figures"
    ]
    for k in (
        "sub_event_type.weighted_f1",
        "sub_event_type.macro_f1",
        "weighted_f1_all_labels",
        "event_type.accuracy",
    ):
        assert f[k] == 1.0, k
    assert f["non_acled.with_record"] == 0.0 and f["confidence.ece"] == 0.0
    assert not any(k.startswith("style.") for k in f)


def test_quotes_are_kept_literally(tmp_path: Path) -> None:
    snippets, _ = load_snippets(write_tsv(tmp_path / "s.tsv"))
    assert snippets[0].text == 'Troops and rebels fought near a "river" town.'


def test_case2021_reads_its_file_and_hashes_it_relative_to_data(tmp_path: Path, fake: Any) -> None:
    write_tsv(tmp_path / "case2021" / "dev.tsv", with_style=False)
    res = run_case2021_suite(tmp_path, limit=3, extract_many=fake(answer))
    assert res["suite"] == "case2021" and res["n"] == 3 and list(res["files"]) == ["case2021/dev.tsv"]


def test_missing_files_are_eval_errors(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="CASE 2021 task-2 snippets not found"):
        run_case2021_suite(tmp_path)
    with pytest.raises(EvalError, match="not found"):
        run_own_snippets_suite(tmp_path, path=tmp_path / "evaldata" / "snippets" / "own.tsv")
    bad = tmp_path / "bad.tsv"
    bad.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(EvalError, match="missing id, EventSnippet, SubType"):
        run_snippets_suite(bad)


def test_own_snippets_scores_a_given_file_per_style(tmp_path: Path, fake: Any) -> None:
    res = run_own_snippets_suite(tmp_path, path=write_tsv(tmp_path / "own.tsv"), extract_many=fake(answer))
    assert res["suite"] == "own-snippets" and res["figures"]["style.headline.n"] == 3


def test_every_label_of_the_shared_case_file_is_known(data_dir: Path) -> None:
    path = data_dir / "case2021" / "dev.tsv"
    if not path.exists():
        pytest.skip(f"{path} absent")
    snippets, unknown = load_snippets(path)
    assert unknown == {} and len(snippets) == 513


def test_mapping_matches_acled_category_list(data_dir: Path) -> None:
    path = data_dir / "acled" / "acled_event_categories.csv"
    if not path.exists():
        pytest.skip(f"{path} absent")
    with path.open(encoding="utf-8", newline="") as f:
        cats = {r["sub_event_type"]: r["event_type"] for r in csv.DictReader(f)}
    assert set(CASE_TO_ACLED.values()) == set(cats)


def test_only_non_acled_rows_and_no_record_leave_the_25_class_figures_undefined(tmp_path: Path) -> None:
    p = tmp_path / "s.tsv"
    p.write_text(
        "id\tEventSnippet\tSubType\nr1\tA storm flattened crops.\tNATURAL_DISASTER\n", encoding="utf-8"
    )
    snippets, _ = load_snippets(p)
    f = score_snippets(snippets, [None])["figures"]
    assert f["sub_event_type.weighted_f1"] is None and f["sub_event_type.macro_f1"] is None
    assert (
        f["accuracy_all_labels"] == 1.0 and f["non_acled.with_record"] == 0.0 and f["confidence.ece"] is None
    )


def _toy_model(meta: dict[str, Any]) -> Any:
    from eventlens.stages.rerank import LinearModel

    return LinearModel(("Attack", "Armed clash"), {"w=x": 0}, [[0.5], [-0.5]], [0.0, 0.0], meta)


def _write_folds(folder: Path, meta: dict[str, Any], k: int = 5) -> None:
    import gzip

    folder.mkdir(parents=True, exist_ok=True)
    for i in range(k):
        (folder / f"fold{i}.json.gz").write_bytes(
            gzip.compress(_toy_model({**meta, "fold": i}).to_json().encode())
        )


SHIPPED_META = {"trained_on_case2021": True, "training_data": "t", "config": {"c": 1.0}, "cv_folds": "f"}


def test_a_model_that_never_saw_case_is_used_as_shipped(tmp_path: Path) -> None:
    from eventlens.eval.case2021_suite import fold_extractor

    fn, how = fold_extractor(_toy_model({"training_data": "ACLED dev.csv"}), tmp_path)
    assert fn is None and "never learned from CASE" in how


def test_case_trained_model_is_scored_by_its_fold_models(tmp_path: Path) -> None:
    from eventlens.eval.case2021_suite import fold_extractor

    _write_folds(tmp_path / "folds", SHIPPED_META)
    fn, how = fold_extractor(_toy_model(SHIPPED_META), tmp_path / "folds")
    assert fn is not None and how.startswith("5-fold")


@pytest.mark.parametrize(
    "meta",
    [
        pytest.param({**SHIPPED_META, "config": {"c": 3.0}}, id="other-configuration"),
        pytest.param({**SHIPPED_META, "training_data": "other"}, id="other-training-data"),
    ],
)
def test_fold_models_of_another_training_fall_back_to_the_rules(tmp_path: Path, meta: dict[str, Any]) -> None:
    from eventlens.eval.case2021_suite import fold_extractor

    _write_folds(tmp_path / "folds", meta)
    fn, how = fold_extractor(_toy_model(SHIPPED_META), tmp_path / "folds")
    assert fn is not None and how.startswith("rules alone")


def test_no_fold_models_fall_back_to_the_rules(tmp_path: Path) -> None:
    from eventlens.eval.case2021_suite import fold_extractor

    fn, how = fold_extractor(_toy_model(SHIPPED_META), tmp_path / "absent")
    assert fn is not None and how.startswith("rules alone")


def test_own_snippets_adds_a_later_round_beside_it_as_its_own_figures(tmp_path: Path, fake: Any) -> None:
    alone = run_own_snippets_suite(
        tmp_path, path=write_tsv(tmp_path / "a" / "own.tsv"), extract_many=fake(answer)
    )
    write_tsv(tmp_path / "b" / "own.tsv")
    # the round holds only the first three rows, so its figures differ from own.tsv's
    full = (tmp_path / "b" / "own.tsv").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "b" / "fresh4.tsv").write_text("".join(full[:4]), encoding="utf-8")
    both = run_own_snippets_suite(tmp_path, path=tmp_path / "b" / "own.tsv", extract_many=fake(answer))
    assert {k: v for k, v in both["figures"].items() if not k.startswith("fresh4.")} == alone["figures"]
    assert both["figures"]["fresh4.n"] == 3 and "fresh4" in both["details"]
    assert any(f.endswith("fresh4.tsv") for f in both["files"])

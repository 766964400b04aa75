"""tools/score_snippets.py: the first-pass scorer for evaldata/snippets/own.tsv, and the data file."""

import collections
import importlib.util
import random
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("score_snippets", ROOT / "tools" / "score_snippets.py")
ss = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ss)

DATA = ROOT / "evaldata" / "snippets" / "own.tsv"
CONFUSABLE = {
    "VIOL_DEMONSTR",
    "PEACE_PROTEST",
    "PROTEST_WITH_INTER",
    "FORCE_AGAINST_PROTEST",
    "GOV_REGAINS_TERIT",
    "NON_STATE_ACTOR_OVERTAKES_TER",
    "NON_VIOL_TERRIT_TRANSFER",
    "ARMED_CLASH",
    "ATTACK",
    "SUIC_BOMB",
    "REM_EXPLOS",
    "ART_MISS_ATTACK",
    "AIR_STRIKE",
    "DISR_WEAP",
    "ARREST",
    "CHANGE_TO_GROUP_ACT",
    "HQ_ESTABLISHED",
    "PROPERTY_DISTRUCT",
    "OTHER",
}


def test_codes_cover_the_taxonomy():
    from eventlens.taxonomy import SUB_EVENT_TYPES

    assert sorted(ss.CASE_CODES.values()) == sorted(SUB_EVENT_TYPES)
    assert ss.gold_subtype("DIPLO") == ss.NONE
    with pytest.raises(KeyError):
        ss.gold_subtype("PROTEST")


def test_top_reported_takes_the_most_confident_reported_record():
    ev = lambda role, sub, c: SimpleNamespace(role=role, sub_event_type=sub, confidence=c)  # noqa: E731
    assert ss.top_reported([]) == ss.NONE
    assert ss.top_reported([ev("background", "Attack", 0.9)]) == ss.NONE
    assert (
        ss.top_reported(
            [
                ev("reported", "Attack", 0.4),
                ev("background", "Grenade", 0.99),
                ev("reported", "Armed clash", 0.7),
            ]
        )
        == "Armed clash"
    )


def test_weighted_f1_matches_scikit_learn():
    from sklearn.metrics import f1_score

    rng = random.Random(7)
    labels = ["a", "b", "c", "d"]
    gold = [rng.choice(labels + [ss.NONE]) for _ in range(300)]
    pred = [g if rng.random() < 0.6 else rng.choice(labels + [ss.NONE]) for g in gold]
    w, m = ss.weighted_f1(gold, pred, labels)
    assert w == pytest.approx(f1_score(gold, pred, labels=labels, average="weighted"))
    assert m == pytest.approx(f1_score(gold, pred, labels=labels, average="macro"))


def test_weighted_f1_counts_false_incidents_against_precision():
    # a non-incident given "a" lowers a's precision: F1(a) = 2*1/(2+1+0) = 2/3
    w, m = ss.weighted_f1(["a", ss.NONE], ["a", "a"], ["a", "b"])
    assert w == pytest.approx(2 / 3) and m == pytest.approx(2 / 3)


def test_score_and_error_kinds():
    rows = [
        {"SubType": "PEACE_PROTEST", "style": "wire"},  # right
        {"SubType": "VIOL_DEMONSTR", "style": "wire"},  # riot read as protest: wrong event type
        {"SubType": "GOV_REGAINS_TERIT", "style": "local"},  # battles, wrong sub-type
        {"SubType": "ARREST", "style": "headline"},  # missed
        {"SubType": "DIPLO", "style": "roundup"},  # false incident
        {"SubType": "ORG_CRIME", "style": "roundup"},  # right: no record
    ]
    preds = [
        "Peaceful protest",
        "Peaceful protest",
        "Non-state actor overtakes territory",
        ss.NONE,
        "Attack",
        ss.NONE,
    ]
    s = ss.score(rows, preds)
    assert s["overall"]["accuracy"] == pytest.approx(2 / 6)
    assert s["overall"]["incident_accuracy"] == pytest.approx(1 / 4)
    assert s["overall"]["non_incident_with_record"] == pytest.approx(1 / 2)
    assert s["by_style"]["roundup"]["accuracy"] == pytest.approx(1 / 2)
    assert {k: d["n"] for k, d in s["errors"].items()} == {
        "wrong event type": 1,
        "wrong sub-type, right event type": 1,
        "missed": 1,
        "false incident": 1,
    }
    assert s["errors"]["false incident"]["pairs"] == [["DIPLO", "Attack", 1]]
    assert s["recall_by_subtype"]["Peaceful protest"] == {"n": 1, "recall": 1.0}
    assert "wrong event type: 1" in ss.report(s)


def test_own_snippets_file_is_complete():
    rows = ss.read_snippets(DATA)
    assert [r["id"] for r in rows] == sorted({r["id"] for r in rows})  # unique, in order
    assert all(r["EventSnippet"].strip() and r["style"] in ss.STYLES for r in rows)
    per = collections.Counter((r["SubType"], r["style"]) for r in rows)
    for code in ss.CASE_CODES:
        want = 2 if code in CONFUSABLE else 1
        assert all(per[(code, st)] >= want for st in ss.STYLES), code
    non = [r for r in rows if r["SubType"] in ss.NON_INCIDENT_CODES]
    assert len(non) >= 25 and {r["SubType"] for r in non} == ss.NON_INCIDENT_CODES
    for r in rows:
        ss.gold_subtype(r["SubType"])  # every label is a known code


def test_incident_only_figures_and_rescore(tmp_path, capsys):
    rows = [
        {"id": "a", "EventSnippet": "x", "SubType": "PEACE_PROTEST", "style": "wire"},
        {"id": "b", "EventSnippet": "y", "SubType": "VIOL_DEMONSTR", "style": "wire"},
        {"id": "c", "EventSnippet": "z", "SubType": "DIPLO", "style": "local"},
    ]
    preds = ["Peaceful protest", "Mob violence", "Peaceful protest"]
    s = ss.score(rows, preds)
    # incident rows: one right; the riot read as mob violence keeps its event type (Riots)
    assert s["overall"]["incident_event_type_accuracy"] == pytest.approx(1.0)
    assert s["overall"]["incident_weighted_f1_25"] == pytest.approx(0.5)  # F1 1 for protest, 0 for riot
    assert s["overall"]["weighted_f1_25"] == pytest.approx((2 / 3) * 0.5)  # the DIPLO row adds an FP
    data = tmp_path / "d.tsv"
    data.write_text(
        "id\tEventSnippet\tSubType\tstyle\n"
        + "".join(f"{r['id']}\tx\t{r['SubType']}\t{r['style']}\n" for r in rows)
    )
    saved = tmp_path / "p.tsv"
    saved.write_text(
        "id\tpredicted\n" + "".join(f"{r['id']}\t{p}\n" for r, p in zip(rows, preds, strict=True))
    )
    out = tmp_path / "f.json"
    assert ss.main(["--data", str(data), "--rescore", str(saved), "--json", str(out)]) == 0
    assert '"accuracy": 0.3333' in out.read_text()
    assert "incident rows only" in capsys.readouterr().out

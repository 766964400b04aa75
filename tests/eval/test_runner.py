"""The runner: skipped vs errored suites, exit codes, deterministic JSON, generated markdown."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from eventlens.errors import EvalError
from eventlens.eval import runner
from eventlens.eval.report import render_markdown


def console() -> Console:
    return Console(file=io.StringIO(), width=200)


def test_unknown_suite_names_the_choices() -> None:
    with pytest.raises(EvalError, match="unknown suite 'nope'; choose from: all, gold, acled"):
        runner.expand(["nope"])


def test_run_with_an_unknown_suite_exits_2() -> None:
    con = console()
    assert runner.run(["gold", "nope"], console=con) == 2
    assert "unknown suite 'nope'" in con.file.getvalue()  # type: ignore[attr-defined]


def test_all_expands_in_report_order() -> None:
    assert runner.expand(["acled", "all"]) == list(runner.SUITES)
    assert runner.expand(["dedupe", "gold"]) == ["gold", "dedupe"]


def test_dedupe_without_data_is_skipped_not_passed(tmp_path: Path) -> None:
    res = runner.run_suite("dedupe", tmp_path)
    assert res["status"] == "skipped" and "not found" in res["reason"]


def test_missing_data_skips_and_exit_code_is_zero(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    code = runner.run(
        ["acled", "wikievents", "dedupe"], data_dir=tmp_path / "data", json_out=out, console=console()
    )
    assert code == 0
    rep = json.loads(out.read_text())
    assert {k: v["status"] for k, v in rep["suites"].items()} == {
        "acled": "skipped",
        "wikievents": "skipped",
        "dedupe": "skipped",
    }
    assert "not found" in rep["suites"]["acled"]["reason"]


def test_a_crashing_suite_is_an_error_with_exit_code_one(tmp_path: Path, fake: Any) -> None:
    (tmp_path / "acled").mkdir()
    (tmp_path / "acled" / "dev.csv").write_text("event_id_cnty,notes\nX1,text\n")  # no event_date column

    code = runner.run(["acled"], data_dir=tmp_path, console=console(), extract_many=fake(lambda it: []))
    assert code == 1


def test_report_is_deterministic_apart_from_run_info(tmp_path: Path, fake: Any) -> None:
    csv = tmp_path / "acled" / "dev.csv"
    csv.parent.mkdir()
    csv.write_text(
        "event_id_cnty,event_date,disorder_type,event_type,sub_event_type,actor1,inter1,actor2,inter2,country,"
        "admin1,latitude,longitude,geo_precision,fatalities,notes\n"
        "A1,2022-01-01,Political violence,Battles,Armed clash,X,1,Y,2,Mali,Mopti,14,-4,1,0,"
        "On 1 January 2022 ...\n"
    )
    em = fake(lambda it: [{"role": "reported", "event_type": "Battles", "sub_event_type": "Armed clash"}])
    reps = []
    for i in range(2):
        out = tmp_path / f"r{i}.json"
        md = tmp_path / f"a{i}.md"
        assert (
            runner.run(
                ["acled", "wikievents"],
                data_dir=tmp_path,
                json_out=out,
                markdown_out=md,
                console=console(),
                extract_many=em,
            )
            == 0
        )
        rep = json.loads(out.read_text())
        assert set(rep) >= {"eventlens_version", "git_commit", "suites", "run"}
        assert "generated_at" in rep.pop("run")
        reps.append((rep, md.read_text()))
    assert reps[0] == reps[1]
    rep, md = reps[0]
    assert rep["suites"]["acled"]["figures"]["sub_event_type.accuracy"] == 1.0
    assert rep["suites"]["acled"]["files"]["acled/dev.csv"]
    # published news figures sit beside our news (CASE) figures only: with only the ACLED
    # coder-notes suite run, their rows say "(not run)" instead of borrowing an ACLED figure
    assert "| Event type correct, news snippets | (not run) | 81.2 |" in md
    assert "| CASE 2021 task 2, weighted F1 over all labels (news snippets) | (not run) | 83.9 |" in md
    assert "## Suite `wikievents`" in md and "**skipped**" in md
    assert "eventlens eval all" in md


def test_markdown_marks_published_rows_not_run() -> None:
    md = render_markdown({"suites": {}, "data_dir": "d"})
    assert "| Acc@161 km, GeoWebNews | (not run) | 94.1 |" in md

"""The runner knows the acled-test, case2021 and own-snippets suites; without data they are skipped."""

from __future__ import annotations

from pathlib import Path

from eventlens.eval import runner


def test_new_suites_are_registered_and_in_all() -> None:
    names = runner.expand(["all"])
    for name in ("acled-test", "case2021", "own-snippets"):
        assert name in runner.SUITES and name in names
    assert runner.expand(["own-snippets", "case2021", "acled-test"]) == [
        "acled-test",
        "case2021",
        "own-snippets",
    ]


def test_without_data_they_are_skipped_with_the_reason(tmp_path: Path) -> None:
    for name, why in (("acled-test", "ACLED train set"), ("case2021", "CASE 2021 task-2 snippets")):
        res = runner.run_suite(name, tmp_path)
        assert res["status"] == "skipped" and why in res["reason"], res

"""`eventlens extract` end to end: formats, one line per bad input, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventlens.cli import app

GOOD = (
    "Gunmen attack village\n\nGunmen killed two farmers in a village in Zamfara on Saturday, police said.\n"
)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def no_geocoder(monkeypatch: pytest.MonkeyPatch) -> None:
    # the CLI's shared pipeline, without the gazetteer (geography has its own tests)
    import eventlens

    monkeypatch.setattr(eventlens, "_default", eventlens.Pipeline(geocoder=False))


def test_bad_inputs_are_reported_and_the_batch_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "bad.jsonl").write_text(
        '{"id": "ok", "text": "Police arrested 15 protesters in Harare on Monday."}\n{not json\n'
    )
    res = runner.invoke(app, ["extract", str(tmp_path), "--published", "2022-03-07", "-f", "jsonl"])
    assert res.exit_code == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 3, res.stderr
    assert any("empty.txt" in e and "empty" in e for e in errors)
    assert any("binary.txt" in e and "binary" in e for e in errors)
    assert any("bad.jsonl:2" in e for e in errors)
    records = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert {r["article_id"] for r in records} == {"good.txt", "ok"}
    assert "Traceback" not in res.stdout + res.stderr


@pytest.mark.parametrize("fmt", [pytest.param(f, id=f) for f in ("json", "jsonl", "csv", "table")])
def test_formats(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GOOD)
    res = runner.invoke(app, ["extract", str(path), "--published", "2022-03-07", "-f", fmt])
    assert res.exit_code == 0, res.stderr
    if fmt == "json":
        (rec,) = json.loads(res.stdout)
        assert rec["sub_event_type"] == "Attack" and rec["event_date"] == "2022-03-05"
        assert rec["text"].startswith("Gunmen attack village")
    elif fmt == "jsonl":
        assert json.loads(res.stdout.splitlines()[0])["fatalities"] == 2
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(res.stdout)))
        assert rows[0]["event_type"] == "Violence against civilians"
    else:
        assert "Violence against" in res.stdout and "record(s)" in res.stdout


def test_stdin(runner: CliRunner) -> None:
    res = runner.invoke(app, ["extract", "-", "--published", "2022-03-07"], input=GOOD)
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)[0]["article_id"] == "stdin"


def test_one_line_text_is_dated_by_its_own_words(runner: CliRunner) -> None:
    # a one-line text is all title: its weekday still dates the incident (not the week before publication)
    line = "Gunmen killed five villagers in Zamfara state on Monday, police said.\n"
    res = runner.invoke(app, ["extract", "-", "--published", "2024-05-14"], input=line)
    assert res.exit_code == 0, res.stderr
    rec = json.loads(res.stdout)[0]
    assert (rec["event_date"], rec["date_precision"]) == ("2024-05-13", "day")


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["extract", "x.txt", "-f", "xml"], id="unknown-format"),
        pytest.param(["extract", "x.txt", "--published", "yesterday-ish"], id="bad-published"),
        pytest.param(["extract", "x.txt", "--input-format", "pdf"], id="unknown-input-format"),
    ],
)
def test_bad_usage_exits_2(runner: CliRunner, args: list[str]) -> None:
    res = runner.invoke(app, args)
    assert res.exit_code == 2


def test_python_dash_m_eventlens_runs_the_cli():
    """``python -m eventlens`` is the same CLI as the ``eventlens`` command (it was "No module named
    eventlens.__main__")."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "eventlens", "--help"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "extract" in out.stdout


def test_eval_help_lists_every_suite() -> None:
    # the help text named 8 of the 12 suites (acled-test, case2021, own-snippets, articles missing)
    from eventlens.eval.runner import SUITES

    res = CliRunner().invoke(app, ["eval", "--help"], env={"COLUMNS": "400", "NO_COLOR": "1"})
    assert res.exit_code == 0, res.output
    words = set(res.stdout.replace("|", " ").split())
    assert set(SUITES) <= words and "all" in words, sorted(set(SUITES) - words)

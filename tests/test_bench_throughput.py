"""bench/throughput.py times the stages by wrapping them where the pipeline looks them up; a
layout change that moves a stage must not leave the benchmark broken (it was, silently, after
the package split). A tiny run proves every wrapped name still exists and the report prints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


@pytest.mark.skipif(not (DATA / "acled" / "dev.csv").exists(), reason="needs ../shared/data")
def test_throughput_bench_runs_and_reports_every_stage():
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "throughput.py"), "--n", "3", "--data", str(DATA), "--no-geo"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "ratio eventlens / bare spaCy" in out.stdout
    assert "CPU ratio" in out.stdout
    for stage in ("arguments", "dates", "read+clean", "classify"):
        assert f"  {stage} " in out.stdout, out.stdout

"""Crash-resume: kill an ingest mid-run (SIGKILL, no clean-up), run it again, lose and duplicate nothing."""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from store_helpers import partition

from eventlens import store as store_mod
from eventlens.clock import utcnow
from eventlens.store import ingest
from eventlens.store import schema as t

HERE = Path(__file__).parent
SRC = HERE.parents[1] / "src"

CHILD = """
import sys, time
from store_helpers import corpus
from eventlens import store
from eventlens.store import ingest
s = store.open(sys.argv[1])
def slow():
    for r in corpus():
        time.sleep(0.003)
        yield r
def tick(summary):
    print("committed", summary.articles_seen, flush=True)
ingest(s, slow(), batch_size=10, progress=tick)
print("finished", flush=True)
"""


def _kill_mid_run(db_url: str) -> None:
    """Start an ingest in a child process and SIGKILL it once 30 articles are committed."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(HERE)])}
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, db_url],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tempfile.gettempdir(),
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("committed") and int(line.split()[1]) >= 30:
                proc.send_signal(signal.SIGKILL)
                break
        proc.stdout.close()
        proc.wait(timeout=60)
    if proc.returncode != -signal.SIGKILL:
        pytest.fail(f"child was not killed mid-run (exit {proc.returncode}); make the corpus larger")


def test_killed_ingest_resumes_without_loss_or_duplicates(db_url):
    from store_helpers import corpus

    _kill_mid_run(db_url)
    s = store_mod.open(db_url)
    stored_before = s.counts()["articles"]
    assert 30 <= stored_before < len(corpus()), "the kill should land after some batches and before the end"
    resumed = ingest(s, corpus(), batch_size=10)
    assert resumed.already_stored == stored_before
    assert resumed.articles_new == len(corpus()) - stored_before

    with tempfile.TemporaryDirectory() as d:
        clean = store_mod.open(Path(d) / "clean.db")
        ingest(clean, corpus(), batch_size=10)
        assert s.counts() == clean.counts()
        assert partition(s) == partition(clean)
        clean.close()
    with s.engine.connect() as conn:
        n_mentions = conn.execute(sa.select(sa.func.count()).select_from(t.mentions)).scalar_one()
        n_links = conn.execute(sa.select(sa.func.count()).select_from(t.incident_mentions)).scalar_one()
    assert n_mentions == n_links == sum(len(r.events) for r in corpus())
    s.close()


def _bench():  # type: ignore[no-untyped-def]
    """bench/crash_ingest.py, the one implementation of the kill-and-resume run."""
    import importlib.util

    path = HERE.parents[1] / "bench" / "crash_ingest.py"
    spec = importlib.util.spec_from_file_location("crash_ingest", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["crash_ingest"] = mod  # dataclasses resolve their module by name
    spec.loader.exec_module(mod)
    return mod


def test_three_random_kills_then_resume_leave_a_consistent_store(db_url):
    """The small version of bench/crash_ingest.py (10 kills x 2,000 articles there)."""
    rep = _bench().run(db_url, "test", n=200, kills=3, seed=7, batch=16)
    assert rep.problems == [], "\n".join(rep.lines)


@pytest.mark.parametrize(
    "damage, problem",
    [
        pytest.param(
            "DELETE FROM incident_mentions WHERE mention_id IN (SELECT min(id) FROM mentions)",
            "link row disagrees",
            id="lost-link",
        ),
        pytest.param(
            "UPDATE mentions SET incident_seq = NULL WHERE id IN (SELECT min(id) FROM mentions)",
            "without an incident",
            id="orphan-mention",
        ),
        pytest.param(
            "UPDATE incidents SET mention_count = mention_count + 1 "
            "WHERE seq IN (SELECT min(seq) FROM incidents)",
            "stale",
            id="stale-count",
        ),
        pytest.param("DELETE FROM article_bands", "without LSH bands", id="lost-bands"),
    ],
)
def test_check_finds_damage(store, damage, problem):
    from store_helpers import corpus

    from eventlens.store.check import check

    ingest(store, corpus(30), batch_size=10)
    assert check(store) == []
    with store.engine.begin() as conn:
        conn.exec_driver_sql(damage)
    assert any(problem in p for p in check(store)), check(store)


def test_the_next_start_marks_a_killed_run_interrupted_and_says_so(db_url, caplog):
    """Issue 16 item 5: a killed run no longer stays ``running`` for ever; a run whose process is
    alive (here: this test's parent process) is left alone."""
    from store_helpers import corpus

    _kill_mid_run(db_url)
    s = store_mod.open(db_url)
    live = f"pid {os.getppid()} on {socket.gethostname()}"
    with s.begin() as conn:
        (killed,) = conn.execute(sa.select(t.ingest_runs.c.id)).scalars()
        conn.execute(sa.insert(t.ingest_runs).values(started=utcnow(), status="running", note=live))
    with caplog.at_level(logging.WARNING, logger="eventlens.store.ingest"):
        summary = ingest(s, corpus()[:3], batch_size=10)
    with s.engine.connect() as conn:
        rows = conn.execute(sa.select(t.ingest_runs.c.id, t.ingest_runs.c.status, t.ingest_runs.c.note))
        status = {run_id: (st, note) for run_id, st, note in rows}
    s.close()
    assert status[killed][0] == "interrupted"
    assert "interrupted" in status[killed][1]
    assert [st for st, note in status.values() if note == live] == ["running"]
    assert status[summary.run_id][0] == "done"
    lines = [r.getMessage() for r in caplog.records if "interrupted" in r.getMessage()]
    assert len(lines) == 1 and f"ingest run {killed} " in lines[0]


def test_an_interrupted_run_keeps_the_counts_of_what_it_committed(db_url, caplog):
    """The second walk through issue 16: a run killed after 64 committed articles was marked
    'interrupted' with articles_new 0 (its counts are written only when a run ends), so the
    run table hid what the killed run had stored."""
    from store_helpers import corpus

    _kill_mid_run(db_url)
    s = store_mod.open(db_url)
    with s.engine.connect() as conn:
        committed = conn.execute(sa.select(sa.func.count()).select_from(t.articles)).scalar_one()
        events = conn.execute(sa.select(sa.func.sum(t.articles.c.event_count))).scalar_one()
    with caplog.at_level(logging.WARNING, logger="eventlens.store.ingest"):
        ingest(s, corpus()[:3], batch_size=10)
    with s.engine.connect() as conn:
        row = conn.execute(
            sa.select(t.ingest_runs.c.articles_new, t.ingest_runs.c.events).where(
                t.ingest_runs.c.status == "interrupted"
            )
        ).one()
    s.close()
    assert committed >= 30 and tuple(row) == (committed, events)
    (line,) = [r.getMessage() for r in caplog.records if "interrupted" in r.getMessage()]
    assert f"{committed} articles of it were committed" in line, line

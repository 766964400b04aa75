"""``eventlens keys create|list|revoke`` and ``eventlens edit`` on a hand-made store."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from eventlens.api.keys import verify_key
from eventlens.cli import app


@pytest.fixture
def db(store: Any) -> str:
    return str(store.engine.url.database)


def test_keys_create_list_revoke(store: Any, db: str) -> None:
    runner = CliRunner()
    made = runner.invoke(app, ["keys", "create", "--name", "analyst laptop", "--db", db])
    assert made.exit_code == 0, made.output
    secret = made.stdout.strip().splitlines()[-1]
    assert secret.startswith("elk_") and verify_key(store, secret) is not None
    listed = runner.invoke(app, ["keys", "list", "--db", db])
    assert "analyst laptop" in listed.stdout and secret not in listed.stdout
    prefix = secret.split("_")[1]
    assert runner.invoke(app, ["keys", "revoke", prefix, "--db", db]).exit_code == 0
    assert verify_key(store, secret) is None
    assert runner.invoke(app, ["keys", "revoke", "ffffffff", "--db", db]).exit_code == 2


@pytest.mark.parametrize(
    ("args", "code"),
    [
        pytest.param(
            ["--set", "fatalities=3", "--set", "notes=Checked with the UN"], 0, id="number-and-text"
        ),
        pytest.param(["--set", "fatalities=many"], 2, id="text-for-a-number"),
        pytest.param(["--set", "event_id_cnty=X"], 2, id="not-editable"),
        pytest.param(["--set", "fatalities"], 2, id="no-equals-sign"),
    ],
)
def test_edit(store: Any, db: str, args: list[str], code: int) -> None:
    iid = store.query(country="AFG")[0]["event_id_cnty"]
    res = CliRunner().invoke(
        app, ["edit", iid, *args, "--reason", "source checked", "--who", "tester", "--db", db]
    )
    assert res.exit_code == code, res.output
    if code == 0:
        out = json.loads(res.stdout)
        assert out["fatalities"] == 3 and out["notes"] == "Checked with the UN"
        (c1, c2) = store.incident(iid)["corrections"]
        assert (c1["who"], c1["why"]) == ("tester", "source checked")


def test_serve_help_lists_the_options() -> None:
    res = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert res.exit_code == 0 and "--demo" in res.stdout and "--read-requires-key" in res.stdout

"""A publication time more than a day in the future or before 1900 is a typo (a wrong year), and
would date every event of the article wrongly: the CLI's ``--published`` refuses it as bad usage
(exit 2) and the API's ``published`` with a 422, by the same rule (issue 16)."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from eventlens.cli import app
from eventlens.clock import utcnow
from eventlens.read.timestamps import check_published_range

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

GOOD = "Gunmen killed two traders at a market in Gao on Sunday, residents said.\n"


def _days_ahead(days: int) -> str:
    return (utcnow() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def test_the_rule() -> None:
    now = datetime(2026, 3, 1, 12, 0)
    assert check_published_range(datetime(1900, 1, 1), now=now) == datetime(1900, 1, 1)
    assert check_published_range(datetime(2026, 3, 2, 11, 0), now=now)  # a newsroom east of UTC
    with pytest.raises(ValueError, match="before 1900"):
        check_published_range(datetime(1899, 12, 31), now=now)
    with pytest.raises(ValueError, match="in the future"):
        check_published_range(datetime(2026, 3, 2, 12, 1), now=now)


@pytest.mark.parametrize("when", ["2999-01-01", "1850-06-01", "0021-10-31T09:21", "FUTURE"])
def test_cli_refuses_a_publication_time_out_of_range(tmp_path: Path, when: str) -> None:
    when = _days_ahead(3) if when == "FUTURE" else when
    (tmp_path / "a.txt").write_text(GOOD)
    res = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), "--published", when])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output and "--published" in res.stderr


def test_cli_takes_a_time_later_today_east_of_utc(tmp_path: Path, no_geocoder: None) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    res = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), "--published", _days_ahead(0)])
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize("when", ["2999-01-01T00:00:00", "1850-06-01", "FUTURE"])
def test_api_refuses_a_publication_time_out_of_range(store: Any, when: str) -> None:
    from api_data import fake_extract, make_client

    from eventlens.api.keys import create_key

    secret = create_key(store, "t")[1]
    when = _days_ahead(3) if when == "FUTURE" else when
    body = {"text": "A protest in Nairobi on Monday.", "published": when}
    with make_client(store, extract=fake_extract) as c:
        resp = c.post("/api/v1/articles", json=body, headers={"X-API-Key": secret})
        assert resp.status_code == 422, resp.text
        assert "published" in resp.text
        ok = c.post(
            "/api/v1/articles", json={**body, "published": "2021-10-31T09:21"}, headers={"X-API-Key": secret}
        )
        assert ok.status_code == 200, ok.text

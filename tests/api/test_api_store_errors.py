"""When the database fails under the API (locked, gone, unreachable), the client gets a short
503 with ``Retry-After`` and the details go to the log only; an unexpected error is a 500 that
still carries the security headers (issue 16, items 11 and 12)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from api_data import make_client

from eventlens.errors import StoreError
from eventlens.store import Store

SECURITY = ("x-content-type-options", "referrer-policy", "content-security-policy")


def _assert_secured(resp: Any) -> None:
    for name in SECURITY:
        assert name in resp.headers, (name, dict(resp.headers))
    assert "frame-ancestors 'none'" in resp.headers["content-security-policy"]


def _assert_short_503(resp: Any, *secrets: str) -> None:
    assert resp.status_code == 503, resp.text
    assert int(resp.headers["retry-after"]) > 0
    assert len(resp.content) < 300
    for s in secrets:
        assert s not in resp.text
    _assert_secured(resp)


def test_a_database_that_went_away_is_a_short_503(
    store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A real OperationalError from the driver: the store now points at a file that cannot be opened.
    gone = tmp_path / "no-such-dir" / "gone.db"
    with make_client(store) as client:
        store.engine.dispose()
        store.engine = sa.create_engine(f"sqlite:///{gone}")
        with caplog.at_level(logging.WARNING):
            for path in ("/api/v1/incidents", "/api/v1/counts?by=day", "/api/v1/articles"):
                resp = client.get(path)
                _assert_short_503(resp, str(gone), "unable to open", "sqlite")
    assert "unable to open" in caplog.text  # the details are for the operator's log


@pytest.mark.parametrize(
    "exc",
    [
        sa.exc.OperationalError("SELECT 1", {}, Exception("database is locked")),
        StoreError("cannot open Store('sqlite:////srv/private/incidents.db'): disk I/O error"),
    ],
    ids=["locked", "store-error"],
)
def test_a_store_error_tells_the_client_to_retry_and_nothing_else(
    store: Store, monkeypatch: pytest.MonkeyPatch, exc: Exception
) -> None:
    from eventlens.store import queries

    def broken(*_a: Any, **_k: Any) -> Any:
        raise exc

    monkeypatch.setattr(queries, "places", broken)
    with make_client(store) as client:
        resp = client.get("/api/v1/places?q=Na")
    _assert_short_503(resp, "locked", "/srv/private", "disk I/O")


def test_an_unexpected_error_is_a_500_with_the_security_headers(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    from eventlens.api.app import Settings, create_app
    from eventlens.store import queries

    def broken(*_a: Any, **_k: Any) -> Any:
        raise RuntimeError("secret internals at /srv/private")

    monkeypatch.setattr(queries, "places", broken)
    with TestClient(create_app(Settings(), store=store), raise_server_exceptions=False) as client:
        resp = client.get("/api/v1/places?q=Na")
    assert resp.status_code == 500
    assert "/srv/private" not in resp.text and len(resp.content) < 300
    _assert_secured(resp)

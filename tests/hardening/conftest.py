"""Fixtures for the hardening tests: a small hand-made store (tests/api/api_data.py) and the CLI
with the pipeline that needs no gazetteer."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

import api_data  # noqa: E402

from eventlens.store import Store  # noqa: E402


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = api_data.build(str(tmp_path / "store.db"))
    yield s
    s.close()


@pytest.fixture
def db(store: Store) -> str:
    return str(store.engine.url.database)


@pytest.fixture
def no_geocoder(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's shared pipeline without the gazetteer (geography has its own tests)."""
    import eventlens

    monkeypatch.setattr(eventlens, "_default", eventlens.Pipeline(geocoder=False))

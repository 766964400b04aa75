"""Fixtures: a small hand-made store (see api_data.py), the app around it, an API key.

``ro_client`` shares one store across a module (tests that only read); ``client`` builds a fresh
store per test (tests that write). Nothing here needs the spaCy model or the network.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import api_data  # noqa: E402
from api_data import make_client  # noqa: E402

from eventlens.api.app import Settings, create_app  # noqa: E402
from eventlens.api.keys import create_key  # noqa: E402
from eventlens.store import Store  # noqa: E402


@pytest.fixture(scope="module")
def ro_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = api_data.build(str(tmp_path_factory.mktemp("api") / "ro.db"))
    yield store
    store.close()


@pytest.fixture(scope="module")
def ro_client(ro_store: Store):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    with TestClient(create_app(Settings(), store=ro_store)) as c:
        yield c


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = api_data.build(str(tmp_path / "rw.db"))
    yield s
    s.close()


@pytest.fixture
def secret(store: Store) -> str:
    return create_key(store, "tests")[1]


@pytest.fixture
def client(store: Store):  # type: ignore[no-untyped-def]
    with make_client(store) as c:
        yield c

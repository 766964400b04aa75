"""One spaCy pipeline for the core tests (loading it is the slow part)."""

from __future__ import annotations

import pytest

from eventlens.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipe() -> Pipeline:
    # No geocoder: these tests are about reading the text; geography has its own suite.
    # No re-ranker either: the rules must be right on their own (the model only refines them).
    return Pipeline(geocoder=False, subtype_model=False)


@pytest.fixture(scope="session")
def pipe_full() -> Pipeline:
    return Pipeline(geocoder=False)

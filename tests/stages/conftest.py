"""One spaCy pipeline for the stage tests (loading it is the slow part)."""

from __future__ import annotations

import pytest

from eventlens.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipe() -> Pipeline:
    # No geocoder: these tests are about reading the text.
    return Pipeline(geocoder=False)

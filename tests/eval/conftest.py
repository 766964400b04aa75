"""Shared helpers for the eval tests: where the shared data is, and fake extractors."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from eventlens.pipeline import ExtractResult

SHARED = Path(os.environ.get("EVENTLENS_SHARED", Path(__file__).resolve().parents[3] / "shared"))
DATA = SHARED / "data"


def fake_extractor(make: Callable[[Mapping[str, Any]], list[Any]]) -> Callable[..., Iterator[ExtractResult]]:
    """An ``extract_many`` that answers each item with ``make(item)`` (Events or record dicts)."""

    def extract_many(items: Iterable[Mapping[str, Any]], **_: Any) -> Iterator[ExtractResult]:
        for it in items:
            yield ExtractResult(article_id=str(it["id"]), article=None, events=make(it))

    return extract_many


@pytest.fixture
def data_dir() -> Path:
    if not DATA.is_dir():
        pytest.skip(f"{DATA} absent: the shared evaluation data is not mounted")
    return DATA


@pytest.fixture
def fake() -> Callable[[Callable[[Mapping[str, Any]], list[Any]]], Callable[..., Iterator[ExtractResult]]]:
    """:func:`fake_extractor`, as a fixture (test modules here are not a package)."""
    return fake_extractor

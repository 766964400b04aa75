"""eventlens: news reports to ACLED-grade incident records with evidence for every field.

>>> import eventlens
>>> events = eventlens.extract(text, published=datetime(2021, 10, 31, 9, 21))  # doctest: +SKIP

Importing this package loads nothing heavy: the spaCy model and gazetteer load on first use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

from .errors import EventlensError, InputError
from .pipeline import ExtractResult, Pipeline
from .types import Actor, Article, DateRange, Event, Evidence, Place, PlaceMention, Span, Toponym, Weapon

__version__ = "0.1.0"

_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The shared pipeline used by :func:`extract` and :func:`extract_many` (created once)."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def extract(
    text: str,
    *,
    published: datetime | date | str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> list[Event]:
    """Incident records in ``text`` (an article; the first line is taken as its title when
    ``title`` is not given and the text has several lines)."""
    return default_pipeline().extract(text, published=published, title=title, url=url)


def extract_many(
    items: Iterable[Mapping[str, Any] | Article | str],
    *,
    published: datetime | date | str | None = None,
    batch_size: int = 64,
) -> Iterator[ExtractResult]:
    """Stream one :class:`ExtractResult` per item, in order; bad items carry their error."""
    pipe = default_pipeline()
    pipe.batch_size = batch_size
    return pipe.run(items, published=published)


def geoparse(text: str, *, title: str | None = None) -> list[Toponym]:
    """The place names in ``text``, each resolved against the offline gazetteer with its
    context (country and province of the other names, containers, the dateline), as
    :class:`Toponym` (``to_dict()`` gives the fields of ``eventlens places``)."""
    from .read.text import read_text

    article = read_text(text, id="geoparse", title=title)
    (res,) = list(default_pipeline().places([article]))
    if res.error is not None:
        raise res.error
    return res.toponyms


def resolve(text: str, spans: Iterable[tuple[int, int]], *, guess: bool = True) -> list[Toponym | None]:
    """Resolve the given ``(start, end)`` spans of ``text`` as place names (no detection: for
    scoring a resolver against gold toponyms). One result per span; the spans are each other's
    context, as in an article.

    A name the gazetteer lacks (a street, a building) is placed at its written container or the
    text's main place, with ``kind="guess"`` and a low score; with ``guess=False`` it is
    ``None``, as is a name nothing in the text helps place."""
    spans = [(int(s), int(e)) for s, e in spans]
    for s, e in spans:
        if not 0 <= s < e <= len(text):
            raise InputError("resolve", f"span ({s}, {e}) is outside the text (length {len(text)})")
    geocoder = default_pipeline().geocoder
    if not geocoder:
        raise EventlensError("resolve: the gazetteer is not available (see the log for why)")
    return geocoder.resolve_spans(text, spans, guess=guess)


def open(db_url: str | None = None) -> Any:  # noqa: A001 - mirrors the public API name in the issue
    """Open the incident store (SQLite file by default, PostgreSQL by URL)."""
    from .store import open as open_store  # type: ignore[attr-defined]

    return open_store(db_url)


__all__ = [
    "Actor",
    "Article",
    "DateRange",
    "Event",
    "EventlensError",
    "Evidence",
    "ExtractResult",
    "InputError",
    "Pipeline",
    "Place",
    "PlaceMention",
    "Span",
    "Toponym",
    "Weapon",
    "__version__",
    "default_pipeline",
    "extract",
    "extract_many",
    "geoparse",
    "open",
    "resolve",
]

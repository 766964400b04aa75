"""JSON and JSON Lines records to :class:`~eventlens.types.Article`.

A record is an object ``{"id", "text" | "html", "title"?, "published"?, "url"?, "publisher"?}``;
a ``.json`` file holds one record or a list of them, a ``.jsonl``/``.ndjson`` file
one per line. A bad record or line becomes an :class:`InputError` naming
``file:line`` (``file[index]`` for lists) and the rest of the file goes on -
one broken line in a scraper's dump must not lose the other thousand.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from eventlens.errors import InputError
from eventlens.read.html import read_html
from eventlens.read.text import read_text
from eventlens.read.timestamps import check_published_range, published_time
from eventlens.types import Article

_HINT = 'expected an object like {"id": ..., "text": ...} or {"id": ..., "html": ...}'


def read_jsonl(text: str, *, name: str, source: str | None = None) -> Iterator[Article | InputError]:
    """One record per non-blank line; a record without ``id`` gets ``name:line``."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            reason = getattr(exc, "msg", str(exc))
            col = getattr(exc, "colno", None)
            at = f" at column {col}" if col else ""
            yield InputError(
                where, f"malformed JSON line ({reason}{at}); fix or remove the line", input=source or name
            )
            continue
        yield record_to_article(
            obj, where=where, default_id=where, source=source or name, input_format="jsonl"
        )


def read_json(text: str, *, name: str, source: str | None = None) -> Iterator[Article | InputError]:
    """A file holding one record or a list of records (JSON Lines saved as .json also work)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        lines = [ln for ln in text.split("\n") if ln.strip()]
        if len(lines) > 1 and all(ln.lstrip().startswith("{") for ln in lines):
            yield from read_jsonl(text, name=name, source=source)
            return
        lineno = getattr(exc, "lineno", None)
        where = f"{name}:{lineno}" if lineno else name
        yield InputError(
            where,
            f"malformed JSON ({getattr(exc, 'msg', exc)}); fix the file or use .jsonl",
            input=source or name,
        )
        return
    if isinstance(data, list):
        for i, obj in enumerate(data):
            where = f"{name}[{i}]"
            yield record_to_article(
                obj, where=where, default_id=where, source=source or name, input_format="json"
            )
    else:
        yield record_to_article(data, where=name, default_id=name, source=source or name, input_format="json")


def _published(value: Any) -> datetime | None:
    """The record's publication time, or ``ValueError`` saying why it cannot be one: held to
    the rule of ``--published`` and the API's ``published`` (a date, from 1900 to a day after
    the clock), since a wrong year would date every event of the article wrongly."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str | date):  # a number is no date (seconds? days? a year?)
        raise ValueError(f"published {value!r} is not a date; give ISO 8601, e.g. 2021-10-31T09:21")
    try:
        parsed = published_time(value, lenient=True)
    except (ValueError, OverflowError):
        shown = value if len(str(value)) <= 40 else f"{str(value)[:40]}..."
        raise ValueError(f"published {shown!r} is not a date; give ISO 8601, e.g. 2021-10-31T09:21") from None
    return None if parsed is None else check_published_range(parsed)


def record_to_article(
    obj: Any, *, where: str, default_id: str, source: str, input_format: str
) -> Article | InputError:
    """Turn one decoded JSON value into an Article, or an InputError saying what is wrong."""
    if not isinstance(obj, dict):
        return InputError(where, f"{type(obj).__name__} where a record was expected; {_HINT}", input=source)
    raw_id = obj.get("id")
    art_id = default_id if raw_id is None or raw_id == "" else str(raw_id)
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    try:
        published = _published(obj.get("published"))
    except ValueError as exc:
        return InputError(where, str(exc), input=source)
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return InputError(where, f'no "text" or "html" string; {_HINT}', input=source)
    body = text if isinstance(text, str) else html
    assert isinstance(body, str)
    if not body.strip():
        return InputError(where, "empty text; drop the record or fill it", input=source)
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    try:
        if isinstance(text, str):
            article = read_text(
                text,
                id=art_id,
                title=title,
                published=published,
                url=url,
                source=source,
                first_line_title=False,
                input_format=input_format,
            )
        else:
            article = read_html(html, id=art_id, url=url, published=published, source=source)
            article = replace(article, input_format=input_format)
            if title and title != article.title:
                # The record's title wins; the page's own title line stays in the text, unlinked.
                article = replace(article, title=title, title_span=None)
    except InputError as exc:
        return InputError(where, exc.reason, input=source)
    publisher = obj.get("publisher")
    if isinstance(publisher, str) and publisher.strip() and not article.publisher:  # the page's own name wins
        article = replace(article, publisher=publisher.strip()[:200])
    return article

"""Reading what a client posts to ``POST /api/v1/articles``: text, an HTML page, or a URL to fetch.

Each becomes an :class:`~eventlens.types.Article` through the same readers as the CLI; its id is
``api-`` and a hash of what was posted (or of the fetched URL), so posting the same text twice
names the same article.
"""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException

from eventlens.api import schemas as s
from eventlens.errors import InputError


def read_posted(body: s.ArticleIn, settings: Any) -> Any:
    """The Article for a posted text, HTML page or URL."""
    import hashlib

    from eventlens.read.html import read_html
    from eventlens.read.text import read_text

    if body.text is not None:
        aid = "api-" + hashlib.sha256(body.text.encode()).hexdigest()[:16]
        return read_text(
            body.text,
            id=aid,
            title=body.title,
            published=body.published,
            url=body.url,
            source=body.url or "api",
            first_line_title=body.title is None and "\n" in body.text.strip(),
        )
    if body.html is not None:
        aid = "api-" + hashlib.sha256(body.html.encode()).hexdigest()[:16]
        return read_html(body.html, id=aid, url=body.url, published=body.published, source=body.url or "api")
    assert body.url is not None
    fetch = settings.fetch
    if fetch is None:
        try:
            from eventlens.read.fetch import fetch
        except ImportError:
            raise HTTPException(
                503, "fetching URLs is not available in this install; post text or html"
            ) from None
    res = fetch(
        body.url,
        timeout=settings.fetch_timeout,
        max_bytes=settings.fetch_max_bytes,
        allow_private=settings.allow_private_fetch,
    )
    if not 200 <= int(res.status) < 300:
        raise InputError(body.url, f"the server answered HTTP {res.status}; check the URL")
    from eventlens.read.paths import read_bytes, sniff_format

    ctype = str((getattr(res, "headers", None) or {}).get("content-type", "")).lower()
    fmt = "html" if "html" in ctype else sniff_format(res.content)
    aid = "api-" + hashlib.sha256(res.url.encode()).hexdigest()[:16]
    if fmt == "html":
        art = read_html(
            res.content, id=aid, url=res.url, published=body.published, source=res.url, encoding=res.encoding
        )
    else:
        items = list(
            read_bytes(res.content, id=aid, source=res.url, input_format="text", encoding=res.encoding)
        )
        art = items[0]
        if isinstance(art, InputError):
            raise art
        from dataclasses import replace

        art = replace(art, url=res.url, published=body.published or art.published)
    return art

"""HTML pages to :class:`~eventlens.types.Article`: main text, title, publication time.

Why trafilatura: it finds the main text of pages it has never seen by text
density and markup heuristics, and drops scripts, styles, navigation and
comments. We keep two things for ourselves:

* **Publication time to the minute.** trafilatura (through htmldate) reports a
  day; news metadata (``article:published_time``, JSON-LD ``datePublished``,
  ``<time datetime>``) usually carries the minute, which matters for "on
  Saturday evening" style dates. Timezones: the policy of
  :mod:`eventlens.read.timestamps` (wall-clock time as printed, offset dropped).
* **A fallback** for pages trafilatura gives nothing for (tiny or truncated
  documents): the visible text of block elements, scripts and styles removed.

``Article.text`` is the title, a blank line, then the main text (one paragraph a
line), so that ``title_span`` points into the text like for plain-text pages.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from eventlens.errors import InputError
from eventlens.read.decode import decode
from eventlens.read.lang import decide_language
from eventlens.read.repair import repair_mojibake
from eventlens.read.text import precision_of
from eventlens.read.timestamps import can_be_published, parse_timestamp
from eventlens.types import Article, Span

logger = logging.getLogger(__name__)

#: Metadata names giving the publication time, most trusted first (Open Graph, schema.org,
#: Dublin Core and the ad-hoc names of big CMSs). Modification times come last: a page's
#: update time is a better guess than nothing.
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "article:modified_time",
    "og:updated_time",
    "datemodified",
)
_TITLE_META = ("og:title", "twitter:title", "headline")
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "head")
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol br tr table section article header footer nav aside "
    "blockquote pre figure figcaption dd dt dl main form hr title".split()
)
#: Paragraphs shorter than this are never treated as duplicates (short lines such as
#: "Advertisement" legitimately repeat).
_DEDUPE_MIN_CHARS = 40
_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")


def read_html(
    html: str | bytes,
    *,
    id: str,
    url: str | None = None,
    published: datetime | None = None,
    source: str | None = None,
    encoding: str | None = None,
) -> Article:
    """Read one HTML page. ``published`` overrides what the page says.

    Raises :class:`InputError` if the page has no readable text.
    """
    name = source or id
    if isinstance(html, bytes):
        html = decode(html, name, encoding=encoding)  # repairs mojibake too
    else:
        html = repair_mojibake(html)
    tree = _parse(html)
    meta_time, precision = _meta_published(tree) if tree is not None else (None, None)
    title, body = _extract(html, url)
    if not body.strip() and tree is not None:
        body = _visible_text(tree)
    if not title and tree is not None:
        title = _meta_title(tree)
    title = _clean_line(title) if title else None
    if not body.strip() and not title:
        raise InputError(name, "HTML page has no readable text; check it is the article page, not a redirect")

    paragraphs = _dedupe([_clean_line(p) for p in body.split("\n")])
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    head = f"{title}\n\n" if title else ""
    text = head + "\n".join(paragraphs)
    title_span = Span(0, len(title), title) if title else None

    if published is not None:
        pub, prec = published, precision_of(published)
    else:
        pub, prec = meta_time, precision
    lang = decide_language(text[title_span.end if title_span else 0 :])
    return Article(
        id=id,
        text=text,
        title=title,
        title_span=title_span,
        published=pub,
        published_precision=prec,  # type: ignore[arg-type]
        url=url,
        source=source,
        language=lang,
        input_format="html",
        body_start=title_span.end if title_span else 0,
        publisher=_meta_site_name(tree) if tree is not None else None,
    )


def _meta_site_name(tree: Any) -> str | None:
    """The outlet's name as the page states it (``og:site_name``, ``application-name``)."""
    for node in tree.xpath("//meta[@content]"):
        key = (node.get("property") or node.get("name") or "").lower()
        if key in ("og:site_name", "application-name") and node.get("content", "").strip():
            return _clean_line(str(node.get("content")))[:200] or None
    return None


def _parse(html: str) -> Any:
    import lxml.html
    from lxml import etree

    # lxml refuses str input that declares an encoding; the text is already decoded.
    cleaned = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    try:
        return lxml.html.document_fromstring(cleaned)
    except (etree.ParserError, ValueError) as exc:
        logger.debug("lxml could not parse the page: %s", exc)
        return None


def _extract(html: str, url: str | None) -> tuple[str | None, str]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            deduplicate=False,
        )
    except (ValueError, TypeError, AttributeError) as exc:  # malformed markup deep inside lxml
        logger.warning("trafilatura failed (%s); using the visible text", exc)
        return None, ""
    if doc is None:
        return None, ""
    return getattr(doc, "title", None), getattr(doc, "text", None) or ""


def _dedupe(paragraphs: list[str]) -> list[str]:
    """Drop empty lines and long paragraphs already seen.

    trafilatura 2.0 can emit a small ``<article>`` body twice (adbar/trafilatura#879,
    #768); a news story does not repeat a 40-character paragraph verbatim.
    """
    seen: set[str] = set()
    out: list[str] = []
    for p in paragraphs:
        if not p:
            continue
        if len(p) >= _DEDUPE_MIN_CHARS:
            if p in seen:
                continue
            seen.add(p)
        out.append(p)
    return out


def _clean_line(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _visible_text(tree: Any) -> str:
    """Text of block elements, one a line; scripts, styles and the head left out."""
    for bad in tree.xpath("|".join(f"//{t}" for t in _DROP_TAGS)):
        bad.drop_tree()
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = _clean_line("".join(buf))
        if line:
            lines.append(line)
        buf.clear()

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _BLOCK_TAGS:
            flush()
        if tag and el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                buf.append(child.tail)
        if tag in _BLOCK_TAGS:
            flush()

    walk(tree)
    flush()
    return "\n".join(lines)


def _meta_title(tree: Any) -> str | None:
    for node in tree.xpath("//meta[@content]"):
        key = (node.get("property") or node.get("name") or "").lower()
        if key in _TITLE_META and node.get("content", "").strip():
            return str(node.get("content"))
    titles = tree.xpath("//title/text()")
    return str(titles[0]) if titles else None


def _meta_published(tree: Any) -> tuple[datetime | None, str | None]:
    """The most trusted publication time in the page's metadata, and its precision."""
    found: dict[str, str] = {}
    for node in tree.xpath("//meta[@content]"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        if key in _PUBLISHED_META and key not in found:
            found[key] = node.get("content", "")
    for key, value in _json_ld_dates(tree):
        found.setdefault(key, value)
    for node in tree.xpath("//time[@datetime]"):
        key = "datepublished" if (node.get("itemprop") or "").lower() == "datepublished" else "time"
        found.setdefault(key, node.get("datetime", ""))
    for key in (*_PUBLISHED_META, "time"):
        if key in found:
            parsed = parse_timestamp(found[key])
            # a CMS's placeholder ("0001-01-01") or a mistyped year would date every event of
            # the article in that year: the next source in the page is read instead
            if parsed is not None and can_be_published(parsed[0]):
                return parsed
    return None, None


def _json_ld_dates(tree: Any) -> Iterator[tuple[str, str]]:
    for node in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(node.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                for key in ("datePublished", "dateModified", "dateCreated"):
                    if isinstance(item.get(key), str):
                        yield key.lower() if key != "dateCreated" else "dcterms.created", item[key]
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))

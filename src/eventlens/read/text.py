"""Plain text (scraped pages, .txt/.md files) to :class:`~eventlens.types.Article`.

A scraped page saved as text usually starts with its headline, so by default the
first non-empty line becomes the title - unless it cannot be one (a whole
paragraph: several sentences, or a long line ending in a full stop), in which case the article has no title and
:mod:`eventlens.stages.clean` may find one. The text itself is kept exactly as given
(newlines normalised by the decoder, mojibake repaired by :mod:`eventlens.read.repair`):
every later span points into it.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Literal

from eventlens.read.lang import decide_language
from eventlens.read.repair import repair_mojibake
from eventlens.types import Article, Span

logger = logging.getLogger(__name__)

#: A first line longer than this is a paragraph, not a headline (news headlines run
#: 40-120 characters; 250 leaves room for long subtitles joined to them).
MAX_TITLE_CHARS = 250
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?(?=\s+[A-Z\"“])")
#: A wire dateline opening a line - "BAGHDAD (Reuters) -", "KANO, Nigeria, May 20 (AFP) --": the
#: story's lead, never a headline (and the agency it names is the publisher).
_DATELINE_LEAD = re.compile(
    r"^(?:[A-Z0-9][\w'’./-]*,?[^\S\n]+){1,6}\([A-Z][\w&.'’ -]{0,38}?\)[^\S\n]*(?:--|[-–—:])"
)


def precision_of(dt: datetime) -> Literal["minute", "day"]:
    """Precision of a caller-supplied time: midnight exactly is taken to mean "the day"."""
    return "day" if (dt.hour, dt.minute, dt.second) == (0, 0, 0) else "minute"


def find_title_line(text: str) -> Span | None:
    """The first non-empty line if it can be a headline, as a span of ``text``. It cannot when
    it is the only line (a one-line story is all body), a paragraph, or a wire dateline's lead."""
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            breaks = len(_SENTENCE_END.findall(stripped))
            prose = stripped.endswith(".") and (breaks >= 1 or len(stripped.split()) >= 15)
            if len(stripped) > MAX_TITLE_CHARS or breaks >= 2 or prose or _DATELINE_LEAD.match(stripped):
                return None
            if not text[pos + len(line) :].strip():
                return None  # nothing after it: the line is the story, not its headline
            return Span(start, start + len(stripped), stripped)
        pos += len(line) + 1
    return None


def read_text(
    text: str,
    *,
    id: str,
    title: str | None = None,
    published: datetime | None = None,
    url: str | None = None,
    source: str | None = None,
    first_line_title: bool = True,
    input_format: str = "text",
) -> Article:
    """Make an Article of ``text``. A given ``title`` wins over the first line;
    its span is set if it occurs near the top of the text."""
    text = repair_mojibake(text.replace("\r\n", "\n").replace("\r", "\n"))
    title_span: Span | None = None
    if title is not None:
        title = repair_mojibake(title).strip() or None
        if title:
            at = text.find(title, 0, len(title) + 2000)
            if at >= 0:
                title_span = Span(at, at + len(title), title)
    elif first_line_title:
        title_span = find_title_line(text)
        title = title_span.text if title_span else None
    lang = decide_language(text[title_span.end if title_span else 0 :])
    return Article(
        id=id,
        text=text,
        title=title,
        title_span=title_span,
        published=published,
        published_precision=precision_of(published) if published else None,
        url=url,
        source=source,
        language=lang,
        input_format=input_format,
        body_start=title_span.end if title_span else 0,
    )

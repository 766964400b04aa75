"""The pipeline: read -> clean -> truecase -> NLP -> dates -> merge -> kinds -> recalled -> record
(arguments, detect, rerank, calibrate) -> geocode -> record.finalize (the README's "How it works").

``Pipeline`` holds the expensive things (the spaCy model, the geocoder), loaded on first use and
passed in for tests. Articles go through ``nlp.pipe`` in batches, one parse each; every later
stage reads that one Doc.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from eventlens.errors import EventlensError, InputError, LanguageError
from eventlens.read.jsonl import record_to_article
from eventlens.read.text import read_text
from eventlens.read.timestamps import published_time
from eventlens.stages.article_actors import article_actors
from eventlens.stages.clean import clean
from eventlens.stages.dates import find_dates
from eventlens.stages.kinds import apply_kinds
from eventlens.stages.merge import Group, Sentence, group_sentences
from eventlens.stages.nlp import parse, sentence_spans
from eventlens.stages.recalled import join_recalled
from eventlens.stages.record import build_event, finalize
from eventlens.stages.truecase import restore_texts
from eventlens.stages.undated import float_relative_dates, settle
from eventlens.types import Article, Event, Span, Toponym

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = frozenset({"en"})

#: The longest article text read (characters), for the CLI, the API and Python alike (issue 16
#: item 4): about 330,000 words, some 5 minutes and under 1 GB on one core
#: (``bench/large_input.py``). A longer text is refused with a reason; split it into articles.
MAX_TEXT_CHARS = 2_000_000


@dataclass(frozen=True, slots=True)
class ExtractResult:
    """What became of one input: its cleaned article and events, or the error that stopped it."""

    article_id: str
    article: Article | None
    events: list[Event]
    error: InputError | None = None


@dataclass
class PlacesResult:
    """The toponyms of one input (``Pipeline.places``), or the error that stopped it."""

    article_id: str
    article: Article | None
    toponyms: list[Toponym]
    error: InputError | None = None


def as_datetime(value: datetime | date | str | None) -> datetime | None:
    """A publication time given as a datetime, a date or an ISO 8601 string, under the one
    policy of :func:`eventlens.read.timestamps.published_time` (wall-clock time as printed)."""
    return published_time(value)


def to_article(item: Mapping[str, Any] | Article | str, *, index: int = 0) -> Article | InputError:
    """Turn an API input (an Article, a JSON-like mapping, or bare text) into an Article."""
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return read_text(item, id=f"text-{index}", first_line_title="\n" in item.strip())
    if isinstance(item, Mapping):
        where = str(item.get("id") or f"item-{index}")
        return record_to_article(dict(item), where=where, default_id=where, source=where, input_format="json")
    return InputError(
        f"item-{index}", f"{type(item).__name__} is not an article; pass text, a mapping or an Article"
    )


class Pipeline:
    """Extraction with its models. ``nlp`` and ``geocoder`` may be injected; by default they load
    on first use (``geocoder=False`` switches geocoding off)."""

    def __init__(
        self,
        *,
        nlp: Language | None = None,
        geocoder: Any = None,
        model: str | None = None,
        batch_size: int = 32,
        subtype_model: Any = None,
        keep_features: bool = False,
    ) -> None:
        self._subtype_model = subtype_model
        self._gazetteer: Any = None
        #: event id -> classifier features, filled when ``keep_features`` (for training and CV)
        self.features: dict[str, dict[str, float]] | None = {} if keep_features else None
        self._nlp = nlp
        self._model = model
        self._geocoder = geocoder
        if geocoder:  # an injected geocoder's gazetteer also serves toponym detection
            self._gazetteer = getattr(geocoder, "gazetteer", None)
        self.batch_size = batch_size

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from eventlens.stages.nlp import load

            self._nlp = load(self._model)
        return self._nlp

    @property
    def subtype_model(self) -> Any:
        if self._subtype_model is None:
            from eventlens.stages.rerank import default_model

            self._subtype_model = default_model() or False
        return self._subtype_model

    @property
    def geocoder(self) -> Any:
        if self._geocoder is None:
            try:
                from eventlens.geo import Gazetteer, Geocoder

                self._gazetteer = Gazetteer.open()
                self._geocoder = Geocoder(self._gazetteer)
            except (ImportError, AttributeError, EventlensError, OSError) as exc:
                log.warning("geocoding off: %s", exc)
                self._geocoder = False
        return self._geocoder

    # ------------------------------------------------------------------ public
    def extract(
        self,
        text: str,
        *,
        published: datetime | date | str | None = None,
        title: str | None = None,
        url: str | None = None,
    ) -> list[Event]:
        published = as_datetime(published)
        article = read_text(
            text,
            id=_text_id(text),
            title=title,
            published=published,
            url=url,
            first_line_title=title is None and "\n" in text.strip(),
        )
        (result,) = list(self.run([article], published=published))
        if result.error is not None:
            raise result.error
        return result.events

    def run(
        self,
        items: Iterable[Mapping[str, Any] | Article | InputError | str],
        *,
        published: datetime | date | str | None = None,
        fetched: datetime | None = None,
    ) -> Iterator[ExtractResult]:
        """Stream results in input order, one per input, errors included."""
        published = as_datetime(published)
        for batch in self._batches(items):
            yield from self._run_batch(batch, published, fetched)

    def _batches(
        self, items: Iterable[Mapping[str, Any] | Article | InputError | str]
    ) -> Iterator[list[Article | InputError]]:
        """The inputs as articles (or their read errors), ``batch_size`` at a time."""
        batch: list[Article | InputError] = []
        for i, item in enumerate(items):
            batch.append(item if isinstance(item, InputError) else to_article(item, index=i))
            if len(batch) >= self.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    # ------------------------------------------------------------------ batch
    def _prepare(
        self, batch: Sequence[Article | InputError], published: datetime | None, fetched: datetime | None
    ) -> tuple[list[ExtractResult | None], list[tuple[int, Article]]]:
        """Clean a batch and check its language: the results of inputs that failed (by position),
        and the articles ready for spaCy."""
        ready: list[tuple[int, Article]] = []
        results: list[ExtractResult | None] = [None] * len(batch)
        for i, item in enumerate(batch):
            if isinstance(item, InputError):
                results[i] = ExtractResult(item.source, None, [], item)
                continue
            if len(item.text) > MAX_TEXT_CHARS:
                reason = (
                    f"text is {len(item.text):,} characters; eventlens reads at most "
                    f"{MAX_TEXT_CHARS:,} per article; split it into articles"
                )
                results[i] = ExtractResult(item.id, None, [], InputError(item.source or item.id, reason))
                continue
            try:
                art = clean(item, fetched=fetched, published=published)
            except (ValueError, EventlensError) as exc:
                err = InputError(item.id, f"cleaning failed: {exc}", stage="clean")
                results[i] = ExtractResult(item.id, None, [], err)
                continue
            if art.language and art.language not in SUPPORTED_LANGUAGES:
                err = LanguageError(
                    art.source or art.id,
                    f"text is in language {art.language!r}, not English; eventlens reads English only",
                    stage="language",
                )
                results[i] = ExtractResult(art.id, art, [], err)
                continue
            ready.append((i, art))
        return results, ready

    def _run_batch(
        self, batch: Sequence[Article | InputError], published: datetime | None, fetched: datetime | None
    ) -> Iterator[ExtractResult]:
        results, ready = self._prepare(batch, published, fetched)
        texts = (_nlp_text(a) for _, a in ready)
        for (i, art), doc in zip(ready, parse(self.nlp, texts, batch_size=self.batch_size), strict=True):
            try:
                events = self.events_from_doc(art, doc)
            except (
                ValueError,
                IndexError,
                KeyError,
                EventlensError,
            ) as exc:  # one bad article never stops a batch
                log.exception("extraction failed for %s", art.id)
                results[i] = ExtractResult(
                    art.id, art, [], InputError(art.id, f"extraction failed: {exc}", stage="extract")
                )
                continue
            results[i] = ExtractResult(art.id, art, events)
        for r in results:
            assert r is not None
            yield r

    def places(
        self,
        items: Iterable[Mapping[str, Any] | Article | InputError | str],
        *,
        published: datetime | date | str | None = None,
    ) -> Iterator[PlacesResult]:
        """The toponyms of each input, resolved as events' places are (``eventlens places``),
        in input order, one result per input, errors included."""
        published = as_datetime(published)
        for batch in self._batches(items):
            yield from self._places_batch(batch, published)

    def _places_batch(
        self, batch: Sequence[Article | InputError], published: datetime | None
    ) -> Iterator[PlacesResult]:
        from eventlens.geo.toponyms import find_toponyms

        failed, ready = self._prepare(batch, published, None)
        out: list[PlacesResult | None] = [
            None if r is None else PlacesResult(r.article_id, r.article, [], r.error) for r in failed
        ]
        geocoder = self.geocoder
        texts = (_nlp_text(a) for _, a in ready)
        for (i, art), doc in zip(ready, parse(self.nlp, texts, batch_size=self.batch_size), strict=True):
            tops = find_toponyms(doc, gazetteer=self._gazetteer)
            if geocoder:
                found = geocoder.resolve_toponyms(art, tops)
            else:
                found = [Toponym(t.start, t.end, t.text, t.name, None, None, t.is_location) for t in tops]
            if doc.user_data.get("truecased"):
                found = restore_texts(found, art.text)
            out[i] = PlacesResult(art.id, art, found)
        for r in out:
            assert r is not None
            yield r

    # ------------------------------------------------------------------ one article
    def events_from_doc(self, article: Article, doc: Doc) -> list[Event]:
        anchor = article.published
        pub_date = anchor.date() if anchor else None
        title = article.title_span
        sentences: list[Sentence] = []
        cues = doc._.cues or []
        ci = 0
        for sent in sentence_spans(doc):  # (each sentence's text built once, for every stage)
            if not sent.text.strip():
                continue
            while ci < len(cues) and cues[ci].start < sent.start:
                ci += 1
            j = ci
            sc = []
            while j < len(cues) and cues[j].start < sent.end:
                sc.append(cues[j])
                j += 1
            is_title = title is not None and sent.start_char < title.end and sent.end_char > title.start
            dates = find_dates(sent.text, anchor, offset=sent.start_char)
            sentences.append(Sentence(sent, sc, dates, is_title=is_title))
        # no publication time: relative dates float, to tell incidents apart (stages.undated)
        floating = float_relative_dates(sentences) if anchor is None else None
        reference = pub_date or (floating.anchor if floating else None)
        groups = apply_kinds(group_sentences(sentences, reference), sentences, reference)
        groups = join_recalled(groups, reference)
        if pub_date is None:
            # No publication time: the lead incident's own date stands in for it, so older
            # incidents the article recalls are still told apart as background.
            lead = next(
                (
                    g.date.range
                    for g in groups
                    if g.role is None
                    and g.date is not None
                    and g.date.range is not None
                    and not (floating and floating.floats(g.date))
                ),
                None,
            )
            pub_date = lead.end if lead is not None else None
        if floating is not None:
            settle(groups, floating)
        events: list[Event] = []
        for g in groups:
            ev = self._event(article, g, pub_date)
            if ev is not None:
                events.append(ev)
        if events and self.geocoder:
            events = self._geocode(article, doc, events)
        events = [finalize(e, self._gazetteer) for e in events]
        # an unnamed doer the article names elsewhere (a claim paragraph, "Taliban militants")
        events = article_actors(
            events, [Span(s.span.start_char, s.span.end_char, s.span.text) for s in sentences]
        )
        if doc.user_data.get("truecased"):  # the parse saw capitals the text lacks: show its words
            events = restore_texts(events, article.text)
        return events

    def _geocode(self, article: Article, doc: Doc, events: list[Event]) -> list[Event]:
        try:
            from eventlens.geo.toponyms import find_toponyms

            toponyms = find_toponyms(doc, gazetteer=getattr(self, "_gazetteer", None))
            return list(self.geocoder.geocode_events(article, events, toponyms))
        except (ImportError, AttributeError, TypeError) as exc:
            log.warning("geocoding skipped for %s: %s", article.id, exc)
            return events

    def _event(self, article: Article, g: Group, pub_date: date | None) -> Event | None:
        # the re-ranker's model loads on first use, when a group first reaches it
        built = build_event(article, g, pub_date, lambda: self.subtype_model)
        if built is None:
            return None
        ev, feats = built
        if self.features is not None:
            self.features[ev.id] = feats
        return ev


def _nlp_text(article: Article) -> str:
    """The text spaCy reads: the body, boilerplate blanked, the title kept (offsets unchanged)."""
    masked = article.body_masked()
    ts = article.title_span
    if ts is not None and ts.end <= len(masked):
        masked = masked[: ts.start] + article.text[ts.start : ts.end] + masked[ts.end :]
    return masked


def _text_id(text: str) -> str:
    return "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]

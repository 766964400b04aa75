"""The grammar rules for expressions read against the anchor or naming no calendar date: weekdays,
"yesterday", parts of day, "last month", quarters, seasons, "ago", durations, sets and clock times."""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventlens.stages.dates.calendar_ranges import (
    _add_months,
    _choose,
    _monday,
    _month_part,
    _quarter,
    _season,
    _week_timex,
    _year_part,
)
from eventlens.stages.dates.grammar import _GRAMMAR, _cap, _Ctx, _day_hit, _Hit, _hit, _rule
from eventlens.stages.dates.words import (
    _NUMW,
    _ORDINALS,
    _PART,
    _SEASONS,
    _SET_ADVERBS,
    _TIMEX_PART,
    _UNIT,
    _WD,
    _WEEKDAYS,
    _YEAR,
    DAY_PARTS,
    _duration_timex,
    _num_value,
)
from eventlens.types import DateRange


# Weekdays: on Saturday, last Sunday, next Monday, early Friday, Friday night
@_rule(
    rf"\b(?:(?P<rel>last|this|next|past|coming|previous)\s+|(?P<pre>early|late)\s+(?:on\s+)?)?(?P<wd>{_WD})(?!\w)"
)
def _weekday(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    if not _cap(m, "wd"):
        return None
    wd = _WEEKDAYS[m["wd"].lower()]
    part = {"early": "morning", "late": "evening"}.get((m["pre"] or "").lower())
    a = ctx.anchor
    if a is None:
        return _hit(m, "DATE", None, relative=True, timex=f"XXXX-WXX-{wd + 1}", part=None)
    rel = (m["rel"] or "").lower()
    delta = (a.weekday() - wd) % 7  # days back to the latest such weekday, 0 = today
    if rel in ("last", "past", "previous"):
        d = a - timedelta(days=delta or 7)
    elif rel in ("next", "coming"):
        d = a + timedelta(days=(wd - a.weekday()) % 7 or 7)
    elif rel == "this":
        d = _monday(a) + timedelta(days=wd)
    elif ctx.tense == "future":
        d = a + timedelta(days=(wd - a.weekday()) % 7 or 7)
    elif ctx.tense == "present" and delta > 3:
        d = a + timedelta(days=7 - delta)
    else:
        d = a - timedelta(days=delta)
    rng = DateRange.day(d, time_of_day=part)
    timex = d.isoformat() + (f"T{_TIMEX_PART[part]}" if part else "")
    return _hit(m, "DATE", rng, relative=True, timex=timex, has_day=True)


# today, yesterday, tomorrow, tonight, last night, this morning, earlier today, the day before yesterday
@_rule(
    r"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|(?:earlier\s+|later\s+)?today"
    r"|yesterday|tomorrow|tonight|last\s+night|(?:early\s+|late\s+)?this\s+(?:morning|afternoon|evening)"
    r"|the\s+same\s+day|that\s+same\s+day|that\s+day|the\s+day(?!\s+(?:of|after|before|when|that|in|on|to)\b))\b"
)
def _deictic(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    w = re.sub(r"\s+", " ", m["w"].lower())
    offset, part = 0, None
    if w == "the day before yesterday":
        offset = -2
    elif w == "the day after tomorrow":
        offset = 2
    elif w == "yesterday":
        offset = -1
    elif w == "tomorrow":
        offset = 1
    elif w == "tonight":
        part = "night"
    elif w == "last night":
        offset, part = -1, "night"
    elif "this " in w:
        part = w.rsplit(" ", 1)[-1]
    if ctx.anchor is None:
        return _hit(m, "DATE", None, relative=True, timex="XXXX-XX-XX")
    d = ctx.anchor + timedelta(days=offset)
    timex = d.isoformat() + (f"T{_TIMEX_PART[part]}" if part else "")
    rng = DateRange.day(d, time_of_day=part)
    return _hit(m, "DATE", rng, relative=True, timex=timex, has_day=True, forward=offset > 0)


# Parts of the day waiting for a day: "Friday night", "the night of 5 March", "yesterday morning"
@_rule(
    r"\b(?:(?:in|on|during|at|before|after)\s+)?(?:the\s+)?(?:(?:early|late|small)\s+)?(?:hours\s+of\s+)?"
    rf"(?P<p>{_PART}|overnight|dawn|daybreak|dusk|sunrise|sunset|(?<=early\s)hours|(?<=small\s)hours)(?:\s+of)?\b"
)
def _part(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    word = m["p"].lower()
    return _hit(m, "TIME", None, part="night" if word == "hours" else DAY_PARTS[word])


# "the fall of Kabul", "the fall in prices": the noun, not the season (a year after "of" is the season)
_FALL_NOUN = re.compile(r"\s+(?:in\b|of\s+(?!(?:last|this|next|that)\s+year\b))", re.IGNORECASE)


# last week, this month, the past year, next year, this weekend, the previous month, earlier this week
@_rule(
    r"\b(?P<rel>last|this|next|the\s+past|the\s+last|the\s+previous|the\s+coming|the\s+next|the\s+following"
    r"|the\s+current|this\s+past|past|previous|coming|current|earlier\s+this|later\s+this"
    r"|(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+(?:this|last|next|the)"
    r"|(?:early|late|mid)(?:\s+|-)(?:this|last|next)|the)"
    r"\s+(?P<unit>week|weekend|month|year|decade|quarter|spring|summer|autumn|fall|winter)(?![\w-])"
    r"(?P<prev>\s+(?:before|previous|earlier|prior))?"
)
def _rel_unit(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    a = ctx.anchor
    if rel == "the" and not m["prev"]:
        if unit not in ("weekend",) and unit not in _SEASONS:
            return None  # "the week" alone is anaphoric
        if unit == "fall" and _FALL_NOUN.match(m.string, m.end()):
            return None
    if a is None:
        return _hit(m, "DATE", None, relative=True, timex=None)
    word = rel.split()[-1]
    step = 0
    if m["prev"] or word in ("last", "previous") or rel in ("the past", "past", "this past"):
        step = -1
    elif word in ("next", "coming", "following"):
        step = 1
    bare = rel.removeprefix("the ")
    part_words = ("end", "beginning", "start", "middle", "rest", "remainder", "early", "late", "mid")
    mod = re.split(r"[\s-]", bare)[0] if bare.startswith(part_words) else ""
    if rel.startswith("earlier"):
        mod = "earlier"
    elif rel.startswith("later"):
        mod = "later"
    if unit == "week":
        mon = _monday(a) + timedelta(weeks=step)
        rng = DateRange.week(mon)
        timex = _week_timex(mon)
    elif unit == "weekend":
        if rel == "the":
            sat = a - timedelta(days=(a.weekday() - 5) % 7)
            if ctx.tense == "future" and a.weekday() < 5:
                sat = _monday(a) + timedelta(days=5)
        else:
            sat = _monday(a) + timedelta(days=5, weeks=step)
        rng = DateRange(sat, sat + timedelta(days=1), "week")
        timex = _week_timex(sat) + "-WE"
    elif unit == "month":
        y, mo = _add_months(a.year, a.month, step)
        rng = _month_part(y, mo, mod)
        timex = f"{y:04d}-{mo:02d}"
    elif unit == "year":
        y = a.year + step
        rng = _year_part(y, mod)
        timex = f"{y:04d}"
    elif unit == "decade":
        start = (a.year // 10 + step) * 10
        rng = DateRange(date(start, 1, 1), date(start + 9, 12, 31), "year")
        timex = f"{start // 10:03d}"
    elif unit == "quarter":
        q = (a.month - 1) // 3 + 1
        y, q = divmod((a.year * 4 + q - 1) + step, 4)
        rng = _quarter(y, q + 1)
        timex = f"{y:04d}-Q{q + 1}"
    else:  # season
        code, first = _SEASONS[unit]
        y = a.year if (a.month >= first or (code == "WI" and a.month < 3)) else a.year - 1
        y += step
        rng = _season(y, first)
        timex = f"{y:04d}-{code}"
    if mod == "earlier":
        rng = DateRange(rng.start, min(rng.end, a), rng.precision)
    elif mod == "later":
        rng = DateRange(max(rng.start, a), rng.end, rng.precision)
    forward = step > 0 or mod in ("later", "end", "rest", "remainder")
    return _hit(m, "DATE", rng, relative=True, timex=timex, forward=forward)


# Quarters: the first quarter of 2009, the fourth quarter, Q3 2020, third-quarter, the last quarter
@_rule(
    r"\b(?:(?:the\s+)?(?P<ord>first|second|third|fourth|final|last)[\s-]+quarter|Q(?P<qn>[1-4]))"
    rf"(?:\s+(?:of\s+)?(?:(?P<y>{_YEAR})|(?P<rel>this|last|next|the\s+previous|the\s+same)\s+year))?\b"
)
def _quarter_rule(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    if m["qn"]:
        q = int(m["qn"])
    elif m["ord"].lower() in ("last", "final") and not (m["y"] or m["rel"]):
        q = 0  # "the last quarter": the one before the current
    else:
        q = _ORDINALS[m["ord"].lower()]
    if m["y"]:
        y = int(m["y"])
    elif ctx.anchor is None:
        return _hit(m, "DATE", None, relative=True, timex=f"XXXX-Q{q or 4}")
    else:
        a = ctx.anchor
        cur = (a.month - 1) // 3 + 1
        rel = (m["rel"] or "").lower().split()[-1:] or [""]
        if q == 0:
            y, q0 = divmod(a.year * 4 + cur - 2, 4)
            q = q0 + 1
        elif rel[0] in ("last", "previous"):
            y = a.year - 1
        elif rel[0] == "next":
            y = a.year + 1
        elif rel[0] in ("this", "same"):
            y = a.year
        else:
            starts = [_quarter(y0, q).start for y0 in (a.year - 1, a.year, a.year + 1)]
            y = _choose(starts, a, ctx.tense).year
    return _hit(m, "DATE", _quarter(y, q), relative=not m["y"], timex=f"{y:04d}-Q{q}")


# Seasons with a year or bare: "spring 2019", "the summer of 2014", "in autumn"
@_rule(
    rf"\b(?:(?:the|in|this|last)\s+)?(?P<s>spring|summer|autumn|winter|fall)(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?\b"
)
def _season_rule(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    code, first = _SEASONS[m["s"].lower()]
    if m["s"].lower() == "fall" and not (
        m["y"] or m.group(0).lower().startswith(("the", "in", "this", "last"))
    ):
        return None  # "fall" is a verb
    if m["s"].lower() == "fall" and not m["y"] and _FALL_NOUN.match(m.string, m.end()):
        return None
    if m["y"]:
        y = int(m["y"])
    elif ctx.anchor is None:
        return None
    else:
        a = ctx.anchor
        starts = [date(y0, first, 1) for y0 in (a.year - 1, a.year, a.year + 1)]
        y = _choose(starts, a, ctx.tense if ctx.tense != "present" else "past").year
    return _hit(m, "DATE", _season(y, first), relative=not m["y"], timex=f"{y:04d}-{code}")


# N days ago, a month ago, two weeks from now
@_rule(rf"\b(?P<n>{_NUMW})[\s-]+(?P<unit>{_UNIT})s?\s+(?P<dir>ago|from\s+now|hence)\b")
def _ago(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    n = _num_value(m["n"])
    unit = m["unit"].lower()
    if ctx.anchor is None or n is None or not float(n).is_integer() or unit in ("second", "minute", "hour"):
        return _hit(
            m, "DATE", None, relative=True, generic=n is None, timex="PAST_REF" if n is None else None
        )
    k = int(n) * (-1 if m["dir"].lower() == "ago" else 1)
    a = ctx.anchor
    if unit in ("day", "night"):
        return _day_hit(m, a + timedelta(days=k), True)
    if unit in ("week", "fortnight"):
        # the range is the week around that day; the value names the day, as TimeML annotators do
        d = a + timedelta(weeks=k * (2 if unit == "fortnight" else 1))
        return _hit(m, "DATE", DateRange.week(_monday(d)), relative=True, timex=d.isoformat())
    if unit in ("month", "quarter"):
        y, mo = _add_months(a.year, a.month, k * (3 if unit == "quarter" else 1))
        return _hit(m, "DATE", DateRange.month(y, mo), relative=True, timex=f"{y:04d}-{mo:02d}")
    y = a.year + k * {"year": 1, "decade": 10, "century": 100}.get(unit, 1)
    return _hit(m, "DATE", DateRange.year(y), relative=True, timex=f"{y:04d}")


# Durations: the past 18 months, two years, 27-year, almost two and a half years, six straight days
@_rule(
    r"\b(?P<pre>(?:(?:for|over|during|in|within|throughout|after|since|nearly|almost|about|around|some|roughly"
    r"|more\s+than|less\s+than|at\s+least|up\s+to|another|a\s+further|the\s+(?:past|last|next|first|coming"
    r"|previous|following|preceding|entire|whole|full))\s+){0,3})"
    rf"(?P<n>{_NUMW})(?P<sep>[\s-]+)(?:(?:straight|consecutive|full|trading|working|business|calendar)\s+)?"
    rf"(?P<unit>{_UNIT})(?P<pl>s)?(?P<long>-long)?(?![\w-])(?!\s+(?:old|of\s+age)\b)"
)
def _duration(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    n = _num_value(m["n"])
    nl = m["n"].lower().strip()
    if nl in ("a", "an", "one", "single", "a single") and m["pl"]:
        return None
    if m["n"][0].isdigit() and len(m["n"]) == 4 and not m["pl"]:
        return None  # "2017 year" is not a duration
    unit = m["unit"].lower()
    if unit == "second" and nl in ("a", "an") and re.match(r"\s+[a-z]", ctx.text[m.end() :]):
        return None  # "a second consecutive day": the ordinal
    before = ctx.text[max(0, m.start() - 25) : m.start()]
    # "$5 billion a year", "twice a week": a rate, i.e. a SET
    if (
        nl in ("a", "an")
        and not m["pre"]
        and re.search(
            r"(?:\d|\b(?:million|billion|thousand|hundred|once|twice|times|per|percent|cent|dollars|euros))\s*$",
            before,
            re.I,
        )
    ):
        return _hit(m, "SET", None, generic=True, timex=_duration_timex(1, unit))
    return _hit(m, "DURATION", None, generic=True, timex=_duration_timex(n, unit))


# Vague plural durations: years, decades, for months, over the years, minutes
@_rule(
    r"\b(?:(?:for|over\s+the|in\s+the\s+(?:coming|next)|for\s+many|for\s+several|many)\s+)?"
    r"(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?P<long>-long)?(?![\w-])"
    r"(?!\s+(?:old|ago|of\s+age)\b)"
)
def _vague_duration(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    unit = m["unit"].lower()
    if unit == "decades":
        timex = "PXY"  # MEANTIME and TimeML practice: decades are counted in years
    else:
        timex = _duration_timex(None, unit.rstrip("s").replace("centurie", "century"))
    return _hit(m, "DURATION", None, generic=True, timex=timex)


# Sets: every day, each week, almost daily, weekly, twice a month, every Friday
@_rule(
    rf"\b(?:(?:almost|nearly|virtually)\s+)?(?:(?:every|each)\s+(?:other\s+|single\s+)?(?P<u>day|night|week|month|year"
    rf"|morning|evening|afternoon|weekend|{_WD})|(?P<adv>hourly|daily|nightly|weekly|biweekly|fortnightly|monthly"
    rf"|quarterly|yearly|annually|annual)|(?P<times>once|twice|\w+\s+times)\s+(?:a|an|per|each|every)\s+"
    rf"(?P<u2>day|week|month|year))\b"
)
def _set(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    if m["adv"]:
        timex = _SET_ADVERBS[m["adv"].lower()]
    else:
        u = (m["u"] or m["u2"]).lower()
        if u in _WEEKDAYS:
            timex = f"XXXX-WXX-{_WEEKDAYS[u] + 1}"
        elif u in ("morning", "evening", "afternoon"):
            timex = f"XXXX-XX-XXT{_TIMEX_PART[u]}"
        elif u == "weekend":
            timex = "XXXX-WXX-WE"
        else:
            timex = _duration_timex(1, u)
    return _hit(m, "SET", None, generic=True, timex=timex)


# Generic references: recently, in recent years, now, currently, the future, soon
@_rule(
    r"\b(?P<past>(?:in\s+)?recent\s+(?:years|months|weeks|days|times|history)|(?:in\s+)?the\s+past(?!\s+\w+\s+"
    r"(?:days|weeks|months|years))|recently|lately|formerly|previously|recent|history)\b"
    r"|\b(?P<present>now|currently|current|nowadays|at\s+present|presently|at\s+the\s+moment|the\s+time\s+being"
    r"|ongoing|these\s+days)\b"
    r"|\b(?P<future>(?:in\s+)?the\s+(?:near\s+|distant\s+)?future|in\s+future|(?:soon|shortly|later)(?!\s+(?:after|before|than|that|on|in|at)\b)|eventually"
    r"|(?:the\s+)?(?:long|near|short)[\s-]term|(?:in\s+)?the\s+coming\s+(?:days|weeks|months|years)|upcoming)\b"
)
def _generic_ref(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    timex = "PAST_REF" if m["past"] else "PRESENT_REF" if m["present"] else "FUTURE_REF"
    return _hit(m, "DATE", None, relative=True, generic=True, timex=timex)


# Clock times: 9:21 a.m., 14:30, 0800 GMT, 10 pm, noon, midnight (optionally "UTC", "(GMT+8)", "local time")
_TZ = (
    r"(?P<tz>\s*\(?\s*(?:UTC|GMT|Z)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?\s*\)?|\s+local\s+time|\s+[ECMP][SD]T\b)?"
)


@_rule(
    r"(?<![\w:.])(?:(?P<h1>[01]?\d|2[0-3])[:.](?P<m1>[0-5]\d)(?:\s*(?P<ap1>[ap]\.?\s?m\b\.?))?"
    r"|(?P<h2>1[0-2]|0?[1-9])\s*(?P<ap2>[ap]\.?\s?m\b\.?)|(?P<h3>[01]\d|2[0-3])(?P<m3>[0-5]\d)(?=\s*(?:hrs|hours|h\b|GMT|UTC|Z\b|local))"
    r"(?:\s*(?:hrs|hours|h\b))?|(?P<h4>1[0-2]|[1-9])\s+o['’]clock|(?P<word>noon|midnight|midday))"
    + _TZ
    + r"(?![\w:])"
)
def _clock(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    if m["word"]:
        clock = DAY_PARTS[m["word"].lower()]
    else:
        h = int(m["h1"] or m["h2"] or m["h3"] or m["h4"])
        mi = int(m["m1"] or m["m3"] or 0)
        ap = (m["ap1"] or m["ap2"] or "").lower()
        if m["h1"] and "." in m.group(0)[: m.end("m1") - m.start()] and not ap:
            return None  # "3.45" is a number unless followed by a.m./p.m.
        if ap.startswith("p") and h < 12:
            h += 12
        elif ap.startswith("a") and h == 12:
            h = 0
        clock = f"{h:02d}:{mi:02d}"
    tz = "Z" if m["tz"] and re.search(r"UTC|GMT|Z", m["tz"]) else ""
    a = ctx.anchor
    rng = DateRange.day(a, time_of_day=clock) if a else None
    timex = f"{a.isoformat() if a else 'XXXX-XX-XX'}T{clock}{tz}"
    return _hit(m, "TIME", rng, relative=True, timex=timex, clock=clock, tz=tz)


#: The whole grammar: the calendar rules of ``grammar`` first, then these (earlier rules win ties).
GRAMMAR = _GRAMMAR

"""The words and patterns dates are written in: tenses and kinds, parts of the day, months,
weekdays, seasons, ordinals, number words, units, and the cue words around bare numbers."""

from __future__ import annotations

import re
from typing import Literal

from eventlens.stages.numbers import TENS

Tense = Literal["past", "present", "future"]
Kind = Literal["DATE", "TIME", "DURATION", "SET"]

#: Words for parts of the day and the ``time_of_day`` label each gets (clock times use "HH:MM").
DAY_PARTS: dict[str, str] = {
    "morning": "morning",
    "dawn": "morning",
    "daybreak": "morning",
    "sunrise": "morning",
    "afternoon": "afternoon",
    "evening": "evening",
    "dusk": "evening",
    "sunset": "evening",
    "night": "night",
    "overnight": "night",
    "midnight": "00:00",
    "noon": "12:00",
    "midday": "12:00",
}

#: TIMEX3 part-of-day codes for the coarse labels.
_TIMEX_PART = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


# --------------------------------------------------------------------------- lexicon

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_SEASONS = {
    "spring": ("SP", 3),
    "summer": ("SU", 6),
    "autumn": ("FA", 9),
    "fall": ("FA", 9),
    "winter": ("WI", 12),
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
_UNITS = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1),
    "year": ("Y", False, 1), "decade": ("Y", False, 10), "century": ("Y", False, 100),
}  # fmt: skip  # unit -> (TIMEX letter, is a time unit (PT..), multiplier)
_SMALL = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen \
sixteen seventeen eighteen nineteen".split()
_TENS = TENS  # the one table of tens words (eventlens.stages.numbers)
_NUMBER_WORDS: dict[str, float] = {w: i for i, w in enumerate(_SMALL)}
_NUMBER_WORDS.update(_TENS)
_NUMBER_WORDS.update({"a": 1, "an": 1, "single": 1, "a single": 1, "a dozen": 12, "dozen": 12, "hundred": 100,
                      "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2})  # fmt: skip
_VAGUE_NUMBERS = {
    "several",
    "a few",
    "few",
    "some",
    "many",
    "numerous",
    "a number of",
    "dozens of",
    "hundreds of",
}
_SET_ADVERBS = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P1Q", "yearly": "P1Y", "annually": "P1Y",
    "annual": "P1Y",
}  # fmt: skip

_MON = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?\.?|july?\.?|aug(?:ust|\.)?"
    r"|sep(?:tember|t\.|t|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)(?![a-z])"
)
_MONTH_FULL = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|sept\.)(?![a-z])"
)
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?!\d)"
_PART = r"(?:morning|afternoon|evening|night)"
_NUMW = (
    r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred|hundred|a\s+dozen|dozen"
    r"|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|several|few|many|some|numerous|a\s+number\s+of"
    r"|dozens\s+of|hundreds\s+of|a\s+single|single|an|a)(?:\s+and\s+a\s+half)?"
)
_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|centurie)"
# A year cannot be a count: these after a bare 4-digit number mean it is one.
_COUNT_NOUNS = re.compile(
    r"\s*(?:people|persons|men|women|children|civilians|soldiers|troops|fighters|militants|deaths|dead|killed"
    r"|injured|wounded|casualties|families|refugees|migrants|units|homes|houses|buildings|cases|votes|km|kms"
    r"|kilometres|kilometers|miles|metres|meters|feet|dollars|euros|pounds|tonnes|tons|rockets|shells|members"
    r"|employees|jobs|workers|residents|students|prisoners|detainees|votes|seats|flights|planes|aircraft|cars"
    r"|vehicles|times|percent|per\s+cent)\b",
    re.I,
)
_YEAR_CUE_BEFORE = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|of|during|before|after|through|throughout|between|and|to|early|late"
    r"|mid|the|end|circa|c\.|year|summer|spring|autumn|winter|fall|season|fiscal|FY)[\s-]*|[(\-–])$",
    re.I,
)
_MONTH_CUE_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|from|of|during|before|after|through|between|and|to|last|next|this|early"
    r"|late|mid|end)\s*$",
    re.I,
)
_NUMBER_CUE_BEFORE = re.compile(
    r"(?:\b(?:about|some|over|nearly|almost|than|around|approximately|roughly|least|total\s+of|estimated)\s*"
    r"|[$€£#]\s*)$",
    re.I,
)


def _num_value(text: str) -> float | None:
    """``"two and a half"`` -> 2.5, ``"twenty-five"`` -> 25, ``"several"`` -> None (vague)."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    half = 0.0
    if t.endswith(" and a half"):
        half, t = 0.5, t[: -len(" and a half")]
    if t in _VAGUE_NUMBERS:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t) + half
    if t in _NUMBER_WORDS:
        return _NUMBER_WORDS[t] + half
    parts = re.split(r"[\s-]", t)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _NUMBER_WORDS:
        return _TENS[parts[0]] + _NUMBER_WORDS[parts[1]] + half
    return None


def _fmt_num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _duration_timex(n: float | None, unit: str) -> str:
    letter, is_time, mult = _UNITS[unit.lower().rstrip("s").replace("centurie", "century")]
    amount = "X" if n is None else _fmt_num(n * mult)
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"

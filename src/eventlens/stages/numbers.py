"""Numbers as news writes them: "three", "at least 12", "dozens", "a", "1,200", "twenty-five".

Vague quantities follow ACLED's coding rules (Codebook 2023, 'Fatalities'): "several", "a
number of", "some" -> 3; "dozens" -> 12; "scores" -> 20; "hundreds" -> 100. An explicit
"no"/"none" is 0; silence is None (the caller's job, never 0).
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "no": 0, "none": 0, "a": 1, "an": 1, "one": 1, "single": 1, "lone": 1, "two": 2, "both": 2,
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "dozen": 12, "couple": 2, "pair": 2,
}  # fmt: skip
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
VAGUE = {
    "several": 3,
    "some": 3,
    "few": 3,
    "number": 3,
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
}

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")


def parse_number(words: str) -> int | None:
    """Parse a number phrase; ``None`` when it is not one.

    >>> parse_number("twenty-five"), parse_number("1,200"), parse_number("at least 12"), parse_number("dozens")
    (25, 1200, 12, 12)
    """
    text = words.lower().replace("-", " ").strip()
    text = re.sub(
        r"^(at least|at most|more than|over|nearly|almost|about|around|some|up to|as many as|roughly|approximately)\s+",
        "",
        text,
    )
    toks = [t for t in text.split() if t not in ("and", "of")]
    if not toks:
        return None
    if len(toks) == 1 and _DIGITS.match(toks[0]):
        return int(toks[0].replace(",", ""))
    if len(toks) == 1 and toks[0] in VAGUE:
        return VAGUE[toks[0]]
    if toks[0] in ("a", "an") and len(toks) >= 2 and toks[1] in VAGUE:  # "a few", "a number"
        return VAGUE[toks[1]]
    if toks[0] in ("a", "an") and len(toks) >= 2:  # "a dozen", "a hundred": the article is no "one"
        toks = toks[1:]
    total, current, seen = 0, 0, False
    for t in toks:
        if _DIGITS.match(t):
            current += int(t.replace(",", ""))
        elif t in UNITS:
            current += UNITS[t]
        elif t in TENS:
            current += TENS[t]
        elif t in SCALES:
            current = max(current, 1) * SCALES[t]
            if SCALES[t] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None

"""The toll reader's pre-check (arguments/toll.py): a sentence is searched for counts only when it
holds a word every count pattern contains, so skipping the others changes no toll."""

from __future__ import annotations

import pytest

from eventlens.stages.arguments import toll

COUNTED = [
    "Gunmen killed 12 villagers and wounded three others in Kelm.",
    "Five soldiers and two rebels were killed in the clash.",
    "The death toll rose to 31 on Friday.",
    "Police said 4 people were injured and 2 dead.",
    "Militants shot dead two guards, fatally wounded a third and hurt six.",
    "At least 20 fatalities were reported after the blast.",
    "Six aid workers in South Sudan lost their lives.",
    "Troops gunned down three suspects; 2 deaths were confirmed.",
    "THE ARMY SAID 40 FIGHTERS WERE SLAIN AND 12 INJURED.",
    "Eleven protesters were hurt when police charged.",
    "Rebels massacred 30 villagers and executed 4 prisoners.",
]
NO_COUNT = [
    "Residents of Toma marched peacefully on Sunday.",
    "The army seized two trucks of weapons near the border.",
    "Talks between the parties resumed in Geneva.",
]


@pytest.mark.parametrize("text", COUNTED)
def test_every_count_pattern_match_holds_a_toll_word(text: str) -> None:
    found = 0
    for _kind, rx in toll._PATTERNS:
        for m in rx.finditer(text):
            found += 1
            assert toll._TOLL_WORD.search(m.group(0)), (m.group(0), rx.pattern[:80])
    assert found, f"no count pattern matched {text!r}: the test checks nothing"
    fat, inj, _f, _i = toll._read_casualties(text)
    assert fat or inj


@pytest.mark.parametrize("text", NO_COUNT)
def test_a_sentence_without_a_toll_word_has_no_count(text: str) -> None:
    assert toll._TOLL_WORD.search(text) is None
    assert not any(rx.search(text) for _kind, rx in toll._PATTERNS)
    assert toll._read_casualties(text)[:2] == (None, None)

"""A disaster's or an epidemic's story naming violence as its setting gives no reported record
of that violence (issue 15 item 2); violence the story tells as an incident of its own still
does. Texts written for these tests."""

from __future__ import annotations

from datetime import datetime

PUB = datetime(2025, 3, 4, 16, 0)

SETTING = """Cholera kills 40 in western provinces
Health officials said on Tuesday that an outbreak of cholera had killed 40 people in three western provinces in the last five months.
Reprisal killings and ethnic clashes after the disputed elections have driven many people from their homes.
"""

TOLD_APART = """Cholera kills 40 in western provinces
Health officials said on Tuesday that an outbreak of cholera had killed 40 people in three western provinces in the last five months.
Separately, gunmen attacked an aid convoy near the town of Marigat on Monday, killing two drivers, police said.
"""


def test_violence_named_as_a_disasters_setting_is_no_news(pipe) -> None:
    assert not [e for e in pipe.extract(SETTING, published=PUB) if e.role == "reported"]


def test_violence_told_apart_in_a_disaster_story_is_news(pipe) -> None:
    rep = [e for e in pipe.extract(TOLD_APART, published=PUB) if e.role == "reported"]
    assert [e.fatalities for e in rep] == [2]

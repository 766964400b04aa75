"""Kinds of news wording the rules misread (issue 14, round 2), each told at least two ways in
texts written for these tests (invented names where a group or place is named).

Kinds: an attack on a place where unarmed people pray, trade, learn or live (a mosque, a church, a
market, a farming community) is one on civilians, also when "army officials" or "health and police
officials" report it (speakers are no side of the fight); demonstrators' own violence told after
the police killed some of them ("protesters who had pelted officers with rocks") makes a violent
demonstration; police beating protesters during a demonstration is force on them, not their
violence; force "used excessive force to disperse" is excessive force; a "fire exchange" is a clash;
stone-throwing (bottle-, rock-) demonstrators make a violent demonstration, and stone throwers
met by the police with no demonstration named are a mob.
And the rules that must not move: an attack on an army camp or a police post stays a battle.
"""

from datetime import datetime

import pytest

PUB = datetime(2022, 5, 12, 10, 0)

CASES = [
    (
        "Attack",
        "Gunmen attacked a crowded mosque in the restive north on Friday, wounding at least 40 people, "
        "health and police officials said.",
    ),
    (
        "Attack",
        "Militants stormed a church in the eastern province during Sunday mass, killing nine worshippers, "
        "army officials said.",
    ),
    (
        "Attack",
        "Gunmen attacked a busy market in Velgora on Monday, wounding 14 people, military sources said.",
    ),
    (
        "Attack",
        "Suspected bandits attacked the farming community of Ostrik at dawn, killing seven, police spokesman said.",
    ),
    ("Armed clash", "Militants attacked an army camp in the north, killing nine soldiers."),
    ("Armed clash", "Gunmen attacked a police post near a market in the town, killing two officers."),
    (
        "Violent demonstration",
        "Police shot dead four protesters who had pelted officers with rocks in the capital.",
    ),
    (
        "Violent demonstration",
        "Soldiers killed two demonstrators after protesters hurled stones at the troops outside the governor's office.",
    ),
    (
        "Protest with intervention",
        "Police beat protesters during a demonstration outside the ministry on Monday.",
    ),
    (
        "Protest with intervention",
        "Officers assaulted demonstrators during a rally against fuel prices in Marsk on Tuesday.",
    ),
    (
        "Excessive force against protesters",
        "Police used excessive force to disperse protesters in the capital on Monday.",
    ),
    (
        "Excessive force against protesters",
        "Riot officers used disproportionate force to break up a sit-in by nurses outside the hospital.",
    ),
    (
        "Violent demonstration",
        "Police fired tear gas and rubber bullets at stone-throwing protesters in the capital.",
    ),
    (
        "Violent demonstration",
        "Gendarmes used water cannon against bottle-throwing demonstrators outside the Varna town hall.",
    ),
    ("Mob violence", "Police fired tear gas at rock-throwing youths in the old city."),
    ("Mob violence", "Soldiers fired rubber bullets at stone throwers near the checkpoint, wounding two."),
    (
        "Armed clash",
        "Soldiers were engaged in a fire exchange with the rebels since morning near the border.",
    ),
    ("Armed clash", "A heavy gunfire exchange between troops and militants went on for hours near Dorvik."),
]


def _reported(pipe, text: str) -> list:
    return [e for e in pipe.extract(text, published=PUB) if e.role == "reported"]


@pytest.mark.parametrize(("sub", "text"), CASES)
def test_news_sub_type(pipe, sub: str, text: str) -> None:
    events = _reported(pipe, text)
    assert events, f"nothing found in {text!r}"
    assert max(events, key=lambda e: e.confidence).sub_event_type == sub

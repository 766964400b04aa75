"""Territory by who holds it: the place's new holder and who lost it decide, whatever the verb.

Sentences written for these tests with invented places and group names; rules alone.
"""

from __future__ import annotations

from datetime import datetime

import pytest

PUB = datetime(2024, 5, 10, 12, 0)


def _top(pipe, text: str) -> str:
    evs = [e for e in pipe.extract(text, published=PUB) if e.role == "reported"]
    return max(evs, key=lambda e: e.confidence).sub_event_type if evs else "none"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        pytest.param(
            "The town of Kelm fell to Ostrava Brigade rebels on Sunday after fierce clashes with soldiers.",
            "Non-state actor overtakes territory",
            id="fell-to-invented-rebels",
        ),
        pytest.param(
            "After a week of fighting, the district capital fell to government troops on Monday.",
            "Government regains territory",
            id="fell-to-state-forces",
        ),
        pytest.param(
            "Soldiers withdrew from Kelm overnight and Ostrava Brigade fighters entered the town without resistance.",
            "Non-violent transfer of territory",
            id="entered-without-resistance",
        ),
        pytest.param(
            "Kelm was recaptured by government troops from the Ostrava Brigade following a week-long siege.",
            "Government regains territory",
            id="passive-recapture",
        ),
    ],
)
def test_territory_by_who_gains(pipe, text: str, sub: str) -> None:
    assert _top(pipe, text) == sub


def test_a_town_falling_silent_is_no_capture(pipe) -> None:
    # "fell" without a side to fall to is no change of hands
    assert _top(
        pipe, "The town fell silent on Sunday after days of clashes between soldiers and rebels."
    ) != ("Non-state actor overtakes territory")

"""A commemoration of an attack is no violent incident (issue 15: stories that give no reported
record): the attack words are nouns in a sentence that marks its anniversary. An attack on the
mourners, with a verb of its own, is still an incident. Texts written for these tests."""

from __future__ import annotations

from datetime import datetime

import pytest

from eventlens.taxonomy import BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS

PUB = datetime(2024, 3, 18, 12, 0)
_VIOLENT = (BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS)


def _violent_reported(pipe, text: str) -> list:  # type: ignore[no-untyped-def]
    return [e for e in pipe.extract(text, published=PUB) if e.role == "reported" and e.event_type in _VIOLENT]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Relatives of the victims of a suicide bombing at a church in Jos gathered on Sunday to mark "
            "one year since the attack, saying the killers were never caught.",
            id="gathered-to-mark-a-year-since",
        ),
        pytest.param(
            "Two years after the Kano bus station bombing, survivors gathered on Sunday at the rebuilt station.",
            id="years-after-the-bombing",
        ),
    ],
)
def test_a_commemoration_of_an_attack_is_no_violent_incident(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _violent_reported(pipe, text) == []


def test_an_attack_on_a_commemoration_is_an_incident(pipe) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen opened fire on mourners at a ceremony in Kano on Sunday marking two years since a bus "
        "station bombing, killing three people, police said."
    )
    assert _violent_reported(pipe, text)

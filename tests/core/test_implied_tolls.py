"""The toll when the text names no dead (issue 15, tolls): ACLED writes 0 for a protest nobody
is said to have died at and for an incident whose toll counts only wounded; silence about any
casualty stays null. Texts written for these tests."""

from __future__ import annotations

from datetime import datetime

PUB = datetime(2025, 3, 4, 8, 0)


def _one(pipe, text: str):
    events = [e for e in pipe.extract(text, published=PUB) if e.role == "reported"]
    assert len(events) == 1, [(e.sub_event_type, e.fatalities) for e in events]
    return events[0]


def test_a_march_nobody_died_at_has_no_dead(pipe) -> None:
    ev = _one(
        pipe, "About 300 students marched through the centre of Lindale on Monday to demand lower fees."
    )
    assert ev.event_type == "Protests"
    assert ev.fatalities == 0


def test_a_blast_that_only_wounded_has_no_dead(pipe) -> None:
    ev = _one(
        pipe,
        "A landmine exploded under a tractor near the village of Orsk on Monday, wounding three farmers.",
    )
    assert ev.injured == 3
    assert ev.fatalities == 0


def test_silence_about_casualties_stays_unknown(pipe) -> None:
    ev = _one(pipe, "Gunmen attacked a police station in Tarvin on Monday, police said.")
    assert ev.fatalities is None


def test_a_stated_toll_is_kept(pipe) -> None:
    ev = _one(
        pipe, "Gunmen killed two guards and wounded five others in an attack on a bank in Tarvin on Monday."
    )
    assert (ev.fatalities, ev.injured) == (2, 5)

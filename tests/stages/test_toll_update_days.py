"""A toll update told on a later day belongs to the incident it updates (stages.merge /
merge_days.toll_update): "By Friday the death toll had risen to 12" after a Thursday attack is that
attack's toll, not a new incident's day that ends the story before its toll is read. Texts written
for this test (the tollfix helper found the kind on its own fresh texts; none is from an
evaluation set). Both incident cases gave the first day's toll (5, 4) before the fix.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from eventlens.pipeline import Pipeline

PUB = datetime(2024, 3, 11, 9, 0)


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


def _reported(pipe: Pipeline, text: str) -> list[tuple[int | None, str | None]]:
    out = []
    for e in pipe.extract(text, published=PUB):
        if e.role == "reported":
            out.append((e.fatalities, e.to_dict()["event_date"]))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Militants stormed an army outpost near Menaka on Thursday, killing five soldiers, the army "
            "said. By Friday the death toll had risen to 12 after seven wounded soldiers died in "
            "hospital, a military source said.",
            [(12, "2024-03-07")],
            id="by-friday-toll-rose",
        ),
        pytest.param(
            "A car bomb exploded at a busy market in Beledweyne on Saturday, killing four people. Three "
            "of the wounded died in hospital on Sunday, bringing the death toll to seven, officials said.",
            [(7, "2024-03-09")],
            id="died-next-day-bringing-toll",
        ),
    ],
)
def test_later_day_toll_update_is_the_incidents_toll(pipe: Pipeline, text: str, expected: list) -> None:
    assert _reported(pipe, text) == expected


def test_a_new_incident_on_a_later_day_stays_its_own(pipe: Pipeline) -> None:
    # no running total: the later day's attack is another incident with its own toll
    text = (
        "Gunmen killed three farmers in a village near Menaka on Tuesday, residents said. On Thursday, "
        "militants ambushed a convoy near Gao, killing six soldiers, the army said."
    )
    tolls = sorted(f for f, _ in _reported(pipe, text))
    assert tolls == [3, 6]

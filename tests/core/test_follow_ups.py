"""Legal follow-ups (issue 15 item 2): the incident a hearing or an extradition is about is one
background record, on its own date, with its toll - never the hearing's day. Texts written for
these tests."""

from __future__ import annotations

from datetime import datetime

PUB = datetime(2025, 3, 4, 16, 0)

PLEA = """Man denies role in 2022 Torvan market bombing
TORVAN, March 4 (Wire) - A man accused of helping militants plan a deadly bombing of a market in the north of the country in 2022 pleaded not guilty on Tuesday at a court in the capital.

Prosecutors say he drove the bomber to the market. The bomb exploded among traders in the Kessa market on June 3, 2022, killing 11 people and wounding 30.

The judge set the next hearing for April 2.
"""

EXTRADITION = """Court approves extradition of militia commander
LINDALE, March 4 (Wire) - The supreme court on Tuesday approved the extradition of a militia commander wanted abroad on smuggling charges, the justice ministry said.

Prosecutors also accuse him of ordering a grenade attack on an army post in Wela in November 2023. The blast wounded six soldiers.
"""


def test_a_pleas_incident_is_one_background_record_with_its_day_and_toll(pipe) -> None:
    events = [e for e in pipe.extract(PLEA, published=PUB) if e.fatalities]
    assert len(events) == 1, [(e.role, e.sub_event_type, e.fatalities, e.date) for e in events]
    (ev,) = events
    assert ev.role == "background"
    assert ev.fatalities == 11
    assert ev.date is not None and ev.date.precision == "day" and str(ev.date.start) == "2022-06-03"
    assert not [e for e in pipe.extract(PLEA, published=PUB) if e.role == "reported"]


def test_an_accusations_incident_keeps_its_own_month(pipe) -> None:
    events = [e for e in pipe.extract(EXTRADITION, published=PUB) if e.injured]
    assert [e.role for e in events] == ["background"]
    assert events[0].date is not None and events[0].date.precision == "month"
    assert str(events[0].date.start) == "2023-11-01"

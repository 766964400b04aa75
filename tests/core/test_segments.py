"""Incidents told one after another without "separately" (issue 15 item 1): "In one incident",
"Later, ...", and a paragraph told as a sequel ("In the afternoon") with its own toll.

Texts written for these tests, in three styles: a night report, a wire brief with a dateline
and a feature paragraph layout.
"""

from __future__ import annotations

from datetime import datetime

PUB = datetime(2025, 3, 4, 8, 0)

NIGHT_REPORT = """Night of shootings in Varda
Shootings went on in Varda last night.

In one incident, a man was killed and three more were wounded in a gun battle between troops and gunmen near the port.

Later, a woman was shot dead when she opened her door in Kiln Street, in the Harrow district of the city.
"""

WIRE = """KOSTEL, March 3 (Wire) - Gunmen ambushed a police patrol on the road outside Kostel on Monday, killing two officers, police said.

In the afternoon, a car bomb exploded at the central market, killing nine people and wounding 40.

Police said they had arrested three suspects.
"""

ONE_STORY = """KOSTEL, March 3 (Wire) - A car bomb exploded at the central market in Kostel on Monday, killing nine people, police said.

Later, two of the wounded died in hospital, bringing the toll to 11.

The attackers have not been identified.
"""


def _tolls(events):
    return sorted((e.fatalities or 0) for e in events if e.role == "reported")


def test_in_one_incident_and_later_open_incidents(pipe) -> None:
    events = pipe.extract(NIGHT_REPORT, published=PUB)
    killed = [e for e in events if e.fatalities]
    assert len(killed) == 2, [(e.sub_event_type, e.fatalities, e.injured) for e in events]
    assert sorted(e.fatalities for e in killed) == [1, 1]
    assert any(e.injured == 3 for e in killed)


def test_a_sequel_paragraph_with_its_own_toll_is_another_incident(pipe) -> None:
    events = pipe.extract(WIRE, published=PUB)
    assert _tolls(events) == [2, 9]


def test_a_later_toll_of_the_same_wounded_stays_on_the_incident(pipe) -> None:
    events = pipe.extract(ONE_STORY, published=PUB)
    assert [e.role for e in events] == ["reported"]
    assert events[0].fatalities == 11


def test_a_running_toll_is_the_toll_so_far_not_added_to_the_new_dead() -> None:
    from eventlens.stages.arguments.toll import casualties

    assert casualties("Later, two of the wounded died in hospital, bringing the toll to 11.", 0)[0] == 11
    assert casualties("Three more bodies were found, raising the death toll to 20.", 0)[0] == 20
    assert casualties("The death toll has risen to 14.", 0)[0] == 14
    assert casualties("Gunmen killed four people and wounded seven.", 0)[:2] == (4, 7)


CONFLICTING = """KOSTEL, March 3 (Wire) - A truck bomb exploded outside a bus station in Kostel on Monday, killing as many as 16 people, hospital officials said.
The officials said 30 people also were wounded.
The army confirmed the bombing but said its first reports showed six people were killed and 12 were wounded.
"""


def test_another_sources_figures_are_not_added_to_the_first(pipe) -> None:
    (ev,) = pipe.extract(CONFLICTING, published=PUB)
    assert ev.fatalities in (6, 16)
    assert ev.injured in (12, 30)


EPIDEMIC_CONTEXT = """Police break up protest over cholera in Mervale
MERVALE, March 3 (Wire) - Police fired rubber bullets to disperse hundreds of residents who blocked the main road in Mervale on Monday, demanding clean water.
The town has been hit by a cholera outbreak. Health officials say 12 people have died of the disease.
However, a report by a local clinic states that 30 people have died.
"""

VIOLENCE_AFTER = """Gunmen attack a village near Mervale
MERVALE, March 3 (Wire) - Gunmen attacked the village of Ukasi near Mervale on Monday, police said.
The region has also been hit by a cholera outbreak, and the clinic in Ukasi is full.
The attackers shot dead four villagers and burned 20 houses, a local official said.
"""


def test_an_epidemics_dead_lend_no_toll_to_the_protest(pipe) -> None:
    events = [e for e in pipe.extract(EPIDEMIC_CONTEXT, published=PUB) if e.role == "reported"]
    assert len(events) == 1
    assert events[0].fatalities == 0


def test_the_story_goes_on_after_the_epidemic_is_mentioned(pipe) -> None:
    events = [e for e in pipe.extract(VIOLENCE_AFTER, published=PUB) if e.role == "reported"]
    assert [e.fatalities for e in events] == [4]


def test_the_same_dead_told_twice_are_not_added(pipe) -> None:
    restated = (
        "A suicide bomber blew himself up near a patrol in Harlo on Monday, killing six soldiers. "
        "Six soldiers were killed, with two other soldiers and a civilian wounded."
    )
    assert [e.fatalities for e in pipe.extract(restated, published=PUB)] == [6]
    further = "Gunmen killed two villagers in Harlo on Monday. Two more villagers were also killed later."
    assert [e.fatalities for e in pipe.extract(further, published=PUB)] == [4]
    other_side = (
        "Gunmen killed two soldiers at a checkpoint in Harlo on Monday. Two civilians were also killed."
    )
    assert [e.fatalities for e in pipe.extract(other_side, published=PUB)] == [4]


def test_tolls_told_with_a_place_or_fatally() -> None:
    from eventlens.stages.arguments.toll import casualties

    assert casualties("Officials said four road workers in North Darfur were killed on Sunday.", 0)[0] == 4
    assert casualties("Police fatally shot two men who fired at a checkpoint.", 0)[0] == 2
    assert casualties("Four road workers were killed on Sunday.", 0)[0] == 4


def test_wounded_of_two_kinds_add_up() -> None:
    from eventlens.stages.arguments.toll import casualties

    assert casualties("Two soldiers and one shopkeeper were wounded in the blast.", 0)[1] == 3
    assert casualties(
        "Five soldiers and three civilians were killed and two police officers and four children were wounded.",
        0,
    )[:2] == (8, 6)

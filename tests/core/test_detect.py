"""Event types on short reports written in different styles (wire, local news, NGO bulletin)."""

from datetime import datetime

import pytest

PUB = datetime(2022, 5, 12, 10, 0)

CASES = [
    ("Israeli warplanes struck a building in Gaza City on Wednesday, killing three people.", "Air/drone strike"),
    ("A drone strike hit a car near Marib late on Tuesday.", "Air/drone strike"),
    ("Russian forces shelled the town of Lysychansk overnight, officials said.", "Shelling/artillery/missile attack"),
    ("A roadside bomb exploded under a police vehicle in Helmand on Monday, wounding two officers.", "Remote explosive/landmine/IED"),
    ("A suicide bomber blew himself up at a wedding hall in Kabul on Wednesday, killing 20.", "Suicide bomb"),
    ("Unknown attackers threw a grenade into a bar in Bujumbura on Tuesday night, injuring six people.", "Grenade"),
    ("Government troops clashed with rebels near Goma on Tuesday; ten fighters were killed.", "Armed clash"),
    ("Gunmen stormed a village in Plateau state on Monday and killed 12 villagers.", "Attack"),
    ("Armed men abducted 30 students from a school in Kaduna on Tuesday.", "Abduction/forced disappearance"),
    ("Soldiers raped two women in a village in North Kivu on Sunday, a rights group said.", "Sexual violence"),
    ("Hundreds of teachers marched through Nairobi on Wednesday demanding higher pay.", "Peaceful protest"),
    ("Police fired tear gas to disperse protesters in Colombo on Tuesday.", "Protest with intervention"),
    ("Security forces opened fire on demonstrators in Khartoum on Monday, killing four protesters.", "Excessive force against protesters"),
    ("Protesters burned tyres and threw stones at police in Lagos on Tuesday.", "Violent demonstration"),
    ("A mob lynched a suspected thief in a market in Kampala on Sunday.", "Mob violence"),
    ("Police arrested 15 opposition supporters in Harare on Monday.", "Arrests"),
    ("The army defused an improvised explosive device found near a bridge outside Mosul on Tuesday.", "Disrupted weapons use"),
    ("The government and the rebels signed a ceasefire agreement in Addis Ababa on Wednesday.", "Agreement"),
    ("Government troops recaptured the town of Palma from insurgents on Sunday after heavy fighting.", "Government regains territory"),
    ("Syrian government forces dropped barrels of chlorine gas on the town on Tuesday, a chemical weapons attack that killed 12.", "Chemical weapon"),
    ("The militia set up a new base outside the town on Monday, residents said.", "Headquarters or base established"),
    ("Militiamen looted shops and burned houses in the village on Monday.", "Looting/property destruction"),
]


@pytest.mark.parametrize(("text", "sub"), [pytest.param(t, s, id=s.lower().replace("/", "-").replace(" ", "-")) for t, s in CASES])
def test_sub_event_type(pipe, text: str, sub: str) -> None:
    events = [e for e in pipe.extract(text, published=PUB) if e.role == "reported"]
    assert events, f"nothing found in {text!r}"
    assert events[0].sub_event_type == sub


@pytest.mark.parametrize(("text", "sub"), [pytest.param(t, s, id=s.lower().replace("/", "-").replace(" ", "-")) for t, s in CASES])
def test_sub_event_type_with_the_reranker(pipe_full, text: str, sub: str) -> None:
    """The shipped re-ranker (trained on ACLED notes) must not overrule clear rules in another style."""
    events = [e for e in pipe_full.extract(text, published=PUB) if e.role == "reported"]
    assert events and events[0].sub_event_type == sub


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Shares in the bank fell 3 percent on Tuesday after a weak earnings report.", id="market-report"),
        pytest.param("A 6.1-magnitude earthquake struck the region on Monday, killing 12 people.", id="natural-disaster"),
        pytest.param("The foreign minister visited Paris on Tuesday for talks on trade.", id="diplomatic-visit"),
        pytest.param("Militias have organised rocket attacks almost daily against the base.", id="generic-statement"),
    ],
)
def test_no_incident(pipe, text: str) -> None:
    assert [e for e in pipe.extract(text, published=PUB) if e.role == "reported"] == []


def test_one_incident_told_in_several_sentences(pipe) -> None:
    text = (
        "Rockets hit an air base in western Iraq on Tuesday. "
        "Two of the rockets landed inside the base and a third fell nearby. "
        "No casualties were reported, a military statement said."
    )
    events = [e for e in pipe.extract(text, published=PUB) if e.role == "reported"]
    assert len(events) == 1
    assert events[0].fatalities == 0


def test_background_event_keeps_its_own_date(pipe) -> None:
    text = (
        "Gunmen attacked a police post in Diffa on Monday, killing two officers. "
        "In March 2019, a similar attack on the same post killed five soldiers."
    )
    events = pipe.extract(text, published=PUB)
    roles = {(e.role, e.date.value if e.date else None) for e in events}
    assert ("reported", "2022-05-09") in roles
    assert ("background", "2019-03") in roles

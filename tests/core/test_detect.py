"""Event types on short reports written in different styles (wire, local news, NGO bulletin)."""

from datetime import datetime

import pytest

PUB = datetime(2022, 5, 12, 10, 0)

CASES = [
    (
        "Israeli warplanes struck a building in Gaza City on Wednesday, killing three people.",
        "Air/drone strike",
    ),
    ("A drone strike hit a car near Marib late on Tuesday.", "Air/drone strike"),
    (
        "Russian forces shelled the town of Lysychansk overnight, officials said.",
        "Shelling/artillery/missile attack",
    ),
    (
        "A roadside bomb exploded under a police vehicle in Helmand on Monday, wounding two officers.",
        "Remote explosive/landmine/IED",
    ),
    ("A suicide bomber blew himself up at a wedding hall in Kabul on Wednesday, killing 20.", "Suicide bomb"),
    (
        "Unknown attackers threw a grenade into a bar in Bujumbura on Tuesday night, injuring six people.",
        "Grenade",
    ),
    ("Government troops clashed with rebels near Goma on Tuesday; ten fighters were killed.", "Armed clash"),
    ("Gunmen stormed a village in Plateau state on Monday and killed 12 villagers.", "Attack"),
    ("Armed men abducted 30 students from a school in Kaduna on Tuesday.", "Abduction/forced disappearance"),
    (
        "Soldiers raped two women in a village in North Kivu on Sunday, a rights group said.",
        "Sexual violence",
    ),
    ("Hundreds of teachers marched through Nairobi on Wednesday demanding higher pay.", "Peaceful protest"),
    ("Police fired tear gas to disperse protesters in Colombo on Tuesday.", "Protest with intervention"),
    (
        "Security forces opened fire on demonstrators in Khartoum on Monday, killing four protesters.",
        "Excessive force against protesters",
    ),
    ("Protesters burned tyres and threw stones at police in Lagos on Tuesday.", "Violent demonstration"),
    ("A mob lynched a suspected thief in a market in Kampala on Sunday.", "Mob violence"),
    ("Police arrested 15 opposition supporters in Harare on Monday.", "Arrests"),
    (
        "The army defused an improvised explosive device found near a bridge outside Mosul on Tuesday.",
        "Disrupted weapons use",
    ),
    ("The government and the rebels signed a ceasefire agreement in Addis Ababa on Wednesday.", "Agreement"),
    (
        "Government troops recaptured the town of Palma from insurgents on Sunday after heavy fighting.",
        "Government regains territory",
    ),
    (
        "Syrian government forces dropped barrels of chlorine gas on the town on Tuesday, a chemical weapons attack that killed 12.",
        "Chemical weapon",
    ),
    (
        "The militia set up a new base outside the town on Monday, residents said.",
        "Headquarters or base established",
    ),
    ("Militiamen looted shops and burned houses in the village on Monday.", "Looting/property destruction"),
]


@pytest.mark.parametrize(
    ("text", "sub"), [pytest.param(t, s, id=s.lower().replace("/", "-").replace(" ", "-")) for t, s in CASES]
)
def test_sub_event_type(pipe, text: str, sub: str) -> None:
    events = [e for e in pipe.extract(text, published=PUB) if e.role == "reported"]
    assert events, f"nothing found in {text!r}"
    assert events[0].sub_event_type == sub


@pytest.mark.parametrize(
    ("text", "sub"), [pytest.param(t, s, id=s.lower().replace("/", "-").replace(" ", "-")) for t, s in CASES]
)
def test_sub_event_type_with_the_reranker(pipe_full, text: str, sub: str) -> None:
    """The shipped re-ranker (trained on ACLED notes) must not overrule clear rules in another style."""
    events = [e for e in pipe_full.extract(text, published=PUB) if e.role == "reported"]
    assert events and events[0].sub_event_type == sub


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Shares in the bank fell 3 percent on Tuesday after a weak earnings report.", id="market-report"
        ),
        pytest.param(
            "A 6.1-magnitude earthquake struck the region on Monday, killing 12 people.",
            id="natural-disaster",
        ),
        pytest.param(
            "The foreign minister visited Paris on Tuesday for talks on trade.", id="diplomatic-visit"
        ),
        pytest.param(
            "Militias have organised rocket attacks almost daily against the base.", id="generic-statement"
        ),
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


# One report per sub-type in a wire style unlike ACLED's notes (written for these tests); the
# rules alone must read every one (regression guard for cue inflections, "riot police",
# "without a fight", speakers counted as a side, reported clauses under "said").
WIRE = [
    (
        "Battles",
        "Armed clash",
        "Fierce fighting broke out between the army and Al-Shabaab fighters near Beledweyne on Tuesday, leaving at least eight dead.",
    ),
    (
        "Battles",
        "Government regains territory",
        "Ukrainian troops have retaken the village of Blahodatne from Russian forces, the defence ministry said on Sunday.",
    ),
    (
        "Battles",
        "Non-state actor overtakes territory",
        "Jihadist fighters seized the town of Djibo after overrunning an army base on Monday, killing dozens of soldiers.",
    ),
    (
        "Explosions/Remote violence",
        "Chemical weapon",
        "Residents of Douma said a chlorine gas attack by government helicopters on Saturday left 40 people dead.",
    ),
    (
        "Explosions/Remote violence",
        "Air/drone strike",
        "A Turkish drone struck a vehicle near Qamishli on Wednesday, killing two SDF commanders.",
    ),
    (
        "Explosions/Remote violence",
        "Suicide bomb",
        "A suicide bomber detonated his explosives vest at a police checkpoint in Peshawar on Friday, killing six officers.",
    ),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "Russian missiles slammed into an apartment block in Dnipro overnight, killing 12 residents.",
    ),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        "Four soldiers died when their vehicle hit a landmine near Menaka on Thursday.",
    ),
    (
        "Explosions/Remote violence",
        "Grenade",
        "Attackers hurled a grenade into a crowded bar in Bujumbura late on Saturday, wounding 15 people.",
    ),
    (
        "Violence against civilians",
        "Sexual violence",
        "Soldiers raped at least ten women during a raid on a village in South Sudan's Unity state last week, the UN said.",
    ),
    (
        "Violence against civilians",
        "Attack",
        "Bandits on motorcycles stormed Kurmin village on Tuesday and shot dead 17 villagers, police said.",
    ),
    (
        "Violence against civilians",
        "Abduction/forced disappearance",
        "Gunmen kidnapped a Catholic priest from his parish in Kaduna state on Sunday night.",
    ),
    (
        "Protests",
        "Peaceful protest",
        "Thousands of nurses rallied outside parliament in Nairobi on Wednesday to demand unpaid wages.",
    ),
    (
        "Protests",
        "Protest with intervention",
        "Riot police used water cannon to break up a rally by opposition supporters in Dhaka on Monday, detaining 30.",
    ),
    (
        "Protests",
        "Excessive force against protesters",
        "Security forces shot dead five demonstrators during an anti-government march in Conakry on Thursday.",
    ),
    (
        "Riots",
        "Violent demonstration",
        "Angry demonstrators torched a police station and looted shops in Kisumu on Tuesday after the election results.",
    ),
    (
        "Riots",
        "Mob violence",
        "A mob beat to death a man accused of blasphemy in a market in Sialkot on Friday.",
    ),
    (
        "Strategic developments",
        "Agreement",
        "The warring parties signed a truce in Jeddah on Saturday, agreeing to a seven-day ceasefire.",
    ),
    (
        "Strategic developments",
        "Arrests",
        "Police detained 12 suspected members of the banned group in dawn raids across Istanbul on Tuesday.",
    ),
    (
        "Strategic developments",
        "Change to group/activity",
        "The military junta imposed a nationwide curfew on Monday and deployed troops to the capital.",
    ),
    (
        "Strategic developments",
        "Disrupted weapons use",
        "Army engineers defused a roadside bomb planted near a busy market in Mogadishu on Sunday.",
    ),
    (
        "Strategic developments",
        "Headquarters or base established",
        "Wagner fighters established a new base near the gold mine outside Intahaka this week, residents said.",
    ),
    (
        "Strategic developments",
        "Looting/property destruction",
        "Militiamen looted the hospital and burned dozens of homes in the town on Monday, aid workers said.",
    ),
    (
        "Strategic developments",
        "Non-violent transfer of territory",
        "Russian forces withdrew from the town without a fight on Friday, and Ukrainian units entered it.",
    ),
    (
        "Strategic developments",
        "Other",
        "More than 20,000 people fled their homes in North Kivu this week as fighting moved closer, the UN said.",
    ),
]


@pytest.mark.parametrize(
    ("et", "sub", "text"),
    [pytest.param(*c, id=c[1].lower().replace("/", "-").replace(" ", "-")) for c in WIRE],
)
def test_wire_style_report(pipe, et: str, sub: str, text: str) -> None:
    events = [e for e in pipe.extract(text, published=datetime(2023, 6, 15, 10)) if e.role == "reported"]
    assert events, f"nothing found in {text!r}"
    assert (events[0].event_type, events[0].sub_event_type) == (et, sub)

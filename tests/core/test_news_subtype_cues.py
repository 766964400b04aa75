"""More kinds of news wording the rules missed (issue 14), each told at least two ways in texts
written for these tests (invented names where a group or place is named).

Kinds: control of a place told as "took control by force of", "established control over",
"took full control of"; a capture only attempted ("an attack to capture ... was fended off");
poisonous gas fired in shells (not when the claim is said to be unconfirmed); aircraft named as the ones that destroyed or raided; a
demonstration suppressed; a commander captured or suspects intercepted (an arrest); a hideout or depot of arms found;
chemical weapons named as the target of an air strike; a unit or militia formed, told in the
passive; property burned or ransacked, told in the passive; observation posts set up. And things
that are not incidents: control of a situation or a company, missile tests in a diplomatic row.
"""

from datetime import datetime

import pytest

PUB = datetime(2022, 5, 12, 10, 0)

CASES = [
    (
        "Government regains territory",
        "Army troops took control by force of three villages in the eastern district after routing the insurgents.",
    ),
    (
        "Government regains territory",
        "Government forces established control over a large area of the southern desert after eliminating the last rebel pockets.",
    ),
    (
        "Government regains territory",
        "Soldiers have taken full control of the border town of Varnek after a week-long operation against the militants.",
    ),
    (
        "Non-state actor overtakes territory",
        "Fighters of the Ostrava Liberation Front took control by force of two army outposts near the river.",
    ),
    (
        "Armed clash",
        "A large-scale attack by the militants to capture the army's hilltop positions was fended off by the troops.",
    ),
    (
        "Armed clash",
        "Rebel fighters launched an assault to seize the airport but were beaten back by government soldiers.",
    ),
    (
        "Chemical weapon",
        "Rebels fired shells filled with poisonous gas at a residential neighbourhood, leaving dozens with breathing problems.",
    ),
    (
        "Chemical weapon",
        "Doctors treated 30 people for suffocation after militants used poisonous gas in an attack on the village.",
    ),
    ("Air/drone strike", "Fighter jets destroyed an ammunition depot of the rebels in the hills on Monday."),
    (
        "Air/drone strike",
        "The insurgents suffered heavy losses in raids by the air force's helicopters on their positions in the valley.",
    ),
    ("Protest with intervention", "Police suppressed a student demonstration in the city centre on Tuesday."),
    (
        "Protest with intervention",
        "Security forces quelled a rally of unemployed graduates outside the labour ministry.",
    ),
    ("Arrests", "Troops captured a senior commander of the militant group in a raid on his hideout."),
    (
        "Arrests",
        "Police captured two suspected members of the kidnapping ring at a roadblock outside the city.",
    ),
    (
        "Change to group/activity",
        "A new militia has been formed in the province to fight the insurgents, local officials said.",
    ),
    (
        "Change to group/activity",
        "Two new army brigades were established in the northern region under a decree signed by the president.",
    ),
    (
        "Looting/property destruction",
        "Two houses and a row of market stalls have been torched in the township overnight.",
    ),
    (
        "Looting/property destruction",
        "Dozens of homes were ransacked in the market district on Saturday, residents said.",
    ),
    (
        "Arrests",
        "Police intercepted five suspected members of a militant cell planning attacks on the capital.",
    ),
    (
        "Disrupted weapons use",
        "Soldiers discovered an underground hideout used by the insurgents to store arms and ammunition.",
    ),
    (
        "Disrupted weapons use",
        "Troops seized a depot full of rifles and ammunition belonging to the rebels near the river.",
    ),
    (
        "Air/drone strike",
        "Warplanes struck what the ministry said were chemical weapons facilities near the capital.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Army artillery shelled rebel positions near Dorvak; the rebels claimed the shells carried poisonous "
        "gas, but this was not confirmed by other sources.",
    ),
    (
        "Non-state actor overtakes territory",
        "The militants said they had taken control of three villages and the surrounding hills during clashes with the army.",
    ),
    (
        "Headquarters or base established",
        "The army has set up three new observation posts along the frontier this week.",
    ),
    (
        "Headquarters or base established",
        "Foreign troops established a military observation point near the village of Kirsk.",
    ),
]


def _reported(pipe, text: str) -> list:
    return [e for e in pipe.extract(text, published=PUB) if e.role == "reported"]


@pytest.mark.parametrize(("sub", "text"), CASES)
def test_news_sub_type(pipe, sub: str, text: str) -> None:
    events = _reported(pipe, text)
    assert events, f"nothing found in {text!r}"
    assert max(events, key=lambda e: e.confidence).sub_event_type == sub


NOT_INCIDENTS = [
    "The police took control of the situation after a brief scuffle outside the stadium.",
    "The company took control of its rival in a hostile takeover last year.",
    "The opposition party gained ground in the latest opinion polls.",
    "The foreign minister urged the neighbouring state to stop its missile launches.",
    "Diplomats said the ballistic missile tests were a threat to regional stability.",
]


@pytest.mark.parametrize("text", NOT_INCIDENTS)
def test_not_an_incident(pipe, text: str) -> None:
    assert not _reported(pipe, text)

"""News wording of round 4 (evaldata/snippets/fresh4.tsv, FIRST_PASS.md "Round 4") that the rules
read wrong: indirect arrests and disappearances, chemical attacks described rather than named,
nominalised events ("the interception of", "the fall of ... to", "the expulsion of"), orders to
leave, bases made of buildings, remnants of war that went off, peaceful handovers, ambushes, armed
sides occupying a place, grave injuries at a dispersed gathering, and figurative violence (a fight
against terrorism, slaughtered shares, stolen data).

Every text here is written for this test (invented towns and groups), none is a snippet of
fresh4.tsv, own.tsv, CASE 2021 or ACLED. Each case is checked twice: by the rules alone (the
re-ranker only refines them) and by the shipped pipeline (the re-ranker must not overrule them).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from eventlens.pipeline import Pipeline

PUB = datetime(2025, 3, 14, 9, 0)

CASES = [
    pytest.param(
        "Arrests",
        "Two student leaders were taken into custody by detectives in Marama on Wednesday, their union said.",
        id="taken-into-custody-by-detectives",
    ),
    pytest.param(
        "Arrests",
        "A trade unionist was picked up by police outside his house in Soreda on Monday, his wife said.",
        id="picked-up-by-police",
    ),
    pytest.param(
        "Arrests",
        "A youth leader was taken into custody on Monday over claims that he planned last month's riot "
        "in the market, his father said.",
        id="arrest-over-a-riot-named-as-its-reason",
    ),
    pytest.param(
        "Abduction/forced disappearance",
        "A veterinary officer was marched away at gunpoint from a cattle market near Ilongo on Saturday, "
        "villagers said.",
        id="marched-away-at-gunpoint",
    ),
    pytest.param(
        "Abduction/forced disappearance",
        "A contractor left his farm near Ilongo with two armed men on Saturday and nothing has been heard "
        "from him since, his brother said.",
        id="nothing-heard-from-him-since",
    ),
    pytest.param(
        "Chemical weapon",
        "Dozens of people were treated for breathing problems after shells released a yellowish gas over "
        "the Tamir district on Friday, doctors said.",
        id="a-coloured-gas-described",
    ),
    pytest.param(
        "Chemical weapon",
        "Government helicopters dropped barrels of toxic gases on the village of Oshan on Thursday, medics said.",
        id="toxic-gases-plural",
    ),
    pytest.param(
        "Disrupted weapons use",
        "The army announced the interception of two armed drones over the airport on Tuesday.",
        id="interception-as-a-noun",
    ),
    pytest.param(
        "Other",
        "Militiamen ordered the families of four villages near Dagar to leave their land by nightfall on "
        "Sunday, elders said.",
        id="ordered-to-leave-their-land",
    ),
    pytest.param(
        "Other",
        "The authorities carried out the expulsion of some 200 migrant farm workers from the district on "
        "Monday, a charity said.",
        id="expulsion-of-workers",
    ),
    pytest.param(
        "Other",
        "A rusty grenade found by children on a building site in Koval exploded on Sunday, injuring three "
        "of them, police said.",
        id="rusty-grenade-went-off",
    ),
    pytest.param(
        "Headquarters or base established",
        "Fighters of the Sarn Front turned the abandoned railway station in Medo into their headquarters "
        "last week, residents said.",
        id="building-turned-into-headquarters",
    ),
    pytest.param(
        "Non-state actor overtakes territory",
        # (not "The fall of ..." at the start of a sentence: the dates stage reads it as autumn)
        "The regional governor on Tuesday confirmed the fall of the district capital of Ruvo to jihadists "
        "after a week of fighting.",
        id="fall-of-a-town-to-jihadists",
    ),
    pytest.param(
        "Non-state actor overtakes territory",
        "The capture of the district capital of Ruvo by jihadists after a week of fighting was confirmed "
        "by the regional governor on Tuesday.",
        id="capture-of-a-town-by-jihadists",
    ),
    pytest.param(
        "Non-state actor overtakes territory",
        "Insurgents took control of the town of Barmo on Thursday after chasing away the gendarmes, "
        "residents said.",
        id="after-chasing-away-the-gendarmes",
    ),
    pytest.param(
        "Non-violent transfer of territory",
        "Following an agreement with local elders, the administration of Selu was handed over peacefully to the "
        "rebels on Friday, a local official said.",
        id="handed-over-peacefully",
    ),
    pytest.param(
        "Air/drone strike",
        "The bombing of a busy market in Terra by government jets killed nine people on Saturday, medics said.",
        id="bombing-by-jets-as-a-noun",
    ),
    pytest.param(
        "Attack",
        "The killing of four traders in an ambush on the Doma road was confirmed by their families on Friday.",
        id="killing-in-an-ambush",
    ),
    pytest.param(
        "Government regains territory",
        "Soldiers recaptured the village of Tesso on Monday, dislodging the militiamen who had occupied it "
        "since March.",
        id="occupied-by-militiamen-is-no-sit-in",
    ),
    pytest.param(
        "Excessive force against protesters",
        "Riot police clubbed students staging a sit-in outside the Velan ministry on Tuesday, leaving three "
        "of them in critical condition, their lecturers said.",
        id="protesters-left-in-critical-condition",
    ),
]

#: Wording translated from French or Spanish news ("interpellated", "neutralised", "deprived of
#: their liberty", "set ablaze the vehicle"): the same sub-types as their English equivalents.
TRANSLATED = [
    pytest.param(
        "Arrests",
        "Three individuals were interpellated by the elements of the gendarmerie in Doko on Tuesday for "
        "their presumed links with a terrorist group.",
        id="interpellated",
    ),
    pytest.param(
        "Arrests",
        "Two young men were deprived of their liberty by the uniformed agents in the neighbourhood of San "
        "Rafael on Friday night.",
        id="deprived-of-their-liberty",
    ),
    pytest.param(
        "Armed clash",
        "The defence and security forces neutralised some fifteen terrorists during a clean-up operation in "
        "the zone of Taka on Sunday.",
        id="terrorists-neutralised",
    ),
    pytest.param(
        "Other",
        "The populations of the village of Bela abandoned their houses after the incursion of unidentified "
        "armed individuals on Monday.",
        id="abandoned-their-houses",
    ),
    pytest.param(
        "Looting/property destruction",
        "Unidentified armed individuals set ablaze the vehicle of the sub-prefect on the axis Dori-Gorom on "
        "Saturday.",
        id="set-ablaze-the-vehicle",
    ),
]
CASES += TRANSLATED

#: Nominalised events beside a reaction ("drew protests from press groups" is criticism, not a
#: demonstration) and displacement told with the cause as the passive agent.
CASES += [
    pytest.param(
        "Arrests",
        "The detention of the journalist by soldiers at the Kalo checkpoint on Sunday drew protests from "
        "press groups.",
        id="detention-drew-protests-from-press-groups",
    ),
    pytest.param(
        "Other",
        "More than 300 families have been uprooted from their villages around Kalo by the fighting, the "
        "county commissioner said.",
        id="uprooted-by-the-fighting",
    ),
    pytest.param(
        "Air/drone strike",
        "Residents heard drones overhead shortly before two blasts hit a compound in Sabo on Monday night, "
        "killing three men.",
        id="blasts-under-drones-overhead",
    ),
    pytest.param(
        "Air/drone strike",
        "Witnesses described seeing warplanes circling over Fedo before several explosions shook the town "
        "on Wednesday afternoon.",
        id="explosions-after-warplanes-circling",
    ),
    pytest.param(
        "Other",
        "Three children were injured on Sunday when a grenade they found in a field near Otuk exploded, the "
        "village chief said.",
        id="grenade-the-children-found-went-off",
    ),
    pytest.param(
        "Change to group/activity",
        "Police have banned all demonstrations in the capital for the next two weeks, the police commissioner "
        "said on Monday.",
        id="demonstrations-banned",
    ),
    pytest.param(
        "Change to group/activity",
        "The armed group announced that it had dissolved its armed wing and would take part in the elections "
        "as a party.",
        id="armed-wing-dissolved",
    ),
    pytest.param(
        "Looting/property destruction",
        "The destruction of the Veno bridge by retreating rebels on Friday cut the town off from the capital.",
        id="destruction-of-a-bridge",
    ),
]

NO_RECORD = [
    pytest.param(
        "The president praised the army's role in the fight against terrorism during a ceremony on Monday.",
        id="fight-against-terrorism",
    ),
    pytest.param(
        "Bank shares were slaughtered on Tuesday as the currency slid to a record low.",
        id="shares-slaughtered",
    ),
    pytest.param(
        "Hackers broke into the hospital's network on Sunday, and no patient records were stolen, the "
        "health ministry said.",
        id="records-not-stolen-in-a-hack",
    ),
    pytest.param(
        "The expulsion of two diplomats was announced by the foreign ministry on Friday.",
        id="expulsion-of-diplomats",
    ),
]


@pytest.fixture(scope="module")
def rules() -> Pipeline:
    return Pipeline(geocoder=False, subtype_model=False)


def _reported(p: Pipeline, text: str) -> list[str]:
    return [e.sub_event_type for e in p.extract(text, published=PUB) if e.role == "reported"]


@pytest.mark.parametrize(("sub", "text"), CASES)
def test_rules_read_the_wording(rules: Pipeline, sub: str, text: str) -> None:
    assert _reported(rules, text) == [sub]


@pytest.mark.parametrize(("sub", "text"), CASES)
def test_the_reranker_keeps_it(pipe: Pipeline, sub: str, text: str) -> None:
    assert _reported(pipe, text) == [sub]


@pytest.mark.parametrize("text", NO_RECORD)
def test_figurative_or_diplomatic_wording_is_no_incident(pipe: Pipeline, text: str) -> None:
    assert _reported(pipe, text) == []


def test_a_gathering_nobody_was_seriously_hurt_at_is_no_excessive_force(rules: Pipeline) -> None:
    text = (
        "Police fired tear gas to break up a march by traders in Velan on Tuesday; nobody was seriously hurt."
    )
    assert _reported(rules, text) == ["Protest with intervention"]


def test_whoever_confirmed_a_nominalised_event_is_not_its_doer(rules: Pipeline) -> None:
    text = (
        "The bombing of the Terra clinic by military aircraft on Sunday was confirmed by aid workers, "
        "who said six patients died."
    )
    events = [e for e in rules.extract(text, published=PUB) if e.role == "reported"]
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]
    assert events[0].actor1 is not None and "Aid Workers" not in events[0].actor1.name


def test_a_blast_with_no_aircraft_named_stays_a_remote_explosive(rules: Pipeline) -> None:
    text = "An explosion at a market in Tira killed four people on Sunday, police said."
    assert _reported(rules, text) == ["Remote explosive/landmine/IED"]

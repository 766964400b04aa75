"""Non-incidents give no reported record (stages/kinds.py).

Every text here was written for these tests: a plea hearing, a match report, floods, yearly
statistics, a claim of last week's bombing, a drug bust, a sanctions story, an anniversary - and
controls, real attacks told with the same words, that must still give reported records.
"""

from __future__ import annotations

import json
from datetime import datetime
from importlib import resources

import pytest

from eventlens.pipeline import Pipeline
from eventlens.types import Event

PUBLISHED = datetime(2024, 5, 7, 9, 0)


def _events(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.extract(text, published=PUBLISHED)


def _reported(events: list[Event]) -> list[Event]:
    return [e for e in events if e.role == "reported"]


NON_INCIDENTS = {
    "plea hearing": "A man pleaded guilty on Monday to the bombing of a market in Kessa in March 2021 "
    "that killed 14 people.",
    "admission in court": "A Kessa man admitted in the district court on Monday that he shot dead a "
    "neighbour outside a bakery in Wela in June 2023.",
    "testimony": "A shop owner testified on Tuesday that the defendant rented the van that later "
    "exploded outside the Kessa police station.",
    "sentencing": "A former militia commander was sentenced to life in prison on Friday for ordering "
    "the massacre of villagers near Wela.",
    "trial testimony": "The court heard on Tuesday that the defendant shot two guards during a raid "
    "on the depot.",
    "football report": "Rovers launched wave after wave of attacks in the second half, and their "
    "striker finally shot them level in the 84th minute before a late penalty sealed a 2-1 win.",
    "rugby headline": "Kessa storm back to crush Wela in the semi-final as their captain scores a hat-trick",
    "floods": "Floods swept through three villages in the Wela valley on Tuesday, killing at least 11 "
    "people and destroying hundreds of homes, the regional disaster agency said.",
    "gas explosion": "A gas explosion ripped through an apartment block in Tarlan on Sunday, killing "
    "six residents, firefighters said.",
    "yearly statistics": "Killings of journalists rose by a quarter last year, with 61 killed across "
    "the region, a press freedom group said in its annual report.",
    "cumulative toll": "The insurgency has killed more than 9,000 people since 2011, according to "
    "figures compiled by the monitoring group.",
    "claim of last week's bombing": "The Sokat Defence Force claimed responsibility on Sunday for last "
    "week's bombing of a bus depot in Tarlan.",
    "drug bust": "Customs officers seized 300 kilograms of heroin hidden in a shipment of tiles at the "
    "port on Wednesday and arrested two crew members.",
    "sanctions": "The European Union imposed sanctions on three army generals on Thursday over the "
    "shelling of a refugee camp in February.",
    "match headline": "Shelling of shots cannot break Kessa's defence as Wela held to goalless draw",
    "fraud arrest": "Anti-fraud police in Tarlan arrested a former customs chief accused of moving state "
    "money into shell companies.",
    "sanctions headline": "Kessa announces new sanctions on Wela over missile test, drone strike",
    "sanctions as the subject": "The new sanctions target three army generals and two arms "
    "companies in Wela, the ministry said on Monday.",
    "condemnation": "The regional bloc on Monday condemned the attack on the Wela border post and "
    "urged both sides to exercise restraint.",
    "denial": "The army said on Monday that it had carried out no air strikes in the district.",
    "anniversary": "Church bells rang across Kessa on Saturday to mark the tenth anniversary of the "
    "massacre in which soldiers killed 40 villagers.",
}


@pytest.mark.parametrize("name", sorted(NON_INCIDENTS))
def test_non_incidents_give_no_reported_record(pipe: Pipeline, name: str) -> None:
    assert _reported(_events(pipe, NON_INCIDENTS[name])) == [], name


CONTROLS = {
    "attack on a court": "Gunmen attacked a court in Kessa on Monday, killing two guards.",
    "bombing at a match": "Militants bombed a football stadium in Wela on Saturday during a league "
    "match, killing 12 spectators.",
    "arson": "Arsonists set fire to a polling station in Tarlan on Tuesday and the blaze killed a guard.",
    "car bomb": "A car exploded at an army checkpoint in Wela on Monday, killing four soldiers.",
    "clash compared with the year": "Soldiers killed 15 militants in a clash near Kessa on Sunday, "
    "the deadliest fighting this year, the army said.",
    "arrest over a bombing": "Police arrested five members of an opposition party in Kessa on Friday, "
    "accusing them of planning protests.",
    "attack then investigation": "Police are investigating after gunmen shot dead three villagers in "
    "Wela on Sunday night.",
    "handover without fighting": "Government troops withdrew from Kessa on Thursday and rebels took "
    "control of the town; no fighting was reported.",
    "toll as the doer": "The attack on the market in Kessa on Sunday claimed 12 lives, officials said. "
    "Gunmen on motorbikes opened fire on shoppers.",
    # ACLED codes a gathering to commemorate as a peaceful protest; the massacre stays background
    "memorial gathering": "Widows of the miners shot dead by police at the Wela pit gathered at the "
    "gates on Sunday to mark ten years since the massacre.",
    "no claim": "Gunmen killed four farmers near Kessa on Sunday. No group claimed responsibility for the killings.",
    "traffickers shoot": "Drug traffickers opened fire on a police patrol in Tarlan on Friday, "
    "wounding two officers.",
    "attack during a funeral": "Around 4 May 2024, armed men killed between 10 to 14 mourners in Kessa "
    "(Wela district) during the funeral of a local chief.",
    "protest at a court": "Hundreds of farmers demonstrated outside the Kessa High Court on Monday "
    "during hearings on a land dispute, demanding the return of their fields.",
    "rally at a court": "On 6 May 2024, members of the Wela traders' union demonstrated at the Kessa "
    "High Court during hearings in support of their jailed leader.",
    "riot after a match": "Fans threw stones at police and set cars on fire outside the stadium in "
    "Wela on Saturday after a goalless draw, and police fired tear gas to disperse them.",
    "robbers kill": "Armed robbers shot dead a shopkeeper and his son in Tarlan on Saturday night.",
    # a suspect sought for a fresh attack is no claim story about an older one
    "manhunt for a suspect": "Police in Wela were searching on Monday for a man believed to be "
    "responsible for a Sunday blast which injured nine shoppers at a market.",
}


@pytest.mark.parametrize("name", sorted(CONTROLS))
def test_real_incidents_in_the_same_words_are_reported(pipe: Pipeline, name: str) -> None:
    assert _reported(_events(pipe, CONTROLS[name])), name


def test_the_incident_of_a_hearing_is_background_with_its_own_date(pipe: Pipeline) -> None:
    events = _events(pipe, NON_INCIDENTS["plea hearing"])
    assert events and all(e.role == "background" for e in events)
    dated = [e.date for e in events if e.date is not None]
    # the bombing's month, never the hearing's Monday or the week of publication
    assert dated and dated[0].value == "2021-03" and dated[0].precision == "month"


def test_a_legal_article_recalls_its_incident_undated_not_on_the_hearing_day(pipe: Pipeline) -> None:
    text = (
        "Man admits role in hotel siege\n\n"
        "A man pleaded guilty on Tuesday to helping plan the siege of the Sunrise hotel in Kessa. "
        "Twenty-one people were killed when gunmen stormed the hotel."
    )
    events = _events(pipe, text)
    assert _reported(events) == []
    for e in events:
        assert e.date is None or e.date.value != "2024-05-07"


def test_a_claim_without_a_date_of_its_own_is_undated_background(pipe: Pipeline) -> None:
    events = _events(pipe, NON_INCIDENTS["condemnation"])
    assert events and all(e.role == "background" for e in events)
    assert all(e.date is None for e in events)  # not the day the bloc spoke


def test_news_beside_a_legal_lead_keeps_its_own_record(pipe: Pipeline) -> None:
    text = (
        "Five men were charged on Monday over the attack on a police post in Kessa in April. "
        "Separately, on Sunday, gunmen killed two farmers in Wela."
    )
    reported = _reported(_events(pipe, text))
    assert len(reported) == 1 and reported[0].date is not None and reported[0].date.value == "2024-05-05"


def test_word_lists_state_their_source() -> None:
    raw = json.loads(resources.files("eventlens").joinpath("data/kinds.json").read_text("utf-8"))
    assert "ACLED Codebook" in raw["_source"]
    assert {"legal", "claim", "reaction", "commemoration"} <= set(raw["governors"])


def test_a_match_report_gives_no_record_in_any_paragraph(pipe: Pipeline) -> None:
    text = (
        "Rovers edge past City in derby\n\n"
        "Rovers beat City 2-1 in a tense derby at the stadium on Saturday. "
        "City had more of the ball in the first half, but their strikers wasted chance after chance. "
        "After the break Rovers launched a fierce attack down the left and shot home twice."
    )
    assert _events(pipe, text) == []


def test_a_disaster_story_keeps_its_later_deaths_out(pipe: Pipeline) -> None:
    text = (
        "Storm kills 20 across the southern coast\n\n"
        "A tropical storm killed at least 20 people along the southern coast on Monday, officials said. "
        "In Wela, nine people were killed when the roof of a market hall caved in, and two fishermen "
        "drowned when their boat overturned."
    )
    assert _reported(_events(pipe, text)) == []


def test_a_court_report_clause_makes_the_killing_background(pipe: Pipeline) -> None:
    # the incident is the main clause and the court only reports it (", a court heard")
    text = (
        "A soldier was killed on Saturday when militants opened fire on his patrol near Kessa, "
        "a jury was told."
    )
    events = _events(pipe, text)
    assert events and _reported(events) == []


def test_a_funeral_story_recalls_its_shooting_as_background_on_its_own_day(pipe: Pipeline) -> None:
    text = (
        "Funeral held for three slain Kessa policemen\n\n"
        "Hundreds of mourners turned out on Tuesday for the funeral of three policemen in Kessa. "
        "The officers were shot dead by gunmen at a checkpoint outside Wela on Monday."
    )
    events = _events(pipe, text)
    assert events and _reported(events) == []
    dated = [e.date for e in events if e.date is not None]
    assert dated and dated[0].value == "2024-05-06"  # the shooting's Monday, not the funeral's day


def test_news_beside_a_funeral_lead_told_apart_keeps_its_record(pipe: Pipeline) -> None:
    text = (
        "Funeral held for three slain Kessa policemen\n\n"
        "Hundreds of mourners turned out on Tuesday for the funeral of three policemen in Kessa.\n\n"
        "In a separate incident, gunmen killed two farmers in Wela on Monday."
    )
    assert len(_reported(_events(pipe, text))) == 1


def test_a_headline_telling_an_incident_then_a_claim_is_news(pipe: Pipeline) -> None:
    # the headline's root verb is the claim, but its first clause tells the bombing itself
    text = (
        "Car bomb kills nine in Kessa; Sokat Defence Force claims it\n\n"
        "A car bomb exploded at a checkpoint in Kessa, killing nine people, police said."
    )  # undated: a claim story's subject would be background
    reported = _reported(_events(pipe, text))
    assert len(reported) == 1 and reported[0].fatalities == 9


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            'The governor condemned what he called "senseless attacks on worshippers" on Tuesday.',
            id="condemned-what-he-called",
        ),
        pytest.param(
            "The minister said on Tuesday that the army's offensive against the rebels would continue.",
            id="offensive-would-continue",
        ),
    ],
)
def test_reactions_and_plans_give_no_reported_record(pipe: Pipeline, text: str) -> None:
    assert _reported(_events(pipe, text)) == []


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        pytest.param("More than 4,000 people were murdered in Wela province last year.", 0, id="year-count"),
        pytest.param(
            "The market bombing in Kessa this year killed 120 people, the deadliest so far.",
            1,
            id="one-bombing",
        ),
    ],
)
def test_a_big_count_over_a_period_is_a_statistic(pipe: Pipeline, text: str, reported: int) -> None:
    events = _events(pipe, text)
    assert len(_reported(events)) == reported
    if not reported:
        assert events == []  # a statistic is no record at all, not even a background one


def test_flight_after_an_attack_is_its_aftermath(pipe: Pipeline) -> None:
    text = (
        "Gunmen kill 12 villagers near Wela\n\n"
        "Gunmen killed 12 villagers in an attack on Kessa village near Wela late on Friday, a local "
        "official said.\n\n"
        "Hundreds of residents fled to Wela and Tarlan on Saturday morning, carrying their belongings."
    )
    reported = _reported(_events(pipe, text))
    assert len(reported) == 1 and reported[0].fatalities == 12


def test_a_threat_of_a_strike_is_no_event(pipe: Pipeline) -> None:
    text = (
        "Nurses march in Kessa over unpaid wages\n\n"
        "Hundreds of nurses marched peacefully through Kessa on Monday to demand unpaid wages.\n\n"
        '"If we are not paid by the end of this month, we will call a national strike," a union leader said.'
    )
    assert len(_reported(_events(pipe, text))) == 1


def test_a_witness_in_court_makes_a_legal_story_and_its_dated_bombing_background(pipe: Pipeline) -> None:
    text = (
        "Witness names bomb suspect\n\n"
        "A garage owner identified the defendant in court on Friday as the man who bought the van used "
        "in the bombing of the Kessa police station.\n\n"
        "The station was wrecked by an explosion on Saturday, killing 14 people and injuring 60."
    )
    events = _events(pipe, text)
    assert events and _reported(events) == []
    dated = [e.date.value for e in events if e.date is not None]
    assert "2024-05-04" in dated  # the bombing's own Saturday, not the hearing's Friday


def test_an_incident_told_in_a_statistics_story_is_background(pipe: Pipeline) -> None:
    # written for this test: the year's counts are statistics, the dated bar shooting in its own
    # clause is an incident the story recalls
    text = (
        "Official figures released on Thursday show 2,900 homicides in the state last year.\n\n"
        "Among last year's deadliest attacks, gunmen opened fire inside a bar in Salamanca in "
        "October, killing seven people, and 28 police officers were killed in the state over the year."
    )
    events = pipe.extract(text, published="2024-01-18T12:00")
    assert [(e.role, e.fatalities) for e in events] == [("background", 7)]
    stats = "Official figures released on Thursday show 2,900 homicides in the state last year."
    assert pipe.extract(stats, published="2024-01-18T12:00") == []


def test_an_incident_recalled_in_a_since_clause_is_background_of_its_own(pipe: Pipeline) -> None:
    text = (
        "A parcel bomb exploded outside a bakery in Wela on Sunday, injuring nine people. "
        "The country has been on high alert since the Sokat Defence Force launched a series of attacks "
        "across Kessa, killing 40 people."
    )
    events = _events(pipe, text)
    reported = _reported(events)
    assert len(reported) == 1 and (reported[0].injured or 0) == 9 and not reported[0].fatalities
    recalled = [e for e in events if e.role == "background"]
    assert len(recalled) == 1 and recalled[0].fatalities == 40


@pytest.mark.parametrize(
    "text",
    [
        "A fight among patrons at a bar in Dunmore spilled into the parking lot early Sunday, and officers "
        "from two towns were called to break up the brawl. Several men swung chairs and two officers were "
        "hit, police said. One man was arrested.",
        "About 50 people brawled outside the Red Lion pub in Lydford late Friday, police said, and three men "
        "were taken to hospital with cuts.",
        "Nightclub brawl in Cedar Falls. Police needed an hour to clear the crowd after fights broke out at "
        "a nightclub on Main Street early Saturday. Officers said the fighting spread to the street. Two men "
        "were arrested.",
    ],
)
def test_a_bar_brawl_gives_no_record(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    assert pipe.extract(text, published=datetime(2023, 5, 2)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Supporters of rival parties brawled outside a bar in Kisumu on Saturday, injuring six people.",
        "Villagers armed with machetes clashed with herders near a bar in Jos on Sunday, killing three.",
        "A fight at a bar in Tulsa ended when a man opened fire on Saturday, wounding two patrons.",
    ],
)
def test_politics_death_or_guns_keep_a_fight_at_a_bar(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e for e in pipe.extract(text, published=datetime(2023, 5, 2)) if e.role == "reported"]

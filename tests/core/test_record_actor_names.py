"""ACLED actor names in the records the pipeline builds (issue 15, item 4): the actor's whole noun
phrase is read, the dictionary names it, the event's country fills ACLED's templates. Texts written
for these tests. The core pipeline does not geocode, so the event's country is given to
``acled_actor_names`` as ``finalize`` gives it once the record is placed."""

from __future__ import annotations

from datetime import datetime

import pytest

from eventlens.stages.actor_names import canonical_actor, find_actors
from eventlens.stages.record_actors import acled_actor_names
from eventlens.taxonomy import LOOTING, PEACEFUL_PROTEST, PROTESTS, STRATEGIC_DEVELOPMENTS
from eventlens.types import Event, Span

PUB = datetime(2024, 5, 2, 12, 0)


def _record(pipe, text: str, country: str) -> Event:  # type: ignore[no-untyped-def]
    reported = [e for e in pipe.extract(text, published=PUB) if e.role == "reported"]
    assert reported, f"no record for {text!r}"
    return acled_actor_names(reported[0], country)


@pytest.mark.parametrize(
    ("text", "country", "actor1", "inter1", "mention"),
    [
        pytest.param(
            "Houthi forces fired two missiles at a cargo ship off Hodeidah on Tuesday, the crew said.",
            "Yemen",
            "Military Forces of Yemen (2016-) Supreme Political Council",
            1,
            "Houthi forces",
            id="modifier-names-the-group",
        ),
        pytest.param(
            "Russian drones struck the port of Izmail overnight on Monday, killing two dock workers.",
            "Ukraine",
            "Military Forces of Russia (2000-)",
            8,
            "Russian drones",
            id="demonym-weapon-subject",
        ),
        pytest.param(
            "Al-Shabaab militants stormed a police post in Mandera on Sunday, killing three officers.",
            "Kenya",
            "Al Shabaab",
            2,
            "Al-Shabaab militants",
            id="named-group-with-group-noun",
        ),
        pytest.param(
            "Unidentified gunmen shot dead a trader at a market in Kisumu on Friday.",
            "Kenya",
            "Unidentified Armed Group (Kenya)",
            3,
            "Unidentified gunmen",
            id="unnamed-perpetrators",
        ),
        pytest.param(
            "Turkish jets bombed suspected PKK hideouts in the Qandil mountains on Wednesday.",
            "Iraq",
            "Military Forces of Turkey (2016-)",
            8,
            None,
            id="state-abroad",
        ),
    ],
)
def test_actor1_is_acleds_name(
    pipe,  # type: ignore[no-untyped-def]
    text: str,
    country: str,
    actor1: str,
    inter1: int,
    mention: str | None,
) -> None:
    ev = _record(pipe, text, country)
    assert ev.actor1 is not None
    assert (ev.actor1.name, ev.actor1.inter) == (actor1, inter1)
    if mention is not None:
        assert ev.actor1.mention == mention


def test_protesters_are_protesters_of_the_country_whatever_their_trade(pipe) -> None:  # type: ignore[no-untyped-def]
    ev = _record(
        pipe,
        "Hundreds of nurses marched to the health ministry in Accra on Monday over unpaid wages.",
        "Ghana",
    )
    assert ev.actor1 is not None and (ev.actor1.name, ev.actor1.inter) == ("Protesters (Ghana)", 6)


def test_an_unknown_named_group_keeps_its_name(pipe) -> None:  # type: ignore[no-untyped-def]
    # a name the dictionary does not know is not made "unidentified"
    ev = _record(
        pipe, "Qorvan Liberation Brigade fighters attacked an army base near Tessit on Friday.", "Mali"
    )
    assert ev.actor1 is not None
    assert "Unidentified" not in ev.actor1.name and "Qorvan" in ev.actor1.name


def test_lowercase_archive_text(pipe) -> None:  # type: ignore[no-untyped-def]
    ev = _record(
        pipe, "al-shabaab militants attacked a police post in wajir on sunday, killing two officers.", "Kenya"
    )
    assert ev.actor1 is not None and ev.actor1.name == "Al Shabaab"


def test_air_strike_without_a_drone_is_the_air_force(pipe) -> None:  # type: ignore[no-untyped-def]
    ev = _record(
        pipe,
        "Russian forces launched an airstrike on the village of Pisky on Tuesday, destroying two houses.",
        "Ukraine",
    )
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actor1 is not None and ev.actor1.name == "Military Forces of Russia (2000-) Air Force"
    ev = _record(pipe, "Russian drones struck a fuel depot near Sumy on Tuesday, causing a fire.", "Ukraine")
    assert ev.actor1 is not None and ev.actor1.name == "Military Forces of Russia (2000-)"


def test_a_group_named_in_the_lead_when_the_parse_found_no_agent(pipe) -> None:  # type: ignore[no-untyped-def]
    ev = _record(
        pipe,
        "Saudi-led coalition warplanes struck a weapons depot near Saada on Thursday, killing four guards.",
        "Yemen",
    )
    assert ev.actor1 is not None and ev.actor1.name == "Operation Restoring Hope"


def test_a_speaker_or_a_target_named_in_the_lead_is_not_actor1(pipe) -> None:  # type: ignore[no-untyped-def]
    ev = _record(
        pipe,
        "A car bomb exploded near a market in Kirkuk on Sunday, killing five people, the Iraqi army said.",
        "Iraq",
    )
    assert ev.actor1 is not None and ev.actor1.name == "Unidentified Armed Group (Iraq)"
    ev = _record(
        pipe,
        "A roadside bomb struck a Malian army convoy near Gao on Friday, wounding four soldiers.",
        "Mali",
    )
    assert ev.actor1 is not None and ev.actor1.name == "Unidentified Armed Group (Mali)"
    assert ev.actor2 is not None and ev.actor2.name == "Military Forces of Mali (2021-)"
    ev = _record(
        pipe,
        "A bomb planted by unknown militants exploded outside the Somali army headquarters in Baidoa.",
        "Somalia",
    )
    assert ev.actor1 is not None and ev.actor1.name == "Unidentified Armed Group (Somalia)"


def test_claims_and_suspects_carry_acled_names(pipe) -> None:  # type: ignore[no-untyped-def]
    ev = _record(
        pipe,
        "A suicide bomber killed nine people at a checkpoint in Kirkuk on Monday. "
        "Islamic State claimed responsibility for the attack in a statement.",
        "Iraq",
    )
    assert ev.claimed_by is not None and ev.claimed_by.name == "Islamic State (Iraq)"


def test_a_name_does_not_run_over_punctuation() -> None:
    found = [
        (m.text, m.actor.name) for m in find_actors("In Myanmar, the Arakan Army took a base.", "Myanmar")
    ]
    assert found == [("Arakan Army", "ULA/AA: United League of Arakan/Arakan Army")]


def test_an_either_or_name_is_no_family_branch() -> None:
    # "Boko Haram" in another country stays ACLED's Boko Haram name, not a made-up "Islamic State (X)"
    hit = canonical_actor("Boko Haram fighters", "Chad")
    assert hit is not None and "Boko Haram" in hit.name


def test_who_took_part_in_the_offensive_is_actor1_not_who_repelled_it(pipe) -> None:  # type: ignore[no-untyped-def]
    ev = _record(
        pipe,
        "Turkish troops engaged in an offensive near Afrin on Friday but were repelled by Kurdish fighters.",
        "Syria",
    )
    assert ev.actor1 is not None and ev.actor1.name == "Military Forces of Turkey (2016-)"
    assert ev.actor1.inter == 8


def test_the_claimant_is_actor1_of_an_attack_by_unnamed_gunmen(pipe) -> None:  # type: ignore[no-untyped-def]
    ev = _record(
        pipe,
        "Gunmen stormed a police station in Tank on Tuesday, killing four officers. "
        "The Pakistani Taliban (TTP) claimed responsibility for the assault.",
        "Pakistan",
    )
    assert ev.actor1 is not None and ev.actor1.name == "TTP: Tehreek-i-Taliban Pakistan"
    assert any(e.field == "actor1" and e.stage == "actor_names" for e in ev.evidence)


def test_a_possessive_does_not_hide_the_name() -> None:
    hit = canonical_actor("Al-Shabaab's fighters", "Somalia")
    assert hit is not None and hit.name == "Al Shabaab"
    hit = canonical_actor("the People's Defense Force", "Myanmar")
    assert hit is not None and hit.name == "PDF: People's Defense Force"


@pytest.mark.parametrize(
    ("text", "country", "actor1"),
    [
        pytest.param(
            "Two Russian fighter jets bombed a market in Idlib on Monday, wounding three people.",
            "Syria",
            "Military Forces of Russia (2000-)",
            id="counted-aircraft-act",
        ),
        pytest.param(
            "On 2 May, 2 Saudi-led coalition air raids targeted a farm in Saada. Casualties unknown.",
            "Yemen",
            "Operation Restoring Hope",
            id="counted-raids-of-a-coalition",
        ),
        pytest.param(
            "Three Myanmar military helicopters carried out airstrikes on Hpakant on Friday, villagers said.",
            "Myanmar",
            "Military Forces of Myanmar (2021-)",
            id="counted-helicopters-act",
        ),
        pytest.param(
            "Three Taliban fighters were killed when a roadside bomb exploded in Kandahar on Sunday.",
            "Afghanistan",
            "Unidentified Armed Group (Afghanistan)",
            id="counted-and-passive-are-victims",
        ),
    ],
)
def test_a_count_before_a_name_makes_it_a_victim_only_in_the_passive(
    pipe,  # type: ignore[no-untyped-def]
    text: str,
    country: str,
    actor1: str,
) -> None:
    ev = _record(pipe, text, country)
    assert ev.actor1 is not None and ev.actor1.name.startswith(actor1)


def test_a_claim_by_an_acronym_the_parse_did_not_tag(pipe) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Two Taliban fighters were shot dead in Jalalabad on Monday. Later IS claimed responsibility for the attack.",
        "Gunmen killed two soldiers at a checkpoint near Kandahar on Tuesday. IS later claimed responsibility for the attack.",
    ):
        ev = _record(pipe, text, "Afghanistan")
        assert ev.claimed_by is not None and ev.claimed_by.name == "Islamic State (Afghanistan)", text
        assert ev.actor1 is not None and ev.actor1.name == "Islamic State (Afghanistan)", text
        assert any(e.field == "claimed_by" and e.stage == "actor_names" for e in ev.evidence)


@pytest.mark.parametrize(
    ("text", "country", "actor1"),
    [
        pytest.param(
            "Gunmen stormed a bus depot in Garissa on Monday, killing four drivers. "
            "Al-Shabaab later said it carried out the attack.",
            "Kenya",
            "Al Shabaab",
            id="said-it-carried-out",
        ),
        pytest.param(
            "A roadside bomb struck a police truck near Kismayo on Sunday, killing three officers. "
            "Al Shabaab said in a statement on its radio station that its fighters had planted the bomb.",
            "Somalia",
            "Al Shabaab",
            id="said-that-its-fighters",
        ),
        pytest.param(
            "Gunmen attacked a gendarmerie post near Dori on Sunday, killing six gendarmes. "
            "Jamaat Nusrat al-Islam wal-Muslimin (GSIM) said in a statement that its fighters had overrun the post.",
            "Burkina Faso",
            "JNIM",
            id="gloss-then-said-overrun",
        ),
        pytest.param(
            "A bomb exploded at a vegetable market in Quetta on Sunday, killing five people. "
            "The attack was claimed by a regional affiliate of the Islamic State group.",
            "Pakistan",
            "Islamic State",
            id="claimed-by-in-the-passive",
        ),
    ],
)
def test_a_group_saying_it_did_the_attack_claims_it(
    pipe,  # type: ignore[no-untyped-def]
    text: str,
    country: str,
    actor1: str,
) -> None:
    ev = _record(pipe, text, country)
    assert ev.claimed_by is not None and ev.claimed_by.name.startswith(actor1), ev.claimed_by
    assert ev.actor1 is not None and ev.actor1.name.startswith(actor1), ev.actor1


def test_a_state_saying_it_acted_is_no_claim(pipe) -> None:  # type: ignore[no-untyped-def]
    ev = _record(
        pipe,
        "Gunmen killed two farmers near Maiduguri on Monday. The Nigerian army said it killed five of the attackers.",
        "Nigeria",
    )
    assert ev.claimed_by is None


_BODY = (
    "KYIV, May 1 (Wire) - Four people were killed overnight in two Ukrainian cities, officials said.\n\n"
    "- Sumy: A drone struck a five-storey building in the city centre, killing three residents, "
    "governor Ivan Petrenko said.\n\n"
    "- Kharkiv: A drone hit a car repair shop, killing its owner, mayor Ihor Terekhov said."
)


def _reported(pipe, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    evs = [acled_actor_names(e, "Ukraine") for e in pipe.extract(text, published=PUB) if e.role == "reported"]
    assert evs, text
    return evs


def test_the_headline_names_the_doer_of_reported_attacks_whose_sentences_do_not(pipe) -> None:  # type: ignore[no-untyped-def]
    for ev in _reported(pipe, "Russian drones hit two Ukrainian cities, four killed\n" + _BODY):
        assert ev.actor1 is not None and ev.actor1.name.startswith("Military Forces of Russia"), ev.actor1


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Russian drones hit two Ukrainian cities, four killed\n"
            + _BODY.replace("A drone", "An unidentified drone"),
            id="sentences-say-unknown",
        ),
        pytest.param(
            "Russian and Belarusian drones hit two Ukrainian cities, four killed\n" + _BODY,
            id="headline-names-two-sides",
        ),
    ],
)
def test_the_headline_gives_no_doer_when_it_cannot_say(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    for ev in _reported(pipe, text):
        assert ev.actor1 is None or not ev.actor1.name.startswith("Military Forces of Russia"), ev.actor1


def test_no_claim_read_from_a_denial(pipe) -> None:  # type: ignore[no-untyped-def]
    ev = _record(
        pipe,
        "Gunmen killed two soldiers at a checkpoint near Kandahar on Tuesday. IS denied any role in the attack.",
        "Afghanistan",
    )
    assert ev.claimed_by is None
    assert ev.actor1 is not None and ev.actor1.name == "Unidentified Armed Group (Afghanistan)"


@pytest.mark.parametrize(
    ("text", "country", "actor1", "mention"),
    [
        pytest.param(
            "Combined forces of the Kachin Independence Army attacked a military outpost near Laiza on Friday.",
            "Myanmar",
            "KIO/KIA: Kachin Independence Organization/Kachin Independence Army",
            "Combined forces of the Kachin Independence Army",
            id="generic-words-of-a-name",
        ),
        pytest.param(
            "Presumed IS Sahel militants attacked the village of Markoye on Sunday, killing two civilians.",
            "Burkina Faso",
            "Islamic State (Sahel)",
            "IS Sahel militants",
            id="name-the-parse-cut-off",
        ),
        pytest.param(
            "On Sunday, IS Sahel militants killed six civilians in the village of Tera, residents said.",
            "Niger",
            "Islamic State (Sahel)",
            "IS Sahel militants",
            id="name-after-a-dateline-comma",
        ),
    ],
)
def test_generic_words_next_to_a_known_name_are_that_name(
    pipe,  # type: ignore[no-untyped-def]
    text: str,
    country: str,
    actor1: str,
    mention: str,
) -> None:
    ev = _record(pipe, text, country)
    assert ev.actor1 is not None and (ev.actor1.name, ev.actor1.mention) == (actor1, mention)
    assert ev.actor1.span is not None and text[ev.actor1.span.start : ev.actor1.span.end] == mention


def _bare_record(text: str, event_type: str, sub_event_type: str) -> Event:
    """A record of ``text`` (one sentence) with no actor words, as the pipeline leaves a
    strategic development or a protest whose parse found no agent."""
    return Event(
        article_id="t",
        role="reported",
        event_type=event_type,
        sub_event_type=sub_event_type,
        disorder_type="Strategic developments",
        date=None,
        sentences=(Span(0, len(text), text),),
    )


def test_a_strategic_development_takes_the_actor_named_in_its_lead() -> None:
    text = "Looting: On 12 April, suspected Houthi fighters emptied a grain warehouse in Hodeidah."
    ev = acled_actor_names(_bare_record(text, STRATEGIC_DEVELOPMENTS, LOOTING), "Yemen")
    assert ev.actor1 is not None
    assert ev.actor1.name == "Military Forces of Yemen (2016-) Supreme Political Council"
    assert ev.actor1.span is not None and text[ev.actor1.span.start : ev.actor1.span.end] == ev.actor1.mention


def test_a_protest_never_takes_a_group_named_in_its_lead() -> None:
    text = "Supporters of the Taliban marched in Kandahar on Friday."
    ev = acled_actor_names(_bare_record(text, PROTESTS, PEACEFUL_PROTEST), "Afghanistan")
    assert ev.actor1 is None


def test_coordinated_demonyms_do_not_pick_one_side(pipe) -> None:  # type: ignore[no-untyped-def]
    ev = _record(
        pipe,
        "Somali and Kenyan forces clashed with Al-Shabaab militants near Dhobley on Monday, killing six.",
        "Somalia",
    )
    assert ev.actor1 is not None and "Kenya" not in ev.actor1.name


# ---------------------------------------------------------------------------------------------
# Claims, attributions and the police as doer (session 8); texts written for these tests


@pytest.mark.parametrize(
    ("text", "country", "actor1"),
    [
        pytest.param(
            "A car bomb exploded outside a hotel in Beledweyne on Monday, killing six guests. "
            "Abdiaziz Abu Musab, the spokesman for al-Shabaab, claimed they were responsible for the blast.",
            "Somalia",
            "Al Shabaab",
            id="spokesman-for-the-group-claims",
        ),
        pytest.param(
            "Three bombs went off in the centre of Derrylin on Saturday, killing two shoppers. "
            "The Fermanagh Volunteer Front accepted responsibility for the bombings.",
            "United Kingdom",
            "Fermanagh Volunteer Front",
            id="group-unknown-to-the-dictionary-claims",
        ),
        pytest.param(
            "A bomb exploded in a bar in Zarautz on Saturday, killing four drinkers. The attack is "
            "believed to have been carried out by the separatist group KAT.",
            "Spain",
            "KAT",
            id="attribution-names-a-group",
        ),
    ],
)
def test_a_claim_or_an_attribution_names_actor1(pipe, text: str, country: str, actor1: str) -> None:  # type: ignore[no-untyped-def]
    ev = _record(pipe, text, country)
    assert ev.actor1 is not None and ev.actor1.name == actor1


def test_no_claim_in_a_denial_or_a_speaker(pipe) -> None:  # type: ignore[no-untyped-def]
    ev = _record(
        pipe,
        "A bomb exploded at a market in Kirkuk on Sunday, killing five people. "
        "Police said the attack was carried out by two men on a motorcycle.",
        "Iraq",
    )
    assert ev.actor1 is not None and ev.actor1.name == "Unidentified Armed Group (Iraq)"


@pytest.mark.parametrize(
    ("text", "country", "mention"),
    [
        pytest.param(
            "Police officers answering a call about a burglary on Tuesday fatally shot a man holding a "
            "garden hose in Leeds, a spokesman said.",
            "United Kingdom",
            "Police officers",
            id="police-subject-long-phrase",
        ),
        pytest.param(
            "Four days of heavy fighting between police and insurgents in the hills above Nalchik ended on "
            "Sunday with nine rebels dead, officials said.",
            "Russia",
            "police",
            id="fighting-between-police-and-X",
        ),
    ],
)
def test_the_police_as_doer_of_the_lead(pipe, text: str, country: str, mention: str) -> None:  # type: ignore[no-untyped-def]
    ev = _record(pipe, text, country)
    assert ev.actor1 is not None and ev.actor1.name.startswith("Police Forces of")
    assert ev.actor1.mention == mention


@pytest.mark.parametrize(
    "text",
    [
        "Police said gunmen shot dead two traders at a market in Kisumu on Friday.",
        "Two police officers were shot dead by unknown attackers in Kisumu on Friday.",
    ],
)
def test_police_as_speaker_or_victim_is_not_actor1(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    ev = _record(pipe, text, "Kenya")
    assert ev.actor1 is None or not ev.actor1.name.startswith("Police Forces")


def _placed(events: list[Event], country: str) -> list[Event]:
    from dataclasses import replace

    from eventlens.types import Place

    return [
        acled_actor_names(replace(e, location=Place(country, 0.0, 0.0, "country", country=country)), country)
        for e in events
    ]


def _sentences(pipe, text: str) -> list[Span]:  # type: ignore[no-untyped-def]
    doc = pipe.nlp(text)
    return [Span(s.start_char, s.end_char, s.text) for s in doc.sents]


def test_a_generic_noun_is_the_group_the_article_named_with_it(pipe) -> None:  # type: ignore[no-untyped-def]
    from eventlens.stages.article_actors import article_actors

    text = (
        "Five al-Shabaab militants were killed in two blasts in Lower Shabelle on Friday. "
        "Two militants were planting a roadside bomb near Afgooye on Friday when it went off early, killing both. "
        "In a separate incident, three militants died when their own car bomb exploded in Marka on Friday."
    )
    events = _placed([e for e in pipe.extract(text, published=PUB) if e.role == "reported"], "Somalia")
    assert events
    named = article_actors(events, _sentences(pipe, text))
    assert all(e.actor1 is not None and e.actor1.name == "Al Shabaab" for e in named)


def test_a_generic_noun_stays_unnamed_when_the_article_names_two_groups(pipe) -> None:  # type: ignore[no-untyped-def]
    from eventlens.stages.article_actors import article_actors

    text = (
        "Gunmen killed four farmers near Kauru on Friday. "
        "Officials said both Ansaru gunmen and Boko Haram gunmen operate in the area."
    )
    events = _placed([e for e in pipe.extract(text, published=PUB) if e.role == "reported"], "Nigeria")
    assert events
    named = article_actors(events, _sentences(pipe, text))
    assert named[0].actor1 is not None and named[0].actor1.name.startswith("Unidentified")


def test_a_group_named_only_in_a_later_remark_is_not_the_doer(pipe) -> None:  # type: ignore[no-untyped-def]
    from eventlens.stages.article_actors import article_actors

    text = (
        "Gunmen killed four farmers near Kauru on Friday. The bodies were taken to the town. "
        "The village head asked for more soldiers. Officials said Ansaru gunmen operate in the area."
    )
    events = _placed([e for e in pipe.extract(text, published=PUB) if e.role == "reported"], "Nigeria")
    named = article_actors(events, _sentences(pipe, text))
    assert named[0].actor1 is not None and named[0].actor1.name.startswith("Unidentified")


def test_a_claim_in_one_record_names_the_doer_of_its_other_bombings(pipe) -> None:  # type: ignore[no-untyped-def]
    from eventlens.stages.article_actors import article_actors

    text = (
        "A bomb exploded in a shop in Enniskeen on Friday morning, injuring two. "
        "In a separate attack, a car bomb killed three people at a bus station in Tullyroan on Friday afternoon. "
        "The Ulster Freedom Front accepted responsibility for the bombings."
    )
    events = _placed([e for e in pipe.extract(text, published=PUB) if e.role == "reported"], "United Kingdom")
    assert len(events) == 2
    named = article_actors(events, _sentences(pipe, text))
    assert [e.actor1.name if e.actor1 else None for e in named] == ["Ulster Freedom Front"] * 2


@pytest.mark.parametrize(
    "text",
    [
        "A soldier was killed by a buried bomb while fighting al-Shabaab near Afgooye on Thursday.",
        "Two shepherds were wounded by a landmine near Bardere on Sunday.",
    ],
)
def test_the_weapon_of_a_passive_is_no_actor(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    ev = _record(pipe, text, "Somalia")
    assert (
        ev.actor1 is None
        or not ev.actor1.mention
        or not any(w in ev.actor1.mention.lower() for w in ("bomb", "landmine", "mine"))
    )


def test_record_actors_take_the_names_of_the_events_day(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Taliban fighters attacked an army checkpoint in Helmand on Monday, killing six soldiers."
    ev = [e for e in pipe.extract(text, published=datetime(2015, 3, 4, 12, 0)) if e.role == "reported"][0]
    ev = acled_actor_names(ev, "Afghanistan")
    assert ev.actor1 is not None and (ev.actor1.name, ev.actor1.inter) == ("Taliban", 2)
    assert ev.actor2 is not None and ev.actor2.name == "Military Forces of Afghanistan (2004-2021)"
    ev = [e for e in pipe.extract(text, published=datetime(2023, 3, 4, 12, 0)) if e.role == "reported"][0]
    ev = acled_actor_names(ev, "Afghanistan")
    assert ev.actor1 is not None and ev.actor1.name == "Military Forces of Afghanistan (2021-)"


def test_a_groups_own_name_stays_in_the_record(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The Irish Republican Army detonated a bomb outside a police station in Belfast on Tuesday, killing two officers."
    ev = _record(pipe, text, "United Kingdom")
    assert ev.actor1 is not None and (ev.actor1.name, ev.actor1.inter) == ("Irish Republican Army", 2)

"""Casualties, hedging, claims, weapons and sources, read from short texts in several styles."""

from datetime import datetime

import pytest

from eventlens.stages.arguments.toll import casualties

PUB = datetime(2022, 3, 10, 12, 0)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        pytest.param("Gunmen killed three soldiers and wounded five others.", 3, 5, id="verb-then-count"),
        pytest.param("At least 12 people were killed in the blast.", 12, None, id="at-least-passive"),
        pytest.param("No casualties were reported.", 0, 0, id="no-casualties"),
        pytest.param("There were no injuries.", None, 0, id="no-injuries-only"),
        pytest.param("The rockets hit an empty field.", None, None, id="silence-is-none"),
        pytest.param("A man was shot dead outside his home.", 1, None, id="single-victim"),
        pytest.param("The death toll rose to 27 on Sunday.", 27, None, id="death-toll"),
        pytest.param("Dozens were injured when police fired tear gas.", None, 12, id="dozens-injured"),
        pytest.param("Gunmen killed between 16 and 25 people at a funeral.", 16, None, id="range-lowest"),
        pytest.param("The attack killed 4 and injured 10, 3 of them children.", 4, 10, id="bare-numbers"),
        pytest.param("He was later killed by the militants.", 1, None, id="pronoun-victim"),
        pytest.param("A 25-year-old man was stabbed.", None, None, id="age-is-not-a-toll"),
    ],
)
def test_casualties(sentence: str, killed: int | None, injured: int | None) -> None:
    fat, inj, _, _ = casualties(sentence, 0)
    assert (fat, inj) == (killed, injured)


def _main(pipe, text, published=PUB):
    events = pipe.extract(text, published=published)
    reported = [e for e in events if e.role == "reported"]
    assert reported, f"no reported event in {text!r}: {events}"
    return max(reported, key=lambda e: e.confidence)


def test_hedged_link_is_a_suspicion_not_a_claim(pipe) -> None:
    text = (
        "A car bomb exploded near a checkpoint in Mogadishu on Tuesday, killing four soldiers. "
        "No group has claimed responsibility, but officials believe the blast was linked to al-Shabaab militants."
    )
    ev = _main(pipe, text)
    assert ev.claimed_by is None
    assert [a.asserted for a in ev.suspected_actors] == [False]
    assert "Shabaab" in ev.suspected_actors[0].mention


def test_claim_of_responsibility(pipe) -> None:
    text = "Islamic State claimed responsibility for a suicide bombing that killed 14 people at a mosque in Kabul on Friday."
    # a claim story recalls the bombing: a background record (stages/kinds.py), its arguments intact
    (ev,) = [e for e in pipe.extract(text, published=PUB) if e.role == "background"]
    assert ev.sub_event_type == "Suicide bomb"
    assert ev.claimed_by is not None and "Islamic State" in ev.claimed_by.name
    assert ev.fatalities == 14


def test_weapon_count_and_kind(pipe) -> None:
    text = "Militants fired four mortar shells at a military base near Kirkuk on Monday night, police said."
    ev = _main(pipe, text)
    assert [(w.kind, w.count) for w in ev.weapons] == [("mortar", 4)]
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    assert [s.name for s in ev.sources] == ["police"]


def test_activists_firing_rockets_are_not_protesters(pipe) -> None:
    text = "Activists launched two rockets at a government building in Basra on Sunday, officials said."
    ev = _main(pipe, text)
    assert ev.event_type == "Explosions/Remote violence"
    assert ev.actor1 is not None and ev.actor1.inter not in (5, 6)


def test_every_field_has_its_words(pipe) -> None:
    text = "Police said gunmen shot dead two farmers in Zamfara on Saturday."
    ev = _main(pipe, text, datetime(2022, 3, 7, 9))
    fields = {e.field for e in ev.evidence}
    assert {"event_type", "event_date", "fatalities", "sentences"} <= fields
    for e in ev.evidence:
        for s in e.spans:
            assert text[s.start : s.end] == s.text


def test_a_sentence_toll_is_the_same_wherever_the_sentence_stands() -> None:
    from eventlens.stages.arguments.toll import casualties

    text = "Gunmen killed 4 villagers and wounded 7 others near the market, but police said 3 died."
    fat, inj, fsp, isp = casualties(text, 0)
    assert (fat, inj) == (3, 7)
    moved = casualties(text, 120)
    assert moved[:2] == (fat, inj)
    assert [(s.start - 120, s.end - 120, s.text) for s in moved[2] + moved[3]] == [
        (s.start, s.end, s.text) for s in fsp + isp
    ]
    assert all(text[s.start : s.end] == s.text for s in fsp + isp)
    fsp.clear()  # the caller's lists are its own
    assert casualties(text, 0)[2]

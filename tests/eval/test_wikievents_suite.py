"""WikiEvents: text rebuilt at the annotated offsets, the KAIROS map, detection and argument counts."""

from __future__ import annotations

from typing import Any

import pytest

from eventlens.eval.wikievents_suite import acled_types_for, doc_text, score_document

# Two sentences; the first holds an attack trigger ("fired") with Attacker/Target/Place/Instrument.
DOC: dict[str, Any] = {
    "doc_id": "d",
    "tokens": ["Rebels", "fired", "rockets", "at", "Kidal", ".", "Talks", "resumed", "."],
    "sentences": [
        [
            [
                ["Rebels", 0, 6],
                ["fired", 7, 12],
                ["rockets", 13, 20],
                ["at", 21, 23],
                ["Kidal", 24, 29],
                [".", 29, 30],
            ],
            "Rebels fired rockets at Kidal.",
        ],
        [[["Talks", 31, 36], ["resumed", 37, 44], [".", 44, 45]], "Talks resumed."],
    ],
    "entity_mentions": [],
    "event_mentions": [
        {
            "id": "E1",
            "event_type": "Conflict.Attack.Unspecified",
            "trigger": {"start": 1, "end": 2, "text": "fired", "sent_idx": 0},
            "arguments": [
                {"entity_id": "T1", "role": "Attacker", "text": "Rebels"},
                {"entity_id": "T2", "role": "Instrument", "text": "rockets"},
                {"entity_id": "T3", "role": "Place", "text": "Kidal"},
            ],
        },
        {
            "id": "E2",
            "event_type": "Contact.Contact.Meet",
            "trigger": {"start": 6, "end": 7, "text": "Talks", "sent_idx": 1},
            "arguments": [],
        },
    ],
}


def rec(start: int, end: int, **kw: Any) -> dict[str, Any]:
    return {
        "role": "reported",
        "evidence": [{"field": "event_type", "spans": [{"start": start, "end": end}]}],
        **kw,
    }


def test_doc_text_puts_tokens_at_their_offsets() -> None:
    t = doc_text(DOC)
    assert t == "Rebels fired rockets at Kidal.\nTalks resumed."
    assert t[24:29] == "Kidal"


@pytest.mark.parametrize(
    ("kairos", "acled"),
    [
        pytest.param("Conflict.Attack.DetonateExplode", "Explosions/Remote violence", id="explode"),
        pytest.param("Conflict.Demonstrate.Unspecified", "Protests", id="demonstrate"),
        pytest.param("Justice.ArrestJailDetain.Unspecified", "Strategic developments", id="arrest"),
    ],
)
def test_kairos_map(kairos: str, acled: str) -> None:
    assert acled in acled_types_for(kairos)


def test_deaths_and_meetings_are_not_events_of_their_own() -> None:
    assert acled_types_for("Life.Die.Unspecified") == []
    assert acled_types_for("Contact.Contact.Meet") == []
    assert acled_types_for("Unknown.Thing.Here") == []


def test_perfect_reading() -> None:
    r = rec(
        0,
        30,
        event_type="Explosions/Remote violence",
        actors={"actor1": {"name": "Rebels", "mention": "Rebels"}},
        places=[{"mention": "Kidal"}],
        weapons=[{"mention": "rockets"}],
    )
    res = score_document(DOC, [r])
    assert res["counts"] == {"tp": 1, "fn": 0, "typed_tp": 1, "rec_tp": 1, "rec_fp": 0}
    assert res["args"]["actor1"] == {"tp": 1, "fn": 0, "fp": 0}
    assert res["args"]["weapon"] == {"tp": 1, "fn": 0, "fp": 0}
    assert res["args"]["place"] == {"tp": 1, "fn": 0, "fp": 0}


def test_empty_reading() -> None:
    res = score_document(DOC, [])
    assert res["counts"] == {"tp": 0, "fn": 1, "typed_tp": 0, "rec_tp": 0, "rec_fp": 0}
    assert res["args"]["actor1"] == {"tp": 0, "fn": 1, "fp": 0}


def test_half_right_reading() -> None:
    # one record on the trigger sentence but typed Protests (untyped hit, typed miss), wrong actor;
    # one record on the meeting sentence (a false detection). Detection: recall 1/1, precision 1/2.
    r1 = rec(0, 30, event_type="Protests", actors={"actor1": {"name": "Students", "mention": "Students"}})
    r2 = rec(31, 45, event_type="Battles")
    res = score_document(DOC, [r1, r2])
    assert res["counts"] == {"tp": 1, "fn": 0, "typed_tp": 0, "rec_tp": 1, "rec_fp": 1}
    assert res["args"]["actor1"] == {"tp": 0, "fn": 1, "fp": 1}  # "Students" (name = mention, counted once)

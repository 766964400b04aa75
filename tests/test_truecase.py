"""Truecasing of all-lowercase / ALL-CAPS text (eventlens.stages.truecase), and whole reports
that arrive lowercased or with mojibake giving the records of their clean originals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest

from eventlens.stages.truecase import Lexicon, case_mode, restore_texts, truecase
from eventlens.types import Actor, Span


@dataclass
class _Place:
    name: str
    population: int
    feature_code: str = "PPL"
    matched_name: str = ""


class _StubGazetteer:
    """A few invented and real-looking places; "reading" is both a town and an English word."""

    PLACES = {
        "kolvara": _Place("Kolvara", 800),
        "dembi": _Place("Dembi", 15000),
        "reading": _Place("Reading", 300000),
        "kabul": _Place("Kabul", 3000000, "PPLC"),
        "forest": _Place("Forest", 50000),
        "upper tessa": _Place("Upper Tessa", 2000, "ADM2"),
        "el gadir": _Place("El Gadir", 90000),
        "tank": _Place("Tank", 400000, "ADM2"),
    }

    def candidates(self, name: str, *, country: str | None = None, limit: int = 20) -> list[_Place]:
        hit = self.PLACES.get(name.lower())
        return [hit] if hit else []

    def country_words(self) -> dict[str, str]:
        return {
            "kenya": "KE",
            "kenyan": "KE",
            "afghanistan": "AF",
            "afghan": "AF",
            "car": "CF",
            "drc": "CD",
            "south africa": "ZA",
        }


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    index = {
        "noun": [
            "police",
            "forest",
            "kabul",
            "patrol",
            "market",
            "village",
            "attack",
            "man",
            "gunman",
            "raid",
            "news",
            "herder",
            "people",
            "site",
            "clinic",
            "area",
            "official",
            "car",
            "tank",
            "office",
            "agency",
            "front",
        ],
        "verb": ["read", "kill", "say", "attack", "reach", "condemn", "visit", "take", "flee"],
        "adj": ["local", "armed"],
    }
    rules = {"verb": [["ing", ""], ["ed", ""], ["s", ""]], "noun": [["s", ""], ["men", "man"]]}
    return Lexicon(gazetteer=_StubGazetteer(), index=index, rules=rules)


LOWER = (
    "gunmen kill five in kolvara village\n"
    "nairobi - gunmen killed five herders in a raid on kolvara village in upper tessa on monday, "
    "police said. the kenyan police force (kpf) said the attackers fled towards dembi. "
    "local people reading the news in kabul condemned the attack in the forest on 3 may. "
    "the kpf patrol reached the market on june 4."
)


def test_case_mode_per_text() -> None:
    assert case_mode(LOWER) == "lower"
    assert case_mode(LOWER.upper()) == "upper"
    normal = (
        "Gunmen killed five herders in a raid on a village in Marsabit County on Monday, police said. " * 2
    )
    assert case_mode(normal) is None
    # a title-case headline over a lowercase body is still a lowercase article
    assert case_mode("Gunmen Kill Five In Raid\n" + LOWER.split("\n", 1)[1]) == "lower"
    assert case_mode("too short to judge") is None


def test_truecase_keeps_length_and_letters(lexicon: Lexicon) -> None:
    out = truecase(LOWER, lexicon)
    assert len(out) == len(LOWER)
    assert out.lower() == LOWER


def test_truecase_capitalises_names_dates_and_starts(lexicon: Lexicon) -> None:
    out = truecase(LOWER, lexicon)
    for word in (
        "Gunmen kill",  # title line start
        "Nairobi",  # line start (dateline)
        "- Gunmen killed",  # the first word after a dateline
        "Kolvara village",  # gazetteer, not an English word
        "Upper Tessa",  # gazetteer, two words
        "Monday",
        "Kenyan Police Force (KPF)",  # acronym spelled by the words before it
        "The KPF patrol",  # ... and where it recurs
        "Dembi",
        "Kabul",  # an English noun only, and a large place
        "3 May",  # "may" beside a day number
        "June 4",
        ". The",
    ):
        assert word in out, word
    # English words that are places too stay words: a verb form, and a small place's noun
    assert "people reading the news" in out
    assert "in the forest" in out
    assert "police said" in out


def test_truecase_unknown_words_where_names_stand(lexicon: Lexicon) -> None:
    text = (
        "officials said two men were killed near bandaro on tuesday. minister ketoru walamba "
        "visited the site, and the wounded were taken to a clinic in the mbeti area. "
    ) * 2
    out = truecase(text, lexicon)
    assert "near Bandaro" in out
    assert "Minister Ketoru Walamba" in out or "minister Ketoru Walamba" in out
    assert "Mbeti area" in out
    assert "the wounded were taken" in out


def test_truecase_names_of_other_shapes(lexicon: Lexicon) -> None:
    text = (
        "gunmen attacked a car near el gadir in the northwestern tank district, a police "
        "official said. the national liberation front of tessa (nlft) and the south africa office "
        "of the agency in the drc said on nov 19 that a tank was seen. "
    ) * 2
    out = truecase(text, lexicon)
    assert "attacked a car" in out  # a short English word, though a country's code
    assert "near El Gadir" in out  # an Arabic article starts the name
    assert "northwestern Tank district" in out  # an English word naming a district
    assert "a tank was seen" in out
    assert "National Liberation Front of Tessa (NLFT)" in out
    assert "South Africa" in out and "DRC" in out
    assert "Nov 19" in out


def test_dateline_with_a_date_and_agency_starts_a_sentence(lexicon: Lexicon) -> None:
    text = "kolvara, kenya, june 3 (reuters) - gunmen killed five herders in a raid, police said. " * 3
    assert truecase(text, lexicon).startswith("Kolvara, Kenya, June 3 (Reuters) - Gunmen killed")


def test_all_caps_possessive_acronym_keeps_its_s_small(lexicon: Lexicon) -> None:
    out = truecase(("THE NLFT'S FIGHTERS ATTACKED A MARKET IN KOLVARA ON MONDAY, POLICE SAID. " * 3), lexicon)
    assert out.startswith("The NLFT's fighters attacked a market in Kolvara on Monday")


def test_all_caps_text_is_lowered_but_names_and_acronyms_keep_capitals(lexicon: Lexicon) -> None:
    out = truecase(LOWER.upper(), lexicon)
    assert len(out) == len(LOWER)
    assert "Gunmen killed five herders in a raid on Kolvara village" in out
    assert "(KPF)" in out


def test_normal_text_is_untouched(lexicon: Lexicon) -> None:
    text = "Gunmen killed five herders in a raid on Kolvara village on Monday, police said. " * 3
    assert truecase(text, lexicon) is text


def test_restore_texts_puts_the_original_words_back() -> None:
    original = "the maoists ambushed a patrol"
    actor = Actor(name="Unidentified Armed Group", mention="Maoists", span=Span(4, 11, "Maoists"), inter=3)
    back = restore_texts([actor], original)[0]
    assert back.span.text == "maoists" and back.mention == "maoists"
    assert back.name == "Unidentified Armed Group"


# ---------------------------------------------------------------------------
# Whole reports through the real pipeline (model + gazetteer)

REPORT = """Gunmen kill seven in attack on market in Nigeria's Zamfara state
GUSAU, Nigeria - Gunmen on motorcycles killed seven traders and wounded four others in an attack on a market in Maru, in Nigeria's northwestern Zamfara state, on Tuesday, police said on Wednesday.

The attackers arrived at about 10 a.m. and opened fire on traders before setting shops on fire, police spokesman Yazid Abubakar said in a statement. The wounded were taken to a hospital in Gusau, the state capital.

Armed gangs known locally as bandits have killed hundreds of people in Zamfara and neighbouring states this year. In January, 20 villagers were killed in a raid on a village in the same district.
"""
PUBLISHED = datetime(2024, 6, 12, 9, 0)


def _summary(events: list) -> list[tuple]:
    return sorted(
        (e.role, e.sub_event_type, str(e.date.start) if e.date else None, e.fatalities, e.injured,
         e.location.name if e.location else None)
        for e in events
    )  # fmt: skip


@pytest.fixture(scope="module")
def full_pipeline():  # type: ignore[no-untyped-def]
    from eventlens.pipeline import Pipeline

    pipe = Pipeline()
    if not pipe.geocoder:
        pytest.skip("no gazetteer")
    return pipe


def _run(pipe, text: str) -> list:  # type: ignore[no-untyped-def]
    (result,) = list(pipe.run([text], published=PUBLISHED))
    assert result.error is None
    return result.events


@pytest.mark.parametrize("caseless", [str.lower, str.upper])
def test_caseless_report_gives_the_records_of_the_original(full_pipeline, caseless) -> None:  # type: ignore[no-untyped-def]
    clean = _run(full_pipeline, REPORT)
    assert clean and any(e.location is not None for e in clean)
    text = caseless(REPORT)
    events = _run(full_pipeline, text)
    assert _summary(events) == _summary(clean)
    # evidence and mentions show the article's own words, at the same offsets
    for e in events:
        for ev in e.evidence:
            for sp in ev.spans:
                assert text[sp.start : sp.end] == sp.text
        if e.actor1 is not None and e.actor1.span is not None:
            assert e.actor1.mention == text[e.actor1.span.start : e.actor1.span.end]


def test_caseless_report_places_point_into_the_text(full_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = REPORT.lower()
    (result,) = list(full_pipeline.places([text]))
    names = {t.text for t in result.toponyms}
    assert {"zamfara", "gusau"} <= names
    for t in result.toponyms:
        assert text[t.start : t.end] == t.text


def test_mojibake_report_gives_the_records_of_the_original(full_pipeline) -> None:  # type: ignore[no-untyped-def]
    clean = _run(full_pipeline, REPORT.replace(" - ", " — ").replace("Nigeria's", "Nigeria’s"))
    bad = (
        REPORT.replace(" - ", " — ")
        .replace("Nigeria's", "Nigeria’s")
        .encode("utf-8")
        .decode("cp1252", "ignore")
    )
    assert "â€" in bad
    assert _summary(_run(full_pipeline, bad)) == _summary(clean)

"""Kinds of place name the event place must get right (issue 15, item 3): a town the tagger calls a
date, a world region with a small namesake abroad, a province as the finest place, the English
spelling of a Russian "-iya" name, a site named after its town, "X residents", a home town.
Texts written for these tests; the gazetteer is the small test one (cities >= 15,000)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventlens.geo import ranking
from eventlens.geo.context import GeoContext, _credible
from eventlens.geo.event_place import is_goods_origin, is_home_place
from eventlens.geo.gazetteer import Candidate, Gazetteer
from eventlens.geo.gazetteer_file import english_spellings
from eventlens.geo.resolve import Geocoder
from eventlens.geo.toponyms import find_toponyms
from eventlens.pipeline import Pipeline
from eventlens.types import Article, Event


@pytest.fixture(scope="module")
def pipe(gazetteer: Gazetteer) -> Pipeline:
    return Pipeline(geocoder=Geocoder(gazetteer), subtype_model=False)


def _located(pipe: Pipeline, text: str) -> list[Event]:
    (res,) = list(pipe.run([{"id": "t", "text": text, "published": "2024-03-05T12:00"}]))
    out = [e for e in res.events if e.location is not None and e.event_type != "Strategic developments"]
    assert out, res.events
    return out


# -- 1. a town the tagger calls a date -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        pytest.param("Gunmen attacked a checkpoint in Manbij on Friday.", "Manbij", True, id="no-date-word"),
        pytest.param("Two men were shot dead in the town of March on Sunday.", "March", True, id="town-of"),
        pytest.param("Two men were shot dead in March, Cambridgeshire on Sunday.", "March", True, id="unit"),
        pytest.param("The attack happened in March, officials said.", "March", False, id="month"),
        pytest.param("In March, Kabul police arrested two men.", "March", False, id="month-then-city"),
    ],
)
def test_a_town_named_like_a_date(nlp, gazetteer: Gazetteer, text: str, name: str, found: bool) -> None:  # type: ignore[no-untyped-def]
    names = [t.name for t in find_toponyms(nlp(text), gazetteer=gazetteer) if t.is_location]
    assert (name in names) is found, names


def test_an_event_in_a_town_tagged_as_a_date_is_there(pipe: Pipeline) -> None:
    (ev,) = _located(
        pipe,
        "Roadside bomb kills soldier\n\n"
        "A soldier was killed by a roadside bomb in Manbij on Thursday, the coalition said in a "
        "statement. He had served in the Middle East since 2016.\n",
    )[:1]
    assert ev.location is not None and ev.location.name == "Manbij", ev.location


# -- 2. a world region's small namesake -------------------------------------------------------------


class _WithNamesake:
    """The test gazetteer plus a small US village called "Middle East" (the full gazetteer has a
    Baltimore neighbourhood of the name; the small test one keeps no place under 15,000)."""

    def __init__(self, gaz: Gazetteer) -> None:
        self._gaz = gaz
        base = gaz.candidates("Baltimore", limit=1)[0]
        self.village = replace(base, geonameid=999_000_001, name="Middle East", population=1900,
                               feature_class="P", feature_code="PPL")  # fmt: skip

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._gaz, name)

    def candidates(self, name: str, **kw) -> list[Candidate]:  # type: ignore[no-untyped-def]
        out = self._gaz.candidates(name, **kw)
        if name.lower().removeprefix("the ").strip() == "middle east":
            out = [*out, replace(self.village, matched_name="Middle East")]
        return out


_US_STORY = (
    "A US soldier from Austin, Texas, was killed in the Middle East on Thursday, American officials "
    "said. He was born in Manchester, trained in Colchester and Olivia, and is survived by his mother "
    "in Austin. The US Army and the American Legion in Houston paid tribute."
)


def test_a_region_is_not_its_small_namesake(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    geocoder = Geocoder(_WithNamesake(gazetteer))  # type: ignore[arg-type]
    tops = find_toponyms(nlp(_US_STORY), gazetteer=gazetteer)
    placed = [
        t for t in geocoder.resolve_toponyms(Article(id="r", text=_US_STORY), tops) if t.text == "Middle East"
    ]
    assert placed and all(t.place is not None and t.place.iso2 is None for t in placed), placed


def test_without_the_namesake_penalty_the_village_wins(nlp, gazetteer: Gazetteer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The story is US enough that its places carry the village: the penalty is what keeps the region."""
    monkeypatch.setattr(ranking, "_W_REGION_NAMESAKE", 0.0)
    geocoder = Geocoder(_WithNamesake(gazetteer))  # type: ignore[arg-type]
    tops = find_toponyms(nlp(_US_STORY), gazetteer=gazetteer)
    placed = [
        t for t in geocoder.resolve_toponyms(Article(id="r", text=_US_STORY), tops) if t.text == "Middle East"
    ]
    assert any(t.place is not None and t.place.iso2 == "US" for t in placed), placed


# -- 3. a province passes the small-place check -----------------------------------------------------


def _cand(**kw) -> Candidate:  # type: ignore[no-untyped-def]
    base = dict(geonameid=1, name="X", lat=0.0, lon=0.0, feature_class="P", feature_code="PPL",
                country_code="RU", country="Russia", iso3="RUS", admin1_code="RU.01", admin1="X",
                admin2_code=None, admin2=None, population=3000)  # fmt: skip
    return Candidate(**{**base, **kw})


def test_a_province_abroad_is_credible_a_village_is_not() -> None:
    ctx = GeoContext(countries={"GE": 0.8, "RU": 0.0, "AZ": 0.2})
    assert not _credible(_cand(), ctx)  # a village in a country the story never names
    assert _credible(_cand(feature_class="A", feature_code="ADM1", population=0), ctx)
    assert _credible(_cand(geonameid=-5, feature_class="L", feature_code="RGN", country_code=None), ctx)


# -- 4. Russian / Ukrainian "-iya" names in English ---------------------------------------------------


def test_english_spellings_of_romanised_names() -> None:
    assert "Kabardino-Balkaria" in english_spellings(["Kabardino-Balkariya"], "RU")
    assert "Adygea" in english_spellings(["Adygeya"], "RU")
    assert "Feodosia" in english_spellings(["Feodosiya"], "UA")
    assert english_spellings(["Ajdabiya"], "LY") == ["Ajdabiya"]  # not a Cyrillic romanisation


@pytest.mark.parametrize("name", ["Ingushetia", "Kabardino-Balkaria", "Ingushetiya"])
def test_a_republic_by_its_english_name(gazetteer: Gazetteer, name: str) -> None:
    assert any(c.country_code == "RU" and c.feature_code == "ADM1" for c in gazetteer.candidates(name)), name


def test_a_shootout_in_a_republic_named_in_english(pipe: Pipeline) -> None:
    (ev,) = _located(
        pipe,
        "Gunmen killed in Russia's North Caucasus\n\n"
        "MOSCOW (Reuters) - Police killed four gunmen in a three-hour shootout in Kabardino-Balkaria on "
        "Thursday, investigators said.\n",
    )[:1]
    assert ev.location is not None and ev.location.iso2 == "RU" and ev.location.precision == "admin1", (
        ev.location
    )


# -- 5. a site named after its town; 6. "X residents" -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "town"),
    [
        pytest.param(
            "A suicide bomber blew himself up at the gate of Kandahar airport on Thursday, killing five "
            "guards, officials said.\n", "Kandahar", id="airport",
        ),
        pytest.param(
            "Rockets struck the Balad air base on Tuesday, wounding two contractors, security officials "
            "said.\n", "Balad", id="air-base",
        ),
        pytest.param(
            "Gunmen opened fire on a minibus on Sunday, killing four passengers, Bunia residents told "
            "reporters by phone.\n", "Bunia", id="residents",
        ),
    ],
)  # fmt: skip
def test_the_town_a_site_or_residents_are_named_after(pipe: Pipeline, text: str, town: str) -> None:
    (ev,) = _located(pipe, "Attack\n\n" + text)[:1]
    assert ev.location is not None and ev.location.name == town, ev.location


# -- 7. a home town is not the event's place ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "home"),
    [
        ("A soldier from Dallas was killed in Syria.", "Dallas", True),
        ("Two students from Kano died in the crash.", "Kano", True),
        ("A 23-year-old from Leeds was stabbed.", "Leeds", True),
        ("Troops from Kabul were sent north.", "Kabul", False),
        ("Families fled from Goma on Monday.", "Goma", False),
        ("Rockets were fired from Gaza.", "Gaza", False),
    ],
)
def test_a_home_town_written_with_from(text: str, name: str, home: bool) -> None:
    assert is_home_place(text, text.index(name)) is home


def test_a_soldier_from_a_us_city_killed_abroad(pipe: Pipeline) -> None:
    (ev,) = _located(
        pipe,
        "Soldier killed\n\n"
        "A soldier from Dallas was killed in Syria on Saturday when his patrol was hit by a roadside "
        "bomb, the Pentagon said.\n",
    )[:1]
    assert ev.location is not None and ev.location.iso2 == "SY", ev.location


def test_residents_of_a_town_the_tagger_missed_march_there(pipe: Pipeline) -> None:
    """ "Bamenda residents": the small model tags the town an organisation."""
    evs = _located(
        pipe,
        "Residents march against curfew\n\n"
        "About 200 Bamenda residents marched on Friday near the main market to protest a new curfew, "
        "organisers said.\n",
    )
    assert all(ev.location is not None and ev.location.name == "Bamenda" for ev in evs), evs


@pytest.mark.parametrize(
    ("text", "name", "origin"),
    [
        ("They protested against the decision to allow beef imports from the United States.", "United", True),
        ("Ships carrying grain exported from Odesa were searched.", "Odesa", True),
        ("Farmers blocked roads in Lyon on Monday.", "Lyon", False),
        ("Rockets were fired from Gaza.", "Gaza", False),
    ],
)
def test_where_goods_come_from_is_no_event_place(text: str, name: str, origin: bool) -> None:
    assert is_goods_origin(text, text.index(name)) is origin


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        pytest.param("The Ministry of Defence (MoD) named the soldier on Friday.", "MoD", False, id="abbr"),
        pytest.param("Police arrested two men in Gulu (Uganda) on Monday.", "Uganda", True, id="container"),
    ],
)
def test_an_abbreviation_in_brackets_is_no_place(
    nlp, gazetteer: Gazetteer, text: str, name: str, found: bool
) -> None:  # type: ignore[no-untyped-def]
    names = [t.text for t in find_toponyms(nlp(text), gazetteer=gazetteer)]
    assert (name in names) is found, names


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        pytest.param(
            "Police buses blocked marchers from Busan in front of Seoul City Hall on Sunday.",
            "Seoul",
            True,
            id="hall",
        ),
        pytest.param(
            "A bomb exploded near Kabul University, police in Herat said.", "Kabul", False, id="university"
        ),
        pytest.param("The Kabul Times in London reported the blast.", "Kabul", False, id="newspaper"),
    ],
)
def test_the_town_a_site_is_named_after(nlp, gazetteer: Gazetteer, text: str, name: str, found: bool) -> None:  # type: ignore[no-untyped-def]
    """With another place in the text (so not the names-in-names pass for texts with none)."""
    names = [t.name for t in find_toponyms(nlp(text), gazetteer=gazetteer) if t.is_location]
    assert (name in names) is found, names

"""Roundups that give one bulleted item per place: the item's heading place and its districts."""

from __future__ import annotations

import pytest

from eventlens.geo.gazetteer import Gazetteer
from eventlens.geo.resolve import Geocoder
from eventlens.geo.toponyms import find_toponyms
from eventlens.types import Article, Span

_ROUNDUP = (
    "Shelling hit three cities overnight, officials said. Moscow denied targeting civilians.\n"
    "- Kharkiv: A rocket struck a depot in the city's Kyivskyi district, wounding four guards.\n"
    "- Odesa: Drones damaged a warehouse in Odesa, officials said.\n"
    "- Dnipro: A shell hit a school in Dnipro.\n"
)


@pytest.fixture(scope="module")
def geocoder(gazetteer: Gazetteer) -> Geocoder:
    return Geocoder(gazetteer)


def test_bulleted_heading_is_a_place(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    names = [t.text for t in find_toponyms(nlp(_ROUNDUP), gazetteer=gazetteer)]
    assert "Kharkiv" in names


def test_a_dash_inside_a_line_is_no_heading(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Talks went on - Geneva: the envoys met again on Friday."
    drafts = [t for t in find_toponyms(nlp(text), gazetteer=gazetteer) if t.reason == "gazetteer+list header"]
    assert drafts == []


def test_district_goes_to_the_town_before_it_on_its_line(
    nlp, gazetteer: Gazetteer, geocoder: Geocoder
) -> None:  # type: ignore[no-untyped-def]
    """Not to the article's most-named town, and never to a metonymic capital ("Moscow denied")."""
    tops = find_toponyms(nlp(_ROUNDUP), gazetteer=gazetteer)
    art = Article(id="r1", text=_ROUNDUP)
    placed = {t.text: t.place for t in geocoder.resolve_toponyms(art, tops)}
    district = placed.get("Kyivskyi") or placed.get("Kyivskyi district")
    assert district is not None and district.name == "Kharkiv"


def test_district_is_not_put_in_the_dateline_town(nlp, gazetteer: Gazetteer, geocoder: Geocoder) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mosul, Iraq, May 2 (Reuters) - Gunmen attacked a checkpoint in the Mansour district on Monday. "
        "Baghdad has seen fewer attacks this year, and Baghdad police blamed a local gang."
    )
    art = Article(id="r2", text=text, dateline=Span(0, 30, "Mosul, Iraq, May 2 (Reuters) -"))
    tops = find_toponyms(nlp(text), gazetteer=gazetteer)
    assert "Mosul" in [t.text for t in tops]  # (else the test would not test the dateline)
    placed = {t.text: t.place for t in geocoder.resolve_toponyms(art, tops)}
    district = placed.get("Mansour") or placed.get("Mansour district")
    assert district is not None and district.name == "Baghdad"

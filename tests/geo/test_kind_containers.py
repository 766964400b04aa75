"""Containers written with a unit's kind word ("in Chui region", "(Jammu district)")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eventlens.geo.gazetteer import Gazetteer, import_geonames
from eventlens.geo.resolve import Geocoder
from eventlens.geo.toponyms import find_toponyms
from eventlens.types import Article, Event, PlaceMention, Span

_TAIL = ["", "", "", 0, "", 700, "UTC", "2023-01-01"]


def _event(text: str, word: str) -> Event:
    start = text.index(word)
    pm = PlaceMention(mention=word, role="location", span=Span(start, start + len(word), word))  # type: ignore[arg-type]
    return Event("k1", "reported", "Violence against civilians", "Attack", "Political violence", None,
                 places=(pm,), sentences=(Span(0, len(text), text),))  # fmt: skip


@pytest.fixture(scope="module")
def gaz_with_villages(gazetteer_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """The test gazetteer plus a Kyrgyz village and a Uruguayan town whose name is also a Kyrgyz
    region's (GeoNames-format rows, real coordinates)."""
    copy = tmp_path_factory.mktemp("kind") / "g.sqlite"
    shutil.copy(gazetteer_path, copy)
    dump = copy.parent / "rows.txt"
    rows = [
        [9100001, "Sokuluk", "Sokuluk", "", 42.8594, 74.3019, "P", "PPL", "KG", "", "02"],
        [9100002, "Chui", "Chui", "Chuy", -33.6971, -53.4616, "P", "PPL", "UY", "", "14"],
    ]
    dump.write_text("".join("\t".join(map(str, r + _TAIL)) + "\n" for r in rows), encoding="utf-8")
    import_geonames(copy, [dump])
    gaz = Gazetteer.open(copy)
    yield gaz
    gaz.close()


def test_a_town_abroad_named_like_the_region_does_not_move_the_village(nlp, gaz_with_villages) -> None:  # type: ignore[no-untyped-def]
    text = "Police officers assaulted a detainee in the village of Sokuluk in Chui region."
    tops = find_toponyms(nlp(text), gazetteer=gaz_with_villages)
    (out,) = Geocoder(gaz_with_villages).geocode_events(
        Article(id="k1", text=text), [_event(text, "Sokuluk")], tops
    )
    assert out.location is not None and out.location.iso2 == "KG", out.location


def test_a_district_named_after_its_town_still_places_an_unknown_village(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Residents held a protest at Jagti town (Jammu district, J&K) on Sunday."
    tops = find_toponyms(nlp(text), gazetteer=gazetteer)
    (out,) = Geocoder(gazetteer).geocode_events(Article(id="k2", text=text), [_event(text, "Jagti")], tops)
    assert out.location is not None and out.location.iso2 == "IN", out.location


def test_a_town_written_in_a_province_is_not_its_namesake_abroad(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    """ "X in Y" says where X is, whatever the size of a namesake of X abroad (Saida, Algeria),
    also when Y is found only as a respelling ("Ar Raqqa" -> the governorate Ar Raqqah)."""
    text = "Turkish forces shelled positions in the vicinity of Saida town in Ar Raqqa countryside."
    tops = find_toponyms(nlp(text), gazetteer=gazetteer)
    (out,) = Geocoder(gazetteer).geocode_events(Article(id="k3", text=text), [_event(text, "Saida")], tops)
    assert out.location is not None and out.location.iso2 == "SY", out.location

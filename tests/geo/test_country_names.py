"""Short country names several countries share ("Congo", "Korea"): the article decides."""

from __future__ import annotations

import pytest

from eventlens.geo.country_names import shared_short_forms, short_form
from eventlens.geo.gazetteer import Gazetteer
from eventlens.geo.normalize import normalize_key
from eventlens.geo.resolve import Geocoder


@pytest.fixture(scope="module")
def geocoder(gazetteer: Gazetteer) -> Geocoder:
    return Geocoder(gazetteer)


@pytest.mark.parametrize(
    ("name", "form"),
    [
        pytest.param("Congo, The Democratic Republic of the", "congo", id="inverted-with-form"),
        pytest.param("Congo (Brazzaville)", "congo", id="bracketed-capital"),
        pytest.param("Democratic People's Republic of Korea", "korea", id="peoples-republic"),
        pytest.param("South Sudan", "south sudan", id="a-real-word-stays"),
        pytest.param("Equatorial Guinea", "equatorial guinea", id="guinea-variant-stays"),
    ],
)
def test_short_form(name: str, form: str) -> None:
    assert short_form(name) == normalize_key(form)  # (the lookup key folds spellings)


def test_shared_short_forms_skip_a_countrys_own_name() -> None:
    names = [
        ("Republic of the Congo", "CG"),
        ("Democratic Republic of the Congo", "CD"),
        ("China", "CN"),
        ("Republic of China", "TW"),
        ("Sudan", "SD"),
        ("South Sudan", "SS"),
        ("Niger", "NE"),
        ("Nigeria", "NG"),
    ]
    shared = shared_short_forms(names, primary=[n for n, _ in names])
    # "China" is one country's own name; Sudan/South Sudan and Niger/Nigeria differ by a word
    assert shared == {"congo": ("CD", "CG")}


def test_gazetteer_knows_the_shared_names(gazetteer: Gazetteer) -> None:
    shared = gazetteer.shared_country_names()
    assert shared.get("congo") == ("CD", "CG")
    assert "sudan" not in shared and "guinea" not in shared and "china" not in shared


@pytest.mark.parametrize(
    ("names", "cc"),
    [
        pytest.param(["Congo"], "CD", id="alone-the-more-populous"),
        pytest.param(["Congo", "Brazzaville", "Pointe-Noire"], "CG", id="with-brazzaville"),
        pytest.param(["Goma", "Bukavu", "Congo"], "CD", id="with-kivu-towns"),
        pytest.param(["Sudan", "Juba", "Malakal"], "SD", id="sudan-is-not-south-sudan"),
        pytest.param(["Guinea", "Bata", "Malabo"], "GN", id="guinea-is-not-equatorial-guinea"),
    ],
)
def test_bare_shared_name_follows_the_article(geocoder: Geocoder, names: list[str], cc: str) -> None:
    i = names.index(next(n for n in names if n in {"Congo", "Sudan", "Guinea"}))
    place = geocoder.resolve_mentions(names, context=geocoder.build_context(names))[i]
    assert place is not None and place.precision == "country"
    assert place.iso2 == cc


def test_town_in_bare_congo_is_not_moved_abroad(geocoder: Geocoder) -> None:
    """ "Uvira in eastern Congo": the container reads as the Congo that holds the town."""
    text = "Fighting spread to Uvira in eastern Congo on Monday, residents said."
    spans = [(text.index("Uvira"), text.index("Uvira") + 5), (text.index("Congo"), text.index("Congo") + 5)]
    town, country = geocoder.resolve_spans(text, spans)
    assert town is not None and town.place is not None and town.place.iso2 == "CD"
    assert town.place.precision == "city"
    assert country is not None and country.place is not None and country.place.iso2 == "CD"

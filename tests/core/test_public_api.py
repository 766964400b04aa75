"""The public Python API: a short sorted __all__, extract() and extract_many()."""

from datetime import datetime

import pytest

import eventlens


def test_all_is_sorted_and_importable() -> None:
    assert eventlens.__all__ == sorted(eventlens.__all__)
    for name in eventlens.__all__:
        assert hasattr(eventlens, name), name


def test_import_loads_nothing_heavy() -> None:
    import subprocess
    import sys

    code = "import sys, eventlens; print('spacy' in sys.modules, 'sklearn' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "False"]


def test_to_dict_has_acled_field_names(pipe) -> None:
    ev = pipe.extract("Gunmen killed two farmers in a village on Saturday.", published=datetime(2022, 3, 7))[
        0
    ]
    d = ev.to_dict()
    for key in (
        "event_date",
        "disorder_type",
        "event_type",
        "sub_event_type",
        "actor1",
        "inter1",
        "actor2",
        "inter2",
        "interaction",
        "civilian_targeting",
        "country",
        "iso",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "fatalities",
        "notes",
        "id",
        "article_id",
        "role",
        "date_precision",
        "time_precision",
        "injured",
        "weapons",
        "targets",
        "places",
        "claimed_by",
        "suspected_actors",
        "sources",
        "confidence",
        "evidence",
    ):
        assert key in d, key
    assert d["event_date"] == "2022-03-05"
    assert d["time_precision"] == 1
    assert 0.0 <= d["confidence"] <= 1.0


def test_extract_many_keeps_order_and_reports_bad_items(pipe) -> None:
    items = [
        {"id": "a", "text": "Gunmen killed two farmers in a village on Saturday.", "published": "2022-03-07"},
        {"id": "b", "text": "   "},
        {
            "id": "c",
            "text": "Police fired tear gas at protesters in Lagos on Monday.",
            "published": "2022-03-08",
        },
    ]
    results = list(pipe.run(items))
    assert [r.article_id for r in results] == ["a", "b", "c"]
    assert results[1].error is not None and "empty" in str(results[1].error)
    assert results[0].events and results[2].events


def test_ids_are_stable_across_runs(pipe) -> None:
    text = "A roadside bomb killed three soldiers near Kandahar on Friday."
    a = [e.id for e in pipe.extract(text, published=datetime(2022, 3, 7))]
    b = [e.id for e in pipe.extract(text, published=datetime(2022, 3, 7))]
    assert a == b and a


def test_non_english_is_refused_with_a_reason(pipe) -> None:
    text = "Des hommes armés ont tué trois soldats près de la frontière samedi, selon la police locale du département."
    (res,) = list(pipe.run([{"id": "fr", "text": text}]))
    assert res.error is not None and "English" in str(res.error)


def test_published_may_be_an_iso_string_or_a_date(pipe) -> None:
    from datetime import date

    text = "Gunmen killed two farmers in a village on Saturday."
    as_dt = pipe.extract(text, published=datetime(2022, 3, 7))
    as_str = pipe.extract(text, published="2022-03-07")
    as_date = pipe.extract(text, published=date(2022, 3, 7))
    dates = [[e.to_dict()["event_date"] for e in evs] for evs in (as_dt, as_str, as_date)]
    assert dates == [["2022-03-05"]] * 3
    with pytest.raises(ValueError, match="not an ISO 8601"):
        pipe.extract(text, published="last Tuesday")

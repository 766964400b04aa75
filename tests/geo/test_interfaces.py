"""`eventlens places`, `eventlens.geoparse` and `eventlens.resolve` (issue: geography, interfaces)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import eventlens
from eventlens.cli import PLACES_COLUMNS, app
from eventlens.errors import InputError
from eventlens.geo.gazetteer import Gazetteer
from eventlens.geo.resolve import Geocoder

TEXT = (
    "A car bomb exploded in Jalalabad, the capital of Nangarhar province, on Monday, killing four. "
    "Tehran condemned the attack. Police in Kabul arrested two men."
)


@pytest.fixture(autouse=True)
def small_pipeline(monkeypatch: pytest.MonkeyPatch, gazetteer: Gazetteer) -> None:
    # the shared pipeline on the small test gazetteer (cities >= 15,000)
    monkeypatch.setattr(
        eventlens, "_default", eventlens.Pipeline(geocoder=Geocoder(gazetteer), subtype_model=False)
    )


def test_geoparse_finds_and_resolves_the_places() -> None:
    tops = eventlens.geoparse(TEXT)
    by_text = {t.text: t for t in tops}
    jal = by_text["Jalalabad"]
    assert TEXT[jal.start : jal.end] == "Jalalabad"
    assert jal.place is not None and jal.place.iso2 == "AF" and abs(jal.place.lat - 34.43) < 0.1
    assert by_text["Nangarhar province"].place.feature_code == "ADM1"  # type: ignore[union-attr]
    tehran = by_text["Tehran"]
    assert not tehran.is_location and tehran.kind == "metonymy"
    d = jal.to_dict()
    assert set(PLACES_COLUMNS) <= set(d) and d["country_code"] == "AF" and d["score"] > 0


def test_resolve_gives_one_result_per_span() -> None:
    text = "Fighting in Mosul and in Qwxzyabad; later in Basra."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Mosul", "Qwxzyabad", "Basra")]
    mosul, unknown, basra = eventlens.resolve(text, spans)
    # a name the gazetteer lacks is placed by its context, and says so
    assert unknown is not None and unknown.kind == "guess" and unknown.place.score < mosul.place.score  # type: ignore[union-attr]
    assert eventlens.resolve(text, spans, guess=False)[1] is None
    assert mosul is not None and mosul.to_dict()["country_code"] == "IQ"
    assert basra is not None and basra.place is not None and basra.place.name.startswith("Basr")
    assert (mosul.start, mosul.end, mosul.text) == (*spans[0], "Mosul")


def test_resolve_refuses_a_span_outside_the_text() -> None:
    with pytest.raises(InputError, match="outside the text"):
        eventlens.resolve("Mosul", [(0, 50)])


def test_places_cli_jsonl_table_and_bad_input(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(TEXT)
    bad = tmp_path / "b.json"
    bad.write_text("{not json")
    runner = CliRunner()
    res = runner.invoke(app, ["places", str(good), str(bad)])
    assert res.exit_code == 1
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert {r["text"] for r in rows} >= {"Jalalabad", "Kabul", "Tehran"}
    assert all(set(PLACES_COLUMNS) <= set(r) for r in rows)
    (error,) = [line for line in res.stderr.splitlines() if line.startswith("error")]
    assert "b.json" in error
    only = runner.invoke(app, ["places", "--locations-only", str(good)])
    assert "Tehran" not in {json.loads(line)["text"] for line in only.stdout.splitlines()}
    table = runner.invoke(app, ["places", "-f", "table", str(good)])
    assert table.exit_code == 0 and "Jalalabad" in table.stdout and "geonameid" in table.stdout

# ruff: noqa: E501  (tables of named cases read best one case to a line)
"""Issue 16 items 2, 3 and 14: CSV exports neutralise spreadsheet formulas; the ACLED CSV has
ACLED's values (source = publisher, region from the country, fatalities a whole number); Parquet
times are UTC."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from eventlens.cli import app
from eventlens.jobs.export import iter_acled_csv, safe_cell, stream, write_parquet
from eventlens.store import edit, ingest
from eventlens.store.ingest import publisher_of
from eventlens.store.queries import IncidentFilter, iter_incidents
from eventlens.store.regions import acled_regions, region_of
from eventlens.types import Article, Span


def incident(store: Any, country: str) -> dict[str, Any]:
    """The first incident of ``country`` (ISO3) in the hand-made store."""
    return store.query(country=country)[0]


FORMULAS = [
    '=HYPERLINK("http://evil.example","x")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\tx",
    "\rx",
]


def _acled(store: Any, **filters: Any) -> list[dict[str, str]]:
    text = "".join(iter_acled_csv(iter_incidents(store, IncidentFilter(**filters))))
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("value", FORMULAS)
def test_acled_csv_neutralises_formulas(store: Any, value: str) -> None:
    iid = incident(store, "KEN")["event_id_cnty"]
    edit(store, iid, {"notes": value, "actor1": value}, "t", "t")
    (row,) = [r for r in _acled(store) if r["event_id_cnty"] == iid]
    want = "'" + value.replace("\r", "\n")  # a lone CR would split the row: written as a newline
    assert row["notes"] == want and row["actor1"] == want


def test_numbers_stay_numbers_and_plain_text_is_untouched() -> None:
    assert safe_cell(-1.2833) == -1.2833 and safe_cell(0) == 0 and safe_cell(None) == ""
    assert safe_cell("Police (Kenya)") == "Police (Kenya)" and safe_cell("a=b") == "a=b"


def test_extract_csv_neutralises_formulas() -> None:
    from eventlens.cli import _csv_cell

    assert _csv_cell("=1+1") == "'=1+1" and _csv_cell(-3.5) == "-3.5" and _csv_cell("-") == "'-"


def test_acled_csv_has_region_fatalities_and_keeps_json_null(store: Any) -> None:
    rows = {r["iso"]: r for r in _acled(store)}
    assert rows["KEN"]["region"] == "Eastern Africa"
    assert rows["IRQ"]["region"] == "Middle East"
    assert rows["AFG"]["region"] == "Caucasus and Central Asia"
    iid = incident(store, "KEN")["event_id_cnty"]
    edit(store, iid, {"fatalities": None}, "toll unknown", "t")
    (row,) = [r for r in _acled(store) if r["event_id_cnty"] == iid]
    assert row["fatalities"] == "0"  # ACLED writes 0 where no toll was reported
    jsonl = b"".join(stream(iter_incidents(store, IncidentFilter()), "jsonl")).decode()
    recs = {r["event_id_cnty"]: r for r in map(json.loads, jsonl.splitlines())}
    assert recs[iid]["fatalities"] is None and recs[iid]["region"] == "Eastern Africa"


def test_regions_cover_every_country_with_acleds_names() -> None:
    assert region_of("NGA") == "Western Africa" and region_of(country="Ukraine") == "Europe"
    assert region_of("XXX") is None and region_of(None, None) is None
    assert acled_regions() <= {
        "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa",
        "Middle East", "South Asia", "Southeast Asia", "East Asia", "Caucasus and Central Asia",
        "Europe", "North America", "Central America", "South America", "Caribbean", "Oceania",
        "Antarctica",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("article", "publisher"),
    [
        pytest.param(
            Article(id="a", text="HARGEISA (Reuters) - Gunmen shot two guards."),
            "Reuters",
            id="reuters-dateline",
        ),
        pytest.param(
            Article(id="a", text="Blast\n\nGAROWE, Somalia (AP) — A bomb went off.", body_start=7),
            "AP",
            id="ap-dateline-after-title",
        ),
        pytest.param(
            Article(id="a", text="KIGALI, June 9 (Xinhua) -- Police said.", url="https://news.example.org/x"),
            "Xinhua",
            id="dated-dateline-beats-host",
        ),
        pytest.param(
            Article(
                id="a", text="Rioters burned cars.", publisher="The Coast Courier", url="https://cc.example/x"
            ),
            "The Coast Courier",
            id="site-name",
        ),
        pytest.param(
            Article(id="a", text="Rioters burned cars.", url="https://www.cc.example/x?utm_source=t"),
            "cc.example",
            id="host",
        ),
        pytest.param(Article(id="a", text="Police said (AP) - that"), None, id="a-sentence-is-no-dateline"),
        pytest.param(
            Article(id="a", text="Rioters burned cars.", source="/data/x.txt"),
            None,
            id="a-file-path-says-nothing",
        ),
        pytest.param(
            Article(id="a", text="X", dateline=Span(0, 15, "MOSUL (AFP) -")), "AFP", id="cleaned-dateline"
        ),
    ],
)
def test_publisher_of(article: Article, publisher: str | None) -> None:
    assert publisher_of(article) == publisher


def test_html_site_name_and_json_publisher_reach_the_source(tmp_path: Path) -> None:
    from eventlens.read import read_paths

    (tmp_path / "page.html").write_text(
        '<html><head><meta property="og:site_name" content="Harbour Times">'
        "<title>Dockers strike</title></head><body><article><p>Dock workers marched in the port "
        "on Monday, demanding pay rises, witnesses said.</p></article></body></html>"
    )
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "f1", "text": "Farmers blocked a road on Monday.", "publisher": "Valley Radio"})
        + "\n"
    )
    arts = [a for a in read_paths([str(tmp_path)]) if isinstance(a, Article)]
    assert sorted(publisher_of(a) or "" for a in arts) == ["Harbour Times", "Valley Radio"]


def test_ingested_source_is_the_publisher_not_a_hash(tmp_path: Path) -> None:
    import api_data

    from eventlens.store import open as open_store
    from eventlens.types import Event

    text = "Lorry attack\n\nMANDERA, Kenya (Reuters) - Gunmen attacked a lorry near Mandera on Monday."
    art = Article(id="r1", text=text, body_start=14)
    ev = Event(article_id="r1", role="reported", event_type="Violence against civilians", sub_event_type="Attack",
               disorder_type="Political violence", date=None, confidence=0.8)  # fmt: skip
    with open_store(str(tmp_path / "s.db")) as s:
        assert ingest(s, [api_data.Result(art, [ev])]).failures == 0
        (row,) = s.query()
        assert row["source"] == "Reuters"


def test_parquet_times_are_utc(store: Any, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(iter_incidents(store, IncidentFilter()))
    write_parquet(rows, tmp_path / "x.parquet")
    table = pq.read_table(tmp_path / "x.parquet")
    for col in ("first_seen", "last_seen", "updated_at"):
        typ = table.schema.field(col).type
        assert pa.types.is_timestamp(typ) and typ.tz == "UTC", (col, typ)
    got = table.column("updated_at").to_pylist()[0]
    want = rows[0]["updated_at"]
    assert got == want.replace(tzinfo=UTC, microsecond=0) and got.tzinfo is not None
    assert isinstance(got, datetime)


def test_cli_export_writes_the_acled_values(store: Any, db: str, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    res = CliRunner().invoke(app, ["export", "-f", "acled-csv", "--db", db, "-o", str(out)])
    assert res.exit_code == 0, res.output
    with out.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert all(r["region"] and r["fatalities"].isdigit() for r in rows)


def test_source_never_shows_an_article_id(tmp_path: Path) -> None:
    import api_data

    from eventlens.store import open as open_store
    from eventlens.types import Event

    def ev(aid: str) -> Event:
        return Event(article_id=aid, role="reported", event_type="Protests", sub_event_type="Peaceful protest",
                     disorder_type="Demonstrations", date=None, confidence=0.6)  # fmt: skip

    bare = Article(
        id="b1", text="Nurses marched in Eldoret on Monday over unpaid wages.", source="/in/b1.txt"
    )
    with open_store(str(tmp_path / "s.db")) as s:
        assert ingest(s, [api_data.Result(bare, [ev("b1")])]).failures == 0
        (row,) = s.query()
        assert row["source"] is None and row["source_count"] == 1

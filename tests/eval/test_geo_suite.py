"""The geo suite's scorers on hand-made inputs, its readers on tiny hand-written corpora
(same formats as GeoWebNews/LGL/GeoVirus, our own sentences), and a real-data smoke test."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from eventlens.errors import EvalError
from eventlens.eval.geo_suite import (
    MAX_ERROR_KM,
    acc_at_km,
    auc_log_error,
    detection_prf,
    load_corpus,
    match_spans,
    run_geo_suite,
)

REAL_DATA = Path("/work/shared/data/geoparsing")


@pytest.fixture(scope="module")
def small_gazetteer(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The cities>=15,000 gazetteer, shared with tests/geo through the session's base temp dir."""
    from eventlens.geo.gazetteer import Gazetteer, build_gazetteer

    path = tmp_path_factory.getbasetemp() / "eventlens-gazetteer-p15000.sqlite"
    if not path.exists():
        build_gazetteer(path, min_population=15000)
    with Gazetteer.open(path) as gaz:
        yield gaz


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        pytest.param([0.0, 10.0, 161.0], 1.0, id="perfect"),
        pytest.param([], 0.0, id="empty"),
        pytest.param([0.0, 500.0], 0.5, id="half"),
        pytest.param([162.0, MAX_ERROR_KM], 0.0, id="all-wrong"),
    ],
)
def test_acc_at_161(errors: list[float], expected: float) -> None:
    assert acc_at_km(errors) == expected


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        pytest.param([0.0, 0.0, 0.0], 0.0, id="perfect"),
        pytest.param([], 0.0, id="empty"),
        pytest.param([MAX_ERROR_KM, MAX_ERROR_KM], 1.0, id="worst"),
        # sorted scaled values [0, 1] on x in [0, 1]: one trapezoid of area 0.5
        pytest.param([MAX_ERROR_KM, 0.0], 0.5, id="half"),
        pytest.param([math.e - 1], 1 / math.log1p(MAX_ERROR_KM), id="single"),
    ],
)
def test_auc(errors: list[float], expected: float) -> None:
    assert auc_log_error(errors) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("gold", "pred", "pairs"),
    [
        pytest.param([(0, 5)], [(0, 5)], [(0, 0)], id="exact"),
        pytest.param([(0, 5)], [(3, 9)], [(0, 0)], id="overlap"),
        pytest.param([(0, 5)], [(5, 9)], [], id="touching-is-not-overlap"),
        pytest.param([(0, 10)], [(0, 3), (4, 10)], [(0, 1)], id="one-to-one-largest-overlap"),
        pytest.param([], [(0, 3)], [], id="no-gold"),
    ],
)
def test_match_spans(
    gold: list[tuple[int, int]], pred: list[tuple[int, int]], pairs: list[tuple[int, int]]
) -> None:
    assert match_spans(gold, pred) == pairs


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        pytest.param((4, 4, 4), (1.0, 1.0, 1.0), id="perfect"),
        pytest.param((0, 0, 0), (0.0, 0.0, 0.0), id="empty"),
        pytest.param((4, 2, 2), (1.0, 0.5, 2 / 3), id="half-recall"),
        pytest.param((2, 4, 1), (0.25, 0.5, 1 / 3), id="by-hand"),
    ],
)
def test_detection_prf(counts: tuple[int, int, int], expected: tuple[float, float, float]) -> None:
    got = detection_prf(*counts)
    assert (got["precision"], got["recall"], got["f1"]) == pytest.approx(expected)


# -- tiny corpora in the three formats (our own text) ------------------------------------------

_T = "Rockets hit Baghdad. Later Paris and Mosul reported calm."


def _gwn_toponym(name: str, start: int, geonameid: int | None, lat: float | None, lon: float | None) -> str:
    coords = f"<geonamesID>{geonameid}</geonamesID><latitude>{lat}</latitude><longitude>{lon}</longitude>"
    kind = "<type>Literal</type><nonLocational>No</nonLocational>" if lat is not None else (
        "<type>Non_Lit_Expression</type><nonLocational>Yes</nonLocational>"
    )  # fmt: skip
    body = f"<extractedName>{name}</extractedName>{kind}<start>{start}</start><end>{start + len(name)}</end>"
    return f"<toponym>{body}{coords if lat is not None else ''}</toponym>"


def _lgl_toponym(name: str, start: int, tag: str) -> str:
    return (
        f"<toponym><start>{start}</start><end>{start + len(name)}</end><phrase>{name}</phrase>{tag}</toponym>"
    )


def _write_corpora(d: Path) -> None:
    b, p, m = _T.index("Baghdad"), _T.index("Paris"), _T.index("Mosul")
    gwn = [
        _gwn_toponym("Baghdad", b, 98182, 33.34, 44.40),
        _gwn_toponym("Paris", p, 2988507, 48.85, 2.35),
        _gwn_toponym("calm", _T.index("calm"), None, None, None),
    ]
    (d / "GWN.xml").write_text(
        '<?xml version="1.0" ?><articles><article file="0"><title>t</title><link>l</link>'
        f"<text>{_T}</text><toponyms>{''.join(gwn)}</toponyms></article></articles>",
        encoding="utf-8",
    )
    lgl = [
        _lgl_toponym("Mosul", m, '<gaztag geonameid="99072"><lat>36.34</lat><lon>43.13</lon></gaztag>'),
        _lgl_toponym("Baghdad", b, ""),  # no gaztag: not gold
    ]
    (d / "lgl.xml").write_text(
        f'<articles><article docid="1"><text>{_T}</text>'
        f"<toponyms>{''.join(lgl)}</toponyms></article></articles>",
        encoding="utf-8",
    )
    # GeoVirus counts offsets from 1; the reader realigns them.
    loc = (
        f"<location><name>Paris</name><start>{p + 1}</start><end>{p + 6}</end>"
        "<lat>48.85</lat><lon>2.35</lon></location>"
    )
    (d / "GeoVirus.xml").write_text(
        f"<articles><article><source>s</source><text>{_T}</text><locations>{loc}</locations></article></articles>",
        encoding="utf-8",
    )


@pytest.fixture()
def corpora(tmp_path: Path) -> Path:
    _write_corpora(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("suite", "texts"),
    [
        pytest.param("gwn", ["Baghdad", "Paris"], id="gwn-skips-non-locational"),
        pytest.param("lgl", ["Mosul"], id="lgl-needs-gaztag"),
        pytest.param("geovirus", ["Paris"], id="geovirus-offsets-realigned"),
    ],
)
def test_readers(corpora: Path, suite: str, texts: list[str]) -> None:
    docs, _ = load_corpus(suite, corpora)  # type: ignore[arg-type]
    assert [t.text for d in docs for t in d.toponyms] == texts


def test_missing_corpus_raises(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="not found"):
        run_geo_suite("gwn", tmp_path)


def test_malformed_corpus_raises(tmp_path: Path) -> None:
    (tmp_path / "lgl.xml").write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(EvalError, match="well-formed"):
        run_geo_suite("lgl", tmp_path)


def test_run_on_tiny_corpus(corpora: Path, small_gazetteer) -> None:  # type: ignore[no-untyped-def]
    first = run_geo_suite("gwn", corpora, gazetteer=small_gazetteer, end_to_end=False)
    second = run_geo_suite("gwn", corpora, gazetteer=small_gazetteer, end_to_end=False)
    assert first == second  # deterministic
    assert first["suite"] == "geo-gwn" and first["n"] == 2
    assert first["figures"]["acc161"] == 1.0 and first["figures"]["exact_id"] == 1.0
    assert list(first["files"]) == ["GWN.xml"] and len(first["files"]["GWN.xml"]) == 64


@pytest.mark.skipif(
    not (REAL_DATA / "GWN.xml").exists(), reason="GeoWebNews not present in /work/shared/data"
)
def test_real_gwn_smoke(small_gazetteer) -> None:  # type: ignore[no-untyped-def]
    res = run_geo_suite("gwn", REAL_DATA, limit=10, gazetteer=small_gazetteer, end_to_end=False)
    assert res["n_docs"] == 10 and res["n"] > 50
    assert 0.3 < res["figures"]["acc161"] <= 1.0

"""The whole-article scorer on tiny hand-made articles and records, with fake extractors."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventlens.errors import EvalError
from eventlens.eval import runner
from eventlens.eval.articles_suite import (
    ENV_ARTICLES_DIR,
    article_text,
    articles_dir,
    check_article_forbid,
    match_expected,
    run_articles_suite,
    score_article,
)
from eventlens.pipeline import ExtractResult

KISMAYO = (-0.35817, 42.54536)
NAIROBI = (-1.28333, 36.81667)


def rec(**kw: Any) -> dict[str, Any]:
    """A minimal public record; reported, violent, at Kismayo unless told otherwise."""
    base: dict[str, Any] = {
        "role": "reported",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Remote explosive/landmine/IED",
        "event_date": "2024-03-11",
        "date_precision": "day",
        "latitude": KISMAYO[0],
        "longitude": KISMAYO[1],
        "location": "Kismayo",
        "fatalities": 5,
        "actor1": "Al Shabaab",
        "actors": {"actor1": {"name": "Al Shabaab", "mention": "Al Shabaab fighters"}},
        "evidence": [],
    }
    base.update(kw)
    return base


EXP_BOMB: dict[str, Any] = {
    "what": "bomb in Kismayo",
    "date": "2024-03-11",
    "event_type": "Explosions/Remote violence",
    "sub_types": ["Remote explosive/landmine/IED"],
    "lat": KISMAYO[0],
    "lon": KISMAYO[1],
    "km": 25,
    "fatalities": [5, 5],
    "actor": "shabaab",
}


def statuses(checks: Iterable[Any]) -> dict[str, str]:
    return {c.id.split(".", 1)[1]: c.status for c in checks}


# ---------------------------------------------------------------------------------------------
# forbid keys: each passes on a clean output and fails on the mistake it names

FORBID_CASES = [
    pytest.param({"no_reported": True}, [rec(role="background")], "pass", id="no_reported-background-only"),
    pytest.param({"no_reported": True}, [rec()], "fail", id="no_reported-court-story-gives-record"),
    pytest.param(
        {"max_reported": 2}, [rec(), rec(role="background"), rec()], "pass", id="max_reported-at-limit"
    ),
    pytest.param({"max_reported": 1}, [rec(), rec()], "fail", id="max_reported-over"),
    pytest.param(
        {"max_total_fatalities": 31},
        [rec(fatalities=19), rec(fatalities=12), rec(fatalities=None)],
        "pass",
        id="toll-parts",
    ),
    pytest.param(
        {"max_total_fatalities": 31},
        [rec(fatalities=31), rec(fatalities=19)],
        "fail",
        id="toll-total-plus-part",
    ),
    pytest.param(
        {"max_total_fatalities": 5},
        [rec(fatalities=40, role="background")],
        "pass",
        id="toll-ignores-background",
    ),
    pytest.param(
        {"not_near": {"lat": NAIROBI[0], "lon": NAIROBI[1], "km": 100, "why": "dateline"}},
        [rec()],
        "pass",
        id="not_near-event-far-from-dateline",
    ),
    pytest.param(
        {"not_near": {"lat": NAIROBI[0], "lon": NAIROBI[1], "km": 100}},
        [rec(latitude=NAIROBI[0], longitude=NAIROBI[1], location="Nairobi")],
        "fail",
        id="not_near-event-at-dateline",
    ),
    pytest.param({"no_actor": ["fighters"]}, [rec()], "pass", id="no_actor-acled-name"),
    pytest.param(
        {"no_actor": ["Fighters"]},
        [rec(actor1="Al Shabaab fighters", actors={"actor1": {"name": "Al Shabaab fighters"}})],
        "fail",
        id="no_actor-raw-words",
    ),
    pytest.param(
        {"no_actor": ["gunmen"]},
        [rec(role="background", actor2="gunmen")],
        "fail",
        id="no_actor-any-record-any-side",
    ),
]


@pytest.mark.parametrize(("forbid", "records", "want"), FORBID_CASES)
def test_forbid_keys(forbid: dict[str, Any], records: list[dict[str, Any]], want: str) -> None:
    (check,) = check_article_forbid(forbid, records, "text", "2024-03-12T10:00", "d")
    assert check.field == "forbid"
    assert check.status == want, check.message()


def test_not_near_takes_a_list_with_one_check_each() -> None:
    spots = [
        {"lat": NAIROBI[0], "lon": NAIROBI[1], "km": 50},
        {"lat": KISMAYO[0], "lon": KISMAYO[1], "km": 50},
    ]
    checks = check_article_forbid({"not_near": spots}, [rec()], "", None, "d")
    assert [c.status for c in checks] == ["pass", "fail"]


def test_older_forbid_keys_still_work_and_unknown_ones_stay_unchecked() -> None:
    checks = check_article_forbid(
        {"violent_on_dates": ["2024-03-11"], "no_reported": True, "made_up": 1}, [rec()], "", None, "d"
    )
    got = statuses(checks)
    assert got == {
        "forbid.no_reported": "fail",
        "forbid.violent_on_dates": "fail",
        "forbid.made_up": "unchecked",
    }


# ---------------------------------------------------------------------------------------------
# expected incidents


def test_a_perfect_record_passes_every_check() -> None:
    doc = {"doc_id": "d", "expect": [dict(EXP_BOMB, role="reported", date_precision="day")], "forbid": {}}
    checks = score_article(doc, [rec()], "")
    assert {c.field for c in checks} == {
        "found",
        "type",
        "date",
        "date_precision",
        "role",
        "point",
        "fatalities",
        "actor",
    }
    assert all(c.status == "pass" for c in checks), [c.message() for c in checks if c.status != "pass"]


def test_merged_record_is_found_for_one_incident_only() -> None:
    """Twin blasts merged into one record: one-to-one matching leaves the second incident unfound."""
    second = dict(EXP_BOMB, what="second bomb", lat=3.11383, lon=43.6498)
    assert match_expected([EXP_BOMB, second], [rec()]) == [0, None]
    assert match_expected([EXP_BOMB, second], [rec(latitude=3.11383, longitude=43.6498), rec()]) == [1, 0]


def test_wrong_toll_place_and_actor_fail() -> None:
    doc = {"doc_id": "d", "expect": [EXP_BOMB]}
    bad = rec(
        fatalities=31,
        latitude=NAIROBI[0],
        longitude=NAIROBI[1],
        actors={"actor1": {"name": "Unidentified"}},
        actor1="x",
    )
    got = statuses(score_article(doc, [bad], ""))
    assert got["expect0.found"] == "pass"
    assert got["expect0.fatalities"] == got["expect0.point"] == got["expect0.actor"] == "fail"


@pytest.mark.parametrize(
    ("exp_date", "record", "want"),
    [
        pytest.param(
            "2019-03", {"event_date": "2019-03-01", "date_precision": "month"}, "pass", id="month-as-month"
        ),
        pytest.param(
            "2019-03", {"event_date": "2019-03-14", "date_precision": "day"}, "pass", id="day-inside-month"
        ),
        pytest.param(
            "2019-03", {"event_date": "2019-01-01", "date_precision": "year"}, "partial", id="year-wider"
        ),
        pytest.param(
            "2019-03", {"event_date": "2023-11-22", "date_precision": "day"}, "fail", id="hearing-day"
        ),
        pytest.param(
            "2019", {"event_date": "2019-07-02", "date_precision": "day"}, "pass", id="day-inside-year"
        ),
        pytest.param(
            "2024-03-11",
            {"event_date": "2024-03-01", "date_precision": "month"},
            "partial",
            id="day-in-month",
        ),
        pytest.param(
            "2024-03-11", {"event_date": "2024-03-10", "date_precision": "week"}, "pass", id="day-in-week"
        ),
    ],
)
def test_expected_dates_of_any_precision(exp_date: str, record: dict[str, Any], want: str) -> None:
    doc = {"doc_id": "d", "expect": [dict(EXP_BOMB, date=exp_date)]}
    got = statuses(score_article(doc, [rec(**record)], ""))
    assert got["expect0.date"] == want


def test_background_role_and_precision_are_checked() -> None:
    exp = dict(EXP_BOMB, date="2019-03", role="background", date_precision="month")
    got = statuses(score_article({"doc_id": "d", "expect": [exp]}, [rec(event_date="2019-03-05")], ""))
    assert got["expect0.role"] == "fail"
    assert got["expect0.date_precision"] == "fail"


def test_nothing_found_lists_the_records() -> None:
    checks = score_article(
        {"doc_id": "d", "expect": [EXP_BOMB]}, [rec(event_type="Protests", event_date="2020-01-01")], ""
    )
    assert [(c.field, c.status) for c in checks] == [
        ("found", "fail"),
        ("type", "fail"),
        ("date", "fail"),
        ("point", "fail"),
        ("fatalities", "fail"),
        ("actor", "fail"),
    ]
    assert "2020-01-01" in str(checks[0].got)  # the records are listed for the reader


def test_an_empty_output_scores_every_check_it_misses() -> None:
    """The number of checks of an article does not depend on what the extractor gives."""
    doc = {"doc_id": "d", "expect": [EXP_BOMB], "forbid": {"max_reported": 1}}
    assert len(score_article(doc, [], "")) == len(score_article(doc, [rec()], "")) == 7


# ---------------------------------------------------------------------------------------------
# the suite end to end, with a tiny set on disk and a fake extractor


def _fake(make: Any) -> Any:
    def extract_many(items: Iterable[Any], **_: Any) -> Iterator[ExtractResult]:
        for art in items:
            yield ExtractResult(article_id=art.id, article=art, events=make(art))

    return extract_many


def _write_set(adir: Path, docs: list[dict[str, Any]], name: str = "own.json") -> None:
    adir.mkdir(parents=True, exist_ok=True)
    (adir / name).write_text(json.dumps({"about": "test", "docs": docs}), encoding="utf-8")


@pytest.fixture
def tiny_set(tmp_path: Path) -> Path:
    adir = tmp_path / "articles"
    (adir / "own").mkdir(parents=True)
    (adir / "own" / "bomb.txt").write_text(
        "Bomb kills five in Kismayo\nKISMAYO, March 12 - A bomb killed five people on Monday.\n",
        encoding="utf-8",
    )
    (adir / "own" / "court.txt").write_text(
        "Man pleads not guilty\nNAIROBI - A man pleaded not guilty over a 2019 bombing.\n", encoding="utf-8"
    )
    _write_set(
        adir,
        [
            {
                "doc_id": "bomb",
                "source": "own",
                "path": "own/bomb.txt",
                "published": "2024-03-12T10:00",
                "style": "single",
                "expect": [EXP_BOMB],
                "forbid": {"max_total_fatalities": 5},
            },
            {
                "doc_id": "court",
                "source": "own",
                "path": "own/court.txt",
                "published": "2024-03-12T10:00",
                "style": "court",
                "expect": [],
                "forbid": {"no_reported": True},
            },
        ],
    )
    return adir


def test_suite_figures_by_field_style_source_and_details(tiny_set: Path, tmp_path: Path) -> None:
    seen: dict[str, Any] = {}

    def make(art: Any) -> list[dict[str, Any]]:
        seen[art.id] = art
        return [rec()]  # the court story wrongly gives a reported record too

    res = run_articles_suite(tmp_path / "no-data", extract_many=_fake(make), articles=tiny_set)
    fig = res["figures"]
    assert res["n"] == 2 and fig["articles"] == 2
    assert fig["style.single"] == 1.0
    assert fig["style.court"] == 0.0
    assert fig["source.own"] == fig["checks_passed"] == pytest.approx(7 / 8, abs=1e-4)
    assert fig["field.forbid"] == 0.5
    assert res["details"]["documents"]["court"]["failed"][0].startswith("court.forbid.no_reported: fail")
    # read as the CLI reads a file: first line = title; published set as --published does
    assert seen["bomb"].title == "Bomb kills five in Kismayo"
    assert seen["bomb"].published.isoformat() == "2024-03-12T10:00:00"
    assert set(res["files"]) == {"own.json", "own/bomb.txt", "own/court.txt"}


def test_real_json_is_read_too_and_duplicate_ids_are_refused(tiny_set: Path, tmp_path: Path) -> None:
    _write_set(tiny_set, [{"doc_id": "bomb", "source": "gwn:0"}], "real.json")
    with pytest.raises(EvalError, match="appears twice"):
        run_articles_suite(tmp_path, extract_many=_fake(lambda a: []), articles=tiny_set)


def test_corpus_addresses_are_read_in_place(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "geoparsing").mkdir(parents=True)
    (data / "geoparsing" / "GWN.xml").write_text(
        "<articles><article><text>First text.</text></article>"
        "<article><text>Second\ntext.</text></article></articles>",
        encoding="utf-8",
    )
    mt = data / "meantime_en" / "intra_cross-doc_annotation" / "corpus_x"
    mt.mkdir(parents=True)
    (mt / "a.xml").write_text(
        '<Document><token t_id="1" sentence="0">Title</token><token t_id="2" sentence="1">A</token>'
        '<token t_id="3" sentence="1">b</token></Document>',
        encoding="utf-8",
    )
    assert article_text("gwn:1", data) == "Second\ntext."
    assert article_text("meantime:intra_cross-doc_annotation/corpus_x/a.xml", data) == "Title\nA b"
    with pytest.raises(EvalError, match="0..1"):
        article_text("gwn:2", data)
    with pytest.raises(EvalError, match="unknown corpus"):
        article_text("bbc:3", data)
    adir = tmp_path / "articles"
    _write_set(adir, [{"doc_id": "g", "source": "gwn:0", "text_starts": "Second", "expect": []}])
    with pytest.raises(EvalError, match="disagree"):
        run_articles_suite(data, extract_many=_fake(lambda a: []), articles=adir)
    _write_set(
        adir, [{"doc_id": "g", "source": "gwn:1", "text_starts": "Second", "expect": [], "style": "x"}]
    )
    seen: list[Any] = []
    res = run_articles_suite(data, extract_many=_fake(lambda a: seen.append(a) or []), articles=adir)
    assert res["n"] == 1 and seen[0].text == "Second\ntext." and seen[0].title == "Second"


def test_where_the_set_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_ARTICLES_DIR, str(tmp_path))
    with pytest.raises(EvalError, match="absent"):
        articles_dir()
    _write_set(tmp_path, [])
    assert articles_dir() == tmp_path
    monkeypatch.delenv(ENV_ARTICLES_DIR)
    # from a source checkout, the repository's own set
    assert articles_dir().parts[-2:] == ("evaldata", "articles")


def test_the_runner_skips_the_suite_with_its_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "articles" in runner.SUITES
    monkeypatch.setenv(ENV_ARTICLES_DIR, str(tmp_path / "nowhere"))
    res = runner.run_suite("articles", tmp_path)
    assert res["status"] == "skipped" and "article set is absent" in res["reason"]


def test_the_shipped_set_is_well_formed() -> None:
    """Every doc of the repository's set has its text, a style and checks that name known fields."""
    from eventlens.eval.articles_suite import FORBID_KEYS, load_article_docs
    from eventlens.taxonomy import EVENT_TYPES

    adir = articles_dir()
    docs = load_article_docs(adir)
    assert len([d for s, d in docs if s == "own"]) >= 18
    known = set(FORBID_KEYS) | {"violent_on_dates", "violent_dated_at_publication_from", "note"}
    for _set, d in docs:
        assert d.get("style"), d["doc_id"]
        assert set(d.get("forbid") or {}) <= known, d["doc_id"]
        if d["source"] == "own":
            assert (adir / d["path"]).is_file(), d["doc_id"]
        for e in d.get("expect") or []:
            assert {"what", "date", "event_type", "sub_types"} <= set(e), (d["doc_id"], e.get("what"))
            assert e.get("role", "reported") in ("reported", "background")
            for coding in [e] + ([e["also_acceptable"]] if e.get("also_acceptable") else []):
                assert set(coding["sub_types"]) <= set(EVENT_TYPES[coding["event_type"]]), (
                    d["doc_id"],
                    e["what"],
                )


def test_an_optional_incident_counts_only_when_found() -> None:
    exp = dict(EXP_BOMB, optional=True)
    assert score_article({"doc_id": "d", "expect": [exp]}, [], "") == []
    got = statuses(score_article({"doc_id": "d", "expect": [exp]}, [rec(fatalities=9)], ""))
    assert got["expect0.found"] == "pass" and got["expect0.fatalities"] == "fail"


def test_first_words_guard_an_address_like_text_starts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "geoparsing").mkdir(parents=True)
    (data / "geoparsing" / "lgl.xml").write_text(
        "<articles><article><text>Blast  injures three.\nMore text.</text></article></articles>",
        encoding="utf-8",
    )
    adir = tmp_path / "articles"
    _write_set(
        adir, [{"doc_id": "l", "source": "lgl:0", "first_words": "Blast injures three. More", "expect": []}]
    )
    assert run_articles_suite(data, extract_many=_fake(lambda a: []), articles=adir)["n"] == 1
    _write_set(adir, [{"doc_id": "l", "source": "lgl:0", "first_words": "Blast kills", "expect": []}])
    with pytest.raises(EvalError, match="disagree"):
        run_articles_suite(data, extract_many=_fake(lambda a: []), articles=adir)

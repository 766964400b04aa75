"""Article addresses (``gwn:3``, ``wikievents:<id>``, ``meantime:<path>``) on tiny hand-made corpora,
and the consistency of evaldata/articles/real.json (schema; first_words against the shared corpus
when it is mounted)."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pytest

from eventlens.errors import EvalError
from eventlens.eval.article_sources import source_meta, source_text

REAL = Path(__file__).resolve().parents[2] / "evaldata" / "articles" / "real.json"


def _corpus(root: Path) -> Path:
    geo = root / "geoparsing"
    geo.mkdir(parents=True)
    (geo / "GWN.xml").write_text(
        "<articles><article file='0'><title>T0</title><link>http://a/0</link>"
        "<text>First article.</text></article>"
        "<article file='1'><title>T1</title><text>Second article, about Lyon.</text></article></articles>",
        encoding="utf-8",
    )
    (geo / "lgl.xml").write_text(
        "<articles><article docid='9'><title>Blast</title><url>http://b/20090330/x</url>"
        "<dltime>2009-03-30 02:14:49-05</dltime>"
        "<text><![CDATA[Blast injures three & more.]]></text></article></articles>",
        encoding="utf-8",
    )
    (geo / "GeoVirus.xml").write_text(
        "<articles><article><source>https://w/x</source><text>Cholera spreads.</text></article></articles>",
        encoding="utf-8",
    )
    we = root / "wikievents"
    we.mkdir()
    doc = {
        "doc_id": "d1",
        "sentences": [
            [[["Bomb", 0, 4], ["hits", 5, 9], [".", 9, 10]], "Bomb hits."],
            [[["Two", 11, 14], ["die", 15, 18]], "Two die"],
        ],
    }
    (we / "dev.jsonl").write_text(json.dumps(doc) + "\n", encoding="utf-8")
    mt = root / "meantime_en" / "intra_cross-doc_annotation" / "corpus_x"
    mt.mkdir(parents=True)
    toks = [(0, "Title"), (0, "here"), (1, "June"), (1, "8"), (2, "Markets"), (2, "fell"), (2, ".")]
    body = "".join(f'<token sentence="{s}" t_id="{i}">{w}</token>' for i, (s, w) in enumerate(toks, 1))
    (mt / "1_doc.xml").write_text(
        f"<Document>{body}<Markables>"
        '<TIMEX3 functionInDocument="CREATION_TIME" value="2010-06-08" type="DATE"/>'
        "</Markables></Document>",
        encoding="utf-8",
    )
    return root


def test_xml_addresses_are_zero_based_in_file_order(tmp_path: Path) -> None:
    data = _corpus(tmp_path)
    assert source_text("gwn:0", data) == "First article."
    assert source_text("gwn:1", data) == "Second article, about Lyon."
    assert source_text("lgl:0", data) == "Blast injures three & more."
    assert source_text("GeoVirus:0", data) == "Cholera spreads."
    assert source_meta("lgl:0", data) == {
        "title": "Blast",
        "url": "http://b/20090330/x",
        "time": "2009-03-30 02:14:49-05",
    }


def test_wikievents_text_keeps_token_offsets(tmp_path: Path) -> None:
    text = source_text("wikievents:d1", _corpus(tmp_path))
    assert text == "Bomb hits.\nTwo die"
    assert text[11:14] == "Two"


def test_meantime_one_sentence_a_line_and_creation_time(tmp_path: Path) -> None:
    data = _corpus(tmp_path)
    src = "meantime:intra_cross-doc_annotation/corpus_x/1_doc.xml"
    assert source_text(src, data) == "Title here\nJune 8\nMarkets fell ."
    assert source_meta(src, data)["time"] == "2010-06-08"


@pytest.mark.parametrize("bad", ["gwn:2", "gwn:-1", "wikievents:nope", "meantime:none.xml", "acled:1", "gwn"])
def test_bad_addresses_raise(tmp_path: Path, bad: str) -> None:
    with pytest.raises(EvalError):
        source_text(bad, _corpus(tmp_path))


# ---- evaldata/articles/real.json

_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}
_FORBID = {
    "violent_on_dates",
    "violent_dated_at_publication_from",
    "no_reported",
    "max_reported",
    "max_total_fatalities",
    "not_near",
    "no_actor",
    "note",
}


def _km(a: float, b: float, c: float, d: float) -> float:
    p1, p2 = math.radians(a), math.radians(c)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _docs() -> list[dict]:
    return json.loads(REAL.read_text(encoding="utf-8"))["docs"]


def test_real_set_size_and_mix() -> None:
    docs = _docs()
    assert len(docs) >= 40
    assert len({d["doc_id"] for d in docs}) == len(docs)
    assert len({d["source"] for d in docs}) == len(docs)
    with_incidents = [d for d in docs if any(e["role"] == "reported" for e in d["expect"])]
    assert len(with_incidents) >= 20
    assert not {d["source"] for d in docs} & {  # coded already in ../shared/gold/wikievents-dev.json
        "wikievents:suicide_ied_114",
        "wikievents:road_ied_8",
        "wikievents:65_VOA_EN_NW_2014.07.21.1962165",
    }


def test_real_set_fields_are_well_formed() -> None:
    for d in _docs():
        where = d["doc_id"]
        assert d["source"].split(":", 1)[0] in {"gwn", "lgl", "geovirus", "wikievents", "meantime"}, where
        assert d["first_words"].strip(), where
        if d["published"] is not None:
            date.fromisoformat(d["published"][:10])
        assert set(d["forbid"]) <= _FORBID, where
        reported = [e for e in d["expect"] if e["role"] == "reported"]
        if d["forbid"].get("no_reported"):
            assert not reported, where
        if "max_reported" in d["forbid"]:
            assert len([e for e in reported if not e.get("optional")]) <= d["forbid"]["max_reported"], where
        floor = sum(e["fatalities"][0] for e in d["expect"] if "fatalities" in e and not e.get("optional"))
        assert floor <= d["forbid"].get("max_total_fatalities", floor), where
        for e in d["expect"]:
            assert e["role"] in {"reported", "background"}, where
            assert e["sub_types"] and set(e["sub_types"]) <= _TYPES[e["event_type"]], where
            if "also_acceptable" in e:
                alt = e["also_acceptable"]
                assert set(alt["sub_types"]) <= _TYPES[alt["event_type"]], where
            if e["date"] is not None:
                date.fromisoformat(e["date"])
            assert -90 <= e["lat"] <= 90 and -180 <= e["lon"] <= 180 and e["km"] > 0, where
            for key in ("fatalities", "injured"):
                if key in e:
                    lo, hi = e[key]
                    assert 0 <= lo <= hi, where
            if "actor" in e:
                assert e["actor"] == e["actor"].lower(), where
            near = d["forbid"].get("not_near")
            if near and e["role"] == "reported":  # an expected point can never sit inside a forbidden circle
                assert _km(e["lat"], e["lon"], near["lat"], near["lon"]) > near["km"] + e["km"] / 2, where


def test_real_set_addresses_match_first_words(data_dir: Path) -> None:
    for d in _docs():
        text = source_text(d["source"], data_dir)
        assert " ".join(text.split()).startswith(d["first_words"]), d["doc_id"]

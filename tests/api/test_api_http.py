# ruff: noqa: E501  (tables of named cases read best one case to a line)
"""The /api/v1 endpoints on a hand-made store: filters, keyset pages, evidence, counts, auth,
corrections and posted articles (with a small injected extractor and fetcher)."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import api_data
import pytest
from api_data import fake_extract, make_client

from eventlens.api.keys import create_key, list_keys, revoke_key
from eventlens.errors import InputError


def _locations(resp: Any) -> set[str]:
    assert resp.status_code == 200, resp.text
    return {r["location"] for r in resp.json()["items"]}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        pytest.param({}, {"Baghdad", "Basra", "Kabul", "Nairobi", "Mombasa"}, id="no-filter"),
        pytest.param({"event_type": "Battles"}, {"Basra", "Kabul"}, id="event-type"),
        pytest.param(
            {"event_type": "Battles,Protests"}, {"Basra", "Kabul", "Nairobi", "Mombasa"}, id="two-types"
        ),
        pytest.param({"sub_event_type": "Remote explosive/landmine/IED"}, {"Kabul"}, id="sub-event-type"),
        pytest.param(
            {"date_from": "2021-10-01", "date_to": "2021-10-31"}, {"Baghdad", "Mombasa"}, id="date-range"
        ),
        pytest.param({"bbox": "38,28,49,38"}, {"Baghdad", "Basra"}, id="bbox-iraq"),
        pytest.param({"bbox": "170,-10,40,10"}, {"Nairobi", "Mombasa"}, id="bbox-across-antimeridian"),
        pytest.param({"country": "AFG"}, {"Kabul"}, id="country-iso3"),
        pytest.param({"country": "Kenya"}, {"Nairobi", "Mombasa"}, id="country-name"),
        pytest.param({"iso": "IRQ", "admin1": "Basra"}, {"Basra"}, id="iso-and-admin1"),
        pytest.param({"actor": "taliban"}, {"Kabul"}, id="actor-part-any-case"),
        pytest.param({"min_sources": 2}, set(), id="min-sources"),
        pytest.param(
            {"min_confidence": 0.69}, {"Baghdad", "Basra", "Kabul", "Nairobi", "Mombasa"}, id="min-confidence"
        ),
        pytest.param({"min_confidence": 0.71}, set(), id="min-confidence-above-all"),
        pytest.param(
            {"geo_precision": 1}, {"Baghdad", "Basra", "Kabul", "Nairobi", "Mombasa"}, id="geo-precision"
        ),
        pytest.param({"geo_precision": [2, 3]}, set(), id="geo-precision-coarse"),
        pytest.param(
            {"time_precision": 1, "event_type": "Protests"}, {"Nairobi", "Mombasa"}, id="time-precision"
        ),
        pytest.param({"role": "reported", "country": "IRQ"}, {"Baghdad", "Basra"}, id="role-reported"),
        pytest.param({"role": "background"}, set(), id="role-background"),
        pytest.param({"country": "Ira\x00q"}, {"Baghdad", "Basra"}, id="nul-byte-dropped-not-a-500"),
    ],
)
def test_incident_filters(ro_client: Any, params: dict[str, Any], expected: set[str]) -> None:
    assert _locations(ro_client.get("/api/v1/incidents", params=params)) == expected


def test_keyset_pages_cover_everything_once_in_order(ro_client: Any) -> None:
    whole = [r["event_id_cnty"] for r in ro_client.get("/api/v1/incidents").json()["items"]]
    seen: list[str] = []
    cursor = None
    for _ in range(10):
        body = ro_client.get(
            "/api/v1/incidents", params={"limit": 2, **({"cursor": cursor} if cursor else {})}
        ).json()
        seen += [r["event_id_cnty"] for r in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == whole and len(whole) == 6
    dates = [r["event_date"] for r in ro_client.get("/api/v1/incidents").json()["items"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    ("params", "status"),
    [
        pytest.param({"cursor": "not-a-cursor"}, 422, id="bad-cursor"),
        pytest.param({"bbox": "1,2,3"}, 422, id="bbox-three-numbers"),
        pytest.param({"bbox": "a,b,c,d"}, 422, id="bbox-not-numbers"),
        pytest.param({"geo_precision": 7}, 422, id="geo-precision-not-acled"),
        pytest.param({"min_confidence": 2}, 422, id="confidence-above-one"),
    ],
)
def test_bad_filters_are_refused_with_a_reason(ro_client: Any, params: dict[str, Any], status: int) -> None:
    resp = ro_client.get("/api/v1/incidents", params=params)
    assert resp.status_code == status
    assert resp.json()["detail"]


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({"date_from": "2021-12-01", "date_to": "2021-01-01"}, id="dates-swapped"),
    ],
)
def test_impossible_filters_match_nothing(ro_client: Any, params: dict[str, Any]) -> None:
    resp = ro_client.get("/api/v1/incidents", params=params)
    assert resp.status_code == 200 and resp.json()["items"] == []


def test_bbox_past_the_poles_is_clamped(ro_client: Any) -> None:
    assert _locations(ro_client.get("/api/v1/incidents", params={"bbox": "-999,-999,999,999"})) == {
        "Baghdad", "Basra", "Kabul", "Nairobi", "Mombasa"
    }  # fmt: skip


def test_incident_detail_has_article_text_and_evidence_offsets_into_it(ro_client: Any) -> None:
    iid = ro_client.get("/api/v1/incidents", params={"country": "AFG", "event_type": "Battles"}).json()[
        "items"
    ][0]
    body = ro_client.get(f"/api/v1/incidents/{iid['event_id_cnty']}").json()
    assert body["event_id_cnty"] == iid["event_id_cnty"] == body["requested_id"]
    texts = {a["id"]: a["text"] for a in body["articles"]}
    (mention,) = body["mentions"]
    assert mention["record"]["event_type"] == "Battles"
    fields = set()
    for ev in mention["evidence"]:
        fields.add(ev["field"])
        for sp in ev["spans"]:
            assert texts[mention["article_id"]][sp["start"] : sp["end"]] == sp["text"]
    assert {"event_type", "location", "event_date", "actor1"} <= fields


def test_unknown_incident_is_404(ro_client: Any) -> None:
    resp = ro_client.get("/api/v1/incidents/NOPE0000001")
    assert resp.status_code == 404 and "NOPE0000001" in resp.json()["detail"]


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        pytest.param("type", {"Battles": 2, "Explosions/Remote violence": 2, "Protests": 2}, id="by-type"),
        pytest.param("country", {"IRQ": 2, "AFG": 2, "KEN": 2}, id="by-country"),
        pytest.param("day", {"2021-10-31": 1, "2021-11-02": 1, "2021-09-10": 1, "2021-08-05": 1,
                             "2021-09-25": 1, "2021-10-04": 1}, id="by-day"),
    ],
)  # fmt: skip
def test_counts(ro_client: Any, by: str, expected: dict[str, int]) -> None:
    body = ro_client.get("/api/v1/counts", params={"by": by}).json()
    assert {r["key"]: r["count"] for r in body["rows"]} == expected
    assert body["total"] == 6


def test_counts_follow_filters_and_sum_fatalities(ro_client: Any) -> None:
    body = ro_client.get("/api/v1/counts", params={"by": "country", "event_type": "Battles"}).json()
    assert {r["key"]: (r["count"], r["fatalities"], r["label"]) for r in body["rows"]} == {
        "IRQ": (1, 2, "Iraq"),
        "AFG": (1, 0, "Afghanistan"),
    }


def test_places_autocomplete(ro_client: Any) -> None:
    hits = ro_client.get("/api/v1/places", params={"q": "ka"}).json()
    assert [(h["location"], h["incidents"]) for h in hits] == [("Kabul", 2)]
    assert ro_client.get("/api/v1/places", params={"q": "ken"}).json()[0]["country"] == "Kenya"


def test_articles_list_and_detail(ro_client: Any) -> None:
    page = ro_client.get("/api/v1/articles", params={"limit": 4}).json()
    assert len(page["items"]) == 4 and page["next_cursor"]
    rest = ro_client.get("/api/v1/articles", params={"cursor": page["next_cursor"]}).json()
    assert len(rest["items"]) == 2 and rest["next_cursor"] is None
    aid = page["items"][0]["id"]
    detail = ro_client.get(f"/api/v1/articles/{aid}").json()
    assert detail["text"] and detail["mentions"][0]["incident_id"]
    assert ro_client.get("/api/v1/articles/nope").status_code == 404


def test_openapi_and_docs_are_served(ro_client: Any) -> None:
    spec = ro_client.get("/openapi.json").json()
    assert {"/api/v1/incidents", "/api/v1/incidents/{incident_id}", "/api/v1/counts", "/api/v1/places",
            "/api/v1/articles", "/api/v1/export", "/api/v1/incidents/{incident_id}/corrections"} <= set(spec["paths"])  # fmt: skip
    assert ro_client.get("/docs").status_code == 200
    assert "eventlens" in ro_client.get("/").text


# --------------------------------------------------------------------------- auth


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        pytest.param({}, 401, id="no-key"),
        pytest.param({"X-API-Key": "elk_00000000_" + "a" * 43}, 403, id="unknown-key"),
        pytest.param({"X-API-Key": "not a key at all"}, 403, id="malformed-key"),
        pytest.param({"Authorization": "Basic dXNlcjpwYXNz"}, 401, id="basic-auth-is-no-key"),
    ],
)
def test_writes_without_a_good_key_are_refused(client: Any, headers: dict[str, str], status: int) -> None:
    iid = client.get("/api/v1/incidents").json()["items"][0]["event_id_cnty"]
    resp = client.post(
        f"/api/v1/incidents/{iid}/corrections",
        json={"changes": {"fatalities": 9}, "reason": "x"},
        headers=headers,
    )
    assert resp.status_code == status
    assert client.get(f"/api/v1/incidents/{iid}").json()["fatalities"] != 9


def test_revoked_key_is_403_and_keys_are_stored_hashed(client: Any, store: Any, caplog: Any) -> None:
    caplog.set_level(logging.DEBUG)
    key, secret = create_key(store, "laptop")
    iid = client.get("/api/v1/incidents").json()["items"][0]["event_id_cnty"]
    ok = client.post(
        f"/api/v1/incidents/{iid}/corrections",
        json={"changes": {"fatalities": 1}, "reason": "checked the source"},
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert ok.status_code == 200
    revoke_key(store, key.prefix)
    again = client.post(
        f"/api/v1/incidents/{iid}/corrections",
        json={"changes": {"fatalities": 2}, "reason": "x"},
        headers={"X-API-Key": secret},
    )
    assert again.status_code == 403
    assert [k.active for k in list_keys(store)] == [False]
    import sqlalchemy as sa

    from eventlens.store.schema import api_keys

    with store.engine.connect() as conn:
        stored = [tuple(r) for r in conn.execute(sa.select(api_keys))]
    assert secret not in repr(stored) and secret.split("_", 2)[2] not in repr(stored)
    assert secret not in caplog.text and secret.split("_", 2)[2] not in caplog.text


def test_reads_can_require_a_key(store: Any, secret: str) -> None:
    with make_client(store, read_requires_key=True) as c:
        assert c.get("/api/v1/incidents").status_code == 401
        assert c.get("/api/v1/incidents", headers={"X-API-Key": secret}).status_code == 200
        assert c.get("/api/v1/config").json()["read_requires_key"] is True


# --------------------------------------------------------------------------- corrections


def test_correction_changes_the_field_and_keeps_the_audit_trail(client: Any, secret: str) -> None:
    iid = client.get("/api/v1/incidents", params={"country": "AFG", "event_type": "Battles"}).json()["items"][
        0
    ]["event_id_cnty"]
    resp = client.post(
        f"/api/v1/incidents/{iid}/corrections",
        json={"changes": {"fatalities": 3, "event_date": "2021-09-24"}, "reason": "UN report"},
        headers={"X-API-Key": secret},
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["fatalities"] == 3 and body["event_date"] == "2021-09-24"
    assert {(c["field"], c["why"]) for c in body["corrections"]} == {
        ("fatalities", "UN report"),
        ("event_date", "UN report"),
    }
    assert all(c["who"].startswith("tests (key ") for c in body["corrections"])


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({}, id="nothing-to-change"),
        pytest.param({"event_id_cnty": "X"}, id="not-editable"),
        pytest.param({"fatalities": "many"}, id="text-for-a-number"),
        pytest.param({"fatalities": True}, id="bool-for-a-number"),
        pytest.param({"latitude": 123.0}, id="latitude-out-of-range"),
        pytest.param({"event_date": "31/10/2021"}, id="not-an-iso-date"),
        pytest.param({"iso": "TOOLONG"}, id="longer-than-the-column"),
    ],
)
def test_bad_corrections_are_refused(client: Any, secret: str, changes: dict[str, Any]) -> None:
    iid = client.get("/api/v1/incidents").json()["items"][0]["event_id_cnty"]
    resp = client.post(
        f"/api/v1/incidents/{iid}/corrections",
        json={"changes": changes, "reason": "r"},
        headers={"X-API-Key": secret},
    )
    assert resp.status_code == 422, resp.text  # the schema lists each editable field with its type


def test_correcting_an_unknown_incident_is_404(client: Any, secret: str) -> None:
    resp = client.post(
        "/api/v1/incidents/NOPE0000001/corrections",
        json={"changes": {"fatalities": 1}, "reason": "r"},
        headers={"X-API-Key": secret},
    )
    assert resp.status_code == 404


# --------------------------------------------------------------------------- posted articles


@pytest.fixture
def writer(store: Any) -> Any:
    with make_client(store, extract=fake_extract, fetch=fake_fetch) as c:
        yield c


class _Fetched:
    def __init__(self, url: str, content: bytes, ctype: str, status: int = 200) -> None:
        self.url, self.content, self.status = url, content, status
        self.headers = {"content-type": ctype}
        self.encoding = "utf-8"


def fake_fetch(url: str, **kw: Any) -> _Fetched:
    if "private" in url:
        raise InputError(url, "resolves to a private address; refused")
    if "missing" in url:
        return _Fetched(url, b"not found", "text/html", 404)
    html = b"<html><head><title>Students protest in Nairobi</title></head><body><article><p>Students held a protest in Nairobi on Tuesday over fees, police said, and marched to parliament.</p></article></body></html>"  # noqa: E501
    return _Fetched(url, html, "text/html; charset=utf-8")


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param(
            {"text": "Students protest in Nairobi\n\nHundreds held a protest on Tuesday."}, id="text"
        ),
        pytest.param(
            {
                "html": "<html><body><h1>Protest</h1><p>Hundreds held a protest in Nairobi on Tuesday, witnesses said, blocking roads.</p></body></html>",
                "url": "https://news.example/a",
            },
            id="html",
        ),  # noqa: E501
        pytest.param({"url": "https://news.example/story"}, id="url-fetched"),
    ],
)
def test_post_article_returns_records_and_stores_them(
    writer: Any, secret: str, payload: dict[str, Any]
) -> None:
    resp = writer.post("/api/v1/articles", json=payload, headers={"X-API-Key": secret})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    (rec,) = body["records"]
    assert rec["sub_event_type"] == "Peaceful protest" and rec["location"] == "Nairobi"
    span = rec["evidence"][0]["spans"][0]
    assert body["text"][span["start"] : span["end"]].lower() == "protest"
    assert body["stored"] is True and len(body["incident_ids"]) == 1
    again = writer.post("/api/v1/articles", json=payload, headers={"X-API-Key": secret}).json()
    assert again["stored"] is False and again["article_id"] == body["article_id"]
    assert writer.get(f"/api/v1/articles/{body['article_id']}").status_code == 200


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        pytest.param({}, 422, id="nothing"),
        pytest.param({"text": "a", "html": "<p>b</p>"}, 422, id="text-and-html"),
        pytest.param({"url": "http://private.example/"}, 400, id="private-address-refused"),
        pytest.param({"url": "https://news.example/missing"}, 400, id="http-404"),
    ],
)
def test_post_article_refusals(writer: Any, secret: str, payload: dict[str, Any], status: int) -> None:
    assert writer.post("/api/v1/articles", json=payload, headers={"X-API-Key": secret}).status_code == status


def test_post_article_dry_run_does_not_store(writer: Any, secret: str) -> None:
    before = writer.get("/api/v1/articles", params={"limit": 100}).json()["items"]
    body = writer.post(
        "/api/v1/articles",
        json={"text": "A protest in Nairobi.", "store": False},
        headers={"X-API-Key": secret},
    ).json()
    assert body["stored"] is False and body["incident_ids"] == [] and body["records"]
    assert writer.get("/api/v1/articles", params={"limit": 100}).json()["items"] == before


def test_real_fetcher_refuses_loopback(store: Any, secret: str) -> None:
    pytest.importorskip(
        "eventlens.read.fetch", reason="eventlens.read.fetch (issue 7) is not in this tree yet"
    )
    with make_client(store, extract=fake_extract) as c:
        resp = c.post("/api/v1/articles", json={"url": "http://127.0.0.1:9/"}, headers={"X-API-Key": secret})
    assert resp.status_code == 400
    assert "127.0.0.1" in resp.json()["detail"]


def test_keyset_pages_cross_from_dated_to_undated_incidents(client: Any, store: Any) -> None:
    # Regression guard for the two-query keyset (dated newest first, then undated by seq).
    from dataclasses import replace

    from eventlens.store import ingest

    extra = []
    for n, place in ((7, api_data.BASRA), (8, api_data.NAIROBI)):
        item = api_data._item(
            n, f"Story {n}\n\nGunmen clashed near {place.name}, police said.", day=date(2020, 1, 1), place=place,
            etype="Battles", sub="Armed clash", disorder="Political violence", actor="Unidentified Armed Group",
            fatalities=None, cue="clashed", where=place.name, when="police said", who="Gunmen",
        )  # fmt: skip
        extra.append(replace(item, events=[replace(item.events[0], date=None)]))
    assert ingest(store, extra).failures == 0
    whole = client.get("/api/v1/incidents").json()["items"]
    assert [r["event_date"] for r in whole[-2:]] == [None, None] and len(whole) == 8
    seen, cursor = [], None
    for _ in range(20):
        body = client.get(
            "/api/v1/incidents", params={"limit": 1, **({"cursor": cursor} if cursor else {})}
        ).json()
        seen += [r["event_id_cnty"] for r in body["items"]]
        if not (cursor := body["next_cursor"]):
            break
    assert seen == [r["event_id_cnty"] for r in whole]


def test_list_cache_is_cleared_by_a_correction(client: Any, secret: str) -> None:
    """Regression guard for the response cache of /incidents: a write through the API is seen at once."""
    params = {"country": "AFG", "event_type": "Battles"}
    first = client.get("/api/v1/incidents", params=params).json()["items"][0]
    again = client.get("/api/v1/incidents", params=params).json()["items"][0]  # served from the cache
    assert again == first
    new = (first["fatalities"] or 0) + 7
    resp = client.post(
        f"/api/v1/incidents/{first['event_id_cnty']}/corrections",
        json={"changes": {"fatalities": new}, "reason": "cache test"},
        headers={"X-API-Key": secret},
    )
    assert resp.status_code == 200, resp.text
    after = client.get("/api/v1/incidents", params=params).json()["items"]
    assert next(r for r in after if r["event_id_cnty"] == first["event_id_cnty"])["fatalities"] == new


def test_response_cache_expires_and_evicts() -> None:
    import time

    from eventlens.api.cache import ResponseCache

    c = ResponseCache(ttl=0.05, maxsize=2)
    c.put("a", b"1")
    c.put("b", b"2")
    c.put("c", b"3")  # evicts the oldest
    assert c.get("a") is None and c.get("c") == b"3"
    time.sleep(0.06)
    assert c.get("c") is None
    assert ResponseCache(ttl=0).get("x") is None


def test_response_cache_serves_stale_while_one_caller_recomputes() -> None:
    import time

    from eventlens.api.cache import ResponseCache

    c = ResponseCache(ttl=0.02)
    c.put("k", b"old")
    time.sleep(0.03)
    assert c.get("k") is None  # the first caller after expiry recomputes ...
    assert c.get("k") == b"old"  # ... the others get the stale copy meanwhile
    c.put("k", b"new")
    assert c.get("k") == b"new"

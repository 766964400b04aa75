"""Issue 16 items 10 and 11 and two gaps found beside them, on the hand-made store (api_data.py):
LIKE wildcards typed by a user match only themselves, a box's latitudes are read in either order,
error bodies are short and never name the store, a correction refused by validation is a 422,
and the incident JSON carries ACLED's region."""

from __future__ import annotations

from typing import Any

import pytest


def _locations(resp: Any) -> set[str]:
    assert resp.status_code == 200, resp.text
    return {r["location"] for r in resp.json()["items"]}


@pytest.mark.parametrize(
    "actor",
    ["_", "%", "%%", "__", "\\"],
    ids=["underscore", "percent", "two-percents", "two-underscores", "backslash"],
)
def test_like_wildcards_in_actor_match_only_themselves(ro_client: Any, actor: str) -> None:
    # no actor name in the store holds these characters: nothing matches (every incident did)
    assert _locations(ro_client.get("/api/v1/incidents", params={"actor": actor})) == set()


def test_actor_filter_still_matches_part_of_a_name(ro_client: Any) -> None:
    assert _locations(ro_client.get("/api/v1/incidents", params={"actor": "armed group"}))


@pytest.mark.parametrize("q", ["_", "%", "K_", "%a"])
def test_like_wildcards_in_places_match_only_themselves(ro_client: Any, q: str) -> None:
    resp = ro_client.get("/api/v1/places", params={"q": q})
    assert resp.status_code == 200 and resp.json() == []


def test_a_box_with_south_above_north_reads_the_latitudes_in_either_order(ro_client: Any) -> None:
    # was an empty 200: the box from 44 to 52 degrees north matched nothing the wrong way up
    ordered = _locations(ro_client.get("/api/v1/incidents", params={"bbox": "30,28,70,36"}))
    assert ordered == {"Kabul", "Baghdad", "Basra"}
    assert _locations(ro_client.get("/api/v1/incidents", params={"bbox": "30,36,70,28"})) == ordered
    # west 40 > east 30 crosses the antimeridian: everything but longitudes 30-40 (Nairobi 36.8,
    # Mombasa 39.7), whichever way the latitudes come
    for box in ("40,-10,30,52", "40,52,30,-10"):
        assert _locations(ro_client.get("/api/v1/incidents", params={"bbox": box})) == ordered, box
    counts = ro_client.get("/api/v1/counts", params={"by": "country", "bbox": "30,36,70,28"}).json()
    assert counts["total"] == 4


def test_openapi_says_what_a_reversed_box_means(ro_client: Any) -> None:
    params = ro_client.get("/openapi.json").json()["paths"]["/api/v1/incidents"]["get"]["parameters"]
    (bbox,) = [p for p in params if p["name"] == "bbox"]
    assert "crossing the antimeridian" in bbox["description"] and "either order" in bbox["description"]


@pytest.mark.parametrize(
    "path", ["/api/v1/incidents/NOPE0000001", "/api/v1/articles/NOPE0000001"], ids=["incident", "article"]
)
def test_a_404_names_the_id_and_never_the_store(ro_client: Any, ro_store: Any, path: str) -> None:
    resp = ro_client.get(path)
    detail = resp.json()["detail"]
    assert resp.status_code == 404 and "NOPE0000001" in detail
    db_file = str(ro_store.engine.url.database)
    assert db_file not in detail and "sqlite" not in detail and "Store(" not in detail


def test_a_huge_id_is_not_echoed_whole(ro_client: Any) -> None:
    resp = ro_client.get("/api/v1/incidents/" + "X" * 20_000)
    assert resp.status_code == 404 and len(resp.content) < 500


def test_a_422_does_not_echo_a_huge_body(client: Any, secret: str) -> None:
    text = "Gunmen attacked a market. " * 100_000  # 2.6 MB, over the 2,000,000-character limit
    resp = client.post("/api/v1/articles", json={"text": text}, headers={"X-API-Key": secret})
    assert resp.status_code == 422
    assert len(resp.content) < 1000, len(resp.content)
    (issue,) = resp.json()["detail"]
    assert issue["loc"] == ["body", "text"] and "2,600,000 characters" in issue["input"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"event_type": "Battles", "sub_event_type": "Peaceful protest"}, "sub_event_type", id="sub-type-of-another-type"),
        pytest.param({"event_date": "2021-11-05", "date_end": "2021-11-01"}, "date_end", id="ends-before-it-starts"),
    ],
)  # fmt: skip
def test_a_correction_refused_by_validation_is_422(
    client: Any, secret: str, changes: dict[str, Any], field: str
) -> None:
    iid = client.get("/api/v1/incidents").json()["items"][0]["event_id_cnty"]
    before = client.get(f"/api/v1/incidents/{iid}").json()
    resp = client.post(
        f"/api/v1/incidents/{iid}/corrections",
        json={"changes": changes, "reason": "r"},
        headers={"X-API-Key": secret},
    )
    assert resp.status_code == 422, resp.text
    (issue,) = resp.json()["detail"]
    assert issue["loc"][:2] == ["body", "changes"] and issue["msg"]
    after = client.get(f"/api/v1/incidents/{iid}").json()
    assert after["corrections"] == before["corrections"] and after["event_type"] == before["event_type"]


def test_incident_json_has_acled_region(ro_client: Any) -> None:
    rows = ro_client.get("/api/v1/incidents").json()["items"]
    regions = {r["location"]: r["region"] for r in rows}
    assert regions["Baghdad"] == "Middle East" and regions["Nairobi"] == "Eastern Africa"
    iid = next(r["event_id_cnty"] for r in rows if r["location"] == "Basra")
    assert ro_client.get(f"/api/v1/incidents/{iid}").json()["region"] == "Middle East"


def literal_wildcards_check(c: Any, secret: str) -> None:
    """An actor named with ``%`` and ``_`` is found by exactly those characters, and only it
    (shared with the PostgreSQL run in test_api_postgres.py)."""
    iid = c.get("/api/v1/incidents", params={"country": "KEN"}).json()["items"][0]["event_id_cnty"]
    resp = c.post(
        f"/api/v1/incidents/{iid}/corrections",
        json={"changes": {"actor1": "Militia 100%_Local (Kenya)"}, "reason": "test"},
        headers={"X-API-Key": secret},
    )
    assert resp.status_code == 200, resp.text
    for actor in ("_", "%", "100%_l", "%_"):
        rows = c.get("/api/v1/incidents", params={"actor": actor}).json()["items"]
        assert [r["event_id_cnty"] for r in rows] == [iid], actor
    assert c.get("/api/v1/incidents", params={"actor": "100_"}).json()["items"] == []
    assert c.get("/api/v1/places", params={"q": "_"}).json() == []


def test_an_actor_with_wildcard_characters_is_found_by_them_only(client: Any, secret: str) -> None:
    literal_wildcards_check(client, secret)

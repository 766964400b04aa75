"""The API takes what its schema says and no more (Schemathesis default run
against ``eventlens serve``, issue 16)."""

from __future__ import annotations

from typing import Any

import pytest
from api_data import make_client

from eventlens.store import Store


@pytest.mark.parametrize("flag", [0, 1, "no", "yes", None])
def test_store_flag_takes_json_booleans_only(store: Store, flag: Any) -> None:
    """Found by Schemathesis (ST201): ``"store": 0`` was accepted as false."""
    from api_data import fake_extract

    from eventlens.api.keys import create_key

    secret = create_key(store, "t")[1]
    with make_client(store, extract=fake_extract) as client:
        resp = client.post(
            "/api/v1/articles",
            json={"text": "A protest in Nairobi.", "store": flag},
            headers={"X-API-Key": secret},
        )
    assert resp.status_code == 422, resp.text


@pytest.mark.parametrize("when", [0, 1635672060, 1.5, True])
def test_published_is_a_date_string_not_a_number(store: Store, when: Any) -> None:
    """Found by Schemathesis (ST201): ``"published": 0`` was read as 1970-01-01."""
    from api_data import fake_extract

    from eventlens.api.keys import create_key

    secret = create_key(store, "t")[1]
    body = {"text": "A protest in Nairobi.", "published": when, "store": False}
    with make_client(store, extract=fake_extract) as client:
        resp = client.post("/api/v1/articles", json=body, headers={"X-API-Key": secret})
        assert resp.status_code == 422, resp.text
        ok = client.post(
            "/api/v1/articles", json={**body, "published": "2021-10-31"}, headers={"X-API-Key": secret}
        )
        assert ok.status_code == 200, ok.text


@pytest.mark.parametrize(
    "query",
    ["min_sources=1&min_sources=2", "date_from=2021-01-01&date_from=2021-02-01", "by=day&by=type"],
)
def test_a_single_valued_filter_given_twice_is_refused(ro_client: Any, query: str) -> None:
    """Found by Schemathesis (ST201): ``?min_sources=...&min_sources=0`` took the last one silently."""
    path = "/api/v1/counts" if query.startswith("by=") else "/api/v1/incidents"
    resp = ro_client.get(f"{path}?{query}")
    assert resp.status_code == 422, resp.text
    assert query.split("=", 1)[0] in resp.text


def test_list_filters_still_take_several_values(ro_client: Any) -> None:
    resp = ro_client.get("/api/v1/incidents?event_type=Protests&event_type=Riots")
    assert resp.status_code == 200, resp.text

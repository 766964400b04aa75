"""POST /api/v1/articles takes what its schema says and no more (Schemathesis default run
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

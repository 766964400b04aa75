"""``/api/v1/config`` carries what the dashboard must not copy: the event types with their colours
and ACLED's kinds of actor (``eventlens.taxonomy``), so the dashboard's scripts hold no copy of
the taxonomy that could drift from it (issue 16, item 13)."""

from __future__ import annotations

import re
from typing import Any

from eventlens.api.app import STATIC_DIR
from eventlens.taxonomy import EVENT_TYPES, INTER_CODES


def test_config_sends_the_actor_kinds_of_the_taxonomy(ro_client: Any) -> None:
    kinds = ro_client.get("/api/v1/config").json()["actor_kinds"]
    assert {int(k): v for k, v in kinds.items()} == INTER_CODES


def test_config_gives_every_event_type_its_own_colour(ro_client: Any) -> None:
    colours = ro_client.get("/api/v1/config").json()["event_type_colours"]
    assert list(colours) == list(EVENT_TYPES)
    assert len(set(colours.values())) == len(colours)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours.values())


def test_the_dashboard_scripts_hold_no_copy_of_the_taxonomy() -> None:
    scripts = {name: (STATIC_DIR / name).read_text() for name in ("app.js", "fields.js")}
    for name, source in scripts.items():
        for label in [*EVENT_TYPES, *INTER_CODES.values()]:
            assert f'"{label}"' not in source, (name, label)

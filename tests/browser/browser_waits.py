"""Waiting on the dashboard's own ready signals (issue 16, item 15), never on time.

app.js sets ``<body data-state>`` to "loading" as soon as a filter changes and to "ready" once
the table, map and timeline are drawn and the map has stopped moving; ``#detail`` has its own
``data-state`` for the incident panel. Selectors, not ``wait_for_function``: the page's CSP
forbids the eval that would need.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: Generous: a signal that never comes fails the test; a slow machine only makes it wait.
WAIT_MS = 60_000


def settled(page: Any) -> None:
    """Wait until the page says the last change is drawn."""
    page.wait_for_selector("body[data-state='ready']", state="attached", timeout=WAIT_MS)


def open_incident(page: Any, click: Callable[[], Any]) -> None:
    """``click()`` something that opens an incident, then wait for its panel to be ready."""
    click()
    page.wait_for_selector("#detail[data-state='ready']", state="attached", timeout=WAIT_MS)

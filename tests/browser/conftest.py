"""Browser fixtures: the dashboard served by uvicorn on a free loopback port, and Debian's
Chromium driven by Playwright (``executable_path=/usr/bin/chromium``; never ``playwright
install``, which downloads a browser). Tests skip, saying why, when either is missing; install
the browser with ``make browser-deps``.

The store is tests/api's six incidents plus one written here for the incident panel: a named
publisher, actors with ACLED kinds (state forces against civilians) and a long summary.

Tests wait on the page's own signals (issue 16, item 15), never on time: ``<body data-state>``
is "ready" once the table, map and timeline are drawn and the map has stopped moving, and
``#detail[data-state]`` once an incident's panel is; see browser_waits.py."""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

import api_data  # noqa: E402
from browser_waits import settled  # noqa: E402

from eventlens.types import Actor, Article, DateRange, Event, Evidence, Place, Span  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")

MOSUL = Place("Mosul", 36.335, 43.1189, "city", country="Iraq", iso3="IRQ", admin1="Nineveh")
SOLDIERS_TEXT = (
    "Farmers shot near Mosul\n\n"
    "Soldiers opened fire on farmers irrigating their fields near Mosul on Wednesday, killing five "
    "of them, a local official told the agency."
)
SOLDIERS_NOTES = (
    "On 14 July 2021, soldiers of the Iraqi army opened fire on farmers irrigating their fields "
    "near Mosul (Nineveh), killing five civilians, according to a local official; the army "
    "has not commented on the circumstances of the shooting."
)


def _span(text: str, words: str) -> Span:
    at = text.index(words)
    return Span(at, at + len(words), words)


def soldiers_item() -> api_data.Result:
    """State forces (inter 1) against civilians (inter 7), reported by a named publisher."""
    from datetime import date, datetime

    t = SOLDIERS_TEXT
    art = Article(id="b1", text=t, title=t.split("\n", 1)[0], url="https://news.example/iraq/b1",
                  published=datetime(2021, 7, 15, 8, 0), source="b1.txt", publisher="Reuters")  # fmt: skip
    ev = Event(
        article_id=art.id, role="reported", event_type="Violence against civilians", sub_event_type="Attack",
        disorder_type="Political violence", date=DateRange.day(date(2021, 7, 14), evidence=_span(t, "on Wednesday")),
        article_published=art.published, article_title=art.title, location=MOSUL, fatalities=5,
        actor1=Actor("Military Forces of Iraq (2020-)", mention="Soldiers", span=_span(t, "Soldiers"), inter=1),
        actor2=Actor("Civilians (Iraq)", mention="farmers", span=_span(t, "farmers"), inter=7),
        civilian_targeting=True, confidence=0.8, notes=SOLDIERS_NOTES,
        evidence=(
            Evidence("event_type", (_span(t, "opened fire"),), "detect", 0.8),
            Evidence("location", (_span(t, "Mosul on"),), "geo", 0.9),
            Evidence("actor1", (_span(t, "Soldiers"),), "arguments", 0.7),
            Evidence("actor2", (_span(t, "farmers"),), "arguments", 0.7),
            Evidence("fatalities", (_span(t, "killing five"),), "arguments", 0.8),
        ),
    )  # fmt: skip
    return api_data.Result(art, [ev])


def _skip_reason() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is absent: run `make browser-deps` (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is absent (requirements/dev.lock)"
    return None


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    import uvicorn

    from eventlens.api.app import Settings, create_app
    from eventlens.store import ingest

    store = api_data.build(str(tmp_path_factory.mktemp("browser") / "ui.db"))
    assert ingest(store, [soldiers_item()]).failures == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]

    class Server(uvicorn.Server):
        """Says when it listens (an event, not a polled flag with a guessed deadline)."""

        listening = threading.Event()

        async def startup(self, sockets: Any = None) -> None:
            await super().startup(sockets=sockets)
            if not self.should_exit:
                self.listening.set()

    server = Server(
        uvicorn.Config(create_app(Settings(), store=store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    # Wait for the event while the server thread lives; a thread that ended failed to start.
    while not server.listening.wait(timeout=1):
        if not thread.is_alive():
            pytest.fail("the test server stopped before it listened (see its log above)")
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield b
        b.close()


def open_dashboard(browser: Any, url: str, width: int, height: int) -> Any:
    """A fresh context at ``width`` x ``height`` with the dashboard loaded and ready."""
    ctx = browser.new_context(viewport={"width": width, "height": height})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(url + "/")
    settled(pg)
    pg.errors = errors  # type: ignore[attr-defined]
    return pg


def _close(pg: Any) -> None:
    errors = pg.errors
    pg.context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Any]:
    """The dashboard at 1280 x 720."""
    pg = open_dashboard(browser, live_server, 1280, 720)
    yield pg
    _close(pg)


@pytest.fixture
def phone(browser: Any, live_server: str) -> Iterator[Any]:
    """The dashboard at 390 x 844 (a phone)."""
    pg = open_dashboard(browser, live_server, 390, 844)
    yield pg
    _close(pg)

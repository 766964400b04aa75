"""/docs (Swagger UI) and /redoc render in Chromium with no network beyond the server itself
and with the server's Content-Security-Policy in force (issue 16, item 12): every request to
another origin is refused, and the test fails if the page even tried one, or if the policy
blocked a script, style, font or fetch. An image the policy blocks is tolerated: it was never
requested (Redoc's sidebar links a Redocly logo on its CDN and hides it when it fails to load)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest


@pytest.fixture
def offline_page(browser: Any, live_server: str) -> Any:
    ctx = browser.new_context(viewport={"width": 1280, "height": 720})
    pg = ctx.new_page()
    origin = urlsplit(live_server).netloc
    pg.foreign = []  # type: ignore[attr-defined]
    pg.problems = []  # type: ignore[attr-defined]

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("data:", "blob:")) or urlsplit(url).netloc == origin:
            r.continue_()
        else:
            pg.foreign.append(url)  # type: ignore[attr-defined]
            r.abort()

    ctx.route("**/*", route)
    pg.on("pageerror", lambda e: pg.problems.append(f"error: {e}"))  # type: ignore[attr-defined]

    def console(m: Any) -> None:
        if "Content Security Policy" in m.text and not m.text.startswith("Loading the image"):
            pg.problems.append(m.text)  # type: ignore[attr-defined]

    pg.on("console", console)
    yield pg
    ctx.close()


def test_swagger_ui_renders_every_operation_offline(offline_page: Any, live_server: str) -> None:
    pg = offline_page
    pg.goto(live_server + "/docs")
    pg.wait_for_selector("#swagger-ui[data-state='ready'] .opblock", timeout=20000)
    paths = [p.inner_text() for p in pg.locator(".opblock-summary-path").all()]
    assert "/api/v1/incidents" in paths and "/api/v1/export" in paths
    assert not pg.foreign, f"/docs tried to reach {pg.foreign}"
    assert not pg.problems, pg.problems


def test_redoc_renders_the_reference_offline(offline_page: Any, live_server: str) -> None:
    pg = offline_page
    pg.goto(live_server + "/redoc")
    pg.wait_for_selector("#redoc[data-state='ready'] h1", timeout=20000)
    assert "eventlens" in pg.inner_text("#redoc h1")
    assert pg.locator("#redoc [data-section-id]").count() > 5
    assert not pg.foreign, f"/redoc tried to reach {pg.foreign}"
    assert not pg.problems, pg.problems

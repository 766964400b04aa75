"""Security headers on every response, and the API docs pages served offline.

Issue 16, item 12: the dashboard's policy was only a ``<meta>`` tag (which cannot forbid
framing), JSON answers had no ``nosniff``, and ``/docs`` and ``/redoc`` loaded their scripts,
styles and fonts from a CDN and Google Fonts, so they were blank without a network.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

BASE = "http://testserver"


class _Refs(HTMLParser):
    """Every URL an HTML page makes the browser fetch or point at: src, href, inline script text
    that names a URL, ``@import``/``url()`` in inline styles."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in = tag
        for name, value in attrs:
            if name in ("src", "href", "action", "data-spec-url", "data-openapi-url") and value:
                self.urls.append(value)
            if name == "style" and value:
                self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", value)

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in in ("script", "style"):
            self.urls += re.findall(r"(?:https?:)?//[^\s'\"`)]+", data)
            self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", data)


def _refs(html: str) -> list[str]:
    p = _Refs()
    p.feed(html)
    return p.urls


def _same_origin(url: str) -> bool:
    if url.startswith(("data:", "#")):
        return True
    return urlsplit(urljoin(BASE + "/", url)).netloc == "testserver"


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_docs_pages_reference_only_same_origin_urls(ro_client: Any, path: str) -> None:
    resp = ro_client.get(path)
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    urls = _refs(resp.text)
    assert urls, f"{path}: no script or stylesheet found in the page"
    foreign = [u for u in urls if not _same_origin(u)]
    assert not foreign, f"{path} loads from elsewhere: {foreign}"
    # and every same-origin asset it names is really served by the app
    for u in urls:
        if u.startswith(("data:", "#")):
            continue
        got = ro_client.get(urljoin(BASE + path, u))
        assert got.status_code == 200, f"{path} names {u}, which answers {got.status_code}"


def test_docs_pages_name_the_bundled_viewers(ro_client: Any) -> None:
    docs = _refs(ro_client.get("/docs").text)
    redoc = _refs(ro_client.get("/redoc").text)
    assert any(u.endswith("swagger-ui-bundle.js") for u in docs)
    assert any(u.endswith("swagger-ui.css") for u in docs)
    assert any(u.endswith("redoc.standalone.js") for u in redoc)
    assert "/openapi.json" in docs + redoc


def _csp(resp: Any) -> dict[str, str]:
    policy = resp.headers.get("content-security-policy", "")
    parts = [p.strip().split(None, 1) for p in policy.split(";") if p.strip()]
    return {p[0]: (p[1] if len(p) > 1 else "") for p in parts}


@pytest.mark.parametrize(
    "path",
    [
        pytest.param("/", id="dashboard-html"),
        pytest.param("/docs", id="swagger-html"),
        pytest.param("/redoc", id="redoc-html"),
        pytest.param("/api/v1/incidents", id="json"),
        pytest.param("/api/v1/incidents/NOPE0000", id="json-404"),
        pytest.param("/openapi.json", id="openapi"),
        pytest.param("/static/app.js", id="static-js"),
    ],
)
def test_security_headers_on_html_and_json(ro_client: Any, path: str) -> None:
    resp = ro_client.get(path)
    assert resp.headers.get("x-content-type-options") == "nosniff"
    assert resp.headers.get("referrer-policy") == "no-referrer"
    csp = _csp(resp)
    assert csp.get("frame-ancestors") == "'none'", resp.headers.get("content-security-policy")
    assert "default-src" in csp and "*" not in csp["default-src"]
    assert "'unsafe-eval'" not in resp.headers.get("content-security-policy", "")
    assert resp.headers.get("x-frame-options") == "DENY"


def test_the_policy_is_sent_once_and_not_only_as_a_meta_tag(ro_client: Any) -> None:
    resp = ro_client.get("/")
    assert len(resp.headers.get_list("content-security-policy")) == 1
    csp = _csp(resp)
    assert csp["script-src"] == "'self'"  # the dashboard runs no inline script
    assert "http-equiv" not in resp.text.lower()  # one policy, in the header


def test_headers_do_not_replace_a_routes_own(ro_client: Any) -> None:
    # The export route names its own content type; the wrapper adds, never overwrites.
    resp = ro_client.get("/api/v1/export", params={"format": "acled-csv"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    assert resp.headers.get("x-content-type-options") == "nosniff"


@pytest.mark.parametrize(
    ("tile_url", "source"),
    [
        pytest.param(
            "https://{s}.tiles.example.org/{z}/{x}/{y}.png", "https://*.tiles.example.org", id="subdomains"
        ),
        pytest.param("http://127.0.0.1:8080/{z}/{x}/{y}.png", "http://127.0.0.1:8080", id="port"),
        pytest.param("https://t{s}x.example.org/{z}/{x}/{y}.png", "https:", id="inexpressible"),
    ],
)
def test_a_configured_tile_server_is_the_only_foreign_image_source(
    ro_store: Any, tile_url: str, source: str
) -> None:
    from fastapi.testclient import TestClient

    from eventlens.api.app import Settings, create_app

    with TestClient(create_app(Settings(tile_url=tile_url), store=ro_store)) as c:
        csp = _csp(c.get("/"))
    assert csp["img-src"] == f"'self' data: {source}"
    assert csp["connect-src"] == "'self'" and csp["script-src"] == "'self'"

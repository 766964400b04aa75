"""The FastAPI application: the JSON API under ``/api/v1`` and the dashboard at ``/``.

``create_app(Settings(...))`` builds an app around one open store. ``eventlens serve`` runs it
with uvicorn; with several worker processes uvicorn needs an importable factory, so
:func:`app_from_env` rebuilds the same settings from ``EVENTLENS_*`` environment variables.

Settings are explicit and few: the database, whether reads need a key, whether the URL fetcher
may reach private addresses, and an optional online tile layer (the dashboard's basemap is the
bundled Natural Earth country shapes; no request leaves the machine unless a tile URL is set).
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from eventlens.errors import ConfigError, InputError, ReadOnlyStoreError, StoreError

log = logging.getLogger(__name__)

STATIC_DIR = Path(str(resources.files("eventlens.api").joinpath("static")))


@dataclass(frozen=True, slots=True)
class Settings:
    """How a server behaves. ``extract`` and ``fetch`` replace the default pipeline and fetcher
    (tests pass small ones); they take and return what :func:`eventlens.extract_many` and
    :func:`eventlens.read.fetch.fetch` do."""

    db_url: str | None = None
    read_requires_key: bool = False
    allow_private_fetch: bool = False
    fetch_timeout: float = 10.0
    fetch_max_bytes: int = 5_000_000
    tile_url: str | None = None
    tile_attribution: str | None = None
    extract: Callable[..., Any] | None = None
    fetch: Callable[..., Any] | None = None


def _truthy(v: str | None) -> bool:
    return (v or "").strip().lower() in ("1", "true", "yes", "on")


def settings_from_env() -> Settings:
    """Settings from ``EVENTLENS_DB``, ``EVENTLENS_READ_REQUIRES_KEY``, ``EVENTLENS_ALLOW_PRIVATE_FETCH``,
    ``EVENTLENS_TILE_URL`` and ``EVENTLENS_TILE_ATTRIBUTION``."""
    return Settings(
        db_url=os.environ.get("EVENTLENS_DB"),
        read_requires_key=_truthy(os.environ.get("EVENTLENS_READ_REQUIRES_KEY")),
        allow_private_fetch=_truthy(os.environ.get("EVENTLENS_ALLOW_PRIVATE_FETCH")),
        tile_url=os.environ.get("EVENTLENS_TILE_URL") or None,
        tile_attribution=os.environ.get("EVENTLENS_TILE_ATTRIBUTION") or None,
    )


def create_app(settings: Settings | None = None, *, store: Any = None) -> FastAPI:
    """The app for ``settings`` (default: from the environment). ``store`` may be passed open."""
    from eventlens import __version__
    from eventlens.api.routes import router, validation_error
    from eventlens.store import open as open_store

    settings = settings or settings_from_env()
    own_store = store is None
    st = store if store is not None else open_store(settings.db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if own_store:
            st.close()

    app = FastAPI(
        title="eventlens",
        version=__version__,
        description=(
            "Conflict-incident records read from news, with the evidence for every field. "
            "Reads are open unless the server requires a key; writes need an API key "
            "(`eventlens keys create`), sent as `Authorization: Bearer <key>` or `X-API-Key`."
        ),
        lifespan=lifespan,
        # Served below from the package (static/vendor), not from a CDN: they work offline.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = st
    app.state.settings = settings

    @app.exception_handler(InputError)
    async def _input_error(_req: Request, exc: InputError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(ConfigError)
    async def _config_error(_req: Request, exc: ConfigError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    for unavailable in (StoreError, sa.exc.OperationalError, sa.exc.InterfaceError):
        app.add_exception_handler(unavailable, _store_unavailable)  # type: ignore[arg-type]
    app.add_exception_handler(ReadOnlyStoreError, _store_read_only)  # type: ignore[arg-type]
    policy = content_security_policy(settings.tile_url)

    @app.exception_handler(Exception)
    async def _server_error(_req: Request, _exc: Exception) -> JSONResponse:
        # Starlette answers a 500 outside every middleware, so the headers are set here too;
        # it re-raises the exception afterwards for the server to log with its traceback.
        return JSONResponse(
            {"detail": "internal error; the server log has the details"},
            status_code=500,
            headers={k.decode(): v.decode() for k, v in security_headers(policy)},
        )

    app.add_exception_handler(RequestValidationError, validation_error)  # type: ignore[arg-type]
    app.include_router(router)
    app.add_middleware(AllowHeader, routes=list(router.routes))
    app.add_middleware(SecurityHeaders, policy=policy)
    _openapi_document(app, reads_need_key=settings.read_requires_key)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> FileResponse:
        return FileResponse(STATIC_DIR / "docs.html", media_type="text/html")

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> FileResponse:
        return FileResponse(STATIC_DIR / "redoc.html", media_type="text/html")

    return app


#: Seconds a client should wait before retrying when the database is unavailable.
RETRY_AFTER_SECONDS = 5


async def _store_unavailable(req: Request, exc: Exception) -> JSONResponse:
    """The database failed (locked past its timeout, gone, unreachable): a short 503 that says
    when to retry. The details (paths, URLs, driver messages) go to the log only (issue 16)."""
    log.warning("%s %s: store unavailable: %s", req.method, req.url.path, exc)
    return JSONResponse(
        {"detail": "the database is unavailable; try again shortly"},
        status_code=503,
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


async def _store_read_only(req: Request, exc: Exception) -> JSONResponse:
    """A write to a store that refuses every write (served from a read-only file or session):
    a 503 without Retry-After, since waiting does not help; reads go on working."""
    log.warning("%s %s: store is read-only: %s", req.method, req.url.path, exc)
    return JSONResponse(
        {"detail": "the database is read-only: reads work, writes are refused; ask the server's operator"},
        status_code=503,
    )


def content_security_policy(tile_url: str | None = None) -> str:
    """The one policy for every response (issue 16): everything from this server, no inline
    script, no framing. Styles may be inline (Leaflet, Swagger UI and Redoc set them); Redoc's
    search runs in a worker made from a ``blob:``. Images may come from the tile server when the
    operator configured one, and from nowhere else."""
    img = "'self' data:"
    if tile_url:
        img += " " + _tile_origin(tile_url)
    return (
        f"default-src 'self'; img-src {img}; style-src 'self' 'unsafe-inline'; script-src 'self'; "
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    )


def _tile_origin(tile_url: str) -> str:
    """The CSP source for a Leaflet tile template: ``https://{s}.tile.example/{z}/{x}/{y}.png``
    -> ``https://*.tile.example``. A template CSP cannot express falls back to its scheme."""
    import re
    from urllib.parse import urlsplit

    parts = urlsplit(tile_url)
    scheme = parts.scheme if parts.scheme in ("http", "https") else "https"
    host = re.sub(r"\{[^}]*\}", "*", parts.netloc)
    if re.fullmatch(r"(\*\.)?[A-Za-z0-9.-]+(:\d+)?", host):
        return f"{scheme}://{host}"
    return f"{scheme}:"


def security_headers(policy: str) -> list[tuple[bytes, bytes]]:
    """The browser-facing headers every response carries, 500s included."""
    return [
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
        (b"content-security-policy", policy.encode()),
    ]


class SecurityHeaders:
    """ASGI wrapper: the browser-facing headers on every response, HTML and JSON alike (issue 16).
    A header the route set itself is kept. ``Content-Security-Policy`` is a header, not only a
    ``<meta>`` tag, because ``frame-ancestors`` is ignored in a meta tag."""

    def __init__(self, app: Any, policy: str) -> None:
        self.app = app
        self.headers = security_headers(policy)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in have]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _openapi_document(app: FastAPI, *, reads_need_key: bool) -> None:
    """/openapi.json, made again when the UTC day changes: ``published``'s pattern states the days
    up to today. With ``reads_need_key`` it also says that reads need a key (the read dependency
    checks it)."""
    from eventlens import clock

    made_on: list[Any] = [None]

    def openapi() -> dict[str, Any]:
        today = clock.utcnow().date()
        if app.openapi_schema is None or made_on[0] != today:
            app.openapi_schema = None
            spec = FastAPI.openapi(app)  # builds the document and keeps it in app.openapi_schema
            for path, ops in spec.get("paths", {}).items():
                get = ops.get("get")
                if (
                    reads_need_key
                    and get is not None
                    and path.startswith("/api/v1/")
                    and path != "/api/v1/config"
                ):
                    get["security"] = [{"APIKeyHeader": []}, {"HTTPBearer": []}]
            made_on[0] = today
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


class AllowHeader:
    """ASGI wrapper: a 405 names every method the path accepts. Starlette's router answers from
    the first route whose path matches, so ``OPTIONS /api/v1/articles`` said only ``GET``
    although ``POST`` is there too (found by Schemathesis, check ST205)."""

    def __init__(self, app: Any, routes: list[Any]) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_allow(message: Any) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                from starlette.routing import Match

                methods: set[str] = set()
                for route in self.routes:
                    match, _ = route.matches({**scope, "method": "GET"})
                    if match != Match.NONE and getattr(route, "methods", None):
                        methods |= set(route.methods)
                if methods:
                    headers = [(k, v) for k, v in message["headers"] if k.lower() != b"allow"]
                    headers.append((b"allow", ", ".join(sorted(methods)).encode()))
                    message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_allow)


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory eventlens.api.app:app_from_env`` (multi-worker serving)."""
    return create_app(settings_from_env())

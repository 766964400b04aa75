"""The ``/api/v1`` endpoints. Each parses its input, calls one library function, shapes the answer.

Errors: a bad query or body is 422 (a value the schema refuses, a correction that does not fit
its field) or 400 (an article that cannot be read), an unknown id 404, a write without a key 401
and with a wrong or revoked key 403. Error bodies are short: an echoed input is cut to
:data:`ECHO_CHARS` characters, and no message names the store's URL or a path (issue 16 item 11).
Keys are never logged; the key's prefix names it in the audit trail of corrections.

The incident list is the hot path (the dashboard and the load benchmark hit it): it skips
pydantic and writes the JSON itself; its OpenAPI schema still comes from :class:`IncidentPage`.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from eventlens.api import schemas as s
from eventlens.api.cache import ResponseCache
from eventlens.api.keys import ApiKey, verify_key
from eventlens.api.posted import read_posted
from eventlens.errors import InputError, ReadOnlyStoreError, StoreError
from eventlens.store import queries
from eventlens.store.edits import EDITABLE, CorrectionError

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api/v1")

_api_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="An eventlens API key.")
_bearer = HTTPBearer(auto_error=False, description="An eventlens API key as a bearer token.")

_AUTH_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": s.Error, "description": "No API key was sent."},
    403: {"model": s.Error, "description": "The API key is unknown or revoked."},
}
_READ_RESPONSES: dict[int | str, dict[str, Any]] = {400: {"model": s.Error, "description": "A bad filter."}}
_422: dict[int | str, dict[str, Any]] = {
    422: {"model": s.ValidationErrors, "description": "A bad query string."}
}


#: At most this many characters of an input are echoed in an error (a 2.5 MB body once came back
#: whole in its 422).
ECHO_CHARS = 100


def _short(value: Any) -> Any:
    """An input as an error may echo it: scalars as they are, text cut to :data:`ECHO_CHARS`,
    anything else (an object, a list) as its cut JSON text."""
    if value is None or isinstance(value, bool | int | float):
        return value
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return text if len(text) <= ECHO_CHARS else f"{text[:ECHO_CHARS]}... ({len(text):,} characters)"


async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI's 422 body (``loc``, ``msg``, ``type``, ``input``), with each echoed input cut short."""
    issues = []
    for e in exc.errors():
        issue = {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))[:300], "type": e.get("type", "")}
        if "input" in e:
            issue["input"] = _short(e["input"])
        issues.append(issue)
    return JSONResponse({"detail": issues}, status_code=422)


def _no_incident(incident_id: str) -> HTTPException:
    """The 404 of an unknown incident id: the id (cut short) and where the ids are, never the store."""
    return HTTPException(404, f"{_short(incident_id)}: no such incident; list them at /api/v1/incidents")


def _cache(request: Request) -> ResponseCache:
    cache = getattr(request.app.state, "response_cache", None)
    if cache is None:
        import os

        ttl = float(os.environ.get("EVENTLENS_API_CACHE_TTL", "2"))
        cache = request.app.state.response_cache = ResponseCache(ttl=ttl)
    return cache


def _store(request: Request) -> Any:
    return request.app.state.store


def _check_key(request: Request, key: str | None, cred: HTTPAuthorizationCredentials | None) -> ApiKey:
    presented = key or (cred.credentials if cred else None)
    if not presented:
        raise HTTPException(
            401,
            "this endpoint needs an API key: send `Authorization: Bearer <key>` or `X-API-Key: <key>` "
            "(make one with `eventlens keys create`)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    found = verify_key(_store(request), presented)
    if found is None:
        raise HTTPException(
            403, "API key not accepted (unknown or revoked); check it with `eventlens keys list`"
        )
    return found


def require_write_key(
    request: Request,
    key: Annotated[str | None, Security(_api_key)] = None,
    cred: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)] = None,
) -> ApiKey:
    return _check_key(request, key, cred)


def require_read_access(request: Request) -> None:
    """Reads are open unless the server says otherwise. The headers are read here rather than
    through ``Security`` so the OpenAPI document does not claim open reads need a key; with
    ``read_requires_key`` the app adds the security requirement to the document itself."""
    if request.app.state.settings.read_requires_key:
        auth = request.headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        cred = (
            HTTPAuthorizationCredentials(scheme="Bearer", credentials=token.strip())
            if scheme.lower() == "bearer" and token.strip()
            else None
        )
        _check_key(request, request.headers.get("x-api-key"), cred)


# --------------------------------------------------------------------------- filters


def _text(v: str) -> str:
    """Query text as the database can take it: NUL never occurs in stored text (and PostgreSQL
    refuses it), so it is dropped rather than turned into a server error."""
    return v.replace("\x00", "").strip()


def _clean(values: list[str] | None) -> tuple[str, ...]:
    return tuple(p for v in values or () for p in (_text(x) for x in v.split(",")) if p)


_NUM = r"-?[0-9]{1,3}(\.[0-9]{1,12})?"
BBOX_PATTERN = rf"^{_NUM},{_NUM},{_NUM},{_NUM}$"


def _bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north``; values past the poles or the antimeridian are clamped (the
    filter reads the latitudes in either order)."""
    if raw is None or not raw.strip():
        return None
    try:
        w, s_, e, n = (float(x) for x in raw.split(","))
    except ValueError:
        raise InputError("bbox", f"{raw[:80]!r}: write four numbers west,south,east,north") from None

    def clamp(v: float, lim: float) -> float:
        return max(-lim, min(lim, v))

    return clamp(w, 180), clamp(s_, 90), clamp(e, 180), clamp(n, 90)


_Precision = list[Annotated[int, Field(ge=1, le=3)]] | None


def _iso_date(v: Any) -> Any:
    """Only YYYY-MM-DD: pydantic alone would read "0" as a Unix time (1970-01-01)."""
    if isinstance(v, str) and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", v):
        raise ValueError("write the day as YYYY-MM-DD")
    return v


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


class IncidentQuery(BaseModel):
    """The incident filters as one query-parameter model: FastAPI validates it in one pydantic
    call instead of fourteen (a third of the list endpoint's CPU, see bench/api_load.py)."""

    model_config = ConfigDict(extra="ignore")

    date_from: IsoDate | None = Field(None, description="Incidents on or after this day (YYYY-MM-DD).")
    date_to: IsoDate | None = Field(None, description="Incidents on or before this day (YYYY-MM-DD).")
    bbox: str | None = Field(
        None,
        pattern=BBOX_PATTERN,
        description="west,south,east,north in degrees. West > east is a box crossing the antimeridian "
        "(170,-20,-170,-10 spans 20 degrees of longitude around 180); the two latitudes may come in "
        "either order (40,52,30,44 is the box from 44 to 52 degrees north).",
    )
    country: list[str] | None = Field(
        None, description="Country names or ISO3 codes (repeat or comma-separate)."
    )
    iso: list[str] | None = Field(None, description="ISO3 codes (same as country).")
    admin1: list[str] | None = None
    event_type: list[str] | None = Field(None, description="ACLED event types.")
    sub_event_type: list[str] | None = Field(None, description="ACLED sub-event types.")
    actor: str | None = Field(None, max_length=200, description="Part of any actor name.")
    min_sources: int | None = Field(None, ge=0, le=100_000, description="At least this many publishers.")
    min_confidence: float | None = Field(None, ge=0.0, le=1.0)
    geo_precision: _Precision = Field(None, description="ACLED geo_precision codes (1 = town).")
    time_precision: _Precision = Field(None, description="ACLED time_precision codes (1 = day).")
    role: Literal["reported", "background"] | None = Field(
        None, description="reported: at least one article reports it as news; background: only ever recalled."
    )

    def to_filter(self) -> queries.IncidentFilter:
        return queries.IncidentFilter(
            date_from=self.date_from,
            date_to=self.date_to,
            bbox=_bbox(self.bbox),
            country=_clean(self.country) + _clean(self.iso),
            admin1=_clean(self.admin1),
            event_type=_clean(self.event_type),
            sub_event_type=_clean(self.sub_event_type),
            actor=_text(self.actor) or None if self.actor else None,
            min_sources=self.min_sources,
            min_confidence=self.min_confidence,
            geo_precision=tuple(self.geo_precision or ()),
            time_precision=tuple(self.time_precision or ()),
            role=self.role,
        )


class PagedIncidentQuery(IncidentQuery):
    limit: int = Field(100, ge=1, le=queries.MAX_LIMIT)
    cursor: str | None = Field(
        None, pattern=queries.CURSOR_PATTERN, description="next_cursor of the previous page."
    )


def _query_parameters(model: type[BaseModel]) -> list[dict[str, Any]]:
    """OpenAPI query parameters for ``model``'s fields (for endpoints that parse their own)."""
    out = []
    for name, prop in model.model_json_schema()["properties"].items():
        prop = dict(prop)
        desc = prop.pop("description", None)
        prop.pop("title", None)
        if "anyOf" in prop:
            branches = [b for b in prop.pop("anyOf") if b.get("type") != "null"]
            prop.update(branches[0])
        if prop.get("default") is None:
            prop.pop("default", None)
        param: dict[str, Any] = {"name": name, "in": "query", "required": False, "schema": prop}
        if prop.get("type") == "array":
            param.update(style="form", explode=True)
        if desc:
            param["description"] = desc
        out.append(param)
    return out


def _parse_query(request: Request, model: type[BaseModel]) -> Any:
    """Validate the query string against ``model`` in one pydantic call; errors are FastAPI's 422."""
    lists = _LIST_FIELDS.get(model)
    if lists is None:
        props = model.model_json_schema()["properties"]
        lists = _LIST_FIELDS[model] = frozenset(n for n, p in props.items() if "array" in json.dumps(p))
    qp = request.query_params
    data: dict[str, Any] = {}
    repeated: list[dict[str, Any]] = []
    for key in qp.keys():
        if key in model.model_fields:
            values = qp.getlist(key)
            data[key] = values if key in lists else values[-1]
            if key not in lists and len(values) > 1:  # which one was meant? (Schemathesis ST201)
                repeated.append(
                    {"loc": ("query", key), "msg": "give this parameter once", "type": "value_error"}
                )
    if repeated:
        raise RequestValidationError(repeated)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("query", *e["loc"])} for e in exc.errors(include_url=False, include_context=False)]
        ) from None


_LIST_FIELDS: dict[type[BaseModel], frozenset[str]] = {}


class CountQuery(IncidentQuery):
    by: Literal["day", "type", "sub_type", "country"] = "day"


class ExportQuery(IncidentQuery):
    format: Literal["acled-csv", "geojson", "jsonl", "parquet", "geoparquet"] = "acled-csv"


_ArticleCursor = Annotated[
    str | None, Query(pattern=queries.ARTICLE_CURSOR_PATTERN, description="next_cursor of the previous page.")
]


def _utc(v: Any) -> Any:
    """Store times are naive UTC; say so on the wire (RFC 3339 needs an offset)."""
    if isinstance(v, datetime) and v.tzinfo is None:
        return v.replace(tzinfo=UTC)
    return v


def _api_json(v: Any) -> Any:
    if isinstance(v, datetime):
        return _utc(v).isoformat().replace("+00:00", "Z")
    if isinstance(v, date):
        return v.isoformat()
    raise TypeError(f"{type(v).__name__} is not JSON serialisable")


def _dumps(payload: Any) -> bytes:
    """JSON for the hot path: orjson (about ten times the standard encoder, measured with
    bench/api_load.py) writes dates as ISO and naive store times as UTC with a Z."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is a dependency; stay correct without it
        return json.dumps(payload, default=_api_json, ensure_ascii=False, separators=(",", ":")).encode()
    # NON_STR_KEYS: column names come as SQLAlchemy quoted_name, a str subclass.
    return orjson.dumps(payload, option=orjson.OPT_NAIVE_UTC | orjson.OPT_UTC_Z | orjson.OPT_NON_STR_KEYS)


def _utc_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: _utc(v) for k, v in r.items()} for r in rows]


# --------------------------------------------------------------------------- reading


@router.get(
    "/incidents",
    response_model=s.IncidentPage,
    responses=_READ_RESPONSES
    | _AUTH_RESPONSES
    | {422: {"model": s.ValidationErrors, "description": "Bad query."}},
    dependencies=[Depends(require_read_access)],
    tags=["incidents"],
    openapi_extra={"parameters": _query_parameters(PagedIncidentQuery)},
)
def list_incidents(request: Request) -> Response:
    """Active incidents matching every filter, newest first, a page at a time (keyset pagination)."""
    # The hot path parses its own query string (one pydantic call; FastAPI's per-parameter
    # parsing was a third of the CPU per request, bench/api_load.py); same rules, same 422s.
    cache = _cache(request)
    key = "incidents?" + "&".join(sorted(f"{k}={v}" for k, v in request.query_params.multi_items()))
    body = cache.get(key)
    if body is None:
        q = _parse_query(request, PagedIncidentQuery)
        page = queries.incidents_page(_store(request), q.to_filter(), limit=q.limit, cursor=q.cursor)
        body = _dumps({"items": page.rows, "next_cursor": page.next_cursor, "limit": q.limit})
        cache.put(key, body)
    return Response(body, media_type="application/json")


@router.get(
    "/incidents/{incident_id}",
    response_model=s.IncidentDetail,
    responses={404: {"model": s.Error, "description": "No incident has this id."}} | _AUTH_RESPONSES,
    dependencies=[Depends(require_read_access)],
    tags=["incidents"],
)
def get_incident(request: Request, incident_id: str) -> dict[str, Any]:
    """One incident with its mentions, corrections, toll history, and the articles (full text) that
    reported it: every evidence span is a pair of offsets into one of those texts."""
    try:
        out = queries.incident_detail(_store(request), _text(incident_id))
    except StoreError:
        raise _no_incident(incident_id) from None
    out = {k: _utc(v) for k, v in out.items()}
    for key in ("articles", "corrections", "toll_history"):
        out[key] = _utc_rows(out[key])
    return out


@router.get(
    "/counts",
    response_model=s.Counts,
    responses=_READ_RESPONSES | _AUTH_RESPONSES | _422,
    dependencies=[Depends(require_read_access)],
    tags=["incidents"],
    openapi_extra={"parameters": _query_parameters(CountQuery)},
)
def get_counts(request: Request) -> dict[str, Any]:
    """Incidents and fatalities per day, event type, sub-event type or country, for charts."""
    q = _parse_query(request, CountQuery)
    rows = queries.counts(_store(request), q.to_filter(), q.by)
    return {"by": q.by, "total": sum(r["count"] for r in rows), "rows": rows}


@router.get(
    "/places",
    response_model=list[s.PlaceHit],
    responses=_READ_RESPONSES | _AUTH_RESPONSES,
    dependencies=[Depends(require_read_access)],
    tags=["places"],
)
def get_places(
    request: Request,
    q: Annotated[
        str, Query(min_length=1, max_length=100, description="Start of a place, admin1 or country name.")
    ],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> list[dict[str, Any]]:
    """Places incidents were located at, for autocomplete (most incidents first)."""
    return queries.places(_store(request), _text(q), limit=limit)


@router.get(
    "/articles",
    response_model=s.ArticlePage,
    responses=_READ_RESPONSES | _AUTH_RESPONSES,
    dependencies=[Depends(require_read_access)],
    tags=["articles"],
)
def list_articles(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 50,
    cursor: _ArticleCursor = None,
) -> dict[str, Any]:
    """Stored articles, most recently stored first."""
    page = queries.articles_page(_store(request), limit=limit, cursor=cursor)
    return {"items": _utc_rows(page.rows), "next_cursor": page.next_cursor, "limit": limit}


@router.get(
    "/articles/{article_id}",
    response_model=s.ArticleDetail,
    responses={404: {"model": s.Error, "description": "No article has this id."}} | _AUTH_RESPONSES,
    dependencies=[Depends(require_read_access)],
    tags=["articles"],
)
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    """One stored article: its text and the records read from it."""
    a = queries.article(_store(request), _text(article_id))
    if a is None:
        raise HTTPException(404, f"{_short(article_id)}: no such article; list them at /api/v1/articles")
    return {k: _utc(v) for k, v in a.items()}


_EXPORT_CONTENT = {
    "text/csv": {"schema": {"type": "string"}},
    "application/geo+json": {"schema": {"type": "object"}},
    "application/x-ndjson": {"schema": {"type": "string"}},
    "application/vnd.apache.parquet": {"schema": {"type": "string", "format": "binary"}},
}


@router.get(
    "/export",
    response_class=StreamingResponse,
    responses={200: {"content": _EXPORT_CONTENT, "description": "The export, streamed."}}
    | _READ_RESPONSES
    | _AUTH_RESPONSES
    | _422,
    dependencies=[Depends(require_read_access)],
    tags=["incidents"],
    openapi_extra={"parameters": _query_parameters(ExportQuery)},
)
def export_incidents(request: Request) -> StreamingResponse:
    """Every matching incident as ACLED CSV (ACLED's 31 columns), GeoJSON, JSON lines, Parquet or
    GeoParquet, streamed as it is read."""
    from eventlens.jobs.export import FORMATS, stream

    q = _parse_query(request, ExportQuery)
    media, ext = FORMATS[q.format]
    rows = queries.iter_incidents(_store(request), q.to_filter())
    return StreamingResponse(
        stream(rows, q.format),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="incidents.{ext}"'},
    )


@router.get("/config", response_model=s.ApiConfig, tags=["meta"])
def get_config(request: Request) -> dict[str, Any]:
    """What the dashboard needs to know about this server."""
    from eventlens import __version__
    from eventlens.taxonomy import EVENT_TYPES, INTER_CODES

    st = request.app.state.settings
    return {
        "version": __version__,
        "read_requires_key": st.read_requires_key,
        "tile_url": st.tile_url,
        "tile_attribution": st.tile_attribution,
        "event_types": {k: list(v) for k, v in EVENT_TYPES.items()},
        "event_type_colours": dict(zip(EVENT_TYPES, s.TYPE_PALETTE, strict=True)),
        "actor_kinds": {str(code): name for code, name in INTER_CODES.items()},
    }


# --------------------------------------------------------------------------- writing


@router.post(
    "/articles",
    response_model=s.ArticleOut,
    responses={400: {"model": s.Error, "description": "The article cannot be read or fetched."}}
    | _AUTH_RESPONSES
    | {
        422: {
            "model": s.ValidationErrors,
            "description": "The body breaks the schema, or `published` is before 1900 or more than a "
            "day after the server's clock (a bound JSON Schema cannot state).",
        },
        503: {"model": s.Error, "description": "URL fetching is not available."},
    },
    tags=["articles"],
)
def post_article(
    request: Request, body: s.ArticleIn, key: Annotated[ApiKey, Depends(require_write_key)]
) -> dict[str, Any]:
    """Read one article (text, HTML, or a URL to fetch), extract its incident records and, unless
    ``store`` is false, store them. Records have the same shape as ``eventlens extract``'s."""
    from eventlens.store import article_key, ingest

    settings = request.app.state.settings
    art = read_posted(body, settings)
    extract = settings.extract
    if extract is None:
        from eventlens import extract_many as extract
    (res,) = list(extract([art], published=body.published))
    if res.error is not None:
        raise res.error
    art = res.article or art
    records = [ev.to_dict() for ev in res.events]
    stored = False
    incident_ids: list[str] = []
    aid = article_key(art.text, art.url)
    if body.store:
        store = _store(request)
        summary = ingest(store, [res])
        _cache(request).clear()
        stored = summary.articles_new > 0
        if summary.failures:
            raise HTTPException(400, f"{art.id}: could not be stored; see the store's failures table")
        incident_ids = queries.incident_ids_of_article(store, aid)
    log.info("article %s posted with key %s: %d records", aid[:12], key.prefix, len(records))
    return {
        "article_id": aid,
        "title": art.title,
        "url": art.url,
        "published": _utc(art.published),
        "language": art.language,
        "text": art.text,
        "records": records,
        "stored": stored,
        "incident_ids": incident_ids,
    }


@router.post(
    "/incidents/{incident_id}/corrections",
    response_model=s.IncidentDetail,
    responses={
        400: {"model": s.Error, "description": "The incident changed or went while it was corrected."},
        404: {"model": s.Error, "description": "No incident has this id."},
        422: {
            "model": s.ValidationErrors,
            "description": "A field cannot be edited or the value does not fit it (nothing is stored).",
        },
    }
    | _AUTH_RESPONSES,
    tags=["incidents"],
)
def correct_incident(
    request: Request,
    incident_id: str,
    body: s.CorrectionIn,
    key: Annotated[ApiKey, Depends(require_write_key)],
) -> dict[str, Any]:
    """Correct fields of an incident. Each change is kept with who (the key's name), why and when,
    and survives later merges of new reports into the incident."""
    from eventlens.store import edit
    from eventlens.store.edits import check_changes

    store = _store(request)
    incident_id = _text(incident_id)
    try:
        queries.incident_seq(store, incident_id)
    except StoreError:
        raise _no_incident(incident_id) from None
    try:
        changes = check_changes(incident_id, body.changes.model_dump(exclude_unset=True, mode="json"))
        edit(store, incident_id, changes, _text(body.reason) or "-", f"{key.name} (key {key.prefix})")
        _cache(request).clear()
    except CorrectionError as exc:  # refused by validation, like a value the schema refuses: 422
        loc = ("body", "changes", *([exc.source] if exc.source in EDITABLE else []))
        raise RequestValidationError([{"loc": loc, "msg": exc.reason, "type": "value_error"}]) from None
    except StoreError as exc:
        if isinstance(exc, ReadOnlyStoreError):
            raise  # the app's 503: no retry or refetch helps
        log.warning("correction of %s not stored: %s", incident_id, exc)
        raise InputError(incident_id, "not corrected: the incident changed or went; fetch it again") from None
    return get_incident(request, incident_id)

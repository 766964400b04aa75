"""The HTTP API's request and response shapes (pydantic, at the edge only).

Internals pass plain dicts and frozen dataclasses; these models exist so the OpenAPI document at
``/openapi.json`` says exactly what comes back (Schemathesis checks every response against it).
An extraction record is the same JSON object ``eventlens extract`` prints
(:meth:`eventlens.types.Event.to_dict`), typed here as an open object so the two cannot drift.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    create_model,
    field_validator,
    model_validator,
)

from eventlens.pipeline import MAX_TEXT_CHARS


class ValidationIssue(BaseModel):
    loc: list[str | int]
    msg: str
    type: str
    input: Any = None


class ValidationErrors(BaseModel):
    """FastAPI's 422 body: what was wrong with which parameter."""

    detail: list[ValidationIssue]


class Error(BaseModel):
    detail: str = Field(description="What was wrong and what to do about it.")


class Incident(BaseModel):
    """One incident: ACLED's columns in ACLED's order, then eventlens's own."""

    event_id_cnty: str
    event_date: date | None = None
    year: int | None = None
    time_precision: int | None = None
    disorder_type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    iso: str | None = None
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str | None = None
    source_scale: str | None = None
    notes: str | None = None
    fatalities: int | None = None
    tags: str | None = None
    date_end: date | None = None
    date_precision: str | None = None
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    injured: int | None = None
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    source_count: int = 0
    article_count: int = 0
    mention_count: int = 0
    confidence: float | None = None
    updated_at: datetime | None = None


class IncidentPage(BaseModel):
    items: list[Incident]
    next_cursor: str | None = Field(None, description="Pass as ?cursor= for the next page; null on the last.")
    limit: int


class Mention(BaseModel):
    """One report of the incident: the record as extracted from one article, with its evidence."""

    id: str
    article_id: str
    record: dict[str, Any] = Field(description="The extraction record, as `eventlens extract` prints it.")
    evidence: list[dict[str, Any]] | None = None


class ArticleSummary(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    source: str | None = None
    published: datetime | None = None
    language: str | None = None
    event_count: int = 0
    stored_at: datetime


class ArticleText(ArticleSummary):
    text: str = Field(description="The article text every evidence span's offsets point into (untrusted).")


class ArticleMention(BaseModel):
    id: str
    incident_id: str | None = None
    role: str | None = None
    record: dict[str, Any]


class ArticleDetail(ArticleText):
    mentions: list[ArticleMention]


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    next_cursor: str | None = None
    limit: int


class Correction(BaseModel):
    field: str
    old_value: Any = None
    new_value: Any = None
    who: str
    why: str
    at: datetime


class TollChange(BaseModel):
    fatalities: int | None = None
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    article_id: str | None = None
    reported_at: datetime | None = None
    recorded_at: datetime


class IncidentDetail(Incident):
    requested_id: str = Field(
        description="The id asked for; differs from event_id_cnty when it was merged away."
    )
    mentions: list[Mention]
    articles: list[ArticleText]
    corrections: list[Correction]
    toll_history: list[TollChange]


class CountRow(BaseModel):
    key: str | None = Field(description="The day (YYYY-MM-DD), event type, sub-event type or ISO3 code.")
    label: str | None = Field(None, description="The country name, for by=country.")
    count: int
    fatalities: int


class Counts(BaseModel):
    by: Literal["day", "type", "sub_type", "country"]
    total: int
    rows: list[CountRow]


class PlaceHit(BaseModel):
    location: str | None = None
    admin1: str | None = None
    country: str | None = None
    iso: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    incidents: int


_H = "[0-9A-Fa-f]{1,4}"
#: An IPv6 address in brackets, in the forms Python's ``ipaddress`` (hence ``urlsplit``) takes:
#: eight groups, or fewer around one ``::``. Without it the pattern took ``[1:]``, which the API
#: echoed and ``urlsplit`` cannot split (it stopped a Schemathesis run). Embedded IPv4 and zone
#: ids are left out (refused by both the document and the API).
_IPV6 = (
    rf"(?:(?:{_H}:){{7}}{_H}|(?:{_H}:){{1,7}}:|(?:{_H}:){{1,6}}:{_H}|(?:{_H}:){{1,5}}(?::{_H}){{1,2}}"
    rf"|(?:{_H}:){{1,4}}(?::{_H}){{1,3}}|(?:{_H}:){{1,3}}(?::{_H}){{1,4}}|(?:{_H}:){{1,2}}(?::{_H}){{1,5}}"
    rf"|{_H}:(?::{_H}){{1,6}}|:(?:(?::{_H}){{1,7}}|:))"
)
#: What ``url`` takes: an absolute http(s) URL with a host name or address and an optional port
#: (the fetcher reads nothing else). Unicode host names are taken; the fetcher encodes them.
#: No ``\s``: it means other characters in Python than in JSON Schema's dialect (U+001C-U+001F,
#: U+0085), so spaces and control characters are named.
URL_PATTERN = (
    r"^[Hh][Tt][Tt][Pp][Ss]?://(?:[^\x00-\x20\x7f/?#:@\[\]]+|\[" + _IPV6 + r"\])"
    r"(?::(?:[0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?"
    r"(?:[/?#][^\x00-\x20\x7f]*)?$"
)
_URL = re.compile(URL_PATTERN)


def _final_newline_dropped(value: Any) -> Any:
    """A pattern's ``$`` matches before a final newline in Python (which Schemathesis generates
    from), though not in JSON Schema's dialect: the API reads the value without it."""
    return value[:-1] if isinstance(value, str) and value.endswith("\n") else value


def _published_schema(schema: dict[str, Any]) -> None:
    """``published`` in the OpenAPI document: the rule as a pattern (no ``format``: the range
    is in the pattern, which a date-time format would only widen)."""
    from eventlens.clock import utcnow
    from eventlens.read.timestamps import published_pattern

    schema.pop("format", None)
    schema["pattern"] = published_pattern(utcnow().date())


class ArticleIn(BaseModel):
    """An article to read: ``text`` or ``html``, or only a ``url`` to fetch."""

    # The schema states the rule, so a client (and Schemathesis) can see what is accepted.
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "anyOf": [{"required": ["text"]}, {"required": ["html"]}, {"required": ["url"]}],
            "not": {"required": ["text", "html"]},
        },
    )

    text: str = Field(  # type: ignore[assignment]
        None,
        min_length=1,
        max_length=MAX_TEXT_CHARS,
        description=f"Plain article text, at most {MAX_TEXT_CHARS:,} characters (the CLI's limit too).",
    )
    html: str = Field(None, min_length=1, max_length=5_000_000, description="An article page's HTML.")  # type: ignore[assignment]
    url: str = Field(  # type: ignore[assignment]
        None,
        min_length=1,
        max_length=2000,
        description="An absolute http(s) URL. With neither text nor html: fetch this page (public "
        "addresses only unless the server allows private ones). With text or html: where it came from.",
        json_schema_extra={"pattern": URL_PATTERN},
    )
    title: str = Field(None, max_length=2000)  # type: ignore[assignment]
    published: datetime = Field(  # type: ignore[assignment]
        None,
        description="Publication time, an ISO 8601 date or date-time (2021-10-31, 2021-10-31T09:21, "
        "...Z, ...+03:00); overrides what the page says. From 1900 to at most a day after the server's "
        "clock, as the CLI's --published: the pattern states the days up to today (UTC) when this "
        "document was made; a time up to a day ahead (a newsroom east of UTC) is taken too.",
        json_schema_extra=_published_schema,
    )
    # strict: JSON true/false only (0, "no" and "off" were taken as false: Schemathesis ST201)
    store: StrictBool = Field(True, description="Also store the article and its incidents.")

    @field_validator("published", mode="before")
    @classmethod
    def _published_is_iso(cls, value: Any) -> Any:
        # ISO 8601 only, as the schema's pattern says: pydantic also reads a number, or a string of
        # digits ("0"), as seconds since 1970 (Schemathesis ST201: "published": 0 passed)
        from eventlens.read.timestamps import ISO_SHAPE

        text = _final_newline_dropped(value)
        if not isinstance(text, str) or not ISO_SHAPE.fullmatch(text):
            raise ValueError("give an ISO 8601 date or date-time string, e.g. 2021-10-31T09:21")
        return text

    @field_validator("url", mode="before")
    @classmethod
    def _url_is_http(cls, value: Any) -> Any:
        text = _final_newline_dropped(value)
        if isinstance(text, str) and not _URL.fullmatch(text):
            raise ValueError("give an absolute http(s) URL, e.g. https://example.org/news/1")
        return text

    @field_validator("published")
    @classmethod
    def _published_in_range(cls, value: datetime | None) -> datetime | None:
        from eventlens.read.timestamps import check_published_range

        return None if value is None else check_published_range(value)

    @model_validator(mode="after")
    def _one_input(self) -> ArticleIn:
        given = (self.text is not None) + (self.html is not None)
        if given > 1 or (given == 0 and not self.url):
            raise ValueError("give text or html, or only a url to fetch")
        return self


class ArticleOut(BaseModel):
    article_id: str = Field(description="The store's id of the article (sha256 of text and canonical URL).")
    title: str | None = None
    url: str | None = None
    published: datetime | None = None
    language: str | None = None
    text: str
    records: list[dict[str, Any]] = Field(
        description="Extraction records, as `eventlens extract` prints them."
    )
    stored: bool = Field(
        description="True when this call stored the article (false if it was already there)."
    )
    incident_ids: list[str] = Field(description="The incidents the records were filed under (when stored).")


def _number_only(v: Any) -> Any:
    """A JSON number, as the schema says: not true/false, and not a string of digits ("3" was
    stored as 3, where `eventlens edit --set fatalities='"3"'` refuses it)."""
    if isinstance(v, bool):
        raise ValueError("give a number, not true/false")
    if isinstance(v, str):
        raise ValueError(f"give a number, not a string ({v[:20]!r})")
    return v


def _changes_model() -> type[BaseModel]:
    """The editable fields with their column types, so the schema says exactly what a correction
    may hold (and Schemathesis can check that everything it admits is accepted)."""
    import sqlalchemy as sa

    from eventlens.store import schema as t
    from eventlens.store.incidents import EDITABLE

    bounds = {"latitude": (-90.0, 90.0), "longitude": (-180.0, 180.0), "confidence": (0.0, 1.0)}
    fields: dict[str, Any] = {}
    for name in sorted(EDITABLE):
        typ = t.incidents.c[name].type
        ann: Any
        if isinstance(typ, sa.Integer):
            ann = Annotated[int, Field(ge=-(2**31 - 1), le=2**31 - 1), BeforeValidator(_number_only)]
        elif isinstance(typ, sa.Float):
            lo, hi = bounds.get(name, (-1e12, 1e12))
            ann = Annotated[float, Field(ge=lo, le=hi, allow_inf_nan=False), BeforeValidator(_number_only)]
        elif isinstance(typ, sa.Date):
            ann = date
        else:
            ann = Annotated[str, Field(max_length=getattr(typ, "length", None) or 20_000)]
        fields[name] = (ann | None, None)
    model = create_model(
        "IncidentChanges",
        __config__=ConfigDict(extra="forbid", json_schema_extra={"minProperties": 1}),
        **fields,
    )

    def _some(self: Any) -> Any:
        if not self.model_fields_set:
            raise ValueError("give at least one field to change")
        return self

    return create_model(
        "IncidentChanges",
        __base__=model,
        __validators__={"_some": model_validator(mode="after")(_some)},
    )


IncidentChanges = _changes_model()


class CorrectionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    changes: IncidentChanges = Field(description='Fields to set, e.g. {"fatalities": 3}; null clears one.')  # type: ignore[valid-type]
    reason: str = Field(min_length=1, max_length=2000, description="Why: kept in the audit trail.")


#: The dashboard's colour for each event type, in the taxonomy's order (the dashboard reads them
#: from /config, so a renamed or added type cannot lose its colour there).
TYPE_PALETTE = ("#d62728", "#ff7f0e", "#9467bd", "#1f77b4", "#e377c2", "#7f7f7f")


class ApiConfig(BaseModel):
    version: str
    read_requires_key: bool
    tile_url: str | None = Field(None, description="Online tile layer, only when the server configures one.")
    tile_attribution: str | None = None
    event_types: dict[str, list[str]]
    event_type_colours: dict[str, str] = Field(description="The dashboard's colour of each event type.")
    actor_kinds: dict[str, str] = Field(
        description="ACLED's kinds of actor by inter code (the records' inter1/inter2): 1 State forces ..."
    )

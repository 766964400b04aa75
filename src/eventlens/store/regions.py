"""ACLED's region of a country ("Middle East", "Eastern Africa" ...), for the ``region`` column.

The table is ``data/acled_regions.tsv`` (see its header and ``tools/make_acled_regions.py`` for
where each row comes from: ACLED's own published rows first, ACLED's region definitions for the
rest). Looked up by ISO 3166 alpha-3 code (what the store keeps in ``iso``) or by country name.
"""

from __future__ import annotations

import csv
import importlib.resources
from functools import cache
from typing import Any


@cache
def _table() -> tuple[dict[str, str], dict[str, str]]:
    by_iso3: dict[str, str] = {}
    by_name: dict[str, str] = {}
    text = importlib.resources.files("eventlens").joinpath("data/acled_regions.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        by_iso3[row["iso3"]] = row["region"]
        by_name[row["country"].casefold()] = row["region"]
    return by_iso3, by_name


def acled_regions() -> frozenset[str]:
    """Every region name ACLED uses."""
    return frozenset(_table()[0].values())


def region_of(iso3: str | None = None, country: str | None = None) -> str | None:
    """ACLED's region for a country given by alpha-3 code or name; None when unknown."""
    by_iso3, by_name = _table()
    if iso3 and (hit := by_iso3.get(iso3.strip().upper())):
        return hit
    if country:
        return by_name.get(country.strip().casefold())
    return None


def with_region(row: dict[str, Any]) -> dict[str, Any]:
    """The incident row with ACLED's ``region`` filled in from its country when the store has
    none: the one place the API's incident JSON and every export get it from."""
    if row.get("region") or not (row.get("iso") or row.get("country")):
        return row
    region = region_of(row.get("iso"), row.get("country"))
    return {**row, "region": region} if region else row

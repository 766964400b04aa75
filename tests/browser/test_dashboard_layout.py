"""The dashboard's layout at a laptop's 1280 x 720 and a phone's 390 x 844, and an incident
panel a person can read (issue 16, item 13): every table column in view, the panels stacked on
a phone, timeline labels apart, words never broken in the middle, fields named in words
("Kind of actor: State forces", "Source: Reuters") instead of ACLED's column names and codes."""

from __future__ import annotations

import re
from typing import Any

import pytest
from browser_waits import open_incident

from eventlens.taxonomy import INTER_CODES

# Every word of a text node on one line: a Range per word, counted by its line boxes.
_BROKEN_WORDS = """(root) => {
  const broken = [];
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    const re = /\\S+/g;
    for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
      const r = document.createRange();
      r.setStart(node, m.index);
      r.setEnd(node, m.index + m[0].length);
      const lines = new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top)));
      if (lines.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""


def _box(page: Any, selector: str) -> dict[str, float]:
    return page.locator(selector).first.bounding_box()


def _page_width(page: Any) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_every_table_column_is_in_view_at_1280(page: Any) -> None:
    assert _page_width(page) <= 1280, "the page scrolls sideways"
    wrap = _box(page, "#table-wrap")
    cells = (
        page.locator("#incidents thead th").all()
        + page.locator("#incidents tbody tr").first.locator("td").all()
    )
    names = [th.inner_text() for th in page.locator("#incidents thead th").all()]
    assert {"Killed", "Src", "Conf."} <= set(names)
    for cell in cells:
        b = cell.bounding_box()
        assert b["x"] >= wrap["x"] - 1 and b["x"] + b["width"] <= min(1280, wrap["x"] + wrap["width"]) + 1, (
            f"{cell.inner_text()!r} ends at {b['x'] + b['width']:.0f} px"
        )
    scroll = page.locator("#table-wrap").evaluate("(e) => e.scrollWidth - e.clientWidth")
    assert scroll <= 0, f"the table is {scroll} px wider than its panel"


def test_phone_stacks_the_panels_and_keeps_the_table_in_view(phone: Any) -> None:
    left, right = _box(phone, "#left"), _box(phone, "#right")
    assert right["y"] >= left["y"] + left["height"] - 1, "map and table side by side"
    assert left["width"] >= 380 and right["width"] >= 380
    assert _page_width(phone) <= 390, "the page scrolls sideways"
    for th in phone.locator("#incidents thead th").all():
        b = th.bounding_box()
        assert b["x"] >= 0 and b["x"] + b["width"] <= 391, th.inner_text()
    assert _box(phone, "#map")["height"] >= 250
    # the filters fold away on a phone and open on request
    assert not phone.locator("#f-type").is_visible()
    phone.click("#filters-box > summary")
    assert phone.locator("#f-type").is_visible()


@pytest.mark.parametrize("screen", ["page", "phone"])
def test_timeline_labels_never_overlap(request: pytest.FixtureRequest, screen: str) -> None:
    pg = request.getfixturevalue(screen)
    svg = _box(pg, "#timeline")
    boxes = [t.bounding_box() for t in pg.locator("#timeline text.axis").all()]
    assert len(boxes) >= 2, "the first and the last day are labelled"
    boxes.sort(key=lambda b: b["x"])
    for a, b in zip(boxes, boxes[1:], strict=False):
        assert a["x"] + a["width"] <= b["x"], f"labels overlap: {a} {b}"
    assert (
        boxes[0]["x"] >= svg["x"] - 1 and boxes[-1]["x"] + boxes[-1]["width"] <= svg["x"] + svg["width"] + 1
    )


def _open_mosul(pg: Any) -> dict[str, str]:
    open_incident(pg, pg.locator("#incidents tbody tr", has_text="Mosul").click)
    fields: dict[str, str] = {}
    for f in pg.locator("#detail dl.fields .field").all():
        fields[f.get_attribute("data-field")] = f.inner_text()
    return fields


def test_incident_panel_names_fields_in_words(page: Any) -> None:
    fields = _open_mosul(page)
    row = {k: " ".join(v.split()) for k, v in fields.items()}
    assert row["actor1"] == "Actor 1 Military Forces of Iraq (2020-)"
    assert row["inter1"] == "Kind of actor State forces"
    assert row["inter2"] == "Kind of actor Civilians"
    assert row["interaction"] == "Between State forces and Civilians"
    assert row["source"] == "Source Reuters"
    assert row["fatalities"] == "Killed 5"
    assert row["country"] == "Country Iraq (IRQ)"
    assert row["geo_precision"].startswith("Located to the town")
    text = page.inner_text("#detail")
    for raw in (
        "inter1",
        "inter2",
        "interaction",
        "event_id_cnty",
        "sub_event_type",
        "geo_precision",
        "actor1",
    ):
        assert raw not in text, f"the panel shows the column name {raw!r}"
    assert not re.search(r"\b[0-9a-f]{16,}\b", text), "the panel shows an id hash"
    assert "Reuters" in page.inner_text("#detail .source-head")
    chips = [c.inner_text() for c in page.locator("#detail .chip").all()]
    assert "Actor 1: Soldiers" in chips and "Killed: killing five" in chips
    # a labelled field still leads to its words
    page.click("#detail button.field-link[data-field='inter1']")
    assert [m.inner_text() for m in page.locator("#detail mark.evidence.active").all()] == ["Soldiers"]


def test_phone_panel_is_one_column_and_breaks_no_word(phone: Any) -> None:
    fields = _open_mosul(phone)
    assert "Summary" not in fields["notes"] and "farmers irrigating their fields" in fields["notes"]
    xs = {round(f.bounding_box()["x"]) for f in phone.locator("#detail dl.fields .field").all()}
    assert len(xs) == 1, f"fields in {len(xs)} columns on a phone"
    broken = phone.locator("#detail dl.fields").evaluate(_BROKEN_WORDS)
    assert not broken, f"words broken across lines: {broken}"
    for sel in ("#detail", "#detail .article-text"):
        b = _box(phone, sel)
        assert b["x"] >= 0 and b["x"] + b["width"] <= 391, sel


def test_actor_kinds_match_the_taxonomy(page: Any) -> None:
    shown = page.evaluate("window.eventlensFields.INTER")
    assert {int(k): v for k, v in shown.items()} == INTER_CODES

"""A story saved as one line of text ("CITY (Agency) - ...", a wire brief) is the body, never
the title: read as a headline it lost its body (nothing left to extract from) and its dateline,
which names the publisher (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventlens.read import read_paths
from eventlens.read.text import read_text
from eventlens.store.ingest import publisher_of
from eventlens.types import Article

ONE_LINERS = [
    ("KANO, Nigeria (AFP) - Gunmen killed four traders at a cattle market on Monday.", "AFP"),
    ("MOGADISHU (Reuters) - A car bomb hit a checkpoint in the capital.", "Reuters"),
    ("Quetta, Jan 3 (AP) -- Police dispersed a sit-in by teachers near the assembly.", "AP"),
    ("Protesters marched through central Lagos on Friday over fuel prices", None),
]


def _read(tmp_path: Path, text: str, name: str = "brief.txt") -> Article:
    (tmp_path / name).write_text(text + "\n")
    (art,) = list(read_paths([str(tmp_path / name)]))
    assert isinstance(art, Article), art
    return art


@pytest.mark.parametrize(("text", "agency"), ONE_LINERS)
def test_a_one_line_story_keeps_its_body_and_its_dateline(
    tmp_path: Path, text: str, agency: str | None
) -> None:
    art = _read(tmp_path, text)
    assert art.title is None and art.title_span is None
    assert art.body_start == 0 and art.text.strip() == text
    assert art.language == "en"
    assert publisher_of(art) == agency


def test_a_dateline_lead_is_not_a_headline_even_with_more_lines_after_it() -> None:
    text = (
        "MAIDUGURI, Nigeria (AFP) - Insurgents stormed a village overnight.\n\n"
        "Residents said the attackers burned homes and took livestock before dawn.\n"
    )
    art = read_text(text, id="a.txt")
    assert art.title is None and art.body_start == 0
    assert publisher_of(art) == "AFP"


def test_a_headline_above_a_story_is_still_the_title() -> None:
    art = read_text("Traders killed in market raid\n\nGunmen killed four traders on Monday.\n", id="a")
    assert art.title == "Traders killed in market raid"
    assert art.title_span is not None and art.body_start == art.title_span.end

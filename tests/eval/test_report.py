"""docs/accuracy.md's "Sub-type classifier against baselines" section (issue 14): the table is
quoted from the hand-written note docs/subtype-baselines.md, between its markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventlens.eval.report import (
    BASELINES_DOC,
    BASELINES_END,
    BASELINES_START,
    baselines_section,
    render_markdown,
)

ROOT = Path(__file__).resolve().parents[2]
TABLE = "| classifier | CASE wF1 (25) |\n|---|---|\n| rules alone | 80.1 |\n| tf-idf | 60.2 |"
NOTE = f"# Baselines\n\nIntro words.\n\n{BASELINES_START}\n{TABLE}\n{BASELINES_END}\n\nCaveats below.\n"
REPORT = {"suites": {"case2021": {"status": "ok", "n": 3, "figures": {"weighted_f1_all_labels": 0.5}}}}


def test_section_quotes_the_table_between_the_markers(tmp_path: Path) -> None:
    doc = tmp_path / "subtype-baselines.md"
    doc.write_text(NOTE, encoding="utf-8")
    md = render_markdown(REPORT, baselines_doc=doc)
    assert "## Sub-type classifier against baselines" in md
    assert "| rules alone | 80.1 |\n| tf-idf | 60.2 |" in md
    assert "Intro words" not in md and "Caveats below" not in md  # only the table is quoted
    # after the published figures, before the per-suite sections
    assert (
        md.index("## Next to published figures")
        < md.index("against baselines")
        < md.index("## Suite `case2021`")
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(None, id="no-note"),
        pytest.param("# Baselines\n\n" + TABLE + "\n", id="no-markers"),
        pytest.param(f"{BASELINES_START}\n{TABLE}\n", id="no-end-marker"),
        pytest.param(f"{BASELINES_START}\n\n{BASELINES_END}\n", id="empty-table"),
    ],
)
def test_no_section_without_a_marked_table(text: str | None) -> None:
    assert baselines_section(text) == []


def test_missing_note_file_leaves_the_page_without_the_section(tmp_path: Path) -> None:
    md = render_markdown(REPORT, baselines_doc=tmp_path / "absent.md")
    assert "against baselines" not in md
    assert "## Suite `case2021`" in md


def test_the_repository_note_has_a_marked_table_with_the_shipped_and_baseline_rows() -> None:
    text = (ROOT / BASELINES_DOC).read_text(encoding="utf-8")
    section = "\n".join(baselines_section(text))
    assert "| classifier |" in section
    for row in ("rules alone", "shipped", "TF-IDF", "MiniLM", "en_core_web_md"):
        assert row in section, row

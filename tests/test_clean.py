"""Cleaning: story bounds on differently built pages, printed times, datelines."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from eventlens.read import read_paths
from eventlens.stages.clean import classify, clean, find_dateline, find_time_line, load_vocabulary, stopwords
from eventlens.types import Article

HERE = Path(__file__).resolve().parent
PAGES = HERE / "data" / "pages"
SHARED = HERE.parents[1] / "shared"
FETCHED = datetime(2022, 6, 1, 12, 0)


def load(path: Path) -> Article:
    (art,) = list(read_paths([str(path)]))
    assert isinstance(art, Article), art
    return art


@dataclass(frozen=True)
class Page:
    starts: str
    ends: str
    absent: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    title: str | None = None
    published: datetime | None = None
    evidence: str | None = None
    dateline: str | None = None


CASES = [
    pytest.param(
        "wire-dateline-byline.txt",
        Page(
            starts="KABUL, Afghanistan (AP) — A suicide bomber",
            ends="appealed for blood donations.",
            absent=("By Jane Doe", "3 min read", "Reporting by", "All rights reserved"),
            title="Suicide bomber kills 12 at mosque in northern Afghanistan",
            published=datetime(2022, 3, 12, 14, 5),
            evidence="Published: 12 March 2022 14:05",
            dateline="KABUL, Afghanistan (AP) —",
        ),
        id="wire-dateline-byline",
    ),
    pytest.param(
        "blog-cookie-newsletter.txt",
        Page(
            starts="Gunmen stormed a boarding school",
            ends="raid villages and schools.",
            absent=("We use cookies", "Home | World", "Sign up", "Subscribe", "Tags:", "©"),
            removed=("Advertisement",),
            title="Gunmen abduct dozens of students from school in Kaduna state",
            published=datetime(2020, 10, 5, 16, 30),
            evidence="Posted on Oct. 5, 2020 at 4:30 p.m. ET",
        ),
        id="blog-cookie-banner-newsletter",
    ),
    pytest.param(
        "photo-related.txt",
        Page(
            starts="Mogadishu, 5 March 2022 - A car bomb",
            ends="over the area for hours.",
            absent=("Getty Images", "Read more", "Related Articles", "Drought forces"),
            removed=("Related: Al-Shabaab attack on hotel leaves 20 dead",),
            title="Car bomb kills five near military base outside Mogadishu",
            published=datetime(2022, 3, 5),
            evidence="5 March 2022",
            dateline="Mogadishu, 5 March 2022 -",
        ),
        id="photo-credit-related-links-dated-dateline",
    ),
    pytest.param(
        "comments-section.txt",
        Page(
            starts="Police in Nairobi fired tear gas",
            ends="for the third time this year.",
            absent=(
                "Share on",
                "12 Comments",
                "John Kamau",
                "This is a shame",
                "Leave a reply",
                "email address",
            ),
            title="Protesters clash with police in Nairobi over rising food prices",
            published=datetime(2022, 6, 1, 9, 0),
            evidence="Updated 3 hours ago",
        ),
        id="comments-section-relative-time",
    ),
    pytest.param(
        "nav-footer.html",
        Page(
            starts="An airstrike hit a busy market",
            ends="according to the United Nations.",
            absent=("Home", "Privacy policy", "© 2022", "MUST-NOT-APPEAR"),
            title="Airstrike hits market in Yemen's Saada province",
            published=datetime(2022, 1, 21, 8, 45),
        ),
        id="html-nav-footer",
    ),
    pytest.param(
        "plain-no-boilerplate.txt",
        Page(
            starts="Heavy monsoon rains flooded",
            ends="more rain in the coming days.",
            title="Floods displace thousands in southern Pakistan",
        ),
        id="plain-page-intact",
    ),
]


@pytest.mark.parametrize(("name", "want"), CASES)
def test_pages(name: str, want: Page) -> None:
    art = load(PAGES / name)
    out = clean(art, fetched=FETCHED)
    assert out.text == art.text
    body = out.body
    assert body.startswith(want.starts)
    assert body.endswith(want.ends)
    masked = out.body_masked()
    for phrase in want.absent:
        assert phrase not in masked, phrase
    assert tuple(sp.text for sp in out.removed) == want.removed
    for sp in out.removed:
        assert out.text[sp.start : sp.end] == sp.text
    assert out.title == want.title
    assert out.published == want.published
    if want.evidence is not None:
        assert out.published_evidence is not None and out.published_evidence.text == want.evidence
        ev = out.published_evidence
        assert out.text[ev.start : ev.end] == ev.text
    if want.dateline is None:
        assert out.dateline is None
    else:
        assert out.dateline is not None and out.dateline.text == want.dateline


def test_plain_page_body_is_everything_but_the_title() -> None:
    art = load(PAGES / "plain-no-boilerplate.txt")
    out = clean(art)
    assert out.removed == ()
    assert art.title_span is not None
    assert out.body.strip() == art.text[art.title_span.end :].strip()


@pytest.fixture(scope="module")
def gold() -> dict[str, object]:
    path = SHARED / "gold" / "baghdad-embassy-rockets.json"
    if not path.exists():
        pytest.skip(f"reference gold file {path} is not available")
    return json.loads(path.read_text(encoding="utf-8"))["article"]  # type: ignore[no-any-return]


def test_reference_fixture(gold: dict[str, object]) -> None:
    art = load(SHARED / str(gold["file"]))
    out = clean(art)
    assert out.text == art.text
    assert out.title == gold["title"]
    assert out.published == datetime.fromisoformat(str(gold["published"]))
    assert out.published_precision == "minute"
    assert out.published_evidence is not None
    assert out.published_evidence.text == gold["published_evidence"]
    assert out.body.startswith(str(gold["body_starts_with"]))
    assert out.body.endswith(str(gold["body_ends_with"]))
    masked = out.body_masked()
    for phrase in gold["boilerplate_absent"]:  # type: ignore[attr-defined]
        assert phrase not in masked, phrase


def test_explicit_published_overrides_text() -> None:
    art = load(PAGES / "wire-dateline-byline.txt")
    when = datetime(2022, 3, 13, 7, 0)
    out = clean(art, published=when)
    assert (out.published, out.published_precision, out.published_evidence) == (when, "minute", None)


def test_relative_time_needs_fetch_time() -> None:
    out = clean(load(PAGES / "comments-section.txt"))
    assert out.published is None  # comment dates after "12 Comments" must not be used instead


@pytest.mark.parametrize(
    ("line", "when", "precision", "evidence"),
    [
        pytest.param(
            "Update: October 31, 2021, 9:21 a.m.",
            datetime(2021, 10, 31, 9, 21),
            "minute",
            "Update: October 31, 2021, 9:21 a.m.",
            id="update-us-am",
        ),
        pytest.param(
            "Published: 12 March 2022 14:05",
            datetime(2022, 3, 12, 14, 5),
            "minute",
            "Published: 12 March 2022 14:05",
            id="published-day-first-24h",
        ),
        pytest.param(
            "Oct. 5, 2020 at 4:30 p.m. ET",
            datetime(2020, 10, 5, 16, 30),
            "minute",
            "Oct. 5, 2020 at 4:30 p.m. ET",
            id="abbrev-month-pm-zone",
        ),
        pytest.param(
            "2021-10-31T09:21:00+03:00",
            datetime(2021, 10, 31, 9, 21),
            "minute",
            "2021-10-31T09:21:00+03:00",
            id="iso-with-offset-kept-as-printed",
        ),
        pytest.param(
            "Last updated on Tuesday, 5 April 2022",
            datetime(2022, 4, 5),
            "day",
            "Last updated on Tuesday, 5 April 2022",
            id="weekday-day-only",
        ),
        pytest.param(
            "By Jane Doe | March 3, 2022", datetime(2022, 3, 3), "day", "March 3, 2022", id="byline-with-date"
        ),
        pytest.param(
            "14:05, 12 March 2022",
            datetime(2022, 3, 12, 14, 5),
            "minute",
            "14:05, 12 March 2022",
            id="time-before-date",
        ),
        pytest.param(
            "Posted 25/12/2021", datetime(2021, 12, 25), "day", "Posted 25/12/2021", id="numeric-unambiguous"
        ),
    ],
)
def test_time_lines(line: str, when: datetime, precision: str, evidence: str) -> None:
    found = find_time_line(line)
    assert found is not None
    assert (found.when, found.precision) == (when, precision)
    assert line[found.start : found.end] == evidence


@pytest.mark.parametrize(
    "line",
    [
        pytest.param(
            "The militia was formed on October 31, 2021, police said, and has grown since.",
            id="date-inside-story-sentence",
        ),
        pytest.param("Posted 05/03/2022", id="numeric-ambiguous"),
        pytest.param("Three people were killed.", id="no-date"),
    ],
)
def test_not_time_lines(line: str) -> None:
    assert find_time_line(line) is None


def test_relative_time_line() -> None:
    found = find_time_line("Published 3 hours ago")
    assert found is not None and found.when is None and found.relative is not None
    assert found.relative.total_seconds() == 3 * 3600 and found.precision == "hour"


@pytest.mark.parametrize(
    ("text", "dateline", "date"),
    [
        pytest.param("BAGHDAD (Reuters) - Activists launched", "BAGHDAD (Reuters) -", None, id="reuters"),
        pytest.param(
            "KABUL, Afghanistan (AP) — A bomb", "KABUL, Afghanistan (AP) —", None, id="ap-with-country"
        ),
        pytest.param(
            "Mogadishu, 5 March 2022 - A car bomb",
            "Mogadishu, 5 March 2022 -",
            datetime(2022, 3, 5),
            id="title-case-with-date",
        ),
        pytest.param("WASHINGTON — The Pentagon said", "WASHINGTON —", None, id="caps-only"),
        pytest.param("Police said - without giving details - that", None, None, id="sentence-with-dashes"),
        pytest.param("Activists launched three rockets", None, None, id="no-dateline"),
    ],
)
def test_datelines(text: str, dateline: str | None, date: datetime | None) -> None:
    found = find_dateline(text, 0)
    if dateline is None:
        assert found is None
        return
    assert found is not None and found[0].text == dateline
    assert (found[1][0] if found[1] else None) == date


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        pytest.param("Leave a reply", "bad", id="comment-form-heading"),
        pytest.param(
            "Next week the council will vote on the plan, the mayor said.", "good", id="next-in-a-sentence"
        ),
        pytest.param("Next US says in talks with allies to get Iran to agree", "bad", id="next-teaser"),
        pytest.param(
            "By the time police arrived, the attackers had fled the village.", "good", id="by-in-a-sentence"
        ),
        pytest.param("Photo: Jane Doe/Reuters", "bad", id="photo-credit"),
    ],
)
def test_classify(line: str, kind: str) -> None:
    assert classify(line, stopwords("en"), load_vocabulary())[0] == kind


def test_vocabulary_is_documented_and_sectioned() -> None:
    vocab = load_vocabulary()
    assert vocab.header and vocab.prefix and vocab.contains
    assert "leave a reply" in vocab.header


def test_name_heavy_english_line_is_kept_as_story() -> None:
    # the language detector calls this Tagalog; its stop-word share must still be judged in English
    from eventlens.read.text import read_text

    text = "On 24 May 2022, Boko Haram JAS attacked Kouyape (Kolofata, Mayo-Sava, Extreme-Nord) killing 1."
    art = clean(read_text(text, id="x", first_line_title=False))
    assert art.removed == ()
    assert art.body == text

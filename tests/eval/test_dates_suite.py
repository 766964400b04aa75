"""The dates suite on tiny hand-made MEANTIME-format files (the shared corpus is not needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventlens.errors import EvalError
from eventlens.eval.dates_suite import read_meantime, run_dates_suite

# Sentence 0 is the title, sentence 1 the date line, as in MEANTIME.
_SENTENCES = [
    "Airline orders jets",
    "June 8 , 2010",
    "The airline said yesterday it had talked for two years about the order .",
    "The first jet flies at 18:00 UTC , and crews train weekly .",
]
# (first token, last token) of each TIMEX3, counted over the whole document, 1-based
_TIMEXES = {
    "yesterday": ("DATE", "2010-06-07"),
    "two years": ("DURATION", "P2Y"),
    "18:00 UTC": ("TIME", "2010-06-08T18:00Z"),
    "weekly": ("SET", "P1W"),
}


def _write_doc(path: Path, golds: dict[str, str], *, dct: str | None = "2010-06-08") -> None:
    tokens: list[tuple[int, str]] = [(s, w) for s, sent in enumerate(_SENTENCES) for w in sent.split()]
    lines = ['<?xml version="1.0" ?>', f'<Document doc_id="1" doc_name="{path.stem}" lang="en" url="x">']
    for i, (s, w) in enumerate(tokens, start=1):
        lines.append(f'<token number="{i - 1}" sentence="{s}" t_id="{i}">{w}</token>')
    lines.append("<Markables>")
    words = [w for _, w in tokens]
    m_id = 1
    if dct is not None:
        anchors = "".join(f'<token_anchor t_id="{i}"/>' for i in range(4, 8))
        lines.append(f'<TIMEX3 functionInDocument="CREATION_TIME" m_id="{m_id}" type="DATE" value="{dct}">'
                     f"{anchors}</TIMEX3>")  # fmt: skip
    for text, (typ, _) in _TIMEXES.items():
        m_id += 1
        parts = text.split()
        start = next(i for i in range(len(words)) if words[i : i + len(parts)] == parts)
        anchors = "".join(f'<token_anchor t_id="{start + k + 1}"/>' for k in range(len(parts)))
        lines.append(f'<TIMEX3 functionInDocument="NONE" m_id="{m_id}" type="{typ}" value="{golds[text]}">'
                     f"{anchors}</TIMEX3>")  # fmt: skip
    # an empty (token-less) TIMEX3, as MEANTIME has: must be skipped
    lines.append(
        '<TIMEX3 TAG_DESCRIPTOR="2058" functionInDocument="NONE" m_id="99" type="DATE" value="2058"/>'
    )
    lines += ["</Markables>", "</Document>"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def _golds(n_right: int) -> dict[str, str]:
    out = {}
    for i, (text, (_, value)) in enumerate(_TIMEXES.items()):
        out[text] = value if i < n_right else "1999-01-01"
    return out


def _corpus(tmp_path: Path, n_right: int, **kw: str | None) -> Path:
    _write_doc(tmp_path / "intra_cross-doc_annotation" / "corpus_test" / "1_doc.xml", _golds(n_right), **kw)
    return tmp_path


@pytest.mark.parametrize(
    ("n_right", "accuracy"),
    [
        pytest.param(4, 1.0, id="perfect"),
        pytest.param(0, 0.0, id="all-wrong"),
        pytest.param(2, 0.5, id="half-right"),
    ],
)
def test_known_answers(tmp_path: Path, n_right: int, accuracy: float) -> None:
    result = run_dates_suite(_corpus(tmp_path, n_right))
    assert result["suite"] == "dates"
    assert result["n"] == 4
    assert result["figures"]["accuracy"] == accuracy
    assert len(result["errors"]) == 4 - n_right
    json.dumps(result)  # JSON-serialisable


def test_accuracy_by_type(tmp_path: Path) -> None:
    figures = run_dates_suite(_corpus(tmp_path, 2))["figures"]
    assert figures["accuracy_DATE"] == 1.0
    assert figures["accuracy_DURATION"] == 1.0
    assert figures["accuracy_TIME"] == 0.0
    assert figures["accuracy_SET"] == 0.0


def test_errors_name_expression_gold_and_ours(tmp_path: Path) -> None:
    errors = run_dates_suite(_corpus(tmp_path, 3))["errors"]
    assert [(e["doc"], e["text"], e["gold"], e["ours"]) for e in errors] == [
        ("corpus_test/1_doc.xml", "weekly", "1999-01-01", "P1W")
    ]


def test_file_hashes_and_determinism(tmp_path: Path) -> None:
    root = _corpus(tmp_path, 4)
    first, second = run_dates_suite(root), run_dates_suite(root)
    assert first == second
    assert list(first["files"]) == ["corpus_test/1_doc.xml"]
    assert len(first["files"]["corpus_test/1_doc.xml"]) == 64


@pytest.mark.parametrize(
    "dct",
    [
        pytest.param(None, id="missing-dct-uses-date-line"),
        pytest.param("08-06-2010", id="day-first-dct"),
    ],
)
def test_document_creation_time_fallbacks(tmp_path: Path, dct: str | None) -> None:
    items, _ = read_meantime(_corpus(tmp_path, 4, dct=dct))
    assert {it.dct.isoformat() if it.dct else None for it in items} == {"2010-06-08"}


def test_limit_reads_first_files(tmp_path: Path) -> None:
    root = _corpus(tmp_path, 4)
    _write_doc(root / "intra_cross-doc_annotation" / "corpus_test" / "2_doc.xml", _golds(0))
    assert run_dates_suite(root, limit=1)["figures"]["accuracy"] == 1.0
    assert run_dates_suite(root)["figures"]["accuracy"] == 0.5


def test_missing_corpus_raises_eval_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="no MEANTIME XML files"):
        run_dates_suite(tmp_path / "nowhere")


def test_malformed_xml_raises_eval_error(tmp_path: Path) -> None:
    bad = tmp_path / "intra_cross-doc_annotation" / "corpus_x" / "bad.xml"
    bad.parent.mkdir(parents=True)
    bad.write_text("<Document><token", encoding="utf-8")
    with pytest.raises(EvalError, match="not well-formed"):
        run_dates_suite(tmp_path)

"""Mojibake repair (eventlens.read.repair) and the readers that apply it."""

from __future__ import annotations

import pytest

from eventlens.read import read_html, read_text
from eventlens.read.decode import decode
from eventlens.read.repair import has_mojibake, repair_mojibake

# Our own sentences, with the characters mojibake mangles most: curly quotes, dashes, accents.
CLEAN = (
    "Gunmen attacked the market in Gao on Monday — “they came on motorbikes”, a trader said – "
    "and the army’s patrol arrived later. São Tomé, Zürich and Düsseldorf sent condolences; "
    "the toll (€, ½, 30°) was disputed…"
)


def mangle(text: str, codec: str) -> str:
    """UTF-8 bytes read with another codec, the way a wrong decoder does it."""
    return text.encode("utf-8").decode(codec, errors="strict" if codec == "latin-1" else "ignore")


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_utf8_read_as_western_code_page_is_repaired(codec: str) -> None:
    bad = mangle(CLEAN, codec)
    assert "â€" in bad or "\x80" in bad
    fixed = repair_mojibake(bad)
    if codec == "latin-1":
        assert fixed == CLEAN
    else:  # cp1252 drops the byte of "”" (0x9D): the bare "â€" left is read as "”"
        assert fixed == CLEAN
    assert has_mojibake(bad) and not has_mojibake(fixed)


def test_double_encoding_is_undone() -> None:
    once = CLEAN.encode("utf-8").decode("latin-1")
    twice = once.encode("utf-8").decode("latin-1")
    assert repair_mojibake(twice) == CLEAN


def test_cp1252_with_replacement_character_for_the_lost_quote() -> None:
    assert repair_mojibake("a trader said: â€œenoughâ€\ufffd and left") == "a trader said: “enough” and left"


@pytest.mark.parametrize(
    "text",
    [
        CLEAN,
        "Боевики атаковали блокпост под Донецком, погибли двое военных.",  # Cyrillic
        "قُتل ثلاثة أشخاص في انفجار سيارة مفخخة في بغداد.",  # Arabic
        "Σκοτώθηκαν δύο άνθρωποι στην Αθήνα.",  # Greek
        "在北京发生爆炸，两人死亡。",  # Chinese
        "Der Sprecher sagte: „Fuß“ und „Maß“ – Ökonomie, Ärger, Übergriff.",  # German quotes after ß
        "L’armée a été déployée à Bouaké; « c’est grave », dit-il. ÂGE, Ângela, Âmbar.",
        "Fußgänger in Straßburg; naïve café–bar; Ñandú; ¿Qué pasó? ¡Basta!",
        "plain ascii text with no accents at all",
    ],
)
def test_correct_text_in_any_script_is_left_alone(text: str) -> None:
    assert repair_mojibake(text) == text
    assert not has_mojibake(text)


def test_repair_is_idempotent() -> None:
    bad = mangle(CLEAN, "latin-1")
    once = repair_mojibake(bad)
    assert repair_mojibake(once) == once


def test_decode_repairs_a_utf8_file_that_holds_mojibake() -> None:
    data = mangle(CLEAN, "cp1252").encode("utf-8")  # valid UTF-8, wrong characters
    assert decode(data, "f.txt") == CLEAN


def test_read_text_spans_point_into_the_repaired_text() -> None:
    title = "Army’s patrol ambushed near Gao"
    bad = mangle(f"{title}\n{CLEAN}\n", "cp1252")
    art = read_text(bad, id="m.txt")
    assert art.text == f"{title}\n{CLEAN}\n"
    assert art.title == title
    assert art.title_span is not None
    assert art.text[art.title_span.start : art.title_span.end] == title
    given = read_text(bad, id="m2.txt", title=mangle(title, "cp1252"))
    assert given.title == title and given.title_span is not None


def test_read_html_string_is_repaired() -> None:
    html = mangle(
        f"<html><head><title>Army’s patrol ambushed</title></head><body><p>{CLEAN}</p></body></html>",
        "cp1252",
    )
    art = read_html(html, id="p.html")
    assert "â€" not in art.text
    assert "army’s patrol" in art.text.lower()


def test_symbols_of_the_latin1_block_are_repaired() -> None:
    text = "A 3 × 4 metre crater; prices rose 5 ÷ 2; temperature 30 °C; £200 fine"
    for codec in ("cp1252", "latin-1"):
        assert repair_mojibake(text.encode("utf-8").decode(codec)) == text

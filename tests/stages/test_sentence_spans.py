"""The pipeline's sentences: spaCy's sentence Spans, their text built once (stages/nlp.py)."""

from __future__ import annotations

from eventlens.stages.nlp import sentence_spans

TEXT = (
    "Gunmen killed two farmers in Kelm on Saturday.  Police said the attackers fled.\n\n"
    "Residents of Toma marched on Sunday, demanding  protection. "
)


def test_sentence_spans_are_spacys_sentences_with_the_same_text(pipe) -> None:
    doc = pipe.nlp(TEXT)
    ours, theirs = list(sentence_spans(doc)), list(doc.sents)
    assert len(ours) == len(theirs) >= 3
    for a, b in zip(ours, theirs, strict=True):
        assert a == b and hash(a) == hash(b) and {a} == {b}
        assert (a.start, a.end, a.start_char, a.end_char) == (b.start, b.end, b.start_char, b.end_char)
        assert a.text == b.text == TEXT[b.start_char : b.end_char]
        assert a.text_with_ws == b.text_with_ws
        assert [t.i for t in a] == [t.i for t in b] and a.root.i == b.root.i


def test_a_sentences_text_is_built_once(pipe) -> None:
    doc = pipe.nlp(TEXT)
    first = next(sentence_spans(doc))
    assert first.text is first.text  # kept, not joined from the tokens again
    plain = next(iter(doc.sents))
    assert plain.text == first.text and plain.text is not plain.text  # spaCy's own: rebuilt each time

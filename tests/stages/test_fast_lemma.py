"""The remembered lemmas (stages/fast_lemma.py) are spaCy's rule lemmatizer's, word for word."""

from __future__ import annotations

import copy

from spacy.tokens import Doc

TEXTS = [
    "Gunmen killed two farmers and wounded three others in Kelm on Saturday, police said.",
    "The soldiers were attacking the villages; the villagers fled to the hills and are hiding.",
    "Protesters gathered, marched and chanted slogans; the police fired tear gas and arrested 12.",
    "Better armed militias have been seizing bigger towns, the best-known analysts say.",
    "He doesn't think they'd've gone. It's the children's school that was burnt.",
    "THE ARMY SHELLED THE VILLAGE.  Two   civilians were killed\n\nby mortar shells.",
    "",
]


def _lemmas(doc):
    return [(t.text, t.lemma, t.lemma_) for t in doc]


def test_the_pipelines_lemmatizer_remembers_and_gives_spacys_lemmas(pipe):
    nlp = pipe.nlp
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert "pipe" in vars(lemmatizer)  # the remembering pipe is installed
    names = nlp.pipe_names
    stock = copy.copy(lemmatizer)
    del stock.pipe, stock.lemmatize_doc  # spaCy's own per-token loop
    before = names[: names.index("lemmatizer")]
    checked = 0
    for _round in range(2):  # the second round reads every lemma from the memo
        with nlp.select_pipes(enable=before):
            docs = list(nlp.pipe(TEXTS + [t.lower() for t in TEXTS]))
        ours = list(lemmatizer.pipe(Doc(nlp.vocab).from_bytes(d.to_bytes()) for d in docs))
        theirs = [stock(Doc(nlp.vocab).from_bytes(d.to_bytes())) for d in docs]
        for a, b in zip(ours, theirs, strict=True):
            assert _lemmas(a) == _lemmas(b), a.text
            checked += len(a)
    assert checked > 100
    # a Doc of another vocabulary (its own string store) goes through spaCy's own loop
    foreign = copy.deepcopy(docs[0])
    assert foreign.vocab is not nlp.vocab
    assert _lemmas(next(lemmatizer.pipe([foreign]))) == _lemmas(stock(copy.deepcopy(docs[0])))


def test_lemmas_the_attribute_ruler_set_are_kept(pipe):
    """A token whose lemma is set already (the tag map's "n't" -> "not") keeps it, as with spaCy."""
    doc = pipe.nlp("They didn't go and it isn't over.")
    assert [t.lemma_ for t in doc if t.text == "n't"] == ["not", "not"]


def test_the_lemma_memo_stays_bounded(pipe, monkeypatch):
    from eventlens.stages import fast_lemma

    monkeypatch.setattr(fast_lemma, "MEMO_SIZE", 5)
    nlp = pipe.nlp
    lemmatizer = nlp.get_pipe("lemmatizer")
    memo = next(
        c.cell_contents for c in lemmatizer.lemmatize_doc.__closure__ if isinstance(c.cell_contents, dict)
    )
    memo.clear()  # (filled by the tests before: every word below is new to it)
    doc = next(
        lemmatizer.pipe(
            nlp.pipe(
                [TEXTS[0]],
                disable=["lemmatizer", "ner", "eventlens_entities", "eventlens_places", "eventlens_cues"],
            )
        )
    )
    assert len(memo) <= 5
    assert [t.lemma_ for t in doc][:3] == ["gunman", "kill", "two"]

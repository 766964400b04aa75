"""The model's rule lemmatizer, its answers remembered: the same lemmas, read and set by column.

spaCy's rule lemmatizer keeps a cache, but only for words that reach its suffix rules; a
singular noun, an infinitive, a positive adjective (most words of a text) return early and are
analysed again at every occurrence, each time reading the token's part of speech and building
its morphology's dict. A lemma is a function of the word, its part of speech and its
morphology alone (the rules read nothing else), so :func:`speed_up_lemmatizer` remembers it by
those three for every word, reads them for a whole Doc at once (``Doc.to_array``) and sets the
lemmas the same way (``Doc.from_array``). Only the ``pipe`` path (``nlp.pipe``, what the
pipeline uses) is replaced; calling the component on one Doc runs spaCy's own loop.
``tests/stages/test_fast_lemma.py`` compares both on texts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Remembered lemmas (by word, part of speech and morphology) before the memo is emptied (some
#: 25 MB when full; spaCy's own lemma cache is unbounded).
MEMO_SIZE = 100_000


def speed_up_lemmatizer(lemmatizer: Any) -> bool:
    """Give a spaCy rule ``Lemmatizer`` a ``pipe`` that remembers every lemma it computes;
    False (nothing changed) for a lemmatizer in another mode."""
    if getattr(lemmatizer, "mode", None) != "rule" or not hasattr(lemmatizer, "rule_lemmatize"):
        return False
    import numpy as np
    from spacy.attrs import LEMMA, MORPH, ORTH, POS
    from spacy.errors import Errors

    strings = lemmatizer.vocab.strings
    memo: dict[tuple[int, int, int], int] = {}

    stock_call = type(lemmatizer).__call__

    def lemmatize_doc(doc: Doc) -> Doc:
        if doc.vocab is not lemmatizer.vocab:
            return stock_call(lemmatizer, doc)  # type: ignore[no-any-return]  # (lemma ids live in a vocab)
        if not lemmatizer._validated:
            lemmatizer._validate_tables(Errors.E1004)
        if not len(doc):
            return doc
        orths, poses, morphs, lemmas = doc.to_array([ORTH, POS, MORPH, LEMMA]).T.tolist()
        overwrite = lemmatizer.overwrite
        rule = lemmatizer.lemmatize  # the instance's own (rule_lemmatize), as spaCy's loop calls it
        keys = list(zip(orths, poses, morphs, strict=True))
        found = list(map(memo.get, keys))
        for i, (key, lemma, got) in enumerate(zip(keys, lemmas, found, strict=True)):
            if overwrite or lemma == 0:
                if got is None and (got := memo.get(key)) is None:  # (not seen earlier in the Doc)
                    if len(memo) >= MEMO_SIZE:
                        memo.clear()
                    got = memo[key] = strings.add(rule(doc[i])[0])
                lemmas[i] = got
        doc.from_array([LEMMA], np.array(lemmas, dtype=np.uint64).reshape(-1, 1))
        return doc

    def pipe(stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        error_handler = lemmatizer.get_error_handler()
        for doc in stream:
            try:
                yield lemmatize_doc(doc)
            except Exception as e:  # noqa: BLE001 - spaCy's own error handling, as its __call__
                error_handler(lemmatizer.name, lemmatizer, [doc], e)

    lemmatizer.pipe = pipe
    lemmatizer.lemmatize_doc = lemmatize_doc
    return True

"""Token patterns matched by table look-up: the same matches as spaCy's ``Matcher``, faster.

spaCy's ``Matcher`` tries every pattern at every token, so its cost grows with the number of
patterns; the model's attribute ruler (~180 patterns) and eventlens's entity ruler (~370) spend
most of their time there although nearly all their patterns are a fixed word or tag sequence.
:class:`IndexedMatcher` splits a pattern list in two:

- *fixed* patterns - every token a set of plain equality tests (``{"LOWER": "rocket"}``,
  ``{"TAG": "VBZ", "LOWER": {"IN": ["is", "'s"]}}``) on the attributes in :data:`_ATTRS`, no
  ``OP`` - are indexed by the value of one attribute of their first token; a Doc's attribute
  columns are read once (``Doc.to_array``) and each token costs a few dictionary look-ups;
- every other pattern (``OP``, ``REGEX``, ``NOT_IN``, other attributes) stays in a spaCy
  ``Matcher``.

The matches are the same set of ``(key, start, end)`` as one ``Matcher`` holding every pattern
(each once, as the ``Matcher`` de-duplicates them); their order is not the ``Matcher``'s, so
callers whose result depends on order must sort (:func:`speed_up_attribute_ruler`) or check
(:func:`speed_up_entity_ruler`). ``tests/stages/test_fast_match.py`` compares both on texts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

#: Pattern attribute name -> the ``Doc.to_array`` column it is compared with.
_ATTRS = {
    "ORTH": "ORTH",
    "TEXT": "ORTH",
    "LOWER": "LOWER",
    "NORM": "NORM",
    "TAG": "TAG",
    "POS": "POS",
    "DEP": "DEP",
    "LEMMA": "LEMMA",
    "IS_SPACE": "IS_SPACE",
}
#: Preferred index attribute of a pattern's first token: the most selective first.
_INDEX_ORDER = ("ORTH", "LOWER", "NORM", "LEMMA", "TAG", "DEP", "POS", "IS_SPACE")


def _values(name: str, spec: Any, vocab: Vocab) -> frozenset[int] | None:
    """The attribute ids ``spec`` accepts, or None when it is not a plain equality test."""
    if name == "IS_SPACE":
        return frozenset({int(spec)}) if isinstance(spec, bool) else None
    if isinstance(spec, str):
        return frozenset({vocab.strings.add(spec)})
    if isinstance(spec, dict) and set(spec) == {"IN"} and all(isinstance(v, str) for v in spec["IN"]):
        return frozenset(vocab.strings.add(v) for v in spec["IN"])
    return None


def _fixed(pattern: list[dict[str, Any]], vocab: Vocab) -> list[dict[str, frozenset[int]]] | None:
    """The pattern as one ``{column: accepted ids}`` per token, or None if it is not fixed."""
    if not pattern:
        return None
    out = []
    for tok in pattern:
        if not tok:
            return None
        tests: dict[str, frozenset[int]] = {}
        for name, spec in tok.items():
            col = _ATTRS.get(name)
            vals = _values(name, spec, vocab) if col else None
            if col is None or vals is None or col in tests:
                return None
            tests[col] = vals
        out.append(tests)
    return out


class IndexedMatcher:
    """``(key, pattern)`` pairs matched like one spaCy ``Matcher`` (see the module docstring)."""

    def __init__(self, vocab: Vocab, patterns: list[tuple[str, list[dict[str, Any]]]]) -> None:
        from spacy.matcher import Matcher

        self.vocab = vocab
        self.rest = Matcher(vocab)
        self.n_rest = 0
        # index column -> first-token id -> [(key id, per-token tests)]
        self.index: dict[str, dict[int, list[tuple[int, list[dict[str, frozenset[int]]]]]]] = {}
        cols: set[str] = set()
        for key, pattern in patterns:
            fixed = _fixed(pattern, vocab)
            if fixed is None:
                self.rest.add(key, [pattern])
                self.n_rest += 1
                continue
            key_id = vocab.strings.add(key)
            first = fixed[0]
            col = next(c for c in _INDEX_ORDER if c in first)
            table = self.index.setdefault(col, {})
            for v in first[col]:
                table.setdefault(v, []).append((key_id, fixed))
            cols.update(c for tests in fixed for c in tests)
        self.columns = sorted(cols)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        out: list[tuple[int, int, int]] = []
        seen: set[tuple[int, int, int]] = set()
        if self.index and len(doc):
            rows = doc.to_array(self.columns).tolist()
            if len(self.columns) == 1:
                rows = [[r] if isinstance(r, int) else r for r in rows]
            at = {c: i for i, c in enumerate(self.columns)}
            n = len(rows)
            for col, table in self.index.items():
                ci = at[col]
                for i, row in enumerate(rows):
                    cands = table.get(row[ci])
                    if cands is None:
                        continue
                    for key_id, tests in cands:
                        end = i + len(tests)
                        if end > n:
                            continue
                        if all(
                            rows[i + k][at[c]] in vals for k, t in enumerate(tests) for c, vals in t.items()
                        ):
                            m = (key_id, i, end)
                            if m not in seen:
                                seen.add(m)
                                out.append(m)
        if self.n_rest:
            for m in self.rest(doc, allow_missing=True):
                if m not in seen:
                    seen.add(m)
                    out.append(m)
        return out


def speed_up_attribute_ruler(ruler: Any) -> None:
    """Give a spaCy ``AttributeRuler`` an :class:`IndexedMatcher` for its patterns. Its own
    ``match`` sorts the matches by pattern number, so their order does not matter and every Doc
    gets exactly the same attributes. Call it after the last pattern is added."""
    patterns = []
    for i in range(len(ruler.attrs)):  # the ruler's pattern keys are "0", "1", ...
        patterns.extend((str(i), p) for p in ruler.matcher.get(str(i))[1])
    fast = IndexedMatcher(ruler.vocab, patterns)
    strings = ruler.vocab.strings

    def match(doc: Doc) -> list[tuple[int, int, int, int]]:
        return sorted((int(strings[m_id]), m_id, s, e) for m_id, s, e in fast(doc))

    ruler.match = match


def speed_up_entity_ruler(ruler: Any) -> None:
    """Give a spaCy ``EntityRuler`` an :class:`IndexedMatcher` for its token patterns.

    The ruler keeps the longest match, then the earliest; two matches of the same span with
    different labels tie, and which one wins depends on the order the ``Matcher`` returned them
    in, so a Doc with such a tie is matched by the ruler's own ``match``. Call it after the last
    pattern is added."""
    patterns = [(label, p) for label, pats in ruler.token_patterns.items() for p in pats]
    fast = IndexedMatcher(ruler.nlp.vocab, patterns)
    own = type(ruler).match

    def match(doc: Doc) -> list[tuple[int, int, int]]:
        found = fast(doc)
        if len(ruler.phrase_matcher):
            found.extend(ruler.phrase_matcher(doc))
        final = {(m_id, s, e) for m_id, s, e in found if s != e}
        if len({(s, e) for _, s, e in final}) != len(final):
            return own(ruler, doc)
        return sorted(final, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)

    ruler.match = match

"""Token patterns matched by table look-up: the same matches as spaCy's ``Matcher``, faster.

spaCy's ``Matcher`` tries every pattern at every token, so its cost grows with the number of
patterns; the model's attribute ruler (~180 patterns) and eventlens's entity ruler (~370) spend
most of their time there although nearly all their patterns are a fixed word or tag sequence.
:class:`IndexedMatcher` splits a pattern list in two:

- *fixed* patterns - no ``OP``, every token a set of ``IN`` / ``NOT_IN`` / ``REGEX`` / equality
  tests on the attributes in :data:`_ATTRS` (``{"LOWER": "rocket"}``, ``{"TAG": "VBZ", "LOWER":
  {"IN": ["is", "'s"]}}``), the first token with an equality or ``IN`` test - are indexed by
  that value; a Doc's attribute columns are read once (``Doc.to_array``) and each token costs a
  few dictionary look-ups;
- every other pattern (``OP``, other attributes or predicates) stays in a spaCy ``Matcher``.

The matches are the same set of ``(key, start, end)`` as one ``Matcher`` holding every pattern
(each once, as the ``Matcher`` de-duplicates them); their order is not the ``Matcher``'s, so
callers whose result depends on order must sort (:func:`speed_up_attribute_ruler`) or check
(:func:`speed_up_entity_ruler`). ``tests/stages/test_fast_match.py`` compares both on texts.
"""

from __future__ import annotations

import re
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
_IN, _NOT_IN, _REGEX = 0, 1, 2
#: Attributes whose value is a string (so a REGEX test can read it).
_STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "LEMMA", "TAG", "DEP"})

#: One token test: (column, _IN / _NOT_IN with a set of ids, or _REGEX with a compiled pattern).
Test = tuple[str, int, Any]


def _test(name: str, spec: Any, vocab: Vocab) -> Test | None:
    """The test ``{name: spec}`` makes, or None when the Matcher must do it."""
    col = _ATTRS.get(name)
    if col is None:
        return None
    if col == "IS_SPACE":
        return (col, _IN, frozenset({int(spec)})) if isinstance(spec, bool) else None
    if isinstance(spec, str):
        return col, _IN, frozenset({vocab.strings.add(spec)})
    if not isinstance(spec, dict) or len(spec) != 1:
        return None
    ((op, arg),) = spec.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
        return col, _IN if op == "IN" else _NOT_IN, frozenset(vocab.strings.add(v) for v in arg)
    if op == "REGEX" and isinstance(arg, str) and col in _STRING_ATTRS:
        return col, _REGEX, re.compile(arg)
    return None


#: Entries of a REGEX test's memo of string ids (cleared when full).
_REGEX_MEMO_SIZE = 100_000


def _needed(pattern: list[dict[str, Any]], vocab: Vocab) -> list[Test]:
    """Tests that some token of a Doc must pass for ``pattern`` to match in it: the ``IN`` and
    ``REGEX`` tests of the tokens the pattern cannot skip (no ``OP``, or ``OP`` "+" / "1")."""
    found: list[Test] = []
    for tok in pattern:
        if tok.get("OP", "1") not in ("1", "+"):
            continue
        for name, spec in tok.items():
            test = None if name == "OP" else _test(name, spec, vocab)
            if test is not None and test[1] in (_IN, _REGEX):
                found.append(test)
    return found


def _fixed(pattern: list[dict[str, Any]], vocab: Vocab) -> list[list[Test]] | None:
    """The pattern's tests, token by token, or None if it is not fixed (``OP``, other attributes,
    other predicates, or a first token without an equality test to index it by)."""
    if not pattern:
        return None
    out = []
    for tok in pattern:
        tests = [_test(name, spec, vocab) for name, spec in tok.items()]
        if not tests or None in tests or len({t[0] for t in tests}) != len(tests):  # type: ignore[index]
            return None
        out.append(tests)
    if not any(t[1] == _IN for t in out[0]):
        return None
    return out  # type: ignore[return-value]


class IndexedMatcher:
    """``(key, pattern)`` pairs matched like one spaCy ``Matcher`` (see the module docstring)."""

    def __init__(self, vocab: Vocab, patterns: list[tuple[str, list[dict[str, Any]]]]) -> None:
        from spacy.matcher import Matcher

        self.vocab = vocab
        self.rest = Matcher(vocab)
        self.n_rest = 0
        fixed: list[tuple[int, list[list[Test]]]] = []
        #: for each pattern left to the Matcher, tests that some token of a Doc must pass, each,
        #: for it to match there (none known for one pattern: the Matcher always runs)
        needs: list[list[Test]] = []
        for key, pattern in patterns:
            tests = _fixed(pattern, vocab)
            if tests is None:
                self.rest.add(key, [pattern])
                self.n_rest += 1
                needs.append(_needed(pattern, vocab))
            else:
                fixed.append((vocab.strings.add(key), tests))
        self.rest_needs: list[list[Test]] | None = None if not all(needs) else needs
        self.columns = sorted(
            {t[0] for _, tests in fixed for tok in tests for t in tok}
            | {t[0] for tests in self.rest_needs or () for t in tests}
        )
        at = {c: i for i, c in enumerate(self.columns)}
        self._rest_needs = [[(at[col], op, arg) for col, op, arg in tests] for tests in self.rest_needs or ()]
        #: REGEX -> string id -> whether the REGEX matches the string (for :attr:`rest_needs`)
        self._regex_memo: dict[Any, dict[int, bool]] = {}
        # index column -> first-token id -> [(key id, length, the other tests as (offset, column, op, arg))]
        self.index: dict[int, dict[int, list[tuple[int, int, list[tuple[int, int, int, Any]]]]]] = {}
        for key_id, tests in fixed:
            by_col = {t[0]: t for t in tests[0] if t[1] == _IN}
            first = by_col[next(c for c in _INDEX_ORDER if c in by_col)]
            checks = [
                (k, at[col], op, arg)
                for k, tok in enumerate(tests)
                for col, op, arg in tok
                if k or (col, op, arg) != first
            ]
            table = self.index.setdefault(at[first[0]], {})
            for v in first[2]:
                table.setdefault(v, []).append((key_id, len(tests), checks))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        out: list[tuple[int, int, int]] = []
        seen: set[tuple[int, int, int]] = set()
        n = len(doc)
        cols: list[list[int]] = []
        if self.columns and n:
            cols = doc.to_array(self.columns).reshape(n, len(self.columns)).T.tolist()
        if self.index and n:
            for ci, table in self.index.items():
                for i, v in enumerate(cols[ci]):
                    cands = table.get(v)
                    if cands is None:
                        continue
                    for key_id, length, checks in cands:
                        end = i + length
                        if end > n or (checks and not self._passes(cols, i, checks)):
                            continue
                        m = (key_id, i, end)
                        if m not in seen:
                            seen.add(m)
                            out.append(m)
        if self.n_rest and self._rest_may_match(cols):
            for m in self.rest(doc, allow_missing=True):
                if m not in seen:
                    seen.add(m)
                    out.append(m)
        return out

    def _rest_may_match(self, cols: list[list[int]]) -> bool:
        """Can any pattern left to the Matcher match in the Doc of ``cols``? Not when, for every
        such pattern, some test it needs is passed by no token (the Matcher's answer would be
        empty); a Doc that may hold a match goes to the Matcher whole, so its matches are the
        Matcher's."""
        if not cols:  # an empty Doc holds no match; a matcher reading no column cannot tell
            return self.rest_needs is None or not self.columns
        if self.rest_needs is None:
            return True
        values: dict[int, set[int]] = {}
        for tests in self._rest_needs:
            if all(self._some_token_passes(values, cols, test) for test in tests):
                return True
        return False

    def _some_token_passes(
        self, values: dict[int, set[int]], cols: list[list[int]], test: tuple[int, int, Any]
    ) -> bool:
        ci, op, arg = test
        present = values.get(ci)
        if present is None:
            present = values[ci] = set(cols[ci])
        if op == _IN:
            return not present.isdisjoint(arg)
        memo = self._regex_memo.setdefault(arg, {})  # a REGEX test, on a string attribute
        for v in present:
            hit = memo.get(v)
            if hit is None:
                if len(memo) >= _REGEX_MEMO_SIZE:
                    memo.clear()
                hit = memo[v] = arg.search(self.vocab.strings[v]) is not None
            if hit:
                return True
        return False

    def _passes(self, cols: list[list[int]], i: int, checks: list[tuple[int, int, int, Any]]) -> bool:
        for k, ci, op, arg in checks:
            v = cols[ci][i + k]
            if op == _IN:
                if v not in arg:
                    return False
            elif op == _NOT_IN:
                if v in arg:
                    return False
            elif not arg.search(self.vocab.strings[v]):
                return False
        return True


def speed_up_attribute_ruler(ruler: Any) -> None:
    """Give a spaCy ``AttributeRuler`` an :class:`IndexedMatcher` for its patterns. Its own
    ``match`` sorts the matches by pattern number, so their order does not matter and every Doc
    gets exactly the same attributes. Call it after the last pattern is added."""
    patterns = []
    for i in range(len(ruler.attrs)):  # the ruler's pattern keys are "0", "1", ...
        patterns.extend((str(i), p) for p in ruler.matcher.get(str(i))[1])
    fast = IndexedMatcher(ruler.vocab, patterns)
    strings = ruler.vocab.strings
    number = {strings.add(str(i)): i for i in range(len(ruler.attrs))}  # key id -> pattern number

    def match(doc: Doc) -> list[tuple[int, int, int, int]]:
        return sorted((number[m_id], m_id, s, e) for m_id, s, e in fast(doc))

    own_set_annotations = ruler.set_annotations
    from spacy.tokens._retokenize import set_token_attrs

    def set_annotations(doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """The ruler's own ``set_annotations`` (each match's token, in order, gets its pattern's
        attributes) without building a Span per match; an index outside its match goes to the
        ruler's own, which raises its error."""
        for n_match, (attr_id, _match_id, start, end) in enumerate(matches):
            index = ruler.indices[attr_id]
            i = index + end if index < 0 else index + start
            if not start <= i < end:
                set_annotations.fallback(doc, matches[n_match:])  # type: ignore[attr-defined]
                return
            set_token_attrs(doc[i], ruler.attrs[attr_id])

    set_annotations.fallback = own_set_annotations  # type: ignore[attr-defined]
    ruler.match = match
    ruler.set_annotations = set_annotations


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

    own_set_annotations = ruler.set_annotations

    def set_annotations(doc: Doc, matches: list[tuple[int, int, int]]) -> None:
        """No match, and every token already has its entity tag (the model's recogniser ran):
        the stock method would only set the Doc's own entities again, a costly no-op."""
        if matches or not doc.has_annotation("ENT_IOB", require_complete=True):
            own_set_annotations(doc, matches)

    ruler.match = match
    ruler.set_annotations = set_annotations

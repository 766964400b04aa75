"""Event cues: a spaCy component that marks the words which signal an incident type.

Patterns live in ``data/cues.jsonl`` (one phrase per line, with its cue name and weight; the
file header says where the vocabulary comes from). Each phrase is compiled into a spaCy
``Matcher`` pattern over lower-cased word forms; inflections are generated here (plural,
third person, past, participle, gerund, common irregular verbs) so the data file stays short
and the match does not depend on the small model's lemmatiser.

The component stores matches on ``doc._.cues`` as :class:`Cue` records; ``detect`` reads them.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from eventlens.stages.cues_syntax import syntax_cues
from eventlens.stages.inflect import noun_forms, verb_forms
from eventlens.types import Cue

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_CLAUSE_PUNCT = [
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    "(",
    ")",
    "[",
    "]",
    '"',
    "\u201c",
    "\u201d",
    "--",
    "\u2014",
    "\u2013",
]
_TOKEN = re.compile(r"^(?P<alts>[^:!]+?)(?::(?P<pos>[VNA]))?(?P<lower>!)?$")


def compile_phrase(phrase: str) -> list[dict[str, Any]]:
    """``"fire|launch:V _ rockets"`` -> a spaCy Matcher token pattern (``!``: lower-case only)."""
    pattern: list[dict[str, Any]] = []
    for raw in phrase.split():
        if raw == "_":
            # any word, or a hyphen inside a compound ("a three-day strike"), but no clause punctuation
            pattern.append({"OP": "?", "ORTH": {"NOT_IN": _CLAUSE_PUNCT}})
            continue
        m = _TOKEN.match(raw)
        if not m:
            raise ValueError(f"cues.jsonl: bad token {raw!r} in phrase {phrase!r}")
        forms: set[str] = set()
        for alt in m.group("alts").split("|"):
            alt = alt.lower()
            if m.group("pos") == "V":
                forms |= verb_forms(alt)
            elif m.group("pos") == "N" or (m.group("pos") is None and alt.isalpha() and len(alt) > 3):
                # nouns written in the singular match their plural too ("school" -> "schools");
                # forms that are not words never occur, so the extra forms cost nothing
                forms |= noun_forms(alt)
            else:
                forms.add(alt)
        if forms == {"-"}:  # a hyphen written as its own token ("sit - in", "shoot - out")
            pattern.append({"ORTH": "-"})
            continue
        # hyphenated forms are split by the tokenizer: "cease-fire" -> cease - fire
        if any("-" in f for f in forms) and len(forms) == 1:
            parts = next(iter(forms)).split("-")
            for i, p in enumerate(parts):
                if i:
                    pattern.append({"ORTH": "-"})
                pattern.append({"LOWER": p})
            continue
        spec: dict[str, Any] = {"LOWER": {"IN": sorted(forms)}}
        if m.group("lower"):
            spec["IS_LOWER"] = True
        pattern.append(spec)
    return pattern


@lru_cache(maxsize=1)
def load_cue_table() -> tuple[dict[str, Any], ...]:
    text = resources.files("eventlens").joinpath("data/cues.jsonl").read_text("utf-8")
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        obj = json.loads(line)
        if "cue" in obj:
            obj["_line"] = n
            rows.append(obj)
    return tuple(rows)


def add_cue_component(nlp: Language) -> None:
    """Register and add the ``eventlens_cues`` component to ``nlp`` (last in the pipeline)."""
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.tokens import Doc as SpacyDoc

    if not SpacyDoc.has_extension("cues"):
        SpacyDoc.set_extension("cues", default=None)

    if not Language.has_factory("eventlens_cues"):

        @Language.factory("eventlens_cues")
        def make_cues(nlp, name):  # type: ignore[no-untyped-def]  # spaCy validates real annotations
            return CueComponent(nlp, Matcher)

    nlp.add_pipe("eventlens_cues", last=True)


def _required_forms(pattern: list[dict[str, Any]]) -> list[frozenset[str]]:
    """The word forms each non-optional token of a compiled pattern accepts."""
    out = []
    for tok in pattern:
        if tok.get("OP") == "?":
            continue
        low = tok.get("LOWER")
        if isinstance(low, dict):
            out.append(frozenset(low["IN"]))
        elif isinstance(low, str):
            out.append(frozenset([low]))
        elif "ORTH" in tok:
            out.append(frozenset([tok["ORTH"]]))
    return out


def _keep(best: dict[tuple[str, int], Cue], cue: Cue) -> None:
    """One cue per (name, start token): keep the strongest, then the longest."""
    key = (cue.name, cue.start)
    old = best.get(key)
    # a veto (negative weight) read from the parse outranks an equally strong phrase match
    if old is None or (abs(cue.weight), cue.weight < 0, cue.end - cue.start) > (
        abs(old.weight),
        old.weight < 0,
        old.end - old.start,
    ):
        best[key] = cue


class CueComponent:
    """Runs each cue pattern only on the sentences that contain all of its required words.

    One ``Matcher`` over all ~300 patterns, most with optional gap tokens, cost a third of the
    whole spaCy pass (bench/throughput.py). A sentence contains the words of very few patterns,
    so each pattern gets its own small matcher, indexed by its first word, and is run on a
    sentence only when every word it needs is there. Same matches, a fraction of the work.
    """

    def __init__(self, nlp: Language, matcher_cls: Any) -> None:
        self.rows: list[tuple[str, float, Any, list[frozenset[str]]]] = []
        self.by_first: dict[str, list[int]] = {}
        for row in load_cue_table():
            pattern = compile_phrase(row["phrase"])
            matcher = matcher_cls(nlp.vocab)
            matcher.add(f"{row['cue']}#{row['_line']}", [pattern])
            required = _required_forms(pattern)
            idx = len(self.rows)
            self.rows.append((row["cue"], float(row["weight"]), matcher, required))
            for form in required[0] if required else ():
                self.by_first.setdefault(form, []).append(idx)

    def __call__(self, doc: Doc) -> Doc:
        best: dict[tuple[str, int], Cue] = {}
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        lowers, texts = [], []  # each token read once per Doc
        for t in doc:
            lowers.append(t.lower_)
            texts.append(t.text)
        for sent in sents:
            words = set(lowers[sent.start : sent.end])
            words.update(texts[sent.start : sent.end])
            candidates = {i for w in words for i in self.by_first.get(w, ())}
            for i in sorted(candidates):
                name, weight, matcher, required = self.rows[i]
                if not all(forms & words for forms in required):
                    continue
                for _, start, end in matcher(sent):
                    start += sent.start
                    end += sent.start
                    span = doc[start:end]
                    _keep(best, Cue(name, weight, start, end, span.start_char, span.end_char, span.text))
            for cue in syntax_cues(sent):
                _keep(best, cue)
        # a vetoed GENERIC ("the fiercest fighting in recent months") is no pattern at all
        kept = (c for c in best.values() if not (c.name == "GENERIC" and c.weight <= 0))
        doc._.cues = sorted(kept, key=lambda c: (c.start, c.name))
        return doc

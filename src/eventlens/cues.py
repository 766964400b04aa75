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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

IRREGULAR: dict[str, tuple[str, ...]] = {
    "shoot": ("shot", "shooting", "shoots"),
    "fight": ("fought", "fighting", "fights"),
    "blow": ("blew", "blown", "blowing", "blows"),
    "beat": ("beat", "beaten", "beating", "beats"),
    "throw": ("threw", "thrown", "throwing", "throws"),
    "hold": ("held", "holding", "holds"),
    "flee": ("fled", "fleeing", "flees"),
    "set": ("set", "setting", "sets"),
    "burn": ("burnt", "burned", "burning", "burns"),
    "strike": ("struck", "striking", "strikes"),
    "retake": ("retook", "retaken", "retaking", "retakes"),
    "overtake": ("overtook", "overtaken", "overtaking", "overtakes"),
    "take": ("took", "taken", "taking", "takes"),
    "seek": ("sought", "seeking", "seeks"),
    "lead": ("led", "leading", "leads"),
    "break": ("broke", "broken", "breaking", "breaks"),
    "go": ("went", "gone", "going", "goes"),
    "fall": ("fell", "fallen", "falling", "falls"),
    "lay": ("laid", "laying", "lays"),
    "hit": ("hit", "hitting", "hits"),
    "open": ("opened", "opening", "opens"),
    "find": ("found", "finding", "finds"),
    "slay": ("slew", "slain", "slaying"),
    "steal": ("stole", "stolen", "stealing", "steals"),
    "overrun": ("overran", "overrunning", "overruns"),
    "drive": ("drove", "driven", "driving", "drives"),
    "shut": ("shut", "shutting"),
    "lob": ("lobbed", "lobbing", "lobs"),
    "rip": ("ripped", "ripping", "rips"),
    "nab": ("nabbed", "nabbing", "nabs"),
    "rob": ("robbed", "robbing", "robs"),
    "stab": ("stabbed", "stabbing", "stabs"),
    "gun": ("gunned", "gunning", "guns"),
    "plan": ("planned", "planning"),
    "slam": ("slammed", "slamming", "slams"),
    "flog": ("flogged", "flogging", "flogs"),
    "step": ("stepped", "stepping", "steps"),
    "ban": ("banned", "banning", "bans"),
    "whip": ("whipped", "whipping", "whips"),
    "rustle": ("rustled", "rustling"),
    "pledge": ("pledged", "pledging", "pledges"),
    # more common irregular verbs (past, participle): cue patterns of any of them must match the
    # past tense news is told in ("withdrew from", "ran over a mine")
    "withdraw": ("withdrew", "withdrawn", "withdrawing", "withdraws"),
    "run": ("ran", "run", "running", "runs"),
    "ride": ("rode", "ridden", "riding", "rides"),
    "sit": ("sat", "sitting", "sits"),
    "stand": ("stood", "standing", "stands"),
    "bring": ("brought", "bringing", "brings"),
    "catch": ("caught", "catching", "catches"),
    "leave": ("left", "leaving", "leaves"),
    "meet": ("met", "meeting", "meets"),
    "send": ("sent", "sending", "sends"),
    "fly": ("flew", "flown", "flying", "flies"),
    "draw": ("drew", "drawn", "drawing", "draws"),
    "hang": ("hung", "hanged", "hanging", "hangs"),
    "hide": ("hid", "hidden", "hiding", "hides"),
    "lose": ("lost", "losing", "loses"),
    "light": ("lit", "lighted", "lighting", "lights"),
    "tear": ("tore", "torn", "tearing", "tears"),
    "wear": ("wore", "worn", "wearing", "wears"),
    "win": ("won", "winning", "wins"),
    "swear": ("swore", "sworn", "swearing", "swears"),
    "spread": ("spread", "spreading", "spreads"),
    "cut": ("cut", "cutting", "cuts"),
    "put": ("put", "putting", "puts"),
    "split": ("split", "splitting", "splits"),
    "shake": ("shook", "shaken", "shaking", "shakes"),
    "sink": ("sank", "sunk", "sinking", "sinks"),
    "sling": ("slung", "slinging", "slings"),
    "stick": ("stuck", "sticking", "sticks"),
    "sell": ("sold", "selling", "sells"),
    "buy": ("bought", "buying", "buys"),
    "keep": ("kept", "keeping", "keeps"),
    "make": ("made", "making", "makes"),
    "give": ("gave", "given", "giving", "gives"),
    "get": ("got", "gotten", "getting", "gets"),
    "come": ("came", "coming", "comes"),
    "begin": ("began", "begun", "beginning", "begins"),
    "rise": ("rose", "risen", "rising", "rises"),
    "seize": ("seized", "seizing", "seizes"),
    "dig": ("dug", "digging", "digs"),
    "bind": ("bound", "binding", "binds"),
    "grind": ("ground", "grinding", "grinds"),
    "swing": ("swung", "swinging", "swings"),
    "wound": ("wounded", "wounding", "wounds"),
    "feed": ("fed", "feeding", "feeds"),
    "bleed": ("bled", "bleeding", "bleeds"),
    "overthrow": ("overthrew", "overthrown", "overthrowing", "overthrows"),
    "undertake": ("undertook", "undertaken", "undertaking", "undertakes"),
    "mistake": ("mistook", "mistaken", "mistaking"),
    "quit": ("quit", "quitting", "quits"),
    "bear": ("bore", "borne", "bearing", "bears"),
    "strive": ("strove", "striven", "striving"),
    "forsake": ("forsook", "forsaken"),
    "stride": ("strode", "striding"),
    "pay": ("paid", "paying", "pays"),
    "say": ("said", "saying", "says"),
    "deal": ("dealt", "dealing", "deals"),
    "mean": ("meant", "meaning", "means"),
    "spend": ("spent", "spending", "spends"),
    "build": ("built", "building", "builds"),
    "hear": ("heard", "hearing", "hears"),
    "know": ("knew", "known", "knowing", "knows"),
    "see": ("saw", "seen", "seeing", "sees"),
    "tell": ("told", "telling", "tells"),
    "think": ("thought", "thinking", "thinks"),
    "write": ("wrote", "written", "writing", "writes"),
    "speak": ("spoke", "spoken", "speaking", "speaks"),
    "choose": ("chose", "chosen", "choosing", "chooses"),
    "freeze": ("froze", "frozen", "freezing", "freezes"),
    "arise": ("arose", "arisen", "arising", "arises"),
}
_VOWELS = set("aeiou")


def verb_forms(w: str) -> set[str]:
    """Common English verb forms of ``w`` (regular rules plus a small irregular table)."""
    out = {w}
    if w in IRREGULAR:
        out.update(IRREGULAR[w])
    if w.endswith("e"):
        out.update({w + "s", w + "d", w[:-1] + "ing"})
    elif w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        out.update({w[:-1] + "ies", w[:-1] + "ied", w + "ing"})
    elif w.endswith(("s", "sh", "ch", "x", "z")):
        out.update({w + "es", w + "ed", w + "ing"})
    else:
        out.update({w + "s", w + "ed", w + "ing"})
        if len(w) >= 3 and w[-1] in "bdgmnprt" and w[-2] in _VOWELS and w[-3] not in _VOWELS:
            out.update({w + w[-1] + "ed", w + w[-1] + "ing"})  # kidnap -> kidnapped, kidnapping
    return out


def noun_forms(w: str) -> set[str]:
    if w.endswith(("s", "sh", "ch", "x", "z")):
        return {w, w + "es"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        return {w, w[:-1] + "ies"}
    return {w, w + "s"}


@dataclass(frozen=True, slots=True)
class Cue:
    """A matched cue: its name, weight, and token/char bounds in the Doc."""

    name: str
    weight: float
    start: int  # token index
    end: int
    start_char: int
    end_char: int
    text: str


_CLAUSE_PUNCT = [",", ".", ";", ":", "!", "?", "(", ")", "[", "]", '"', "\u201c", "\u201d", "--", "\u2014", "\u2013"]
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
    if old is None or (abs(cue.weight), cue.weight < 0, cue.end - cue.start) > (abs(old.weight), old.weight < 0, old.end - old.start):
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
        from .cues_syntax import syntax_cues

        best: dict[tuple[str, int], Cue] = {}
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        for sent in sents:
            words = {t.lower_ for t in sent} | {t.text for t in sent}
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
        doc._.cues = sorted(best.values(), key=lambda c: (c.start, c.name))
        return doc

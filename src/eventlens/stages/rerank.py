"""A linear re-ranker over the rule decision: sub-event type from cues, argument facts and words.

The rules in :mod:`eventlens.stages.detect` carry the taxonomy's definitions and generalise across
writing styles; the linear model learns how the same evidence is weighed where the rules are
coarse (armed clash versus attack, mob versus violent demonstration). Its features are the
rule's decision, the cue weights, a few argument facts, who does what to whom by kind of side
(state forces, armed group, crowd, civilians: "sv=state>fire", "vo=seize>place"), the
incident's content words, their bigrams and character 4-grams, so it can only shift a decision
the text supports.

Training (``tools/train_subtype.py``) uses scikit-learn on ACLED coder notes (dev.csv and
train.csv without the untouched test slice) and news (CASE 2021 task-2 dev snippets, sentences
written for eventlens), with 5 fixed folds by a hash of each row's id (:func:`fold_of`).
Features may be style-augmented (:func:`augment`): a shared copy and a copy for coder notes or
news, so news keeps its own corrections. Inference here is a dot product with NumPy over the
weights shipped in ``data/subtype_model.json`` (its header names the training data, its licence,
the configuration and the cross-validated figures). With no model file, the rules decide alone.
Classes are weighted to balance during training so the majority class (peaceful protests are
half of ACLED's rows) earns no prior.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from eventlens.stages.arguments.spans import _doc_text
from eventlens.stages.cues_syntax.sides import actor_kind
from eventlens.types import Cue

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token as SpacyToken

log = logging.getLogger(__name__)

MODEL_FILE = "data/subtype_model.json"
#: Bumped whenever :func:`features` changes (the trainer's feature cache is keyed by it).
FEATURES_VERSION = "3"
_SKIP_ENTS = frozenset(
    {"GPE", "LOC", "FAC", "PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
)


def features(
    sents: Sequence[SpacySpan],
    cues: Iterable[Cue],
    rule: str | None,
    facts: Mapping[str, bool],
) -> dict[str, float]:
    """The feature dict of one incident (same function at training and inference)."""
    f: dict[str, float] = {}
    if rule:
        f[f"rule={rule}"] = 1.0
    first: Cue | None = None
    for c in cues:
        key = f"cue={c.name}"
        f[key] = min(3.0, f.get(key, 0.0) + c.weight)
        if c.weight >= 1.0 and (first is None or c.start < first.start):
            first = c
    if first is not None:
        f[f"first={first.name}"] = 1.0
    for name, on in facts.items():
        if on:
            f[f"fact={name}"] = 1.0
    if sents and _NOTES_STYLE.match(_doc_text(sents[0].doc)):  # (the Doc's text built once)
        f["_notes"] = 1.0  # a coder's note, not news: the model's "notes" feature copies apply
    for sent in sents:
        words = _content_words(sent)
        for tok in words:
            f[f"w={tok.lemma_.lower()}"] = 1.0
        _ngram_features(words, f)
        _structure_features(sent, f)
    return f


#: How ACLED coder notes open ("On 3 March 2022, ...", "Displacement: Around 9 February 2022").
_NOTES_STYLE = re.compile(
    r"\s*(?:[A-Z][\w /-]{0,40}:\s*)?(?:On|Around|Between|From)\s+(?:or around\s+)?\d{1,2}\s+[A-Z][a-z]+"
)


def augment(feats: Mapping[str, float]) -> dict[str, float]:
    """Each feature twice: as is (shared by every style) and as a copy for the incident's style
    ("notes|w=gather" or "news|w=gather"), so what ACLED's notes teach carries over to news
    while each style keeps its own corrections (Daume III's feature augmentation)."""
    style = "notes" if feats.get("_notes") else "news"
    out = {k: v for k, v in feats.items() if not k.startswith("_")}
    out.update({f"{style}|{k}": v for k, v in list(out.items())})
    return out


def _content_words(sent: SpacySpan) -> list[SpacyToken]:
    """The sentence's content words: no stop words, numbers, names of places or people, nor the
    editorial brackets of coder notes ("[size=no report]")."""
    out = []
    inside = False
    for tok in sent:
        if tok.text == "[":
            inside = True
        elif tok.text == "]":
            inside = False
        if inside or not tok.is_alpha or tok.is_stop or len(tok.text) < 3:
            continue
        if tok.ent_type_ in _SKIP_ENTS:
            continue
        out.append(tok)
    return out


def _ngram_features(words: Sequence[SpacyToken], f: dict[str, float]) -> None:
    """Lemma bigrams of neighbouring content words ("tear gas", "open fire") and the
    character 4-grams of each word (shared stems across inflections and styles)."""
    lemmas = [t.lemma_.lower() for t in words]
    for a, b in zip(lemmas, lemmas[1:], strict=False):
        f[f"b={a}_{b}"] = 1.0
    for t in words:
        w = f"<{t.lower_}>"
        for i in range(len(w) - 3):
            f[f"c={w[i : i + 4]}"] = 1.0


def _structure_features(sent: SpacySpan, f: dict[str, float]) -> None:
    """Who does what to whom, by kind of side: the kind (state forces, armed group, crowd,
    civilians, other) of each verb's subject and object with the verb's lemma ("state>fire",
    "crowd>block", "capture>place"), read from the parse."""
    for tok in sent:
        if tok.pos_ != "VERB":
            continue
        verb = tok.lemma_.lower()
        for c in tok.children:
            if c.dep_ == "nsubj":
                f[f"sv={side_kind(c)}>{verb}"] = 1.0
            elif c.dep_ in ("dobj", "nsubjpass"):
                f[f"vo={verb}>{side_kind(c)}"] = 1.0
            elif c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        f[f"sv={side_kind(p)}>{verb}"] = 1.0


#: Heads of a crowd or of civilians (the other sides of a protest, a riot, an attack).
_CROWD_HEADS = frozenset(
    "protester protestor demonstrator crowd mob rioter student supporter marcher activist worker "
    "youth farmer trader teacher".split()
)
_CIVILIAN_HEADS = frozenset(
    "civilian resident villager people passenger worshipper child woman man family journalist "
    "pupil patient shopper".split()
)


def side_kind(head: SpacyToken) -> str:
    """The kind of the noun phrase headed by ``head``: "state", "armed" (by
    :func:`~eventlens.stages.cues_syntax.sides.actor_kind`, invented names included),
    "crowd", "civilian", "place" or "other"."""
    kind = actor_kind(head)
    if kind:
        return kind
    lemma = head.lemma_.lower()
    if lemma in _CROWD_HEADS:
        return "crowd"
    if lemma in _CIVILIAN_HEADS:
        return "civilian"
    if head.ent_type_ in ("GPE", "LOC", "FAC"):
        return "place"
    return "other"


@dataclass(frozen=True, slots=True)
class LinearModel:
    classes: tuple[str, ...]
    index: dict[str, int]
    coef: Any  # numpy array (n_classes, n_features)
    intercept: Any
    meta: dict[str, Any]

    #: look-up tables derived from the weights once (see :meth:`_tables`)
    _derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def _tables(self) -> tuple[Any, dict[str, dict[str, int]]]:
        """The weights one row per feature (a feature's weights side by side, for a fast
        gather) and, per writing style, the columns of the style copies by the shared name
        ("news|w=gather" under "news" as "w=gather"): :func:`augment` without building its dict."""
        got = self._derived.get("tables")
        if got is None:
            import numpy as np

            styles: dict[str, dict[str, int]] = {"notes": {}, "news": {}}
            for k, j in self.index.items():
                style, bar, name = k.partition("|")
                if bar and style in styles:
                    styles[style][name] = j
            got = self._derived["tables"] = (np.ascontiguousarray(np.asarray(self.coef).T), styles)
        return got  # type: ignore[no-any-return]

    def predict_proba(self, feats: Mapping[str, float]) -> dict[str, float]:
        import numpy as np

        coef_t, styles = self._tables()
        index = self.index
        cols: list[int] = []
        values: list[float] = []
        if self.meta.get("augmented"):
            # augment(feats)'s features in its order: each shared one, then each style copy
            shared = [(k, v) for k, v in feats.items() if not k.startswith("_")]
            copies = styles["notes" if feats.get("_notes") else "news"]
            for table in (index, copies):
                for k, v in shared:
                    j = table.get(k)
                    if j is not None:
                        cols.append(j)
                        values.append(v)
        else:
            for k, v in feats.items():
                j = index.get(k)
                if j is not None:
                    cols.append(j)
                    values.append(v)
        # the intercept, then each feature's weight times its value in the weights' precision,
        # summed in order in float64 (cumsum is sequential): the same bits as adding them one
        # by one
        terms = np.empty((len(cols) + 1, coef_t.shape[1]), dtype=float)
        terms[0] = np.asarray(self.intercept, dtype=float)
        if cols:
            terms[1:] = coef_t[cols] * np.asarray(values, dtype=coef_t.dtype)[:, None]
        for i, v in enumerate(values):
            if type(v) not in (float, int, bool):  # a NumPy number sets the product's precision
                terms[i + 1] = coef_t[cols[i]] * v
        scores = np.cumsum(terms, axis=0)[-1]
        m = float(scores.max())
        ex = np.exp(scores - m)
        p = ex / ex.sum()
        return {c: float(p[i]) for i, c in enumerate(self.classes)}

    def to_json(self) -> str:
        names = sorted(self.index, key=self.index.__getitem__)
        return json.dumps(
            {
                "_about": self.meta,
                "classes": list(self.classes),
                "features": names,
                "intercept": [round(float(x), 5) for x in self.intercept],
                "coef": [[round(float(x), 4) or 0 for x in row] for row in self.coef],
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> LinearModel:
        import numpy as np

        obj = json.loads(text)
        names = obj["features"]
        return cls(
            tuple(obj["classes"]),
            {n: i for i, n in enumerate(names)},
            np.array(obj["coef"], dtype=np.float32),
            np.array(obj["intercept"], dtype=np.float32),
            obj.get("_about", {}),
        )


@lru_cache(maxsize=1)
def default_model() -> LinearModel | None:
    """The shipped model, or None (rules alone) when the package has none."""
    try:
        text = resources.files("eventlens").joinpath(MODEL_FILE).read_text("utf-8")
    except (FileNotFoundError, OSError):
        log.info("no %s: sub-event types come from the rules alone", MODEL_FILE)
        return None
    return LinearModel.from_json(text)


#: Classes with fewer training examples than this are left to the rules (5 folds need >= 4 per fold).
MIN_SUPPORT = 20

#: Rule decisions at or above this confidence are definitional (a suicide bombing is a Suicide
#: bomb whatever else the article says) and are never re-ranked.
DEFINITIONAL = 0.85


#: How much more probable (absolute) the model's class must be than the rule's to replace it.
OVERRULE_MARGIN = 0.1


def may_overrule(rule: str, rule_conf: float, model: LinearModel | None) -> bool:
    """Whether the model may overrule the rules' ``rule`` at all: never a definitional rule
    decision, nor a class the model saw too few (or no) examples of to judge (ACLED's dev rows
    hold no chemical attacks, few agreements or territorial changes)."""
    if model is None or rule_conf >= DEFINITIONAL:
        return False
    support = (getattr(model, "meta", None) or {}).get("support") or {}
    return not support or support.get(rule, 0) >= MIN_SUPPORT


def probabilities(
    rule: str, rule_conf: float, feats: Mapping[str, float], model: LinearModel | None
) -> dict[str, float] | None:
    """The model's probabilities for one incident where it may overrule the rules' ``rule``
    (:func:`may_overrule`), else None: computed once, for :func:`decide` and then for the
    record's confidence (``calibrate.signals``)."""
    if model is None or not may_overrule(rule, rule_conf, model):
        return None
    return model.predict_proba(feats)


def decide(
    rule: str,
    rule_conf: float,
    feats: Mapping[str, float],
    model: LinearModel | None,
    margin: float | None = None,
    probs: Mapping[str, float] | None = None,
) -> tuple[str, float]:
    """The final sub-event type and its confidence. The margin is ``margin``, else the one the
    model was chosen with (its header's ``overrule_margin``), else :data:`OVERRULE_MARGIN`.
    ``probs`` are the model's probabilities for ``feats`` when the caller has them already
    (:func:`probabilities`), so the record's confidence reuses what the decision computed."""
    if model is None or not may_overrule(rule, rule_conf, model):
        return rule, rule_conf
    if margin is None:
        margin = float(model.meta.get("overrule_margin", OVERRULE_MARGIN))
    if probs is None:
        probs = model.predict_proba(feats)
    best = max(probs, key=probs.__getitem__)
    if best != rule and probs[best] < probs.get(rule, 0.0) + margin:
        # the model must clearly prefer another class to overrule the definitions
        return rule, max(rule_conf, probs.get(rule, 0.0))
    return best, probs[best]


def cross_validate(
    examples: Sequence[tuple[dict[str, float], str]],
    *,
    folds: int = 5,
    c: float = 1.0,
    seed: int = 0,
    margin: float | None = None,
) -> list[str]:
    """Out-of-fold predictions (stratified ``folds``-fold) for an honest score on training data."""
    from sklearn.model_selection import StratifiedKFold

    labels = [y for _, y in examples]
    # classes too rare to stratify still get predicted; StratifiedKFold only warns for them
    import warnings

    out = [""] * len(examples)
    skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        for tr, te in skf.split(list(range(len(examples))), labels):
            model = train([examples[i] for i in tr], c=c)
            for i in te:
                feats = examples[i][0]
                rule = next((k[5:] for k in feats if k.startswith("rule=")), "")
                conf = feats.get("_rule_conf", 0.0)
                out[i] = decide(rule, conf, feats, model, margin)[0]
    return out


def fold_of(key: str, folds: int = 5) -> int:
    """The fixed cross-validation fold of a training row or evaluation item (by a hash of its
    id): the trainer leaves fold k out of fold model k, and the ``case2021`` suite scores an
    item of fold k with that model only."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % folds


def train(
    examples: Sequence[tuple[dict[str, float], str]],
    *,
    c: float = 1.0,
    meta: dict[str, Any] | None = None,
    sample_weight: Sequence[float] | None = None,
    groups: Iterable[str] | None = None,
    min_df: int = 1,
    augmented: bool = False,
    prune: float = 1e-3,
) -> LinearModel:
    """Fit a multinomial logistic regression with softened class balancing (needs scikit-learn).

    Each class is weighted by the square root of its "balanced" weight: rare sub-types still
    count far more than their share (no majority-class prior from peaceful protests), without
    letting a handful of examples of a rare class pull common cases into it (5-fold CV on ACLED
    dev: sub-type 0.916 -> 0.918 and macro-F1 up against full balancing). ``sample_weight``
    weighs rows on top (news against coder notes); ``groups`` keeps only the features whose
    name starts with one of these prefixes (``"w="``, ``"c="``, ...); features seen in fewer
    than ``min_df`` rows are dropped; ``augmented`` trains on :func:`augment`'s copies; weights
    below ``prune`` (absolute) are zeroed.
    """
    from collections import Counter

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    prefixes = tuple(groups) if groups is not None else None
    rows = [
        {k: v for k, v in f.items() if k.startswith("_") or prefixes is None or k.startswith(prefixes)}
        for f, _ in examples
    ]
    vec = DictVectorizer(sparse=True)
    x = vec.fit_transform(
        [augment(f) if augmented else {k: v for k, v in f.items() if not k.startswith("_")} for f in rows]
    )
    names_all = vec.feature_names_
    if min_df > 1:
        df = np.asarray((x != 0).sum(axis=0)).ravel()
        cols = np.where(df >= min_df)[0]
        x = x[:, cols]
        names_all = [names_all[j] for j in cols]
    y = [label for _, label in examples]
    counts = Counter(y)
    weights = {k: (len(y) / (len(counts) * n)) ** 0.5 for k, n in counts.items()}
    clf = LogisticRegression(C=c, class_weight=weights, max_iter=3000)
    clf.fit(x, y, sample_weight=None if sample_weight is None else np.asarray(sample_weight, dtype=float))
    coef = clf.coef_.copy()
    # weights below ``prune`` are zeroed and features left with none dropped: a small file
    # (cross-validation trains through here, so its figures are those of the pruned model)
    coef[np.abs(coef) < prune] = 0.0
    keep = np.where(np.abs(coef).max(axis=0) > 0)[0]
    names = [names_all[j] for j in keep]
    meta = dict(meta or {})
    meta["support"] = dict(sorted(counts.items()))
    meta["augmented"] = augmented
    return LinearModel(
        tuple(clf.classes_),
        {n: i for i, n in enumerate(names)},
        coef[:, keep],
        clf.intercept_,
        meta,
    )

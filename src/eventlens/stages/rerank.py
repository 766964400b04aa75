"""A linear re-ranker over the rule decision: sub-event type from cues, argument facts and words.

The rules in :mod:`eventlens.stages.detect` carry the taxonomy's definitions and generalise across
writing styles; the linear model learns how ACLED coders weigh the same evidence where the rules
are coarse (armed clash versus attack, mob versus violent demonstration). Its features are the
rule's decision, the cue weights, a few argument facts and the incident's content words, so it
can only shift a decision the text supports.

Training (``tools/train_subtype.py``) uses scikit-learn; inference here is a dot product with
NumPy over weights shipped in ``data/subtype_model.json`` (its header names the training data,
its licence and the cross-validated figures). With no model file, the rules decide alone.
Classes are weighted to balance during training so the majority class (peaceful protests are
half of ACLED's rows) earns no prior.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from eventlens.types import Cue

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

log = logging.getLogger(__name__)

MODEL_FILE = "data/subtype_model.json"
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
    for sent in sents:
        inside = False
        for tok in sent:
            if tok.text == "[":
                inside = True  # editorial brackets ("[size=no report]") are not the story
            elif tok.text == "]":
                inside = False
            if inside or not tok.is_alpha or tok.is_stop or len(tok.text) < 3:
                continue
            if tok.ent_type_ in _SKIP_ENTS:
                continue
            f[f"w={tok.lemma_.lower()}"] = 1.0
    return f


@dataclass(frozen=True, slots=True)
class LinearModel:
    classes: tuple[str, ...]
    index: dict[str, int]
    coef: Any  # numpy array (n_classes, n_features)
    intercept: Any
    meta: dict[str, Any]

    def predict_proba(self, feats: Mapping[str, float]) -> dict[str, float]:
        import numpy as np

        scores = np.array(self.intercept, dtype=float).copy()
        for k, v in feats.items():
            j = self.index.get(k)
            if j is not None:
                scores += self.coef[:, j] * v
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
                "coef": [[round(float(x), 4) for x in row] for row in self.coef],
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


def decide(
    rule: str,
    rule_conf: float,
    feats: Mapping[str, float],
    model: LinearModel | None,
    margin: float | None = None,
) -> tuple[str, float]:
    """The final sub-event type and its confidence."""
    margin = OVERRULE_MARGIN if margin is None else margin
    if model is None or rule_conf >= DEFINITIONAL:
        return rule, rule_conf
    support = model.meta.get("support") or {}
    if support and support.get(rule, 0) < MIN_SUPPORT:
        # The model saw too few (or no) examples of this class to overrule the rules on it
        # (ACLED's dev rows hold no chemical attacks, few agreements or territorial changes).
        return rule, rule_conf
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


def train(
    examples: Sequence[tuple[dict[str, float], str]], *, c: float = 1.0, meta: dict[str, Any] | None = None
) -> LinearModel:
    """Fit a multinomial logistic regression with softened class balancing (needs scikit-learn).

    Each class is weighted by the square root of its "balanced" weight: rare sub-types still
    count far more than their share (no majority-class prior from peaceful protests), without
    letting a handful of examples of a rare class pull common cases into it (5-fold CV on ACLED
    dev: sub-type 0.916 -> 0.918 and macro-F1 up against full balancing).
    """
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sparse=True)
    x = vec.fit_transform([{k: v for k, v in f.items() if not k.startswith("_")} for f, _ in examples])
    y = [label for _, label in examples]
    from collections import Counter

    counts = Counter(y)
    weights = {k: (len(y) / (len(counts) * n)) ** 0.5 for k, n in counts.items()}
    clf = LogisticRegression(C=c, class_weight=weights, max_iter=3000)
    clf.fit(x, y)
    coef = clf.coef_
    # prune features with no weight anywhere: a smaller file, the same decisions
    keep = np.where(np.abs(coef).max(axis=0) > 1e-3)[0]
    names = [vec.feature_names_[j] for j in keep]
    meta = dict(meta or {})
    meta["support"] = dict(sorted(counts.items()))
    return LinearModel(
        tuple(clf.classes_),
        {n: i for i, n in enumerate(names)},
        coef[:, keep],
        clf.intercept_,
        meta,
    )

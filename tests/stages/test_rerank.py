"""The sub-event re-ranker: its features (structure, n-grams), training and fixed folds.

Sentences written for these tests (none from ACLED, CASE or the project's snippets).
"""

from __future__ import annotations

from collections import Counter

import pytest

from eventlens.stages.rerank import LinearModel, decide, features, fold_of, side_kind, train


def _feats(pipe, text: str) -> dict[str, float]:
    doc = pipe.nlp(text)
    return features(list(doc.sents), [], None, {})


def test_folds_are_fixed_and_spread() -> None:
    ids = [str(i) for i in range(1000)]
    folds = [fold_of(i) for i in ids]
    assert folds == [fold_of(i) for i in ids]  # a hash, not a random draw
    counts = Counter(folds)
    assert set(counts) == set(range(5))
    assert min(counts.values()) > 150


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        pytest.param(
            "Fighters of the Ostrava Brigade stormed the village.", "Fighters", "armed", id="invented-group"
        ),
        pytest.param("Government troops stormed the village.", "troops", "state", id="state-forces"),
        pytest.param("Angry protesters stormed the village hall.", "protesters", "crowd", id="crowd"),
        pytest.param("Villagers fled the town.", "Villagers", "civilian", id="civilians"),
    ],
)
def test_side_kind(pipe, text: str, word: str, kind: str) -> None:
    doc = pipe.nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert side_kind(tok) == kind


def test_features_tell_who_did_what(pipe) -> None:
    f = _feats(pipe, "Riot police fired tear gas at the marchers, and Kelvani rebels seized the border town.")
    assert f.get("sv=state>fire") == 1.0
    assert f.get("sv=armed>seize") == 1.0
    assert f.get("b=tear_gas") == 1.0
    assert f.get("c=<sei") == 1.0  # character 4-grams of "seized"


def test_features_skip_editorial_brackets(pipe) -> None:
    f = _feats(pipe, "Rebels attacked the post [size=no report].")
    assert "w=size" not in f and "w=report" not in f


def _toy(weights: tuple[float, float]) -> LinearModel:
    a = ({"w=alpha": 1.0, "cue=X": 1.0}, "Attack")
    b = ({"w=alpha": 1.0, "cue=X": 1.0}, "Armed clash")
    other = ({"w=march": 1.0, "cue=PROTEST": 1.0}, "Peaceful protest")  # three classes: multinomial
    ex = [a] * 30 + [b] * 30 + [other] * 30
    wt = [weights[0]] * 30 + [weights[1]] * 30 + [1.0] * 30
    return train(ex, c=1.0, sample_weight=wt)


def test_sample_weight_decides_between_identical_rows() -> None:
    feats = {"w=alpha": 1.0, "cue=X": 1.0}
    p = _toy((5.0, 1.0)).predict_proba(feats)
    assert max(p, key=p.__getitem__) == "Attack"
    p = _toy((1.0, 5.0)).predict_proba(feats)
    assert max(p, key=p.__getitem__) == "Armed clash"


def test_groups_and_min_df_limit_the_features() -> None:
    ex = [({"w=shot": 1.0, "cue=KILL": 1.0, f"w=rare{i}": 1.0}, "Attack") for i in range(25)]
    ex += [({"w=gather": 1.0, "cue=PROTEST": 1.0}, "Peaceful protest")] * 25
    model = train(ex, groups=("w=",), min_df=2)
    assert all(n.startswith("w=") for n in model.index)
    assert not any(n.startswith("w=rare") for n in model.index)  # each seen once


def test_json_round_trip_keeps_decisions() -> None:
    model = _toy((5.0, 1.0))
    again = LinearModel.from_json(model.to_json())
    feats = {"w=alpha": 1.0, "cue=X": 1.0, "_rule_conf": 0.5}
    assert (
        decide("Armed clash", 0.5, feats, again, 0.0)[0] == decide("Armed clash", 0.5, feats, model, 0.0)[0]
    )


@pytest.mark.parametrize(
    ("text", "style"),
    [
        pytest.param(
            "On 3 March 2023, residents of Kelm protested against water cuts.", "notes", id="coder-note"
        ),
        pytest.param(
            "Displacement: Around 9 May 2023, 300 villagers fled Kelm.", "notes", id="labelled-note"
        ),
        pytest.param("Residents of Kelm protested against water cuts on Monday.", "news", id="news-lead"),
    ],
)
def test_style_copies_follow_the_writing(pipe, text: str, style: str) -> None:
    from eventlens.stages.rerank import augment

    aug = augment(_feats(pipe, text))
    assert not any(k.startswith("_") for k in aug)
    shared = [k for k in aug if "|" not in k]
    assert shared and all(f"{style}|{k}" in aug for k in shared)
    other = "news" if style == "notes" else "notes"
    assert not any(k.startswith(f"{other}|") for k in aug)


def _one_by_one(model: LinearModel, feats: dict[str, float]) -> dict[str, float]:
    """The model's probabilities summed the plain way: intercept, then each feature in turn."""
    import numpy as np

    scores = np.array(model.intercept, dtype=float).copy()
    for k, v in feats.items():
        j = model.index.get(k)
        if j is not None:
            scores += model.coef[:, j] * v
    ex = np.exp(scores - float(scores.max()))
    p = ex / ex.sum()
    return {c: float(p[i]) for i, c in enumerate(model.classes)}


def test_probabilities_are_the_same_bits_as_adding_feature_by_feature() -> None:
    import numpy as np

    rng = np.random.default_rng(7)
    names = [f"w={i}" for i in range(300)]
    coef = rng.normal(0, 1.3, size=(4, len(names))).astype(np.float32)
    intercept = rng.normal(0, 0.5, size=4).astype(np.float32)
    model = LinearModel(("A", "B", "C", "D"), {n: i for i, n in enumerate(names)}, coef, intercept, {})
    for _ in range(40):
        keys = rng.choice(names, size=60, replace=False).tolist() + ["w=unknown"]
        feats = {k: float(rng.choice([1.0, 0.5, 3.0, 0.37])) for k in keys}
        assert model.predict_proba(feats) == _one_by_one(model, feats)
        # a NumPy value computes in its own precision, as the plain sum does
        wide = {k: np.float64(v) for k, v in feats.items()}
        assert model.predict_proba(wide) == _one_by_one(model, wide)
        assert model.predict_proba(feats) == _one_by_one(model, feats)  # asked again: the same


def test_augmented_probabilities_are_those_of_the_augmented_features() -> None:
    """A style-augmented model reads the shared features, then the incident's style copies
    (without building augment()'s dict): the same bits as adding augment()'s features one by one."""
    import numpy as np

    from eventlens.stages.rerank import augment

    rng = np.random.default_rng(11)
    base = [f"w={i}" for i in range(120)]
    names = base + [f"news|{k}" for k in base[::2]] + [f"notes|{k}" for k in base[1::3]]
    coef = rng.normal(0, 1.1, size=(3, len(names))).astype(np.float32)
    intercept = rng.normal(0, 0.5, size=3).astype(np.float32)
    model = LinearModel(
        ("A", "B", "C"), {n: i for i, n in enumerate(names)}, coef, intercept, {"augmented": True}
    )
    for trial in range(30):
        keys = rng.choice(base, size=40, replace=False).tolist() + ["w=unknown"]
        feats = {k: float(rng.choice([1.0, 0.5, 3.0])) for k in keys}
        feats["_rule_conf"] = 0.5
        if trial % 2:
            feats["_notes"] = 1.0
        got = model.predict_proba(feats)
        assert got == _one_by_one(model, augment(feats))
        other = dict(feats)
        other.pop("_notes", None) if trial % 2 else other.update(_notes=1.0)
        assert got != model.predict_proba(other)  # the style copies count

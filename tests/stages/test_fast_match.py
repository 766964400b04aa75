"""The indexed matcher finds exactly what spaCy's Matcher finds, and the rulers using it set the
same entities and attributes as the stock rulers."""

from __future__ import annotations

import pytest

from eventlens.stages.fast_match import IndexedMatcher

TEXTS = [
    "Gunmen fired two Katyusha rockets at the base; the Tribal Militia said it wasn't them.",
    "ISIS fighters and an unidentified armed group clashed with police near the market in Mosul.",
    "Y'all gonna see it: I'd have said the Mai Mai Militia is n't there, but it's gone.",
    "THE ARMY SHELLED THE VILLAGE.  Two   civilians were killed\n\nby mortar shells and a drone.",
    "there is a bomb in the car , and they got ta leave because it 's not safe",
    "",
]


@pytest.fixture(scope="module")
def nlp(pipe):
    return pipe.nlp


def _stock(nlp, patterns):
    from spacy.matcher import Matcher

    m = Matcher(nlp.vocab)
    for key, p in patterns:
        m.add(key, [p])
    return m


def test_same_matches_as_spacy_matcher(nlp):
    patterns = [
        ("A", [{"LOWER": "rockets"}]),
        ("A", [{"LOWER": {"IN": ["two", "katyusha"]}}, {"LOWER": "rockets"}]),
        ("B", [{"TEXT": "ISIS"}, {"LOWER": "fighters"}]),
        ("C", [{"LOWER": "police", "POS": {"IN": ["NOUN", "PROPN"]}}]),
        ("D", [{"TAG": "VBD"}]),
        ("E", [{"POS": "PROPN", "OP": "+"}, {"LOWER": "militia"}]),  # not fixed: a spaCy Matcher
        ("F", [{"IS_SPACE": True}]),
        ("G", [{"LOWER": "n't", "DEP": "neg"}]),
        ("H", [{"LOWER": {"REGEX": "^mort"}}]),
        ("I", [{"LOWER": "mai"}, {"LOWER": "mai"}]),  # the same test on two tokens
        ("J", [{"TAG": "IN", "DEP": {"NOT_IN": ["prep", ""]}}]),
        ("K", [{"DEP": "neg"}, {"LOWER": {"REGEX": "^the[mr]"}}]),
        ("L", [{"LOWER": {"REGEX": "^n.t$"}, "TAG": "RB"}]),  # indexed by its tag, the REGEX checked
    ]
    fast = IndexedMatcher(nlp.vocab, patterns)
    assert fast.n_rest == 2  # E (OP) and H (nothing to index by)
    stock = _stock(nlp, patterns)
    found = 0
    for doc in nlp.pipe(TEXTS + [t.lower() for t in TEXTS]):
        got = fast(doc)
        assert len(got) == len(set(got))
        assert sorted(got) == sorted(stock(doc))
        found += len(got)
    assert found > 20


def test_rulers_set_what_the_stock_rulers_set(nlp):
    """The sped-up rulers of the pipeline against fresh stock copies run on the same Docs."""
    import copy

    names = ("attribute_ruler", "eventlens_entities")
    for text in TEXTS + [t.upper() for t in TEXTS]:
        doc = nlp(text)
        for name in names:
            ruler = nlp.get_pipe(name)
            assert "match" in vars(ruler)  # the indexed match is installed
            stock = copy.copy(ruler)
            del stock.match
            assert ruler.match(doc) == stock.match(doc), (name, text)


def test_entity_tie_falls_back_to_stock_order(nlp):
    """Two labels for one span: the ruler's own order decides, so the result is the stock one."""
    from spacy.pipeline import EntityRuler

    from eventlens.stages.fast_match import speed_up_entity_ruler

    pats = [
        {"label": "X", "id": "a", "pattern": [{"LOWER": "tribal"}, {"LOWER": "militia"}]},
        {"label": "X", "id": "b", "pattern": [{"IS_TITLE": True, "OP": "+"}, {"LOWER": "militia"}]},
    ]
    stock = EntityRuler(nlp, overwrite_ents=True)
    stock.add_patterns(pats)
    fast = EntityRuler(nlp, overwrite_ents=True)
    fast.add_patterns(pats)
    speed_up_entity_ruler(fast)
    doc = nlp.make_doc("The Tribal Militia attacked.")
    assert fast.match(doc) == stock.match(doc)
    assert [(e.text, e.ent_id_) for e in fast(doc).ents] == [(e.text, e.ent_id_) for e in stock(doc).ents]


def test_patterns_left_to_the_matcher_run_only_where_they_may_match(nlp):
    """A Doc where no token passes a test that a Matcher-left pattern needs skips the Matcher;
    every Doc still gets exactly the stock Matcher's matches."""
    patterns = [
        ("E", [{"POS": "PROPN", "OP": "+", "IS_TITLE": True}, {"LOWER": "militia"}]),
        ("H", [{"LOWER": {"REGEX": "^mort"}}]),
        ("Y", [{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]),
        ("A", [{"LOWER": "rockets"}]),
    ]
    fast = IndexedMatcher(nlp.vocab, patterns)
    assert fast.n_rest == 3 and fast.rest_needs is not None
    asked: list[str] = []
    matcher = fast.rest

    def counting(doc, **kw):
        asked.append(doc.text)
        return matcher(doc, **kw)

    fast.rest = counting
    stock = _stock(nlp, patterns)
    may = [
        "The Tribal Militia fired two rockets.",  # E can match
        "Mortar shells fell on the market.",  # H can
        "y'all saw it all",  # Y can ("y'" "all")
        "They all left, and y stayed.",  # Y's tests each pass somewhere (it does not match)
    ]
    never = [
        "Two rockets hit the base.",
        "Y'all saw it.",  # one token "Y'all": no "y'" token
        "All soldiers left the militia camp.",  # "militia" but no proper noun before it: E needs both
        "",
    ]
    found = 0
    for doc in nlp.pipe(may + never):
        got = fast(doc)
        assert sorted(got) == sorted(stock(doc)), doc.text
        found += len(got)
    assert asked == may
    assert found >= 5
    # a pattern with nothing to check a Doc for keeps the Matcher running on every Doc
    assert IndexedMatcher(nlp.vocab, [("T", [{"IS_TITLE": True, "OP": "+"}])]).rest_needs is None


def _through_attribute_ruler(nlp, text: str, *, stock: bool):
    import copy

    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "attribute_ruler":
            if stock:
                proc = copy.copy(proc)
                del proc.match, proc.set_annotations  # the class's own
            return proc(doc)
        doc = proc(doc)
    raise AssertionError("no attribute_ruler in the pipeline")


def test_attribute_ruler_sets_the_stock_attributes(nlp, monkeypatch):
    ruler = nlp.get_pipe("attribute_ruler")
    assert "set_annotations" in vars(ruler)  # the Span-free annotations are installed

    def refuse(doc, matches):
        raise AssertionError("valid matches went to the ruler's own set_annotations")

    # every token below is set by the fast path, none by the ruler's own
    monkeypatch.setattr(ruler.set_annotations, "fallback", refuse)
    checked = 0
    for text in TEXTS + [t.upper() for t in TEXTS] + [t.lower() for t in TEXTS]:
        ours = _through_attribute_ruler(nlp, text, stock=False)
        theirs = _through_attribute_ruler(nlp, text, stock=True)
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in ours] == [
            (t.tag_, t.pos_, str(t.morph), t.lemma_) for t in theirs
        ], text
        checked += sum(1 for t in ours if t.pos_)
    assert checked > 50


def test_entity_ruler_without_a_match_leaves_the_models_entities_as_they_were(nlp):
    """A Doc the entity ruler finds nothing in keeps exactly the recogniser's entity tags (the
    stock ruler would assign them again, to the same effect)."""
    import copy

    ruler = nlp.get_pipe("eventlens_entities")
    assert "set_annotations" in vars(ruler)
    stock = copy.copy(ruler)
    del stock.match, stock.set_annotations
    names = nlp.pipe_names
    texts = [
        "Officials in Kelm met the governor of Borno State on Tuesday to discuss the budget.",
        "Thousands of residents of Toma gathered in Paris and London, the BBC reported.",
        "no capital letters here at all",
    ]
    for text in texts:
        with nlp.select_pipes(disable=names[names.index("eventlens_entities") :]):
            ours, theirs = nlp(text), nlp(text)
        assert not ruler.match(ours), "a match: this test is about Docs without one"
        ruler(ours)
        stock(theirs)

        def tags(doc):
            return [(t.ent_iob, t.ent_type, t.ent_kb_id, t.ent_id) for t in doc]

        assert tags(ours) == tags(theirs) and [(e.start, e.end, e.label_) for e in ours.ents] == [
            (e.start, e.end, e.label_) for e in theirs.ents
        ]

"""The words that govern an incident word: the kind of story that refers to it.

:func:`governor` walks the parse up from an incident word to the sentence's root and names the
referring kind (legal, claim, reaction, commemoration) whose word governs it ("pleaded guilty
**to the bombing**", "claimed responsibility **for the attack**"). The small tests it is built
from (a clause of its own, a negation, a plan, a charge by force, a court's subject) are public
for :mod:`eventlens.stages.kinds`, which decides each group's frame with them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventlens.stages.kind_words import word_lists
from eventlens.stages.merge_days import own_clause, since_recall

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Relations by which a governor does not refer to an incident: its doer ("the attack claimed
#: 12 lives"), a clause it reports (parsers hang "...; police blamed X" over the incident's own
#: clause) or one it controls ("claiming to have heard explosions").
_NOT_REFERRED = ("nsubj", "csubj", "ccomp", "xcomp")


def governor(tok: Token) -> tuple[str, Token, Token] | None:
    """The referring kind that governs an incident word, the governing word and the child of
    it on the path (whose subtree holds the incident's own words, date included), or None.

    The walk goes up the parse to the sentence's root; it stops at a clause of its own
    ("after gunmen attacked ...", a verb joined by "and"). The incident as the doer of a verb
    ("the attack claimed 12 lives") is not referred to by that verb."""
    lists = word_lists()
    node = tok
    subject = legal_subject(tok)
    if subject is not None:  # "the accused shot his neighbour"
        return "legal", subject, tok
    purpose = _commemorating(tok)
    if purpose is not None:  # "gathered on Sunday to mark one year since the bombing"
        return "commemoration", purpose, tok
    if tok.pos_ == "VERB":  # "the new sanctions target officials": a measure, not an attack
        for ch in tok.children:
            if (
                ch.dep_ == "nsubj"
                and lists.governors.get(ch.lemma_.lower()) == "reaction"
                and ch.pos_ == "NOUN"
            ):
                return "reaction", ch, tok
    report = _legal_report(tok.sent.root)
    if report is not None:  # "a soldier was killed when militants opened fire ..., a jury was told"
        return "legal", report, tok
    while node.head.i != node.i:
        if since_recall(node):  # "has been on alert since the group launched attacks across Paris"
            return "recall", node.head, node
        if own_clause(node):
            return None
        head = node.head
        # "denied its forces shelled ...", "admitted that he gunned down ...", "testified that he
        # rented the truck": a denial's or a legal verb's clause is the incident referred to
        denial = node.dep_ == "ccomp" and (
            head.lemma_.lower() in lists.denials
            or lists.governors.get(head.lemma_.lower()) in ("legal", "reaction")
        )  # ... and "condemned what he called cowardly attacks"
        # the incident itself as the doer is not referred to; inside the doer it is ("a man
        # accused of plotting the attack pleaded guilty")
        doer = node.dep_ in ("nsubj", "csubj") and node.i == tok.i
        not_referred = doer or (node.dep_ in _NOT_REFERRED and node.dep_ not in ("nsubj", "csubj"))
        if (denial or not not_referred) and not charge_by_force(head) and not _negated_claim(head):
            # the incident as the governor's object, its preposition's object or its passive subject
            kind = lists.governors.get(head.lemma_.lower()) or lists.governors.get(head.lower_)
            if kind is not None and not _claims_own_operation(head, node) and not _suspected(head, kind):
                return kind, head, node
            if head.pos_ in ("VERB", "AUX") and node.dep_ in ("prep", "npadvmod", "dep"):
                # "imposed sanctions over the shelling", "took responsibility for the attack":
                # the preposition hangs on the verb, the governing noun is its object (a headline's
                # list, "new sanctions over missile test, drone strike", may hang loose on it)
                for obj in head.children:
                    if obj.dep_ == "dobj" and obj.i != node.i:
                        kind = lists.governors.get(obj.lemma_.lower()) or lists.governors.get(obj.lower_)
                        if kind is not None:
                            return kind, obj, node
        if head.pos_ in ("VERB", "AUX"):
            subject = legal_subject(head)
            if subject is not None:  # "the court heard that he planted the bomb"
                return "legal", head, node
            if _marks_anniversary(head):  # "to mark one year since the attack"
                return "commemoration", head, node
            purpose = _commemorating(head)
            if purpose is not None:  # "relatives of the victims of the bombing gathered to mark ..."
                return "commemoration", purpose, node
        node = head
    return None


def _legal_report(root: Token) -> Token | None:
    """A court's or a jury's reporting clause hung under the sentence's own verb ("X was shot
    dead ..., a court heard", "..., the jury was told"): the story is the hearing's."""
    for ch in root.children:
        if ch.dep_ not in ("parataxis", "ccomp", "conj") or ch.pos_ not in ("VERB", "AUX") or ch.i < root.i:
            continue
        if ch.dep_ == "conj" and any(c.dep_ == "cc" and root.i < c.i < ch.i for c in root.children):
            continue  # "... and a court heard": a clause of its own, not a report
        if legal_subject(ch) is not None:
            return ch
    return None


def _marks_anniversary(verb: Token) -> bool:
    """ "to mark one year since", "marks the anniversary" (not "marking a new escalation")."""
    return verb.lemma_.lower() == "mark" and any(
        w.lemma_.lower() in ("anniversary", "year", "since") for w in verb.subtree
    )


def _commemorating(tok: Token) -> Token | None:
    """A gathering whose purpose is to remember ("gathered to mark a year since", "marched to
    commemorate the victims"): the purpose clause's verb, or None."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() in word_lists().demonstrating:
        return None  # "protesters rallied to mourn ...": a demonstration all the same
    lists = word_lists()
    for ch in tok.children:
        if ch.dep_ in ("xcomp", "advcl") and ch.pos_ == "VERB" and any(g.dep_ == "aux" for g in ch.children):
            lemma = ch.lemma_.lower()
            if lemma == "mark":
                if _marks_anniversary(ch):
                    return ch
            elif lists.governors.get(lemma) == "commemoration":
                return ch
    return None


def is_negated(tok: Token) -> bool:
    if tok.pos_ in ("VERB", "AUX"):
        return any(ch.dep_ == "neg" for ch in tok.children)
    return any(ch.dep_ == "det" and ch.lower_ == "no" for ch in tok.children)


_MODALS = frozenset("will would could may might should must shall".split())


def unrealised(tok: Token) -> bool:
    """Is the incident word in a clause that tells no past event: a plan, an intention, a
    possibility ("the offensive would continue", "troops will withdraw")? The clause's verb (the
    word itself, or the verb it depends on) carries a modal."""
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node.pos_ in ("VERB", "AUX") and any(
        ch.dep_ == "aux" and ch.lemma_.lower() in _MODALS for ch in node.children
    )


def _claims_own_operation(head: Token, node: Token) -> bool:
    """ "Militants claimed a clash with the army": a group reporting its own operation names the
    incident as the verb's object, which ACLED codes; an attribution claims *responsibility* or
    *credit for* it ("claimed responsibility for the attack"), which it does not."""
    return head.lemma_.lower() == "claim" and head.pos_ == "VERB" and node.dep_ == "dobj"


#: Verbs of suspicion: "a man believed to be responsible for the blast" is a suspect sought
#: for a fresh attack, not a claim or an attribution of an older one.
_SUSPICION = frozenset("believe suspect think presume seek hunt search want".split())


def _suspected(head: Token, kind: str) -> bool:
    """Is the claim word a suspicion about a suspect ("a man believed to be responsible for a
    Friday blast", "suspected of being responsible")? Then no claim story refers to the incident."""
    if kind != "claim" or head.lemma_.lower() != "responsible":
        return False
    node = head
    for _ in range(3):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in _SUSPICION:
            return True
    return False


def _negated_claim(verb: Token) -> bool:
    """ "No group claimed responsibility", "did not condemn": a governor that refers to nothing."""
    if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "nsubjpass") and verb.head.i != verb.i:
        verb = verb.head  # "claimed responsibility for": the claim is the verb's
    return any(ch.dep_ == "neg" for ch in verb.children) or any(
        ch.dep_ in ("nsubj", "nsubjpass") and any(w.lower_ in ("no", "nobody", "none") for w in ch.subtree)
        for ch in verb.children
    )


def charge_by_force(tok: Token) -> bool:
    """ "Police charged the protesters": a charge with force, not a legal charge (which is a
    noun, a passive "were charged", or "charged with/over/for")."""
    if tok.lemma_.lower() != "charge" or tok.pos_ != "VERB":
        return False
    legal = any(ch.dep_ in ("nsubjpass", "auxpass") for ch in tok.children) or any(
        ch.dep_ == "prep" and ch.lower_ in ("with", "over", "for") for ch in tok.children
    )
    return not legal


def legal_subject(verb: Token) -> Token | None:
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    actors = word_lists().legal_actors
    for ch in verb.children:
        if ch.dep_ in ("nsubj", "nsubjpass") and (ch.lemma_.lower() in actors or ch.lower_ in actors):
            return ch
        # "identified him in court", "told the trial", "said at the inquest": said before a court
        # (not "demonstrated at the High Court": a place)
        if (
            ch.dep_ == "prep"
            and ch.lower_ in ("in", "before", "at", "to")
            and verb.lemma_.lower() in _COURT_SPEECH
        ):
            for obj in ch.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in _COURT_NOUNS:
                    return obj
    if verb.lemma_.lower() in ("tell", "testify"):  # "told the jury", "told the court"
        for ch in verb.children:
            if ch.dep_ in ("dobj", "dative") and ch.lemma_.lower() in actors:
                return ch
    return None


_COURT_NOUNS = frozenset("court courtroom trial tribunal hearing inquest jury".split())
_COURT_SPEECH = frozenset(
    "say tell testify identify admit confess describe recount recall state claim deny explain show".split()
)

"""One older incident a story recalls twice is one background record (issue 15 item 2).

A follow-up names the incident it is about in its lead ("accused of helping plan an attack on
a bus in 2021") and tells it in full further on ("The bus ... was stopped by gunmen on August
14, 2021 ... shot dead eight of them"). Merge makes two groups of them; here they join, on the
finer date, so the record has the day and the toll and no second, vaguer record is left.
"""

from __future__ import annotations

from datetime import date

from eventlens.stages.detect import EVENT_CUES
from eventlens.stages.merge import Group, _is_old
from eventlens.stages.merge_days import finer

__all__ = ["join_recalled"]


def join_recalled(groups: list[Group], published: date | None = None) -> list[Group]:
    """One older incident a story recalls twice - named in its lead ("accused of helping plan
    an attack on a bus in 2021") and told in full further on ("The bus ... was stopped by gunmen
    on August 14, 2021") - is one background record: two background groups whose dates nest
    and that share an incident word join, on the finer date."""
    out: list[Group] = []
    recalled: list[Group] = []  # the groups kept that may be a twin (linear when none are old)
    for g in groups:
        twin = (
            next((h for h in recalled if _recalled_twice(h, g, published)), None)
            if _recalled(g, published)
            else None
        )
        if twin is None:
            out.append(g)
            if _recalled(g, published):
                recalled.append(g)
            continue
        finest = (
            g.date if g.date is not None and twin.date is not None and finer(g.date, twin.date) else twin.date
        )
        twin.sentences = sorted(twin.sentences + g.sentences, key=lambda s: s.span.start_char)
        twin.context = sorted(twin.context + g.context, key=lambda s: s.span.start_char)
        twin.date = finest
    return out


def _recalled(g: Group, published: date | None) -> bool:
    """Is the group an older incident: background (kinds), or dated before the story's week?"""
    return g.date is not None and (
        g.role == "background" or (g.role is None and published is not None and _is_old(g.date, published))
    )


def _recalled_twice(a: Group, b: Group, published: date | None) -> bool:
    # one of them a story's subject recalled (kinds), the other old by its date
    if not (_recalled(a, published) and _recalled(b, published)) or "background" not in (a.role, b.role):
        return False
    if a.date is None or b.date is None:
        return False
    ra, rb = a.date.range, b.date.range
    if ra is None or rb is None:
        return False
    # one told at a finer date inside the other's: "in 2021" and "on August 14, 2021"
    if not (finer(a.date, b.date) or finer(b.date, a.date)):
        return False

    def names(g: Group) -> set[str]:
        return {c.name for c in g.cues if c.name in EVENT_CUES and c.weight >= 1.0}

    return bool(names(a) & names(b))

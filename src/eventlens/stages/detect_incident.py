"""An incident as :func:`eventlens.stages.detect.classify` weighs it: its cues summed by name and
the argument facts beside them, the cue names that matter, and the classification it gives."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventlens.types import Cue

#: Cues that can open an incident on their own.
EVENT_CUES = frozenset(
    """AIR SHELL IED SUICIDE GRENADE CHEM CLASH REGAIN OVERTAKE TRANSFER KILL SEXUAL ABDUCT
    PROTEST INTERVENE EXCESSIVE RIOT MOB AGREE ARREST CHANGE DISRUPT HQ LOOT DISPLACE THREAT SHUTDOWN
    GRAVE""".split()
)

REMOTE = ("SUICIDE", "CHEM", "AIR", "IED", "GRENADE", "SHELL")

DEMO = ("PROTEST", "INTERVENE", "EXCESSIVE", "RIOT", "MOB")

GUNS = re.compile(r"armed|shoot|shot|fire|gun", re.I)


@dataclass(frozen=True, slots=True)
class Classification:
    sub_event_type: str
    confidence: float
    deciding: tuple[Cue, ...]  # the cues that decided it (evidence)


@dataclass(frozen=True, slots=True)
class Incident:
    """An incident's cues summed by name, and the argument facts ``classify`` weighs with them."""

    score: dict[str, float]
    by: dict[str, list[Cue]]
    armed_target: bool
    civilian_target: bool
    protesters_present: bool
    killed: bool
    state_actor: bool
    state_present: bool
    armed_present: bool
    crowd_actor: bool
    armed_group: bool
    small_arms: bool
    nonstate_actor: bool
    nonstate_perpetrator: bool
    lead_sentence: frozenset[str] | set[str]
    lead: frozenset[str] | set[str]

    def has(self, name: str, at_least: float = 0.75) -> bool:
        return self.score.get(name, 0.0) >= at_least

    def told(self, name: str, pattern: re.Pattern[str], strong: bool = False) -> bool:
        """Does a cue of ``name`` (of weight >= 1 when ``strong``) read as ``pattern``?"""
        return any(pattern.search(c.text) for c in self.by.get(name, []) if not strong or c.weight >= 1.0)

    def first(self, *names: str) -> tuple[Cue, ...]:
        found = [c for n in names for c in self.by.get(n, [])]
        return tuple(sorted(found, key=lambda c: c.start)[:3])

    def out(self, sub: str, conf: float, *names: str) -> Classification:
        return Classification(sub, conf, self.first(*names))

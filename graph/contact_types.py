"""The parts of a contact answer: one ranked ``Answer``, the ``Step`` relations explaining it, and the
per-candidate facts ranking reads. Shared by ranking, fallbacks, explanations and JSON (no logic here)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from graph.model import Model
from ontology import codes

__all__ = [
    "CHAIR_ROLES",
    "COLLAB_KINDS",
    "CONTACT_KIND_RANK",
    "NEARNESS",
    "SECRETARY_ROLES",
    "UNREACHABLE",
    "Answer",
    "Cand",
    "Facts",
    "Step",
]

#: Nearness tiers, nearest first: (code, (Danish, English)), from the vocabulary (``sk:Nearness``).
NEARNESS: tuple[tuple[str, tuple[str, str]], ...] = tuple((c.code, (c.da, c.en)) for c in codes.entries("nearness"))
COLLAB_KINDS = frozenset({"forum", "partnership", "collaboration", "cluster"})
#: Statuses of an answer nobody can act on directly (ranked after those one can).
UNREACHABLE = frozenset({"holder_not_stated", "vacant", "missing"})
SECRETARY_ROLES = ("secretary", "project_leader")
CHAIR_ROLES = ("chair", "co_chair")
CONTACT_KIND_RANK = {"unit": 0, "post": 0, "person": 0, "contact_point": 0, "organisation": 1, "channel": 1}
#: (forward, backward) wording of a step, each (da, en).
_RELATION: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "part_of": (("del af", "part of"), ("omfatter", "includes")),
    "member_of": (("medlem af", "member of"), ("har som medlem", "has as a member")),
    "post_in": (("plads i", "seat in"), ("har pladsen", "has the seat")),
    "on_behalf_of": (("repræsenterer", "represents"), ("repræsenteres af", "is represented by")),
    "holds": (("besætter", "holds"), ("besættes af", "is held by")),
    "channel_from": (("kanal", "channel"), ("kanal fra", "channel from")),
    "channel_to": (("fører til", "leads to"), ("nås via", "is reached via")),
    "cluster_of": (("styregruppe for", "steering group of"), ("har styregruppen", "is steered by")),
    "secretariat_in": (("sekretariat i", "secretariat in"), ("er sekretariat for", "is the secretariat of")),
    "chair_from": (("formand fra", "chair from"), ("udpeger formand for", "appoints the chair of")),
    "reports_to": (("refererer til", "reports to"), ("modtager rapportering fra", "receives reports from")),
    "gives_status_to": (("giver status til", "gives status to"), ("får status fra", "receives status from")),
    "raises_decisions_to": (("indstiller til", "raises decisions to"), ("får indstillinger fra", "receives from")),
    "communicates_with": (("kommunikerer med", "communicates with"), ("kommunikerer med", "communicates with")),
    "handles": (("varetager emnet", "handles the topic"), ("varetages af", "is handled by")),
    "required_in": (
        ("fast kontaktperson efterspurgt i", "fixed contact person requested in"),
        ("mangler fast kontaktperson", "lacks a fixed contact person"),
    ),
    "fallback": (("i stedet for", "instead of"), ("erstattes af", "is replaced by")),
}


class Step(NamedTuple):
    """One relation on the way from the asker to the answer, in its real direction (a named tuple: an
    answer's why is a dozen of them, and a frozen dataclass costs more to make than the walk that finds it)."""

    from_id: str
    kind: str
    forward: bool
    to_id: str

    def words(self, lang: str) -> str:
        pair = _RELATION.get(self.kind, ((self.kind, self.kind), (self.kind, self.kind)))[0 if self.forward else 1]
        return pair[1] if lang == "en" else pair[0]

    def as_json(self, model: Model, lang: str) -> dict[str, Any]:
        a, b = model.label(self.from_id, lang), model.label(self.to_id, lang)
        return {
            "from": model.ref(self.from_id, lang),
            "to": model.ref(self.to_id, lang),
            "relation": self.kind if self.forward else f"{self.kind}^-1",
            "text": f"{a} → ({self.words(lang)}) {b}",
        }


class Answer(NamedTuple):
    """One contact: who, for which topic, how near, how to reach them and why (a named tuple: a question
    makes a few dozen, and a frozen dataclass of 13 fields costs several µs each to make)."""

    who: str
    topic: str
    score: float
    nearness: int | None
    status: str
    channels: tuple[str, ...] = ()
    requirement: str | None = None
    why: tuple[Step, ...] | None = ()  # None until explained: only the answers shown are explained
    fallback: bool = False
    note: Mapping[str, str] | None = None
    distance: int = 99
    via_seat: str | None = None  # a forum standing for its seats: the seat named in *why*
    general: bool = False  # a general route for an in-domain word with no specific answer

    def explained_by(self, why: tuple[Step, ...]) -> Answer:
        """This answer with its *why*."""
        return self._replace(why=why)


class Cand:
    """A candidate before ranking: who answers for which matched topic, through which channels (merged into
    as equal candidates meet, so not a tuple; a plain class: no dataclass is made on a question's path)."""

    __slots__ = ("channels", "requirement", "score", "topic", "who")

    def __init__(
        self, who: str, topic: str, score: float, channels: set[str] | None = None, requirement: str | None = None
    ) -> None:
        self.who, self.topic, self.score = who, topic, score
        self.channels: set[str] = set() if channels is None else channels
        self.requirement = requirement

    def __repr__(self) -> str:
        return f"Cand({self.who!r}, {self.topic!r}, {self.score!r}, {self.channels!r}, {self.requirement!r})"


class Facts(NamedTuple):
    """What ranks a candidate whoever asks: where it belongs, where its channels start, its sectors, status."""

    anchors: frozenset[str]
    channel_from: frozenset[str]
    sectors: frozenset[str | None]
    status: str
    note: tuple[tuple[str, str], ...]

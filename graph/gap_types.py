"""The parts every gap finder shares: the ``Gap`` record, kinds and severities in report order, and
``GapCtx`` – the date's ``View`` plus the sentence helpers (both languages) and the record of which open
questions a finder has already reported (so ``open_question`` reports only the rest)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, NamedTuple

from graph.model import Model
from graph.view import View

__all__ = ["GAP_KINDS", "SEVERITIES", "Gap", "GapCtx", "Genitive", "each", "join", "softer"]

SEVERITIES = ("high", "medium", "low")
#: Every gap kind, in report order within a severity. A new finder adds its kinds here.
GAP_KINDS = (
    "vacant_seat",
    "missing_contact_person",
    "deadline_passed",
    "single_point_of_contact",
    "upward_line_ended",
    "no_chair",
    "no_secretariat",
    "no_mandate",
    "no_reporting_line",
    "mandate_not_approved",
    "vacant_post",
    "member_without_seat",
    "no_decision_authority",
    "responsibility_not_placed",
    "outstanding_request",
    "channel_not_open",
    "shared_forum_no_channel",
    "interface_requested",
    "contact_person_one_way",
    "term_ended",
    "chair_not_stated",
    "secretariat_not_stated",
    "mandate_not_stated",
    "reporting_line_not_stated",
    "ending_soon",
    "open_question",
)


class Genitive(str):
    """An entity id to be written in the genitive ("Almen praksis' plads", "BUA's seat")."""


class Gap(NamedTuple):
    """One gap: what, how serious, about which entity, in words, and where the sources say so."""

    kind: str
    severity: str
    entity: str
    text: Mapping[str, str]
    context: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    question: str | None = None

    @property
    def order(self) -> tuple[int, int]:
        return (SEVERITIES.index(self.severity), GAP_KINDS.index(self.kind))

    def touches(self, ids: set[str]) -> bool:
        return self.entity in ids or any(c in ids for c in self.context) or (self.question or "") in ids

    def as_json(self, model: Model, lang: str = "da") -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "entity": model.ref(self.entity, lang),
            "text": self.text.get(lang) or self.text["da"],
            "context": [model.ref(c, lang) for c in self.context],
            "question": model.ref(self.question, lang) if self.question else None,
            "sources": [s.as_json() for s in model.sources_of(self.sources)],
        }


class GapCtx:
    """A finder's view of the date: ``view`` (in-force nodes/edges, family …) plus sentences and sources."""

    def __init__(self, v: View) -> None:
        if v.on is None:
            raise ValueError("gaps need a date: deadlines and terms are measured against it")
        self.view, self.model, self.g, self.on, self.scen = v, v.model, v.adjacency, v.on, v.scen
        self.ok, self.nodes, self.out, self.into = v.ok, v.nodes, v.out, v.into
        self.used_questions: set[str] = set()

    def srcs(self, *nids: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for n in nids if n in self.g for s in self.g.nodes[n].get("sources", ())))

    def questions(self, nid: str, aspect: str | None = None) -> list[str]:
        return sorted(q for q in self.into(nid, "about") if aspect is None or self.g.nodes[q].get("aspect") == aspect)

    def comment(self, nid: str, lang: str) -> str:
        pairs = self.g.nodes[nid].get("comment") or {}
        texts = pairs.get(lang) or pairs.get("da") or []
        return " ".join(texts) or self.model.label(nid, lang)

    def say(self, da: str, en: str, **parts: Any) -> dict[str, str]:
        """The sentence in both languages; ``parts`` are ids, lists of ids or {"da","en"} texts."""
        return {
            lang: tpl.format(**{k: self.words(v, lang) for k, v in parts.items()})
            for lang, tpl in (("da", da), ("en", en))
        }

    def words(self, value: Any, lang: str) -> str:
        if isinstance(value, Genitive):
            name = self.model.label(str(value), lang)
            return name + ("'" if name[-1:].lower() in ("s", "x", "z") else ("s" if lang == "da" else "'s"))
        if isinstance(value, Mapping):
            return str(value.get(lang) or value.get("da") or "")
        if isinstance(value, str):
            return self.model.label(value, lang) if value in self.g else value
        return join([self.model.label(v, lang) for v in value], "og" if lang == "da" else "and")


def each(c: GapCtx, kind: str, one: Callable[[GapCtx, str], Gap | None]) -> Iterator[Gap]:
    """A finder made of its per-entity rule: ``one``'s gap of every in-force node of ``kind`` that has one
    (the per-entity rule is what a contact answer asks of the few nodes it cites)."""
    for nid in c.nodes(kind):
        gap = one(c, nid)
        if gap is not None:
            yield gap


def join(names: list[str], conj: str) -> str:
    return ", ".join(names[:-1]) + f" {conj} " + names[-1] if len(names) > 1 else "".join(names)


def softer(severity: str) -> str:
    return SEVERITIES[min(SEVERITIES.index(severity) + 1, len(SEVERITIES) - 1)]

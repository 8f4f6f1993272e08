"""What a text was taken to mean: the topics and thesaurus entries a topic index matched, and why.

Kept apart from the index (``graph.topics``) so the contact modules that only read a meaning need not import
the stemmer and the index.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from graph.model import Model
    from graph.thesaurus import Entry

__all__ = ["EntryMatch", "TopicMatch", "Understanding"]


class TopicMatch(NamedTuple):
    """One topic the text was taken to mean, and why."""

    id: str
    score: float
    via: str  # "id", "label", "words", "broader", "narrower", "related"
    matched: str  # the label that matched (or the topic a broader/narrower one was reached from)
    from_topic: str | None = None

    def as_json(self, model: Model, lang: str = "da") -> dict[str, Any]:
        return {
            **model.ref(self.id, lang),
            "score": round(self.score, 3),
            "via": self.via,
            "matched_label": self.matched,
            "from": model.ref(self.from_topic, lang) if self.from_topic else None,
        }


class EntryMatch(NamedTuple):
    """A thesaurus entry the text was taken to mean."""

    entry: Entry
    score: float
    matched: str  # the label that matched


class Understanding(NamedTuple):
    """What a text means: specific topics (best first), thesaurus entries, and the general routes."""

    topics: tuple[TopicMatch, ...]
    entries: tuple[EntryMatch, ...]
    general: tuple[TopicMatch, ...] = ()

    def notes(self, lang: str = "da") -> list[str]:
        """Scope notes of the matched entries (e.g. what the sources say about acute routes)."""
        out: list[str] = []
        for e in self.entries:
            for note in e.entry.notes.get(lang) or e.entry.notes.get("da", ()):
                if note not in out:
                    out.append(note)
        return out

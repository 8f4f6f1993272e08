"""The parts of a path answer: steps in path order, channel notes, and one path."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ChannelNote", "Path", "PathStep"]


@dataclass(frozen=True)
class PathStep:
    """One step in path order; ``forward`` when the underlying relation runs ``from_id`` → ``to_id``."""

    from_id: str
    to_id: str
    kind: str
    forward: bool
    status: str | None = None
    scenario: str | None = None
    sources: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    proposed: bool = False


@dataclass(frozen=True)
class ChannelNote:
    """A channel on the path that is not known to be open, with what the data says around it."""

    channel: str
    state: str
    origin: str | None
    siblings_by_state: tuple[tuple[str, int], ...] = ()
    questions: tuple[str, ...] = ()

    @property
    def siblings(self) -> int:
        return sum(n for _, n in self.siblings_by_state)

    @property
    def open_siblings(self) -> int:
        return dict(self.siblings_by_state).get("open", 0)


@dataclass(frozen=True)
class Path:
    nodes: tuple[str, ...]
    steps: tuple[PathStep, ...]
    cost: float
    channel_notes: tuple[ChannelNote, ...] = ()
    #: (a, through, b, relation kind): a and b are only alike through a channel or topic, not connected
    alike: tuple[tuple[str, str, str, str], ...] = ()

    @property
    def length(self) -> int:
        return len(self.steps)

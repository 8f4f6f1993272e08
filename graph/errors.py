"""Domain errors: the only exceptions callers of ``graph`` need to know.

rdflib, pyoxigraph and networkx exceptions are wrapped here so the CLI and the
API can map each class to one exit code and one HTTP status (``api/errors.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

__all__ = [
    "AmbiguousEntity",
    "ConflictError",
    "DataFileError",
    "EditRejected",
    "EntityNotFound",
    "InputError",
    "LimitExceeded",
    "NoPathError",
    "NotInSources",
    "PermissionDenied",
    "QueryLimitExceeded",
    "QueryRefused",
    "SamarbejdskortError",
    "StoreUnavailable",
    "TooLarge",
    "UnknownTopic",
    "ValidationFailed",
]


class SamarbejdskortError(Exception):
    """Base class of every error the tool reports to a user."""


class InputError(SamarbejdskortError):
    """The user's input (a file, an entity name, a parameter) is wrong."""


class DataFileError(InputError):
    """A data file cannot be read; names the file and, where known, the line."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path, self.reason, self.line = path, reason, line
        where = f"{path}, line {line}" if line else path
        super().__init__(f"{where}: {reason}")


class Candidate(NamedTuple):
    """An entity offered to the user when a name is unknown or ambiguous.

    The records here are named tuples, not frozen dataclasses: every process imports this module, and a frozen
    dataclass costs ~4 M instructions to create, a named tuple a tenth of that."""

    id: str
    label: str
    kind: str


class EntityNotFound(InputError):
    """No entity matches the text; carries the closest suggestions."""

    def __init__(
        self,
        query: str,
        suggestions: Sequence[Candidate] = (),
        what: str = "entity",
        note: tuple[str, str] | None = None,
    ) -> None:
        """``note``: (Danish, English) what the person may write instead, when no suggestion says it."""
        self.query, self.suggestions, self.what, self.note = query, tuple(suggestions), what, note
        hint = "; ".join(c.label for c in self.suggestions)
        said = f"»{query}« findes ikke i kortet / unknown {what} '{query}'"  # Danish first, English alongside
        if hint:
            said += f" – mente du / did you mean: {hint}"
        super().__init__(said + (f" – {note[0]} / {note[1]}" if note else ""))


class UnknownTopic(EntityNotFound):
    """No topic matches the text."""

    def __init__(self, query: str, suggestions: Sequence[Candidate] = ()) -> None:
        super().__init__(query, suggestions, what="topic")


class NotInSources(UnknownTopic):
    """The text is outside what the sources cover (no topic, no thesaurus word): said honestly.

    ``suggestions`` are topics near by spelling, then the general routes; ``routes`` (set by the contact
    question) are the asker's general contacts.
    """

    def __init__(self, query: str, suggestions: Sequence[Candidate] = ()) -> None:
        super().__init__(query, suggestions)
        self.routes: tuple[Candidate, ...] = ()
        hint = "; ".join(c.label for c in self.suggestions)
        self.args = (f"»{query}« står ikke i kilderne / not in the sources" + (f" – se / see: {hint}" if hint else ""),)


class AmbiguousEntity(InputError):
    """Several entities match equally well; the user must choose."""

    def __init__(self, query: str, candidates: Sequence[Candidate]) -> None:
        self.query, self.candidates = query, tuple(candidates)
        names = "; ".join(f"{c.label} ({c.kind})" for c in self.candidates[:8])
        more = f" … (+{len(self.candidates) - 8})" if len(self.candidates) > 8 else ""
        super().__init__(f"»{query}« passer på flere / '{query}' is ambiguous: {names}{more}")


class NoPathError(InputError):
    """Two entities are not connected over the chosen relation kinds."""


class ValidationFailed(SamarbejdskortError):
    """Data (or a proposed edit) breaks a SHACL violation rule."""

    def __init__(self, findings: Sequence[object] = ()) -> None:
        super().__init__(findings)
        self.findings = findings

    def __str__(self) -> str:
        return f"{len(self.findings)} violation(s)"


class EditRejected(InputError):
    """An edit is malformed or would break the data; nothing was stored."""


class ConflictError(SamarbejdskortError):
    """The data changed since the client read it (stale ETag)."""


class QueryRefused(InputError):
    """A SPARQL query that is not a read-only query or cannot be parsed."""


class TooLarge(InputError):
    """An input (file, upload, request body, query) is larger than the configured limit it names."""


class LimitExceeded(SamarbejdskortError):
    """The service stopped a piece of work at one of its bounds (time, memory): not the caller's syntax."""


class QueryLimitExceeded(LimitExceeded):
    """A SPARQL query ran past the time or memory limit of the query process."""


class StoreUnavailable(SamarbejdskortError):
    """The remote SPARQL store did not answer as expected."""


class PermissionDenied(SamarbejdskortError):
    """The caller is authenticated but lacks the role for this action."""


class CellError(NamedTuple):
    """One problem in a spreadsheet: where (sheet, row, column) and what."""

    sheet: str
    row: int
    column: str
    message: str

    def as_json(self) -> dict[str, object]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}

    def __str__(self) -> str:
        return f"ark '{self.sheet}', række {self.row}, kolonne '{self.column}': {self.message}"


class SheetRejected(InputError):
    """A spreadsheet with errors: nothing was imported. ``errors`` names sheet, row and column of each."""

    def __init__(self, errors: Sequence[CellError]) -> None:
        self.errors = tuple(errors)
        first = "; ".join(str(e) for e in self.errors[:3])
        more = f" (+{len(self.errors) - 3} more)" if len(self.errors) > 3 else ""
        super().__init__(f"{len(self.errors)} error(s) in the spreadsheet, nothing imported: {first}{more}")

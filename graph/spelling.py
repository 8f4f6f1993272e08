"""»Did you mean …?« among many names, without comparing the typed text with every one of them.

``difflib.get_close_matches`` rates every key it is given. Over the ~12,000 name keys of a national model
that is 0.25–0.9 s of CPU for one unknown name, spent on every typo a coordinator makes and open to anyone
who sends unknown names to the server. Here the keys are first narrowed to those that share the most
three-letter pieces with the text (a typo keeps most of them: »nrodjurs« and »norddjurs« share »dju«,
»jur«, »urs«), and only those few are rated by difflib, with the same cut-off and the same order of
equally rated keys.
"""

from __future__ import annotations

import difflib
import threading
from collections import Counter
from collections.abc import Iterable

__all__ = ["CANDIDATES", "Spelling"]

#: How many keys, those sharing the most pieces with the text, difflib rates for one text.
CANDIDATES = 200


class Spelling:
    """The keys of one vocabulary and the keys each three-letter piece occurs in (built on first use)."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys: list[str] = list(dict.fromkeys(keys))  # the caller's order: difflib's tie order
        self._pieces: dict[str, list[int]] | None = None
        self._sizes: list[int] = []  # how many pieces each key has
        self._lock = threading.Lock()

    def close(self, text: str, n: int, cutoff: float) -> list[str]:
        """Up to ``n`` keys rated at least ``cutoff`` by difflib, best first (equal ratings in the order
        ``get_close_matches`` gives them), among the keys sharing the most pieces with ``text``."""
        shared = Counter[int]()
        pieces, mine = self._index(), _pieces(text)
        for piece in mine:
            shared.update(pieces.get(piece, ()))
        if not shared:
            return []
        # the share of pieces in common (Dice), which like difflib's ratio counts the lengths of both
        sizes, own = self._sizes, len(mine)
        nearest = sorted(shared, key=lambda i: (-shared[i] / (own + sizes[i]), i))[:CANDIDATES]
        return difflib.get_close_matches(text, [self.keys[i] for i in sorted(nearest)], n=n, cutoff=cutoff)

    def _index(self) -> dict[str, list[int]]:
        if self._pieces is None:
            with self._lock:
                if self._pieces is None:
                    found: dict[str, list[int]] = {}
                    for i, key in enumerate(self.keys):
                        mine = _pieces(key)
                        self._sizes.append(len(mine))
                        for piece in mine:
                            at = found.get(piece)
                            if at is None:
                                found[piece] = [i]
                            else:
                                at.append(i)
                    self._pieces = found
        return self._pieces


def _pieces(text: str) -> set[str]:
    """The three-letter pieces of a text, its ends marked (»ab« has » ab« and »ab «)."""
    padded = f" {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}

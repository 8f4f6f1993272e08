"""The keys a name index (``graph.resolution.LabelIndex``) looks one kind's labels up by.

A ``Part`` holds every key of a kind's labels: exact, alternative, loose, and each label's keys for the word
index. Most lookups of an asker end at an exact name of an organisation, unit or forum, so that one question
is answered first from ``Lines`` – the kind's preferred labels normalised and joined, one per line – made in a
few passes over all the labels at once (a ``Part`` of the 4,000 national organisations and units costs ~10×
as much, and a one-off question needs no more).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from itertools import repeat
from typing import Any

from graph.text import keys_of, normalise_lines

__all__ = ["Lines", "Part", "names"]

#: An entity's attributes (its display ``label`` and ``kind``), its labels by language, its alternative labels.
Nodes = Mapping[str, Mapping[str, Any]]
ByLang = Mapping[str, Mapping[str, str]]
Alts = Mapping[str, list[str]]


def names(nodes: Nodes, by_lang: ByLang, alt: Alts, nid: str) -> tuple[list[str], list[str]]:
    """An entity's preferred labels (every language's and the display label) and its alternative labels."""
    texts = by_lang.get(nid)
    if texts is None:
        return [nodes[nid]["label"]], alt.get(nid, [])
    prefs = set(texts.values())  # every language's label (texts: only "" is empty) and the display label
    prefs.discard("")
    prefs.add(nodes[nid]["label"])
    return sorted(prefs), alt.get(nid, [])


class Part:
    """The keys of one kind's labels: exact (preferred), alternative and loose, and each label's keys for the
    word index. Built whole before it is published, never changed after, so readers need no lock."""

    __slots__ = ("alt", "exact", "loose", "texts")

    def __init__(self, rows: list[tuple[str, list[str], list[str]]], keys: dict[str, tuple[str, str, str]]) -> None:
        self.exact: dict[str, set[str]] = defaultdict(set)
        self.alt: dict[str, set[str]] = defaultdict(set)
        self.loose: dict[str, set[str]] = defaultdict(set)
        self.texts: list[tuple[str, tuple[str, str, str]]] = []  # (id, keys of one label), for the word index
        new = list(dict.fromkeys(t for _, prefs, alts in rows for t in (*prefs, *alts) if t not in keys))
        keys.update(zip(new, keys_of(new), strict=True))  # labels repeat (and kinds share them): keyed once
        # the per-label work (4,000 organisations and units, 8,000 labels at national scale): locals
        exact, alt, loose, found = self.exact, self.alt, self.loose, self.texts.append
        for nid, prefs, alts in rows:
            for table, texts in ((exact, prefs), (alt, alts)):
                for text in texts:
                    hit = keys[text]
                    norm, fold, skel = hit
                    if norm:
                        table[norm].add(nid)
                    if fold and fold != norm:
                        table[fold].add(nid)
                    loose[skel].add(nid)
                    found((nid, hit))

    def exact_ids(self, key: str) -> Collection[str]:
        """The entities with a preferred label whose normal or ASCII-folded form is ``key``."""
        return self.exact.get(key, ())


class Lines:
    """One kind's preferred labels, normal and ASCII-folded (``graph.text``), one per line: ``Part.exact_ids``
    without a ``Part``, a substring search instead of a table."""

    __slots__ = ("_folded", "normal", "owners")

    def __init__(self, owners: list[str], normal: str) -> None:
        self.owners = owners  # the entity of each line
        self.normal = f"\n{normal}\n"
        self._folded: str | None = None

    def folded(self) -> str:
        """The lines ASCII-folded (made on first use: a key without »ae«, »oe« or »aa« never needs them)."""
        if self._folded is None:
            self._folded = self.normal.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
        return self._folded

    @classmethod
    def of(cls, ids: Sequence[str], nodes: Nodes, by_lang: ByLang) -> Lines | None:
        """The lines of these entities' preferred labels (None when a label holds a line break). A label may
        come twice or be empty (``names`` drops those): neither changes what a non-empty key finds."""
        owners: list[str] = []
        texts: list[str] = []
        for nid in ids:
            langs = by_lang.get(nid)
            if langs:
                texts += langs.values()
                owners += repeat(nid, len(langs))
            texts.append(nodes[nid]["label"])
            owners.append(nid)
        normal = normalise_lines(texts)
        return cls(owners, normal) if normal is not None else None

    def exact_ids(self, key: str) -> Collection[str]:
        """``Part.exact_ids``, as the very set a ``Part`` holds: the same ids added in the same order (label by
        label), so it iterates alike and ties stay in the same order."""
        lines: set[int] = set()
        needle = f"\n{key}\n"
        folds = "ae" in key or "oe" in key or "aa" in key  # else a label folded to it is its normal form
        for text in (self.normal, self.folded()) if folds else (self.normal,) if key else ():
            line, at, pos = 0, 0, text.find(needle)
            while pos >= 0:
                line += text.count("\n", at, pos)  # the lines before the match
                at = pos
                lines.add(line)
                pos = text.find(needle, pos + len(needle) - 1)
        found: set[str] = set()
        for i in sorted(lines):
            found.add(self.owners[i])
        return found

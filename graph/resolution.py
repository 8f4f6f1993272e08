"""Find the entity a person means by a name, an abbreviation or a phrase.

Ranking as a person would mean it: exact label, then abbreviation or alternative
label, then a phrase whose words all occur in a label (Danish inflections such as
"-en"/"-erne" allowed), scored by how much of the label the phrase covers.
Organisations and forums come before the seats and persons named after them. Only a
tie at the top is ambiguous.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from graph.errors import AmbiguousEntity, Candidate, EntityNotFound
from graph.label_keys import Alts, ByLang, Lines, Nodes, Part, names
from graph.name_spelling import near_names
from graph.text import ascii_fold, normalise, skeleton, typed, words
from graph.word_index import FILLER, MOST_WORDS, WordIndex

__all__ = ["KIND_RANK", "LabelIndex", "Match"]

# Lower is preferred when two matches are otherwise equal.
KIND_RANK: Mapping[str, int] = defaultdict(
    lambda: 3,
    {
        "organisation": 0,
        "forum": 0,
        "cluster": 0,
        "unit": 0,
        "partnership": 0,
        "collaboration": 0,
        "channel": 1,
        "topic": 1,
        "agreement": 1,
        "mandate": 2,
        "post": 2,
        "person": 2,
    },
)
_NAMED_KINDS = frozenset({"organisation", "unit", "forum", "cluster", "partnership", "collaboration"})
_EXACT, _ALT, _LOOSE, _PHRASE = 0, 1, 2, 3


class Match(NamedTuple):
    id: str
    label: str
    kind: str
    tier: int
    coverage: float

    @property
    def key(self) -> tuple[int, float, int]:
        return (self.tier, -round(self.coverage, 2), KIND_RANK[self.kind])


class LabelIndex:
    """Every label of every entity, normalised once; lookups never scan triples."""

    def __init__(
        self,
        nodes: Nodes,
        kinds: Mapping[str, Sequence[str]],
        by_lang: ByLang,
        alt: Alts,
        contains: Callable[[str, str], bool] | None = None,
    ) -> None:
        """``nodes``: every entity's attributes (its display ``label`` and its ``kind``); ``kinds``: the ids of
        each kind; ``by_lang``: an entity's label in each language; ``alt``: its alternative labels (read when
        its kind's lookups are built; not copied: the model's own, never changed); ``contains(a, b)``: whether
        entity ``a`` contains ``b`` (an organisation and its unit), to settle a tie by containment.

        The exact, alternative and loose keys of a kind are built on the first lookup that allows it (an
        asker is never a channel or contact point, 45 % of a national model's names), or only its exact
        names (``Lines``) when those settle it; the word index for phrase matches on the first phrase search
        (a name that matches a label exactly never needs it).
        """
        self._nodes, self._by_lang, self._alt = nodes, by_lang, alt
        self._rows: dict[str, Sequence[str]] = dict(kinds)  # kind → its ids, until indexed
        self._parts: dict[str, Part] = {}
        self._lines: dict[str, Lines] = {}  # of kinds without a part yet
        self._keys: dict[str, tuple[str, str, str]] = {}
        self._words: WordIndex | None = None
        self._lock = threading.Lock()
        self._contains = contains

    def build(self, kinds: Iterable[str] | None = None) -> None:
        """Build the lookups of these kinds (all when None) now rather than on the first name looked up: a server
        does this before its first request."""
        self._parts_for(set(kinds) if kinds is not None else None)

    def _parts_for(self, allowed: set[str] | None) -> list[Part]:
        """The parts of the allowed kinds (all when None), building any not built yet, in a stable order."""
        kinds = sorted(self._rows) if allowed is None else sorted(k for k in allowed if k in self._rows)
        missing = [k for k in kinds if k not in self._parts]
        if missing:
            with self._lock:
                for kind in missing:
                    if kind not in self._parts:
                        nodes, by_lang, alt = self._nodes, self._by_lang, self._alt
                        rows = [(nid, *names(nodes, by_lang, alt, nid)) for nid in self._rows[kind]]
                        self._parts[kind] = Part(rows, self._keys)
                        self._rows[kind] = []  # indexed: the entries are not kept twice
                        self._lines.pop(kind, None)
        return [self._parts[k] for k in kinds]

    def _exact(self, kind: str) -> Part | Lines:
        """What answers an exact lookup of ``kind``: its part, else its lines (made now, unless a label of
        the kind holds a line break: then its part). Lines answer one lookup (a one-off question's); the
        next builds the part, whose lookups are a dict's, not a search through every label."""
        if kind in self._lines and kind not in self._parts:
            return self._parts_for({kind})[0]
        part = self._parts.get(kind)
        if part is None:
            with self._lock:
                lines = None if kind in self._parts else Lines.of(self._rows[kind], self._nodes, self._by_lang)
                if lines is not None:
                    self._lines[kind] = lines
                    return lines
        return self._parts_for({kind})[0]

    def _word_index(self) -> WordIndex:
        """The words of every label (``graph.word_index``), built on the first phrase search or unknown name."""
        if self._words is None:
            parts = self._parts_for(None)
            with self._lock:
                if self._words is None:
                    self._words = WordIndex(text for part in parts for text in part.texts)
        return self._words

    def __contains__(self, nid: str) -> bool:
        return nid in self._nodes

    def is_name(self, text: str, *, kinds: Iterable[str] | None = None) -> bool:
        """``text`` is an entity's own name: its label, an alternative label or abbreviation, or one of those
        written loosely (no phrase of words that merely occur in a label)."""
        return bool(self._named(typed(text.strip()), set(kinds) if kinds else None))

    def search(self, text: str, *, kinds: Iterable[str] | None = None, limit: int = 10) -> list[Match]:
        """Matches best first (for autocomplete and for resolve)."""
        text = typed(text.strip())
        allowed = set(kinds) if kinds else None
        found = self._named(text, allowed)
        parted = self._phrases(text, allowed, found)
        self._heads(text, allowed, found, parted)
        # the id last: equally good matches with the same label come in one order, not the hash seed's
        return sorted(found.values(), key=lambda m: (m.key, m.label, m.id))[:limit]

    def _named(self, text: str, allowed: set[str] | None) -> dict[str, Match]:
        """Matches of the exact, alternative and loose tiers."""
        found: dict[str, Match] = {}
        exact_keys = {normalise(text), ascii_fold(text)} - {""}
        parts = self._parts_for(allowed)
        for tier, table in [(_EXACT, p.exact) for p in parts] + [(_ALT, p.alt) for p in parts]:
            for key in exact_keys:
                for nid in table.get(key, ()):
                    self._offer(found, nid, tier, 1.0, allowed)
        loose = skeleton(text)
        for nid in (nid for p in parts for nid in p.loose.get(loose, ())):
            self._offer(found, nid, _LOOSE, 1.0, allowed)
        return found

    def _phrases(
        self, text: str, allowed: set[str] | None, found: dict[str, Match], *, heads: bool = False
    ) -> set[str]:
        """Add the phrase tier: every label containing all the words (``heads``: a word may also be the first part
        of a compound, see ``graph.word_index.fit``). Returns the ids whose best reading took a word as part of a
        compound."""
        index = self._word_index()
        parted: set[str] = set()
        for variant in {normalise(text), ascii_fold(text)} - {""} | {skeleton(text)}:
            qwords = list(dict.fromkeys(words(variant)))[:MOST_WORDS]  # a word said twice covers no more
            whole = {qw for qw in qwords if not index.goes_on(qw)}
            readings = [qwords]
            if any(qw in FILLER for qw in qwords):  # »styregruppen i Randersklyngen«: when no label holds »i«
                readings.append([qw for qw in qwords if qw not in FILLER] or qwords)
            for reading in readings:
                hits = 0
                for nid in index.candidates(reading, whole, heads):
                    cov, part = index.best_coverage(reading, nid, whole, heads)
                    if cov > 0:
                        hits += 1
                        self._offer(found, nid, _PHRASE, cov, allowed)
                        if part:
                            parted.add(nid)
                if hits:
                    break
        return parted

    def resolve(
        self, text: str, *, kinds: Iterable[str] | None = None, what: str = "entity", suggest: bool = True
    ) -> str:
        """The one entity meant, or AmbiguousEntity / EntityNotFound naming the alternatives.

        Never a guess: a name (exact, alternative, loose) beats a phrase, except that a topic which merely
        lists the words as a synonym does not hide an organisation, unit or forum whose own name contains
        them ("Rådgivningsenheden" is the unit "Rådgivningsenheden, BUA", not the topic "rådgivning"). A
        phrase that fits several entities of the same kind is ambiguous ("implementeringsgruppe": two
        groups) unless it is one whole label or one of them contains the others ("Favrskov": the
        municipality, not its PPR). ``suggest=False``: a miss names no names near by spelling (the costly part
        of a miss), for a caller that only tries whether a phrase is a name.
        """
        text = text.strip()
        if text in self._nodes and (kinds is None or self._nodes[text]["kind"] in set(kinds)):
            return text
        text = typed(text)
        allowed = set(kinds) if kinds else None
        found = self._first_names(text, allowed) if allowed else {}
        if found:
            return self._settle(text, found, kinds, what, suggest)
        found = self._named(text, allowed)
        only_named = False  # a unit's own name beats a topic's synonym
        parted: set[str] = set()
        if not found or all(m.kind == "topic" and m.tier != _EXACT for m in found.values()):
            phrases: dict[str, Match] = {}
            parted = self._phrases(text, allowed, phrases)
            named = {k: m for k, m in phrases.items() if m.kind in _NAMED_KINDS}
            if not found:
                found = phrases
            elif named:
                found, only_named = named, True
        self._heads(text, allowed, found, parted, only_named)
        return self._settle(text, found, kinds, what, suggest)

    def _heads(
        self, text: str, allowed: set[str] | None, found: dict[str, Match], parted: set[str], only_named: bool = False
    ) -> None:
        """Add the matches that read a word as the first part of a compound – a town for its cluster (»Randers
        implementeringsgruppe«) – when nothing else fits, or when the words were read as parts of compounds
        anyway and cover no label whole (»styregruppen Randers«: the cluster's »Klyngestyregruppe Randers«, and
        the »Styregruppe på chefniveau, Randersklyngen«). ``only_named``: keep to organisations, units and forums."""
        if found and not (
            any(nid in parted for nid in found) and all(m.tier == _PHRASE and m.coverage < 1.0 for m in found.values())
        ):
            return
        heads: dict[str, Match] = {}
        self._phrases(text, allowed, heads, heads=True)
        for nid, m in heads.items():
            if (not only_named or m.kind in _NAMED_KINDS) and (nid not in found or m.key < found[nid].key):
                found[nid] = m

    def _first_names(self, text: str, allowed: set[str]) -> dict[str, Match]:
        """The exact names of the best-ranked allowed kinds that ``text`` matches (none when those are all
        the allowed kinds): nothing of another kind can rank as high, so a name that is found here needs
        no lookups of the others built (an asker is mostly an organisation or unit, not a person or post)."""
        best = min(KIND_RANK[k] for k in allowed)
        first = {k for k in allowed if KIND_RANK[k] == best}
        found: dict[str, Match] = {}
        if first == allowed:
            return found
        exact_keys = {normalise(text), ascii_fold(text)} - {""}
        for part in [self._exact(k) for k in sorted(first) if k in self._rows]:
            for key in exact_keys:
                for nid in part.exact_ids(key):
                    self._offer(found, nid, _EXACT, 1.0, allowed)
        return found

    def _settle(
        self, text: str, found: dict[str, Match], kinds: Iterable[str] | None, what: str, suggest: bool = True
    ) -> str:
        """The best of the matches found, settled by containment, else AmbiguousEntity / EntityNotFound."""
        matches = sorted(found.values(), key=lambda m: (m.key, m.label))[:50]
        if not matches:
            raise EntityNotFound(text, self.suggest(text, kinds=kinds) if suggest else [], what=what)
        best = matches[0]
        top = [m for m in matches if m.key == best.key]
        if best.tier == _PHRASE and best.coverage < 1.0:  # words, not a name: every entity of that kind they fit
            top = [m for m in matches if m.tier == _PHRASE and KIND_RANK[m.kind] == KIND_RANK[best.kind]]
        if len(top) > 1:
            container = self._container([m.id for m in top])
            if container is None:
                raise AmbiguousEntity(text, [Candidate(m.id, m.label, m.kind) for m in top])
            return container
        return top[0].id

    def _container(self, ids: list[str]) -> str | None:
        """The one of ``ids`` that contains all the others, if any."""
        if self._contains is None:
            return None
        for cand in ids:
            if all(other == cand or self._contains(cand, other) for other in ids):
                return cand
        return None

    def suggest(self, text: str, *, kinds: Iterable[str] | None = None, n: int = 5) -> list[Candidate]:
        """Closest labels by spelling, for 'did you mean': word by word (``graph.name_spelling``), so an unknown
        name costs milliseconds on a national model, not a comparison with every label."""
        allowed = set(kinds) if kinds else None
        index = self._word_index()

        def keep(nid: str) -> bool:
            return allowed is None or self._nodes[nid]["kind"] in allowed

        def order(nid: str) -> tuple[int, str, str]:
            label, kind = self._display(nid)
            return (KIND_RANK[kind], label, nid)

        ids = near_names(words(normalise(text)), index, keep, order, n)
        return [Candidate(nid, *self._display(nid)) for nid in ids]

    def _offer(self, found: dict[str, Match], nid: str, tier: int, cov: float, allowed: set[str] | None) -> None:
        label, kind = self._display(nid)
        if allowed is not None and kind not in allowed:
            return
        m = Match(nid, label, kind, tier, cov)
        if nid not in found or m.key < found[nid].key:
            found[nid] = m

    def _display(self, nid: str) -> tuple[str, str]:
        """An entity's display label and kind."""
        data = self._nodes[nid]
        return data["label"], data["kind"]

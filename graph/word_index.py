"""The words of every label: what a phrase a person types is matched against (``graph.resolution``'s phrase tier),
and what »did you mean« compares a misspelt name with (``graph.name_spelling``).

Danish names are inflected compounds, so a typed word stands for a label's word (``fit``) when it is the same, when
either is the other inflected (»implementeringsgruppen« for »implementeringsgruppe«), and – counted as half a word
(``PART``), so that alone it never makes a whole name – when it is the last part of a compound (»styregruppen« for
»Klyngestyregruppen«) or, asked for only in a second pass, the first part (»Randers« for »Randersklyngen«).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache

from graph.text import words

__all__ = ["FILLER", "MOST_WORDS", "PART", "WordIndex", "fit"]

SUFFIXES = ("", "e", "n", "en", "et", "er", "ne", "erne", "ene", "s", "ens", "ets", "ers", "ernes")
#: The shortest stem an inflection is taken off (»gruppen« → »gruppe«; never »sen« → »s«) and the shortest
#: word a compound's first part may be (»Randers« of »Randersklyngen«; never »psyk« of »psykiatrien«).
STEM = 4
#: The shortest rest after a compound's first part (»klyngen« of »Randersklyngen«).
TAIL = 3
#: The shortest typed word read as the last part of a compound (»styregruppe« of »Klyngestyregruppen«; never
#: »unge« or »en« of everything that ends so).
COMPOUND_TAIL = 6
#: What a word read as part of a compound counts for in a phrase's coverage.
PART = 0.5
#: The most different words of a phrase read: more than any name has (the longest bundled: 17), and each word
#: costs a pass over the labels that hold it.
MOST_WORDS = 24
#: Small words a person adds to a name (»styregruppen i Randersklyngen«): when no label holds every word, the
#: others are read without them.
FILLER = frozenset(
    {"i", "for", "på", "paa", "pa", "om", "af", "og", "til", "fra", "ved", "hos", "in", "of", "the", "and", "at"}
)


def fit(qw: str, lw: str, heads: bool, whole: bool) -> float:
    """How well a typed word stands for a label's word: 1 for the same or either of them inflected; ``PART`` for
    the last part of a compound or – with ``heads`` – the first; else 0.

    The typed word is read as an inflected form only when it is ``whole``: no label word begins with it. A word
    still being typed (»Hospitalse…« of »Hospitalsenheden«) is never read as »hospitals« + »e«."""
    if lw == qw:
        return 1.0
    if lw.startswith(qw):
        rest = lw[len(qw) :]
        if rest in SUFFIXES:
            return 1.0
        return PART if heads and len(qw) >= STEM and len(rest) >= TAIL else 0.0
    if whole and qw.startswith(lw) and len(lw) >= STEM and qw[len(lw) :] in SUFFIXES:
        return 1.0
    if len(qw) >= COMPOUND_TAIL and len(lw) > len(qw) - 2:
        return PART if any(t in lw and _ends_in(lw, t) for t in _tails(qw, whole)) else 0.0
    return 0.0


@lru_cache(maxsize=4096)
def _tails(qw: str, whole: bool) -> tuple[str, ...]:
    """What a typed word may be the end of a compound as: itself, and its stem when it is ``whole`` and inflected."""
    return (qw, *(qw[: -len(s)] for s in SUFFIXES[1:] if whole and qw.endswith(s) and len(qw) - len(s) >= STEM))


def _ends_in(lw: str, tail: str) -> bool:
    """Whether ``lw`` is a compound ending in ``tail``, maybe inflected, after a first part of ``STEM`` letters."""
    at = lw.rfind(tail, STEM)
    return at >= 0 and lw[at + len(tail) :] in SUFFIXES


class WordIndex:
    """Label word → ids, id → the word tuples of its labels, and the words sorted forwards and backwards.

    Each distinct word is one string (a national model's labels hold 337,000 words but only 1,500 distinct ones)
    and a word's ids are a tuple, not a set: 7 MB instead of 35. Read-only once built."""

    __slots__ = ("backwards", "by_word", "labels", "weight", "words")

    def __init__(self, texts: Iterable[tuple[str, tuple[str, ...]]]) -> None:
        """``texts``: (id, the spellings of one of its names) for every name of every entity."""
        ids_of: dict[str, dict[str, None]] = {}  # word → ids, in order
        labels: dict[str, list[tuple[str, ...]]] = {}
        split: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
        one: dict[str, str] = {}  # each word once
        for nid, spellings in texts:
            variants = split.get(spellings)
            if variants is None:
                variants = split[spellings] = tuple(
                    ws for ws in (tuple(one.setdefault(w, w) for w in words(v)) for v in set(spellings)) if ws
                )
            for ws in variants:
                labels.setdefault(nid, []).append(ws)
                for w in ws:
                    ids_of.setdefault(w, {})[nid] = None
        self.by_word: dict[str, tuple[str, ...]] = {w: tuple(ids) for w, ids in ids_of.items()}
        self.labels = labels
        #: every label word, sorted: the words that begin alike lie together (``bisect``)
        self.words: list[str] = sorted(self.by_word)
        #: every label word spelt backwards, sorted: the words that end alike lie together
        self.backwards: list[str] = sorted(w[::-1] for w in self.words)
        #: how much a word says, ln(1 + entities / entities whose labels hold it): »kommune«, in most labels,
        #: little, »skanderborg« much (``graph.name_spelling`` weighs words by it)
        self.weight: dict[str, float] = {w: math.log1p(len(labels) / len(ids)) for w, ids in self.by_word.items()}

    def candidates(self, qwords: list[str], whole: set[str], heads: bool = False) -> set[str]:
        """The ids whose labels hold, for every typed word, a word it may stand for (``fit``)."""
        if not qwords:
            return set()
        by_word = self.by_word
        sets = []
        for qw in qwords:
            hits = set(by_word.get(qw, ()))
            for suffix in SUFFIXES[1:]:
                hits.update(by_word.get(qw + suffix, ()))
                if qw in whole and qw.endswith(suffix) and len(qw) - len(suffix) >= STEM:
                    hits.update(by_word.get(qw[: -len(suffix)], ()))
            if heads and len(qw) >= STEM and qw in by_word:
                for w in self.words_from(qw):
                    hits.update(by_word[w])
            if len(qw) >= COMPOUND_TAIL:
                for tail in _tails(qw, qw in whole):
                    for w in self.words_ending(tail):
                        hits.update(by_word[w])
            sets.append(hits)
        return set.intersection(*sets)

    def words_from(self, head: str) -> list[str]:
        """The label words that begin with ``head`` and go on for a word of their own."""
        vocabulary, out = self.words, []
        for w in vocabulary[bisect_left(vocabulary, head) :]:
            if not w.startswith(head):
                break
            if len(w) - len(head) >= TAIL:
                out.append(w)
        return out

    def words_ending(self, tail: str) -> list[str]:
        """The label words that are compounds ending in ``tail``, maybe inflected."""
        backwards, out = self.backwards, []
        for suffix in SUFFIXES:
            end = (tail + suffix)[::-1]
            for w in backwards[bisect_left(backwards, end) :]:
                if not w.startswith(end):
                    break
                if len(w) - len(end) >= STEM:
                    out.append(w[::-1])
        return out

    def goes_on(self, qw: str) -> bool:
        """Whether some label word begins with ``qw`` and is longer: then ``qw`` may be a word still being typed,
        not an inflected form (``fit``)."""
        vocabulary = self.words
        i = bisect_left(vocabulary, qw)
        if i < len(vocabulary) and vocabulary[i] == qw:
            i += 1
        return i < len(vocabulary) and vocabulary[i].startswith(qw)

    def best_coverage(self, qwords: list[str], nid: str, whole: set[str], heads: bool) -> tuple[float, bool]:
        """The best ``coverage`` among an entity's labels. A label of n words is covered n-th by each word at most,
        so the labels that cannot beat the best so far are not read (the shortest first): an entity's other
        languages and spellings mostly hold none of the words and would each be read word by word."""
        labels = self.labels[nid]
        best: tuple[float, bool] = (0.0, False)
        for lw in sorted(labels, key=len) if len(labels) > 1 else labels:
            if len(qwords) / max(len(lw), 1) <= best[0]:
                break
            got = coverage(qwords, lw, whole, heads)
            if got[0] > best[0]:
                best = got
        return best


def coverage(qwords: list[str], label_words: Sequence[str], whole: set[str], heads: bool = False) -> tuple[float, bool]:
    """How much of the label the typed words cover (0: a word fits none of it), and whether a word was read as part
    of a compound."""
    used, part = 0.0, False
    for qw in qwords:
        if qw in label_words:  # the same word: most words of most phrases
            used += 1.0
            continue
        best, is_whole = 0.0, qw in whole
        for lw in label_words:
            f = fit(qw, lw, heads, is_whole)
            if f > best:
                best = f
                if f == 1.0:
                    break
        if not best:
            return 0.0, False
        used += best
        part = part or best == PART
    return used / max(len(label_words), 1), part

"""Names close to a misspelt one, for »did you mean«: compared word by word, never label by label.

Comparing a text with every name by spelling (difflib over each label) cost 0.1–1.9 s of CPU per unknown name on
a national model (34,000 name keys; 3 s at p99), so a burst of typos could keep a server's workers busy. But
names are made of few distinct words (a national model: ~1,500; the bundled data: ~870), so each typed word is
compared with those words only, and only the entities whose labels hold a close word are scored. The work is
bounded by the number of distinct words and by how many entities share the closest ones, not by the number of
names.

A label is scored by how well the typed words and its words cover each other, each word counted by how much it
says (»kommune« little, »skanderborg« much): twice the weighted sum of each typed word's likeness to its best
word in the label, over the weights of both (1.0: the same words). A word's likeness is difflib's ratio
(»nrodjurs« – »norddjurs« 0.82), or more when the typed word is no label word but begins one (a word still
being typed: »Hospitalse« of »Hospitalsenheden« 0.89; the shorter the rest, the more alike, ``_begun``).
Entities are scored in order of an upper bound of their score, and scoring stops when no bound can reach the
best ``n`` found.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from itertools import repeat
from typing import TYPE_CHECKING

from graph.lazy import LazyModule
from graph.word_index import WordIndex

if TYPE_CHECKING:
    import difflib
    import heapq
else:  # only a name that is not found needs them: importing them cost every start ~3 M instructions
    difflib, heapq = LazyModule("difflib"), LazyModule("heapq")

__all__ = ["SCORE_CUTOFF", "WORD_CUTOFF", "close_words", "near_names"]

#: The least likeness for a label word to count as a typed word misspelt (»randres« – »randers« 0.86, »lemvik« –
#: »lemvig« 0.83; »syddjurs« – »nrodjurs« 0.62 does not count).
WORD_CUTOFF = 0.7
#: A label word that begins with the typed word (at least ``_PREFIX_MIN`` letters) is at least this alike, plus
#: a share of the rest that the typed part covers (``_begun``).
_PREFIX_FLOOR = 0.7
_PREFIX_MIN = 3
#: The least score a suggestion needs: one typed word of three found in a two-word label, roughly.
SCORE_CUTOFF = 1 / 3
#: The closest label words kept per typed word (besides those it begins).
_CLOSE_PER_WORD = 8
#: Only words nearly as alike as the most alike count (»rådgivningsenhden« is »rådgivningsenheden«, 0.97, not also
#: »rådgivning«, 0.74).
_NEAR_BEST = 0.15
#: The most typed words compared (a name is a few words; a pasted paragraph must not cost a second per word).
_MOST_WORDS = 12
#: The most label words a typed word is read as the beginning of (a short word begins hundreds).
_PREFIXES_PER_WORD = 50


def close_words(typed: str, index: WordIndex) -> dict[str, float]:
    """The label words ``typed`` may stand for, with their likeness: itself, the closest by spelling and, when it
    is no label word itself, the words it begins; only those nearly as alike as the most alike (``_NEAR_BEST``)."""
    vocabulary = index.words
    out: dict[str, float] = {}
    if not typed:
        return out
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(typed)
    scored = []
    for word in vocabulary:
        matcher.set_seq1(word)
        if matcher.real_quick_ratio() >= WORD_CUTOFF and matcher.quick_ratio() >= WORD_CUTOFF:
            ratio = matcher.ratio()
            if ratio >= WORD_CUTOFF:
                scored.append((ratio, word))
    for ratio, word in heapq.nlargest(_CLOSE_PER_WORD, scored):
        out[word] = ratio
    if typed not in index.by_word and len(typed) >= _PREFIX_MIN:
        start = bisect_left(vocabulary, typed)
        for word in vocabulary[start : start + _PREFIXES_PER_WORD]:
            if not word.startswith(typed):
                break
            out[word] = max(out.get(word, 0.0), _begun(typed, word))
    best = max(out.values(), default=0.0)
    return {word: like for word, like in out.items() if like >= best - _NEAR_BEST}


def _begun(typed: str, word: str) -> float:
    """How alike a word is to its beginning: »refera« – »referat« 0.96, – »referatsleitung« 0.82."""
    return _PREFIX_FLOOR + (1 - _PREFIX_FLOOR) * len(typed) / len(word)


def near_names(
    typed: Sequence[str],
    index: WordIndex,
    keep: Callable[[str], bool],
    order: Callable[[str], tuple[object, ...]],
    n: int,
) -> list[str]:
    """The ids of the ``n`` entities whose labels are closest to the ``typed`` words, best first.

    ``keep``: whether an id may be suggested (its kind); ``order``: how equally close ids are ordered (a stable
    key, never the hash seed's)."""
    by_word, labels, weight = index.by_word, index.labels, index.weight
    if not typed or n <= 0 or not labels:
        return []
    typed = list(dict.fromkeys(typed))[:_MOST_WORDS]
    closest = [close_words(word, index) for word in typed]
    # a typed word weighs what its most alike label word does; a word like none the most a word can
    weights = [weight[max(c, key=lambda w: (c[w], w))] if c else math.log1p(len(labels)) for c in closest]
    typed_weight = sum(weights)
    # per typed word, its close words' gains: likeness times the typed word's weight
    gains = [{w: x * wt for w, x in c.items()} for c, wt in zip(closest, weights, strict=True)]
    reach: dict[str, float] = {}  # id → the sum over typed words of the best gain among all its labels' words
    for gain in gains:
        best: dict[str, float] = {}
        for word, got in gain.items():
            for nid in by_word.get(word, ()):
                if got > best.get(nid, 0.0):
                    best[nid] = got
        for nid, got in best.items():
            reach[nid] = reach.get(nid, 0.0) + got
    # a label holds a word some typed word matched: it weighs at least the lightest of those
    lightest = min((weight[w] for close in closest for w in close), default=0.0)
    top: list[float] = []  # the best n scores so far (a min-heap)
    scored: list[tuple[float, str]] = []
    # the order among equal bounds does not matter: ties are all scored, and a score below the floor is below the
    # n-th best in the end too
    for nid in sorted((i for i in reach if keep(i)), key=reach.__getitem__, reverse=True):
        floor = top[0] if len(top) >= n else SCORE_CUTOFF
        if 2 * reach[nid] / (typed_weight + lightest) < floor:  # an upper bound of the score
            break  # no later id can reach the best n (bounds only fall from here)
        score = max(_score(gains, typed_weight, ws, weight) for ws in labels[nid])
        if score >= floor:
            scored.append((score, nid))
            if len(top) >= n:
                heapq.heapreplace(top, score)
            else:
                heapq.heappush(top, score)
    scored.sort(key=lambda hit: (-hit[0], order(hit[1])))
    return [nid for _, nid in scored[:n]]


def _score(
    gains: list[dict[str, float]], typed_weight: float, label_words: Sequence[str], weight: Mapping[str, float]
) -> float:
    """How well the typed words and one label's words cover each other, each word counted by its weight."""
    got = sum(max(map(gain.get, label_words, repeat(0.0))) for gain in gains)
    return 2 * got / (typed_weight + sum(map(weight.__getitem__, label_words)))

"""Danish words for matching what people type: stems, one key for æ/ae/e, word tokens and how alike two
tokens are. Shared by the topic index (``graph.topics``); no index or model here.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

from graph.text import ascii_fold

__all__ = [
    "QUESTION_WORDS",
    "SIM_FUZZY",
    "STOP_WORDS",
    "Token",
    "fold",
    "one_slip",
    "similarity",
    "stem",
    "stems",
    "unfold",
]

#: How a question is put (when, which, next, who holds or sends it), Danish and English: »hvornår er næste møde«.
#: A stop word, and no topic or thesaurus label may hold one (a test checks the bundled labels).
# fmt: off
QUESTION_WORDS = frozenset({
    "hvornår", "hvornaar", "hvorfor", "hvilken", "hvilket", "hvilke", "næste", "naeste", "sidste", "kommende",
    "når", "naar", "man", "du", "dig", "mig", "os", "jeres", "holder", "indkalder", "sender", "står", "staar",
    "finder", "finde", "gør", "sker", "when", "which", "next", "last", "upcoming", "why", "me", "you", "us",
    "your", "hold", "holds", "runs", "sends", "find",
})
#: Words that carry no topic, in Danish and English ("who do I contact about …").
STOP_WORDS = QUESTION_WORDS | frozenset({
    "om", "fra", "til", "i", "og", "en", "et", "af", "på", "paa", "med", "for", "der", "de", "den", "det",
    "som", "hvem", "hvad", "hvor", "hvordan", "jeg", "vi", "kan", "skal", "må", "maa", "vil", "kontakt",
    "kontakte", "spørge", "spoerge", "mht", "ang", "angående", "angaaende", "vedr", "vedrørende",
    "vedroerende", "eller", "ved", "about", "from", "the", "a", "an", "of", "to", "in", "on", "and", "or",
    "with", "who", "whom", "what", "where", "how", "we", "can", "should", "contact", "ask", "regarding", "re",
    "at", "by",
    # every question here is about a child or young person: these words name no topic
    "barn", "barnet", "børn", "børnene", "boern", "ung", "unge", "den unge", "elev", "eleven", "elever",
    "tager", "sig", "hjælper", "min", "mit", "vores", "bliver", "har", "er", "får", "hos",
    "child", "children", "young", "people", "kid", "kids", "pupil", "student", "my", "our", "has", "is",
    "do", "does", "need", "help",
})
# fmt: on
# word equal; sharing a compound's last part ("forslag" in "dagsordensforslag"); sharing another part; typo
_SIM_STEM, _SIM_LAST, _SIM_PART, SIM_FUZZY = 1.0, 0.8, 0.6, 0.75

_STEMMER = snowballstemmer.stemmer("danish")
if hasattr(_STEMMER, "maxCacheSize"):  # PyStemmer's own word cache: ``stem`` keeps one, ``stems`` runs once per index
    _STEMMER.maxCacheSize = 0  # filling it costs as much as the stemming
_STEM_LOCK = threading.Lock()  # a Snowball stemmer keeps state while it works: one word at a time


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Danish) stem of one normalised word, folded (æ/ae/e …) for comparison.

    "ae"/"oe"/"aa" typed on a foreign keyboard are read as æ/ø/å first, so "skolefravaer" and
    "skolefravær" stem alike; applied alike to labels and queries.
    """
    word = unfold(word)
    with _STEM_LOCK:  # twice: "dagsordener" → "dagsorden" → "dagsord", as "dagsorden" → "dagsord"
        out = _STEMMER.stemWord(_STEMMER.stemWord(word))
    return fold(out)


def stems(words: Iterable[str]) -> dict[str, str]:
    """``stem`` of many words, in one pass of the C stemmer over the list.

    The topic index stems thousands of label words and their pieces; per word, the call and the lock cost
    more than the stemming itself. Same stems as ``stem`` (same unfold, double stemming and fold).
    """
    todo = list(dict.fromkeys(words))
    unfolded = [unfold(w) for w in todo]
    with _STEM_LOCK:
        out = _STEMMER.stemWords(_STEMMER.stemWords(unfolded))
    joined = " ".join(out)
    if out == joined.split():  # one-word stems: folded as one text, as ``fold`` folds each (it works per letter)
        folded = fold.__wrapped__(joined).split(" ")  # the uncached function: one long text is not worth keeping
        if len(folded) == len(out):
            return dict(zip(todo, folded, strict=True))
    return {w: fold(s) for w, s in zip(todo, out, strict=True)}


def unfold(word: str) -> str:
    return word.replace("aa", "å").replace("ae", "æ").replace("oe", "ø") if word.isascii() else word


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """One key for æ/ae/e, ø/oe/o, å/aa/a: people type all of them."""
    return ascii_fold(text).replace("aa", "a").replace("oe", "o").replace("ae", "e")


class Token(NamedTuple):
    stem: str
    parts: frozenset[str]  # the stem itself and, for compounds, the label words inside it
    last: str = ""  # the compound's last part: in Danish the word it is a kind of ("dagsordens|forslag")


def one_slip(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with one slip of the hand: a letter wrong, missing or added, or two neighbours
    swapped – never in the first letter, which people rarely get wrong (»dental« is a word, not a slip of
    »mental«)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if i == 0:
        return False
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1])
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]


def similarity(q: Token, label: Token) -> float:
    if q.stem == label.stem:
        return _SIM_STEM
    shared = q.parts & label.parts
    if shared:  # a compound shares its last part: "dagsordens|forslag" is a kind of "forslag", not of "dagsorden"
        q_ok = q.last in shared or q.last == q.stem
        l_ok = label.last in shared or label.last == label.stem
        if q_ok and l_ok and q.last != q.stem and label.last != label.stem:
            return _SIM_PART  # two kinds of one thing are siblings: "børne|psykiatri" is not "akut|psykiatri"
        return _SIM_LAST if q_ok and l_ok else _SIM_PART
    if any(p.startswith("~") and p[1:] in label.parts for p in q.parts):
        return SIM_FUZZY
    return 0.0

"""Match what a person types to the SKOS topics of the data set.

People type "faglig sparring", "rådgivningen fra børnepsykiatrien", "advice from child psychiatry",
"dagsordensforslag" or "STIME-supervision"; the topics carry one Danish and one English preferred label
and a handful of alternative labels. Matching therefore works on *stems*, not strings:

1. the text is normalised (case, accents; æ/ø/å also meet ae/oe/aa and a/o), split into words (hyphens
   split), and stop words ("om", "fra", "about", "the" …) are dropped;
2. each word loses its Danish inflection ending (-en, -et, -er, -erne, -ens, -s …), and a compound that is
   not itself a label word is split into label words ("dagsordens|forslag" → dagsorden + forslag);
   a word that is still unknown may be a typo and is compared by spelling (difflib, strict cut-off);
3. every label is scored by how much of the query it explains and how much of the label the query covers,
   each word weighted by how rare it is among the topics (so "faglig" counts less than "sparring");
   an exact label scores 1;
4. topics one step broader, narrower (``skos:broader``) or related (``skos:related``) than a match join
   with a lower score, so "specialiseret rådgivning" also finds who gives advice in general.

The index is built once per model (``memo``) and never scans triples per query. Text that matches no
topic raises ``UnknownTopic`` with the closest topics by spelling; it is never an empty answer.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from graph.cache import memo
from graph.errors import Candidate, NotInSources
from graph.facts import as_str
from graph.lazy import LazyModule
from graph.model import Model
from graph.text import normalise, typed, words
from graph.thesaurus import thesaurus
from graph.topic_types import EntryMatch, TopicMatch, Understanding
from graph.topic_words import STOP_WORDS, Token, fold, one_slip, similarity, stem, stems, unfold
from ontology.iris import SKOS

if TYPE_CHECKING:
    import difflib
else:
    difflib = LazyModule("difflib")  # only words the labels do not hold need it: importing it cost every start ~3 M

__all__ = [
    "STOP_WORDS",
    "TopicIndex",
    "match_topics",
    "stem",
    "topic_index",
    "understand",
]

_MIN_STEM = 3
_MIN_PART = 4  # compound heads shorter than this split too eagerly ("råd|givning")
_MIN_TAIL = 5  # an unknown tail shorter than this is an ending, not a word ("-ning", "-isk")
_FUZZY_CUTOFF = 0.85
#: A word this long with one slip of the hand is a typo even below ``_FUZZY_CUTOFF`` (»angzt« – »angst« 0.8);
#: a shorter one is a word of its own (»sorg« is not »søg«). The slip's candidates are those this alike.
_SLIP_MIN, _SLIP_CUTOFF = 5, 0.7
_RELATED_FACTOR = {"broader": 0.5, "narrower": 0.5, "related": 0.35}
_KEEP_RELATIVE = 0.6  # direct matches below this share of the best one are noise ("faglig" alone)
_KEEP_AFTER_EXACT_WORD = 0.9
_EXACT_WORD = 0.95  # a thesaurus word matched (nearly) whole
_KEEP_ENTRY = 0.7  # thesaurus words are many and short: keep only those near the best match
_MIN_SCORE = 0.2
# a query word no label knows ("dental" in "dental care") must not be outvoted by one shared word ("care")
_MIN_SCORE_WITH_UNKNOWN = 0.7
_THESAURUS_RELATED = 0.8  # a topic a thesaurus word is related to, against one it means
_GENERAL_SCORE = 0.3  # the general routes of an in-domain word: after anything specific
_UNDERSTOOD_KEPT = 4096  # texts whose meaning the topic index keeps (a text outside the sources is not kept)
_SUGGEST_CUTOFF = 0.75  # out of the sources, only a really near label is offered besides the general routes


class _Label(NamedTuple):
    topic: str
    text: str
    key: str  # folded full text, for exact matches
    tokens: tuple[Token, ...]
    preferred: bool


class TopicIndex:
    """Every topic and thesaurus label as stems, an inverted index over stems, IDF weights, SKOS neighbours."""

    def __init__(self, model: Model) -> None:
        nodes = model.adjacency.nodes
        self.topics: dict[str, str] = {nid: nodes[nid]["label"] for nid in model.adjacency.by_kind().get("topic", ())}
        self.thesaurus = thesaurus(model)
        self.understood: dict[str, Understanding] = {}  # text → meaning: fixed per data version, like the index
        raw = {nid: _label_texts(model, nid) for nid in self.topics}
        raw.update({eid: list(e.texts) for eid, e in self.thesaurus.entries.items()})
        content = {t: _content_words(t) for texts in raw.values() for t, _ in texts}
        label_words = {unfold(w) for ws in content.values() for w in ws}
        # every label word and the pieces ``_split`` stems of it, stemmed in one batch (same stems as ``stem``)
        self._stems = stems([*label_words, *(p for w in label_words for p in _pieces(w))])
        self._token_of: dict[str, Token] = {}  # word → token: the vocabulary is fixed, so is a word's token
        self.vocab = {s for w in label_words if len(s := self._stems[w]) >= _MIN_PART}
        self.labels: list[_Label] = []
        self.by_part: dict[str, set[int]] = defaultdict(set)
        self.by_key: dict[str, list[int]] = defaultdict(list)
        df: dict[str, set[str]] = defaultdict(set)  # part → topics with a label that has it
        for nid, texts in raw.items():
            for text, preferred in texts:
                tokens = tuple(self._token(w) for w in content[text])
                label = _Label(nid, text, fold(normalise(text)), tokens, preferred)
                i = len(self.labels)
                self.by_key[label.key].append(i)
                for tok in tokens:
                    for part in tok.parts:
                        self.by_part[part].add(i)
                        df[part].add(nid)
                self.labels.append(label)
        n = max(len(raw), 1)
        self.idf = {part: 1.0 + math.log(n / len(ts)) for part, ts in df.items()}
        self.max_idf = 1.0 + math.log(n) if n > 1 else 1.0
        self.known_parts = sorted(self.by_part)
        # what a typo may be read as: a one-letter slip from a shorter part is no evidence (»sorg«, grief, is
        # not »søg« of »søge samtykke«, though difflib rates them 0.86)
        self.typo_targets = [p for p in self.known_parts if len(p) >= _MIN_PART]
        self.neighbours = _neighbours(model, self.topics)

    # ------------------------------------------------------------------ text → tokens
    def tokens(self, text: str) -> tuple[Token, ...]:
        return tuple(self._token(w) for w in _content_words(text))

    def _token(self, word: str) -> Token:
        tok = self._token_of.get(word)
        if tok is None:
            unfolded = unfold(word)
            s = self._stem(unfolded)
            split = self._split(unfolded)
            tok = Token(s, frozenset({s, *split}), split[-1] if split else s)
            if len(self._token_of) >= _UNDERSTOOD_KEPT * 4:  # words typed in queries: keep the memo bounded
                self._token_of.clear()
            self._token_of[word] = tok
        return tok

    def _stem(self, word: str) -> str:
        """``stem``, read from the batch of label words and pieces when it is there."""
        s = self._stems.get(word)
        return stem(word) if s is None else s

    def _split(self, word: str, depth: int = 0) -> list[str]:
        """Label words inside a compound, longest head first ("dagsordens|forslag" → dagsorden, forslag).

        A split needs a label word as head and, as tail, another label word or an unknown word of at least
        ``_MIN_TAIL`` letters, so derivational endings ("rådgiv|ning", "psykolog|isk") are not words.
        """
        if depth > 2 or len(word) < 2 * _MIN_PART - 1:
            return []
        whole, vocab = self._stem(word), self.vocab
        for i in range(len(word) - _MIN_PART + 1, _MIN_PART - 1, -1):
            head, tail = word[:i], word[i:]
            heads = [head] + ([head[:-1]] if head[-1] in "se" and len(head) > _MIN_PART else [])
            for h in heads:
                sh = self._stem(h)
                if sh not in vocab or sh == whole:
                    continue
                rest = self._stem(tail)
                if rest in vocab:
                    return [sh, rest]
                inner = self._split(tail, depth + 1)
                if inner or len(rest) >= _MIN_TAIL:
                    return [sh, *(inner or [rest])]
        for i in range(_MIN_STEM, len(word) - _MIN_TAIL + 1):  # a known word at the end: "børne|psykiatri"
            rest = self._stem(word[i:])
            if rest in vocab and len(rest) >= _MIN_TAIL and rest != whole:
                return [self._stem(word[:i]), rest]
        return []

    # ------------------------------------------------------------------ scoring
    def match(self, text: str) -> tuple[TopicMatch, ...]:
        """Topics only (what ``match_topics`` returned before the thesaurus): see ``understand``."""
        return self.understand(text).topics

    def understand(self, text: str) -> Understanding:
        """The topics and thesaurus entries ``text`` is taken to mean."""
        key = fold(normalise(text))
        best: dict[str, TopicMatch] = {}
        for i in self.by_key.get(key, ()):
            lab = self.labels[i]
            _offer(best, TopicMatch(lab.topic, 1.0 if lab.preferred else 0.99, "label", lab.text))
        typed = _content_words(text)
        query = self._with_fuzzy(typed, tuple(self._token(w) for w in typed))
        unknown = any(not any(p.lstrip("~") in self.by_part for p in tok.parts) for tok in query)
        floor = _MIN_SCORE_WITH_UNKNOWN if unknown else _MIN_SCORE
        for i in self._candidates(query):
            lab = self.labels[i]
            score = self._score(query, lab.tokens)
            if score >= floor:
                _offer(best, TopicMatch(lab.topic, min(score, 0.98), "words", lab.text))
        if not best:
            return Understanding((), ())
        top = max(m.score for m in best.values())
        # a word the thesaurus knows by name ("mistrivsel") is not also a topic that merely contains it
        exact_word = any(m.score >= _EXACT_WORD for t, m in best.items() if t in self.thesaurus.entries)
        topic_share = _KEEP_AFTER_EXACT_WORD if exact_word else _KEEP_RELATIVE
        kept = {
            t: m
            for t, m in best.items()
            if m.score >= top * (_KEEP_ENTRY if t in self.thesaurus.entries else topic_share)
        }
        entries = tuple(
            EntryMatch(self.thesaurus.entries[t], m.score, m.matched)
            for t, m in sorted(kept.items(), key=lambda x: -x[1].score)
            if t in self.thesaurus.entries
        )
        direct = {t: m for t, m in kept.items() if t in self.topics}
        for e in entries:
            for tid in e.entry.exact:
                _offer(direct, TopicMatch(tid, e.score, "thesaurus", e.matched))
            for tid in e.entry.related:
                _offer(direct, TopicMatch(tid, e.score * _THESAURUS_RELATED, "thesaurus", e.matched))
        found = dict(direct)
        for tid, m in direct.items():
            for rel, others in self.neighbours.get(tid, {}).items():
                for other in others:
                    if other not in direct:
                        label = self.topics[tid]
                        _offer(found, TopicMatch(other, m.score * _RELATED_FACTOR[rel], rel, label, tid))
        topics = tuple(sorted(found.values(), key=lambda m: (-m.score, self.topics[m.id])))
        return Understanding(topics, entries)

    def _with_fuzzy(self, typed: list[str], query: tuple[Token, ...]) -> tuple[Token, ...]:
        """Unknown words that are near a label word by spelling (typos) take that word as a part.

        A word is unknown when neither it nor its last part is a label word: »selvskadr« is a slip, not a kind of
        »selv-« (whose words are »selvmordstanker« as much as »selvskade«). Near is difflib's ratio over
        ``_FUZZY_CUTOFF``, or – for a word of ``_SLIP_MIN`` letters or more, where one letter weighs too much for
        the ratio – one slip of the hand as typed, before stemming (``one_slip``: »angzt«, »ansgt«, »mobnig«, whose
        stems »ansg« and »mobn« are two slips away)."""
        out = []
        for word, tok in zip(typed, query, strict=True):
            if tok.stem in self.by_part or tok.last in self.by_part or len(tok.stem) < _MIN_PART:
                out.append(tok)
                continue
            close = difflib.get_close_matches(tok.stem, self.typo_targets, n=1, cutoff=_FUZZY_CUTOFF)
            if not close and len(word := unfold(word)) >= _SLIP_MIN:
                near = difflib.get_close_matches(word, self.typo_targets, n=5, cutoff=_SLIP_CUTOFF)
                close = [c for c in near if one_slip(word, c)][:1]
            # a typo of a label word is read as that word, not also by the parts a split found in it
            out.append(Token(tok.stem, frozenset({tok.stem, f"~{close[0]}"}), tok.last) if close else tok)
        return tuple(out)

    def _candidates(self, query: tuple[Token, ...]) -> set[int]:
        found: set[int] = set()
        for tok in query:
            for part in tok.parts:
                found |= self.by_part.get(part.lstrip("~"), set())
        return found

    def _score(self, query: tuple[Token, ...], label: tuple[Token, ...]) -> float:
        if not query or not label:
            return 0.0
        q_weights = [self._weight(t) for t in query]
        l_weights = [self._weight(t) for t in label]
        q_sims = [max(similarity(q, lt) for lt in label) for q in query]
        l_sims = [max(similarity(q, lt) for q in query) for lt in label]
        if not any(q_sims):
            return 0.0
        q_cov = sum(w * s for w, s in zip(q_weights, q_sims, strict=True)) / sum(q_weights)
        l_cov = sum(w * s for w, s in zip(l_weights, l_sims, strict=True)) / sum(l_weights)
        return 0.6 * q_cov + 0.4 * l_cov

    def _weight(self, tok: Token) -> float:
        known = [self.idf[p.lstrip("~")] for p in tok.parts if p.lstrip("~") in self.idf]
        return min(known) if known else self.max_idf

    # ------------------------------------------------------------------ suggestions
    def suggest(self, text: str, n: int = 5) -> list[Candidate]:
        """Closest topics by spelling, whole label first, then word by word."""
        keys = sorted(self.by_key)
        hits = difflib.get_close_matches(fold(normalise(text)), keys, n=n * 2, cutoff=0.5)
        for tok in self.tokens(text):
            hits += difflib.get_close_matches(tok.stem, self.known_parts, n=2, cutoff=0.6)
        out: list[Candidate] = []
        for hit in hits:
            ids = [self.labels[i].topic for i in self.by_key.get(hit, ())]
            ids += sorted({self.labels[i].topic for i in self.by_part.get(hit, ())})
            for entry in [self.thesaurus.entries[t] for t in ids if t in self.thesaurus.entries]:
                ids += [*entry.exact, *entry.related]
            for tid in (t for t in ids if t in self.topics):
                if all(c.id != tid for c in out):
                    out.append(Candidate(tid, self.topics[tid], "topic"))
        if not out or not [w for w in words(normalise(text)) if w not in STOP_WORDS]:
            # nothing near, or only words like "om"/"about": offer the topics there are, so the user can choose
            out = [Candidate(t, lab, "topic") for t, lab in sorted(self.topics.items(), key=lambda x: x[1])]
        return out[:n]

    def has_near(self, text: str, topic: str) -> bool:
        """Whether a label of ``topic`` is near ``text`` by spelling (not only one of the fallback topics)."""
        keys = [lab.key for lab in self.labels if lab.topic == topic]
        return bool(difflib.get_close_matches(fold(normalise(text)), keys, n=1, cutoff=_SUGGEST_CUTOFF))


def topic_index(model: Model) -> TopicIndex:
    """The topic index of a model, built on first use and kept as long as the model lives."""
    return memo(model, "topic-index", lambda: TopicIndex(model))


def understand(model: Model, text: str) -> Understanding:
    """What ``text`` is taken to mean: specific topics, thesaurus entries and, for an in-domain text that
    names no specific topic, the general routes (``via="general"``).

    Raises ``NotInSources`` when nothing in the topics or the thesaurus matches (the general routes, if
    any, as suggestions after the topics near by spelling).
    """
    text = typed((text or "").strip(), "topic")
    index = topic_index(model)
    hit = index.understood.get(text)
    if hit is None:
        hit = _understand(index, text)
        if len(index.understood) >= _UNDERSTOOD_KEPT:
            index.understood.clear()
        index.understood[text] = hit
    return hit


def _understand(index: TopicIndex, text: str) -> Understanding:
    if text in index.topics:
        return Understanding((TopicMatch(text, 1.0, "id", index.topics[text]),), ())
    found = index.understand(text) if text else Understanding((), ())
    if not found.topics and not found.entries:
        raise NotInSources(text, _near_or_general(index, text))
    general = tuple(
        TopicMatch(t, _GENERAL_SCORE, "general", found.entries[0].matched if found.entries else text)
        for t in index.thesaurus.general
        if t in index.topics and all(m.id != t for m in found.topics)
    )
    in_domain = bool(found.topics) or any(e.entry.in_domain for e in found.entries)
    return Understanding(found.topics, found.entries, general if in_domain else ())


def match_topics(model: Model, text: str) -> list[TopicMatch]:
    """The topics ``text`` is taken to mean, best first (score 1 = an exact label).

    An in-domain word with no specific topic ("angst") gives the general routes (``via="general"``);
    text outside the sources raises ``NotInSources`` (an ``UnknownTopic``) with suggestions.
    """
    found = understand(model, text)
    return list(found.topics or found.general)


def _near_or_general(index: TopicIndex, text: str) -> list[Candidate]:
    near = index.suggest(text)
    if not index.thesaurus.general:
        return near
    strict = [c for c in near if c.id not in index.thesaurus.general and index.has_near(text, c.id)]
    general = [Candidate(t, index.topics[t], "topic") for t in index.thesaurus.general if t in index.topics]
    return strict + general


# ---------------------------------------------------------------------- helpers
def _content_words(text: str) -> list[str]:
    ws = words(normalise(text))
    content = [w for w in ws if w not in STOP_WORDS]
    return content or ws


def _pieces(word: str) -> Iterable[str]:
    """The heads and tails ``TopicIndex._split`` stems of a word it cannot split (most words)."""
    if len(word) < 2 * _MIN_PART - 1:
        return ()
    heads = (word[:i] for i in range(_MIN_PART, len(word) - _MIN_PART + 2))
    tails = (word[i:] for i in range(_MIN_STEM, len(word) - _MIN_TAIL + 1))
    return (*heads, *tails)


def _label_texts(model: Model, nid: str) -> list[tuple[str, bool]]:
    prefs = {v for v in model.labels_by_lang.get(nid, {}).values() if v} | {model.adjacency.nodes[nid]["label"]}
    hidden = {as_str(o) for o in model.triple_index().objects(nid, SKOS.hiddenLabel)}  # common misspellings
    alts = (set(model.alt_labels.get(nid, [])) | hidden) - prefs
    return [(t, True) for t in sorted(prefs)] + [(t, False) for t in sorted(alts)]


def _neighbours(model: Model, topics: dict[str, str]) -> dict[str, dict[str, set[str]]]:
    """broader / narrower / related topics, read once from the RDF (both directions of each)."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    pairs: Iterable[tuple[Any, str, str]] = (
        (SKOS.broader, "broader", "narrower"),
        (SKOS.narrower, "narrower", "broader"),
        (SKOS.related, "related", "related"),
    )
    for pred, forward, backward in pairs:
        for s, o in model.triple_index().subject_objects(pred):
            a, b = as_str(s), as_str(o)
            if a in topics and b in topics and a != b:
                out[a][forward].add(b)
                out[b][backward].add(a)
    return {k: dict(v) for k, v in out.items()}


def _offer(found: dict[str, TopicMatch], m: TopicMatch) -> None:
    if m.id not in found or m.score > found[m.id].score:
        found[m.id] = m

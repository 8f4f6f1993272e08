"""Labels keyed all at once (``graph.text.normalise_lines``, ``keys_of``) key each label as ``normalise`` and
``keys`` do one at a time: every Latin-1 character (the byte table), marks, odd white space, line breaks."""

from __future__ import annotations

import random

from graph.text import keys, keys_of, normalise, normalise_lines

_ODD = ["", " ", "Århus  Kommune ", "Straße", "cafe\u0301", "a \u0301 b", "ﬁnance", "x\ty", "a\u00a0b", "İstanbul", "µ"]


def _same(texts: list[str]) -> None:
    assert keys_of(texts) == [keys(t) for t in texts]
    if not any("\n" in t for t in texts):
        assert normalise_lines(texts) == "\n".join(normalise(t) for t in texts)
    else:
        assert normalise_lines(texts) is None


def test_every_latin1_character_is_keyed_as_one_at_a_time() -> None:
    chars = [chr(c) for c in range(256) if c != 10]
    _same(chars)
    _same([f"{c} {c.upper()}x" for c in chars])


def test_mixed_texts_are_keyed_as_one_at_a_time() -> None:
    rnd = random.Random(0)
    alphabet = "aæøåAÆØÅéÉüÜß \t\u00a0\u0301xyz1-,.\xad\x85ÿµǅΣς\u2028"
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 8))) for _ in range(3000)]
    _same(texts + _ODD)
    for t in texts[:300] + _ODD:
        _same([t])
        _same(["Åb", t, "x"])
    _same([*_ODD, "two\nlines"])
    _same([])

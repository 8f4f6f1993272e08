"""Unknown names: how long »did you mean« takes, and whether it names the entity meant, for many different typos.

A coordinator types a name with a slip (»Nrodjurs Kommune«); the answer is a 404 with suggestions. On a national
model that used to cost 0.1–1.9 s of CPU (difflib against every one of ~34,000 name keys), so a burst of typos
could keep a server busy. This takes ``TYPOS`` different names of bodies (organisations, units, forums, clusters),
each with one slip a hand makes (two letters swapped, one dropped, one doubled, one wrong) in one of its longer
words, keeps those the model does not find, and times ``LabelIndex.suggest`` once for each (the word index it
reads is built first, untimed, as the failed lookup before it builds it). The baseline is that earlier method on
the same typos (the first ``BASELINE_TYPOS``: it takes ~1 s each): ``difflib.get_close_matches`` against every
exact and alternative name key. Both are scored too: how often the entity meant is the first suggestion.
"""

from __future__ import annotations

import difflib
import random
import string
from typing import Any

from benchmarks.bench_paths import quantile
from benchmarks.bench_support import Row, Timing
from graph.errors import EntityNotFound, SamarbejdskortError
from graph.model import Model
from graph.text import normalise

__all__ = ["TYPOS", "name_rows", "typos"]

TYPOS = 150
#: The baseline takes about a second a typo on a national model: it is timed on the first of them, and ours on
#: the same ones for the ratio.
BASELINE_TYPOS = 25
_KINDS = ("organisation", "unit", "forum", "cluster")


def typos(model: Model, n: int, seed: int = TYPOS) -> list[tuple[str, str]]:
    """``n`` different (typo, id meant) pairs the model does not resolve: one slip in a word of five letters or more."""
    nodes = model.nx.nodes
    pool = sorted(nid for nid, kind in nodes(data="kind") if kind in _KINDS and nodes[nid].get("label"))
    rnd = random.Random(seed)
    out: dict[str, str] = {}
    for _ in range(n * 20):
        if len(out) >= n or not pool:
            break
        nid = rnd.choice(pool)
        typo = _slip(model.label(nid), rnd)
        if typo is None or typo in out:
            continue
        try:
            model.resolve(typo)
        except EntityNotFound:
            out[typo] = nid
        except SamarbejdskortError:  # ambiguous: the slip made another name's words
            continue
    return list(out.items())


def _slip(label: str, rnd: random.Random) -> str | None:
    long = [w for w in label.split() if len(w) >= 5 and w.isalpha()]
    if not long:
        return None
    word = rnd.choice(long)
    i = rnd.randrange(1, len(word) - 1)
    how = rnd.choice(("swap", "drop", "double", "wrong"))
    if how == "swap":
        new = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif how == "drop":
        new = word[:i] + word[i + 1 :]
    elif how == "double":
        new = word[:i] + word[i] + word[i:]
    else:
        new = word[:i] + rnd.choice(string.ascii_lowercase.replace(word[i].lower(), "")) + word[i + 1 :]
    return label.replace(word, new, 1) if new != word else None


def name_rows(model: Model, scale: str, *, n: int = TYPOS) -> list[Row]:
    """One row: »did you mean« for new typos (p50/p99, first suggestion right), against difflib over every name."""
    index = model.index
    pairs = typos(model, n)
    index.suggest("samarbejdskort")  # the word index, as the failed lookup before a suggestion builds it
    keys: dict[str, list[str]] = {}
    for part in index._parts_for(None):  # the earlier method's table: every exact and alternative name key
        for table in (part.exact, part.alt):
            for key, ids in table.items():
                keys.setdefault(key, []).extend(ids)
    vocabulary = sorted(keys)
    ours, base = Timing(), Timing()
    right = base_right = 0
    for i, (typo, meant) in enumerate(pairs):
        got = ours.timed(index.suggest, typo)
        right += bool(got) and got[0].id == meant
        if i >= BASELINE_TYPOS:
            continue
        close = base.timed(lambda typo=typo: difflib.get_close_matches(normalise(typo), vocabulary, n=15, cutoff=0.5))
        base_right += bool(close) and meant in keys[close[0]]
    if not pairs:
        return [Row("questions", f"{scale}: unknown name, did you mean", "ms", status="failed", note="no typos made")]
    p50, p99 = quantile(ours.wall, 0.5), quantile(ours.wall, 0.99)
    bp50, bp99 = quantile(base.wall, 0.5), quantile(base.wall, 0.99)
    same = quantile(ours.wall[: len(base.wall)], 0.5)  # ours on the baseline's typos
    share, base_share = right / len(pairs), base_right / len(base.wall)
    extra: dict[str, Any] = {
        "typos": len(pairs),
        "words": len(index._word_index().words),
        "name_keys": len(vocabulary),
        "first_right": share,
        "baseline_first_right": base_share,
        "p99_ms": p99 * 1e3,
        "baseline_typos": len(base.wall),
        "baseline_p99_ms": bp99 * 1e3,
        "examples": [(t, [c.label for c in index.suggest(t)[:2]]) for t, _ in pairs[:3]],
    }
    note = (
        f"{len(pairs)} different typos, each once; p50 {p50 * 1e3:.1f} ms, p99 {p99 * 1e3:.1f} ms, the entity meant "
        f"first in {share:.0%}; difflib over {len(vocabulary):,} name keys, on the first {len(base.wall)}: p50 "
        f"{bp50 * 1e3:.0f} ms (ours {same * 1e3:.1f} ms), p99 {bp99 * 1e3:.0f} ms, first in {base_share:.0%}; "
        f"{len(index._word_index().words):,} distinct label words"
    )
    return [
        Row(
            "questions",
            f"{scale}: unknown name, »did you mean« (new typo each time)",
            "ms",
            {**ours.summary(), "median": p50, "p99": p99},
            "difflib over every name key (the earlier method)",
            {**base.summary(), "median": bp50, "p99": bp99},
            bp50 / same if same else None,
            note=note,
            extra=extra,
        )
    ]

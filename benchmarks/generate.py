"""Deterministic generator of synthetic collaboration structures, for benchmarks and diagram tests.

The output follows ``docs/data-conventions.md`` in the samarbejdskort vocabulary, so everything the tool does
on the bundled data works on it. It is written as text, a region at a time, never as an rdflib graph: the
``nation10`` scale (over a million triples) streams in seconds with flat memory.

    python -m benchmarks.generate --scale region --seed 1 --out /tmp/region.ttl

Same scale and seed give a byte-identical file; another seed gives other names and assignments.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from ontology.namespace import RDF

from .rdf_text import Block, render_nt, render_ttl, turtle_header
from .structure import Scale, blocks

__all__ = ["FORMATS", "SCALES", "generate", "write"]

_NATION_REGIONS = ((29, 5), (17, 4), (22, 5), (19, 5), (11, 2))  # 98 municipalities, 21 clusters

SCALES: dict[str, Scale] = {
    "region": Scale(1, ((19, 5),), gp_practices=200, working_groups=3, national_forums=False),
    "nation": Scale(1, _NATION_REGIONS, gp_practices=1700, working_groups=4, national_forums=True),
    "nation10": Scale(10, _NATION_REGIONS, gp_practices=1700, working_groups=4, national_forums=True),
}

#: File extension → output format.
FORMATS = {".nt": "nt", ".ttl": "ttl"}

_RDF_TYPE = f"<{RDF.type}>"


def _scale(name: str) -> Scale:
    try:
        return SCALES[name]
    except KeyError:
        raise ValueError(f"unknown scale {name!r}; choose one of {', '.join(SCALES)}") from None


def _lines(scale: str, seed: int, fmt: str, tally: Counter[str] | None) -> Iterator[str]:
    """Check the arguments now, then stream (a bad name fails here, not at the first ``next()``)."""
    if fmt not in FORMATS.values():
        raise ValueError(f"unknown format {fmt!r}; choose 'nt' or 'ttl'")
    return _stream(_scale(scale), seed, fmt, tally)


def _stream(spec: Scale, seed: int, fmt: str, tally: Counter[str] | None) -> Iterator[str]:
    render = render_nt if fmt == "nt" else render_ttl
    if fmt == "ttl":
        yield from turtle_header()
    for block in blocks(spec, seed):
        if tally is not None:
            _count(block, tally)
        yield from render(block)


def _count(block: Block, tally: Counter[str]) -> None:
    _, pairs = block
    tally["triples"] += len(pairs)
    for predicate, obj in pairs:
        if predicate == _RDF_TYPE:
            tally[obj[1:-1].rsplit("#", 1)[-1].rsplit("/", 1)[-1]] += 1
            break


def generate(scale: str, seed: int = 0, fmt: str = "nt") -> Iterator[str]:
    """Stream the structure as text lines, each ending in a newline; ``"".join(...)`` is the whole file.

    ``fmt`` is ``"nt"`` (N-Triples, one triple a line) or ``"ttl"`` (Turtle, prefixes then one subject block
    per node). Raises ``ValueError`` for an unknown scale or format.
    """
    return _lines(scale, seed, fmt, None)


def write(scale: str, seed: int, out: Path, stats: Counter[str] | None = None) -> int:
    """Write the structure to ``out`` (UTF-8; ``.nt`` N-Triples, ``.ttl`` Turtle) and return the triple count.

    If ``stats`` is given it receives ``"triples"`` and the number of nodes of each kind (first rdf:type).
    """
    out = Path(out)
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise ValueError(f"cannot tell the format of {out.name!r}: use a .nt or .ttl file name")
    tally: Counter[str] = Counter() if stats is None else stats
    before = tally["triples"]
    lines = _lines(scale, seed, fmt, tally)
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(lines)
    return tally["triples"] - before


def main(argv: Sequence[str] | None = None) -> int:
    summary = __doc__.splitlines()[0]
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=summary)
    parser.add_argument("--scale", choices=sorted(SCALES), default="region")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True, help="output file, .nt or .ttl")
    args = parser.parse_args(argv)
    stats: Counter[str] = Counter()
    started = time.perf_counter()
    try:
        triples = write(args.scale, args.seed, args.out, stats)
    except ValueError as error:
        parser.error(str(error))
    elapsed = time.perf_counter() - started
    print(f"{args.out}: {triples:,} triples, scale {args.scale}, seed {args.seed}, {elapsed:.2f} s")
    del stats["triples"]
    for kind, count in sorted(stats.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {kind:<28} {count:>9,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

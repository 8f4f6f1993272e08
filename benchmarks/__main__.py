"""``python -m benchmarks bench|generate|tables``: the benchmark suite, the data generator and the documents' tables.

The product never imports ``benchmarks``: ``samarbejdskort bench`` and ``samarbejdskort generate`` run this
module in a child process, so the import graph stays one way (``benchmarks`` → ``api``/``graph``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]

PARTS = ("cold", "questions", "diagram", "http", "memory", "store")


def _bench(args: argparse.Namespace) -> int:
    from benchmarks.bench_suite import render, run, write_json

    def progress(msg: str) -> None:
        sys.stderr.write(f"bench: {msg}\n")
        sys.stderr.flush()

    report = run(
        scale=args.scale,
        quick=args.quick,
        seed=args.seed,
        data_dir=args.data_dir,
        only=set(args.only) if args.only else None,
        progress=progress,
        command=args.command_line,
    )
    if args.out is not None:
        write_json(report, args.out)
    if args.json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        sys.stdout.write(render(report) + "\n")
    return 0


def _generate(args: argparse.Namespace) -> int:
    from benchmarks.generate import write

    if args.out.suffix.lower() not in (".ttl", ".nt"):
        sys.stderr.write(f"fejl/error: --out '{args.out}': use a .ttl or .nt file name\n")
        return 2
    n = write(args.scale, args.seed, args.out)
    sys.stdout.write(f"{n} tripler skrevet til {args.out}\n")
    return 0


def _tables(args: argparse.Namespace) -> int:
    from benchmarks.tables import render_tables, write_tables

    if args.write:
        for doc in write_tables(args.report, Path(__file__).resolve().parent.parent):
            sys.stdout.write(f"skrevet / written: {doc}\n")
        return 0
    sys.stdout.write(render_tables(args.report) + "\n")
    return 0


def parser() -> argparse.ArgumentParser:
    from benchmarks.generate import SCALES

    top = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    sub = top.add_subparsers(dest="what", required=True)
    b = sub.add_parser("bench", help="measure against baselines in the same run")
    b.add_argument("--quick", action="store_true", help="region scale, few repetitions, no HTTP/store runs")
    b.add_argument("--json", action="store_true", help="the JSON report on stdout instead of the table")
    b.add_argument("--out", type=Path, help="also write the JSON report to this file")
    b.add_argument("--scale", choices=sorted(SCALES), default="nation")
    b.add_argument("--seed", type=int, default=0)
    b.add_argument("--data-dir", type=Path)
    b.add_argument("--only", action="append", choices=PARTS)
    b.add_argument("--command-line", default=None, help=argparse.SUPPRESS)
    b.set_defaults(fn=_bench)
    g = sub.add_parser("generate", help="write a synthetic structure in the project's vocabulary")
    g.add_argument("--scale", choices=sorted(SCALES), default="region")
    g.add_argument("--seed", type=int, default=0)
    g.add_argument("--out", type=Path, default=Path("synthetic.ttl"))
    g.set_defaults(fn=_generate)
    t = sub.add_parser("tables", help="the README and docs/performance.md tables from a report written by --out")
    t.add_argument("report", type=Path)
    t.add_argument("--write", action="store_true", help="write them into README.md and docs/performance.md")
    t.set_defaults(fn=_tables)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.fn(args))


if __name__ == "__main__":
    sys.exit(main())

"""The README's and ``docs/performance.md``'s tables, written from a benchmark report (``bench --out FILE``).

``python -m benchmarks tables REPORT.json`` prints both; ``--write`` puts them between the markers
``<!-- bench:targets -->`` / ``<!-- bench:rows -->`` and ``<!-- /bench -->`` of ``README.md`` and
``docs/performance.md``. Nothing in them is typed by hand, so the figures in the documents are the figures
measured.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.bench_suite import markdown
from benchmarks.bench_support import num

__all__ = ["headline", "render_tables", "write_tables"]


def _figure(value: Any, unit: str) -> str:
    return f"{num(value)} {unit}" if value is not None else "–"


def headline(report: dict[str, Any]) -> str:
    """Every row with a target: what we measured, the baseline in the same run, the ratio, the target, met."""
    m = report["meta"]
    machine = m["machine"]
    out = [
        f"Measured {m['date']} with `{m['command']}` ({m['duration_s']} s); {machine.get('cores')} cores "
        f"({machine.get('cpu')}), load average {machine.get('load_average')}, Python {machine.get('python', '?')}; "
        f"scale {m['scale']}, seed {m['seed']}.",
        "",
        "| measurement | ours (median; p99) | baseline in the same run (median; p99) | ratio | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for r in report["rows"]:
        if not r.get("target"):
            continue
        u = r["unit"]
        ours = _figure(r.get("median"), u) + (f"; {_figure(r['p99'], u)}" if r.get("p99") is not None else "")
        base = ""
        if r.get("baseline"):
            base = f"{r['baseline']}: {_figure(r.get('baseline_median'), u)}"
            if r.get("baseline_p99") is not None:
                base += f"; {_figure(r['baseline_p99'], u)}"
        ratio = f"{r['ratio']:.1f}×" if r.get("ratio") is not None else ""
        met = {True: "yes", False: "**no**", None: ""}[r.get("met")]
        out.append(f"| {r['group']}: {r['name']} | {ours} | {base} | {ratio} | {r['target']} | {met} |")
    s = report["summary"]
    out += ["", f"Targets met: {s['met']} of {s['targets']}."]
    return "\n".join(out)


def render_tables(path: Path) -> str:
    report = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join(
        ["<!-- README: targets -->", headline(report), "", "<!-- docs/performance.md: all rows -->", markdown(report)]
    )


_END = "<!-- /bench -->"


def write_tables(path: Path, root: Path) -> list[Path]:
    """Replace the marked tables in the README and ``docs/performance.md`` under ``root``; returns the files
    changed. A document without its marker is an error (the tables must not silently go stale)."""
    report = json.loads(path.read_text(encoding="utf-8"))
    planned = []
    for doc, marker, body in (
        (root / "README.md", "<!-- bench:targets -->", headline(report)),
        (root / "docs" / "performance.md", "<!-- bench:rows -->", _rows_section(report)),
    ):
        text = doc.read_text(encoding="utf-8")
        start, end = text.find(marker), text.find(_END, text.find(marker))
        if start < 0 or end < 0:
            raise ValueError(f"{doc}: no '{marker}' … '{_END}' block to write the table into")
        planned.append((doc, text, text[: start + len(marker)] + "\n" + body + "\n" + text[end:]))
    for doc, old, new in planned:  # every marker checked first: no document is left half-updated
        if new != old:
            doc.write_text(new, encoding="utf-8")
    return [doc for doc, old, new in planned if new != old]


def _rows_section(report: dict[str, Any]) -> str:
    notes = [f"* **{r['group']} / {r['name']}**: {r['note']}" for r in report["rows"] if r.get("note")]
    return "\n".join([headline(report).split("\n")[0], "", markdown(report), "", *notes])

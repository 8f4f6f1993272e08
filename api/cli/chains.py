"""Commands ``chain`` (reporting chain up to the top) and ``path`` (how A reaches B).

Both print text rendered from the same JSON that ``--json`` prints (shapes documented in
``graph/reporting.py`` and ``graph/paths.py``), Danish by default, English with ``--lang en``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

import typer

from api.cli.app import DataOpt, DateOpt, JsonOpt, Lang, LangOpt, app, emit, guarded, load_model, parse_date
from api.cli.text import source_line, t
from graph.paths import DEFAULT_VIA, MAX_PATHS, find_paths
from ontology import codes

__all__ = ["chain_command", "chain_text", "path_command", "path_text"]

ScenarioOpt = Annotated[
    list[str] | None, typer.Option("--scenario", help="Anvend et scenarie (kan gentages), fx styregruppe-chefniveau.")
]

_WORDS: dict[str, tuple[str, str]] = {
    "chain_title": ("Rapporteringskæde for", "Reporting chain of"),
    "date": ("Dato", "Date"),
    "scenario": ("scenarie", "scenario"),
    "main_line": ("Hovedlinje", "Main line"),
    "all_lines": ("Alle linjer (→ hovedlinje, ⇢ parallel linje)", "All lines (→ main line, ⇢ parallel line)"),
    "basis": ("Grundlag", "Basis"),
    "tops": ("Øverst", "At the top"),
    "cycles": ("Kredsløb", "Cycles"),
    "cycle": ("kredsløb", "cycle"),
    "see_above": ("se ovenfor", "see above"),
    "see_below": ("se nedenfor", "see below"),
    "no_lines": ("Ingen linjer opad i data.", "No upward lines in the data."),
    "paths_title": ("Veje fra {a} til {b}", "Paths from {a} to {b}"),
    "via": ("via", "via"),
    "all_relations": ("alle relationer", "all relations"),
    "path": ("Vej", "Path"),
    "steps_n": ("{n} trin", "{n} steps"),
    "channel": ("kanal", "channel"),
    "truncated": (
        "Søgningen efter flere alternativer blev afbrudt (tidsgrænse).",
        "The search for more alternatives was cut short (time limit).",
    ),
    "membership": ("medlemskab", "membership"),
    "seat": ("pladser", "seats"),
    "reporting": ("rapportering", "reporting"),
    "contact": ("kontakt", "contact"),
    "hierarchy": ("hierarki", "hierarchy"),
}


def _w(key: str, lang: str) -> str:
    if key in _WORDS:
        da, en = _WORDS[key]
        return en if lang == "en" else da
    return t(key, lang)


# ------------------------------------------------------------------------------------------------ commands
@app.command("chain")
def chain_command(
    entity: Annotated[str, typer.Argument(help="Forum, enhed, plads eller organisation: navn, forkortelse eller IRI.")],
    date: DateOpt = None,
    scenario: ScenarioOpt = None,
    as_json: JsonOpt = False,
    lang: LangOpt = Lang.da,
    data: DataOpt = None,
) -> None:
    """Rapporteringskæden opad til toppen, med parallelle linjer (status, beslutninger) og grundlaget for hver."""

    def run() -> dict[str, Any]:
        from graph.reporting import chain as reporting_chain  # the chain command's own machinery

        model = load_model(data)
        answer = reporting_chain(model, entity, on=parse_date(date), scenarios=tuple(scenario or ()))
        return answer.as_json(lang.value)

    payload = guarded(run, as_json)
    emit(payload, as_json, lambda: chain_text(payload, lang.value))


@app.command("path")
def path_command(
    a: Annotated[str, typer.Argument(help="Fra: navn, forkortelse eller IRI.")],
    b: Annotated[str, typer.Argument(help="Til: navn, forkortelse eller IRI.")],
    via: Annotated[
        list[str] | None,
        typer.Option(
            "--via",
            help="Relationsgrupper (kommasepareret eller gentaget): " + ", ".join(DEFAULT_VIA) + ". Standard: alle.",
        ),
    ] = None,
    max_paths: Annotated[int, typer.Option("--max", help=f"Højst så mange veje (1–{MAX_PATHS}).")] = 3,
    date: DateOpt = None,
    scenario: ScenarioOpt = None,
    as_json: JsonOpt = False,
    lang: LangOpt = Lang.da,
    data: DataOpt = None,
) -> None:
    """Korteste vej og de næstbedste alternativer mellem to enheder, med kanalernes tilstand."""

    def run() -> dict[str, Any]:
        model = load_model(data)
        answer = find_paths(
            model, a, b, via=via, max_paths=max_paths, on=parse_date(date), scenarios=tuple(scenario or ())
        )
        return answer.as_json(lang.value)

    payload = guarded(run, as_json)
    emit(payload, as_json, lambda: path_text(payload, lang.value))


# ------------------------------------------------------------------------------------------------ chain text
class _Footnotes:
    """Numbers sources in order of first use so each line can cite them as [n]."""

    def __init__(self) -> None:
        self.order: dict[str, dict[str, Any]] = {}

    def cite(self, sources: list[dict[str, Any]]) -> str:
        nums = []
        for s in sources:
            self.order.setdefault(s["id"], s)
            nums.append(list(self.order).index(s["id"]) + 1)
        return f"  [{', '.join(map(str, nums))}]" if nums else ""

    def lines(self, lang: str) -> list[str]:
        if not self.order:
            return []
        return [f"{t('sources', lang)}:"] + [f"  [{i}] {source_line(s)}" for i, s in enumerate(self.order.values(), 1)]


def chain_text(p: dict[str, Any], lang: str) -> str:
    """Header, main line in one sentence, then the indented tree of every line, tops, cycles and sources."""
    lines = [f"{_w('chain_title', lang)} {p['entity']['label']} ({p['entity']['kind']})", _when(p, lang)]
    if not p["steps"]:
        return "\n".join([*lines, _w("no_lines", lang), *_notes(p, lang, notes := _Footnotes()), *notes.lines(lang)])
    by_pair = {(s["from"]["id"], s["to"]["id"]): s for s in p["steps"] if s["line"] == "primary"}
    main = [p["primary"][0]["label"]]
    for x, y in zip(p["primary"], p["primary"][1:], strict=False):
        main.append(f"→ {codes.label('relation', by_pair[(x['id'], y['id'])]['kind'], lang)} → {y['label']}")
    lines += ["", f"{_w('main_line', lang)}:", "  " + " ".join(main), "", f"{_w('all_lines', lang)}:"]
    notes = _Footnotes()
    lines += _tree(p, lang, notes)
    lines += ["", f"{_w('tops', lang)}: " + "; ".join(r["label"] for r in p["tops"])] if p["tops"] else [""]
    for cyc in p["cycles"]:
        lines.append(f"{_w('cycles', lang)}: " + " → ".join(r["label"] for r in [*cyc, cyc[0]]))
    lines += _notes(p, lang, notes)
    return "\n".join(lines + notes.lines(lang))


def _notes(p: dict[str, Any], lang: str, notes: _Footnotes) -> list[str]:
    """What the lines alone do not say: tops reached only by proposals, lines of the start that have ended."""
    return [f"! {n['text']}{notes.cite(n.get('sources', []))}" for n in p.get("notes", [])]


def _tree(p: dict[str, Any], lang: str, notes: _Footnotes) -> list[str]:
    """Depth-first from the start; each body is expanded once, under the first primary line reaching it.

    Steps come ordered by depth, so that is the nearest primary line (else the nearest parallel one). Lines
    that close a cycle are never chosen, and the other lines form a DAG, so every reached body is expanded
    exactly once; other lines to a body with lines of its own point to it ("see above/below").
    """
    children: dict[str, list[dict[str, Any]]] = defaultdict(list)
    parent: dict[str, int] = {}
    for s in p["steps"]:
        children[s["from"]["id"]].append(s)
    for line in ("primary", "parallel"):  # the main line carries a body where it can
        for i, s in enumerate(p["steps"]):
            if s["line"] == line and not s["closes_cycle"]:
                parent.setdefault(s["to"]["id"], i)
    steps_index = {id(s): i for i, s in enumerate(p["steps"])}
    out = [p["entity"]["label"]]
    expanded = {p["entity"]["id"]}

    def walk(node: str, indent: int) -> None:
        for s in children.get(node, []):
            target = s["to"]["id"]
            here = parent.get(target) == steps_index[id(s)] and target not in expanded
            mark = (
                ""
                if here or not (children.get(target) or s["closes_cycle"])
                else _repeat_mark(s, target in expanded, lang)
            )
            out.append("  " * indent + _step_line(s, lang) + mark + notes.cite(s["sources"]))
            out.extend("  " * (indent + 2) + f"{_w('basis', lang)}: {b}" for b in s["basis"])
            if here:
                expanded.add(target)
                walk(target, indent + 1)

    walk(p["entity"]["id"], 1)
    return out


def _step_line(s: dict[str, Any], lang: str) -> str:
    arrow = "→" if s["line"] == "primary" else "⇢"
    marks = []
    if s["proposed"]:
        marks.append(codes.label("status", "proposed", lang))
    if s["scenario"]:
        marks.append(f"{_w('scenario', lang)}: {s['scenario']}")
    mark = f" ({'; '.join(marks)})" if marks else ""
    return f"{arrow} {codes.label('relation', s['kind'], lang)} → {s['to']['label']}{mark}"


def _repeat_mark(s: dict[str, Any], shown: bool, lang: str) -> str:
    if s["closes_cycle"]:
        return f" ↺ {_w('cycle', lang)}"
    return f" ({_w('see_above' if shown else 'see_below', lang)})"


def _when(p: dict[str, Any], lang: str) -> str:
    bits = [f"{_w('date', lang)}: {p['on'] or '-'}"]
    if p["scenarios"]:
        bits.append(f"{_w('scenario', lang)}: {', '.join(p['scenarios'])}")
    return " · ".join(bits)


# ------------------------------------------------------------------------------------------------ path text
def path_text(p: dict[str, Any], lang: str) -> str:
    """Each path as one arrow line (→ with, ← against the relation), its numbered steps and its warnings."""
    title = _w("paths_title", lang).format(a=p["from"]["label"], b=p["to"]["label"])
    groups = _w("all_relations", lang) if tuple(p["via"]) == DEFAULT_VIA else ", ".join(_w(g, lang) for g in p["via"])
    lines = [f"{title} ({_w('via', lang)}: {groups})", _when(p, lang)]
    notes = _Footnotes()
    warned: set[str] = set()
    for path in p["paths"]:
        lines += ["", f"{_w('path', lang)} {path['rank']} · {_w('steps_n', lang).format(n=path['length'])}"]
        lines.append("  " + _summary(path, lang))
        for i, s in enumerate(path["steps"], 1):
            text = f"{s['from']['label']} {s['relation']} {s['to']['label']}{_step_marks(s, i, lang)}"
            lines.append(f"  {i}. {text}{notes.cite([path['sources'][sid] for sid in s['sources']])}")
        lines += [f"  ⚠ {_warning(w, warned, lang)}" for w in path["warnings"]]
    if p["truncated"]:
        lines += ["", _w("truncated", lang)]
    return "\n".join([*lines, "", *notes.lines(lang)])


def _warning(w: dict[str, Any], warned: set[str], lang: str) -> str:
    """The whole warning the first time; its short form (without the source's questions) after that."""
    if w["kind"] != "channel_not_open":
        return str(w["message"])
    key = w["channel"]["id"]
    if key in warned:
        return f"{w['summary']} ({_w('see_above', lang)})" if w["questions"] else str(w["summary"])
    warned.add(key)
    return str(w["message"])


def _summary(path: dict[str, Any], lang: str) -> str:
    def name(ref: dict[str, Any]) -> str:
        return f"({_w('channel', lang)}) {ref['label']}" if ref["kind"] == "channel" else ref["label"]

    out = [name(path["nodes"][0])]
    for s in path["steps"]:
        out.append(f"{'→' if s['direction'] == 'forward' else '←'} {name(s['to'])}")
    return " ".join(out)


def _step_marks(s: dict[str, Any], index: int, lang: str) -> str:
    """Channel state where the path enters a channel (or starts at one), proposal and scenario marks."""
    marks = []
    ch = s["channel"]
    if ch and (s["to"]["id"] == ch["id"] or index == 1):
        marks.append(f"{_w('channel', lang)}: {ch['state_label']}")
    if s["proposed"]:
        marks.append(codes.label("status", "proposed", lang))
    if s["scenario"]:
        marks.append(f"{_w('scenario', lang)}: {s['scenario']}")
    return f" [{'; '.join(marks)}]" if marks else ""

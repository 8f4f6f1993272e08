"""A one-page sheet per forum: mandate summary, seats with holders and vacancies, reporting lines, and the
forum's organisation diagram beside it, for a meeting folder or a notice board.

Built from ``graph.describe.describe`` (the same facts ``samarbejdskort show`` prints) and the focused
organisation diagram; rendered through Graphviz like every printed diagram, so all text is escaped plain
text and the page is A4 landscape.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable
from typing import Any

from graph.describe import describe
from graph.errors import InputError
from graph.model import Model
from viz.dotgraph import gv_text
from viz.gvlock import GRAPHVIZ_LOCK
from viz.static import FORMATS, to_agraph
from viz.style import edge_style
from viz.tooltips import role_name, status_name
from viz.views import organisation_diagram

__all__ = ["forum_sheet", "sheet_text"]

_WIDTH = 78
_FONT_PT = 9
_MAX_ITEMS = 6
_WORDS = {
    "purpose": ("Formål", "Purpose"),
    "tasks": ("Opgaver", "Tasks"),
    "seats": ("Pladser", "Seats"),
    "reports": ("Rapporterer til", "Reports to"),
    "receives": ("Modtager fra", "Receives from"),
    "secretariat": ("Sekretariat", "Secretariat"),
    "chair_from": ("Formand udpeges fra", "Chair appointed from"),
    "meetings": ("Møder", "Meetings"),
    "per_year": ("møder om året", "meetings a year"),
    "open": ("Åbent i kilden", "Left open by the source"),
    "sources": ("Kilder", "Sources"),
    "vacant": ("VAKANT", "VACANT"),
    "not_stated": ("indehaver ikke oplyst", "holder not stated"),
    "approved": ("Godkendt", "Approved"),
    "status": ("Status", "Status"),
    "more": ("flere", "more"),
    "none": ("ingen i data", "none in the data"),
}


def _w(key: str, lang: str) -> str:
    da, en = _WORDS[key]
    return en if lang == "en" else da


def forum_sheet(
    model: Model,
    forum: str,
    *,
    on: dt.date | None = None,
    scenarios: Iterable[str] = (),
    lang: str = "da",
    fmt: str = "pdf",
) -> bytes:
    """The sheet of one forum (name, abbreviation or IRI) as PDF, SVG or PNG bytes."""
    if fmt not in FORMATS:
        raise InputError(f"a forum sheet is {', '.join(FORMATS)}, not {fmt}")
    nid = forum if forum in model.nx else model.resolve(forum)
    if model.nx.nodes[nid]["kind"] not in ("forum", "partnership"):
        raise InputError(f"'{model.label(nid, lang)}' is not a forum")
    scen = tuple(scenarios)
    diagram = organisation_diagram(model, focus=nid, on=on, scenarios=scen, lang=lang)
    info = describe(model, nid, lang=lang, on=on, scenarios=scen)
    text = sheet_text(info, lang)
    head = "\n".join([model.label(nid, lang), *textwrap.wrap(diagram.caption, 150)])
    with GRAPHVIZ_LOCK:  # Graphviz is not thread-safe: concurrent renders abort the process (viz.gvlock)
        a = to_agraph(diagram)
        try:
            a.graph_attr["label"] = gv_text(head + "\n", newline="\\l")
            if fmt == "png":
                a.graph_attr["dpi"] = "150"
            a.layout(prog="dot")
            _pin_text_left(a, text)
            data: bytes = a.draw(format=fmt if fmt != "png" else "png:cairo", prog="nop2")
        finally:
            a.close()  # freed under the lock, not later by the collector in another thread
    return data


def _pin_text_left(a: Any, text: str) -> None:
    """Put the text block left of the laid-out diagram (dot would give it a rank of its own)."""
    x0, y0, x1, y1 = (float(v) for v in a.graph_attr["bb"].split(","))
    lines = text.split("\n")
    width = max(len(line) for line in lines) * _FONT_PT * 0.58
    height = len(lines) * _FONT_PT * 1.2
    top = y1 - 40.0  # below the heading
    a.add_node(
        "sheet_text",
        shape="box",
        style="rounded",
        color="#bbbbbb",
        fontsize=str(_FONT_PT),
        margin="0.15,0.1",
        label=gv_text(text + "\n", newline="\\l"),
        pos=f"{x0 - 30 - width / 2:.0f},{top - height / 2:.0f}!",
    )
    a.graph_attr["bb"] = f"{x0 - 50 - width:.0f},{min(y0, top - height - 20):.0f},{x1:.0f},{y1:.0f}"


def sheet_text(info: dict[str, Any], lang: str) -> str:
    """The sheet's text block from ``describe``'s dict: plain lines, wrapped for print."""
    out: list[str] = []
    if info.get("status"):
        out.append(f"{_w('status', lang)}: {status_name(info['status'], lang)}")
    for m in info.get("mandates", [])[:1]:
        if m.get("purpose"):
            out += _block(_w("purpose", lang), [m["purpose"]])
        if m.get("tasks"):
            out += _block(_w("tasks", lang), _capped(m["tasks"], lang))
        approved = ", ".join(x["label"] for x in m.get("approved_by", []))
        when = m.get("approved_on") or ""
        if approved or when:
            out.append(f"{_w('approved', lang)}: {approved} {when}".rstrip())
    out += _block(_w("seats", lang), _capped([_seat(s, lang) for s in info.get("seats", [])], lang, cap=14))
    reports = [f"{x['to']['label']} ({_line(x['kind'], lang)})" for x in info.get("reporting", [])]
    out += _block(_w("reports", lang), reports or [_w("none", lang)])
    receives = [f"{x['from']['label']} ({_line(x['kind'], lang)})" for x in info.get("reported_by", [])]
    if receives:
        out += _block(_w("receives", lang), _capped(receives, lang))
    sec = info.get("secretariat") or {}
    if sec.get("anchored_in"):
        out.append(f"{_w('secretariat', lang)}: " + ", ".join(x["label"] for x in sec["anchored_in"]))
    if sec.get("chair_from"):
        out.append(f"{_w('chair_from', lang)}: " + ", ".join(x["label"] for x in sec["chair_from"]))
    for m in info.get("mandates", [])[:1]:
        rules = m.get("meeting_rules") or []
        if rules:
            r = rules[-1]
            lo, hi = r.get("meetings_per_year_min"), r.get("meetings_per_year_max")
            if lo or hi:
                span = f"{lo}–{hi}" if lo and hi and lo != hi else f"{lo or hi}"
                out.append(f"{_w('meetings', lang)}: {span} {_w('per_year', lang)}")
    questions = [" ".join(q.get("text") or [q["label"]]) for q in info.get("open_questions", [])]
    if questions:
        out += _block(_w("open", lang), _capped(questions, lang))
    sources = [s["label"] + (f" ({s['date']})" if s.get("date") else "") for s in info.get("sources", [])]
    out += _block(_w("sources", lang), _capped(list(dict.fromkeys(sources)), lang, cap=4))
    return "\n".join(out)


def _seat(s: dict[str, Any], lang: str) -> str:
    who = ", ".join(h["label"] for h in s.get("holders", []))
    if not who:
        who = _w("vacant", lang) if s.get("occupancy") == "vacant" else _w("not_stated", lang)
    role = role_name(s.get("role"), lang) if s.get("role") not in (None, "member") else ""
    return f"{s['label']}{f' [{role}]' if role and role not in s['label'].lower() else ''}: {who}"


def _line(kind: str, lang: str) -> str:
    da, en = edge_style(kind).name
    return en if lang == "en" else da


def _capped(items: list[str], lang: str, cap: int = _MAX_ITEMS) -> list[str]:
    return items[:cap] + ([f"(+{len(items) - cap} {_w('more', lang)})"] if len(items) > cap else [])


def _block(title: str, items: list[str]) -> list[str]:
    lines = [f"{title}:"]
    for item in items:
        wrapped = textwrap.wrap(item, _WIDTH - 4) or [""]
        lines.append(f"  • {wrapped[0]}")
        lines += [f"    {more}" for more in wrapped[1:]]
    return lines

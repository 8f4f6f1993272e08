"""One A4 page per forum for a meeting folder or a notice board: mandate, seats (vacancies marked), chair,
secretariat, meeting rules with agenda and minutes lead times, reporting lines, open questions and sources.

Built from ``graph.describe.describe`` (the facts ``samarbejdskort show`` prints), set with fpdf2 in DejaVu
Sans on A4 portrait. The type starts at 10 pt and steps down to ``viz.page.MIN_FONT_PT`` until the sheet fits
one page; a forum with more to say than fits at 8 pt runs on to a second page rather than shrink further.
``forum_sheets`` writes one PDF with a sheet per forum, chosen by the same filters as the views.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from graph.describe import describe
from graph.errors import InputError
from graph.model import Model
from graph.view import view
from viz.diagram import Filters
from viz.page import MARGIN_PT, MIN_FONT_PT, a4_document
from viz.style import edge_style
from viz.tooltips import role_name, status_name, word

if TYPE_CHECKING:
    from fpdf import FPDF

__all__ = ["SHEET_KINDS", "forum_sheet", "forum_sheets", "sheet_forums"]

SHEET_KINDS = ("forum", "partnership")
_SIZES = (10.0, 9.5, 9.0, 8.5, MIN_FONT_PT)
_RED = (176, 0, 0)
_ORANGE = (150, 80, 0)
_LINE_KINDS = ("reports_to", "gives_status_to", "raises_decisions_to", "communicates_with")
_WORDS = {
    "mandate": ("Kommissorium", "Terms of reference"),
    "purpose": ("Formål", "Purpose"),
    "tasks": ("Opgaver", "Tasks"),
    "approved": ("Godkendt af", "Approved by"),
    "seats": ("Pladser", "Seats"),
    "of_which_vacant": ("heraf vakante", "vacant"),
    "chair": ("Formand", "Chair"),
    "chair_from": ("Formanden udpeges fra", "Chair appointed from"),
    "secretariat": ("Sekretariat", "Secretariat"),
    "meetings": ("Møder", "Meetings"),
    "per_year": ("møder om året", "meetings a year"),
    "agenda_proposals_before": ("Forslag til dagsorden senest {d} før mødet", "Agenda items at least {d} before"),
    "agenda_before": ("Dagsorden udsendes {d} før mødet", "Agenda sent {d} before the meeting"),
    "minutes_within": ("Referat udsendes senest {d} efter mødet", "Minutes sent within {d} after the meeting"),
    "no_rules": ("Kilden angiver ingen mødefrekvens eller frister.", "The source states no meeting rules."),
    "lines": ("Rapporteringslinjer", "Reporting lines"),
    "to": ("Til", "To"),
    "from": ("Fra", "From"),
    "none": ("ingen i data", "none in the data"),
    "open": ("Åbent i kilden", "Left open by the source"),
    "sources": ("Kilder", "Sources"),
    "vacant": ("VAKANT", "VACANT"),
    "not_stated": ("indehaver ikke oplyst", "holder not stated"),
    "for": ("for", "for"),
    "status": ("Status", "Status"),
    "continued": ("fortsat", "continued"),
}
_UNITS = {
    "D": ("dag", "dage", "day", "days"),
    "W": ("uge", "uger", "week", "weeks"),
    "M": ("måned", "måneder", "month", "months"),
}
_DURATION = re.compile(r"^P(\d+)([DWM])$")


def _w(key: str, lang: str) -> str:
    da, en = _WORDS[key]
    return en if lang == "en" else da


def duration_text(iso: str, lang: str) -> str:
    """``P7D`` → "7 dage", ``P1M`` → "1 måned"; anything else is shown as the source wrote it."""
    found = _DURATION.match(iso or "")
    if not found:
        return iso
    n, unit = int(found.group(1)), found.group(2)
    one, many, one_en, many_en = _UNITS[unit]
    word = (one_en if n == 1 else many_en) if lang == "en" else (one if n == 1 else many)
    return f"{n} {word}"


def _forum(model: Model, forum: str, lang: str) -> str:
    nid = forum if forum in model.nx else model.resolve(forum)
    if model.nx.nodes[nid]["kind"] not in SHEET_KINDS:
        raise InputError(f"'{model.label(nid, lang)}' is not a forum (a forum sheet needs a forum or partnership)")
    return nid


def forum_sheet(
    model: Model,
    forum: str,
    *,
    on: dt.date | None = None,
    scenarios: Iterable[str] = (),
    lang: str = "da",
    fmt: str = "pdf",
) -> bytes:
    """The sheet of one forum (name, abbreviation or IRI) as A4 PDF bytes."""
    if fmt != "pdf":
        raise InputError(f"a forum sheet is printed as PDF, not {fmt}")
    return _document(model, [_forum(model, forum, lang)], on, tuple(scenarios), lang)


def sheet_forums(
    model: Model, *, on: dt.date | None = None, scenarios: Iterable[str] = (), filters: Filters | None = None
) -> list[str]:
    """The forums the organisation view would draw under these filters, top bodies first."""
    from viz.views import organisation_diagram

    diagram = organisation_diagram(model, on=on, scenarios=scenarios, filters=filters, seats=False, gaps=False)
    bodies = [n for n in diagram.nodes if n.kind in SHEET_KINDS]
    return [n.id for n in sorted(bodies, key=lambda n: (n.level or 0, model.label(n.id)))]


def forum_sheets(
    model: Model,
    *,
    on: dt.date | None = None,
    scenarios: Iterable[str] = (),
    filters: Filters | None = None,
    lang: str = "da",
) -> bytes:
    """One PDF with a sheet per forum the filters leave (an error when they leave none)."""
    scen = tuple(scenarios)
    forums = sheet_forums(model, on=on, scenarios=scen, filters=filters)
    if not forums:
        raise InputError("no forum is left by these filters, so there is no sheet to print")
    return _document(model, forums, on, scen, lang)


def _document(model: Model, forums: list[str], on: dt.date | None, scen: tuple[str, ...], lang: str) -> bytes:
    pdf = a4_document("portrait", title=model.label(forums[0], lang) if len(forums) == 1 else "Forumark")
    for nid in forums:
        info = describe(model, nid, lang=lang, on=on, scenarios=scen)
        blocks = _blocks(model, nid, info, on, scen, lang)
        size = _fitting_size(blocks)
        _write(pdf, blocks, size)
    return bytes(pdf.output())


# ---------------------------------------------------------------------- content
Block = tuple[str, list[tuple[str, str]]]  # heading, lines (text, mark: "", "vacant" or "proposed")


def _blocks(
    model: Model, nid: str, info: dict[str, Any], on: dt.date | None, scen: tuple[str, ...], lang: str
) -> list[Block]:
    """The sheet as headed blocks of lines; the first block is the title."""
    g = model.nx
    other = info.get("labels", {}).get("en" if lang == "da" else "da")
    title: list[tuple[str, str]] = []
    if other and other != info["label"]:
        title.append((other, ""))
    if info.get("status"):
        title.append((f"{_w('status', lang)}: {status_name(info['status'], lang)}", _mark(info)))
    out: list[Block] = [(info["label"], title)]

    mandate: list[tuple[str, str]] = []
    for m in info.get("mandates", [])[:2]:
        mark = f" ({status_name('proposed', lang)})" if m.get("status") == "proposed" else ""
        mandate.append((m["label"] + mark, _mark(m)))
        if m.get("purpose"):
            mandate.append((f"{_w('purpose', lang)}: {m['purpose']}", ""))
        mandate += [(f"• {t}", "") for t in m.get("tasks", [])]
        approved = ", ".join(x["label"] for x in m.get("approved_by", []))
        if approved or m.get("approved_on"):
            mandate.append((f"{_w('approved', lang)}: {approved} {m.get('approved_on') or ''}".rstrip(), ""))
    if mandate:
        out.append((_w("mandate", lang), mandate))

    seats = info.get("seats", [])
    vacant = sum(1 for s in seats if s.get("occupancy") == "vacant")
    head = f"{_w('seats', lang)} ({len(seats)}, {_w('of_which_vacant', lang)} {vacant})"
    out.append((head, [_seat(s, lang) for s in seats] or [(_w("none", lang), "")]))

    chair = [_seat(s, lang) for s in info.get("chair", [])]
    sec = info.get("secretariat") or {}
    if sec.get("chair_from"):
        chair.append((f"{_w('chair_from', lang)}: " + ", ".join(x["label"] for x in sec["chair_from"]), ""))
    out.append((_w("chair", lang), chair or [(_w("none", lang), "")]))
    secretariat = [(", ".join(x["label"] for x in sec.get("anchored_in", [])), "")] if sec.get("anchored_in") else []
    secretariat += [_seat(s, lang) for s in sec.get("seats", [])]
    out.append((_w("secretariat", lang), secretariat or [(_w("none", lang), "")]))

    out.append((_w("meetings", lang), _rules(info, lang)))

    lines = [
        (f"{_w('to', lang)}: {x['to']['label']} ({_line(x['kind'], lang)}){_proposed(x, lang)}", _mark(x))
        for x in info.get("reporting", [])
    ]
    v = view(model, on, scen)
    for u, _, e in g.in_edges(nid, data=True):
        if e["kind"] in _LINE_KINDS and v.edge_ok(e) and v.ok(u):
            text = f"{_w('from', lang)}: {model.label(u, lang)} ({_line(e['kind'], lang)}){_proposed(e, lang)}"
            lines.append((text, _mark(e)))
    out.append((_w("lines", lang), lines or [(_w("none", lang), "")]))

    questions = []
    about = [nid, *(s["id"] for s in seats), *(m["id"] for m in info.get("mandates", []))]
    for target in dict.fromkeys(about):
        for u, _, k in g.in_edges(target, keys=True):
            if k == "about":
                comment = g.nodes[u].get("comment") or {}
                text = " ".join(comment.get(lang) or comment.get("da") or []) or model.label(u, lang)
                where = "" if target == nid else f"{model.label(target, lang)}: "
                questions.append((f"• {where}{text}", ""))
    if questions:
        out.append((_w("open", lang), questions))

    sources = [s["label"] + (f", {s['section']}" if s.get("section") else "") for s in info.get("sources", [])]
    as_of = f"{word('data_as_of', lang)} {(on or dt.date.today()).isoformat()}."
    out.append((_w("sources", lang), [(s, "") for s in dict.fromkeys(sources)] + [(as_of, "")]))
    return out


def _seat(s: dict[str, Any], lang: str) -> tuple[str, str]:
    who = ", ".join(h["label"] for h in s.get("holders", []))
    vacant = not who and s.get("occupancy") == "vacant"
    if not who:
        who = _w("vacant", lang) if vacant else _w("not_stated", lang)
    role = role_name(s.get("role"), lang) if s.get("role") not in (None, "member") else ""
    role_text = f" [{role}]" if role and role.lower() not in s["label"].lower() else ""
    behalf = ", ".join(o["label"] for o in s.get("on_behalf_of", []))
    behalf_text = f" – {_w('for', lang)} {behalf}" if behalf and behalf not in s["label"] else ""
    return f"• {s['label']}{role_text}{behalf_text}: {who}", "vacant" if vacant else ""


def _rules(info: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for m in info.get("mandates", []):
        for r in m.get("meeting_rules") or []:
            lo, hi = r.get("meetings_per_year_min"), r.get("meetings_per_year_max")
            text = r.get("label") or ""
            if lo or hi:
                span = f"{lo}–{hi}" if lo and hi and lo != hi else f"{lo or hi}"
                text = f"{text} ({span} {_w('per_year', lang)})" if text else f"{span} {_w('per_year', lang)}"
            if text:
                out.append((text, ""))
            for key in ("agenda_proposals_before", "agenda_before", "minutes_within"):
                if r.get(key):
                    out.append(("• " + _w(key, lang).format(d=duration_text(r[key], lang)), ""))
    return out or [(_w("no_rules", lang), "")]


def _line(kind: str, lang: str) -> str:
    da, en = edge_style(kind).name
    return en if lang == "en" else da


def _mark(x: dict[str, Any]) -> str:
    return "proposed" if x.get("status") == "proposed" else ""


def _proposed(x: dict[str, Any], lang: str) -> str:
    return f" – {status_name('proposed', lang)}" if _mark(x) else ""


# ---------------------------------------------------------------------- setting
def _fitting_size(blocks: list[Block]) -> float:
    """The largest of ``_SIZES`` at which the sheet takes one page (else the smallest)."""
    for size in _SIZES:
        trial = a4_document("portrait")
        _write(trial, blocks, size)
        if trial.page_no() == 1:
            return size
    return _SIZES[-1]


def _write(pdf: FPDF, blocks: list[Block], size: float) -> None:
    pdf.add_page()
    title, lines = blocks[0]
    pdf.set_font("dejavu", "B", size + 5)
    pdf.multi_cell(w=0, h=(size + 5) * 1.2, text=title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dejavu", "", size)
    for text, mark in lines:
        _text(pdf, text, mark, size)
    for heading, items in blocks[1:]:
        pdf.ln(size * 0.5)
        pdf.set_font("dejavu", "B", size + 1)
        pdf.multi_cell(w=0, h=(size + 1) * 1.25, text=heading, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("dejavu", "", size)
        for text, mark in items:
            _text(pdf, text, mark, size)
    pdf.set_text_color(0)


def _text(pdf: FPDF, text: str, mark: str, size: float) -> None:
    """One line (wrapped, left-aligned): vacancies in bold red, proposed items in dark orange."""
    indent = MARGIN_PT + (size if text.startswith("• ") else 0.0)
    pdf.set_x(indent)
    if mark:
        pdf.set_text_color(*(_RED if mark == "vacant" else _ORANGE))
        pdf.set_font("dejavu", "B" if mark == "vacant" else "", size)
    pdf.multi_cell(w=pdf.w - MARGIN_PT - indent, h=size * 1.25, text=text, align="L", new_x="LMARGIN", new_y="NEXT")
    if mark:
        pdf.set_text_color(0)
        pdf.set_font("dejavu", "", size)

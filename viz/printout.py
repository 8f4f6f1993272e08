"""A drawing on A4 paper: one page when it fits with its text at ``MIN_FONT_PT`` or larger, else pages.

Graphviz draws at natural size (its smallest text is known); ``viz.page.fit_on_a4`` picks orientation and
scale. Each page gets a heading (title, date and sources) set by fpdf2, the drawing is laid over it with
pypdf (clipped to the page's drawing area), and the legend is a compact strip at the foot of the first page.
A drawing too big for one page is split into a grid of overlapping pieces, one per page, after a contents
page that says which entities are on which page – never shrunk below readable size.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from viz.diagram import LegendEntry
from viz.page import MARGIN_PT, MIN_FONT_PT, Fit, a4_document, fit_on_a4, page_size
from viz.style import EDGE_STYLES, FLAG_STYLES, SECTORS

if TYPE_CHECKING:
    from fpdf import FPDF

__all__ = ["Placed", "on_a4", "paper_fit"]

_TITLE_PT = 12.0
_TEXT_PT = MIN_FONT_PT
_LINE = 1.25
_OVERLAP = 24.0  # drawing points repeated on neighbouring pages, so no name is only ever cut in half
_LEGEND_SWATCH = (16.0, 9.0)


@dataclass(frozen=True)
class Placed:
    """An entity drawn at (x, y) in the drawing's own points (origin bottom left), for the contents page;
    ``seat``: a seat drawn there, listed by its forum (``label``), not by name (a forum has dozens)."""

    label: str
    x: float
    y: float
    seat: bool = False


def on_a4(
    drawing: bytes,
    *,
    smallest_font: float,
    title: str,
    caption: str,
    legend: Sequence[LegendEntry] = (),
    places: Sequence[Placed] = (),
    lang: str = "da",
) -> bytes:
    """The Graphviz PDF ``drawing`` (one page, natural size) as an A4 PDF, split over pages if needed."""
    from pypdf import PdfReader, PdfWriter, Transformation

    src = PdfReader(io.BytesIO(drawing)).pages[0]
    width, height = float(src.mediabox.width), float(src.mediabox.height)
    header = _header_height(caption)
    fit = paper_fit(width, height, smallest_font=smallest_font, caption=caption, legend=legend)
    pw, ph = page_size(fit.orientation)
    single = fit.pages == 1
    aw = pw - 2 * MARGIN_PT
    ah = ph - 2 * MARGIN_PT - header - (_legend_height(legend, width) if single else 0.0)
    tiles, cols = _tiles(width, height, fit.scale, aw, ah, single)
    pdf = a4_document(fit.orientation, title=title)
    pdf.set_auto_page_break(False)
    if not single:
        _contents_page(pdf, title, caption, tiles, cols, places, legend, width, lang)

    for number in range(1, len(tiles) + 1):
        pdf.add_page()
        head = title if single else f"{title} – {_part(number, len(tiles), cols, lang)}"
        _heading(pdf, head, caption)
        if single and legend:
            _legend(pdf, legend, ph - MARGIN_PT - _legend_height(legend, width), lang)
    base = PdfReader(io.BytesIO(bytes(pdf.output())))
    out = PdfWriter()
    first = len(base.pages) - len(tiles)
    for page in base.pages:
        out.add_page(page)
    for k, (x0, y0, tw, th) in enumerate(tiles):
        piece = PdfReader(io.BytesIO(drawing)).pages[0]
        piece.cropbox.lower_left = (x0, y0)
        piece.cropbox.upper_right = (x0 + tw, y0 + th)
        # drawing (x0, y0 + th) → page (margin, top of the drawing area); PDF y grows upwards
        left = MARGIN_PT + (aw - tw * fit.scale) / 2 if single else MARGIN_PT
        top = ph - MARGIN_PT - header
        move = Transformation().translate(-x0, -(y0 + th)).scale(fit.scale).translate(left, top)
        out.pages[first + k].merge_transformed_page(piece, move)
    buf = io.BytesIO()
    out.write(buf)
    return buf.getvalue()


def paper_fit(
    width: float, height: float, *, smallest_font: float, caption: str, legend: Sequence[LegendEntry] = ()
) -> Fit:
    """How a drawing of ``width`` × ``height`` points goes on A4 under its heading and legend (``on_a4``
    places it so): lets a renderer compare two layouts of one diagram by the pages they need."""
    return fit_on_a4(width, height, smallest_font, header=_header_height(caption) + _legend_height(legend, width))


def _tiles(
    width: float, height: float, scale: float, aw: float, ah: float, single: bool
) -> tuple[list[tuple[float, float, float, float]], int]:
    """Pieces of the drawing (x0, y0, w, h in drawing points), left to right, top to bottom; and the
    number of columns."""
    if single:
        return [(0.0, 0.0, width, height)], 1
    tw, th = aw / scale, ah / scale
    cols = max(1, math.ceil((width - _OVERLAP) / (tw - _OVERLAP)))
    rows = max(1, math.ceil((height - _OVERLAP) / (th - _OVERLAP)))
    out = []
    for r in range(rows):
        top = height - r * (th - _OVERLAP)
        for c in range(cols):
            out.append((c * (tw - _OVERLAP), top - th, tw, th))
    return out, cols


def _header_height(caption: str) -> float:
    return _TITLE_PT * _LINE + len(_caption_lines(caption)) * _TEXT_PT * _LINE + 6


def _caption_lines(caption: str) -> list[str]:
    return textwrap.wrap(caption, 118)[:3]  # fits a portrait page at 8 pt


def _heading(pdf: FPDF, title: str, caption: str) -> None:
    pdf.set_xy(MARGIN_PT, MARGIN_PT)
    pdf.set_font("dejavu", "B", _TITLE_PT)
    pdf.cell(text=title, h=_TITLE_PT * _LINE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dejavu", "", _TEXT_PT)
    for line in _caption_lines(caption):
        pdf.cell(text=line, h=_TEXT_PT * _LINE, new_x="LMARGIN", new_y="NEXT")


def _legend_height(legend: Sequence[LegendEntry], width: float) -> float:
    if not legend:
        return 0.0
    rows = math.ceil(len(legend) / 4)
    return rows * (_TEXT_PT * _LINE + 2) + _TEXT_PT * _LINE + 4


def _legend(pdf: FPDF, legend: Sequence[LegendEntry], top: float, lang: str) -> None:
    """Legend entries in four columns: a swatch, then the name (8 pt)."""
    pw = pdf.w - 2 * MARGIN_PT
    col = pw / 4
    pdf.set_font("dejavu", "B", _TEXT_PT)
    pdf.set_xy(MARGIN_PT, top)
    pdf.cell(text=_w("legend", lang), h=_TEXT_PT * _LINE)
    pdf.set_font("dejavu", "", _TEXT_PT)
    sw, sh = _LEGEND_SWATCH
    for i, entry in enumerate(legend):
        x = MARGIN_PT + (i % 4) * col
        y = top + _TEXT_PT * _LINE + 4 + (i // 4) * (_TEXT_PT * _LINE + 2)
        _swatch(pdf, entry, x, y + 1, sw, sh)
        pdf.set_xy(x + sw + 4, y)
        text = entry.label
        while pdf.get_string_width(text) > col - sw - 8 and len(text) > 4:
            text = text[:-2].rstrip() + "…"
        pdf.cell(text=text, h=_TEXT_PT * _LINE)
    pdf.set_dash_pattern()
    pdf.set_draw_color(0)
    pdf.set_line_width(0.5)


def _swatch(pdf: FPDF, entry: LegendEntry, x: float, y: float, w: float, h: float) -> None:
    pdf.set_dash_pattern()
    if entry.what == "edge":
        es = EDGE_STYLES[entry.key]
        pdf.set_draw_color(*_rgb(es.colour))
        pdf.set_line_width(max(0.6, es.width * 0.7))
        if es.dashes:
            pdf.set_dash_pattern(dash=3 if es.dot == "dashed" else 1, gap=2)
        pdf.line(x, y + h / 2, x + w, y + h / 2)
        return
    fill, border, dashed = "#ffffff", "#555555", False
    if entry.what == "sector":
        fill, border = SECTORS[entry.key].fill, SECTORS[entry.key].border
    elif entry.what == "flag":
        fs = FLAG_STYLES[entry.key]
        border, dashed = fs.border, bool(fs.dashes)
    pdf.set_fill_color(*_rgb(fill))
    pdf.set_draw_color(*_rgb(border))
    pdf.set_line_width(1.2)
    if dashed:
        pdf.set_dash_pattern(dash=2, gap=1.5)
    pdf.rect(x, y, w, h, style="DF")


def _rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def _contents_page(
    pdf: FPDF,
    title: str,
    caption: str,
    tiles: list[tuple[float, float, float, float]],
    cols: int,
    places: Sequence[Placed],
    legend: Sequence[LegendEntry],
    width: float,
    lang: str,
) -> None:
    """Page 1: how the drawing is split, a map of the pages, which entities each page holds, the legend.
    (Should the list be long, the contents run over more pages; the page numbers count them.)"""
    pdf.add_page()
    pdf.set_auto_page_break(True, MARGIN_PT)
    _heading(pdf, f"{title} – {_w('contents', lang)}", caption)
    rows = len(tiles) // cols
    pdf.set_font("dejavu", "", 9)
    pdf.multi_cell(
        w=0,
        h=9 * _LINE,
        text=_w("split", lang).format(pages=len(tiles), cols=cols, rows=rows),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)
    # the map: one box per page, in the drawing's proportions
    box_w = min(pdf.w - 2 * MARGIN_PT, 360.0) / cols
    box_h = box_w * (tiles[0][3] / tiles[0][2])
    top = pdf.get_y()
    pdf.set_draw_color(120)
    pdf.set_line_width(0.8)
    for k, _tile in enumerate(tiles):
        x = MARGIN_PT + (k % cols) * box_w
        y = top + (k // cols) * box_h
        pdf.rect(x, y, box_w, box_h)
        pdf.set_xy(x, y + box_h / 2 - 6)
        pdf.set_font("dejavu", "B", 10)
        pdf.cell(w=box_w, h=12, text=f"{_w('part', lang)} {k + 1}", align="C")
    pdf.set_xy(MARGIN_PT, top + rows * box_h + 10)
    for k in range(len(tiles)):
        here = [p for p in places if _home(p, tiles, cols) == k]
        inner = sorted({p.label.replace("\n", " ") for p in here if not p.seat})
        forums = sorted({p.label.replace("\n", " ") for p in here if p.seat})
        inner += [f"{_w('seats_in', lang)} {f}" for f in forums]  # a page of seats only was listed with nothing
        if not inner:
            continue
        pdf.set_font("dejavu", "B", 9)
        pdf.multi_cell(w=0, h=9 * _LINE, text=f"{_w('part', lang)} {k + 1}:", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("dejavu", "", _TEXT_PT)
        pdf.multi_cell(w=0, h=_TEXT_PT * _LINE, text="; ".join(inner), new_x="LMARGIN", new_y="NEXT")
    if legend:
        y = max(pdf.get_y() + 8, pdf.h - MARGIN_PT - _legend_height(legend, width))
        if y + _legend_height(legend, width) > pdf.h - MARGIN_PT:
            pdf.add_page()
            y = MARGIN_PT
        _legend(pdf, legend, y, lang)
    pdf.set_auto_page_break(False)


def _part(number: int, total: int, cols: int, lang: str) -> str:
    """ "Del 2 af 6 (række 1, kolonne 2)": where this page's piece sits in the whole drawing."""
    row, col = (number - 1) // cols + 1, (number - 1) % cols + 1
    return _w("part_of", lang).format(n=number, total=total, row=row, col=col)


def _home(p: Placed, tiles: list[tuple[float, float, float, float]], cols: int) -> int:
    """The page (tile index) an entity's centre falls on, counting the overlap towards the earlier page."""
    for k, (x0, y0, tw, th) in enumerate(tiles):
        if x0 <= p.x <= x0 + tw and y0 <= p.y <= y0 + th:
            return k
    return min(range(len(tiles)), key=lambda k: abs(tiles[k][0] + tiles[k][2] / 2 - p.x) + abs(tiles[k][1] - p.y))


_WORDS = {
    "part": ("Del", "Part"),
    "part_of": ("del {n} af {total} (række {row}, kolonne {col})", "part {n} of {total} (row {row}, column {col})"),
    "contents": ("oversigt over siderne", "contents"),
    "legend": ("Signaturforklaring", "Legend"),
    "seats_in": ("pladser i", "seats in"),
    "split": (
        "Diagrammet er for stort til én A4-side uden at gøre teksten mindre end 8 punkt. Det er derfor "
        "delt i {pages} dele på hver sin side ({cols} kolonner × {rows} rækker), der læses fra venstre mod "
        "højre og oppefra og ned; kanterne gentages en smule på nabosiden, så intet navn kun står halvt.",
        "The diagram is too big for one A4 page without making text smaller than 8 points, so it is split "
        "into {pages} parts, one a page ({cols} columns × {rows} rows), read left to right and top to "
        "bottom; the edges repeat a little on the neighbouring page so no name is only ever cut in half.",
    ),
}


def _w(key: str, lang: str) -> str:
    da, en = _WORDS[key]
    return en if lang == "en" else da

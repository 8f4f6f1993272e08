"""A4 paper for every printout: page sizes, the smallest readable type, and a PDF document to write on.

A printout is read on paper, so the rules are about paper: the page is exactly A4 (portrait or landscape,
whichever fits the content better), nothing is set smaller than ``MIN_FONT_PT`` after scaling, and text is
DejaVu Sans so æ, ø and å print. Other printouts (the forum sheet, the contact matrix) use these helpers
instead of choosing their own sizes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF

__all__ = [
    "A4_LANDSCAPE_PT",
    "A4_PORTRAIT_PT",
    "MARGIN_PT",
    "MIN_FONT_PT",
    "Fit",
    "a4_document",
    "fit_on_a4",
    "font_file",
    "page_size",
]

#: A4 in PostScript points (210 × 297 mm).
A4_PORTRAIT_PT = (595.28, 841.89)
A4_LANDSCAPE_PT = (841.89, 595.28)
#: White border kept on every side (10 mm).
MARGIN_PT = 28.35
#: Smallest type on paper, after any scaling.
MIN_FONT_PT = 8.0
_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))


def page_size(orientation: str) -> tuple[float, float]:
    """Width and height in points of an A4 page, ``"portrait"`` or ``"landscape"``."""
    if orientation not in ("portrait", "landscape"):
        raise ValueError(f"orientation is portrait or landscape, not {orientation!r}")
    return A4_PORTRAIT_PT if orientation == "portrait" else A4_LANDSCAPE_PT


@dataclass(frozen=True)
class Fit:
    """How a drawing of ``width`` × ``height`` points goes on paper: orientation, scale and the page grid.

    ``columns`` × ``rows`` pages at ``scale``; one page when both are 1.
    """

    orientation: str
    scale: float
    columns: int
    rows: int

    @property
    def pages(self) -> int:
        return self.columns * self.rows


def fit_on_a4(width: float, height: float, smallest_font: float, *, header: float = 0.0) -> Fit:
    """The best A4 placement of a drawing whose smallest text is ``smallest_font`` points at scale 1.

    The drawing is shrunk at most to where that text is ``MIN_FONT_PT``, never enlarged beyond 1.
    If it still does not fit one page, it is split into a grid of pages at that scale (the orientation
    with fewer pages wins; on a tie, the one with the larger scale). ``header`` is the height kept free at
    the top of each page for a heading.
    """
    if width <= 0 or height <= 0:
        raise ValueError("a drawing has a positive width and height")
    least = min(1.0, MIN_FONT_PT / smallest_font)
    best: Fit | None = None
    for orientation in ("landscape", "portrait"):
        pw, ph = page_size(orientation)
        aw, ah = pw - 2 * MARGIN_PT, ph - 2 * MARGIN_PT - header
        scale = min(1.0, aw / width, ah / height)
        if scale >= least:
            fit = Fit(orientation, scale, 1, 1)
        else:
            fit = Fit(orientation, least, math.ceil(width * least / aw), math.ceil(height * least / ah))
        if best is None or (fit.pages, -fit.scale) < (best.pages, -best.scale):
            best = fit
    assert best is not None
    return best


def font_file(bold: bool = False) -> Path:
    """DejaVu Sans on this machine (Debian's fonts-dejavu-core)."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for base in _FONT_DIRS:
        if (base / name).is_file():
            return base / name
    raise FileNotFoundError(f"{name} not found: install fonts-dejavu-core")


def a4_document(orientation: str = "portrait", *, title: str = "") -> FPDF:
    """An empty A4 PDF (points as unit) with DejaVu Sans registered as ``"dejavu"`` (regular and bold)."""
    from fpdf import FPDF  # loaded only when something is printed

    pdf = FPDF(orientation="P" if orientation == "portrait" else "L", unit="pt", format="A4")
    pdf.set_margins(MARGIN_PT, MARGIN_PT, MARGIN_PT)
    pdf.set_auto_page_break(True, MARGIN_PT)
    pdf.add_font("dejavu", "", str(font_file()))
    pdf.add_font("dejavu", "B", str(font_file(bold=True)))
    pdf.set_font("dejavu", size=10)
    pdf.set_creator("samarbejdskort")
    if title:
        pdf.set_title(title)
    return pdf

"""The interface matrix as a printable A4 PDF: the grid first, then every pair's summary, text ≥ 8 pt.

Written directly as PDF (Helvetica, WinAnsi encoding, so æ, ø, å print) rather than through Graphviz: a grid
of numbers needs exact page size and font size, which Graphviz only gives by scaling (see PITFALLS.md). The
page is A4 (portrait for up to 10 parties, landscape beyond) with the margin and smallest type of every
printout (``viz.page``); no text is ever set below ``MIN_FONT_PT``.
Column headers are numbers that refer to the row labels, so 30 organisations still fit one page.
"""

from __future__ import annotations

import zlib
from typing import Any

from viz.interface_words import word
from viz.page import MARGIN_PT as _MARGIN
from viz.page import MIN_FONT_PT, page_size

__all__ = ["matrix_pdf"]

_SHADE = {"none": 1.0, "weak": 0.88, "medium": 0.74, "strong": 0.58}


class _Page:
    """One page's content stream: text and rectangles in PDF user space (origin bottom left)."""

    def __init__(self, size: tuple[float, float]) -> None:
        self.w, self.h = size
        self.ops: list[str] = []

    def text(self, x: float, y: float, s: str, size: float = MIN_FONT_PT, bold: bool = False) -> None:
        size = max(size, MIN_FONT_PT)
        font = "F2" if bold else "F1"
        self.ops.append(f"BT /{font} {size:.2f} Tf 1 0 0 1 {x:.2f} {self.h - y:.2f} Tm ({_esc(s)}) Tj ET")

    def rect(self, x: float, y: float, w: float, h: float, grey: float | None = None) -> None:
        if grey is not None:
            self.ops.append(f"{grey:.2f} g {x:.2f} {self.h - y - h:.2f} {w:.2f} {h:.2f} re f 0 g")
        self.ops.append(f"0.5 w {x:.2f} {self.h - y - h:.2f} {w:.2f} {h:.2f} re S")


def _esc(s: str) -> str:
    raw = s.encode("cp1252", errors="replace").decode("latin-1")
    return raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _width(s: str, size: float) -> float:
    """Helvetica is about half an em wide on average; enough to fit and truncate labels safely."""
    return len(s) * size * 0.52


def _fit(s: str, size: float, width: float) -> str:
    if _width(s, size) <= width:
        return s
    keep = max(1, int(width / (size * 0.52)) - 1)
    return s[:keep] + "…"


def matrix_pdf(m: dict[str, Any], lang: str = "da") -> bytes:
    """The PDF bytes for a matrix JSON (``graph.interface_matrix.Matrix.as_json``)."""
    parties = m["parties"]
    n = len(parties)
    size = page_size("portrait" if n <= 10 else "landscape")
    pages = [_Page(size)]
    p = pages[0]
    da = lang != "en"
    scope = ", ".join(s["label"] for s in m["scope"]) or ("hele datasættet" if da else "all data")
    title = ("Samarbejdsflader" if da else "Interfaces") + f" ({word(m['by'], lang)}): {scope}"
    p.text(_MARGIN, _MARGIN + 12, _fit(title, 14, p.w - 2 * _MARGIN), 14, bold=True)
    s = m["summary"]
    p.text(
        _MARGIN,
        _MARGIN + 28,
        (
            f"Dato {m['date']} · {s['pairs']} par · {s['connected']} med forbindelse · "
            f"{s['none']} uden · {s['with_missing']} med mangler (!)"
            if da
            else f"Date {m['date']} · {s['pairs']} pairs · {s['connected']} connected · "
            f"{s['none']} not · {s['with_missing']} with something missing (!)"
        ),
    )
    cells = {(c["a"], c["b"]): c for c in m["cells"]}
    y0 = _MARGIN + 44
    label_w = min(220.0, max(90.0, max((_width(x["label"], 8) for x in parties), default=90) + 24))
    cell = max(18.0, min(60.0, (p.w - 2 * _MARGIN - label_w) / max(n, 1)))
    head_h = 16.0
    row_h = max(14.0, min(24.0, (p.h - y0 - head_h - 90) / max(n, 1)))
    for j in range(n):
        x = _MARGIN + label_w + j * cell
        p.rect(x, y0, cell, head_h)
        p.text(x + cell / 2 - _width(str(j + 1), 8) / 2, y0 + 11, str(j + 1), bold=True)
    for i, a in enumerate(parties):
        y = y0 + head_h + i * row_h
        p.rect(_MARGIN, y, label_w, row_h)
        p.text(_MARGIN + 3, y + row_h / 2 + 3, _fit(f"{i + 1}  {a['label']}", 8, label_w - 6))
        for j, b in enumerate(parties):
            x = _MARGIN + label_w + j * cell
            c = cells.get((a["key"], b["key"])) or cells.get((b["key"], a["key"]))
            if i == j or c is None:
                p.rect(x, y, cell, row_h, 0.45 if i == j else 0.95)
                continue
            p.rect(x, y, cell, row_h, _SHADE[c["strength"]["level"]])
            nothing = c["missing_kinds"] == ["nothing"]
            mark = "–" if nothing else f"{c['strength']['score']}{'!' if c['missing'] else ''}"
            p.text(x + cell / 2 - _width(mark, 8) / 2, y + row_h / 2 + 3, mark, bold=c["missing"])
    y = y0 + head_h + n * row_h + 16
    legend = (
        [
            "Tal = styrke (forum 1, åben kanal 2, anden kanal 1, udpeget kontaktperson 1, linje/fælles person 1);",
            "! = noget mangler (efterspurgt, ikke oprettet eller ikke oplyst); – = ingen forbindelse; grå = ingen "
            "celle (den ene rummer den anden).",
        ]
        if da
        else [
            "Number = strength (forum 1, open channel 2, other channel 1, named contact person 1, line/shared "
            "person 1);",
            "! = something missing (requested, not established or not stated); – = no connection; grey = "
            "no cell (one contains the other).",
        ]
    )
    for line in legend:
        p.text(_MARGIN, y, _fit(line, 8, p.w - 2 * _MARGIN))
        y += 11
    _pair_list(pages, m, lang, y + 8)
    return _pdf(pages)


def _pair_list(pages: list[_Page], m: dict[str, Any], lang: str, y: float) -> None:
    """Every pair with something in it, strongest first, continued on new pages as needed."""
    names = {x["key"]: x["label"] for x in m["parties"]}
    da = lang != "en"
    p = pages[-1]
    rows = sorted(m["cells"], key=lambda c: (-c["strength"]["score"], names[c["a"]], names[c["b"]]))
    p.text(_MARGIN, y, "Parrene" if da else "The pairs", 10, bold=True)
    y += 14
    for c in rows:
        if c["strength"]["score"] == 0 and not c["missing_kinds"]:
            continue
        bits = [f"{c['forums']} {'fora' if da else 'forums'}"]
        bits += [f"{n} {word(st, lang)}" for st, n in c["channels"].items()]
        bits += [
            f"{n} {'kontaktperson' if da else 'contact person'} {word(st, lang)}"
            for st, n in c["contact_persons"].items()
        ]
        bits += [f"{c['requests']} {'ønsker' if da else 'requests'}"] if c["requests"] else []
        head = f"{names[c['a']]} × {names[c['b']]} – {word(c['strength']['level'], lang)}: " + ", ".join(bits)
        lines = [head]
        if c["missing_kinds"]:
            lines.append("   ! " + ", ".join(word(k, lang) for k in c["missing_kinds"]))
        if y + 11 * len(lines) > p.h - _MARGIN:
            p = _Page((p.w, p.h))
            pages.append(p)
            y = _MARGIN + 10
        for line in lines:
            p.text(_MARGIN, y, _fit(line, 8, p.w - 2 * _MARGIN))
            y += 11


def _pdf(pages: list[_Page]) -> bytes:
    """A minimal PDF 1.4 file: catalog, page tree, two standard fonts, one compressed stream per page."""
    objs: list[bytes] = []
    kids = []
    font = "<< /Type /Font /Subtype /Type1 /BaseFont /{} /Encoding /WinAnsiEncoding >>"
    objs.append(b"")  # 1 catalog (filled below)
    objs.append(b"")  # 2 pages
    objs.append(font.format("Helvetica").encode())  # 3
    objs.append(font.format("Helvetica-Bold").encode())  # 4
    for page in pages:
        body = zlib.compress("\n".join(page.ops).encode("latin-1"))
        objs.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream")
        content = len(objs)
        objs.append(
            (
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page.w:.2f} {page.h:.2f}] "
                f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {content} 0 R >>"
            ).encode()
        )
        kids.append(len(objs))
    objs[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)

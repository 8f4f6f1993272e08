"""The region's interface matrix in Chromium: every label readable, a click on a cell opens the pair.

Screenshots go to ``test-artifacts/`` (looked at by hand: rotated column labels, row labels, shaded cells).
"""

from __future__ import annotations

import itertools

import pytest

from tests.api.test_browser import ARTIFACTS, base_url, page  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser]


def _boxes(pg: object, selector: str) -> list[dict]:
    return pg.eval_on_selector_all(  # type: ignore[attr-defined]
        selector,
        "els => els.map(e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e); "
        "return {x: r.x, y: r.y, w: r.width, h: r.height, size: parseFloat(s.fontSize), text: e.textContent.trim(), "
        "clipped: e.scrollWidth > e.clientWidth + 1}; })",
    )


def test_region_matrix_renders_with_readable_labels_and_opens_a_pair(page: object) -> None:  # noqa: F811
    pg = page
    pg.goto("/samarbejdsflader?by=organisation&date=2025-06-01")  # type: ignore[attr-defined]
    rows = _boxes(pg, "table.interface-matrix th[scope=row]")
    cols = _boxes(pg, "table.interface-matrix th.col-head span")
    assert len(rows) == len(cols) == 30
    assert any(r["text"] == "Ringkøbing-Skjern Kommune" for r in rows)
    for r in rows + cols:
        assert r["size"] >= 12 and r["w"] > 0 and r["h"] > 0 and not r["clipped"], r
    # rotated column labels: taller than wide, side by side without overlapping
    assert all(c["h"] > c["w"] for c in cols)
    for a, b in itertools.pairwise(cols):
        assert a["x"] + a["w"] <= b["x"] + 0.5, (a["text"], b["text"])
    for a, b in itertools.pairwise(rows):
        assert a["y"] + a["h"] <= b["y"] + 0.5, (a["text"], b["text"])
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "interfaces-region-matrix.png"), full_page=True)  # type: ignore[attr-defined]

    pg.click("td.cell a >> nth=0")  # type: ignore[attr-defined]
    pg.wait_for_selector("#par h2")  # type: ignore[attr-defined]
    heading = pg.text_content("#par h2")  # type: ignore[attr-defined]
    assert "×" in heading and "Aarhus Kommune" in heading
    assert pg.locator("td.cell-chosen").count() == 2  # type: ignore[attr-defined]  (both triangles)


def test_sector_matrix_in_english_and_the_pair_for_gp_and_ppr(page: object) -> None:  # noqa: F811
    pg = page
    pg.goto("/samarbejdsflader?lang=en&date=2024-03-01&a=general_practice&b=ppr#par")  # type: ignore[attr-defined]
    text = pg.text_content("#par")  # type: ignore[attr-defined]
    assert "state not stated" in text and "three of the four" in text
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "interfaces-sector-pair-en.png"), full_page=True)  # type: ignore[attr-defined]

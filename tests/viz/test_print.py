"""Printouts measured as paper: every page exactly A4, no character under 8 pt (pdfplumber's own sizes),
and the forum sheet saying what a coordinator looks for – mandate, seats with vacancies, chair,
secretariat, meeting lead times, reporting lines, open questions and sources."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pdfplumber
import pytest

from graph.errors import InputError
from graph.model import Model
from tests.viz.conftest import ns
from viz.page import A4_LANDSCAPE_PT, A4_PORTRAIT_PT, MIN_FONT_PT, fit_on_a4
from viz.request import parse_filters
from viz.sheet import duration_text, forum_sheet, forum_sheets
from viz.static import render_static
from viz.views import organisation_diagram

ON = dt.date(2025, 6, 1)
RANDERS = "https://w3id.org/samarbejdskort/id/forum/randers-implementeringsgruppe"


def pages(pdf: bytes) -> list[tuple[tuple[float, float], float, str]]:
    """Per page: (width, height) in points, the smallest character size on the page, and its text."""
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            visible = [c for c in page.chars if 0 <= c["x0"] <= page.width and 0 <= c["top"] <= page.height]
            smallest = min((c["size"] for c in visible), default=0.0)
            out.append(((round(float(page.width), 1), round(float(page.height), 1)), smallest, page.extract_text()))
    return out


A4 = {tuple(round(v, 1) for v in A4_PORTRAIT_PT), tuple(round(v, 1) for v in A4_LANDSCAPE_PT)}


def assert_paper(pdf: bytes) -> list[tuple[tuple[float, float], float, str]]:
    found = pages(pdf)
    assert found, "no pages"
    for number, (size, smallest, text) in enumerate(found, start=1):
        assert size in A4, f"page {number} is {size} pt, not A4"
        assert text.strip(), f"page {number} is empty"
        assert smallest >= MIN_FONT_PT - 0.01, f"page {number}: text at {smallest:.2f} pt"
    return found


def test_focused_organisation_diagram_is_one_a4_page_readable_on_paper(bundled: Model) -> None:
    d = organisation_diagram(bundled, focus="Sundhedsstyregruppen", on=ON)
    found = assert_paper(render_static(d, "pdf"))
    assert len(found) == 1
    text = found[0][2]
    for name in ("Sundhedsstyregruppen", "Sundhedssamarbejdsudvalget", "Psykiatriforum", "Signaturforklaring"):
        assert name in text, name


def test_whole_organisation_diagram_is_split_over_a4_pages_with_contents_not_shrunk(bundled: Model) -> None:
    d = organisation_diagram(bundled, on=ON)
    found = assert_paper(render_static(d, "pdf"))
    assert len(found) > 2
    contents = found[0][2]
    assert "oversigt over siderne" in contents and "Del 1" in contents
    # every top body is listed on the contents page under the part that shows it
    for name in ("Sundhedssamarbejdsudvalget", "Psykiatriforum", "Klyngestyregruppen for Vestklyngen"):
        assert name in contents.replace("\n", " "), name
    assert all("af" in text.split("\n")[0] for _, _, text in found[1:] if text.startswith("Organisationsdiagram"))


def test_the_contents_page_says_what_every_part_holds_a_part_of_seats_by_its_forum(bundled: Model) -> None:
    """Parts 3 and 4 of the whole organisation diagram hold only seats: the contents page listed nothing for them,
    so a coordinator could not tell where the Randers group's seats were printed."""
    d = organisation_diagram(bundled, on=ON)
    found = assert_paper(render_static(d, "pdf"))
    contents = found[0][2].replace("\n", " ")
    parts = len(found) - 1
    for k in range(1, parts + 1):
        assert f"Del {k}:" in contents, f"part {k} of {parts} is not described"
    assert "pladser i Tværsektoriel implementeringsgruppe om børn og unge i mistrivsel, Randersklyngen" in contents


def test_a4_fit_prefers_one_page_and_splits_rather_than_shrinks() -> None:
    small = fit_on_a4(500, 300, 10)
    assert (small.pages, small.scale, small.orientation) == (1, 1.0, "landscape")
    tall = fit_on_a4(400, 900, 10)
    assert tall.orientation == "portrait" and tall.pages == 1 and tall.scale >= 0.8
    wide = fit_on_a4(4000, 500, 9)
    assert wide.pages > 1 and wide.scale == pytest.approx(8 / 9)


def test_forum_sheet_is_one_a4_page_with_everything_a_coordinator_needs(bundled: Model) -> None:
    found = assert_paper(forum_sheet(bundled, RANDERS, on=ON))
    assert len(found) == 1
    (size, _, text) = found[0]
    assert size == tuple(round(v, 1) for v in A4_PORTRAIT_PT)
    flat = " ".join(text.split())
    for expected in (
        "Tværsektoriel implementeringsgruppe om børn og unge i mistrivsel, Randersklyngen",
        "Kommissorium",
        "Formål:",
        "Pladser (9, heraf vakante 1)",
        "1 praksiskonsulent, børn og unge, Almen Praksis",
        "for Almen praksis: VAKANT",
        "Formand",
        "Formanden udpeges fra: Syddjurs Kommune",
        "Sekretariat Syddjurs Kommune",
        "Møder 4-6 gange årligt i opstartsfasen",
        "Forslag til dagsorden senest 1 måned før mødet",
        "Dagsorden udsendes 7 dage før mødet",
        "Referat udsendes senest 7 dage efter mødet",
        "Til: Klyngestyregruppen for Randersklyngen (refererer til)",
        "Kilder",
        "Udkast til Kommissorium",
    ):
        assert expected in flat, expected


def test_lead_times_read_as_words() -> None:
    assert duration_text("P7D", "da") == "7 dage"
    assert duration_text("P1M", "da") == "1 måned"
    assert duration_text("P2W", "en") == "2 weeks"
    assert duration_text("senest fredag", "da") == "senest fredag"


def test_one_pdf_with_a_sheet_per_forum_filtered_like_the_views(bundled: Model) -> None:
    flt = parse_filters(bundled, forum_kind=["ClusterSteeringGroup"])
    found = assert_paper(forum_sheets(bundled, on=ON, filters=flt))
    titles = sorted(text.split("\n")[0] for _, _, text in found if text.startswith("Klyngestyregruppen"))
    assert titles == [
        "Klyngestyregruppen for Aarhusklyngen",
        "Klyngestyregruppen for Horsensklyngen",
        "Klyngestyregruppen for Midtklyngen",
        "Klyngestyregruppen for Randersklyngen",
        "Klyngestyregruppen for Vestklyngen",
    ]


def test_sheets_refuse_what_is_not_a_forum_and_filters_that_leave_nothing(structure: Model) -> None:
    with pytest.raises(InputError):
        forum_sheet(structure, ns("ppr"))
    with pytest.raises(InputError):
        forum_sheet(structure, ns("ig"), fmt="svg")
    with pytest.raises(InputError, match="forum_kind 'Spaghetti' is unknown"):
        parse_filters(structure, forum_kind=["Spaghetti"])
    with pytest.raises(InputError):
        forum_sheets(structure, filters=parse_filters(structure, sector=["psychiatry"]))


def test_cli_render_sheets(tmp_path: Path) -> None:
    from tests.viz.test_cli_render import render

    out = tmp_path / "ark.pdf"
    code, output = render("sheets", "--forum-kind", "ClusterSteeringGroup", "--date", "2025-06-01", "--out", str(out))
    assert code == 0, output
    assert len(assert_paper(out.read_bytes())) == 7  # 5 cluster steering groups + 2 partnerships (not forums)
    out = tmp_path / "org.pdf"
    code, output = render("organisation", "--date", "2025-06-01", "--out", str(out))
    assert code == 0, output
    assert_paper(out.read_bytes())

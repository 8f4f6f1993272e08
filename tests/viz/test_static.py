"""Printable diagrams: every format for every implementation group, complete chains, escaped text."""

from __future__ import annotations

import datetime as dt
import html

import pytest

from graph.model import Model, in_force
from tests.viz.conftest import ns
from tests.viz.test_print import assert_paper
from viz.dotgraph import gv_text
from viz.static import render_static
from viz.views import collaboration_network, ego_view, organisation_diagram

ON = dt.date(2025, 6, 1)
RANDERS = "https://w3id.org/samarbejdskort/id/forum/randers-implementeringsgruppe"
ID = "https://w3id.org/samarbejdskort/id/"


def implementation_groups(model: Model) -> list[str]:
    return sorted(
        n for n, d in model.nx.nodes(data=True) if d.get("forum_kind") == "ImplementationGroup" and in_force(d, ON)
    )


def test_every_implementation_group_renders_to_svg_pdf_and_png(bundled: Model) -> None:
    groups = implementation_groups(bundled)
    assert RANDERS in groups and len(groups) >= 2
    for group in groups:
        d = organisation_diagram(bundled, focus=group, on=ON)
        svg = render_static(d, "svg").decode("utf-8")
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg
        pdf = render_static(d, "pdf")
        assert pdf.startswith(b"%PDF") and b"DejaVu" in pdf  # the font that carries æøå
        png = render_static(d, "png")
        assert png.startswith(b"\x89PNG")
        assert_paper(pdf)  # A4 pages, nothing under 8 pt (SVG and PNG come at natural size)


def test_randers_svg_names_the_whole_chain_and_the_vacant_practice_consultant(bundled: Model) -> None:
    d = organisation_diagram(bundled, focus=RANDERS, on=ON)
    svg = html.unescape(render_static(d, "svg").decode("utf-8"))
    chain = [
        RANDERS,
        ID + "klyngestyregruppe/randers",
        ID + "ssu",
    ]
    try:
        from graph.reporting import chain as reporting_chain

        chain += [s["to"]["id"] for s in reporting_chain(bundled, RANDERS, on=ON).as_json()["steps"]]
    except ModuleNotFoundError:
        pass
    for forum in dict.fromkeys(chain):
        assert bundled.label(forum) in svg, forum  # full name in the tooltip, wrapped lines in the label
    vacant = [n for n in d.nodes if "vacant" in n.flags]
    assert len(vacant) == 1 and "praksiskonsulent" in vacant[0].label
    assert "praksiskonsulent, børn" in svg and 'class="node post vacant"' in svg
    assert "Signaturforklaring / Legend" in svg
    assert "Data pr. 2025-06-01" in svg and "Kilder:" in svg


def test_hostile_names_are_escaped_in_svg(hostile: Model) -> None:
    d = organisation_diagram(hostile)
    svg = render_static(d, "svg").decode("utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in svg
    assert "<img" not in svg and "<b>" not in svg and "&lt;b&gt;fed&lt;/b&gt;" in svg
    assert "Udvalg \\N \\G" in svg  # escape sequences shown, not expanded to the node name


def test_gv_text_neutralises_graphviz_syntax() -> None:
    assert gv_text("a\\Nb") == "a\\\\Nb"
    assert gv_text("one\ntwo") == "one\\ntwo"
    assert gv_text("<b>x</b>") == "<b>x</b>\\n"  # no longer starts with < and ends with >
    assert gv_text("left\nlines", newline="\\l") == "left\\llines"


@pytest.mark.parametrize("fmt", ["svg", "pdf", "png"])
def test_network_and_ego_render_with_a_legend(structure: Model, fmt: str) -> None:
    for d in (collaboration_network(structure, on=ON), ego_view(structure, ns("ppr"), depth=2, on=ON)):
        out = render_static(d, fmt)
        assert len(out) > 1000
        if fmt == "svg":
            assert "Signaturforklaring / Legend" in out.decode("utf-8")


def test_bundled_network_poster_keeps_the_legend_and_marks(bundled: Model) -> None:
    d = collaboration_network(bundled, on=ON)
    assert len(d.nodes) > 60  # drawn as a poster (sfdp), not with dot
    svg = render_static(d, "svg").decode("utf-8")
    assert "Signaturforklaring / Legend" in svg and "Samarbejdsnetværk" in svg
    assert svg.count('class="node') >= len(d.nodes)


def test_unknown_format_is_refused(structure: Model) -> None:
    with pytest.raises(ValueError):
        render_static(organisation_diagram(structure), "gif")

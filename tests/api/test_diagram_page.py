"""The site's diagram page: one filter panel (the page's form; the framed diagram keeps only search,
breadcrumb and legend), and every entity listed under the diagram by kind with its full name as a link."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient


def test_one_filter_panel_the_frame_has_none(client: TestClient) -> None:
    page = client.get("/diagram/organisation").text
    frame = html.unescape(re.search(r'<iframe class="diagram-frame" src="([^"]+)"', page).group(1))  # type: ignore[union-attr]
    assert "embed=true" in frame
    framed = client.get(frame).text
    assert 'id="filters"' not in framed and 'id="search"' in framed and 'id="crumbs"' in framed
    assert 'id="filters"' in client.get("/api/diagrams/organisation.html").text  # on its own it keeps them
    assert page.count('type="date"') == 1


def test_entity_list_has_full_names_grouped_by_kind_each_a_link(client: TestClient) -> None:
    page = client.get("/diagram/organisation", params={"date": "2025-06-01"}).text
    listed = re.findall(r'<li><a href="[^"]*enhed\?id=[^"]+">([^<]+)</a></li>', page)
    names = [html.unescape(x) for x in listed]
    for full in (
        "Klyngestyregruppen for Randersklyngen",
        "Klyngestyregruppen for Vestklyngen",
        "Den Kommunale Sundhedsstyregruppe",
        "Tværsektoriel implementeringsgruppe om børn og unge i mistrivsel, Randersklyngen",
    ):
        assert full in names, full
    assert "Klyngestyregruppen for" not in names and "Den Kommunale" not in names  # never cut at a line break
    seats = [n for n in names if n.startswith("En repræsentant for")]
    assert len(seats) == len(set(seats)) > 5  # the seats can be told apart
    assert "<h3>Forum (11)</h3>" in page and "<h3>Partnerskab (2)</h3>" in page
    assert page.index("<h3>Forum (") < page.index("<h3>Partnerskab (")  # in the legend's order of kinds

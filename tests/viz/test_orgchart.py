"""Organisation charts of third-party W3C ORG data: the Berlin finance administration's organigram and the
UK HEFCE organogram (``../shared/interop``), drawn as units, posts and holders, with a focus on any unit."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Model, load
from tests.conftest import REPO
from viz.html import vis_data
from viz.orgchart import FOLD_ABOVE
from viz.static import render_static
from viz.views import organisation_diagram

INTEROP = REPO.parent.parent / "shared" / "interop"
if not INTEROP.is_dir():
    INTEROP = Path("/work/shared/interop")
BERLIN = INTEROP / "berlin" / "SenFin.ttl"
HEFCE = INTEROP / "uk-hefce" / "HEFCE_organogram_31032011.rdf"


@pytest.fixture(scope="module")
def berlin() -> Model:
    return load([BERLIN])


def labels(d, kind: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {n.label.replace("\n", " ") for n in d.nodes if n.kind == kind}


def test_berlin_department_iii_draws_its_units_and_posts(berlin: Model) -> None:
    d = organisation_diagram(berlin, focus="Abteilung III")
    assert d.title == "Organisationsdiagram: Abteilung III"
    units = labels(d, "organisation")
    # the department, its Referate (the source lists III A … III E), and the administration above it
    assert {"Abteilung III", "Referat III A", "Referat III E"} <= units
    assert any("Senatsverwaltung für Finanzen" in u for u in units)
    assert not any(u.startswith("Referat I ") or u.startswith("Referat II ") for u in units)
    posts = [n for n in d.nodes if n.kind == "post"]
    assert any(" ".join(p.label.split()).startswith("Abteilungsleitung, Abteilung III") for p in posts)
    assert all(p.parent in {n.id for n in d.nodes} for p in posts)  # every post hangs under its unit
    by = d.by_id()
    head = next(n for n in d.nodes if n.label == "Abteilung III")
    assert "focus" in head.flags
    referat = next(n for n in d.nodes if " ".join(n.label.split()) == "Referat III E")
    assert referat.level > head.level  # drawn below the department
    assert any(e.kind == "part_of" and e.u == referat.id and e.v == head.id for e in d.edges)
    assert by[head.id].level >= 2  # the administration sits above it


def test_berlin_whole_organigram_opens_folded_to_two_levels(berlin: Model) -> None:
    d = organisation_diagram(berlin)
    units = [n for n in d.nodes if n.kind == "organisation"]
    assert len(units) > FOLD_ABOVE
    folded = {n.id for n in units if n.fold}
    assert folded and len(units) - len(folded) <= 15
    data = vis_data(d)
    assert "overview" in data and set(data["overview"]) == {n.id for n in d.nodes if not n.fold}


def test_berlin_chart_prints_on_a4(berlin: Model) -> None:
    from tests.viz.test_print import assert_paper

    assert_paper(render_static(organisation_diagram(berlin, focus="Abteilung III"), "pdf"))


def test_uk_organogram_draws_units_posts_holders_and_post_lines() -> None:
    d = organisation_diagram(load([HEFCE]))
    units = labels(d, "unit") | labels(d, "organisation")
    assert "Higher Education Funding Council for England" in units
    assert len(units) >= 5
    posts = {n.id: n for n in d.nodes if n.kind == "post"}
    assert len(posts) == 4
    assert any("Chief Executive" in p.label for p in posts.values())
    assert sum(1 for e in d.edges if e.kind == "reports_to" and e.u in posts and e.v in posts) == 3

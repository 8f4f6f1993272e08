"""The networkx graph that paths, chains, gaps and diagrams walk is the very graph a contact question reads.

A contact or topics question reads the projection's plain dicts (``model.adjacency``) and never imports
networkx; ``model.nx`` wraps the same dicts on first use. Both must show the same nodes and edges, with
their keys and attributes, in the same order, or a path could cite an edge the contact answer does not see.
"""

from __future__ import annotations

import threading

import networkx as nx

from graph.model import Model, load
from tests.conftest import tiny


def _same_graph(m: Model) -> None:
    a, g = m.adjacency, m.nx
    assert isinstance(g, nx.MultiDiGraph)
    assert list(g.nodes(data=True)) == list(a.nodes.items())
    assert list(g.edges(keys=True, data=True)) == list(a.edges())
    for n in a:
        assert list(g.in_edges(n, keys=True, data=True)) == [
            (u, n, k, e) for u, keyed in a.pred[n].items() for k, e in keyed.items()
        ]
    assert g.number_of_nodes() == a.number_of_nodes() == len(a)
    assert g.number_of_edges() == a.number_of_edges()
    # no copy: one set of dicts, so the two can never drift apart
    assert g._node is a.nodes and g._succ is a.succ and g._adj is a.succ and g._pred is a.pred


def test_the_networkx_graph_is_the_contact_questions_graph(bundled: Model, generated_region: Model) -> None:
    for m in (bundled, generated_region):
        _same_graph(m)


def test_a_fresh_model_builds_its_networkx_graph_once_and_only_when_asked() -> None:
    m = load()
    assert m._nx is None  # loading and answering a contact question need no networkx graph
    seen: list[nx.MultiDiGraph] = []
    threads = [threading.Thread(target=lambda: seen.append(m.nx)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 8 and all(g is seen[0] for g in seen)
    assert m.nx is seen[0]
    _same_graph(m)


def test_neighbours_by_key_follow_networkx_order() -> None:
    m = tiny(
        """
        ex:a a org:Organization ; skos:prefLabel "A"@da .
        ex:u1 a org:OrganizationalUnit ; skos:prefLabel "U1"@da ; org:unitOf ex:a .
        ex:u2 a org:OrganizationalUnit ; skos:prefLabel "U2"@da ; org:unitOf ex:a .
        ex:u0 a org:OrganizationalUnit ; skos:prefLabel "U0"@da ; org:subOrganizationOf ex:a .
        """
    )
    a, g = m.adjacency, m.nx
    for n in a:
        for key in ("part_of", "has_unit", "member_of"):
            assert a.successors(n, key) == [v for _, v, k in g.out_edges(n, keys=True) if k == key]
            assert a.predecessors(n, key) == [u for u, _, k in g.in_edges(n, keys=True) if k == key]
    assert a.predecessors("http://example.org/a", "part_of")  # the tiny graph has parts
    assert "http://example.org/none" not in a and ["x"] not in a


def test_questions_diagrams_and_sheets_leave_the_projected_graph_as_it_was() -> None:
    """Plain edges of one kind share one attribute dict (``graph.projection._add_plain_edges``): a question that
    wrote into an edge's dict would change thousands of edges, in every later answer."""
    import copy
    import datetime as dt

    from graph.contacts import contact
    from graph.gaps import find_gaps
    from graph.paths import find_paths
    from graph.privacy import public_model
    from graph.reporting import chain
    from viz.html import to_html
    from viz.sheet import forum_sheet
    from viz.views import collaboration_network, organisation_diagram

    m = load()
    a = m.adjacency
    before = copy.deepcopy((a.nodes, a.succ, a.pred))
    on = dt.date(2026, 6, 1)
    contact(m, "selvskade", "Skive Kommune", on=on).as_json()
    chain(m, "implementeringsgruppe Randersklyngen", on=on).as_json()
    find_paths(m, "PPR Norddjurs", "BUA", on=on).as_json()
    find_gaps(m, on=on, scope="Randersklyngen").as_json()
    to_html(organisation_diagram(m, on=on))
    to_html(collaboration_network(m, on=on))
    forum_sheet(m, "implementeringsgruppe Randersklyngen", on=on)
    public_model(m)
    assert (a.nodes, a.succ, a.pred) == before

"""Names are names: a seat's label never carries its occupancy ("(vakant)"), which is data of its own
(``sk:occupancy``) and changes when someone is appointed, while the name stays."""

from __future__ import annotations

import re

from graph.model import Model
from ontology.namespace import SK, SKOS

STATE_IN_NAME = re.compile(r"\((vakant|vacant|besat|held|ledig|ubesat|indehaver ikke oplyst|holder not stated)\)", re.I)


def test_no_seat_label_carries_its_occupancy(bundled: Model) -> None:
    g = bundled.rdf
    seats = set(g.subjects(SK.occupancy, None))
    assert seats
    offending = [(str(s), str(o)) for s in seats for o in g.objects(s, SKOS.prefLabel) if STATE_IN_NAME.search(str(o))]
    assert offending == []


def test_the_vacant_practice_consultant_seat_is_vacant_by_its_occupancy_not_its_name(bundled: Model) -> None:
    seat = "https://w3id.org/samarbejdskort/id/forum/randers-implementeringsgruppe/plads/praksiskonsulent"
    assert bundled.node(seat)["occupancy"] == "vacant"
    assert bundled.label(seat) == "1 praksiskonsulent, børn og unge, Almen Praksis"

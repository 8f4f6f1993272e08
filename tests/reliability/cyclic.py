"""Third-party-style data with cycles: an organisation that is part of itself, rings through ``part_of`` and
``unitOf``, a collaboration that is a member of itself, reporting lines in a circle and to nowhere."""

from __future__ import annotations

from pathlib import Path

CYCLIC_TTL = """\
@prefix sk:   <https://w3id.org/samarbejdskort/ns#> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex:   <http://example.org/cyklisk/> .

ex:a a org:Organization ; skos:prefLabel "Cyklisk Org"@da ; org:subOrganizationOf ex:a ; sk:sector sk:SectorMunicipal .
ex:b a org:Organization ; skos:prefLabel "Ring B"@da ; org:subOrganizationOf ex:c .
ex:c a org:Organization ; skos:prefLabel "Ring C"@da ; org:subOrganizationOf ex:b ; sk:handlesTopic ex:sparring .
ex:u a org:OrganizationalUnit ; skos:prefLabel "Enhed U"@da ; org:unitOf ex:u , ex:a .
ex:w a org:OrganizationalUnit ; skos:prefLabel "Enhed W"@da ; org:unitOf ex:v ; sk:handlesTopic ex:sparring .
ex:v a org:OrganizationalUnit ; skos:prefLabel "Enhed V"@da ; org:unitOf ex:w ; org:memberOf ex:k .
ex:k a org:OrganizationalCollaboration ; skos:prefLabel "Samarbejde K"@da ; org:memberOf ex:k ; org:hasMember ex:a .
ex:g1 a sk:WorkingGroup ; skos:prefLabel "Gruppe 1"@da ; org:reportsTo ex:g2 , ex:g1 .
ex:g2 a sk:WorkingGroup ; skos:prefLabel "Gruppe 2"@da ; org:reportsTo ex:g1 ; org:subOrganizationOf ex:nowhere .
ex:sparring a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "Sparring"@da , "Sparring"@en .
"""


def cyclic_file(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "cyklisk.ttl"
    path.write_text(CYCLIC_TTL, encoding="utf-8")
    return path

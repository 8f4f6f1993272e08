"""Fixtures for the diagram tests: a small inline structure, a hostile one, and a headless browser."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks.chromium import CHROMIUM_ARGS
from graph.model import Model
from tests.conftest import REPO, tiny

ARTIFACTS = REPO / "test-artifacts"

#: A cluster around a small implementation group: every shape the views must draw.
STRUCTURE = """
id:scen a sk:Scenario ; sk:scenarioKey "chefniveau" .
id:ssu a sk:Committee ; skos:prefLabel "Sundhedssamarbejdsudvalget"@da , "Health Collaboration Committee"@en ;
    sk:abbreviation "SSU" ; sk:sector sk:SectorCrossSector ; sk:status sk:Active .
id:ssg a sk:SteeringGroup ; skos:prefLabel "Sundhedsstyregruppen"@da ; sk:abbreviation "SSG" ; sk:status sk:Active .
id:kosu a sk:AdministrativeForum ; skos:prefLabel "Den Kommunale Sundhedsstyregruppe"@da ; sk:abbreviation "KOSU" ;
    sk:sector sk:SectorMunicipal .
id:klynge a sk:HealthCluster ; skos:prefLabel "Ærøklyngen"@da , "Aeroe cluster"@en ; sk:acuteHospital id:hospital .
id:ksg a sk:ClusterSteeringGroup ; skos:prefLabel "Klyngestyregruppen for Ærøklyngen"@da ; sk:clusterOf id:klynge .
id:ig a sk:ImplementationGroup ; skos:prefLabel "Implementeringsgruppe om børn og unge, Ærøklyngen"@da ;
    sk:status sk:Active ; prov:wasDerivedFrom id:kilde-afsnit .
id:chef a sk:SteeringGroup ; skos:prefLabel "Styregruppe på chefniveau"@da ; sk:inScenario id:scen ;
    sk:status sk:Proposed .
id:gammel a sk:WorkingGroup ; skos:prefLabel "Nedlagt arbejdsgruppe"@da ; sk:validUntil "2020-12-31"^^xsd:date .
id:gammel org:reportsTo id:ig .
id:ksg org:reportsTo id:ssu .
id:ssg org:reportsTo id:ssu .
id:kosu sk:raisesDecisionsTo id:ssg .
id:l1 a sk:ReportingLine ; sk:fromBody id:ig ; sk:toBody id:ksg ; sk:lineKind org:reportsTo ; sk:status sk:Active ;
    sk:basis "Kommissoriet"@da .
id:l2 a sk:ReportingLine ; sk:fromBody id:ig ; sk:toBody id:kosu ; sk:lineKind sk:communicatesWith ;
    sk:status sk:Proposed .
id:l3 a sk:ReportingLine ; sk:fromBody id:ig ; sk:toBody id:chef ; sk:lineKind org:reportsTo ; sk:inScenario id:scen .
id:l4 a sk:ReportingLine ; sk:fromBody id:chef ; sk:toBody id:ksg ; sk:lineKind org:reportsTo ; sk:inScenario id:scen .

id:kommune a sk:Municipality ; skos:prefLabel "Ærø Kommune"@da ; sk:sector sk:SectorMunicipal .
id:ppr a org:OrganizationalUnit ; skos:prefLabel "PPR Ærø"@da ; org:unitOf id:kommune ; sk:sector sk:SectorMunicipal .
id:skole a org:OrganizationalUnit ; skos:prefLabel "Søby Skole"@da ; org:unitOf id:kommune ; sk:sector sk:SectorMunicipal .
id:hospital a sk:Hospital ; skos:prefLabel "Ærøskøbing Sygehus"@da ; sk:sector sk:SectorSomatic .
id:almen a sk:GeneralPractice ; skos:prefLabel "Almen praksis"@da ; sk:sector sk:SectorGeneralPractice .
[] a org:Membership ; org:member id:kommune ; org:organization id:klynge .
[] a org:Membership ; org:member id:hospital ; org:organization id:klynge .

id:formand a sk:Seat ; skos:prefLabel "Formand fra Ærø Kommune"@da ; org:postIn id:ig ; org:role sk:ChairRole ;
    org:heldBy id:person ; sk:onBehalfOf id:kommune .
id:praksis a sk:Seat ; skos:prefLabel "Praksiskonsulent, børn og unge"@da ; org:postIn id:ig ;
    org:role sk:MemberRole ; sk:occupancy sk:Vacant ; sk:onBehalfOf id:almen ; prov:wasDerivedFrom id:kilde-afsnit .
id:laege a sk:Seat ; skos:prefLabel "Cheflæge"@da ; org:postIn id:ig ; sk:occupancy sk:HolderNotStated ;
    sk:onBehalfOf id:hospital .
id:person a foaf:Person ; foaf:name "Åse Ødegård" .
id:krav a sk:ContactPersonRequirement ; skos:prefLabel "Fast kontaktperson i PPR Ærø"@da ;
    sk:requiredIn id:ppr ; sk:requestedBy id:ig .
id:kanal a sk:Channel ; skos:prefLabel "Korrespondance almen praksis → PPR"@da ; sk:channelFrom id:almen ;
    sk:channelTo id:ppr ; sk:channelState sk:Open .

id:kilde a sk:SourceDocument ; dct:title "Kommissorium for implementeringsgruppen"@da ; dct:date "2024-03-01"^^xsd:date .
id:kilde-afsnit a sk:SourceSection ; dct:isPartOf id:kilde ; sk:section "Arbejdsgruppen" .
"""

#: Names that must stay text everywhere.
HOSTILE = """
id:ondt a sk:WorkingGroup ; skos:prefLabel "<img src=x onerror=alert(1)>"@da ; sk:sector sk:SectorMunicipal .
id:script a org:OrganizationalUnit ; skos:prefLabel "</script><script>alert(2)</script> æøå"@da ;
    sk:sector sk:SectorMunicipal ; org:unitOf id:kommune .
id:kommune a sk:Municipality ; skos:prefLabel "Kommune med href=\\"http://evil.example\\""@da ;
    sk:sector sk:SectorMunicipal .
id:ondt org:reportsTo id:forum .
id:forum a sk:Committee ; skos:prefLabel "Udvalg \\\\N \\\\G"@da .
id:plads a sk:Seat ; skos:prefLabel "<b>fed</b>"@da ; org:postIn id:ondt ; sk:occupancy sk:Vacant .
"""


def ns(local: str) -> str:
    return f"https://w3id.org/samarbejdskort/id/{local}"


@pytest.fixture(scope="session")
def structure() -> Model:
    return tiny(STRUCTURE)


@pytest.fixture(scope="session")
def hostile() -> Model:
    return tiny(HOSTILE)


@pytest.fixture()
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def offline_page(browser: object, attempts: list[str]):  # type: ignore[no-untyped-def]
    """A new page whose every request outside file:// and 127.0.0.1 is aborted and recorded."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]

    def guard(route):  # type: ignore[no-untyped-def]
        url = route.request.url
        if url.startswith(("file://", "data:", "blob:", "http://127.0.0.1", "about:")):
            route.continue_()
        else:
            attempts.append(url)
            route.abort()

    page.route("**/*", guard)
    return page


__all__ = ["CHROMIUM_ARGS", "HOSTILE", "STRUCTURE", "ns", "offline_page", "os"]

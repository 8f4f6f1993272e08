"""Shared test helpers for the store and edit tests: a small data set, stores, an Oxigraph server."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from benchmarks.bench_support import free_port, oxigraph_binary
from tests.conftest import PREFIXES

ID = "https://w3id.org/samarbejdskort/id/"
SEAT = ID + "test/gruppe/plads/praksiskonsulent"
CHAIR = ID + "test/gruppe/plads/formand"
GROUP = ID + "test/gruppe"
PERSON = ID + "test/person/kirsten"
PERSON_EMAIL = "kirsten.kontakt@example.org"
PERSON_PHONE = "+4500000001"
MEMBERSHIP = ID + "test/gruppe/medlem/kommune"

# A forum with a vacant seat, a chair whose holder the source does not name, a person with personal
# contact data (the comment quotes the number, as real data does), and two bodies both called "Test".
SMALL_TTL = (
    PREFIXES
    + """
@base <https://w3id.org/samarbejdskort/id/> .
<kilde/test> a sk:SourceDocument ; dct:title "Testkilde"@da , "Test source"@en ; sk:dateText "test" .
<kilde/test/afsnit> a sk:SourceSection ; sk:section "Afsnit"@da ; dct:isPartOf <kilde/test> .

<test/region> a sk:Region ; skos:prefLabel "Testregionen"@da , "The Test Region"@en ; skos:altLabel "Test"@da ;
    sk:sector sk:SectorRegion ; prov:wasDerivedFrom <kilde/test/afsnit> .
<test/kommune> a sk:Municipality ; skos:prefLabel "Testkommune"@da , "Test Municipality"@en ; skos:altLabel "Test"@da ;
    sk:sector sk:SectorMunicipal ; prov:wasDerivedFrom <kilde/test/afsnit> .
<test/praksis> a sk:GeneralPractice ; skos:prefLabel "Testpraksis"@da , "Test practice"@en ;
    sk:sector sk:SectorGeneralPractice ; prov:wasDerivedFrom <kilde/test/afsnit> .

<test/gruppe> a sk:ImplementationGroup ; skos:prefLabel "Testgruppen"@da , "The test group"@en ;
    sk:status sk:Active ; sk:validFrom "2024-01-01"^^xsd:date ; sk:secretariatIn <test/kommune> ;
    org:subOrganizationOf <test/region> ; prov:wasDerivedFrom <kilde/test/afsnit> .
<test/gruppe/medlem/kommune> a org:Membership ; org:member <test/kommune> ; org:organization <test/gruppe> ;
    prov:wasDerivedFrom <kilde/test/afsnit> .
<test/gruppe/plads/formand> a sk:Seat ; skos:prefLabel "Formand for testgruppen"@da , "Chair of the test group"@en ;
    org:postIn <test/gruppe> ; org:role sk:ChairRole ; sk:onBehalfOf <test/kommune> ;
    sk:occupancy sk:HolderNotStated ; prov:wasDerivedFrom <kilde/test/afsnit> .
<test/gruppe/plads/praksiskonsulent> a sk:Seat ;
    skos:prefLabel "Praksiskonsulent i testgruppen"@da , "Practice consultant in the test group"@en ;
    org:postIn <test/gruppe> ; org:role sk:MemberRole ; sk:onBehalfOf <test/praksis> ;
    sk:seatsMin 1 ; sk:seatsMax 1 ; sk:occupancy sk:Vacant ; prov:wasDerivedFrom <kilde/test/afsnit> .

<test/person/kirsten> a foaf:Person ; foaf:name "Kirsten Kontakt" ; sk:contactPoint <test/person/kirsten/kontakt> ;
    prov:wasDerivedFrom <kilde/test/afsnit> .
<test/person/kirsten/kontakt> a sk:ContactPoint ; skos:prefLabel "Kontaktoplysninger, Kirsten Kontakt"@da ;
    vcard:hasEmail <mailto:kirsten.kontakt@example.org> ; vcard:hasTelephone <tel:+4500000001> ;
    sk:functional false ; rdfs:comment "Telefon +4500000001 ifølge forsiden."@da ;
    prov:wasDerivedFrom <kilde/test/afsnit> .
<test/emne> a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "Sparring"@da , "Sparring"@en .
"""
)


def small_data(folder: Path) -> Path:
    """Write the small data set into ``folder`` and return the file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "small.ttl"
    path.write_text(SMALL_TTL, encoding="utf-8")
    return path


@contextmanager
def oxigraph_server(location: Path, timeout_s: float = 20.0) -> Iterator[str]:
    """A real ``oxigraph serve`` on a free local port; yields its query URL and stops it afterwards."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.fail("the 'oxigraph' server binary is missing: it comes with the test extra (pip install -e '.[test]')")
    port = free_port()
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited: {proc.stderr.read().decode()[-500:]}")  # type: ignore[union-attr]
            try:
                if httpx.get(url + "/query", params={"query": "ASK {}"}, timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"oxigraph serve did not answer within {timeout_s} s")
            time.sleep(0.05)
        yield url + "/query"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        if proc.stderr is not None:
            proc.stderr.close()

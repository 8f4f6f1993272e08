"""Third-party ORG data: post holders keep the names their data gives them (foaf, vCard, rdfs)."""

from __future__ import annotations

from graph.describe import describe
from tests.cli.support import run
from tests.conftest import PREFIXES, tiny

EX = "http://example.org/"
TTL = """
ex:ref a org:Organization ; skos:prefLabel "Referat IV C"@de ; org:hasPost ex:lead , ex:dep , ex:sec .
ex:lead a org:Post ; rdfs:label "Referatsleitung" .
ex:dep a org:Post ; rdfs:label "Stellvertretung" .
ex:sec a org:Post ; rdfs:label "Sekretariat" .
ex:p a foaf:Person ; vcard:family-name "Wehrhahn" ; org:holds ex:lead .
ex:q a vcard:Individual ; vcard:given-name "Anna" ; vcard:family-name "Berg" ; org:holds ex:dep .
ex:r a foaf:Person ; foaf:givenName "Jens" ; foaf:familyName "Holm" ; org:holds ex:sec .
"""


def test_a_holder_named_only_by_parts_of_a_name_keeps_that_name() -> None:
    d = describe(tiny(TTL), EX + "ref")
    holders = {s["label"]: [h["label"] for h in s["holders"]] for s in d["seats"]}
    assert holders == {"Referatsleitung": ["Wehrhahn"], "Stellvertretung": ["Anna Berg"], "Sekretariat": ["Jens Holm"]}


def test_cli_show_lists_the_post_holders(tmp_path) -> None:
    f = tmp_path / "fremd.ttl"
    f.write_text(PREFIXES + TTL, encoding="utf-8")
    out = run("show", "Referat IV C", "--data", str(f)).stdout
    assert "Wehrhahn" in out and "Anna Berg" in out and "Jens Holm" in out

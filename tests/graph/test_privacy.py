"""The public view hides persons' names, IRIs and own contact data, and nothing else."""

from __future__ import annotations

import json

from graph.contacts import contact
from graph.describe import describe
from graph.privacy import HIDDEN_LABEL, public_model
from tests.conftest import tiny

GRAPH = """
ex:forum a sk:ImplementationGroup ; skos:prefLabel "Gruppen"@da .
ex:seat a sk:Seat ; skos:prefLabel "Sekretær"@da ; org:postIn ex:forum ; org:role sk:SecretaryRole ;
    org:heldBy ex:anna ; sk:occupancy sk:Held ; sk:handlesTopic ex:dagsorden .
ex:anna a foaf:Person ; foaf:name "Anna Ærø Østergaard" ; skos:prefLabel "Anna Ærø Østergaard"@da ;
    sk:contactPoint ex:anna-cp .
ex:anna-cp a sk:ContactPoint ; sk:functional false ; vcard:hasEmail <mailto:anna@example.invalid> ;
    vcard:hasTelephone <tel:+4512345678> ; rdfs:comment "Annas telefon 12345678"@da .
ex:mailbox a sk:ContactPoint ; sk:functional true ; skos:prefLabel "Gruppens postkasse"@da ;
    vcard:hasEmail <mailto:gruppen@example.invalid> .
ex:forum sk:contactPoint ex:mailbox .
ex:dagsorden a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "dagsorden"@da .
"""


def _dump(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)


def test_public_view_has_no_name_iri_email_or_phone_of_a_person() -> None:
    public = public_model(tiny(GRAPH))
    text = public.rdf.serialize(format="nt")
    for secret in ("Anna", "anna", "12345678", "example.org/anna"):
        assert secret not in text


def test_public_view_keeps_roles_seats_and_functional_contact_points() -> None:
    full = tiny(GRAPH)
    public = public_model(full)
    forum = describe(public, "http://example.org/forum")
    seat = forum["seats"][0]
    assert seat["label"] == "Sekretær" and seat["occupancy"] == "held"
    assert seat["holders"][0]["label"] == HIDDEN_LABEL["da"]
    assert forum["contact_points"][0]["email"] == ["gruppen@example.invalid"]


def test_search_and_answers_for_the_public_never_name_the_person() -> None:
    public = public_model(tiny(GRAPH))
    assert public.index.search("Anna") == []
    answer = contact(public, "dagsorden").as_json()
    assert "Anna" not in _dump(answer) and "12345678" not in _dump(answer)


def test_the_full_model_still_names_the_person_for_signed_in_users() -> None:
    full = tiny(GRAPH)
    assert full.resolve("Anna Ærø Østergaard") == "http://example.org/anna"
    cp = describe(full, "http://example.org/anna", include_personal=True)["contact_points"][0]
    assert cp["email"] == ["anna@example.invalid"]


def test_public_view_is_built_once_per_model() -> None:
    full = tiny(GRAPH)
    assert public_model(full) is public_model(full)


def test_bundled_contact_person_is_hidden_from_the_public(bundled) -> None:
    public = public_model(bundled)
    text = public.rdf.serialize(format="nt")
    assert "Louise" not in text and "51328216" not in text and "lmjo" not in text

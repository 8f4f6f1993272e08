"""The public view of a model: no person's name, IRI, e-mail or phone.

Anonymous users see roles, functional contact points and channels; persons' names and
their own contact data are for signed-in users only. Rather than filtering every answer,
the public view is a second model built once per data version in which every person and
every personal contact point has an opaque IRI and a neutral label. Every question, page,
diagram, export and SPARQL answer built on it is therefore safe by construction.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from graph.cache import memo
from graph.model import Model, model_from_graph
from ontology.namespace import DCTERMS, FOAF, ID, RDFS, SK, SKOS, VCARD

__all__ = ["HIDDEN_LABEL", "hidden_entities", "public_graph", "public_model"]

HIDDEN_LABEL = {"da": "Person (navn vises kun for indloggede)", "en": "Person (name shown to signed-in users)"}
HIDDEN_CONTACT = {
    "da": "Personlige kontaktoplysninger (kun for indloggede)",
    "en": "Personal contact details (signed-in users only)",
}
# What names or reaches a person; everything else about them (type, holds, source) stays.
_PERSONAL_PREDICATES = frozenset(
    {
        SKOS.prefLabel,
        SKOS.altLabel,
        SKOS.hiddenLabel,
        RDFS.label,
        RDFS.comment,
        FOAF.name,
        FOAF.givenName,
        FOAF.familyName,
        FOAF.firstName,
        FOAF.lastName,
        FOAF.mbox,
        FOAF.mbox_sha1sum,
        FOAF.phone,
        FOAF.homepage,
        VCARD.fn,
        VCARD["given-name"],
        VCARD["family-name"],
        VCARD["honorific-prefix"],
        VCARD.hasEmail,
        VCARD.email,
        VCARD.hasTelephone,
        VCARD.tel,
        VCARD.hasURL,
        VCARD.nickname,
        DCTERMS.title,
    }
)
_SALT = secrets.token_hex(16)  # per process: opaque IRIs cannot be reversed by guessing name slugs


def hidden_entities(model: Model) -> set[str]:
    """Persons (stated or implied by org:holds) and contact points marked non-functional."""
    hidden = {nid for nid, kind in model.nx.nodes(data="kind") if kind == "person"}
    for s in model.rdf.subjects(SK.functional, Literal(False)):
        hidden.add(str(s))
    for nid in list(hidden):  # a person's own contact points are personal too
        for _, cp, k in model.nx.out_edges(nid, keys=True):
            if k == "contact_point":
                hidden.add(cp)
    return hidden


def public_graph(model: Model) -> Graph:
    """The model's triples with hidden entities made opaque and their names and contact data dropped."""
    hidden = {URIRef(h) for h in hidden_entities(model)}
    out = Graph()
    out.addN((s, p, o, out) for s, p, o in _rewrite(model.rdf, hidden))
    for h in hidden:
        labels = HIDDEN_LABEL if str(h) in model.nx and model.nx.nodes[str(h)]["kind"] == "person" else HIDDEN_CONTACT
        for lang, text in labels.items():
            out.add((_opaque(h), SKOS.prefLabel, Literal(text, lang=lang)))
    return out


def public_model(model: Model) -> Model:
    """The public view, built once per model version and reused by every anonymous request."""
    return memo(model, "public-view", lambda: _build_public(model))


def _build_public(model: Model) -> Model:
    if not hidden_entities(model):
        return model
    return model_from_graph(public_graph(model), files=model.files, version=model.version)


def _rewrite(g: Graph, hidden: set[URIRef]) -> Iterator[tuple[Node, Node, Node]]:
    for s, p, o in g:
        if s in hidden:
            if p in _PERSONAL_PREDICATES:
                continue
            s = _opaque(s)  # type: ignore[arg-type]
        if o in hidden:
            o = _opaque(o)  # type: ignore[arg-type]
        yield s, p, o


def _opaque(iri: URIRef) -> URIRef:
    digest = hashlib.sha256((_SALT + str(iri)).encode("utf-8")).hexdigest()[:16]
    return ID[f"skjult/{digest}"]

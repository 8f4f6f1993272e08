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

from rdflib import Graph, Literal, URIRef

from graph.cache import memo
from graph.facts import Blank, Facts, Lit
from graph.model import Model, model_from_facts
from ontology.namespace import DCTERMS, FOAF, ID, RDFS, SK, SKOS, VCARD

__all__ = ["HIDDEN_LABEL", "hidden_entities", "public_facts", "public_graph", "public_model"]

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
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_SALT = secrets.token_hex(16)  # per process: opaque IRIs cannot be reversed by guessing name slugs


def hidden_entities(model: Model) -> set[str]:
    """Persons (stated or implied by org:holds) and contact points marked non-functional."""
    hidden = {nid for nid, kind in model.nx.nodes(data="kind") if kind == "person"}
    for s in model.facts.subjects(SK.functional, Literal(False)):
        hidden.add(str(s))
    for nid in list(hidden):  # a person's own contact points are personal too
        for _, cp, k in model.nx.out_edges(nid, keys=True):
            if k == "contact_point":
                hidden.add(cp)
    return hidden


def public_facts(model: Model) -> Facts:
    """The model's triples with hidden entities made opaque and their names and contact data dropped.

    Built on the compact index (``graph.facts``), never on ``model.rdf``: at national scale an rdflib graph
    of the data holds ~170 MB, and the server would otherwise keep two (the full and the public one).
    """
    hidden = hidden_entities(model)
    opaque = {h: str(_opaque(URIRef(h))) for h in hidden}
    personal = {str(p) for p in _PERSONAL_PREDICATES}
    out = Facts()
    for s, p, o in model.triple_index():
        if s in opaque and not isinstance(s, Blank):
            if p in personal:
                continue
            s = opaque[s]
        if type(o) is str and o in opaque:
            o = opaque[o]
        out.add(s, p, o)
    label = str(SKOS.prefLabel)
    for h, iri in opaque.items():
        labels = HIDDEN_LABEL if h in model.nx and model.nx.nodes[h]["kind"] == "person" else HIDDEN_CONTACT
        for lang, text in labels.items():
            out.add(iri, label, Lit(text, lang, _LANG_STRING))
    return out


def public_graph(model: Model) -> Graph:
    """``public_facts`` as an rdflib graph (for callers that need one; the server does not)."""
    return public_facts(model).to_rdflib_graph()


def public_model(model: Model) -> Model:
    """The public view, built once per model version and reused by every anonymous request."""
    return memo(model, "public-view", lambda: _build_public(model))


def _build_public(model: Model) -> Model:
    if not hidden_entities(model):
        return model
    return model_from_facts(public_facts(model), files=model.files, version=model.version)


def _opaque(iri: URIRef) -> URIRef:
    digest = hashlib.sha256((_SALT + str(iri)).encode("utf-8")).hexdigest()[:16]
    return ID[f"skjult/{digest}"]

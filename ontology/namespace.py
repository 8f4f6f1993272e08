"""Typo-proof rdflib IRIs for the samarbejdskort vocabulary and the namespaces it reuses.

The terms are spelt once, as plain strings, in ``ontology.iris`` (what the question path uses, without
rdflib); this module builds the rdflib namespaces from them for code that works on rdflib graphs. A
misspelt term raises at import time instead of silently matching nothing (rdflib's ``DefinedNamespace``).
The term list mirrors ``samarbejdskort.ttl``; a test keeps the two in step.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    XSD,
    DefinedNamespace,
    DefinedNamespaceMeta,
)

from ontology import iris

__all__ = ["DCTERMS", "FOAF", "ID", "ORG", "OWL", "PROV", "RDF", "RDFS", "SH", "SK", "SKOS", "VCARD", "XSD"]

#: The samarbejdskort vocabulary (``ontology/samarbejdskort.ttl``): the terms of ``iris.SK``, as a closed namespace.
SK = DefinedNamespaceMeta(
    "SK",
    (DefinedNamespace,),
    {
        "__module__": __name__,
        "__doc__": "The samarbejdskort vocabulary (``ontology/samarbejdskort.ttl``).",
        "__annotations__": dict.fromkeys(iris.SK.__annotations__, URIRef),
        "_NS": Namespace(iris.SK.NS),
        "_fail": True,
    },
)

ID = Namespace(iris.ID)
VCARD = Namespace(iris.VCARD.NS)
SH = Namespace(iris.SH)

#: Prefixes for Turtle/TriG written by the exports and the store: the spellings used in data/ and ontology/.
PREFIXES: dict[str, str] = {
    "sk": str(SK),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "vcard": str(VCARD),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "id": str(ID),
}

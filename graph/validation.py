"""Check a collaboration graph against the project's SHACL rules (``ontology/shapes.ttl``).

Violations mark malformed data; warnings mark governance gaps the source documents imply (a forum without
a chair, a vacant seat). Every finding names its rule, its focus node with a readable label, and the seed
documents the focus node was taken from, so a reader can go back to the source.

Everything is read from pyshacl's results graph, never from its English text report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal as TypingLiteral

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from graph.cycles import Cycle, find_cycles
from ontology.files import SHAPES, read_text, schema_graph
from ontology.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SH, SK, SKOS, XSD

__all__ = ["Finding", "Severity", "ValidationReport", "validate"]

Severity = TypingLiteral["violation", "warning", "info"]

_SEVERITIES: dict[Node, Severity] = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
_SEVERITY_RANK: dict[Severity, int] = {"violation": 0, "warning": 1, "info": 2}

# Prefixes for rendering result paths; the same spellings as in the Turtle files.
_PREFIXES: tuple[tuple[str, str], ...] = (
    ("sk", str(SK)),
    ("org", str(ORG)),
    ("prov", str(PROV)),
    ("dct", str(DCTERMS)),
    ("skos", str(SKOS)),
    ("foaf", str(FOAF)),
    ("rdfs", str(RDFS)),
    ("rdf", str(RDF)),
    ("owl", str(OWL)),
    ("xsd", str(XSD)),
)

# The Danish alphabet ends z, æ, ø, å; Unicode orders them å < æ < ø. Mapping them to the three code points
# after "z" sorts labels the way a Danish reader expects.
_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


@dataclass(frozen=True)
class Finding:
    """One SHACL result, in terms a reader (and the API's JSON twin) can use directly.

    ``path`` is the SHACL result path in SPARQL property-path syntax with the project's prefixes
    (``sk:validFrom``, ``^org:postIn``); rules about the node as a whole have none. ``value`` is the
    offending value, if the rule names one. ``sources`` are the seed file names (or document titles)
    the focus node was derived from.
    """

    severity: Severity
    rule: str
    message_da: str
    message_en: str
    focus: str
    focus_label: str
    path: str | None
    value: str | None
    sources: tuple[str, ...]

    def message(self, lang: str = "da") -> str:
        """The message in ``lang`` ("da" or "en"); Danish for anything else but English."""
        return self.message_en if lang.lower().startswith("en") else self.message_da

    def as_json(self, lang: str = "da") -> dict[str, object]:
        """The finding as the CLI's ``--json`` and the API return it (``id`` and ``label`` first)."""
        return {
            "id": self.focus,
            "label": self.focus_label,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message(lang),
            "path": self.path,
            "value": self.value,
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class ValidationReport:
    """All findings, violations first, then by focus label."""

    findings: tuple[Finding, ...]

    def as_json(self, lang: str = "da") -> dict[str, object]:
        return {
            "conforms": self.conforms,
            "violations": [f.as_json(lang) for f in self.violations],
            "warnings": [f.as_json(lang) for f in self.warnings],
        }

    @property
    def violations(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "violation")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def conforms(self) -> bool:
        """True when nothing is malformed; warnings do not count."""
        return not self.violations


@dataclass(frozen=True)
class _Rules:
    """The parsed shapes and vocabulary, loaded once per process and never handed to pyshacl directly."""

    shapes: Graph
    vocabulary: Graph
    rule_ids: dict[Node, str]


def validate(data: Graph, *, focus_nodes: Iterable[Node] | None = None) -> ValidationReport:
    """Validate ``data`` against the project's shapes and return every finding.

    The vocabulary is mixed in (no inference) so that ``sh:class`` and ``sh:targetClass`` see our
    subclasses and a third party's own subclasses of ``org:Organization``. ``data`` itself is not changed.
    ``focus_nodes`` (IRIs) limits validation to those nodes, e.g. the ones touched by an edit; an empty
    iterable validates nothing.
    """
    if not isinstance(data, Graph):
        # pyshacl would read a str as a file path or URL.
        raise TypeError(f"data must be an rdflib.Graph, not {type(data).__name__}")
    focus: list[URIRef] | None = None
    if focus_nodes is not None:
        requested = list(focus_nodes)
        if not requested:
            return ValidationReport(findings=())
        focus = [n for n in requested if isinstance(n, URIRef)]
        if len(focus) < len(requested):
            # pyshacl would silently turn a blank node or literal into an IRI that matches nothing.
            raise ValueError(f"focus_nodes must be IRIs (rdflib.URIRef), got {requested!r}")
    rules = _load_rules()
    import pyshacl  # ~0.4 s and ~8 MB: only a validation or an edit pays for it

    _, results, _ = pyshacl.validate(
        data,
        # Fresh copies: a shapes graph shared between concurrent runs breaks (RDFLib/pySHACL#314).
        shacl_graph=_copy(rules.shapes),
        ont_graph=_copy(rules.vocabulary),
        inference="none",
        advanced=False,
        allow_warnings=True,
        allow_infos=True,
        focus_nodes=None if focus is None else [*focus],  # pyshacl declares list[str | URIRef] (invariant)
    )
    findings = {_finding(results, r, data, rules) for r in results.subjects(RDF.type, SH.ValidationResult)}
    findings.update(_cycle_finding(c, data) for c in find_cycles(data, focus))
    return ValidationReport(findings=tuple(sorted(findings, key=_sort_key)))


@lru_cache(maxsize=1)
def _load_rules() -> _Rules:
    """Parse the shapes once; parsing costs more than validating a small graph.

    The vocabulary is ``ontology.files.schema_graph()``: our classes, W3C ORG and the alignments of
    third-party vocabularies (UK organograms, Berlin), i.e. every rdfs:subClassOf sh:class relies on.
    """
    shapes = Graph().parse(data=read_text(SHAPES), format="turtle")
    rule_ids = {shape: str(name) for shape, name in shapes.subject_objects(SH.name)}
    return _Rules(shapes=shapes, vocabulary=schema_graph(), rule_ids=rule_ids)


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace)
    copy += graph
    return copy


def _finding(results: Graph, result: Node, data: Graph, rules: _Rules) -> Finding:
    focus = results.value(result, SH.focusNode)
    shape = results.value(result, SH.sourceShape)
    path_node = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    if value == focus and path_node is None:
        value = None  # a node-level rule reports the focus node itself as the value
    messages = list(results.objects(result, SH.resultMessage))
    return Finding(
        severity=_severity(results.value(result, SH.resultSeverity)),
        rule=_rule_id(shape, rules),
        message_da=_pick_message(messages, "da"),
        message_en=_pick_message(messages, "en"),
        focus=_term_text(focus),
        focus_label=_label(data, focus),
        path=_render_path(results, path_node) if path_node is not None else None,
        value=_term_text(value) if value is not None else None,
        sources=_sources(data, focus),
    )


_CYCLE_WORDS = {
    "part_of": ("er del af sig selv", "is part of itself"),
    "member_of": ("er medlem af sig selv", "is a member of itself"),
    "reports_to": ("rapporterer til sig selv", "reports to itself"),
}


def _cycle_finding(cycle: Cycle, data: Graph) -> Finding:
    """A cycle as a finding on its first member, naming every member (the loop is shown closed)."""
    names = [_label(data, m) for m in cycle.members]
    ring = " → ".join([*names, names[0]])
    da, en = _CYCLE_WORDS[cycle.relation]
    via_da = "" if len(names) == 1 else " gennem en ring"
    via_en = "" if len(names) == 1 else " through a ring"
    first = cycle.members[0]
    return Finding(
        severity="violation" if cycle.violation else "warning",
        rule=cycle.rule,
        message_da=f"{names[0]} {da}{via_da}: {ring}",
        message_en=f"{names[0]} {en}{via_en}: {ring}",
        focus=_term_text(first),
        focus_label=names[0],
        path=None,
        value=None,
        sources=_sources(data, first),
    )


def _severity(node: Node | None) -> Severity:
    return _SEVERITIES.get(node, "violation") if node is not None else "violation"


def _rule_id(shape: Node | None, rules: _Rules) -> str:
    """The shape's sh:name, or that of the node shape it belongs to; the shape itself as a last resort."""
    if shape is None:
        return "unknown"
    if shape in rules.rule_ids:
        return rules.rule_ids[shape]
    for parent in rules.shapes.subjects(SH.property, shape):
        if parent in rules.rule_ids:
            return rules.rule_ids[parent]
    return _term_text(shape)


def _pick_message(messages: list[Node], lang: str) -> str:
    """The message tagged ``lang``, else an untagged one (pyshacl's own), else any."""
    literals = [m for m in messages if isinstance(m, Literal)]
    for wanted in (lang, None):
        for m in literals:
            if m.language == wanted:
                return str(m)
    return str(literals[0]) if literals else ""


def _label(graph: Graph, node: Node | None) -> str:
    """skos:prefLabel@da, then rdfs:label, then any skos:prefLabel, then the IRI's local name."""
    if node is None:
        return ""
    pref = [o for o in graph.objects(node, SKOS.prefLabel) if isinstance(o, Literal)]
    danish = sorted(str(o) for o in pref if o.language == "da")
    best = danish[:1] or _best_literal(graph.objects(node, RDFS.label)) or _best_literal(pref)
    return best[0] if best else _local_name(node)


def _best_literal(values: Iterable[Node]) -> list[str]:
    """At most one literal: Danish before untagged before English before the rest, then alphabetically."""
    rank = {"da": 0, None: 1, "en": 2}
    literals = sorted((rank.get(o.language, 3), str(o)) for o in values if isinstance(o, Literal))
    return [text for _, text in literals[:1]]


def _local_name(node: Node) -> str:
    if isinstance(node, URIRef):
        text = str(node).rstrip("/#")
        return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or str(node)
    return _term_text(node)


def _sources(graph: Graph, node: Node | None) -> tuple[str, ...]:
    """Seed file names (else titles, else URLs) of the documents ``node`` was derived from."""
    if node is None:
        return ()
    found: set[str] = set()
    for section in graph.objects(node, PROV.wasDerivedFrom):
        documents = list(graph.objects(section, DCTERMS.isPartOf)) or [section]
        for document in documents:
            found.update(_document_names(graph, document))
    for source in graph.objects(node, DCTERMS.source):
        found.update(_document_names(graph, source) or {_term_text(source)})
    return tuple(sorted(found))


def _document_names(graph: Graph, document: Node) -> set[str]:
    seeds = {str(o) for o in graph.objects(document, SK.seedFile)}
    if seeds:
        return seeds
    title = _best_literal(graph.objects(document, DCTERMS.title))
    if title:
        return set(title)
    return {_term_text(o) for o in graph.objects(document, DCTERMS.source)}


def _render_path(graph: Graph, path: Node) -> str:
    """A SHACL path node as SPARQL property-path text: ``sk:validFrom``, ``^org:postIn``, ``(a|b)``."""
    if isinstance(path, URIRef):
        return _curie(path)
    unary = (
        (SH.inversePath, "^{}"),
        (SH.zeroOrMorePath, "{}*"),
        (SH.oneOrMorePath, "{}+"),
        (SH.zeroOrOnePath, "{}?"),
    )
    for predicate, template in unary:
        inner = graph.value(path, predicate)
        if inner is not None:
            return template.format(_render_path(graph, inner))
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_render_path(graph, p) for p in Collection(graph, alternatives)) + ")"
    if graph.value(path, RDF.first) is not None:
        return "/".join(_render_path(graph, p) for p in Collection(graph, path))
    return _term_text(path)


def _curie(iri: URIRef) -> str:
    text = str(iri)
    for prefix, namespace in _PREFIXES:
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace) :]}"
    return f"<{text}>"


def _term_text(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


def _sort_key(finding: Finding) -> tuple[int, str, str, str, str, str]:
    return (
        _SEVERITY_RANK[finding.severity],
        finding.focus_label.casefold().translate(_DANISH_ORDER),
        finding.rule,
        finding.focus,
        finding.path or "",
        finding.value or "",
    )

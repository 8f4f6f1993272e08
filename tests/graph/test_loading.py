"""Loading: every RDF syntax, every kind of bad input, nothing fetched, third-party ORG data as-is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.errors import DataFileError
from graph.loading import bundled_data_paths, read_graph
from graph.model import load

TURTLE = """@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://ex.org/a> a org:Organization ; skos:prefLabel "Århus Kommune"@da ;
    org:hasUnit <http://ex.org/u> .
<http://ex.org/u> a org:OrganizationalUnit ; skos:prefLabel "Pædagogisk Psykologisk Rådgivning"@da .
"""
NTRIPLES = (
    "<http://ex.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/org#Organization> .\n"
    '<http://ex.org/a> <http://www.w3.org/2004/02/skos/core#prefLabel> "Århus Kommune"@da .\n'
)
RDFXML = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:org="http://www.w3.org/ns/org#"
         xmlns:skos="http://www.w3.org/2004/02/skos/core#">
  <org:Organization rdf:about="http://ex.org/a"><skos:prefLabel xml:lang="da">Århus Kommune</skos:prefLabel>
  </org:Organization>
</rdf:RDF>
"""
JSONLD = json.dumps(
    {
        "@context": {"org": "http://www.w3.org/ns/org#", "skos": "http://www.w3.org/2004/02/skos/core#"},
        "@id": "http://ex.org/a",
        "@type": "org:Organization",
        "skos:prefLabel": {"@value": "Århus Kommune", "@language": "da"},
    }
)
TRIG = "<http://ex.org/g> { " + NTRIPLES.replace("\n", " ") + " }\n"
NQUADS = NTRIPLES.replace(" .\n", " <http://ex.org/g> .\n")


def _write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return p


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.ttl", TURTLE),
        ("a.nt", NTRIPLES),
        ("a.rdf", RDFXML),
        ("a.jsonld", JSONLD),
        ("a.trig", TRIG),
        ("a.nq", NQUADS),
    ],
)
def test_each_syntax_loads_with_danish_labels_intact(tmp_path: Path, name: str, text: str) -> None:
    model = load([_write(tmp_path, name, text)])
    assert model.label("http://ex.org/a") == "Århus Kommune"
    assert model.node("http://ex.org/a")["kind"] == "organisation"


@pytest.mark.parametrize(("name", "text"), [("data", TURTLE), ("data", RDFXML), ("data", JSONLD), ("data", NTRIPLES)])
def test_format_is_detected_from_content_when_the_extension_says_nothing(tmp_path: Path, name: str, text: str) -> None:
    assert load([_write(tmp_path, name, text)]).label("http://ex.org/a") == "Århus Kommune"


def test_a_folder_loads_every_rdf_file_in_it(tmp_path: Path) -> None:
    _write(tmp_path, "one.ttl", TURTLE)
    _write(tmp_path, "two.nt", NTRIPLES.replace("ex.org/a", "ex.org/b"))
    _write(tmp_path, "notes.txt", "not rdf")
    model = load([tmp_path])
    assert {"http://ex.org/a", "http://ex.org/b"} <= set(model.nx)


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.ttl", '@prefix a: <http://a/> .\na:b a:c a:d .\na:x a:y "unterminated .\n')
    with pytest.raises(DataFileError) as err:
        read_graph([bad])
    assert err.value.line == 3
    assert "bad.ttl" in str(err.value) and "line 3" in str(err.value)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.ttl", b"", "empty"),
        ("blank.ttl", b"  \n\n", "empty"),
        ("binary.ttl", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.ttl", '<http://a> <http://b> "Århus" .\n'.encode("latin-1"), "UTF-8"),
        ("unknown", b"just some words", "unknown format"),
    ],
)
def test_bad_files_are_refused_with_the_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    with pytest.raises(DataFileError) as err:
        read_graph([_write(tmp_path, name, content)])
    assert reason in str(err.value)
    assert name in str(err.value)


def test_wrong_encoding_names_the_line(tmp_path: Path) -> None:
    text = '<http://a> <http://b> "x" .\n<http://a> <http://b> "Århus" .\n'.encode("latin-1")
    with pytest.raises(DataFileError) as err:
        read_graph([_write(tmp_path, "l.nt", text)])
    assert err.value.line == 2


PLACES = {  # where a byte that is not UTF-8 can stand in a Turtle document
    "literal": b'a:b a:c "x\xffy" .\n',
    "long literal": b'a:b a:c """x\xffy""" .\n',
    "IRI": b'<http://a/b\xffc> a:c "x" .\n',
    "prefixed name": b'a:b\xffc a:c "x" .\n',
    "language tag": b'a:b a:c "x"@d\xffa .\n',
    "blank node": b'_:b\xffc a:c "x" .\n',
    "between terms": b'a:b \xff a:c "x" .\n',
    "comment": b'a:b a:c "x" . # \xc3( \n',
    "last comment": b"".join(b"# note %d\n" % i for i in range(80)) + b'a:b a:c "x" . # \xe2\x82\n',
}


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".n3"])
def test_a_byte_that_is_not_utf8_is_refused_wherever_it_stands(tmp_path: Path, place: str, suffix: str) -> None:
    """Only the comments are decoded before parsing: the parser refuses such a byte anywhere else, and the
    error names it as before, not as a syntax error."""
    text = b"@prefix a: <http://a/> .\na:x a:y a:z .\n" + PLACES[place]
    with pytest.raises(DataFileError, match="not UTF-8") as err:
        read_graph([_write(tmp_path, "bad" + suffix, text)])
    first_bad = next(i for i, byte in enumerate(text) if byte >= 0x80)
    assert err.value.line == text.count(b"\n", 0, first_bad) + 1


@pytest.mark.parametrize("line", [b'<http://a/b> <http://a/c> "\xff" .\n', b'<http://a/b> <http://a/c> "x" . # \xff\n'])
def test_a_byte_that_is_not_utf8_is_refused_in_n_triples(tmp_path: Path, line: bytes) -> None:
    with pytest.raises(DataFileError, match="not UTF-8") as err:
        read_graph([_write(tmp_path, "bad.nt", b'<http://a/x> <http://a/y> "x" .\n' + line)])
    assert err.value.line == 2


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no such file"):
        read_graph([tmp_path / "nowhere.ttl"])


def test_rdfxml_with_entities_is_refused_before_parsing(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n'
    )
    with pytest.raises(DataFileError, match="DOCTYPE") as err:
        read_graph([_write(tmp_path, "bomb.rdf", bomb)])
    assert err.value.line == 2


@pytest.mark.parametrize(
    "context",
    ["https://example.org/context.jsonld", "file:///etc/passwd", ["https://example.org/c.jsonld", {"a": "b"}]],
)
def test_remote_or_file_jsonld_contexts_are_never_fetched(tmp_path: Path, context: object) -> None:
    doc = json.dumps({"@context": context, "@id": "http://ex.org/a", "name": "x"})
    with pytest.raises(DataFileError, match="not fetched"):
        read_graph([_write(tmp_path, "remote.jsonld", doc)])


def test_owl_imports_are_not_followed(tmp_path: Path) -> None:
    text = (
        TURTLE + "<http://ex.org/o> a <http://www.w3.org/2002/07/owl#Ontology> ; "
        "<http://www.w3.org/2002/07/owl#imports> <http://unreachable.invalid/onto.ttl> .\n"
    )
    model = load([_write(tmp_path, "o.ttl", text)])
    assert "http://ex.org/a" in model.nx  # loaded without trying the network


def test_blank_nodes_of_two_files_stay_apart(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.ttl", '_:b1 <http://ex.org/p> "one" .\n')
    b = _write(tmp_path, "b.ttl", '_:b1 <http://ex.org/p> "two" .\n')
    g = read_graph([a, b]).graph
    assert len(set(g.subjects())) == 2


def test_plain_literals_stay_plain(tmp_path: Path) -> None:
    """Oxigraph types plain literals as xsd:string; rdflib equality needs them untyped."""
    from rdflib import Literal, URIRef

    g = read_graph([_write(tmp_path, "p.nt", '<http://a> <http://b> "x" .\n')]).graph
    assert (URIRef("http://a"), URIRef("http://b"), Literal("x")) in g


# ---------------------------------------------------------------- third-party ORG data, as-is


def test_berlin_finance_organigram(interop: Path) -> None:
    model = load([interop / "berlin" / "SenFin.ttl"])
    stats = model.stats()
    assert stats["triples"] == 1272
    assert stats["node_kinds"]["post"] == 67
    assert stats["node_kinds"]["organisation"] == 71
    # hierarchy is stated only downwards (hasSubOrganization) and still projects child → parent
    referat = model.resolve("Referat III E")
    parents = [v for _, v, k in model.nx.out_edges(referat, keys=True) if k == "part_of"]
    assert [model.label(p) for p in parents] == ["Abteilung III"]


def test_berlin_local_subclasses_of_organization_are_organisations(interop: Path) -> None:
    model = load([interop / "berlin" / "SenFin.ttl"])
    project = "https://berlin.github.io/lod-organigram/organisation-1f7f04f3af"
    assert model.node(project)["kind"] == "organisation"


def test_berlin_posts_without_labels_are_named_by_role(interop: Path) -> None:
    model = load([interop / "berlin" / "SenWGP.ttl"])
    posts = [d for _, d in model.nx.nodes(data=True) if d["kind"] == "post"]
    assert len(posts) == 34
    assert all(d["label"] and not d["label"].startswith("http") for d in posts)


def test_berlin_core_organigram_units(interop: Path) -> None:
    model = load([interop / "berlin" / "berlin_core_orgs.ttl"])
    assert model.stats()["node_kinds"] == {"organisation": 30, "unit": 50}
    assert model.stats()["edge_kinds"] == {"part_of": 50}


def test_uk_organogram_posts_typed_through_subclasses(interop: Path) -> None:
    model = load([interop / "uk-hefce" / "HEFCE_organogram_31032011.rdf"])
    kinds = model.stats()["node_kinds"]
    assert kinds["post"] == 4 and kinds["unit"] == 4 and kinds["person"] == 5
    assert model.stats()["edge_kinds"]["reports_to"] >= 3


def test_several_files_load_together(interop: Path) -> None:
    model = load([interop / "berlin" / "SenFin.ttl", interop / "berlin" / "SenWGP.ttl"])
    assert model.stats()["triples"] == 1745  # 1272 + 476, less 3 triples both files state
    assert len(model.files) == 2


def test_no_reader_claims_a_bundled_file() -> None:
    """The bundled files are our own Turtle: ``reader_for`` answers None for each, by suffix alone."""
    from graph.importing import reader_for

    assert [p for p in bundled_data_paths() if reader_for(p) is not None] == []


def test_a_turtle_only_load_imports_no_reader(tmp_path: Path) -> None:
    """The bundled data and any other Turtle files skip the non-RDF readers alike: no reader module is
    imported for them (a question's cold start pays for none), and a truly unknown file is still refused
    with the same words."""
    import subprocess
    import sys

    unknown = _write(tmp_path, "notes.xyz", "just some words")
    program = (
        "import sys; from graph.model import load; from graph.errors import DataFileError\n"
        f"load(); load([{str(_write(tmp_path, 'a.ttl', TURTLE))!r}])\n"
        "print(sorted(m for m in ('graph.hsds', 'graph.popolo_reader') if m in sys.modules))\n"
        f"try: load([{str(unknown)!r}])\n"
        "except DataFileError as exc: print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[0] == "[]"
    assert "unknown format: use a known extension" in out.splitlines()[1]

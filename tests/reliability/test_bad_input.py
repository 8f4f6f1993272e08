"""A corpus of bad input, each refused by the CLI with a clear message naming the file (and line), exit 2, and
no traceback; input limits name the limit; what is not loaded is said; cyclic data loads and ``validate``
names the cycles.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from tests.cli.support import run
from tests.reliability.cyclic import CYCLIC_TTL

PREFIX = "@prefix ex: <http://example.org/> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
CORPUS: dict[str, tuple[bytes, str]] = {
    "broken.ttl": (PREFIX.encode() + b'ex:a skos:prefLabel "uafsluttet .\n', "line"),
    "broken.trig": (PREFIX.encode() + b"ex:g { ex:a ex:b ex:c . \n", "TriG syntax error"),
    "broken.jsonld": (b'{"@id": "http://example.org/a", "http://example.org/p": [1, 2,,]}', "JSON"),
    "broken.rdf": (
        b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<rdf:Description',
        "RDF/XML syntax error",
    ),
    "bomb.rdf": (
        b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n',
        "ENTITY",
    ),
    "external.rdf": (
        b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="http://e/a">'
        b"<rdf:value>&x;</rdf:value></rdf:Description></rdf:RDF>\n",
        "DOCTYPE",
    ),
    "remote.jsonld": (
        b'{"@context": "https://schema.org/", "@id": "http://example.org/a", "name": "x"}',
        "not fetched",
    ),
    "latin1.ttl": (PREFIX.encode() + 'ex:a skos:prefLabel "Århus" .\n'.encode("latin-1"), "UTF-8"),
    "empty.ttl": (b"", "empty"),
    "binary.ttl": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "binary"),
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_each_bad_file_is_refused_with_exit_2_naming_the_file(tmp_path: Path, name: str) -> None:
    content, reason = CORPUS[name]
    path = tmp_path / name
    path.write_bytes(content)
    result = run("stats", "--data", str(path), "--json")
    assert result.exit_code == 2, result.output
    error = json.loads(result.stdout)
    assert error["error"] == "bad_data" and error["file"] == str(path)
    assert reason in error["message"], error
    assert "Traceback" not in result.output
    text = run("validate", "--data", str(path))
    assert text.exit_code == 2 and name in text.output and "Traceback" not in text.output


def test_a_file_over_the_input_limit_is_refused_before_reading_naming_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "stor.ttl"
    rows = "".join(f'ex:e{i} skos:prefLabel "Enhed {i}"@da .\n' for i in range(20_000))
    big.write_text(PREFIX + rows, encoding="utf-8")
    monkeypatch.setenv("SAMARBEJDSKORT_MAX_INPUT_MB", "0.5")
    result = run("stats", "--data", str(big), "--json")
    assert result.exit_code == 2
    error = json.loads(result.stdout)
    assert error["file"] == str(big) and "input limit of 0.5 MB" in error["message"]
    assert "SAMARBEJDSKORT_MAX_INPUT_MB" in error["message"]
    monkeypatch.setenv("SAMARBEJDSKORT_MAX_INPUT_MB", "5")
    assert run("stats", "--data", str(big), "--json").exit_code == 0


def test_owl_imports_and_skipped_files_are_reported_as_warnings(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "a.ttl").write_text(
        PREFIX + "<http://example.org/o> <http://www.w3.org/2002/07/owl#imports> <http://unreachable.invalid/x.ttl> .\n"
        'ex:a a <http://www.w3.org/ns/org#Organization> ; skos:prefLabel "Aarhus"@da .\n',
        encoding="utf-8",
    )
    (folder / "noter.txt").write_text("ikke RDF", encoding="utf-8")
    (folder / "kort.csv").write_text("a,b\n", encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="graph.loading"):
        result = run("stats", "--data", str(folder), "--json")
    assert result.exit_code == 0, result.output
    warnings = [r.getMessage() for r in caplog.records if r.name == "graph.loading"]
    assert any("owl:imports <http://unreachable.invalid/x.ttl> is not followed" in w and "a.ttl" in w for w in warnings)
    skipped = [w for w in warnings if "skipped 2 file(s)" in w]
    assert skipped and "noter.txt" in skipped[0] and "kort.csv" in skipped[0] and ".git" not in skipped[0]


def test_cyclic_data_loads_and_validate_names_every_cycle(tmp_path: Path) -> None:
    path = tmp_path / "cyklisk.ttl"
    path.write_text(CYCLIC_TTL, encoding="utf-8")
    assert run("stats", "--data", str(path), "--json").exit_code == 0
    result = run("validate", "--data", str(path), "--json", "--lang", "da")
    assert result.exit_code == 1  # an organisation that is part of itself is malformed
    report = json.loads(result.stdout)
    part_of = {f["label"]: f["message"] for f in report["violations"] if f["rule"] == "SK-V-PART-OF-CYCLE"}
    assert part_of["Cyklisk Org"] == "Cyklisk Org er del af sig selv: Cyklisk Org → Cyklisk Org"
    assert part_of["Ring B"] == "Ring B er del af sig selv gennem en ring: Ring B → Ring C → Ring B"
    assert "Enhed V" in part_of and "Enhed U" in part_of
    warnings = [f["message"] for f in report["warnings"] if f["rule"] == "SK-W-REPORTING-CYCLE"]
    assert "Gruppe 1 rapporterer til sig selv gennem en ring: Gruppe 1 → Gruppe 2 → Gruppe 1" in warnings
    members = [f["label"] for f in report["warnings"] if f["rule"] == "SK-W-MEMBERSHIP-CYCLE"]
    assert members == ["Samarbejde K"]


def test_hostile_labels_load_and_come_back_as_plain_text(tmp_path: Path) -> None:
    hostile = '<script>alert(1)</script> " \\ ${x} \u202e æøå'
    path = tmp_path / "fjendtlig.ttl"
    literal = json.dumps(hostile, ensure_ascii=False)  # JSON string escapes are Turtle string escapes
    path.write_text(
        PREFIX + f"ex:a a <http://www.w3.org/ns/org#Organization> ; skos:prefLabel {literal}@da .\n",
        encoding="utf-8",
    )
    result = run("show", "http://example.org/a", "--data", str(path), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["label"] == hostile

"""``samarbejdskort render``: formats from the file name, overlays, and exit 2 on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import full_app
from tests.conftest import PREFIXES
from tests.viz.conftest import HOSTILE, STRUCTURE

app = full_app()

runner = CliRunner()


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("data") / "struktur.ttl"
    path.write_text(PREFIXES + STRUCTURE, encoding="utf-8")
    return path


def render(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["render", *args])
    return result.exit_code, result.output


@pytest.mark.parametrize("suffix", [".html", ".svg", ".pdf", ".png"])
def test_format_follows_the_file_name(data: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / "sub" / f"org{suffix}"
    code, output = render("organisation", "--data", str(data), "--date", "2025-06-01", "--out", str(out))
    assert code == 0, output
    assert out.stat().st_size > 1000 and str(out) in output
    head = out.read_bytes()[:8]
    assert {".pdf": head.startswith(b"%PDF"), ".png": head.startswith(b"\x89PNG")}.get(suffix, True)


def test_ego_network_focus_scenario_and_english(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "ego.svg"
    code, output = render(
        "ego", "--focus", "PPR Ærø", "--depth", "2", "--data", str(data), "--out", str(out), "--lang", "en"
    )
    assert code == 0, output
    assert "Neighbourhood" in out.read_text(encoding="utf-8")
    out = tmp_path / "org.html"
    args = ["organisation", "--focus", "Klyngestyregruppen for Ærøklyngen", "--scenario", "chefniveau"]
    code, output = render(*args, "--data", str(data), "--out", str(out), "--format", "html")
    assert code == 0, output
    assert "Styregruppe på chefniveau" in out.read_text(encoding="utf-8")
    code, output = render("network", "--sector", "municipal", "--data", str(data), "--out", str(tmp_path / "n.svg"))
    assert code == 0, output


def test_forum_sheet(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "ark.pdf"
    code, output = render(
        "sheet", "--focus", "Implementeringsgruppe om børn og unge, Ærøklyngen", "--data", str(data), "--out", str(out)
    )
    assert code == 0, output
    assert out.read_bytes().startswith(b"%PDF")


def test_hostile_data_renders(tmp_path: Path) -> None:
    data = tmp_path / "ondt.ttl"
    data.write_text(PREFIXES + HOSTILE, encoding="utf-8")
    out = tmp_path / "x.svg"
    assert render("organisation", "--data", str(data), "--out", str(out))[0] == 0
    assert "<img" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ["ego", "--out", "x.html"],  # ego needs --focus
        ["organisation", "--out", "x.txt"],  # no format from .txt
        ["organisation", "--focus", "findes ikke qqq", "--out", "x.svg"],
        ["organisation", "--date", "i går", "--out", "x.svg"],
        ["network", "--sector", "ukendt", "--out", "x.svg"],
        ["network", "--chain", "SSU", "--contact", "sparring", "--out", "x.svg"],
        ["network", "--from", "SSU", "--out", "x.svg"],
        ["network", "--focus", "SSU", "--out", "x.svg"],
        ["bogus", "--out", "x.svg"],
        ["sheet", "--out", "x.pdf"],  # a sheet needs --focus
        ["sheet", "--focus", "SSU", "--out", "x.html"],  # and is for print
        ["sheet", "--focus", "SSU", "--out", "x.svg"],  # on paper: PDF
        ["sheets", "--forum-kind", "Spaghetti", "--out", "x.pdf"],  # unknown filter value
        ["organisation"],  # --out is required
    ],
)
def test_bad_input_exits_2_without_a_traceback(data: Path, tmp_path: Path, args: list[str]) -> None:
    out_index = args.index("--out") + 1 if "--out" in args else None
    if out_index:
        args = [*args[:out_index], str(tmp_path / args[out_index]), *args[out_index + 1 :]]
    code, output = render(*args, "--data", str(data))
    assert code == 2, output
    assert "Traceback" not in output


def test_overlays_on_the_bundled_data(tmp_path: Path) -> None:
    out = tmp_path / "chain.html"
    code, output = render("organisation", "--chain", "Implementeringsgruppen, Randersklyngen", "--out", str(out))
    assert code == 0, output
    assert "Rapporteringskæde" in out.read_text(encoding="utf-8")
    out = tmp_path / "path.svg"
    code, output = render("network", "--path", "Randers Kommune", "BUA", "--out", str(out))
    assert code == 0, output
    out = tmp_path / "contact.svg"
    code, output = render("network", "--contact", "faglig sparring", "--from", "Randers Kommune", "--out", str(out))
    assert code == 0, output
    assert "Hvem kontakter jeg" in out.read_text(encoding="utf-8")

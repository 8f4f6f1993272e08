"""``serve --workers``: several processes only over a shared SPARQL server, never over one store folder."""

from __future__ import annotations

from pathlib import Path

from tests.cli.support import run


def test_several_workers_over_a_store_folder_are_refused_with_the_way_out(tmp_path: Path) -> None:
    result = run("serve", "--workers", "2", "--store", str(tmp_path / "store"))
    assert result.exit_code == 2
    assert "--store http://" in result.output
    assert not (tmp_path / "store").exists(), "nothing was opened or seeded"


def test_workers_must_be_at_least_one() -> None:
    assert run("serve", "--workers", "0").exit_code == 2

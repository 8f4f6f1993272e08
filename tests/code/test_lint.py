"""The code standards CI holds every change to: ruff's lint rules and formatting, and mypy on ``graph/`` (the
domain logic), with the settings in pyproject.toml. Run as tests so a clean clone fails loudly on a lapse."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("graph", "api", "viz", "ontology", "benchmarks")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_finds_nothing() -> None:
    done = _run("ruff", "check", "--no-cache", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_code_is_formatted() -> None:
    done = _run("ruff", "format", "--no-cache", "--check", *PACKAGES)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_no_type_errors_in_the_domain_logic() -> None:
    done = _run("mypy")
    assert done.returncode == 0, done.stdout + done.stderr

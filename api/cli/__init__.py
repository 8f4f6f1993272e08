"""Command-line interface: ``samarbejdskort``. Each module registers one family of commands."""

from __future__ import annotations

import importlib
import sys

from api.cli.app import app

__all__ = ["app", "main"]

_COMMAND_MODULES = (
    "api.cli.core",
    "api.cli.chains",
    "api.cli.contact",
    "api.cli.interfaces",
    "api.cli.render",
    "api.cli.export",
    "api.cli.transition",
    "api.cli.diff",
    "api.cli.serve",
    "api.cli.bench",
    "api.cli.sheets",
)


def _register() -> None:
    for name in _COMMAND_MODULES:
        importlib.import_module(name)  # a missing module is a broken install: fail loudly


def main() -> None:
    _register()
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("afbrudt/interrupted\n")
        raise SystemExit(130) from None


_register()

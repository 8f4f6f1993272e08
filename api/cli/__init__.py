"""Command-line interface: ``samarbejdskort``. Each module registers one family of commands."""

from __future__ import annotations

import importlib
import sys

from api.cli.app import app

__all__ = ["app", "main"]

_COMMAND_MODULES = (
    "api.cli.core",
    "api.cli.questions",
    "api.cli.chains",
    "api.cli.contact",
    "api.cli.render",
    "api.cli.export",
    "api.cli.serve",
    "api.cli.bench",
)


def _register() -> None:
    for name in _COMMAND_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a missing dependency inside the module is a real error
                raise


def main() -> None:
    _register()
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("afbrudt/interrupted\n")
        raise SystemExit(130) from None


_register()

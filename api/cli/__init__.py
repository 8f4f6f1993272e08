"""Command-line interface: ``samarbejdskort``. Each module registers one family of commands.

A coordinator's question should not wait for the imports of every other command (diagrams, exports,
spreadsheets, interfaces): ``main`` imports only the module of the command on the command line, and
all of them for ``--help`` or anything it does not know. ``full_app()`` gives the app with every
command (tests, embedding).

A question (``ONE_SHOT``) runs with the cyclic garbage collector off from the first import to the exit: the
process answers once and ends, and what it builds (modules, the model, the answer) is kept to the end or is
freed by reference counting, so the collections its allocations trigger (several during the imports alone)
only re-scan live objects: measured, 0.02–0.04 s of a 0.3–0.4 s answer on the bundled data. ``serve``, ``bench`` and
the commands that write files keep the collector.
"""

from __future__ import annotations

import gc
import importlib
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

__all__ = ["COMMANDS", "DANISH", "ONE_SHOT", "command_name", "full_app", "main"]

#: Each command and the module that registers it (a test checks this against the registered app). ``--help``
#: lists the commands in this order of their modules: a coordinator's questions first, the tools last.
COMMANDS = {
    "contact": "api.cli.contact",
    "gaps": "api.cli.contact",
    "topics": "api.cli.contact",
    "chain": "api.cli.chains",
    "path": "api.cli.chains",
    "validate": "api.cli.core",
    "stats": "api.cli.core",
    "show": "api.cli.core",
    "interfaces": "api.cli.interfaces",
    "transition": "api.cli.transition",
    "render": "api.cli.render",
    "export": "api.cli.export",
    "import": "api.cli.sheets",
    "diff": "api.cli.diff",
    "serve": "api.cli.serve",
    "bench": "api.cli.bench",
    "generate": "api.cli.bench",
}

#: Danish names a coordinator types for the commands (``samarbejdskort kontakt angst``): the same command.
DANISH = {
    "kontakt": "contact",
    "huller": "gaps",
    "emner": "topics",
    "kæde": "chain",
    "vej": "path",
    "tjek": "validate",
    "tal": "stats",
    "vis": "show",
    "flader": "interfaces",
    "overgang": "transition",
    "tegn": "render",
    "eksporter": "export",
    "indlæs": "import",
    "ændringer": "diff",
    "start": "serve",
}


def command_name(name: str) -> str:
    """The command a typed name stands for (a Danish name or the command's own)."""
    return DANISH.get(name, name)


#: Commands that answer one question and exit: they run without the cyclic collector (see above).
ONE_SHOT = frozenset({"contact", "gaps", "topics", "path", "chain", "show", "stats", "interfaces"})


def _register(names: set[str] | None = None) -> None:
    for module in dict.fromkeys(COMMANDS.values()):  # in the order ``--help`` lists them
        if names is None or module in names:
            importlib.import_module(module)  # a missing module is a broken install: fail loudly


def _command(argv: list[str]) -> str | None:
    """The command named on the command line (after the app's own options), if any."""
    args = iter(argv)
    for arg in args:
        if arg == "--store":
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


def main() -> None:
    typed = _command(sys.argv[1:])
    name = command_name(typed) if typed is not None else None
    if name in ONE_SHOT:
        gc.disable()  # for the life of this process: it answers once and exits (module docstring)
    from api.cli.app import app

    _register({COMMANDS[name]} if name in COMMANDS and "--help" not in sys.argv else None)
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("afbrudt/interrupted\n")
        raise SystemExit(130) from None


def full_app() -> typer.Typer:
    """The app with every command registered."""
    from api.cli.app import app

    _register()
    return app

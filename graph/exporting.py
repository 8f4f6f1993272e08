"""The export format registry: format name → writer, shared by ``samarbejdskort export`` and ``/api/export``.

A writer turns a ``Model`` into bytes. Callers choose the model: the CLI exports what it loaded, the API
exports the public view (``graph.privacy.public_model``) to anonymous callers, so no writer needs to know
who asks. Other modules add formats with ``register(ExportFormat(...))``; the modules holding the built-in
writers are listed in ``WRITER_MODULES`` and imported on first use (append yours there).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from dataclasses import dataclass

from graph.errors import InputError
from graph.model import Model

__all__ = ["WRITER_MODULES", "ExportFormat", "export", "export_format", "formats", "register"]

Writer = Callable[[Model], bytes]

# Modules whose import registers writers (each calls ``register`` at import time).
WRITER_MODULES: list[str] = ["graph.export_rdf", "graph.export_tables", "graph.popolo", "graph.sheet_write"]


@dataclass(frozen=True)
class ExportFormat:
    """One way of writing the map out.

    ``reads_back``: ``--data`` (and ``graph.loading``) can load the file again into the same map.
    ``aliases``: other names users type for it (``ttl``, ``json-ld`` …).
    """

    name: str
    media_type: str
    suffix: str
    description: dict[str, str]
    write: Writer
    reads_back: bool = False
    aliases: tuple[str, ...] = ()

    def as_json(self, lang: str = "da") -> dict[str, object]:
        return {
            "name": self.name,
            "media_type": self.media_type,
            "suffix": self.suffix,
            "description": self.description.get(lang) or self.description.get("en", ""),
            "reads_back": self.reads_back,
            "aliases": list(self.aliases),
        }


_REGISTRY: dict[str, ExportFormat] = {}
_ALIASES: dict[str, str] = {}
_LOCK = threading.Lock()
_LOADED = False


def register(fmt: ExportFormat) -> None:
    """Add (or replace) a format; its name and aliases become valid ``--format`` values."""
    with _LOCK:
        _REGISTRY[fmt.name] = fmt
        for alias in (fmt.name, *fmt.aliases):
            _ALIASES[alias.lower()] = fmt.name


def _load_builtins() -> None:
    global _LOADED
    if _LOADED:
        return
    for name in list(WRITER_MODULES):
        importlib.import_module(name)
    _LOADED = True


def formats() -> list[ExportFormat]:
    """Every registered format, by name."""
    _load_builtins()
    return [_REGISTRY[k] for k in sorted(_REGISTRY)]


def export_format(name: str) -> ExportFormat:
    """The format called ``name`` (or one of its aliases); an InputError listing the valid names otherwise."""
    _load_builtins()
    key = _ALIASES.get((name or "").strip().lower())
    if key is None:
        valid = ", ".join(sorted(_REGISTRY))
        raise InputError(f"unknown export format '{name}' (known: {valid})")
    return _REGISTRY[key]


def export(model: Model, name: str) -> bytes:
    """The model written in format ``name``."""
    return export_format(name).write(model)

"""The reader registry: files and folders that are not RDF but load with ``--data`` all the same.

``graph.loading`` asks ``reader_for(path)`` before it looks at a file's suffix; a reader turns the file (or a
folder such as an Open Referral HSDS export) into N-Triples bytes, which are then parsed and checked like any
RDF file. A reader raises ``DataFileError(name, message, line)`` naming the file and row that is wrong.
Modules add readers with ``register_reader(Reader(...))`` and are listed in ``READER_MODULES`` with the file
suffixes their readers may claim (imported on first use, and only for a folder or a file of such a suffix:
a load of Turtle files never imports them; add yours there).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

__all__ = ["READER_MODULES", "Reader", "reader_for", "readers", "register_reader"]

#: Each module that registers readers → the file suffixes (lower case) its readers may claim; none for a
#: module of folder readers only. Any other file is RDF, read by its suffix or content without asking.
READER_MODULES: dict[str, tuple[str, ...]] = {"graph.hsds": (), "graph.popolo_reader": (".json",)}


class Reader(NamedTuple):
    """One non-RDF input. ``detect`` must be cheap and never raise; ``read`` returns N-Triples (UTF-8)."""

    name: str
    detect: Callable[[Path], bool]
    read: Callable[[Path], bytes]
    description: dict[str, str]
    folder: bool = False  # a folder is read as one input (not searched for RDF files)


_READERS: dict[str, Reader] = {}
_LOCK = threading.Lock()
_LOADED = False


def register_reader(reader: Reader) -> None:
    with _LOCK:
        _READERS[reader.name] = reader


def _load_builtins() -> None:
    global _LOADED
    if _LOADED:
        return
    for name in list(READER_MODULES):
        importlib.import_module(name)
    _LOADED = True


def readers() -> list[Reader]:
    _load_builtins()
    return [_READERS[k] for k in sorted(_READERS)]


def reader_for(path: Path) -> Reader | None:
    """The reader that claims ``path`` (a file, or a folder for folder readers), or None for plain RDF: at
    once, with no reader imported, for a file whose suffix no reader module claims."""
    is_dir = path.is_dir()
    if not is_dir and not any(path.suffix.lower() in claimed for claimed in READER_MODULES.values()):
        return None
    for reader in readers():
        if reader.folder == is_dir and reader.detect(path):
            return reader
    return None

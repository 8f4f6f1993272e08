"""Library log messages that may quote user input are withheld.

rdflib logs the text it could not read: ``"<user text> does not look like a valid URI"``, or a traceback
ending in ``ValueError: invalid literal for int() with base 10: '<user text>'`` when a literal does not
match its datatype. In a server that text is whatever an anonymous caller typed (queries, names, edits),
so it must not reach the log. Their records are replaced by one fixed line naming the library and level.
"""

from __future__ import annotations

import contextlib
import logging
import sys

__all__ = ["LIBRARIES", "quiet_library_logs"]

LIBRARIES = ("rdflib", "pyshacl", "pyparsing", "oxrdflib", "owlrl")


class _Withheld(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"{record.levelname}: {record.name}: message withheld (it may quote user input)\n")


def quiet_library_logs() -> None:
    """Route the libraries' records through ``_Withheld`` only (idempotent; affects this process)."""
    for name in LIBRARIES:
        logger = logging.getLogger(name)
        if not any(isinstance(h, _Withheld) for h in logger.handlers):
            logger.addHandler(_Withheld(logging.WARNING))
        logger.propagate = False

"""What a document's bytes must be before a parser sees them, and the errors that name what is wrong.

Split from ``graph.loading`` (which reads files and fills the fact index): the input limit, the empty and binary
checks, UTF-8, JSON-LD contexts that would be fetched, RDF/XML entity declarations, and the one error a refused
parse gives. UTF-8 is checked by us only where the parser does not: Oxigraph's Turtle-family parsers refuse a
byte that is not UTF-8 anywhere but in a comment (``tests/graph/test_loading.py`` tries each place), so only the
comments of such a document are decoded up front, and the whole of it once a parse fails (to name the byte as
before); decoding all of a national file's 6 MB cost every start ~32 M instructions, its 8 comments none.
"""

from __future__ import annotations

import codecs
import os
import re

import pyoxigraph as ox

from graph.errors import DataFileError

__all__ = ["DEFAULT_MAX_INPUT_MB", "check_bytes", "max_input_bytes", "parse_error", "too_large"]

DEFAULT_MAX_INPUT_MB = 100.0
_LINE_RE = re.compile(r"line (\d+)")
_DTD_RE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_UTF8_PIECE = 1 << 16  # small enough to be reused by the allocator, not mapped afresh each time
#: Formats whose parser refuses a byte that is not UTF-8 outside a comment.
_UTF8_PARSED = (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS, ox.RdfFormat.N3)
#: More '#' than this (IRIs written out in full, as in N-Triples): one pass over all the bytes instead.
_MOST_COMMENTS = 64


def max_input_bytes() -> int:
    """The most bytes of RDF one load may read (all files together): ``SAMARBEJDSKORT_MAX_INPUT_MB``."""
    raw = os.environ.get("SAMARBEJDSKORT_MAX_INPUT_MB", "").strip()
    try:
        mb = float(raw) if raw else DEFAULT_MAX_INPUT_MB
    except ValueError:
        mb = DEFAULT_MAX_INPUT_MB
    return int(mb * 1024 * 1024)


def too_large(name: str, size: int, limit: int, what: str = "the file is") -> DataFileError:
    return DataFileError(
        name,
        f"{what} {size / 1024 / 1024:.1f} MB, over the input limit of {limit / 1024 / 1024:g} MB "
        "(set SAMARBEJDSKORT_MAX_INPUT_MB to allow more)",
    )


def check_bytes(data: bytes, fmt: ox.RdfFormat, name: str) -> None:
    """Refuse a document before parsing: too large, empty, binary, not UTF-8 (where the parser would not say),
    a JSON-LD context to fetch, an RDF/XML entity declaration."""
    limit = max_input_bytes()
    if len(data) > limit:
        raise too_large(name, len(data), limit, "the data is")
    if not data or data.isspace():
        raise DataFileError(name, "the file is empty")
    if b"\x00" in data[:8192]:
        raise DataFileError(name, "this is a binary file, not RDF text")
    if fmt in (ox.RdfFormat.JSON_LD, ox.RdfFormat.STREAMING_JSON_LD):
        _check_jsonld(_utf8_text(data, name), name)
    elif not data.isascii():
        if fmt in _UTF8_PARSED:
            _check_comments(data, name)
        else:
            _check_utf8(data, name)
    if fmt == ox.RdfFormat.RDF_XML and (dtd := _DTD_RE.search(data)):
        line = data[: dtd.start()].count(b"\n") + 1
        raise DataFileError(name, "RDF/XML with <!DOCTYPE> or <!ENTITY> is refused (entity expansion)", line)


def parse_error(data: bytes, fmt: ox.RdfFormat, name: str, exc: Exception) -> DataFileError:
    """The error for a document the parser refused (``SyntaxError``, ``ValueError``, ``OSError``). Bytes that
    are not UTF-8 come first, named as ``check_bytes`` names them: it left them to the parser."""
    if fmt in _UTF8_PARSED and not data.isascii():
        _check_utf8(data, name)
    if isinstance(exc, SyntaxError):
        return DataFileError(name, f"{fmt.name} syntax error: {exc.msg}", _line_of(exc))
    return DataFileError(name, f"cannot be parsed as {fmt.name}: {exc}", _line_of(exc))


def _check_comments(data: bytes, name: str) -> None:
    """Refuse bytes that are not UTF-8 from any '#' to the end of its line (a comment; in an IRI or a string the
    parser checks them too); many '#' lines are checked as a whole."""
    start = data.find(b"#")
    for _ in range(_MOST_COMMENTS):
        if start < 0:
            return
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        try:
            data[start:end].decode("utf-8")
        except UnicodeDecodeError:
            break  # the whole check names the first bad byte and its line
        start = data.find(b"#", end)
    _check_utf8(data, name)


def _check_utf8(data: bytes, name: str) -> None:
    """Refuse bytes that are not UTF-8, piece by piece: decoding a national file whole makes a 6 MB string for
    nothing, three times as slow."""
    decode = codecs.getincrementaldecoder("utf-8")().decode
    view = memoryview(data)
    try:
        for start in range(0, len(data), _UTF8_PIECE):
            decode(view[start : start + _UTF8_PIECE])
        decode(b"", True)
    except UnicodeDecodeError:
        _utf8_text(data, name)  # names the first bad byte and its line


def _utf8_text(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataFileError(
            name, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})", line
        ) from None


def _check_jsonld(text: str, name: str) -> None:
    """Refuse JSON-LD that would make a parser fetch a context from the network or disk."""
    import json  # only JSON-LD input needs it: its import (regexes compiled) cost every start ~5 M instructions

    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(name, f"JSON syntax error: {exc.msg}", exc.lineno) from None

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "@context":
                    for ctx in value if isinstance(value, list) else [value]:
                        if isinstance(ctx, str):
                            raise DataFileError(
                                name, f"remote JSON-LD context '{ctx}' is not fetched; inline the context"
                            )
                        walk(ctx)
                elif key == "@import":
                    raise DataFileError(name, "JSON-LD @import is not fetched; inline the context")
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(doc)


def _line_of(exc: BaseException) -> int | None:
    lineno = getattr(exc, "lineno", None)
    if isinstance(lineno, int):
        return lineno
    m = _LINE_RE.search(str(exc))
    return int(m.group(1)) if m else None

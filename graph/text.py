"""Text normalisation for matching what people type against labels.

Case- and accent-insensitive, but æ, ø and å are letters in Danish, not accented
vowels: "Rø" and "Ro" must stay different, while "Aarhus"/"Århus" and "Sonderborg"/
"Sønderborg" should still meet, so a second, ASCII-folded key is kept as well.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from graph.errors import InputError

__all__ = ["MAX_TYPED", "ascii_fold", "keys", "keys_of", "normalise", "normalise_lines", "skeleton", "typed", "words"]

#: The longest text read as a name or a question. The longest name in the data has ~130 characters and a question
#: a sentence or two; a pasted page is neither, and reading it word by word would cost a server seconds.
MAX_TYPED = 500
_KEEP = {"æ": "æ", "ø": "ø", "å": "å"}
_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_SKELETON = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


class _StripMarks(dict[int, str]):
    """Each character without its combining marks (æ/ø/å kept), computed on first use."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in _KEEP:
            out = ch
        else:
            out = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        self[code] = out
        return out


_STRIP_MARKS = _StripMarks()


_OTHER_THAN_DANISH = re.compile(r"[^\x00-\x7fæøå]")  # characters that may carry marks


def typed(text: str, what: str = "name") -> str:
    """``text`` when it is short enough to be a name or a question (``what``: "name" or "topic"), else
    InputError naming the limit (a 422 / exit 2; the text itself is not repeated)."""
    if len(text) > MAX_TYPED:
        da = {"name": "Navnet", "topic": "Emnet"}.get(what, "Teksten")
        raise InputError(
            f"{da} er for langt: {len(text)} tegn, højst {MAX_TYPED} / the {what} is too long: {len(text)} characters,"
            f" at most {MAX_TYPED}"
        )
    return text


def normalise(text: str) -> str:
    """Casefold and strip accents except on æ/ø/å; collapse white space."""
    folded = text.casefold()
    if not folded.isascii():  # ASCII and æøå have no marks to strip: only the other characters are looked at
        folded = _OTHER_THAN_DANISH.sub(_strip_marks, folded)
    return " ".join(folded.split())


def _strip_marks(m: re.Match[str]) -> str:
    return _STRIP_MARKS[ord(m.group())]


def keys(text: str) -> tuple[str, str, str]:
    """``(normalise(text), ascii_fold(text), skeleton(text))``, normalising once.

    After ``normalise`` the only letters ``_FOLD``/``_SKELETON`` change are æ, ø and å (ä, ö, ü have lost
    their marks, ß is casefolded to ss), so two ``str.replace`` chains give the same as ``translate``.
    """
    norm = normalise(text)
    if norm.isascii():
        return norm, norm, norm
    return (
        norm,
        norm.replace("æ", "ae").replace("ø", "oe").replace("å", "aa"),
        norm.replace("æ", "ae").replace("ø", "o").replace("å", "a"),
    )


#: ``normalise``'s steps on each Latin-1 character (casefold, marks off but æ/ø/å's) as a byte table (a test
#: checks it against ``normalise``); two characters become no one Latin-1 character (»µ« → »μ«, »ß« → »ss«).
_LATIN1 = bytes.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞàáâãäçèéêëìíîïñòóôõöùúûüýÿ".encode("latin-1"),
    "abcdefghijklmnopqrstuvwxyzaaaaaåæceeeeiiiiðnoooooøuuuuyþaaaaaceeeeiiiinooooouuuuyy".encode("latin-1"),
)
_LATIN1_OTHER = "µß"
_SPACES = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0"  # Latin-1's white space but " " and "\n"


def normalise_lines(texts: Sequence[str]) -> str | None:
    """``"\\n".join(normalise(t) for t in texts)`` in a few passes over all the texts (None: a text holds a
    line break).

    A name index keys 8,000 labels at national scale on its first lookup; a call per label (and ``casefold``
    on a text that is not ASCII, character by character) cost more than the work. Latin-1 text is mapped
    through a byte table of ``normalise``'s character steps (one character at a time, so the joined texts
    map as each text would); white space is collapsed text by text unless it already is. Anything else is
    normalised text by text."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return None if texts else ""
    try:
        raw = joined.encode("latin-1")
    except UnicodeEncodeError:
        raw = None
    if raw is None or any(ch in joined for ch in _LATIN1_OTHER):
        return "\n".join([normalise(t) for t in texts])
    out = raw.translate(_LATIN1).decode("latin-1")
    if "  " in out or " \n" in out or "\n " in out or out[:1] == " " or out[-1:] == " " or _spaced(out):
        out = "\n".join([" ".join(t.split()) for t in out.split("\n")])
    return out


def _spaced(latin1: str) -> bool:
    """Whether Latin-1 text holds white space other than spaces and line breaks."""
    return any(ch in latin1 for ch in _SPACES)


def keys_of(texts: Sequence[str]) -> list[tuple[str, str, str]]:
    """``[keys(t) for t in texts]``, each step done once over all the texts (``normalise_lines``)."""
    joined = normalise_lines(texts)
    if joined is None:
        return [keys(t) for t in texts]
    norms = joined.split("\n") if texts else []
    if joined.isascii():
        return [(n, n, n) for n in norms]
    folds = joined.replace("æ", "ae").replace("ø", "oe").replace("å", "aa").split("\n")
    bare = joined.replace("æ", "ae").replace("ø", "o").replace("å", "a").split("\n")
    return list(zip(norms, folds, bare, strict=True))


def ascii_fold(text: str) -> str:
    """normalise() and spell æ/ø/å as ae/oe/aa (how Danish is typed on foreign keyboards)."""
    norm = normalise(text)
    return norm if norm.isascii() else norm.translate(_FOLD)


def skeleton(text: str) -> str:
    """The loosest key: æøå written without their marks ("Sonderborg" for "Sønderborg").

    Used only as a lower-ranked match, so "Ro" still means Ro and not Rø.
    """
    norm = normalise(text)
    return norm if norm.isascii() else norm.translate(_SKELETON)


def words(text: str) -> list[str]:
    """The words of a normalised text (letters and digits; punctuation splits)."""
    return _WORD_RE.findall(text)

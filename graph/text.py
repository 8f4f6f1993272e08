"""Text normalisation for matching what people type against labels.

Case- and accent-insensitive, but æ, ø and å are letters in Danish, not accented
vowels: "Rø" and "Ro" must stay different, while "Aarhus"/"Århus" and "Sonderborg"/
"Sønderborg" should still meet, so a second, ASCII-folded key is kept as well.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["ascii_fold", "keys", "normalise", "skeleton", "words"]

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

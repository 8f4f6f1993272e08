"""Text normalisation for matching what people type against labels.

Case- and accent-insensitive, but æ, ø and å are letters in Danish, not accented
vowels: "Rø" and "Ro" must stay different, while "Aarhus"/"Århus" and "Sonderborg"/
"Sønderborg" should still meet, so a second, ASCII-folded key is kept as well.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["ascii_fold", "normalise", "skeleton", "words"]

_KEEP = {"æ": "æ", "ø": "ø", "å": "å"}
_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_SKELETON = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    """Casefold and strip accents except on æ/ø/å; collapse white space."""
    out = []
    for ch in text.casefold():
        if ch in _KEEP:
            out.append(ch)
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return " ".join("".join(out).split())


def ascii_fold(text: str) -> str:
    """normalise() and spell æ/ø/å as ae/oe/aa (how Danish is typed on foreign keyboards)."""
    return normalise(text).translate(_FOLD)


def skeleton(text: str) -> str:
    """The loosest key: æøå written without their marks ("Sonderborg" for "Sønderborg").

    Used only as a lower-ranked match, so "Ro" still means Ro and not Rø.
    """
    return normalise(text).translate(_SKELETON)


def words(text: str) -> list[str]:
    """The words of a normalised text (letters and digits; punctuation splits)."""
    return _WORD_RE.findall(text)

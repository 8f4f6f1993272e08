"""Danish and English words for the interface answers' codes (directions, strengths, missing kinds).

One table for the CLI text, the web pages and the printable matrix, so they cannot say it differently.
Any other code (a channel state, a status, a vacancy) is a vocabulary code: its word comes from ``ontology.codes``.
"""

from __future__ import annotations

from ontology import codes

__all__ = ["WORDS", "word"]

WORDS: dict[str, tuple[str, str]] = {
    # contact-person states
    "named": ("udpeget", "named"),
    # directions
    "a_to_b": ("{a} → {b}", "{a} → {b}"),
    "b_to_a": ("{b} → {a}", "{b} → {a}"),
    "both": ("begge veje", "both ways"),
    "a_asks_b": ("{a} efterspørger hos {b}", "{a} asks {b}"),
    "b_asks_a": ("{b} efterspørger hos {a}", "{b} asks {a}"),
    "both_ask": ("begge efterspørger", "both ask"),
    # strength
    "none": ("ingen", "none"),
    "weak": ("svag", "weak"),
    "medium": ("middel", "medium"),
    "strong": ("stærk", "strong"),
    # missing kinds
    "channel_requested": ("kanal efterspurgt, ikke oprettet", "channel requested, not established"),
    "channel_being_set_up": ("kanal under oprettelse", "channel being set up"),
    "channel_state_not_stated": ("kanalens tilstand ikke oplyst", "channel state not stated"),
    "contact_person_requested": ("kontaktperson efterspurgt, ikke udpeget", "contact person requested, not named"),
    "contact_person_one_way": ("kontaktperson kun efterspurgt den ene vej", "contact person asked for one way only"),
    "request_open": ("ønske ikke opfyldt", "request not met"),
    "no_channel": ("fælles forum, ingen kanal", "shared forum, no channel"),
    "nothing": ("ingen forbindelse", "no connection"),
    # headings
    "forums": ("Fælles fora", "Shared forums"),
    "channels": ("Kanaler", "Channels"),
    "contact_persons": ("Faste kontaktpersoner", "Fixed contact persons"),
    "requests": ("Ønsker", "Requests"),
    "topics": ("Fælles emner", "Shared topics"),
    "lines": ("Linjer mellem dem", "Lines between them"),
    "people": ("Samme person på begge sider", "Same person on both sides"),
    "routes": ("Hvor sagen går videre op", "Where the matter goes up"),
    "missing": ("Mangler", "Missing"),
    "strength": ("Styrke", "Strength"),
    "via": ("via", "via"),
    "sources": ("Kilder", "Sources"),
    "sector": ("sektor", "sector"),
    "organisation": ("organisation", "organisation"),
}


def word(code: str | None, lang: str, **parts: str) -> str:
    """The word for ``code`` in ``lang`` (the code itself when unknown), with {a}/{b} filled in."""
    if code is None:
        return ""
    pair = WORDS.get(code)
    if pair is None:  # a vocabulary code (a channel state, a status, a vacancy …): its word from the one table
        return codes.word(code, lang)
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**parts) if parts else text

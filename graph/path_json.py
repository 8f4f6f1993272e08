"""The JSON of a path answer: each step in words (both directions, both languages), channel warnings with
what the data says around the channel, proposed steps, vacant seats and "alike, not connected".

Sources are given once per path, as ``"sources": {id: Source}``; a step's ``"sources"`` lists the ids it
cites (a source behind several steps was repeated in full per step before, the bulk of a long path).
"""

from __future__ import annotations

from typing import Any

from graph.citing import cite
from graph.model import Model
from graph.path_graph import GROUP_OF
from graph.path_types import ChannelNote, Path, PathStep
from ontology import codes

__all__ = ["STATE_ORDER", "cite", "path_json"]

# (forward, backward) wording, each (da, en); read "from <relation> to".
_RELATION: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "member_of": (("er medlem af", "is a member of"), ("har som medlem", "has as a member")),
    "post_in": (("er en plads i", "is a post in"), ("har pladsen", "has the post")),
    "holds": (("besætter", "holds"), ("besættes af", "is held by")),
    "on_behalf_of": (("repræsenterer", "represents"), ("repræsenteres af", "is represented by")),
    "reports_to": (("refererer til", "reports to"), ("modtager rapportering fra", "receives reports from")),
    "gives_status_to": (("giver status til", "gives status to"), ("får status fra", "receives status from")),
    "raises_decisions_to": (
        ("indstiller beslutninger til", "raises decisions to"),
        ("får beslutninger indstillet fra", "receives decisions raised by"),
    ),
    "communicates_with": (("kommunikerer med", "communicates with"), ("kommunikerer med", "communicates with")),
    "channel_from": (("skriver via kanalen", "writes through the channel"), ("er en kanal fra", "is a channel from")),
    "channel_to": (("fører til", "leads to"), ("nås via kanalen", "is reached through the channel")),
    "contact_point": (
        ("har kontaktpunktet", "has the contact point"),
        ("er kontaktpunkt for", "is the contact point of"),
    ),
    "handles": (("varetager emnet", "handles the topic"), ("varetages af", "is handled by")),
    "part_of": (("er del af", "is part of"), ("omfatter", "includes")),
}
_ALIKE = {
    "channel_from": ("bruger begge kanalen", "both use the channel"),
    "channel_to": ("nås begge via kanalen", "are both reached through the channel"),
    "handles": ("varetager begge emnet", "both handle the topic"),
}


STATE_ORDER = codes.codes("state")


def _say(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def path_json(m: Model, p: Path, rank: int, lang: str) -> dict[str, Any]:
    warnings = [_channel_warning(m, note, lang) for note in p.channel_notes]
    warnings += [_alike_warning(m, x, n, y, kind, lang) for x, n, y, kind in p.alike]
    for n in p.nodes[1:-1]:
        if m.node(n).get("occupancy") == "vacant":
            text = _say((f"Pladsen «{m.label(n, lang)}» er vakant", f"The seat «{m.label(n, lang)}» is vacant"), lang)
            warnings.append({"kind": "vacant_seat", "seat": m.ref(n, lang), "message": text})
    for i, s in enumerate(p.steps, 1):
        if s.proposed:
            words = ("Trin {i} ({a} → {b}) er kun foreslået", "Step {i} ({a} → {b}) is only proposed")
            text = _say(words, lang).format(i=i, a=m.label(s.from_id, lang), b=m.label(s.to_id, lang))
            warnings.append({"kind": "proposed", "step": i, "message": text})
    table: dict[str, dict[str, Any]] = {}
    return {
        "rank": rank,
        "length": p.length,
        "cost": round(p.cost, 2),
        "nodes": [m.ref(n, lang) for n in p.nodes],
        "steps": [_step_json(m, s, lang, table) for s in p.steps],
        "warnings": warnings,
        "sources": table,
    }


def _step_json(m: Model, s: PathStep, lang: str, table: dict[str, dict[str, Any]]) -> dict[str, Any]:
    channel = next((n for n in (s.from_id, s.to_id) if m.node(n)["kind"] == "channel"), None)
    return {
        "from": m.ref(s.from_id, lang),
        "to": m.ref(s.to_id, lang),
        "kind": s.kind,
        "group": GROUP_OF[s.kind],
        "direction": "forward" if s.forward else "backward",
        "relation": _say(_RELATION[s.kind][0 if s.forward else 1], lang),
        "also": list(s.also),
        "status": s.status,
        "proposed": s.proposed,
        "scenario": s.scenario,
        "channel": _channel_ref(m, channel, lang) if channel else None,
        "sources": cite(m, s.sources, table),
    }


def _channel_ref(m: Model, ch: str, lang: str) -> dict[str, Any]:
    state = m.node(ch).get("state") or "not_stated"
    return {**m.ref(ch, lang), "state": state, "state_label": codes.label("state", state, lang)}


def _channel_warning(m: Model, note: ChannelNote, lang: str) -> dict[str, Any]:
    label = m.label(note.channel, lang)
    state = codes.label("state", note.state, lang)
    if note.state == "not_stated":
        text = _say(
            (
                f"Det står ikke i kilden, om kanalen «{label}» er åben",
                f"Whether the channel «{label}» is open is not stated in the source",
            ),
            lang,
        )
    else:
        text = _say((f"Kanalen «{label}» er ikke åben ({state})", f"The channel «{label}» is not open ({state})"), lang)
    if note.origin and note.siblings > 1:
        origin = m.label(note.origin, lang)
        counts = ", ".join(f"{codes.label('state', k, lang)}: {n}" for k, n in note.siblings_by_state)
        text += _say(
            (
                f" (blandt {note.siblings} kanaler fra {origin} – {counts})",
                f" (of {note.siblings} channels from {origin} – {counts})",
            ),
            lang,
        )
    questions = [q for qid in note.questions for q in _comment(m, qid, lang)]
    summary = text
    if questions:
        text += ". " + _say(("Åbent spørgsmål i kilden: ", "Open question in the source: "), lang) + " ".join(questions)
    return {
        "kind": "channel_not_open",
        "channel": m.ref(note.channel, lang),
        "state": note.state,
        "from": m.ref(note.origin, lang) if note.origin else None,
        "open_siblings": note.open_siblings,
        "siblings": note.siblings,
        "siblings_by_state": dict(note.siblings_by_state),
        "questions": questions,
        "summary": summary,
        "message": text,
    }


def _alike_warning(m: Model, x: str, n: str, y: str, kind: str, lang: str) -> dict[str, Any]:
    verb = _ALIKE.get(kind, ("er begge knyttet til", "are both linked to"))
    a, b, via = m.label(x, lang), m.label(y, lang), m.label(n, lang)
    text = _say(
        (
            f"{a} og {b} {verb[0]} «{via}»; det forbinder dem ikke",
            f"{a} and {b} {verb[1]} «{via}»; that does not connect them",
        ),
        lang,
    )
    return {"kind": "alike", "through": m.ref(n, lang), "between": [m.ref(x, lang), m.ref(y, lang)], "message": text}


def _comment(m: Model, qid: str, lang: str) -> list[str]:
    pairs = m.node(qid).get("comment") or {}
    return list(pairs.get(lang) or pairs.get("da") or next(iter(pairs.values()), [m.label(qid, lang)]))

"""``samarbejdskort transition --date D``: what breaks on a date (``graph/transition.py``), grouped by forum."""

from __future__ import annotations

from typing import Any

from api.cli.app import DataOpt, DateOpt, JsonOpt, Lang, LangOpt, app, emit, guarded, load_model, parse_date
from api.cli.chains import ScenarioOpt
from api.cli.text import source_line
from graph.transition import transition
from ontology import codes

__all__ = ["transition_command", "transition_text"]

_WORDS = {
    "title": ("Hvad brydes {date}?", "What breaks on {date}?"),
    "ending": ("Ophører med udgangen af {day}", "Ends at the end of {day}"),
    "starting": ("Begynder {date}", "Begins on {date}"),
    "nothing": ("Intet brydes på denne dato.", "Nothing breaks on this date."),
    "next": (
        "Næste dato, hvor noget brydes: {date} – se den: samarbejdskort transition --date {date}",
        "The next date on which something breaks: {date} – see it: samarbejdskort transition --date {date}",
    ),
    "ends": ("ophører selv", "ends itself"),
    "orphan": ("står uden linje opad", "is left without an upward line"),
    "only_proposed": ("Tilbage er kun foreslåede linjer", "Only proposed lines remain"),
    "remaining": ("Tilbage", "Remaining"),
    "open": ("Åbent spørgsmål", "Open question"),
    "line_src": ("Kilde", "Source"),
    "end_src": ("Kilder til {x}", "Sources on {x}"),
    "counts": (
        "{breaks} relationer brydes ({without} uden efterfølger) i {groups} fora/enheder; "
        "{orphans} står uden linje opad.",
        "{breaks} relations break ({without} without a successor) in {groups} forums/bodies; "
        "{orphans} are left without an upward line.",
    ),
}


def _w(key: str, lang: str) -> str:
    da, en = _WORDS[key]
    return en if lang == "en" else da


@app.command("transition")
def transition_command(
    data: DataOpt = None,
    date: DateOpt = None,
    scenario: ScenarioOpt = None,
    as_json: JsonOpt = False,
    lang: LangOpt = Lang.da,
) -> None:
    """Hvad brydes på en dato: linjer, pladser, medlemskaber, kanaler og kommissorier, der ophører uden efterfølger."""

    def run() -> dict[str, Any]:
        model = load_model(data)
        return transition(model, parse_date(date), scenarios=tuple(scenario or ())).as_json(lang.value)

    payload = guarded(run, as_json)
    emit(payload, as_json, lambda: transition_text(payload, lang.value))


def transition_text(p: dict[str, Any], lang: str) -> str:
    out = [_w("title", lang).format(date=p["date"]), ""]
    if p["ending"]:
        out.append(_w("ending", lang).format(day=p["day_before"]) + ":")
        out += [f"  - {e['label']}" for e in p["ending"]]
    if p["starting"]:
        out.append(_w("starting", lang).format(date=p["date"]) + ":")
        out += [f"  + {e['label']}" for e in p["starting"]]
    if not p["groups"]:
        out.append(_w("nothing", lang))
        if p.get("next_break"):
            out.append(_w("next", lang).format(date=p["next_break"]))
        return "\n".join(out)
    c = p["counts"]
    out += ["", _w("counts", lang).format(
        breaks=c["breaks"], without=c["without_successor"], groups=c["groups"], orphans=c["left_without_upward_line"]
    )]  # fmt: skip
    for g in p["groups"]:
        flags = [_w("ends", lang)] if g["ends"] else []
        if g["without_upward_line"]:
            flags.append(_w("orphan", lang))
        out += ["", f"{g['body']['label']}" + (f"  [{'; '.join(flags)}]" if flags else "")]
        for b in g["breaks"]:
            out.append(f"  ✗ {b['text']}")
            out += [f"      {_w('line_src', lang)}: {source_line(s)}" for s in b["sources"]]
            if b["end_sources"]:
                short = [s["title"] + (f" «{s['section']}»" if s.get("section") else "") for s in b["end_sources"]]
                out.append(f"      {_w('end_src', lang).format(x=b['ended']['label'])}: " + " | ".join(short))
        if g["remaining_upward"]:
            proposed = all(r["proposed"] for r in g["remaining_upward"])
            head = _w("only_proposed", lang) if proposed else _w("remaining", lang)
            items = [f"{r['to']['label']}" + (f" ({codes.label('status', 'proposed', lang)})" if r["proposed"] else "")
                     for r in g["remaining_upward"]]  # fmt: skip
            out.append(f"  {head}: " + "; ".join(items))
        for q in g["open_questions"]:
            out.append(f"  ? {_w('open', lang)}: {q['label']} – {q['text']}")
    return "\n".join(out)

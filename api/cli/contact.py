"""Commands ``contact`` (who do I contact about X), ``gaps`` (what is missing) and ``topics`` (what X means).

Each prints text rendered from the same JSON that ``--json`` prints (shapes documented in
``graph/contacts.py`` and ``graph/gaps.py``), Danish by default, English with ``--lang en``. Bad input
(an unknown or ambiguous entity or topic, a bad date or scenario) exits 2 with the error on stderr.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from api.cli.app import DataOpt, DateOpt, JsonOpt, Lang, LangOpt, app, emit, guarded, load_model, one_of, parse_date
from api.cli.text import occupancy_word, source_line, t
from ontology import codes

if TYPE_CHECKING:
    from graph.errors import NotInSources
    from graph.model import Model

__all__ = ["contact_command", "contact_text", "gaps_command", "gaps_text", "topics_command", "topics_text"]

ScenarioOpt = Annotated[
    list[str] | None, typer.Option("--scenario", help="Anvend et scenarie (kan gentages), fx styregruppe-chefniveau.")
]

_WORDS: dict[str, tuple[str, str]] = {
    "who_title": ("Hvem skal {asker} kontakte om »{q}«?", "Whom should {asker} contact about “{q}”?"),
    "who_title_anon": ("Hvem kontakter man om »{q}«?", "Whom to contact about “{q}”?"),
    "date": ("dato", "date"),
    "topic": ("Emne", "Topic"),
    "also": ("også", "also"),
    "place": ("Sted", "Place"),
    "place_missing": (
        "Kilderne nævner ingen i {place}, der svarer på dette. Svarene nedenfor er ikke begrænset til {place}.",
        "The sources name nobody in {place} who answers this. The answers below are not limited to {place}.",
    ),
    "nearness": ("Nærhed", "Nearness"),
    "reach": ("Sådan", "How"),
    "conditions": ("Betingelser", "Conditions"),
    "why": ("Hvorfor", "Why"),
    "note": ("NB", "Note"),
    "fallback": ("I STEDET", "INSTEAD"),
    "general": ("GENEREL VEJ", "GENERAL ROUTE"),
    "general_intro": (
        "Kilderne nævner ingen særlig kontakt for netop dette. Her er dine generelle veje:",
        "The sources name no specific contact for this. These are your general routes:",
    ),
    "no_reach": ("ingen kontaktoplysninger i kilderne", "no contact details in the sources"),
    "no_answers": (
        "Ingen i dataene varetager emnet på denne dato.",
        "Nobody in the data handles the topic on this date.",
    ),
    "only_elsewhere": (
        "Ingen i dataene svarer jer om emnet på denne dato; kun andre kommuners egne enheder varetager det.",
        "Nobody in the data answers you on the topic on this date; only other municipalities' own services handle it.",
    ),
    "gaps_in_answer": ("Mangler og åbne spørgsmål", "Gaps and open questions"),
    "gaps_title": ("Huller i samarbejdsstrukturen", "Gaps in the collaboration structure"),
    "scope": ("afgrænset til", "within"),
    "none": ("Ingen huller fundet.", "No gaps found."),
    "topics_title": ("Emner for »{q}«", "Topics for “{q}”"),
    "via_id": ("id", "id"),
    "via_label": ("navn", "label"),
    "via_words": ("ord", "words"),
    "via_broader": ("bredere end", "broader than"),
    "via_narrower": ("snævrere end", "narrower than"),
    "via_related": ("beslægtet med", "related to"),
    "via_thesaurus": ("ordet", "the word"),
    "via_general": ("generel vej for", "general route for"),
    "channel": ("kanal", "channel"),
    "contact_point": ("kontakt", "contact"),
    "holder": ("indehaver", "holder"),
    "secretary": ("sekretær", "secretary"),
    "chair": ("formand", "chair"),
    "secretariat": ("sekretariat i", "secretariat in"),
    "withheld": ("personlige oplysninger udeladt", "personal details withheld"),
    "not_in_sources": (
        "»{q}« står ikke i kilderne: ingen i kortet varetager det, og det er ikke et af de ord, kilderne bruger om"
        " børn og unge i psykisk mistrivsel.",
        "“{q}” is not in the sources: nobody in the map handles it, and it is not one of the words the sources use"
        " about children and young people in mental distress.",
    ),
    "general_routes": (
        "Dine generelle veje – her siger kilderne, at man kan henvende sig med et generelt fagligt spørgsmål:",
        "Your general routes – where the sources say one can turn with a general professional question:",
    ),
    "nearby": ("Emner, kilderne dækker", "Topics the sources cover"),
}


def _w(key: str, lang: str) -> str:
    if key in _WORDS:
        da, en = _WORDS[key]
        return en if lang == "en" else da
    return t(key, lang)


# ------------------------------------------------------------------------------------------------ commands
@app.command("contact")
def contact_command(
    topic: Annotated[str, typer.Argument(help="Emnet i fri tekst, fx »faglig sparring« eller »samtykke«.")],
    asking: Annotated[
        str | None,
        typer.Argument(
            metavar="[ASKER]",
            help='Hvem spørger (det samme som --from), fx »contact angst "Skive Kommune"«.',
            show_default=False,
        ),
    ] = None,
    asker: Annotated[
        str | None, typer.Option("--from", "-f", help="Hvem spørger: organisation, enhed, forum, plads eller person.")
    ] = None,
    data: DataOpt = None,
    date: DateOpt = None,
    scenario: ScenarioOpt = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Højst så mange svar.")] = 10,
    personal: Annotated[
        bool, typer.Option("--personal", help="Vis personlige kontaktoplysninger (e-mail, telefon).")
    ] = False,
    as_json: JsonOpt = False,
    lang: LangOpt = Lang.da,
) -> None:
    """Hvem kontakter jeg om et emne? Nærmeste først, med vej ind, betingelser, begrundelse og kilder."""

    def run() -> dict[str, Any]:
        from graph.contacts import contact as find_contacts  # each command imports what it answers with
        from graph.errors import NotInSources

        who = one_of(asking, asker, "--from", ("spørgere", "askers"))
        model = load_model(data)
        try:
            answer = find_contacts(
                model,
                topic,
                who,
                on=parse_date(date),
                scenarios=tuple(scenario or ()),
                limit=limit,
                include_personal=personal,
            )
        except NotInSources as exc:
            if as_json:
                raise  # the error object, as before
            # an honest answer, not a failure: said in the chosen language, one route a line
            sys.stderr.write(not_in_sources_text(exc, model, lang.value))
            raise typer.Exit(2) from None
        return answer.as_json(lang.value)

    payload = guarded(run, as_json)
    emit(payload, as_json, lambda: contact_text(payload, lang.value))


@app.command("gaps")
def gaps_command(
    where: Annotated[
        str | None,
        typer.Argument(metavar="[SCOPE]", help="Det samme som --scope, fx »gaps Randersklyngen«.", show_default=False),
    ] = None,
    scope: Annotated[str | None, typer.Option("--scope", help="Kun denne enhed og det, der hører under den.")] = None,
    data: DataOpt = None,
    date: DateOpt = None,
    scenario: ScenarioOpt = None,
    as_json: JsonOpt = False,
    lang: LangOpt = Lang.da,
) -> None:
    """Huller: vakante pladser, manglende kontaktpersoner, overskredne frister, åbne spørgsmål m.m."""

    def run() -> dict[str, Any]:
        from graph.gaps import find_gaps

        area = one_of(where, scope, "--scope", ("områder", "scopes"))
        model = load_model(data)
        report = find_gaps(model, scope=area, on=parse_date(date), scenarios=tuple(scenario or ()))
        return report.as_json(lang.value)

    payload = guarded(run, as_json)
    emit(payload, as_json, lambda: gaps_text(payload, lang.value))


@app.command("topics")
def topics_command(
    text: Annotated[str, typer.Argument(help="Det, du ville skrive efter »kontakt om …«.")],
    data: DataOpt = None,
    as_json: JsonOpt = False,
    lang: LangOpt = Lang.da,
) -> None:
    """Hvilke emner teksten forstås som (de samme, som »contact« svarer ud fra)."""

    def run() -> dict[str, Any]:
        from graph.topics import match_topics

        model = load_model(data)
        return {"query": text, "topics": [m.as_json(model, lang.value) for m in match_topics(model, text)]}

    payload = guarded(run, as_json)
    emit(payload, as_json, lambda: topics_text(payload, lang.value))


# ------------------------------------------------------------------------------------------------ text
def not_in_sources_text(exc: NotInSources, model: Model, lang: str) -> str:
    """What the sources do not cover, the asker's general routes and the topics near the word by spelling."""
    lines = [_w("not_in_sources", lang).format(q=exc.query)]
    if exc.routes:
        lines += ["", _w("general_routes", lang)]
        lines += [
            f"  {i}. {model.label(c.id, lang)}  ({codes.label('kind', c.kind, lang)})"
            for i, c in enumerate(exc.routes, 1)
        ]
    if exc.suggestions:
        lines += ["", f"{_w('nearby', lang)}: " + "; ".join(model.label(c.id, lang) for c in exc.suggestions)]
    return "\n".join(lines) + "\n"


def contact_text(p: dict[str, Any], lang: str) -> str:
    q = p["topic"]["query"]
    title = (
        _w("who_title", lang).format(asker=p["asker"]["label"], q=q)
        if p["asker"]
        else _w("who_title_anon", lang).format(q=q)
    )
    lines = [title + (f"   ({_w('date', lang)} {p['date']})" if p["date"] else "")]
    specific = [m for m in p["matched_topics"] if m["via"] != "general"]
    others = [m["label"] for m in specific if m["id"] != p["topic"]["id"]]
    lines.append(
        f"{_w('topic', lang)}: {p['topic']['label']}"
        + (f"  ({_w('also', lang)}: {', '.join(others)})" if others else "")
    )
    place = p.get("place")
    if place:
        lines.append(f"{_w('place', lang)}: {place['label']}")
    for notice in p.get("notices", []):
        lines += ["", f"!! {notice}"]
    if place and not place["answered"]:
        lines += ["", "!! " + _w("place_missing", lang).format(place=place["label"])]
    if p.get("general"):
        lines += ["", _w("general_intro", lang)]
    if not p["answers"]:
        lines += ["", _w("only_elsewhere" if p.get("left_out") else "no_answers", lang)]
    for a in p["answers"]:
        lines += ["", *_answer_lines(a, p.get("sources", {}), lang)]
    left_out = p.get("left_out")
    if left_out:
        lines += ["", left_out["text"]]
    if p["gaps"]:
        lines += ["", f"{_w('gaps_in_answer', lang)}:"]
        lines += [f"  ! {g['text']}" for g in p["gaps"]]
    return "\n".join(lines)


def _answer_lines(a: dict[str, Any], sources: dict[str, dict[str, Any]], lang: str) -> list[str]:
    kind = codes.label("kind", a["kind"], lang)
    org = f" · {a['organisation']['label']}" if a.get("organisation") else ""
    flag = f"  [{codes.label('answer', a['status'], lang).upper()}]" if a["status"] != "available" else ""
    head = (
        f"{a['rank']}. "
        + (f"{_w('general', lang)}: " if a.get("general") else "")
        + (f"{_w('fallback', lang)}: " if a["fallback"] else "")
        + f"{a['who']['label']}"
    )
    lines = [f"{head}  ({kind}{org}){flag}"]
    if a.get("nearness"):
        lines.append(f"   {_w('nearness', lang)}: {a['nearness']['label']}")
    reach = [_reach_line(r, lang) for r in a["reach"]]
    lines.append(f"   {_w('reach', lang)}: " + ("; ".join(reach) if reach else _w("no_reach", lang)))
    if a["conditions"]:
        lines.append(f"   {_w('conditions', lang)}:")
        lines += [f"     • {c}" for c in a["conditions"]]
    if a.get("note"):
        lines.append(f"   {_w('note', lang)}: {a['note']}")
    if a.get("why_text"):
        lines.append(f"   {_w('why', lang)}: {a['why_text']}")
    if a["sources"]:
        lines.append(f"   {t('sources', lang)}:")
        lines += [f"     - {source_line(sources[s])}" for s in a["sources"] if s in sources]
    return lines


def _reach_line(r: dict[str, Any], lang: str) -> str:
    via = r["via"]
    if via == "channel":
        state = codes.label("state", r.get("state") or "not_stated", lang)
        return f"{_w('channel', lang)} »{r['label']}« ({state})" + _cp_bits(r.get("contact_points", []), lang)
    if via == "contact_point":
        return _cp_text(r, lang)
    if via in ("secretary", "chair"):
        holders = ", ".join(h["label"] for h in r.get("holders", [])) or occupancy_word(r.get("occupancy"), lang)
        return f"{_w(via, lang)} »{r['label']}« ({holders})"
    return f"{_w(via, lang)} {r['label']}" + _cp_bits(r.get("contact_points", []), lang)


def _cp_bits(cps: list[dict[str, Any]], lang: str) -> str:
    return "".join(f" – {_cp_text(cp, lang)}" for cp in cps)


def _cp_text(cp: dict[str, Any], lang: str) -> str:
    bits = [", ".join(cp[k]) for k in ("email", "phone", "url") if cp.get(k)]
    if cp.get("withheld"):
        bits.append(_w("withheld", lang))
    return f"{_w('contact_point', lang)} {cp['label']}" + (f": {' / '.join(bits)}" if bits else "")


def gaps_text(p: dict[str, Any], lang: str) -> str:
    from graph.gap_types import SEVERITIES

    s = p["summary"]
    scope = f" – {_w('scope', lang)} {p['scope']['label']}" if p.get("scope") else ""
    counts = ", ".join(f"{s[sev]} {codes.label('severity', sev, lang)}" for sev in SEVERITIES)
    lines = [f"{_w('gaps_title', lang)}{scope} ({_w('date', lang)} {p['date']}): {s['total']} – {counts}"]
    if not p["gaps"]:
        return "\n".join([*lines, _w("none", lang)])
    current = None
    for g in p["gaps"]:
        if g["severity"] != current:
            current = g["severity"]
            lines += ["", codes.label("severity", current, lang).upper()]
        lines.append(f"  • [{codes.label('gap', g['kind'], lang)}] {g['text']}")
        shown = [source_line(src) for src in g["sources"][:2]]
        more = f" (+{len(g['sources']) - 2})" if len(g["sources"]) > 2 else ""
        if shown:
            lines.append(f"      {t('sources', lang)}: " + " | ".join(shown) + more)
    return "\n".join(lines)


def topics_text(p: dict[str, Any], lang: str) -> str:
    lines = [_w("topics_title", lang).format(q=p["query"])]
    for m in p["topics"]:
        how = _w(f"via_{m['via']}", lang)
        origin = f" {m['from']['label']}" if m.get("from") else f" »{m['matched_label']}«"
        lines.append(f"  {m['score']:.2f}  {m['label']}  ({how}{origin})")
    return "\n".join(lines)

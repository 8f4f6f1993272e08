"""Command ``interfaces``: where and how two parties meet (``--between A B``), or the matrix of a scope.

Prints text rendered from the same JSON that ``--json`` prints and ``/api/interfaces`` returns (shapes in
``graph/interfaces.py`` and ``graph/interface_matrix.py``), Danish by default, English with ``--lang en``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from api.cli.app import DataOpt, DateOpt, JsonOpt, Lang, LangOpt, app, emit, guarded, load_model, parse_date
from api.cli.text import source_line
from graph.errors import InputError
from graph.interface_matrix import matrix
from graph.interfaces import interface
from viz.interface_words import word

__all__ = ["interface_text", "interfaces_command", "matrix_text"]


class By(StrEnum):
    sector = "sector"
    organisation = "organisation"


ScenarioOpt = Annotated[list[str] | None, typer.Option("--scenario", help="Anvend et scenarie (kan gentages).")]


@app.command("interfaces")
def interfaces_command(
    parties: Annotated[
        list[str] | None,
        typer.Argument(
            help='To parter, som i »interfaces "Randers Kommune" BUA« (det samme som --between).', show_default=False
        ),
    ] = None,
    scope: Annotated[
        list[str] | None,
        typer.Option(
            "--scope",
            help="Klynge, forum eller organisation; gentaget: netop de organisationer. Standard: hele regionen.",
        ),
    ] = None,
    between: Annotated[
        tuple[str, str] | None,
        typer.Option("--between", help="To parter (sektorer eller organisationer): vis alt, der forbinder dem."),
    ] = None,
    by: Annotated[By | None, typer.Option("--by", help="sector eller organisation (matrix: standard sector).")] = None,
    date: DateOpt = None,
    scenario: ScenarioOpt = None,
    as_json: JsonOpt = False,
    lang: LangOpt = Lang.da,
    data: DataOpt = None,
) -> None:
    """Samarbejdsflader: hvor og hvordan to parter mødes – eller matricen over alle par i et område."""

    def run() -> dict[str, Any]:
        pair = _pair(parties, between)
        model = load_model(data)
        on, scen = parse_date(date), tuple(scenario or ())
        if pair:
            by_ = by.value if by else None
            found = interface(model, pair[0], pair[1], by=by_, on=on, scenarios=scen, scope=scope or None)
            return found.as_json(lang.value)
        return matrix(model, scope=scope or None, by=by.value if by else "sector", on=on, scenarios=scen).as_json(
            lang.value
        )

    payload = guarded(run, as_json)
    emit(
        payload,
        as_json,
        lambda: interface_text(payload, lang.value) if "forums" in payload else matrix_text(payload, lang.value),
    )


def _pair(parties: list[str] | None, between: tuple[str, str] | None) -> tuple[str, str] | None:
    """The two parties, given as two words after the command or with ``--between`` (not both, not one)."""
    if not parties:
        return between
    if between or len(parties) != 2:
        raise InputError(
            'skriv to parter, fx interfaces "Randers Kommune" BUA (eller --between A B; --scope for et område)'
            ' / give two parties, e.g. interfaces "Randers Kommune" BUA (or --between A B; --scope for an area)'
        )
    return parties[0], parties[1]


# ------------------------------------------------------------------------------------------------ text
def interface_text(p: dict[str, Any], lang: str) -> str:
    """The pair: what connects them, section by section, then what is missing, with numbered sources."""
    a, b = p["a"]["label"], p["b"]["label"]
    da = lang != "en"
    out = [
        f"{'Samarbejdsflade' if da else 'Interface'}: {a} × {b}",
        f"{'Dato' if da else 'Date'}: {p['date']}  ·  {word('strength', lang)}: "
        f"{word(p['strength']['level'], lang)} ({p['strength']['score']})",
    ]
    notes: dict[str, dict[str, Any]] = {}

    def cite(sources: list[dict[str, Any]]) -> str:
        nums = []
        for s in sources:
            notes.setdefault(s["id"], s)
            nums.append(str(list(notes).index(s["id"]) + 1))
        return f"  [{', '.join(nums)}]" if nums else ""

    def via(item: dict[str, Any]) -> str:
        return f" ({word('via', lang)} {item['via']['label']})" if item.get("via") else ""

    def section(key: str, rows: list[str]) -> None:
        if rows:
            out.append("")
            out.append(word(key, lang) + ":")
            out.extend(rows)

    def seats(side: list[dict[str, Any]]) -> str:
        return "; ".join(
            (s["seat"]["label"] if s["seat"] else s["for"]["label"])
            + (f" [{word(s['occupancy'], lang)}]" if s.get("occupancy") == "vacant" else "")
            for s in side
        )

    section(
        "forums",
        [
            f"  • {f['forum']['label']}{' (' + word('proposed', lang) + ')' if f['proposed'] else ''}"
            f"{cite(f['sources'])}\n      {a}: {seats(f['a'])}\n      {b}: {seats(f['b'])}"
            for f in p["forums"]
        ],
    )
    section(
        "channels",
        [
            f"  • {c['channel']['label']} – {word(c['state'], lang)}, "
            f"{word(c['direction'], lang, a=a, b=b)}{via(c)}{cite(c['sources'])}"
            + "".join(f"\n      – {x}" for x in c["conditions"])
            + (f"\n      ! {c['note']}" if c.get("note") else "")
            for c in p["channels"]
        ],
    )
    section(
        "contact_persons",
        [
            f"  • {c['requirement']['label']} – {word(c['state'], lang)}, "
            f"{word(c['direction'], lang, a=a, b=b)}{via(c)}{cite(c['sources'])}"
            for c in p["contact_persons"]
        ],
    )
    section(
        "requests",
        [
            f"  • {r['request']['label']} – {word(r['direction'], lang, a=a, b=b)}{via(r)}{cite(r['sources'])}"
            for r in p["requests"]
        ],
    )
    section("topics", ["  " + ", ".join(t["label"] for t in p["topics"])] if p["topics"] else [])
    section(
        "lines",
        [f"  • {ln['from']['label']} → {ln['to']['label']} ({ln['kind']}){cite(ln['sources'])}" for ln in p["lines"]],
    )
    section(
        "people",
        [
            f"  • {x['person']['label']}: {', '.join(r['label'] for r in x['a'])} / "
            f"{', '.join(r['label'] for r in x['b'])}"
            for x in p["people"]
        ],
    )
    section(
        "routes", ["  • " + " → ".join(n["label"] for n in r["primary"]) for r in p["routes"] if len(r["primary"]) > 1]
    )
    section("missing", [f"  ! {m['text']}{cite(m['sources'])}" for m in p["missing"]])
    if notes:
        out.append("")
        out.append(word("sources", lang) + ":")
        out.extend(f"  [{i}] {source_line(s)}" for i, s in enumerate(notes.values(), 1))
    return "\n".join(out)


def matrix_text(p: dict[str, Any], lang: str) -> str:
    """The matrix as a list of pairs (a terminal is too narrow for a grid), strongest first, empty ones last."""
    da = lang != "en"
    names = {x["key"]: x["label"] for x in p["parties"]}
    scope = ", ".join(s["label"] for s in p["scope"]) or ("hele datasættet" if da else "all data")
    s = p["summary"]
    out = [
        f"{'Samarbejdsflader' if da else 'Interfaces'} ({word(p['by'], lang)}): {scope}  ·  {p['date']}",
        (
            f"{s['pairs']} par: {s['connected']} med forbindelse, {s['none']} uden, {s['with_missing']} med mangler."
            if da
            else f"{s['pairs']} pairs: {s['connected']} connected, {s['none']} not, "
            f"{s['with_missing']} with something missing."
        ),
    ]
    if len(p["parties"]) < 2:
        out.append("Færre end to parter i området." if da else "Fewer than two parties in scope.")
    cells = sorted(p["cells"], key=lambda c: (-c["strength"]["score"], names[c["a"]], names[c["b"]]))
    for c in cells:
        chans = ", ".join(f"{n} {word(st, lang)}" for st, n in c["channels"].items())
        cps = ", ".join(f"{n} {word(st, lang)}" for st, n in c["contact_persons"].items())
        bits = [f"{c['forums']} {'fora' if da else 'forums'}"]
        bits += [f"{'kanaler' if da else 'channels'}: {chans}"] if chans else []
        bits += [f"{'kontaktpersoner' if da else 'contact persons'}: {cps}"] if cps else []
        bits += [f"{c['requests']} {'ønsker' if da else 'requests'}"] if c["requests"] else []
        bits += [f"{c['lines']} {'linjer' if da else 'lines'}"] if c["lines"] else []
        bits += [f"{c['people']} {'fælles personer' if da else 'shared people'}"] if c["people"] else []
        mark = " !" if c["missing"] else "  "
        out.append(
            f"{mark} {names[c['a']]} × {names[c['b']]}: {word(c['strength']['level'], lang)} – "
            + "; ".join(bits)
            + (f"  [{', '.join(word(k, lang) for k in c['missing_kinds'])}]" if c["missing_kinds"] else "")
        )
    return "\n".join(out)

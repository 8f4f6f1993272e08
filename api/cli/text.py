"""Human-readable terminal text for the core commands (Danish first, English with --lang en)."""

from __future__ import annotations

import re
from typing import Any

from ontology import codes

__all__ = ["describe_text", "duration_text", "occupancy_word", "source_line", "stats_text", "t", "validation_text"]

_WORDS: dict[str, tuple[str, str]] = {
    "kind": ("Slags", "Kind"),
    "status": ("Status", "Status"),
    "valid": ("Gyldig", "Valid"),
    "members": ("Medlemmer", "Members"),
    "member_of": ("Medlem af", "Member of"),
    "part_of": ("Del af", "Part of"),
    "parts": ("Underenheder", "Units"),
    "seats": ("Pladser", "Seats"),
    "chair": ("Formand", "Chair"),
    "secretariat": ("Sekretariat", "Secretariat"),
    "chair_from": ("Formand udpeges fra", "Chair from"),
    "mandate": ("Kommissorium", "Terms of reference"),
    "purpose": ("Formål", "Purpose"),
    "tasks": ("Opgaver", "Tasks"),
    "competences": ("Kompetencer", "Competences"),
    "duties": ("Pligter", "Duties"),
    "principles": ("Principper", "Principles"),
    "elements": ("Elementer", "Elements"),
    "deadlines": ("Frister", "Deadlines"),
    "meetings": ("Møder", "Meetings"),
    "reporting": ("Rapporterer til", "Reports to"),
    "reported_by": ("Modtager fra", "Receives from"),
    "channels": ("Kanaler", "Channels"),
    "topics": ("Emner", "Topics"),
    "contact": ("Kontakt", "Contact"),
    "open": ("Åbne spørgsmål i kilden", "Left open by the source"),
    "sources": ("Kilder", "Sources"),
    "decision": ("med beslutningskompetence", "with decision authority"),
    "on_behalf": ("for", "for"),
    "conditions": ("Betingelser", "Conditions"),
    "requirements": ("Krav om fast kontaktperson", "Required contact persons"),
    "missing": ("mangler", "missing"),
    "requested_by": ("Efterspurgt af", "Requested by"),
    "approved_by": ("Godkendt af", "Approved by"),
    "approved_on": ("Godkendt den", "Approved on"),
    "broader": ("Bredere emne", "Broader topic"),
    "narrower": ("Snævrere emner", "Narrower topics"),
    "steering_groups": ("Styregruppe", "Steering group"),
    "decisions": ("Beslutninger", "Decisions"),
    "scenario": ("scenarie", "scenario"),
    "linked": ("Samarbejdsmodeller knyttet til klyngen", "Collaboration models linked to the cluster"),
    "taken_up_by": ("Taget op i", "Taken up by"),
}


def occupancy_word(code: str | None, lang: str) -> str:
    """The vocabulary's word for a seat's occupancy; a vacancy in capitals so it stands out in a list."""
    word = codes.label("occupancy", code or "not_stated", lang)
    return word.upper() if code == "vacant" else word


def t(key: str, lang: str) -> str:
    da, en = _WORDS.get(key, (key, key))
    return en if lang == "en" else da


def describe_text(d: dict[str, Any], lang: str) -> str:
    lines = [f"{d['label']}  ({d['kind']}{', ' + d['kind_detail'] if d.get('kind_detail') else ''})", f"  {d['id']}"]
    if d.get("alt_labels"):
        lines.append("  = " + "; ".join(d["alt_labels"]))
    if d.get("status") or d.get("valid_from") or d.get("valid_until"):
        span = f"{d.get('valid_from') or '…'} – {d.get('valid_until') or '…'}"
        status = codes.label("status", d.get("status"), lang) or "-"
        lines.append(f"{t('status', lang)}: {status}   {t('valid', lang)}: {span}")
    for key in ("part_of", "member_of", "parts", "members"):
        if d.get(key):
            lines.append(f"{t(key, lang)}:")
            lines += [f"  - {r['label']}" for r in d[key]]
    if d.get("seats"):
        lines.append(f"{t('seats', lang)}:")
        lines += [f"  - {_seat_line(s, lang)}" for s in d["seats"]]
    sec = d.get("secretariat") or {}
    if sec.get("anchored_in") or sec.get("chair_from"):
        where = ", ".join(r["label"] for r in sec.get("anchored_in", []))
        lines.append(f"{t('secretariat', lang)}: {where or '-'}")
        if sec.get("chair_from"):
            lines.append(f"{t('chair_from', lang)}: " + ", ".join(r["label"] for r in sec["chair_from"]))
    for m in d.get("mandates", []):
        lines.append(f"{t('mandate', lang)}: {m['label']}" + (f" ({m['status']})" if m.get("status") else ""))
        if m.get("purpose"):
            lines.append(f"  {t('purpose', lang)}: {m['purpose']}")
        if m.get("comment"):
            lines.append(f"  {m['comment']}")
        for key in ("tasks", "competences", "duties", "principles", "elements"):
            if m.get(key):
                lines.append(f"  {t(key, lang)}:")
                lines += [f"    • {x}" for x in m[key]]
        for dl in m.get("deadlines", []):
            outcome = dl.get("outcome") or "-"
            lines.append(f"  {t('deadlines', lang)}: {dl['label']} ({dl.get('due')}); resultat/outcome: {outcome}")
        for r in m.get("meeting_rules", []):
            lines.append(f"  {t('meetings', lang)}: {_rule_text(r, lang)}")
    for key in ("reporting", "reported_by"):
        if d.get(key):
            lines.append(f"{t(key, lang)}:")
            for line in d[key]:
                other = line.get("to") or line.get("from")
                extra = f" [{codes.label('status', line['status'], lang)}]" if line.get("status") == "proposed" else ""
                lines.append(f"  - {codes.label('relation', line['kind'], lang)} {other['label']}{extra}")
                lines += [f"      {b}" for b in line.get("basis", [])]
    if d.get("channels"):
        lines.append(f"{t('channels', lang)}:")
        for c in d["channels"]:
            lines.append(f"  - {c['label']} ({codes.label('state', c.get('state'), lang)})")
            lines += [f"      {t('conditions', lang)}: {x}" for x in c.get("conditions", [])]
    if d.get("topics"):
        lines.append(f"{t('topics', lang)}: " + ", ".join(r["label"] for r in d["topics"]))
    for cp in d.get("contact_points", []):
        bits = [", ".join(cp.get(k, [])) for k in ("email", "phone", "url") if cp.get(k)]
        lines.append(f"{t('contact', lang)}: {cp['label']} {' / '.join(bits)}")
    if d.get("requirements"):
        lines.append(f"{t('requirements', lang)}:")
        lines += [
            f"  - {r['label']}" + ("" if r["fulfilled"] else f" ({t('missing', lang)})") for r in d["requirements"]
        ]
    if d.get("open_questions"):
        lines.append(f"{t('open', lang)}:")
        lines += [f"  - {' '.join(q.get('text') or [q['label']])}" for q in d["open_questions"]]
    if d.get("comment"):
        lines += [f"  {c}" for c in d["comment"]]
    lines += _context_lines(d, lang)
    lines.append(f"{t('sources', lang)}:")
    lines += [f"  - {source_line(s)}" for s in d.get("sources", [])] or ["  -"]
    return "\n".join(lines)


def _context_lines(d: dict[str, Any], lang: str) -> list[str]:
    """What ``graph.describe_context`` adds: decisions, linked collaborations, topic neighbours, requesters."""
    lines: list[str] = []
    for key in ("requested_by", "approved_by", "broader", "narrower", "steering_groups"):
        if d.get(key):
            lines.append(f"{t(key, lang)}: " + "; ".join(r["label"] for r in d[key]))
    if d.get("approved_on"):
        lines.append(f"{t('approved_on', lang)}: {d['approved_on']}")
    if d.get("decisions"):
        lines.append(f"{t('decisions', lang)}:")
    for dec in d.get("decisions", []):
        scen = f" [{t('scenario', lang)} {dec['scenario']}]" if dec.get("scenario") else ""
        lines.append(f"  - {dec.get('approved_on') or '?'}: {dec['label']} ({dec['approved_by']['label']}){scen}")
        lines += [f"      {x}" for x in dec.get("text", [])]
    for key in ("linked", "taken_up_by"):
        if d.get(key):
            lines.append(f"{t(key, lang)}:")
            for r in d[key]:
                by = "; ".join(a["label"] for a in r.get("approved_by", []))
                lines.append(f"  - {r['label']}" + (f" ({t('approved_by', lang).lower()}: {by})" if by else ""))
                lines += [f"      {x}" for x in r.get("text", [])]
    return lines


def source_line(s: dict[str, Any]) -> str:
    parts = [s["title"]]
    if s.get("section"):
        parts.append(f"afsnit «{s['section']}»")
    if s.get("date"):
        parts.append(s["date"])
    if s.get("files") and s["files"] != [s["title"]]:
        parts.append(", ".join(s["files"]))
    elif s.get("url"):
        parts.append(s["url"])
    return " · ".join(parts)


def _seat_line(s: dict[str, Any], lang: str) -> str:
    count = ""
    if s.get("seats_min") is not None and not s["label"][:1].isdigit():
        lo, hi = s["seats_min"], s.get("seats_max") or s["seats_min"]
        count = f"{lo}–{hi} × " if hi != lo else f"{lo} × "
    who = ", ".join(h["label"] for h in s.get("holders", [])) or occupancy_word(s.get("occupancy"), lang)
    behalf = ", ".join(r["label"] for r in s.get("on_behalf_of", []))
    dec = f" ({t('decision', lang)})" if s.get("decision_authority") else ""
    return f"{count}{s['label']}{dec}" + (f" – {t('on_behalf', lang)} {behalf}" if behalf else "") + f": {who}"


def _rule_text(r: dict[str, Any], lang: str) -> str:
    bits = []
    lo, hi = r.get("meetings_per_year_min"), r.get("meetings_per_year_max")
    if lo or hi:
        n = f"{lo}–{hi}" if lo and hi and lo != hi else f"{hi or lo}" if lo else f"≤{hi}"
        bits.append(f"{n} møder/år" if lang == "da" else f"{n} meetings/year")
    if r.get("duration_hours"):
        bits.append(f"{r['duration_hours']:g} t" if lang == "da" else f"{r['duration_hours']:g} h")
    for key, da, en in (
        ("agenda_proposals_before", "dagsordensforslag", "agenda proposals"),
        ("agenda_before", "dagsorden", "agenda"),
        ("minutes_within", "referat", "minutes"),
    ):
        if r.get(key):
            bits.append(f"{da if lang == 'da' else en} {duration_text(r[key], lang)}")
    if r.get("place"):
        bits.append(str(r["place"]))
    span = f" ({r.get('valid_from') or '…'} – {r.get('valid_until') or '…'})" if r.get("valid_from") else ""
    return "; ".join(bits) + span


_UNITS = {"Y": ("år", "year"), "M": ("måned", "month"), "W": ("uge", "week"), "D": ("dag", "day")}
_PLURAL = {"år": "år", "måned": "måneder", "uge": "uger", "dag": "dage"}


def duration_text(iso: str, lang: str) -> str:
    """'P1M' → '1 måned' / '1 month'; 'P7D' → '1 uge'. Unknown forms are shown as written."""
    m = re.fullmatch(r"P(\d+)([YMWD])", str(iso))
    if not m:
        return str(iso)
    n, unit = int(m.group(1)), m.group(2)
    if unit == "D" and n % 7 == 0:
        n, unit = n // 7, "W"
    da, en = _UNITS[unit]
    if lang == "en":
        return f"{n} {en}{'s' if n != 1 else ''}"
    return f"{n} {_PLURAL[da] if n != 1 else da}"


def stats_text(s: dict[str, Any], lang: str) -> str:
    head = "Tripler" if lang == "da" else "Triples"
    lines = [f"{head}: {s['triples']}   noder/nodes: {s['nodes']}   kanter/edges: {s['edges']}"]
    lines += [f"  {k}: {v}" for k, v in s["node_kinds"].items()]
    lines.append("Relationer:" if lang == "da" else "Relations:")
    lines += [f"  {k}: {v}" for k, v in s["edge_kinds"].items()]
    lines.append("Filer:" if lang == "da" else "Files:")
    lines += [f"  {f['path']} ({f['format']}, {f['triples']})" for f in s["files"]]
    return "\n".join(lines)


def validation_text(p: dict[str, Any], lang: str) -> str:
    lines = []
    for key, head in (("violations", ("Overtrædelser", "Violations")), ("warnings", ("Advarsler", "Warnings"))):
        items = p[key]
        lines.append(f"{head[1] if lang == 'en' else head[0]}: {len(items)}")
        for f in items:
            src = f" [{', '.join(f['sources'])}]" if f["sources"] else ""
            lines.append(f"  - {f['label']}: {f['message']} ({f['rule']}){src}")
    ok = (
        ("Ingen overtrædelser.", "No violations.")
        if p["conforms"]
        else ("Data har overtrædelser.", "Data has violations.")
    )
    lines.append(ok[1] if lang == "en" else ok[0])
    return "\n".join(lines)

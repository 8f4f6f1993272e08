"""What each entity is called: preferred and alternative labels per language, unnamed posts named after
their role and organisation.

Split from ``graph.projection`` so the graph's shape (nodes, edges, qualifiers) and its naming can change
apart: which label wins (skos:prefLabel, rdfs:label, foaf:name, vcard:fn, dcterms:title in that order; a
person's name parts as a last resort; one name serving both languages) is a question of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from graph.facts import Facts, Lit, Term
from graph.projection_terms import _ALT_LABEL, _T_NAME_PARTS, _T_PREF
from graph.vocab import Hierarchy


def _labels(g: Facts, h: Hierarchy, kinds: dict[Term, str]) -> tuple[dict[str, dict[str, str]], dict[str, list[str]]]:
    """Best label per language (da, en, untagged→'', others), and all alternative labels."""
    found: dict[str, dict[tuple[int, str], list[str]]] = {}
    alt: dict[str, list[str]] = defaultdict(list)
    lang_keys: dict[str | None, str] = {None: ""}  # language tag → its key ("da-DK" → "da"), worked out once
    for rank, base in enumerate(_T_PREF):
        for p in sorted(h.subproperties_iri(base)):
            for s, objs in g.subjects_of(p).items():
                if s not in kinds:
                    continue
                by = None
                for o in objs:
                    if type(o) is not Lit:
                        continue
                    value, lang, _ = o
                    parts = value.split()  # empty exactly when the text is only white space
                    if not parts:
                        continue
                    lk = lang_keys.get(lang)
                    if lk is None:
                        lk = lang_keys[lang] = lang.lower()[:2]  # type: ignore[union-attr]
                    if by is None:
                        by = found.setdefault(_text(s), {})
                    texts = by.get((rank, lk))
                    if texts is None:
                        by[rank, lk] = [" ".join(parts)]
                    else:
                        texts.append(" ".join(parts))
    for p in sorted(h.subproperties_iri(_ALT_LABEL)):
        for s, o in g.subject_objects(p):
            if s in kinds and type(o) is Lit and o.value.strip():
                alt[_text(s)].append(" ".join(o.value.split()))
    for s, kind in kinds.items():
        if kind == "person" and _text(s) not in found:
            parts = [_first_literal(g, s, preds) for preds in _T_NAME_PARTS]
            name = " ".join(p for p in parts if p)
            if name:
                found[_text(s)] = {(len(_T_PREF), ""): [name]}
    labels: dict[str, dict[str, str]] = {}
    for nid, by in found.items():
        others = alt[nid]  # a second name on one IRI stays findable (an empty entry is kept too)
        if len(by) == 1:
            ((_, lang), values), *_ = by.items()
            if len(values) == 1:  # one name (most entities): it is the Danish and the English label too
                chosen = {lang: values[0]}
                chosen["da"] = chosen["en"] = values[0]
                labels[nid] = chosen
                continue
        best: dict[str, str] = {}
        for key in sorted(by, key=_rank_of) if len(by) > 1 else by:
            values = sorted(by[key]) if len(by[key]) > 1 else by[key]
            best.setdefault(key[1], values[0])
            others.extend(values[1:])
        chosen = dict(best)
        fallback = best.get("da") or best.get("") or best.get("en") or next(iter(best.values()))
        chosen["da"] = best.get("da") or fallback
        chosen["en"] = best.get("en") or best.get("") or chosen["da"]
        for value in best.values():
            if value not in (chosen["da"], chosen["en"]):
                others.append(value)
        labels[nid] = chosen
    return labels, {k: sorted(set(v)) if v else [] for k, v in alt.items()}


def _first_literal(g: Facts, s: Term, preds: tuple[str, ...]) -> str:
    for p in preds:
        for o in g.objects(s, p):
            if type(o) is Lit and o.value.strip():
                return " ".join(o.value.split())
    return ""


def _rank_of(key: tuple[int, str]) -> int:
    return key[0]


def _label_unnamed_posts(nxg: nx.MultiDiGraph, labels: dict[str, dict[str, str]]) -> None:
    """Name posts so a person can tell them apart.

    A post without a label (e.g. only org:role) is named after its role; a post whose label is
    shared with other posts ("Referatsleitung" ×40) gets its organisation added.
    """
    posts = [nid for nid, kind in nxg.nodes(data="kind") if kind == "post"]
    counts: dict[str, int] = defaultdict(int)
    for nid in posts:
        data = nxg.nodes[nid]
        if nid not in labels:
            data["label"] = data["label_en"] = str(data.get("role") or "Post")
        counts[data["label"]] += 1
    for nid in posts:
        data = nxg.nodes[nid]
        if counts[data["label"]] < 2:
            continue
        orgs = sorted(nxg.nodes[v]["label"] for _, v, k in nxg.out_edges(nid, keys=True) if k == "post_in")
        if orgs and orgs[0] not in data["label"]:
            data["label"] = f"{data['label']}, {orgs[0]}"
            data["label_en"] = f"{data['label_en']}, {nxg.nodes[orgs and _first_org(nxg, nid)]['label_en']}"


def _first_org(nxg: nx.MultiDiGraph, post: str) -> str:
    return sorted(
        (v for _, v, k in nxg.out_edges(post, keys=True) if k == "post_in"), key=lambda v: nxg.nodes[v]["label"]
    )[0]


def _lang_pairs(literals: Iterable[Term]) -> dict[str, list[str]]:
    """Texts by language ("da", "en"; untagged counts as Danish), each list sorted for stable output."""
    out: dict[str, list[str]] = {}
    for o in literals:
        if type(o) is Lit:
            out.setdefault((o.language or "da").lower()[:2], []).append(" ".join(o.value.split()))
    return {lang: sorted(texts) for lang, texts in out.items()}


def _text(t: Term) -> str:
    """What ``str()`` of the rdflib term gives: the IRI, the blank node id or the literal's lexical form."""
    return t.value if type(t) is Lit else str(t)

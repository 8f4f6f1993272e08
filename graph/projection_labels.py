"""What each entity is called: preferred and alternative labels per language, unnamed posts named after
their role and organisation.

Split from ``graph.projection`` so the graph's shape (nodes, edges, qualifiers) and its naming can change
apart: which label wins (skos:prefLabel, rdfs:label, foaf:name, vcard:fn, dcterms:title in that order; a
person's name parts as a last resort; one name serving both languages) is a question of its own.
"""

from __future__ import annotations

from collections import defaultdict

from graph.adjacency import Adjacency
from graph.facts import Facts, Lit, Term
from graph.facts import as_str as _text
from graph.projection_terms import _ALT_LABEL, _T_NAME_PARTS, _T_PREF
from graph.vocab import Hierarchy


def _labels(g: Facts, h: Hierarchy, kinds: dict[Term, str]) -> tuple[dict[str, dict[str, str]], dict[str, list[str]]]:
    """Best label per language (da, en, untagged→'', others), and the alternative labels of the entities that
    have any (an entity's other names: ``skos:altLabel``, a second name in one language)."""
    # entity → its names as (rank of the predicate, language key, text), in the order they were found; or, for
    # most entities (a Danish and an English name from one predicate, and no other), their labels already
    found: dict[str, list[tuple[int, str, str]] | dict[str, str]] = {}
    alt: dict[str, list[str]] = defaultdict(list)
    lang_keys = _LangKeys({None: ""})
    for rank, base in enumerate(_T_PREF):
        for p in sorted(h.subproperties_iri(base)):
            for s, objs in g.subjects_of(p).items():
                if s not in kinds:
                    continue
                if rank == 0 and len(objs) == 2 and type(objs[0]) is Lit and type(objs[1]) is Lit:
                    # most entities: a Danish and an English name from one predicate, and no other (yet): their
                    # labels, as the ranking below would make them
                    (ta, la, _), (tb, lb, _) = objs
                    if (la == "da" and lb == "en") or (la == "en" and lb == "da"):
                        ta, tb = clean_text(ta), clean_text(tb)
                        nid = s if type(s) is str else _text(s)
                        if ta and tb and nid not in found:
                            found[nid] = {la: ta, lb: tb}
                            continue
                names = None
                for o in objs:
                    if type(o) is not Lit:
                        continue
                    text, lang, _ = o
                    if not (text.isprintable() and "  " not in text and text.strip() == text):
                        text = " ".join(text.split())  # see clean_text (inlined: 25,000 names at national scale)
                    if not text:
                        continue
                    lk = lang_keys[lang]
                    if names is None:
                        nid = s if type(s) is str else _text(s)
                        names = found.get(nid)
                        if names is None:
                            names = found[nid] = []
                        elif isinstance(names, dict):  # a second predicate names it too: the rank-0 pair as names
                            names = found[nid] = [(0, lang, text) for lang, text in names.items()]
                    names.append((rank, lk, text))  # type: ignore[union-attr]
    for p in sorted(h.subproperties_iri(_ALT_LABEL)):
        for s, o in g.subject_objects(p):
            if s in kinds and type(o) is Lit and o.value.strip():
                alt[_text(s)].append(clean_text(o.value))
    for s, kind in kinds.items():
        if kind == "person" and _text(s) not in found:
            parts = [_first_literal(g, s, preds) for preds in _T_NAME_PARTS]
            name = " ".join(p for p in parts if p)
            if name:
                found[_text(s)] = [(len(_T_PREF), "", name)]
    labels: dict[str, dict[str, str]] = {}
    grown = list(alt)  # the entries that may hold texts (to sort at the end): most entities' stay empty
    for nid, names in found.items():
        if isinstance(names, dict):
            labels[nid] = names
            continue
        if len(names) == 2:  # one name in each of two languages from one predicate, or two names
            (rank1, lang1, text1), (rank2, lang2, text2) = names
            if rank1 == rank2 and lang1 != lang2:
                best = {lang1: text1, lang2: text2}
                if (lang1 == "da" and lang2 == "en") or (lang1 == "en" and lang2 == "da"):
                    labels[nid] = best
                    continue
            else:
                best = _best_by_language(names, alt[nid])
        elif len(names) == 1:  # one name: it is the Danish and the English label too
            _, lang, text = names[0]
            labels[nid] = {lang: text, "da": text, "en": text}  # ("da" or "en" first when it is the name's)
            continue
        else:
            best = _best_by_language(names, alt[nid])
        others = alt[nid]  # a second name on one IRI stays findable
        grown.append(nid)
        chosen = dict(best)
        fallback = best.get("da") or best.get("") or best.get("en") or next(iter(best.values()))
        chosen["da"] = best.get("da") or fallback
        chosen["en"] = best.get("en") or best.get("") or chosen["da"]
        for value in best.values():
            if value not in (chosen["da"], chosen["en"]):
                others.append(value)
        labels[nid] = chosen
    for nid in dict.fromkeys(grown):
        if alt[nid]:
            alt[nid] = sorted(set(alt[nid]))
    return labels, {nid: texts for nid, texts in alt.items() if texts}  # only the entities that have some


class _LangKeys(dict[str | None, str]):
    """Language tag → its key ("da-DK" → "da"), worked out once per tag."""

    def __missing__(self, lang: str | None) -> str:
        # None (no language) is given when the table is made
        key = self[lang] = lang.lower()[:2]  # type: ignore[union-attr]
        return key


def _best_by_language(names: list[tuple[int, str, str]], others: list[str]) -> dict[str, str]:
    """Per language the first (by predicate rank, then text) of an entity's names; the other texts of the
    predicate and language that gave it go to ``others``."""
    by: dict[tuple[int, str], list[str]] = {}
    for rank, lang, text in names:
        texts = by.get((rank, lang))
        if texts is None:
            by[rank, lang] = [text]
        else:
            texts.append(text)
    best: dict[str, str] = {}
    for key in sorted(by, key=_rank_of) if len(by) > 1 else by:
        values = sorted(by[key]) if len(by[key]) > 1 else by[key]
        best.setdefault(key[1], values[0])
        others.extend(values[1:])
    return best


def clean_text(value: str) -> str:
    """``" ".join(value.split())``: runs of white space as one space, none at the ends. Most texts are clean
    already, and then no new string is made: a printable text's only white space is the ASCII space (and
    ``strip`` of a text with none at its ends is the text itself, without slicing off its ends to compare)."""
    if value.isprintable() and "  " not in value and value.strip() == value:
        return value
    return " ".join(value.split())


def _first_literal(g: Facts, s: Term, preds: tuple[str, ...]) -> str:
    for p in preds:
        for o in g.objects(s, p):
            if type(o) is Lit and o.value.strip():
                return clean_text(o.value)
    return ""


def _rank_of(key: tuple[int, str]) -> int:
    return key[0]


def _label_unnamed_posts(nxg: Adjacency, labels: dict[str, dict[str, str]]) -> None:
    """Name posts so a person can tell them apart.

    A post without a label (e.g. only org:role) is named after its role; a post whose label is
    shared with other posts ("Referatsleitung" ×40) gets its organisation added.
    """
    node, succ = nxg.nodes, nxg.succ
    posts = [(nid, node[nid]) for nid in nxg.by_kind().get("post", ())]  # (the grouping the indexes use later)
    counts: dict[str, int] = defaultdict(int)
    for nid, data in posts:
        if nid not in labels:
            data["label"] = data["label_en"] = str(data.get("role") or "Post")
        counts[data["label"]] += 1
    for nid, data in posts:
        if counts[data["label"]] < 2:
            continue
        orgs = [v for v, keyed in succ[nid].items() if "post_in" in keyed]
        if not orgs:
            continue
        first = min(orgs, key=lambda v: node[v]["label"])  # the first of equals, as sorting would keep it
        if node[first]["label"] not in data["label"]:
            data["label"] = f"{data['label']}, {node[first]['label']}"
            data["label_en"] = f"{data['label_en']}, {node[first]['label_en']}"

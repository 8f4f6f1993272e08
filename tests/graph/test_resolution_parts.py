"""The name index builds one kind's keys on the first lookup that allows that kind. What it answers must not
depend on which kinds were asked about first: a sixth of the bundled data's labels and a few words, resolved for askers and for
any kind, gives the same entity (or the same error with the same candidates) on a fresh index and on one
whose every kind was built beforehand."""

from __future__ import annotations

from typing import Any

from graph.contacts import ASKER_KINDS
from graph.errors import AmbiguousEntity, EntityNotFound
from graph.model import Model, load


def _outcome(model: Model, text: str, kinds: Any) -> object:
    try:
        return model.resolve(text, kinds=kinds)
    except AmbiguousEntity as exc:
        return ("ambiguous", sorted(c.id for c in exc.candidates))
    except EntityNotFound as exc:
        return ("not found", sorted(c.id for c in exc.suggestions))


def test_lookups_do_not_depend_on_which_kinds_were_built_first() -> None:
    fresh, built = load(), load()
    built.index.search("x")  # every kind's keys, before any lookup below
    labels = sorted({built.label(n) for n in built.nx})[::6]  # every kind is among them
    texts = [*labels, "psykiatri", "Norddjurs", "ppr", "Sonderborg", "xyzzy"]
    for kinds in (ASKER_KINDS, None, ("channel", "organisation")):
        for text in texts:
            assert _outcome(fresh, text, kinds) == _outcome(built, text, kinds), (text, kinds)


def test_exact_lines_find_what_a_part_holds_in_its_order() -> None:
    """``Lines`` (an asker's first lookup) answers an exact key with the very set a ``Part`` holds, in its order."""
    from graph.label_keys import Lines, Part, names

    model = load()
    nodes, by_lang, alt = model.adjacency.nodes, model.labels_by_lang, model.alt_labels
    for kind in sorted({d["kind"] for d in nodes.values()}):
        ids = [n for n, d in nodes.items() if d["kind"] == kind]
        part = Part([(n, *names(nodes, by_lang, alt, n)) for n in ids], {})
        lines = Lines.of(ids, nodes, by_lang)
        assert lines is not None
        for key in [*part.exact, "xyzzy"]:
            assert list(lines.exact_ids(key)) == list(part.exact_ids(key)), (kind, key)

"""How to reach a contact point (e-mail, phone, web), the part of ``describe`` a contact answer shows.

Apart from ``graph.describe`` so a contact answer imports this and not the whole entity page (mandates,
meeting rules, the context sections): the command line pays for every module it imports.
"""

from __future__ import annotations

from typing import Any

from graph.facts import Lit, as_str, python_value
from graph.model import Model
from ontology.iris import FOAF, SK, VCARD

__all__ = ["contact_point", "strip_scheme"]


def contact_point(model: Model, cp: str, *, include_personal: bool = False) -> dict[str, Any]:
    """A contact point; a person's own e-mail/phone only when ``include_personal``."""
    facts = model.triple_index()  # plain terms: a contact answer needs no rdflib
    functional = facts.value(cp, SK.functional)
    # rdflib's truth value of the term's Python value (an IRI or blank node counts as true)
    is_functional = functional is None or type(functional) is not Lit or bool(python_value(functional))
    out: dict[str, Any] = {**model.ref(cp), "functional": is_functional}
    if is_functional or include_personal:
        for key, preds in (
            ("email", (VCARD.hasEmail, VCARD.email, FOAF.mbox)),
            ("phone", (VCARD.hasTelephone, VCARD.tel, FOAF.phone)),
            ("url", (VCARD.hasURL, FOAF.homepage)),
        ):
            values = sorted({strip_scheme(as_str(o)) for p in preds for o in facts.objects(cp, p)})
            if values:
                out[key] = values
    else:
        out["withheld"] = True
    return out


def strip_scheme(v: Any) -> Any:
    """The text of a term, without a ``mailto:`` or ``tel:`` scheme (None stays None)."""
    if v is None:
        return None
    s = str(v)
    return s[len("mailto:") :] if s.startswith("mailto:") else s[len("tel:") :] if s.startswith("tel:") else s

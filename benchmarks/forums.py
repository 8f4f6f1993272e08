"""Forums: the forum node, its mandate (kommissorium) with items, deadline and meeting rule, its seats,
and the open questions a source would leave (no chair, no secretariat).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .builder import Builder, Org, Pairs, T
from .rdf_text import decimal, duration, integer, lit, node

__all__ = ["SeatSpec", "forum", "member"]


@dataclass(frozen=True)
class SeatSpec:
    """A seat to create: role, on behalf of whom, count range, decision authority, topics, holder odds."""

    role: str
    who: Org
    low: int = 1
    high: int = 1
    decision: bool | None = None
    topic_kind: str | None = None
    p_held: float = 0.2


def member(
    who: Org, low: int = 1, high: int = 1, decision: bool | None = None, topic_kind: str | None = None
) -> SeatSpec:
    return SeatSpec(T.sk_MemberRole, who, low, high, decision, topic_kind)


def forum(
    b: Builder,
    local: str,
    kind: str,
    da: str,
    en: str,
    *,
    sector: str,
    seats: Sequence[SeatSpec],
    secretariat: Org | None,
    approver: Org | None,
    topic_kind: str | None = None,
    abbreviation: str | None = None,
    extra: Sequence[tuple[str, str]] = (),
    seat_extra: Sequence[tuple[str, str]] = (),
) -> Org:
    """Write a forum with mandate and seats; a missing chair or secretariat becomes an sk:OpenQuestion."""
    b.open_section(f"Kommissorium for {da}")
    pairs: Pairs = [(T.sk_sector, sector), (T.sk_hasMandate, node(f"{local}/kommissorium"))]
    if abbreviation is not None:
        pairs.append((T.sk_abbreviation, lit(abbreviation)))
    if secretariat is not None:
        pairs.append((T.sk_secretariatIn, secretariat.iri))
    if topic_kind is not None:
        pairs += b.topics(topic_kind, 1, 3)
    if b.chance(0.4):
        pairs.append((T.sk_contactPoint, b.contact_point(Org(node(local), da, en))))
    pairs += extra
    body = Org(b.typed(local, kind, da, en, pairs), da, en)
    _mandate(b, local, body, approver, topic_kind)
    for spec in seats:
        b.seat(
            body,
            spec.role,
            spec.who,
            low=spec.low,
            high=spec.high,
            decision=spec.decision,
            topic_kind=spec.topic_kind,
            p_held=spec.p_held,
            extra=seat_extra,
        )
    if not any(spec.role in (T.sk_ChairRole, T.sk_CoChairRole) for spec in seats):
        b.open_question(
            body,
            "chair",
            f"Kilden nævner ikke, hvem der er formand for {da}.",
            f"The source does not say who chairs {en}.",
        )
    if secretariat is None:
        b.open_question(
            body,
            "secretariat",
            f"Kilden nævner ikke, hvor sekretariatet for {da} er forankret.",
            f"The source does not say where the secretariat of {en} is anchored.",
        )
    return body


def _mandate(b: Builder, local: str, body: Org, approver: Org | None, topic_kind: str | None) -> None:
    purpose_da, purpose_en = b.rng.choice(_PURPOSES)
    pairs: Pairs = [
        (T.sk_purpose, lit(purpose_da.format(body.da), "da")),
        (T.sk_purpose, lit(purpose_en.format(body.en), "en")),
    ]
    if approver is not None and b.chance(0.8):
        pairs += [(T.sk_approvedBy, approver.iri), (T.sk_approvedOn, b.day(2019, 2025))]
        if b.chance(0.3):
            pairs.append((T.sk_updatedOn, b.day(2025, 2026)))
    counts = {
        "task": b.rng.randint(4, 8),
        "competence": b.rng.randint(0, 2),
        "duty": b.rng.randint(1, 2),
        "principle": b.rng.randint(0, 2),
        "element": b.rng.randint(0, 1),
    }
    items: list[tuple[str, str, str, str, int]] = []
    for kind, count in counts.items():
        word, texts = _ITEMS[kind]
        for order, (item_da, item_en) in enumerate(b.rng.sample(texts, count), start=1):
            item_local = f"{local}/kommissorium/{word}-{order}"
            pairs.append((getattr(T, f"sk_{kind}"), node(item_local)))
            items.append((item_local, item_da, item_en, kind, order))
    has_deadline = b.chance(0.4)
    if has_deadline:
        pairs.append((T.sk_deadline, node(f"{local}/kommissorium/frist-1")))
    pairs.append((T.sk_meetingRule, node(f"{local}/kommissorium/moederegel")))
    labels = f"Kommissorium for {body.da}", f"Terms of reference of {body.en}"
    b.typed(f"{local}/kommissorium", T.sk_Mandate, *labels, pairs)
    for item_local, item_da, item_en, kind, order in items:
        item_pairs: Pairs = [(T.sk_order, integer(order))]
        if topic_kind is not None and kind == "task" and b.chance(0.3):
            item_pairs += b.topics(topic_kind, 1, 1)
        b.typed(item_local, T.sk_MandateItem, item_da, item_en, item_pairs)
    if has_deadline:
        deadline: Pairs = [(T.sk_dueDate, b.day(2024, 2027))]
        if b.chance(0.3):
            deadline.append((T.sk_outcome, lit("Status forelagt og taget til efterretning", "da")))
        b.typed(
            f"{local}/kommissorium/frist-1",
            T.sk_Deadline,
            "Status på implementeringen",
            "Status on implementation",
            deadline,
        )
    low = b.rng.randint(2, 5)
    rule: Pairs = [
        (T.sk_meetingsPerYearMin, integer(low)),
        (T.sk_meetingsPerYearMax, integer(low + b.rng.randint(0, 2))),
        (T.sk_agendaProposalLead, duration(b.rng.choice((14, 21)))),
        (T.sk_agendaLead, duration(b.rng.choice((5, 7)))),
        (T.sk_minutesWithin, duration(b.rng.choice((7, 14)))),
        (T.sk_meetingDurationHours, decimal(b.rng.choice((1.5, 2.0, 3.0)))),
        (T.sk_meetingPlace, lit(b.rng.choice(_PLACES), "da")),
    ]
    b.typed(f"{local}/kommissorium/moederegel", T.sk_MeetingRule, "Mødeform", "Meetings", rule)


_PURPOSES = (
    (
        "{} skal sikre, at aftalen om børn og unge i psykisk mistrivsel omsættes til fælles praksis.",
        "{} shall make sure the collaboration agreement on children and young people in distress "
        "becomes shared practice.",
    ),
    (
        "{} skal styrke sammenhængen på tværs af kommuner, almen praksis og hospitaler.",
        "{} shall strengthen coherence across municipalities, general practice and hospitals.",
    ),
    (
        "{} skal koordinere den tværsektorielle indsats og følge op på fælles udviklingsområder.",
        "{} shall coordinate the cross-sector effort and follow up on shared development areas.",
    ),
    (
        "{} skal forberede sager til beslutning og sikre gensidig orientering mellem sektorerne.",
        "{} shall prepare cases for decision and keep the sectors informed of each other.",
    ),
)

_ITEMS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "task": (
        "opgave",
        (
            ("Identificere fælles udviklingsområder", "Identify shared development areas"),
            ("Opbygge strukturelle samarbejdsflader", "Build structural points of collaboration"),
            (
                "Oprette en kommunikationsvej mellem almen praksis og kommunerne",
                "Set up a communication route between general practice and the municipalities",
            ),
            (
                "Sikre samarbejdet om rådgivning fra børne- og ungdomspsykiatrien",
                "Secure the collaboration on advice from child and adolescent psychiatry",
            ),
            ("Følge op på forløbsprogrammerne", "Follow up on the care pathway programmes"),
            ("Styrke kendskabet til hinandens handlemuligheder", "Improve knowledge of each other's options"),
            ("Udarbejde fælles materiale til fagpersoner", "Prepare shared material for professionals"),
            ("Følge op på det lettilgængelige behandlingstilbud", "Follow up on the easy-access offer"),
            ("Afdække behov for faste kontaktpersoner", "Map the need for fixed contact persons"),
            ("Sikre gode overgange mellem sektorerne", "Ensure good transitions between sectors"),
        ),
    ),
    "competence": (
        "kompetence",
        (
            ("Træffe beslutning om fælles arbejdsgange", "Decide on shared workflows"),
            ("Nedsætte arbejdsgrupper", "Set up working groups"),
            ("Prioritere fælles udviklingsområder", "Prioritise shared development areas"),
        ),
    ),
    "duty": (
        "pligt",
        (
            ("Medlemmerne sikrer forankring i egen organisation", "Members embed decisions at home"),
            ("Medlemmerne deltager med beslutningskompetence", "Members attend with decision authority"),
            ("Medlemmerne orienterer deres bagland", "Members brief their constituencies"),
        ),
    ),
    "principle": (
        "princip",
        (
            ("Barnets perspektiv er udgangspunktet", "The child's perspective comes first"),
            ("Mindste indgribende indsats", "Least intrusive intervention"),
            ("Én plan for barnet på tværs af sektorer", "One plan for the child across sectors"),
        ),
    ),
    "element": (
        "element",
        (
            ("Fælles sprog om børn og unges mentale sundhed", "A shared language on mental health"),
            ("Fælles overblik over tilbud", "A shared overview of services"),
        ),
    ),
}

_PLACES = ("Skiftevis hos medlemmerne", "Virtuelt møde", "Regionshuset", "Rådhuset i værtskommunen")

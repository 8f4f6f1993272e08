"""A health cluster around an acute hospital: members, the cluster steering group, the implementation group on
children and young people in distress, its contact-person requirements, and sometimes a proposed chief-level
steering group that exists only in the scenario ``styregruppe-chefniveau``.
"""

from __future__ import annotations

from .actors import ClusterBodies, Municipality, RegionActors
from .builder import Builder, Org, Pairs, T
from .forums import SeatSpec, forum, member
from .rdf_text import date, node

__all__ = ["CLUSTER_END", "CLUSTER_START", "SCENARIO", "cluster"]

#: Clusters, SSU and their forums run from 1 July 2022 and are abolished from 2027 (L 191, L 214).
CLUSTER_START = date(2022, 7, 1)
CLUSTER_END = date(2026, 12, 31)
SCENARIO = "syn/scenarie/styregruppe-chefniveau"

_HOSPITAL_UNITS = (
    ("akut", "Akutmodtagelsen", "Emergency department"),
    ("ledelse", "Hospitalsledelsen", "Hospital management"),
)


def cluster(b: Builder, reg: RegionActors, munis: list[Municipality], name: str) -> ClusterBodies:
    """The cluster named after its acute hospital's town ``name``, with its forums and lines."""
    number = b.next("cluster")
    base = f"syn/klynge/{number}"
    b.open_section(f"{name}klyngen (Klynge {number})")
    hospital = b.org(
        f"{base}/hospital",
        T.sk_Hospital,
        f"Regionshospitalet {name}, {reg.region.da}",
        f"{name} Regional Hospital, {reg.region.en}",
        T.sk_SectorSomatic,
        reg.region,
    )
    children = b.unit(
        f"{base}/hospital/boern",
        f"Børne- og Ungeafdelingen, Regionshospitalet {name}",
        f"Paediatric department, {name} Regional Hospital",
        hospital,
        T.sk_SectorSomatic,
        "boerneafdeling",
    )
    for slug, da, en in _HOSPITAL_UNITS:
        topics = "boerneafdeling" if slug == "akut" else None
        b.unit(
            f"{base}/hospital/{slug}",
            f"{da}, Regionshospitalet {name}",
            f"{en}, {name} Regional Hospital",
            hospital,
            T.sk_SectorSomatic,
            topics,
        )
    for m in munis:
        if b.chance(0.5):
            b.channel(m["health_visitors"], children, "boerneafdeling", p_state=(0.7, 0.8, 0.9))

    span = [(T.sk_status, T.sk_Active), (T.sk_validFrom, CLUSTER_START), (T.sk_validUntil, CLUSTER_END)]
    health_cluster = b.org(
        base,
        T.sk_HealthCluster,
        f"{name}klyngen",
        f"{name} cluster",
        T.sk_SectorCrossSector,
        extra=[(T.sk_acuteHospital, hospital.iri), *span],
    )
    for party in [m.org for m in munis] + [hospital, reg.psych, reg.gp_org]:
        b.membership(health_cluster, party, CLUSTER_START if b.chance(0.8) else None)

    host = b.rng.choice(munis)
    steering = forum(
        b,
        f"{base}/styregruppe",
        T.sk_ClusterSteeringGroup,
        f"Klyngestyregruppen, {health_cluster.da}",
        f"Cluster steering group, {health_cluster.en}",
        sector=T.sk_SectorCrossSector,
        secretariat=hospital if b.chance(0.9) else None,
        approver=None,
        extra=[(T.sk_clusterOf, health_cluster.iri), *span],
        seats=[
            SeatSpec(T.sk_CoChairRole, hospital, p_held=0.6),
            SeatSpec(T.sk_CoChairRole, host.org, p_held=0.6),
            *(member(m.org, 1, 2, True) for m in munis),
            member(hospital, 1, 2, True),
            member(reg.psych, 1, 1, True),
            member(reg.gp_org, 1, 2),
            SeatSpec(T.sk_SecretaryRole, hospital),
        ],
    )
    chair = host.org if b.chance(0.8) else None  # else the source leaves the chair open
    implementation = forum(
        b,
        f"{base}/implementeringsgruppe",
        T.sk_ImplementationGroup,
        f"Implementeringsgruppe om børn og unge i mistrivsel, {health_cluster.da}",
        f"Implementation group on children and young people in distress, {health_cluster.en}",
        sector=T.sk_SectorCrossSector,
        secretariat=chair,
        approver=steering,
        topic_kind="lettilgaengeligt",
        seats=_implementation_seats(b, reg, munis, children, chair),
        extra=b.lifecycle(0.7),
    )
    b.line(
        implementation,
        steering,
        T.org_reportsTo,
        "Kommissoriet: gruppen refererer til klyngestyregruppen",
        "Terms of reference: the group reports to the cluster steering group",
    )
    for m in munis:
        if b.chance(0.5):
            b.requirement(m["ppr"], implementation)
        if b.chance(0.5):
            b.requirement(m["family"], reg.bua)
    b.requirement(reg.bua, implementation, p_fulfilled=0.3)
    if b.chance(0.3):
        _schools_responsibility(b, base, health_cluster, implementation, munis)
    if b.chance(0.25):
        _chief_level_scenario(b, base, health_cluster, implementation, steering, hospital, munis, reg)
    return ClusterBodies(health_cluster, hospital, steering, implementation)


def _implementation_seats(
    b: Builder, reg: RegionActors, munis: list[Municipality], children: Org, chair: Org | None
) -> list[SeatSpec]:
    """1–2 decision-competent members per municipality and per regional party, as in seed 000."""
    seats = [SeatSpec(T.sk_ChairRole, chair, p_held=0.5)] if chair else []
    for m in munis:
        seats.append(member(m["ppr"], 1, 2, True, "ppr"))
        for key, p, decision, topics in (
            ("family", 0.6, True, "familie"),
            ("health_visitors", 0.5, None, "sundhedspleje"),
            ("gp_liaison", 0.5, None, "praksis"),
            ("kui", 0.3, None, "kui"),
            ("schools_dept", 0.3, True, None),
        ):
            if b.chance(p):
                seats.append(member(m[key], 1, 1, decision, topics))
    seats += [
        member(children, 1, 1, True, "boerneafdeling"),
        member(reg.bua, 1, 2, True, "bua"),
        member(reg.gp_org, 1, 1, None, "praksis"),
    ]
    if b.chance(0.5):
        seats.append(member(reg.advice, 1, 1, None, "raadgivning"))
    if chair:
        seats.append(SeatSpec(T.sk_SecretaryRole, chair))
        if b.chance(0.2):
            seats.append(SeatSpec(T.sk_ProjectLeaderRole, chair))
    return seats


def _schools_responsibility(
    b: Builder,
    base: str,
    cluster: Org,
    group: Org,
    munis: list[Municipality],
) -> None:
    """The schools' part of the agreement: placed with a schools department, or left open."""
    pairs: Pairs = [(T.sk_responsibilityOf, group.iri)]
    placed = b.chance(0.5)
    if placed:
        pairs.append((T.sk_placedWith, b.rng.choice(munis)["schools_dept"].iri))
    da = f"Skolernes rolle i samarbejdsaftalen, {cluster.da}"
    en = f"The schools' role in the agreement, {cluster.en}"
    duty = Org(b.typed(f"{base}/ansvar-skoler", T.sk_Responsibility, da, en, pairs), da, en)
    if not placed:
        b.open_question(
            duty,
            "placement",
            "Kilden placerer ikke ansvaret hos en bestemt enhed.",
            "The source does not place this responsibility with a unit.",
        )


def _chief_level_scenario(
    b: Builder,
    base: str,
    cluster: Org,
    group: Org,
    steering: Org,
    hospital: Org,
    munis: list[Municipality],
    reg: RegionActors,
) -> None:
    """A proposed extra layer between the implementation group and the cluster steering group (seed 002)."""
    scenario = [(T.sk_inScenario, node(SCENARIO))]
    chief = forum(
        b,
        f"{base}/chefgruppe",
        T.sk_SteeringGroup,
        f"Styregruppe på chefniveau, {cluster.da}",
        f"Chief-level steering group, {cluster.en}",
        sector=T.sk_SectorCrossSector,
        secretariat=hospital,
        approver=steering,
        extra=[(T.sk_status, T.sk_Proposed), *scenario],
        seat_extra=scenario,
        seats=[
            SeatSpec(T.sk_ChairRole, hospital),
            *(member(m.org, 1, 1, True) for m in munis),
            member(reg.bua),
        ],
    )
    b.line(
        group,
        chief,
        T.org_reportsTo,
        "Forslag: implementeringsgruppen refererer til chefgruppen",
        "Proposal: the implementation group reports to the chief-level group",
        scenario,
    )
    b.line(
        chief,
        steering,
        T.org_reportsTo,
        "Forslag: chefgruppen refererer til klyngestyregruppen",
        "Proposal: the chief-level group reports to the cluster steering group",
        scenario,
    )

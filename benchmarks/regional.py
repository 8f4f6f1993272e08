"""A region's own forums (SSU, SSG, KOSU, Psykiatriforum, the joint implementation group, topical working
groups), the reporting lines between them and the clusters, and the national forums above the regions.

Lines follow the real shape: implementation group → cluster steering group → SSU; KOSU → SSG → SSU.
"""

from __future__ import annotations

from .actors import ClusterBodies, Municipality, National, RegionActors
from .builder import Builder, Org, T
from .clusters import CLUSTER_END, CLUSTER_START
from .forums import SeatSpec, forum, member
from .rdf_text import node
from .topic_table import TOPICS

__all__ = ["RegionalForums", "national_forums", "regional_forums"]

RegionalForums = tuple[Org, Org, Org]  #: (SSU, SSG, psychiatric service) of one region, for national forums


def regional_forums(
    b: Builder,
    reg: RegionActors,
    munis: list[Municipality],
    clusters: list[ClusterBodies],
    working_groups: int,
) -> RegionalForums:
    base, reg_da, reg_en = reg.region.local, reg.region.da, reg.region.en
    span = [(T.sk_status, T.sk_Active), (T.sk_validFrom, CLUSTER_START), (T.sk_validUntil, CLUSTER_END)]
    ssu = forum(
        b,
        f"{base}/ssu",
        T.sk_Committee,
        f"Sundhedssamarbejdsudvalget, {reg_da}",
        f"Health Collaboration Committee, {reg_en}",
        sector=T.sk_SectorCrossSector,
        abbreviation="SSU",
        secretariat=reg.planning,
        approver=reg.region,
        extra=span,
        seats=[
            SeatSpec(T.sk_ChairRole, reg.region, p_held=0.7),
            SeatSpec(T.sk_CoChairRole, reg.kkr, p_held=0.7),
            member(reg.region, 4, 4),
            member(reg.kkr, 4, 4),
            member(reg.gp_org),
            SeatSpec(T.sk_SecretaryRole, reg.planning),
        ],
    )
    host = b.rng.choice(munis).org
    kosu = forum(
        b,
        f"{base}/kosu",
        T.sk_AdministrativeForum,
        f"Den Kommunale Sundhedsstyregruppe, {reg_da}",
        f"Municipal Health Steering Group, {reg_en}",
        sector=T.sk_SectorMunicipal,
        abbreviation="KOSU",
        secretariat=host,
        approver=reg.kkr,
        extra=b.lifecycle(0.8),
        seats=[
            SeatSpec(T.sk_ChairRole, host, p_held=0.5),
            *(member(m.org, 1, 1, True) for m in munis),
            SeatSpec(T.sk_SecretaryRole, host),
        ],
    )
    ssg = forum(
        b,
        f"{base}/ssg",
        T.sk_SteeringGroup,
        f"Sundhedsstyregruppen, {reg_da}",
        f"Health Steering Group, {reg_en}",
        sector=T.sk_SectorCrossSector,
        abbreviation="SSG",
        secretariat=reg.planning,
        approver=ssu,
        extra=b.lifecycle(0.8),
        seats=[
            SeatSpec(T.sk_CoChairRole, reg.region, p_held=0.5),
            SeatSpec(T.sk_CoChairRole, b.rng.choice(munis).org, p_held=0.5),
            member(kosu, 4, 6, True),
            *(member(c.hospital, 1, 1, True) for c in clusters),
            member(reg.psych, 1, 1, True),
            member(reg.gp_org, 2, 2),
            SeatSpec(T.sk_SecretaryRole, reg.planning),
        ],
    )
    psychiatry = forum(
        b,
        f"{base}/psykiatriforum",
        T.sk_AdministrativeForum,
        f"Psykiatriforum, {reg_da}",
        f"Psychiatry Forum, {reg_en}",
        sector=T.sk_SectorCrossSector,
        secretariat=reg.planning,
        approver=ssg,
        topic_kind="bua",
        extra=b.lifecycle(0.8),
        seats=[
            SeatSpec(T.sk_ChairRole, reg.psych),
            member(reg.psych, 2, 3, True),
            member(reg.bua, 1, 1, True, "bua"),
            member(kosu, 3, 5, True),
            member(reg.gp_org, 1, 2),
            member(reg.planning),
            SeatSpec(T.sk_SecretaryRole, reg.planning),
        ],
    )
    co_chair = b.rng.choice(munis).org
    joint = forum(
        b,
        f"{base}/samarbejdsmodel",
        T.sk_ImplementationGroup,
        f"Fælles implementeringsgruppe for samarbejdsmodellen, {reg_da}",
        f"Joint implementation group for the collaboration model, {reg_en}",
        sector=T.sk_SectorCrossSector,
        secretariat=reg.planning if b.chance(0.85) else None,
        approver=ssg,
        topic_kind="lettilgaengeligt",
        extra=b.lifecycle(0.9),
        seats=[
            SeatSpec(T.sk_CoChairRole, reg.bua, p_held=0.5),
            SeatSpec(T.sk_CoChairRole, co_chair),
            *(member(m[b.rng.choice(("ppr", "easy_access"))], 1, 1, True, "lettilgaengeligt") for m in munis),
            member(reg.bua, 2, 2, True, "bua"),
            member(reg.advice, 1, 1, None, "raadgivning"),
            member(reg.gp_org, 1, 2, None, "praksis"),
            SeatSpec(T.sk_SecretaryRole, reg.planning),
        ],
    )
    _lines(b, ssu, ssg, kosu, psychiatry, joint, clusters)
    _working_groups(b, base, reg, munis, joint, working_groups)
    return ssu, ssg, reg.psych


def _lines(
    b: Builder, ssu: Org, ssg: Org, kosu: Org, psychiatry: Org, joint: Org, clusters: list[ClusterBodies]
) -> None:
    b.line(
        ssg,
        ssu,
        T.org_reportsTo,
        "Forbereder sager til Sundhedssamarbejdsudvalget",
        "Prepares cases for the Health Collaboration Committee",
    )
    b.line(
        kosu,
        ssg,
        T.sk_raisesDecisionsTo,
        "Indstiller kommunale sager til fælles beslutning",
        "Raises municipal cases for a joint decision",
    )
    if b.chance(0.6):
        basis = "Indstiller principielle sager", "Raises matters of principle"
        b.line(kosu, ssu, T.sk_raisesDecisionsTo, *basis)
    b.line(
        psychiatry,
        ssg,
        T.org_reportsTo,
        "Kommissoriet: forummet refererer til Sundhedsstyregruppen",
        "Terms of reference: the forum reports to the Health Steering Group",
    )
    b.line(
        psychiatry,
        ssu,
        T.sk_givesStatusTo,
        "Giver input til Sundhedssamarbejdsudvalget",
        "Gives input to the Health Collaboration Committee",
    )
    b.line(
        joint,
        ssg,
        T.org_reportsTo,
        "Kommissoriet: gruppen refererer til Sundhedsstyregruppen",
        "Terms of reference: the group reports to the Health Steering Group",
    )
    for c in clusters:
        b.line(
            c.steering,
            ssu,
            T.org_reportsTo,
            "Klyngestyregruppen refererer til Sundhedssamarbejdsudvalget",
            "The cluster steering group reports to the Health Collaboration Committee",
        )
        if b.chance(0.5):
            b.line(
                c.steering,
                ssg,
                T.sk_givesStatusTo,
                "Giver årlig status på klyngens arbejde",
                "Gives an annual status on the cluster's work",
            )
        if b.chance(0.4):
            b.line(
                c.implementation,
                kosu,
                T.sk_communicatesWith,
                "Gensidig orientering om kommunale indsatser",
                "Mutual briefing on municipal efforts",
            )
        if b.chance(0.3):
            b.line(
                c.implementation,
                joint,
                T.sk_givesStatusTo,
                "Giver status til den fælles implementeringsgruppe",
                "Gives status to the joint implementation group",
            )


def _working_groups(
    b: Builder, base: str, reg: RegionActors, munis: list[Municipality], joint: Org, count: int
) -> None:
    for number, topic in enumerate(b.rng.sample(TOPICS, count), start=1):
        picks = b.rng.sample(munis, min(len(munis), b.rng.randint(2, 5)))
        seats = [member(m["ppr"], 1, 1, None, "ppr") for m in picks] + [member(reg.bua, 1, 1, None, "bua")]
        if b.chance(0.7):
            seats.insert(0, SeatSpec(T.sk_ChairRole, reg.advice))
        group = forum(
            b,
            f"{base}/arbejdsgruppe-{number}",
            T.sk_WorkingGroup,
            f"Arbejdsgruppe om {topic.da.lower()}, {reg.region.da}",
            f"Working group on {topic.en.lower()}, {reg.region.en}",
            sector=T.sk_SectorCrossSector,
            secretariat=reg.advice if b.chance(0.6) else None,
            approver=joint,
            seats=seats,
            extra=[(T.sk_handlesTopic, node(f"syn/emne/{topic.slug}")), *b.lifecycle(0.6)],
        )
        b.line(
            group,
            joint,
            T.org_reportsTo,
            "Arbejdsgruppen refererer til den fælles implementeringsgruppe",
            "The working group reports to the joint implementation group",
        )


def national_forums(b: Builder, land: int, nat: National, regions: list[RegionalForums]) -> None:
    """A national partnership (SSUs give status to it) and a psychiatry coordination committee."""
    b.open_section(f"Nationale fora, Land {land}")
    partnership = forum(
        b,
        f"syn/land/{land}/partnerskab",
        T.sk_Partnership,
        f"Nationalt partnerskab om børn og unges mentale sundhed, Land {land}",
        f"National partnership on young people's mental health, Country {land}",
        sector=T.sk_SectorNational,
        secretariat=nat.authority,
        approver=nat.authority,
        topic_kind="national",
        extra=b.lifecycle(0.9),
        seats=[
            SeatSpec(T.sk_ChairRole, nat.authority, p_held=0.8),
            member(nat.advice),
            member(nat.gp_org),
            *(member(ssu, 1, 2) for ssu, _, _ in regions),
            SeatSpec(T.sk_SecretaryRole, nat.authority),
        ],
    )
    committee = forum(
        b,
        f"syn/land/{land}/psykiatriudvalg",
        T.sk_Committee,
        f"Nationalt koordinationsudvalg for psykiatri, Land {land}",
        f"National psychiatry coordination committee, Country {land}",
        sector=T.sk_SectorNational,
        secretariat=nat.authority,
        approver=nat.authority,
        extra=b.lifecycle(0.9),
        seats=[
            SeatSpec(T.sk_ChairRole, nat.authority),
            *(member(psych, 1, 1, True) for _, _, psych in regions),
            member(nat.gp_org),
            SeatSpec(T.sk_SecretaryRole, nat.authority),
        ],
    )
    b.line(committee, partnership, T.sk_communicatesWith, "Gensidig orientering", "Mutual briefing")
    for ssu, ssg, _ in regions:
        b.line(
            ssu,
            partnership,
            T.sk_givesStatusTo,
            "Giver årlig status til partnerskabet",
            "Gives an annual status to the partnership",
        )
        if b.chance(0.5):
            b.line(
                ssg,
                committee,
                T.sk_communicatesWith,
                "Orienterer om regionale psykiatrisager",
                "Briefs on regional psychiatry matters",
            )

"""A municipality with its ~15 units (PPR, health visitors, family department, schools, KUI …), the general
practices in it, and the channels from both to the region's child psychiatry advice unit.
"""

from __future__ import annotations

from typing import NamedTuple

from .actors import Municipality, National, RegionActors
from .builder import Builder, Org, Pairs, T
from .rdf_text import lit, node

__all__ = ["municipal_channels", "municipality", "practices"]


class _UnitSpec(NamedTuple):
    key: str
    slug: str
    da: str
    en: str
    parent: str  #: key of the parent unit, or "muni"
    topics: str | None = None  #: topic kind (benchmarks.topic_table.UNIT_TOPICS)
    abbreviation: str | None = None
    alt_da: str | None = None  #: another name people use
    p_mailbox: float = 0.0  #: chance of a functional mailbox


# Parents first. Fields: key, slug, Danish and English name, parent, topic kind, abbreviation, other Danish
# name, chance of a mailbox.
# fmt: off
_UNITS = (
    _UnitSpec("children", "boern-unge", "Børn og Unge", "Children and Youth", "muni"),
    _UnitSpec("health", "sundhed", "Sundhed og Omsorg", "Health and Care", "muni"),
    _UnitSpec("ppr", "ppr", "Pædagogisk Psykologisk Rådgivning", "Educational-psychological service",
              "children", "ppr", "PPR", "PPR", 0.5),
    _UnitSpec("health_visitors", "sundhedspleje", "Sundhedsplejen", "Health visitors",
              "children", "sundhedspleje", None, "Sundhedsplejerskerne", 0.6),
    _UnitSpec("family", "familie", "Familieafdelingen (myndighed)", "Family department (authority)",
              "children", "familie", None, "Børne- og familierådgivningen", 0.6),
    _UnitSpec("treatment", "familiebehandling", "Familiebehandlingen", "Family treatment",
              "family", "familiebehandling"),
    _UnitSpec("daycare", "dagtilbud", "Dagtilbud", "Day care", "children", "dagtilbud"),
    _UnitSpec("schools_dept", "skoleafdeling", "Skoleafdelingen", "Schools department", "children"),
    _UnitSpec("youth", "ungdomsskole", "Ungdomsskolen", "Youth school", "children", "ungdomsskole"),
    _UnitSpec("kui", "kui", "Den kommunale ungeindsats", "Municipal youth effort",
              "muni", "kui", "KUI", "KUI", 0.6),
    _UnitSpec("easy_access", "lettilgaengeligt", "Lettilgængeligt behandlingstilbud",
              "Easy-access treatment offer", "health", "lettilgaengeligt", None,
              "Gratis psykologhjælp til unge", 0.6),
    _UnitSpec("ssp", "ssp", "SSP-samarbejdet", "School, social services and police liaison",
              "children", "kui", "SSP"),
    _UnitSpec("substance", "rusmiddel-unge", "Rusmiddelbehandling for unge",
              "Substance use treatment for young people", "health", "kui"),
    _UnitSpec("gp_liaison", "praksiskonsulent", "Praksiskonsulentordningen", "GP liaison scheme",
              "health", "praksis"),
)
# fmt: on


def municipality(b: Builder, school_names: list[str]) -> Municipality:
    """A municipality, its units and schools; schools consult PPR over a channel."""
    number = b.next("municipality")
    b.open_section(f"Kommune {number}")
    base, muni_da, muni_en = f"syn/kommune/{number}", f"Kommune {number}", f"Municipality {number}"
    muni = b.org(base, T.sk_Municipality, muni_da, muni_en, T.sk_SectorMunicipal, extra=b.lifecycle(0.1))
    units: dict[str, Org] = {"muni": muni}
    for spec in _UNITS:
        local, da, en = f"{base}/{spec.slug}", f"{spec.da}, {muni_da}", f"{spec.en}, {muni_en}"
        extra: Pairs = []
        if spec.key == "easy_access":  # the 2024 easy-access offer is in place in most municipalities
            if b.chance(0.7):
                extra += [(T.sk_status, T.sk_Active), (T.sk_validFrom, b.day(2024, 2025))]
            else:
                extra.append((T.sk_status, T.sk_Proposed))
        if spec.abbreviation is not None:
            extra.append((T.sk_abbreviation, lit(spec.abbreviation)))
        if spec.alt_da is not None:
            extra.append((T.altLabel, lit(f"{spec.alt_da}, {muni_da}", "da")))
        if b.chance(spec.p_mailbox):
            extra.append((T.sk_contactPoint, b.contact_point(Org(node(local), da, en))))
        units[spec.key] = b.unit(local, da, en, units[spec.parent], T.sk_SectorMunicipal, spec.topics, extra)
    schools = []
    for index, name in enumerate(school_names, start=1):
        da, en = f"{name} Skole, {muni_da}", f"{name} School, {muni_en}"
        school = b.unit(f"{base}/skole-{index}", da, en, units["schools_dept"], T.sk_SectorMunicipal, "skole")
        schools.append(school)
        if b.chance(0.7):
            b.channel(school, units["ppr"], "skole", p_state=(0.8, 0.85, 0.9))
    return Municipality(muni, units, schools)


def municipal_channels(b: Builder, muni: Municipality, reg: RegionActors, nat: National) -> None:
    """Municipal units asking child psychiatry (and the national advice body) for advice."""
    b.channel(muni["ppr"], reg.advice, "raadgivning", reg.advice_contact)
    for key, p in (("health_visitors", 0.5), ("easy_access", 0.8), ("family", 0.4), ("kui", 0.3)):
        if b.chance(p):
            b.channel(muni[key], reg.advice, "raadgivning", reg.advice_contact)
    if b.chance(0.3):
        b.channel(muni["family"], nat.advice, "national", nat.advice_contact)


def practices(b: Builder, muni: Municipality, names: list[str], reg: RegionActors) -> None:
    """General practices in ``muni``: members of the regional GP organisation, with their channels."""
    b.open_section(f"Almen praksis i {muni.org.da}")
    for name in names:
        number = b.next("practice")
        local = f"syn/praksis/{number}"
        da, en = f"Lægehuset {name}, {muni.org.da}", f"{name} Medical Practice, {muni.org.en}"
        extra = b.topics("praksis", 1, 2)
        if b.chance(0.3):
            extra.append((T.sk_contactPoint, b.contact_point(Org(node(local), da, en))))
        gp = b.org(local, T.sk_GeneralPractice, da, en, T.sk_SectorGeneralPractice, extra=extra)
        b.membership(reg.gp_org, gp, None)
        if b.chance(0.8):
            b.channel(gp, reg.advice, "raadgivning", reg.advice_contact)
        if b.chance(0.5):  # correspondence with the municipality
            target, kind = (muni["ppr"], "ppr") if b.chance(0.5) else (muni["family"], "familie")
            b.channel(gp, target, kind, p_state=(0.3, 0.5, 0.8))
        if b.chance(0.5):  # referral to child psychiatry
            b.channel(gp, b.rng.choice(reg.clinics), "henvisning", p_state=(0.9, 0.92, 0.95))

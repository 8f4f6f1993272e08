"""The actors one part of the generator hands to the next: national bodies, a region's own organisations,
a municipality's units and a cluster's bodies. Plain records of :class:`~benchmarks.builder.Org`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .builder import Org

__all__ = ["ClusterBodies", "Municipality", "National", "RegionActors"]


@dataclass(frozen=True)
class National:
    """One copy of the country's national bodies."""

    advice: Org  #: the national specialist advice body (VISO-like)
    advice_contact: str
    gp_org: Org  #: the national general practitioners' organisation
    authority: Org  #: the national health authority


@dataclass(frozen=True)
class RegionActors:
    """A region and the regional organisations its forums and channels refer to."""

    region: Org
    planning: Org  #: the region's health planning unit (secretariat of SSU, SSG, Psykiatriforum)
    kkr: Org  #: the municipalities' contact council
    gp_org: Org  #: the regional general practitioners' organisation
    psych: Org  #: the region's psychiatric service
    bua: Org  #: child and adolescent psychiatry
    advice: Org  #: BUA's advice unit (Rådgivningsenhed)
    advice_contact: str
    clinics: list[Org] = field(default_factory=list)  #: BUA's outpatient clinics and teams


@dataclass(frozen=True)
class Municipality:
    """A municipality and its units by key (``"ppr"``, ``"family"``, ``"schools_dept"`` …)."""

    org: Org
    units: dict[str, Org]
    schools: list[Org]

    def __getitem__(self, key: str) -> Org:
        return self.units[key]


@dataclass(frozen=True)
class ClusterBodies:
    """A health cluster around its acute hospital, with its two forums."""

    cluster: Org
    hospital: Org
    steering: Org
    implementation: Org

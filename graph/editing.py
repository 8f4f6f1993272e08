"""Edits: what an editor may change, as small JSON-describable objects (``op`` names each one).

These are only the shapes of the requests, checked by pydantic: ``graph.edit_plan`` turns a batch into
exact triples and ``graph.edit_check`` validates the result before the store commits it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter

__all__ = [
    "ChangeEntity",
    "CreateChannel",
    "CreateContactPoint",
    "CreateForum",
    "CreateMembership",
    "CreateOrganisation",
    "CreateSeat",
    "CreateTopic",
    "Edit",
    "EditBatch",
    "EndEntity",
    "FillSeat",
    "LinkTopic",
    "UnlinkTopic",
    "VacateSeat",
    "edit_adapter",
]


def _no_control(text: str) -> str:
    if any(ord(c) < 32 and c not in "\t" for c in text):
        raise ValueError("control characters are not allowed")
    return text


Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), AfterValidator(_no_control)
]
LongText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), AfterValidator(_no_control)
]
Ref = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
LocalName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]
Email = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, max_length=200, pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$"
    ),
]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, max_length=30, pattern=r"^\+?[0-9][0-9 ]{5,24}$")]
Url = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500, pattern=r"^https?://[^\s<>\"{}|\\^`]+$")]

Status = Literal["proposed", "approved", "active"]
Sector = Literal["municipal", "somatic", "psychiatry", "general_practice", "region", "national", "cross_sector"]
Role = Literal["chair", "co_chair", "secretary", "member", "project_leader"]
State = Literal["open", "being_set_up", "requested", "not_stated"]
OrgType = Literal[
    "organisation",
    "unit",
    "municipality",
    "region",
    "hospital",
    "psychiatric_service",
    "general_practice",
    "national_body",
]
ForumType = Literal[
    "implementation_group",
    "cluster_steering_group",
    "steering_group",
    "committee",
    "administrative_forum",
    "working_group",
    "partnership",
]


class _Edit(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class _Create(_Edit):
    ref: LocalName | None = Field(None, description="name later edits in the batch use as '#name'")


class CreateOrganisation(_Create):
    op: Literal["create_organisation"] = "create_organisation"
    label_da: Text
    label_en: Text | None = None
    type: OrgType = "organisation"
    sector: Sector
    part_of: Ref | None = None
    abbreviation: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=30)] | None = None
    valid_from: dt.date | None = None


class CreateForum(_Create):
    op: Literal["create_forum"] = "create_forum"
    label_da: Text
    label_en: Text | None = None
    type: ForumType = "working_group"
    status: Status = "active"
    reports_to: Ref | None = None
    part_of: Ref | None = None
    secretariat_in: Ref | None = None
    valid_from: dt.date | None = None


class CreateSeat(_Create):
    op: Literal["create_seat"] = "create_seat"
    forum: Ref
    label_da: Text
    label_en: Text | None = None
    role: Role = "member"
    on_behalf_of: Ref | None = None
    seats_min: Annotated[int, Field(ge=0, le=1000)] | None = None
    seats_max: Annotated[int, Field(ge=0, le=1000)] | None = None
    decision_authority: bool | None = None
    occupancy: Literal["vacant", "not_stated"] = "vacant"


class FillSeat(_Create):
    """Name the holder of a seat: a new person, personal contact details kept non-functional."""

    op: Literal["fill_seat"] = "fill_seat"
    seat: Ref
    name: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200), AfterValidator(_no_control)
    ]
    email: Email | None = None
    phone: Phone | None = None


class VacateSeat(_Edit):
    op: Literal["vacate_seat"] = "vacate_seat"
    seat: Ref


class CreateMembership(_Create):
    op: Literal["create_membership"] = "create_membership"
    member: Ref
    organisation: Ref
    role: Role | None = None
    status: Status | None = None
    valid_from: dt.date | None = None


class CreateChannel(_Create):
    op: Literal["create_channel"] = "create_channel"
    label_da: Text
    label_en: Text | None = None
    channel_from: Ref
    channel_to: Annotated[list[Ref], Field(min_length=1, max_length=20)]
    state: State = "not_stated"
    topics: Annotated[list[Ref], Field(max_length=20)] = []
    conditions_da: Annotated[list[LongText], Field(max_length=20)] = []
    conditions_en: Annotated[list[LongText], Field(max_length=20)] = []


class CreateContactPoint(_Create):
    op: Literal["create_contact_point"] = "create_contact_point"
    entity: Ref
    label_da: Text
    label_en: Text | None = None
    email: Email | None = None
    phone: Phone | None = None
    url: Url | None = None
    functional: bool = True


class CreateTopic(_Create):
    op: Literal["create_topic"] = "create_topic"
    label_da: Text
    label_en: Text | None = None
    alt_labels: Annotated[list[Text], Field(max_length=30)] = []


class LinkTopic(_Edit):
    op: Literal["link_topic"] = "link_topic"
    entity: Ref
    topic: Ref


class UnlinkTopic(_Edit):
    op: Literal["unlink_topic"] = "unlink_topic"
    entity: Ref
    topic: Ref


class ChangeEntity(_Edit):
    """Set (replace) plain facts of any entity; fields left out stay as they are."""

    op: Literal["change"] = "change"
    entity: Ref
    label_da: Text | None = None
    label_en: Text | None = None
    status: Status | None = None
    sector: Sector | None = None
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    state: State | None = None
    occupancy: Literal["vacant", "not_stated"] | None = None


class EndEntity(_Edit):
    """End an entity (organisation, forum, seat, membership, channel, …) without deleting it."""

    op: Literal["end"] = "end"
    entity: Ref
    on: dt.date | None = Field(None, description="last day in force; today when left out")


Edit = Annotated[
    CreateOrganisation
    | CreateForum
    | CreateSeat
    | FillSeat
    | VacateSeat
    | CreateMembership
    | CreateChannel
    | CreateContactPoint
    | CreateTopic
    | LinkTopic
    | UnlinkTopic
    | ChangeEntity
    | EndEntity,
    Field(discriminator="op"),
]
edit_adapter: TypeAdapter[Any] = TypeAdapter(list[Edit])


class EditBatch(_Edit):
    """What ``POST /api/edits`` takes: the edits (applied together or not at all) and why."""

    edits: Annotated[list[Edit], Field(min_length=1, max_length=100)]
    reason: LongText

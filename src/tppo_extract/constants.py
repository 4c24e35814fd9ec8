"""Closed vocabularies shared by the pipeline and the records: labels, zones, action types, statuses."""

from __future__ import annotations

from typing import Final, Literal

EntityLabel = Literal["AGENCY", "PLACE", "DATE", "PERSON"]
# The coarse type of an agency (resources/agencies/org_types.tsv maps the fine types to these).
OrgType = Literal["government", "police", "immigration", "labour_migrant", "task_force", "ngo", "international", "company", "other"]  # noqa: E501
ENTITY_LABELS: Final[tuple[str, ...]] = ("AGENCY", "PLACE", "DATE", "PERSON")
# Where an entity came from: a rule stage or the trained NER (components/model_entities.py).
EntitySource = Literal["rule", "model"]

# Zones of a news page. Everything that is not furniture, headline, byline, caption or dateline is body.
ZoneKind = Literal["headline", "dateline", "byline", "caption", "furniture", "body"]
ZONE_KINDS: Final[tuple[str, ...]] = ("headline", "dateline", "byline", "caption", "furniture", "body")

# The action taxonomy of ../shared/eval/GUIDELINES.md; closed on purpose: a new type is a schema change.
ActionType = Literal[
    "coordination",
    "agreement",
    "awareness",
    "training",
    "community_program",
    "task_force",
    "screening",
    "departure_prevention",
    "document_refusal",
    "enforcement",
    "victim_assistance",
    "policy",
    "monitoring",
]
ACTION_TYPES: Final[tuple[str, ...]] = (
    "coordination",
    "agreement",
    "awareness",
    "training",
    "community_program",
    "task_force",
    "screening",
    "departure_prevention",
    "document_refusal",
    "enforcement",
    "victim_assistance",
    "policy",
    "monitoring",
)

ActionStatus = Literal["done", "planned", "negated"]
ACTION_STATUSES: Final[tuple[str, ...]] = ("done", "planned", "negated")

# Administrative levels of a place (GUIDELINES.md), from the widest to the narrowest, then sites.
PlaceLevel = Literal["country", "province", "regency", "district", "village", "site"]
PLACE_LEVELS: Final[tuple[str, ...]] = ("country", "province", "regency", "district", "village", "site")

# Granularity of an ISO date value: "2024", "2024-03", "2024-03-12".
DateGranularity = Literal["year", "month", "day"]

# 2: every Action carries a stable ``id``.
SCHEMA_VERSION: Final[str] = "3"

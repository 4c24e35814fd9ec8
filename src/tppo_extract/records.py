"""The output contract: pydantic models of an extracted article (frozen, ``extra="forbid"``).

Every span carries ``start``/``end`` character offsets into the text the caller passed in, and the text
they cover, so ``text[start:end] == span.text`` holds for every record. The JSONL form of
:class:`Article` carries the keys that ``shared/eval/score.py`` reads (``doc_id``, ``entities``,
``quotes``, ``actions``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .constants import (
    SCHEMA_VERSION,
    ActionStatus,
    ActionType,
    DateGranularity,
    EntityLabel,
    EntitySource,
    OrgType,
    PlaceLevel,
    ZoneKind,
)


class Record(BaseModel):
    """Base of every record: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class TextSpan(Record):
    """A stretch of the original text."""

    start: int = Field(ge=0, description="character offset of the first character")
    end: int = Field(ge=0, description="character offset after the last character")
    text: str = Field(description="the original text between start and end")

    @model_validator(mode="after")
    def _ordered(self) -> TextSpan:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text {self.text!r} does not have length end - start")
        return self


class Zone(TextSpan):
    """A region of the page: body text or furniture (marked, never deleted)."""

    kind: ZoneKind
    label: str = Field(description="finer kind: read_also, google_news, source, separator, ...")


class Dateline(TextSpan):
    """The opening "Kota (Outlet) -" of a news article."""

    place: TextSpan | None = None
    outlet: str | None = None
    date: TextSpan | None = None
    date_value: str | None = Field(default=None, description="ISO value of the dateline's date")


class Entity(TextSpan):
    """A named entity with its normalisation; the fields that do not apply to its label are null."""

    label: EntityLabel
    source: EntitySource = Field(default="rule", description="rule: a rule stage found it; model: the trained NER")
    canonical: str | None = Field(
        default=None, description="AGENCY: canonical name; PLACE: official name; PERSON: full name"
    )
    agency_id: str | None = Field(default=None, description="AGENCY: id in the agency lexicon")
    agency_type: str | None = Field(default=None, description="AGENCY: immigration_office, police, ...")
    parents: list[str] = Field(default_factory=list, description="AGENCY: bodies above it, nearest first")
    org_type: OrgType | None = Field(
        default=None,
        description="AGENCY: government, police, immigration, labour_migrant, task_force, ngo, international, "
        "company or other",
    )
    level: PlaceLevel | None = Field(default=None, description="PLACE: administrative level")
    region_code: str | None = Field(
        default=None,
        description="PLACE: Kemendagri code; AGENCY: code of the regency or province it serves, when its name says",
    )
    province: str | None = Field(default=None, description="PLACE: province it lies in; AGENCY: of its region")
    country_code: str | None = Field(default=None, description="PLACE: ISO 3166-1 alpha-2 code of its country")
    value: str | None = Field(default=None, description="DATE: ISO value at its own granularity")
    granularity: DateGranularity | None = Field(default=None, description="DATE: year, month or day")
    title: str | None = Field(default=None, description="PERSON: role the text gives them")


class Speaker(TextSpan):
    """Who said a quote: the mention the cue attaches to, and the resolved name."""

    name: str = Field(description="the person's full name as it first appears, or the agency's name")


class Quote(TextSpan):
    """A direct quotation (``text`` is inside the quotation marks) or a reported statement."""

    direct: bool
    cue: TextSpan | None = None
    speaker: Speaker | None = None


class ActorRef(TextSpan):
    """An agency taking part in an action, as mentioned in the text."""

    canonical: str | None = None
    agency_id: str | None = None


class PlaceRef(TextSpan):
    """A place where an action happened, as mentioned in the text."""

    name: str | None = Field(default=None, description="official name")
    level: PlaceLevel | None = None
    region_code: str | None = None
    province: str | None = None


class DateRef(Record):
    """When an action happened: the expression (when there is one) and its ISO value."""

    start: int | None = None
    end: int | None = None
    text: str | None = None
    value: str | None = None


class Action(Record):
    """One prevention action of the closed taxonomy, with its arguments and evidence."""

    id: str = Field(
        pattern=r"^act_[0-9a-f]{16}$",
        description="stable id: the same article text gives the same id (a hash of the text, type and trigger)",
    )
    type: ActionType
    trigger: TextSpan = Field(description="the shortest phrase naming the action")
    evidence: TextSpan = Field(description="the sentence that reports it")
    actors: list[ActorRef] = Field(default_factory=list, description="best first")
    locations: list[PlaceRef] = Field(default_factory=list, description="most specific first")
    date: DateRef | None = None
    count: int | None = Field(default=None, ge=0)
    status: ActionStatus = "done"
    confidence: float = Field(ge=0.0, le=1.0)


class Article(Record):
    """Everything extracted from one article."""

    schema_version: str = SCHEMA_VERSION
    doc_id: str | None = None
    pub_date: dt.date | None = None
    pub_date_source: str | None = Field(default=None, description="caller or dateline")
    encoding: str | None = Field(
        default=None,
        description="the encoding the input file was decoded from (utf-8, utf-16-le, cp1252, ...); null for text "
        "passed as a string",
    )
    text: str | None = Field(
        default=None,
        description="the plain text extracted from an HTML input, which every offset points into (null when the "
        "input was text: the offsets then point into the input itself)",
    )
    title: str | None = None
    relevant: bool = Field(description="reports at least one prevention action against TPPO")
    dateline: Dateline | None = None
    zones: list[Zone] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings)."""
        return self.model_dump(mode="json")

    def _repr_html_(self) -> str:
        """The notebook view (:func:`tppo_extract.render.render`); without the text, the header and actions."""
        from .render import repr_html  # render imports this module

        return repr_html(self)


class Failure(Record):
    """An input that could not be read or processed; the batch goes on without it."""

    doc_id: str
    error: str
    reason: str


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Article` (what ``tppo-extract schema`` prints)."""
    return Article.model_json_schema()

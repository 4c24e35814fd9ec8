"""Plain, msgpack-safe shapes stored on ``Doc._`` by the components and read by the export layer.

Values on ``Doc._`` travel through ``Doc.to_bytes`` (``nlp.pipe(n_process>1)`` ships docs between
processes that way), so they are dicts of str/int/float/bool/None and lists, never objects or Spans.
All offsets are character offsets into ``doc.text``, which is exactly the text the user passed in.
"""

from __future__ import annotations

from typing import TypedDict


class CharSpan(TypedDict):
    start: int
    end: int


class ZoneDict(TypedDict):
    start: int
    end: int
    kind: str  # constants.ZONE_KINDS
    label: str  # finer kind: "read_also", "google_news", "source", "separator", "share", "photo", ...


class DatelineDict(TypedDict):
    start: int  # the whole dateline, up to and including the dash
    end: int
    place: CharSpan | None  # "Yogyakarta"
    outlet: str | None  # "ANTARA"
    date: CharSpan | None  # "Senin (12/3/2024)"
    date_value: str | None  # ISO value of that date, when it has one


class SpeakerDict(TypedDict):
    start: int  # the mention in the text that the cue attaches to ("Rudi Hartono", "nya", "dia")
    end: int
    name: str  # resolved name: the person's name as it first appears in full, or an agency's name


class QuoteDict(TypedDict):
    start: int  # the quoted content (inside the quotation marks for a direct quote)
    end: int
    direct: bool
    cue: CharSpan | None  # the speech verb or "Menurut"
    speaker: SpeakerDict | None


class DateRefDict(TypedDict):
    start: int
    end: int
    value: str | None


class ActionDict(TypedDict):
    id: str  # stable: the same text gives the same id (see components.actions.component.action_id)
    type: str  # constants.ACTION_TYPES
    trigger: CharSpan  # shortest phrase naming the action
    evidence: CharSpan  # the sentence (or two) that reports it
    actors: list[CharSpan]  # AGENCY entity spans, best first
    locations: list[CharSpan]  # PLACE entity spans, most specific first
    date: DateRefDict | None
    count: int | None
    status: str  # constants.ACTION_STATUSES
    confidence: float

"""The ``tppo_dateline`` component: ``doc._.dateline``, its zone, and the publication date it gives."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..normalize.dates import normalize_date
from ..spans import doc_text
from ..text.dateline import find_dateline
from ..text.zoning import find_zones
from ..types import DatelineDict, ZoneDict
from .zoning import SPAN_GROUP, set_zones


def carve_zone(zones: list[ZoneDict], start: int, end: int, kind: str, label: str) -> list[ZoneDict]:
    """``zones`` with [start, end) made one zone of ``kind``; the zones it overlaps keep their rest."""
    out: list[ZoneDict] = []
    placed = False
    for z in zones:
        if z["end"] <= start or z["start"] >= end:
            if not placed and z["start"] >= end:
                out.append({"start": start, "end": end, "kind": kind, "label": label})
                placed = True
            out.append(z)
            continue
        if z["start"] < start:
            out.append({**z, "end": start})
        if not placed:
            out.append({"start": start, "end": end, "kind": kind, "label": label})
            placed = True
        if z["end"] > end:
            out.append({**z, "start": end})
    if not placed:
        out.append({"start": start, "end": end, "kind": kind, "label": label})
    return out


def apply_pub_date(doc: Doc, dateline: DatelineDict | None) -> None:
    """Keep the caller's ``pub_date``; else take the dateline's date when it names a day."""
    if doc._.pub_date is not None:
        if doc._.pub_date_source is None:
            doc._.pub_date_source = "caller"
        return
    if dateline is None or dateline["date"] is None:
        return
    value = normalize_date(doc_text(doc)[dateline["date"]["start"] : dateline["date"]["end"]], anchor=None)
    if value is not None and value.granularity == "day":
        doc._.pub_date = value.value
        doc._.pub_date_source = "dateline"


class DatelineReader:
    """Reads the dateline of the first body paragraph (see text/dateline.py)."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        zones = list(doc._.zones) if doc._.zones is not None else find_zones(doc_text(doc))
        dateline = find_dateline(doc_text(doc), zones)
        doc._.dateline = dateline
        if dateline is not None:
            zones = carve_zone(zones, dateline["start"], dateline["end"], "dateline", "dateline")
            set_zones(doc, zones, spans_key=self.spans_key)
        apply_pub_date(doc, dateline)
        return doc


@Language.factory(
    "tppo_dateline",
    assigns=["doc._.dateline", "doc._.zones", "doc._.pub_date", "doc._.pub_date_source"],
    requires=["doc._.zones"],
    default_config={"spans_key": SPAN_GROUP},
)
def make_dateline(nlp: Language, name: str, spans_key: str) -> DatelineReader:
    return DatelineReader(nlp, name, spans_key=spans_key)

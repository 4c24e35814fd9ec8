"""The ``tppo_zoner`` component: page zones on ``doc._.zones`` and the span group "tppo_zones"."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import register_extensions
from ..spans import doc_text
from ..text.zoning import find_zones
from ..types import ZoneDict

SPAN_GROUP = "tppo_zones"


def set_zones(doc: Doc, zones: list[ZoneDict], *, spans_key: str = SPAN_GROUP) -> None:
    """Store ``zones`` on ``doc._.zones`` and as the span group ``spans_key`` (label = kind)."""
    doc._.zones = [dict(z) for z in zones]
    spans: list[Span] = []
    for z in zones:
        span = doc.char_span(z["start"], z["end"], label=z["kind"], alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    doc.spans[spans_key] = spans


class Zoner:
    """Splits the page into headline, bylines, captions, furniture and body (see text/zoning.py)."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        set_zones(doc, find_zones(doc_text(doc)), spans_key=self.spans_key)
        return doc


@Language.factory(
    "tppo_zoner",
    assigns=["doc._.zones", "doc.spans"],
    default_config={"spans_key": SPAN_GROUP},
)
def make_zoner(nlp: Language, name: str, spans_key: str) -> Zoner:
    return Zoner(nlp, name, spans_key=spans_key)

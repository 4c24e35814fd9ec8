"""The ``tppo_dates`` component: DATE entities with ISO values resolved against ``doc._.pub_date``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import register_extensions
from ..normalize.dates import find_dates
from ..spans import add_entities, doc_text, in_skipped_zone

LABEL = "DATE"


def date_spans(doc: Doc, *, include_times: bool = True, include_durations: bool = True) -> list[Span]:
    """DATE spans of ``doc`` outside page furniture, with ``_.value`` and ``_.granularity`` set.

    Clock times ("pukul 10.00 WIB") and durations ("tiga bulan terakhir") carry no value; the two
    flags leave them out.
    """
    spans: list[Span] = []
    for start, end, value in find_dates(doc_text(doc), anchor=doc._.pub_date):
        if in_skipped_zone(doc, start, end):
            continue
        if value is None and not (include_times and include_durations):
            is_time = any(ch.isdigit() for ch in doc_text(doc)[start:end])
            if (is_time and not include_times) or (not is_time and not include_durations):
                continue
        # the tokenizer may glue a bracket or dash to a number ("(27/6)"); contract keeps the words
        span = doc.char_span(start, end, label=LABEL, alignment_mode="strict")
        if span is None:
            span = doc.char_span(start, end, label=LABEL, alignment_mode="contract")
        if span is None or not len(span):
            continue
        span._.value = value.value if value else None
        span._.granularity = value.granularity if value else None
        spans.append(span)
    return spans


class DateRecognizer:
    """Finds temporal expressions in the body and adds them to ``doc.ents`` as DATE."""

    def __init__(self, nlp: Language, name: str, *, include_times: bool, include_durations: bool) -> None:
        register_extensions()
        self.name = name
        self.include_times = include_times
        self.include_durations = include_durations

    def __call__(self, doc: Doc) -> Doc:
        spans = date_spans(doc, include_times=self.include_times, include_durations=self.include_durations)
        add_entities(doc, spans)
        return doc


@Language.factory(
    "tppo_dates",
    assigns=["doc.ents", "span._.value", "span._.granularity"],
    requires=["doc._.zones", "doc._.pub_date"],
    default_config={"include_times": True, "include_durations": True},
)
def make_dates(nlp: Language, name: str, include_times: bool, include_durations: bool) -> DateRecognizer:
    return DateRecognizer(nlp, name, include_times=include_times, include_durations=include_durations)

"""Statistical NER joined to the rule entities: the trained model's PER/ORG/LOC fill the gaps the rules leave.

Two stages. ``tppo_ner_hold`` runs right after spaCy's ``ner`` and moves its predictions out of ``doc.ents``
into the span group ``doc.spans["tppo_model"]``, so that the rule stages (agencies, places, dates, persons)
start from an empty ``doc.ents`` and win wherever they fire. ``tppo_persons`` reads the held PER spans as
name candidates (so that short forms and speakers resolve to them). ``tppo_model_entities`` runs after
the persons stage and adds the held ORG as AGENCY and LOC as PLACE (linked to the gazetteer where it can)
where no rule entity overlaps them. A rule span is never split: a model span that overlaps one is dropped.
A model span must also look like a name (:func:`name_shaped`). Every entity's ``Span._.source`` says
"model" when the model found it; rule entities leave it unset ("rule" in the records).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..corpora import PIPELINE_TO_NER
from ..extensions import register_extensions
from ..lang.outlets import is_outlet
from ..lang.titles import NOT_NAME_WORDS, RANKS, ROLE_HEADS
from ..lang.wordlists import word_set
from ..normalize.agencies import canonical_name
from ..normalize.places import link_place, place_key, split_prefix
from ..spans import add_entities, doc_text, in_skipped_zone
from .places import ORG_HEADS, adjectival_country

MODEL_SPANS_KEY = "tppo_model"
# The model's labels -> the pipeline's: the inverse of the one map that the corpora readers define.
MODEL_LABELS: dict[str, str] = {ner: label for label, ner in PIPELINE_TO_NER.items()}

# A model span whose first word is an action noun formed with pe(N)-...-an, per-...-an or ke-...-an
# ("Pencegahan TPPO", "Pemasyarakatan") names an activity, unless the noun is one of the institutions that
# Indonesian names with such a form ("Kementerian ...", "Pengadilan Negeri ...").
_NOMINAL = regex.compile(r"^(?:pe[nmr]?|peng|peny|ke)\p{L}{3,}an$", regex.IGNORECASE)
INSTITUTION_NOMINALS: frozenset[str] = word_set("ner", "institution_nominals.txt")
# What follows the title of a regulation or document: its number ("... Nomor 8 Tahun 2014", "... No. 9/2019").
_NUMBERED = regex.compile(r"[ \t]+(?:nomor|no\.?)[ \t]*\d", regex.IGNORECASE)
# Words that stand before a name and so cannot end one ("Kab", "Kec"): such a span was cut short.
_OPEN_ABBREVIATIONS = frozenset({"kab", "kec", "kel", "prov", "jl", "kota", "desa"})
# Lower-case words allowed inside a name ("Lembaga Bantuan Hukum untuk Perempuan", "Badan Narkotika dan ...").
NAME_CONNECTORS: frozenset[str] = frozenset({"dan", "untuk", "bagi", "dari", "di", "&", "-", "/", "'", "’"})
# Acronyms of two letters are a person's initials ("berinisial TS") far more often than a body that the
# agency lexicon does not already know.
MIN_ACRONYM_LETTERS = 3
_ROLE_WORDS = ROLE_HEADS | frozenset(w for r in RANKS for w in r.split())
_NOT_NAME_FOLDED = frozenset(w.casefold() for w in NOT_NAME_WORDS)
# Words before the name of a vessel ("KM Bukit Siguntang"): what follows names a ship, not a place or body.
VESSEL_WORDS: frozenset[str] = word_set("ner", "vessel_words.txt")


@functools.cache
def not_names() -> frozenset[str]:
    """Casefolded words and phrases that are never a name (``resources/ner/not_names.txt``)."""
    return word_set("ner", "not_names.txt", key=str.casefold)


def held_spans(doc: Doc, label: str | None = None) -> list[Span]:
    """The statistical NER's spans held for ``doc`` (all, or those of one model label), in text order."""
    if MODEL_SPANS_KEY not in doc.spans:
        return []
    return [s for s in doc.spans[MODEL_SPANS_KEY] if label is None or s.label_ == label]


def hold_model_entities(doc: Doc) -> Doc:
    """Move the statistical NER's entities from ``doc.ents`` to ``doc.spans["tppo_model"]``; without a trained
    NER in the pipeline there are none, and nothing changes."""
    ents = list(doc.ents)
    held = [e for e in ents if e.label_ in MODEL_LABELS]
    if held:
        doc.spans[MODEL_SPANS_KEY] = held
        doc.ents = [e for e in ents if e.label_ not in MODEL_LABELS]
    return doc


def _outlet_or_credit(doc: Doc, span: Span) -> bool:
    """An outlet's own name ("ANTARA", "Kompas.com") in a dateline or credit is no entity of the article."""
    dl = doc._.dateline
    if dl is not None and span.start_char < dl["end"] and dl["start"] < span.end_char:
        return True
    return is_outlet(span.text)


def name_shaped(doc: Doc, span: Span) -> bool:
    """Whether a model span can be a name at all, whatever its label: it opens with a capital letter and
    closes with a letter or digit; it is no outlet, no entry of ``not_names.txt``, holds no role or rank
    ("Kakanim Palu" is a role), and does not open with an action noun ("Pencegahan TPPO")."""
    first, last = span[0].text, span[-1].text
    if not first[:1].isupper() or not last[-1:].isalnum() or last.casefold() in _OPEN_ABBREVIATIONS:
        return False
    # every word capitalised but the connectors: "Bank sentral" is a description, not a name
    if any(not t.text[:1].isupper() and not t.text[:1].isdigit() and t.text not in NAME_CONNECTORS for t in span):
        return False
    # the whole span, or its head word, is a crime, a group of people or a document ("PMI Nonprosedural")
    if " ".join(span.text.split()).casefold() in not_names() or first.casefold() in not_names():
        return False
    if _outlet_or_credit(doc, span):
        return False
    if any(t.text in _ROLE_WORDS for t in span) or (len(span) == 1 and first.casefold() in _NOT_NAME_FOLDED):
        return False
    if _NUMBERED.match(doc_text(doc), span.end_char):
        return False  # "Permenaker Nomor 9 Tahun 2019": a numbered regulation or document
    return not (_NOMINAL.match(first) and first.casefold() not in INSTITUTION_NOMINALS)


def _next_to_rule_entity(doc: Doc, span: Span) -> bool:
    """A model span that touches a rule AGENCY or PLACE, with nothing but a space or a bracket between, is a
    piece of a name the rules read whole or left out on purpose: "Kanwil Kemenkumham Sumsel" and
    "Kemenkumham Sumatera Selatan (Sumsel)" hold a place inside an agency's name, no place of its own."""
    i = span.start - 1
    while i >= 0 and doc[i].text == "(":
        i -= 1
    j = span.end
    while j < len(doc) and doc[j].text == ")":
        j += 1
    return any(0 <= k < len(doc) and doc[k].ent_type_ in {"AGENCY", "PLACE"} for k in (i, j))


def _vessel(doc: Doc, span: Span) -> bool:
    return span[0].text in VESSEL_WORDS or (span.start > 0 and doc[span.start - 1].text in VESSEL_WORDS)


def _unit_and_region(doc: Doc, held: list[Span]) -> list[Span]:
    """An ORG followed at once by a LOC is one body named with its region ("BID Sumsel", "DJP Sumsel
    Babel"), as Indonesian names regional units: the two model spans become one ORG."""
    out: list[Span] = []
    for span in held:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "ORG" and span.label_ == "LOC" and span.start == prev.end:
            out[-1] = Span(doc, prev.start, span.end, label="ORG")
        else:
            out.append(span)
    return out


def _organisation(span: Span) -> bool:
    """No number ("WNA 6"), no initials ("TS"), no bare unit head ("Polres"), and not a place's own name or
    short form ("Kepri")."""
    text = span.text
    if any(t.text.isdigit() for t in span):
        return False
    if len(span) == 1 and place_key(text) in ORG_HEADS:
        return False  # a unit's head alone ("Polres", "Dinas") names no particular body
    if text.replace(".", "").isupper() and len(text.replace(".", "")) < MIN_ACRONYM_LETTERS:
        return False
    return link_place(text) is None


def _place(doc: Doc, span: Span) -> bool:
    """A mention with an administrative prefix ("Desa ...", "Kabupaten ...") is the gazetteer grammar's to
    judge: where the place stage declined one ("Desa Wisata ...", a programme), the model does not overrule
    it. A country named as a nationality ("pekerja migran Indonesia") is no place either."""
    prefix, _ = split_prefix(span.text)
    return prefix is None and not adjectival_country(doc_text(doc), span.start_char, span.text)


def model_gap_spans(doc: Doc, labels: Iterable[str] = ("ORG", "LOC")) -> list[Span]:
    """Held ORG/LOC spans relabelled AGENCY/PLACE with their attributes set; not yet in ``doc.ents``."""
    context = sorted({str(e._.region_code) for e in doc.ents if e.label_ == "PLACE" and e._.region_code})
    wanted = set(labels)
    # A span's extension values are keyed by its offsets and label, so a model span that coincides with a
    # rule entity would overwrite the rule's attributes: overlaps are dropped before any is set.
    taken = [(e.start, e.end) for e in doc.ents]
    out: list[Span] = []
    for held in _unit_and_region(doc, held_spans(doc)):
        if held.label_ not in wanted or any(held.start < b and a < held.end for a, b in taken):
            continue
        if in_skipped_zone(doc, held.start_char, held.end_char) or not name_shaped(doc, held):
            continue
        if _next_to_rule_entity(doc, held) or _vessel(doc, held):
            continue
        label = MODEL_LABELS[held.label_]
        if (label == "AGENCY" and not _organisation(held)) or (label == "PLACE" and not _place(doc, held)):
            continue
        span = Span(doc, held.start, held.end, label=label)
        if label == "AGENCY":
            span._.canonical = canonical_name(span.text)
        else:
            link = link_place(span.text, context_codes=context)
            if link is not None:
                span._.level = link.level
                span._.region_code = link.code
                span._.province = link.province
                span._.canonical = link.name
            else:
                span._.canonical = span.text
        span._.source = "model"
        out.append(span)
    return out


class NerHold:
    """Moves the statistical NER's entities to a span group, so the rule stages start from nothing."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return hold_model_entities(doc)


class ModelEntities:
    """Adds the held ORG and LOC spans as AGENCY and PLACE where no rule entity is."""

    def __init__(self, nlp: Language, name: str, *, labels: list[str]) -> None:
        register_extensions()
        self.name = name
        self.labels = tuple(labels)

    def __call__(self, doc: Doc) -> Doc:
        if MODEL_SPANS_KEY in doc.spans:  # rules-only: nothing held, nothing to do
            add_entities(doc, model_gap_spans(doc, self.labels))
        return doc


@Language.factory(
    "tppo_ner_hold",
    assigns=["doc.spans"],
    requires=["doc.ents"],
    default_config={},
)
def make_ner_hold(nlp: Language, name: str) -> NerHold:
    return NerHold(nlp, name)


@Language.factory(
    "tppo_model_entities",
    assigns=["doc.ents", "span._.source", "span._.canonical", "span._.region_code"],
    requires=["doc.spans", "doc.ents"],
    default_config={"labels": ["ORG", "LOC"]},
)
def make_model_entities(nlp: Language, name: str, labels: list[str]) -> ModelEntities:
    """``labels``: the model labels added in the gaps (PER is read by ``tppo_persons`` itself)."""
    return ModelEntities(nlp, name, labels=labels)

"""The record models are the output contract: frozen, strict, and self-consistent."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from tppo_extract.constants import ACTION_TYPES
from tppo_extract.records import Action, Article, Entity, TextSpan, json_schema


def test_span_text_must_match_offsets() -> None:
    TextSpan(start=2, end=5, text="abc")
    with pytest.raises(ValidationError):
        TextSpan(start=2, end=5, text="ab")
    with pytest.raises(ValidationError):
        TextSpan(start=5, end=2, text="")


def test_records_are_frozen_and_forbid_extra_fields() -> None:
    ent = Entity(label="AGENCY", start=0, end=3, text="BNP")
    with pytest.raises(ValidationError):
        ent.text = "x"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Entity(label="AGENCY", start=0, end=3, text="BNP", colour="red")  # type: ignore[call-arg]


@pytest.mark.parametrize("bad", ["meeting", "COORDINATION", ""])
def test_action_type_is_closed(bad: str) -> None:
    span = TextSpan(start=0, end=5, text="rapat")
    with pytest.raises(ValidationError):
        Action(type=bad, trigger=span, evidence=span, confidence=0.5)  # type: ignore[arg-type]


def test_taxonomy_matches_guidelines() -> None:
    assert set(ACTION_TYPES) == {
        "coordination", "agreement", "awareness", "training", "community_program", "task_force", "screening",
        "departure_prevention", "document_refusal", "enforcement", "victim_assistance", "policy", "monitoring",
    }  # fmt: skip


def test_confidence_is_bounded() -> None:
    span = TextSpan(start=0, end=5, text="rapat")
    with pytest.raises(ValidationError):
        Action(type="coordination", trigger=span, evidence=span, confidence=1.5)


def test_schema_lists_the_scorer_keys() -> None:
    schema = json_schema()
    assert {"doc_id", "entities", "quotes", "actions"} <= set(schema["properties"])
    action = schema["$defs"]["Action"]["properties"]
    assert {"type", "evidence", "actors", "locations", "date", "count", "status", "confidence"} <= set(action)


def test_article_json_round_trip() -> None:
    art = Article(doc_id="a.txt", pub_date="2024-03-12", relevant=False)  # type: ignore[arg-type]
    again = Article.model_validate_json(art.model_dump_json())
    assert again == art
    assert art.to_json_dict()["pub_date"] == "2024-03-12"


def test_span_values_reads_what_the_extension_accessor_reads() -> None:
    import spacy

    from tppo_extract.extensions import SPAN_EXTENSIONS, span_value, span_values

    doc = spacy.blank("id")("Kantor Imigrasi Sukamaju menunda keberangkatan pada Maret 2024.")
    agency, date = doc[0:3], doc[7:9]
    agency._.canonical = "Kantor Imigrasi Sukamaju"
    agency._.parents = ["Direktorat Jenderal Imigrasi"]
    date._.value = "2024-03"
    for span in (agency, date, doc[3:5]):
        assert span_values(span) == {name: getattr(span._, name) for name in SPAN_EXTENSIONS}
        assert all(span_value(span, name) == getattr(span._, name) for name in SPAN_EXTENSIONS)
    assert span_values(agency)["canonical"] == "Kantor Imigrasi Sukamaju" and span_values(date)["value"] == "2024-03"


def test_doc_value_reads_what_the_extension_accessor_reads() -> None:
    import spacy

    from tppo_extract.extensions import DOC_EXTENSIONS, doc_value

    doc = spacy.blank("id")("Rapat koordinasi digelar di kantor camat.")
    doc._.zones = [{"kind": "body", "start": 0, "end": len(doc.text)}]
    doc._.pub_date = "2024-03-01"
    for name in DOC_EXTENSIONS:
        assert doc_value(doc, name) == getattr(doc._, name)
    assert doc_value(doc, "pub_date") == "2024-03-01" and doc_value(doc, "quotes") is None

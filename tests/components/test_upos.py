"""tppo_upos copies a UPOS tag to Token.pos, as the attribute_ruler with one pattern per tag did."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import POS
from spacy.parts_of_speech import IDS as UPOS_IDS
from spacy.tokens import Doc

import tppo_extract.components  # noqa: F401  (registers tppo_upos)

CASES = [
    # words, tags, the POS expected ("" for none)
    (
        ["Petugas", "menunda", "keberangkatan", "."],
        ["NOUN", "VERB", "NOUN", "PUNCT"],
        ["NOUN", "VERB", "NOUN", "PUNCT"],
    ),
    (["Ia", "tidak", "berangkat"], ["PRON", "PART", "VERB"], ["PRON", "PART", "VERB"]),
    # a tag that is no UPOS label (a treebank's own XPOS) leaves POS unset
    (["Kantor", "itu"], ["NSD", "B--"], ["", ""]),
    (["dua", "orang"], ["NUM", ""], ["NUM", ""]),
]


def _doc(nlp: spacy.language.Language, words: list[str], tags: list[str]) -> Doc:
    doc = Doc(nlp.vocab, words=words)
    for tok, tag in zip(doc, tags, strict=True):
        tok.tag_ = tag
    return doc


@pytest.mark.parametrize(("words", "tags", "expected"), CASES)
def test_pos_from_tag(words: list[str], tags: list[str], expected: list[str]) -> None:
    nlp = spacy.blank("id")
    upos = nlp.add_pipe("tppo_upos")
    doc = upos(_doc(nlp, words, tags))
    assert [t.pos_ for t in doc] == expected


@pytest.mark.parametrize(("words", "tags", "expected"), CASES)
def test_same_as_attribute_ruler(words: list[str], tags: list[str], expected: list[str]) -> None:
    nlp = spacy.blank("id")
    ruler = nlp.add_pipe("attribute_ruler")
    # the shipped ruler had one pattern per tagger label, and every label was UPOS
    labels = sorted({t for _, ts, _ in CASES for t in ts if t in UPOS_IDS and t})
    ruler.add_patterns([{"patterns": [[{"TAG": t}]], "attrs": {"POS": t}} for t in labels])  # type: ignore[attr-defined]
    upos = nlp.add_pipe("tppo_upos")
    ours = upos(_doc(nlp, words, tags))
    theirs = ruler(_doc(nlp, words, tags))
    assert numpy.array_equal(ours.to_array([POS]), theirs.to_array([POS]))


def test_keeps_pos_set_before_where_the_tag_says_nothing() -> None:
    nlp = spacy.blank("id")
    upos = nlp.add_pipe("tppo_upos")
    doc = Doc(nlp.vocab, words=["Bali", "indah"], pos=["PROPN", "ADJ"])
    doc[1].tag_ = "VERB"
    upos(doc)
    assert [t.pos_ for t in doc] == ["PROPN", "VERB"]


def test_empty_doc_and_saving(tmp_path) -> None:  # type: ignore[no-untyped-def]
    nlp = spacy.blank("id")
    nlp.add_pipe("tppo_upos")
    assert len(nlp("")) == 0
    nlp.to_disk(tmp_path / "p")
    again = spacy.load(tmp_path / "p")
    doc = again.get_pipe("tppo_upos")(_doc(again, ["Ia", "pergi"], ["PRON", "VERB"]))
    assert [t.pos_ for t in doc] == ["PRON", "VERB"]

"""Arguments from the dependency parse, on sentences of the team's own with hand-written UD parses: the parse
decides where the surface rules alone would take a word of another clause."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from tppo_extract.components.actions import find_actions
from tppo_extract.components.actions.syntax import object_phrases, own_clause, reporting_verb

# (word, head index, relation, POS) for each token; the text joins the words with spaces, the final
# punctuation attached.
Parse = Sequence[tuple[str, int, str, str]]

# "Petugas yang bertugas di Desa Sukamaju menggelar sosialisasi di Kabupaten Bahari."
VENUE: Parse = [
    ("Petugas", 6, "nsubj", "NOUN"),
    ("yang", 2, "nsubj", "PRON"),
    ("bertugas", 0, "acl:relcl", "VERB"),
    ("di", 4, "case", "ADP"),
    ("Desa", 2, "obl", "PROPN"),
    ("Sukamaju", 4, "flat:name", "PROPN"),
    ("menggelar", 6, "ROOT", "VERB"),
    ("sosialisasi", 6, "obj", "NOUN"),
    ("di", 9, "case", "ADP"),
    ("Kabupaten", 6, "obl", "PROPN"),
    ("Bahari", 9, "flat:name", "PROPN"),
    (".", 6, "punct", "PUNCT"),
]
# "Petugas yang membawahi 5 desa menunda keberangkatan warga yang berjumlah 12 orang."
COUNT: Parse = [
    ("Petugas", 5, "nsubj", "NOUN"),
    ("yang", 2, "nsubj", "PRON"),
    ("membawahi", 0, "acl:relcl", "VERB"),
    ("5", 4, "nummod", "NUM"),
    ("desa", 2, "obj", "NOUN"),
    ("menunda", 5, "ROOT", "VERB"),
    ("keberangkatan", 5, "obj", "NOUN"),
    ("warga", 6, "nmod", "NOUN"),
    ("yang", 9, "nsubj", "PRON"),
    ("berjumlah", 7, "acl:relcl", "VERB"),
    ("12", 11, "nummod", "NUM"),
    ("orang", 9, "obj", "NOUN"),
    (".", 5, "punct", "PUNCT"),
]
# "Satgas yang dibentuk pada Maret 2023 menggelar rapat koordinasi pada Senin."
DATE: Parse = [
    ("Satgas", 6, "nsubj", "PROPN"),
    ("yang", 2, "nsubj:pass", "PRON"),
    ("dibentuk", 0, "acl:relcl", "VERB"),
    ("pada", 4, "case", "ADP"),
    ("Maret", 2, "obl", "PROPN"),
    ("2023", 4, "nummod", "NUM"),
    ("menggelar", 6, "ROOT", "VERB"),
    ("rapat", 6, "obj", "NOUN"),
    ("koordinasi", 7, "compound", "NOUN"),
    ("pada", 10, "case", "ADP"),
    ("Senin", 6, "obl", "PROPN"),
    (".", 6, "punct", "PUNCT"),
]


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("id")


def _parsed(
    blank: Language, parse: Parse, ents: Sequence[tuple[str, str, dict[str, object]]], *, with_parse: bool = True
) -> Doc:
    words = [w for w, *_ in parse]
    spaces = [i + 1 < len(words) and words[i + 1] != "." for i in range(len(words))]
    if with_parse:
        doc = Doc(
            blank.vocab,
            words=words,
            spaces=spaces,
            heads=[h for _, h, _, _ in parse],
            deps=[d for _, _, d, _ in parse],
            pos=[p for *_, p in parse],
        )
    else:
        doc = Doc(blank.vocab, words=words, spaces=spaces)
    spans: list[Span] = []
    for mention, label, vals in ents:
        i = doc.text.index(mention)
        span = doc.char_span(i, i + len(mention), label=label)
        assert span is not None, mention
        for k, v in vals.items():
            span._.set(k, v)
        spans.append(span)
    doc.ents = spans
    return doc


def _text(doc: Doc, cs: dict[str, int]) -> str:
    return doc.text[cs["start"] : cs["end"]]


def test_the_clause_of_the_act_leaves_out_the_relative_clause(blank: Language) -> None:
    doc = _parsed(blank, VENUE, [])
    i = doc.text.index("sosialisasi")
    verb = reporting_verb(doc, (i, i + len("sosialisasi")), parsed=True)
    assert verb is not None and verb.text == "menggelar"
    assert [doc.text[a:b].strip() for a, b in own_clause(verb)] == ["Petugas", "menggelar sosialisasi di Kabupaten Bahari."]
    assert reporting_verb(doc, (i, i + len("sosialisasi")), parsed=False) is None


def test_the_object_phrase_holds_the_count(blank: Language) -> None:
    doc = _parsed(blank, COUNT, [])
    i = doc.text.index("menunda")
    phrases = [doc.text[a:b] for a, b in object_phrases(doc, (i, i + len("menunda")), parsed=True)]
    assert phrases == ["keberangkatan warga yang berjumlah 12 orang"]


@pytest.mark.parametrize(("with_parse", "place"), [(True, "Kabupaten Bahari"), (False, "Desa Sukamaju")])
def test_the_act_takes_the_place_of_its_own_clause(blank: Language, with_parse: bool, place: str) -> None:
    ents = [
        ("Desa Sukamaju", "PLACE", {"level": "village", "country_code": "ID"}),
        ("Kabupaten Bahari", "PLACE", {"level": "regency", "country_code": "ID"}),
    ]
    doc = _parsed(blank, VENUE, ents, with_parse=with_parse)
    (a,) = [x for x in find_actions(doc) if x["type"] == "awareness"]
    # without a parse the rules take the most specific place of the sentence, the relative clause's
    assert _text(doc, a["locations"][0]) == place


# without a parse the rules take the count nearest the trigger, the subject's
@pytest.mark.parametrize(("with_parse", "count"), [(True, 12), (False, 5)])
def test_the_act_takes_the_count_of_its_object(blank: Language, with_parse: bool, count: int) -> None:
    doc = _parsed(blank, COUNT, [], with_parse=with_parse)
    (a,) = [x for x in find_actions(doc) if x["type"] == "departure_prevention"]
    assert a["count"] == count


@pytest.mark.parametrize(("with_parse", "value"), [(True, "2024-02-05"), (False, "2023-03")])
def test_the_act_takes_the_date_of_its_own_clause(blank: Language, with_parse: bool, value: str) -> None:
    ents = [("Maret 2023", "DATE", {"value": "2023-03"}), ("Senin", "DATE", {"value": "2024-02-05"})]
    doc = _parsed(blank, DATE, ents, with_parse=with_parse)
    (a,) = [x for x in find_actions(doc) if x["type"] == "coordination"]
    assert a["date"] is not None and a["date"]["value"] == value

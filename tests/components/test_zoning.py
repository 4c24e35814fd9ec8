"""Tests of the tppo_zoner component: doc._.zones and the span group."""

from __future__ import annotations

from spacy.language import Language

from tppo_extract.text.zoning import check_tiling

TEXT = (
    "Imigrasi Bentuk Desa Binaan di Kabupaten Bogor\n\n"
    "Bogor (ANTARA) - Kantor Imigrasi membentuk desa binaan.\n"
    "BACA JUGA: Polisi Gelar Razia di Pelabuhan\n"
    "Editor: Rina\n"
)


def test_zones_and_span_group(nlp: Language) -> None:
    doc = nlp(TEXT)
    zones = doc._.zones
    assert check_tiling(zones, len(doc.text))
    assert [z["kind"] for z in zones] == ["headline", "dateline", "body", "furniture", "byline"]
    group = doc.spans["tppo_zones"]
    assert [s.label_ for s in group] == [z["kind"] for z in zones]
    assert group[3].text.startswith("BACA JUGA")
    assert doc.text == TEXT


def test_zones_survive_to_bytes(nlp: Language) -> None:
    from spacy.tokens import Doc

    doc = nlp(TEXT)
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert copy._.zones == doc._.zones

"""The trained NER's spans joined to the rule entities: rules win, model spans fill the gaps, every entity
says where it came from. The model's output is simulated here, so these tests hold for any trained model."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import tppo_extract
from tppo_extract.components.model_entities import MODEL_SPANS_KEY, hold_model_entities
from tppo_extract.export import doc_to_article
from tppo_extract.records import Article


@pytest.fixture(scope="module")
def rules() -> Language:
    # the rule stages with the model's spans let into the entities, as load(model_entities=True) does
    return tppo_extract.load(models=False, model_entities=True)


def run(
    nlp: Language, text: str, model_spans: list[tuple[str, str]], *, tagged: bool = False
) -> tuple[Doc, Article]:
    """Run ``nlp`` as if a trained NER had predicted ``model_spans`` ((substring, PER|ORG|LOC), first
    occurrence each) right before the hold stage; ``tagged``: and a tagger had tagged the spans' tokens PROPN
    and every other token NOUN."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "tppo_ner_hold":
            ents = []
            for sub, label in model_spans:
                start = text.index(sub)
                span = doc.char_span(start, start + len(sub), label=label)
                assert span is not None, sub
                ents.append(span)
            if tagged:
                for tok in doc:
                    tok.pos_ = "PROPN" if any(s.start <= tok.i < s.end for s in ents) else "NOUN"
            doc.ents = ents
        doc = proc(doc)
    return doc, doc_to_article(doc)


def ents(art: Article) -> list[tuple[str, str, str]]:
    return [(e.label, e.text, e.source) for e in art.entities]


def test_hold_moves_model_labels_only(rules: Language) -> None:
    doc = rules.make_doc("Budi Santoso tiba di Medan.")
    doc.ents = [doc.char_span(0, 12, label="PER"), doc.char_span(21, 26, label="PLACE")]  # type: ignore[list-item]
    hold_model_entities(doc)
    assert [(s.text, s.label_) for s in doc.spans[MODEL_SPANS_KEY]] == [("Budi Santoso", "PER")]
    assert [(e.text, e.label_) for e in doc.ents] == [("Medan", "PLACE")]


def test_by_default_model_persons_join_and_organisations_stay_out() -> None:
    plain = tppo_extract.load(models=False)
    text = "Salah satu peserta, Yohana Kewa, ikut pelatihan. Komunitas Sahabat Migran hadir."
    _, art = run(plain, text, [("Yohana Kewa", "PER"), ("Komunitas Sahabat Migran", "ORG")])
    assert ("PERSON", "Yohana Kewa", "model") in ents(art)
    assert "Komunitas Sahabat Migran" not in [e.text for e in art.entities]


def test_rules_only_pipeline_holds_nothing(rules: Language) -> None:
    doc = rules("Petugas Kantor Imigrasi Sukamaju memeriksa paspor di Medan.")
    assert MODEL_SPANS_KEY not in doc.spans
    assert all(e._.source is None for e in doc.ents)


@pytest.mark.parametrize(
    ("text", "person", "later"),
    [
        # a name with no cue the rules know, then a short form with a speech verb
        (
            'Salah satu peserta, Yohana Kewa, ikut pelatihan itu. "Kami belajar banyak," kata Yohana.',
            "Yohana Kewa",
            "Yohana",
        ),
        ('Warga Desa Sukamaju, Markus Bili, menolak tawaran itu. "Saya takut," ujar Markus.', "Markus Bili", "Markus"),
        ('Di lokasi, Theresia Ina menunggu anaknya. "Dia belum pulang," tutur Theresia.', "Theresia Ina", "Theresia"),
    ],
)
def test_model_person_resolves_short_forms_and_speakers(rules: Language, text: str, person: str, later: str) -> None:
    _, art = run(rules, text, [(person, "PER")])
    persons = [(e.text, e.canonical, e.source) for e in art.entities if e.label == "PERSON"]
    assert (person, person, "model") in persons
    # the short form is found by its speech cue (a rule) and resolves to the model's full name
    assert (later, person) in [(text, canonical) for text, canonical, _ in persons]
    assert [q.speaker.name for q in art.quotes if q.speaker] == [person]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # one word is a name only with a cue, and the rules read cues
        ("Para Pelajar itu mendengarkan materi.", "Pelajar"),
        ("Rombongan tiba di Sekayam pagi tadi.", "Sekayam"),
        # a role, or a common word of the not-a-name list, inside
        ("Hadir pula Kabid Intelijen dalam acara itu.", "Kabid Intelijen"),
        ("Bantuan Pemasyarakatan Sukamaju tiba.", "Pemasyarakatan Sukamaju"),
        # what "di" governs is a place; a title before its number is a regulation
        ("Rapat digelar di Graha Wira Bhakti pada Senin.", "Graha Wira Bhakti"),
        ("Di Graha Kartika Sari, para peserta menginap.", "Graha Kartika Sari"),
        # apps, platforms and police units are no persons
        ("Lowongan itu disebar lewat Telegram Messenger kemarin.", "Telegram Messenger"),
        ("Anggota Subdit Renakta Sukamaju turun ke lapangan.", "Subdit Renakta Sukamaju"),
    ],
)
def test_model_person_must_look_like_a_name(rules: Language, text: str, span: str) -> None:
    _, art = run(rules, text, [(span, "PER")])
    assert not [e for e in art.entities if e.label == "PERSON" and e.source == "model"], ents(art)


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        # a span that runs on from a rule agency keeps the words after it
        ("Hadir pula Karang Taruna Joko Susilo dalam acara itu.", "Taruna Joko Susilo", "Joko Susilo"),
        # religious titles are no part of the name
        ("Doa dipimpin oleh Pendeta Maria Kolo di gereja.", "Pendeta Maria Kolo", "Maria Kolo"),
        ("Sambutan diberikan Ustaz Hasan Basri kepada warga.", "Ustaz Hasan Basri", "Hasan Basri"),
    ],
)
def test_model_person_is_trimmed_to_the_name(rules: Language, text: str, span: str, name: str) -> None:
    _, art = run(rules, text, [(span, "PER")])
    assert name in [e.text for e in art.entities if e.label == "PERSON"], ents(art)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Semua diatur dalam Perkapolri No. 3 Tahun 2019.", "Perkapolri"),
        ("Hal itu diatur dalam Qanun Bireuen Nomor 5 Tahun 2020 tentang desa.", "Qanun Bireuen"),
        ("Aturan itu tertuang dalam Surat Edaran Bersama nomor 3 tahun 2021.", "Surat Edaran Bersama"),
    ],
)
def test_a_numbered_title_is_no_organisation(rules: Language, text: str, span: str) -> None:
    _, art = run(rules, text, [(span, "ORG")])
    assert not [e for e in art.entities if e.source == "model"], ents(art)


def test_ranks_are_not_part_of_a_model_name(rules: Language) -> None:
    text = "Dalam razia itu Kombes Pol Dedi Santoso memimpin anggotanya."
    _, art = run(rules, text, [("Kombes Pol Dedi Santoso", "PER")])
    assert ("PERSON", "Dedi Santoso", "model") in ents(art)


def test_rule_spans_win_and_keep_their_attributes(rules: Language) -> None:
    text = "Kantor Imigrasi Kelas II TPI Sukamaju menunda keberangkatan 12 warga di Kabupaten Lampung Selatan."
    _, plain = run(rules, text, [])
    _, mixed = run(rules, text, [("Imigrasi Kelas II", "ORG"), ("Lampung Selatan", "LOC"), ("Sukamaju", "LOC")])
    assert mixed.entities == plain.entities  # nothing split, nothing relabelled, no attribute lost
    assert all(e.source == "rule" for e in mixed.entities)


@pytest.mark.parametrize(
    ("text", "span", "label", "kept"),
    [
        ("Komunitas Sahabat Migran membuka posko pengaduan.", "Komunitas Sahabat Migran", "ORG", True),
        ("Partai Harapan Rakyat menggelar rapat.", "Partai Harapan Rakyat", "ORG", True),
        # crimes, groups of people and documents are no organisations
        ("Kasus TPPO meningkat tahun ini.", "TPPO", "ORG", False),
        ("Para WNI itu dipulangkan.", "WNI", "ORG", False),
        # the outlet in the dateline or credit
        ("Sukamaju (Warta) - Petugas memeriksa dokumen.", "Warta", "ORG", False),
        ("Kompas.com melaporkan hal itu.", "Kompas.com", "ORG", False),
        # a prefixed mention is the gazetteer grammar's: a programme name is no place
        ("Warga membentuk Desa Wisata Bahari tahun lalu.", "Desa Wisata Bahari", "LOC", False),
        # a country as a nationality
        ("Sebanyak 30 pekerja migran Indonesia dipulangkan.", "Indonesia", "LOC", False),
        ("Mereka diberangkatkan ke Guangzhou lewat jalur udara.", "Guangzhou", "LOC", True),
        # punctuation is no name
        ("Mereka tiba , lalu pulang.", ",", "LOC", False),
        # an action noun names an activity; an institution noun of the same form names a body
        ("Kampanye Pencegahan Perdagangan Orang digelar lagi.", "Pencegahan Perdagangan Orang", "ORG", False),
        ("Penanganan Korban menjadi fokus rapat.", "Penanganan Korban", "ORG", False),
        ("Pengadilan Tinggi Sukamaju memutus perkara itu.", "Pengadilan Tinggi Sukamaju", "ORG", True),
        ("Perusahaan Penyalur Sukamaju ditutup.", "Perusahaan Penyalur Sukamaju", "ORG", True),
        # initials, numbers and a region's short form are no organisation
        ("Pria berinisial TS itu ditangkap.", "TS", "ORG", False),
        ("Sebanyak WNA 6 orang dideportasi.", "WNA 6", "ORG", False),
        ("Warga Kepri menyambut baik program itu.", "Kepri", "ORG", False),
        # a role or rank is no name of anything
        ("Kakanim Sukamaju meninjau lokasi.", "Kakanim Sukamaju", "LOC", False),
        # a description, not a name; a category word at the head; a unit's head alone
        ("Bank sentral menahan suku bunga.", "Bank sentral", "ORG", False),
        ("Para PMI Nonprosedural itu dipulangkan.", "PMI Nonprosedural", "ORG", False),
        ("Anggota Polres bersiaga di lokasi.", "Polres", "ORG", False),
        ("Lembaga Bantuan Hukum untuk Rakyat mendampingi korban.", "Lembaga Bantuan Hukum untuk Rakyat", "ORG", True),
        # a vessel's name; a place touching a rule agency is part of its name
        ("Penumpang KM Bukit Indah turun di pelabuhan.", "Bukit Indah", "LOC", False),
        ("Mereka menumpang Kapal Bukit Indah ke Jawa.", "Kapal Bukit Indah", "LOC", False),
        ("Petugas Kantor Imigrasi Sukamaju Sumsel hadir.", "Sumsel", "LOC", False),
        # cut short before the name it announces
        ("Perangkat Daerah Kab Sukamaju hadir.", "Perangkat Daerah Kab", "ORG", False),
    ],
)
def test_model_gap_filters(rules: Language, text: str, span: str, label: str, kept: bool) -> None:
    _, art = run(rules, text, [(span, label)])
    got = [e for e in art.entities if e.text == span and e.source == "model"]
    assert bool(got) == kept, ents(art)
    if kept:
        assert got[0].label == {"ORG": "AGENCY", "LOC": "PLACE", "PER": "PERSON"}[label]


def test_a_place_the_rules_know_stays_theirs(rules: Language) -> None:
    _, art = run(rules, "Mereka diberangkatkan ke Kamboja lewat jalur laut.", [("Kamboja", "LOC")])
    assert ("PLACE", "Kamboja", "rule") in ents(art)


def test_a_unit_and_its_region_are_one_body(rules: Language) -> None:
    text = "Rapat itu dihadiri BKD Sulsel dan warga."
    _, art = run(rules, text, [("BKD", "ORG"), ("Sulsel", "LOC")])
    assert ("AGENCY", "BKD Sulsel", "model") in ents(art)
    assert not [e for e in art.entities if e.text == "Sulsel"]


def test_model_place_is_linked_to_the_gazetteer(rules: Language) -> None:
    # a district name: the rules take bare names of provinces and regencies only
    _, art = run(rules, "Rombongan itu singgah di Tirtayasa sebelum ke pelabuhan.", [("Tirtayasa", "LOC")])
    (place,) = [e for e in art.entities if e.text == "Tirtayasa"]
    assert place.source == "model" and place.level == "district"
    assert place.region_code is not None and place.province == "Banten"


def test_the_ner_word_lists_hold_their_known_entries() -> None:
    from tppo_extract.components import model_entities

    assert {"kementerian", "pengadilan", "perkumpulan"} <= model_entities.INSTITUTION_NOMINALS
    assert {"KM", "Kapal", "kapal"} <= model_entities.VESSEL_WORDS
    assert {"tppo", "tindak pidana perdagangan orang"} <= model_entities.not_names()


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # the capital is the sentence's: a connective, an interjection, a noun opening a line or a list item
        ("Para calon pekerja ditunda keberangkatannya. Kendati demikian, sebagian tetap mencoba lagi.", "Kendati"),
        (
            "Warga mendengar penjelasan petugas.\n“Alhamdulillah, semua kembali dengan selamat,” kata warga.",
            "Alhamdulillah",
        ),
        ("Syarat perusahaan penempatan:\n3. Jaminan perusahaan disetor ke bank pemerintah.", "Jaminan"),
        ("Petugas menjelaskan prosedur.\nSetibanya di bandara, para pekerja diperiksa.", "Setibanya"),
    ],
)
def test_one_capitalised_word_opening_a_sentence_is_no_model_name(rules: Language, text: str, word: str) -> None:
    _, art = run(rules, text, [(word, "PER")], tagged=True)
    assert not [e for e in art.entities if e.label == "PERSON"], ents(art)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # inside a sentence the capital is the name's
        ("Kepala desa itu, kata Sutrisno, sudah melapor ke polisi.", "Sutrisno"),
        # opening a sentence, but written with a capital inside another one
        ("Sutrisno sudah melapor ke polisi. Menurut warga, Sutrisno kehilangan anaknya.", "Sutrisno"),
    ],
)
def test_one_word_model_names_that_stay(rules: Language, text: str, word: str) -> None:
    _, art = run(rules, text, [(word, "PER")], tagged=True)
    assert word in [e.text for e in art.entities if e.label == "PERSON"], ents(art)

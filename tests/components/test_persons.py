"""PERSON entities by rule: roles, ranks, speech verbs, later short mentions."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from tppo_extract.components.persons import find_person_mentions


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("id")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Kami siap membantu," kata Sari Wulandari di kantornya.', [("Sari Wulandari", None)]),
        ("Menurut Hendra Gunawan, kegiatan itu penting.", [("Hendra Gunawan", None)]),
        ("Rudi Hartono mengatakan pemeriksaan diperketat.", [("Rudi Hartono", None)]),
        ("Kapolres Sumba Barat AKBP Yoga Pratama menjelaskan kasus itu.", [("Yoga Pratama", "Kapolres Sumba Barat")]),
        ("Kepala Desa Sukamaju, Darto Wiyono, membuka acara.", [("Darto Wiyono", "Kepala Desa Sukamaju")]),
        ("Sementara itu warga mengatakan banyak hal.", []),
        ("Selasa lalu petugas menjelaskan aturan.", []),
        ("Hadir pula Dr. H. Ahmad Fauzi, S.H., M.H. dari kampus, kata panitia.", []),
        pytest.param(
            "Camat Lembah Hijau Ani Rahmawati membuka acara.",
            [("Ani Rahmawati", "Camat Lembah Hijau")],
            marks=pytest.mark.xfail(strict=True, reason="place and name both capitalised; needs a gazetteer"),
        ),
    ],
)
def test_mentions(blank: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    found = [(m.name, m.title) for m in find_person_mentions(blank(text))]
    assert found == expected


def test_short_mention_carries_full_name_and_title(blank: Language) -> None:
    text = (
        "Kapolda Maluku Irjen Pol Bambang Setiawan Putra membuka rapat. "
        '"Kita harus waspada," ujar Bambang Setiawan. Bambang juga meminta warga melapor.'
    )
    mentions = find_person_mentions(blank(text))
    assert [m.name for m in mentions] == ["Bambang Setiawan Putra", "Bambang Setiawan", "Bambang"]
    assert {m.canonical for m in mentions} == {"Bambang Setiawan Putra"}
    assert {m.title for m in mentions} == {"Kapolda Maluku"}


def test_pipeline_persons_do_not_overlap_agencies(nlp: Language) -> None:
    doc = nlp("Kepala Kantor Imigrasi Kelas I TPI Jakarta Barat Andi Wijaya mengatakan hal itu kepada warga.")
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    assert [p.text for p in persons] == ["Andi Wijaya"]
    assert persons[0]._.title == "Kepala Kantor Imigrasi Kelas I TPI Jakarta Barat"
    assert persons[0]._.canonical == "Andi Wijaya"


def test_apposition_gives_the_title(blank: Language) -> None:
    mentions = find_person_mentions(blank("Materi dibawakan oleh Sinta Dewi, Kepala Seksi Lalu Lintas, pagi itu."))
    assert [(m.name, m.title) for m in mentions] == [("Sinta Dewi", "Kepala Seksi Lalu Lintas")]

"""Tests of the tppo_sentencizer component."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Budi datang ke Kab. Bogor. Dia bertemu dr. Ani di Jl. Merdeka No. 5. Kemudian pulang.",
            ["Budi datang ke Kab. Bogor.", "Dia bertemu dr. Ani di Jl. Merdeka No. 5.", "Kemudian pulang."],
        ),
        (
            '"Kami siap. Semua sudah diatur," kata Budi. Ia menambahkan hal itu.',
            ['"Kami siap. Semua sudah diatur," kata Budi.', "Ia menambahkan hal itu."],
        ),
        ('"A. B," kata Ali.', ['"A. B," kata Ali.']),
        (
            "Polisi datang. “Kami siap. Semua aman,” ujar Budi. Ia pergi.",
            ["Polisi datang.", "“Kami siap. Semua aman,” ujar Budi.", "Ia pergi."],
        ),
        ("Ia berkata. “Kami siap.” Lalu pergi.", ["Ia berkata.", "“Kami siap.”", "Lalu pergi."]),
        ('Ia berkata."Kami siap," ujarnya.', ["Ia berkata.", '"Kami siap," ujarnya.']),
        ("Dia bilang “Kami siap. Semua aman.", ["Dia bilang “Kami siap.", "Semua aman."]),
        (
            "Kantor Imigrasi Kelas I. Kantor itu besar! Apa benar? Ya.",
            ["Kantor Imigrasi Kelas I.", "Kantor itu besar!", "Apa benar?", "Ya."],
        ),
        ("Kombes Pol. Yusuf hadir. M. Yusuf juga.", ["Kombes Pol. Yusuf hadir.", "M. Yusuf juga."]),
        ("Harga naik dll. dan sebagainya.", ["Harga naik dll. dan sebagainya."]),
        ("Rapat selesai. 20 orang hadir.", ["Rapat selesai.", "20 orang hadir."]),
        ("Judul tanpa titik\nBaris kedua tanpa titik", ["Judul tanpa titik", "Baris kedua tanpa titik"]),
        ("kasus naik (27/6). Polisi menangkap.", ["kasus naik (27/6).", "Polisi menangkap."]),
    ],
)
def test_sentences(nlp: Language, text: str, expected: list[str]) -> None:
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents] == expected
    assert all(t.is_sent_start is not None for t in doc)


def test_unbalanced_quote_closes_at_paragraph_end(nlp: Language) -> None:
    doc = nlp("“Kami siap. Semua aman.\nParagraf baru dimulai. Lalu selesai.")
    expected = ["“Kami siap.", "Semua aman.", "Paragraf baru dimulai.", "Lalu selesai."]
    assert [s.text.strip() for s in doc.sents] == expected


def test_zone_starts_start_sentences(nlp: Language) -> None:
    doc = nlp("Bogor (ANTARA) - Polisi datang. Mereka pergi.\n")
    assert [s.text.strip() for s in doc.sents] == ["Bogor (ANTARA) -", "Polisi datang.", "Mereka pergi."]


def test_long_text_is_split_in_one_pass(nlp: Language) -> None:
    # The sentence starts of a long text are set in one array write; every sentence of the repeated
    # paragraph must still come out.
    paragraph = "Petugas memeriksa dokumen. Warga itu ditunda keberangkatannya! Apakah agennya resmi? "
    doc = nlp(paragraph * 300)
    sents = [s.text.strip() for s in doc.sents]
    assert len(sents) == 900
    assert sents[:3] == ["Petugas memeriksa dokumen.", "Warga itu ditunda keberangkatannya!", "Apakah agennya resmi?"]

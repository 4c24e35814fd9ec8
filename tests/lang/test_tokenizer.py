"""Tests of the news tokenizer ``tppo_extract.Tokenizer.v1``."""

from __future__ import annotations

from types import ModuleType

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from tppo_extract.lang.tokenizer import create_tokenizer


def _build() -> Language:
    nlp = spacy.blank("id")
    nlp.tokenizer = create_tokenizer()(nlp)
    return nlp


# Built once: building the exception table takes seconds.
_NLP = _build()


@pytest.fixture(scope="module")
def tok() -> Language:
    return _NLP


def words(nlp: Language, text: str) -> list[str]:
    return [t.text for t in nlp(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pada 12/3/2024 lalu", ["pada", "12/3/2024", "lalu"]),
        # a backslash a scraper left at a word's edge splits off
        ("Kamis (15/6/2023).\\", ["Kamis", "(", "15/6/2023", ")", ".", "\\"]),
        ("di Pelabuhan Sukamaju\\ kemarin", ["di", "Pelabuhan", "Sukamaju", "\\", "kemarin"]),
        ("pada 12/03/2024.", ["pada", "12/03/2024", "."]),
        ("Selasa (27/6) malam", ["Selasa", "(", "27/6", ")", "malam"]),
        ("Jumat, (26/7/2024).", ["Jumat", ",", "(", "26/7/2024", ")", "."]),
        ("naik Rp1,5 juta", ["naik", "Rp", "1,5", "juta"]),
        ("warga-warga desa", ["warga-warga", "desa"]),
        ("berhati-hati dan non-prosedural", ["berhati-hati", "dan", "non-prosedural"]),
        ("BACA JUGA:Kemenkumham Gelar", ["BACA", "JUGA", ":", "Kemenkumham", "Gelar"]),
        ("“Kami siap,” ujarnya.", ["“", "Kami", "siap", ",", "”", "ujarnya", "."]),
        ('"Kami" dan \'mereka\'', ['"', "Kami", '"', "dan", "'", "mereka", "'"]),
        ("Kantor Imigrasi Kelas I Bogor", ["Kantor", "Imigrasi", "Kelas", "I", "Bogor"]),
        ("Kantor Imigrasi Kelas I.", ["Kantor", "Imigrasi", "Kelas", "I", "."]),
        ("Lapas Kelas II.", ["Lapas", "Kelas", "II", "."]),
        ("kasus TPPO, kata dia", ["kasus", "TPPO", ",", "kata", "dia"]),
        ("BP2MI, BP3MI, P4MI dan UPT BP2MI", ["BP2MI", ",", "BP3MI", ",", "P4MI", "dan", "UPT", "BP2MI"]),
        ("menjadi 5,75%.", ["menjadi", "5,75", "%", "."]),
        ("pukul 10.00 WIB.", ["pukul", "10.00", "WIB", "."]),
        ("Belawan-Sumut se-Provinsi", ["Belawan", "-", "Sumut", "se", "-", "Provinsi"]),
        ("Indonesia–Malaysia", ["Indonesia", "–", "Malaysia"]),
        ('ujarnya."Kami', ["ujarnya", ".", '"', "Kami"]),
        ("ujarnya.“Kami", ["ujarnya", ".", "“", "Kami"]),
        ("Kombes Pol. Yusuf", ["Kombes", "Pol.", "Yusuf"]),
        ("Brigjen Pol. Ali", ["Brigjen", "Pol.", "Ali"]),
        ("M. Yusuf dan AKBP Ali", ["M.", "Yusuf", "dan", "AKBP", "Ali"]),
    ],
)
def test_tokens(tok: Language, text: str, expected: list[str]) -> None:
    assert words(tok, text) == expected


@pytest.mark.parametrize(
    "abbreviation",
    ["Kab.", "Kec.", "Kel.", "Prov.", "Jl.", "No.", "dr.", "Dr.", "H.", "Hj.", "Drs.", "Ir.", "S.H.", "M.H.",
     "S.Kom", "AKBP", "Pol.", "dll.", "dsb.", "a.n.", "u.p.", "tgl.", "M."],
)
def test_abbreviations_are_one_token(tok: Language, abbreviation: str) -> None:
    assert words(tok, f"di {abbreviation} Bogor") == ["di", abbreviation, "Bogor"]


_ALPHABET = st.sampled_from(list("aZ09 .,-–—/()“”\"':%*\n\r\t") + ["Kab.", "12/3", "Rp", "I.", "BP2MI"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_tokens_join_to_text(text: str) -> None:
    doc = _NLP(text)
    assert "".join(t.text_with_ws for t in doc) == text


def test_the_tokenizer_hands_on_the_text_it_was_given(fuzz: ModuleType) -> None:
    import pickle

    import spacy

    from tppo_extract.lang.tokenizer import build_tokenizer
    from tppo_extract.spans import doc_text

    tokenizer = build_tokenizer(spacy.blank("id"))
    texts = ["Kantor Imigrasi  Sukamaju\n\nmenunda 12/3/2024 keberangkatan.\t", *(fuzz.document(k) for k in range(300))]
    for text in texts:
        if any("\ud800" <= c <= "\udfff" for c in text):
            continue  # lone surrogates are refused before the tokenizer (InputError)
        doc = tokenizer(text)
        assert doc_text(doc) is text and doc.text == text
    assert type(pickle.loads(pickle.dumps(tokenizer))) is type(tokenizer)


# Articles with a special case early (an abbreviation), as news has them: spaCy caches no chunk after it.
CACHE_TEXTS = [
    "Kab. Sukamaju menunda keberangkatan 12 calon pekerja, Senin (3/6).",
    "Kombes Pol. Budi Santoso memimpin razia di Jl. Merdeka No. 5, kemarin.",
    "H. Ahmad (45), warga Kec. Sukamaju, menolak paspor 'palsu' itu.",
]


def test_tokens_are_the_same_from_the_cache(tok: Language) -> None:
    first = [[(t.text, t.whitespace_, t.norm_) for t in tok(text)] for text in CACHE_TEXTS]
    again = [[(t.text, t.whitespace_, t.norm_) for t in tok(text)] for text in CACHE_TEXTS]
    assert first == again
    assert [t for t, _, _ in first[0]][:4] == ["Kab.", "Sukamaju", "menunda", "keberangkatan"]


def test_chunks_after_a_special_case_are_cached(tok: Language) -> None:
    tokenizer = tok.tokenizer
    original = tokenizer.prefix_search
    asked: list[str] = []

    def counting(chunk: str):  # type: ignore[no-untyped-def]
        asked.append(chunk)
        return original(chunk)

    try:
        tokenizer.prefix_search = counting  # empties spaCy's cache, and what was offered to it
        assert not tokenizer._offered
        for text in CACHE_TEXTS:
            tokenizer(text)
        asked.clear()
        for text in CACHE_TEXTS:
            tokenizer(text)
        # on the second reading every chunk but the special cases comes from the cache
        assert "menunda" not in asked and "keberangkatan" not in asked and "pekerja," not in asked
        assert "kemarin." not in asked and "(45)," not in asked
    finally:
        tokenizer.prefix_search = original


def test_the_cache_keeps_no_more_than_its_size(tok: Language) -> None:
    tokenizer = tok.tokenizer
    size = tokenizer.max_cache_size
    try:
        tokenizer.max_cache_size = 5
        tokenizer._flush_cache()
        tokenizer(" ".join(f"kata{k}" for k in range(50)))
        tokenizer(" ".join(f"kata{k}" for k in range(50, 100)))
        assert len(tokenizer._offered) == 50  # offered once, then no more: the cache is full
    finally:
        tokenizer.max_cache_size = size
        tokenizer._flush_cache()

"""Tests of text/zoning.py: furniture, bylines, captions and headlines; zones tile the text."""

from __future__ import annotations

from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tppo_extract.text.zoning import check_tiling, find_zones

BODY = "Kantor Imigrasi Kelas I menggelar sosialisasi di Desa Sukamaju, Kabupaten Bogor."


def kinds_of(text: str) -> dict[str, tuple[str, str]]:
    zones = find_zones(text)
    assert check_tiling(zones, len(text))
    return {text[z["start"] : z["end"]].strip(): (z["kind"], z["label"]) for z in zones}


@pytest.mark.parametrize(
    ("line", "kind", "label"),
    [
        ("BACA JUGA: Polisi Gelar Razia di Pelabuhan", "furniture", "read_also"),
        ("Baca juga: Imigrasi tunda paspor warga", "furniture", "read_also"),
        ("BACA JUGA:Kemenkumham Gelar Rapat Kerja", "furniture", "read_also"),
        ("Baca Juga: https://contoh.id/2025/berita-lain.html", "furniture", "read_also"),
        ("Cek Berita dan Artikel yang lain di Google News", "furniture", "google_news"),
        ("Sumber:", "furniture", "source"),
        ("Sumber: Humas Polres", "furniture", "source"),
        ("***", "furniture", "separator"),
        ("--", "furniture", "separator"),
        ("Simak berita terbaru kami di WhatsApp Channel", "furniture", "share"),
        ("Ikuti kami di Instagram dan Facebook", "furniture", "share"),
        ("Advertisement", "furniture", "advert"),
        ("Copyright © Kantor Berita 2025", "furniture", "copyright"),
        ("2024-07-18T23:50:01.000Z", "furniture", "timestamp"),
        ("Editor: Rina Wati", "byline", "credit"),
        ("Pewarta : Budi Santoso", "byline", "credit"),
        ("Penulis:Dewi Lestari", "byline", "credit"),
        ("Reporter: Ahmad | Editor: Sari", "byline", "credit"),
        ("(abc/xyz)", "byline", "initials"),
        ("Foto: Petugas memeriksa paspor warga", "caption", "photo"),
        ("(Foto: Dokumentasi Humas)", "caption", "photo"),
        ("Ilustrasi paspor di meja petugas", "caption", "photo"),
        ("Petugas memeriksa dokumen calon penumpang (ANTARA/Foto Budi)", "caption", "photo"),
        ("Suasana pelabuhan pada pagi hari. Foto: Kabar Kita", "caption", "photo"),
        ("- Istimewa", "caption", "photo"),
        ("Petugas memeriksa dokumen calon penumpang. (Ilustrasi/Sumber Gambar)", "caption", "photo"),
        ("Warga antre di kantor imigrasi (Istimewa/Humas)", "caption", "photo"),
        ("date 2024-01-02 Advertisement", "furniture", "advert"),
        ("Advertisement Scroll ke bawah", "furniture", "advert"),
        ("HOME NEWS NASIONAL", "furniture", "navigation"),
        ("Beranda / Daerah / Hukum", "furniture", "navigation"),
        ("INFOGRAFIS INDEKS", "furniture", "navigation"),
        ("Budi Santoso , Jurnalis-Jumat, 09 Juni 2023 |14:33 WIB", "byline", "timestamp"),
        ("Rina Wati - Senin, 3 Maret 2025 - 08:15 WIB", "byline", "timestamp"),
        ("Sari Dewi, Kontributor - 12 Januari 2024, 19.05 WITA", "byline", "timestamp"),
    ],
)
def test_line_rules(line: str, kind: str, label: str) -> None:
    text = f"{BODY}\n{line}\n{BODY} Kedua.\n"
    assert kinds_of(text)[line] == (kind, label)
    assert kinds_of(text)[BODY] == ("body", "paragraph")


@pytest.mark.parametrize(
    "line",
    [
        "Iklan lowongan kerja palsu itu tersebar di media sosial sejak Senin.",
        "Berita bohong soal lowongan kerja ke luar negeri beredar di grup warga.",
        "Pada Jumat, 9 Juni 2023 pukul 14.30 WIB, petugas menggelar razia di pelabuhan.",
    ],
)
def test_body_sentences_are_no_furniture(line: str) -> None:
    text = f"{BODY}\n{line}\n{BODY} Kedua.\n"
    assert kinds_of(text)[line] == ("body", "paragraph")


def test_author_lines_above_a_newsroom_credit() -> None:
    text = f"Judul Berita Tentang Pengawasan Imigrasi\nWarta.id - 15/06/2023, 23:30 WIB\nRina Wati,\nBudi Santoso\n\nTim Redaksi\n\n{BODY}\n"
    kinds = kinds_of(text)
    assert kinds["Rina Wati,"] == ("byline", "author")
    assert kinds["Budi Santoso"] == ("byline", "author")
    assert kinds["Tim Redaksi"] == ("byline", "credit")
    assert kinds[BODY] == ("body", "paragraph")
    # a short line of names with no credit after it stays what it was
    plain = f"{BODY}\nRina Wati\n{BODY} Kedua.\n"
    assert kinds_of(plain)["Rina Wati"][0] != "byline"


def test_headline_repeated_and_top_lines() -> None:
    text = (
        "Imigrasi Bentuk Desa Binaan di Kabupaten Bogor\n\n"
        "Imigrasi  Bentuk Desa Binaan di Kabupaten Bogor\n"
        "Penulis: Dewi\n"
        "Petugas imigrasi berfoto bersama warga desa binaan\n\n"
        f"{BODY}\nLangkah Pencegahan Selanjutnya di Desa\n{BODY} Lagi.\n"
    )
    z = kinds_of(text)
    assert z["Imigrasi Bentuk Desa Binaan di Kabupaten Bogor"] == ("headline", "title")
    assert z["Imigrasi  Bentuk Desa Binaan di Kabupaten Bogor"] == ("headline", "repeated")
    assert z["Petugas imigrasi berfoto bersama warga desa binaan"] == ("caption", "top_line")
    assert z["Langkah Pencegahan Selanjutnya di Desa"] == ("headline", "subheading")
    assert z[BODY] == ("body", "paragraph")


@pytest.mark.parametrize(
    "first",
    [
        "Kantor Imigrasi menunda keberangkatan.",  # final period: body
        "Dua Kata",  # too short for a headline
        "Tanjung Balai, Sumut, kabarkita.id -",  # a dateline line
    ],
)
def test_not_a_headline(first: str) -> None:
    assert kinds_of(f"{first}\n\n{BODY}\n")[first][0] == "body"


@pytest.mark.parametrize(
    "first",
    [
        "Imigrasi Sukamaju Gagalkan Keberangkatan 9 Warga ke Luar Negeri.",
        "Polres Bahari Tangkap Dua Perekrut Pekerja Migran Ilegal.",
        "Dinas Tenaga Kerja Gelar Sosialisasi Migrasi Aman di Desa Cibening.",
    ],
)
def test_a_title_case_headline_may_end_with_a_full_stop(first: str) -> None:
    assert kinds_of(f"{first}\n\n{BODY}\n")[first] == ("headline", "title")


@pytest.mark.parametrize(
    "first",
    [
        "Kantor Imigrasi Sukamaju menunda keberangkatan sembilan warga.",
        "Polisi menangkap Budi Santoso di Pelabuhan Bahari.",
    ],
)
def test_a_sentence_with_names_is_no_title_case_headline(first: str) -> None:
    assert kinds_of(f"{first}\n\n{BODY}\n")[first][0] == "body"


def test_trailing_stars_and_initials_split_off() -> None:
    text = f'{BODY}\n"Kami siap membantu," tutup Joko. ***\nPolisi mengamankan dua orang. (abc)\n'
    zones = find_zones(text)
    pieces = [(text[z["start"] : z["end"]].strip(), z["kind"]) for z in zones]
    assert ('"Kami siap membantu," tutup Joko.', "body") in pieces
    assert ("***", "furniture") in pieces
    assert ("Polisi mengamankan dua orang.", "body") in pieces
    assert ("(abc)", "byline") in pieces


def test_read_also_list_items() -> None:
    text = f"{BODY}\nBaca Juga\n- Timnas Menang di Stadion\n- Harga Cabai Naik\n{BODY} Dua.\n"
    z = kinds_of(text)
    assert z["- Timnas Menang di Stadion"] == ("furniture", "read_also")
    assert z["- Harga Cabai Naik"] == ("furniture", "read_also")


def test_trailing_title_before_timestamp() -> None:
    text = f"{BODY}\n{BODY} Dua.\nImigrasi Bentuk Desa Binaan di Bogor\nKamis, 7 November 2024 11:43 WIB 512\n"
    z = kinds_of(text)
    assert z["Imigrasi Bentuk Desa Binaan di Bogor"] == ("headline", "repeated")
    assert z["Kamis, 7 November 2024 11:43 WIB 512"] == ("furniture", "timestamp")


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "satu", "  satu\r\n\r\ndua  "])
def test_edge_texts_tile(text: str) -> None:
    assert check_tiling(find_zones(text), len(text))


_LINES = st.sampled_from(
    [
        BODY,
        "BACA JUGA:Judul Lain",
        "***",
        "Editor: Budi",
        "Foto: Warga",
        "",
        " ",
        "Judul Pendek Tanpa Titik Sama",
        "Jakarta (ANTARA) - Polisi datang.",
        '"Kami siap," kata dia. ***',
        "(abc)",
        "x\r",
        "Kepala",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=12), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_zones_tile_any_text(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    zones = find_zones(text)
    assert check_tiling(zones, len(text))
    assert "".join(text[z["start"] : z["end"]] for z in zones) == text


@pytest.mark.parametrize(
    "line",
    [
        "Artikel ini telah tayang di Contohberita.com dengan judul: Imigrasi Sukamaju Tunda 9 Warga",
        "Berita ini telah tayang di Warta Bahari dengan judul Polisi Bahari Tangkap Perekrut",
        "Tulisan ini pertama kali dimuat di Kabar Sukamaju.",
    ],
)
def test_syndication_notes_are_furniture(line: str) -> None:
    assert kinds_of(f"{BODY}\n{line}\n")[line][0] == "furniture"


def test_the_furniture_phrases_come_from_resources_zoning() -> None:
    from tppo_extract.lang.wordlists import load_words

    assert {"beranda", "nasional", "gaya hidup"} <= set(load_words("zoning", "sections.txt"))
    assert {"editor", "pewarta", "foto dan teks"} <= set(load_words("zoning", "credits.txt"))
    # a phrase's words may be any white space apart; the credit needs its colon
    assert [z["label"] for z in find_zones("Beranda / Gaya  Hidup\nFoto dan teks: Tim Redaksi\n")][:2] == [
        "navigation",
        "credit",
    ]


def test_the_line_rules_tried_at_once_pick_the_rule_that_each_in_turn_picks(fuzz: ModuleType) -> None:
    from tppo_extract.text import zoning as Z

    def one_by_one(line: str) -> tuple[str, str]:
        for kind, label, pattern in Z._LINE_RULES:
            if pattern.search(line):
                return kind, label
        return ("furniture", "tags") if Z._TOPIC_TAGS.match(line) else ("body", "paragraph")

    lines = [
        "Baca juga: Imigrasi gelar lomba", "ADVERTISEMENT", "date 2024-01-02 Advertisement", "Copyright © 2024",
        "Sumber: Humas", "Tags: TPPO", "Foto: Dok. Humas", "(Foto: Antara/Budi)", "Jumat, 9 Juni 2023 | 14:33 WIB",
        "Kepala kantor itu mengatakan petugas menunda keberangkatan.", "Home News Nasional", "***",
    ]
    lines += [line for k in range(400) for line in fuzz.document(k).split("\n")]
    assert Z._N_ANCHORED > 10
    for line in lines:
        assert Z._classify(line.strip()) == one_by_one(line.strip()), line

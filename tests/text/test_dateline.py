"""Tests of text/dateline.py: the datelines of Indonesian news."""

from __future__ import annotations

import pytest

from tppo_extract.text.dateline import find_dateline
from tppo_extract.text.zoning import find_zones

HEAD = "Petugas Imigrasi Gelar Sosialisasi di Desa Binaan\n\n"


def read(opening: str) -> tuple[str | None, str | None, str | None, str | None] | None:
    text = HEAD + opening + " Petugas menggelar sosialisasi kepada warga.\nParagraf kedua.\n"
    d = find_dateline(text, find_zones(text))
    if d is None:
        return None

    def cut(span: dict[str, int] | None) -> str | None:
        return text[span["start"] : span["end"]] if span else None

    return text[d["start"] : d["end"]], cut(d["place"]), d["outlet"], cut(d["date"])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("Yogyakarta (ANTARA) -", ("Yogyakarta (ANTARA) -", "Yogyakarta", "ANTARA", None)),
        ("JAKARTA, KOMPAS.com -", ("JAKARTA, KOMPAS.com -", "JAKARTA", "KOMPAS.com", None)),
        ("Jakarta, Senin (12/3/2024) -", ("Jakarta, Senin (12/3/2024) -", "Jakarta", None, "Senin (12/3/2024)")),
        ("Tanjungpinang (ANTARA) –", ("Tanjungpinang (ANTARA) –", "Tanjungpinang", "ANTARA", None)),
        ("KALIANDA, Kabarsiger.com -", ("KALIANDA, Kabarsiger.com -", "KALIANDA", "Kabarsiger.com", None)),
        ("Kupang, 11/7 (ANTARA) -", ("Kupang, 11/7 (ANTARA) -", "Kupang", "ANTARA", "11/7")),
        ("Denpasar -", ("Denpasar -", "Denpasar", None, None)),
        ("SURABAYA, Memorandum.co.id -", ("SURABAYA, Memorandum.co.id -", "SURABAYA", "Memorandum.co.id", None)),
        ("Medan — ", ("Medan —", "Medan", None, None)),
        ("Sleman–", ("Sleman–", "Sleman", None, None)),
        ("kabarkita.com, Cirebon -", ("kabarkita.com, Cirebon -", "Cirebon", "kabarkita.com", None)),
        ("Wonosari (DIY), BERITAKU.id -", ("Wonosari (DIY), BERITAKU.id -", "Wonosari", "BERITAKU.id", None)),
        (
            "KABARKITA.COM, Serang, 12 November 2025 –",
            ("KABARKITA.COM, Serang, 12 November 2025 –", "Serang", "KABARKITA.COM", "12 November 2025"),
        ),
        ("Bogor, Selasa, (11/7/2023) -", ("Bogor, Selasa, (11/7/2023) -", "Bogor", None, "Selasa, (11/7/2023)")),
        ("ELSINDO, PALU –", ("ELSINDO, PALU –", "PALU", "ELSINDO", None)),
        ("BANDUNG. Pemerintah", ("BANDUNG.", "BANDUNG", None, None)),
    ],
)
def test_datelines(opening: str, expected: tuple[str, str | None, str | None, str | None]) -> None:
    assert read(opening) == expected


@pytest.mark.parametrize(
    "opening",
    [
        "Kepala Kantor Imigrasi Kelas I - Budi menyatakan",
        "Pada 2023 - 2024 kasus naik.",
        "Budi mengatakan - dalam rapat",
        "Kemenkumham Sumsel: Kami siap",
        "TPPO. Kasus itu",
        pytest.param("Polda Kaltim — sebagai", marks=pytest.mark.xfail(strict=True)),
    ],
)
def test_not_datelines(opening: str) -> None:
    assert read(opening) is None


def test_dateline_on_its_own_line() -> None:
    text = HEAD + "KabarNews, Sekayam\nKantor Imigrasi menggelar sosialisasi.\n"
    d = find_dateline(text, find_zones(text))
    assert d is not None and text[d["start"] : d["end"]] == "KabarNews, Sekayam"
    assert d["outlet"] == "KabarNews"


def test_date_on_the_next_line() -> None:
    text = HEAD + "Tanjung Balai, Sumut, kabarkita.id -\n\n25 September 2024 – Kantor Imigrasi menunda.\n"
    d = find_dateline(text, find_zones(text))
    assert d is not None and d["date"] is not None
    assert text[d["date"]["start"] : d["date"]["end"]] == "25 September 2024"
    assert text[d["start"] : d["end"]].endswith("2024 –")


def test_no_body_no_dateline() -> None:
    text = "BACA JUGA: Judul Lain\n"
    assert find_dateline(text, find_zones(text)) is None


@pytest.mark.parametrize(
    ("line", "outlet", "place"),
    [
        # an outlet's web name before the place, and a local outlet named "Kabar/Warta/Radar ..."
        ("Wartaku.id Sultra - Petugas memeriksa dokumen warga di pelabuhan.", "Wartaku.id", "Sultra"),
        ("KABAR SUKAMAJU, BANGGAI - Petugas memeriksa dokumen warga di Luwuk.", "KABAR SUKAMAJU", "BANGGAI"),
        ("Radar Selatan, Garut - Petugas memeriksa dokumen warga di terminal.", "Radar Selatan", "Garut"),
    ],
)
def test_outlet_names_before_the_place(line: str, outlet: str, place: str) -> None:
    text = f"Judul Berita Tentang Razia\n\n{line}\n"
    dl = find_dateline(text, find_zones(text))
    assert dl is not None and dl["outlet"] == outlet
    assert dl["place"] is not None and text[dl["place"]["start"] : dl["place"]["end"]] == place


def test_the_dateline_months_are_the_calendars() -> None:
    from tppo_extract.lang.calendar import MONTH_FULL_NAMES, MONTHS
    from tppo_extract.text import dateline

    assert set(dateline._DATELINE_MONTH_ABBREVIATIONS) <= MONTHS.keys()
    assert all(m.capitalize() in dateline._MONTH for m in MONTH_FULL_NAMES)
    assert dateline.DATE_PART.match("Senin, 9 Sept 2024")

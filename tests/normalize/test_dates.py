"""The date grammar: ISO values of single expressions, and which stretches of a sentence are dates."""

from __future__ import annotations

import pytest

from tppo_extract.normalize.dates import DateValue, find_dates, normalize_date, period_value

# Thursday
ANCHOR = "2024-03-14"


@pytest.mark.parametrize(
    ("text", "anchor", "value", "granularity"),
    [
        ("12 Maret 2024", None, "2024-03-12", "day"),
        ("5 Agt 2023", None, "2023-08-05", "day"),
        ("Maret 2024", None, "2024-03", "month"),
        ("MARET 2024", None, "2024-03", "month"),
        ("tahun 2023", None, "2023", "year"),
        ("2023", None, "2023", "year"),
        ("Senin (11/3/2024)", None, "2024-03-11", "day"),
        ("Jumat petang (8/3/2024)", None, "2024-03-08", "day"),
        ("Selasa, (12/3/2024)", None, "2024-03-12", "day"),
        ("Rabu, 13 Maret 2024", None, "2024-03-13", "day"),
        ("12/3/2024", None, "2024-03-12", "day"),
        ("12-03-2024", None, "2024-03-12", "day"),
        ("2024-03-12", None, "2024-03-12", "day"),
        # the year of a short date comes from the anchor, checked against the weekday
        ("Selasa (12/3)", ANCHOR, "2024-03-12", "day"),
        ("Selasa (27/6)", ANCHOR, "2023-06-27", "day"),
        ("Senin (30/12)", "2025-01-03", "2024-12-30", "day"),
        ("20 Februari", ANCHOR, "2024-02-20", "day"),
        # a weekday alone is the latest such day on or before the publication day
        ("Sabtu", ANCHOR, "2024-03-09", "day"),
        ("Kamis", ANCHOR, "2024-03-14", "day"),
        ("Rabu malam", ANCHOR, "2024-03-13", "day"),
        ("Jumat lalu", ANCHOR, "2024-03-08", "day"),
        ("Senin depan", ANCHOR, "2024-03-18", "day"),
        ("kemarin", ANCHOR, "2024-03-13", "day"),
        ("hari ini", ANCHOR, "2024-03-14", "day"),
        ("lusa", ANCHOR, "2024-03-16", "day"),
        ("dua hari lalu", ANCHOR, "2024-03-12", "day"),
        ("3 hari yang lalu", ANCHOR, "2024-03-11", "day"),
        # a week is a period: the month that holds it, or its year when it straddles two months
        ("pekan lalu", ANCHOR, "2024-03", "month"),
        ("minggu lalu", "2024-03-05", "2024", "year"),
        ("bulan lalu", ANCHOR, "2024-02", "month"),
        ("sebulan lalu", ANCHOR, "2024-02", "month"),
        ("bulan depan", "2024-12-10", "2025-01", "month"),
        ("tahun lalu", ANCHOR, "2023", "year"),
        ("tahun ini", ANCHOR, "2024", "year"),
        ("Tahun ini", ANCHOR, "2024", "year"),
        ("awal tahun ini", ANCHOR, "2024", "year"),
        ("akhir bulan ini", ANCHOR, "2024-03", "month"),
        ("tahun depan", ANCHOR, "2025", "year"),
        ("Agustus", "2024-09-20", "2024-08", "month"),
        ("Desember", "2024-01-20", "2023-12", "month"),
        ("Desember lalu", ANCHOR, "2023-12", "month"),
        # ranges take the smallest unit that holds them
        ("Januari hingga Oktober 2025", None, "2025", "year"),
        ("Januari-Maret 2024", None, "2024", "year"),
        ("Januari- Juni 2023", None, "2023", "year"),
        ("Februari sampai dengan April 2022", None, "2022", "year"),
        ("3-5 Juli 2023", None, "2023-07", "month"),
        ("1-10 Maret", ANCHOR, "2024-03", "month"),
        ("30 Juni hingga 2 Juli 2023", None, "2023", "year"),
        ("tahun 2023 hingga 2023", None, "2023", "year"),
        ("kuartal pertama 2012", None, "2012", "year"),
        ("triwulan III/2023", None, "2023", "year"),
        ("semester I tahun ini", ANCHOR, "2024", "year"),
        ("periode Lebaran", "2019-06-06", "2019-06", "month"),
        ("Lebaran 2024", None, "2024-04", "month"),
        ("Ramadan", ANCHOR, "2024", "year"),
    ],
)
def test_normalize_date(text: str, anchor: str | None, value: str, granularity: str) -> None:
    assert normalize_date(text, anchor=anchor) == DateValue(value, granularity)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "Sabtu",  # relative without an anchor
        "kemarin",
        "Selasa (12/3)",
        "tiga bulan terakhir",  # a duration
        "pukul 10.00 WIB",  # a time of day
        "tahun 2022-2026",  # more than a year
        "31/2/2024",  # no such day
        "tahun sebelumnya",  # counts from another event, not from the anchor
        "bukan tanggal",
    ],
)
def test_normalize_date_none(text: str) -> None:
    assert normalize_date(text, anchor=None if "tahun" not in text else ANCHOR) is None


def test_bad_anchor_is_ignored() -> None:
    assert normalize_date("Sabtu", anchor="bukan-tanggal") is None
    assert normalize_date("12 Maret 2024", anchor="bukan-tanggal") == DateValue("2024-03-12", "day")


def test_period_value() -> None:
    import datetime as dt

    d = dt.date
    assert period_value(d(2024, 3, 1), d(2024, 3, 1)) == DateValue("2024-03-01", "day")
    assert period_value(d(2024, 3, 1), d(2024, 3, 31)) == DateValue("2024-03", "month")
    assert period_value(d(2024, 1, 1), d(2024, 3, 31)) == DateValue("2024", "year")
    assert period_value(d(2023, 12, 1), d(2024, 1, 31)) is None
    assert period_value(d(2024, 3, 2), d(2024, 3, 1)) is None


def _found(text: str, anchor: str | None = ANCHOR) -> list[tuple[str, str | None]]:
    return [(text[s:e], v.value if v else None) for s, e, v in find_dates(text, anchor=anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kantor Imigrasi membentuk desa binaan pada bulan Maret 2024 di Lampung.",
            [("Maret 2024", "2024-03")],
        ),
        (
            "Sepanjang tahun 2023, sebanyak 90 calon pekerja migran ditunda keberangkatannya.",
            [("tahun 2023", "2023")],
        ),
        (
            "Penangkapan terjadi Senin (11/3) malam, kata Kapolres di Kupang, Selasa (12/3/2024).",
            [("Senin (11/3)", "2024-03-11"), ("Selasa (12/3/2024)", "2024-03-12")],
        ),
        ("Hal itu disampaikan Kepala Kantor di Batam, Sabtu.", [("Sabtu", "2024-03-09")]),
        ("Kepala Bidang menjelaskan di Medan, Rabu malam.", [("Rabu malam", "2024-03-13")]),
        ("Per 10 Maret kemarin tercatat 40 orang.", [("10 Maret", "2024-03-10")]),
        ("Harga naik sejak kemarin.", [("kemarin", "2024-03-13")]),
        (
            "Acara dimulai pukul 09.00 WIB di aula, Kamis (14/3).",
            [("pukul 09.00 WIB", None), ("Kamis (14/3)", "2024-03-14")],
        ),
        (
            "Periode 1-10 Maret sebanyak 50 orang, Februari 70 orang dan Januari 65 orang.",
            [("1-10 Maret", "2024-03"), ("Februari", "2024-02"), ("Januari", "2024-01")],
        ),
        (
            "Untuk 2024, pemerintah menargetkan pertumbuhan lebih tinggi dibandingkan dengan 2022 lalu.",
            [("2024", "2024"), ("2022", "2022")],
        ),
        ("Jumlah ini naik dalam tiga bulan terakhir ini.", [("tiga bulan terakhir ini", None)]),
        ("Razia dilakukan selama 28 Februari hingga 2 Maret 2024.", [("28 Februari hingga 2 Maret 2024", "2024")]),
        # "sampai dengan" mistyped by one key, or shortened, still joins a range
        ("Sejak Januari sampai denhan Desember 2020 ada 66 orang.", [("Januari sampai denhan Desember 2020", "2020")]),
        ("Data Januari sampai dgn Maret 2024 dihimpun.", [("Januari sampai dgn Maret 2024", "2024")]),
        ("Mulai Mei sampai dengn Juli 2023 razia digelar.", [("Mei sampai dengn Juli 2023", "2023")]),
        # not dates: numbers of laws and names, ages, counts, recurring days
        ("Hal ini diatur dalam UU No. 21 Tahun 2007 tentang TPPO.", []),
        ("Perpres Nomor 49 Tahun 2023 mengatur gugus tugas.", []),
        ("Sesuai Undang-Undang Nomor 6 tahun 2011 tentang Keimigrasian.", []),
        ("Rencana Aksi Nasional Pemberantasan Perdagangan Orang Tahun 2020-2024 disusun.", []),
        ("Ia menerima Justice Award 2024 dan tampil di Piala AFF 2018.", []),
        ("Korban berusia 25 tahun dan bekerja selama 3 tahun.", []),
        ("Sebanyak 2023 orang tercatat sebagai pemohon.", []),
        ("Setiap Senin petugas menggelar apel.", []),
        ("Ketua panitia, Agustus Simanjuntak, hadir.", []),
        ("Copyright © ANTARA 2024", []),
        ("Biaya mencapai Rp 2.024.000 per orang.", []),
        ("Tahun ajaran 2023/2024 dimulai.", []),
    ],
)
def test_find_dates(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tahun 2023 menjadi tahun terberat.", [("Tahun 2023", "2023")]),
        ("Rakor gugus tugas TPPO tahun 2024 digelar.", [("tahun 2024", "2024")]),
        ("Selama periode Lebaran harga cabai naik.", [("periode Lebaran", "2024-04")]),
        # known gaps
        pytest.param(
            "Pada kurun 2019/2020 kasus menurun.",
            [("2019/2020", None)],
            marks=pytest.mark.xfail(strict=True, reason="split years are not read"),
        ),
        pytest.param(
            "Pameran berlangsung pada pertengahan Desember hingga awal Januari.",
            [("pertengahan Desember hingga awal Januari", None)],
            marks=pytest.mark.xfail(strict=True, reason="edges inside month ranges"),
        ),
    ],
)
def test_find_dates_more(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _found(text) == expected


def test_offsets_point_into_text() -> None:
    text = "Pada Senin (11/3/2024) dan 12 Maret 2024, serta tahun lalu."
    for start, end, _ in find_dates(text, anchor=ANCHOR):
        assert text[start:end].strip() == text[start:end]
        assert text[start:end]


def test_spans_do_not_overlap() -> None:
    text = "Sejak Januari hingga Maret 2024, tepatnya 1-3 Maret 2024, pukul 10.00-12.00 WIB."
    found = find_dates(text, anchor=ANCHOR)
    for (_, e1, _), (s2, _, _) in zip(found, found[1:], strict=False):
        assert e1 <= s2
    assert len(found) == 3


@pytest.mark.xfail(strict=True, reason="a list of days does not share the year written at its end")
def test_year_shared_by_a_list_of_days() -> None:
    assert _found("Razia digelar pada 2 Maret dan 9 Maret 2024.", anchor="2025-01-10") == [
        ("2 Maret", "2024-03-02"),
        ("9 Maret 2024", "2024-03-09"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a period counted from the date before it takes that date's year
        (
            "Pada kuartal II 2022 remitansi naik 2 persen dibanding kuartal sebelumnya.",
            [("kuartal II 2022", "2022"), ("kuartal sebelumnya", "2022")],
        ),
        (
            "Selama Maret 2023 ada 40 kasus, dan triwulan berikutnya turun.",
            [("Maret 2023", "2023-03"), ("triwulan berikutnya", "2023")],
        ),
        # with no date before it, none
        ("Jumlah itu naik dibanding semester sebelumnya.", [("semester sebelumnya", None)]),
    ],
)
def test_periods_counted_from_an_earlier_date(text: str, expected: list[tuple[str, str | None]]) -> None:
    found = [(text[s:e], v.value if v else None) for s, e, v in find_dates(text, anchor="2024-06-01")]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        # a week of a month is a date of that month; the run-up to a holiday keeps its modifier
        ("Razia digelar pada pekan kedua Agustus 2024 di pelabuhan.", "pekan kedua Agustus 2024", "2024-08"),
        ("Pada minggu terakhir Maret 2023 posko dibuka.", "minggu terakhir Maret 2023", "2023-03"),
        ("Pengawasan diperketat menjelang Natal 2024.", "menjelang Natal 2024", "2024-12"),
    ],
)
def test_week_of_month_and_run_up_to_a_holiday(text: str, mention: str, value: str) -> None:
    found = [(text[s:e], v.value if v else None) for s, e, v in find_dates(text, anchor="2024-06-01")]
    assert (mention, value) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare year is a date by its preposition, and the mention keeps it
        ("Sepanjang 2023, petugas menunda 80 keberangkatan.", [("Sepanjang 2023", "2023")]),
        ("Desa itu menjadi desa binaan pada 2022.", [("pada 2022", "2022")]),
        # (a range of years has no smallest ISO unit that holds both ends)
        ("Pos itu berjaga sejak 2019 hingga 2021 di perbatasan.", [("sejak 2019 hingga 2021", None)]),
        ("Program berjalan selama 2024 dan dilanjutkan.", [("selama 2024", "2024")]),
        # with "tahun" the preposition stays outside, as before
        ("Pada tahun 2023 ada 12 kasus.", [("tahun 2023", "2023")]),
        # a preposition before a count is no date
        ("Jumlahnya sampai 2023 orang.", []),
    ],
)
def test_a_bare_year_keeps_its_preposition(text: str, expected: list[tuple[str, str | None]]) -> None:
    found = [(text[s:e], v.value if v else None) for s, e, v in find_dates(text, anchor="2024-06-01")]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "Belum lama ini, tim gabungan turun ke desa itu.",
        "Baru-baru ini petugas memeriksa dua agen penyalur.",
        "Beberapa waktu lalu, warga melapor ke posko.",
    ],
)
def test_the_recent_past_is_a_date_without_a_value(text: str) -> None:
    found = [(text[s:e], v) for s, e, v in find_dates(text, anchor="2024-06-01")]
    assert len(found) == 1 and found[0][1] is None
    assert text.lower().startswith(found[0][0].lower())

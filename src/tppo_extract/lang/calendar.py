"""Indonesian calendar vocabulary: month and day names, relative-time words, period names, holidays.

Keys are lower-case; :mod:`tppo_extract.normalize.dates` builds its grammar from these tables.
"""

from __future__ import annotations

from typing import Final

# Month names, their common newsroom abbreviations and the English names that turn up in datelines.
MONTHS: Final[dict[str, int]] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "agus": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip

# Names that are only safe next to a day number or a year ("Mar", "Des" alone are ordinary syllables).
MONTH_FULL_NAMES: Final[frozenset[str]] = frozenset(
    {
        "januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus",
        "september", "oktober", "november", "nopember", "desember",
    }
)  # fmt: skip

# Weekday -> Python weekday() number (Monday 0). "Ahad" is the Islamic name of Sunday.
WEEKDAYS: Final[dict[str, int]] = {
    "senin": 0,
    "selasa": 1,
    "rabu": 2,
    "kamis": 3,
    "jumat": 4,
    "jum'at": 4,
    "jum’at": 4,
    "sabtu": 5,
    "minggu": 6,
    "ahad": 6,
}

# Parts of the day that may follow a weekday ("Rabu malam", "Jumat petang").
TIMES_OF_DAY: Final[tuple[str, ...]] = ("dini hari", "pagi", "siang", "sore", "petang", "malam")

# Time zones of Indonesia written after a clock time.
TIME_ZONES: Final[tuple[str, ...]] = ("WIB", "WITA", "WIT", "Wita", "Wit")

# Small cardinal numbers written as words (relative expressions: "dua hari lalu", "tiga bulan terakhir").
NUMBER_WORDS: Final[dict[str, int]] = {
    "se": 1, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12,
}  # fmt: skip

# Ordinals used with quarters and semesters ("kuartal pertama", "triwulan III", "semester 2").
ORDINALS: Final[dict[str, int]] = {
    "pertama": 1, "kesatu": 1, "i": 1, "1": 1,
    "kedua": 2, "ii": 2, "2": 2,
    "ketiga": 3, "iii": 3, "3": 3,
    "keempat": 4, "iv": 4, "4": 4,
}  # fmt: skip

# Period word -> its length in months.
PERIOD_MONTHS: Final[dict[str, int]] = {
    "triwulan": 3,
    "kuartal": 3,
    "caturwulan": 4,
    "semester": 6,
}

# Deictic words after a unit ("pekan lalu", "tahun depan") -> direction: -1 past, 0 current, +1 future.
DIRECTIONS: Final[dict[str, int]] = {
    "lalu": -1,
    "yang lalu": -1,
    "silam": -1,
    "kemarin": -1,
    "ini": 0,
    "depan": 1,
    "mendatang": 1,
    "yang akan datang": 1,
}

# Single words for days around the reference day. Not "esok": "esok harinya" counts from the event.
DAY_WORDS: Final[dict[str, int]] = {
    "kemarin lusa": -2,
    "kemarin": -1,
    "hari ini": 0,
    "besok": 1,
    "besok lusa": 2,
    "lusa": 2,
}

# Units of relative expressions; "minggu" in lower case is the week, capitalised the weekday.
UNITS: Final[dict[str, str]] = {
    "hari": "day",
    "pekan": "week",
    "minggu": "week",
    "bulan": "month",
    "tahun": "year",
}

# Words before a bare month or year that make it a date ("pada 2011", "sejak Maret", "untuk 2012").
DATE_PREPOSITIONS: Final[tuple[str, ...]] = (
    "pada", "sejak", "hingga", "sampai", "untuk", "per", "selama", "sepanjang", "periode", "awal",
    "akhir", "pertengahan", "medio", "jelang", "menjelang", "sebelum", "setelah", "usai", "pasca",
    "mulai", "antara", "dibandingkan", "dibanding", "dengan", "tahun", "bulan", "di", "dan", "atau",
    "s.d.", "s/d",
)  # fmt: skip

# Prepositions that place or bound an event in a bare year ("pada 2023", "selama 2024", "sejak 2019"); a date
# mention starts with them, since without one a bare four-digit number is no date (GUIDELINES' convention).
YEAR_PREPOSITIONS: Final[tuple[str, ...]] = (
    "pada", "selama", "sepanjang", "sejak", "semenjak", "hingga", "sampai", "mulai",
)  # fmt: skip

# Phrases that place an event in the recent past without a date ("Belum lama ini, tim ..."): a date
# mention whose value cannot be resolved.
RECENT_PHRASES: Final[tuple[str, ...]] = (
    "belum lama ini", "baru-baru ini", "beberapa waktu lalu", "beberapa waktu yang lalu", "tempo hari",
    "beberapa saat lalu",
)  # fmt: skip

# Words that may follow a bare year in a date ("2010 lalu", "2012 ini").
YEAR_FOLLOWERS: Final[tuple[str, ...]] = (
    "lalu", "silam", "ini", "itu", "mendatang", "nanti", "dan", "hingga", "sampai", "akan", "yang",
    "telah", "sudah", "ke", "di", "pada", "lebih", "sebesar", "mencapai", "tercatat", "terdapat",
    "ada", "masih", "juga", "saja", "kemarin",
)  # fmt: skip

# Holidays as periods: the month of Idul Fitri (Lebaran) by Gregorian year (general knowledge; the
# Indonesian government's dates). Ramadan straddles two months, so it resolves to the year.
IDUL_FITRI: Final[dict[int, tuple[int, int]]] = {
    2010: (9, 10), 2011: (8, 31), 2012: (8, 19), 2013: (8, 8), 2014: (7, 28), 2015: (7, 17),
    2016: (7, 6), 2017: (6, 25), 2018: (6, 15), 2019: (6, 5), 2020: (5, 24), 2021: (5, 13),
    2022: (5, 2), 2023: (4, 22), 2024: (4, 10), 2025: (3, 31), 2026: (3, 20), 2027: (3, 10),
    2028: (2, 27), 2029: (2, 14), 2030: (2, 5),
}  # fmt: skip

# Holiday name -> "lebaran" (month of Idul Fitri), "christmas" (December) or "year" (the year only).
HOLIDAYS: Final[dict[str, str]] = {
    "lebaran": "lebaran",
    "idul fitri": "lebaran",
    "idulfitri": "lebaran",
    "hari raya idul fitri": "lebaran",
    "ramadan": "year",
    "ramadhan": "year",
    "natal": "christmas",
    "nataru": "year",
}

# Words before a holiday name that make it a time ("selama Lebaran", "menjelang Natal").
HOLIDAY_CUES: Final[tuple[str, ...]] = (
    "periode", "selama", "saat", "ketika", "menjelang", "jelang", "sebelum", "setelah", "sesudah",
    "usai", "pasca", "sejak", "hingga", "sampai", "musim", "momen", "libur", "liburan", "masa",
    "bulan", "pada", "mudik", "arus",
)  # fmt: skip



def capitalised(word: str) -> str:
    """``word`` with its first letter upper case ("jum'at" -> "Jum'at"; str.title would give "Jum'At")."""
    return word[:1].upper() + word[1:]


# The weekday and full month names as they open a word in running text ("Selasa", "Jum'at", "Maret"):
# the one list that the name filters of the other stages take them from.
WEEKDAY_WORDS: Final[frozenset[str]] = frozenset(capitalised(w) for w in WEEKDAYS)
MONTH_WORDS: Final[frozenset[str]] = frozenset(capitalised(w) for w in MONTH_FULL_NAMES)

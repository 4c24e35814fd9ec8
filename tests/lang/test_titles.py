"""The title and name-cue lists of lang/titles.py, read from resources/titles."""

from __future__ import annotations

from tppo_extract.lang import titles
from tppo_extract.lang.calendar import MONTH_WORDS, WEEKDAY_WORDS


def test_the_lists_hold_their_known_entries() -> None:
    assert {"Kepala", "Kapolresta", "Plt.", "Koordinator"} <= titles.ROLE_HEADS
    assert {"pemilik", "warga", "relawan"} <= titles.OCCUPATION_HEADS
    assert {"Camat", "Bupati", "Gubernur"} <= titles.TERRITORIAL_HEADS
    assert {"Irjen Pol", "AKBP", "Letkol"} <= set(titles.RANKS)
    assert {"Dr.", "Hj.", "Tuan Guru", "Ustaz"} <= set(titles.HONORIFICS)
    assert {"Sementara", "Pemkab", "WhatsApp", "Saya"} <= titles.NOT_NAME_WORDS
    assert {"Gusti", "Made", "Ketut"} <= titles.BALINESE_NAME_WORDS
    assert {"Prof", "Drs", "Pendeta"} <= titles.NAME_CUE_HONORIFICS
    assert {"gol", "pelatih"} <= titles.SPORT_CUES
    assert titles.TERRITORY_LEVELS["Camat"] == "district"
    assert titles.TERRITORY_LEVELS["Provinsi"] == "province"


def test_the_calendar_words_come_from_the_calendar_only() -> None:
    assert WEEKDAY_WORDS | MONTH_WORDS <= titles.NOT_NAME_WORDS
    from tppo_extract.lang.wordlists import load_words

    assert not set(load_words("titles", "not_name_words.txt")) & (WEEKDAY_WORDS | MONTH_WORDS)


def test_ranks_keep_the_order_of_their_file() -> None:
    # "Jenderal Pol" before "Jenderal": the prefix pattern tries the longest first either way
    assert titles.RANKS.index("Jenderal Pol") < titles.RANKS.index("Jenderal")
    assert titles.PREFIX_RE.match("Irjen Pol Budi").group(0) == "Irjen Pol "  # type: ignore[union-attr]

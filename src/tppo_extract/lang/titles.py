"""Indonesian person titles: roles and offices, police and military ranks, honorifics, academic degrees."""

from __future__ import annotations

from typing import Final

import regex

from .calendar import MONTH_WORDS, WEEKDAY_WORDS
from .wordlists import load_table, load_words, word_set

# The word lists live in resources/titles/ (one entry a line, each file saying what its words are for).
_KIND = "titles"

# Words that open a role phrase before a name ("Kepala Kantor Imigrasi X Budi", "Kapolda Kaltim Irjen Imam").
ROLE_HEADS: Final[frozenset[str]] = word_set(_KIND, "role_heads.txt")

# Lower-case nouns that describe an ordinary person in apposition to their name ("Sri, pemilik warung").
OCCUPATION_HEADS: Final[frozenset[str]] = word_set(_KIND, "occupation_heads.txt")

# Role heads that name a territory right after them ("Camat Medan Marelan", "Bupati Indramayu").
TERRITORIAL_HEADS: Final[frozenset[str]] = word_set(_KIND, "territorial_heads.txt")

# Police and military ranks, and civil honorifics, that may stand between a role and a name.
RANKS: Final[tuple[str, ...]] = load_words(_KIND, "ranks.txt")
HONORIFICS: Final[tuple[str, ...]] = load_words(_KIND, "honorifics.txt")

_RANK_ALT = "|".join(regex.escape(r) for r in sorted(RANKS, key=len, reverse=True))
_HON_ALT = "|".join(regex.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
# "Irjen Pol", "Kombes Pol.", "Dr. H."; used to skip them before a name.
PREFIX_RE: Final[regex.Pattern[str]] = regex.compile(
    rf"(?:(?:{_RANK_ALT})(?:[ ]Pol\.?)?(?![\p{{L}}])|(?:{_HON_ALT})(?![\p{{L}}]))[ ]+"
)

# Academic degrees written after a name: ", S.H., M.H.", " S.Sos", ", M.Si".
DEGREE_RE: Final[regex.Pattern[str]] = regex.compile(
    r"(?:,?[ ](?:S|M|D|Dr)\.?[ ]?[\p{Lu}\p{Ll}]{1,5}\.?(?:[ ]?[\p{Lu}\p{Ll}]{1,4}\.)?"
    r"|,?[ ](?:SH|MH|MM|MSi|MBA|MA|PhD|Ph\.D\.?))(?![\p{L}])"
)

# Capitalised words that are never (part of) a person's name in these articles (resources/titles/
# not_name_words.txt), and the calendar's words, which live in lang/calendar.py only.
NOT_NAME_WORDS: Final[frozenset[str]] = word_set(_KIND, "not_name_words.txt") | WEEKDAY_WORDS | MONTH_WORDS

# The gazetteer levels that a territory after a role may have.
_LEVELS: Final[frozenset[str]] = frozenset({"district", "village", "regency", "province"})


def _known_level(row: tuple[str, ...]) -> str | None:
    return None if row[1] in _LEVELS else f"unknown level {row[1]!r}; known: {sorted(_LEVELS)}"


# Territorial words of a role and the gazetteer level of the place name that follows them
# ("Camat Medan Marelan", "Kepala Desa Sukamaju", "Bupati Bantul").
TERRITORY_LEVELS: Final[dict[str, str]] = {
    word: level for word, level in load_table(_KIND, "territory_levels.tsv", columns=2, check=_known_level)
}

# Balinese names open with a gender marker ("I", "Ni") and then caste or birth-order words
# ("I Gusti Agung ...", "I Made ...", "Ni Luh Putu ..."); "I" alone is a name word only before one of these.
BALINESE_NAME_WORDS: Final[frozenset[str]] = word_set(_KIND, "balinese_name_words.txt")

# Honorifics and degrees that only stand before a person's name: "Drs. Wahyudi", "Prof. Sari"; religious
# titles too ("Pendeta Maria ...", "Ustaz Hasan ...").
NAME_CUE_HONORIFICS: Final[frozenset[str]] = word_set(_KIND, "name_cue_honorifics.txt")

# Words of football reports after which players' and coaches' names follow, alone or in a list.
SPORT_CUES: Final[frozenset[str]] = word_set(_KIND, "sport_cues.txt")


def is_role_head(word: str) -> bool:
    """True when ``word`` opens a role phrase ("Kepala", "Kapolresta", "Plt.")."""
    return word in ROLE_HEADS

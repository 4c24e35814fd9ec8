"""Indonesian abbreviations that end in a period inside a sentence: titles, degrees, ranks, addresses."""

from __future__ import annotations

from typing import Final

from .wordlists import load_table

# The kinds of abbreviation in resources/abbreviations/abbreviations.tsv.
KINDS: Final[tuple[str, ...]] = ("address", "title", "degree", "rank", "ordinary")


def _known_kind(row: tuple[str, ...]) -> str | None:
    if row[1] not in KINDS:
        return f"unknown kind {row[1]!r}; known: {', '.join(KINDS)}"
    return None if row[0].endswith(".") else f"{row[0]!r} does not end in a period"


def _of_kind(kind: str) -> tuple[str, ...]:
    rows = load_table("abbreviations", "abbreviations.tsv", columns=2, check=_known_kind)
    return tuple(abbreviation for abbreviation, k in rows if k == kind)


# Written as they appear in news text; the tokenizer adds the upper-case and title-case variants.
# Each keeps its period as part of one token, and no sentence ends after it.
ADDRESS: Final[tuple[str, ...]] = _of_kind("address")
TITLES: Final[tuple[str, ...]] = _of_kind("title")
DEGREES: Final[tuple[str, ...]] = _of_kind("degree")
RANKS: Final[tuple[str, ...]] = _of_kind("rank")
ORDINARY: Final[tuple[str, ...]] = _of_kind("ordinary")

ABBREVIATIONS: Final[frozenset[str]] = frozenset(ADDRESS + TITLES + DEGREES + RANKS + ORDINARY)

# Roman numerals that end sentences ("Kantor Imigrasi Kelas I."): their period is punctuation, not an
# initial, although "I." looks like one. A closed set of numerals rather than vocabulary, so it stays here.
ROMAN_NUMERALS: Final[tuple[str, ...]] = ("I", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII")


def is_abbreviation(token_text: str) -> bool:
    """True for an abbreviation that keeps its period ("Kab.", "dr.") or a capital initial ("M.")."""
    if token_text in ABBREVIATIONS or token_text.lower() in _LOWER:
        return True
    return is_initial(token_text)


def is_initial(token_text: str) -> bool:
    """A single capital letter with its period ("M."), other than the numeral "I."."""
    return len(token_text) == 2 and token_text[0].isupper() and token_text[1] == "." and token_text != "I."


_LOWER: Final[frozenset[str]] = frozenset(a.lower() for a in ABBREVIATIONS)

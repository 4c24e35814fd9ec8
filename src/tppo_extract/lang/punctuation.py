"""Prefix, suffix and infix rules of the news tokenizer: spaCy's Indonesian rules, adjusted for news."""

from __future__ import annotations

from typing import Final

from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER, HYPHENS
from spacy.lang.id import punctuation as _id_punctuation

_ID_INFIXES: Final[list[str]] = list(_id_punctuation.TOKENIZER_INFIXES)  # type: ignore[attr-defined]
_ID_PREFIXES: Final[list[str]] = list(_id_punctuation.TOKENIZER_PREFIXES)  # type: ignore[attr-defined]
_ID_SUFFIXES: Final[list[str]] = list(_id_punctuation.TOKENIZER_SUFFIXES)  # type: ignore[attr-defined]

# spaCy's Indonesian rule that splits a hyphen or slash between letters; replaced below so that
# reduplications and lower-case compounds ("warga-warga", "non-prosedural") stay one token.
_ID_ALPHA_HYPHEN: Final[str] = next(
    rule for rule in _ID_INFIXES if rule.startswith(f"(?<=[{ALPHA}])[\\/-]")
)

# spaCy's base rule that splits any hyphen or dash between letters.
_BASE_ALPHA_HYPHEN: Final[str] = rf"(?<=[{ALPHA}])(?:{HYPHENS})(?=[{ALPHA}])"
assert _BASE_ALPHA_HYPHEN in _ID_INFIXES, "spaCy's Indonesian infixes changed; review punctuation.py"

# A backslash is no part of an Indonesian word: where one is left at a word's end or start by a scraper that
# escaped a line break ("... (15/6/2023).\\"), it splits off, so that the word and its punctuation keep
# their own tokens (and a date its full span).
PREFIXES: Final[list[str]] = [r"\\", *_ID_PREFIXES]
SUFFIXES: Final[list[str]] = [r"\\", *_ID_SUFFIXES]
INFIXES: Final[list[str]] = [rule for rule in _ID_INFIXES if rule not in (_ID_ALPHA_HYPHEN, _BASE_ALPHA_HYPHEN)] + [
    # a slash between letters always splits ("Kab/Kota", "ANTARA/Yudi")
    rf"(?<=[{ALPHA}])\/(?=[{ALPHA}])",
    # a hyphen splits before a capital ("Belawan-Sumut", "se-Provinsi") and between capitals
    rf"(?<=[{ALPHA}])-(?=[{ALPHA_UPPER}])",
    rf"(?<=[{ALPHA_UPPER}])-(?=[{ALPHA_LOWER}])",
    # en and em dashes always split ("Indonesia–Malaysia", "Cirebon–Kantor")
    r"[–—~]|-{2,}",
    # a quotation mark glued after sentence punctuation opens the next sentence ('ujarnya."Kami')
    rf'(?<=[.,!?])[“”"‘’](?=[{ALPHA}0-9])',
]

# Whole tokens that the affix rules must not cut: numeric dates "12/3/2024", "27/6", clock times
# "10.00", "17.30".
TOKEN_MATCH: Final[str] = r"^(?:\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?|\d{1,2}[.:]\d{2})$"

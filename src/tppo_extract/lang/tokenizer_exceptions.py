"""Tokenizer exceptions of the news tokenizer: spaCy's Indonesian ones plus news abbreviations."""

from __future__ import annotations

from typing import Any, Final

from spacy.lang.id.tokenizer_exceptions import TOKENIZER_EXCEPTIONS as _ID_EXCEPTIONS
from spacy.symbols import ORTH

from .abbreviations import ABBREVIATIONS, ROMAN_NUMERALS


def _variants(abbreviation: str) -> set[str]:
    forms = {abbreviation, abbreviation.upper()}
    if abbreviation[:1].islower():
        forms.add(abbreviation[:1].upper() + abbreviation[1:])
    return forms


def _build() -> dict[str, list[dict[int, Any]]]:
    exc: dict[str, list[dict[int, Any]]] = dict(_ID_EXCEPTIONS)
    for abbreviation in ABBREVIATIONS:
        for form in _variants(abbreviation):
            exc[form] = [{ORTH: form}]
    # A numeral before a period ends a sentence ("Kelas I."): the period is its own token.
    for numeral in ROMAN_NUMERALS:
        exc[numeral + "."] = [{ORTH: numeral}, {ORTH: "."}]
    return exc


TOKENIZER_EXCEPTIONS: Final[dict[str, list[dict[int, Any]]]] = _build()

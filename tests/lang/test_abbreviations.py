"""Abbreviations that keep their period, read from resources/abbreviations."""

from __future__ import annotations

from tppo_extract.lang import abbreviations as abbr


def test_each_kind_holds_its_known_entries() -> None:
    assert {"Kab.", "Jl.", "RT."} <= set(abbr.ADDRESS)
    assert {"dr.", "Hj.", "Sdr."} <= set(abbr.TITLES)
    assert {"S.H.", "M.Si.", "S.I.Kom."} <= set(abbr.DEGREES)
    assert {"Pol.", "Purn."} <= set(abbr.RANKS)
    assert {"dll.", "Tbk.", "ttd."} <= set(abbr.ORDINARY)


def test_every_abbreviation_is_of_one_kind_and_all_are_known() -> None:
    kinds = (abbr.ADDRESS, abbr.TITLES, abbr.DEGREES, abbr.RANKS, abbr.ORDINARY)
    assert sum(len(k) for k in kinds) == len(abbr.ABBREVIATIONS)
    assert abbr.is_abbreviation("KAB.") and abbr.is_abbreviation("M.") and not abbr.is_abbreviation("I.")

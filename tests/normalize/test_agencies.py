"""Agency normalisation: lexicon, canonical names and per-document grouping."""

from __future__ import annotations

import pytest

from tppo_extract.normalize.agencies import (
    AgencyMention,
    agency_by_id,
    canonical_name,
    group_agencies,
    identity_key,
    load_agencies,
    parent_chain,
)


def test_lexicon_is_valid_and_has_core_bodies() -> None:
    ids = {e.id for e in load_agencies()}
    assert {"kemenkumham", "ditjenim", "bp2mi", "polri", "timpora", "kemenimipas"} <= ids
    entry = agency_by_id("bp2mi")
    assert entry is not None and "BP2MI" in entry.aliases


def test_parent_chain_walks_up() -> None:
    assert parent_chain("dit-intel-im") == ["Direktorat Jenderal Imigrasi", "Kementerian Imigrasi dan Pemasyarakatan"]
    assert parent_chain("polri") == []


@pytest.mark.parametrize(
    ("mention", "canonical"),
    [
        ("Kanim Jaktim", "Kantor Imigrasi Jakarta Timur"),
        ("Kanwil Kemenkumham Sumsel", "Kantor Wilayah Kementerian Hukum dan Hak Asasi Manusia Sumatera Selatan"),
        ("Kantor Imigrasi Kelas 1 TPI Palu", "Kantor Imigrasi Kelas I TPI Palu"),
        ("Balai Pelayanan X (BP3MI) Banten", "Balai Pelayanan X Banten"),
        ("Polda  Kaltim", "Polda Kalimantan Timur"),
        ("Kantor Imigrasi Kelas III Non-TPI Kalianda", "Kantor Imigrasi Kelas III Non TPI Kalianda"),
    ],
)
def test_canonical_name(mention: str, canonical: str) -> None:
    assert canonical_name(mention) == canonical


def test_identity_key_ignores_generic_words() -> None:
    assert identity_key("Kantor Imigrasi Kelas I TPI Tanjung Priok") == identity_key("Imigrasi Tanjung Priok")


def _m(start: int, text: str, family: str, place: str) -> AgencyMention:
    return AgencyMention(start, start + len(text), text, family, place, canonical=canonical_name(text))


def test_group_short_forms_with_longest() -> None:
    mentions = [
        _m(0, "Kantor Imigrasi Kelas II TPI Tanjung Balai Karimun", "immigration_office", "Tanjung Balai Karimun"),
        _m(100, "Polres Karimun", "police", "Karimun"),
        _m(200, "Kanim Karimun", "immigration_office", "Karimun"),
        _m(300, "Imigrasi", "immigration_office", ""),
        _m(400, "Kantor Imigrasi Batam", "immigration_office", "Batam"),
    ]
    groups = group_agencies(mentions)
    assert [g.canonical for g in groups] == [
        "Kantor Imigrasi Kelas II TPI Tanjung Balai Karimun",
        "Polres Karimun",
        "Kantor Imigrasi Batam",
    ]
    assert groups[0].aliases == ["Kantor Imigrasi Kelas II TPI Tanjung Balai Karimun", "Kanim Karimun", "Imigrasi"]
    assert groups[0].members == [0, 2, 3]


def test_bare_head_without_office_stays_alone() -> None:
    groups = group_agencies([_m(5, "Imigrasi", "immigration_office", "")])
    assert len(groups) == 1 and groups[0].aliases == ["Imigrasi"]


def test_region_short_forms_come_from_the_places_resource() -> None:
    from tppo_extract.normalize.agencies import abbreviations, region_short_forms

    forms = region_short_forms()
    assert forms["Sumsel"] == "Sumatera Selatan"
    assert forms["Jaktim"] == "Jakarta Timur"
    assert "Jakarta" not in forms  # part of its own expansion
    assert abbreviations()["DKI"] == "DKI"  # overridden: "DKI Jakarta" must not expand to a repeat
    assert abbreviations()["Babel"] == "Bangka Belitung"  # the agencies file's own row wins

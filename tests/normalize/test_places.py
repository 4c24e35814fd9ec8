"""Unit tests of the gazetteer linker: keys, prefixes, disambiguation, resources."""

from __future__ import annotations

import pytest

from tppo_extract.normalize import places
from tppo_extract.normalize.places import link_place, link_site, place_key, split_prefix


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tanjung Pinang", "Tanjungpinang"),
        ("BANDARLAMPUNG", "Bandar Lampung"),
        ("Gunung Kidul", "Gunungkidul"),
        ("Sumberejo", "Sumberrejo"),
        ("Soekarno-Hatta", "Soekarno Hatta"),
    ],
)
def test_place_key_equates_spellings(a: str, b: str) -> None:
    assert place_key(a) == place_key(b)


@pytest.mark.parametrize(
    ("mention", "prefix", "name"),
    [
        ("Kabupaten Lampung Selatan", "kabupaten", "Lampung Selatan"),
        ("Kab. Sanggau", "kab", "Sanggau"),
        ("Kota Administrasi Jakarta Timur", "kota administrasi", "Jakarta Timur"),
        ("Desa Sukamaju", "desa", "Sukamaju"),
        ("Sukamaju", None, "Sukamaju"),
    ],
)
def test_split_prefix(mention: str, prefix: str | None, name: str) -> None:
    assert split_prefix(mention) == (prefix, name)


@pytest.mark.parametrize(
    ("mention", "kwargs", "code", "level", "province"),
    [
        ("Desa Bumidaya", {}, "18.01.10.2013", "village", "Lampung"),
        ("Kecamatan Palas", {}, "18.01.10", "district", "Lampung"),
        ("Kabupaten Gunungkidul", {}, "34.03", "regency", "DI Yogyakarta"),
        ("Gunungkidul", {}, "34.03", "regency", "DI Yogyakarta"),
        ("Kota Kupang", {}, "53.71", "regency", "Nusa Tenggara Timur"),
        ("Kabupaten Kupang", {}, "53.01", "regency", "Nusa Tenggara Timur"),
        ("Tanjung Balai", {}, "12.74", "regency", "Sumatera Utara"),
        ("BANDARLAMPUNG", {}, "18.71", "regency", "Lampung"),
        ("Provinsi Kepulauan Riau", {}, "21", "province", "Kepulauan Riau"),
        ("Kapanewon Semin", {}, "34.03.12", "district", "DI Yogyakarta"),
        ("Jambi", {}, "15", "province", "Jambi"),  # the province before the city of the same name
        ("JAKARTA", {}, "31", "province", "DKI Jakarta"),
        ("Sumsel", {}, "16", "province", "Sumatera Selatan"),
        ("Kepri", {}, "21", "province", "Kepulauan Riau"),
        ("NTT", {}, "53", "province", "Nusa Tenggara Timur"),
        ("DIY", {}, "34", "province", "DI Yogyakarta"),
        ("Jaktim", {}, "31.75", "regency", "DKI Jakarta"),
        # A bare name is the regency, even when one of its districts has been seen.
        ("BOJONEGORO", {"context_codes": ["35.22.15"]}, "35.22", "regency", "Jawa Timur"),
        # Lontar villages lie in several provinces; the district already named decides.
        ("Desa Lontar", {"context_codes": ["36.04.13"]}, "36.04.13.2007", "village", "Banten"),
        ("Desa Lontar", {"context_codes": ["35.78"]}, "35.78.31.1004", "village", "Jawa Timur"),
        ("Kecamatan Sumberejo", {"context_codes": ["35.22"]}, "35.22.12", "district", "Jawa Timur"),
        # No regency Kalianda: the district of that name is the best the gazetteer has.
        ("Kabupaten Kalianda", {}, "18.01.06", "district", "Lampung"),
    ],
)
def test_link_place(mention: str, kwargs: dict[str, list[str]], code: str, level: str, province: str) -> None:
    link = link_place(mention, **kwargs)  # type: ignore[arg-type]
    assert link is not None
    assert (link.code, link.level, link.province) == (code, level, province)


@pytest.mark.parametrize(
    ("mention", "name", "level"),
    [
        ("Kamboja", "Kamboja", "country"),
        ("Arab Saudi", "Arab Saudi", "country"),
        ("Hongkong", "Hong Kong", "country"),
        ("Korea Selatan", "Korea Selatan", "country"),
        ("Sarawak", "Sarawak", "province"),
        ("Phnom Penh", "Phnom Penh", "regency"),
    ],
)
def test_link_foreign(mention: str, name: str, level: str) -> None:
    link = link_place(mention)
    assert link is not None
    assert (link.code, link.name, link.level, link.province) == (None, name, level, None)


@pytest.mark.parametrize("mention", ["Xyzzy Barat", "", "Desa"])
def test_link_place_unknown(mention: str) -> None:
    assert link_place(mention) is None


@pytest.mark.parametrize(
    ("name", "province"),
    [
        ("Internasional Soekarno-Hatta", "Banten"),
        ("I Gusti Ngurah Rai", "Bali"),
        ("Teluk Nibung", "Sumatera Utara"),
        ("Entikong", "Kalimantan Barat"),
        ("Karimun", "Kepulauan Riau"),
    ],
)
def test_link_site(name: str, province: str) -> None:
    link = link_site(name)
    assert link is not None and link.province == province


def test_resources_are_consistent() -> None:
    regions = places.gazetteer().regions
    assert len(regions) > 90_000
    assert sum(r.level == "province" for r in regions.values()) == 38
    assert all(code in regions for code in places.abbreviations().values())
    assert all(s.code in regions for s in places.known_sites().values())
    assert place_key("Batu") in places.stoplist()



@pytest.mark.parametrize(
    ("mention", "code"),
    [
        # a prefixed name the gazetteer spells otherwise: the one close name at that level
        ("Kabupaten Lampung Selatn", "18.01"),
        ("Kota Bandar Lampng", "18.71"),
        ("Provinsi Sumatra Utara", "12"),
    ],
)
def test_misspelt_prefixed_names_link(mention: str, code: str) -> None:
    link = link_place(mention)
    assert link is not None and link.code == code


@pytest.mark.parametrize("mention", ["Kabupaten Xyzabc", "Desa Ab", "Lampung Selatn"])
def test_no_fuzzy_link_without_a_prefix_or_a_close_name(mention: str) -> None:
    # a bare word is never matched loosely: too many village names are near any capitalised word
    assert link_place(mention) is None


def test_every_country_has_an_iso_code() -> None:
    from tppo_extract.normalize.places import country_codes, foreign_places

    codes = country_codes()
    assert {p.country for p in foreign_places().values()} <= set(codes)
    assert codes["Indonesia"] == "ID" and codes["Kamboja"] == "KH"

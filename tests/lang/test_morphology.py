"""Affix morphology: the forms of a root and the root of a form."""

from __future__ import annotations

import pytest
import regex

from tppo_extract.lang.morphology import affixed_forms, forms_regex, nasal_prefixes, root_candidates, stem

ROOTS = frozenset({"tunda", "tolak", "gagal", "bentuk", "sosialisasi", "imbau", "koordinasi", "berangkat", "periksa"})


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("menunda", "tunda"),
        ("ditunda", "tunda"),
        ("penundaan", "tunda"),
        ("tertunda", "tunda"),
        ("menolak", "tolak"),
        ("ditolak", "tolak"),
        ("penolakan", "tolak"),
        ("menggagalkan", "gagal"),
        ("digagalkan", "gagal"),
        ("gagalkan", "gagal"),
        ("membentuk", "bentuk"),
        ("dibentuk", "bentuk"),
        ("pembentukan", "bentuk"),
        ("dibentuknya", "bentuk"),
        ("menyosialisasikan", "sosialisasi"),
        ("mensosialisasikan", "sosialisasi"),
        ("mengimbau", "imbau"),
        ("berkoordinasi", "koordinasi"),
        ("keberangkatan", "berangkat"),
        ("pemeriksaan", "periksa"),
        ("rumah", None),
    ],
)
def test_stem(word: str, root: str | None) -> None:
    assert stem(word, roots=ROOTS) == root


@pytest.mark.parametrize(
    ("root", "form"),
    [
        ("tunda", "menunda"),
        ("tunda", "penundaan"),
        ("tunda", "ditundanya"),
        ("tolak", "penolakan"),
        ("gagal", "menggagalkan"),
        ("gagal", "mengagalkan"),  # the typo news prints
        ("bentuk", "pembentukan"),
        ("sosialisasi", "menyosialisasikan"),
        ("koordinasi", "mengoordinasikan"),
        ("koordinasi", "mengkoordinasikan"),
        ("periksa", "memeriksa"),
        ("cegah", "pencegahan"),
        ("awas", "pengawasan"),
        ("latih", "pelatihan"),
        ("cat", "mengecat"),
    ],
)
def test_affixed_forms(root: str, form: str) -> None:
    assert form in affixed_forms(root)
    assert regex.fullmatch(forms_regex(root), form)


def test_forms_regex_is_word_bounded() -> None:
    assert regex.search(forms_regex("tunda"), "tundaan yang menunda") is not None
    assert regex.search(forms_regex("tolak"), "ketolakukuran") is None


def test_nasal_prefixes_follow_the_initial() -> None:
    assert nasal_prefixes("pantau")[0] == "memantau"
    assert nasal_prefixes("bentuk") == ("membentuk",)
    assert nasal_prefixes("latih") == ("melatih",)
    assert "menyita" in nasal_prefixes("sita")


def test_root_candidates_restore_the_nasal_initial() -> None:
    assert {"tolak", "nolak"} <= root_candidates("menolak")

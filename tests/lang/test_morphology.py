"""Affix morphology: the forms of a root and the root of a form."""

from __future__ import annotations

import pytest
import regex

from tppo_extract.lang.morphology import (
    affixed_forms,
    forms_regex,
    nasal_prefixes,
    root_candidates,
    stem,
    word_alternation,
)

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
        # be-, pe-, per- lose their r before a first syllable in -er and before an r
        ("kerja", "bekerja"),
        ("kerja", "pekerjaan"),
        ("kerja", "dipekerjakan"),
        ("ternak", "beternak"),
        ("rencana", "berencana"),
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


@pytest.mark.parametrize("root", ["tunda", "cegah", "periksa", "sosialisasi", "koordinasi", "aman", "kuat"])
def test_forms_regex_matches_what_a_flat_alternation_matches(root: str) -> None:
    # The prefix tree must accept exactly the words the plain list of forms accepts, in any case and
    # next to near misses (a letter more, a letter less, glued to another word).
    forms = affixed_forms(root)
    tree = regex.compile(forms_regex(root), regex.IGNORECASE)
    flat = regex.compile(r"\b(?:" + "|".join(map(regex.escape, forms)) + r")\b", regex.IGNORECASE)
    words = [*forms, *(f.upper() for f in forms), *(f + "x" for f in forms), *(f[:-1] for f in forms)]
    words += ["x" + f for f in forms]
    text = " ".join(words)
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]
    assert all(bool(tree.fullmatch(w)) == bool(flat.fullmatch(w)) for w in words)


def test_word_alternation_with_prefixes_and_odd_words() -> None:
    pattern = regex.compile(rf"\b{word_alternation(['tunda', 'tundaan', 'menunda'])}\b")
    assert [m.group() for m in pattern.finditer("tunda, tundaan dan menunda; tundaannya")] == [
        "tunda",
        "tundaan",
        "menunda",
    ]
    # a word that is not made of word characters keeps the flat alternation (escaped)
    assert regex.fullmatch(word_alternation(["anti-TPPO", "bebas"]), "anti-TPPO")
    assert regex.search(word_alternation([]), "apa saja") is None

"""The validated loader of the word lists and small tables in resources/."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from tppo_extract.errors import ResourceError
from tppo_extract.lang.wordlists import load_table, load_words, read_table, read_words, word_set


def _file(tmp_path: Path, content: str | bytes, name: str = "words.txt") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_a_word_list_keeps_its_order_and_skips_comments_and_empty_lines(tmp_path: Path) -> None:
    path = _file(tmp_path, "# heading\nKepala\n\n# group\nTuan Guru\nAKBP\n")
    assert read_words(path) == ("Kepala", "Tuan Guru", "AKBP")


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        ("Kepala\nKetua\nKepala\n", 3, "listed twice (first on line 1)"),
        ("Kepala\n   \nKetua\n", 2, "only white space"),
        ("Kepala\n Ketua\n", 2, "white space before or after 'Ketua'"),
        ("Kepala \n", 1, "white space before or after 'Kepala'"),
        ("Tuan  Guru\n", 1, "two spaces in a row"),
        ("Kepala\tkepala\n", 1, "a tab"),
        ("\ufeffKepala\n", 1, "byte-order mark"),
    ],
)
def test_a_bad_word_list_names_its_file_line_and_problem(tmp_path: Path, content: str, line: int, problem: str) -> None:
    path = _file(tmp_path, content)
    with pytest.raises(ResourceError) as info:
        read_words(path)
    message = str(info.value)
    assert str(path) in message
    assert f"line {line}:" in message
    assert problem in message


def test_a_longer_phrase_after_the_one_it_begins_is_refused_where_order_matters(tmp_path: Path) -> None:
    path = _file(tmp_path, "Bandara Internasional\nBandara\nBandar Udara\n")
    assert read_words(path, longest_first=True) == ("Bandara Internasional", "Bandara", "Bandar Udara")
    path = _file(tmp_path, "Bandara\nSMA\nSMAN\nBandara Internasional\n")
    with pytest.raises(ResourceError, match=r"line 4: 'Bandara Internasional' must come before 'Bandara' \(line 1\)"):
        read_words(path, longest_first=True)
    assert read_words(path)[-1] == "Bandara Internasional"  # order free where no alternation is built


def test_a_word_list_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = _file(tmp_path, "Kepala\nKetua\nPen\xe9\n".encode("latin-1"))
    with pytest.raises(ResourceError, match=r"words\.txt.*line 3: not UTF-8"):
        read_words(path)


def test_a_missing_file_is_a_resource_error(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="cannot be read"):
        read_words(tmp_path / "absent.txt")


def test_a_table_splits_its_columns(tmp_path: Path) -> None:
    path = _file(tmp_path, "# word<TAB>level\nCamat\tdistrict\nBupati\tregency\n", "levels.tsv")
    assert read_table(path, columns=2) == (("Camat", "district"), ("Bupati", "regency"))


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        ("Camat\tdistrict\nBupati\n", 2, "1 tab-separated column(s), expected 2"),
        ("Camat\tdistrict\textra\n", 1, "3 tab-separated column(s), expected 2"),
        ("Camat\t\n", 1, "column 2 is empty"),
        ("Camat\t district\n", 1, "white space around 'district' in column 2"),
        ("Camat\tdistrict\nCamat\tvillage\n", 2, "'Camat' is listed twice (first on line 1)"),
        ("Camat\tkota\n", 1, "unknown level 'kota'"),
    ],
)
def test_a_bad_table_names_its_file_line_and_problem(tmp_path: Path, content: str, line: int, problem: str) -> None:
    path = _file(tmp_path, content, "levels.tsv")

    def known(row: tuple[str, ...]) -> str | None:
        return None if row[1] in {"district", "village", "regency", "province"} else f"unknown level {row[1]!r}"

    with pytest.raises(ResourceError) as info:
        read_table(path, columns=2, check=known)
    assert str(path) in str(info.value)
    assert f"line {line}: {problem}" in str(info.value)


def test_a_packaged_list_is_read_once_and_cannot_be_changed() -> None:
    first = load_words("titles", "ranks.txt")
    assert first is load_words("titles", "ranks.txt")
    assert isinstance(first, tuple)
    assert word_set("titles", "sport_cues.txt", key=str.upper) >= {"GOL", "PELATIH"}
    assert ("Camat", "district") in load_table("titles", "territory_levels.tsv", columns=2)


def test_a_missing_packaged_list_names_kind_and_file() -> None:
    with pytest.raises(ResourceError, match="resource titles/absent.txt: cannot be read"):
        load_words("titles", "absent.txt")


def _packaged_word_lists() -> list[str]:
    """``kind/name`` of every packaged word list (every .txt under resources/)."""
    root = resources.files("tppo_extract").joinpath("resources")
    return sorted(
        f"{kind.name}/{f.name}" for kind in root.iterdir() if kind.is_dir() for f in kind.iterdir() if f.name.endswith(".txt")
    )


@pytest.mark.parametrize("name", _packaged_word_lists())
def test_every_packaged_word_list_is_valid(name: str) -> None:
    kind, file = name.split("/")
    assert load_words(kind, file)

"""Readers of the training/evaluation formats: BIO files with one label map, CoNLL-U with merged clitics."""

from __future__ import annotations

from pathlib import Path

import pytest

from tppo_extract.corpora import bio_spans, map_tag, read_bio, read_conllu, repair_bio, sentence_key


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("B-PERSON", "B-PER"),
        ("I-ORGANIZATION", "I-ORG"),
        ("B-ORGANISATION", "B-ORG"),
        ("B-PLACE", "B-LOC"),
        ("I-LOCATION", "I-LOC"),
        ("B-QUANTITY", "O"),  # not a name
        ("I-TIME", "O"),
        ("O", "O"),
        ("X-PER", "O"),
    ],
)
def test_one_label_map(tag: str, expected: str) -> None:
    assert map_tag(tag) == expected


def test_repair_and_spans() -> None:
    tags = repair_bio(["I-PER", "I-PER", "O", "B-ORG", "I-LOC", "I-LOC"])
    assert tags == ["B-PER", "I-PER", "O", "B-ORG", "B-LOC", "I-LOC"]
    assert bio_spans(tags) == [(0, 2, "PER"), (3, 4, "ORG"), (4, 6, "LOC")]


def test_read_bio_formats(tmp_path: Path) -> None:
    # three columns separated by spaces (with CR line ends), and two separated by a tab
    three = tmp_path / "a.txt"
    three.write_bytes(b"Budi PROPN B-PER\r\nke ADP O\r\nMedan PROPN B-LOC\r\n\r\nIa PRON O\r\n")
    two = tmp_path / "b.tsv"
    two.write_text("Polda\tB-ORGANIZATION\nJambi\tI-ORGANIZATION\nbergerak\tO\n", encoding="utf-8")
    a = read_bio(three)
    assert [s.words for s in a] == [["Budi", "ke", "Medan"], ["Ia"]]
    assert a[0].tags == ["B-PER", "O", "B-LOC"]
    assert read_bio(two)[0].tags == ["B-ORG", "I-ORG", "O"]


def test_read_bio_rejects_a_line_without_tag(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Budi B-PER\nrusak\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.txt:2"):
        read_bio(bad)


CONLLU = """# text = Petugas menolaknya di bandara.
1\tPetugas\ttugas\tNOUN\t_\t_\t2\tnsubj\t_\t_
2-3\tmenolaknya\t_\t_\t_\t_\t_\t_\t_\t_
2\tmenolak\ttolak\tVERB\t_\tVoice=Act\t0\troot\t_\t_
3\tnya\tnya\tPRON\t_\t_\t2\tobj\t_\t_
4\tdi\tdi\tADP\t_\t_\t5\tcase\t_\t_
5\tbandara\tbandara\tNOUN\t_\t_\t2\tobl\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

"""


def test_conllu_merges_clitics_into_the_surface_word(tmp_path: Path) -> None:
    path = tmp_path / "t.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    (s,) = read_conllu(path)
    assert s.words == ["Petugas", "menolaknya", "di", "bandara", "."]
    # the merged word takes the verb's analysis; heads into it point at it
    assert s.upos == ["NOUN", "VERB", "ADP", "NOUN", "PUNCT"]
    assert s.lemmas[1] == "tolak"
    assert s.heads == [1, 1, 3, 1, 1]
    assert s.deps == ["nsubj", "ROOT", "case", "obl", "punct"]
    assert s.spaces == [True, True, True, False, True]


def test_sentence_key_ignores_case_and_punctuation() -> None:
    assert sentence_key(["Budi", ",", "pergi"]) == sentence_key(["budi", "pergi", "."])
    assert sentence_key(["Budi", "pergi"]) != sentence_key(["Budi", "datang"])

"""The topic gate: keyword evidence, read through the common misspellings of single-word keywords."""

from __future__ import annotations

import pytest

from tppo_extract.components.actions.rules import TopicRule
from tppo_extract.components.actions.topic import TOPIC_THRESHOLD, is_on_topic, topic_score


@pytest.mark.parametrize(
    ("text", "on_topic"),
    [
        # a keyword misspelt all through an article still opens the gate
        ("Kasus TTPO makin marak. Satgas TTPO dibentuk. Korban TTPO dipulangkan ke desa.", True),
        ("Petugas mencegah TPOO di pelabuhan. Kasus TPOO naik. Warga waspada TPOO.", True),
        # another acronym one letter away is not a typo of it
        ("Kasus TPPU naik. Jaksa menyidik TPPU. Sidang TPPU digelar.", False),
        # ordinary news has no keyword at all
        ("Harga cabai naik di pasar. Pedagang mengeluh. Pembeli berkurang.", False),
    ],
)
def test_topic_reads_misspelt_keywords(text: str, on_topic: bool) -> None:
    assert is_on_topic(text) is on_topic


def test_a_misspelling_weighs_less_than_the_word() -> None:
    exact = topic_score("Kasus TPPO naik.")
    typo = topic_score("Kasus TTPO naik.")
    assert 0 < typo < exact < TOPIC_THRESHOLD


def test_typos_need_a_single_word() -> None:
    with pytest.raises(ValueError, match="single plain word"):
        TopicRule.model_validate({"pattern": "perdagangan orang", "weight": 2.0, "typos": 1})


def test_the_topic_test_stopping_early_agrees_with_the_whole_score() -> None:
    import random

    rng = random.Random(5)
    words = ["TPPO", "TTPO", "perdagangan orang", "pekerja migran", "PMI", "CPMI", "ilegal", "eksploitasi",
             "BP3MI", "warga", "sawah", "pasar", "harga", "trafficking", "TKI", "non prosedural"]  # fmt: skip
    seen = set()
    for _ in range(600):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 9))) + "."
        score = topic_score(text)
        seen.add(score >= TOPIC_THRESHOLD)
        for threshold in (TOPIC_THRESHOLD, score, score + 0.25, max(0.0, score - 0.75)):
            assert is_on_topic(text, threshold=threshold) is (score >= threshold), (text, threshold)
        assert topic_score(text, enough=score + 1) == score  # not enough: the whole score
    assert seen == {True, False}

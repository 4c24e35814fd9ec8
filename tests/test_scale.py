"""Time linear in the length of a document, checked as a growth ratio measured in the same test (never as a
time): four times the text may cost at most GROWTH_LIMIT times as long. Quadratic work would cost 16x."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

import tppo_extract

# Four times the text may take at most this many times as long: linear is 4x, quadratic 16x; the margin
# absorbs a shared machine's noise (each size is timed as the best of REPEAT runs).
GROWTH_LIMIT = 6.0
REPEAT = 3
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


@pytest.fixture(scope="module")
def rules() -> Language:
    nlp = tppo_extract.load(models=False)
    nlp.max_length = 10_000_000
    nlp("Kantor Imigrasi Sukamaju menunda keberangkatan 3 warga pada Senin (3/6/2024).")  # lazy resources
    return nlp


def _best(nlp: Language, text: str) -> float:
    best = float("inf")
    for _ in range(REPEAT):
        # the garbage earlier tests left is collected first, so that a collection it triggers is not timed
        # against one length and not the other
        gc.collect()
        t0 = time.perf_counter()
        nlp(text)
        best = min(best, time.perf_counter() - t0)
    return best


def _growth(nlp: Language, make: Callable[[int], str], n: int) -> float:
    return _best(nlp, make(4 * n)) / _best(nlp, make(n))


def test_articles_glued_into_one_long_page_take_linear_time(rules: Language) -> None:
    joined = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))

    def page(n: int) -> str:
        return (joined * (n // len(joined) + 1))[:n]

    assert _growth(rules, page, 25_000) <= GROWTH_LIMIT


# Pathological inputs a scrape produces: each once cost time growing with the square of its length in some
# stage (the sentencizer, agencies, quotes).
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "slashes": lambda n: "1/2/3/" * (n // 6),
    "read-also lines": lambda n: "BACA JUGA: " * (n // 11),
    "one line without punctuation": lambda n: "kata " * (n // 5),
    "repeated unit names": lambda n: "Kantor Imigrasi " * (n // 16),
    "quotes": lambda n: '"Kami menunda," kata Budi. ' * (n // 27),
    "brackets": lambda n: "(Senin (1/2) [x] {y} " * (n // 21),
}


@pytest.mark.parametrize("kind", sorted(PATHOLOGICAL))
def test_pathological_inputs_take_linear_time(rules: Language, kind: str) -> None:
    assert _growth(rules, PATHOLOGICAL[kind], 16_000) <= GROWTH_LIMIT

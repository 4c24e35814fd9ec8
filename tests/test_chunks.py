"""Long texts in chunks cut between paragraphs: every offset points into the original text, and the chunks
give the records that their paragraphs give."""

from __future__ import annotations

from pathlib import Path

import pytest

import tppo_extract
from tppo_extract.batch import Item, iter_results
from tppo_extract.chunks import chunk_bounds

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


@pytest.mark.parametrize(
    ("text", "size", "pieces"),
    [
        ("aaaa\n\nbbbb\n\ncccc", 8, ["aaaa\n\n", "bbbb\n\n", "cccc"]),
        ("aaaa bbbb cccc", 6, ["aaaa ", "bbbb ", "cccc"]),  # no line end: a space
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),  # no space either: the size
        ("short", 100, ["short"]),
    ],
)
def test_chunks_tile_the_text_and_cut_between_paragraphs(text: str, size: int, pieces: list[str]) -> None:
    bounds = chunk_bounds(text, size)
    assert [text[a:b] for a, b in bounds] == pieces
    assert all(b - a <= size for a, b in bounds)


def test_a_long_page_in_chunks_keeps_every_offset_in_the_original_text() -> None:
    page = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))
    whole = list(iter_results([Item(text=page, doc_id="page")], models=False))[0].article
    cut = list(iter_results([Item(text=page, doc_id="page", chunk_chars=3000)], models=False))[0].article
    assert whole is not None and cut is not None
    spans = [(e.start, e.end, e.text) for e in cut.entities] + [(a.trigger.start, a.trigger.end, a.trigger.text)
                                                                for a in cut.actions]  # fmt: skip
    assert spans and all(page[a:b] == t for a, b, t in spans)
    assert sum(z.end - z.start for z in cut.zones) == len(page)  # the zones still tile the page
    # cuts fall between paragraphs, so nearly every entity of the whole page is found in its chunk too
    found = {(e.start, e.end, e.label) for e in cut.entities}
    expected = {(e.start, e.end, e.label) for e in whole.entities}
    assert len(found & expected) >= 0.9 * len(expected)
    assert cut.title == whole.title and cut.dateline == whole.dateline


def test_a_page_past_the_pipeline_limit_runs_in_chunks_instead_of_failing() -> None:
    nlp = tppo_extract.load(models=False)
    text = "Kantor Imigrasi Sukamaju menunda keberangkatan 12 warga ke luar negeri untuk mencegah TPPO.\n\n" * 12_000
    assert len(text) > nlp.max_length
    (res,) = list(iter_results([text], nlp=nlp))
    assert res.article is not None and res.article.actions

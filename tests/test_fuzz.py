"""2,000 of the generated documents of ``make fuzz`` (scripts/fuzz.py): no unexpected exception, every offset
valid, every record round-trips through JSON."""

from __future__ import annotations

from types import ModuleType


def test_two_thousand_generated_documents_give_no_unexpected_error(fuzz: ModuleType) -> None:
    assert fuzz.check(2000, seed=100_000) == []


def test_the_generator_holds_what_it_should_and_is_reproducible(fuzz: ModuleType) -> None:
    docs = [fuzz.document(k) for k in range(300)]
    assert docs[:5] == [fuzz.document(k) for k in range(5)]
    joined = "".join(docs)
    assert any("\ud800" <= c <= "\udfff" for c in joined)  # lone surrogates
    assert "“" in joined and "(" in joined and any(c.isdigit() for c in joined)
    assert any(len(d) > 2000 for d in docs)  # long repeated runs

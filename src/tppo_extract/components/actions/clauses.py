"""Sentences, paragraphs and clauses of the body text, and how far apart two spans are in them."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex
from spacy.tokens import Doc

from ...spans import SKIP_KINDS, doc_text

MAX_EVIDENCE = 600  # characters; the scorer ignores longer evidence
# Zones whose text reports no action of its own: furniture, and the headline that the body repeats.
NO_ACTION_KINDS: frozenset[str] = SKIP_KINDS | {"headline", "dateline"}

# --------------------------------------------------------------------------------------------------
# Sentences and paragraphs

_FALLBACK_SENT = regex.compile(r"[^\n]+?(?:[.!?](?=\s+[\"“'(]?[A-Z0-9])|$)", regex.MULTILINE)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character bounds of the sentences, from ``doc.sents`` or, when no sentencizer ran, a plain split."""
    if doc.has_annotation("SENT_START"):
        out = []
        whole = doc_text(doc)
        for s in doc.sents:
            text = whole[s.start_char : s.end_char]  # s.text, without joining its tokens again
            lead = len(text) - len(text.lstrip())
            out.append((s.start_char + lead, s.start_char + len(text.rstrip())))
        return [(a, b) for a, b in out if b > a]
    spans: list[tuple[int, int]] = []
    for m in _FALLBACK_SENT.finditer(doc_text(doc)):
        a, b = m.start(), m.end()
        seg = doc_text(doc)[a:b]
        a += len(seg) - len(seg.lstrip())
        if b > a:
            spans.append((a, b))
    return spans


_LINE = regex.compile(r"[^\n]+")


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Character bounds of the lines of ``text``: news paragraphs are one line each."""
    return [(m.start(), m.end()) for m in _LINE.finditer(text)]


def index_of(bounds: Sequence[tuple[int, int]], char: int) -> int:
    """Index of the bound that holds ``char`` (bounds in text order, not overlapping), or -1."""
    i = bisect.bisect_right(bounds, (char, _NO_END)) - 1
    return i if i >= 0 and bounds[i][0] <= char < bounds[i][1] else -1


_NO_END = 2**63  # sorts after every end: (char, _NO_END) follows every bound that starts at char


def clause_before(text: str, lo: int, hi: int) -> str:
    """``text[lo:hi]`` from its last clause break on: a marker beyond a comma governs another clause."""
    window = text[lo:hi]
    cut = max(window.rfind(ch) for ch in ',;:"“”()')
    return window[cut + 1 :]


def since_stop(text: str, lo: int, hi: int) -> str:
    """``text[lo:hi]`` from its last full stop on (sentencizers miss "korban.Tahun", a missing space)."""
    window = text[lo:hi]
    cut = max(window.rfind(ch) for ch in ".;!?")
    return window[cut + 1 :]


_CLAUSE_BREAK = regex.compile(r"[;]|\b(?:sementara|sedangkan|namun|adapun)\b", regex.IGNORECASE)


def distance(text: str, span: tuple[int, int], trigger: tuple[int, int]) -> float:
    """How far an argument lies from the trigger: characters in between, doubled after the trigger
    (Indonesian puts time and agent before the verb), plus a penalty across a clause break."""
    a, b = trigger
    if span[1] <= a:
        gap, between = a - span[1], text[span[1] : a]
    elif span[0] >= b:
        gap, between = 2 * (span[0] - b), text[b : span[0]]
    else:
        return 0.0
    return gap + (200 if _CLAUSE_BREAK.search(between) else 0)

"""The ``tppo_sentencizer`` component: sentence starts for news text with quotations and abbreviations.

Every line break ends a sentence. Inside a paragraph a sentence ends after . ! ? (and a closing quote or
bracket after them) when the next token starts with a capital, a digit or an opening quote, never after
an abbreviation or an initial, and never inside a balanced quotation.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..lang.abbreviations import is_abbreviation
from ..spans import doc_text

OPENING_QUOTES = frozenset({"“", "‘", "«"})
CLOSING_QUOTES = frozenset({"”", "’", "»"})
STRAIGHT_QUOTES = frozenset({'"'})
_TERMINAL_CHARS = frozenset(".!?…")
_TERMINAL_STRIP = "".join(sorted(_TERMINAL_CHARS))
_CLOSERS = frozenset({")", "]"}) | CLOSING_QUOTES | STRAIGHT_QUOTES


def quoted_regions(texts: Sequence[str], spaces_before: Sequence[bool]) -> list[tuple[int, int]]:
    """Token index pairs (open, close) of the balanced quotations in one paragraph.

    A quotation opens at “ or " and closes at ” or "; an opening mark left unclosed at the paragraph's
    end encloses nothing, so it cannot swallow the paragraph.
    """
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, t in enumerate(texts):
        if t in OPENING_QUOTES:
            open_at = i
        elif t in CLOSING_QUOTES:
            if open_at is not None and t == "”" and texts[open_at] in {"“", '"'}:
                regions.append((open_at, i))
                open_at = None
            elif open_at is not None and t == "’" and texts[open_at] == "‘":
                regions.append((open_at, i))
                open_at = None
        elif t in STRAIGHT_QUOTES:
            glued_left = i > 0 and not spaces_before[i]
            if open_at is None:
                # A mark glued to the previous word and followed by a space closes a quotation that
                # began before this paragraph; it opens nothing.
                if not (glued_left and (i + 1 == len(texts) or spaces_before[i + 1])):
                    open_at = i
            else:
                regions.append((open_at, i))
                open_at = None
    return regions


def sentence_starts(
    texts: Sequence[str], spaces_before: Sequence[bool], *, forced: frozenset[int] = frozenset()
) -> list[bool]:
    """For each token of a text, whether it starts a sentence.

    ``texts`` are the token texts, ``spaces_before`` whether white space precedes each token, ``forced``
    token indices that must start a sentence (zone starts).
    """
    n = len(texts)
    starts = [False] * n
    paragraph: list[int] = []
    new_paragraph = True
    for i, t in enumerate(texts):
        if t.isspace() or not t:
            if "\n" in t or "\r" in t:
                _segment_paragraph(texts, spaces_before, paragraph, starts, forced)
                paragraph = []
                new_paragraph = True
            continue
        if new_paragraph:
            starts[i] = True
            new_paragraph = False
        paragraph.append(i)
    _segment_paragraph(texts, spaces_before, paragraph, starts, forced)
    if n:
        starts[0] = True
    return starts


def _segment_paragraph(
    texts: Sequence[str],
    spaces_before: Sequence[bool],
    idx: list[int],
    starts: list[bool],
    forced: frozenset[int],
) -> None:
    if not idx:
        return
    starts[idx[0]] = True
    ptexts = [texts[i] for i in idx]
    pspaces = [spaces_before[i] for i in idx]
    inside = [False] * len(idx)
    closes: set[int] = set()
    for a, b in quoted_regions(ptexts, pspaces):
        for k in range(a + 1, b + 1):
            inside[k] = True
        closes.add(b)
    k = 0
    while k < len(idx):
        if idx[k] in forced:
            starts[idx[k]] = True
        # Inside a quotation only a terminal right before its closing mark can end a sentence.
        if not _is_terminal(ptexts, k) or (inside[k] and k + 1 not in closes):
            k += 1
            continue
        # Closing quotes and brackets right after the terminal stay with its sentence.
        j = k + 1
        while j < len(idx) and (ptexts[j] in _CLOSERS or _is_terminal(ptexts, j)) and (
            ptexts[j] not in STRAIGHT_QUOTES or j in closes
        ):
            j += 1
        if j < len(idx) and _starts_sentence(ptexts[j]) and not (inside[j] and j not in closes):
            starts[idx[j]] = True
        k = j


def _is_terminal(texts: Sequence[str], k: int) -> bool:
    t = texts[k]
    if not t or t.strip(_TERMINAL_STRIP):  # a token of terminal characters only
        return False
    if t == "." and k > 0:
        prev = texts[k - 1]
        # A tokenizer that split "Kab." or "M." leaves the period after an abbreviation or initial.
        if is_abbreviation(prev + "."):
            return False
    return True


def _starts_sentence(t: str) -> bool:
    ch = t[0]
    return ch.isupper() or ch.isdigit() or ch in OPENING_QUOTES or ch in STRAIGHT_QUOTES or ch in "(["


class Sentencizer:
    """Sets ``token.is_sent_start`` on every token (see :func:`sentence_starts`)."""

    def __init__(self, nlp: Language, name: str, *, split_zones: bool) -> None:
        register_extensions()
        self.name = name
        self.split_zones = split_zones

    def __call__(self, doc: Doc) -> Doc:
        # the token texts and offsets from one array read: a Token object per token and attribute cost more
        # than the segmentation itself
        # (one flat list per column: a list per token would be an object for the garbage collector to track)
        table = doc.to_array([IDX, LENGTH, SPACY])
        text = doc_text(doc)
        idx: list[int] = table[:, 0].tolist() if len(doc) else []
        texts = [text[a : a + n] for a, n in zip(idx, table[:, 1].tolist() if len(doc) else [], strict=True)]
        spaces_before = [False] + [bool(sp) for sp in table[:-1, 2].tolist()] if len(doc) else []
        forced: set[int] = set()
        if self.split_zones and doc._.zones:
            is_space = [t.isspace() for t in texts]
            starts_at = {z["start"] for z in doc._.zones}
            forced.update(i for i, a in enumerate(idx) if a in starts_at and not is_space[i])
            # A zone that starts inside white space starts at its first word.
            for z in doc._.zones:
                span = doc.char_span(z["start"], z["end"], alignment_mode="expand")
                if span is not None:
                    first = next((i for i in range(span.start, span.end) if not is_space[i]), None)
                    if first is not None and idx[first] >= z["start"]:
                        forced.add(first)
        starts = sentence_starts(texts, spaces_before, forced=frozenset(forced))
        if len(starts) != len(doc):
            raise ValueError(f"{len(starts)} sentence flags for {len(doc)} tokens")
        # One array write: the Token.is_sent_start setter checks the whole Doc's annotation on each call,
        # which made sentence splitting quadratic in the length of the text.
        flags = numpy.fromiter((1 if start else -1 for start in starts), dtype=numpy.int64, count=len(doc))
        doc.from_array([SENT_START], flags.astype(numpy.uint64).reshape(-1, 1))  # type: ignore[arg-type]
        return doc


@Language.factory(
    "tppo_sentencizer",
    assigns=["token.is_sent_start"],
    default_config={"split_zones": True},
)
def make_sentencizer(nlp: Language, name: str, split_zones: bool) -> Sentencizer:
    return Sentencizer(nlp, name, split_zones=split_zones)

"""Long texts in chunks: a page dump longer than a chunk is cut on paragraph boundaries, each chunk goes through
the pipeline on its own, and the records are joined with every offset moved back into the original text.

The stages read an article's structure (headline, dateline, paragraphs), so a cut falls between paragraphs,
never inside one; the first chunk keeps the article's head (title, dateline, publication date), the others
add their entities, quotes, zones and actions. A paragraph longer than a chunk is cut at a line end, then at a
space, then anywhere.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .records import Article

# Characters per chunk: half of spaCy's default max_length (1,000,000), so that a chunk never reaches it,
# and ten times the longest ordinary article, so that an article is never cut.
DEFAULT_CHUNK_CHARS = 500_000


def chunk_bounds(text: str, size: int = DEFAULT_CHUNK_CHARS) -> list[tuple[int, int]]:
    """[start, end) ranges that tile ``text``, each at most ``size`` characters, cut after a blank line where
    there is one in the second half of the range, else after a line end, else after a space, else at ``size``."""
    if size < 1:
        raise ValueError("size must be 1 or more")
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while n - start > size:
        hard = start + size
        half = start + size // 2
        cut = -1
        for sep in ("\n\n", "\n", " "):
            k = text.rfind(sep, half, hard)
            if k >= 0:
                cut = k + len(sep)
                break
        if cut <= start:
            cut = hard
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


def _shift(value: Any, offset: int) -> Any:
    """``value`` (a record, a list of them, or anything else) with every ``start``/``end`` moved by ``offset``."""
    if isinstance(value, list):
        return [_shift(v, offset) for v in value]
    if not isinstance(value, BaseModel):
        return value
    update: dict[str, Any] = {}
    for name in type(value).model_fields:
        v = getattr(value, name)
        if name in ("start", "end") and isinstance(v, int):
            update[name] = v + offset
        elif isinstance(v, (BaseModel, list)):
            update[name] = _shift(v, offset)
    return value.model_copy(update=update)


def join_articles(parts: list[tuple[int, Article]]) -> Article:
    """One record from the records of the chunks (each with its start offset in the original text)."""
    first_offset, first = parts[0]
    head: Article = _shift(first, first_offset)
    entities, quotes, actions, zones = list(head.entities), list(head.quotes), list(head.actions), list(head.zones)
    for offset, part in parts[1:]:
        moved = _shift(part, offset)
        entities += moved.entities
        quotes += moved.quotes
        actions += moved.actions
        zones += moved.zones
    relevant = any(p.relevant for _, p in parts)
    return head.model_copy(
        update={"entities": entities, "quotes": quotes, "actions": actions, "zones": zones, "relevant": relevant}
    )

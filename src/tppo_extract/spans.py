"""Small span utilities shared by the components: zone look-ups and merging entities into ``doc.ents``."""

from __future__ import annotations

import bisect
import json
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from spacy.attrs import ENT_IOB
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .errors import ConfigError
from .extensions import doc_value
from .types import ZoneDict

# Zones whose text is page furniture: nothing is extracted from them.
SKIP_KINDS: frozenset[str] = frozenset({"furniture", "byline", "caption"})


def zones(doc: Doc) -> list[ZoneDict]:
    """The zones of ``doc`` (empty when the zoner has not run)."""
    return list(doc._.zones or [])


# The zone list last indexed, with the zone starts, or None when its zones are not in text order without
# overlaps (then every lookup scans them all). The zoner's zones tile the text in order, and the stages ask
# about one document's zones many times in a row, so one cached index makes each lookup a bisection.
_ZONE_INDEX: list[Any] = [None, None]


def _zone_starts(zone_list: list[ZoneDict]) -> list[int] | None:
    if _ZONE_INDEX[0] is not zone_list or len(_ZONE_INDEX[1] or ()) != len(zone_list):
        starts = [z["start"] for z in zone_list]
        ordered = all(a["end"] <= b["start"] for a, b in zip(zone_list, zone_list[1:], strict=False))
        _ZONE_INDEX[0], _ZONE_INDEX[1] = zone_list, (starts if ordered else None)
    return _ZONE_INDEX[1] if _ZONE_INDEX[0] is zone_list else None


def zones_over(doc: Doc, start: int, end: int) -> Iterator[ZoneDict]:
    """The zones that overlap [start, end), by bisection over zones in text order."""
    zone_list: list[ZoneDict] = doc_value(doc, "zones") or []
    starts = _zone_starts(zone_list) if zone_list else None
    if starts is None:
        yield from (z for z in zone_list if z["start"] < end and start < z["end"])
        return
    i = max(0, bisect.bisect_right(starts, start) - 1)
    while i < len(zone_list) and zone_list[i]["start"] < max(end, start + 1):
        z = zone_list[i]
        if z["start"] < end and start < z["end"] or z["start"] <= start < z["end"]:
            yield z
        i += 1


def zone_at(doc: Doc, char: int) -> ZoneDict | None:
    """The zone that holds character ``char``, if any."""
    return next((z for z in zones_over(doc, char, char + 1) if z["start"] <= char < z["end"]), None)


# The intervals of the zones of some kinds, for the zone list last asked about: (zone list, kinds) -> (starts,
# ends) in text order, or None when the zones are not in order. Stages ask "is this span in furniture?" for
# every candidate, thousands of times per article.
_SKIPPED: dict[frozenset[str], tuple[list[int], list[int]] | None] = {}
_SKIPPED_OF: list[Any] = [None, -1]


def _skipped_intervals(zone_list: list[ZoneDict], kinds: frozenset[str]) -> tuple[list[int], list[int]] | None:
    if _SKIPPED_OF[0] is not zone_list or _SKIPPED_OF[1] != len(zone_list):
        _SKIPPED.clear()
        _SKIPPED_OF[0], _SKIPPED_OF[1] = zone_list, len(zone_list)
    if kinds not in _SKIPPED:
        if _zone_starts(zone_list) is None:
            _SKIPPED[kinds] = None
        else:
            picked = [z for z in zone_list if z["kind"] in kinds]
            _SKIPPED[kinds] = ([z["start"] for z in picked], [z["end"] for z in picked])
    return _SKIPPED[kinds]


def in_skipped_zone(doc: Doc, start: int, end: int, kinds: frozenset[str] = SKIP_KINDS) -> bool:
    """True when the span [start, end) overlaps a zone of one of ``kinds`` (furniture by default)."""
    zone_list: list[ZoneDict] = doc_value(doc, "zones") or []
    if not zone_list:
        return False
    intervals = _skipped_intervals(zone_list, kinds)
    if intervals is None:
        return any(z["kind"] in kinds and z["start"] < end and start < z["end"] for z in zones_over(doc, start, end))
    # zones in order do not overlap: only the first that ends after ``start`` can begin before ``end``
    starts, ends = intervals
    i = bisect.bisect_right(ends, start)
    return i < len(starts) and starts[i] < end


def add_entities(doc: Doc, spans: Iterable[Span]) -> list[Span]:
    """Add ``spans`` to ``doc.ents`` where they do not overlap an entity already there.

    Earlier components win: agencies run before places, so "Kantor Imigrasi Kalianda" stays one
    AGENCY and "Kalianda" is not also a PLACE. Among the new spans, the longest wins. Returns the spans
    that were added.
    """
    candidates = filter_spans(list(spans))
    if doc.has_annotation("ENT_IOB", require_complete=True):
        # every token is annotated already (an entity or "O"): a new span overlaps an entity where one of its
        # tokens is inside one (IOB "B" or "I"), and setting the new spans alone gives the same annotation as
        # setting them all again, without building every entity's span nor rewriting every token
        inside = [iob in (1, 3) for iob in doc.to_array(ENT_IOB).tolist()]
        new = [s for s in candidates if not any(inside[s.start : s.end])]
        doc.set_ents(sorted(new, key=lambda s: s.start), default="unmodified")
        return new
    existing = list(doc.ents)  # in text order, not overlapping
    starts = [e.start for e in existing]

    def overlaps(span: Span) -> bool:
        # only the entity starting last before the span's end, and the one before it, can overlap it
        i = bisect.bisect_left(starts, span.end)
        return any(existing[j].end > span.start for j in range(max(0, i - 1), i))

    new = [s for s in candidates if not overlaps(s)]
    doc.ents = sorted(existing + new, key=lambda s: s.start)
    return new


_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc. spaCy rebuilds the string from every token on each access, and the
    stages read it dozens of times per article (a third of the rules' time went there); a Doc's text never
    changes, so the first join serves them all."""
    last, kept = _LAST_TEXT
    if last() is doc:  # the stages ask about one Doc many times in a row: the last one is kept at hand
        text: str = kept
        return text
    known = _TEXTS.get(doc)
    text = doc.text if known is None else known
    if known is None:
        _TEXTS[doc] = text
    _LAST_TEXT[:] = [weakref.ref(doc), text]
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Record ``text`` as the text of ``doc``, for :func:`doc_text` (the tokenizer knows it)."""
    _TEXTS[doc] = text


def _nothing() -> None:
    return None


# (a weak reference to the Doc asked about last, its text)
_LAST_TEXT: list[Any] = [_nothing, ""]


_ENTS: weakref.WeakKeyDictionary[Doc, Sequence[Span]] = weakref.WeakKeyDictionary()


@contextmanager
def frozen_ents(doc: Doc) -> Iterator[Sequence[Span]]:
    """Within the block, :func:`ents` returns ``doc.ents`` as it was on entry, built once. spaCy builds
    ``doc.ents`` from every token on each access; a stage that reads it per trigger or per sentence and
    does not change it until the end freezes it here."""
    _ENTS[doc] = frozen = doc.ents
    try:
        yield frozen
    finally:
        _ENTS.pop(doc, None)


def ents(doc: Doc) -> Sequence[Span]:
    """``doc.ents``, or the entities frozen by :func:`frozen_ents` while its block runs."""
    frozen = _ENTS.get(doc)
    return doc.ents if frozen is None else frozen


def save_rows(folder: str | Path, name: str, rows: Iterable[BaseModel]) -> None:
    """Write ``rows`` (pydantic models) as JSON lines to ``folder/name``: how a component saves the
    lexicon entries a user added to it (``to_disk``)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    lines = (row.model_dump_json(exclude_defaults=True) + "\n" for row in rows)
    (folder / name).write_text("".join(lines), encoding="utf-8")


def load_rows(folder: str | Path, name: str) -> list[dict[str, object]] | None:
    """The JSON lines of ``folder/name`` written by :func:`save_rows`, or None when there is no such file."""
    file = Path(folder) / name
    if not file.is_file():
        return None
    return [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]


class UserEntry(BaseModel):
    """One entry a user added to a component's word list (a not-name word, an outlet), as :func:`save_rows`
    writes it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str


def user_entries(rows: Iterable[Mapping[str, object]], component: str) -> list[str]:
    """The texts of ``rows`` read back by :func:`load_rows` (:class:`UserEntry` lines); a malformed row raises
    ConfigError naming ``component``."""
    out: list[str] = []
    for n, row in enumerate(rows, 1):
        try:
            out.append(UserEntry.model_validate(dict(row)).text)
        except ValidationError as exc:
            raise ConfigError(f"{component}: saved entry {n} is not valid: {exc}") from exc
    return out

"""``tppo_upos``: copies the tagger's UPOS label from ``Token.tag`` to ``Token.pos``.

The trained tagger (``models/``) predicts UPOS into ``Token.tag``; spaCy's own ``attribute_ruler`` with one
pattern per tag did the copy, but it runs the Matcher over every token, which cost 4 % of the pipeline with
models. This stage does the same in one array pass: a tag that is a UPOS label becomes the token's POS,
any other tag (or none) leaves POS as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as UPOS_IDS
from spacy.tokens import Doc


class UposFromTag:
    """Sets ``Token.pos`` from ``Token.tag`` wherever the tag names a UPOS part of speech."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.vocab = nlp.vocab
        # tag hash -> POS symbol id (0 where the tag is no UPOS label), filled as tags are met
        self._pos_of: dict[int, int] = {}

    def _pos_id(self, tag: int) -> int:
        pos = self._pos_of.get(tag)
        if pos is None:
            text = self.vocab.strings[tag] if tag else ""
            pos = UPOS_IDS.get(text, 0) if text.isupper() else 0
            self._pos_of[tag] = pos
        return pos

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        arr = doc.to_array([TAG, POS])
        tags = arr[:, 0]
        unique, inverse = numpy.unique(tags, return_inverse=True)
        mapped = numpy.array([self._pos_id(int(t)) for t in unique], dtype=arr.dtype)[inverse.reshape(-1)]
        keep = mapped == 0
        mapped[keep] = arr[keep, 1]
        if numpy.array_equal(mapped, arr[:, 1]):
            return doc
        doc.from_array([POS], mapped.reshape(-1, 1).astype(numpy.uint64))  # type: ignore[arg-type]
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    # no state of its own: saved as a folder with an empty settings file (git keeps no empty folder)
    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)
        (Path(path) / "cfg").write_text("{}\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> UposFromTag:
        return self

    def to_bytes(self, *, exclude: Any = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: Any = ()) -> UposFromTag:
        return self


@Language.factory("tppo_upos", assigns=["token.pos"], requires=["token.tag"], default_config={})
def make_upos(nlp: Language, name: str) -> UposFromTag:
    return UposFromTag(nlp, name)

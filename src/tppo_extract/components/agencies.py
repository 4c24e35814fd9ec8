"""STUB: to be replaced by the tppo_agencies stage."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions


class _Stub:
    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("tppo_agencies", assigns=["doc.ents"], default_config={})
def make_agencies(nlp: Language, name: str) -> _Stub:
    return _Stub(nlp, name)

"""STUB: to be replaced by the tppo_zoner stage."""

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


@Language.factory("tppo_zoner", assigns=["doc._.zones"], default_config={})
def make_zoner(nlp: Language, name: str) -> _Stub:
    return _Stub(nlp, name)

"""STUB: to be replaced by the tppo_actions stage."""

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


@Language.factory("tppo_actions", assigns=["doc._.actions"], default_config={})
def make_actions(nlp: Language, name: str) -> _Stub:
    return _Stub(nlp, name)

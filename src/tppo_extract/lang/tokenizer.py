"""STUB: the news tokenizer, registered as ``tppo_extract.Tokenizer.v1``."""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer


@spacy.registry.tokenizers("tppo_extract.Tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    def make(nlp: Language) -> Tokenizer:
        from spacy.lang.id import Indonesian

        return Indonesian().tokenizer

    return make

"""The news tokenizer, registered as ``tppo_extract.Tokenizer.v1``: spaCy's Indonesian one, adjusted.

It keeps numeric dates ("12/3/2024", "27/6"), clock times ("10.00"), reduplications ("warga-warga") and
news abbreviations ("Kab.", "Kombes Pol.", "S.H.") whole, and splits the period after a numeral ("Kelas I.").
"""

from __future__ import annotations

from collections.abc import Callable

import regex
from spacy.lang.id import Indonesian
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from ..spans import remember_text
from .punctuation import INFIXES, PREFIXES, SUFFIXES, TOKEN_MATCH
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class NewsTokenizer(Tokenizer):  # type: ignore[misc]  # spaCy's Tokenizer is untyped (Cython)
    """spaCy's tokenizer that hands each Doc's text to :func:`tppo_extract.spans.doc_text`: the text it was
    given is the Doc's text (spaCy's tokenization loses no character), which ``Doc.text`` would otherwise
    join again from every token."""

    def __call__(self, string: str) -> Doc:
        doc: Doc = super().__call__(string)
        remember_text(doc, string)
        return doc


def build_tokenizer(nlp: Language) -> Tokenizer:
    """The news tokenizer over ``nlp.vocab``."""
    return NewsTokenizer(
        nlp.vocab,
        rules=TOKENIZER_EXCEPTIONS,
        prefix_search=compile_prefix_regex(PREFIXES).search,
        suffix_search=compile_suffix_regex(SUFFIXES).search,
        infix_finditer=compile_infix_regex(INFIXES).finditer,
        token_match=regex.compile(TOKEN_MATCH).match,
        url_match=Indonesian.Defaults.url_match,
    )


@registry.tokenizers("tppo_extract.Tokenizer.v1")  # type: ignore[untyped-decorator]
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Registered factory: ``[nlp.tokenizer] @tokenizers = "tppo_extract.Tokenizer.v1"``."""
    return build_tokenizer

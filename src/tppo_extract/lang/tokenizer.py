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

# Chunks whose split spaCy's tokenizer keeps (its max_cache_size; spaCy's default is 10,000, and it keeps no
# more once full): the distinct chunks of a few hundred articles, where a corpus of news has many more. A kept
# chunk costs some 100 bytes; this many, some 10 MB.
CACHED_CHUNKS = 100_000
# Chunks with marks offered per call (see NewsTokenizer._offer_to_cache).
OFFER_GROUP = 16
# What may stand around a special case inside a chunk: "(Kab.", "Pol.,". A chunk that is a special case once
# these are stripped is left out of the offer (spaCy never caches it, and it would stop the chunks after it).
_AFFIX_MARKS = "\"'()[]{}<>,;:!?.“”‘’«»…–—-/*"


class NewsTokenizer(Tokenizer):  # type: ignore[misc]  # spaCy's Tokenizer is untyped (Cython)
    """spaCy's tokenizer that hands each Doc's text to :func:`tppo_extract.spans.doc_text`: the text it was
    given is the Doc's text (spaCy's tokenization loses no character), which ``Doc.text`` would otherwise
    join again from every token.

    It also fills spaCy's cache of how each chunk (a white-space separated string) splits. spaCy caches no
    chunk of a text after the first one that holds a special case (spaCy issue #13950: the flag is never
    reset), and news text has them early ("Kab.", "Jan.", "Pol."): without this, most chunks of every
    article are split anew by the prefix, suffix and infix patterns. The chunks of a text not seen before,
    less the special cases, are tokenized once more, where no special case stands before them, so that spaCy
    caches them. The tokens are those spaCy gives either way: a cached split is the split it made.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        self._offered: set[str] = set()
        self._specials: frozenset[str] | None = None
        super().__init__(*args, **kwargs)

    def _flush_cache(self) -> None:
        # spaCy empties its cache whenever a rule or pattern changes (and as it loads): offer every chunk again
        super()._flush_cache()
        self._offered.clear()
        self._specials = None

    def __call__(self, string: str) -> Doc:
        doc: Doc = super().__call__(string)
        remember_text(doc, string)
        if len(self._offered) < self.max_cache_size:
            self._offer_to_cache(string)
        return doc

    def _special(self, chunk: str) -> bool:
        """Whether ``chunk`` is a special case, bare or with marks around it."""
        if self._specials is None:
            self._specials = frozenset(self.rules or ())
        specials = self._specials
        return (
            chunk in specials
            or chunk.strip(_AFFIX_MARKS) in specials
            or chunk.lstrip(_AFFIX_MARKS) in specials
            or chunk.rstrip(_AFFIX_MARKS) in specials
        )

    def _offer_to_cache(self, string: str) -> None:
        new = set(string.split())
        new.difference_update(self._offered)
        if not new:
            return
        self._offered.update(new)
        # plain words (letters and digits) in one call; the other chunks in small groups, since a special case
        # that _special does not see (one the affix patterns uncover) stops the caching of the rest of its group
        plain: list[str] = []
        marked: list[str] = []
        for c in new:
            if not self._special(c):
                (plain if c.isalnum() else marked).append(c)
        tokenize = super().__call__
        if plain:
            tokenize(" ".join(plain))
        for k in range(0, len(marked), OFFER_GROUP):
            tokenize(" ".join(marked[k : k + OFFER_GROUP]))


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
        max_cache_size=CACHED_CHUNKS,
    )


@registry.tokenizers("tppo_extract.Tokenizer.v1")  # type: ignore[untyped-decorator]
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Registered factory: ``[nlp.tokenizer] @tokenizers = "tppo_extract.Tokenizer.v1"``."""
    return build_tokenizer

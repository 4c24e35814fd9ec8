"""Relevance: whether an article is about trafficking or non-procedural migrant work."""

from __future__ import annotations

import functools
from collections import Counter

import regex
from rapidfuzz.distance import OSA

from ...text.scan import GatedPatterns
from .rules import CompiledTopic, compiled_topics

TOPIC_THRESHOLD = 4.0
# A keyword counts at most this many times: one term repeated all through an article is still one signal.
_TOPIC_CAP = 3
# A misspelt keyword ("kasus TTPO makin marak") is weaker evidence than the word itself, but an article
# that writes it so throughout must still pass: three typo hits of a weight-2 keyword give 4.5.
TYPO_DISCOUNT = 0.75

_TOKEN = regex.compile(r"\w+")


@functools.cache
def _gate() -> GatedPatterns:
    """The keyword patterns, each tried only at the words where its match can begin."""
    return GatedPatterns([rule.pattern for rule in compiled_topics()])


def _typo_hits(rule: CompiledTopic, tokens: Counter[str]) -> int:
    """Occurrences of words within ``rule.typos`` edits of its keyword (the keyword itself excluded)."""
    n = len(rule.word)
    return sum(
        count
        for tok, count in tokens.items()
        if abs(len(tok) - n) <= rule.typos
        and tok != rule.word
        and tok not in rule.not_typos
        and OSA.distance(tok, rule.word) <= rule.typos
    )


def topic_score(text: str, *, enough: float | None = None) -> float:
    """Weighted count of TPPO / non-procedural migration keywords in ``text``, each capped at 3 hits;
    misspellings of the keywords that allow them count at TYPO_DISCOUNT of their weight.

    With ``enough``, a text whose exact keywords alone reach it gets that part of the score: misspellings
    could only add to it (each adds a non-negative amount, and rounding never makes a sum smaller)."""
    rules, found = compiled_topics(), _gate().finditer_each(text)
    hits = [min(_TOPIC_CAP, len(f)) for f in found]
    if enough is not None:
        exact_only = 0.0
        for rule, exact in zip(rules, hits, strict=True):
            exact_only += rule.weight * exact
        if exact_only >= enough:
            return exact_only
    tokens: Counter[str] | None = None
    score = 0.0
    for rule, exact in zip(rules, hits, strict=True):
        score += rule.weight * exact
        if rule.typos and exact < _TOPIC_CAP:
            if tokens is None:
                tokens = Counter(map(str.casefold, _TOKEN.findall(text)))
            score += TYPO_DISCOUNT * rule.weight * min(_TOPIC_CAP - exact, _typo_hits(rule, tokens))
    return score


def is_on_topic(text: str, *, threshold: float = TOPIC_THRESHOLD) -> bool:
    """True when ``text`` is about trafficking or non-procedural migrant work."""
    return topic_score(text, enough=threshold) >= threshold

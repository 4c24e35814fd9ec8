"""Relevance: whether an article is about trafficking or non-procedural migrant work."""

from __future__ import annotations

from .rules import compiled_topics

# --------------------------------------------------------------------------------------------------
# Topic

TOPIC_THRESHOLD = 4.0
# A keyword counts at most this many times: one term repeated all through an article is still one signal.
_TOPIC_CAP = 3


def topic_score(text: str) -> float:
    """Weighted count of TPPO / non-procedural migration keywords in ``text`` (each capped at 3 hits)."""
    return sum(w * min(_TOPIC_CAP, len(p.findall(text))) for p, w in compiled_topics())


def is_on_topic(text: str, *, threshold: float = TOPIC_THRESHOLD) -> bool:
    """True when ``text`` is about trafficking or non-procedural migrant work."""
    return topic_score(text) >= threshold

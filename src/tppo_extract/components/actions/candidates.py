"""Trigger candidates: the lexicon's matches in each body sentence, with referring mentions marked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ...text.scan import GatedPatterns
from .rules import CompiledRule, compiled_rules

# --------------------------------------------------------------------------------------------------
# Triggers

# "CPMI yang digagalkan ...", "Selain penyuluhan, ...": the act is referred to, not reported anew
_RELATIVE = regex.compile(
    r"\b(?:yang\s+(?:telah\s+|sudah\s+)?|selain\s+(?:melakukan\s+|kegiatan\s+)?)$", regex.IGNORECASE
)
# "sosialisasi tersebut", "rakor ini", "terhadap ketiga WNI tersebut": the text points back at an act
_ANAPHOR = regex.compile(r"(?:\s+[^\s.,;]+){0,3}?\s+(?:ini|tersebut|itu)\b", regex.IGNORECASE)
# "permohonan paspor itu ditolak": a fronted object points back inside the trigger itself
_INNER_ANAPHOR = regex.compile(r"\s(?:ini|tersebut|itu)\s", regex.IGNORECASE)
# "Kepala dinas membuka sosialisasi", "Bupati menghadiri rapat koordinasi", "turut hadir dalam penandatanganan":
# taking part in an occasion refers to it; the occasion itself is the act (reported before, or opened here)
_TAKES_PART = regex.compile(
    r"(?<!\w)(?:membuka|menutup|menghadiri|mengikuti|memimpin|hadir\s+(?:dalam|pada|di)|"
    r"(?:turut|ikut)\s+(?:hadir|serta)(?:\s+(?:dalam|pada|di))?)"
    r"(?:\s+(?:secara\s+)?(?:resmi|langsung))?(?:\s+(?:kegiatan|acara|agenda))?\s+$",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class TriggerMatch:
    type: str
    start: int
    end: int
    weight: float
    rule: int  # index of the rule in the lexicon: repeated mentions of one rule are one action
    mention: bool


_DOC_WORD = regex.compile(r"\w+")


def candidate_rules(sentences: Sequence[str], table: Sequence[CompiledRule] | None = None) -> frozenset[int] | None:
    """Indexes of the trigger rules that can match in ``sentences``: those whose first word (see
    :func:`first_words`) occurs there, and those with no known first word. Sentences need only be searched
    with these. None (every rule) when a word is not ASCII: case-insensitive matching may then pair
    characters that ``str.lower`` does not (the Kelvin sign and "k")."""
    index = rule_index(compiled_rules() if table is None else table)
    tokens = {t for s in sentences for t in index._gate.keys(s)}
    return index.candidates({w.lower() for s in sentences for w in _DOC_WORD.findall(s)}, tokens)


# Sentence keys whose candidate rules are remembered (a corpus's vocabulary keeps growing; past this the memory
# is emptied and refilled).
KEYS_KEPT = 200_000


class RuleIndex:
    """The rules of a table by the words their matches can begin with, to pick a sentence's candidates in
    time proportional to its words rather than to the size of the lexicon.

    A rule whose first words :func:`first_words` cannot read from its pattern ("(?:seminar|webinar|talk
    ?show)") is asked about each word instead, through a :class:`~tppo_extract.text.scan.GatedPatterns`;
    only a rule that this cannot gate either is tried on every sentence."""

    def __init__(self, table: Sequence[CompiledRule]) -> None:
        self.size = len(table)
        unread = [i for i, c in enumerate(table) if c.first is None]
        self._gate = GatedPatterns([table[i].regex for i in unread])
        self._gated = tuple(i for i, g in zip(unread, self._gate.gated, strict=True) if g)
        self._bit_rule = dict(enumerate(unread))  # the gate's pattern k is rule unread[k]
        self.always = frozenset(i for i, g in zip(unread, self._gate.gated, strict=True) if not g)
        by_word: dict[str, set[int]] = {}
        for i, c in enumerate(table):
            for w in c.first or ():
                by_word.setdefault(w, set()).add(i)
        self.by_word = {w: frozenset(ids) for w, ids in by_word.items()}
        self._key_rules: dict[str, int] = {}

    def candidates(self, words: set[str], tokens: set[str] | None = None) -> frozenset[int] | None:
        """The rules that can match a text of these (lower-case) words; None when a word is not ASCII.
        ``tokens`` are the text's :meth:`~tppo_extract.text.scan.GatedPatterns.keys` for the rules whose first
        words the patterns do not show; without them each of those rules is a candidate."""
        if not all(w.isascii() for w in words):
            return None
        found = set(self.always)
        for w in words:
            ids = self.by_word.get(w)
            if ids is not None:
                found |= ids
        if tokens is None:
            found.update(self._gated)
        else:
            mask = 0
            known, ask = self._gate._memo.get, self._gate.mask  # the remembered answers first, without a call
            for t in tokens:
                bits = known(t)
                mask |= ask(t) if bits is None else bits
            while mask:
                low = mask & -mask
                found.add(self._bit_rule[low.bit_length() - 1])
                mask ^= low
        return frozenset(found)

    def for_sentence(self, text: str) -> frozenset[int] | None:
        """:meth:`candidates` of one sentence, from the answers remembered for each of its keys (a word with
        the character after it): the rules it may begin by its first words and by the gate at once."""
        memo, mask = self._key_rules, 0
        for key in set(self._gate.keys(text)):
            bits = memo.get(key)
            if bits is None:
                bits = self._rules_of_key(key)
            if bits < 0:
                return None
            mask |= bits
        found = set(self.always)
        while mask:
            low = mask & -mask
            found.add(low.bit_length() - 1)
            mask ^= low
        return frozenset(found)

    def _rules_of_key(self, key: str) -> int:
        """Bit i set when rule i may begin at ``key``; -1 when its word is not ASCII (see :meth:`candidates`)."""
        bits = 0
        word = _DOC_WORD.match(key)
        if word is not None:
            lower = word.group().lower()
            if not lower.isascii():
                bits = -1
            for i in self.by_word.get(lower, ()) if bits == 0 else ():
                bits |= 1 << i
        gate = self._gate.mask(key) if bits >= 0 else 0
        while gate:
            low = gate & -gate
            bits |= 1 << self._bit_rule[low.bit_length() - 1]
            gate ^= low
        if len(self._key_rules) >= KEYS_KEPT:
            self._key_rules.clear()
        self._key_rules[key] = bits
        return bits


# Tables whose index is kept: the package's own and a few with a user's extra rules. Each entry holds its table,
# so the ids of its rules, which key it, cannot be reused while it is kept.
_INDEXES_KEPT = 8
_indexes: dict[tuple[int, ...], tuple[Sequence[CompiledRule], RuleIndex]] = {}


def rule_index(table: Sequence[CompiledRule]) -> RuleIndex:
    """The :class:`RuleIndex` of ``table``, built once per table."""
    key = tuple(id(c) for c in table)
    hit = _indexes.get(key)
    if hit is None:
        if len(_indexes) >= _INDEXES_KEPT:
            _indexes.pop(next(iter(_indexes)))
        hit = _indexes[key] = (tuple(table), RuleIndex(table))
    return hit[1]


def find_triggers(
    text: str,
    *,
    sentence: tuple[int, int] = (0, -1),
    rules: frozenset[int] | None = None,
    table: Sequence[CompiledRule] | None = None,
) -> list[TriggerMatch]:
    """Trigger matches in ``text[sentence]``; of overlapping matches the longest, then heaviest, wins.
    ``rules`` (from :func:`candidate_rules` of ``text``) skips the rules that cannot match."""
    s0, s1 = sentence
    if s1 < 0:
        s1 = len(text)
    sent = text[s0:s1]
    found: list[TriggerMatch] = []
    rows = compiled_rules() if table is None else table
    for i in range(len(rows)) if rules is None else sorted(rules):
        c = rows[i]
        if c.context is not None and not c.context.search(sent):
            continue
        for m in c.regex.finditer(sent):
            a, b = m.start() + s0, m.end() + s0
            if c.exclude is not None and c.exclude.search(text[max(s0, a - 30) : min(s1, b + 30)]):
                continue
            found.append(TriggerMatch(c.rule.type, a, b, c.rule.weight, i, c.rule.mention))
    found.sort(key=lambda t: (-(t.end - t.start), -t.weight, t.start))
    kept: list[TriggerMatch] = []
    for t in found:
        if not any(t.start < k.end and k.start < t.end for k in kept):
            kept.append(t)
    kept.sort(key=lambda t: t.start)
    # "CPMI yang digagalkan keberangkatannya": a relative clause refers back to an act, like a bare mention
    kept = [
        TriggerMatch(t.type, t.start, t.end, t.weight, t.rule, True)
        if _RELATIVE.search(text, max(s0, t.start - 8), t.start)
        or _ANAPHOR.match(text, t.end, min(s1, t.end + 30))
        or _INNER_ANAPHOR.search(text, t.start, t.end)
        or _TAKES_PART.search(text, max(s0, t.start - 40), t.start)
        else t
        for t in kept
    ]
    # "sosialisasi Desa Binaan Imigrasi": a bare mention right after another trigger is its object
    return [t for t in kept if not (t.mention and any(0 <= t.start - k.end <= 2 and k.type != t.type for k in kept))]

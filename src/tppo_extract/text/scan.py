"""Many patterns over one text, each tried only where its match can begin.

A stage that runs a few dozen patterns over a document pays for each pattern at every character: the
``regex`` engine cannot skip ahead in a pattern that opens with a lookbehind and a case-insensitive
alternation ("(?<!\\w)(?i:awal|akhir|...)"), so a lexicon of such patterns costs its length times the text's.
Most of those patterns can begin only with a few words. :class:`GatedPatterns` reads the text's words once,
asks each pattern (once per distinct word, remembered) whether a match could begin with that word, and tries
the pattern only at those words: the same matches as ``pattern.finditer(text)``, at a fraction of the cost.

The question "could a match begin with this word?" is asked by matching the word alone with
``partial=True``: a match in the text that begins with the word runs, over the word's characters, exactly as
it runs over the word alone, so the lone word gives either a match or a partial one. The answer is sound
only for a pattern whose matches cannot begin inside a word, which :func:`starts_at_word` checks in the
pattern's source: it must open with a negative lookbehind on the word class and have no top-level
alternative. Patterns that do not are scanned whole, as before.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Sequence

import regex

# The word classes a gate can read, with the lookbehinds that keep a match from beginning inside such a word.
# `\w` and "[\p{L}\p{N}]" differ (a superscript digit is a number but not a word character), so each class
# accepts only its own lookbehinds.
_LOOKBEHINDS: dict[str, tuple[str, ...]] = {
    r"\w": (r"(?<!\w)", r"(?<![\w"),
    r"[\p{L}\p{N}]": (r"(?<![\p{L}\p{N}])", r"(?<![\p{L}\p{N}"),
}
# Openers that may stand before the lookbehind: a group that the whole match starts inside.
_OPENER = regex.compile(r"\((?:\?P<\w+>|\?:)")
# The characters `\s` matches (Unicode White_Space, and the four separators that `str.isspace` adds); a gated
# pattern must not begin with one, since a gate reads whitespace as the gap between words and asks nothing there.
WHITESPACE = "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + (
    "\u2028\u2029\u202f\u205f\u3000"
)
# Distinct words remembered per gate; past this the memory is emptied and refilled (a corpus's vocabulary
# keeps growing, and a word asks each pattern once more at worst).
MEMO_WORDS = 200_000


def top_level_alternatives(source: str) -> list[str]:
    """The alternatives of the regex ``source`` split at each "|" outside every group and character class
    (one item when it has none)."""
    depth, i, in_class, start, out = 0, 0, False, 0, []
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if source[i + 1 : i + 2] == "]":  # "[]...]": a leading "]" is a member
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
        i += 1
    return [*out, source[start:]]


def starts_at_word(pattern: regex.Pattern[str], word: str = r"\w") -> bool:
    """Whether every match of ``pattern`` begins where no character of the class ``word`` stands before it,
    and is not whitespace-led: the condition under which :class:`GatedPatterns` may gate it."""
    if pattern.flags & (regex.VERBOSE | regex.REVERSE | regex.FULLCASE):
        return False  # verbose sources are not read here; reverse and full-case matching are never gated
    source = pattern.pattern
    while (m := _OPENER.match(source)) is not None:
        source = source[m.end() :]
    if not source.startswith(_LOOKBEHINDS[word]) or len(top_level_alternatives(pattern.pattern)) > 1:
        return False
    return all(pattern.match(c, partial=True) is None for c in WHITESPACE)


# The texts last read by each token pattern, with their tokens: the gates of one word class (the date rules
# and the topic keywords) read the same Doc's text a few stages apart, and the second reads the first one's
# tokens. ``nlp.pipe`` runs each stage over a batch of Docs (16 in the CLI) before the next, so the tokens of
# a few dozen texts are kept, and no more than a bounded number of tokens in all: some 25 MB, what one
# 1,000,000-character page dump's scan holds (a token costs about 100 bytes: its start and its string).
SCANS_KEPT = 64
SCAN_TOKENS_KEPT = 250_000
_SCANS: OrderedDict[tuple[str, int], tuple[str, list[int], list[str]]] = OrderedDict()
_SCAN_TOKENS = [0]
# How many gates read each token pattern: only a pattern read by several is worth keeping the scans of.
_SCAN_USERS: Counter[str] = Counter()


def _scan(tokens: regex.Pattern[str], text: str) -> tuple[list[int], list[str]]:
    """The starts and the texts of the matches of ``tokens`` in ``text``, as two lists (ints and strings,
    which the garbage collector does not track; a tuple per token would be one more object per token)."""
    key = (tokens.pattern, id(text))  # each kept entry holds its text, so no other text has that id meanwhile
    last = _SCANS.get(key)
    if last is not None:
        return last[1], last[2]
    matches = list(tokens.finditer(text))
    starts, found = [m.start() for m in matches], [m.group() for m in matches]
    _SCANS[key] = (text, starts, found)
    _SCAN_TOKENS[0] += len(found)
    while len(_SCANS) > SCANS_KEPT or (_SCAN_TOKENS[0] > SCAN_TOKENS_KEPT and len(_SCANS) > 1):
        _SCAN_TOKENS[0] -= len(_SCANS.popitem(last=False)[1][2])
    return starts, found


class GatedPatterns:
    """Patterns run over a text at the words where their matches can begin (see the module's text).

    ``word`` is the class of word characters the patterns' lookbehinds name (r"\\w" or r"[\\p{L}\\p{N}]").
    """

    def __init__(
        self,
        patterns: Sequence[regex.Pattern[str]],
        *,
        word: str = r"\w",
        overlapped: Sequence[bool] | None = None,
    ) -> None:
        if word not in _LOOKBEHINDS:
            raise ValueError(f"word class {word!r}: expected one of {sorted(_LOOKBEHINDS)}")
        self.patterns = tuple(patterns)
        # per pattern: its matches as finditer(overlapped=True) gives them, one at every position where one begins
        self.overlapped = tuple(overlapped) if overlapped is not None else (False,) * len(self.patterns)
        if len(self.overlapped) != len(self.patterns):
            raise ValueError(f"{len(self.overlapped)} overlapped flags for {len(self.patterns)} patterns")
        self.gated = tuple(starts_at_word(p, word) for p in self.patterns)
        self._gated_ids = tuple(i for i, g in enumerate(self.gated) if g)
        # a word, or one character that is neither a word character nor whitespace
        other = rf"[^{word[1:-1] if word.startswith('[') else word}\s]"
        self._tokens = regex.compile(rf"{word}+|{other}")
        _SCAN_USERS[self._tokens.pattern] += 1
        # the same with the character after it, which is what a pattern meets next: a word followed by a space
        # cannot begin "dialog" (what :meth:`keys` reads; :meth:`starts` asks about the bare word, as fast)
        self._keys = regex.compile(rf"(?=({word}+.?|{other}.?))(?:{word}+|{other})", regex.DOTALL)
        self._memo: dict[str, int] = {}
        self._char_masks: dict[str, int] = {}

    def _first_char_mask(self, char: str) -> int:
        """Bit i set when a match of gated pattern i can begin with ``char``: a first sieve for words, since
        a pattern that cannot begin with a word's first character cannot begin with the word."""
        mask = self._char_masks.get(char)
        if mask is None:
            mask = 0
            for i in self._gated_ids:
                if self.patterns[i].match(char, partial=True) is not None:
                    mask |= 1 << i
            self._char_masks[char] = mask
        return mask

    def mask(self, key: str) -> int:
        """Bit i set when a match of gated pattern i can begin with ``key`` (one of :meth:`keys`, or a bare
        token, which stands for the word followed by anything); remembered."""
        mask = self._memo.get(key)
        return self._mask(key) if mask is None else mask

    def keys(self, text: str) -> list[str]:
        """Each place of ``text`` where a gated pattern's match can begin, as the text there: a word of the
        gate's class, or one character that is neither a word character nor white space, with the character
        that follows it (none at the end of the text). A match that begins there begins with its key."""
        found: list[str] = self._keys.findall(text)
        return found

    def _mask(self, token: str) -> int:
        """Bit i set when a match of gated pattern i can begin with ``token`` (a key: it is a prefix of the
        text from there on, so a pattern that matches there matches it or runs out of it)."""
        mask = 0
        candidates = self._first_char_mask(token[0])
        if len(token) > 1:
            while candidates:
                low = candidates & -candidates
                if self.patterns[low.bit_length() - 1].match(token, partial=True) is not None:
                    mask |= low
                candidates ^= low
        else:
            mask = candidates
        if len(self._memo) >= MEMO_WORDS:
            self._memo.clear()
        self._memo[token] = mask
        return mask

    def starts(self, text: str) -> list[list[int]]:
        """For each pattern, the positions in ``text`` where a match of it can begin (empty for the ungated)."""
        out: list[list[int]] = [[] for _ in self.patterns]
        memo, mask_of = self._memo, self._mask
        if _SCAN_USERS[self._tokens.pattern] > 1:  # another gate reads the same tokens: shared
            for pos, token in zip(*_scan(self._tokens, text), strict=True):
                mask = memo.get(token)
                if mask is None:
                    mask = mask_of(token)
                while mask:
                    low = mask & -mask
                    out[low.bit_length() - 1].append(pos)
                    mask ^= low
            return out
        for m in self._tokens.finditer(text):
            token = m.group()
            mask = memo.get(token)
            if mask is None:
                mask = mask_of(token)
            while mask:
                low = mask & -mask
                out[low.bit_length() - 1].append(m.start())
                mask ^= low
        return out

    def finditer_each(self, text: str) -> list[list[regex.Match[str]]]:
        """For each pattern, its non-empty matches in ``text``: those of ``pattern.finditer(text)`` (with
        ``overlapped=True`` for the patterns flagged so)."""
        starts = self.starts(text)
        found: list[list[regex.Match[str]]] = []
        flags = zip(self.patterns, self.gated, self.overlapped, starts, strict=True)
        for pattern, gated, overlapped, positions in flags:
            if not gated:
                found.append([m for m in pattern.finditer(text, overlapped=overlapped) if m.end() > m.start()])
                continue
            matches: list[regex.Match[str]] = []
            end = 0
            for pos in positions:
                if pos < end:
                    continue
                m = pattern.match(text, pos)
                if m is not None and m.end() > pos:
                    matches.append(m)
                    end = pos + 1 if overlapped else m.end()
            found.append(matches)
        return found

"""Indonesian affix morphology for trigger matching: the affixed forms of a root and the roots of a form.

Covers the verbal and nominal affixes that news uses for actions: me(N)-, di-, ter-, ber-, pe(N)-...-an,
per-...-an, ke-...-an, -an, -kan, -i and the clitic -nya ("menunda", "ditunda", "penundaan", "tertunda").
"""

from __future__ import annotations

import functools

import regex

_VOWELS = frozenset("aeiou")

# Suffix stacks a verb or noun of action takes; "" is the bare root.
_VERB_SUFFIXES: tuple[str, ...] = ("", "kan", "i", "nya", "kannya", "inya")
_NOUN_SUFFIXES: tuple[str, ...] = ("an", "annya")


def nasal_prefixes(root: str) -> tuple[str, ...]:
    """The forms of me(N)+root, with the initial of k/p/t/s dropped and, for loanwords, kept.

    Loanwords often keep their initial ("mensosialisasikan", "mengkoordinasikan") and news writes
    both, so both are generated; a wrong extra form never matches ordinary text.
    """
    r = root.lower()
    if not r:
        return ()
    first = r[0]
    out: list[str] = []
    if _syllables(r) == 1:
        out.append("menge" + r)
    if first in _VOWELS or first in "gh":
        out.append("meng" + r)
        if first == "g":
            # a frequent typo drops one g ("mengagalkan"), and annotators copy text as written
            out.append("meng" + r[1:])
    elif first == "k":
        out += ["meng" + r[1:], "meng" + r]
    elif first == "p":
        out += ["mem" + r[1:], "mem" + r]
    elif first in "bfv":
        out.append("mem" + r)
    elif first == "t":
        out += ["men" + r[1:], "men" + r]
    elif r.startswith("sy") or first in "dcjz":
        out.append("men" + r)
    elif first == "s":
        out += ["meny" + r[1:], "men" + r]
    else:  # l, m, n, r, w, y and the nasal digraphs
        out.append("me" + r)
    return tuple(dict.fromkeys(out))


def _pe_prefixes(root: str) -> tuple[str, ...]:
    """pe(N)+root: the nominaliser follows the same assimilation as me(N)-."""
    return tuple("pe" + f[2:] for f in nasal_prefixes(root))


# A root whose first syllable ends in -er ("kerja", "ternak", "serta") takes be-, pe-, per- without their r:
# "bekerja", "pekerja", "dipekerjakan"; so does a root that begins with r ("rencana": "berencana").
_ER_SYLLABLE = regex.compile(r"^[^aeiou]er[^aeiou]")


def _r_dropping(root: str) -> bool:
    return root.startswith("r") or bool(_ER_SYLLABLE.match(root))


_VOWEL_RUN = regex.compile(r"[aeiou]+")


def _syllables(word: str) -> int:
    return max(1, len(_VOWEL_RUN.findall(word)))


@functools.cache
def affixed_forms(root: str) -> tuple[str, ...]:
    """Every affixed form of ``root`` that news uses, longest first (lower case).

    >>> "penundaan" in affixed_forms("tunda") and "ditunda" in affixed_forms("tunda")
    True
    """
    r = root.lower()
    stems: set[str] = set()
    short = ("be" + r, "mempe" + r, "dipe" + r) if _r_dropping(r) else ()
    for base in (r, *nasal_prefixes(r), "di" + r, "ter" + r, "ber" + r, "memper" + r, "diper" + r, *short):
        for suf in _VERB_SUFFIXES:
            stems.add(base + suf)
    for base in (*_pe_prefixes(r), "per" + r, "ke" + r, r, *(("pe" + r,) if _r_dropping(r) else ())):
        for suf in _NOUN_SUFFIXES:
            stems.add(base + suf)
    # "dibentuknya": the passive with -nya is frequent in news
    stems.add("di" + r + "nya")
    return tuple(sorted(stems, key=lambda s: (-len(s), s)))


@functools.cache
def forms_regex(root: str) -> str:
    """A regex (no groups captured) that matches any affixed form of ``root`` as a word."""
    return rf"\b{word_alternation(affixed_forms(root))}\b"


_WORD = regex.compile(r"\w+")


def word_alternation(words: tuple[str, ...] | list[str]) -> str:
    """A non-capturing regex for ``words``, as a prefix tree (``mem(?:bentuk|...)``) when every word is
    made of word characters: a flat alternation of some 40 forms per root made the trigger search try
    each form at every position of a text. Between word boundaries the two match the same words, since
    at a word's start only the whole word can match."""
    if not words:
        return "(?!)"
    if not all(_WORD.fullmatch(w) for w in words):
        return "(?:" + "|".join(regex.escape(w) for w in words) + ")"
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


def _trie_regex(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    branches = [regex.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here and longer ones go on
        return (body if len(branches) > 1 else "(?:" + body + ")") + "?"
    return body


_PREFIXES: tuple[str, ...] = (
    "memper",
    "diper",
    "menge",
    "meng",
    "meny",
    "mem",
    "men",
    "me",
    "peng",
    "peny",
    "pem",
    "pen",
    "per",
    "pe",
    "ter",
    "ber",
    "di",
    "ke",
)
_SUFFIXES: tuple[str, ...] = ("kannya", "annya", "inya", "kan", "nya", "an", "i")


def root_candidates(word: str) -> set[str]:
    """Possible roots of ``word`` after stripping one prefix and one suffix stack.

    Without a dictionary the stripping is ambiguous ("menolak" is men+tolak or me+nolak), so every
    reading is returned; callers keep the one their lexicon knows (see :func:`stem`).
    """
    w = word.lower()
    bodies = {w}
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            bodies.add(w[: -len(suf)])
    out: set[str] = set(bodies)
    for body in bodies:
        for pre in _PREFIXES:
            if not body.startswith(pre) or len(body) - len(pre) < 3:
                continue
            rest = body[len(pre) :]
            out.add(rest)
            # restore the initial that the nasal replaced
            if pre in ("meng", "peng"):
                out.add("k" + rest)
            elif pre in ("mem", "pem"):
                out.add("p" + rest)
            elif pre in ("men", "pen"):
                out.add("t" + rest)
            elif pre in ("meny", "peny"):
                out.add("s" + rest)
    return out


def stem(word: str, *, roots: frozenset[str] | set[str]) -> str | None:
    """The root of ``word`` among ``roots`` (the lexicon's roots), or None when none fits.

    Where several fit, the longest wins: it explains more of the word.
    """
    found = root_candidates(word) & set(roots)
    if not found:
        return None
    return max(found, key=lambda r: (len(r), r))

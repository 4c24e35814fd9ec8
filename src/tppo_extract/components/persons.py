"""PERSON entities by rule: names after roles, ranks, honorifics and cues ("selaku", "bernama", speech and sport
verbs), and later short mentions; the role goes to ``Span._.title``, the full name to ``Span._.canonical``."""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import ConfigError
from ..extensions import register_extensions
from ..lang.speech import VERBS_AFTER_NAME
from ..lang.titles import (
    BALINESE_NAME_WORDS,
    DEGREE_RE,
    HONORIFICS,
    NAME_CUE_HONORIFICS,
    NOT_NAME_WORDS,
    OCCUPATION_HEADS,
    RANKS,
    ROLE_HEADS,
    SPORT_CUES,
    TERRITORY_LEVELS,
)
from ..lang.wordlists import word_set
from ..normalize.places import abbreviations, foreign_places, gazetteer, place_key
from ..spans import SKIP_KINDS, UserEntry, add_entities, doc_text, in_skipped_zone, load_rows, save_rows, user_entries
from .model_entities import held_spans, name_shaped

# Verbs of saying that follow the speaker ("kata Rudi Hartono") or precede the statement ("Budi mengatakan").
SPEECH_BEFORE_NAME: frozenset[str] = word_set("speech", "cues_before_name.txt")
_CONNECTORS = frozenset({"dan", "di", "&", "/", "(", ")", "-", "pada"})
_HONORIFIC_WORDS = frozenset(h.rstrip(".") for h in HONORIFICS) | {"S", "Hj", "KH"}
# Ranks are also written in capitals ("IPTU", "KOMBES").
_RANK_FIRST = frozenset(r.split()[0] for r in RANKS) | frozenset(r.split()[0].upper() for r in RANKS)
_QUOTES = frozenset({'"', "“", "”", "'", "’"})
# Words before which a name cued by an honorific is a street, hospital or campus ("Jalan Ir. H. Juanda").
_NOT_PERSON_BEFORE = word_set("titles", "not_person_before.txt")
_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*|[^\s\p{L}\p{N}]")
_BLOCK_LABELS = frozenset({"AGENCY", "PLACE", "DATE"})
# Tokens after which a sentence (or a quotation) begins.
_SENTENCE_OPENERS = frozenset({".", "!", "?", '"', "“", "‘", "'"})
_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int
    blocked: bool  # inside an AGENCY/PLACE/DATE entity
    not_name: bool = False  # a word that is never a name (NOT_NAME_WORDS and the pipeline's extra ones)


@dataclass
class PersonMention:
    start: int
    end: int
    name: str
    title: str | None
    canonical: str = ""
    source: str = "rule"  # "model" for a name the statistical NER found (and its later short forms)


def _is_name_word(t: _Tok) -> bool:
    w = t.text
    return (
        not t.blocked
        and w[:1].isupper()
        and (w[1:].islower() or len(w) == 1 or (w[1:].replace("-", "").replace("'", "").isalpha() and not w.isupper()))
        and not t.not_name
        and w not in ROLE_HEADS
        and w not in _RANK_FIRST
        and w != "Pol"
        and not w.endswith("nya")
        and w.replace("-", "").replace("'", "").replace("’", "").isalpha()
    )


# Capitals of two or three letters that are no one's initials: neighbourhood units, company forms, groups.
_NOT_INITIALS = word_set("titles", "not_initials.txt")


def _initials_before_name(toks: list[_Tok], j: int) -> bool:
    """Whether ``toks[j]`` is a block of initials (two or three capitals) right before a name word."""
    t = toks[j]
    return (
        2 <= len(t.text) <= MAX_INITIALS
        and t.text.isupper()
        and t.text.isalpha()
        and not t.blocked
        and not t.not_name
        and t.text not in _NOT_INITIALS
        and t.text not in ROLE_HEADS
        and j + 1 < len(toks)
        and _is_name_word(toks[j + 1])
        and toks[j + 1].start == t.end + 1
    )


def _name_run(toks: list[_Tok], i: int, *, max_words: int = 4) -> int:
    """End index (exclusive) of the name that starts at ``toks[i]``; ``i`` when there is none."""
    j = i
    words = 0
    while j < len(toks) and words < max_words:
        t = toks[j]
        if t.text == "I" and words == 0 and j + 1 < len(toks) and toks[j + 1].text in BALINESE_NAME_WORDS:
            j += 1  # "I Gusti Agung ...": the marker does not count as a word
            max_words += 1
            continue
        if len(t.text) == 1 and t.text.isupper() and j + 1 < len(toks) and toks[j + 1].text == ".":
            if (t.text in {"H", "S"} and words == 0) or words > 0:
                break
            j += 2  # an initial: "A. Maria"
            words += 1
            continue
        if words == 0 and _initials_before_name(toks, j):
            j += 1  # "KA Halim", "TB Santoso": initials written together open the name
            continue
        if not _is_name_word(t) or len(t.text) == 1:
            break
        j += 1
        words += 1
    # A name does not end with an initial.
    while j > i and toks[j - 1].text == ".":
        j -= 2
    return j


def _skip_prefixes(toks: list[_Tok], i: int) -> int:
    """Skip ranks ("Irjen Pol", "AKBP") and honorifics ("Dr.", "H.") before a name."""
    while i < len(toks):
        w = toks[i].text
        if w in _RANK_FIRST or w in _HONORIFIC_WORDS or w == "Pol":
            i += 1
            if i < len(toks) and toks[i].text == ".":
                i += 1
            continue
        break
    return i


def _role_end(toks: list[_Tok], i: int) -> int:
    """End index of the role phrase that starts with the role head at ``toks[i]``."""
    j = i + 1
    while j < len(toks):
        t = toks[j]
        if t.blocked or t.text[:1].isupper() or t.text.isdigit() or t.text in _CONNECTORS or t.text == ".":
            if t.text == "." and not (j > 0 and toks[j - 1].text in {"Plt", "Plh", "Pj", "Pjs"}):
                break
            j += 1
            continue
        break
    return j


def _tokens(doc: Doc, not_names: frozenset[str] = NOT_NAME_WORDS) -> list[_Tok]:
    # doc.ents are sorted and never overlap: a token lies inside an entity iff inside the last one that
    # starts at or before it
    ranges = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _BLOCK_LABELS]
    out: list[_Tok] = []
    # one object per token (a tuple besides would double what the garbage collector tracks on a long page)
    k, n = -1, len(ranges)  # the last entity that starts at or before the token; tokens come in text order
    for m in _TOKEN.finditer(doc_text(doc)):
        s, e = m.span()
        while k + 1 < n and ranges[k + 1][0] <= s:
            k += 1
        word = m.group()
        out.append(_Tok(word, s, e, k >= 0 and e <= ranges[k][1], word in not_names))
    return out


def _occurrences(text: str, word: str) -> Iterator[tuple[int, int]]:
    """Where ``word`` occurs in ``text`` as a whole word (no letter or digit either side), left to right
    and not overlapping."""
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not _WORD_CHAR.match(text, i - 1)) and (j == len(text) or not _WORD_CHAR.match(text, j)):
            yield i, j
            i = text.find(word, j)
        else:
            i = text.find(word, i + 1)


def _opens_sentence(text: str, toks: list[_Tok], k: int) -> bool:
    """Whether ``toks[k]`` is the first word of a sentence, a line or a quotation, where a capital letter
    says nothing about a name."""
    if k == 0:
        return True
    before = toks[k - 1]
    return before.text in _SENTENCE_OPENERS or "\n" in text[before.end : toks[k].start]


def _from_role(text: str, toks: list[_Tok], i: int, known: list[str]) -> PersonMention | None:
    """A name after the role phrase that starts at ``toks[i]`` ("Kepala Imigrasi X Budi Santoso")."""
    end = _role_end(toks, i)
    if i > 1 and toks[i - 1].text == "," and _is_name_word(toks[i - 2]):
        return None  # the role is in apposition to the name before it
    # "Kakanim X, Budi Santoso," : the name after a comma.
    if end < len(toks) and toks[end].text == ",":
        k = _skip_prefixes(toks, end + 1)
        n_end = _name_run(toks, k)
        if n_end > k and (n_end == len(toks) or not toks[n_end].text[:1].isupper()):
            return _mention(text, toks, k, n_end, _clean_role(text[toks[i].start : toks[end - 1].end]))
    # "Kabid Intelijen, Kanwil Kemenkumham Sumsel Budi Santoso": the role goes on through an agency.
    if end + 1 < len(toks) and toks[end].text == "," and toks[end + 1].blocked:
        end = _role_end(toks, end)
    # A rank splits role and name: "Kapolda Kaltim Irjen Pol Imam Sugianto".
    for r in range(i + 1, end):
        if toks[r].text in _RANK_FIRST or toks[r].text in {"Dr", "H", "Hj", "Ir", "Drs"}:
            k = _skip_prefixes(toks, r)
            n_end = _name_run(toks, k)
            if n_end > k:
                return _mention(text, toks, k, n_end, _clean_role(text[toks[i].start : toks[r - 1].end]))
            return None
    # Right after an agency or a place the boundary is certain: "Kepala Kantor Imigrasi X Budi Santoso di Medan".
    for r in range(i + 1, end - 1):
        if toks[r].blocked and not toks[r + 1].blocked:
            k = r + 1
            n_end = _name_run(toks, k, max_words=5)
            if n_end > k and (n_end == len(toks) or _ends_name(toks[n_end])):
                return _mention(text, toks, k, n_end, _clean_role(text[toks[i].start : toks[r].end]))
            break
    # A territorial role names its place first: "Camat Medan Marelan Budi Santoso".
    for r in range(i, end - 1):
        level = TERRITORY_LEVELS.get(toks[r].text)
        if level is None or toks[r + 1].blocked:
            continue
        # "Bupati Batu Bara, ...": the whole run before the comma is the place (not "Batu" and a name "Bara")
        whole = end - r - 1
        if end < len(toks) and toks[end].text == "," and _place_length(toks, r + 1, end, level, leave=0) == whole:
            return None
        k = r + 1 + _place_length(toks, r + 1, end, level)
        if k == r + 1:
            continue
        n_end = _name_run(toks, k, max_words=5)
        if n_end > k and (n_end == len(toks) or _ends_name(toks[n_end])):
            return _mention(text, toks, k, n_end, _clean_role(text[toks[i].start : toks[k - 1].end]))
        return None
    # Otherwise the name is the trailing run of words that cannot be part of the role.
    k = end
    while k > i + 1 and _is_name_word(toks[k - 1]) and end - k < 5:
        k -= 1
    if k >= end:
        return None
    # A known full name settles where the role stops.
    run = text[toks[k].start : toks[end - 1].end]
    for name in known:
        if run.endswith(name) and run != name:
            k_start = toks[end - 1].end - len(name)
            return PersonMention(k_start, toks[end - 1].end, name, _clean_role(text[toks[i].start : k_start]))
    if k == i + 1 and toks[i].text not in {"Menteri", "Presiden", "Gubernur", "Bupati", "Camat", "Ketua"}:
        return None
    # After an agency the boundary is certain; otherwise a long run is more likely a place plus a name.
    if end - k > (4 if toks[k - 1].blocked else 3):
        return None
    return PersonMention(toks[k].start, toks[end - 1].end, run, _clean_role(text[toks[i].start : toks[k].start]))


def _name_stops(text: str, toks: list[_Tok], n_end: int) -> bool:
    """True when the name run that ends before ``toks[n_end]`` is complete (a degree may follow it)."""
    return n_end == len(toks) or _ends_name(toks[n_end]) or DEGREE_RE.match(text, toks[n_end - 1].end) is not None


def _mention(text: str, toks: list[_Tok], k: int, end: int, title: str | None) -> PersonMention:
    """The mention of the tokens ``toks[k:end]``."""
    return PersonMention(toks[k].start, toks[end - 1].end, text[toks[k].start : toks[end - 1].end], title)


def _ends_name(t: _Tok) -> bool:
    """True when ``t`` cannot continue a name: punctuation, a lowercase word, an entity."""
    return t.blocked or not t.text[:1].isupper()


def _place_length(toks: list[_Tok], k: int, end: int, level: str, *, leave: int = 1) -> int:
    """How many tokens from ``toks[k]`` (before ``end``, leaving ``leave`` for a name) name a gazetteer place
    of ``level``; the longest such run."""
    gaz = gazetteer()
    for n in range(min(4, end - k - leave), 0, -1):
        words = toks[k : k + n]
        if not all(w.text[:1].isupper() and w.text.isalpha() for w in words):
            continue
        name = " ".join(w.text for w in words)
        code = abbreviations().get(name)
        codes = (code,) if code else gaz.by_key.get(place_key(name), ())
        if any(gaz.regions[c].level == level for c in codes):
            return n
    return 0


_ROLE_TAIL = regex.compile(r"[\s,(]+$")


def _clean_role(role: str) -> str | None:
    role = _ROLE_TAIL.sub("", role).strip()
    return role or None


_DEGREE_AT_END = regex.compile(rf"(?:{DEGREE_RE.pattern})[ ,]*$")
# How far before a word the degrees after a name may reach (characters): "Budi Santoso, S.Sos., M.Si., M.H."
# is some 20; a window twenty times that leaves room for any chain of them.
_DEGREE_REACH = 400


def _name_before(text: str, toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """Token range of a name that ends right before ``toks[i]``, past a degree ("Budi, S.Sos selaku")."""
    # only the text just before the token can hold the degrees: a window keeps each call short in a long page
    lo = max(0, toks[i].start - _DEGREE_REACH)
    prefix = text[lo : toks[i].start].rstrip()
    while (m := _DEGREE_AT_END.search(prefix)) is not None and lo + m.start() > 0:
        prefix = prefix[: m.start()].rstrip(" ,")
    j = i
    while j > 0 and toks[j - 1].start >= lo + len(prefix):
        j -= 1
    k = j
    while k > 0 and j - k < 5:
        t = toks[k - 1]
        if _is_name_word(t) and t.text != "I":
            k -= 1
        elif t.text == "." and k > 1 and len(toks[k - 2].text) == 1 and toks[k - 2].text.isupper():
            k -= 2  # an initial: "A. Maria"
        elif t.text == "I" and k < j and toks[k].text in BALINESE_NAME_WORDS:
            k -= 1
        else:
            break
    while k < j and toks[k].text in {"H", "S"} and k + 1 < j and toks[k + 1].text == ".":
        k += 2  # "H." is Haji, not an initial
    if k >= j or len(toks[j - 1].text) == 1 or toks[k].text == ".":
        return None
    if k > 0 and toks[k - 1].text[:1].isupper() and not _is_boundary(toks[k - 1]):
        return None
    return k, j


def _is_boundary(t: _Tok) -> bool:
    """True when ``t`` may stand right before a name: an entity, a rank or honorific, punctuation."""
    return t.blocked or t.text in _RANK_FIRST or t.text in _HONORIFIC_WORDS or not t.text[:1].isalnum()


def _name_list(text: str, toks: list[_Tok], k: int) -> list[PersonMention]:
    """Names listed from ``toks[k]``: "Budi Santoso, Andi Wijaya dan Rudi" after a cue of sport."""
    out: list[PersonMention] = []
    while k < len(toks):
        n_end = _name_run(toks, k)
        if n_end == k or (n_end < len(toks) and not _ends_name(toks[n_end])):
            break
        out.append(_mention(text, toks, k, n_end, None))
        k = n_end
        if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].text == "dan":
            k += 2
        elif k < len(toks) and toks[k].text in {",", "dan", "serta"}:
            k += 1
        else:
            break
    return out


_AGE_OR_MINUTE = regex.compile(r"\((?:\d{1,2}(?:[ ]tahun)?|\d{1,3}(?:\+\d)?['’])\)")


def _after_descriptor(text: str, toks: list[_Tok], k: int) -> PersonMention | None:
    """The name after a lowercase description of the speaker: "tutur seorang pedagang di Pasar X, Budi."."""
    j = k
    while j < len(toks) and j - k < 10 and (toks[j].blocked or toks[j].text.islower()):
        j += 1
    if j == k or j + 1 >= len(toks) or toks[j].text != "," or not toks[k].text.islower():
        return None
    n_start = _skip_prefixes(toks, j + 1)
    n_end = _name_run(toks, n_start)
    if n_end == n_start or (n_end < len(toks) and toks[n_end].text not in {".", ",", "\n"}):
        return None
    return _mention(text, toks, n_start, n_end, _clean_role(text[toks[k].start : toks[j - 1].end]))


def _is_place_name(name: str) -> bool:
    """True when ``name`` is a province or regency of the gazetteer, or a short form of one ("Sumut")."""
    gaz = gazetteer()
    codes = gaz.by_key.get(place_key(name), ())
    return name in abbreviations() or any(gaz.regions[c].level in {"province", "regency"} for c in codes)


# The words that each branch of find_person_mentions opens on, compared exactly and casefolded: every other
# word opens nothing, so the loop skips it.
_EXACT_CUES = (
    OCCUPATION_HEADS | NAME_CUE_HONORIFICS | VERBS_AFTER_NAME | ROLE_HEADS | {"selaku", "bernama", "(", "Menurut", ","}
)
_FOLDED_CUES = SPEECH_BEFORE_NAME | SPORT_CUES


def find_person_mentions(
    doc: Doc, *, model_names: bool = True, extra_not_names: Collection[str] = ()
) -> list[PersonMention]:
    """Person mentions of ``doc`` with title and canonical full name set; with ``model_names`` the trained
    NER's PER spans (``doc.spans["tppo_model"]``) join the rule mentions. ``extra_not_names`` are words that
    are never (part of) a name besides the package's ``NOT_NAME_WORDS`` (a local brand, a village's
    nickname), compared exactly like those."""
    text = doc_text(doc)
    not_names = NOT_NAME_WORDS | frozenset(extra_not_names) if extra_not_names else NOT_NAME_WORDS
    toks = _tokens(doc, not_names)
    found: list[PersonMention] = []
    known: list[str] = []

    starts: set[int] = set()

    def add(m: PersonMention | None) -> None:
        if m is None or m.start in starts or in_skipped_zone(doc, m.start, m.end):
            return
        starts.add(m.start)
        found.append(m)
        if m.name not in known:
            known.append(m.name)

    # only a cue word can open a mention: the loop below visits those alone
    cues = [i for i, t in enumerate(toks) if t.text in _EXACT_CUES or t.text.casefold() in _FOLDED_CUES]
    for _pass in range(2):
        for i in cues:
            t = toks[i]
            w = t.text
            prev = toks[i - 1].text if i > 0 else "\n"
            if w.casefold() in SPEECH_BEFORE_NAME and (w.islower() or (w.istitle() and prev in _QUOTES)):
                k = i + 1
                if k < len(toks) and toks[k].text in ROLE_HEADS:
                    add(_from_role(text, toks, k, known))
                    continue
                k = _skip_prefixes(toks, k)
                n_end = _name_run(toks, k)
                if n_end > k and (n_end == len(toks) or not toks[n_end].text[:1].isupper()):
                    add(_mention(text, toks, k, n_end, None))
                elif n_end == k:
                    add(_after_descriptor(text, toks, k))
            elif w in OCCUPATION_HEADS and i >= 3 and prev == ",":
                # An ordinary person introduced by apposition at the start of a sentence:
                # "Sri Wahyuni, pemilik warung di Cawang, ...". Two name words at least, so that
                # "Selain itu," or a lone capitalised word is never taken.
                k = i - 1
                while k > 0 and _is_name_word(toks[k - 1]) and i - 1 - k < 4:
                    k -= 1
                starts_sentence = k == 0 or toks[k - 1].text in {".", "\n", '"', "”"} or text[
                    toks[k - 1].end : toks[k].start
                ].count("\n")
                if i - 1 - k >= 2 and starts_sentence:
                    role = _clean_role(text[t.start : toks[_role_end(toks, i) - 1].end])
                    add(PersonMention(toks[k].start, toks[i - 2].end, text[toks[k].start : toks[i - 2].end], role))
            elif w in {"selaku", "bernama"} and 0 < i < len(toks) - 1:
                if w == "selaku":  # "Budi Santoso selaku Kepala Desa ..."
                    rng = _name_before(text, toks, i)
                    if rng is not None:
                        k, j = rng
                        role = _clean_role(text[toks[i + 1].start : toks[_role_end(toks, i) - 1].end])
                        add(_mention(text, toks, k, j, role))
                else:  # "seorang perekrut bernama Budi Santoso"
                    k = _skip_prefixes(toks, i + 1)
                    n_end = _name_run(toks, k)
                    if n_end > k and (n_end == len(toks) or _ends_name(toks[n_end])):
                        add(_mention(text, toks, k, n_end, None))
            elif w.casefold() in SPORT_CUES and (w.islower() or prev in {".", "\n"} or i == 0):
                k = i + 2 if i + 2 < len(toks) and toks[i + 1].text == "silang" else i + 1
                for m in _name_list(text, toks, k):
                    add(m)
            elif w in NAME_CUE_HONORIFICS and prev not in _NOT_PERSON_BEFORE and not (i > 0 and toks[i - 1].blocked):
                # "Drs. Wahyudi", "Prof. Dr. Sari Dewi": these titles only stand before a person's name.
                k = _skip_prefixes(toks, i)
                n_end = _name_run(toks, k)
                if n_end > k and _name_stops(text, toks, n_end):
                    add(_mention(text, toks, k, n_end, None))
            elif w == "(" and i > 0 and _is_name_word(toks[i - 1]) and _AGE_OR_MINUTE.match(text, t.start):
                # "Budi Santoso (21), warga ...", "Budi Santoso (62')": an age or a minute of play.
                rng = _name_before(text, toks, i)
                if rng is not None and not _is_place_name(text[toks[rng[0]].start : toks[rng[1] - 1].end]):
                    k, j = rng
                    add(_mention(text, toks, k, j, None))
            elif w == "Menurut" and i + 1 < len(toks):
                k = i + 1
                if toks[k].text in ROLE_HEADS:
                    add(_from_role(text, toks, k, known))
                    continue
                k = _skip_prefixes(toks, k)
                n_end = _name_run(toks, k)
                if n_end > k and n_end < len(toks) and toks[n_end].text == ",":
                    add(_mention(text, toks, k, n_end, None))
            elif w in VERBS_AFTER_NAME and i > 0:
                k = i
                while k > 0 and _is_name_word(toks[k - 1]) and i - k < 4:
                    k -= 1
                if k < i and (k == 0 or not toks[k - 1].text[:1].isupper() or toks[k - 1].blocked
                              or toks[k - 1].text in {'"', "“", ",", "."}):
                    before = toks[k - 1] if k > 0 else None
                    if (before is None or before.blocked or before.text in {".", ",", '"', "“", "”"}
                            or before.text.islower() or "\n" in text[before.end : toks[k].start]):
                        add(_mention(text, toks, k, i, None))
            elif w == "," and i > 0 and i + 1 < len(toks) and toks[i + 1].text in ROLE_HEADS:
                # Apposition: "oleh Rendani Wijaya, Kepala Seksi ...". One word that opens a sentence is an
                # adverbial far more often than a name ("Dikonfirmasi, Kepala ...", "Terpisah, Ketua ...").
                k = i
                while k > 0 and _is_name_word(toks[k - 1]) and i - k < 4:
                    k -= 1
                if k == i - 1 and _opens_sentence(text, toks, k):
                    continue
                if k < i and (k == 0 or not toks[k - 1].text[:1].isupper()):
                    role = _clean_role(text[toks[i + 1].start : toks[_role_end(toks, i + 1) - 1].end])
                    add(_mention(text, toks, k, i, role))
            elif w in ROLE_HEADS and (i == 0 or toks[i - 1].text not in ROLE_HEADS) and prev != "selaku":
                # In a list of speakers: ", Budi Santoso Koordinator Program ...".
                k = i
                while k > 0 and _is_name_word(toks[k - 1]) and i - k < 4:
                    k -= 1
                name = text[toks[k].start : toks[i - 1].end] if k < i else ""
                if i - k >= 2 and toks[k - 1].text in {",", ")"} and not _is_place_name(name):
                    role = _clean_role(text[t.start : toks[_role_end(toks, i) - 1].end])
                    add(PersonMention(toks[k].start, toks[i - 1].end, name, role))
                    continue
                add(_from_role(text, toks, i, known))
        if _pass == 0:
            found.clear()
            starts.clear()
    for m in _model_mentions(doc, toks, found) if model_names else []:
        found.append(m)
        starts.add(m.start)
        if m.name not in known:
            known.append(m.name)
    return _propagate(doc, toks, found, known, not_names)


# A name the statistical NER finds with no cue the rules know: two name words, or one that the tagger reads
# as a proper noun and that is no region down to the district ("Semin", "Entikong" are districts).
MIN_MODEL_NAME_WORDS = 2
# Lower-case particles inside personal names ("Ahmad bin Yusuf", "Robin van Persie").
_NAME_PARTICLES = word_set("titles", "name_particles.txt")
# Parts of speech that never stand in a personal name; a title-cased verb or adjective ("Harga Bawang
# Meroket") is a headline.
_NOT_NAME_POS = frozenset({"VERB", "ADJ", "AUX", "ADP", "PRON", "DET", "SCONJ", "CCONJ", "NUM", "PART"})
# A headline is title-cased, so the model reads its words as names ("... Siapkan Pelatihan Relawan"); the
# people it names are named again in the body.
_NO_MODEL_NAME_ZONES = SKIP_KINDS | {"headline"}
# The locative preposition: a name right after it is a place ("di Graha ...", "Di Wisma ..."), never a person.
_LOCATIVE = frozenset({"di", "Di"})
# Initials written together inside a name ("TB Hasanuddin"): an upper-case word of at most this many letters.
MAX_INITIALS = 3


@functools.cache
def _region_keys() -> frozenset[str]:
    """place_keys of provinces, regencies and districts, and of foreign places: one such word is no name."""
    gaz = gazetteer()
    wide = {"province", "regency", "district"}
    keys = {key for key, codes in gaz.by_key.items() if any(gaz.regions[c].level in wide for c in codes)}
    return frozenset(keys | set(foreign_places()))


def _first_of_sentence(doc: Doc, span: Span) -> bool:
    """Whether ``span`` is the first word of its sentence or line, past opening quotes, brackets and list
    numbers ("“Alhamdulillah, ...", "3. Deposito ..."): a place where every word is written with a capital.
    (The pipeline's sentences and the line; ``_opens_sentence`` reads the tokens before a word instead.)"""
    text = doc_text(doc)
    line = text.rfind("\n", 0, span.start_char) + 1
    sent = span[0].sent.start_char if doc.has_annotation("SENT_START") else 0
    return not any(ch.isalpha() for ch in text[max(line, sent) : span.start_char])


def _capitalised_within(doc: Doc, word: str, start: int) -> bool:
    """Whether ``word`` is written, capitalised, elsewhere in ``doc`` at a place that does not open a sentence."""
    text = doc_text(doc)
    for m in regex.finditer(r"(?<![\p{L}\p{N}])" + regex.escape(word) + r"(?![\p{L}\p{N}])", text):
        if m.start() != start:
            other = doc.char_span(m.start(), m.end())
            if other is not None and not _first_of_sentence(doc, other):
                return True
    return False


def _single_name(doc: Doc, tok: _Tok, tagged: bool) -> bool:
    """A one-word model name: tagged a proper noun, no region's name, and, at the start of a sentence (where
    the capital letter is the sentence's, not the name's), written with a capital elsewhere too."""
    if not tagged or in_skipped_zone(doc, tok.start, tok.end, frozenset({"headline"})):
        return False
    span = doc.char_span(tok.start, tok.end)
    if span is None or not all(t.pos_ == "PROPN" for t in span) or place_key(tok.text) in _region_keys():
        return False
    return not _first_of_sentence(doc, span) or _capitalised_within(doc, tok.text, tok.start)


def _model_mentions(doc: Doc, toks: list[_Tok], found: list[PersonMention]) -> list[PersonMention]:
    """The statistical NER's PER spans that no rule mention or AGENCY/PLACE/DATE entity overlaps and that are
    shaped like a personal name, with ranks and honorifics ("Kombes Pol", "Dr.") left out of the name."""
    text = doc_text(doc)
    tagged = doc.has_annotation("POS")
    out: list[PersonMention] = []
    for span in held_spans(doc, "PER"):
        s, e = span.start_char, span.end_char
        if in_skipped_zone(doc, s, e, _NO_MODEL_NAME_ZONES) or any(m.start < e and s < m.end for m in [*found, *out]):
            continue
        inside = [i for i, t in enumerate(toks) if s <= t.start and t.end <= e]
        # a span that runs on from a rule entity ("Karang Taruna Joko Susilo" read from "Taruna") keeps
        # the words after it; one with an entity inside is no name
        size = len(inside)
        while inside and toks[inside[0]].blocked:
            inside.pop(0)
        while inside and toks[inside[-1]].blocked:
            inside.pop()
        trimmed = len(inside) < size  # what is left must then be a full name: two words at least
        if not inside or any(toks[i].blocked for i in inside):
            continue
        if inside[0] > 0 and toks[inside[0] - 1].text in _LOCATIVE:
            continue  # "di Graha Wira Bhakti": what "di" governs is a place
        k = _skip_prefixes(toks, inside[0])
        last = inside[-1]
        while last >= k and not toks[last].text[:1].isalnum():
            last -= 1
        words = [toks[i] for i in range(k, last + 1) if toks[i].text != "."]
        initials = [t for t in words if t.text.isupper() and len(t.text) <= MAX_INITIALS and len(words) > 1]
        named = [t for t in words if t not in initials and t.text not in _NAME_PARTICLES]
        if not named or not all(_is_name_word(t) for t in named):
            continue
        if len(named) < MIN_MODEL_NAME_WORDS and (
            trimmed or not (len(words) == 1 and _single_name(doc, named[0], tagged))
        ):
            continue
        start, end = toks[k].start, toks[last].end
        name = doc.char_span(start, end, alignment_mode="contract")
        if name is None or not name_shaped(doc, name) or (tagged and any(t.pos_ in _NOT_NAME_POS for t in name)):
            continue
        out.append(PersonMention(start, end, text[start:end], None, source="model"))
    return out


def _propagate(
    doc: Doc,
    toks: list[_Tok],
    found: list[PersonMention],
    known: list[str],
    not_names: frozenset[str] = NOT_NAME_WORDS,
) -> list[PersonMention]:
    """Tag later short forms of names seen in full ("Rudi Hartono" after "Rudi Hartono Siregar") and set canonicals."""
    full: list[str] = []
    for name in sorted(known, key=lambda n: -len(n.split())):
        if not any(_part_of(name, f) for f in full):
            full.append(name)
    first_pos: dict[str, int] = {}
    for m in found:
        first_pos.setdefault(m.name, m.start)
    titles: dict[str, str] = {}
    sources: dict[str, str] = {}
    for m in sorted(found, key=lambda m: m.start):
        m.canonical = next((f for f in full if _part_of(m.name, f)), m.name)
        sources.setdefault(m.canonical, m.source)
        if m.title and m.canonical not in titles:
            titles[m.canonical] = m.title
    text = doc_text(doc)
    # characters already in a mention, and in a blocked token: overlap tests read the span's own
    # characters, so a long document costs time in proportion to its length
    taken = bytearray(len(text) + 1)
    for m in found:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    blocked = bytearray(len(text) + 1)
    for t in toks:
        if t.blocked:
            blocked[t.start : t.end] = b"\x01" * (t.end - t.start)
    for f in full:
        parts = f.split()
        variants = {" ".join(parts[a:b]) for a in range(len(parts)) for b in range(a + 1, len(parts) + 1)}
        for v in sorted(variants, key=len, reverse=True):
            if len(v) < 3 or v in not_names or (len(v.split()) == 1 and v.rstrip(".").__len__() < 3):
                continue
            for s, e in _occurrences(text, v):
                if any(taken[s:e]) or in_skipped_zone(doc, s, e):
                    continue
                if any(blocked[s:e]):
                    continue
                found.append(PersonMention(s, e, v, None, f, source=sources.get(f, "rule")))
                taken[s:e] = b"\x01" * (e - s)
    for m in found:
        if not m.canonical:
            m.canonical = m.name
        if m.title is None:
            m.title = titles.get(m.canonical)
    return sorted(found, key=lambda m: m.start)


def _part_of(short: str, full: str) -> bool:
    s, f = short.split(), full.split()
    return any(f[a : a + len(s)] == s for a in range(len(f) - len(s) + 1))


def find_persons(doc: Doc, *, model_names: bool = True, extra_not_names: Collection[str] = ()) -> list[Span]:
    """PERSON spans of ``doc`` with ``_.title`` and ``_.canonical`` set; not yet added to doc.ents
    (``extra_not_names`` as in :func:`find_person_mentions`)."""
    spans: list[Span] = []
    for m in find_person_mentions(doc, model_names=model_names, extra_not_names=extra_not_names):
        span = doc.char_span(m.start, m.end, label="PERSON", alignment_mode="contract")
        if span is None or not span.text.strip():
            continue
        span._.title = m.title
        span._.canonical = m.canonical
        span._.source = m.source
        spans.append(span)
    return spans


class PersonRecognizer:
    """Adds PERSON entities to ``doc.ents`` where no agency, place or date is already.

    ``extra_not_names`` (config) and :meth:`add_not_names` add words that are never a person's name to the
    package's list (``resources/titles/not_name_words.txt``) without editing it: a local brand ("Rejeki" of a
    coffee shop), a village's nickname. They are saved with the pipeline (``to_disk``).
    """

    def __init__(
        self, nlp: Language, name: str, *, model_names: bool, extra_not_names: Iterable[str] = ()
    ) -> None:
        register_extensions()
        self.name = name
        self.model_names = model_names
        self.extra_not_names: tuple[str, ...] = ()
        self.add_not_names(extra_not_names)

    def add_not_names(self, words: Iterable[str]) -> None:
        """Add ``words`` (each one word, written as in the text: "Rejeki"); anything else raises ConfigError."""
        added = list(self.extra_not_names)
        for n, word in enumerate(words, 1):
            if not isinstance(word, str) or not word.strip():
                raise ConfigError(f"{self.name}: extra not-name {n} ({word!r}) must be a non-empty string")
            if word != word.strip() or len(word.split()) != 1:
                raise ConfigError(
                    f"{self.name}: extra not-name {n} ({word!r}) must be one word without spaces; "
                    "add each word of a brand or phrase on its own"
                )
            if word not in added:
                added.append(word)
        self.extra_not_names = tuple(added)

    def __call__(self, doc: Doc) -> Doc:
        add_entities(doc, find_persons(doc, model_names=self.model_names, extra_not_names=self.extra_not_names))
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        save_rows(path, _EXTRA_FILE, (UserEntry(text=w) for w in self.extra_not_names))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> PersonRecognizer:
        rows = load_rows(path, _EXTRA_FILE)
        if rows is not None:
            self.extra_not_names = ()
            self.add_not_names(user_entries(rows, self.name))
        return self


# Where a saved pipeline keeps the not-name words a user added.
_EXTRA_FILE = "extra_not_names.jsonl"


@Language.factory(
    "tppo_persons",
    assigns=["doc.ents", "span._.title", "span._.canonical", "span._.source"],
    requires=["doc.ents"],
    default_config={"model_names": True, "extra_not_names": []},
)
def make_persons(nlp: Language, name: str, model_names: bool, extra_not_names: list[str]) -> PersonRecognizer:
    """``model_names``: also take the trained NER's PER spans as names (when the pipeline has one);
    ``extra_not_names``: words that are never a person's name, added to the package's (see
    :class:`PersonRecognizer`)."""
    return PersonRecognizer(nlp, name, model_names=model_names, extra_not_names=extra_not_names)

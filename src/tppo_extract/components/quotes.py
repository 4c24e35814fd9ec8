"""The ``tppo_quotes`` component: direct quotations and reported statements, each with its cue and speaker.

Direct quotes are found from the quotation marks of the text itself (not from sentences); reported speech
from cues ("X mengatakan (bahwa) ...", "Menurut X, ..."). A quote interrupted by its attribution
('"A," kata Budi, "B."') is kept as ONE quote spanning both parts: it is one utterance of one speaker.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from dataclasses import dataclass

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..lang import speech
from ..lang.calendar import MONTHS, TIMES_OF_DAY, WEEKDAY_WORDS, WEEKDAYS
from ..lang.titles import HONORIFICS, RANKS, ROLE_HEADS
from ..lang.wordlists import word_set
from ..spans import doc_text, in_skipped_zone, zones_over
from ..types import CharSpan, QuoteDict, SpeakerDict

_WORD_RE = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.'’-]*")
_CAP_RE = regex.compile(r"\p{Lu}")
_RANK_WORDS = frozenset(w.rstrip(".") for r in RANKS for w in r.split()) | {"Pol"}
_HONORIFIC_WORDS = frozenset(h.rstrip(".") for h in HONORIFICS)
# Calendar words are never a speaker's name ('," kata Budi, Selasa.' ends with the day).
_CALENDAR_WORDS = frozenset(w.title() for w in (*WEEKDAYS, *MONTHS) if w.isalpha())
_SKIP_IN_NAME = (
    speech.NON_NAME_WORDS | ROLE_HEADS | _RANK_WORDS | _HONORIFIC_WORDS | _CALENDAR_WORDS | speech.GROUP_SUBJECTS
)
# Words that link a speaker to the role in apposition after the name ("Budi selaku Kepala ...").
_APPOSITION_LINKS = word_set("speech", "apposition_links.txt")


@dataclass(frozen=True)
class Mark:
    """A quotation mark of the text and whether it can open and/or close a quotation."""

    pos: int
    can_open: bool
    can_close: bool
    width: int = 1  # two for a doubled apostrophe used as a double quotation mark


# Two apostrophes typed for a double quotation mark: "''Kami siap,'' kata Budi."
DOUBLED_APOSTROPHE = "''"
_MARK_RE = regex.compile(
    regex.escape(DOUBLED_APOSTROPHE) + "|[" + regex.escape("".join(sorted(speech.QUOTE_CHARS))) + "]"
)


def _mark_at(text: str, k: int) -> bool:
    """Whether a quotation mark stands at ``text[k]`` (or ends there, for a doubled apostrophe)."""
    return text[k] in speech.QUOTE_CHARS or (
        text[k] == "'" and (text.startswith(DOUBLED_APOSTROPHE, k) or text.startswith(DOUBLED_APOSTROPHE, k - 1))
    )


@dataclass
class DirectQuote:
    """A quotation found from its marks: content [start, end), mark positions, and whether it closed."""

    open_at: int
    start: int
    end: int
    close_end: int  # just past the closing mark (== end when unclosed)
    closed: bool


@dataclass
class Mention:
    """Who a cue attaches to: a name, a pronoun to resolve, an agency, or a bare role ("Kakanim")."""

    start: int
    end: int
    kind: str  # "person" | "pronoun" | "agency" | "role"
    name: str | None


@dataclass
class Found:
    """A quote before its speaker is resolved."""

    start: int
    end: int
    direct: bool
    cue: CharSpan | None
    mention: Mention | None


# --- direct quotes -------------------------------------------------------------------------------


def quote_marks(line: str, offset: int) -> list[Mark]:
    """The quotation marks of one paragraph, classified by the characters on either side."""
    marks: list[Mark] = []
    for found in _MARK_RE.finditer(line):
        i, ch, width = found.start(), found.group()[0], len(found.group())
        before = line[i - 1] if i > 0 else " "
        after = line[i + width] if i + width < len(line) else " "
        space_before = before.isspace() or before in "([:—–-"
        space_after = after.isspace() or after in ".,;:!?)"
        can_open = ch in "“„«" or (space_before and not after.isspace())
        can_close = ch in "”»" and not (space_before and not space_after) or (not space_before)
        if ch == '"' or width > 1:  # a straight mark is told open from close by the spaces around it
            can_open = space_before and not after.isspace()
            can_close = not space_before or space_after
        marks.append(Mark(offset + i, can_open, can_close, width))
    return marks


def paragraph_quotes(line: str, offset: int) -> list[DirectQuote]:
    """Quotations of one paragraph; a nested one stays inside its outer one; one left open runs to the end."""
    out: list[DirectQuote] = []
    stack: list[Mark] = []
    for m in quote_marks(line, offset):
        if stack and m.can_close:
            opened = stack.pop()
            if not stack:
                out.append(DirectQuote(opened.pos, opened.pos + opened.width, m.pos, m.pos + m.width, True))
        elif m.can_open:
            stack.append(m)
    if stack:
        end = offset + len(line.rstrip())
        first = stack[0]
        if end > first.pos + first.width:
            out.append(DirectQuote(first.pos, first.pos + first.width, end, end, False))
    return out


def find_direct_quotes(text: str) -> list[DirectQuote]:
    """Every quotation of ``text``; an unclosed one continued by the next paragraph's opening is merged."""
    paragraphs: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append((pos, line))
        pos += len(line) + 1
    per_par = [paragraph_quotes(line, off) for off, line in paragraphs]
    out: list[DirectQuote] = []
    carry: DirectQuote | None = None
    for (off, line), quotes in zip(paragraphs, per_par, strict=True):
        first_char_at = off + len(line) - len(line.lstrip())
        if carry is not None:
            if quotes and quotes[0].open_at == first_char_at:
                head = quotes.pop(0)
                carry = DirectQuote(carry.open_at, carry.start, head.end, head.close_end, head.closed)
                if carry.closed:
                    out.append(carry)
                    carry = None
            else:
                out.append(carry)
                carry = None
        for q in quotes:
            if not q.closed:
                carry = q
            else:
                out.append(q)
    if carry is not None:
        out.append(carry)
    return out


# --- speaker phrases ------------------------------------------------------------------------------


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(start + m.start(), start + m.end(), m.group()) for m in _WORD_RE.finditer(text[start:end])]


# Whether a character is an upper-case letter, by character (the speaker phrases ask about every word).
_CAP_FIRST: dict[str, bool] = {}
_CAP_FIRST_KEPT = 10_000


def _is_cap(word: str) -> bool:
    """Whether ``word`` opens with an upper-case letter."""
    if not word:
        return False
    cap = _CAP_FIRST.get(word[0])
    if cap is None:
        if len(_CAP_FIRST) >= _CAP_FIRST_KEPT:
            _CAP_FIRST.clear()
        cap = _CAP_FIRST[word[0]] = _CAP_RE.match(word[0]) is not None
    return cap


def _not_name(word: str) -> bool:
    # "Sambutannya", "Menurutnya": a capitalised word with -nya opens a clause, it names no one.
    return word.rstrip(".") in _SKIP_IN_NAME or (len(word) > 6 and word.endswith("nya"))


def name_in_run(
    words: list[tuple[int, int, str]], *, known_words: frozenset[str], site_words: frozenset[str] = frozenset()
) -> tuple[int, int] | None:
    """The person's name at the end of a capitalised run, without its role, rank or office words."""
    # Names follow their role ("Kepala Kantor Imigrasi X Budi"), so the name starts after the last word
    # that belongs to a role, rank, office or place.
    i = len(words)
    while i > 0 and not _not_name(words[i - 1][2]):
        i -= 1
    # Place and office words before the name ("Imigrasi Tanjungpinang Budi") go too; words of sites that
    # no gazetteer confirms ("Pasar X Budi") may have swallowed the name itself, so the last word stays.
    while i < len(words) and words[i][2] in known_words:
        i += 1
    while i < len(words) - 1 and words[i][2] in site_words:
        i += 1
    rest = words[i:]
    if not rest:
        return None
    return rest[0][0], rest[-1][1]


# The longest a person's name may be (characters), for looking one up by where it ends.
_NAME_REACH = 200
_BIG = 2**63  # sorts after every offset: (char, _BIG) follows every entity that starts at char


@dataclass(frozen=True)
class DocIndex:
    """Entity look-ups by character offset for one doc."""

    persons: list[tuple[int, int, str]]  # start, end, full name
    agencies: list[tuple[int, int, str]]  # start, end, canonical name
    known_words: frozenset[str]  # words of agency canonical names and gazetteer places: never a name
    site_words: frozenset[str]  # words of other places (sites): a name swallowed by them is possible
    dates: tuple[tuple[int, int], ...] = ()  # start, end of the DATE entities
    titles: tuple[tuple[str, str], ...] = ()  # full name, the role the text gives the person

    # Range look-ups by bisection over the entities in text order (doc.ents is sorted and does not overlap):
    # a long document asks them once per word of each attribution.
    def persons_within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        i = bisect.bisect_left(self.persons, (start,))
        out = []
        while i < len(self.persons) and self.persons[i][0] < end:
            if self.persons[i][1] <= end:
                out.append(self.persons[i])
            i += 1
        return out

    def agencies_over(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The agencies that share a character with [start, end), in text order."""
        j = bisect.bisect_left(self.agencies, (end,))  # agencies from j on start at or after ``end``
        i = j
        while i > 0 and self.agencies[i - 1][1] > start:
            i -= 1
        return [a for a in self.agencies[i:j] if start < a[1]]

    def person_at(self, char: int) -> tuple[int, int, str] | None:
        i = bisect.bisect_right(self.persons, (char, _BIG)) - 1
        return self.persons[i] if i >= 0 and self.persons[i][0] <= char < self.persons[i][1] else None

    def in_date(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.dates, (start, _BIG)) - 1
        return i >= 0 and self.dates[i][0] <= start and end <= self.dates[i][1]


def index_doc(doc: Doc) -> DocIndex:
    persons: list[tuple[int, int, str]] = []
    agencies: list[tuple[int, int, str]] = []
    known: set[str] = set()
    sites: set[str] = set()
    dates: list[tuple[int, int]] = []
    titles: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            persons.append((ent.start_char, ent.end_char, str(ent._.canonical or ent.text)))
            if ent._.title:
                titles.setdefault(str(ent._.canonical or ent.text), str(ent._.title))
        elif ent.label_ == "AGENCY":
            canonical = str(ent._.canonical or ent.text)
            agencies.append((ent.start_char, ent.end_char, canonical))
            known.update(canonical.split())
        elif ent.label_ == "PLACE":
            (known if ent._.region_code else sites).update(ent.text.split())
        elif ent.label_ == "DATE":
            dates.append((ent.start_char, ent.end_char))
    return DocIndex(persons, agencies, frozenset(known), frozenset(sites - known), tuple(dates), tuple(titles.items()))


def role_holder(text: str, m: Mention, index: DocIndex) -> str | None:
    """The one person of the document whose role a bare role names ("Sekda menegaskan ..." after "Sekda
    Kabupaten X, Budi Santoso, ..."): the role's words all in their title, and nobody else's."""
    role = [w for w in text[m.start : m.end].split() if w not in speech.ADVERBS]
    if not role:
        return None
    holders = {name for name, title in index.titles if role[0] == title.split()[0] and set(role) <= set(title.split())}
    return next(iter(holders)) if len(holders) == 1 else None


def _person_in(index: DocIndex, start: int, end: int) -> Mention | None:
    inside = index.persons_within(start, end)
    if inside:
        s, e, name = inside[-1]
        return Mention(s, e, "person", name)
    return None


def _agency_in(index: DocIndex, start: int, end: int) -> Mention | None:
    inside = index.agencies_over(start, end)
    if inside:
        s, e, name = inside[-1]
        return Mention(max(s, start), min(e, end), "agency", name)
    return None


def mention_in_phrase(text: str, start: int, end: int, index: DocIndex) -> Mention | None:
    """The speaker named by a phrase such as "Kepala Dinas X, Budi Santoso" or "dia"."""
    words = _words(text, start, end)
    if not words:
        return None
    s0, e0, w0 = words[0]
    if w0 in speech.PRONOUNS:
        return Mention(s0, e0, "pronoun", None)
    person = _person_in(index, start, end)
    if person is not None:
        return person
    # The name is the last comma-separated part that holds one: "Kakanwil X, Andi Wijaya".
    parts: list[list[tuple[int, int, str]]] = [[]]
    for w in words:
        parts[-1].append(w)
        if text[w[1] : w[1] + 1] == ",":
            parts.append([])
    for part in reversed([p for p in parts if p]):
        span = name_in_run(part, known_words=index.known_words, site_words=index.site_words)
        if span is not None:
            return Mention(span[0], span[1], "person", text[span[0] : span[1]])
    agency = _agency_in(index, start, end)
    if agency is not None and not any(w[2] in ROLE_HEADS for w in words):
        return agency
    return Mention(s0, words[-1][1], "role", None)


def phrase_after(text: str, pos: int) -> tuple[int, int]:
    """The speaker phrase that follows a cue: capitalised words, commas between appositions, up to a stop."""
    end = pos
    for m in _WORD_RE.finditer(text, pos):
        gap = text[end : m.start()]
        word = m.group()
        if "\n" in gap or any(c in gap for c in '.;:!?"“”') or ("(" in gap and not _is_cap(word)):
            break
        if end == pos and word in speech.PRONOUNS:
            return m.start(), m.end()
        if word in speech.SPEAKER_STOP_WORDS or not (_is_cap(word) or word[0].isdigit()):
            if word in _APPOSITION_LINKS or word == "dan" and _is_cap(text[m.end() + 1 : m.end() + 2]):
                end = m.end()
                continue
            break
        if "," in gap and _is_day_or_date(word):
            break
        end = m.end() if not word.endswith(".") or word.rstrip(".") in _SKIP_IN_NAME else m.end() - 1
    start = pos + len(text[pos:end]) - len(text[pos:end].lstrip(" \t,"))
    return start, end


_DAYS = WEEKDAY_WORDS


def _is_day_or_date(word: str) -> bool:
    return word in _DAYS or word[0].isdigit()


# Words of a time adjunct between a subject and its verb ("Budi di Garut, Selasa (3/9) pagi, mengatakan").
_TIME_WORDS = frozenset({*WEEKDAYS, *MONTHS, *TIMES_OF_DAY, "lalu", "kemarin", "tadi", "WIB", "WITA", "WIT"})
# Prepositions of a place adjunct there ("Budi di Tarogong mengatakan"): the place is no subject.
_PLACE_PREPOSITIONS = frozenset({"di", "dari", "ke"})


# Passives of meeting or reaching the speaker, which open an adjunct before the verb ("Budi, saat
# dihubungi, mengatakan"); such an adjunct is short.
_MEETING_PARTICIPLES = word_set("speech", "meeting_participles.txt")
_MAX_MEETING_WORDS = 6


def _strip_adjuncts(
    text: str, words: list[tuple[int, int, str]], pos: int, index: DocIndex
) -> list[tuple[int, int, str]]:
    """``words`` (those before a verb at ``pos``) without the time and place adjuncts that end them: a date,
    a weekday, a clock time, and a capitalised run after "di"/"dari"/"ke" before such a time ("Budi di
    Garut, Selasa, mengatakan"; otherwise the run may end in the name: "pedagang di Pasar Baru Warsini
    mengatakan", "Manajer Pasar dari Perumda X, Yusuf, mengatakan"), which stand between a speaker and
    the verb."""
    words = list(words)
    timed = False
    while words:
        s, e, w = words[-1]
        if w[0].isdigit() or w.casefold() in _TIME_WORDS or index.in_date(s, e):
            words.pop()
            timed = True
            continue
        k = len(words)
        while k > 0 and _is_cap(words[k - 1][2]):
            k -= 1
        named = index.person_at(words[-1][0]) is not None
        if 0 < k < len(words) and words[k - 1][2] in _PLACE_PREPOSITIONS and timed and not named:
            del words[k - 1 :]
            continue
        # "Budi, yang ditemui usai acara, menjelaskan": how the reporter met the speaker
        j = len(words)
        while j > 0 and not _is_cap(words[j - 1][2]):
            j -= 1
        tail = {w for _, _, w in words[j:]}
        if j > 0 and 0 < len(words) - j <= _MAX_MEETING_WORDS and tail & _MEETING_PARTICIPLES:
            del words[j:]
            continue
        break
    return words


def subject_before(text: str, pos: int, floor: int, index: DocIndex) -> Mention | None:
    """The subject of a speech verb at ``pos``: "Kepala X, Budi Santoso, (juga) mengatakan"."""
    words = _words(text, floor, pos)
    while words and words[-1][2] in speech.ADVERBS:
        words.pop()
    stripped = _strip_adjuncts(text, words, pos, index)
    if stripped and len(stripped) < len(words):
        words = stripped
        while words and words[-1][2] in speech.ADVERBS:
            words.pop()
    if not words:
        return None
    s, e, w = words[-1]
    if w in speech.PRONOUNS:
        return Mention(s, e, "pronoun", None)
    person = next(
        (p for p in reversed(index.persons_within(max(floor, e - _NAME_REACH), e + 2)) if abs(p[1] - e) <= 2), None
    )
    if person is not None:
        return Mention(person[0], person[1], "person", person[2])
    # Walk back over the capitalised run, and over "selaku <role>" to the name before it.
    run: list[tuple[int, int, str]] = []
    i = len(words) - 1
    while i >= 0:
        ws, we, word = words[i]
        if _is_cap(word) or word in {"dan"} and run:
            run.insert(0, words[i])
        elif word in _APPOSITION_LINKS and run:
            run = []
        else:
            break
        i -= 1
        if i >= 0 and "," in text[words[i][1] : words[i + 1][0]] and run:
            span = name_in_run(run, known_words=index.known_words, site_words=index.site_words)
            if span is not None:
                return Mention(span[0], span[1], "person", text[span[0] : span[1]])
            run = []
    if run:
        span = name_in_run(run, known_words=index.known_words, site_words=index.site_words)
        if span is not None:
            return Mention(span[0], span[1], "person", text[span[0] : span[1]])
    agency = _agency_in(index, words[max(0, i)][0], e)
    if agency is not None:
        return agency
    # a bare role ("Dalam sambutannya, Sekda menegaskan ..."): whoever holds it, if the text says
    k = len(words)
    while k > 0 and _is_cap(words[k - 1][2]):
        k -= 1
    if k < len(words) and words[k][2] in ROLE_HEADS:
        return Mention(words[k][0], e, "role", None)
    return None


# --- cues ---------------------------------------------------------------------------------------


_TAIL_NAME_RE = regex.compile(
    r"[^.\n\"“”]{0,80}?,[ ]*(?P<name>\p{Lu}[\p{L}'’-]*(?:[ ]\p{Lu}[\p{L}'’-]*){0,3})[ ]*(?:[.]|$)"
)


def post_cue(text: str, close_end: int, index: DocIndex) -> tuple[CharSpan, Mention | None, int] | None:
    """The attribution right after a closing mark: '," kata Budi', '," ujarnya'. Returns cue, mention, end."""
    line_end = text.find("\n", close_end)
    line_end = len(text) if line_end < 0 else line_end
    m = speech.POST_CUE_RE.match(text, close_end, line_end)
    if m is None:
        return None
    cue: CharSpan = {"start": m.start("cue"), "end": m.end("cue")}
    if m.group("nya"):
        return cue, Mention(m.start("nya"), m.end("nya"), "pronoun", None), m.end()
    start, end = phrase_after(text, m.end())
    if end <= start:
        # '," tutur pedagang di Pasar X, Wagiman.': a lower-case role first, the name last.
        tail = _TAIL_NAME_RE.match(text, m.end(), line_end)
        if tail is None:
            return cue, None, m.end()
        start, end = tail.start("name"), tail.end("name")
    return cue, mention_in_phrase(text, start, end, index), end


def pre_cue(text: str, open_at: int, index: DocIndex) -> tuple[CharSpan, Mention | None] | None:
    """An attribution just before an opening mark: 'Budi menjelaskan, "'."""
    line_start = text.rfind("\n", 0, open_at) + 1
    prefix = text[line_start:open_at]
    stripped = prefix.rstrip(" \t,:")
    verbs = list(speech.VERB_RE.finditer(stripped))
    if not verbs or verbs[-1].end() != len(stripped):
        return None
    v = verbs[-1]
    cue: CharSpan = {"start": line_start + v.start(), "end": line_start + v.end()}
    floor = _clause_floor(text, line_start, cue["start"])
    return cue, subject_before(text, cue["start"], floor, index)


def _clause_floor(text: str, line_start: int, pos: int) -> int:
    """Start of the sentence holding ``pos`` within its paragraph (after the last '. ' before it)."""
    cut = max(text.rfind(". ", line_start, pos), text.rfind("? ", line_start, pos), text.rfind("! ", line_start, pos))
    return line_start if cut < 0 else cut + 2


# --- the whole doc ------------------------------------------------------------------------------


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    out: list[tuple[int, int]] = []
    pos = 0
    for line in doc_text(doc).split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _excluded(doc: Doc, start: int, end: int) -> bool:
    return in_skipped_zone(doc, start, end) or in_skipped_zone(doc, start, end, frozenset({"headline", "dateline"}))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and (text[end - 1].isspace()):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _word_count(text: str) -> int:
    return len(_WORD_RE.findall(text))


def _looks_like_speech(text: str, start: int, end: int, q: DirectQuote, *, min_words: int) -> bool:
    """An unattributed quotation counts when it is a sentence: long enough, and ending like one."""
    if _word_count(text[start:end]) < min_words:
        return False
    line_end = text.find("\n", q.close_end)
    rest = text[q.close_end : len(text) if line_end < 0 else line_end]
    return not q.closed or text[end - 1] in ".,!?…" or rest.strip() == ""


def direct_quotes(doc: Doc, index: DocIndex, *, min_words: int) -> list[Found]:
    text = doc_text(doc)
    raw = find_direct_quotes(text)
    found: list[Found] = []
    i = 0
    while i < len(raw):
        q = raw[i]
        i += 1
        if _excluded(doc, q.open_at, q.end):
            continue
        cue: CharSpan | None = None
        mention: Mention | None = None
        end = q.end
        post = post_cue(text, q.close_end, index) if q.closed else None
        if post is not None:
            cue, mention, after = post
            # '"A," kata Budi, "B."': the second part continues the same utterance.
            if i < len(raw) and text[after : raw[i].open_at].strip(" \t,") == "":
                end = raw[i].end
                i += 1
        else:
            pre = pre_cue(text, q.open_at, index)
            if pre is not None:
                cue, mention = pre
        start, end = _trim(text, q.start, end)
        if cue is None and not _looks_like_speech(text, start, end, q, min_words=min_words):
            continue  # a title or a scare-quoted term, not speech
        if end > start:
            found.append(Found(start, end, True, cue, mention))
    return found


def _cover_test(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether a position lies inside one of ``spans`` (they may overlap), by bisection."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))  # the furthest end among the first i + 1

    def covered(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and reach[i] > pos

    return covered


def reported_quotes(doc: Doc, index: DocIndex, direct: list[Found], *, min_words: int) -> list[Found]:
    text = doc_text(doc)
    inside_quote = _cover_test([(q.start - 1, q.end + 1) for q in direct])

    out: list[Found] = []
    for s_start, s_end in _sentences(doc):
        if _excluded(doc, s_start, s_start + 1) or inside_quote(s_start + 1) and inside_quote(s_end - 2):
            continue
        # A sentence may run into furniture glued to the paragraph ("... luar negeri.(abc)").
        cuts = [z["start"] for z in zones_over(doc, s_start, s_end) if z["kind"] != "body"]
        s_end = min([s_end] + [c for c in cuts if s_start < c < s_end])
        sent = text[s_start:s_end]
        hit = _reported_in_sentence(text, s_start, s_end, sent, index, inside_quote)
        if hit is None:
            continue
        content_start, cue, mention = hit
        content_start, content_end = _trim(text, content_start, s_end)
        # A quotation mark opening the content makes it a direct quote, found already.
        cut = next((k for k in range(content_start, content_end) if _mark_at(text, k)), content_end)
        content_end = _trim(text, content_start, cut)[1]
        if _word_count(text[content_start:content_end]) < min_words:
            continue
        out.append(Found(content_start, content_end, False, cue, mention))
    return out


_CONTENT_CUE = regex.compile(r"[,:]|bahwa")


def _reported_in_sentence(
    text: str, s_start: int, s_end: int, sent: str, index: DocIndex, inside_quote: Callable[[int], bool]
) -> tuple[int, CharSpan, Mention | None] | None:
    m = speech.MENURUT_RE.search(sent)
    if m is None:
        m = speech.PASSIVE_RE.search(sent)
    if m is None:
        m = speech.LEAD_NYA_RE.match(sent)
    if m is not None and not inside_quote(s_start + m.start()):
        cue: CharSpan = {"start": s_start + m.start("cue"), "end": s_start + m.end("cue")}
        if m.groupdict().get("nya"):
            mention: Mention | None = Mention(s_start + m.start("nya"), s_start + m.end("nya"), "pronoun", None)
        else:
            who_s, who_e = s_start + m.start("who"), s_start + m.end("who")
            if not (_is_cap(text[who_s]) or text[who_s:who_e] in speech.PRONOUNS):
                mention = None
            else:
                mention = mention_in_phrase(text, who_s, who_e, index)
        if mention is not None:
            before = sent[: m.start()].rstrip()
            if before.endswith(",") and m.group("cue") == "menurut":
                # "Apabila ..., menurut dia, Kantor X akan ...": the statement is the whole sentence
                return s_start + len(sent) - len(sent.lstrip()), cue, mention
            return s_start + m.end(), cue, mention
    for m in speech.MID_KATA_RE.finditer(sent):
        before = sent[: m.start()].rstrip()
        who_s, who_e = s_start + m.start("who"), s_start + m.end("who")
        if not before or _mark_at(before, len(before) - 1) or inside_quote(s_start + m.start()):
            continue
        # "..., lanjut Hendra, ...": a parenthetical attribution stands between commas ("Singkat cerita,
        # ..." is an idiom); "kata", "ujar" and "menurut" also attribute without the first one.
        if before[-1] != "," and m.group("cue") not in speech.BARE_MID_CUES:
            continue
        if not (_is_cap(text[who_s]) or text[who_s:who_e] in speech.PRONOUNS):
            continue
        # "Petugas imigrasi, kata Budi, ...": the statement is the whole clause around the cue.
        clause = max(before.rfind(". "), max((before.rfind(q) for q in (*speech.QUOTE_CHARS, "''")), default=-1))
        mention = mention_in_phrase(text, who_s, who_e, index)
        cue = {"start": s_start + m.start("cue"), "end": s_start + m.end("cue")}
        return s_start + clause + 1 + (clause >= 0), cue, mention
    for v in speech.VERB_RE.finditer(sent):
        pos = s_start + v.start()
        if inside_quote(pos):
            continue
        verb = v.group("cue")
        rest = speech.BAHWA_RE.match(text, s_start + v.end(), s_end)
        assert rest is not None
        if verb in speech.WEAK_VERBS and not _CONTENT_CUE.search(text[s_start + v.end() : rest.end()]):
            continue
        subject = subject_before(text, pos, s_start, index)
        if subject is not None and subject.kind == "role":
            holder = role_holder(text, subject, index)
            subject = None if holder is None else Mention(subject.start, subject.end, "person", holder)
        if subject is None:
            continue
        return rest.end(), {"start": pos, "end": s_start + v.end()}, subject
    return None


_ACTIVE_VERB_RE = regex.compile(r"(?<=[\p{L}.,][ ]+)(?:me|ber)\p{Ll}{3,}(?![\p{L}])")


def clause_subjects(text: str, index: DocIndex) -> list[tuple[int, str]]:
    """Names that open a clause with an active verb ("Kepala Desa X, Budi, menyambut baik ...").

    They introduce whoever an unattributed quotation that follows belongs to, when the person tagger
    has not found them.
    """
    out: list[tuple[int, str]] = []
    for v in _ACTIVE_VERB_RE.finditer(text):
        floor = max(text.rfind("\n", 0, v.start()), text.rfind(". ", 0, v.start())) + 1
        m = subject_before(text, v.start(), floor, index)
        if m is not None and m.kind == "person" and m.name and index.person_at(m.start) is None:
            out.append((m.start, m.name))
    return out


# The press names victims and suspects by their initials ("berinisial YK"); such a person is spoken of,
# so a pronoun cue does not go back to them (they speak when a cue names them: '," kata YK').
_INITIALS = regex.compile(r"\p{Lu}{1,3}(?:\.?[ ]?\p{Lu}{1,3})*\.?")


def _initials(name: str) -> bool:
    return bool(_INITIALS.fullmatch(name))


def resolve_speakers(text: str, found: list[Found], index: DocIndex) -> list[QuoteDict]:
    """Give every quote its speaker: names to their first full form, pronouns and gaps to the last speaker."""
    names: list[tuple[int, str]] = sorted(
        {(p[0], p[2]) for p in index.persons}
        | {
            (f.mention.start, f.mention.name)
            for f in found
            if f.mention and f.mention.kind == "person" and f.mention.name
        }
        | set(clause_subjects(text, index))
    )

    full_of: dict[str, str] = {}

    def full(name: str) -> str:
        # memoised: a long document names the same few people again and again
        if name not in full_of:
            key = name.split()
            full_of[name] = next(
                (
                    cand
                    for _, cand in names
                    if len(ws := cand.split()) > len(key)
                    and any(ws[k : k + len(key)] == key for k in range(len(ws) - len(key) + 1))
                ),
                name,
            )
        return full_of[name]

    # A person named inside what someone says ("... C tidak dapat menunjukkan dokumen," ujarnya) is
    # spoken about: "ujarnya" and "ia" point back at whoever speaks, never into a quotation.
    spoken_about = _cover_test([(f.start, f.end) for f in found])

    name_starts = [p for p, _ in names]

    def last_person(before: int, after: int = -1) -> tuple[int, str] | None:
        # walk back from the last name before ``before``: the nearest one that qualifies
        i = bisect.bisect_left(name_starts, before) - 1
        while i >= 0 and names[i][0] > after:
            p, n = names[i]
            if not spoken_about(p) and not _initials(n):
                return names[i]
            i -= 1
        return None

    out: list[QuoteDict] = []
    last: tuple[int, str] | None = None  # position and name of the latest speaker
    last_named: tuple[int, str] | None = None  # the same, of the latest one not known by initials only
    found = sorted(found, key=lambda f: f.start)
    for f in found:
        m = f.mention
        speaker: SpeakerDict | None = None
        if m is not None and m.kind == "person" and m.name:
            speaker = {"start": m.start, "end": m.end, "name": full(m.name)}
        elif m is not None and m.kind == "agency" and m.name:
            speaker = {"start": m.start, "end": m.end, "name": m.name}
        else:
            anchor = min(f.start, m.start) if m is not None else f.start
            # Someone named in the same paragraph since the last speaker is who "ia", "ujarnya" or an
            # unattributed quotation points at ("Kepala Desa X menyambut baik ... Ia berharap ...").
            # A quotation with no cue at all may follow the paragraph that introduces its speaker.
            near = anchor - 400 if m is None else text.rfind("\n", 0, anchor)
            floor = max(near, last[0] if last is not None else -1)
            previous = last if last is None or not _initials(last[1]) else last_named
            chosen = last_person(anchor, floor) or previous or last_person(anchor)
            if chosen is None:
                # Nobody named yet (a lead "Menurutnya, ..."): the first speaker named after it.
                chosen = next(
                    (
                        (g.mention.start, g.mention.name)
                        for g in found
                        if g.mention and g.mention.name and g.mention.kind == "person" and g.mention.start > anchor
                    ),
                    None,
                )
            if chosen is not None:
                s, e = (m.start, m.end) if m is not None else (chosen[0], chosen[0] + len(chosen[1]))
                speaker = {"start": s, "end": e, "name": full(chosen[1])}
        if speaker is not None:
            last = (max(speaker["start"], f.start if m is None else speaker["start"]), speaker["name"])
            if not _initials(speaker["name"]):
                last_named = last
        out.append({"start": f.start, "end": f.end, "direct": f.direct, "cue": f.cue, "speaker": speaker})
    return out


def find_quotes(doc: Doc, *, min_direct_words: int = 4, min_reported_words: int = 3) -> list[QuoteDict]:
    """Direct and reported quotes of ``doc`` in text order, speakers resolved (see module docstring)."""
    index = index_doc(doc)
    direct = direct_quotes(doc, index, min_words=min_direct_words)
    reported = reported_quotes(doc, index, direct, min_words=min_reported_words)
    return resolve_speakers(doc_text(doc), direct + reported, index)


class QuoteFinder:
    """Stores ``doc._.quotes``."""

    def __init__(self, nlp: Language, name: str, *, min_direct_words: int, min_reported_words: int) -> None:
        register_extensions()
        self.name = name
        self.min_direct_words = min_direct_words
        self.min_reported_words = min_reported_words

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(
            doc, min_direct_words=self.min_direct_words, min_reported_words=self.min_reported_words
        )
        return doc


@Language.factory(
    "tppo_quotes",
    assigns=["doc._.quotes"],
    requires=["doc.ents"],
    default_config={"min_direct_words": 4, "min_reported_words": 3},
)
def make_quotes(nlp: Language, name: str, min_direct_words: int, min_reported_words: int) -> QuoteFinder:
    return QuoteFinder(nlp, name, min_direct_words=min_direct_words, min_reported_words=min_reported_words)

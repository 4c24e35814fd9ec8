"""The ``tppo_actions`` stage: typed anti-trafficking actions with actor, place, date, count and status.

Triggers come from ``resources/actions/triggers.jsonl`` (patterns over affixed Indonesian forms); the
arguments are attached from the entity stages' spans; ``doc._.relevant`` tells whether the article is on topic.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..constants import ACTION_TYPES, PLACE_LEVELS
from ..errors import ConfigError, ResourceError
from ..extensions import register_extensions
from ..lang.calendar import NUMBER_WORDS
from ..lang.morphology import affixed_forms, forms_regex
from ..spans import SKIP_KINDS, doc_text, ents, frozen_ents, in_skipped_zone, load_rows, save_rows
from ..types import ActionDict, CharSpan, DateRefDict

MAX_EVIDENCE = 600  # characters; the scorer ignores longer evidence
# Zones whose text reports no action of its own: furniture, and the headline that the body repeats.
NO_ACTION_KINDS: frozenset[str] = SKIP_KINDS | {"headline", "dateline"}

# --------------------------------------------------------------------------------------------------
# Resources


class TriggerRule(BaseModel):
    """One line of ``triggers.jsonl``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: str
    pattern: str = Field(min_length=1)
    weight: float = Field(gt=0.0, le=1.0)
    context: str | None = None  # regex that must occur in the sentence
    exclude: str | None = None  # regex that must not occur around the trigger (30 characters each side)
    # a bare noun naming a standing thing ("Desa Binaan", "MoU"): it joins a record of its type already
    # found instead of opening a new one, and is skipped as the object of another trigger
    mention: bool = False

    @field_validator("type")
    @classmethod
    def _known_type(cls, v: str) -> str:
        if v not in ACTION_TYPES:
            raise ValueError(f"unknown action type {v!r}; use one of {ACTION_TYPES}")
        return v


class TopicRule(BaseModel):
    """One line of ``topics.jsonl``: a keyword of the TPPO topic and how much one mention weighs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    pattern: str = Field(min_length=1)
    weight: float = Field(gt=0.0)


@dataclass(frozen=True)
class CompiledRule:
    rule: TriggerRule
    regex: regex.Pattern[str]
    context: regex.Pattern[str] | None
    exclude: regex.Pattern[str] | None
    # the words a match begins with (None: not known), to skip the rules a document cannot trigger
    first: frozenset[str] | None = None


def _read_jsonl(name: str) -> list[dict[str, object]]:
    res = f"actions/{name}"
    try:
        text = (
            resources.files("tppo_extract").joinpath("resources").joinpath("actions").joinpath(name).read_text("utf-8")
        )
    except OSError as exc:
        raise ResourceError(res, f"cannot read: {exc}") from exc
    rows: list[dict[str, object]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ResourceError(res, f"line {n} is not JSON: {exc}") from exc
        if not isinstance(row, dict):
            raise ResourceError(res, f"line {n} is not a JSON object")
        rows.append(row)
    return rows


def _split_pattern(pattern: str) -> list[str]:
    """Split a trigger pattern on the spaces outside brackets (a group may hold spaces)."""
    parts: list[str] = []
    depth = 0
    cur: list[str] = []
    for ch in pattern:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == " " and depth == 0:
            if cur:
                parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if cur:
        parts.append("".join(cur))
    return parts


_ROOT_RE = regex.compile(r"\{(\w+)\}")
# "..." in a pattern: up to three words in between, none of them ending the sentence.
_GAP = r"\s+(?:[^\s.;!?]+\s+){0,3}?"


def compile_pattern(pattern: str) -> regex.Pattern[str]:
    """Compile a trigger pattern: words joined by whitespace, ``{root}`` = any affixed form of the root,
    ``...`` = a gap of up to three words, anything else a case-insensitive regex fragment."""
    out: list[str] = []
    gap = False
    for part in _split_pattern(pattern):
        if part == "...":
            gap = True
            continue
        frag = _ROOT_RE.sub(lambda m: forms_regex(m.group(1)), part).replace(" ", r"\s+")
        if out:
            out.append(_GAP if gap else r"\s+")
        out.append(frag)
        gap = False
    try:
        return regex.compile(r"(?<!\w)(?:" + "".join(out) + r")(?!\w)", regex.IGNORECASE)
    except regex.error as exc:
        raise ResourceError("actions/triggers.jsonl", f"bad pattern {pattern!r}: {exc}") from exc


_ASCII_WORD = regex.compile(r"[a-z]+")
_WORD_CHOICE = regex.compile(r"(?:\(\?:([a-z]+(?:\|[a-z]+)+)\)|([a-z]+))(?:\(\?:([a-z]+)\)\?)?")


def first_words(pattern: str) -> frozenset[str] | None:
    """The words that a match of the trigger ``pattern`` can begin with (lower case), or None when its
    first part is a regex fragment. A part is ``{root}`` (its affixed forms) or a plain word; between the
    pattern's word boundaries, either matches only a whole word."""
    parts = _split_pattern(pattern)
    if not parts:
        return None
    head = parts[0].lower()
    root = _ROOT_RE.fullmatch(head)
    if root:
        return frozenset(affixed_forms(root.group(1)))
    if _ASCII_WORD.fullmatch(head):
        return frozenset({head})
    alts = _WORD_CHOICE.fullmatch(head)  # "(?:menahan|ditahan)", "keberangkatan(?:nya)?"
    if alts:
        words = alts.group(1).split("|") if alts.group(1) else [alts.group(2)]
        return frozenset(w + suffix for w in words for suffix in (("", alts.group(3)) if alts.group(3) else ("",)))
    return None


def compile_rule(rule: TriggerRule) -> CompiledRule:
    """A trigger rule with its patterns compiled (a bad pattern raises ResourceError naming it)."""
    return CompiledRule(
        rule=rule,
        regex=compile_pattern(rule.pattern),
        context=regex.compile(rule.context, regex.IGNORECASE) if rule.context else None,
        exclude=regex.compile(rule.exclude, regex.IGNORECASE) if rule.exclude else None,
        first=first_words(rule.pattern),
    )


@functools.cache
def _compiled_rules() -> tuple[CompiledRule, ...]:
    out: list[CompiledRule] = []
    for n, row in enumerate(_read_jsonl("triggers.jsonl"), 1):
        try:
            rule = TriggerRule.model_validate(row)
        except ValidationError as exc:
            raise ResourceError("actions/triggers.jsonl", f"line {n}: {exc}") from exc
        out.append(compile_rule(rule))
    return tuple(out)


def load_triggers() -> list[TriggerRule]:
    """The trigger lexicon (validated; a fresh list each call)."""
    return [c.rule for c in _compiled_rules()]


@functools.cache
def _compiled_topics() -> tuple[tuple[regex.Pattern[str], float], ...]:
    out: list[tuple[regex.Pattern[str], float]] = []
    for n, row in enumerate(_read_jsonl("topics.jsonl"), 1):
        try:
            rule = TopicRule.model_validate(row)
        except ValidationError as exc:
            raise ResourceError("actions/topics.jsonl", f"line {n}: {exc}") from exc
        pat = regex.compile(r"(?<!\w)(?:" + rule.pattern + r")(?!\w)", regex.IGNORECASE)
        out.append((pat, rule.weight))
    return tuple(out)


# --------------------------------------------------------------------------------------------------
# Topic

TOPIC_THRESHOLD = 4.0
# A keyword counts at most this many times: one term repeated all through an article is still one signal.
_TOPIC_CAP = 3


def topic_score(text: str) -> float:
    """Weighted count of TPPO / non-procedural migration keywords in ``text`` (each capped at 3 hits)."""
    return sum(w * min(_TOPIC_CAP, len(p.findall(text))) for p, w in _compiled_topics())


def is_on_topic(text: str, *, threshold: float = TOPIC_THRESHOLD) -> bool:
    """True when ``text`` is about trafficking or non-procedural migrant work."""
    return topic_score(text) >= threshold


# --------------------------------------------------------------------------------------------------
# Sentences and paragraphs

_FALLBACK_SENT = regex.compile(r"[^\n]+?(?:[.!?](?=\s+[\"“'(]?[A-Z0-9])|$)", regex.MULTILINE)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character bounds of the sentences, from ``doc.sents`` or, when no sentencizer ran, a plain split."""
    if doc.has_annotation("SENT_START"):
        out = []
        for s in doc.sents:
            text = s.text
            lead = len(text) - len(text.lstrip())
            out.append((s.start_char + lead, s.start_char + len(text.rstrip())))
        return [(a, b) for a, b in out if b > a]
    spans: list[tuple[int, int]] = []
    for m in _FALLBACK_SENT.finditer(doc_text(doc)):
        a, b = m.start(), m.end()
        seg = doc_text(doc)[a:b]
        a += len(seg) - len(seg.lstrip())
        if b > a:
            spans.append((a, b))
    return spans


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Character bounds of the lines of ``text``: news paragraphs are one line each."""
    return [(m.start(), m.end()) for m in regex.finditer(r"[^\n]+", text)]


def _index_of(bounds: Sequence[tuple[int, int]], char: int) -> int:
    for i, (a, b) in enumerate(bounds):
        if a <= char < b:
            return i
    return -1


# --------------------------------------------------------------------------------------------------
# Triggers

# "CPMI yang digagalkan ...", "Selain penyuluhan, ...": the act is referred to, not reported anew
_RELATIVE = regex.compile(
    r"\b(?:yang\s+(?:telah\s+|sudah\s+)?|selain\s+(?:melakukan\s+|kegiatan\s+)?)$", regex.IGNORECASE
)
# "sosialisasi tersebut", "rakor ini", "terhadap ketiga WNI tersebut": the text points back at an act
_ANAPHOR = regex.compile(r"(?:\s+[^\s.,;]+){0,3}?\s+(?:ini|tersebut|itu)\b", regex.IGNORECASE)


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
    words = {w.lower() for s in sentences for w in _DOC_WORD.findall(s)}
    if not all(w.isascii() for w in words):
        return None
    rules = _compiled_rules() if table is None else table
    return frozenset(i for i, c in enumerate(rules) if c.first is None or not c.first.isdisjoint(words))


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
    for i, c in enumerate(_compiled_rules() if table is None else table):
        if rules is not None and i not in rules:
            continue
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
        if _RELATIVE.search(text, max(s0, t.start - 8), t.start) or _ANAPHOR.match(text, t.end, min(s1, t.end + 30))
        else t
        for t in kept
    ]
    # "sosialisasi Desa Binaan Imigrasi": a bare mention right after another trigger is its object
    return [t for t in kept if not (t.mention and any(0 <= t.start - k.end <= 2 and k.type != t.type for k in kept))]


# --------------------------------------------------------------------------------------------------
# Status, genericity, count

_PLANNED_NEAR = regex.compile(
    r"\b(?:akan|berencana|direncanakan|merencanakan|rencananya|menargetkan|ditargetkan|targetkan|segera|bakal)\b",
    regex.IGNORECASE,
)
_PLANNED_SENT = regex.compile(r"\b(?:ke\s*depan(?:nya)?|rencananya|tahun depan|mendatang)\b", regex.IGNORECASE)
_NEGATED = regex.compile(
    r"\b(?:belum|tidak|tak|bukan)\b(?!\s+(?:hanya|sekadar|sekedar|cuma|saja|lain|terkecuali|sedikit|jarang))",
    regex.IGNORECASE,
)
# Duties, conditions and wishes: "berkomitmen", "Jika perlu, dilakukan ...", "harus dilakukan".
_GENERIC = regex.compile(
    r"\b(?:berkomitmen|komitmen untuk|harus|perlu|wajib|jika|apabila|bila|diharapkan|hendaknya|sebaiknya|"
    r"semestinya|seharusnya|mampu|perlunya|kewajiban|pentingnya)\b",
    regex.IGNORECASE,
)
# The action as the subject of a copula: "Pemeriksaan keimigrasian menjadi hal yang penting".
_COPULA_AFTER = regex.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:juga\s+)?(?:menjadi|merupakan|adalah|ialah|(?:sangat\s+)?penting)\b", regex.IGNORECASE
)
# What an appeal asks the public to do is not the agency's act: "mengimbau masyarakat untuk memeriksa ...".
# A purpose is not an act either: "Kegiatan ini bertujuan memperkuat ... jangkauan sosialisasi".
_ADVICE = regex.compile(
    r"\b(?:mengimbau|imbauan|menghimbau|mengajak|meminta|agar|supaya|bertujuan|tujuan|tujuannya|guna)\b",
    regex.IGNORECASE,
)
# A procedure, a role or a frame names a kind of act, not an occasion of it: "cara memeriksa legalitas",
# "syarat penundaan", "bertugas mendampingi", "wadah kolaborasi", "bagian dari pengawasan".
_PROCEDURE = regex.compile(
    r"\b(?:(?:tata\s+)?cara|syarat|prosedur|mekanisme|alur|bertugas|tugasnya|wadah|forum|sarana|"
    r"bagian\s+dari)\s+$",
    regex.IGNORECASE,
)
# Conditions and asides: "Jika perlu, ...", "Yang mana imigrasi membentuk ... agar ...".
_CONDITIONAL_START = regex.compile(r"^\W*(?:jika|apabila|bila|kalau|seandainya|yang mana)\b", regex.IGNORECASE)


def _clause_before(text: str, lo: int, hi: int) -> str:
    """``text[lo:hi]`` from its last clause break on: a marker beyond a comma governs another clause."""
    window = text[lo:hi]
    cut = max(window.rfind(ch) for ch in ',;:"“”()')
    return window[cut + 1 :]


def action_status(text: str, *, sentence: tuple[int, int], trigger: tuple[int, int]) -> str:
    """``planned`` / ``negated`` when a marker governs the trigger from just before it, else ``done``."""
    s0 = sentence[0]
    a, b = trigger
    near = _clause_before(text, max(s0, a - 60), a)
    if _NEGATED.search(_clause_before(text, max(s0, a - 15), a)):
        return "negated"
    if _PLANNED_NEAR.search(near) or _PLANNED_NEAR.search(text[a:b]) or _PLANNED_SENT.search(text[s0:a]):
        return "planned"
    return "done"


def is_generic(text: str, *, sentence: tuple[int, int], trigger: tuple[int, int]) -> bool:
    """True when a duty, condition, wish or procedure governs the trigger (no concrete act is reported)."""
    s0, s1 = sentence
    if _CONDITIONAL_START.search(text[s0:s1]):
        return True
    if _COPULA_AFTER.search(text[trigger[1] : min(s1, trigger[1] + 40)]):
        return True
    if _PROCEDURE.search(text, max(s0, trigger[0] - 30), trigger[0]):
        return True
    if _ADVICE.search(_since_stop(text, max(s0, trigger[0] - 80), trigger[0])):
        return True
    return bool(_GENERIC.search(_since_stop(text, max(s0, trigger[0] - 45), trigger[0])))


def _since_stop(text: str, lo: int, hi: int) -> str:
    """``text[lo:hi]`` from its last full stop on (sentencizers miss "korban.Tahun", a missing space)."""
    window = text[lo:hi]
    cut = max(window.rfind(ch) for ch in ".;!?")
    return window[cut + 1 :]


_UNITS = (
    r"(?:orang|jiwa|PMI|CPMI|WNI|WNA|TKI|pekerja|calon|warga|permohonan|pemohon|paspor|dokumen|desa|"
    r"kelurahan|kalurahan|kecamatan|kabupaten|kasus|perkara|korban|tiket|peserta|penumpang|perempuan|anak|unit|"
    r"tersangka|pelaku|laporan|titik|sekolah|kampung|personel|petugas|berkas|buku|siswa|pelajar|mahasiswa|"
    r"santri|guru|keluarga|kepala\s+desa|perangkat\s+desa|tokoh|relawan|nelayan|pemuda|buruh)"
)
# Number words of counts: the calendar's single words (not the bound "se-" of "sehari", nor "dua belas",
# which the "belas" rule reads), and the round hundreds and thousands that counts also use.
_NUM_WORDS: dict[str, int] = {
    **{w: n for w, n in NUMBER_WORDS.items() if w != "se" and " " not in w},
    "seratus": 100,
    "seribu": 1000,
}
_DIGITS = r"\d{1,3}(?:\.\d{3})+|\d+"
_UNIT_WORDS = "|".join(w for w, n in _NUM_WORDS.items() if n < 10)  # the units, "satu" to "sembilan"
_WORD_NUM = (
    rf"(?:{_UNIT_WORDS})\s+(?:puluh|belas|ratus)(?:\s+(?:{_UNIT_WORDS}))?|"
    + "|".join(w for w, n in _NUM_WORDS.items() if n >= 10)
    + f"|{_UNIT_WORDS}"
)
_COUNT = regex.compile(
    rf"(?<![\w/.,-])(?P<n>{_DIGITS}|{_WORD_NUM})(?![\w/]|[.,]\d)\s+(?:\(\d+\)\s+)?{_UNITS}\b", regex.IGNORECASE
)
_SEBANYAK = regex.compile(rf"\b(?:sebanyak|sejumlah|total|jumlah)\s+(?P<n>{_DIGITS}|{_WORD_NUM})\b", regex.IGNORECASE)


# A count introduced as the audience or extent of the act: "kepada 250 siswa", "diikuti 60 peserta".
_RECIPIENT = regex.compile(
    r"\b(?:kepada|bagi|untuk|terhadap|diikuti(?:\s+oleh)?|dihadiri(?:\s+oleh)?|melibatkan|menyasar|menjangkau|"
    r"sebanyak|sejumlah|sekitar|mencapai|total)\s+(?:(?:sekitar|sebanyak|kurang\s+lebih|lebih\s+dari|hampir)\s+)?$",
    regex.IGNORECASE,
)


def parse_number(token: str) -> int | None:
    """``"1.234"`` -> 1234, ``"tiga"`` -> 3, ``"dua puluh lima"`` -> 25; vague amounts give None."""
    t = " ".join(token.lower().split())
    if regex.fullmatch(_DIGITS, t):
        return int(t.replace(".", ""))
    if t in _NUM_WORDS:
        return _NUM_WORDS[t]
    m = regex.fullmatch(r"(\w+) (puluh|belas|ratus)(?: (\w+))?", t)
    if m and m.group(1) in _NUM_WORDS and _NUM_WORDS[m.group(1)] < 10:
        head = _NUM_WORDS[m.group(1)]
        tail = _NUM_WORDS.get(m.group(3) or "", 0)
        base = {"puluh": head * 10, "belas": head + 10, "ratus": head * 100}[m.group(2)]
        return base + (tail if m.group(2) != "belas" else 0)
    return None


def find_count(
    text: str,
    *,
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    blocked: Sequence[tuple[int, int]] = (),
) -> int | None:
    """The number of people, documents or units the action concerns, nearest the trigger's object.

    The nearest "N <unit>" of the sentence (see :func:`distance`), else a "sebanyak N".
    ``blocked`` are spans (dates) whose digits are no count.
    """
    s0, s1 = sentence
    a, b = trigger

    def ok(m: regex.Match[str]) -> int | None:
        ms, me = m.span("n")
        if any(ms < e and s < me for s, e in blocked):
            return None
        return parse_number(m.group("n"))

    best: tuple[float, int] | None = None
    for m in _COUNT.finditer(text, s0, s1):
        n = ok(m)
        if n is None:
            continue
        d = distance(text, (m.start(), m.end()), trigger)
        if _RECIPIENT.search(text, max(s0, m.start() - 25), m.start()):
            d /= 3  # "sosialisasi ... kepada sekitar 80 warga": the act's audience, however far the verb
        if best is None or d < best[0]:
            best = (d, n)
    if best is not None and best[0] < 150:
        return best[1]
    for m in _SEBANYAK.finditer(text, s0, s1):
        if (n := ok(m)) is not None:
            return n
    return None


# "Sebanyak 250 siswa mengikuti kegiatan tersebut.": the next sentence gives the turnout of the act
_ATTENDANCE = regex.compile(
    rf"\W*(?:(?:sebanyak|sekitar|sejumlah|total|tercatat|ada|kurang\s+lebih|lebih\s+dari)\s+)*"
    rf"(?P<n>{_DIGITS}|{_WORD_NUM})\s+{_UNITS}\b[^.;!?]*?\b(?:mengikuti|menghadiri|hadir|ikut|turut|menjadi\s+peserta)\b",
    regex.IGNORECASE,
)


def attendance_count(text: str, *, sentence: tuple[int, int], blocked: Sequence[tuple[int, int]] = ()) -> int | None:
    """The turnout a sentence opens with ("Sebanyak 250 siswa mengikuti ..."), for the act just before it."""
    m = _ATTENDANCE.match(text, sentence[0], sentence[1])
    if m is None or any(m.start("n") < e and s < m.end("n") for s, e in blocked):
        return None
    return parse_number(m.group("n"))


_CLAUSE_BREAK = regex.compile(r"[;]|\b(?:sementara|sedangkan|namun|adapun)\b", regex.IGNORECASE)


def distance(text: str, span: tuple[int, int], trigger: tuple[int, int]) -> float:
    """How far an argument lies from the trigger: characters in between, doubled after the trigger
    (Indonesian puts time and agent before the verb), plus a penalty across a clause break."""
    a, b = trigger
    if span[1] <= a:
        gap, between = a - span[1], text[span[1] : a]
    elif span[0] >= b:
        gap, between = 2 * (span[0] - b), text[b : span[0]]
    else:
        return 0.0
    return gap + (200 if _CLAUSE_BREAK.search(between) else 0)


# --------------------------------------------------------------------------------------------------
# Arguments


_PARTNER = regex.compile(
    r"(?:\b(?:dengan|kepada|ke|dari|terhadap|menggandeng|digandeng|mengundang|melibatkan|antara|dan|serta|"
    r"mitra|pihak\s+lain)\s*)$",
    regex.IGNORECASE,
)
_AGENT = regex.compile(r"\boleh\s*(?:pihak\s+)?$", regex.IGNORECASE)
_DESTINATION = regex.compile(r"\b(?:ke|menuju|tujuan|negara|asal)\s*$", regex.IGNORECASE)
_LEVEL_RANK = {lvl: i for i, lvl in enumerate(reversed(PLACE_LEVELS))}  # site 0 ... country 5


def _cs(span: Span) -> CharSpan:
    return {"start": span.start_char, "end": span.end_char}


def _key(span: Span) -> str:
    canon = span._.canonical
    return str(canon) if canon else span.text.casefold()


def _before(text: str, span: Span, floor: int) -> str:
    return text[max(floor, span.start_char - 25) : span.start_char]


def rank_actors(
    doc: Doc,
    *,
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    previous: Span | None,
    main: Span | None,
    limit: int = 3,
) -> list[Span]:
    """AGENCY spans that may carry the action out, best first.

    An agent after "oleh" wins; then the subject agencies before the trigger in the sentence (first
    named first, partners after "dengan"/"kepada" left out); then the acting agency of the sentences
    before; then the article's main agency; then co-actors after "bersama".
    """
    text = doc_text(doc)
    s0, s1 = sentence
    agencies = [e for e in ents(doc) if e.label_ == "AGENCY" and s0 <= e.start_char and e.end_char <= s1]
    agents = [e for e in agencies if _AGENT.search(_before(text, e, s0))]
    subjects = [e for e in agencies if e.end_char <= trigger[0] and not _PARTNER.search(_before(text, e, s0))]
    co = [e for e in agencies if regex.search(r"\bbersama\s*$", _before(text, e, s0), regex.IGNORECASE)]
    out: list[Span] = []
    seen: set[str] = set()
    for e in [*agents, *subjects, *([previous] if previous is not None else []), *([main] if main else []), *co]:
        if _key(e) not in seen:
            seen.add(_key(e))
            out.append(e)
    return out[:limit]


def sentence_subject(doc: Doc, *, sentence: tuple[int, int]) -> Span | None:
    """The first agency of a sentence that is not a partner: the acting body later sentences refer to."""
    s0, s1 = sentence
    for e in ents(doc):
        if e.label_ == "AGENCY" and s0 <= e.start_char and e.end_char <= s1:
            if not _PARTNER.search(_before(doc_text(doc), e, s0)):
                return e
    return None


def rank_places(
    doc: Doc,
    *,
    sentence: tuple[int, int],
    paragraph: tuple[int, int],
    trigger: tuple[int, int],
    scene: Sequence[CharSpan] = (),
    limit: int = 3,
) -> list[CharSpan]:
    """PLACE spans where the action happened, most specific first.

    The sentence's places (destinations after "ke"/"menuju" left out) by level, then distance to the
    trigger; failing those the last place of the paragraph before the sentence; then ``scene``, the
    places of the last action placed by its own text (follow-up acts happen where the story is); the
    dateline place only as a last resort, since it names where the report was filed.
    """
    text = doc_text(doc)
    s0, s1 = sentence
    places = [
        e
        for e in ents(doc)
        if e.label_ == "PLACE" and not in_skipped_zone(doc, e.start_char, e.end_char, NO_ACTION_KINDS)
    ]
    in_sent = [
        e
        for e in places
        if s0 <= e.start_char
        and e.end_char <= s1
        and not _DESTINATION.search(_before(text, e, s0))
        and not (e.start_char < trigger[1] and trigger[0] < e.end_char)  # "Desa Binaan" is no place
    ]
    mid = (trigger[0] + trigger[1]) / 2

    def order(e: Span) -> tuple[float, float]:
        return (_LEVEL_RANK.get(str(e._.level), 2.5), abs((e.start_char + e.end_char) / 2 - mid))

    # "Kantor Imigrasi Belawan, Sumatera Utara": a place in apposition to an agency says where the
    # agency sits, not where the act happened; it only backs the others up
    agency_ends = {e.end_char for e in ents(doc) if e.label_ == "AGENCY"}
    appositive = [
        e
        for e in in_sent
        if any(regex.fullmatch(r",?\s*", text[x : e.start_char]) for x in agency_ends if x <= e.start_char)
    ]
    chosen = sorted((e for e in in_sent if e not in appositive), key=order)
    if not chosen:
        p0 = paragraph[0]
        earlier = [
            e
            for e in places
            if p0 <= e.start_char and e.end_char <= s0 and not _DESTINATION.search(_before(text, e, p0))
        ]
        # the most specific of them, the latest on a tie: "di Hotel X, Mataram." then "Pada akhir acara, ..."
        chosen = sorted(earlier, key=lambda e: (_LEVEL_RANK.get(str(e._.level), 2.5), -e.start_char))[:1]
    chosen += sorted(appositive, key=order)
    out = [_cs(e) for e in chosen[:limit]]
    if not out:
        out = [{"start": c["start"], "end": c["end"]} for c in scene[:limit]]
    dl = doc._.dateline
    if not out and dl and dl.get("place"):
        out.append({"start": int(dl["place"]["start"]), "end": int(dl["place"]["end"])})
    return out


def find_date(
    doc: Doc,
    *,
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    paragraph: tuple[int, int] | None = None,
    event: DateRefDict | None = None,
) -> DateRefDict | None:
    """The DATE entity of the sentence nearest the trigger (ones with a value first); else the last
    valued date of the paragraph before the sentence; else ``event``, the day the article reports on."""
    s0, s1 = sentence
    dates = [e for e in ents(doc) if e.label_ == "DATE" and s0 <= e.start_char and e.end_char <= s1]
    if not dates and paragraph is not None:
        earlier = [
            e
            for e in ents(doc)
            if e.label_ == "DATE" and paragraph[0] <= e.start_char and e.end_char <= s0 and e._.value
        ]
        dates = earlier[-1:]
    if not dates:
        return event
    best = min(
        dates,
        key=lambda e: (e._.value is None, distance(doc_text(doc), (e.start_char, e.end_char), trigger)),
    )
    value = best._.value
    return {"start": best.start_char, "end": best.end_char, "value": str(value) if value else None}


def event_date(doc: Doc) -> DateRefDict | None:
    """The day the article reports on: its first body DATE of day granularity, in the first five lines."""
    lines = paragraph_bounds(doc_text(doc))
    limit = lines[min(4, len(lines) - 1)][1] if lines else 0
    for e in ents(doc):
        if e.label_ != "DATE" or e.start_char >= limit:
            continue
        if in_skipped_zone(doc, e.start_char, e.end_char, NO_ACTION_KINDS - {"dateline"}):
            continue
        value = e._.value
        if isinstance(value, str) and regex.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return {"start": e.start_char, "end": e.end_char, "value": value}
    return None


def confidence(*, weight: float, actor: bool, location: bool, date: bool, count: bool) -> float:
    """``weight * (0.6 + 0.1 * n)``: the trigger's weight, discounted when few arguments were found.

    ``n`` counts the arguments found among actor, location, date and count (0..4), so a lone trigger
    keeps 60 % of its weight and a fully attached one all of it.
    """
    n = sum((actor, location, date, count))
    return round(weight * (0.6 + 0.1 * n), 3)


# --------------------------------------------------------------------------------------------------
# The whole document


def _body_sentences(doc: Doc) -> Iterator[tuple[int, int]]:
    # a sentence may run into a byline ("... di Luar Negeri.(chm)"), so only wholly skipped ones go here;
    # each trigger is checked on its own
    for a, b in sentence_bounds(doc):
        if not _inside_skipped(doc, a, b):
            yield a, b


def _inside_skipped(doc: Doc, start: int, end: int) -> bool:
    """True when [start, end) lies wholly inside zones that report no action."""
    return any(z["kind"] in NO_ACTION_KINDS and z["start"] <= start and end <= z["end"] for z in doc._.zones or [])


_OBJECT = regex.compile(rf"\s+(?:sebanyak\s+)?(?:{_DIGITS}|{_WORD_NUM})\s+(?:orang\s+)?{_UNITS}\b", regex.IGNORECASE)


def _object_end(text: str, end: int, limit: int) -> int:
    """Where the trigger ends once a count right after it joins ("menunda keberangkatan 93 PMI")."""
    m = _OBJECT.match(text, end, limit)
    return m.end() if m else end


def _evidence(sentence: tuple[int, int], trigger: tuple[int, int], text: str) -> CharSpan:
    a, b = sentence
    if b - a <= MAX_EVIDENCE:
        return {"start": a, "end": b}
    # a run-on "sentence": keep a window around the trigger, cut at spaces
    half = (MAX_EVIDENCE - (trigger[1] - trigger[0])) // 2 - 1
    lo, hi = max(a, trigger[0] - half), min(b, trigger[1] + half)
    while lo > a and lo < trigger[0] and not text[lo - 1].isspace():
        lo += 1
    while hi < b and hi > trigger[1] and not text[hi].isspace():
        hi -= 1
    return {"start": lo, "end": hi}


def _compatible(old: ActionDict, new: ActionDict) -> bool:
    od, nd = old["date"], new["date"]
    dates_agree = od is None or nd is None or od["value"] == nd["value"]
    counts_agree = old["count"] is None or new["count"] is None or old["count"] == new["count"]
    return dates_agree and counts_agree


@dataclass
class _Found:
    record: ActionDict
    actor: str  # key of the first actor ("" when none)
    paragraph: int
    rule: int
    mention: bool  # opened by a bare or anaphoric mention
    nominal: bool = False  # the trigger is a noun phrase ("penundaan ...", "sosialisasi"), not a verb
    own_actor: bool = True  # the first actor is named in the trigger's own sentence, not a fallback


# Verbal prefixes: me- (active), di- (passive), ber- (intransitive), ter- (stative/accidental).
_VERBAL = regex.compile(r"^(?:me|di|ber|ter)\w", regex.IGNORECASE)


# "memberikan sosialisasi", "melakukan pemeriksaan", "telah melakukan penundaan": a support verb
# (with its adverbs) right before a noun makes it the object of a reported act.
_SUPPORT_VERB = regex.compile(
    r"(?<!\w)(?:me|di)\w+(?:\s+(?:kembali|lagi|juga|pun|secara\s+\w+))?\s+$", regex.IGNORECASE
)


def is_nominal(text: str, *, start: int, end: int) -> bool:
    """True when the trigger ``text[start:end]`` is a bare noun ("pemeriksaan", "sosialisasi", "Desa
    Binaan"): no verbal prefix of its own and no verb right before it.

    A noun names an act that a verb has usually reported already; only a verb reports a new one for sure.
    """
    if _VERBAL.match(text[start:end]):
        return False
    return not _SUPPORT_VERB.search(text, max(0, start - 40), start)


def _restates(old: _Found, new: _Found) -> bool:
    """True when ``new``, a nominal trigger, names ``old``'s act again: same type, same date (or none),
    no larger count (a restatement may break the total down, never exceed it), and the same actor, or
    an actor only borrowed from the sentences before."""
    if old.nominal and old.rule != new.rule and old.record["count"] is not None:
        # "pemeriksaan terhadap 6 WNA ..." then "BAP WNI ...": a counted noun is a tally, and another
        # noun after it opens the next tally
        return False
    od, nd = old.record["date"], new.record["date"]
    if od is not None and nd is not None and od["value"] != nd["value"]:
        return False
    oc, nc = old.record["count"], new.record["count"]
    if oc is not None and nc is not None and nc > oc:
        return False
    return old.actor == new.actor or not new.own_actor


def _add(records: list[_Found], new: _Found, text: str, t: TriggerMatch) -> None:
    """Merge ``new`` into the record of the same act, or append it."""
    rec = new.record
    same_type = [f for f in records if f.record["type"] == rec["type"]]
    if new.mention:
        # "sosialisasi tersebut" joins the first act of its type and status, whoever carried it out
        joined = [f for f in same_type if f.record["status"] == rec["status"]]
        if joined:
            _fill(joined[0].record, rec)
            return
    else:
        # a full trigger replaces a record that only a mention had opened ("Desa Binaan ..." first,
        # "membentuk Desa Binaan" later): the full one is the better evidence
        for f in same_type:
            if f.mention and f.record["status"] == rec["status"]:
                _fill(rec, f.record)
                f.record, f.actor, f.paragraph, f.rule, f.mention = rec, new.actor, new.paragraph, new.rule, False
                return
    # "Saat pemeriksaan, ...", "Sosialisasi dilanjutkan ...": a noun naming the act of an earlier record
    # describes that act (its course, its reasons, its parts), whatever counts or status it mentions
    if new.nominal:
        earlier = [f for f in same_type if _restates(f, new)]
        if earlier:
            _fill(earlier[0].record, {**rec, "count": None})
            return
    # a later passive mention that adds no count ("keberangkatan mereka digagalkan") repeats an act,
    # whoever the fallbacks name as its actor
    passive = text[t.start : t.start + 2].lower() == "di" and rec["count"] is None
    for f in same_type:
        old = f.record
        if old["status"] != rec["status"] or not _compatible(old, rec):
            continue
        if passive or (f.actor == new.actor and (f.paragraph == new.paragraph or f.rule == new.rule)):
            _fill(old, rec)
            return
    records.append(new)


def _fill(target: ActionDict, source: ActionDict) -> None:
    """Complete ``target``'s missing arguments from ``source``."""
    target["date"] = target["date"] or source["date"]
    target["count"] = target["count"] if target["count"] is not None else source["count"]
    target["locations"] = target["locations"] or source["locations"]
    target["actors"] = target["actors"] or source["actors"]


def find_actions(
    doc: Doc, *, min_confidence: float = 0.0, extra_rules: Sequence[CompiledRule] = ()
) -> list[ActionDict]:
    """Every distinct action of the taxonomy that the body of ``doc`` reports, in text order.

    Mentions of one type by the same actor with the same status merge into the first one (its trigger
    kept, its missing date, count or place filled in) when their dates and counts agree and they share a
    paragraph or a trigger rule; a bare mention ("Desa Binaan") joins any record of its type.
    ``extra_rules`` are trigger rules a user added to the pipeline (see :class:`ActionExtractor`).
    """
    with frozen_ents(doc):
        return _find_actions(doc, min_confidence=min_confidence, table=(*_compiled_rules(), *extra_rules))


def _find_actions(doc: Doc, *, min_confidence: float, table: Sequence[CompiledRule]) -> list[ActionDict]:
    text = doc_text(doc)
    paragraphs = paragraph_bounds(text)
    agencies = [
        e
        for e in ents(doc)
        if e.label_ == "AGENCY" and not in_skipped_zone(doc, e.start_char, e.end_char, NO_ACTION_KINDS)
    ]
    main = agencies[0] if agencies else None
    agency_bounds = [(e.start_char, e.end_char) for e in agencies]
    dates_bounds = [(e.start_char, e.end_char) for e in ents(doc) if e.label_ == "DATE"]

    event = event_date(doc)
    records: list[_Found] = []
    previous: Span | None = None
    scene: list[CharSpan] = []
    # a dateline shares the first paragraph's line, but where a report was filed sets no scene
    dl = doc._.dateline
    filed_at = int(dl["place"]["start"]) if dl and dl.get("place") else -1
    sentences = list(_body_sentences(doc))
    rules = candidate_rules([text[a:b] for a, b in sentences], table)
    for s_idx, sent in enumerate(sentences):
        p_idx = _index_of(paragraphs, sent[0])
        paragraph = paragraphs[p_idx] if p_idx >= 0 else sent
        for t in find_triggers(text, sentence=sent, rules=rules, table=table):
            trig = (t.start, t.end)
            if in_skipped_zone(doc, t.start, t.end, NO_ACTION_KINDS):
                continue
            if any(a <= t.start and t.end <= b for a, b in agency_bounds):
                continue  # "Tim Pengawasan Orang Asing" names a body, not an act
            if is_generic(text, sentence=sent, trigger=trig):
                continue
            actors = rank_actors(doc, sentence=sent, trigger=trig, previous=previous, main=main)
            places = rank_places(doc, sentence=sent, paragraph=paragraph, trigger=trig, scene=scene)
            if places and paragraph[0] <= places[0]["start"] < sent[1] and places[0]["start"] != filed_at:
                scene = places
            date = find_date(doc, sentence=sent, trigger=trig, paragraph=paragraph, event=event)
            count = find_count(text, sentence=sent, trigger=trig, blocked=dates_bounds)
            if count is None and s_idx + 1 < len(sentences) and sentences[s_idx + 1][0] < paragraph[1]:
                count = attendance_count(text, sentence=sentences[s_idx + 1], blocked=dates_bounds)
            rec: ActionDict = {
                "type": t.type,
                "trigger": {"start": t.start, "end": _object_end(text, t.end, sent[1])},
                "evidence": _evidence(sent, trig, text),
                "actors": [_cs(e) for e in actors],
                "locations": places,
                "date": date,
                "count": count,
                "status": action_status(text, sentence=sent, trigger=trig),
                "confidence": confidence(
                    weight=t.weight,
                    actor=bool(actors),
                    location=bool(places),
                    date=date is not None,
                    count=count is not None,
                ),
            }
            if rec["confidence"] < min_confidence:
                continue
            found = _Found(
                rec,
                _key(actors[0]) if actors else "",
                p_idx,
                t.rule,
                t.mention,
                nominal=is_nominal(text, start=t.start, end=t.end),
                own_actor=bool(actors) and sent[0] <= actors[0].start_char < sent[1],
            )
            _add(records, found, text, t)
        subj = sentence_subject(doc, sentence=sent)
        if subj is not None:
            previous = subj
    return [f.record for f in records]


def annotate_actions(
    doc: Doc,
    *,
    min_confidence: float = 0.0,
    require_topic: bool = True,
    topic_threshold: float = TOPIC_THRESHOLD,
    extra_rules: Sequence[CompiledRule] = (),
) -> Doc:
    """Set ``doc._.actions`` and ``doc._.relevant`` (on topic and at least one action).

    With ``require_topic`` an off-topic article (sports, prices, an ordinary immigration case) gets no
    actions at all; without it actions are kept but the article is still not relevant.
    """
    on_topic = is_on_topic(doc_text(doc), threshold=topic_threshold)
    wanted = on_topic or not require_topic
    actions = find_actions(doc, min_confidence=min_confidence, extra_rules=extra_rules) if wanted else []
    doc._.actions = actions
    doc._.relevant = on_topic and bool(actions)
    return doc


class ActionExtractor:
    """Thin spaCy wrapper over :func:`annotate_actions`.

    ``extra_triggers`` (config) and :meth:`add_triggers` add trigger rules to the package's lexicon without
    editing it, e.g. a local programme's name as a bare mention (``{"type": "community_program", "pattern":
    "Kampung Tangguh Migran", "weight": 0.8, "mention": true}``); each is a ``triggers.jsonl`` line, and they
    are saved with the pipeline (``to_disk``).
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        min_confidence: float,
        require_topic: bool,
        topic_threshold: float,
        extra_triggers: Sequence[Mapping[str, object]] = (),
    ) -> None:
        register_extensions()
        self.name = name
        self.min_confidence = min_confidence
        self.require_topic = require_topic
        self.topic_threshold = topic_threshold
        _compiled_rules()  # fail at build time, not on the first document, when the lexicon is broken
        _compiled_topics()
        self.extra_rules: tuple[CompiledRule, ...] = ()
        self.add_triggers(extra_triggers)

    def add_triggers(self, rows: Iterable[Mapping[str, object]]) -> None:
        """Validate and compile ``rows`` (``triggers.jsonl`` lines) and add them; a bad one raises ConfigError."""
        added: list[CompiledRule] = []
        for n, row in enumerate(rows, 1):
            try:
                added.append(compile_rule(TriggerRule.model_validate(dict(row))))
            except (ValidationError, ResourceError) as exc:
                raise ConfigError(f"{self.name}: extra trigger {n} is not valid: {exc}") from exc
        self.extra_rules = (*self.extra_rules, *added)

    def __call__(self, doc: Doc) -> Doc:
        return annotate_actions(
            doc,
            min_confidence=self.min_confidence,
            require_topic=self.require_topic,
            topic_threshold=self.topic_threshold,
            extra_rules=self.extra_rules,
        )

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        save_rows(path, _EXTRA_TRIGGERS_FILE, (c.rule for c in self.extra_rules))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ActionExtractor:
        rows = load_rows(path, _EXTRA_TRIGGERS_FILE)
        if rows is not None:
            self.extra_rules = ()
            self.add_triggers(rows)
        return self


# Where a saved pipeline keeps the trigger rules a user added.
_EXTRA_TRIGGERS_FILE = "extra_triggers.jsonl"


@Language.factory(
    "tppo_actions",
    assigns=["doc._.actions", "doc._.relevant"],
    requires=["doc.ents"],
    default_config={
        "min_confidence": 0.0,
        "require_topic": True,
        "topic_threshold": TOPIC_THRESHOLD,
        "extra_triggers": [],
    },
)
def make_actions(
    nlp: Language,
    name: str,
    min_confidence: float,
    require_topic: bool,
    topic_threshold: float,
    extra_triggers: list[dict[str, object]],
) -> ActionExtractor:
    """``min_confidence``: drop actions below it; ``require_topic``: no actions in off-topic articles;
    ``topic_threshold``: the :func:`topic_score` an article needs to be on topic; ``extra_triggers``: trigger
    rules added to the lexicon (see :class:`ActionExtractor`)."""
    return ActionExtractor(
        nlp,
        name,
        min_confidence=min_confidence,
        require_topic=require_topic,
        topic_threshold=topic_threshold,
        extra_triggers=extra_triggers,
    )

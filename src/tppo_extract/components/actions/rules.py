"""The trigger and topic lexicons: validated rows of ``resources/actions/*.jsonl``, compiled to regexes."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from ...constants import ACTION_TYPES
from ...errors import ResourceError
from ...lang.morphology import affixed_forms, forms_regex

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
    # typos a single-word keyword is still read through: at most this many edits (insertions, deletions,
    # substitutions, transpositions of neighbours; 0 = exact), except into the words of ``not_typos``
    # (other acronyms one edit away: "TPPU" is money laundering, not a typo of "TPPO")
    typos: int = Field(default=0, ge=0, le=2)
    not_typos: list[str] = Field(default_factory=list)

    @field_validator("typos")
    @classmethod
    def _single_word(cls, v: int, info: ValidationInfo) -> int:
        pattern = info.data.get("pattern", "")
        if v and not regex.fullmatch(r"\w+", pattern):
            raise ValueError(f"typos need a single plain word as the pattern, not {pattern!r}")
        return v


@dataclass(frozen=True)
class CompiledTopic:
    pattern: regex.Pattern[str]
    weight: float
    word: str  # the keyword, casefolded, when typos are read; else ""
    typos: int
    not_typos: frozenset[str]


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
# A conjunction that joins two clauses or two acts ends the gap: "ditunda serta penolakan paspor" is two acts.
_GAP = r"\s+(?:(?!(?:serta|sedangkan|sementara|namun|tetapi|lalu|kemudian)\s)[^\s.;!?]+\s+){0,3}?"


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
def compiled_rules() -> tuple[CompiledRule, ...]:
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
    return [c.rule for c in compiled_rules()]


@functools.cache
def compiled_topics() -> tuple[CompiledTopic, ...]:
    out: list[CompiledTopic] = []
    for n, row in enumerate(_read_jsonl("topics.jsonl"), 1):
        try:
            rule = TopicRule.model_validate(row)
        except ValidationError as exc:
            raise ResourceError("actions/topics.jsonl", f"line {n}: {exc}") from exc
        pat = regex.compile(r"(?<!\w)(?:" + rule.pattern + r")(?!\w)", regex.IGNORECASE)
        word = rule.pattern.casefold() if rule.typos else ""
        out.append(CompiledTopic(pat, rule.weight, word, rule.typos, frozenset(w.casefold() for w in rule.not_typos)))
    return tuple(out)

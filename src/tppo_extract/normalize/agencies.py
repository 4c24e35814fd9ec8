"""Agency normalisation: the known-agency lexicon, canonical names of regional units and per-document grouping
of mentions that name the same body."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources

import regex
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..errors import ResourceError
from .places import abbreviations as place_abbreviations
from .places import bare_name, gazetteer

_RESOURCE = "resources/agencies"


class AgencyEntry(BaseModel):
    """One known body of ``resources/agencies/agencies.jsonl``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    type: str
    parent: str | None = None

    @field_validator("id", "name", "type")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value


def _read(name: str) -> str:
    try:
        return resources.files("tppo_extract").joinpath(f"{_RESOURCE}/{name}").read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError(f"{_RESOURCE}/{name}", f"cannot be read ({exc})") from exc


@functools.cache
def _agencies() -> tuple[AgencyEntry, ...]:
    entries: list[AgencyEntry] = []
    for number, line in enumerate(_read("agencies.jsonl").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entries.append(AgencyEntry.model_validate(json.loads(line)))
        except (ValueError, ValidationError) as exc:
            raise ResourceError(f"{_RESOURCE}/agencies.jsonl", f"line {number}: {exc}") from exc
    ids = {e.id for e in entries}
    if len(ids) != len(entries):
        raise ResourceError(f"{_RESOURCE}/agencies.jsonl", "duplicate ids")
    for e in entries:
        if e.parent is not None and e.parent not in ids:
            raise ResourceError(f"{_RESOURCE}/agencies.jsonl", f"{e.id}: unknown parent {e.parent!r}")
    return tuple(entries)


def load_agencies() -> list[AgencyEntry]:
    """The known agencies (a fresh list; the entries are frozen)."""
    return list(_agencies())


@functools.cache
def _by_id() -> dict[str, AgencyEntry]:
    return {e.id: e for e in _agencies()}


def agency_by_id(agency_id: str) -> AgencyEntry | None:
    """The known agency ``agency_id``, or None."""
    return _by_id().get(agency_id)


def parent_chain(agency_id: str) -> list[str]:
    """Canonical names of the bodies above the known agency ``agency_id``, nearest first."""
    out: list[str] = []
    seen: set[str] = set()
    entry = _by_id().get(agency_id)
    while entry is not None and entry.parent is not None and entry.parent not in seen:
        seen.add(entry.parent)
        entry = _by_id().get(entry.parent)
        if entry is not None:
            out.append(entry.name)
    return out


@functools.cache
def _abbreviations() -> dict[str, str]:
    table: dict[str, str] = {}
    for number, line in enumerate(_read("abbreviations.tsv").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0] or not parts[1]:
            raise ResourceError(f"{_RESOURCE}/abbreviations.tsv", f"line {number}: want SHORT<TAB>EXPANSION")
        table[parts[0]] = parts[1]
    # Region short forms ("Sumsel", "Jaktim") are the places resource's; their expansion is the region's
    # official name, so the two stages cannot disagree. This file's own rows win (unit heads, overrides).
    for short, expansion in region_short_forms().items():
        table.setdefault(short, expansion)
    return table


def region_short_forms() -> dict[str, str]:
    """One-word region short forms of the places resource with the region's name ("Sumsel" -> "Sumatera Selatan").

    A form that is part of its own expansion ("Jakarta" -> "Daerah Khusus Ibukota Jakarta") is left out:
    expanding it would only repeat words.
    """
    regions = gazetteer().regions
    out: dict[str, str] = {}
    for short, code in place_abbreviations().items():
        name = bare_name(regions[code].name)
        if " " not in short and short not in name.split():
            out[short] = name
    return out


def abbreviations() -> dict[str, str]:
    """Short forms of unit heads and regions with their expansion (a copy)."""
    return dict(_abbreviations())


_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\-]*")
_PAREN_ACRONYM = regex.compile(r"\s*\(([^()]{1,20})\)")
_CLASS_DIGIT = {"1": "I", "2": "II", "3": "III"}


def expand_abbreviations(text: str) -> str:
    """``text`` with known short forms ("Kanim", "Sumsel", "Jaktim") replaced by their expansion."""
    table = _abbreviations()
    expanded: str = _WORD.sub(lambda m: table.get(m.group(0), m.group(0)), text)
    return expanded


_TPI_SPELLED = regex.compile(r"\bTempat\s+Pemeriksaan\s+Imigrasi\b")
_CLASS_LOWER = regex.compile(r"\bkelas\b(?=\s+(?:I{1,3}|[123])\b)")
_CLASS_DIGIT_RE = regex.compile(r"\bKelas ([123])\b")
_NON_TPI = regex.compile(r"\bNon-TPI\b")


def canonical_name(text: str) -> str:
    """The canonical name of an agency mention: abbreviations expanded, parenthesised acronyms dropped,
    "Kelas 1" and "kelas I" written "Kelas I", "Tempat Pemeriksaan Imigrasi" written "TPI", whitespace
    collapsed."""
    out = _PAREN_ACRONYM.sub("", text)
    out = expand_abbreviations(out)
    # "Tempat Pemeriksaan Imigrasi" spelled out is the TPI of the name; "kelas" is written "Kelas"
    out = _TPI_SPELLED.sub("TPI", out)
    out = _CLASS_LOWER.sub("Kelas", out)
    out = _CLASS_DIGIT_RE.sub(lambda m: "Kelas " + _CLASS_DIGIT[m.group(1)], out)
    out = _NON_TPI.sub("Non TPI", out)
    return " ".join(out.split())


# Words that carry no identity when comparing two names of one body ("Kantor Imigrasi Kelas I TPI
# Tanjung Priok" and "Imigrasi Tanjung Priok" differ only in these).
_GENERIC = frozenset(
    """kantor imigrasi kelas i ii iii 1 2 3 tpi non khusus kota kabupaten provinsi prov kab daerah
    wilayah direktorat jenderal kementerian hukum dan hak asasi manusia ham""".split()
)


def identity_key(text: str) -> str:
    """The distinctive part of an agency name, lower case and without spaces ("tanjungpriok")."""
    words = [w.casefold() for w in _WORD.findall(canonical_name(text))]
    return "".join(w for w in words if w not in _GENERIC)


@dataclass
class AgencyMention:
    """One agency mention found in a document, before grouping."""

    start: int
    end: int
    text: str
    family: str  # what kind of body, so that "Polda Kaltim" and "Satgas TPPO Polda Kaltim" stay apart
    place: str = ""  # the place part of a regional unit ("Tanjung Priok"), "" when none
    canonical: str = ""
    agency_id: str | None = None
    agency_type: str | None = None
    parents: list[str] = field(default_factory=list)


@dataclass
class AgencyGroup:
    """The mentions of one body in a document: its canonical name and every form the text uses."""

    canonical: str
    agency_id: str | None
    agency_type: str | None
    parents: list[str]
    aliases: list[str]  # distinct surface forms, longest first
    members: list[int]  # indices into the mention list


def _place_key(place: str) -> str:
    return "".join(w.casefold() for w in _WORD.findall(expand_abbreviations(place)) if w.casefold() not in _GENERIC)


# What decides whether two mentions name one body: (agency_id, family, place key). A long page repeats the same
# few forms again and again, so a group keeps each signature once and a mention is compared with those.
_Signature = tuple[str | None, str, str]


def _signature(m: AgencyMention) -> _Signature:
    return (m.agency_id, m.family, _place_key(m.place))


def _joins_signature(a: _Signature, b: _Signature) -> bool:
    if a[0] is not None or b[0] is not None:
        return a[0] == b[0]
    if a[1] != b[1]:
        return False
    short, long = a[2], b[2]
    if not short or not long:
        return short == long
    return short in long or long in short


def group_agencies(mentions: Sequence[AgencyMention]) -> list[AgencyGroup]:
    """Group the mentions of one document that name the same body, in order of first mention.

    A mention joins the group whose forms it matches: same known agency, or same family with its place
    contained in a member's place ("Kanim Karimun" joins "Kantor Imigrasi Kelas II TPI Tanjung Balai
    Karimun"). A bare head ("Imigrasi", "Kanim") joins the first group of its family that has a place: in a
    news article that is the main office the article is about. The group's canonical name is that of its
    longest mention.
    """
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    groups: list[list[int]] = []
    signatures = [_signature(m) for m in mentions]
    group_signatures: list[dict[_Signature, None]] = []  # each group's distinct signatures, in order
    bare_set = {i for i in order if mentions[i].agency_id is None and not signatures[i][2]}
    bare = [i for i in order if i in bare_set]
    for i in order:
        if i in bare_set:
            continue
        sig = signatures[i]
        k = next(
            (k for k, sigs in enumerate(group_signatures) if any(_joins_signature(sig, t) for t in sigs)), None
        )
        if k is None:
            groups.append([i])
            group_signatures.append({sig: None})
        else:
            groups[k].append(i)
            group_signatures[k].setdefault(sig, None)
    for i in bare:
        m = mentions[i]
        target = next((g for g in groups if mentions[g[0]].family == m.family), None)
        if target is None:
            target = next((g for g in groups if all(mentions[j].family == m.family for j in g)), None)
        if target is None:
            groups.append([i])
        else:
            target.append(i)
    groups.sort(key=lambda g: min(mentions[j].start for j in g))
    out: list[AgencyGroup] = []
    for g in groups:
        head = max((mentions[j] for j in g), key=lambda m: (m.agency_id is not None, len(m.canonical)))
        aliases: list[str] = []
        for j in g:
            if mentions[j].text not in aliases:
                aliases.append(mentions[j].text)
        aliases.sort(key=len, reverse=True)
        out.append(
            AgencyGroup(
                canonical=head.canonical,
                agency_id=head.agency_id,
                agency_type=head.agency_type,
                parents=list(head.parents),
                aliases=aliases,
                members=sorted(g, key=lambda j: mentions[j].start),
            )
        )
    return out


ORG_TYPES: frozenset[str] = frozenset(
    {"government", "police", "immigration", "labour_migrant", "task_force", "ngo", "international", "company", "other"}
)  # fmt: skip
# Words of a name or a parent that settle the coarse type, whatever the fine one: an immigration section
# of a regional office, a labour office of a regional government.
_IMMIGRATION_WORDS = regex.compile(r"\b(?:Imigrasi|Keimigrasian|Kanim|Rudenim|Timpora)\b", regex.IGNORECASE)
_LABOUR_WORDS = regex.compile(
    r"\b(?:Pekerja[ ]Migran|Tenaga[ ]Kerja|Ketenagakerjaan|Disnaker\w*|BP2MI|BP3MI|P2MI|P4MI|KP2MI)\b", regex.IGNORECASE
)


_TASK_FORCE_HEAD = regex.compile(r"(?:Satgas|Satuan[ ]Tugas|Gugus[ ]Tugas|Tim[ ]Pora|Timpora)\b", regex.IGNORECASE)


@functools.cache
def org_type_map() -> dict[str, str]:
    """Fine agency type -> coarse organisation type (``resources/agencies/org_types.tsv``)."""
    try:
        raw = resources.files("tppo_extract").joinpath("resources/agencies/org_types.tsv").read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError("agencies/org_types.tsv", f"cannot be read ({exc})") from exc
    out: dict[str, str] = {}
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 2 or cols[1] not in ORG_TYPES:
            expected = f"a type, a tab and one of {sorted(ORG_TYPES)}"
            raise ResourceError("agencies/org_types.tsv", f"line {n}: expected {expected}")
        out[cols[0]] = cols[1]
    return out


def org_type_of(agency_type: str | None, canonical: str, parents: list[str]) -> str:
    """The coarse organisation type of an agency (one of :data:`ORG_TYPES`)."""
    names = " ".join([canonical, *parents])
    fine = org_type_map().get(agency_type or "", "other")
    if _TASK_FORCE_HEAD.match(canonical):
        return "task_force"  # "Satgas TPPO Polda X" is a police unit, and first of all a task force
    if fine in {"government", "other"}:
        if _IMMIGRATION_WORDS.search(names):
            return "immigration"
        if _LABOUR_WORDS.search(names):
            return "labour_migrant"
    return fine

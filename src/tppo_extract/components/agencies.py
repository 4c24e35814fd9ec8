"""AGENCY entities: known national bodies from the lexicon and productive patterns for regional units
(immigration offices, regional offices, police units, BP3MI, dinas, local governments, task forces)."""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import regex
from pydantic import ValidationError
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import ConfigError
from ..extensions import register_extensions
from ..lang.calendar import MONTH_WORDS, WEEKDAY_WORDS
from ..lang.speech import VERBS_AFTER_NAME
from ..lang.titles import DEGREE_RE, HONORIFICS, RANKS, ROLE_HEADS
from ..lang.wordlists import load_words, word_set
from ..normalize.agencies import (
    AgencyEntry,
    AgencyMention,
    abbreviations,
    agency_by_id,
    canonical_name,
    group_agencies,
    load_agencies,
    org_type_map,
    org_type_of,
    parent_chain,
)
from ..normalize.places import abbreviations as place_abbreviations
from ..normalize.places import find_site, link_place
from ..spans import add_entities, doc_text, in_skipped_zone, load_rows, save_rows
from ..text.scan import GatedPatterns

# The stage's word lists live in resources/agencies/, beside the lexicon of known bodies.
_KIND = "agencies"

# A police or military rank, or an honorific, starts a person's name: no place goes on through one
# ("Polda Sulteng Kombes Pol Dedi ...", "Kantor Imigrasi Medan Dr. Rina ...").
_RANK_AND_HONORIFIC_WORDS = frozenset(w.rstrip(".") for r in (*RANKS, *HONORIFICS) for w in r.split()) | frozenset(
    h for h in HONORIFICS if h.endswith(".")
)
# Capitalised words that end the place part of a unit's name: function words, and the verbs and nouns that
# title-case headlines put right after a name ("Imigrasi Entikong Gelar Sosialisasi").
# The words are in resources/agencies/place_stop.txt; ranks, honorifics and the calendar's words join them.
PLACE_STOP = word_set(_KIND, "place_stop.txt") | _RANK_AND_HONORIFIC_WORDS | WEEKDAY_WORDS | MONTH_WORDS

# A word of a place name: capitalised (Tanjungpinang, Soekarno-Hatta, DIY, II), or an ordinal number only
# as in "Kodam II".
_PW = r"(?:[\p{Lu}][\p{L}'’]*(?:-[\p{Lu}][\p{L}]*)?)"
_PLACE = rf"(?P<place>{_PW}(?:[ ]{_PW}){{0,5}})"
_PLACE_OPT = rf"(?P<place>{_PW}(?:[ ]{_PW}){{0,3}})?"
_ACR = r"(?:[ ]\((?P<acr>[\p{Lu}][\p{L}\d]{1,14})\))?"
_ADMIN = r"(?:(?:Provinsi|Prov\.|Kabupaten|Kab\.|Kota|Kotamadya|Daerah)[ ])?"
# "Tempat Pemeriksaan Imigrasi" spelled out for TPI, with the acronym after it or not
_TPI = r"(?:TPI|Tempat[ ]Pemeriksaan[ ]Imigrasi(?:[ ]\(TPI\))?)"
_CLASS = rf"(?:[ ][Kk]elas[ ](?:I{{1,3}}|[123]))?(?:[ ](?:Non[ -]?{_TPI}|{_TPI}|Khusus))?(?:[ ](?:{_TPI}))?"
_IMMIG_HEAD = r"(?:Kantor[ ]Imigrasi(?:[ ]\((?:Kanim|Kakanim)\))?|Kanim)"
_KANWIL_HEAD = r"(?:Kantor[ ]Wilayah|Kanwil)"
_MINISTRY_REGIONAL = (
    r"(?:Kementerian[ ]Hukum[ ]dan[ ](?:Hak[ ]Asasi[ ]Manusia|HAM)|Kemenkumham|Kementerian[ ]Hukum|Kemenkum"
    r"|Direktorat[ ]Jenderal[ ]Imigrasi|Ditjen[ ]Imigrasi|Imigrasi"
    r"|Kementerian[ ]Imigrasi[ ]dan[ ]Pemasyarakatan|Kemenimipas|Kementerian[ ]Imipas|Kemen[ ]Imipas|Imipas)"
)
_POLICE_UNIT = r"(?:Polda|Polres|Polresta|Polrestabes|Polsek|Polsekta|Polres[ ]Kawasan|Polresta[ ]Kawasan)"
_POLICE_SUB = (
    r"(?:Satreskrim|Sat[ ]Reskrim|Satintelkam|Ditreskrimum|Ditreskrimsus|Ditintelkam|Ditpolairud|Satpolairud"
    r"|Bidhumas|Bid[ ]Humas|Unit[ ]PPA|Subdit[ ](?:\d+|[IV]+)(?:[ ][A-Z][\p{L}]+){0,2}|Satgas[ ]TPPO"
    r"|Sat[ ]Binmas|Polwan)"
)
_DINAS_WORD = r"(?:(?!(?:Direktorat|Kementerian|Kantor|Badan|Dinas|Pemerintah|Provinsi|Kabupaten|Kota|Kepala|Kabupaten)\b)[\p{Lu}][\p{L}]+)"  # noqa: E501
_DINAS_NAME = rf"(?:{_DINAS_WORD}(?:[ ](?:dan|Dan|&)?[ ]?{_DINAS_WORD}){{0,7}})"



def _alternation(name: str) -> str:
    """The phrases of ``resources/agencies/<name>`` as a regex alternation, in file order (longest first where
    one begins another), the words of a phrase one space apart."""
    phrases = load_words(_KIND, name, longest_first=True)
    return "|".join("[ ]".join(regex.escape(w) for w in phrase.split(" ")) for phrase in phrases)


# A word of an organisation's own name: capitalised or all caps ("Peduli", "DAMAR"), no head of another
# body, no function word (resources/agencies/other_heads.txt); names join words with "dan", "untuk", "bagi"
# or "&".
_OTHER_HEADS = _alternation("other_heads.txt")
_ORG_WORD = rf"(?:(?!(?:{_OTHER_HEADS})\b)[\p{{Lu}}][\p{{L}}\d'’-]*)"
_ORG_NAME = rf"(?:{_ORG_WORD}(?:(?:[ ](?:dan|untuk|bagi|&))?[ ]{_ORG_WORD}){{0,6}})"
# Heads of civil-society bodies: foundations, associations, networks, unions, coalitions.
_CIVIL_HEAD = f"(?:{_alternation('civil_heads.txt')})"

# (family, agency_type, pattern); the place group is the region of the unit.
_PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("immigration_office", "immigration_office", rf"{_IMMIG_HEAD}{_CLASS}(?:[ ]{_ADMIN}{_PLACE})?"),
    ("immigration_office", "immigration_office", rf"(?<!Binaan[ ])(?<!Jenderal[ ])(?<!Pemeriksaan[ ])Imigrasi[ ](?:[Kk]elas[ ](?:I{{1,3}}|[123])[ ])?(?:(?:Non[ ])?TPI[ ])?{_ADMIN}{_PLACE}"),  # noqa: E501
    ("immigration_office", "immigration_office", rf"{_TPI}[ ]{_PLACE}"),
    ("regional_office", "regional_office", rf"{_KANWIL_HEAD}[ ]{_MINISTRY_REGIONAL}{_ACR}(?:[ ]{_ADMIN}{_PLACE})?"),
    ("regional_office", "regional_office", rf"(?:Kemenkumham|Kemenkum|Kemenimipas)[ ]{_PLACE}"),
    ("division", "regional_office", rf"(?:Divisi|Div\.?)[ ](?:Keimigrasian|Imigrasi|Pemasyarakatan|Administrasi|Pelayanan[ ]Hukum(?:[ ]dan[ ]HAM)?)[ ](?:Kanwil[ ])?(?:Kemenkumham|Kemenkum|Kemenimipas)[ ]{_PLACE}"),  # noqa: E501
    ("police_sub", "police", rf"{_POLICE_SUB}[ ]{_POLICE_UNIT}[ ]{_PLACE}"),
    ("police", "police", rf"{_POLICE_UNIT}[ ]{_PLACE}"),
    ("migrant_office", "migrant_agency", rf"(?:UPT[ ])?(?:BP3MI|BP2MI|P4MI|LP3TKI|BP3TKI)[ ](?:Provinsi[ ])?{_PLACE}"),
    ("migrant_office", "migrant_agency", rf"(?:Balai|Badan)[ ]Pelayanan[ ](?:Pelindungan|Perlindungan)[ ]Pekerja[ ]Migran[ ]Indonesia{_ACR}(?:[ ]{_ADMIN}{_PLACE})?"),  # noqa: E501
    ("dinas", "regional_government", rf"Dinas[ ]{_DINAS_NAME}{_ACR}(?:[ ](?:Provinsi|Kabupaten|Kota|Prov\.|Kab\.)[ ]{_PLACE})?"),  # noqa: E501
    ("dinas", "regional_government", rf"(?:Disnakertrans|Disnaker|Disnakerin|Dinsos|DP3A|DPPPA|DP3AP2KB|DPMPTSP|Dukcapil|Disdukcapil)(?:[ ]{_ADMIN}{_PLACE})?"),  # noqa: E501
    # Jakarta's city offices: "Suku Dinas Tenaga Kerja Jakarta Timur", "Sudin Nakertrans Jakarta Utara"
    ("dinas", "regional_government", rf"(?:Suku[ ]Dinas[ ]{_DINAS_NAME}|Sudin[ ][\p{{Lu}}][\p{{L}}]+){_ACR}(?:[ ](?:Kota[ ](?:Administrasi[ ])?)?{_PLACE})?"),  # noqa: E501
    ("local_government", "regional_government", rf"(?:Pemkab|Pemkot|Pemprov|Pemda|Pemerintah[ ](?:Provinsi|Kabupaten|Kota|Daerah))[ ]{_PLACE}"),  # noqa: E501
    ("task_force", "task_force", rf"(?:Satgas|Satuan[ ]Tugas)[ ](?:TPPO|Tindak[ ]Pidana[ ]Perdagangan[ ]Orang|Pencegahan[ ]dan[ ]Penanganan[ ]TPPO)[ ](?:{_POLICE_UNIT}[ ])?{_ADMIN}{_PLACE}"),  # noqa: E501
    ("task_force", "task_force", rf"(?:Gugus[ ]Tugas|GT)[ ](?:PP[ ])?(?:TPPO|Pencegahan[ ]dan[ ]Penanganan[ ]Tindak[ ]Pidana[ ]Perdagangan[ ]Orang){_ACR}[ ](?:Provinsi|Kabupaten|Kota|Prov\.|Kab\.)[ ]{_PLACE}"),  # noqa: E501
    ("timpora", "task_force", rf"(?:Tim[ ]Pengawasan[ ]Orang[ ]Asing{_ACR}|Tim[ ]Pora|Timpora|TIMPORA)[ ]{_ADMIN}{_PLACE}"),  # noqa: E501
    ("military", "military", rf"(?:Kodam|Korem|Kodim|Koramil|Lanud|Lantamal|Lanal|Pangkalan[ ]Udara|Pangkalan[ ]Laut|Danlanal)[ ](?:[\dIVX]+(?:[-/][\dIVX]+)*(?:/[\p{{Lu}}][\p{{L}}]+)?|{_PLACE})(?:[ ]{_PLACE})?"),  # noqa: E501
    ("prosecutor", "prosecutor", rf"(?:Kejati|Kejari|Kejaksaan[ ]Tinggi|Kejaksaan[ ]Negeri|Pengadilan[ ]Negeri|PN)[ ]{_PLACE}"),  # noqa: E501
    ("bnnp", "police", rf"(?:BNNP|BNNK|BNN[ ]Provinsi|BNN[ ]Kabupaten|BNN[ ]Kota)[ ]{_PLACE}"),
    ("customs_office", "customs", rf"(?:KPPBC|Kantor[ ]Pengawasan[ ]dan[ ]Pelayanan[ ]Bea[ ]dan[ ]Cukai(?:[ ]Tipe|[ ]Type)?(?:[ ]Madya|[ ]Pratama)?(?:[ ]Pabean)?(?:[ ][A-C])?)[ ]{_PLACE}"),  # noqa: E501
    ("harbour", "transport", rf"(?:Kantor[ ]Syahbandar[ ]dan[ ]Otoritas[ ]Pelabuhan|KSOP)(?:[ ](?:Laut|Utama|Kelas[ ][IV]+))?[ ]{_PLACE}"),  # noqa: E501
    ("section", "unit", r"(?<!Kepala[ ]|Kasi[ ]|Kabid[ ]|Kasubsi[ ]|Sub[ ]|Kepala[ ]Sub[ ])(?:[Ss]eksi|Subseksi|Bidang)[ ](?:Intelijen|Inteldak|Penindakan|Teknologi|Lalu[ ]Lintas|Izin[ ]Tinggal|Dokumen|Pengawasan)(?:[ ](?:dan|Dan|&)?[ ]?[\p{Lu}][\p{L}]+){0,4}(?:[ ]\((?P<acr>[\p{Lu}][\p{L}]{1,12})\))?"),  # noqa: E501
    ("direktorat", "directorate", rf"Direktorat[ ](?!Jenderal[ ]Imigrasi\b){_DINAS_NAME}"),
    # Organisation types beyond the government units: civil society, companies, legislatures, forums.
    ("civil_society", "ngo", rf"{_CIVIL_HEAD}[ ]{_ORG_NAME}{_ACR}"),
    ("company", "company", rf"PT[ ]{_ORG_NAME}(?:[ ]\(Persero\)|[ ]Tbk\.?)?(?:[ ]Cabang[ ]{_PLACE})?"),
    ("company", "company", rf"(?:Pelindo|Angkasa[ ]Pura|ASDP|Pelni)(?:[ ](?:[IV]+|Regional[ ]\d))?(?:[ ]Cabang)?(?:[ ]{_PLACE})?"),  # noqa: E501
    ("legislature", "legislature", rf"(?:DPRD|Dewan[ ]Perwakilan[ ]Rakyat[ ]Daerah)(?:[ ](?:Provinsi|Kabupaten|Kota|Prov\.|Kab\.))?[ ]{_PLACE}"),  # noqa: E501
    ("forum", "regional_government", rf"(?:Forkopimda|Forum[ ]Koordinasi[ ]Pimpinan[ ]Daerah{_ACR})(?:[ ]{_ADMIN}{_PLACE})?"),  # noqa: E501
    ("local_agency", "regional_government", rf"(?:Bakesbangpol|Kesbangpol|Badan[ ]Kesatuan[ ]Bangsa[ ]dan[ ]Politik{_ACR}|Satpol[ ]PP|Satuan[ ]Polisi[ ]Pamong[ ]Praja{_ACR})(?:[ ]{_ADMIN}{_PLACE})?"),  # noqa: E501
    ("detention", "immigration_office", rf"(?:Rudenim|Rumah[ ]Detensi[ ]Imigrasi{_ACR})(?:[ ]{_PLACE})?"),
    ("broadcaster", "media", rf"(?:LPP[ ])?(?:TVRI|RRI)(?:[ ](?:Stasiun[ ])?{_PLACE})?"),
    ("kementerian", "ministry", rf"Kementerian[ ](?!Hukum[ ]dan\b){_DINAS_NAME}"),
)

# Heads that, alone, name the office the article is about (GUIDELINES lists "Imigrasi" as an alias of it).
_BARE_IMMIGRATION = r"(?<!Binaan[ ])(?<!Jenderal[ ])(?<!Direktorat[ ])\b(?:Imigrasi|Kanim|Kantor[ ]Imigrasi)\b"

# Outlets and page furniture that look like organisations but never are agencies.
NOT_AGENCIES = word_set(_KIND, "not_agencies.txt")


@functools.cache
def entry_pattern(entry: AgencyEntry) -> regex.Pattern[str]:
    """The pattern of one known agency over its name and aliases: acronyms case-sensitive, names not."""
    forms = sorted({entry.name, *entry.aliases}, key=len, reverse=True)
    alts: list[str] = []
    for form in forms:
        body = r"[ ]+".join(regex.escape(w) for w in form.split())
        # Acronyms and camel-case short forms ("BP2MI", "KemenP2MI", "Polri") must match as written,
        # so that "bin" or "tni" in ordinary words never does.
        exact = len(form.split()) == 1 or any(sum(c.isupper() for c in w) >= 2 for w in form.split())
        alts.append(body if exact else f"(?i:{body})")
    return regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(alts) + r")(?![\p{L}\p{N}])")


@functools.cache
def _lexicon() -> tuple[tuple[regex.Pattern[str], AgencyEntry], ...]:
    """One pattern per known agency of the package's lexicon."""
    return tuple((entry_pattern(entry), entry) for entry in load_agencies())


@functools.cache
def _compiled() -> tuple[tuple[str, str, regex.Pattern[str]], ...]:
    return tuple(
        (family, kind, regex.compile(r"(?<![\p{L}\p{N}])" + pattern + r"(?![\p{L}\p{N}])"))
        for family, kind, pattern in _PATTERNS
    )


@functools.cache
def _gate() -> GatedPatterns:
    """The unit patterns, then the lexicon's, each tried only at the words where its match can begin."""
    return GatedPatterns([p for _, _, p in _compiled()] + [p for p, _ in _lexicon()], word=r"[\p{L}\p{N}]")


_WORD = regex.compile(r"\S+")


def _trim_place(text: str, start: int, end: int, place_start: int, place_end: int) -> tuple[int, int]:
    """Cut the place part at the first stop word; returns the new (end, place_end)."""
    words = list(_WORD.finditer(text[place_start:place_end]))
    keep = 0
    for w in words:
        if w.group(0) in PLACE_STOP:
            break
        keep += 1
    if keep == len(words):
        return end, place_end
    if keep == 0:
        return -1, -1
    new_end = place_start + words[keep - 1].end()
    return new_end, new_end


_BARE_HEAD = regex.compile(r"(?:Imigrasi|TPI)")
_BARE_IMMIGRATION_RE = regex.compile(_BARE_IMMIGRATION)
_ACRONYM_AFTER = regex.compile(r"[ ]?\(([\p{Lu}][\p{Lu}\p{N}a-z]{1,14})\)")


def find_agency_mentions(
    text: str, *, bare_immigration: bool = True, extra: Sequence[AgencyEntry] = ()
) -> list[AgencyMention]:
    """Every agency mention in ``text`` (overlaps resolved: the longest wins), not yet grouped. ``extra``
    are known agencies a user added to the pipeline (see :class:`AgencyRecognizer`)."""
    cands: list[AgencyMention] = []
    evidence = _Evidence(text)
    compiled, lexicon = _compiled(), _lexicon()
    found = _gate().finditer_each(text)
    for (family, kind, pattern), matches in zip(compiled, found, strict=False):
        for m in matches:
            start, end = m.span()
            place = ""
            if m.group("place") if "place" in pattern.groupindex else None:
                p_start, p_end = m.span("place")
                new_end, new_p_end = _trim_place(text, start, end, p_start, p_end)
                if new_end < 0:
                    # The name needs its place; without one only the unit head remains.
                    head = text[start:p_start].rstrip()
                    if family not in {"immigration_office", "regional_office", "migrant_office", "dinas"}:
                        continue
                    if _BARE_HEAD.fullmatch(head):
                        continue
                    end = start + len(head)
                else:
                    end = new_end
                    place = text[p_start:new_p_end]
            acr_end = m.end("acr") if "acr" in pattern.groupindex and m.group("acr") else -1
            if acr_end >= 0 and end <= acr_end + 1:
                # "Dinas ... Anak (DPPPA)" with no place after: the acronym is a mention of its own.
                end = m.start("acr") - 1
            surface = text[start:end].rstrip(" ,.(")
            end = start + len(surface)
            if place:
                end, place = _split_trailing_name(text, start, end, place, evidence)
                surface = text[start:end]
            cands.append(AgencyMention(start, end, surface, family, place, agency_type=kind))
    extra_found = [list(pattern.finditer(text)) for pattern in map(entry_pattern, extra)]
    for entry, matches in zip((*(e for _, e in lexicon), *extra), (*found[len(compiled) :], *extra_found), strict=True):
        for m in matches:
            cands.append(
                AgencyMention(
                    m.start(), m.end(), m.group(0), f"id:{entry.id}", agency_id=entry.id, agency_type=entry.type
                )
            )
    if bare_immigration:
        for m in _BARE_IMMIGRATION_RE.finditer(text):
            cands.append(
                AgencyMention(
                    m.start(), m.end(), m.group(0), "immigration_office", "", agency_type="immigration_office"
                )
            )
    # Acronym right after a long form: "Balai ... Indonesia (BP3MI)" is a second mention of the same body.
    chosen = _longest_first(cands)
    acronyms: list[AgencyMention] = []
    for c in chosen:
        after = _ACRONYM_AFTER.match(text[c.end : c.end + 20])
        if after and c.agency_id is None and not _not_an_acronym_of(after.group(1)):
            s = c.end + after.start(1)
            acronyms.append(
                AgencyMention(s, s + len(after.group(1)), after.group(1), c.family, c.place, agency_type=c.agency_type)
            )
    chosen = _longest_first(chosen + acronyms)
    return [c for c in chosen if c.text not in NOT_AGENCIES and len(c.text) > 1]


# How far around a unit's mention (characters, each side) the document is searched for evidence that its last
# words are a person's name: longer than any ordinary article (they run to 10,000-20,000 characters), so that an
# article is read whole, and bounded, so that a long page dump costs time linear in its length.
EVIDENCE_WINDOW = 40_000


_NEXT_LOWER_WORD = regex.compile(r"\s*,?\s*(\p{Ll}+)")
_CLAUSE_END = regex.compile(r"[.!?\n]")
_ROLE_WORD = regex.compile(r"[\p{L}.]+")


class _Evidence:
    """Where whole-word phrases occur in one document, for the searches of :func:`_split_trailing_name`.

    Each mention's evidence is the text around it with the mention cut out (``rest``); searching it anew for
    every mention made a page of thousands of mentions cost their number times the window. A phrase's matches
    in the whole text are found once; a match in ``rest`` away from its seams (its two ends and the cut) is a
    match in the text at the same place, with the same characters around it, so only the few positions at
    the seams are tried in ``rest`` itself. The answers are those of ``pattern.search(rest)``.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: dict[str, list[int]] = {}

    def _matches(self, pattern: regex.Pattern[str]) -> list[int]:
        found = self._starts.get(pattern.pattern)
        if found is None:
            found = self._starts[pattern.pattern] = [m.start() for m in pattern.finditer(self.text, overlapped=True)]
        return found

    def search(self, pattern: regex.Pattern[str], literal: str, reach: int, around: _Around) -> bool:
        """``pattern.search(around.rest) is not None``, for a ``pattern`` whose every match is ``literal``
        with look-arounds that read at most ``reach`` characters before it and one after it."""
        rest, n = around.rest, len(literal)
        starts = self._matches(pattern)
        # the parts of rest that are text unchanged: [lo, start) before the cut and [end, hi) after it, each
        # less the margins where a look-around would read across a seam
        cut = around.start - around.lo
        for a, b in ((around.lo + reach, around.start - n - 1), (around.end + reach, around.hi - n - 1)):
            i = bisect.bisect_left(starts, a)
            if i < len(starts) and starts[i] <= b:
                return True
        # the seams: rest's start, the cut (a space where the mention was), rest's end
        for a, b in ((0, reach), (cut - n - 1, cut + 1 + reach), (len(rest) - n - 1, len(rest))):
            i = rest.find(literal, max(0, a))
            while 0 <= i < b:
                if pattern.match(rest, i) is not None:
                    return True
                i = rest.find(literal, i + 1)
        return False


@dataclasses.dataclass(frozen=True)
class _Around:
    """A mention's evidence window: ``rest`` is text[lo:start] + " " + text[end:hi]."""

    lo: int
    start: int
    end: int
    hi: int
    rest: str


@functools.lru_cache(maxsize=4096)
def _whole_words(literal: str, *, not_after: str = "", letters_only: bool = False) -> tuple[regex.Pattern[str], int]:
    """The pattern of ``literal`` as whole words (no letter, nor a hyphen unless ``letters_only``, either
    side), not right after ``not_after`` and a space when given; and how far its look-behinds read."""
    edge = r"\p{L}" if letters_only else r"\p{L}-"
    behind = rf"(?<!{regex.escape(not_after)}[ ])" if not_after else ""
    return regex.compile(rf"{behind}(?<![{edge}]){regex.escape(literal)}(?![{edge}])"), len(not_after) + 1 + 1


def _split_trailing_name(
    text: str, start: int, end: int, place: str, evidence: _Evidence | None = None
) -> tuple[int, str]:
    """Cut a person's name off the end of a unit's place ("Kantor Imigrasi Belawan Budi Santoso").

    Without a gazetteer the evidence is the document itself: the shorter place occurs elsewhere, and the
    first cut-off word occurs elsewhere without the place word before it (the name mentioned on its own).
    ``evidence`` (of ``text``) serves every mention of one document.
    """
    words = place.split()
    if len(words) < 2 or find_site(place) is not None:  # "TPI Soekarno Hatta": a known site's name is whole
        return end, place
    # the evidence is looked for in the text around the mention: the whole of an ordinary article, and a bounded
    # window of a long page dump, so that each mention costs the same however long the document
    lo, hi = max(0, start - EVIDENCE_WINDOW), min(len(text), end + EVIDENCE_WINDOW)
    before, after = text[lo:start], text[end:hi]
    rest = before + " " + after
    ev = evidence if evidence is not None and evidence.text is text else _Evidence(text)
    around = _Around(lo, start, end, hi, rest)

    def seen(literal: str, not_after: str = "", letters_only: bool = False) -> bool:
        pattern, reach = _whole_words(literal, not_after=not_after, letters_only=letters_only)
        return ev.search(pattern, literal, reach, around)

    cut = _initials_then_name(words)
    if cut is not None:
        new_place = " ".join(words[:cut])
        return end - len(place) + len(new_place), new_place
    # "... Garut Fauzan, S.IP": a degree after the mention says its last word is a person's name
    cut = _region_then_name(words, degree_after=DEGREE_RE.match(after) is not None, seen_alone=seen)
    if cut is not None:
        new_place = " ".join(words[:cut])
        return end - len(place) + len(new_place), new_place
    for k in range(len(words) - 1, 0, -1):
        prefix, first_cut = " ".join(words[:k]), words[k]
        if first_cut in _PLACE_TAIL_WORDS:
            continue
        suffix = " ".join(words[k:])
        # a word joined to another by a hyphen ("Soekarno-Hatta") is not that word standing alone
        suffix_alone = len(words) - k >= 2 and seen(suffix, not_after=words[k - 1])
        if not suffix_alone and not seen(prefix):
            continue
        if suffix_alone or seen(first_cut, not_after=words[k - 1]):
            new_place = prefix
            new_end = end - len(place) + len(new_place)
            return new_end, new_place
    # Inside a role phrase and before a verb of saying, a long place ends in the speaker's name
    # ("Kepala Kantor Imigrasi X Y Budi Santoso mengatakan"); Indonesian names are mostly two words.
    next_word = _NEXT_LOWER_WORD.match(after)
    window = _CLAUSE_END.split(before[-120:])[-1]
    if (
        len(words) >= 3
        and next_word is not None
        and next_word.group(1) in VERBS_AFTER_NAME
        and any(w in ROLE_HEADS for w in _ROLE_WORD.findall(window))
        and words[-2] not in _PLACE_TAIL_WORDS
        and words[-1] not in _PLACE_TAIL_WORDS
    ):
        new_place = " ".join(words[:-2])
        return end - len(place) + len(new_place), new_place
    return end, place


# A person's name after a region: two words at least (one capitalised word after a region is more often
# part of the unit's name, "Polres Bogor Kota"), and at most four.
_NAME_AFTER_REGION = (2, 4)
_NAME_WORD = regex.compile(r"\p{Lu}\p{Ll}+(?:[-'’]\p{L}+)?")
_INITIALS_WORD = regex.compile(r"\p{Lu}{1,3}")


def _initials_then_name(words: list[str]) -> int | None:
    """Where a person's name written with initials first ("Atambua KA Halim") starts in a unit's place part:
    a block of two or three capitals that is no region's short form nor a class word, then one to three
    name words to the end."""
    for k in range(1, len(words) - 1):
        w, rest = words[k], words[k + 1 :]
        if not (_INITIALS_WORD.fullmatch(w) and len(w) >= 2) or w in _CLASS_WORDS or place_abbreviations().get(w):
            continue
        if 1 <= len(rest) <= 3 and all(_NAME_WORD.fullmatch(r) and r not in _PLACE_TAIL_WORDS for r in rest):
            return k
    return None


_CLASS_WORDS = frozenset({"TPI", "II", "III", "IV", "KSOP", "UPT"})


def _region_then_name(
    words: list[str],
    elsewhere: str = "",
    *,
    degree_after: bool = False,
    seen_alone: Callable[..., bool] | None = None,
) -> int | None:
    """Where a region ends and a person's name begins in the place part of a unit's name, by the gazetteer:
    "Jawa Tengah Budi Santoso" -> 2. The longest leading run of words that is a province, regency or city
    (or its abbreviation), followed by name-shaped words of which the first is no region and does not extend
    it. One word is a name only when the rest of the document (``elsewhere``) names it alone too, or an
    academic degree follows it (``degree_after``); ``seen_alone(word, letters_only=True)`` answers that
    instead of a search of ``elsewhere`` when given."""
    for k in range(len(words) - 1, 0, -1):
        rest = words[k:]
        if not _NAME_AFTER_REGION[0] <= len(rest) <= _NAME_AFTER_REGION[1]:
            alone = degree_after or (
                seen_alone(rest[0], letters_only=True)
                if seen_alone is not None
                else regex.search(rf"(?<![\p{{L}}]){regex.escape(rest[0])}(?![\p{{L}}])", elsewhere)
            )
            if not (len(rest) == 1 and alone):
                continue
        initials = [w for w in rest[:-1] if _INITIALS_WORD.fullmatch(w)]
        if not all(
            (_NAME_WORD.fullmatch(w) or w in initials) and w not in _PLACE_TAIL_WORDS for w in rest
        ) or not _NAME_WORD.fullmatch(rest[-1]):
            continue
        # initials before a name ("Atambua KA Halim") say a person so surely that a town will do as region
        if not _is_region(" ".join(words[:k]), _WIDE_LEVELS if initials else _UNIT_REGION_LEVELS):
            continue
        # the next word neither extends the region nor is one ("Tanjung Balai Karimun" names one office)
        if any(_is_region(p, _WIDE_LEVELS) for p in (" ".join(words[: k + 1]), rest[0], " ".join(rest))):
            continue
        return k
    return None


# The regions a unit is named after ("BP3MI Jawa Tengah", "Polres Garut"), and the levels at which a word
# is taken for a region at all: thousands of villages bear names that are also personal names.
_UNIT_REGION_LEVELS = frozenset({"province", "regency"})
_WIDE_LEVELS = frozenset({"province", "regency", "district"})


def _is_region(name: str, levels: frozenset[str]) -> bool:
    link = link_place(name)
    return link is not None and link.level in levels


# Words that continue a region's name rather than start a person's ("Bogor Kota", "Jakarta Timur").
_PLACE_TAIL_WORDS = word_set(_KIND, "place_tail_words.txt")


def _not_an_acronym_of(acr: str) -> bool:
    """True for a parenthesised word after a unit that is not the unit's acronym: a region ("(Sulteng)") or
    a domain word ("(PMI)")."""
    if acr in {"PMI", "CPMI", "TPPO", "WNA", "WNI", "TPI", "TKI"}:
        return True
    expansion = abbreviations().get(acr)
    return expansion is not None and expansion.split()[0] not in {"Kantor", "Dinas", "Direktorat", "Pemerintah"}


def _longest_first(cands: list[AgencyMention]) -> list[AgencyMention]:
    # of two equally long mentions the lexicon's (with its id) wins over a pattern's
    cands = sorted(cands, key=lambda c: (-(c.end - c.start), c.agency_id is None, c.start))
    taken: list[AgencyMention] = []
    # characters already in a chosen mention: one look-up per candidate's own characters, not a scan of every
    # mention chosen so far (a page of thousands of mentions stays linear)
    busy = bytearray(max((c.end for c in cands), default=0))
    for c in cands:
        if 1 not in busy[c.start : c.end]:
            taken.append(c)
            busy[c.start : c.end] = b"\x01" * (c.end - c.start)
    return sorted(taken, key=lambda c: c.start)


def resolve_agencies(mentions: list[AgencyMention], extra: Sequence[AgencyEntry] = ()) -> list[AgencyMention]:
    """Fill canonical name, id, type and parents of every mention from its group (in place; returned)."""
    added = {e.id: e for e in extra}
    for m in mentions:
        if m.agency_id is not None:
            entry = added.get(m.agency_id) or agency_by_id(m.agency_id)
            assert entry is not None, m.agency_id
            m.canonical = entry.name
            parent = agency_by_id(entry.parent) if entry.id in added and entry.parent else None
            m.parents = [parent.name, *parent_chain(parent.id)] if parent else parent_chain(entry.id)
        else:
            m.canonical = canonical_name(m.text)
            m.parents = _pattern_parents(m)
    for group in group_agencies(mentions):
        for j in group.members:
            mentions[j].canonical = group.canonical
            mentions[j].agency_id = group.agency_id
            mentions[j].agency_type = group.agency_type
            mentions[j].parents = list(group.parents)
    return mentions


_DIVISION_HEAD = regex.compile(r"^Divisi \S+ (?:Kantor Wilayah )?")
_POLICE_UNIT_CUE = regex.compile(r"\bPol(?:da|res)")
_POLICE_UNIT_TAIL = regex.compile(r"\bPol(?:da|resta|restabes|res|sek)\b.*$")


def _pattern_parents(m: AgencyMention) -> list[str]:
    text = m.canonical
    if m.family == "immigration_office":
        return ["Direktorat Jenderal Imigrasi", *parent_chain("ditjenim")]
    if m.family == "regional_office":
        if "Imigrasi" in text:
            return ["Direktorat Jenderal Imigrasi", *parent_chain("ditjenim")]
        if "Hak Asasi Manusia" in text or "Kementerian Hukum" in text:
            return ["Kementerian Hukum dan Hak Asasi Manusia"]
        return ["Kementerian Imigrasi dan Pemasyarakatan"]
    if m.family == "division":
        unit = _DIVISION_HEAD.sub("", text)
        return [f"Kantor Wilayah {unit}", "Kementerian Hukum dan Hak Asasi Manusia"]
    if m.family in {"police", "bnnp"}:
        return ["Kepolisian Negara Republik Indonesia"] if m.family == "police" else ["Badan Narkotika Nasional"]
    if m.family == "police_sub" or (m.family == "task_force" and _POLICE_UNIT_CUE.search(text)):
        unit = _POLICE_UNIT_TAIL.search(text)
        return ([unit.group(0)] if unit else []) + ["Kepolisian Negara Republik Indonesia"]
    if m.family == "migrant_office":
        return ["Badan Pelindungan Pekerja Migran Indonesia", *parent_chain("bp2mi")]
    if m.family == "timpora":
        return ["Direktorat Jenderal Imigrasi", *parent_chain("ditjenim")]
    return []


def find_agencies(doc: Doc, *, bare_immigration: bool = True, extra: Sequence[AgencyEntry] = ()) -> list[Span]:
    """AGENCY spans of ``doc`` with canonical name, id, type and parents set; not yet added to doc.ents."""
    text = doc_text(doc)
    mentions = [
        m
        for m in find_agency_mentions(text, bare_immigration=bare_immigration, extra=extra)
        if not in_skipped_zone(doc, m.start, m.end) and not _is_outlet(doc, m) and not _in_regulation_title(text, m)
    ]
    mentions = [_trim_headline_place(doc, m) for m in mentions]
    resolve_agencies(mentions, extra)
    spans: list[Span] = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, label="AGENCY", alignment_mode="contract")
        if span is None or not span.text.strip():
            continue
        span._.canonical = m.canonical
        span._.agency_id = m.agency_id
        span._.agency_type = m.agency_type
        span._.parents = list(m.parents)
        span._.org_type = org_type_of(m.agency_type, m.canonical, m.parents)
        region = served_region(m.place)
        if region is not None:
            span._.region_code, span._.province = region
        spans.append(span)
    return spans


# Levels whose code stands for the region a unit serves; a district or village in a unit's name
# ("Kantor Imigrasi Kalianda") stands for its regency.
_REGENCY_CODE_LENGTH = 5  # "18.01"


def served_region(place: str) -> tuple[str, str | None] | None:
    """Kemendagri code and province of the region a unit's place part names ("Kalianda" -> the regency
    Lampung Selatan, 18.01), or None when it names none in the gazetteer."""
    if not place:
        return None
    link = link_place(place)
    if link is None or link.country != "Indonesia" or not link.code:
        return None
    code = link.code if link.level in {"province", "regency"} else link.code[:_REGENCY_CODE_LENGTH]
    return code, link.province


# "Peraturan Badan X Nomor 9 Tahun 2020", "Surat Edaran Direktorat Jenderal Imigrasi Nomor ...": the body is
# named inside the title of a regulation, which is no mention of the body acting.
_REGULATION_BEFORE = regex.compile(
    r"(?:Peraturan|Surat[ ]Edaran|Keputusan|Instruksi|Pedoman|Petunjuk[ ]Teknis)(?:[ ]Bersama)?[ ]$", regex.IGNORECASE
)
_NUMBER_AFTER = regex.compile(r"[ ]*(?:Nomor|No\.?)[ ]*[\dA-Z]", regex.IGNORECASE)


def _in_regulation_title(text: str, m: AgencyMention) -> bool:
    before = _REGULATION_BEFORE.search(text, max(0, m.start - 30), m.start)
    return before is not None and _NUMBER_AFTER.match(text, m.end) is not None


def _trim_headline_place(doc: Doc, m: AgencyMention) -> AgencyMention:
    """In a title-case headline, cut the place part of a unit after its longest known place prefix.

    Headlines capitalise every word, so "Disnakertrans Cianjur Siapkan Pelatihan" would otherwise read
    as a unit of "Cianjur Siapkan Pelatihan". Only headlines: in body text a longer unknown place name
    ("Tanjung Balai Karimun") must not be cut back to a known shorter one.
    """
    words = m.place.split()
    if len(words) < 2 or not m.text.endswith(m.place) or not in_skipped_zone(doc, m.start, m.end, _HEADLINE):
        return m
    if link_place(m.place) is not None:
        return m
    for n in range(len(words) - 1, 0, -1):
        prefix = " ".join(words[:n])
        if link_place(prefix) is not None:
            end = m.end - (len(m.place) - len(prefix))
            return dataclasses.replace(m, end=end, text=doc_text(doc)[m.start : end], place=prefix)
    return m


_HEADLINE = frozenset({"headline"})


def _is_outlet(doc: Doc, m: AgencyMention) -> bool:
    dl = doc._.dateline
    if not dl:
        return False
    if dl["start"] <= m.start < dl["end"]:
        return True
    outlet = dl.get("outlet")
    return bool(outlet) and m.text.casefold() == str(outlet).casefold()


class AgencyRecognizer:
    """Adds AGENCY entities to ``doc.ents`` (runs before places and persons, so its spans win).

    ``extra_agencies`` (config) and :meth:`add_agencies` add known bodies to the package's lexicon without
    editing it: an NGO, a local office, a company. Each is a ``resources/agencies/agencies.jsonl`` entry
    (``id``, ``name``, ``aliases``, ``type``, ``parent``); they are saved with the pipeline (``to_disk``).
    """

    def __init__(
        self, nlp: Language, name: str, *, bare_immigration: bool, extra_agencies: Sequence[Mapping[str, Any]] = ()
    ) -> None:
        register_extensions()
        self.name = name
        self.bare_immigration = bare_immigration
        self.extra: tuple[AgencyEntry, ...] = ()
        self.add_agencies(extra_agencies)

    def add_agencies(self, entries: Iterable[Mapping[str, Any]]) -> None:
        """Validate ``entries`` and add them; a bad entry or an id already known raises ConfigError."""
        known = {e.id for e in load_agencies()} | {e.id for e in self.extra}
        added: list[AgencyEntry] = []
        for n, raw in enumerate(entries, 1):
            try:
                entry = AgencyEntry.model_validate(dict(raw))
            except ValidationError as exc:
                raise ConfigError(f"{self.name}: extra agency {n} is not valid: {exc}") from exc
            if entry.id in known:
                raise ConfigError(f"{self.name}: extra agency {n}: the id {entry.id!r} is taken")
            if entry.type not in org_type_map():
                raise ConfigError(f"{self.name}: extra agency {n}: unknown type {entry.type!r}")
            if entry.parent is not None and agency_by_id(entry.parent) is None:
                raise ConfigError(f"{self.name}: extra agency {n}: unknown parent {entry.parent!r}")
            known.add(entry.id)
            added.append(entry)
        self.extra = (*self.extra, *added)

    def __call__(self, doc: Doc) -> Doc:
        add_entities(doc, find_agencies(doc, bare_immigration=self.bare_immigration, extra=self.extra))
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        save_rows(path, _EXTRA_FILE, self.extra)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> AgencyRecognizer:
        rows = load_rows(path, _EXTRA_FILE)
        if rows is not None:
            self.extra = ()
            self.add_agencies(rows)
        return self


# Where a saved pipeline keeps the agencies a user added.
_EXTRA_FILE = "extra_agencies.jsonl"


@Language.factory(
    "tppo_agencies",
    assigns=["doc.ents", "span._.canonical", "span._.agency_id", "span._.agency_type", "span._.parents"],
    requires=["doc._.zones", "doc._.dateline"],
    default_config={"bare_immigration": True, "extra_agencies": []},
)
def make_agencies(
    nlp: Language, name: str, bare_immigration: bool, extra_agencies: list[dict[str, Any]]
) -> AgencyRecognizer:
    return AgencyRecognizer(nlp, name, bare_immigration=bare_immigration, extra_agencies=extra_agencies)


def agency_forms(spans: Iterable[Span]) -> list[str]:
    """Distinct surface forms of ``spans`` in order (a helper for reports and tests)."""
    seen: list[str] = []
    for s in spans:
        if s.text not in seen:
            seen.append(s.text)
    return seen

"""PLACE entities: administrative regions, countries and sites, linked to Kemendagri codes.

Runs after tppo_agencies, so a place inside an agency name ("Kantor Imigrasi ... Kalianda") stays inside
the AGENCY and is not a PLACE of its own (spans.add_entities keeps earlier entities).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import register_extensions
from ..lang.calendar import WEEKDAYS
from ..lang.wordlists import load_table, load_words, word_set
from ..normalize.places import (
    PREFIXES,
    PlaceLink,
    abbreviations,
    country_code,
    find_site,
    foreign_places,
    gazetteer,
    link_place,
    link_site,
    place_key,
    stoplist,
)
from ..spans import add_entities, doc_text, in_skipped_zone
from ..text.scan import GatedPatterns

# A capitalised or all-caps word of a proper name ("Soekarno-Hatta", "I", "NTT").
_WORD = r"(?:\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*)"
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{0,5}}"


def _title_or_upper(words: list[str]) -> str:
    return "|".join(v for w in words for v in (w, w.upper()))


# Administrative prefixes as written in the text: capitalised or all caps, abbreviations with their period.
_ADMIN_WORDS = [
    "Provinsi", "Kabupaten", "Kota Administrasi", "Kotamadya", "Kota", "Kecamatan", "Kapanewon",
    "Kemantren", "Distrik", "Kelurahan", "Kalurahan", "Desa", "Kampung", "Nagari", "Gampong", "Pekon",
    "Dusun",
]
_ADMIN_ABBR = ["Prov.", "Kab.", "Kec.", "Kel."]
ADMIN_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<prefix>{_title_or_upper(_ADMIN_WORDS)}|"
    + "|".join(regex.escape(a) for a in _ADMIN_ABBR)
    + rf")[ \t]+(?P<name>{_NAME})"
)
# Sites: airports, ports, border posts, checkpoints and named buildings, longest first where one begins
# another (resources/places/site_prefixes.txt; the other word lists of this stage live there too).
_SITE_WORDS = list(load_words("places", "site_prefixes.txt", longest_first=True))
# Sites named after the place they serve ("Pelabuhan Teluk Nibung", "PLBN Entikong").
TRANSPORT_SITES: frozenset[str] = word_set("places", "transport_sites.txt", key=place_key)
# Site names made only of these words name no particular site ("Pelabuhan Internasional", "Ruang Rapat").
GENERIC_SITE_WORDS: frozenset[str] = word_set("places", "generic_site_words.txt", key=place_key)
SITE_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<prefix>{_title_or_upper(_SITE_WORDS)})[ \t]+(?P<name>{_NAME})"
)
# Schools named by a number: "SMKN 7", "SMA Negeri 1" (resources/places/numbered_sites.txt).
_NUMBERED_SITE_WORDS = load_words("places", "numbered_sites.txt", longest_first=True)
NUMBERED_SITE_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?:{'|'.join(map(regex.escape, _NUMBERED_SITE_WORDS))})"
    r"(?:[ \t]+(?:Negeri|Swasta|Inpres))?[ \t]+\p{N}{1,3}(?![\p{L}\p{N}]|[.,]\p{N})"
    rf"(?P<town>[ \t]+{_WORD}(?:[ \t]+{_WORD})?)?"
)
# Capitalised words that end a name after a prefix: the next prefix, or words that make the phrase a
# programme or an organisation rather than a place ("Desa Binaan Imigrasi", "Kota Layak Anak").
NAME_BREAKERS: frozenset[str] = frozenset(
    place_key(w) for w in [*_ADMIN_WORDS, "Kab", "Kec", "Kel", "Prov", *WEEKDAYS]
) | word_set("places", "name_breakers.txt", key=place_key)
# Words after which a bare region name is the tail of an organisation or a title ("Polres Cirebon",
# "Bupati Bojonegoro"), not a place of its own.
ORG_HEADS: frozenset[str] = word_set("places", "org_heads.txt", key=place_key)
# Capitalised words that may precede a region name inside one run of capitals ("di Wilayah Sumsel").
LEADING_OK: frozenset[str] = word_set("places", "leading_ok.txt", key=place_key)
SITE_PROVINCE_FIRST: frozenset[str] = frozenset({"tpi"})
# First words of agency mentions that name a building or a checkpoint, with the prepositions of place that make
# such a mention the site rather than the body ("rapat di Kanim X", "melalui TPI X").
_OFFICE_ROWS = load_table(
    "places", "office_sites.tsv", columns=3, check=lambda r: None if r[2] in ("office", "checkpoint") else "kind?"
)
OFFICE_SITES: dict[str, frozenset[str]] = {first: frozenset(preps.split("|")) for first, preps, _ in _OFFICE_ROWS}
# First words of units named after the checkpoint they run ("TPI Sukamaju"): wherever such a unit acts, it
# acts at that crossing point.
CHECKPOINT_WORDS: frozenset[str] = frozenset(first for first, _, kind in _OFFICE_ROWS if kind == "checkpoint")


def is_checkpoint(span: Span) -> bool:
    """True when the AGENCY ``span`` is a unit named after its checkpoint ("TPI Sukamaju")."""
    return span.text.split(maxsplit=1)[0].casefold() in CHECKPOINT_WORDS


_PREPOSITION_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])(\p{L}+)[ \t]+$")
# How far back from a mention the preposition before it is looked for (characters).
_PREPOSITION_REACH = 12


@dataclass(frozen=True)
class PlaceCandidate:
    start: int  # character offsets in doc_text(doc)
    end: int
    name: str  # the name without the prefix
    kind: str  # "admin" | "site" | "bare" | "cued" | "dateline"
    level: str | None  # level the text claims (from the prefix), None for bare names
    prefix: str = ""  # the prefix word as written ("Desa", "Bandara")


# Words that end a site's name: the name breakers, another site's prefix, an airport's halls.
SITE_BREAKERS: frozenset[str] = NAME_BREAKERS | word_set("places", "site_breakers.txt", key=place_key)
# Words before a country name that make it an adjective ("pekerja migran Indonesia", "timnas Indonesia").
COUNTRY_ADJ_HEADS: frozenset[str] = word_set("places", "country_adj_heads.txt", key=place_key)


# Words before "negara" that make "negara X" a nationality ("warga negara X", "WN X") rather than the country.
_CITIZEN_WORDS: frozenset[str] = word_set("places", "citizen_words.txt", key=place_key)


def _name_words(name: str, breakers: frozenset[str] = NAME_BREAKERS) -> list[str]:
    words = name.split()
    for i, w in enumerate(words):
        # "se-Kapanewon", "Se-Provinsi": "all of", the start of another phrase.
        if place_key(w) in breakers or w.casefold().startswith("se-"):
            return words[:i]
    return words


def _fits_level(name: str, level: str, subtype: str | None) -> bool:
    link = link_place(name, level_hint=level)
    return link is not None and link.code is not None and link.level == level


@functools.cache
def _gate() -> GatedPatterns:
    """The prefix, site and numbered-site patterns, each tried only at the words where its match can begin
    (the first two overlapping, as ADMIN_RE.finditer(text, overlapped=True) finds them)."""
    return GatedPatterns(
        [ADMIN_RE, SITE_RE, NUMBERED_SITE_RE], word=r"[\p{L}\p{N}]", overlapped=[True, True, False]
    )


# (the text last asked about, its matches of ADMIN_RE, SITE_RE and NUMBERED_SITE_RE): find_prefixed and
# find_sites ask about one text in turn
_LAST_GATED: list[Any] = [None, None]


def _gated_matches(text: str) -> list[list[regex.Match[str]]]:
    if _LAST_GATED[0] is not text:
        _LAST_GATED[:] = [text, _gate().finditer_each(text)]
    found: list[list[regex.Match[str]]] = _LAST_GATED[1]
    return found


def find_prefixed(text: str) -> list[PlaceCandidate]:
    """Mentions with an administrative prefix: "Desa Bumidaya", "Kabupaten Timor Tengah Selatan"."""
    out: list[PlaceCandidate] = []
    # Overlapping, because a name run can swallow the next prefix ("Kelurahan Alak Kecamatan Alak").
    for m in _gated_matches(text)[0]:
        prefix = m.group("prefix").casefold().rstrip(".")
        level, subtype = PREFIXES[prefix]
        words = _name_words(m.group("name"))
        if not words:
            continue
        # The longest run of name words that the gazetteer knows at the claimed level; else at any level;
        # else (an unlisted village or hamlet) up to two words.
        n = next((k for k in range(len(words), 0, -1) if _fits_level(" ".join(words[:k]), level, subtype)), 0)
        if n == 0:
            n = next((k for k in range(len(words), 0, -1) if link_place(" ".join(words[:k])) is not None), 0)
        if n == 0:
            if level not in ("village", "district"):
                continue
            n = min(len(words), 2)
        name = " ".join(words[:n])
        end = m.start("name") + _offset_of_words(m.group("name"), n)
        out.append(PlaceCandidate(m.start(), end, name, "admin", level))
    return out


_NON_SPACE_RUN = regex.compile(r"\S+")


def _offset_of_words(name: str, n: int) -> int:
    """Length of the first ``n`` whitespace-separated words of ``name`` with the gaps between them."""
    ms = list(_NON_SPACE_RUN.finditer(name))
    end: int = ms[n - 1].end()
    return end


def find_sites(text: str) -> list[PlaceCandidate]:
    """Airports, ports, border posts and buildings: "Bandara Soekarno-Hatta", "PLBN Entikong"."""
    out: list[PlaceCandidate] = []
    # Overlapping: "Terminal Keberangkatan Bandara X" holds "Bandara X".
    for m in _gated_matches(text)[1]:
        words = _name_words(m.group("name"), SITE_BREAKERS)
        if not words or all(place_key(w) in GENERIC_SITE_WORDS for w in words):
            if not (words and m.group("prefix").startswith("Pos Lintas")):  # "Pos Lintas Batas Tradisional"
                continue
        n = len(words)
        # "Pelabuhan Tenau Kupang": a region name after the site's own name is a place of its own.
        if find_site(" ".join(words)) is None:
            for k in range(1, n):
                tail = " ".join(words[k:])
                if _is_bare(tail):
                    tail_start = m.start("name") + _offset_of_words(m.group("name"), k) + 1
                    tail_start += len(text[tail_start:]) - len(text[tail_start:].lstrip())
                    out.append(PlaceCandidate(tail_start, tail_start + len(tail), tail, "bare", None))
                    n = k
                    break
        end = m.start("name") + _offset_of_words(m.group("name"), n)
        out.append(PlaceCandidate(m.start(), end, " ".join(words[:n]), "site", "site", m.group("prefix")))
    for m in _gated_matches(text)[2]:
        # "SMA Negeri 1 Sukamaju": the town after the number belongs to the school's name
        end = m.end("town") if m.group("town") else m.end()
        if m.group("town"):
            town = _name_words(m.group("town"), SITE_BREAKERS)
            end = m.start("town") + (_offset_of_words(m.group("town"), len(town)) if town else 0)
        prefix, _, name = text[m.start() : end].partition(" ")
        out.append(PlaceCandidate(m.start(), end, name.strip(), "site", "site", prefix))
    return out


@functools.cache
def bare_lexicon() -> frozenset[str]:
    """place_keys that may stand alone: provinces, regencies and cities (without "Kabupaten"/"Kota"),
    countries and foreign places; ordinary words of the stop list are left out."""
    gaz = gazetteer()
    wide = ("province", "regency")
    keys = {key for key, codes in gaz.by_key.items() if any(gaz.regions[c].level in wide for c in codes)}
    keys |= set(foreign_places())
    return frozenset(keys - stoplist())


_RUN_RE = regex.compile(_NAME)
# A currency written before an amount: "Rp10", "US$25", "S$ 3", "RM 500".
_CURRENCY = regex.compile(r"(?:Rp|RM|IDR|USD|SGD|MYR|(?:US|S|NT|HK|A|AU)\$)[ ]?\d")
_SENTENCE_END = frozenset('.!?:"“”(')


def _sentence_initial(text: str, start: int) -> bool:
    # the characters just before are enough; a copy of everything before would cost a long page dear
    lo = max(0, start - 200)
    before = text[lo:start].rstrip(" \t")
    if not before and lo > 0:
        before = text[:start].rstrip(" \t")
    return not before or before.endswith("\n") or before[-1] in _SENTENCE_END


@functools.cache
def _upper_abbreviations() -> frozenset[str]:
    return frozenset(a.upper() for a in abbreviations())


def _is_bare(name: str) -> bool:
    if name in abbreviations() or (name.isupper() and len(name) <= 4 and name in _upper_abbreviations()):
        return True
    key = place_key(name)
    if key not in bare_lexicon():
        return False
    # A name in all caps must be long enough not to be an acronym of something else ("PALU" yes, "OKU" via
    # abbreviations only).
    return not name.isupper() or len(key) >= 4


LOCATIVE_CUES: frozenset[str] = word_set("places", "locative_cues.txt", key=place_key)
_CUED_RE = regex.compile(rf"(?<![\p{{L}}])(?P<cue>\p{{Ll}}+)[ \t]+(?P<name>{_NAME})", regex.VERSION1)
_LOWER_RUN = regex.compile(r"(?<![\p{L}])\p{Ll}+", regex.VERSION1)
_LETTER = regex.compile(r"\p{L}")
_LOWER = regex.compile(r"\p{Ll}")


# Whether a lower-case run is a cue, by run: the same few thousand words come back in every article.
_CUE_RUNS: dict[str, bool] = {}
_CUE_RUNS_KEPT = 100_000


def _is_cue(run: str) -> bool:
    known = _CUE_RUNS.get(run)
    if known is None:
        if len(_CUE_RUNS) >= _CUE_RUNS_KEPT:
            _CUE_RUNS.clear()
        known = _CUE_RUNS[run] = place_key(run) in LOCATIVE_CUES
    return known


def _lower_run_starts(text: str, run: str) -> Iterator[int]:
    """Where the lower-case ``run`` stands in ``text`` as a run that :data:`_LOWER_RUN` finds: no letter
    before it, no lower-case letter after it."""
    i = text.find(run)
    while i >= 0:
        if (i == 0 or _LETTER.match(text, i - 1) is None) and _LOWER.match(text, i + len(run)) is None:
            yield i
        i = text.find(run, i + 1)


def find_cued(text: str) -> list[PlaceCandidate]:
    """Local names after a lower-case noun of area: "di kawasan Batu Aji", "daerah Pasir Putih".

    Without a prefix a district or village name is too common a word to take alone; the cue makes it a
    place, so any level of the gazetteer may hold it. The longest run of the name's first words that the
    gazetteer holds is the place.
    """
    out: list[PlaceCandidate] = []
    by_key = gazetteer().by_key
    # a cue is a whole run of lower-case letters: the text's distinct runs are read, and the pattern tried where
    # a cue stands alone
    cues = [w for w in set(_LOWER_RUN.findall(text)) if _is_cue(w)]
    for at in sorted(i for w in cues for i in _lower_run_starts(text, w)):
        if (m := _CUED_RE.match(text, at)) is None:
            continue
        words = _name_words(m.group("name"))
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            key = place_key(name)
            if key in by_key and key not in stoplist():
                start = m.start("name")
                out.append(PlaceCandidate(start, start + _offset_of_words(m.group("name"), n), name, "cued", None))
                break
    return out


_PREFIX_KEYS: frozenset[str] = frozenset(place_key(w) for w in _ADMIN_WORDS + _SITE_WORDS)
# A sentence's first word that may not be dropped before a bare name: it names the body or the level.
_NOT_LEADING_WORD = ORG_HEADS | NAME_BREAKERS | _PREFIX_KEYS


def find_bare(text: str) -> list[PlaceCandidate]:
    """Province, regency, city and country names standing alone: "Gunungkidul", "Sumsel", "Kamboja".

    A name must be a whole run of capitalised words, so "Bima" in "Bima Arya" and "Cirebon" in
    "Polres Cirebon" are not places; the first word of a sentence ("Warga", "Di") may precede it.
    """
    out: list[PlaceCandidate] = []
    for m in _RUN_RE.finditer(text):
        run = m.group()
        # (start, end, text) of each word; most runs are one word
        if " " in run or "\t" in run:
            words = [(w.start(), w.end(), w.group()) for w in _NON_SPACE_RUN.finditer(run)]
        else:
            words = [(0, len(run), run)]
        run_end = m.end()
        # "dari Kuwait US$25 juta", "Jepang Rp10 miliar": an amount's currency ends the name before it
        if len(words) > 1 and _CURRENCY.match(text, m.start() + words[-1][0]):
            words.pop()
            run_end = m.start() + words[-1][1]
        # The run must not continue through a hyphen or a word-internal character.
        elif m.end() < len(text) and (text[m.end()].isalnum() or text[m.end()] in "-'’"):
            continue
        starts = [0]
        first = place_key(words[0][2])
        if len(words) > 1 and (
            first in LEADING_OK or _sentence_initial(text, m.start()) and first not in _NOT_LEADING_WORD
        ):
            starts.append(1)
        for k in starts:
            name = " ".join(w[2] for w in words[k:])
            if _is_bare(name) and not adjectival_country(text, m.start() + words[k][0], name):
                out.append(PlaceCandidate(m.start() + words[k][0], run_end, name, "bare", None))
                break
    return out


def adjectival_country(text: str, start: int, name: str) -> bool:
    """A country name used as a nationality: "pekerja migran Indonesia", "timnas Indonesia"."""
    place = foreign_places().get(place_key(name))
    if place is None or place.level != "country":
        return False
    before = text[max(0, start - 30) : start].split()
    if not before or place_key(before[-1]) not in COUNTRY_ADJ_HEADS:
        return False
    # "negara Kamboja" is the country itself; "warga negara Kamboja" a nationality
    return place_key(before[-1]) != "negara" or (len(before) > 1 and place_key(before[-2]) in _CITIZEN_WORDS)


def _alias_of(text: str, cand: PlaceCandidate) -> int | None:
    """For a short form in parentheses ("Provinsi Kepulauan Riau (Kepri)"), the end offset of the text
    before the parenthesis; None when ``cand`` is not in parentheses."""
    if not text[max(0, cand.start - 2) : cand.start].rstrip().endswith("(") or text[cand.end : cand.end + 1] != ")":
        return None
    end = text.rfind("(", 0, cand.start)
    while end > 0 and text[end - 1].isspace():  # len(text[:paren].rstrip()), without copying the text before
        end -= 1
    return end




def find_candidates(doc: Doc) -> list[PlaceCandidate]:
    """Every place mention of ``doc`` outside page furniture, overlapping ones included."""
    text = doc_text(doc)
    cands = find_prefixed(text) + find_sites(text) + find_bare(text) + find_cued(text)
    dateline = doc._.dateline
    if dateline and dateline.get("place"):
        p = dateline["place"]
        cands.append(PlaceCandidate(p["start"], p["end"], text[p["start"] : p["end"]], "dateline", None))
    seen: set[tuple[int, int]] = set()
    out: list[PlaceCandidate] = []
    for c in cands:
        if (c.start, c.end) not in seen and not in_skipped_zone(doc, c.start, c.end):
            seen.add((c.start, c.end))
            out.append(c)
    return out


def link_candidate(text: str, cand: PlaceCandidate, *, context_codes: Iterable[str] = ()) -> PlaceLink | None:
    """The gazetteer link of one candidate (for a site: the region that gives its province)."""
    if cand.kind == "site":
        if place_key(cand.prefix.split()[0]) not in TRANSPORT_SITES:
            return None  # a building's name ("Gedung Merdeka") is no region name
        return link_site(cand.name, context_codes=context_codes)
    if cand.kind == "admin":
        mention = text[cand.start : cand.end]
        link = link_place(mention, context_codes=context_codes)
        if link is not None and link.code is not None and mention.casefold().startswith("dusun"):
            # A hamlet is no village of the gazetteer; a village of the same name counts only in a region
            # the article already names.
            if not any(link.code.startswith(c) or c.startswith(link.code) for c in context_codes):
                return None
        return link
    return link_place(cand.name, context_codes=context_codes)


def link_candidates(text: str, cands: list[PlaceCandidate]) -> list[PlaceLink | None]:
    """Links in two passes: unambiguous regions found in the first pass disambiguate the rest."""
    first = [link_candidate(text, c) for c in cands]
    context = sorted(
        {
            link.code
            for link in first
            if link is not None and link.code is not None and not link.ambiguous and link.level != "village"
        }
    )
    if not context:
        return first
    return [link_candidate(text, c, context_codes=context) for c in cands]


def _dominant_province(links: Iterable[PlaceLink | None]) -> str | None:
    counts = Counter(link.province for link in links if link is not None and link.province)
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2)
    return best if not rest or rest[0][1] < n else None


def place_spans(doc: Doc, *, link: bool = True) -> list[Span]:
    """PLACE spans of ``doc`` with their level, code, province and canonical name set."""
    text = doc_text(doc)
    cands = find_candidates(doc)
    links = link_candidates(text, cands) if link else [None] * len(cands)
    fallback_province = _dominant_province(links)
    code_at_end = {c.end: lk.code for c, lk in zip(cands, links, strict=True) if lk is not None and lk.code}
    spans: list[Span] = []
    for cand, lk in zip(cands, links, strict=True):
        # "Provinsi Kepulauan Riau (Kepri)" names one place once; "Gunungkidul (DIY)" names two.
        before = _alias_of(text, cand)
        if before is not None and lk is not None and lk.code is not None and code_at_end.get(before) == lk.code:
            continue
        span = doc.char_span(cand.start, cand.end, label="PLACE", alignment_mode="expand")
        if span is None or not span.text.strip():
            continue
        if link:
            _set_attributes(span, cand, lk, fallback_province)
        spans.append(span)
    return spans


def _set_attributes(span: Span, cand: PlaceCandidate, lk: PlaceLink | None, fallback: str | None) -> None:
    if cand.kind == "site":
        site = find_site(cand.name)
        span._.level = "site"
        span._.province = lk.province if lk is not None else fallback
        span._.country_code = country_code(lk) if lk is not None else ("ID" if span._.province else None)
        span._.canonical = site.canonical if site is not None else span.text
        return
    if lk is None:
        span._.level = cand.level
        # An unlisted hamlet or village ("Dusun X") lies in the province the article is about.
        span._.province = fallback if cand.level in ("village", "district") else None
        span._.canonical = span.text
        span._.country_code = "ID" if span._.province else None
        return
    level = cand.level or lk.level
    span._.level = level
    span._.region_code = lk.code if lk.level == level else None
    span._.province = lk.province
    span._.canonical = lk.name if lk.level == level else span.text
    span._.country_code = country_code(lk)


class PlaceRecognizer:
    """Adds PLACE entities (spans.add_entities: AGENCY spans found earlier win)."""

    def __init__(self, nlp: Language, name: str, *, link: bool) -> None:
        register_extensions()
        self.name = name
        self.link = link

    def __call__(self, doc: Doc) -> Doc:
        add_entities(doc, place_spans(doc, link=self.link))
        office_sites(doc)
        return doc


def _office_site(text: str, ent: Span) -> bool:
    """True when the AGENCY ``ent`` is, where it stands, the building or checkpoint of the body."""
    preps = OFFICE_SITES.get(ent.text.split(maxsplit=1)[0].casefold())
    if preps is None:
        return False
    m = _PREPOSITION_BEFORE.search(text, max(0, ent.start_char - _PREPOSITION_REACH), ent.start_char)
    return m is not None and m.group(1).casefold() in preps


def office_sites(doc: Doc) -> list[Span]:
    """Turn the agency mentions that stand for a building or a checkpoint into PLACE sites ("koordinasi di
    Kanim Sukamaju", "berangkat melalui TPI Sukamaju"); the body keeps its other mentions. Returns the new
    PLACE spans. Their region and province come from the agency's; the agency attributes are cleared."""
    text = doc_text(doc)
    out: list[Span] = []
    ents: list[Span] = []
    for ent in doc.ents:
        if ent.label_ != "AGENCY" or in_skipped_zone(doc, ent.start_char, ent.end_char) or not _office_site(text, ent):
            ents.append(ent)
            continue
        # span extensions are keyed by offsets: read the agency's values before the place's replace them
        canonical, region, province = ent._.canonical, ent._.region_code, ent._.province
        span = Span(doc, ent.start, ent.end, label="PLACE")
        for attr in ("agency_id", "agency_type", "org_type"):
            span._.set(attr, None)
        span._.parents = []
        span._.level = "site"
        span._.canonical = canonical or span.text
        span._.region_code = region
        span._.province = province
        span._.country_code = "ID"
        ents.append(span)
        out.append(span)
    if out:
        doc.ents = ents
    return out


@Language.factory(
    "tppo_places",
    assigns=[
        "doc.ents",
        "span._.level",
        "span._.region_code",
        "span._.province",
        "span._.canonical",
        "span._.country_code",
    ],
    requires=[
        "doc._.zones",
        "doc._.dateline",
        "doc.ents",
        "span._.canonical",
        "span._.region_code",
        "span._.province",
    ],
    default_config={"link": True},
)
def make_places(nlp: Language, name: str, link: bool) -> PlaceRecognizer:
    """``link``: look mentions up in the Kemendagri gazetteer and set level/code/province/canonical."""
    return PlaceRecognizer(nlp, name, link=link)

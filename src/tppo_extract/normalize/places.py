"""Link place mentions to the Kemendagri gazetteer (2025 codes), foreign places and named sites.

The gazetteer (resources/wilayah/regions.tsv.gz) and the place lexicons (resources/places/) load lazily,
once per process; :func:`link_place` is the entry point.
"""

from __future__ import annotations

import functools
import gzip
import io
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import NamedTuple

import regex
from rapidfuzz import fuzz, process

from ..errors import ConfigError
from ..lang.wordlists import word_set

LEVEL_RANK: Mapping[str, int] = MappingProxyType(
    {"country": 0, "province": 1, "regency": 2, "district": 3, "village": 4, "site": 5}
)
ADMIN_LEVELS: frozenset[str] = frozenset({"province", "regency", "district", "village"})

# Prefix word (casefolded, without a final period) -> (level, subtype). Sub-village units ("Dusun") have no
# code of their own; they are linked as villages when a village of that name exists.
PREFIXES: Mapping[str, tuple[str, str | None]] = MappingProxyType(
    {
        "provinsi": ("province", None),
        "prov": ("province", None),
        "kabupaten": ("regency", "kabupaten"),
        "kab": ("regency", "kabupaten"),
        "kota administrasi": ("regency", "kota"),
        "kota": ("regency", "kota"),
        "kotamadya": ("regency", "kota"),
        "kecamatan": ("district", None),
        "kec": ("district", None),
        "kapanewon": ("district", None),  # DI Yogyakarta
        "kemantren": ("district", None),  # Kota Yogyakarta
        "distrik": ("district", None),  # Papua
        "desa": ("village", "desa"),
        "kelurahan": ("village", "kelurahan"),
        "kel": ("village", "kelurahan"),
        "kampung": ("village", None),
        "nagari": ("village", None),
        "gampong": ("village", None),
        "pekon": ("village", None),
        "kalurahan": ("village", None),
        "dusun": ("village", None),
    }
)
_PREFIX_RE = regex.compile(
    r"^(?P<prefix>" + "|".join(sorted((regex.escape(p) for p in PREFIXES), key=len, reverse=True))
    + r")\.?\s+(?P<name>\S.*)$",
    regex.IGNORECASE,
)
# Official province names are long; news and the gold use these forms.
PROVINCE_SHORT: Mapping[str, str] = MappingProxyType(
    {"31": "DKI Jakarta", "34": "DI Yogyakarta"}
)
_REGENCY_PREFIX_RE = regex.compile(r"^(?:Kabupaten|Kota Administrasi|Kota)\s+")
_NON_WORD_RE = regex.compile(r"[^\w]+")
_DOUBLE_RE = regex.compile(r"(\p{L})\1")


class Region(NamedTuple):
    """One region of the gazetteer. A tuple of strings, which the garbage collector stops tracking: the
    91,599 regions stay in memory for the whole run, and as objects it tracks they made every full
    collection walk them."""

    code: str
    name: str  # official name: "Kabupaten Lampung Selatan", "Bumi Daya"
    level: str  # province | regency | district | village
    subtype: str | None  # kabupaten | kota | desa | kelurahan


@dataclass(frozen=True)
class PlaceLink:
    code: str | None  # Kemendagri code; None for foreign places
    name: str  # canonical (official) name
    level: str  # constants.PLACE_LEVELS
    province: str | None  # province name when in Indonesia
    country: str  # "Indonesia" or the foreign country
    ambiguous: bool = False  # more than one gazetteer entry fitted equally well


@dataclass(frozen=True)
class Gazetteer:
    regions: Mapping[str, Region]
    by_key: Mapping[str, tuple[str, ...]]  # place_key -> codes, widest level first


@dataclass(frozen=True)
class ForeignPlace:
    name: str
    level: str
    country: str


# Distinct names whose keys are remembered: the stages ask for the key of the same few hundred words of a
# document many times over (each candidate, each rank), and a corpus's names repeat from article to article.
PLACE_KEYS_KEPT = 1 << 16


@functools.lru_cache(maxsize=PLACE_KEYS_KEPT)
def place_key(text: str) -> str:
    """Comparison key of a name: NFKC, casefolded, without spaces or punctuation.

    Dropping spaces makes "Tanjung Pinang" = "Tanjungpinang", "Gunung Kidul" = "Gunungkidul" and
    "BANDARLAMPUNG" = "Bandar Lampung", spellings that news and the gazetteer mix freely.
    Doubled letters count once ("Sumberejo" = "Sumberrejo").
    """
    key: str = _NON_WORD_RE.sub("", unicodedata.normalize("NFKC", text).casefold()).replace("_", "")
    collapsed: str = _DOUBLE_RE.sub(r"\1", key)
    return collapsed


def bare_name(region_name: str) -> str:
    """A regency's name without "Kabupaten"/"Kota": "Kota Tanjung Pinang" -> "Tanjung Pinang"."""
    bare: str = _REGENCY_PREFIX_RE.sub("", region_name)
    return bare


def split_prefix(mention: str) -> tuple[str | None, str]:
    """("kabupaten", "Lampung Selatan") for "Kabupaten Lampung Selatan"; (None, text) without a prefix."""
    m = _PREFIX_RE.match(mention.strip())
    if m is None:
        return None, mention.strip()
    return m.group("prefix").casefold(), m.group("name").strip()


def _read_text(*parts: str) -> str:
    try:
        path = resources.files("tppo_extract").joinpath("/".join(("resources", *parts)))
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read packaged resource {'/'.join(parts)}: {exc}; reinstall tppo_extract") from exc


def _tsv_rows(*parts: str, width: int) -> list[list[str]]:
    rows = []
    for n, line in enumerate(_read_text(*parts).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != width or not all(c.strip() for c in cols):
            raise ConfigError(f"resources/{'/'.join(parts)}:{n}: expected {width} tab-separated fields")
        rows.append([c.strip() for c in cols])
    return rows


@functools.cache
def gazetteer() -> Gazetteer:
    """The Kemendagri gazetteer with its name index (loaded once)."""
    path = resources.files("tppo_extract").joinpath("resources/wilayah/regions.tsv.gz")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the gazetteer: {exc}; run scripts/build_gazetteer.py") from exc
    regions: dict[str, Region] = {}
    index: dict[str, list[str]] = {}
    with io.TextIOWrapper(gzip.GzipFile(fileobj=io.BytesIO(raw)), encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        if header != ["code", "name", "level", "subtype", "parent"]:
            raise ConfigError(f"gazetteer header {header!r} is not the expected one; rebuild it")
        for line in fh:
            code, name, level, subtype, _parent = line.rstrip("\n").split("\t")
            if level not in ADMIN_LEVELS:
                raise ConfigError(f"gazetteer: bad level {level!r} for {code}")
            regions[code] = Region(code, name, level, subtype or None)
            keys = {place_key(name)}
            if level == "regency":
                keys.add(place_key(bare_name(name)))
            for key in keys:
                index.setdefault(key, []).append(code)
    # Short province forms ("DKI Jakarta") and the news abbreviations of abbreviations.tsv.
    for code, short in PROVINCE_SHORT.items():
        index.setdefault(place_key(short), []).insert(0, code)
    return Gazetteer(
        regions=MappingProxyType(regions),
        by_key=MappingProxyType({k: tuple(v) for k, v in index.items()}),
    )


@functools.cache
def abbreviations() -> Mapping[str, str]:
    """News short forms -> Kemendagri code ("Sumsel" -> "16", "Jaktim" -> "31.75"), keyed as written."""
    regions = gazetteer().regions
    out: dict[str, str] = {}
    for abbrev, code in _tsv_rows("places", "abbreviations.tsv", width=2):
        if code not in regions:
            raise ConfigError(f"resources/places/abbreviations.tsv: unknown code {code} for {abbrev}")
        out[abbrev] = code
    return MappingProxyType(out)


@functools.cache
def foreign_places() -> Mapping[str, ForeignPlace]:
    """Countries and foreign cities/states by place_key."""
    out: dict[str, ForeignPlace] = {}
    for name, level, country in _tsv_rows("places", "foreign.tsv", width=3):
        if level not in LEVEL_RANK:
            raise ConfigError(f"resources/places/foreign.tsv: bad level {level!r} for {name}")
        canonical = country if level == "country" else name
        out[place_key(name)] = ForeignPlace(canonical, level, country)
    return MappingProxyType(out)


@functools.cache
def country_codes() -> Mapping[str, str]:
    """ISO 3166-1 alpha-2 code of each country by its Indonesian name (``resources/places/countries.tsv``)."""
    out: dict[str, str] = {}
    for name, code in _tsv_rows("places", "countries.tsv", width=2):
        if not (len(code) == 2 and code.isascii() and code.isupper()):
            raise ConfigError(f"resources/places/countries.tsv: bad code {code!r} for {name}")
        out[name] = code
    return MappingProxyType(out)


def country_code(link: PlaceLink) -> str | None:
    """The ISO code of the country a linked place lies in ("ID" for the gazetteer's)."""
    return country_codes().get(link.country)


@dataclass(frozen=True)
class Site:
    code: str  # Kemendagri code of the province (or region) it lies in
    canonical: str  # "Bandara Internasional Soekarno-Hatta"


@functools.cache
def known_sites() -> Mapping[str, Site]:
    """Airports, ports and border posts by the place_key of the name after their kind word."""
    regions = gazetteer().regions
    out: dict[str, Site] = {}
    for name, code, canonical in _tsv_rows("places", "sites.tsv", width=3):
        if code not in regions:
            raise ConfigError(f"resources/places/sites.tsv: unknown code {code} for {name}")
        out[place_key(name)] = Site(code, canonical)
    return MappingProxyType(out)


def find_site(name: str) -> Site | None:
    """The known site named by ``name`` or by its last words ("Internasional Soekarno-Hatta")."""
    words = name.split()
    sites = known_sites()
    for i in range(len(words)):
        site = sites.get(place_key(" ".join(words[i:])))
        if site is not None:
            return site
    return None


@functools.cache
def stoplist() -> frozenset[str]:
    """place_keys of region names never linked without a prefix."""
    return word_set("places", "stoplist.txt", key=place_key)


def province_of(code: str) -> str:
    """The province name of a Kemendagri code, from its first two digits."""
    prov = code.split(".", 1)[0]
    if prov in PROVINCE_SHORT:
        return PROVINCE_SHORT[prov]
    region = gazetteer().regions.get(prov)
    if region is None:
        raise KeyError(f"no province {prov} in the gazetteer")
    return region.name


def _context_score(code: str, context: Iterable[str]) -> int:
    """How many code segments the candidate shares with the nearest region already seen in the document."""
    return _prefix_score(code, _context_prefixes(context))


def _context_prefixes(context: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """Every leading run of segments of the codes of ``context`` (the codes "18.01" and "18.02.05" give
    ("18",), ("18", "01"), ("18", "02") and ("18", "02", "05"))."""
    out: set[tuple[str, ...]] = set()
    for ctx in context:
        parts = tuple(ctx.split("."))
        out.update(parts[:n] for n in range(1, len(parts) + 1))
    return frozenset(out)


def _prefix_score(code: str, prefixes: frozenset[tuple[str, ...]]) -> int:
    """The longest leading run of segments that ``code`` shares with a code whose prefixes are ``prefixes``:
    sharing only part of the prefix of a longer code still means "same province/regency"."""
    parts = tuple(code.split("."))
    n = 0
    while n < len(parts) and parts[: n + 1] in prefixes:
        n += 1
    return n


def _region_link(region: Region, *, ambiguous: bool) -> PlaceLink:
    return PlaceLink(
        code=region.code,
        name=PROVINCE_SHORT.get(region.code, region.name) if region.level == "province" else region.name,
        level=region.level,
        province=province_of(region.code),
        country="Indonesia",
        ambiguous=ambiguous,
    )


def link_place(
    mention: str,
    *,
    level_hint: str | None = None,
    context_codes: Iterable[str] = (),
) -> PlaceLink | None:
    """Link ``mention`` ("Desa Bumidaya", "Sumsel", "Kamboja", "Gunungkidul") to a place, or None.

    An administrative prefix in the mention gives the level (and kabupaten/kota); ``level_hint`` gives it
    otherwise. Among several candidates the one under a region of ``context_codes`` (codes already
    seen in the document) wins, then the one at the hinted level and subtype, then the widest level.
    When nothing fits the hinted level, a candidate at another level is returned ("Kabupaten Kalianda" ->
    the district Kalianda): the caller compares ``link.level`` with the level the text claims.
    """
    prefix, name = split_prefix(mention)
    subtype: str | None = None
    if prefix is not None:
        level_hint, subtype = PREFIXES[prefix.rstrip(".")]
    key = place_key(name)
    if not key:
        return None
    if prefix is None:
        abbrev = abbreviations().get(name) or abbreviations().get(name.title())
        if abbrev is None and name.isupper():
            abbrev = next((c for a, c in abbreviations().items() if a.upper() == name), None)
        if abbrev is not None:
            return _region_link(gazetteer().regions[abbrev], ambiguous=False)
        foreign = foreign_places().get(key)
        if foreign is not None:
            return PlaceLink(None, foreign.name, foreign.level, None, foreign.country)
    gaz = gazetteer()
    codes = gaz.by_key.get(key, ())
    if not codes and prefix is not None:
        # The text says it is a place ("Kabupaten Lampung Selatn"): a misspelling of one at that level.
        codes = _spelling_variant(key, level_hint)
    if not codes:
        return None
    prefixes = _context_prefixes(context_codes)

    def rank(code: str) -> tuple[int, int, int, int]:
        r = gaz.regions[code]
        if level_hint is None:
            # A bare name is the widest region of that name; the context only picks among equals
            # ("Kupang": the regency or the city; never the district "Kupang Barat" of a city seen).
            return (LEVEL_RANK[r.level], -_prefix_score(code, prefixes), 0, 0)
        return (
            0 if r.level == level_hint else 1,
            -_prefix_score(code, prefixes),
            0 if subtype is None or r.subtype == subtype else 1,
            LEVEL_RANK[r.level],
        )

    ranks = {c: rank(c) for c in codes}
    best = min(codes, key=lambda c: (ranks[c], c))
    ties = sum(1 for c in codes if ranks[c] == ranks[best])
    return _region_link(gaz.regions[best], ambiguous=ties > 1)


# Fuzzy matching of a prefixed place name against the gazetteer names of its level: a misspelling is
# taken only when the best name is this close (rapidfuzz ratio of the place keys, 0-100), the name long
# enough for a ratio to mean something, and no other name of the level is as close.
FUZZY_MIN_RATIO = 90.0
FUZZY_MIN_CHARS = 6


@functools.cache
def _keys_at_level(level: str) -> tuple[str, ...]:
    gaz = gazetteer()
    return tuple(k for k, codes in gaz.by_key.items() if any(gaz.regions[c].level == level for c in codes))


# Misspellings remembered: each is a fuzzy search over every name of a level (80,000 villages).
SPELLINGS_KEPT = 4096


@functools.lru_cache(maxsize=SPELLINGS_KEPT)
def _spelling_variant(key: str, level: str | None) -> tuple[str, ...]:
    """The gazetteer codes of the one name of ``level`` that ``key`` misspells, or none."""
    if level is None or len(key) < FUZZY_MIN_CHARS:
        return ()
    found = process.extract(key, _keys_at_level(level), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_RATIO, limit=2)
    if not found or (len(found) > 1 and found[1][1] == found[0][1]):
        return ()
    gaz = gazetteer()
    return tuple(c for c in gaz.by_key[found[0][0]] if gaz.regions[c].level == level)


def link_site(name: str, *, context_codes: Iterable[str] = ()) -> PlaceLink | None:
    """The province of a site from the name after "Bandara"/"Pelabuhan"/"PLBN" ("Soekarno-Hatta" -> Banten).

    Known sites come from resources/places/sites.tsv (:func:`find_site`); otherwise the longest run of
    final words that names an Indonesian region ("Teluk Nibung", "Entikong", "Karimun") gives the province;
    an ambiguous name counts only under a region of ``context_codes``.
    """
    site = find_site(name)
    if site is not None:
        return _region_link(gazetteer().regions[site.code], ambiguous=False)
    words = name.split()
    context = tuple(context_codes)
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if place_key(tail) in stoplist():
            continue
        link = link_place(tail, context_codes=context)
        if link is not None and link.code is not None:
            if not link.ambiguous or _context_score(link.code, context) > 0:
                return link
    return None

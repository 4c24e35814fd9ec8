"""Zoning a news page: headline, bylines, captions and page furniture apart from the body text.

Works on the raw text, line by line. Zones tile the text: in order, without gaps or overlaps, each
line's trailing white space belonging to the zone before it. Nothing is deleted.
"""

from __future__ import annotations

from typing import Final

import regex

from ..lang.calendar import WEEKDAYS
from ..lang.wordlists import load_words
from ..types import ZoneDict
from .scan import top_level_alternatives

_WEEKDAY_ALT = "|".join(regex.escape(w) for w in sorted(WEEKDAYS, key=len, reverse=True))


def _alternation(name: str) -> str:
    """The phrases of ``resources/zoning/<name>`` as a regex alternation, in file order, the words of a phrase
    any white space apart."""
    return "|".join(r"\s+".join(regex.escape(w) for w in phrase.split()) for phrase in load_words("zoning", name))


# Section names of news sites, which a navigation bar lists and nothing else.
_SECTIONS: Final[str] = _alternation("sections.txt")
# The roles a byline credits before a colon ("Editor:", "Foto dan teks:").
_CREDITS: Final[str] = _alternation("credits.txt")

# (kind, label, pattern) tried in order on the stripped line; the first match decides.
_LINE_RULES: Final[tuple[tuple[str, str, regex.Pattern[str]], ...]] = tuple(
    (kind, label, regex.compile(pattern, regex.IGNORECASE | regex.VERSION1))
    for kind, label, pattern in (
        ("furniture", "read_also", r"^baca\s+(?:juga|pula|selengkapnya)\b"),
        ("furniture", "read_also", r"^(?:artikel|berita)\s+terkait\b"),
        ("furniture", "google_news", r"^(?:cek|ikuti|simak|baca)\b.{0,60}\bgoogle\s*news\b"),
        ("furniture", "google_news", r"^google\s*news$"),
        ("furniture", "share", r"^(?:simak|ikuti|follow|gabung|bergabung|join|dapatkan|subscribe|berlangganan|"
         r"eksplorasi|download|unduh)\b.{0,120}\b(?:whatsapp|channel|telegram|google|instagram|youtube|"
         r"tiktok|facebook|twitter|email|e-mail|aplikasi|konten|kami|berita terbaru|update)\b"),
        ("furniture", "share", r"^(?:ikuti|follow)\s+(?:kami|berita\s+lainnya|us)\b"),
        ("furniture", "share", r"^(?:share|bagikan|tweet|salin\s+tautan|copy\s+link)\b.{0,40}$"),
        ("furniture", "advert", r"^(?:advertisement|iklan|scroll\s+(?:to|untuk)\b.*|ads)$"),
        # a scraped widget around an advert slot: a few tokens and the word ("date 2024-01-02 Advertisement")
        ("furniture", "advert", r"^(?:\S+\s+){1,4}advertisement(?:\s+\S+){0,3}$|^advertisement(?:\s+\S+){1,3}$"),
        # a navigation bar: only the names of a site's sections ("HOME NEWS NASIONAL", "Beranda / Daerah")
        ("furniture", "navigation", rf"^(?:{_SECTIONS})(?:\s*[/>|»›]?\s*(?:{_SECTIONS}))+$"),
        ("furniture", "toc", r"^(?:daftar\s+isi|table\s+of\s+contents)$"),
        ("furniture", "copyright", r"^(?:copyright|hak\s+cipta)\b|^©"),
        ("furniture", "source", r"^sumber\s*:"),
        # a syndication note: "Artikel ini telah tayang di Contoh.com dengan judul ..."
        ("furniture", "source", r"^(?:berita|artikel|tulisan)\s+ini\s+(?:telah|sudah|pertama\s+kali)\s+"
         r"(?:tayang|terbit|dimuat|diterbitkan|ditayangkan)\b"),
        ("furniture", "tags", r"^(?:tags?|topik|kata\s+kunci)\s*:"),
        ("furniture", "separator", r"^[\p{Pd}*_=~•·#+.\s]+$"),
        ("furniture", "timestamp", r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$"),
        ("furniture", "timestamp", rf"^(?:(?:{_WEEKDAY_ALT}),?\s+)?"
         r"\d{1,2}\s+\p{L}+\s+\d{4}(?:\s*[,|]?\s*\d{1,2}[.:]\d{2}(?:\s*(?:wib|wita|wit))?)?(?:\s+\d+)?$"),
        # a byline ending in the time of publication: "Budi Santoso, Jurnalis - Jumat, 9 Juni 2023 | 14:33 WIB"
        ("byline", "timestamp", r"^.{0,80}?\b\d{1,2}\s+\p{L}+\s+\d{4}\s*[,|-]?\s*\d{1,2}[.:]\d{2}\s*(?:wib|wita|wit)$"),
        ("byline", "credit", rf"^(?:{_CREDITS})\s*:"),
        ("byline", "initials", r"^\(\s*[\p{Ll}\d]{2,6}(?:\s*/\s*[\p{Ll}\d]{2,6})*\s*\)$"),
        ("caption", "photo",
         r"^\(?\s*(?:foto|photo|ilustrasi|dok\.?|dokumentasi|istimewa|capture|tangkapan\s+layar)\b"),
        ("caption", "photo", r"^[\p{Pd}]\s*(?:istimewa|dok\.?|foto|ilustrasi|dokumentasi)\b.{0,60}$"),
        ("caption", "photo", r"\((?:antara|foto|dok\.?|ist|istimewa|ilustrasi|net)\s*/[^()\n]{1,80}\)$"),
        ("caption", "photo", r"\b(?:foto|photo)\s*:\s*[^.]{1,60}$"),
        ("caption", "photo", r"\s[\p{Pd}]\p{Lu}[\p{L} .]{1,40}[\p{Pd}]$"),
    )
)

# A credit line of the newsroom, alone on its line, and the names of authors listed above it.
_TEAM_CREDIT: Final[regex.Pattern[str]] = regex.compile(
    r"^(?:tim\s+(?:redaksi|penulis|liputan)|redaksi|editor|penulis|reporter|kontributor)\s*:?$", regex.IGNORECASE
)
_AUTHOR_LINE: Final[regex.Pattern[str]] = regex.compile(r"^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\s*,?$")
_MAX_AUTHOR_LINES: Final[int] = 4

# A read-also header alone on its line is followed by a list of linked titles ("- Judul ...").
_READ_ALSO_HEADER: Final[regex.Pattern[str]] = regex.compile(r"^baca\s+juga\s*:?$", regex.IGNORECASE)
_LIST_ITEM: Final[regex.Pattern[str]] = regex.compile(r"^[\p{Pd}•*·]\s+\S")
_TOPIC_TAGS: Final[regex.Pattern[str]] = regex.compile(r"^id\s+[^.!?]*(?:,[^,.!?]*){3,}$")
_TRAILING_STARS: Final[regex.Pattern[str]] = regex.compile(r"\s*\*{3,}\s*$")
_TRAILING_INITIALS: Final[regex.Pattern[str]] = regex.compile(
    r"(?<=[.!?\"”])\s*\(\s*[\p{Ll}\d]{2,6}(?:\s*/\s*[\p{Ll}\d]{2,6})*\s*\)\s*$"
)
_FINAL_PUNCT: Final[str] = ".!?,;:\u2013\u2014-"
_QUOTES: Final[str] = "\"'“”‘’"
_MAX_HEADLINE_CHARS: Final[int] = 200
_MAX_HEADLINE_WORDS: Final[int] = 25
_MIN_HEADLINE_WORDS: Final[int] = 3


def find_zones(text: str) -> list[ZoneDict]:
    """The zones of ``text``: consecutive, covering every character, one or more per line."""
    lines = _lines(text)
    labels: list[tuple[str, str]] = [_classify(text[s:e].strip()) for s, e in lines]
    _mark_read_also_lists(text, lines, labels)
    _mark_author_lines(text, lines, labels)
    _mark_headlines(text, lines, labels)
    zones: list[ZoneDict] = []
    for (start, end), (kind, label) in zip(lines, labels, strict=True):
        zones.extend(_split_tail(text, start, end, kind, label))
    return _tile(zones, len(text))


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line's stripped content."""
    out: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(raw) + 1
    return out


def _anchored(source: str) -> bool:
    """Whether every top-level alternative of the pattern ``source`` opens with "^"."""
    return all(a.startswith("^") for a in top_level_alternatives(source))


# The rules up to the first that may match inside a line, as one pattern tried at the line's start: its
# alternatives are tried in the rules' order there, so the first that matches is the rule the loop would pick.
_N_ANCHORED = next((i for i, (_, _, p) in enumerate(_LINE_RULES) if not _anchored(p.pattern)), len(_LINE_RULES))
_ANCHORED_RULES = regex.compile(
    "|".join(f"(?P<r{i}>{p.pattern})" for i, (_, _, p) in enumerate(_LINE_RULES[:_N_ANCHORED])),
    regex.IGNORECASE | regex.VERSION1,
)


def _classify(line: str) -> tuple[str, str]:
    m = _ANCHORED_RULES.match(line)
    if m is not None:
        kind, label, _ = _LINE_RULES[int(str(m.lastgroup)[1:])]
        return kind, label
    for kind, label, pattern in _LINE_RULES[_N_ANCHORED:]:
        if pattern.search(line):
            return kind, label
    if _TOPIC_TAGS.match(line):
        return "furniture", "tags"
    return "body", "paragraph"


def _mark_read_also_lists(text: str, lines: list[tuple[int, int]], labels: list[tuple[str, str]]) -> None:
    in_list = False
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        if _READ_ALSO_HEADER.match(line):
            in_list = True
        elif in_list and _LIST_ITEM.match(line):
            labels[i] = ("furniture", "read_also")
        else:
            in_list = False


def _mark_author_lines(text: str, lines: list[tuple[int, int]], labels: list[tuple[str, str]]) -> None:
    """Authors' names, one a line, right before an editorial credit line ("Tim Redaksi", "Editor"), or
    between it and a publication timestamp: "Budi Santoso,\nSari Dewi\n\nTim Redaksi"."""
    for i, (s, e) in enumerate(lines):
        if not _TEAM_CREDIT.match(text[s:e]):
            continue
        labels[i] = ("byline", "credit")
        j = i - 1
        while j >= 0 and i - j <= _MAX_AUTHOR_LINES and labels[j][0] == "body":
            if not _AUTHOR_LINE.match(text[lines[j][0] : lines[j][1]]):
                break
            labels[j] = ("byline", "author")
            j -= 1


def _norm(line: str) -> str:
    return " ".join(line.split()).casefold()


# Indonesian headlines capitalise every word but the prepositions and conjunctions ("Imigrasi Gagalkan
# Keberangkatan 6 WNI ke Kamboja"); a sentence has at least its verb in lower case.
_TITLE_FUNCTION_WORDS: Final[frozenset[str]] = frozenset(
    "di ke dari dan yang untuk dengan pada dalam atau oleh bagi serta hingga sampai tentang terhadap per".split()
)
_MIN_TITLE_WORDS: Final[int] = 3


_TITLE_WORD = regex.compile(r"[\p{L}\d]+")


def is_title_case(line: str) -> bool:
    """True when every word of ``line`` but its prepositions and conjunctions starts with a capital or a digit."""
    words = [w for w in _TITLE_WORD.findall(line) if w.casefold() not in _TITLE_FUNCTION_WORDS]
    return len(words) >= _MIN_TITLE_WORDS and all(w[0].isupper() or w[0].isdigit() for w in words)


def is_headline_like(line: str) -> bool:
    """A short title line: a few words, starting with a capital, digit or quote, without final
    punctuation (a line in title case may end with a full stop, as scraped titles do)."""
    # the length first: most lines are paragraphs, and reading their words' case is the costly part
    if not (_MIN_HEADLINE_WORDS <= len(line.split()) <= _MAX_HEADLINE_WORDS and len(line) <= _MAX_HEADLINE_CHARS):
        return False
    core = line.rstrip(_QUOTES + " *")
    final_ok = bool(core) and (core[-1] not in _FINAL_PUNCT or (core[-1] == "." and is_title_case(core)))
    return final_ok and (line[0].isupper() or line[0].isdigit() or line[0] in _QUOTES)


def _mark_headlines(text: str, lines: list[tuple[int, int]], labels: list[tuple[str, str]]) -> None:
    body = [i for i, (kind, _) in enumerate(labels) if kind == "body"]
    if not body:
        return
    first = body[0]
    headline: str | None = None
    if is_headline_like(text[slice(*lines[first])]) and len(body) > 1:
        labels[first] = ("headline", "title")
        headline = _norm(text[slice(*lines[first])])
        # Short title-like lines between the headline and the first paragraph are subtitles or
        # captions of the lead photo; repeats of the headline are the page's second title.
        for i in body[1:]:
            line = text[slice(*lines[i])]
            if _norm(line) == headline:
                labels[i] = ("headline", "repeated")
            elif is_headline_like(line) and i != body[-1]:
                labels[i] = ("caption", "top_line")
            else:
                break
    for i in body:
        if labels[i][0] == "body" and headline is not None and _norm(text[slice(*lines[i])]) == headline:
            labels[i] = ("headline", "repeated")
    # Title lines between paragraphs are the article's own subheadings.
    body = [i for i, (kind, _) in enumerate(labels) if kind == "body"]
    for i in body[1:-1]:
        if is_headline_like(text[slice(*lines[i])]):
            labels[i] = ("headline", "subheading")
    # A title line near the end followed by a date line and furniture only is the page's title repeated.
    last_body = [i for i, (kind, _) in enumerate(labels) if kind == "body"]
    if last_body:
        i = last_body[-1]
        after = labels[i + 1 :]
        if (
            after
            and after[0] == ("furniture", "timestamp")
            and is_headline_like(text[slice(*lines[i])])
            and all(kind != "body" for kind, _ in after)
        ):
            labels[i] = ("headline", "repeated")


def _split_tail(text: str, start: int, end: int, kind: str, label: str) -> list[ZoneDict]:
    """The zone of one line, with a trailing "***" or "(abc)" credit split off a body line."""
    line = text[start:end]
    if kind == "body":
        stars = _TRAILING_STARS.search(line)
        if stars and stars.start() > 0:
            cut = start + stars.start() + (len(stars.group()) - len(stars.group().lstrip()))
            return [_zone(start, cut, kind, label), _zone(cut, end, "furniture", "separator")]
        initials = _TRAILING_INITIALS.search(line)
        if initials and initials.start() > 0:
            cut = start + initials.start() + (len(initials.group()) - len(initials.group().lstrip()))
            return [_zone(start, cut, kind, label), _zone(cut, end, "byline", "initials")]
    return [_zone(start, end, kind, label)]


def _zone(start: int, end: int, kind: str, label: str) -> ZoneDict:
    return {"start": start, "end": end, "kind": kind, "label": label}


def _tile(zones: list[ZoneDict], length: int) -> list[ZoneDict]:
    """Stretch the zones over the white space between them so that they cover [0, length)."""
    if not zones:
        return [_zone(0, length, "body", "paragraph")] if length else []
    zones[0]["start"] = 0
    for prev, nxt in zip(zones, zones[1:], strict=False):
        prev["end"] = nxt["start"]
    zones[-1]["end"] = length
    return zones


def check_tiling(zones: list[ZoneDict], length: int) -> bool:
    """True when ``zones`` are in order, non-empty, and cover [0, length) exactly."""
    pos = 0
    for z in zones:
        if z["start"] != pos or z["end"] <= z["start"]:
            return False
        pos = z["end"]
    return pos == length

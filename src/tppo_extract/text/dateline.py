"""Datelines: "Yogyakarta (ANTARA) -", "JAKARTA, KOMPAS.com -", "Jakarta, Senin (12/3/2024) -" and kin.

Read from the opening of the first body zone, on the raw text; the date's ISO value comes from
:func:`tppo_extract.normalize.dates.normalize_date`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Final

import regex

from ..lang.calendar import MONTH_FULL_NAMES, MONTHS, WEEKDAY_WORDS, capitalised
from ..lang.outlets import WEB_NAME, is_outlet, outlet_key
from ..normalize.dates import normalize_date
from ..types import CharSpan, DatelineDict, ZoneDict

_MAX_HEAD_CHARS: Final[int] = 90
_MAX_PLACE_WORDS: Final[int] = 4
_MAX_PARTS: Final[int] = 4

_DAY: Final[str] = "(?:" + "|".join(regex.escape(w) for w in sorted(WEEKDAY_WORDS, key=len, reverse=True)) + ")"
# The month names of lang/calendar.py that datelines write: the full names, and the newsroom's short forms
# (not the English names nor the rarer "Peb", "Agus" that calendar.MONTHS also reads in dates); each is a
# key of calendar.MONTHS, which a test checks.
_DATELINE_MONTH_ABBREVIATIONS: Final[tuple[str, ...]] = (
    "jan", "feb", "mar", "apr", "jun", "jul", "agu", "agt", "ags", "sep", "sept", "okt", "nov", "des",
)  # fmt: skip
_MONTH: Final[str] = (
    "(?:"
    + "|".join(capitalised(m) for m in sorted(MONTH_FULL_NAMES, key=lambda m: (MONTHS[m], m)))
    + "|"
    + "|".join(capitalised(m) for m in _DATELINE_MONTH_ABBREVIATIONS)
    + r")\.?"
)
_NUMERIC: Final[str] = r"\(?\s*\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*\)?"
_WRITTEN: Final[str] = rf"\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
DATE_PART: Final[regex.Pattern[str]] = regex.compile(
    rf"^(?:{_DAY}\s*,?\s*(?:{_NUMERIC}|{_WRITTEN})?|{_NUMERIC}|{_WRITTEN})$", regex.IGNORECASE
)
# The head runs to the first dash: a hyphen with a space on either side, or an en or em dash.
_HEAD: Final[regex.Pattern[str]] = regex.compile(
    rf"^(?P<head>[^\n\p{{Pd}}]{{2,{_MAX_HEAD_CHARS}}}?)(?P<dash>\s+[-–—]+(?:[ \t]+|(?=\n)|$)|\s*[–—]+\s*|-\s+)"
)
_CAPS_PERIOD: Final[regex.Pattern[str]] = regex.compile(r"^(?P<head>\p{Lu}{3,}(?: \p{Lu}{3,})?)(?P<dash>\.) (?=\p{Lu})")
_PLACE: Final[regex.Pattern[str]] = regex.compile(
    r"^(?:[\p{Lu}][\p{L}'.-]*)(?:\s+[\p{Lu}][\p{L}'.-]*){0,3}(?:\s*\([\p{Lu}][\p{L} .]{1,20}\))?$"
)
_TRAILING_OUTLET: Final[regex.Pattern[str]] = regex.compile(r"^(?P<rest>.*?)\s*\((?P<outlet>[^()]{2,30})\)$")
_DATE_LINE: Final[regex.Pattern[str]] = regex.compile(
    rf"(?P<date>(?:{_DAY}\s*,?\s*)?(?:{_NUMERIC}|{_WRITTEN}))(?P<dash>\s*[-–—]+\s*)", regex.IGNORECASE
)


@dataclass
class _Parts:
    place: CharSpan | None = None
    outlet: str | None = None
    date: CharSpan | None = None
    ok: bool = True


def find_dateline(text: str, zones: list[ZoneDict], *, extra_outlets: Collection[str] = ()) -> DatelineDict | None:
    """The dateline at the opening of the first body zone of ``text``, or None. ``extra_outlets`` are news
    outlets' names besides the package's (``resources/outlets/outlets.txt``), compared the same way: a
    dateline part that names one is the outlet, not the place."""
    body = next((z for z in zones if z["kind"] == "body"), None)
    if body is None:
        return None
    start = body["start"]
    while start < body["end"] and text[start].isspace():
        start += 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[start:line_end].rstrip()
    match = _HEAD.match(line) or _CAPS_PERIOD.match(line)
    whole_line = match is None
    head_text = match.group("head") if match else line
    extra = frozenset(outlet_key(o) for o in extra_outlets)
    parts = _parse_head(text, start, head_text.rstrip(), whole_line=whole_line, extra_outlets=extra)
    if not parts.ok:
        return None
    end = start + (match.end() if match else len(line))
    if match is not None and match.group("dash") == ".":
        # "JAKARTA. Rapat ..." names a city; "TPPO. Kasus ..." is an acronym ending a sentence.
        head = match.group("head")
        if parts.outlet is not None or parts.date is not None or len(head) < 5 or _vowels(head) < 2:
            return None
    if parts.date is None and (match is None or start + match.end("dash") >= line_end - 1):
        end, parts.date = _date_on_next_line(text, line_end, end, parts.date)
    if match is not None:
        # The dash's trailing space belongs to the body that follows.
        while end > start and text[end - 1] in " \t":
            end -= 1
    date_value = None
    if parts.date is not None:
        value = normalize_date(text[parts.date["start"] : parts.date["end"]], anchor=None)
        date_value = value.value if value is not None else None
    return {
        "start": start,
        "end": end,
        "place": parts.place,
        "outlet": parts.outlet,
        "date": parts.date,
        "date_value": date_value,
    }


def _date_on_next_line(text: str, line_end: int, end: int, date: CharSpan | None) -> tuple[int, CharSpan | None]:
    """A date on the next non-blank line before a dash ("Tanjung Balai, indometro.id -" / "25 September
    2024 – ...") belongs to the dateline."""
    pos = line_end
    while pos < len(text) and text[pos].isspace():
        pos += 1
    m = _DATE_LINE.match(text, pos=pos, endpos=min(len(text), pos + 60))
    if m is None or pos == line_end:
        return end, date
    return m.end("dash"), {"start": m.start("date"), "end": m.end("date")}


def _split_parts(head: str) -> list[tuple[int, str]]:
    """Comma-separated parts of the head with their offsets, commas inside brackets kept."""
    out: list[tuple[int, str]] = []
    depth, begin = 0, 0
    for i, ch in enumerate(head + ","):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            raw = head[begin:i]
            lead = len(raw) - len(raw.lstrip())
            out.append((begin + lead, raw.strip()))
            begin = i + 1
    return out


def _parse_head(
    text: str, offset: int, head: str, *, whole_line: bool, extra_outlets: frozenset[str] = frozenset()
) -> _Parts:
    result = _Parts()
    parts = _split_parts(head)
    if not parts or len(parts) > _MAX_PARTS or any(not p for _, p in parts):
        return _Parts(ok=False)
    places: list[CharSpan] = []
    for rel, part in parts:
        pstart = offset + rel
        outlet_match = _TRAILING_OUTLET.match(part)
        if outlet_match and is_outlet(outlet_match.group("outlet"), extra=extra_outlets):
            result.outlet = result.outlet or outlet_match.group("outlet").strip()
            part = outlet_match.group("rest")
            if not part:
                continue
        first, _, rest = part.partition(" ")
        if rest and WEB_NAME.match(first):
            # "Wartaku.id Sultra - ...": the outlet's web name, then the place
            result.outlet = result.outlet or first
            pstart += len(part) - len(rest.lstrip())
            part = rest.strip()
        if is_outlet(part, extra=extra_outlets):
            result.outlet = result.outlet or part
        elif DATE_PART.match(part):
            span: CharSpan = {"start": pstart, "end": pstart + len(part)}
            if result.date is not None and text[result.date["end"] : span["start"]].strip() in {"", ","}:
                span = {"start": result.date["start"], "end": span["end"]}
            result.date = span
        elif _PLACE.match(part) and len(part.split()) <= _MAX_PLACE_WORDS:
            places.append({"start": pstart, "end": pstart + len(_strip_qualifier(part))})
        else:
            return _Parts(ok=False)
    result.place = places[0] if places else None
    if result.place is None and result.outlet is None:
        return _Parts(ok=False)
    if whole_line and (result.outlet is None or len(head.split()) > 8):
        return _Parts(ok=False)
    if not whole_line and result.place is not None and result.outlet is None and len(parts) == 1:
        # A lone capitalised phrase before a dash is a dateline only when short ("Denpasar -").
        words = head.split()
        if len(words) > 3:
            return _Parts(ok=False)
    return result


def _strip_qualifier(place: str) -> str:
    """ "Gunungkidul (DIY)" -> "Gunungkidul": the place span stops before a bracketed region."""
    cut = place.find("(")
    return place[:cut].rstrip() if cut > 0 else place


def _vowels(word: str) -> int:
    return sum(ch in "AEIOUaeiou" for ch in word)

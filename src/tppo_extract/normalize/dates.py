"""Indonesian temporal expressions: a regex grammar that finds them and resolves each to an ISO value.

Values follow ../shared/eval/GUIDELINES.md: ISO at the expression's own granularity, resolved against an
anchor (the publication date). A period (a range, a week, a quarter, a holiday season) takes the smallest
ISO unit that holds all of it: "1-16 September 2024" -> 2024-09, "Januari-Maret 2025" -> 2025,
"pekan lalu" -> the month of last week (its year when the week straddles two months). Durations
("tiga bulan terakhir") and clock times ("pukul 10.00 WIB") are found but have no value.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

import regex

from ..lang import calendar as cal
from ..text.scan import GatedPatterns

Granularity = Literal["year", "month", "day"]


@dataclass(frozen=True)
class DateValue:
    value: str  # ISO at its own granularity: "2024", "2024-03", "2024-03-12"
    granularity: Literal["year", "month", "day"]


Found = tuple[int, int, DateValue | None]
_Resolver = Callable[["regex.Match[str]", dt.date | None], DateValue | None]
_Acceptor = Callable[[str, "regex.Match[str]"], bool]


# --- values ---------------------------------------------------------------------------------------


def parse_anchor(anchor: str | None) -> dt.date | None:
    """The anchor "YYYY-MM-DD" as a date; None when absent or malformed."""
    if not anchor:
        return None
    try:
        return dt.date.fromisoformat(anchor[:10])
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def _day_value(d: dt.date) -> DateValue:
    return DateValue(d.isoformat(), "day")


def _month_value(year: int, month: int) -> DateValue:
    return DateValue(f"{year:04d}-{month:02d}", "month")


def _year_value(year: int) -> DateValue:
    return DateValue(f"{year:04d}", "year")


def period_value(first: dt.date, last: dt.date) -> DateValue | None:
    """The smallest ISO unit that holds every day from ``first`` to ``last``; None past one year."""
    if first > last:
        return None
    if first == last:
        return _day_value(first)
    if (first.year, first.month) == (last.year, last.month):
        return _month_value(first.year, first.month)
    if first.year == last.year:
        return _year_value(first.year)
    return None


def _bounds(value: DateValue) -> tuple[dt.date, dt.date]:
    parts = [int(p) for p in value.value.split("-")]
    if value.granularity == "day":
        d = dt.date(parts[0], parts[1], parts[2])
        return d, d
    if value.granularity == "month":
        return dt.date(parts[0], parts[1], 1), _month_end(parts[0], parts[1])
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def _range_value(first: DateValue | None, last: DateValue | None) -> DateValue | None:
    if first is None or last is None:
        return None
    return period_value(_bounds(first)[0], _bounds(last)[1])


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + month - 1 + k
    return n // 12, n % 12 + 1


def _nearest_year(
    month: int,
    day: int | None,
    anchor: dt.date,
    *,
    weekday: int | None = None,
    direction: int | None = None,
) -> int | None:
    """The year that puts (month, day) nearest the anchor, on the side ``direction`` asks for.

    A weekday given with the date ("Selasa (27/6)") picks the year where that day is that weekday,
    when one of the three candidate years fits.
    """
    candidates: list[tuple[int, int]] = []  # (distance in days, year)
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        when = _safe_date(year, month, day or 1)
        if when is None:
            continue
        if day is None:
            gap = (year * 12 + month) - (anchor.year * 12 + anchor.month)
            dist = gap * 31
        else:
            dist = (when - anchor).days
        if direction is not None and direction < 0 and dist > 0:
            continue
        if direction is not None and direction > 0 and dist < 0:
            continue
        candidates.append((dist, year))
    if weekday is not None and day is not None:
        fitting = [c for c in candidates if dt.date(c[1], month, day).weekday() == weekday]
        candidates = fitting or candidates
    if not candidates:
        return None
    # ties go to the past: news reports what has happened more often than what will
    return min(candidates, key=lambda c: (abs(c[0]), c[0]))[1]


def _weekday_date(weekday: int, anchor: dt.date, direction: int) -> dt.date:
    """The weekday relative to the anchor: the latest on or before it (0), strictly before (-1), after (+1)."""
    if direction > 0:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    back = (anchor.weekday() - weekday) % 7
    if direction < 0 and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def _shift(anchor: dt.date, unit: str, k: int) -> DateValue | None:
    if unit == "day":
        return _day_value(anchor + dt.timedelta(days=k))
    if unit == "week":
        ref = anchor + dt.timedelta(weeks=k)
        monday = ref - dt.timedelta(days=ref.weekday())
        return period_value(monday, monday + dt.timedelta(days=6))
    if unit == "month":
        return _month_value(*_add_months(anchor.year, anchor.month, k))
    return _year_value(anchor.year + k)


# --- grammar pieces -------------------------------------------------------------------------------


def _alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of ``words``, longest first, any run of blanks inside a phrase."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(regex.escape(w).replace(r"\ ", "[^\\S\\n]+") for w in items) + ")"


_SP = r"[^\S\n]+"
_OSP = r"[^\S\n]*"
_DASH = r"[-–—]"
# "sampai dengan" is often mistyped ("sampai denhan", "sampai dngan") or shortened ("sampai dgn"): one slip of
# the keyboard in "dengan" still joins the two ends of a range
_TO = rf"(?:{_OSP}{_DASH}{_OSP}|{_SP}(?:hingga|sampai(?:{_SP}(?:(?:dengan){{e<=1}}|dgn)(?!\p{{L}}))?|s\.d\.?|s/d){_SP})"
# "2023/2024" is a school or fiscal year, not 2023
_YEAR = r"(?:19[5-9]\d|20\d\d)(?![\d])(?![.,/]\d)"
_DAYN = r"(?:[12]\d|3[01]|0?[1-9])"
_MONN = r"(?:1[0-2]|0?[1-9])"
_ABBR = sorted(k for k in cal.MONTHS if k not in cal.MONTH_FULL_NAMES and len(k) <= 4)
_FULL = sorted(k for k in cal.MONTHS if k not in _ABBR)
_MONTH = rf"(?i:{_alt(_FULL)}|{_alt(_ABBR)}\.?)(?!\w)"
_FULLMONTH = rf"(?i:{_alt(cal.MONTH_FULL_NAMES)})(?!\w)"
_WD_FORMS = [w.capitalize() for w in cal.WEEKDAYS] + [w.upper() for w in cal.WEEKDAYS]
_WEEKDAY = rf"(?<!\w){_alt(_WD_FORMS)}(?!\w)"
_TOD = _alt(cal.TIMES_OF_DAY)
_EDGE = r"(?i:awal|akhir|pertengahan|medio|penghujung|permulaan)"
_NUM = rf"(?:\d{{1,3}}|(?i:{_alt(w for w in cal.NUMBER_WORDS if w != 'se')}|beberapa))"
_UNIT = rf"(?i:{_alt(cal.UNITS)})"
_DIR = rf"(?i:{_alt(cal.DIRECTIONS)})"
_NOT_NUM_BEFORE = r"(?<![\w.,/-])"
_NUMERIC = rf"(?P<d>{_DAYN})(?P<sep>[/.-])(?P<mo>{_MONN})(?P=sep)(?P<y>\d{{4}}|\d{{2}})(?![\w/]|[.,-]\d)"


def _year_of(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _month_of(text: str) -> int:
    return cal.MONTHS[text.lower().rstrip(".")]


def _weekday_of(text: str) -> int:
    return cal.WEEKDAYS[text.lower()]


def _number_of(text: str | None) -> int | None:
    if text is None:
        return 1
    t = " ".join(text.lower().split())
    if t.isdigit():
        return int(t)
    return cal.NUMBER_WORDS.get(t)


def _direction(text: str | None) -> int | None:
    return None if text is None else cal.DIRECTIONS.get(" ".join(text.lower().split()))


# --- resolvers ------------------------------------------------------------------------------------


def _r_iso(m: regex.Match[str], a: dt.date | None) -> DateValue | None:
    d = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return _day_value(d) if d else None


def _r_numeric(m: regex.Match[str], a: dt.date | None) -> DateValue | None:
    d = _safe_date(_year_of(m["y"]), int(m["mo"]), int(m["d"]))
    return _day_value(d) if d else None


def _r_weekday_paren(m: regex.Match[str], a: dt.date | None) -> DateValue | None:
    day, month = int(m["d"]), int(m["mo"])
    if m["y"]:
        year: int | None = _year_of(m["y"])
    elif a is not None:
        year = _nearest_year(month, day, a, weekday=_weekday_of(m["wd"]))
    else:
        year = None
    d = _safe_date(year, month, day) if year else None
    return _day_value(d) if d else None


def _r_day_month(m: regex.Match[str], a: dt.date | None) -> DateValue | None:
    day, month = int(m["d"]), _month_of(m["m"])
    weekday = _weekday_of(m["wd"]) if m.groupdict().get("wd") else None
    if m["y"]:
        year: int | None = int(m["y"])
    elif a is not None:
        year = _nearest_year(month, day, a, weekday=weekday)
    else:
        year = None
    d = _safe_date(year, month, day) if year else None
    return _day_value(d) if d else None


def _r_day_range(m: regex.Match[str], a: dt.date | None) -> DateValue | None:
    d2, m2 = int(m["d2"]), _month_of(m["m2"])
    m1 = _month_of(m["m1"]) if m["m1"] else m2
    d1 = int(m["d1"])
    if m["y2"]:
        y2: int | None = int(m["y2"])
    elif a is not None:
        y2 = _nearest_year(m2, d2, a)
    else:
        return None
    if y2 is None:
        return None
    y1 = int(m["y1"]) if m["y1"] else (y2 if m1 <= m2 else y2 - 1)
    first, last = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
    return period_value(first, last) if first and last else None


def _r_month_year(m: regex.Match[str], a: dt.date | None) -> DateValue | None:
    return _month_value(int(m["y"]), _month_of(m["m"]))


def _r_month_range(m: regex.Match[str], a: dt.date | None) -> DateValue | None:
    m1, m2 = _month_of(m["m1"]), _month_of(m["m2"])
    if m["y2"]:
        y2: int | None = int(m["y2"])
    elif a is not None:
        y2 = _nearest_year(m2, None, a)
    else:
        return None
    if y2 is None:
        return None
    y1 = int(m["y1"]) if m["y1"] else (y2 if m1 <= m2 else y2 - 1)
    return _range_value(_month_value(y1, m1), _month_value(y2, m2))


def _r_month(m: regex.Match[str], a: dt.date | None) -> DateValue | None:
    if a is None:
        return None
    month = _month_of(m["m"])
    year = _nearest_year(month, None, a, direction=_direction(m["dir"]) or None)
    return _month_value(year, month) if year else None


def _r_years(m: regex.Match[str], a: dt.date | None) -> DateValue | None:
    first = int(m["y1"])
    last = int(m["y2"]) if m["y2"] else first
    return _year_value(first) if first == last else None


def _r_quarter(m: regex.Match[str], a: dt.date | None) -> DateValue | None:
    if m["y"]:
        year = int(m["y"])
    elif a is not None:
        year = a.year + (_direction(m["dir"]) or 0)
    else:
        return None
    size = cal.PERIOD_MONTHS[m["per"].lower()]
    index = cal.ORDINALS.get(m["ord"].lower())
    if index is None or index * size > 12:
        return None
    first, last = (index - 1) * size + 1, index * size
    return _range_value(_month_value(year, first), _month_value(year, last))


def _r_relative(m: regex.Match[str], a: dt.date | None) -> DateValue | None:
    if a is None:
        return None
    unit = cal.UNITS[m["unit"].lower()]
    word = " ".join(m["dir"].lower().split())
    if word in ("sebelumnya", "berikutnya"):
        return None  # relative to another event of the text, not to the publication date
    n = 1 if m["se"] else _number_of(m["n"])
    direction = cal.DIRECTIONS[word]
    if n is None or (direction == 0 and (m["n"] or m["se"])):
        return None
    if unit == "day" and direction != 0 and not (m["n"] or m["se"]):
        return None  # "hari lalu" without a count is not an expression
    return _shift(a, unit, direction * n)


def _r_day_word(m: regex.Match[str], a: dt.date | None) -> DateValue | None:
    if a is None:
        return None
    return _day_value(a + dt.timedelta(days=cal.DAY_WORDS[" ".join(m[0].lower().split())]))


def _r_weekday(m: regex.Match[str], a: dt.date | None) -> DateValue | None:
    if a is None:
        return None
    return _day_value(_weekday_date(_weekday_of(m["wd"]), a, _direction(m["dir"]) or 0))


def _r_holiday(m: regex.Match[str], a: dt.date | None) -> DateValue | None:
    if m["y"]:
        year = int(m["y"])
    elif a is not None:
        year = a.year
    else:
        return None
    kind = cal.HOLIDAYS[" ".join(m["h"].lower().split())]
    if kind == "christmas":
        return _month_value(year, 12)
    if kind == "lebaran":
        when = cal.IDUL_FITRI.get(year)
        return _month_value(year, when[0]) if when else _year_value(year)
    return _year_value(year)


def _r_none(m: regex.Match[str], a: dt.date | None) -> DateValue | None:
    return None


# --- contexts (find_dates only: normalize_date trusts its caller) ----------------------------------

_PREV_WORD = regex.compile(r"(\S+)[^\S\n]*$")
_NEXT_WORD = regex.compile(r"^[^\S\n]*(\S+)")
_STRONG_YEAR_CUES = frozenset(cal.DATE_PREPOSITIONS) - {"di", "dan", "atau", "dengan", "tahun", "bulan"}
_MONTH_CUES = frozenset(cal.DATE_PREPOSITIONS) | {"bulan"}
_WEEKDAY_CUES = frozenset({"pada", "hari", "sejak", "hingga", "sampai", "mulai", "dan", "atau", "sebelum", "setelah"})
_YEAR_FOLLOW_OK = regex.compile(r"(?i)(?:lalu|silam|ini|mendatang)(?!\w)")


def _prev_word(text: str, start: int) -> str:
    """The word before ``start``, lower-cased; "" for none or for an acronym ("ANTARA" is no "antara")."""
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    if m is None or (len(m[1]) > 1 and m[1].isupper()):
        return ""
    word: str = m[1]
    return word.lower()


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text[end : end + 40])
    return m[1] if m else ""


def _accept_always(text: str, m: regex.Match[str]) -> bool:
    return True


def _accept_law_year(text: str, m: regex.Match[str]) -> bool:
    """Reject the year of a law's number ("Nomor 44 Tahun 2015") or of a name ("... Orang Tahun 2022-2026")."""
    prev = _prev_word(text, m.start())
    if prev[:1].isdigit() or prev.rstrip(".") in ("nomor", "no", "nomer", "nr"):
        return False
    kw = m["kw"]
    if kw[:1].isupper() and not m["edge"]:
        before = text[max(0, m.start() - 3) : m.start()].rstrip()
        raw_prev = _PREV_WORD.search(text, max(0, m.start() - 40), m.start())
        sentence_start = not before or before[-1] in ".!?:;\"“”'(\n"
        if raw_prev and raw_prev[1][:1].isupper() and not sentence_start:
            return False
    return True


def _accept_bare_year(text: str, m: regex.Match[str]) -> bool:
    nxt = _next_word(text, m.end())
    if nxt[:1].isalpha() and nxt[:1].islower():
        if nxt.lower().strip(".,;:") not in cal.YEAR_FOLLOWERS:
            return False  # "2023 orang": a count
    if _YEAR_FOLLOW_OK.match(nxt) and nxt[:1].islower():
        return True
    if m["edge"] or m["prep"]:
        return True
    return _prev_word(text, m.start()).strip("(") in _STRONG_YEAR_CUES


def _accept_bare_month(text: str, m: regex.Match[str]) -> bool:
    if not m[0][:1].isupper() and not m["edge"]:
        return False
    nxt = _next_word(text, m.end())
    if nxt[:1].isupper():
        return False  # a name: "Agustus Sani"
    if m["edge"]:
        return True
    before = text[max(0, m.start() - 2) : m.start()].rstrip()
    if before.endswith(","):
        return True
    return _prev_word(text, m.start()) in _MONTH_CUES


def _accept_weekday(text: str, m: regex.Match[str]) -> bool:
    nxt = _next_word(text, m.end())
    if nxt[:1].isupper() or nxt[:1].isdigit():
        return False
    prev = _prev_word(text, m.start())
    if prev in ("setiap", "tiap"):
        return False  # recurring, not a point in time
    before = text[max(0, m.start() - 2) : m.start()].rstrip()
    return before.endswith((",", "(")) or prev in _WEEKDAY_CUES


def _accept_holiday(text: str, m: regex.Match[str]) -> bool:
    return bool(m["per"] or m["y"]) or _prev_word(text, m.start()) in cal.HOLIDAY_CUES


# --- rules ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: regex.Pattern[str]
    resolve: _Resolver
    accept: _Acceptor = _accept_always


def _rule(name: str, pattern: str, resolve: _Resolver, accept: _Acceptor = _accept_always) -> _Rule:
    return _Rule(name, regex.compile(pattern), resolve, accept)


_WD_HEAD = rf"(?P<wd>{_WEEKDAY})(?:{_SP}(?P<tod>{_TOD}))?,?{_OSP}"
_TIME = r"(?:[01]?\d|2[0-4])(?:[.:][0-5]\d)?"
_TZ = _alt(cal.TIME_ZONES)
_DUR_HEAD = rf"(?:{_NUM}{_SP}|(?i:se))"

# "pekan kedua Agustus 2024": a week of the month; the date is the month
_WEEK_OF = r"(?i:(?:pekan|minggu)[^\S\n]+(?:pertama|kedua|ketiga|keempat|terakhir|ke-?[1-5]))"

# Order breaks ties between equally long matches: the more specific rule first.
RULES: tuple[_Rule, ...] = (
    _rule(
        "iso", rf"{_NOT_NUM_BEFORE}(?P<y>{_YEAR})-(?P<mo>1[0-2]|0[1-9])-(?P<d>[12]\d|3[01]|0[1-9])(?![\w/-])", _r_iso
    ),
    _rule(
        "weekday_paren",
        rf"{_WD_HEAD}\({_OSP}(?P<d>{_DAYN})(?P<sep>[/.-])(?P<mo>{_MONN})(?:(?P=sep)(?P<y>\d{{4}}|\d{{2}}))?{_OSP}\)",
        _r_weekday_paren,
    ),
    _rule("weekday_numeric", rf"{_WD_HEAD}{_NUMERIC}", _r_numeric),
    _rule(
        "weekday_day_month",
        rf"{_WD_HEAD}(?P<d>{_DAYN}){_SP}(?P<m>{_MONTH})(?:,?{_SP}(?P<y>{_YEAR}))?",
        _r_day_month,
    ),
    _rule("numeric", rf"{_NOT_NUM_BEFORE}{_NUMERIC}", _r_numeric),
    _rule(
        "day_range",
        rf"{_NOT_NUM_BEFORE}(?P<d1>{_DAYN})(?:{_SP}(?P<m1>{_MONTH})(?:{_SP}(?P<y1>{_YEAR}))?)?{_TO}"
        rf"(?P<d2>{_DAYN}){_SP}(?P<m2>{_MONTH})(?:,?{_SP}(?P<y2>{_YEAR}))?",
        _r_day_range,
    ),
    _rule(
        "day_month",
        rf"{_NOT_NUM_BEFORE}(?P<d>{_DAYN}){_SP}(?P<m>{_MONTH})(?:,?{_SP}(?P<y>{_YEAR}))?",
        _r_day_month,
    ),
    _rule(
        "month_range",
        rf"(?<!\w)(?:(?P<edge>{_EDGE}){_SP})?(?P<m1>{_MONTH})(?:{_SP}(?P<y1>{_YEAR}))?{_TO}"
        rf"(?P<m2>{_MONTH}){_SP}(?P<y2>{_YEAR})",
        _r_month_range,
    ),
    _rule(
        "month_year",
        rf"(?<!\w)(?:(?P<edge>{_EDGE}|{_WEEK_OF}){_SP})?(?P<m>{_MONTH}),?{_SP}(?P<y>{_YEAR})",
        _r_month_year,
    ),
    _rule(
        "month_range_bare",
        rf"(?<!\w)(?P<edge>)(?P<m1>{_FULLMONTH})(?P<y1>){_TO}(?P<m2>{_FULLMONTH})(?P<y2>)",
        _r_month_range,
        _accept_bare_month,
    ),
    _rule(
        "month",
        rf"(?<!\w)(?:(?P<edge>{_EDGE}){_SP})?(?P<m>{_FULLMONTH})(?:{_SP}(?P<dir>(?i:lalu|mendatang|depan)(?!\w)))?",
        _r_month,
        _accept_bare_month,
    ),
    _rule(
        "quarter",
        rf"(?<!\w)(?P<per>(?i:triwulan|kuartal|caturwulan|semester))(?:{_SP}|{_OSP}-{_OSP})"
        rf"(?P<ord>(?i:pertama|kesatu|kedua|ketiga|keempat|iv|iii|ii|i)|[1-4])(?!\w)"
        rf"(?:(?:{_SP}(?i:tahun{_SP})?|{_OSP}/{_OSP})(?P<y>{_YEAR})|{_SP}(?i:tahun){_SP}(?P<dir>(?i:ini|lalu|depan)(?!\w)))?",
        _r_quarter,
    ),
    _rule(
        "tahun_year",
        rf"(?<!\w)(?:(?P<edge>{_EDGE}){_SP})?(?P<kw>(?i:tahun)){_SP}(?P<y1>{_YEAR})"
        rf"(?:{_TO}(?:(?i:tahun){_SP})?(?P<y2>{_YEAR}))?",
        _r_years,
        _accept_law_year,
    ),
    # a bare year is a date by its preposition, which the mention keeps ("pada 2023", "sepanjang 2024")
    _rule(
        "year",
        rf"{_NOT_NUM_BEFORE}(?:(?P<prep>(?<!\w)(?i:{_alt(cal.YEAR_PREPOSITIONS)})){_SP})?"
        rf"(?:(?P<edge>{_EDGE}){_SP})?(?P<y1>{_YEAR})(?:{_TO}(?P<y2>{_YEAR}))?",
        _r_years,
        _accept_bare_year,
    ),
    _rule(
        "duration",
        rf"(?<!\w)(?:(?i:sepanjang){_SP}{_NUM}{_SP}{_UNIT}(?!\w)|{_DUR_HEAD}{_UNIT}{_SP}(?i:terakhir)(?:{_SP}(?i:ini))?"
        rf"|(?i:tahun-tahun|bulan-bulan|hari-hari){_SP}(?i:sebelumnya|terakhir|belakangan))(?!\w)",
        _r_none,
    ),
    _rule(
        "relative",
        rf"(?<!\w)(?:(?P<edge>{_EDGE}){_SP})?(?:(?P<n>{_NUM}){_SP}|(?P<se>(?i:se)))?(?P<unit>{_UNIT}){_SP}"
        rf"(?P<dir>{_DIR}|(?i:sebelumnya|berikutnya))(?!\w)",
        _r_relative,
    ),
    # "kuartal sebelumnya", "semester berikutnya": a period counted from the date the text gave before it;
    # find_dates resolves it to that date's year (a quarter or a half seldom crosses a year)
    _rule(
        "period_anaphor",
        rf"(?<!\w)(?i:{_alt(cal.PERIOD_MONTHS)}){_SP}(?i:sebelumnya|berikutnya|selanjutnya)(?!\w)",
        _r_none,
    ),
    # "belum lama ini", "baru-baru ini": an event placed in the recent past without a date to resolve
    _rule("recent", rf"(?<!\w)(?i:{_alt(cal.RECENT_PHRASES)})(?!\w)", _r_none),
    _rule("day_word", rf"(?<!\w)(?i:{_alt(cal.DAY_WORDS)})(?!\w)", _r_day_word),
    _rule(
        "weekday",
        rf"(?P<wd>{_WEEKDAY})(?:{_SP}(?P<tod>{_TOD}))?(?:{_SP}(?P<dir>(?i:lalu|kemarin|depan|mendatang)))?(?!\w)",
        _r_weekday,
        _accept_weekday,
    ),
    _rule(
        "time",
        rf"(?<!\w)(?:(?i:pukul|jam){_SP}{_TIME}(?:{_TO}{_TIME})?(?:{_SP}(?:{_TZ}|(?i:{_TOD})))?"
        rf"|(?:[01]?\d|2[0-4])[.:][0-5]\d(?:{_TO}(?:[01]?\d|2[0-4])[.:][0-5]\d)?{_SP}{_TZ})(?!\w)",
        _r_none,
    ),
    _rule(
        "holiday",
        rf"(?<!\w)(?:(?i:menjelang|jelang){_SP})?(?:(?P<per>(?i:periode)){_SP})?(?P<h>(?i:{_alt(cal.HOLIDAYS)}))"
        rf"(?:{_SP}(?P<y>{_YEAR}))?(?!\w)",
        _r_holiday,
        _accept_holiday,
    ),
)


# each rule tried only at the words where its match can begin
_GATE = GatedPatterns([rule.pattern for rule in RULES])


# --- public functions -----------------------------------------------------------------------------


def find_dates(text: str, *, anchor: str | None = None) -> list[Found]:
    """Every temporal expression of ``text`` as (start, end, value), sorted, not overlapping.

    ``anchor`` ("YYYY-MM-DD") resolves partial and relative expressions; the value is None where it
    cannot be resolved and for durations and clock times.
    """
    a = parse_anchor(anchor)
    candidates: list[tuple[int, int, int, regex.Match[str]]] = []
    for order, (rule, matches) in enumerate(zip(RULES, _GATE.finditer_each(text), strict=True)):
        for m in matches:
            if rule.accept(text, m):
                candidates.append((m.start(), m.end(), order, m))
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    chosen: list[tuple[int, int, int, regex.Match[str]]] = []
    taken: list[tuple[int, int]] = []  # the chosen spans in text order, not overlapping
    for cand in candidates:
        # only the chosen span that starts last before this one's end can overlap it
        i = bisect.bisect_left(taken, (cand[1], -1))
        if i == 0 or taken[i - 1][1] <= cand[0]:
            chosen.append(cand)
            bisect.insort(taken, (cand[0], cand[1]))
    chosen.sort(key=lambda c: c[0])
    out: list[Found] = []
    prev_end = -10
    for start, end, order, m in chosen:
        rule = RULES[order]
        # "23 September kemarin": the deictic word only confirms the date before it
        if rule.name == "day_word" and not text[prev_end:start].strip() and out:
            continue
        value = rule.resolve(m, a)
        if rule.name == "period_anaphor":
            before = next((v for _, _, v in reversed(out) if v is not None), None)
            value = None if before is None else _year_value(int(before.value[:4]))
        out.append((start, end, value))
        prev_end = end
    return out


def normalize_date(text: str, *, anchor: str | None = None) -> DateValue | None:
    """The ISO value of the temporal expression ``text``; ``anchor`` ("YYYY-MM-DD", usually the
    publication date) resolves partial and relative ones. None when it cannot be resolved."""
    stripped = text.strip()
    a = parse_anchor(anchor)
    for rule in RULES:
        m = rule.pattern.fullmatch(stripped)
        if m is not None:
            return rule.resolve(m, a)
    found = [f for f in find_dates(stripped, anchor=anchor) if f[2] is not None]
    if not found:
        return None
    return max(found, key=lambda f: f[1] - f[0])[2]

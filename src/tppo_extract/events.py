"""Event linking: the action records of different articles that report one act, grouped into one event.

Three outlets reporting one departure delay give three action records; :func:`link_events` groups them so that
counts by office or province count the act once.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import regex
from pydantic import Field
from rapidfuzz import fuzz

from .constants import ActionStatus, ActionType, PlaceLevel
from .normalize.agencies import agency_by_id, canonical_name, identity_key, load_agencies, org_type_of, parent_chain
from .normalize.places import place_key, split_prefix
from .records import Action, ActorRef, Article, PlaceRef, Record

# Outlets report an act on the day or within a couple of days, and the day an article names ("Selasa") is
# sometimes the day of the statement rather than of the act; three days covers both, while the same office
# repeating the act (a weekly delay at the airport) is usually a week or more apart.
DEFAULT_DATE_WINDOW_DAYS = 3
# rapidfuzz ratio (0-100) of the distinctive parts of two agency names (normalize.agencies.identity_key, with
# known acronyms expanded and hyphens dropped) above which they name one body: it absorbs spelling slips and
# spacing ("soekarno-hatta"/"soekarnohatta" 96, a one-letter slip in a 10-letter name 90), and stays above
# the closest pairs of different bodies seen ("Disnakertrans Cianjur"/"... Cirebon" 88.6, "Polda NTB"/"Kanwil
# Kemenkumham NTB" 87.2). A name nested in the other ("Polres Sumbawa"/"Polres Sumbawa Barat") never matches
# by similarity: the extra word names another body.
DEFAULT_NAME_THRESHOLD = 90.0
# Two counts of one act may differ by this share of the larger: outlets round, or count a late arrival
# (15 against 16 people). Small counts never differ (2 against 3 is 33 %); 15 against 40 stays apart.
COUNT_REL_TOLERANCE = 0.1

_ID_CHARS = 16


class EventMember(Record):
    """One action record of an event, with what linking compared (enough to audit the grouping)."""

    doc_id: str | None
    action_id: str
    type: ActionType
    status: ActionStatus = "done"
    trigger: str = Field(description="the trigger phrase, as the article writes it")
    actor: str | None = Field(default=None, description="canonical name of the first actor")
    actor_text: str | None = Field(default=None, description="the first actor as the article writes it")
    agency_id: str | None = None
    place: str | None = Field(default=None, description="official name (or text) of the place linking used")
    region_code: str | None = None
    province: str | None = None
    date: str | None = Field(default=None, description="ISO value of the action's own date")
    count: int | None = None
    pub_date: dt.date | None = None


class Event(Record):
    """One act, reported by one or more articles: its members and a merged view of them."""

    id: str = Field(pattern=r"^evt_[0-9a-f]{16}$", description="a hash of the sorted member (doc_id, action id)s")
    type: ActionType
    members: list[EventMember]
    actor: str | None = Field(default=None, description="canonical name of the acting body")
    agency_id: str | None = None
    place: str | None = Field(default=None, description="the most specific place among the members")
    level: PlaceLevel | None = None
    region_code: str | None = None
    province: str | None = None
    date: str | None = Field(default=None, description="the most specific date value (day over month over year)")
    date_source: Literal["text", "pub_date"] | None = Field(
        default=None, description="text: an action's own date; pub_date: no member has one, the earliest pub_date"
    )
    count: int | None = Field(default=None, description="the most common count among the members, ties to the largest")
    doc_ids: list[str] = Field(default_factory=list)


# ---- what linking compares ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Body:
    """An acting body, normalised for comparison."""

    agency_id: str | None
    canonical: str
    family: str  # coarse organisation type (normalize.agencies.org_type_of); "other" when the name does not say
    key: str  # distinctive part of the name, acronyms expanded ("mataram")


@dataclass(frozen=True)
class _Place:
    code: str | None
    province: str | None
    key: str  # place_key of the bare name ("indramayu" for "Kabupaten Indramayu")


@dataclass(frozen=True)
class _Item:
    uid: tuple[str, str, int]  # (article key, action id, trigger start): the sort key and identity of a record
    member: EventMember
    bodies: tuple[_Body, ...]  # first actor first
    place: _Place | None
    level: PlaceLevel | None
    span: tuple[dt.date, dt.date] | None  # the days the date covers (action date, else pub_date)
    from_text: bool  # the span is the action's own date


@functools.cache
def _alias_pattern() -> tuple[regex.Pattern[str], dict[str, str]]:
    """Known-agency aliases ("BP3MI", "Balai Pelayanan Perlindungan ...") -> the lexicon's name, longest first."""
    table: dict[str, str] = {}
    for entry in load_agencies():
        for alias in entry.aliases:
            table.setdefault(alias, entry.name)
    alternatives = sorted(table, key=len, reverse=True)
    pattern = regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(map(regex.escape, alternatives)) + r")(?![\p{L}\p{N}])")
    return pattern, table


def _name_key(canonical: str) -> str:
    pattern, table = _alias_pattern()
    expanded = pattern.sub(lambda m: table[m.group(0)], canonical)
    return identity_key(expanded).replace("-", "")


def _body(ref: ActorRef) -> _Body:
    canonical = ref.canonical or canonical_name(ref.text)
    entry = agency_by_id(ref.agency_id) if ref.agency_id else None
    parents = parent_chain(ref.agency_id) if ref.agency_id else []
    family = org_type_of(entry.type if entry else None, canonical, parents)
    return _Body(ref.agency_id, canonical, family, _name_key(canonical))


def _place(refs: Sequence[PlaceRef]) -> PlaceRef | None:
    """The place linking compares: the first (most specific) with a Kemendagri code, else the first with a
    province, else the first; a site ("Bandara ...") has no code, and the code says more about where."""
    for pick in (lambda r: r.region_code, lambda r: r.province, lambda r: True):
        for ref in refs:
            if pick(ref):
                return ref
    return None


def _place_key(ref: PlaceRef) -> _Place:
    _, bare = split_prefix(ref.name or ref.text)
    return _Place(ref.region_code, ref.province, place_key(bare))


def _interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day an ISO value at its own granularity covers ("2024-03" -> March 1 to 31)."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = dt.date(*parts)
            return day, day
        if len(parts) == 2:
            year, month = parts
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


def _granularity(value: str) -> int:
    """3 for a day ("2024-03-12"), 2 for a month, 1 for a year: the finer, the higher."""
    return value.count("-") + 1


def _article_key(art: Article) -> str:
    """The identity of an article: its doc_id, or a hash of its content when it has none."""
    if art.doc_id is not None:
        return art.doc_id
    basis = "\n".join([art.title or "", str(art.pub_date or ""), *sorted(a.id for a in art.actions)])
    return "#" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:_ID_CHARS]


def _item(art: Article, key: str, action: Action) -> _Item:
    first = action.actors[0] if action.actors else None
    place = _place(action.locations)
    own = action.date.value if action.date else None
    span = _interval(own)
    from_text = span is not None
    if span is None and art.pub_date is not None:
        span = (art.pub_date, art.pub_date)
    member = EventMember(
        doc_id=art.doc_id,
        action_id=action.id,
        type=action.type,
        status=action.status,
        trigger=action.trigger.text,
        actor=(first.canonical or canonical_name(first.text)) if first else None,
        actor_text=first.text if first else None,
        agency_id=first.agency_id if first else None,
        place=(place.name or place.text) if place else None,
        region_code=place.region_code if place else None,
        province=place.province if place else None,
        date=own if from_text else None,
        count=action.count,
        pub_date=art.pub_date,
    )
    return _Item(
        uid=(key, action.id, action.trigger.start),
        member=member,
        bodies=tuple(_body(r) for r in action.actors),
        place=_place_key(place) if place else None,
        level=place.level if place else None,
        span=span,
        from_text=from_text,
    )


# ---- pairwise compatibility -----------------------------------------------------------------------------


def _same_body(a: _Body, b: _Body, threshold: float) -> bool:
    if a.agency_id is not None and b.agency_id is not None:
        return a.agency_id == b.agency_id
    if a.family != b.family and "other" not in (a.family, b.family):
        return False  # "Imigrasi Bengkulu" and "Kanwil Kemenkumham Bengkulu" share their distinctive part
    if a.canonical.casefold() == b.canonical.casefold():
        return True
    if not a.key or not b.key:
        return False
    if a.key == b.key:
        return a.family == b.family
    if a.key in b.key or b.key in a.key:
        return False
    return a.family == b.family and fuzz.ratio(a.key, b.key) >= threshold


def _actors_match(a: _Item, b: _Item, threshold: float) -> bool:
    """The first actor of one is among the actors of the other: outlets list co-acting bodies in any order."""
    if not a.bodies or not b.bodies:
        return False
    return any(_same_body(a.bodies[0], y, threshold) for y in b.bodies) or any(
        _same_body(b.bodies[0], x, threshold) for x in a.bodies
    )


def _places_compatible(a: _Place | None, b: _Place | None) -> bool:
    """Same code, or one code inside the other ("61.03" holds "61.03.21"), or one side has no place; without
    codes, provinces must agree, and names that neither code nor province resolves must be one name."""
    if a is None or b is None:
        return True
    if a.code and b.code:
        pa, pb = a.code.split("."), b.code.split(".")
        n = min(len(pa), len(pb))
        return pa[:n] == pb[:n]
    if a.province and b.province:
        return a.province == b.province
    if a.code or a.province or b.code or b.province:
        return True
    return bool(a.key) and bool(b.key) and (a.key in b.key or b.key in a.key)


def _counts_compatible(a: int | None, b: int | None) -> bool:
    if a is None or b is None:
        return True
    return abs(a - b) <= COUNT_REL_TOLERANCE * max(a, b)


def _gap_days(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Days between two spans; 0 when they overlap (a month holds each of its days)."""
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def _compatible(a: _Item, b: _Item, window: int, threshold: float) -> bool:
    """Whether two records can report one act. Either the actors match, or one side names none and both name
    a place: a record with neither is too vague to join another."""
    if a.uid[0] == b.uid[0] or a.member.type != b.member.type:
        return False
    if (a.member.status == "negated") != (b.member.status == "negated"):
        return False
    if a.span is None or b.span is None or _gap_days(a.span, b.span) > window:
        return False
    if not _counts_compatible(a.member.count, b.member.count):
        return False
    if not _places_compatible(a.place, b.place):
        return False
    if a.bodies and b.bodies:
        return _actors_match(a, b, threshold)
    return a.place is not None and b.place is not None


def _strength(a: _Item, b: _Item) -> int:
    """How many arguments two compatible records positively share: stronger pairs are linked first."""
    n = int(bool(a.bodies and b.bodies))
    n += int(a.place is not None and b.place is not None and bool(a.place.code or a.place.province))
    n += int(a.member.count is not None and a.member.count == b.member.count)
    n += int(a.from_text and b.from_text)
    return n


def _trigger_differs(a: _Item, b: _Item) -> bool:
    """A last tie-break: where an article reports two acts of one type ("sosialisasi" and "edukasi"), the one
    another outlet names with the same word goes with it."""
    return a.member.trigger.casefold() != b.member.trigger.casefold()


# ---- linking --------------------------------------------------------------------------------------------


def _items(articles: Iterable[Article]) -> list[_Item]:
    seen: set[tuple[str, str, int]] = set()
    items: list[_Item] = []
    for art in articles:
        key = _article_key(art)
        for action in art.actions:
            it = _item(art, key, action)
            if it.uid not in seen:  # the same article given twice: its records count once
                seen.add(it.uid)
                items.append(it)
    items.sort(key=lambda it: it.uid)
    return items


def _candidate_pairs(items: list[_Item], window: int, threshold: float) -> list[tuple[int, int]]:
    """The compatible pairs, strongest first, then closest in time, then same trigger word, then by record
    identity. Only records of one type whose spans come within the window are compared (a sweep over the spans
    sorted by first day)."""
    by_type: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        if it.span is not None:
            by_type.setdefault(it.member.type, []).append(i)
    scored: list[tuple[int, int, bool, tuple[str, str, int], tuple[str, str, int], int, int]] = []
    for idx in by_type.values():
        idx.sort(key=lambda i: (items[i].span or (dt.date.min, dt.date.min))[0])
        for p, i in enumerate(idx):
            si = items[i].span
            assert si is not None
            for j in idx[p + 1 :]:
                sj = items[j].span
                assert sj is not None
                if (sj[0] - si[1]).days > window:
                    break
                if _compatible(items[i], items[j], window, threshold):
                    a, b = (i, j) if items[i].uid < items[j].uid else (j, i)
                    gap = _gap_days(si, sj)
                    key = (-_strength(items[a], items[b]), gap, _trigger_differs(items[a], items[b]))
                    scored.append((*key, items[a].uid, items[b].uid, a, b))
    scored.sort()
    return [(a, b) for *_, a, b in scored]


def _cluster(items: list[_Item], window: int, threshold: float) -> list[list[int]]:
    """Complete-link agglomeration over the candidate pairs: two groups join only when every record of one is
    compatible with every record of the other, so A~B and B~C does not put A with C when A and C conflict
    (different counts, or two records of one article). The pairs' order is fixed by their content, so the
    result does not depend on the order of the input."""
    parent = list(range(len(items)))
    groups: dict[int, list[int]] = {i: [i] for i in range(len(items))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    @functools.cache
    def ok(i: int, j: int) -> bool:
        return _compatible(items[i], items[j], window, threshold)

    for a, b in _candidate_pairs(items, window, threshold):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        if all(ok(min(x, y), max(x, y)) for x in groups[ra] for y in groups[rb]):
            keep, gone = min(ra, rb), max(ra, rb)
            parent[gone] = keep
            groups[keep].extend(groups.pop(gone))
    return [sorted(g) for g in groups.values()]


def _most_common(values: Iterable[str]) -> str | None:
    """The most common value; ties to the longest, then the first in alphabetical order."""
    counts = Counter(values)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], -len(v), v))


def _place_depth(it: _Item) -> tuple[int, int]:
    """How specific a member's place is: the parts of its Kemendagri code, then whether it has a province."""
    code = it.member.region_code
    return (len(code.split(".")) if code else 0, int(it.member.province is not None))


def _event(items: list[_Item]) -> Event:
    members = [it.member for it in items]
    ids = sorted(f"{it.uid[0]}\t{it.uid[1]}\t{it.uid[2]}" for it in items)
    digest = hashlib.sha1("\n".join(ids).encode("utf-8")).hexdigest()[:_ID_CHARS]
    # actor: a known agency's name first, then the most common canonical name
    known = [m.actor for m in members if m.actor and m.agency_id]
    actor = _most_common(known) or _most_common(m.actor for m in members if m.actor)
    agency_id = _most_common(m.agency_id for m in members if m.agency_id)
    # place: the deepest Kemendagri code; without codes, a place with a province, then any
    with_place = [it for it in items if it.member.place]
    best_place: _Item | None = None
    if with_place:
        top = max(_place_depth(it) for it in with_place)
        tied = [it for it in with_place if _place_depth(it) == top]
        name = _most_common(it.member.place or "" for it in tied)
        best_place = next(it for it in tied if it.member.place == name)
    province = (best_place.member.province if best_place else None) or _most_common(
        m.province for m in members if m.province
    )
    # date: the finest granularity among the actions' own dates, the most common, ties to the earliest
    dated = [m.date for m in members if m.date]
    date: str | None
    source: Literal["text", "pub_date"] | None
    if dated:
        finest = max(_granularity(v) for v in dated)
        counts = Counter(v for v in dated if _granularity(v) == finest)
        date, source = min(counts, key=lambda v: (-counts[v], v)), "text"
    else:
        pubs = sorted(m.pub_date for m in members if m.pub_date)
        date, source = (pubs[0].isoformat(), "pub_date") if pubs else (None, None)
    counts_n = Counter(m.count for m in members if m.count is not None)
    count = max(counts_n, key=lambda c: (counts_n[c], c)) if counts_n else None
    return Event(
        id=f"evt_{digest}",
        type=members[0].type,
        members=sorted(members, key=lambda m: (m.doc_id or "", m.action_id)),
        actor=actor,
        agency_id=agency_id,
        place=best_place.member.place if best_place else None,
        level=best_place.level if best_place else None,
        region_code=best_place.member.region_code if best_place else None,
        province=province,
        date=date,
        date_source=source,
        count=count,
        doc_ids=sorted({m.doc_id for m in members if m.doc_id is not None}),
    )


def link_events(
    articles: Iterable[Article],
    *,
    date_window_days: int = DEFAULT_DATE_WINDOW_DAYS,
    name_threshold: float = DEFAULT_NAME_THRESHOLD,
) -> list[Event]:
    """Group the action records of different articles that report the same act into events.

    Two records can be one act when they come from different articles and have the same type, the same acting
    body (same agency id, same canonical name, or distinctive names at least ``name_threshold`` similar),
    compatible places (same Kemendagri code, one inside the other, or one side without a place), dates within
    ``date_window_days`` (the action's date, else the article's pub_date; a month or a year holds its days)
    and counts within :data:`COUNT_REL_TOLERANCE`. A record without an actor joins another only when both name
    a place; one with neither a date nor a pub_date stays alone, and a negated act never joins a reported one.
    Groups are built complete-link (see :func:`_cluster`); every record is in exactly one event, singletons
    included. Events come sorted by their first member.
    """
    if date_window_days < 0:
        raise ValueError(f"date_window_days must be 0 or more, not {date_window_days}")
    items = _items(articles)
    events = [_event([items[i] for i in g]) for g in _cluster(items, date_window_days, name_threshold)]
    events.sort(key=lambda e: (e.members[0].doc_id or "", e.members[0].action_id, e.id))
    return events


__all__ = [
    "COUNT_REL_TOLERANCE",
    "DEFAULT_DATE_WINDOW_DAYS",
    "DEFAULT_NAME_THRESHOLD",
    "Event",
    "EventMember",
    "link_events",
]

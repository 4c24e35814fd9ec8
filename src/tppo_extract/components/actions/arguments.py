"""The arguments of an act: actors, places and dates, ranked from the entity stages' spans."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import regex
from spacy.tokens import Doc, Span

from ...constants import PLACE_LEVELS
from ...extensions import span_value
from ...normalize.places import link_place
from ...spans import doc_text, ents, in_skipped_zone
from ...types import CharSpan, DateRefDict
from ..places import is_checkpoint
from .clauses import NO_ACTION_KINDS, distance, paragraph_bounds
from .syntax import in_ranges, own_clause, reporting_verb

# --------------------------------------------------------------------------------------------------
# Arguments


_PARTNER = regex.compile(
    r"(?:\b(?:dengan|kepada|ke|dari|terhadap|menggandeng|digandeng|mengundang|melibatkan|antara|dan|serta|"
    r"mitra|pihak\s+lain)\s*)$",
    regex.IGNORECASE,
)
_AGENT = regex.compile(r"\boleh\s*(?:pihak\s+)?$", regex.IGNORECASE)
# Where people were headed or come from, not where the act took place: "ke Malaysia", "tujuan Kamboja", "asal
# Lombok", "yang berasal dari NTT", "kampung halamannya di Sukamaju"
_DESTINATION = regex.compile(
    r"\b(?:ke|menuju|tujuan|negara|(?:ber)?asal(?:\s+dari)?|kampung\s+halaman(?:nya)?(?:\s+di)?)\s*$",
    regex.IGNORECASE,
)
# The joint between places of one list: "dari Sukamaju, Bahari, dan Jaya" names three origins.
_LIST_JOINT = regex.compile(r"\s*(?:,\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta|atau)\s+)", regex.IGNORECASE)


def _not_scene(text: str, spans: Sequence[Span], floor: int) -> set[int]:
    """Indexes of ``spans`` (in text order) that name a destination or an origin, each list member included."""
    out: set[int] = set()
    for i, e in enumerate(spans):
        if _DESTINATION.search(_before(text, e, floor)):
            out.add(i)
        elif i - 1 in out and _LIST_JOINT.fullmatch(text, spans[i - 1].end_char, e.start_char):
            out.add(i)
    return out


# "melalui Bandara X", "lewat Pelabuhan Y": the way people were to travel, named for a plan or a route
_ROUTE = regex.compile(r"\b(?:melalui|lewat|via|transit(?:\s+di)?)\s*$", regex.IGNORECASE)
_LEVEL_RANK = {lvl: i for i, lvl in enumerate(reversed(PLACE_LEVELS))}  # site 0 ... country 5


class Spans:
    """Entities of one kind in text order, looked up by character range with bisection."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans, key=lambda e: e.start_char)
        self.starts = [e.start_char for e in self.spans]

    def within(self, lo: int, hi: int) -> list[Span]:
        """The spans that lie wholly inside [lo, hi), in text order."""
        i = bisect.bisect_left(self.starts, lo)
        j = bisect.bisect_left(self.starts, hi, lo=i)
        return [e for e in self.spans[i:j] if e.end_char <= hi]

    def last_before(self, pos: int) -> Span | None:
        """The last span that starts before ``pos``."""
        i = bisect.bisect_left(self.starts, pos)
        return self.spans[i - 1] if i else None

    def first_from(self, pos: int) -> Span | None:
        """The first span that starts at or after ``pos``."""
        i = bisect.bisect_left(self.starts, pos)
        return self.spans[i] if i < len(self.spans) else None


class DocEntities:
    """The entities the argument finders read, indexed once per document: a document of N sentences then
    costs N look-ups of log time each, not N scans of every entity (linear time in its length)."""

    def __init__(self, doc: Doc) -> None:
        all_ents = ents(doc)
        labels = [e.label_ for e in all_ents]  # each read of a span's label looks its string up again
        self.agencies = Spans(e for e, label in zip(all_ents, labels, strict=True) if label == "AGENCY")
        self.dates = Spans(e for e, label in zip(all_ents, labels, strict=True) if label == "DATE")
        places = [
            e
            for e, label in zip(all_ents, labels, strict=True)
            if label == "PLACE" and not in_skipped_zone(doc, e.start_char, e.end_char, NO_ACTION_KINDS)
        ]
        home = [not _abroad(e) for e in places]
        site = [span_value(e, "level") == "site" for e in places]
        self.places = Spans(places)
        self.home_places = Spans(e for e, h in zip(places, home, strict=True) if h)
        self.sites = Spans(e for e, s in zip(places, site, strict=True) if s)
        self.home_sites = Spans(e for e, s, h in zip(places, site, home, strict=True) if s and h)
        # where travellers are checked: the sites, and the units named after the checkpoint they run ("TPI X")
        checkpoints = [
            e
            for e in self.agencies.spans
            if is_checkpoint(e) and not in_skipped_zone(doc, e.start_char, e.end_char, NO_ACTION_KINDS)
        ]
        self.crossings = Spans([*self.sites.spans, *checkpoints])
        self.home_crossings = Spans([*self.home_sites.spans, *checkpoints])
        self.agency_ends = frozenset(e.end_char for e in self.agencies.spans)
        self._crossings: dict[tuple[str, bool], Span | None] = {}
        self.parsed = doc.has_annotation("DEP")

    def crossing_of(self, text: str, town: str, *, abroad_ok: bool) -> Span | None:
        """The first site of the document in ``town`` by its name (memoised: a document names few towns)."""
        key = (town, abroad_ok)
        if key not in self._crossings:
            sites = self.sites if abroad_ok else self.home_sites
            self._crossings[key] = next((e for e in sites.spans if _site_of(text, e, town)), None)
        return self._crossings[key]


def char_span(span: Span) -> CharSpan:
    return {"start": span.start_char, "end": span.end_char}


def actor_key(span: Span) -> str:
    canon = span_value(span, "canonical")
    return str(canon) if canon else span.text.casefold()


def _before(text: str, span: Span, floor: int) -> str:
    return text[max(floor, span.start_char - 25) : span.start_char]


# Dependency labels through which a trigger reaches the verb whose subject acts: "menggelar sosialisasi"
# (obj), "berhasil menggagalkan" (xcomp), "melakukan penundaan keberangkatan" (obj of the support verb),
# a noun inside a compound or a coordinated act.
_UP_TO_VERB = frozenset({"obj", "xcomp", "ccomp", "compound", "conj", "nmod", "flat", "advcl"})
# How many arcs up from the trigger the acting verb may be.
_MAX_CLIMB = 4


def parse_actor(doc: Doc, trigger: tuple[int, int], agencies: Spans, *, parsed: bool | None = None) -> Span | None:
    """The agency the dependency parse names as the trigger's agent: inside the subject of the verb that
    governs it ("Kantor Imigrasi X menggelar sosialisasi"), or, for a passive, inside the "oleh" phrase
    ("... ditolak oleh Kantor Imigrasi X"). None without a parse, or when neither holds an agency."""
    if not (doc.has_annotation("DEP") if parsed is None else parsed):  # the check scans every token
        return None
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    cur = span.root
    for _ in range(_MAX_CLIMB):
        kids = list(cur.children)
        agent = next(
            (
                k
                for k in kids
                if k.dep_.startswith("obl") and any(c.dep_ == "case" and c.lower_ == "oleh" for c in k.children)
            ),
            None,
        )
        subject = next((k for k in kids if k.dep_ in ("nsubj", "nsubj:pass")), None)
        for phrase in (agent, subject if subject is not None and subject.dep_ == "nsubj" else None):
            if phrase is not None:
                lo, hi = phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge.text)
                found = agencies.within(lo, hi)
                if found:
                    return found[0]
        if subject is not None or cur.dep_ not in _UP_TO_VERB or cur.head is cur:
            return None
        cur = cur.head
    return None


_PASSIVE_WORD = regex.compile(r"(?<!\w)di\w{3,}", regex.IGNORECASE)
_NO_GAP = regex.compile(r"[^\S\n]*(?:pihak[^\S\n]+)?")


def _bare_agent(text: str, trigger: tuple[int, int], agency: Span) -> bool:
    """True when ``agency`` is the agent of a passive trigger without "oleh": Indonesian puts it right
    after the verb ("kasus itu berhasil diungkap Polda Sukamaju", "dicegah petugas Imigrasi")."""
    if not _PASSIVE_WORD.search(text, trigger[0], trigger[1]):
        return False
    return agency.start_char >= trigger[1] and bool(_NO_GAP.fullmatch(text, trigger[1], agency.start_char))


_TOGETHER = regex.compile(r"\bbersama\s*$", regex.IGNORECASE)


def rank_actors(
    doc: Doc,
    *,
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    previous: Span | None,
    main: Span | None,
    limit: int = 3,
    index: DocEntities | None = None,
) -> list[Span]:
    """AGENCY spans that may carry the action out, best first.

    An agent after "oleh" wins; then the subject agencies before the trigger in the sentence (first
    named first, partners after "dengan"/"kepada" left out); then the acting agency of the sentences
    before; then the article's main agency; then co-actors after "bersama".
    """
    text = doc_text(doc)
    s0, s1 = sentence
    idx = index or DocEntities(doc)
    agencies = idx.agencies.within(s0, s1)
    parsed = parse_actor(doc, trigger, idx.agencies, parsed=idx.parsed)
    agents = [e for e in agencies if _AGENT.search(_before(text, e, s0)) or _bare_agent(text, trigger, e)]
    subjects = [e for e in agencies if e.end_char <= trigger[0] and not _PARTNER.search(_before(text, e, s0))]
    co = [e for e in agencies if _TOGETHER.search(_before(text, e, s0))]
    out: list[Span] = []
    seen: set[str] = set()
    first = [parsed] if parsed is not None else []
    for e in [
        *first,
        *agents,
        *subjects,
        *([previous] if previous is not None else []),
        *([main] if main else []),
        *co,
    ]:
        if actor_key(e) not in seen:
            seen.add(actor_key(e))
            out.append(e)
    return out[:limit]


def sentence_subject(doc: Doc, *, sentence: tuple[int, int], index: DocEntities | None = None) -> Span | None:
    """The first agency of a sentence that is not a partner: the acting body later sentences refer to."""
    s0, s1 = sentence
    text = doc_text(doc)
    for e in (index or DocEntities(doc)).agencies.within(s0, s1):
        if not _PARTNER.search(_before(text, e, s0)):
            return e
    return None


# A place that points back at the one named before: "dari lokasi itu", "di tempat tersebut", "di sana".
_PLACE_ANAPHOR = regex.compile(
    r"\b(?:di|dari|ke)\s+(?:(?:lokasi|tempat|tkp)\s+(?:itu|tersebut|ini|kejadian)|sana|situ)\b", regex.IGNORECASE
)

# How far back a place anaphor looks (characters): the sentence or two before it, across a paragraph break.
_ANAPHOR_REACH = 300

# Acts that may take place abroad (bringing victims home); every other act of an Indonesian body is done in
# Indonesia, and a foreign place in its sentence is where people were headed or came back from.
ABROAD_TYPES: frozenset[str] = frozenset({"victim_assistance"})
# Checks of travellers, done at the crossing point itself (GUIDELINES: an immigration office's action at an
# airport takes the airport).
BORDER_TYPES: frozenset[str] = frozenset({"departure_prevention", "screening"})
# Checks of travellers and of their documents: offices report them as tallies over a period ("selama
# Januari-Juni 2023"), and the steps of such a tally (the interviews behind the refusals) share its period.
TALLY_TYPES: frozenset[str] = BORDER_TYPES | {"document_refusal"}
# Acts held as an occasion with people present (a meeting, a talk, a course, a signing): they take place on a
# day, and a turnout reported later is theirs.
OCCASION_TYPES: frozenset[str] = frozenset(
    {"coordination", "agreement", "awareness", "training", "community_program", "task_force"}
)


# Checks of passport applicants are made at the office that issues the passport, not at a crossing point:
# "pengetatan pemberian paspor", "wawancara pemohon paspor".
_AT_OFFICE = regex.compile(r"pas{1,2}port?|paspor|permohonan|pemohon|pengaju", regex.IGNORECASE)


def _abroad(span: Span) -> bool:
    code = span_value(span, "country_code")
    return code is not None and code != "ID"


# How many final words of an agency's name may name the region it serves ("... TPI Tanjung Balai Asahan").
_SEAT_WORDS = 3


def agency_seat(text: str, agency: Span) -> CharSpan | None:
    """The place inside an agency's name that names the region it serves, as a span of the text
    ("Tanjungpinang" in "Kantor Imigrasi Kelas I TPI Tanjungpinang"); None when the name gives none."""
    found = _seat(agency)
    return None if found is None else found[0]


_WORD = regex.compile(r"\S+")


def _seat(agency: Span) -> tuple[CharSpan, str] | None:
    """:func:`agency_seat` with the level of the region it names."""
    code = agency._.region_code
    if not code:
        return None
    words = list(_WORD.finditer(agency.text))
    for n in range(min(_SEAT_WORDS, len(words) - 1), 0, -1):
        first = words[-n]
        name = agency.text[first.start() : words[-1].end()]
        link = link_place(name)
        if link is not None and link.code is not None and (link.code.startswith(code) or code.startswith(link.code)):
            start = agency.start_char + first.start()
            return {"start": start, "end": agency.start_char + words[-1].end()}, link.level
    return None


def _is_site(span: Span) -> bool:
    """A site, or a checkpoint unit standing for its crossing point (see DocEntities.crossings)."""
    return span._.level == "site" or span.label_ == "AGENCY"


def _site_of(text: str, site: Span, town: str) -> bool:
    """True when ``site`` is in ``town`` by its name: "Pelabuhan Internasional Karimun", or "Pelabuhan
    Penumpang Internasional" followed by "Dumai"."""
    if town in site.text.casefold():
        return True
    after = text[site.end_char : site.end_char + len(town) + 2].casefold()
    return after.lstrip(" ,").startswith(town)


def _after_agency(text: str, place: Span, agency_ends: frozenset[int]) -> bool:
    """True when ``place`` follows an agency's name at most a comma and spaces away."""
    k = place.start_char
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k in agency_ends:
        return True
    if k > 0 and text[k - 1] == ",":
        k -= 1
        return k in agency_ends
    return False


def rank_places(
    doc: Doc,
    *,
    sentence: tuple[int, int],
    paragraph: tuple[int, int],
    trigger: tuple[int, int],
    scene: Sequence[CharSpan] = (),
    limit: int = 3,
    action_type: str | None = None,
    index: DocEntities | None = None,
    actor: Span | None = None,
    elaborations: Sequence[tuple[int, int]] = (),
) -> list[CharSpan]:
    """PLACE spans where the action happened, most specific first.

    The sentence's places (destinations after "ke"/"menuju" left out) by level, then distance to the
    trigger; failing those the last place of the paragraph before the sentence; then ``scene``, the
    places of the last action placed by its own text (follow-up acts happen where the story is); the
    dateline place only as a last resort, since it names where the report was filed.
    """
    text = doc_text(doc)
    s0, s1 = sentence
    idx = index or DocEntities(doc)
    abroad_ok = action_type in ABROAD_TYPES
    places = idx.places if abroad_ok else idx.home_places
    sent_places = places.within(s0, s1)
    away = _not_scene(text, sent_places, s0)
    in_sent = [
        e
        for i, e in enumerate(sent_places)
        if i not in away and not (e.start_char < trigger[1] and trigger[0] < e.end_char)  # "Desa Binaan" is no place
    ]
    mid = (trigger[0] + trigger[1]) / 2

    def order(e: Span) -> tuple[float, float]:
        return (_LEVEL_RANK.get(str(e._.level), 2.5), abs((e.start_char + e.end_char) / 2 - mid))

    # "Kantor Imigrasi Belawan, Sumatera Utara": a place in apposition to an agency says where the
    # agency sits, not where the act happened; it only backs the others up
    appositive = [e for e in in_sent if _after_agency(text, e, idx.agency_ends)]
    chosen = sorted((e for e in in_sent if e not in appositive), key=order)
    verb = reporting_verb(doc, trigger, parsed=idx.parsed)
    if verb is not None:
        # the parse: places of the act's own clause before those of a clause inside it ("korban yang
        # berasal dari X", "kata Kapolres di Y"), each group in the order above
        clause = own_clause(verb)
        chosen.sort(key=lambda e: not in_ranges(e.start_char, e.end_char, clause))
    points_back = bool(_PLACE_ANAPHOR.search(text, s0, trigger[0]))
    if not chosen or points_back:
        # "Dari lokasi itu, petugas menyelamatkan ...": the place is the one just named before
        p0 = max(0, s0 - _ANAPHOR_REACH) if points_back else paragraph[0]
        earlier_all = places.within(p0, s0)
        away_before = _not_scene(text, earlier_all, p0)
        earlier = [e for i, e in enumerate(earlier_all) if i not in away_before]
        # the most specific of them, the latest on a tie: "di Hotel X, Mataram." then "Pada akhir acara, ..."
        before = sorted(earlier, key=lambda e: (_LEVEL_RANK.get(str(e._.level), 2.5), -e.start_char))[:1]
        chosen = before + chosen if points_back else before
    seat_first: CharSpan | None = None
    if appositive and not chosen and actor is not None:
        # "Kantor Imigrasi Kota Tanjungpinang, Provinsi Kepulauan Riau, menolak ...": both say where the office
        # sits; the seat its own name gives is the more specific of the two when its level is lower
        own_seat = _seat(actor)
        best = min(_LEVEL_RANK.get(str(e._.level), 2.5) for e in appositive)
        if own_seat is not None and _LEVEL_RANK.get(own_seat[1], 2.5) < best:
            seat_first = own_seat[0]
    chosen += sorted(appositive, key=order)
    at_crossing = action_type in BORDER_TYPES and not _AT_OFFICE.search(text, trigger[0], trigger[1])
    if at_crossing and not any(_is_site(e) for e in chosen):
        # "Imigrasi menunda keberangkatan 12 warga" after "... di Bandara X": a check of travellers happens
        # at the airport, port or border post named before it, or later in its own paragraph (a site further
        # on belongs to another episode), the nearest first
        site_spans = idx.crossings if abroad_ok else idx.home_crossings
        before_site = site_spans.last_before(trigger[0])
        after_site = site_spans.first_from(trigger[0])
        # a site after the paragraph counts only when the act has no place at all: the article's crossing
        # point then says more than the town it was filed from
        near = [
            e
            for e in (before_site, after_site)
            if e is not None and (e is before_site or e.end_char <= paragraph[1] or not chosen)
        ]
        chosen = sorted(near, key=lambda e: abs(e.start_char - trigger[0]))[:1] + chosen
    if at_crossing and chosen and chosen[0]._.level in ("regency", "district"):
        # "menunda keberangkatan 12 warga di Karimun" in an article about "Pelabuhan Internasional Karimun":
        # the crossing point of that town is where travellers are checked
        crossing = idx.crossing_of(text, chosen[0].text.casefold(), abroad_ok=abroad_ok)
        if crossing is not None:
            chosen = [crossing, *chosen]
    if not any(_is_site(e) for e in chosen):
        # "Rapat digelar Senin. Acara bertempat di Aula Kantor Desa X.": the venue its paragraph names is the
        # most specific place of the act, where no destination ("ke", "tujuan") is meant
        # as does a venue in a later sentence that points back at the act ("Kegiatan yang dipusatkan di Aula X
        # ini ...", "Pada penandatanganan tersebut, ... di Gedung Y")
        site_spans = idx.sites if abroad_ok else idx.home_sites
        venues = [
            e
            for lo, hi in (paragraph, *elaborations)
            for e in site_spans.within(lo, hi)
            if not _DESTINATION.search(_before(text, e, lo)) and not _ROUTE.search(_before(text, e, lo))
        ]
        chosen = sorted(venues, key=lambda e: abs(e.start_char - trigger[0]))[:1] + chosen
    out = [char_span(e) for e in chosen[:limit]]
    if seat_first is not None and not any(_is_site(e) for e in chosen):
        out = [seat_first, *out][:limit]
    if not out:
        out = [{"start": c["start"], "end": c["end"]} for c in scene[:limit]]
    if not out and actor is not None:
        # "Kantor Imigrasi Tanjungpinang menolak 247 permohonan": with no place of its own, the act took
        # place where the acting office sits, which its name says (the dateline names where the report
        # was filed, a person's origin where they come from)
        seat = agency_seat(text, actor)
        if seat is not None:
            out.append(seat)
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
    following: Sequence[tuple[int, int]] = (),
    index: DocEntities | None = None,
    said_on: frozenset[int] = frozenset(),
    action_type: str | None = None,
    preceding: Sequence[tuple[int, int]] = (),
) -> DateRefDict | None:
    """The DATE entity of the sentence nearest the trigger (ones with a value first); else the last
    valued date of the paragraph before the sentence; else a period (a month or longer) stated in the
    ``following`` sentences, which go on about the act ("Data itu dihimpun sepanjang 2024."); else
    ``event``, the day the article reports on."""
    s0, s1 = sentence
    all_dates = (index or DocEntities(doc)).dates
    # "..., kata Uray, Selasa (6/5/2025).": the day a statement was made is not the act's
    dates = [e for e in all_dates.within(s0, s1) if e.start_char not in said_on]
    verb = reporting_verb(doc, trigger, parsed=(index or DocEntities(doc)).parsed) if len(dates) > 1 else None
    if verb is not None:
        # the parse: of several dates, those of the act's own clause ("..., yang dibentuk pada 2019, menggelar
        # rapat Senin": Senin)
        clause = own_clause(verb)
        dates = [e for e in dates if in_ranges(e.start_char, e.end_char, clause)] or dates
    if action_type in OCCASION_TYPES:
        # "rapat koordinasi GT TPPO tahun 2024 ... pada Kamis, 18 Juli 2024": an occasion is held on a day;
        # the year or month that holds that day frames it (often inside the occasion's name)
        days = {str(e._.value) for e in dates if e._.value and len(str(e._.value)) == len("YYYY-MM-DD")}
        dates = [e for e in dates if not (e._.value and any(d.startswith(f"{e._.value}-") for d in days))]
    if not dates and paragraph is not None:
        dates = [e for e in all_dates.within(paragraph[0], s0) if e._.value][-1:]
    if not dates:
        later = [
            e
            for a, b in following
            for e in all_dates.within(a, b)
            if e._.value
            and len(str(e._.value)) < len("YYYY-MM-DD")
            and (event is None or str(e._.value) <= str(event["value"]))  # a period to come is a plan's
        ]
        dates = later[:1]
    if not dates and preceding and action_type in TALLY_TYPES:
        # "... selama periode Januari-Juni 2023." then "Indikasi itu diketahui saat dilakukan wawancara ...": a
        # step of a tally told over a period stated just before belongs to that period, not to the day of report
        text = doc_text(doc)
        earlier = [
            e
            for e in all_dates.within(preceding[0][0], preceding[-1][1])
            if e._.value
            and e.start_char not in said_on
            and not _COMPARED.search(text, max(0, e.start_char - _COMPARED_REACH), e.start_char)
            and len(str(e._.value)) < len("YYYY-MM-DD")
            and (event is None or str(e._.value) <= str(event["value"]))
        ]
        dates = earlier[-1:]
    if not dates and event is None:
        # no day of report to fall back on: the period the article last stated before the act
        # ("Sepanjang 2023, ..." in its opening) is the time the story covers
        dates = [e for e in all_dates.within(0, s0) if e._.value and len(str(e._.value)) < len("YYYY-MM-DD")][-1:]
    if not dates:
        return event
    best = min(
        dates,
        key=lambda e: (e._.value is None, distance(doc_text(doc), (e.start_char, e.end_char), trigger)),
    )
    value = best._.value
    return {"start": best.start_char, "end": best.end_char, "value": str(value) if value else None}


# "naik dibanding periode yang sama tahun 2023": a period named for comparison is another episode's.
_COMPARED = regex.compile(
    r"(?<!\w)(?:dibanding(?:kan)?|ketimbang|daripada|sebelumnya)(?:\s+dengan)?(?:\s+[^\s.!?]+){0,4}\s*$",
    regex.IGNORECASE,
)
# How far before a date the comparison word may stand (characters): "dibanding periode yang sama tahun".
_COMPARED_REACH = 40


_ISO_DAY = regex.compile(r"\d{4}-\d{2}-\d{2}")


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
        if isinstance(value, str) and _ISO_DAY.fullmatch(value):
            return {"start": e.start_char, "end": e.end_char, "value": value}
    return None


def confidence(*, weight: float, actor: bool, location: bool, date: bool, count: bool) -> float:
    """``weight * (0.6 + 0.1 * n)``: the trigger's weight, discounted when few arguments were found.

    ``n`` counts the arguments found among actor, location, date and count (0..4), so a lone trigger
    keeps 60 % of its weight and a fully attached one all of it.
    """
    n = sum((actor, location, date, count))
    return round(weight * (0.6 + 0.1 * n), 3)

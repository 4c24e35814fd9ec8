"""The ``tppo_actions`` component: finds candidates, decides acts, attaches arguments and merges records."""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import regex
from pydantic import ValidationError
from spacy.language import Language
from spacy.tokens import Doc, Span

from ...errors import ConfigError, ResourceError
from ...extensions import register_extensions
from ...lang.wordlists import load_words
from ...spans import doc_text, ents, frozen_ents, in_skipped_zone, load_rows, save_rows, zones_over
from ...types import ActionDict, CharSpan
from .acts import action_status, is_generic, is_nominal, joint_manner
from .arguments import (
    OCCASION_TYPES,
    DocEntities,
    Spans,
    actor_key,
    char_span,
    confidence,
    event_date,
    find_date,
    rank_actors,
    rank_places,
    sentence_subject,
)
from .candidates import TriggerMatch, find_triggers, rule_index
from .clauses import MAX_EVIDENCE, NO_ACTION_KINDS, index_of, paragraph_bounds, sentence_bounds
from .counts import TURNOUT, attendance_count, find_count, object_end, parse_number
from .merging import FoundRecord, add_record
from .rules import CompiledRule, TriggerRule, compile_rule, compiled_rules, compiled_topics
from .syntax import object_phrases
from .topic import TOPIC_THRESHOLD, is_on_topic

# --------------------------------------------------------------------------------------------------
# The whole document


# How many sentences after an act may still state its period: a report gives the tally, then says over
# which months or year it was counted; further on, a date belongs to the next episode.
FOLLOWING_SENTENCES = 3
# How many sentences before an undated act may state the period it belongs to ("... selama Januari-Juni 2023."
# then "Indikasi itu diketahui saat dilakukan wawancara ..."): the same paragraph or two, as far as a story
# of one tally runs before the next.
PRECEDING_SENTENCES = 3


def action_id(text_key: str, kind: str, start: int, end: int) -> str:
    """A record's stable id: a hash of the article text (``text_key``, its own hash), the act's type and
    where its trigger starts and ends. Rerunning the same text gives the same ids; another text, others."""
    digest = hashlib.blake2b(f"{text_key}|{kind}|{start}|{end}".encode(), digest_size=8).hexdigest()
    return f"act_{digest}"


# Characters between a speech verb and the date that closes its attribution: the speaker's name, role and
# place come in between ("kata Kepala Kantor Imigrasi Sukamaju Budi Santoso di Kupang, Jumat (14/7)").
_ATTRIBUTION_REACH = 200
_CLOSES_SENTENCE = regex.compile(r"[\s).,;:!?\"”]*(?:\n|$)")


def _speech_dates(doc: Doc) -> frozenset[int]:
    """Starts of the dates that tell when something was said ("kata dia, Senin (10/7)."), not when an act
    took place: they close the attribution of a quote, after its speech verb and outside the quoted words."""
    text = doc_text(doc)
    cues = sorted((q["cue"]["end"], q["start"], q["end"]) for q in doc._.quotes or [] if q.get("cue"))
    cue_ends = [c[0] for c in cues]
    out: set[int] = set()
    for e in ents(doc):
        if e.label_ != "DATE" or not _CLOSES_SENTENCE.match(text, e.end_char):
            continue
        lo = bisect.bisect_left(cue_ends, e.start_char - _ATTRIBUTION_REACH)
        hi = bisect.bisect_right(cue_ends, e.start_char)
        if any(not q0 <= e.start_char < q1 for _, q0, q1 in cues[lo:hi]):
            out.add(e.start_char)
    return frozenset(out)


def _elaboration(
    sentences: Sequence[tuple[int, int]], triggers: Sequence[Sequence[TriggerMatch]], index: int, kind: str
) -> list[tuple[int, int]]:
    """The sentences after ``sentences[index]`` that go on about its act of type ``kind``: up to
    FOLLOWING_SENTENCES of them, until one reports an act of another type (the story has moved on; a mere
    mention of another act, "rakor tersebut", does not move it)."""
    out: list[tuple[int, int]] = []
    for sent, found in zip(sentences[index + 1 :], triggers[index + 1 :], strict=False):
        if len(out) == FOLLOWING_SENTENCES or any(t.type != kind and not t.mention for t in found):
            break
        out.append(sent)
    return out


# An occasion noun and, within a few words, a demonstrative: "Kegiatan yang dipusatkan di Aula X ini", "acara
# tersebut" (resources/actions/occasion_nouns.txt).
_OCCASION = regex.compile(
    rf"(?<!\w)(?:{'|'.join(map(regex.escape, load_words('actions', 'occasion_nouns.txt', longest_first=True)))})"
    r"(?:\s+(?:[^\s.!?]|[.](?=\d))+){0,8}?\s+(?:ini|tersebut|itu)(?!\w)",
    regex.IGNORECASE,
)


def _pointing_back(
    text: str,
    following: Sequence[tuple[int, int]],
    found: Sequence[Sequence[TriggerMatch]],
    kind: str,
    occasions: dict[tuple[int, int], bool] | None = None,
) -> list[tuple[int, int]]:
    """The sentences of ``following`` (with their triggers ``found``) that point back at the act of type
    ``kind``: "Pada penandatanganan tersebut, ...", "Kegiatan ini dipusatkan di ...". ``occasions``
    remembers, by sentence, whether it names an occasion pointing back (the answer is the same for every
    trigger before it)."""
    memo: dict[tuple[int, int], bool] = {} if occasions is None else occasions
    out = []
    for sent, trigs in zip(following, found, strict=False):
        if any(t.mention and t.type == kind for t in trigs):
            out.append(sent)
            continue
        occasion = memo.get(sent)
        if occasion is None:
            occasion = memo[sent] = _OCCASION.search(text, *sent) is not None
        if occasion:
            out.append(sent)
    return out


def _body_sentences(doc: Doc) -> Iterator[tuple[int, int]]:
    # a sentence may run into a byline ("... di Luar Negeri.(chm)"), so only wholly skipped ones go here;
    # each trigger is checked on its own
    for a, b in sentence_bounds(doc):
        if not _inside_skipped(doc, a, b):
            yield a, b


def _inside_skipped(doc: Doc, start: int, end: int) -> bool:
    """True when [start, end) lies wholly inside zones that report no action."""
    return any(
        z["kind"] in NO_ACTION_KINDS and z["start"] <= start and end <= z["end"] for z in zones_over(doc, start, end)
    )


def _evidence(sentence: tuple[int, int], trigger: tuple[int, int], text: str) -> CharSpan:
    a, b = sentence
    if b - a <= MAX_EVIDENCE:
        return {"start": a, "end": b}
    # a run-on "sentence": keep a window around the trigger, cut at spaces
    half = (MAX_EVIDENCE - (trigger[1] - trigger[0])) // 2 - 1
    lo, hi = max(a, trigger[0] - half), min(b, trigger[1] + half)
    while lo > a and lo < trigger[0] and not text[lo - 1].isspace():
        lo += 1
    while hi < b and hi > trigger[1] and not text[hi].isspace():
        hi -= 1
    return {"start": lo, "end": hi}


def find_actions(
    doc: Doc, *, min_confidence: float = 0.0, extra_rules: Sequence[CompiledRule] = ()
) -> list[ActionDict]:
    """Every distinct action of the taxonomy that the body of ``doc`` reports, in text order.

    Mentions of one type by the same actor with the same status merge into the first one (its trigger
    kept, its missing date, count or place filled in) when their dates and counts agree and they share a
    paragraph or a trigger rule; a bare mention ("Desa Binaan") joins any record of its type.
    ``extra_rules`` are trigger rules a user added to the pipeline (see :class:`ActionExtractor`).
    """
    with frozen_ents(doc):
        return _find_actions(doc, min_confidence=min_confidence, table=(*compiled_rules(), *extra_rules))


def _find_actions(doc: Doc, *, min_confidence: float, table: Sequence[CompiledRule]) -> list[ActionDict]:
    text = doc_text(doc)
    paragraphs = paragraph_bounds(text)
    agencies = [
        e
        for e in ents(doc)
        if e.label_ == "AGENCY" and not in_skipped_zone(doc, e.start_char, e.end_char, NO_ACTION_KINDS)
    ]
    main = agencies[0] if agencies else None
    agency_spans = Spans(agencies)
    index = DocEntities(doc)

    event = event_date(doc)
    said_on = _speech_dates(doc)
    text_key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
    records: list[FoundRecord] = []
    previous: Span | None = None
    scene: list[CharSpan] = []
    # a dateline shares the first paragraph's line, but where a report was filed sets no scene
    dl = doc._.dateline
    filed_at = int(dl["place"]["start"]) if dl and dl.get("place") else -1
    sentences = list(_body_sentences(doc))
    occasions: dict[tuple[int, int], bool] = {}  # see _pointing_back
    # each sentence is searched with the rules whose first word it holds
    by_first_word = rule_index(table)
    triggers = [
        find_triggers(text, sentence=(a, b), rules=by_first_word.for_sentence(text[a:b]), table=table)
        for a, b in sentences
    ]
    for s_idx, sent in enumerate(sentences):
        p_idx = index_of(paragraphs, sent[0])
        paragraph = paragraphs[p_idx] if p_idx >= 0 else sent
        for t in triggers[s_idx]:
            trig = (t.start, t.end)
            if in_skipped_zone(doc, t.start, t.end, NO_ACTION_KINDS):
                continue
            if joint_manner(text, t, triggers[s_idx]):
                continue  # "X bekerja sama dengan Y menggelar sosialisasi": how the other act was done
            holder = agency_spans.last_before(t.start + 1)
            if holder is not None and t.end <= holder.end_char:
                continue  # "Tim Pengawasan Orang Asing" names a body, not an act
            if is_generic(text, sentence=sent, trigger=trig):
                continue
            actors = rank_actors(doc, sentence=sent, trigger=trig, previous=previous, main=main, index=index)
            following = _elaboration(sentences, triggers, s_idx, t.type)
            back = _pointing_back(text, following, triggers[s_idx + 1 :], t.type, occasions)
            places = rank_places(
                doc,
                sentence=sent,
                paragraph=paragraph,
                trigger=trig,
                scene=scene,
                action_type=t.type,
                index=index,
                actor=actors[0] if actors else None,
                elaborations=back,
            )
            if places and paragraph[0] <= places[0]["start"] < sent[1] and places[0]["start"] != filed_at:
                scene = places
            date = find_date(
                doc,
                sentence=sent,
                trigger=trig,
                paragraph=paragraph,
                event=event,
                following=following,
                index=index,
                said_on=said_on,
                action_type=t.type,
                preceding=sentences[max(0, s_idx - PRECEDING_SENTENCES) : s_idx],
            )
            blocked = [(e.start_char, e.end_char) for e in index.dates.within(*sent)]
            # the object phrase of the parse first ("menyelamatkan 30 korban yang berasal dari 3 kabupaten"), then
            # the whole sentence by the rules
            count = next(
                (
                    n
                    for lo, hi in object_phrases(doc, trig, parsed=index.parsed)
                    if (n := find_count(text, sentence=(lo, hi), trigger=trig, blocked=blocked)) is not None
                ),
                None,
            )
            if count is None:
                count = find_count(text, sentence=sent, trigger=trig, blocked=blocked)
            # the turnout, in the sentences that go on about the act ("Kegiatan ini diikuti 90 siswa.")
            for later in following if count is None else ():
                later_dates = [(e.start_char, e.end_char) for e in index.dates.within(*later)]
                count = attendance_count(text, sentence=later, blocked=later_dates)
                if count is not None:
                    break
            rec: ActionDict = {
                "id": action_id(text_key, t.type, t.start, t.end),
                "type": t.type,
                "trigger": {"start": t.start, "end": object_end(text, t.end, sent[1])},
                "evidence": _evidence(sent, trig, text),
                "actors": [char_span(e) for e in actors],
                "locations": places,
                "date": date,
                "count": count,
                "status": action_status(text, sentence=sent, trigger=trig),
                "confidence": confidence(
                    weight=t.weight,
                    actor=bool(actors),
                    location=bool(places),
                    date=date is not None,
                    count=count is not None,
                ),
            }
            if rec["confidence"] < min_confidence:
                continue
            found = FoundRecord(
                rec,
                actor_key(actors[0]) if actors else "",
                p_idx,
                t.rule,
                t.mention,
                nominal=is_nominal(text, start=t.start, end=t.end),
                own_actor=bool(actors) and sent[0] <= actors[0].start_char < sent[1],
                own_date=date is not None and sent[0] <= date["start"] < sent[1] and date["start"] not in said_on,
                in_occasion=_OCCASION.search(text, sent[0], t.start) is not None,
            )
            add_record(records, found, text, t)
        subj = sentence_subject(doc, sentence=sent, index=index)
        if subj is not None:
            previous = subj
    _late_turnout(records, sentences, triggers, text, index)
    return [f.record for f in records]


def _late_turnout(
    records: Sequence[FoundRecord],
    sentences: Sequence[tuple[int, int]],
    triggers: Sequence[Sequence[TriggerMatch]],
    text: str,
    index: DocEntities,
) -> None:
    """Give the turnout of a sentence that points back at an occasion ("Kegiatan yang dimulai pukul 10.00 ini
    dihadiri ... dan 20 warga", "Peserta yang hadir ada 45 orang") to the occasion last named before it (a
    mention, "rakor ini", names it too), when its record has no count yet: the article is still telling of
    that occasion, however far on."""
    by_type: dict[str, list[FoundRecord]] = {}
    for f in sorted(records, key=lambda f: f.record["trigger"]["start"]):
        if f.record["type"] in OCCASION_TYPES:
            by_type.setdefault(f.record["type"], []).append(f)
    starts = {k: [f.record["trigger"]["start"] for f in v] for k, v in by_type.items()}
    last_named: str | None = None  # the type of the occasion named last, up to the current sentence
    for sent, found in zip(sentences, triggers, strict=True):
        kinds = [t.type for t in found if t.type in OCCASION_TYPES]
        if kinds:
            last_named = kinds[-1]
        if last_named is None:
            continue
        # "Peserta yang hadir ada 45 orang" may stand inside a longer quoted sentence
        turnout = TURNOUT.search(text, *sent)
        if turnout is None and not _OCCASION.search(text, *sent):
            continue
        i = bisect.bisect_left(starts[last_named], sent[0]) if last_named in starts else 0
        if not i or by_type[last_named][i - 1].record["count"] is not None:
            continue
        blocked = [(e.start_char, e.end_char) for e in index.dates.within(*sent)]
        n = (
            parse_number(turnout.group("n"))
            if turnout is not None
            else attendance_count(text, sentence=sent, blocked=blocked)
        )
        if n is not None:
            by_type[last_named][i - 1].record["count"] = n


def annotate_actions(
    doc: Doc,
    *,
    min_confidence: float = 0.0,
    require_topic: bool = True,
    topic_threshold: float = TOPIC_THRESHOLD,
    extra_rules: Sequence[CompiledRule] = (),
) -> Doc:
    """Set ``doc._.actions`` and ``doc._.relevant`` (on topic and at least one action).

    With ``require_topic`` an off-topic article (sports, prices, an ordinary immigration case) gets no
    actions at all; without it actions are kept but the article is still not relevant.
    """
    on_topic = is_on_topic(doc_text(doc), threshold=topic_threshold)
    wanted = on_topic or not require_topic
    actions = find_actions(doc, min_confidence=min_confidence, extra_rules=extra_rules) if wanted else []
    doc._.actions = actions
    doc._.relevant = on_topic and bool(actions)
    return doc


class ActionExtractor:
    """Thin spaCy wrapper over :func:`annotate_actions`.

    ``extra_triggers`` (config) and :meth:`add_triggers` add trigger rules to the package's lexicon without
    editing it, e.g. a local programme's name as a bare mention (``{"type": "community_program", "pattern":
    "Kampung Tangguh Migran", "weight": 0.8, "mention": true}``); each is a ``triggers.jsonl`` line, and they
    are saved with the pipeline (``to_disk``).
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        min_confidence: float,
        require_topic: bool,
        topic_threshold: float,
        extra_triggers: Sequence[Mapping[str, object]] = (),
    ) -> None:
        register_extensions()
        self.name = name
        self.min_confidence = min_confidence
        self.require_topic = require_topic
        self.topic_threshold = topic_threshold
        compiled_rules()  # fail at build time, not on the first document, when the lexicon is broken
        compiled_topics()
        self.extra_rules: tuple[CompiledRule, ...] = ()
        self.add_triggers(extra_triggers)

    def add_triggers(self, rows: Iterable[Mapping[str, object]]) -> None:
        """Validate and compile ``rows`` (``triggers.jsonl`` lines) and add them; a bad one raises ConfigError."""
        added: list[CompiledRule] = []
        for n, row in enumerate(rows, 1):
            try:
                added.append(compile_rule(TriggerRule.model_validate(dict(row))))
            except (ValidationError, ResourceError) as exc:
                raise ConfigError(f"{self.name}: extra trigger {n} is not valid: {exc}") from exc
        self.extra_rules = (*self.extra_rules, *added)

    def __call__(self, doc: Doc) -> Doc:
        return annotate_actions(
            doc,
            min_confidence=self.min_confidence,
            require_topic=self.require_topic,
            topic_threshold=self.topic_threshold,
            extra_rules=self.extra_rules,
        )

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        save_rows(path, _EXTRA_TRIGGERS_FILE, (c.rule for c in self.extra_rules))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ActionExtractor:
        rows = load_rows(path, _EXTRA_TRIGGERS_FILE)
        if rows is not None:
            self.extra_rules = ()
            self.add_triggers(rows)
        return self


# Where a saved pipeline keeps the trigger rules a user added.
_EXTRA_TRIGGERS_FILE = "extra_triggers.jsonl"


@Language.factory(
    "tppo_actions",
    assigns=["doc._.actions", "doc._.relevant"],
    # every attribute the stage reads; the parse (token.dep, token.head, token.pos) is used when present, not
    # required
    requires=[
        "doc.ents",
        "doc._.zones",
        "doc._.dateline",
        "doc._.quotes",
        "span._.canonical",
        "span._.region_code",
        "span._.level",
        "span._.country_code",
        "span._.value",
    ],
    default_config={
        "min_confidence": 0.0,
        "require_topic": True,
        "topic_threshold": TOPIC_THRESHOLD,
        "extra_triggers": [],
    },
)
def make_actions(
    nlp: Language,
    name: str,
    min_confidence: float,
    require_topic: bool,
    topic_threshold: float,
    extra_triggers: list[dict[str, object]],
) -> ActionExtractor:
    """``min_confidence``: drop actions below it; ``require_topic``: no actions in off-topic articles;
    ``topic_threshold``: the :func:`topic_score` an article needs to be on topic; ``extra_triggers``: trigger
    rules added to the lexicon (see :class:`ActionExtractor`)."""
    return ActionExtractor(
        nlp,
        name,
        min_confidence=min_confidence,
        require_topic=require_topic,
        topic_threshold=topic_threshold,
        extra_triggers=extra_triggers,
    )

"""One record per act: mentions of one act merge, a restatement completes the record it restates."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ...types import ActionDict
from .candidates import TriggerMatch
from .clauses import MAX_EVIDENCE

# Words that make a count a part of a total reported before: "12 di antaranya", "termasuk 20 WNA", "sebagian".
_PART = regex.compile(
    r"(?<!\w)(?:di\s+antaranya|antara\s+lain|termasuk|sebagian|sisanya|dari\s+(?:jumlah|total)\s+(?:itu|tersebut)|"
    r"terdiri\s+(?:atas|dari)|masing-masing)(?!\w)",
    regex.IGNORECASE,
)


def _counts_a_part(text: str, rec: ActionDict) -> bool:
    """True when the evidence of ``rec`` counts a part of a total ("termasuk 20 WNA")."""
    return _PART.search(text, rec["evidence"]["start"], rec["evidence"]["end"]) is not None


def _dates_agree(old: FoundRecord, new: FoundRecord) -> bool:
    """Only dates that the records' own sentences state can tell two acts apart: a date borrowed from the
    report's day or a neighbouring sentence says nothing about which occasion a mention names."""
    od, nd = old.record["date"], new.record["date"]
    if od is None or nd is None or not (old.own_date and new.own_date):
        return True
    # a duration without a value ("enam bulan terakhir") names no occasion either
    return od["value"] is None or nd["value"] is None or od["value"] == nd["value"]


def _compatible(old: FoundRecord, new: FoundRecord) -> bool:
    oc, nc = old.record["count"], new.record["count"]
    return _dates_agree(old, new) and (oc is None or nc is None or oc == nc)


@dataclass
class FoundRecord:
    record: ActionDict
    actor: str  # key of the first actor ("" when none)
    paragraph: int
    rule: int
    mention: bool  # opened by a bare or anaphoric mention
    nominal: bool = False  # the trigger is a noun phrase ("penundaan ...", "sosialisasi"), not a verb
    own_actor: bool = True  # the first actor is named in the trigger's own sentence, not a fallback
    own_date: bool = True  # the date is stated in the trigger's own sentence, not a fallback
    in_occasion: bool = False  # its sentence points back at an occasion ("Dalam kegiatan ini, ...")


def _restates(old: FoundRecord, new: FoundRecord) -> bool:
    """True when ``new``, a nominal trigger, names ``old``'s act again: same type, same date (or none),
    no larger count (a restatement may break the total down, never exceed it), and the same actor, or
    an actor only borrowed from the sentences before."""
    if old.nominal and old.rule != new.rule and old.record["count"] is not None:
        # "pemeriksaan terhadap 6 WNA ..." then "BAP WNI ...": a counted noun is a tally, and another
        # noun after it opens the next tally
        return False
    if not _dates_agree(old, new):
        return False
    oc, nc = old.record["count"], new.record["count"]
    if oc is not None and nc is not None and nc > oc:
        return False
    return old.actor == new.actor or not new.own_actor


def add_record(records: list[FoundRecord], new: FoundRecord, text: str, t: TriggerMatch) -> None:
    """Merge ``new`` into the record of the same act, or append it."""
    rec = new.record
    same_type = [f for f in records if f.record["type"] == rec["type"]]
    if new.mention:
        # "sosialisasi tersebut" joins the first act of its type and status, whoever carried it out
        joined = [f for f in same_type if f.record["status"] == rec["status"]]
        if joined:
            _fill(joined[0], new, count=not _counts_a_part(text, rec), text=text)
            return
    elif new.in_occasion:
        # "Dalam kegiatan ini, X memberikan edukasi ...": an act of the same type told inside the occasion just
        # reported is that occasion's act
        joined = [f for f in same_type if f.record["status"] == rec["status"]]
        if joined:
            _fill(joined[-1], new, count=not _counts_a_part(text, rec), text=text)
            return
    if not new.mention:
        # a full trigger replaces a record that only a mention had opened ("Desa Binaan ..." first,
        # "membentuk Desa Binaan" later): the full one is the better evidence
        for f in same_type:
            if f.mention and f.record["status"] == rec["status"]:
                _fill(new, f)
                f.record, f.actor, f.paragraph, f.rule, f.mention = rec, new.actor, new.paragraph, new.rule, False
                f.own_date = new.own_date
                return
    # "Saat pemeriksaan, ...", "Sosialisasi dilanjutkan ...": a noun naming the act of an earlier record
    # describes that act (its course, its reasons, its parts), whatever counts or status it mentions
    if new.nominal:
        earlier = [f for f in same_type if _restates(f, new)]
        if earlier:
            # its count completes a record that had none ("ratusan WNI" reported, then "total ada 329 orang"),
            # unless it counts a part of them ("20 di antaranya", "termasuk 20 WNA")
            whole = earlier[0].record["count"] is None and not _counts_a_part(text, rec)
            _fill(earlier[0], new, count=whole, text=text)
            return
    # a later passive mention that adds no count ("keberangkatan mereka digagalkan") repeats an act,
    # whoever the fallbacks name as its actor
    passive = text[t.start : t.start + 2].lower() == "di" and rec["count"] is None
    for f in same_type:
        old = f.record
        if old["status"] != rec["status"] or not _compatible(f, new):
            continue
        # a counted noun is a tally, and another noun after it opens the next tally ("pemeriksaan 6 WNA",
        # then "BAP WNI ..."), even in the next sentence
        tally = f.nominal and f.rule != new.rule and old["count"] is not None
        adjacent = not tally and not text[old["evidence"]["end"] : rec["evidence"]["start"]].strip()
        if passive or (f.actor == new.actor and (f.paragraph == new.paragraph or f.rule == new.rule or adjacent)):
            _fill(f, new, text=text)
            return
    records.append(new)


def _fill(target: FoundRecord, source: FoundRecord, *, count: bool = True, text: str = "") -> None:
    """Complete ``target`` from ``source`` (a date already there stays: on dev, letting a mention's own
    date replace a borrowed one lowered action date accuracy, .824 -> .804). When ``source`` is reported
    in the sentence right after ``target``'s evidence, the evidence grows to hold both sentences (up to
    MAX_EVIDENCE characters): both report the act."""
    te, se = target.record["evidence"], source.record["evidence"]
    if text and se["start"] >= te["end"] and not text[te["end"] : se["start"]].strip():
        if se["end"] - te["start"] <= MAX_EVIDENCE:
            target.record["evidence"] = {"start": te["start"], "end": se["end"]}
    fill_record(target.record, source.record if count else {**source.record, "count": None})


def fill_record(target: ActionDict, source: ActionDict) -> None:
    """Complete ``target``'s missing arguments from ``source``."""
    target["date"] = target["date"] or source["date"]
    target["count"] = target["count"] if target["count"] is not None else source["count"]
    target["locations"] = target["locations"] or source["locations"]
    target["actors"] = target["actors"] or source["actors"]

"""Arguments read from the dependency parse of the trained pipeline (UD relations): the clause that reports an
act, its object phrase and the phrases outside it.

The rules of :mod:`.arguments` and :mod:`.counts` read surface patterns; where a parse is there, these
functions tell them which part of the sentence belongs to the act: the count is looked for in the object
phrase first ("menyelamatkan 30 korban yang berasal dari 3 kabupaten": 30, not 3), and places and dates of
the act's own clause come before those of a relative or reported clause inside it ("korban yang berasal dari
X", "kata Kapolres, Selasa"). Every function returns None (or nothing) without a parse, so the rules then
decide alone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

# Relations by which a trigger word hangs from the verb that reports it: "menggelar [sosialisasi]" (obj),
# "berhasil [menggagalkan]" (xcomp), "melakukan [penundaan] keberangkatan" (obj), "[Rapat] koordinasi" (compound).
_UP_TO_VERB = frozenset({"obj", "xcomp", "ccomp", "compound", "conj", "nmod", "flat", "advcl"})
# How many arcs up from the trigger the reporting verb may be (as for the actor, arguments.parse_actor).
MAX_CLIMB = 4
# Children that open another clause inside the act's own: a relative clause ("yang berasal dari X"), a reported
# or adverbial clause, a parenthetical ("kata Kapolres, Selasa"). Their places and dates are another event's.
OTHER_CLAUSE = frozenset({"acl", "acl:relcl", "ccomp", "parataxis", "advcl", "csubj", "csubj:pass", "dislocated"})
# The phrases that name what an act is done to: the object of an active verb, the subject of a passive one
# ("sebanyak 111 orang ... ditunda keberangkatannya"), and the trigger noun's own modifiers ("penundaan
# keberangkatan 57 CPMI").
_OBJECT_RELATIONS = frozenset({"obj", "nsubj:pass", "iobj"})


def _token(doc: Doc, trigger: tuple[int, int]) -> Token | None:
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    return None if span is None or len(span) == 0 else span.root


def reporting_verb(doc: Doc, trigger: tuple[int, int], *, parsed: bool) -> Token | None:
    """The verb whose clause reports the trigger: the trigger itself when it is a verb, else the verb it hangs
    from within MAX_CLIMB arcs ("menggelar" for "sosialisasi"). None without a parse or such a verb."""
    if not parsed:
        return None
    cur = _token(doc, trigger)
    for _ in range(MAX_CLIMB + 1):
        if cur is None:
            return None
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT":
            return cur
        if cur.dep_ not in _UP_TO_VERB or cur.head is cur:
            return None
        cur = cur.head
    return None


def _extent(tok: Token) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def own_clause(verb: Token) -> list[tuple[int, int]]:
    """Character ranges of ``verb``'s clause without the clauses inside it (see OTHER_CLAUSE), in text order."""
    lo, hi = _extent(verb)
    holes = sorted(_extent(t) for t in verb.subtree if t is not verb and t.dep_ in OTHER_CLAUSE)
    out: list[tuple[int, int]] = []
    pos = lo
    for a, b in holes:
        if a < pos:  # a clause inside a hole already cut
            continue
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < hi:
        out.append((pos, hi))
    return out


def in_ranges(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


def object_phrases(doc: Doc, trigger: tuple[int, int], *, parsed: bool) -> list[tuple[int, int]]:
    """Character ranges of the phrases that name what the act is done to, nearest relation first: the trigger
    noun's own modifiers, then the object (or the passive subject) of its reporting verb, relative clauses
    included ("keberangkatan warga yang berjumlah 12 orang"); the subject's phrase is not among them
    ("petugas yang membawahi 5 desa")."""
    if not parsed:
        return []
    trig = _token(doc, trigger)
    verb = reporting_verb(doc, trigger, parsed=parsed)
    out: list[tuple[int, int]] = []
    heads = [t for t in (trig, verb) if t is not None]
    for head in dict.fromkeys(heads):  # the trigger first, the verb after; once each
        for child in head.children:
            if child.dep_ in _OBJECT_RELATIONS or (head is trig and child.dep_ in ("nmod", "nummod")):
                out.append(_extent(child))
    return out

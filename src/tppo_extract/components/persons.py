"""PERSON entities by rule: names after roles and ranks, around speech verbs, and later short mentions of a
name already seen in full; the role goes to ``Span._.title``, the full name to ``Span._.canonical``."""

from __future__ import annotations

from dataclasses import dataclass

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import register_extensions
from ..lang.titles import HONORIFICS, NOT_NAME_WORDS, RANKS, ROLE_HEADS
from ..spans import add_entities, in_skipped_zone

# Verbs of saying that follow the speaker ("kata Ben Yuda") or precede the statement ("Budi mengatakan").
SPEECH_BEFORE_NAME: frozenset[str] = frozenset(
    """kata ujar ungkap jelas tutur tegas imbuh tambah sebut ucap terang papar pungkas lanjut tandas beber
    cetus katanya sambung timpal pesan harap ajak""".split()
)
SPEECH_AFTER_NAME: frozenset[str] = frozenset(
    """mengatakan menjelaskan menegaskan menyampaikan mengungkapkan menuturkan menambahkan menyebutkan
    menyebut mengimbau berharap menilai meminta mengakui memaparkan menerangkan membenarkan bilang
    mengajak mengapresiasi menyatakan mengingatkan mengharapkan memastikan menekankan merinci melanjutkan
    menyampaikan berpesan mengaku menuturkan""".split()
)
_CONNECTORS = frozenset({"dan", "di", "&", "/", "(", ")", "-", "pada"})
_HONORIFIC_WORDS = frozenset(h.rstrip(".") for h in HONORIFICS) | {"S", "Hj", "KH"}
_RANK_FIRST = frozenset(r.split()[0] for r in RANKS)
_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*|[^\s\p{L}\p{N}]")
_BLOCK_LABELS = frozenset({"AGENCY", "PLACE", "DATE"})


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    blocked: bool  # inside an AGENCY/PLACE/DATE entity


@dataclass
class PersonMention:
    start: int
    end: int
    name: str
    title: str | None
    canonical: str = ""


def _is_name_word(t: _Tok) -> bool:
    w = t.text
    return (
        not t.blocked
        and w[:1].isupper()
        and (w[1:].islower() or len(w) == 1 or (w[1:].replace("-", "").replace("'", "").isalpha() and not w.isupper()))
        and w not in NOT_NAME_WORDS
        and w not in ROLE_HEADS
        and w not in _RANK_FIRST
        and w != "Pol"
        and not w.endswith("nya")
        and w.replace("-", "").replace("'", "").replace("’", "").isalpha()
    )


def _name_run(toks: list[_Tok], i: int, *, max_words: int = 4) -> int:
    """End index (exclusive) of the name that starts at ``toks[i]``; ``i`` when there is none."""
    j = i
    words = 0
    while j < len(toks) and words < max_words:
        t = toks[j]
        if len(t.text) == 1 and t.text.isupper() and j + 1 < len(toks) and toks[j + 1].text == ".":
            if (t.text in {"H", "S"} and words == 0) or words > 0:
                break
            j += 2  # an initial: "A. Maria"
            words += 1
            continue
        if not _is_name_word(t) or len(t.text) == 1:
            break
        j += 1
        words += 1
    # A name does not end with an initial.
    while j > i and toks[j - 1].text == ".":
        j -= 2
    return j


def _skip_prefixes(toks: list[_Tok], i: int) -> int:
    """Skip ranks ("Irjen Pol", "AKBP") and honorifics ("Dr.", "H.") before a name."""
    while i < len(toks):
        w = toks[i].text
        if w in _RANK_FIRST or w in _HONORIFIC_WORDS or w == "Pol":
            i += 1
            if i < len(toks) and toks[i].text == ".":
                i += 1
            continue
        break
    return i


def _role_end(toks: list[_Tok], i: int) -> int:
    """End index of the role phrase that starts with the role head at ``toks[i]``."""
    j = i + 1
    while j < len(toks):
        t = toks[j]
        if t.blocked or t.text[:1].isupper() or t.text.isdigit() or t.text in _CONNECTORS or t.text == ".":
            if t.text == "." and not (j > 0 and toks[j - 1].text in {"Plt", "Plh", "Pj", "Pjs"}):
                break
            j += 1
            continue
        break
    return j


def _tokens(doc: Doc) -> list[_Tok]:
    ranges = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _BLOCK_LABELS]
    out: list[_Tok] = []
    for m in _TOKEN.finditer(doc.text):
        s, e = m.span()
        out.append(_Tok(m.group(0), s, e, any(a <= s and e <= b for a, b in ranges)))
    return out


def _from_role(text: str, toks: list[_Tok], i: int, known: list[str]) -> PersonMention | None:
    """A name after the role phrase that starts at ``toks[i]`` ("Kepala Imigrasi X Budi Santoso")."""
    end = _role_end(toks, i)
    if i > 1 and toks[i - 1].text == "," and _is_name_word(toks[i - 2]):
        return None  # the role is in apposition to the name before it
    # "Kakanim X, Budi Santoso," : the name after a comma.
    if end < len(toks) and toks[end].text == ",":
        k = _skip_prefixes(toks, end + 1)
        n_end = _name_run(toks, k)
        if n_end > k and (n_end == len(toks) or not toks[n_end].text[:1].isupper()):
            return PersonMention(toks[k].start, toks[n_end - 1].end, text[toks[k].start : toks[n_end - 1].end],
                                 _clean_role(text[toks[i].start : toks[end - 1].end]))
    # A rank splits role and name: "Kapolda Kaltim Irjen Pol Imam Sugianto".
    for r in range(i + 1, end):
        if toks[r].text in _RANK_FIRST or toks[r].text in {"Dr", "H", "Hj", "Ir", "Drs"}:
            k = _skip_prefixes(toks, r)
            n_end = _name_run(toks, k)
            if n_end > k:
                return PersonMention(toks[k].start, toks[n_end - 1].end, text[toks[k].start : toks[n_end - 1].end],
                                     _clean_role(text[toks[i].start : toks[r - 1].end]))
            return None
    # Otherwise the name is the trailing run of words that cannot be part of the role.
    k = end
    while k > i + 1 and _is_name_word(toks[k - 1]) and end - k < 5:
        k -= 1
    if k >= end:
        return None
    # A known full name settles where the role stops.
    run = text[toks[k].start : toks[end - 1].end]
    for name in known:
        if run.endswith(name) and run != name:
            k_start = toks[end - 1].end - len(name)
            return PersonMention(k_start, toks[end - 1].end, name, _clean_role(text[toks[i].start : k_start]))
    if k == i + 1 and toks[i].text not in {"Menteri", "Presiden", "Gubernur", "Bupati", "Camat", "Ketua"}:
        return None
    # After an agency the boundary is certain; otherwise a long run is more likely a place plus a name.
    if end - k > (4 if toks[k - 1].blocked else 3):
        return None
    return PersonMention(toks[k].start, toks[end - 1].end, run, _clean_role(text[toks[i].start : toks[k].start]))


def _clean_role(role: str) -> str | None:
    role = regex.sub(r"[\s,(]+$", "", role).strip()
    return role or None


def find_person_mentions(doc: Doc) -> list[PersonMention]:
    """Person mentions of ``doc`` with title and canonical full name set."""
    text = doc.text
    toks = _tokens(doc)
    found: list[PersonMention] = []
    known: list[str] = []

    def add(m: PersonMention | None) -> None:
        if m is None or in_skipped_zone(doc, m.start, m.end):
            return
        found.append(m)
        if m.name not in known:
            known.append(m.name)

    for _pass in range(2):
        for i, t in enumerate(toks):
            w = t.text
            if w.casefold() in SPEECH_BEFORE_NAME and w.islower():
                k = i + 1
                if k < len(toks) and toks[k].text in ROLE_HEADS:
                    add(_from_role(text, toks, k, known))
                    continue
                k = _skip_prefixes(toks, k)
                n_end = _name_run(toks, k)
                if n_end > k and (n_end == len(toks) or not toks[n_end].text[:1].isupper()):
                    add(PersonMention(toks[k].start, toks[n_end - 1].end, text[toks[k].start : toks[n_end - 1].end], None))
            elif w == "Menurut" and i + 1 < len(toks):
                k = i + 1
                if toks[k].text in ROLE_HEADS:
                    add(_from_role(text, toks, k, known))
                    continue
                k = _skip_prefixes(toks, k)
                n_end = _name_run(toks, k)
                if n_end > k and n_end < len(toks) and toks[n_end].text == ",":
                    add(PersonMention(toks[k].start, toks[n_end - 1].end, text[toks[k].start : toks[n_end - 1].end], None))
            elif w in SPEECH_AFTER_NAME and i > 0:
                k = i
                while k > 0 and _is_name_word(toks[k - 1]) and i - k < 4:
                    k -= 1
                if k < i and (k == 0 or not toks[k - 1].text[:1].isupper() or toks[k - 1].text in {'"', "“", ",", "."}):
                    prev = toks[k - 1].text if k > 0 else "."
                    if prev in {".", ",", '"', "“", "”", "\n"} or prev.islower() or k == 0 or text[toks[k - 1].end : toks[k].start].count("\n"):
                        add(PersonMention(toks[k].start, toks[i - 1].end, text[toks[k].start : toks[i - 1].end], None))
            elif w == "," and i > 0 and i + 1 < len(toks) and toks[i + 1].text in ROLE_HEADS:
                # Apposition: "oleh Rendani Wijaya, Kepala Seksi ...".
                k = i
                while k > 0 and _is_name_word(toks[k - 1]) and i - k < 4:
                    k -= 1
                if k < i and (k == 0 or not toks[k - 1].text[:1].isupper()):
                    role = _clean_role(text[toks[i + 1].start : toks[_role_end(toks, i + 1) - 1].end])
                    add(PersonMention(toks[k].start, toks[i - 1].end, text[toks[k].start : toks[i - 1].end], role))
            elif w in ROLE_HEADS and (i == 0 or toks[i - 1].text not in ROLE_HEADS):
                add(_from_role(text, toks, i, known))
        if _pass == 0:
            found.clear()
    return _propagate(doc, toks, found, known)


def _propagate(doc: Doc, toks: list[_Tok], found: list[PersonMention], known: list[str]) -> list[PersonMention]:
    """Tag later short forms of names seen in full ("Ben Yuda" after "Ben Yuda Karubaba") and set canonicals."""
    full: list[str] = []
    for name in sorted(known, key=lambda n: -len(n.split())):
        if not any(_part_of(name, f) for f in full):
            full.append(name)
    first_pos: dict[str, int] = {}
    for m in found:
        first_pos.setdefault(m.name, m.start)
    titles: dict[str, str] = {}
    for m in sorted(found, key=lambda m: m.start):
        m.canonical = next((f for f in full if _part_of(m.name, f)), m.name)
        if m.title and m.canonical not in titles:
            titles[m.canonical] = m.title
    text = doc.text
    taken = [(m.start, m.end) for m in found]
    for f in full:
        parts = f.split()
        variants = {" ".join(parts[a:b]) for a in range(len(parts)) for b in range(a + 1, len(parts) + 1)}
        for v in sorted(variants, key=len, reverse=True):
            if len(v) < 3 or v in NOT_NAME_WORDS or (len(v.split()) == 1 and v.rstrip(".").__len__() < 3):
                continue
            for mm in regex.finditer(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(v)}(?![\p{{L}}\p{{N}}])", text):
                s, e = mm.span()
                if any(s < b and a < e for a, b in taken) or in_skipped_zone(doc, s, e):
                    continue
                if any(t.blocked and t.start < e and s < t.end for t in toks):
                    continue
                found.append(PersonMention(s, e, v, None, f))
                taken.append((s, e))
    for m in found:
        if not m.canonical:
            m.canonical = m.name
        if m.title is None:
            m.title = titles.get(m.canonical)
    return sorted(found, key=lambda m: m.start)


def _part_of(short: str, full: str) -> bool:
    s, f = short.split(), full.split()
    return any(f[a : a + len(s)] == s for a in range(len(f) - len(s) + 1))


def find_persons(doc: Doc) -> list[Span]:
    """PERSON spans of ``doc`` with ``_.title`` and ``_.canonical`` set; not yet added to doc.ents."""
    spans: list[Span] = []
    for m in find_person_mentions(doc):
        span = doc.char_span(m.start, m.end, label="PERSON", alignment_mode="contract")
        if span is None or not span.text.strip():
            continue
        span._.title = m.title
        span._.canonical = m.canonical
        spans.append(span)
    return spans


class PersonRecognizer:
    """Adds PERSON entities to ``doc.ents`` where no agency, place or date is already."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        add_entities(doc, find_persons(doc))
        return doc


@Language.factory(
    "tppo_persons",
    assigns=["doc.ents", "span._.title", "span._.canonical"],
    requires=["doc.ents"],
    default_config={},
)
def make_persons(nlp: Language, name: str) -> PersonRecognizer:
    return PersonRecognizer(nlp, name)

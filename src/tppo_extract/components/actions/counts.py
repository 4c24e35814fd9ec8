"""Counts: how many people, documents or units an act concerns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import regex

from ...lang.calendar import NUMBER_WORDS
from .clauses import distance

_UNITS = (
    r"(?:orang|jiwa|PMI|CPMI|WNI|WNA|TKI|pekerja|calon|warga|permohonan|pengajuan|pemohon|paspor|dokumen|desa|"
    r"kelurahan|kalurahan|kecamatan|kabupaten|kasus|perkara|korban|tiket|peserta|penumpang|perempuan|anak|unit|"
    r"tersangka|pelaku|laporan|titik|sekolah|kampung|personel|petugas|berkas|buku|siswa|pelajar|mahasiswa|"
    r"santri|guru|keluarga|kepala\s+desa|perangkat\s+desa|tokoh|relawan|nelayan|pemuda|buruh|"
    # bodies and things counted in enforcement and licensing: "mencabut 2 izin", "5 P3MI", "9 jaringan"
    # (not "instansi" or "lembaga": "kedua instansi menandatangani ..." counts the parties, who are actors)
    r"perusahaan|P3MI|PPTKIS|agen|agensi|kantor|cabang|izin|kelompok|jaringan|sindikat|"
    r"ponsel|KTP|sekolah)"
)
# Number words of counts: the calendar's single words (not the bound "se-" of "sehari", nor "dua belas",
# which the "belas" rule reads), and the round hundreds and thousands that counts also use.
_NUM_WORDS: dict[str, int] = {
    **{w: n for w, n in NUMBER_WORDS.items() if w != "se" and " " not in w},
    "seratus": 100,
    "seribu": 1000,
}
_DIGITS = r"\d{1,3}(?:\.\d{3})+|\d+"
_UNIT_WORDS = "|".join(w for w, n in _NUM_WORDS.items() if n < 10)  # the units, "satu" to "sembilan"
_WORD_NUM = (
    rf"(?:{_UNIT_WORDS})\s+(?:puluh|belas|ratus)(?:\s+(?:{_UNIT_WORDS}))?|"
    + "|".join(w for w, n in _NUM_WORDS.items() if n >= 10)
    + f"|{_UNIT_WORDS}"
)
# "ketiga WNI tersebut", "keenam korban": ke- before a counted noun gathers all of them (after the noun it is
# an ordinal: "tahap kedua"); "ketiganya" stands alone for them.
_COLLECTIVE_WORDS = sorted((w for w, n in _NUM_WORDS.items() if 2 <= n <= 11), key=len, reverse=True)
_COLLECTIVE = "ke(?:" + "|".join(_COLLECTIVE_WORDS) + ")"
_COUNT = regex.compile(
    rf"(?<![\w/.,-])(?P<n>{_DIGITS}|{_WORD_NUM}|{_COLLECTIVE})(?![\w/]|[.,]\d)\s+(?:\(\d+\)\s+)?{_UNITS}\b"
    rf"|(?<!\w)(?P<n>{_COLLECTIVE})nya\b",
    regex.IGNORECASE,
)
_SEBANYAK = regex.compile(rf"\b(?:sebanyak|sejumlah|total|jumlah)\s+(?P<n>{_DIGITS}|{_WORD_NUM})\b", regex.IGNORECASE)


# A count introduced as the audience or extent of the act: "kepada 250 siswa", "diikuti 60 peserta".
_RECIPIENT = regex.compile(
    r"\b(?:kepada|bagi|untuk|terhadap|diikuti(?:\s+oleh)?|dihadiri(?:\s+oleh)?|melibatkan|menyasar|menjangkau|"
    r"sebanyak|sejumlah|sekitar|mencapai|total)\s+(?:(?:sekitar|sebanyak|kurang\s+lebih|lebih\s+dari|hampir)\s+)?$",
    regex.IGNORECASE,
)


_COLLECTIVE_RE = regex.compile(_COLLECTIVE)
_DIGITS_RE = regex.compile(_DIGITS)
_COMPOUND_NUMBER = regex.compile(r"(\w+) (puluh|belas|ratus)(?: (\w+))?")


def parse_number(token: str) -> int | None:
    """``"1.234"`` -> 1234, ``"tiga"`` -> 3, ``"dua puluh lima"`` -> 25; vague amounts give None."""
    t = " ".join(token.lower().split())
    if _COLLECTIVE_RE.fullmatch(t):
        t = t[2:]  # "ketiga" -> "tiga"
    if _DIGITS_RE.fullmatch(t):
        return int(t.replace(".", ""))
    if t in _NUM_WORDS:
        return _NUM_WORDS[t]
    m = _COMPOUND_NUMBER.fullmatch(t)
    if m and m.group(1) in _NUM_WORDS and _NUM_WORDS[m.group(1)] < 10:
        head = _NUM_WORDS[m.group(1)]
        tail = _NUM_WORDS.get(m.group(3) or "", 0)
        base = {"puluh": head * 10, "belas": head + 10, "ratus": head * 100}[m.group(2)]
        return base + (tail if m.group(2) != "belas" else 0)
    return None


# How far (distance() units: characters, doubled after the trigger) a count may lie from the trigger and
# still be its object's: "menyita tiket kapal dan sejumlah KTP milik 23 orang PMI" puts it some 90
# characters after the verb.
COUNT_REACH = 200


# The count phrases of the spans of the text last read: every trigger of a sentence reads its sentence's.
_COUNTS_OF: list[Any] = [None, {}]


def _count_matches(text: str, s0: int, s1: int) -> list[regex.Match[str]]:
    """``list(_COUNT.finditer(text, s0, s1))``, remembered for the text last asked about."""
    if _COUNTS_OF[0] is not text:
        _COUNTS_OF[:] = [text, {}]
    found: dict[tuple[int, int], list[regex.Match[str]]] = _COUNTS_OF[1]
    hit = found.get((s0, s1))
    if hit is None:
        hit = found[(s0, s1)] = list(_COUNT.finditer(text, s0, s1))
    return hit


def find_count(
    text: str,
    *,
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    blocked: Sequence[tuple[int, int]] = (),
) -> int | None:
    """The number of people, documents or units the action concerns, nearest the trigger's object.

    The nearest "N <unit>" of the sentence (see :func:`distance`), else a "sebanyak N".
    ``blocked`` are spans (dates) whose digits are no count.
    """
    s0, s1 = sentence
    a, b = trigger

    def ok(m: regex.Match[str]) -> int | None:
        ms, me = m.span("n")
        if any(ms < e and s < me for s, e in blocked):
            return None
        return parse_number(m.group("n"))

    best: tuple[float, int] | None = None
    for m in _count_matches(text, s0, s1):
        n = ok(m)
        if n is None:
            continue
        d = distance(text, (m.start(), m.end()), trigger)
        if _RECIPIENT.search(text, max(s0, m.start() - 25), m.start()):
            d /= 3  # "sosialisasi ... kepada sekitar 80 warga": the act's audience, however far the verb
        if best is None or d < best[0]:
            best = (d, n)
    if best is not None and best[0] < COUNT_REACH:
        return best[1]
    for m in _SEBANYAK.finditer(text, s0, s1):
        if (n := ok(m)) is not None:
            return n
    return None


# "Sebanyak 250 siswa mengikuti kegiatan tersebut.": the next sentence gives the turnout of the act
_ATTENDANCE = regex.compile(
    rf"\W*(?:(?:sebanyak|sekitar|sejumlah|total|tercatat|ada|kurang\s+lebih|lebih\s+dari)\s+)*"
    rf"(?P<n>{_DIGITS}|{_WORD_NUM})\s+{_UNITS}\b[^.;!?]*?\b(?:mengikuti|menghadiri|hadir|ikut|turut|menjadi\s+peserta)\b",
    regex.IGNORECASE,
)


# "Kegiatan ini dihadiri oleh kepala desa, tokoh masyarakat dan 97 peserta.": the list of those present ends
# with the counted audience; "Peserta yang hadir ada 45 orang."
_ATTENDED_BY = regex.compile(
    r"\W*(?:(?:[^\s.;!?]|[.](?=\d))+\s+){0,8}?(?:dihadiri|diikuti)(?:\s+oleh)?\s+(?P<list>[^.;!?]*)",
    regex.IGNORECASE
)
TURNOUT = regex.compile(
    rf"\W*(?<!\w)(?:jumlah\s+)?peserta(?:\s+(?:yang\s+hadir|kegiatan(?:\s+(?:ini|tersebut|itu))?))?\s+"
    rf"(?:ada|sebanyak|berjumlah|mencapai|tercatat)\s+(?:sekitar\s+|kurang\s+lebih\s+)?(?P<n>{_DIGITS}|{_WORD_NUM})\b",
    regex.IGNORECASE,
)


def attendance_count(text: str, *, sentence: tuple[int, int], blocked: Sequence[tuple[int, int]] = ()) -> int | None:
    """The turnout a sentence reports for the act just before it: one it opens with ("Sebanyak 250 siswa
    mengikuti ..."), the last count of its list of those present ("... dihadiri oleh X, Y dan 97 peserta"),
    or the participants' number ("Peserta yang hadir ada 45 orang")."""

    def free(a: int, b: int) -> bool:
        return not any(a < e and s < b for s, e in blocked)

    s0, s1 = sentence
    m = _ATTENDANCE.match(text, s0, s1) or TURNOUT.match(text, s0, s1)
    if m is not None:
        return parse_number(m.group("n")) if free(m.start("n"), m.end("n")) else None
    listed = _ATTENDED_BY.match(text, s0, s1)
    if listed is None:
        return None
    counts = [c for c in _COUNT.finditer(text, listed.start("list"), listed.end("list")) if free(*c.span("n"))]
    return parse_number(counts[-1].group("n")) if counts else None


_OBJECT = regex.compile(rf"\s+(?:sebanyak\s+)?(?:{_DIGITS}|{_WORD_NUM})\s+(?:orang\s+)?{_UNITS}\b", regex.IGNORECASE)


def object_end(text: str, end: int, limit: int) -> int:
    """Where the trigger ends once a count right after it joins ("menunda keberangkatan 93 PMI")."""
    m = _OBJECT.match(text, end, limit)
    return m.end() if m else end

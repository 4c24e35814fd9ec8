"""GatedPatterns: the matches of pattern.finditer, found by trying each pattern only where it can begin."""

from __future__ import annotations

import random
from types import ModuleType

import pytest
import regex

from tppo_extract.components import agencies
from tppo_extract.components.actions import topic
from tppo_extract.normalize import dates
from tppo_extract.text import scan
from tppo_extract.text.scan import GatedPatterns, starts_at_word

# The team's own sentences, dense in what the date and unit patterns look for.
SENTENCES = [
    "Pada awal Maret 2024 hingga akhir April 2024, Kantor Imigrasi Kelas I TPI Sukamaju menunda 40 keberangkatan.",
    "Sejak sebulan terakhir, Polres Sukamaju memeriksa warga; pekan lalu dua orang ditahan.",
    "Rapat digelar Kamis (7/11/2024) pukul 09.00 WIB di aula Dinas Sosial Kabupaten Sukamaju.",
    "Triwulan ketiga tahun 2023 dan semester I/2024 mencatat kenaikan, kata Kepala Kanim Sukamaju.",
    "Menjelang Idul Fitri, BP3MI Jawa Tengah membuka posko; 12-14 Januari 2025 petugas berjaga.",
    "Dalam tiga bulan terakhir ini, kemarin, dan Senin depan, Satgas TPPO Polda Sukamaju bergerak.",
    "Tahun-tahun sebelumnya, sepanjang 2022, kantor itu menolak 1.240 permohonan paspor (23/6).",
    "Desember lalu hingga Februari 2026 kegiatan berjalan; 2024-05-06 dicatat dalam laporan.",
]


def _texts(fuzz: ModuleType, n: int) -> list[str]:
    rng = random.Random(7)
    out = [fuzz.document(k) for k in range(n)]
    for _ in range(n):
        picked = rng.sample(SENTENCES, rng.randint(1, len(SENTENCES)))
        text = rng.choice([" ", "\n", "\n\n", "; "]).join(picked)
        # case and glue changes: the gate must not lose a match that the whole scan finds
        if rng.random() < 0.3:
            text = text.upper()
        if rng.random() < 0.3:
            text = text.replace(" ", rng.choice(["\u00a0", "  ", "\t", "_"]))
        out.append(text)
    return out


def _whole(patterns: tuple[regex.Pattern[str], ...], text: str) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in p.finditer(text) if m.end() > m.start()] for p in patterns]


def _gated(gate: GatedPatterns, text: str) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in found] for found in gate.finditer_each(text)]


@pytest.mark.parametrize(
    "gate",
    [
        pytest.param(dates._GATE, id="date rules"),
        pytest.param(agencies._gate(), id="unit patterns and lexicon"),
        pytest.param(topic._gate(), id="topic keywords"),
    ],
)
@pytest.mark.parametrize("users", [1, 2], ids=["own scan", "shared scan"])
def test_gated_matches_are_those_of_the_whole_scan(
    gate: GatedPatterns, users: int, monkeypatch: pytest.MonkeyPatch, fuzz: ModuleType
) -> None:
    assert all(gate.gated), "every pattern of these families can be gated"
    monkeypatch.setitem(scan._SCAN_USERS, gate._tokens.pattern, users)
    for text in _texts(fuzz, 300):
        assert _gated(gate, text) == _whole(gate.patterns, text), text[:200]


def test_a_full_memory_empties_and_gives_the_same_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan, "MEMO_WORDS", 5)
    gate = GatedPatterns([r.pattern for r in dates.RULES])
    for text in SENTENCES:
        assert _gated(gate, text) == _whole(gate.patterns, text)
        assert len(gate._memo) <= 5


@pytest.mark.parametrize(
    ("source", "word", "gated"),
    [
        (r"(?<!\w)(?i:awal|akhir)\s+\d{4}", r"\w", True),
        (r"(?P<wd>(?<!\w)(?:Senin|Selasa))", r"\w", True),  # a group that the match starts inside
        (r"(?<![\w.,/-])\d{1,2}/\d{1,2}", r"\w", True),
        (r"(?<![\p{L}\p{N}])(?:Polda|Polres)", r"[\p{L}\p{N}]", True),
        (r"(?i:awal|akhir)\s+\d{4}", r"\w", False),  # no lookbehind: it can begin inside a word
        (r"(?<!\w)awal|akhir", r"\w", False),  # the second alternative has no lookbehind
        (r"(?<!\w)\s*tahun", r"\w", False),  # it can begin with whitespace
        (r"(?<!\w)Polda", r"[\p{L}\p{N}]", False),  # \w is not this class (a superscript digit is in it)
        (r"(?<![\p{L}\p{N}])Polda", r"\w", False),  # nor the other way ("_" is a word character)
    ],
)
def test_only_patterns_that_begin_at_a_word_are_gated(source: str, word: str, gated: bool) -> None:
    assert starts_at_word(regex.compile(source), word) is gated


def test_ungated_patterns_are_scanned_whole() -> None:
    patterns = [regex.compile(r"(?i:bulan)"), regex.compile(r"(?<!\w)tahun\s+\d{4}")]
    gate = GatedPatterns(patterns)
    assert gate.gated == (False, True)
    text = "Sebulan lalu, pada tahun 2024, dan bulan Mei tahun 2025."
    assert _gated(gate, text) == [[(2, 7), (35, 40)], [(19, 29), (45, 55)]]


def test_whitespace_holds_every_character_that_backslash_s_matches() -> None:
    space = regex.compile(r"\s")
    missing = [hex(c) for c in range(0x110000) if space.fullmatch(chr(c)) and chr(c) not in scan.WHITESPACE]
    assert missing == []


def test_an_unknown_word_class_is_refused() -> None:
    with pytest.raises(ValueError, match="word class"):
        GatedPatterns([], word=r"[a-z]")


@pytest.mark.parametrize(
    "gate",
    [
        pytest.param(dates._GATE, id="date rules"),
        pytest.param(agencies._gate(), id="unit patterns and lexicon"),
        pytest.param(topic._gate(), id="topic keywords"),
    ],
)
def test_a_match_begins_with_a_key_that_allows_it(gate: GatedPatterns, fuzz: ModuleType) -> None:
    """mask(key) keeps every pattern that matches where the key stands, and drops patterns that a word's end
    rules out ("di" before a space cannot begin "dialog")."""
    for text in _texts(fuzz, 150):
        keys = gate.keys(text)
        at = {m.start(): m.group(1) for m in gate._keys.finditer(text)}
        assert list(at.values()) == keys
        for i, found in enumerate(_whole(gate.patterns, text)):
            for start, _ in found:
                assert gate.mask(at[start]) >> i & 1, (gate.patterns[i].pattern[:60], text[start : start + 30])
    words = GatedPatterns([regex.compile(r"(?<!\w)(?:dialog|diskusi)\s+\w+")])
    assert words.mask("di ") == 0 and words.mask("di") == 1 and words.mask("dialog ") == 1


def test_the_kept_scans_stay_within_their_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan, "SCANS_KEPT", 3)
    monkeypatch.setattr(scan, "SCAN_TOKENS_KEPT", 50)
    scan._SCANS.clear()
    scan._SCAN_TOKENS[0] = 0
    texts = [f"Pada {k} Maret 2024 petugas menunda keberangkatan {k} warga." * (1 + k % 4) for k in range(12)]
    for text in texts * 2:
        assert _gated(dates._GATE, text) == _whole(dates._GATE.patterns, text)
        assert len(scan._SCANS) <= 3
        assert scan._SCAN_TOKENS[0] == sum(len(found) for _, _, found in scan._SCANS.values())
        assert scan._SCAN_TOKENS[0] <= 50 or len(scan._SCANS) == 1


PLACE_SENTENCES = [
    "Warga Kelurahan Alak Kecamatan Alak Kota Kupang dan Desa Bumi Daya berangkat dari Pelabuhan Tenau Kupang.",
    "Terminal Keberangkatan Bandara Internasional Soekarno-Hatta dan PLBN Entikong dijaga; SMKN 7 Sukamaju libur.",
    "Di SMA Negeri 1 Sukamaju, Kabupaten Lampung Selatan, Provinsi Lampung, petugas Pos Lintas Batas berjaga.",
]


@pytest.mark.parametrize("users", [1, 2], ids=["own scan", "shared scan"])
def test_overlapping_gated_matches_are_those_of_the_overlapped_scan(
    users: int, monkeypatch: pytest.MonkeyPatch, fuzz: ModuleType
) -> None:
    from tppo_extract.components import places

    gate = places._gate()
    assert gate.overlapped == (True, True, False) and all(gate.gated)
    monkeypatch.setitem(scan._SCAN_USERS, gate._tokens.pattern, users)
    rng = random.Random(4)
    texts = _texts(fuzz, 150) + [rng.choice(["\n", " ", ". "]).join(rng.sample(PLACE_SENTENCES, 3)) for _ in range(50)]
    overlapping = 0
    for text in texts:
        whole = [
            [m.span() for m in p.finditer(text, overlapped=o) if m.end() > m.start()]
            for p, o in zip(gate.patterns, gate.overlapped, strict=True)
        ]
        assert _gated(gate, text) == whole, text[:200]
        overlapping += sum(a[1] > b[0] for a, b in zip(whole[0], whole[0][1:], strict=False))
    assert overlapping > 0  # the overlapped semantics were exercised

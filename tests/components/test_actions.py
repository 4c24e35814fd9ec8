"""The tppo_actions stage: triggers, arguments, status, merging and relevance, on hand-built docs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from tppo_extract.components.actions import (
    annotate_actions,
    attendance_count,
    candidate_rules,
    compile_pattern,
    confidence,
    find_actions,
    find_count,
    find_triggers,
    first_words,
    is_nominal,
    is_on_topic,
    load_triggers,
    parse_number,
)
from tppo_extract.constants import ACTION_TYPES

SEED = (
    "Kantor Imigrasi Kelas III Non TPI Kalianda pada bulan Maret 2024 telah membentuk Desa Binaan Imigrasi "
    "di Desa Bumidaya, Kecamatan Palas, Kabupaten Lampung Selatan dalam rangka pencegahan TPPO."
)


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("id")


def _doc(blank: Language, text: str, ents: Sequence[tuple[str, str, dict[str, object]]] = ()) -> Doc:
    """A doc with the entities ``(mention, label, {ext: value})``, each at its first occurrence."""
    doc = blank.make_doc(text)
    spans: list[Span] = []
    values: list[dict[str, object]] = []
    for mention, label, vals in ents:
        i = text.index(mention)
        span = doc.char_span(i, i + len(mention), label=label)
        assert span is not None, mention
        spans.append(span)
        values.append(vals)
    doc.ents = spans
    for span, vals in zip(doc.ents, values, strict=True):
        for k, v in vals.items():
            span._.set(k, v)
    return doc


def _text(doc: Doc, cs: dict[str, int] | None) -> str | None:
    return None if cs is None else doc.text[cs["start"] : cs["end"]]


SEED_ENTS = [
    (
        "Kantor Imigrasi Kelas III Non TPI Kalianda",
        "AGENCY",
        {"canonical": "Kantor Imigrasi Kelas III Non TPI Kalianda"},
    ),
    ("Maret 2024", "DATE", {"value": "2024-03"}),
    ("Desa Bumidaya", "PLACE", {"level": "village"}),
    ("Kecamatan Palas", "PLACE", {"level": "district"}),
    ("Kabupaten Lampung Selatan", "PLACE", {"level": "regency"}),
]


def test_seed_case(blank: Language) -> None:
    doc = annotate_actions(_doc(blank, SEED, SEED_ENTS))
    assert doc._.relevant is True
    (a,) = doc._.actions
    assert a["type"] == "community_program"
    assert _text(doc, a["trigger"]) == "membentuk Desa Binaan Imigrasi"
    assert _text(doc, a["actors"][0]) == "Kantor Imigrasi Kelas III Non TPI Kalianda"
    assert _text(doc, a["locations"][0]) == "Desa Bumidaya"
    assert a["date"] is not None and a["date"]["value"] == "2024-03"
    assert a["status"] == "done"
    assert a["count"] is None
    assert 0.0 < a["confidence"] <= 1.0
    assert _text(doc, a["evidence"]) == SEED


@pytest.mark.parametrize(
    ("sentence", "type_", "trigger"),
    [
        (
            "Imigrasi menunda keberangkatan 93 pekerja migran ke Malaysia.",
            "departure_prevention",
            "menunda keberangkatan",
        ),
        (
            "Sebanyak 40 orang ditunda keberangkatannya oleh petugas.",
            "departure_prevention",
            "ditunda keberangkatannya",
        ),
        ("Petugas berhasil menggagalkan 5 calon PMI ilegal.", "departure_prevention", "menggagalkan"),
        ("Kantor itu menolak 120 permohonan paspor selama 2024.", "document_refusal", "menolak 120 permohonan"),
        ("Dilakukan penundaan penerbitan paspor bagi pemohon.", "document_refusal", "penundaan penerbitan paspor"),
        ("Dinas menggelar rapat koordinasi dengan kepolisian.", "coordination", "rapat koordinasi"),
        ("Kedua pihak menandatangani nota kesepahaman.", "agreement", "menandatangani"),
        ("Petugas memberikan sosialisasi kepada pelajar.", "awareness", "sosialisasi"),
        ("Panitia menggelar bimbingan teknis bagi aparat desa.", "training", "bimbingan teknis"),
        ("Bupati membentuk Satgas TPPO di tingkat kabupaten.", "task_force", "membentuk Satgas"),
        ("Petugas melakukan pemeriksaan keimigrasian di bandara.", "screening", "pemeriksaan keimigrasian"),
        ("Polisi menangkap dua perekrut di pelabuhan.", "enforcement", "menangkap"),
        ("Dinas sosial memfasilitasi pemulangan korban.", "victim_assistance", "pemulangan"),
        ("Gubernur menerbitkan surat edaran tentang pencegahan.", "policy", "menerbitkan surat edaran"),
        ("Tim melakukan pemantauan di pelabuhan.", "monitoring", "pemantauan"),
    ],
)
def test_trigger_types(sentence: str, type_: str, trigger: str) -> None:
    found = find_triggers(sentence)
    assert [(t.type, sentence[t.start : t.end]) for t in found][:1] == [(type_, trigger)]
    # the rules a document could trigger, found from its words, give the same matches as all rules
    assert find_triggers(sentence, rules=candidate_rules([sentence])) == found


def test_candidate_rules_skip_only_rules_that_cannot_match() -> None:
    sentences = ["Petugas menunda keberangkatan tiga warga.", "Dinas menggelar rakor di aula."]
    rules = candidate_rules(sentences)
    assert rules is not None and 0 < len(rules) < len(load_triggers())
    text = " ".join(sentences)
    bounds = [(0, len(sentences[0])), (len(sentences[0]) + 1, len(text))]
    for b in bounds:
        assert find_triggers(text, sentence=b, rules=rules) == find_triggers(text, sentence=b)
    # case does not matter to the rules, nor to the skipping
    assert candidate_rules([s.upper() for s in sentences]) == rules
    # a word that str.lower cannot compare safely turns the skipping off
    assert candidate_rules(["Dinas menggelar rakor di café itu."]) is None


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        ("rakor", {"rakor"}),
        ("rapat koordinasi", {"rapat"}),
        ("(?:menahan|ditahan) ... warga", {"menahan", "ditahan"}),
        ("paspor(?:nya)? ... {tolak}", {"paspor", "paspornya"}),
        ("{kerja}\\s*sama", None),
        ("(?:peraturan daerah|perda)", None),
    ],
)
def test_first_words(pattern: str, words: set[str] | None) -> None:
    got = first_words(pattern)
    assert got == (None if words is None else frozenset(words))
    assert first_words("{tunda} keberangkatan") >= {"menunda", "ditunda", "penundaan"}  # type: ignore[operator]


@pytest.mark.parametrize(
    "sentence",
    [
        "Imigrasi berkomitmen mencegah TPPO di wilayahnya.",
        "Jika perlu, dilakukan penundaan keberangkatan bagi pemohon.",
        "Pemeriksaan keimigrasian juga menjadi hal yang penting.",
        "Kegiatan ini bertujuan memperkuat sinergi antarinstansi.",
        "Petugas mengimbau warga untuk memeriksa legalitas agen.",
    ],
)
def test_no_action_in_duties_and_conditions(blank: Language, sentence: str) -> None:
    text = "Upaya pencegahan TPPO dan perdagangan orang terus dilakukan. " + sentence
    doc = _doc(blank, text, [])
    types = [a["type"] for a in find_actions(doc)]
    assert "screening" not in types and "departure_prevention" not in types and "coordination" not in types


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Kantor Imigrasi akan membentuk Desa Binaan di desa itu.", "planned"),
        ("Ke depan, Kantor Imigrasi membentuk Desa Binaan lagi.", "planned"),
        ("Kantor Imigrasi belum membentuk Desa Binaan di desa itu.", "negated"),
        ("Kantor Imigrasi tidak hanya membentuk Desa Binaan di desa itu.", "done"),
        ("Kantor Imigrasi telah membentuk Desa Binaan di desa itu.", "done"),
    ],
)
def test_status(blank: Language, sentence: str, status: str) -> None:
    doc = _doc(blank, "Pencegahan TPPO dan perdagangan orang. " + sentence, [])
    (a,) = find_actions(doc)
    assert a["status"] == status


@pytest.mark.parametrize(
    ("sentence", "trigger", "count"),
    [
        ("Imigrasi menunda keberangkatan 93 PMI ke Malaysia.", "menunda", 93),
        ("Imigrasi menunda keberangkatan 1.234 orang.", "menunda", 1234),
        ("Kantor itu membentuk tiga Desa Binaan.", "membentuk", 3),
        ("Sebanyak 247 permohonan ditolak oleh kantor itu.", "ditolak", 247),
        ("Kantor itu menunda keberangkatan ratusan orang.", "menunda", None),
        ("Pada 12 Maret kantor itu menunda keberangkatan warga.", "menunda", None),
        ("Dua puluh lima orang ditunda keberangkatannya.", "ditunda", 25),
        # the audience of the act, introduced by a preposition, however long the object before it
        (
            "Petugas memberikan penyuluhan tentang bahaya perekrutan ilegal dan syarat kerja resmi di luar negeri "
            "kepada sekitar 75 warga yang datang ke aula kecamatan.",
            "penyuluhan",
            75,
        ),
        ("Dinas itu akan menggelar bimbingan teknis bagi 45 kepala desa dari seluruh kecamatan.", "bimbingan", 45),
        ("Tim itu mengadakan edukasi yang diikuti 120 peserta dari tiga kampus.", "edukasi", 120),
        ("Imigrasi memberi sosialisasi kepada 300 siswa SMK.", "sosialisasi", 300),
    ],
)
def test_count(sentence: str, trigger: str, count: int | None) -> None:
    a = sentence.index(trigger)
    assert find_count(sentence, sentence=(0, len(sentence)), trigger=(a, a + len(trigger))) == count


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("93", 93),
        ("2.474", 2474),
        ("tiga", 3),
        ("sepuluh", 10),
        ("dua belas", 12),
        ("dua puluh", 20),
        ("tiga ratus", 300),
        ("ratusan", None),
    ],
)
def test_parse_number(words: str, value: int | None) -> None:
    assert parse_number(words) == value


def test_actor_after_oleh_and_partner_left_out(blank: Language) -> None:
    text = (
        "Pencegahan TPPO terus berjalan. Keberangkatan 12 calon PMI ditunda oleh Kantor Imigrasi Batam. "
        "Kantor Imigrasi Batam juga berkoordinasi dengan Dinas Tenaga Kerja."
    )
    doc = _doc(
        blank,
        text,
        [("Kantor Imigrasi Batam", "AGENCY", {}), ("Dinas Tenaga Kerja", "AGENCY", {})],
    )
    acts = {a["type"]: a for a in find_actions(doc)}
    assert _text(doc, acts["departure_prevention"]["actors"][0]) == "Kantor Imigrasi Batam"
    assert acts["departure_prevention"]["count"] == 12
    coord = acts["coordination"]
    assert [_text(doc, x) for x in coord["actors"]] == ["Kantor Imigrasi Batam"]


def test_actor_falls_back_to_previous_sentence(blank: Language) -> None:
    text = "Pencegahan TPPO. Polres Sumba menggelar razia di pelabuhan. Selain itu, petugas menangkap dua calo."
    doc = _doc(blank, text, [("Polres Sumba", "AGENCY", {})])
    acts = [a for a in find_actions(doc) if a["type"] == "enforcement"]
    assert acts and all(_text(doc, a["actors"][0]) == "Polres Sumba" for a in acts)


def test_airport_beats_province_and_destination_is_no_location(blank: Language) -> None:
    text = "Pencegahan TPPO. Imigrasi di Bandara Soekarno-Hatta, Banten, menunda keberangkatan 4 WNI ke Kamboja."
    doc = _doc(
        blank,
        text,
        [
            ("Bandara Soekarno-Hatta", "PLACE", {"level": "site"}),
            ("Banten", "PLACE", {"level": "province"}),
            ("Kamboja", "PLACE", {"level": "country"}),
        ],
    )
    (a,) = find_actions(doc)
    assert [_text(doc, x) for x in a["locations"]] == ["Bandara Soekarno-Hatta", "Banten"]


def test_repeated_mentions_merge(blank: Language) -> None:
    text = (
        "Kantor Imigrasi Palu menggelar sosialisasi TPPO di desa. Sosialisasi itu diikuti warga.\n"
        "Kantor Imigrasi Palu juga memberikan sosialisasi kepada pelajar."
    )
    doc = _doc(blank, text, [("Kantor Imigrasi Palu", "AGENCY", {})])
    assert [a["type"] for a in find_actions(doc)] == ["awareness"]


def test_different_counts_stay_apart(blank: Language) -> None:
    text = (
        "Pada 2023 sebanyak 111 orang ditunda keberangkatannya oleh Imigrasi, sedangkan pada 2024 "
        "42 orang juga mengalami penundaan keberangkatan terkait TPPO."
    )
    doc = _doc(
        blank,
        text,
        [("2023", "DATE", {"value": "2023"}), ("Imigrasi", "AGENCY", {}), ("2024", "DATE", {"value": "2024"})],
    )
    acts = find_actions(doc)
    assert [(a["count"], a["date"]["value"] if a["date"] else None) for a in acts] == [(111, "2023"), (42, "2024")]


def test_skipped_zone_has_no_action(blank: Language) -> None:
    text = "Pencegahan TPPO dan perdagangan orang.\nBACA JUGA: Polisi Menangkap Perekrut PMI Ilegal"
    doc = _doc(blank, text, [])
    start = text.index("BACA")
    doc._.zones = [{"start": start, "end": len(text), "kind": "furniture", "label": "read_also"}]
    assert find_actions(doc) == []


def test_trigger_inside_agency_name_is_no_action(blank: Language) -> None:
    text = "Kanwil bersama Tim Pengawasan Orang Asing membahas TPPO."
    doc = _doc(blank, text, [("Tim Pengawasan Orang Asing", "AGENCY", {})])
    assert [a["type"] for a in find_actions(doc)] == []


@pytest.mark.parametrize(
    ("text", "on_topic"),
    [
        (SEED + " Perdagangan orang harus dicegah.", True),
        ("Timnas menang 3-0 dan pelatih mengadakan evaluasi. Petugas melakukan pemeriksaan tiket penonton.", False),
        ("Harga cabai naik menjelang Lebaran; dinas melakukan pemantauan pasar.", False),
    ],
)
def test_relevance(blank: Language, text: str, on_topic: bool) -> None:
    assert is_on_topic(text) is on_topic
    doc = annotate_actions(_doc(blank, text, []))
    assert doc._.relevant is on_topic
    if not on_topic:
        assert doc._.actions == []


def test_off_topic_without_require_topic_keeps_actions(blank: Language) -> None:
    text = "Harga cabai naik; dinas melakukan pemantauan pasar."
    doc = annotate_actions(_doc(blank, text, []), require_topic=False)
    assert [a["type"] for a in doc._.actions] == ["monitoring"]
    assert doc._.relevant is False


def test_min_confidence_filters(blank: Language) -> None:
    doc = _doc(blank, "Pencegahan TPPO dan perdagangan orang. Petugas memberikan sosialisasi kepada pelajar.", [])
    assert find_actions(doc, min_confidence=0.0)
    assert find_actions(doc, min_confidence=0.99) == []


def test_confidence_formula() -> None:
    assert confidence(weight=0.9, actor=False, location=False, date=False, count=False) == pytest.approx(0.54)
    assert confidence(weight=0.9, actor=True, location=True, date=True, count=True) == pytest.approx(0.9)


def test_lexicon_is_valid_and_covers_the_taxonomy() -> None:
    rules = load_triggers()
    assert {r.type for r in rules} == set(ACTION_TYPES)
    for r in rules:
        compile_pattern(r.pattern)


def test_evidence_is_capped(blank: Language) -> None:
    long = "Pencegahan TPPO: " + "warga desa " * 80 + "dan Imigrasi menunda keberangkatan 3 PMI " + "lagi " * 80 + "."
    doc = _doc(blank, long, [])
    (a,) = find_actions(doc)
    ev = a["evidence"]
    assert ev["end"] - ev["start"] <= 600
    assert ev["start"] <= a["trigger"]["start"] and a["trigger"]["end"] <= ev["end"]


# -- integration: the full pipeline; expectations limited to what this stage decides -------------


def test_pipeline_seed_case(nlp: Language) -> None:
    doc = nlp(SEED)
    types = [a["type"] for a in doc._.actions]
    assert types == ["community_program"]
    assert doc._.relevant is True
    a = doc._.actions[0]
    assert doc.text[a["trigger"]["start"] : a["trigger"]["end"]] == "membentuk Desa Binaan Imigrasi"


def test_pipeline_off_topic(nlp: Language) -> None:
    doc = nlp("Bank Indonesia menahan suku bunga acuan. Gubernur BI menerbitkan peraturan baru soal kredit.")
    assert doc._.actions == []
    assert doc._.relevant is False


def test_pipeline_saves_and_loads_the_config(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    cfg = loaded.config["components"]["tppo_actions"]
    assert cfg["require_topic"] is True and cfg["min_confidence"] == 0.0
    assert [a["type"] for a in loaded(SEED)._.actions] == ["community_program"]


def test_pipeline_offsets_round_trip(nlp: Language) -> None:
    doc = nlp("Polisi menangkap dua perekrut PMI ilegal terkait TPPO di Pelabuhan Tenau, Kupang.")
    for a in doc._.actions:
        for cs in (a["trigger"], a["evidence"], *a["actors"], *a["locations"]):
            assert 0 <= cs["start"] < cs["end"] <= len(doc.text)
    restored = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert restored._.actions == doc._.actions


def test_place_in_apposition_to_the_agency_comes_last(blank: Language) -> None:
    text = "Kantor Imigrasi Belawan, Sumatera Utara, menggelar sosialisasi TPPO di Kecamatan Medan Labuhan."
    doc = _doc(
        blank,
        text,
        [
            ("Kantor Imigrasi Belawan", "AGENCY", {}),
            ("Sumatera Utara", "PLACE", {"level": "province"}),
            ("Kecamatan Medan Labuhan", "PLACE", {"level": "district"}),
        ],
    )
    (a,) = find_actions(doc)
    assert [_text(doc, x) for x in a["locations"]] == ["Kecamatan Medan Labuhan", "Sumatera Utara"]


def test_anaphoric_and_relative_mentions_join_the_act(blank: Language) -> None:
    text = (
        "Kantor Imigrasi Batam menunda keberangkatan 30 PMI terkait TPPO.\n"
        "Warga yang ditunda keberangkatannya diminta melengkapi dokumen.\n"
        "Dinas Sosial menyebut penundaan keberangkatan tersebut tepat."
    )
    doc = _doc(blank, text, [("Kantor Imigrasi Batam", "AGENCY", {}), ("Dinas Sosial", "AGENCY", {})])
    acts = find_actions(doc)
    assert [(a["type"], a["count"]) for a in acts] == [("departure_prevention", 30)]
    assert _text(doc, acts[0]["trigger"]) == "menunda keberangkatan 30 PMI"


def test_date_falls_back_to_the_reported_day(blank: Language) -> None:
    text = (
        "Palu - Kantor Imigrasi Palu menggelar rapat koordinasi TPPO, Senin (2/2/2026).\n"
        "Selain itu, Kantor Imigrasi Palu memberikan sosialisasi kepada pelajar."
    )
    doc = _doc(
        blank,
        text,
        [("Kantor Imigrasi Palu", "AGENCY", {}), ("Senin (2/2/2026)", "DATE", {"value": "2026-02-02"})],
    )
    acts = {a["type"]: a for a in find_actions(doc)}
    assert acts["awareness"]["date"] is not None and acts["awareness"]["date"]["value"] == "2026-02-02"


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Imigrasi menunda keberangkatan 93 PMI terkait TPPO.", "menunda keberangkatan 93 PMI"),
        ("Kantor itu membentuk tiga Desa Binaan terkait TPPO.", "membentuk tiga Desa Binaan"),
        ("Imigrasi menunda keberangkatan pada 2024 terkait TPPO.", "menunda keberangkatan"),
    ],
)
def test_trigger_takes_the_count_that_follows(blank: Language, sentence: str, trigger: str) -> None:
    doc = _doc(blank, sentence, [])
    (a,) = find_actions(doc)
    assert _text(doc, a["trigger"]) == trigger


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Sebanyak 180 pelajar mengikuti kegiatan tersebut.", 180),
        ("Sekitar 40 perangkat desa hadir dalam acara itu.", 40),
        ("Acara itu diikuti banyak warga.", None),
        ("Sebanyak 180 paspor ditolak tahun lalu.", None),  # no turnout: another act's figure
    ],
)
def test_attendance_count(sentence: str, count: int | None) -> None:
    assert attendance_count(sentence, sentence=(0, len(sentence))) == count


def test_turnout_in_the_next_sentence_is_the_count(blank: Language) -> None:
    text = (
        "Pencegahan TPPO. Imigrasi Ende menggelar sosialisasi di aula sekolah. Sebanyak 90 siswa mengikuti acara itu."
    )
    doc = _doc(blank, text, [("Imigrasi Ende", "AGENCY", {})])
    (a,) = [x for x in find_actions(doc) if x["type"] == "awareness"]
    assert a["count"] == 90


def _dated(doc: Doc, place: str) -> Doc:
    i = doc.text.index(place)
    doc._.dateline = {"start": i, "end": i + len(place) + 1, "place": {"start": i, "end": i + len(place)},
                      "outlet": None, "date": None, "date_value": None}  # fmt: skip
    return doc


def test_follow_up_act_takes_the_scene_not_the_dateline(blank: Language) -> None:
    text = (
        "ENDE - Imigrasi Ende menunda keberangkatan 5 WNI di Pelabuhan Ippi, Kabupaten Ende.\n"
        "Selain itu, petugas juga melakukan wawancara mendalam terhadap para penumpang."
    )
    doc = _dated(
        _doc(
            blank,
            text,
            [
                ("ENDE", "PLACE", {"level": "regency"}),
                ("Imigrasi Ende", "AGENCY", {}),
                ("Pelabuhan Ippi", "PLACE", {"level": "site"}),
                ("Kabupaten Ende", "PLACE", {"level": "regency"}),
            ],
        ),
        "ENDE",
    )
    acts = {a["type"]: a for a in find_actions(doc)}
    assert _text(doc, acts["screening"]["locations"][0]) == "Pelabuhan Ippi"


def test_dateline_place_is_the_last_resort(blank: Language) -> None:
    text = "ENDE - Pencegahan TPPO terus berjalan.\nImigrasi Ende menunda keberangkatan 5 WNI pekan lalu."
    doc = _dated(_doc(blank, text, [("ENDE", "PLACE", {"level": "regency"}), ("Imigrasi Ende", "AGENCY", {})]), "ENDE")
    (a,) = find_actions(doc)
    assert [_text(doc, x) for x in a["locations"]] == ["ENDE"]


def test_earlier_place_of_the_paragraph_is_the_most_specific(blank: Language) -> None:
    text = (
        "Pencegahan TPPO. Imigrasi Bima menggelar sosialisasi di Aula Kantor Camat, Kota Bima, Senin. "
        "Pada akhir acara, petugas menandatangani nota kesepahaman dengan pemerintah desa."
    )
    doc = _doc(
        blank,
        text,
        [
            ("Imigrasi Bima", "AGENCY", {}),
            ("Aula Kantor Camat", "PLACE", {"level": "site"}),
            ("Kota Bima", "PLACE", {"level": "regency"}),
        ],
    )
    acts = {a["type"]: a for a in find_actions(doc)}
    assert [_text(doc, x) for x in acts["agreement"]["locations"]] == ["Aula Kantor Camat"]


@pytest.mark.parametrize(
    ("text", "trigger", "nominal"),
    [
        ("Saat pemeriksaan, petugas menemukan paspor palsu.", "pemeriksaan", True),
        ("Sosialisasi dilanjutkan dengan tanya jawab.", "Sosialisasi", True),
        ("Upaya itu berupa pemeriksaan dokumen.", "pemeriksaan", True),
        ("Petugas melakukan pemeriksaan dokumen.", "pemeriksaan", False),
        ("Imigrasi telah melakukan juga penundaan keberangkatan.", "penundaan keberangkatan", False),
        ("Petugas memberikan sosialisasi kepada warga.", "sosialisasi", False),
        ("Imigrasi menunda keberangkatan dua warga.", "menunda keberangkatan", False),
        ("Keberangkatan mereka ditunda petugas.", "ditunda", False),
        ("Kantor Imigrasi berkoordinasi dengan polisi.", "berkoordinasi", False),
    ],
)
def test_is_nominal(text: str, trigger: str, nominal: bool) -> None:
    i = text.index(trigger)
    assert is_nominal(text, start=i, end=i + len(trigger)) is nominal


def test_nominal_restatement_joins_the_reported_act(blank: Language) -> None:
    text = (
        "Kantor Imigrasi Batam memberikan penyuluhan TPPO di balai desa.\n"
        "Sejumlah warga bertanya tentang lowongan kerja di luar negeri.\n"
        "Sosialisasi dilanjutkan dengan pemutaran film pendek."
    )
    doc = _doc(blank, text, [("Kantor Imigrasi Batam", "AGENCY", {})])
    acts = find_actions(doc)
    assert [(a["type"], _text(doc, a["trigger"])) for a in acts] == [("awareness", "penyuluhan")]


def test_nominal_breakdown_joins_the_total(blank: Language) -> None:
    text = (
        "Kantor Imigrasi Batam menolak 200 permohonan paspor terkait TPPO.\n"
        "Warga diminta mengurus dokumen dengan jujur.\n"
        "Penolakan permohonan terhadap 50 pemohon terjadi karena dokumen palsu."
    )
    doc = _doc(blank, text, [("Kantor Imigrasi Batam", "AGENCY", {})])
    acts = find_actions(doc)
    assert [(a["type"], a["count"]) for a in acts] == [("document_refusal", 200)]


@pytest.mark.parametrize(
    "second",
    [
        # a larger count is no part of the first act
        "Sepanjang tahun, penundaan keberangkatan 300 orang tercatat di pelabuhan.",
        # another agency named in the sentence carries out an act of its own
        "Penundaan keberangkatan oleh Dinas Sosial Batam juga dilakukan di pelabuhan.",
    ],
)
def test_nominal_with_larger_count_or_own_actor_stays_apart(blank: Language, second: str) -> None:
    text = (
        "Kantor Imigrasi Batam menunda keberangkatan 20 PMI terkait TPPO.\n"
        "Warga diminta mengurus dokumen dengan jujur.\n" + second
    )
    ents = [("Kantor Imigrasi Batam", "AGENCY", {}), ("Dinas Sosial Batam", "AGENCY", {})]
    doc = _doc(blank, text, [e for e in ents if e[0] in text])
    assert [a["type"] for a in find_actions(doc)] == ["departure_prevention", "departure_prevention"]


def test_counted_noun_then_another_noun_stays_apart(blank: Language) -> None:
    text = (
        "Upaya Kantor Imigrasi Batam berupa pemeriksaan terhadap 6 orang WNA dilakukan terkait TPPO.\n"
        "Untuk BAP WNI jumlahnya ratusan."
    )
    doc = _doc(blank, text, [("Kantor Imigrasi Batam", "AGENCY", {})])
    acts = find_actions(doc)
    assert [(_text(doc, a["trigger"]), a["count"]) for a in acts] == [("pemeriksaan", 6), ("BAP", None)]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("Petugas menjelaskan cara memeriksa legalitas agen penyalur.", "screening"),
        ("Dua pegawai ditunjuk sebagai pembina yang bertugas mendampingi perangkat desa.", "victim_assistance"),
        ("Pertemuan itu menjadi wadah kolaborasi antarinstansi.", "coordination"),
        ("Penolakan itu sebagai bagian dari pengawasan ketat terhadap warga asing.", "monitoring"),
    ],
)
def test_procedure_and_role_are_no_act(blank: Language, sentence: str, type_: str) -> None:
    text = "Upaya pencegahan TPPO dan perdagangan orang terus dilakukan. " + sentence
    doc = _doc(blank, text, [])
    assert type_ not in [a["type"] for a in find_actions(doc)]


_PROGRAMME = {"type": "community_program", "pattern": "Kampung Tangguh Migran", "weight": 0.8}
_PROGRAMME_TEXT = (
    "Kantor Imigrasi Sukamaju meluncurkan Kampung Tangguh Migran di Desa Bumidaya untuk mencegah TPPO dan "
    "perdagangan orang. Pekerja migran ilegal dicegah."
)


def _triggers(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(a["type"], text[a["trigger"]["start"] : a["trigger"]["end"]]) for a in nlp(text)._.actions]


def test_a_user_adds_a_programme_and_it_is_saved_with_the_pipeline(tmp_path: Path) -> None:
    import tppo_extract

    nlp = tppo_extract.load(models=False)
    assert ("community_program", "Kampung Tangguh Migran") not in _triggers(nlp, _PROGRAMME_TEXT)
    nlp.get_pipe("tppo_actions").add_triggers([_PROGRAMME])  # type: ignore[attr-defined]
    assert ("community_program", "Kampung Tangguh Migran") in _triggers(nlp, _PROGRAMME_TEXT)
    nlp.to_disk(tmp_path / "pipe")
    assert _triggers(spacy.load(tmp_path / "pipe"), _PROGRAMME_TEXT) == _triggers(nlp, _PROGRAMME_TEXT)


def test_a_user_adds_a_programme_through_the_config() -> None:
    import tppo_extract

    nlp = tppo_extract.load(models=False, overrides={"components.tppo_actions.extra_triggers": [_PROGRAMME]})
    assert ("community_program", "Kampung Tangguh Migran") in _triggers(nlp, _PROGRAMME_TEXT)


@pytest.mark.parametrize(
    "row",
    [
        {"type": "dancing", "pattern": "tari", "weight": 0.5},
        {"type": "awareness", "pattern": "(unclosed", "weight": 0.5},
        {"type": "awareness", "pattern": "sosialisasi", "weight": 2.0},
    ],
)
def test_a_bad_user_trigger_is_refused(row: dict[str, object]) -> None:
    import tppo_extract
    from tppo_extract.errors import ConfigError

    nlp = tppo_extract.load(models=False)
    with pytest.raises(ConfigError, match="extra trigger 1"):
        nlp.get_pipe("tppo_actions").add_triggers([row])  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "ents", "location"),
    [
        # a foreign country in the sentence is where people were headed, not where the act took place
        (
            "Pencegahan TPPO. Warga itu tiba di Bandara Sukamaju pagi itu. Imigrasi Sukamaju menunda "
            "keberangkatan 12 warga yang hendak bekerja di Malaysia.",
            [
                ("Bandara Sukamaju", "PLACE", {"level": "site", "country_code": "ID"}),
                ("Malaysia", "PLACE", {"level": "country", "country_code": "MY"}),
            ],
            "Bandara Sukamaju",
        ),
        (
            "Pencegahan TPPO. Polisi menggelar sosialisasi bahaya bekerja secara ilegal di Kamboja.",
            [("Kamboja", "PLACE", {"level": "country", "country_code": "KH"})],
            None,
        ),
        # a check of travellers takes the airport or port named before it in the story
        (
            "Pencegahan TPPO. Tiga warga tiba di Pelabuhan Bahari pagi itu.\nPetugas lalu menunda keberangkatan "
            "3 warga Kabupaten Sukamaju itu.",
            [
                ("Pelabuhan Bahari", "PLACE", {"level": "site", "country_code": "ID"}),
                ("Kabupaten Sukamaju", "PLACE", {"level": "regency", "country_code": "ID"}),
            ],
            "Pelabuhan Bahari",
        ),
    ],
)
def test_location_is_in_indonesia_and_at_the_crossing(
    blank: Language, text: str, ents: Sequence[tuple[str, str, dict[str, object]]], location: str | None
) -> None:
    doc = _doc(blank, text, ents)
    acts = [a for a in find_actions(doc) if a["type"] in ("departure_prevention", "awareness")]
    assert acts
    found = _text(doc, acts[0]["locations"][0]) if acts[0]["locations"] else None
    assert found == location


def test_bringing_victims_home_may_take_place_abroad(blank: Language) -> None:
    text = "Pencegahan TPPO. KBRI memulangkan 20 korban TPPO dari Malaysia."
    doc = _doc(blank, text, [("Malaysia", "PLACE", {"level": "country", "country_code": "MY"})])
    (a,) = [x for x in find_actions(doc) if x["type"] == "victim_assistance"]
    assert _text(doc, a["locations"][0]) == "Malaysia"


def test_a_tally_takes_the_period_stated_after_it(blank: Language) -> None:
    text = (
        "Sukamaju, Senin (3/6/2024) - Pencegahan TPPO terus berjalan.\n"
        "Kantor Imigrasi Sukamaju menolak 40 permohonan paspor. Permohonan itu diajukan warga sepanjang Mei 2024."
    )
    doc = _doc(
        blank,
        text,
        [
            ("Senin (3/6/2024)", "DATE", {"value": "2024-06-03"}),
            ("Kantor Imigrasi Sukamaju", "AGENCY", {}),
            ("sepanjang Mei 2024", "DATE", {"value": "2024-05"}),
        ],
    )
    (a,) = [x for x in find_actions(doc) if x["type"] == "document_refusal"]
    assert a["date"] is not None and a["date"]["value"] == "2024-05"


def test_a_period_still_to_come_is_no_date_of_a_past_act(blank: Language) -> None:
    text = (
        "Sukamaju, Senin (3/6/2024) - Pencegahan TPPO terus berjalan.\n"
        "Kantor Imigrasi Sukamaju menolak 40 permohonan paspor. Layanan itu diperluas pada 2027."
    )
    doc = _doc(
        blank,
        text,
        [
            ("Senin (3/6/2024)", "DATE", {"value": "2024-06-03"}),
            ("Kantor Imigrasi Sukamaju", "AGENCY", {}),
            ("pada 2027", "DATE", {"value": "2027"}),
        ],
    )
    (a,) = [x for x in find_actions(doc) if x["type"] == "document_refusal"]
    assert a["date"] is not None and a["date"]["value"] == "2024-06-03"


def test_the_day_a_statement_was_made_does_not_split_an_act(blank: Language) -> None:
    text = (
        "Pencegahan TPPO. Kantor Imigrasi Sukamaju menunda keberangkatan 30 warga sepanjang Mei 2024.\n"
        '"Kami sudah menunda keberangkatan 30 warga," kata Budi Santoso, Senin (3/6/2024).'
    )
    doc = _doc(
        blank,
        text,
        [
            ("Kantor Imigrasi Sukamaju", "AGENCY", {}),
            ("sepanjang Mei 2024", "DATE", {"value": "2024-05"}),
            ("Senin (3/6/2024)", "DATE", {"value": "2024-06-03"}),
        ],
    )
    q0 = text.index("Kami")
    cue = text.index(" kata ") + 1  # the speech verb, not the "kata" inside "keberangkatan"
    doc._.quotes = [
        {"start": q0, "end": text.index(',"'), "direct": True, "cue": {"start": cue, "end": cue + 4}, "speaker": None}
    ]
    acts = [x for x in find_actions(doc) if x["type"] == "departure_prevention"]
    assert len(acts) == 1 and acts[0]["date"] is not None and acts[0]["date"]["value"] == "2024-05"


def test_a_period_of_the_next_episode_is_not_borrowed(blank: Language) -> None:
    text = (
        "Sukamaju, Senin (3/6/2024) - Pencegahan TPPO terus berjalan.\n"
        "Dinas Sosial Sukamaju memulangkan 12 korban ke daerah asal. "
        "Pada Januari 2024, Kantor Imigrasi Sukamaju menunda keberangkatan 30 warga."
    )
    doc = _doc(
        blank,
        text,
        [
            ("Senin (3/6/2024)", "DATE", {"value": "2024-06-03"}),
            ("Dinas Sosial Sukamaju", "AGENCY", {}),
            ("Januari 2024", "DATE", {"value": "2024-01"}),
            ("Kantor Imigrasi Sukamaju", "AGENCY", {}),
        ],
    )
    (a,) = [x for x in find_actions(doc) if x["type"] == "victim_assistance"]
    assert a["date"] is not None and a["date"]["value"] == "2024-06-03"


@pytest.mark.parametrize(
    ("sentence", "trigger", "count"),
    [
        # bodies and things counted in enforcement and licensing
        ("Dinas itu mencabut izin 4 perusahaan penempatan pekerja migran.", "mencabut izin", 4),
        ("Polisi mengungkap 9 jaringan perekrut di pelabuhan.", "mengungkap", 9),
        # ke- before a counted noun gathers all of them; "-nya" stands alone for them
        ("Petugas memeriksa ketiga WNI tersebut di bandara.", "memeriksa", 3),
        ("Polisi memeriksa keenamnya di kantor polisi.", "memeriksa", 6),
        # the object's count may come well after the verb, in the same clause
        (
            "Polisi menyita tiket kapal penumpang dan sejumlah kartu identitas palsu milik 23 orang calon pekerja.",
            "menyita",
            23,
        ),
        # after the noun, ke- is an ordinal and counts nothing
        ("Petugas memeriksa dokumen tahap kedua di bandara.", "memeriksa", None),
    ],
)
def test_count_units_and_collectives(sentence: str, trigger: str, count: int | None) -> None:
    a = sentence.index(trigger)
    assert find_count(sentence, sentence=(0, len(sentence)), trigger=(a, a + len(trigger))) == count


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Kegiatan ini dihadiri oleh kepala desa, tokoh agama, dan 85 warga.", 85),
        ("Acara tersebut diikuti oleh perangkat desa serta sekitar 30 pemuda.", 30),
        ("Peserta yang hadir ada 45 orang dari berbagai dinas.", 45),
        ("Jumlah peserta kegiatan ini mencapai 120 orang.", 120),
        ("Kegiatan ini dihadiri oleh kepala desa dan tokoh agama.", None),
    ],
)
def test_turnout_in_lists_of_those_present(sentence: str, count: int | None) -> None:
    assert attendance_count(sentence, sentence=(0, len(sentence))) == count


def test_turnout_in_the_next_paragraph_is_the_count(blank: Language) -> None:
    text = (
        "Pencegahan TPPO. Imigrasi Ende menggelar sosialisasi di aula desa.\n"
        "Kegiatan ini dihadiri oleh kepala desa, tokoh masyarakat, dan 64 warga."
    )
    doc = _doc(blank, text, [("Imigrasi Ende", "AGENCY", {})])
    (a,) = [x for x in find_actions(doc) if x["type"] == "awareness"]
    assert a["count"] == 64


@pytest.mark.parametrize(
    ("words", "value"),
    [("tiga", 3), ("sebelas", 11), ("dua belas", 12), ("dua puluh lima", 25), ("seratus", 100), ("se", None)],
)
def test_count_words_come_from_the_calendar(words: str, value: int | None) -> None:
    from tppo_extract.components.actions import parse_number

    assert parse_number(words) == value


def test_a_place_pointing_back_takes_the_place_named_before(blank: Language) -> None:
    text = (
        "Pencegahan TPPO. Polisi menggerebek sebuah rumah di Desa Sukamaju.\n"
        "Dari lokasi itu, petugas menyelamatkan 14 calon PMI yang akan berangkat melalui Pelabuhan Bahari."
    )
    doc = _doc(
        blank,
        text,
        [
            ("Desa Sukamaju", "PLACE", {"level": "village", "country_code": "ID"}),
            ("Pelabuhan Bahari", "PLACE", {"level": "site", "country_code": "ID"}),
        ],
    )
    (a,) = [x for x in find_actions(doc) if x["type"] == "victim_assistance"]
    assert _text(doc, a["locations"][0]) == "Desa Sukamaju"


def test_action_ids_are_stable_and_distinct(blank: Language) -> None:
    text = "Pencegahan TPPO. Imigrasi Ende menggelar sosialisasi dan menunda keberangkatan 9 warga."
    first = find_actions(_doc(blank, text, [("Imigrasi Ende", "AGENCY", {})]))
    again = find_actions(_doc(blank, text, [("Imigrasi Ende", "AGENCY", {})]))
    ids = [a["id"] for a in first]
    assert ids == [a["id"] for a in again]  # the same text gives the same ids
    assert len(set(ids)) == len(ids) == 2 and all(i.startswith("act_") and len(i) == 20 for i in ids)
    other = find_actions(_doc(blank, text + " ", [("Imigrasi Ende", "AGENCY", {})]))
    assert not set(ids) & {a["id"] for a in other}  # another text, other ids


@pytest.mark.parametrize(
    ("text", "ents", "kind", "location"),
    [
        # the venue its paragraph names is the most specific place of a meeting
        (
            "Pencegahan TPPO. Dinas Sosial menggelar rapat koordinasi pada Senin. Acara bertempat di Aula "
            "Kantor Desa Sukamaju.",
            [("Aula Kantor Desa Sukamaju", "PLACE", {"level": "site", "country_code": "ID"})],
            "coordination",
            "Aula Kantor Desa Sukamaju",
        ),
        # a site named as the route of a plan is no venue
        (
            "Pencegahan TPPO. Dinas Sosial menggelar sosialisasi di Kota Bahari. Warga kerap berangkat melalui "
            "Pelabuhan Bahari.",
            [
                ("Kota Bahari", "PLACE", {"level": "regency", "country_code": "ID"}),
                ("Pelabuhan Bahari", "PLACE", {"level": "site", "country_code": "ID"}),
            ],
            "awareness",
            "Kota Bahari",
        ),
        # travellers checked "di Karimun" are checked at Karimun's port, which the article names
        (
            "Pencegahan TPPO. Imigrasi menunda keberangkatan 12 warga di Sukamaju.\n"
            "Sejak Januari, petugas berjaga di Pelabuhan Internasional Sukamaju.",
            [
                ("Sukamaju", "PLACE", {"level": "regency", "country_code": "ID"}),
                ("Pelabuhan Internasional Sukamaju", "PLACE", {"level": "site", "country_code": "ID"}),
            ],
            "departure_prevention",
            "Pelabuhan Internasional Sukamaju",
        ),
    ],
)
def test_venues_and_crossing_points(
    blank: Language, text: str, ents: Sequence[tuple[str, str, dict[str, object]]], kind: str, location: str
) -> None:
    doc = _doc(blank, text, ents)
    (a,) = [x for x in find_actions(doc) if x["type"] == kind]
    assert _text(doc, a["locations"][0]) == location


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # the agent of a passive may follow the verb with no "oleh"
        ("Pencegahan TPPO. Pemkab Sukamaju menyambut baik. Kasus itu berhasil diungkap Polres Bahari.", "Polres Bahari"),
        ("Pencegahan TPPO. Dinas Sosial hadir. Keberangkatan 9 warga dicegah Imigrasi Sukamaju.", "Imigrasi Sukamaju"),
    ],
)
def test_the_agent_of_a_passive_without_oleh(blank: Language, text: str, actor: str) -> None:
    agencies = [("Pemkab Sukamaju", "AGENCY", {}), ("Dinas Sosial", "AGENCY", {}), (actor, "AGENCY", {})]
    doc = _doc(blank, text, [a for a in agencies if a[0] in text])
    acts = [x for x in find_actions(doc) if x["type"] in ("enforcement", "departure_prevention")]
    assert acts and _text(doc, acts[0]["actors"][0]) == actor


def test_without_a_day_of_report_the_period_stated_earlier_dates_the_act(blank: Language) -> None:
    text = (
        "Sepanjang 2024, kantor itu sibuk.\nPencegahan TPPO terus berjalan di Sukamaju.\n"
        "Kantor Imigrasi Sukamaju menolak 40 permohonan paspor."
    )
    doc = _doc(
        blank, text, [("Sepanjang 2024", "DATE", {"value": "2024"}), ("Kantor Imigrasi Sukamaju", "AGENCY", {})]
    )
    (a,) = [x for x in find_actions(doc) if x["type"] == "document_refusal"]
    assert a["date"] is not None and a["date"]["value"] == "2024"


def test_the_next_sentence_about_one_act_joins_its_record_and_evidence(blank: Language) -> None:
    text = (
        "Pencegahan TPPO terus berjalan.\nImigrasi Sukamaju menggelar sosialisasi di balai desa.\n"
        "Sosialisasi berlangsung hingga sore hari."
    )
    doc = _doc(blank, text, [("Imigrasi Sukamaju", "AGENCY", {})])
    acts = [x for x in find_actions(doc) if x["type"] == "awareness"]
    assert len(acts) == 1
    evidence = _text(doc, acts[0]["evidence"])
    assert evidence is not None and evidence.startswith("Imigrasi Sukamaju") and evidence.endswith("sore hari.")


def test_with_no_place_the_act_takes_place_where_the_acting_office_sits(blank: Language) -> None:
    text = "Pencegahan TPPO. Kantor Imigrasi Kelas I TPI Tanjungpinang menolak 40 permohonan paspor."
    doc = _doc(blank, text, [("Kantor Imigrasi Kelas I TPI Tanjungpinang", "AGENCY", {"region_code": "21.72"})])
    (a,) = [x for x in find_actions(doc) if x["type"] == "document_refusal"]
    assert _text(doc, a["locations"][0]) == "Tanjungpinang"


def test_an_office_whose_name_gives_no_region_lends_no_place(blank: Language) -> None:
    text = "Pencegahan TPPO. Direktorat Jenderal Imigrasi menolak 40 permohonan paspor."
    doc = _doc(blank, text, [("Direktorat Jenderal Imigrasi", "AGENCY", {})])
    (a,) = [x for x in find_actions(doc) if x["type"] == "document_refusal"]
    assert a["locations"] == []


def test_the_day_of_a_statement_is_not_the_date_of_the_act_it_reports(blank: Language) -> None:
    text = (
        "Sukamaju, Sabtu (4/5/2024) - Pencegahan TPPO terus berjalan.\n"
        '"Petugas melakukan pemeriksaan terhadap 6 WNI di bandara," kata Budi Santoso, Selasa (7/5/2024).'
    )
    doc = _doc(
        blank,
        text,
        [("Sabtu (4/5/2024)", "DATE", {"value": "2024-05-04"}), ("Selasa (7/5/2024)", "DATE", {"value": "2024-05-07"})],
    )
    q0, cue = text.index("Petugas"), text.index(" kata ") + 1
    doc._.quotes = [
        {"start": q0, "end": text.index(',"'), "direct": True, "cue": {"start": cue, "end": cue + 4}, "speaker": None}
    ]
    (a,) = [x for x in find_actions(doc) if x["type"] == "screening"]
    assert a["date"] is not None and a["date"]["value"] == "2024-05-04"


@pytest.mark.parametrize(
    ("text", "ents", "kind", "location"),
    [
        # the places people come from are no scene of the act, each member of the list included
        (
            "Pencegahan TPPO. Polres Bahari menyelamatkan 30 korban yang berasal dari Kabupaten Sukamaju, "
            "Kabupaten Jaya, dan Kota Bahari.",
            [
                ("Polres Bahari", "AGENCY", {}),
                ("Kabupaten Sukamaju", "PLACE", {"level": "regency", "country_code": "ID"}),
                ("Kabupaten Jaya", "PLACE", {"level": "regency", "country_code": "ID"}),
                ("Kota Bahari", "PLACE", {"level": "regency", "country_code": "ID"}),
            ],
            "victim_assistance",
            None,
        ),
        (
            "Pencegahan TPPO. Penyuluhan digelar di Desa Sukamaju bagi calon pekerja asal Kabupaten Jaya.",
            [
                ("Desa Sukamaju", "PLACE", {"level": "village", "country_code": "ID"}),
                ("Kabupaten Jaya", "PLACE", {"level": "regency", "country_code": "ID"}),
            ],
            "awareness",
            "Desa Sukamaju",
        ),
        # a venue named in a later sentence that points back at the act ("Kegiatan ... ini", "Pada X tersebut")
        (
            "Pencegahan TPPO. Imigrasi Sukamaju menggelar rapat koordinasi di Kecamatan Jaya.\n"
            "Kegiatan yang dipusatkan di Aula Kantor Desa Bahari ini dihadiri 40 orang.",
            [
                ("Imigrasi Sukamaju", "AGENCY", {}),
                ("Kecamatan Jaya", "PLACE", {"level": "district", "country_code": "ID"}),
                ("Aula Kantor Desa Bahari", "PLACE", {"level": "site", "country_code": "ID"}),
            ],
            "coordination",
            "Aula Kantor Desa Bahari",
        ),
        (
            "Pencegahan TPPO. Dinas Sosial Sukamaju ambil bagian dalam penandatanganan nota kesepahaman di Kota "
            "Jaya.\nPemkab hadir lengkap.\nPada penandatanganan tersebut, bupati hadir di Gedung Graha Bahari.",
            [
                ("Dinas Sosial Sukamaju", "AGENCY", {}),
                ("Kota Jaya", "PLACE", {"level": "regency", "country_code": "ID"}),
                ("Gedung Graha Bahari", "PLACE", {"level": "site", "country_code": "ID"}),
            ],
            "agreement",
            "Gedung Graha Bahari",
        ),
        # a unit named after its checkpoint ("TPI X") stands for the crossing point where travellers are checked
        (
            "Pencegahan TPPO. Data perlintasan TPI Bahari mencatat lonjakan.\n\"Kami menunda keberangkatan 22 "
            "calon pekerja,\" ujarnya.",
            [("TPI Bahari", "AGENCY", {})],
            "departure_prevention",
            "TPI Bahari",
        ),
    ],
)
def test_origins_venues_pointed_back_at_and_checkpoints(
    blank: Language, text: str, ents: Sequence[tuple[str, str, dict[str, object]]], kind: str, location: str | None
) -> None:
    doc = _doc(blank, text, ents)
    (a,) = [x for x in find_actions(doc) if x["type"] == kind]
    assert (_text(doc, a["locations"][0]) if a["locations"] else None) == location


def test_the_seat_its_name_gives_beats_the_province_in_apposition(blank: Language) -> None:
    text = "Pencegahan TPPO. Kantor Imigrasi Kota Tanjungpinang, Kepulauan Riau, menolak 40 permohonan paspor."
    doc = _doc(
        blank,
        text,
        [
            ("Kantor Imigrasi Kota Tanjungpinang", "AGENCY", {"region_code": "21.72"}),
            ("Kepulauan Riau", "PLACE", {"level": "province", "country_code": "ID"}),
        ],
    )
    (a,) = [x for x in find_actions(doc) if x["type"] == "document_refusal"]
    assert [_text(doc, x) for x in a["locations"]] == ["Kota Tanjungpinang", "Kepulauan Riau"]


@pytest.mark.parametrize(
    ("second", "count"),
    [
        # a restatement's count completes a record that had none
        ("\"Januari hingga Juni total ada 120 orang kami lakukan penundaan keberangkatan,\" katanya.", 120),
        ("Penundaan keberangkatan itu menimpa 75 warga selama semester pertama.", 75),
        # a count of a part of them does not
        ("\"Penundaan keberangkatan itu termasuk 20 WNA,\" katanya.", None),
        ("Dari penundaan keberangkatan itu, 12 di antaranya anak-anak.", None),
    ],
)
def test_a_restatement_gives_its_count_to_a_record_without_one(blank: Language, second: str, count: int | None) -> None:
    text = (
        "Pencegahan TPPO. Kantor Imigrasi Bahari menunda keberangkatan ratusan warga.\n"
        "Warga diminta mengurus dokumen dengan jujur.\n" + second
    )
    doc = _doc(blank, text, [("Kantor Imigrasi Bahari", "AGENCY", {})])
    acts = find_actions(doc)
    assert [(a["type"], a["count"]) for a in acts] == [("departure_prevention", count)]


@pytest.mark.parametrize(
    ("later", "count"),
    [
        ("Peserta yang hadir ada 45 orang dari berbagai dinas.", 45),
        ("Kegiatan yang dimulai pukul 10.00 WIB ini dihadiri oleh kepala desa, perangkat desa, dan sekitar 20 warga.", 20),
        # a sentence that does not point back at the occasion gives it no turnout
        ("Sebelumnya, 300 warga desa itu bekerja di Malaysia.", None),
    ],
)
def test_a_turnout_reported_far_on_is_the_occasions_count(blank: Language, later: str, count: int | None) -> None:
    text = (
        "Pencegahan TPPO. Dinas Sosial Bahari menggelar rapat koordinasi di balai kota.\n"
        "Wakil bupati membuka rapat dengan sambutan.\n"
        "Ia berpesan agar warga waspada.\n"
        "Para camat menyampaikan laporan wilayah masing-masing.\n"
        "Menurut dia, kasus di daerah itu menurun.\n" + later
    )
    doc = _doc(blank, text, [("Dinas Sosial Bahari", "AGENCY", {})])
    (a,) = [x for x in find_actions(doc) if x["type"] == "coordination"]
    assert a["count"] == count


def test_an_occasion_takes_its_day_not_the_year_that_frames_it(blank: Language) -> None:
    text = (
        "Pencegahan TPPO. Dinas Sosial Bahari menggelar rapat koordinasi gugus tugas tahun 2024 di aula pada "
        "Kamis, 18 Juli 2024."
    )
    ents = [
        ("Dinas Sosial Bahari", "AGENCY", {}),
        ("tahun 2024", "DATE", {"value": "2024"}),
        ("Kamis, 18 Juli 2024", "DATE", {"value": "2024-07-18"}),
    ]
    (a,) = [x for x in find_actions(_doc(blank, text, ents)) if x["type"] == "coordination"]
    assert a["date"] is not None and a["date"]["value"] == "2024-07-18"


@pytest.mark.parametrize(
    ("act", "kind", "value"),
    [
        # a step of a tally told over a period stated just before belongs to that period
        ("Indikasi itu diketahui saat dilakukan wawancara mendalam oleh petugas.", "screening", "2023"),
        ("Sebagian lagi ditunda keberangkatannya di pelabuhan.", "departure_prevention", "2023"),
        # an occasion is held on a day: it keeps the day of report
        ("Petugas juga menggelar sosialisasi bagi warga.", "awareness", "2023-07-14"),
    ],
)
def test_a_step_of_a_tally_takes_the_period_stated_before_it(
    blank: Language, act: str, kind: str, value: str
) -> None:
    text = (
        "Sukamaju, Jumat (14/7/2023) - Kantor Imigrasi Sukamaju menolak 43 permohonan paspor terkait TPPO.\n"
        "Permohonan itu diajukan warga selama periode Januari-Juni 2023.\n"
        "Permohonan ditolak karena ada indikasi bekerja secara nonprosedural.\n" + act
    )
    ents = [
        ("Jumat (14/7/2023)", "DATE", {"value": "2023-07-14"}),
        ("Kantor Imigrasi Sukamaju", "AGENCY", {}),
        ("periode Januari-Juni 2023", "DATE", {"value": "2023"}),
    ]
    acts = [x for x in find_actions(_doc(blank, text, ents)) if x["type"] == kind]
    assert acts and acts[0]["date"] is not None and acts[0]["date"]["value"] == value


def test_a_period_named_for_comparison_is_not_the_tallys(blank: Language) -> None:
    text = (
        "Sukamaju, Jumat (14/7/2023) - Kantor Imigrasi Sukamaju menolak 43 permohonan paspor terkait TPPO.\n"
        "Jumlah itu naik dibanding periode yang sama tahun 2022.\n"
        "Petugas juga menunda penerbitan paspor bagi 12 pemohon lain."
    )
    ents = [
        ("Jumat (14/7/2023)", "DATE", {"value": "2023-07-14"}),
        ("Kantor Imigrasi Sukamaju", "AGENCY", {}),
        ("tahun 2022", "DATE", {"value": "2022"}),
    ]
    acts = [x for x in find_actions(_doc(blank, text, ents)) if x["type"] == "document_refusal"]
    assert [a["date"]["value"] if a["date"] else None for a in acts] == ["2023-07-14", "2023-07-14"]


@pytest.mark.parametrize(
    "second",
    [
        # taking part in an occasion refers to it
        "Dinas Sosial Bahari membuka sosialisasi dengan sambutan singkat.",
        "Dinas Sosial Bahari turut hadir dalam sosialisasi bersama para camat.",
        # an act of the same type told inside the occasion just reported is that occasion's act
        "Dalam kegiatan ini, Dinas Sosial Bahari juga memberikan edukasi tentang modus perekrutan.",
    ],
)
def test_references_to_an_occasion_join_its_record(blank: Language, second: str) -> None:
    text = (
        "Pencegahan TPPO. Imigrasi Sukamaju menggelar sosialisasi di SMKN 7 Sukamaju.\n"
        "Ratusan siswa menyimak dengan antusias.\n" + second
    )
    ents = [("Imigrasi Sukamaju", "AGENCY", {}), ("Dinas Sosial Bahari", "AGENCY", {})]
    doc = _doc(blank, text, [e for e in ents if e[0] in text])
    acts = [x for x in find_actions(doc) if x["type"] == "awareness"]
    assert len(acts) == 1 and _text(doc, acts[0]["actors"][0]) == "Imigrasi Sukamaju"


def test_a_fronted_object_pointing_back_joins_the_act(blank: Language) -> None:
    text = (
        "Pencegahan TPPO. Kantor Imigrasi Sukamaju menolak 43 permohonan paspor.\n"
        "Warga diminta jujur.\n"
        "Dinas Sosial Bahari menyebut permohonan paspor itu ditolak karena dokumen palsu."
    )
    ents = [("Kantor Imigrasi Sukamaju", "AGENCY", {}), ("Dinas Sosial Bahari", "AGENCY", {})]
    acts = find_actions(_doc(blank, text, ents))
    assert [(a["type"], a["count"]) for a in acts] == [("document_refusal", 43)]


def test_taking_part_in_an_occasion_not_reported_before_still_reports_it(blank: Language) -> None:
    text = "Pencegahan TPPO. Bupati Sukamaju membuka pelatihan bagi 40 kepala desa di pendopo."
    acts = find_actions(_doc(blank, text))
    assert [(a["type"], a["count"]) for a in acts] == [("training", 40)]


def test_checks_of_passport_applicants_happen_at_the_office_not_the_crossing(blank: Language) -> None:
    text = (
        "Pencegahan TPPO. Warga antre di Pelabuhan Bahari sejak pagi.\n"
        "Kantor Imigrasi Kelas I TPI Tanjungpinang melakukan pengetatan penerbitan paspor bagi warga."
    )
    ents = [
        ("Pelabuhan Bahari", "PLACE", {"level": "site", "country_code": "ID"}),
        ("Kantor Imigrasi Kelas I TPI Tanjungpinang", "AGENCY", {"region_code": "21.72"}),
    ]
    (a,) = [x for x in find_actions(_doc(blank, text, ents)) if x["type"] == "screening"]
    doc = _doc(blank, text, ents)
    assert [_text(doc, x) for x in a["locations"]] == ["Tanjungpinang"]


def test_a_turnout_goes_to_the_occasion_named_last_even_inside_a_long_quote(blank: Language) -> None:
    text = (
        "Pencegahan TPPO. Dinas Sosial Bahari menggelar rapat koordinasi gugus tugas di balai kota.\n"
        "Rapat ini menindaklanjuti keputusan bupati tentang pembentukan gugus tugas di tingkat desa.\n"
        "\u201cTujuan rakor ini adalah mengevaluasi rencana aksi daerah. Peserta yang hadir ada 45 orang dari "
        "berbagai dinas,\u201d ujar ketua panitia."
    )
    doc = _doc(blank, text, [("Dinas Sosial Bahari", "AGENCY", {})])
    acts = {x["type"]: x for x in find_actions(doc)}
    assert acts["coordination"]["count"] == 45
    assert acts.get("task_force", {"count": None})["count"] is None

"""The trigger lexicon over sentences the team wrote: each type, active and passive, nouns and verbs."""

from __future__ import annotations

import pytest

from tppo_extract.components.actions import candidate_rules, find_triggers


@pytest.mark.parametrize(
    ("sentence", "type_", "trigger"),
    [
        # coordination
        ("Kedua dinas menjalin kerja sama dalam pendataan pekerja migran.", "coordination", "menjalin kerja sama"),
        ("Kerja sama itu telah dijalin sejak awal tahun.", "coordination", "Kerja sama itu telah dijalin"),
        ("Camat menggelar rapat bersama kepala desa.", "coordination", "menggelar rapat"),
        ("Polisi dan imigrasi mengadakan rapat gabungan di aula.", "coordination", "rapat gabungan"),
        # awareness
        ("Kapolres mengingatkan warga agar waspada terhadap tawaran kerja.", "awareness", "mengingatkan warga"),
        ("Para pelajar diingatkan soal bahaya bekerja tanpa prosedur.", "awareness", "diingatkan"),
        ("Kampus itu menggelar seminar tentang migrasi aman.", "awareness", "seminar"),
        # community programmes
        ("Dinas membuka posko pengaduan bagi keluarga pekerja migran.", "community_program", "membuka posko"),
        ("Pemkab meluncurkan program desa peduli migran.", "community_program", "meluncurkan program"),
        # screening
        ("Petugas melakukan pengecekan dokumen seluruh penumpang kapal.", "screening", "pengecekan dokumen"),
        ("Setiap paspor dicek ulang oleh petugas.", "screening", "paspor dicek"),
        # supervising departures or crossings checks travellers; tightening passport issuance checks applicants
        ("Imigrasi meningkatkan pengawasan keberangkatan penumpang di pelabuhan.", "screening", "pengawasan keberangkatan"),
        ("Petugas mengawasi ketat perlintasan di pos batas.", "screening", "mengawasi ketat perlintasan"),
        ("Kantor itu melakukan pengetatan penerbitan paspor bagi warga.", "screening", "pengetatan penerbitan paspor"),
        ("Penerbitan paspor diperketat sejak Januari.", "screening", "Penerbitan paspor diperketat"),
        # document refusal, with common misspellings of "paspor"
        ("Kantor itu menolak 30 pengajuan pasport.", "document_refusal", "menolak 30 pengajuan"),
        ("Permohonan passport mereka ditolak petugas.", "document_refusal", "Permohonan passport mereka ditolak"),
        # enforcement
        ("Dinas mencabut izin dua perusahaan penyalur.", "enforcement", "mencabut izin"),
        ("Izin perusahaan itu dicabut pemerintah.", "enforcement", "Izin perusahaan itu dicabut"),
        ("Polisi akan menindak tegas jaringan perekrut ilegal.", "enforcement", "menindak tegas jaringan"),
        ("Kasus itu berhasil diungkap polisi pekan lalu.", "enforcement", "Kasus itu berhasil diungkap"),
        ("Petugas menggerebek rumah penampungan calon pekerja.", "enforcement", "menggerebek"),
        # ber-/pe- drop their r before a first syllable in -er: "bekerja sama", "pekerjaan"
        ("Satgas bekerja sama dengan dinas sosial di pelabuhan.", "coordination", "bekerja sama dengan"),
        # victim assistance
        ("Tim gabungan menyelamatkan 15 perempuan dari penampungan.", "victim_assistance", "menyelamatkan 15 perempuan"),
        ("Pekerja sosial mendampingi korban selama pemeriksaan.", "victim_assistance", "mendampingi"),
        ("Anak-anak di bawah umur itu mendapat pendampingan psikolog.", "victim_assistance", "pendampingan"),
        ("Jaksa menyerahkan restitusi kepada keluarga korban.", "victim_assistance", "menyerahkan restitusi"),
        ("Dinas memberikan santunan kepada ahli waris.", "victim_assistance", "memberikan santunan"),
        ("Acara ditutup dengan penyerahan santunan bagi korban.", "victim_assistance", "penyerahan santunan"),
    ],
)
def test_trigger_families(sentence: str, type_: str, trigger: str) -> None:
    found = find_triggers(sentence)
    assert [(t.type, sentence[t.start : t.end]) for t in found][:1] == [(type_, trigger)]
    assert find_triggers(sentence, rules=candidate_rules([sentence])) == found


@pytest.mark.parametrize(
    "sentence",
    [
        # speech verbs of the same root are not acts: "ungkapnya", "diungkapkan"
        ('"Kami terus memerangi praktik ilegal," ungkapnya.'),
        ("Kasus itu diungkapkan Kapolres dalam jumpa pers."),
        # a ticket home is not repatriation, a reminder note is not a campaign
        ("Ia lupa membawa tiket kepulangan."),
        # ter- is stative: what is (not) known, not that anyone watched
        ("Satu orang lainnya tak terpantau keberadaannya."),
        # mentoring villages or officials is no help for victims
        ("Setiap desa mendapat pendampingan dari petugas pembina."),
        ("Petugas mendampingi perangkat desa menyusun rencana kerja."),
    ],
)
def test_not_triggers_of_these_families(sentence: str) -> None:
    found = find_triggers(sentence)
    assert all(t.type not in ("enforcement", "victim_assistance", "awareness", "monitoring") for t in found), found


def test_a_gap_does_not_cross_a_conjunction_of_two_acts() -> None:
    sentence = "Keberangkatan 20 warga ditunda serta penolakan pemberian paspor bagi 9 pemohon."
    found = [(t.type, sentence[t.start : t.end]) for t in find_triggers(sentence)]
    assert ("document_refusal", "penolakan pemberian paspor") in found
    assert not any("serta" in phrase for _, phrase in found)


def _table_sentences() -> list[str]:
    """Every sentence of this module's tables."""
    out: list[str] = []
    for obj in list(globals().values()):
        for mark in getattr(obj, "pytestmark", []):
            if mark.name == "parametrize":
                for row in mark.args[1]:
                    values = row.values if hasattr(row, "values") else (row if isinstance(row, tuple) else (row,))
                    out.extend(v for v in values if isinstance(v, str) and " " in v)
    return out


def test_a_sentences_candidate_rules_find_what_every_rule_finds() -> None:
    from tppo_extract.components.actions.candidates import rule_index
    from tppo_extract.components.actions.rules import compiled_rules

    index = rule_index(compiled_rules())
    sentences = _table_sentences()
    assert len(sentences) > 50
    texts = sentences + [s.upper() for s in sentences] + [f"{a} {b}" for a, b in zip(sentences, sentences[1:], strict=False)]
    picked = [find_triggers(t, rules=index.for_sentence(t)) for t in texts]
    assert picked == [find_triggers(t) for t in texts]
    assert sum(map(len, picked)) > len(sentences)
    # the rules whose first words the pattern does not show are asked word by word, not tried everywhere
    assert index.always == frozenset()
    assert len(index.for_sentence("Petugas memeriksa kapal di pelabuhan.") or ()) < len(compiled_rules()) // 10

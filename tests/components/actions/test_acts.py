"""The act/non-act decision: sentences the team wrote for each class of statement that reports no act."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from tppo_extract.components.actions.acts import non_act_reason


def _reason(sentence: str, trigger: str) -> str | None:
    a = sentence.index(trigger)
    return non_act_reason(sentence, sentence=(0, len(sentence)), trigger=(a, a + len(trigger)))


@pytest.mark.parametrize(
    ("sentence", "trigger", "reason"),
    [
        # a modal, a need or a wish governs every verb chained in its clause
        ("Pemerintah harus hadir dan bekerja keras mencegah sekaligus memulangkan korban.", "memulangkan", "modal"),
        ("Pencegahan TPPO membutuhkan sinergi semua pihak di daerah.", "sinergi", "modal"),
        ("Kami berharap dinas terkait ikut menggelar sosialisasi di sekolah.", "sosialisasi", "modal"),
        ("Setiap kantor wajib melakukan pemeriksaan terhadap pemohon paspor.", "pemeriksaan", "modal"),
        ("Desa-desa itu diharapkan segera membentuk satgas di tingkat desa.", "membentuk satgas", "modal"),
        # what a body or a programme is for
        ("Petugas pembina desa bertugas memberikan penyuluhan kepada warga.", "penyuluhan", "role"),
        ("Perangkat desa berperan mendampingi keluarga pekerja migran.", "mendampingi", "role"),
        ("Kader desa menjadi garda terdepan dalam mendampingi calon pekerja.", "mendampingi", "role"),
        # a role governs its whole list of duties
        ("Petugas itu bertugas memberikan penyuluhan, edukasi, dan koordinasi dengan desa.", "koordinasi", "role"),
        # what a body does as a rule
        ("Kami juga rutin melakukan pengawasan di pelabuhan.", "pengawasan", "habitual"),
        ("Petugas senantiasa berkoordinasi dengan kepolisian.", "berkoordinasi", "habitual"),
        # an activity noun as the subject of an evaluation
        ("Pengawasan terhadap keberangkatan warga ke luar negeri harus diperketat.", "Pengawasan", "predicate"),
        ("Upaya kantor itu dalam mengawasi perbatasan dinilai berhasil.", "mengawasi", "predicate"),
        ("Sosialisasi di sekolah penting bagi pelajar.", "Sosialisasi", "copula"),
        # conditions, appeals, procedures
        ("Jika terbukti, petugas menunda keberangkatan pemohon.", "menunda keberangkatan", "condition"),
        ("Imigrasi mengimbau warga agar melakukan pengecekan dokumen.", "pengecekan", "advice"),
        ("Warga diberi tahu tata cara pemeriksaan dokumen di bandara.", "pemeriksaan", "procedure"),
        # the frame of what the sentence goes on to report
        ("Sebagai bentuk pengawasan, petugas akan memeriksa setiap penumpang.", "pengawasan", "procedure"),
        ("Sebagai wujud sinergi, kedua kantor bertukar data pemohon.", "sinergi", "procedure"),
        # an importance noun governs its whole list; strengthening a practice is a purpose
        ("Bupati menekankan pentingnya respons cepat, kerja lintas dinas, dan edukasi warga.", "edukasi", "importance"),
        ("Forum itu digelar untuk mempererat sinergi antarinstansi di daerah.", "sinergi", "purpose"),
        ("Program ini hadir untuk mendekatkan layanan, meningkatkan edukasi hukum warga.", "edukasi", "purpose"),
        # a condition with no plan in its main clause
        ("Jika ditemukan pelanggaran, petugas menunda keberangkatan pemohon.", "menunda keberangkatan", "condition"),
        # what a tool, a programme or a measure can do
        ("Aplikasi itu dapat membantu petugas melakukan pemeriksaan dokumen.", "pemeriksaan", "ability"),
        ("Sistem baru ini mampu mempercepat penolakan permohonan palsu.", "penolakan permohonan", "ability"),
        ("Program desa binaan dapat mencegah warga berangkat tanpa prosedur.", "Program desa binaan", "ability"),
        # the legal basis: a rule cited, or an act named in its title
        ("Langkah itu mengacu pada Peraturan Presiden tentang pembentukan gugus tugas.", "pembentukan gugus tugas",
         "legal_basis"),
        ("Dasar hukumnya adalah peraturan bupati tentang migrasi aman.", "peraturan bupati", "legal_basis"),
        ("Petugas bekerja berdasarkan Surat Edaran Nomor 3 Tahun 2024 tentang pengetatan pemeriksaan.",
         "pengetatan pemeriksaan", "legal_basis"),
    ],
)
def test_statements_that_report_no_act(sentence: str, trigger: str, reason: str) -> None:
    assert _reason(sentence, trigger) == reason


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        # reported acts, active and passive, with and without a count
        ("Kantor Imigrasi Sukamaju menunda keberangkatan 12 warga pada Senin.", "menunda keberangkatan"),
        ("Sebanyak 40 permohonan paspor ditolak petugas sepanjang 2024.", "ditolak"),
        ("Tim gabungan menggelar sosialisasi di balai desa dan mengedukasi pemuda.", "mengedukasi"),
        # "bertugas di" says where someone works, not what they are for
        ("Polisi yang bertugas di pelabuhan menyita tiket milik 20 calon pekerja.", "menyita"),
        ("Petugas bertugas di bandara itu memeriksa dokumen 30 penumpang.", "memeriksa"),
        # "aktif" as the manner of one occasion's act, far from it, does not make it a habit
        ("Tim yang aktif sejak Januari itu menunda keberangkatan 12 warga pada Senin.", "menunda keberangkatan"),
        # a noun pointing back at an act already reported
        ("Kesepakatan ini diharapkan memperkuat perlindungan warga.", "Kesepakatan"),
        # a modal in another clause does not reach the act
        ("Warga harus waspada, dan petugas telah menunda keberangkatan 9 orang.", "menunda keberangkatan"),
        ("Pemeriksaan terhadap 15 penumpang dilakukan di pelabuhan.", "Pemeriksaan"),
        # a plan in the main clause of a conditional sentence is a planned act
        ("Apabila terbukti, Imigrasi Sukamaju akan berkoordinasi dengan dinas sosial.", "berkoordinasi"),
        ("Bila dokumennya palsu, kata dia, petugas akan menolak permohonan itu.", "menolak permohonan"),
        # a body that "dapat" do something managed it; data or orders as the basis leave the act an act
        ("Petugas dapat menggagalkan keberangkatan 12 warga di pelabuhan.", "menggagalkan"),
        ("Berdasarkan data itu, petugas menunda keberangkatan 12 warga.", "menunda keberangkatan"),
        ("Sesuai arahan kepala kantor, petugas menolak 30 permohonan paspor.", "menolak 30 permohonan"),
        ("Berdasarkan Perpres tentang gugus tugas, bupati membentuk satgas desa.", "membentuk satgas"),
        # issuing a rule is an act, and so is a noun pointing back at an agreement
        ("Bupati menerbitkan peraturan bupati tentang pencegahan TPPO.", "menerbitkan peraturan"),
        ("Kesepakatan ini diharapkan dapat memperkuat perlindungan warga.", "Kesepakatan"),
    ],
)
def test_reported_acts_stay_acts(sentence: str, trigger: str) -> None:
    assert _reason(sentence, trigger) is None


def _parsed(words: list[str], heads: list[int], deps: list[str], agencies: list[tuple[int, int]]) -> Doc:
    import spacy

    doc = Doc(spacy.blank("id").vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, a, b, label="AGENCY") for a, b in agencies]
    return doc


def test_the_parse_names_the_subject_past_a_fronted_phrase() -> None:
    from tppo_extract.components.actions.arguments import DocEntities, parse_actor

    # "Atas permintaan Polres Bahari , Imigrasi Sukamaju menunda keberangkatan 9 warga ."
    words = "Atas permintaan Polres Bahari , Imigrasi Sukamaju menunda keberangkatan 9 warga .".split()
    heads = [1, 7, 1, 2, 7, 7, 5, 7, 7, 10, 8, 7]
    deps = ["case", "obl", "nmod", "flat:name", "punct", "nsubj", "flat:name", "ROOT", "obj", "nummod", "nmod", "punct"]
    doc = _parsed(words, heads, deps, [(2, 4), (5, 7)])
    trig = doc[7:9]
    found = parse_actor(doc, (trig.start_char, trig.end_char), DocEntities(doc).agencies)
    assert found is not None and found.text == "Imigrasi Sukamaju"


def test_the_parse_names_the_agent_of_a_passive() -> None:
    from tppo_extract.components.actions.arguments import DocEntities, parse_actor

    # "Permohonan itu ditolak oleh Imigrasi Sukamaju ."
    words = "Permohonan itu ditolak oleh Imigrasi Sukamaju .".split()
    heads = [2, 0, 2, 4, 2, 4, 2]
    deps = ["nsubj:pass", "det", "ROOT", "case", "obl", "flat:name", "punct"]
    doc = _parsed(words, heads, deps, [(4, 6)])
    trig = doc[2:3]
    found = parse_actor(doc, (trig.start_char, trig.end_char), DocEntities(doc).agencies)
    assert found is not None and found.text == "Imigrasi Sukamaju"


def test_without_a_parse_the_rules_decide() -> None:
    import spacy

    from tppo_extract.components.actions.arguments import DocEntities, parse_actor

    doc = spacy.blank("id")("Permohonan itu ditolak oleh Imigrasi Sukamaju.")
    assert parse_actor(doc, (15, 22), DocEntities(doc).agencies) is None


@pytest.mark.parametrize(
    ("sentence", "manner"),
    [
        # joint work beside another act is how that act was done
        ("Yayasan Peduli Migran bekerja sama dengan polisi menggelar sosialisasi di sekolah.", True),
        ("Dinas menggelar pelatihan melalui kerja sama dengan kampus setempat.", True),
        # joint work alone is a coordination of its own
        ("Imigrasi Sukamaju bekerja sama dengan dinas sosial sejak awal tahun.", False),
        ("Kedua kantor menggelar rapat koordinasi dan membahas pertukaran data.", False),
    ],
)
def test_joint_work_as_the_manner_of_another_act(sentence: str, manner: bool) -> None:
    from tppo_extract.components.actions import find_triggers
    from tppo_extract.components.actions.acts import joint_manner

    found = find_triggers(sentence)
    coordination = [t for t in found if t.type == "coordination"]
    assert coordination
    assert joint_manner(sentence, coordination[0], found) is manner

"""AGENCY entities: lexicon and productive patterns, canonical names and grouping."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tppo_extract.components.agencies import find_agency_mentions, resolve_agencies


def _forms(text: str) -> list[str]:
    return [m.text for m in find_agency_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kantor Imigrasi Kelas I TPI Tanjung Priok menggelar sosialisasi.", ["Kantor Imigrasi Kelas I TPI Tanjung Priok"]),
        ("Petugas Kanim Kelas II Non TPI Karimun pada Senin memeriksa.", ["Kanim Kelas II Non TPI Karimun"]),
        ("Tim dari Kanwil Kemenkumham Sumsel hadir.", ["Kanwil Kemenkumham Sumsel"]),
        ("Divisi Keimigrasian Kemenkumham Lampung telah rapat.", ["Divisi Keimigrasian Kemenkumham Lampung"]),
        ("Kapolda memimpin Polda Kaltim dan Polresta Kupang Kota.", ["Polda Kaltim", "Polresta Kupang Kota"]),
        ("Penyidik Satreskrim Polres Nunukan menangkap pelaku.", ["Satreskrim Polres Nunukan"]),
        ("Pegawai BP3MI Banten mendata korban.", ["BP3MI Banten"]),
        ("Pemprov Lampung bersama Dinas Sosial Kota Metro bekerja.", ["Pemprov Lampung", "Dinas Sosial Kota Metro"]),
        ("Gugus Tugas TPPO Provinsi Jambi dibentuk.", ["Gugus Tugas TPPO Provinsi Jambi"]),
        ("Kemenlu dan IOM serta BP2MI bekerja sama.", ["Kemenlu", "IOM", "BP2MI"]),
        ("Sinergi Tim Pengawasan Orang Asing (Tim Pora) diperkuat.", ["Tim Pengawasan Orang Asing", "Tim Pora"]),
        ("Pejabat Imigrasi Entikong Gelar Razia", ["Imigrasi Entikong"]),
        ("Ia datang ke Desa Binaan Imigrasi di sana.", []),
        ("Seorang petani makan nasi di sawah.", []),
        ("Berita dari ANTARA dan Google News.", []),
    ],
)
def test_mentions(text: str, expected: list[str]) -> None:
    assert _forms(text) == expected


def test_acronym_after_long_form_is_a_second_mention() -> None:
    text = "Balai Pelayanan Pelindungan Pekerja Migran Indonesia (BP3MI) Sulawesi Barat menerima laporan."
    mentions = resolve_agencies(find_agency_mentions(text))
    assert mentions[0].text == "Balai Pelayanan Pelindungan Pekerja Migran Indonesia (BP3MI) Sulawesi Barat"


def test_long_form_then_parenthesised_acronym() -> None:
    text = "Dinas Pemberdayaan Perempuan dan Perlindungan Anak (DPPPA) mengadakan rapat."
    forms = _forms(text)
    assert forms == ["Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DPPPA"]
    mentions = resolve_agencies(find_agency_mentions(text))
    assert mentions[0].canonical == mentions[1].canonical


def test_acronyms_are_case_sensitive() -> None:
    assert _forms("Ia makan di tni dan iom.") == []


def test_short_forms_share_the_canonical_of_the_long_form() -> None:
    text = (
        "Kantor Imigrasi Kelas I TPI Tanjung Perak menunda keberangkatan. "
        "Menurut petugas Imigrasi, Kanim Tanjung Perak terus mengawasi. Imigrasi Tanjung Perak juga hadir."
    )
    mentions = resolve_agencies(find_agency_mentions(text))
    assert {m.canonical for m in mentions} == {"Kantor Imigrasi Kelas I TPI Tanjung Perak"}
    assert len(mentions) == 4
    assert mentions[0].parents[0] == "Direktorat Jenderal Imigrasi"


def test_name_after_unit_is_cut_off() -> None:
    text = "Kepala Kantor Imigrasi Kelas I TPI Jakarta Barat Andi Wijaya mengatakan hal itu."
    assert _forms(text) == ["Kantor Imigrasi Kelas I TPI Jakarta Barat"]


def test_known_agency_carries_id_and_parents() -> None:
    mentions = resolve_agencies(find_agency_mentions("Ditjen Imigrasi mengeluarkan surat."))
    assert mentions[0].agency_id == "ditjenim"
    assert mentions[0].canonical == "Direktorat Jenderal Imigrasi"
    assert mentions[0].parents == ["Kementerian Imigrasi dan Pemasyarakatan"]


def test_pipeline_sets_entities(nlp: Language) -> None:
    doc = nlp("Jakarta (ANTARA) - Kanim Jaktim bersama Polda Metro Jaya menggelar sosialisasi TPPO.")
    ents = [(e.text, e.label_) for e in doc.ents if e.label_ == "AGENCY"]
    assert ("Kanim Jaktim", "AGENCY") in ents
    assert all(e.text != "ANTARA" for e in doc.ents)
    kanim = next(e for e in doc.ents if e.text == "Kanim Jaktim")
    assert kanim._.canonical == "Kantor Imigrasi Jakarta Timur"
    assert kanim._.agency_type == "immigration_office"


def test_headline_unit_stops_after_known_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Disnakertrans Garut Siapkan Pelatihan Kader Desa\n\nDisnakertrans Garut akan melatih kader desa."
    doc = nlp(text)
    agencies = [e.text for e in doc.ents if e.label_ == "AGENCY"]
    assert agencies == ["Disnakertrans Garut", "Disnakertrans Garut"]
    assert {e._.canonical for e in doc.ents if e.label_ == "AGENCY"} == {"Dinas Tenaga Kerja dan Transmigrasi Garut"}


# A person's rank or title and name after a unit: the unit ends where the region in its name ends
# (the gazetteer says so) or at the rank; a region that is part of the office's name stays in it.
@pytest.mark.parametrize(
    ("text", "agency", "person"),
    [
        ("Kabid Humas Polda Jambi Kombes Pol Andi Wijaya menuturkan hal itu.", "Polda Jambi", "Andi Wijaya"),
        ("Kasat Reskrim Polres Garut AKP Joko Susilo memimpin razia.", "Polres Garut", "Joko Susilo"),
        ("Kapolsek Cibeber Iptu Rudi Hartono datang ke lokasi.", None, "Rudi Hartono"),
        ("Kepala Kantor Imigrasi Medan Dr. Rina Wulandari hadir dalam rapat.", "Kantor Imigrasi Medan", "Rina Wulandari"),
        ("Kepala BP3MI Jawa Tengah Budi Santoso membuka acara itu.", "BP3MI Jawa Tengah", "Budi Santoso"),
        ("Kepala Dinas Sosial Kabupaten Garut Budi Santoso hadir.", "Dinas Sosial Kabupaten Garut", "Budi Santoso"),
        ("Ketua Gugus Tugas TPPO Provinsi Jambi Sari Dewi membuka rapat.", "Gugus Tugas TPPO Provinsi Jambi", "Sari Dewi"),
        ("Petugas Polres Bogor Kota memeriksa dokumen warga.", "Polres Bogor Kota", None),
        ("Kantor Imigrasi Jakarta Selatan menunda keberangkatan tiga warga.", "Kantor Imigrasi Jakarta Selatan", None),
    ],
)
def test_a_name_after_a_unit_is_no_part_of_it(nlp: Language, text: str, agency: str | None, person: str | None) -> None:
    doc = nlp(text)
    agencies = [e.text for e in doc.ents if e.label_ == "AGENCY"]
    persons = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert agencies == ([agency] if agency else [])
    assert persons == ([person] if person else [])


# Organisation types beyond the government units: civil society, companies, legislatures, forums,
# municipal police, detention centres, the public broadcaster. Sentences are the team's own.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yayasan Peduli Buruh Migran dan Jaringan Peduli Migran hadir.", [("Yayasan Peduli Buruh Migran", "ngo"), ("Jaringan Peduli Migran", "ngo")]),
        ("Satpol PP Kota Mataram bersama Perkumpulan DAMAR menggelar razia.", [("Satpol PP Kota Mataram", "regional_government"), ("Perkumpulan DAMAR", "ngo")]),
        ("Serikat Buruh Migran Indonesia (SBMI) mendampingi korban.", [("Serikat Buruh Migran Indonesia", "ngo"), ("SBMI", "ngo")]),
        ("Lembaga Bantuan Hukum Sukamaju memberi pendampingan.", [("Lembaga Bantuan Hukum Sukamaju", "ngo")]),
        ("PT Pelabuhan Sukamaju Cabang Nunukan dan Pelindo IV Makassar membantu.", [("PT Pelabuhan Sukamaju Cabang Nunukan", "company"), ("Pelindo IV Makassar", "company")]),
        ("DPRD Kabupaten Garut mengesahkan perda bersama Forkopimda Garut.", [("DPRD Kabupaten Garut", "legislature"), ("Forkopimda Garut", "regional_government")]),
        ("Para deteni Rudenim Pekanbaru dipindahkan.", [("Rudenim Pekanbaru", "immigration_office")]),
        ("Liputan TVRI Kalbar menayangkan acara itu.", [("TVRI Kalbar", "media")]),
        ("Bakesbangpol Garut ikut hadir dalam rapat.", [("Bakesbangpol Garut", "regional_government")]),
        # a capitalised common phrase is no organisation without its head
        ("Peduli Buruh Migran menjadi tema acara itu.", []),
    ],
)
def test_organisation_types(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    doc = nlp(text)
    assert [(e.text, e._.agency_type) for e in doc.ents if e.label_ == "AGENCY"] == expected


def test_a_degree_after_a_unit_marks_a_one_word_name() -> None:
    text = "Hadir antara lain Kepala Bakesbangpol Garut Fauzan, S.IP, dan warga."
    assert _forms(text) == ["Bakesbangpol Garut"]
    assert _forms("Kepala Bakesbangpol Garut Fauzan membuka acara itu.") == ["Bakesbangpol Garut Fauzan"]


@pytest.mark.parametrize(
    ("text", "agency", "org_type", "region", "province"),
    [
        ("Kantor Imigrasi Kelas III Non TPI Kalianda menunda keberangkatan.", "Kantor Imigrasi Kelas III Non TPI Kalianda", "immigration", "18.01", "Lampung"),
        ("Polres Lampung Selatan menangkap dua perekrut.", "Polres Lampung Selatan", "police", "18.01", "Lampung"),
        ("BP3MI Lampung mendata korban.", "BP3MI Lampung", "labour_migrant", "18", "Lampung"),
        ("Dinas Tenaga Kerja Kota Metro membuka posko.", "Dinas Tenaga Kerja Kota Metro", "labour_migrant", "18.72", "Lampung"),
        ("Dinas Sosial Kota Metro membuka posko.", "Dinas Sosial Kota Metro", "government", "18.72", "Lampung"),
        ("Satgas TPPO Polda Lampung dibentuk.", "Satgas TPPO Polda Lampung", "task_force", "18", "Lampung"),
        ("Yayasan Peduli Buruh Migran membuka posko.", "Yayasan Peduli Buruh Migran", "ngo", None, None),
        ("Petugas IOM mendampingi korban.", "IOM", "international", None, None),
        ("Seksi Intelijen dan Penindakan Keimigrasian memeriksa dokumen.", "Seksi Intelijen dan Penindakan Keimigrasian", "immigration", None, None),
    ],
)
def test_org_type_and_served_region(
    text: str, agency: str, org_type: str, region: str | None, province: str | None
) -> None:
    import tppo_extract

    art = tppo_extract.extract(text)
    got = [(e.org_type, e.region_code, e.province) for e in art.entities if e.label == "AGENCY" and e.text == agency]
    assert got == [(org_type, region, province)]


def test_every_fine_type_has_an_org_type() -> None:
    from tppo_extract.components.agencies import _PATTERNS
    from tppo_extract.normalize.agencies import ORG_TYPES, load_agencies, org_type_map

    mapping = org_type_map()
    fine = {kind for _, kind, _ in _PATTERNS} | {e.type for e in load_agencies()}
    assert fine <= set(mapping), fine - set(mapping)
    assert set(mapping.values()) <= ORG_TYPES


_USER_NGO = {"id": "kawan_migran", "name": "Kawan Migran Sukamaju", "aliases": ["KMS"], "type": "ngo"}
_USER_TEXT = "Relawan KMS dan Kawan Migran Sukamaju mendampingi korban bersama BP2MI."


def _agency_ids(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    return [(e.text, e._.agency_id) for e in nlp(text).ents if e.label_ == "AGENCY"]


def test_a_user_adds_an_agency_and_it_is_saved_with_the_pipeline(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import spacy

    import tppo_extract

    nlp = tppo_extract.load(models=False)
    assert ("Kawan Migran Sukamaju", "kawan_migran") not in _agency_ids(nlp, _USER_TEXT)
    nlp.get_pipe("tppo_agencies").add_agencies([_USER_NGO])  # type: ignore[attr-defined]
    found = _agency_ids(nlp, _USER_TEXT)
    assert [f for f in found if f[1] == "kawan_migran"] == [("KMS", "kawan_migran"), ("Kawan Migran Sukamaju", "kawan_migran")]
    nlp.to_disk(tmp_path / "pipe")
    assert _agency_ids(spacy.load(tmp_path / "pipe"), _USER_TEXT) == found


def test_a_user_adds_an_agency_through_the_config() -> None:
    import tppo_extract

    nlp = tppo_extract.load(models=False, overrides={"components.tppo_agencies.extra_agencies": [_USER_NGO]})
    assert ("Kawan Migran Sukamaju", "kawan_migran") in _agency_ids(nlp, _USER_TEXT)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({"id": "bp2mi", "name": "Nama Lain", "type": "ngo"}, "taken"),
        ({"id": "baru", "name": "Badan Baru", "type": "club"}, "unknown type"),
        ({"id": "baru", "name": "Badan Baru", "type": "ngo", "parent": "tidak_ada"}, "unknown parent"),
        ({"id": "baru", "type": "ngo"}, "not valid"),
    ],
)
def test_a_bad_user_agency_is_refused_with_its_reason(entry: dict[str, str], problem: str) -> None:
    import tppo_extract
    from tppo_extract.errors import ConfigError

    nlp = tppo_extract.load(models=False)
    with pytest.raises(ConfigError, match=problem):
        nlp.get_pipe("tppo_agencies").add_agencies([entry])  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "mention", "canonical"),
    [
        # the class in lower case or in digits, TPI spelled out, Jakarta's city offices
        ("Kantor Imigrasi kelas II TPI Sambas menggelar razia.", "Kantor Imigrasi kelas II TPI Sambas", "Kantor Imigrasi Kelas II TPI Sambas"),
        ("Kantor Imigrasi Kelas 2 Non TPI Ende memeriksa dokumen.", "Kantor Imigrasi Kelas 2 Non TPI Ende", "Kantor Imigrasi Kelas II Non TPI Ende"),
        ("Kantor Imigrasi Kelas I Tempat Pemeriksaan Imigrasi Yogyakarta hadir.", "Kantor Imigrasi Kelas I Tempat Pemeriksaan Imigrasi Yogyakarta", "Kantor Imigrasi Kelas I TPI Yogyakarta"),
        ("Petugas Tempat Pemeriksaan Imigrasi (TPI) Entikong memeriksa paspor.", "Tempat Pemeriksaan Imigrasi (TPI) Entikong", "TPI Entikong"),
        ("Suku Dinas Tenaga Kerja Jakarta Timur membuka posko.", "Suku Dinas Tenaga Kerja Jakarta Timur", "Suku Dinas Tenaga Kerja Jakarta Timur"),
        ("Sudin Nakertrans Jakarta Utara membuka posko.", "Sudin Nakertrans Jakarta Utara", None),
    ],
)
def test_name_variants_of_units(text: str, mention: str, canonical: str | None) -> None:
    import tppo_extract

    ents = [e for e in tppo_extract.extract(text).entities if e.label == "AGENCY"]
    assert [e.text for e in ents] == [mention]
    if canonical is not None:
        assert ents[0].canonical == canonical


@pytest.mark.parametrize(
    ("text", "agencies"),
    [
        # a body named inside the title of a numbered regulation is no mention of it acting
        ("Hal itu diatur dalam Peraturan Badan Pelindungan Pekerja Migran Indonesia Nomor 9 Tahun 2020.", []),
        ("Sesuai Surat Edaran Direktorat Jenderal Imigrasi Nomor IMI-0277 Tahun 2017, petugas menunda.", []),
        ("Direktorat Jenderal Imigrasi menerbitkan surat edaran baru pekan lalu.", ["Direktorat Jenderal Imigrasi"]),
        ("Keputusan Kepala Dinas Sosial itu dibacakan di depan warga.", ["Dinas Sosial"]),
    ],
)
def test_bodies_inside_regulation_titles(nlp: Language, text: str, agencies: list[str]) -> None:
    assert [e.text for e in nlp(text).ents if e.label_ == "AGENCY"] == agencies


def test_the_agency_word_lists_hold_their_known_entries() -> None:
    from tppo_extract.components import agencies

    assert {"Gelar", "Pada", "Kombes", "Senin", "Maret"} <= agencies.PLACE_STOP
    assert {"Timur", "Kota"} <= agencies._PLACE_TAIL_WORDS
    assert {"ANTARA", "Google News"} <= agencies.NOT_AGENCIES
    assert "Lembaga[ ]Bantuan[ ]Hukum" in agencies._CIVIL_HEAD
    assert "|Yayasan|" in agencies._OTHER_HEADS


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a word joined to another by a hyphen elsewhere ("Sukamaju-Bahari") is not that word standing alone,
        # so it is no evidence that the name ends in a person's name
        (
            "Penumpang padat di Terminal Sukamaju-Bahari. Petugas TPI Sukamaju Bahari menunda keberangkatan 12 warga.",
            "TPI Sukamaju Bahari",
        ),
        # a site the gazetteer knows is one name, however it is spelt elsewhere
        ("Selama Mei, TPI Soekarno Hatta menunda 12 warga. Bandara Soekarno-Hatta padat.", "TPI Soekarno Hatta"),
    ],
)
def test_a_hyphenated_name_elsewhere_does_not_cut_a_unit_name(text: str, mention: str) -> None:
    assert mention in [text[m.start : m.end] for m in find_agency_mentions(text)]


def test_evidence_answers_as_a_search_of_the_text_around_each_mention() -> None:
    import random

    from tppo_extract.components import agencies as A

    rng = random.Random(2)
    words = ["Belawan", "Budi", "Santoso", "Kantor", "Imigrasi", "Budi-Santoso", "xBudi", "Budiman", ",", ".", "-"]
    checked = found = 0
    for _ in range(600):
        text = "".join(rng.choice(words) + rng.choice([" ", " ", "", "\n", "-"]) for _ in range(rng.randint(3, 40)))
        evidence = A._Evidence(text)
        # cuts anywhere, and at word edges, where a look-around reads across the seam
        edges = [i for i in range(len(text) + 1) if i in (0, len(text)) or (text[i - 1] == " ") != (text[i] == " ")]
        for _ in range(10):
            start = rng.choice(edges) if rng.random() < 0.6 else rng.randrange(len(text))
            end = min(len(text), rng.choice([e for e in edges if e >= start] or [start]) if rng.random() < 0.6
                      else start + rng.randint(0, 20))
            window = rng.choice([3, 10, 40, 10_000])
            lo, hi = max(0, start - window), min(len(text), end + window)
            around = A._Around(lo, start, end, hi, text[lo:start] + " " + text[end:hi])
            literal = rng.choice(["Budi", "Santoso", "Budi Santoso", "Belawan", "Imigrasi"])
            not_after = rng.choice(["", "Kantor", "Budi"])
            pattern, reach = A._whole_words(literal, not_after=not_after, letters_only=rng.random() < 0.3)
            expected = pattern.search(around.rest) is not None
            assert evidence.search(pattern, literal, reach, around) is expected, (text, start, end, window, literal)
            checked += 1
            found += expected
    assert checked == 6000 and 600 < found < 5400


def test_evidence_reads_the_seam_where_the_mention_was_cut_out() -> None:
    from tppo_extract.components import agencies as A

    # "Kantor| Belawan |Budi": in the text "Budi" follows "Belawan"; with the mention cut out it follows "Kantor"
    text = "Kantor Belawan Budi"
    around = A._Around(0, 6, 15, len(text), "Kantor" + " " + "Budi")
    pattern, reach = A._whole_words("Budi", not_after="Kantor")
    assert pattern.search(around.rest) is None
    assert A._Evidence(text).search(pattern, "Budi", reach, around) is False
    pattern, reach = A._whole_words("Budi")
    assert A._Evidence(text).search(pattern, "Budi", reach, around) is True

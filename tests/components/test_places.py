"""PLACE entities: prefixed regions, bare names, countries, sites, and their links."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tppo_extract.components.places import find_bare, find_prefixed, find_sites, place_spans


def places(doc: Doc) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {e.text: (e._.level, e._.region_code, e._.province) for e in doc.ents if e.label_ == "PLACE"}


@pytest.fixture(scope="module")
def bare_nlp() -> Language:
    """Only the tokenizer and tppo_places, so that the AGENCY spans of a test are the only ones."""
    nlp = spacy.blank("id")
    nlp.add_pipe("tppo_places")
    return nlp


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Sosialisasi di Desa Sukamaju, Kecamatan Palas.", ["Desa Sukamaju", "Kecamatan Palas"]),
        ("Warga Kelurahan Alak Kecamatan Alak hadir.", ["Kelurahan Alak", "Kecamatan Alak"]),
        ("Mereka tinggal di Kab. Sanggau sejak lama.", ["Kab. Sanggau"]),
        ("Rapat di KABUPATEN TIMOR TENGAH SELATAN kemarin.", ["KABUPATEN TIMOR TENGAH SELATAN"]),
        ("Program Desa Binaan Imigrasi diluncurkan.", []),
        ("Tim se-Kapanewon hadir di Kapanewon Semin pagi itu.", ["Kapanewon Semin"]),
        ("Ia pulang ke Dusun Karangjati minggu lalu.", ["Dusun Karangjati"]),
        ("Mereka datang dari Kota Layak Anak.", []),
    ],
)
def test_find_prefixed(text: str, mentions: list[str]) -> None:
    assert [text[c.start : c.end] for c in find_prefixed(text)] == mentions


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Pekerja asal Cirebon dan Gunungkidul diberangkatkan.", ["Cirebon", "Gunungkidul"]),
        ("Warga Tanjungpinang dikirim ke Malaysia dan Arab Saudi.", ["Tanjungpinang", "Malaysia", "Arab Saudi"]),
        ("Petugas di NTT dan Sumsel bersiaga.", ["NTT", "Sumsel"]),
        ("Kegiatan di Wilayah Kepri berlangsung lancar.", ["Kepri"]),
        ("BOJONEGORO - Sosialisasi digelar.", ["BOJONEGORO"]),
        # part of a name, a title or an organisation: not a place of its own
        ("Bima Arya hadir dalam acara itu.", []),
        ("Acara dibuka oleh Bupati Bojonegoro kemarin.", []),
        ("Kasus itu ditangani Polres Cirebon.", []),
        # ordinary words and nationalities
        ("Batu itu besar. Puncak acara pukul 10.", []),
        ("Sebanyak 90 pekerja migran Indonesia dicegah berangkat ke Kamboja.", ["Kamboja"]),
        ("Mereka bekerja di Indonesia.", ["Indonesia"]),
    ],
)
def test_find_bare(text: str, mentions: list[str]) -> None:
    assert [text[c.start : c.end] for c in find_bare(text)] == mentions


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Mereka dicegah di Bandara Internasional Soekarno-Hatta.", ["Bandara Internasional Soekarno-Hatta"]),
        (
            "Pemeriksaan di Terminal Keberangkatan Internasional Bandara I Gusti Ngurah Rai.",
            ["Bandara I Gusti Ngurah Rai"],
        ),
        ("Kapal tiba di Pelabuhan Tenau Kupang pagi.", ["Kupang", "Pelabuhan Tenau"]),
        ("Mereka melintas di PLBN Entikong.", ["PLBN Entikong"]),
        ("Mereka melintas lewat Pos Lintas Batas Tradisional.", ["Pos Lintas Batas Tradisional"]),
        ("Petugas Pelabuhan Internasional, katanya.", []),
    ],
)
def test_find_sites(text: str, mentions: list[str]) -> None:
    assert [text[c.start : c.end] for c in find_sites(text)] == mentions


ARTICLE = (
    "Kantor Imigrasi Kelas III Non TPI Kalianda menggelar sosialisasi pencegahan TPPO di Desa Bumidaya, "
    "Kecamatan Palas, Kabupaten Lampung Selatan. Warga diminta waspada terhadap tawaran kerja ke "
    "Kamboja dan Myanmar melalui Bandara Soekarno-Hatta."
)


def test_village_links_to_lampung_and_agency_place_is_skipped(bare_nlp: Language) -> None:
    doc = bare_nlp.make_doc(ARTICLE)
    agency = doc.char_span(0, ARTICLE.index(" menggelar"), label="AGENCY")
    assert agency is not None
    doc.ents = [agency]
    doc = bare_nlp.get_pipe("tppo_places")(doc)
    got = places(doc)
    assert got["Desa Bumidaya"] == ("village", "18.01.10.2013", "Lampung")
    assert got["Kecamatan Palas"] == ("district", "18.01.10", "Lampung")
    assert got["Kabupaten Lampung Selatan"] == ("regency", "18.01", "Lampung")
    assert got["Kamboja"] == ("country", None, None)
    assert got["Bandara Soekarno-Hatta"] == ("site", None, "Banten")
    assert "Kalianda" not in got and [e.label_ for e in doc.ents].count("AGENCY") == 1


def test_canonical_names(bare_nlp: Language) -> None:
    doc = bare_nlp(ARTICLE)
    canon = {e.text: e._.canonical for e in doc.ents}
    assert canon["Desa Bumidaya"] == "Bumi Daya"
    assert canon["Kabupaten Lampung Selatan"] == "Kabupaten Lampung Selatan"
    assert canon["Bandara Soekarno-Hatta"] == "Bandara Internasional Soekarno-Hatta"


def test_claimed_level_kept_when_gazetteer_disagrees(bare_nlp: Language) -> None:
    doc = bare_nlp("Sosialisasi digelar di Kabupaten Kalianda hari ini.")
    assert places(doc) == {"Kabupaten Kalianda": ("regency", None, "Lampung")}


def test_parenthesised_short_form_is_one_place(bare_nlp: Language) -> None:
    doc = bare_nlp("Kantor itu ada di Provinsi Kepulauan Riau (Kepri) dan di Gunungkidul (DIY).")
    assert list(places(doc)) == ["Provinsi Kepulauan Riau", "Gunungkidul", "DIY"]


def test_unlisted_hamlet_takes_the_article_province(bare_nlp: Language) -> None:
    doc = bare_nlp("Warga Dusun Karangjati, Desa Bungkang, Kecamatan Sekayam, Kabupaten Sanggau hadir.")
    assert places(doc)["Dusun Karangjati"] == ("village", None, "Kalimantan Barat")


def test_furniture_is_skipped(bare_nlp: Language) -> None:
    text = "Warga Cirebon hadir. BACA JUGA: Imigrasi Gelar Razia di Kabupaten Sanggau"
    doc = bare_nlp.make_doc(text)
    start = text.index("BACA")
    doc._.zones = [
        {"start": 0, "end": start, "kind": "body", "label": ""},
        {"start": start, "end": len(text), "kind": "furniture", "label": "read_also"},
    ]
    assert [s.text for s in place_spans(doc)] == ["Cirebon"]


def test_dateline_place(bare_nlp: Language) -> None:
    text = "Tanjungpinang (ANTARA) - Imigrasi menolak paspor."
    doc = bare_nlp.make_doc(text)
    doc._.dateline = {"start": 0, "end": 24, "place": {"start": 0, "end": 13}, "outlet": "ANTARA",
                      "date": None, "date_value": None}
    spans = place_spans(doc)
    assert [(s.text, s._.region_code) for s in spans] == [("Tanjungpinang", "21.72")]


def test_link_option_off() -> None:
    nlp = spacy.blank("id")
    nlp.add_pipe("tppo_places", config={"link": False})
    doc = nlp("Mereka tiba di Kota Kupang.")
    assert [(e.text, e._.region_code, e._.level) for e in doc.ents] == [("Kota Kupang", None, None)]


def test_full_pipeline(nlp: Language) -> None:
    doc = nlp(ARTICLE)
    got = places(doc)
    assert got["Desa Bumidaya"][1] == "18.01.10.2013"
    assert all(text[ent.start_char : ent.end_char] == ent.text for text in [ARTICLE] for ent in doc.ents)
    assert not any("Kalianda" == e.text for e in doc.ents if e.label_ == "PLACE")


def test_round_trip(tmp_path: object, bare_nlp: Language) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "nlp"
    bare_nlp.to_disk(path)
    again = spacy.load(path)
    assert places(again(ARTICLE)) == places(bare_nlp(ARTICLE))


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # an amount's currency right after a name ends the name
        ("Kiriman uang dari Kuwait US$25 juta dan dari Taiwan US$10 juta tahun ini.", ["Kuwait", "Taiwan"]),
        ("Kiriman uang dari Kuwait Rp25 miliar dan dari Jepang Rp 10 miliar.", ["Kuwait", "Jepang"]),
        ("Gaji pekerja di Malaysia RM 1.500 sebulan, di Singapura S$ 900.", ["Malaysia", "Singapura"]),
        ("Harga cabai di Garut Rp20.000 per kilogram.", ["Garut"]),
        # "negara X" is the country; "warga negara X" a nationality
        ("Tujuan mereka adalah negara Kamboja dan Laos.", ["Kamboja", "Laos"]),
        ("Mereka dikirim ke Negara Kamboja lewat Thailand.", ["Kamboja", "Thailand"]),
        ("Dua warga negara Kamboja ditangkap di Batam.", ["Batam"]),
        ("Sebanyak 30 warga negara Indonesia dipulangkan pekan ini.", []),
    ],
)
def test_bare_names_next_to_amounts_and_after_negara(nlp: Language, text: str, places: list[str]) -> None:
    doc = nlp(text)
    assert [e.text for e in doc.ents if e.label_ == "PLACE"] == places


def test_places_carry_their_country_code(nlp: Language) -> None:
    doc = nlp("Warga Desa Bumidaya, Kabupaten Lampung Selatan, dikirim ke Phnom Penh, Kamboja, lewat Malaysia.")
    got = {e.text: e._.country_code for e in doc.ents if e.label_ == "PLACE"}
    assert got == {
        "Desa Bumidaya": "ID",
        "Kabupaten Lampung Selatan": "ID",
        "Phnom Penh": "KH",
        "Kamboja": "KH",
        "Malaysia": "MY",
    }


@pytest.mark.parametrize(
    ("text", "site"),
    [
        # village and district offices, village halls and police headquarters are buildings: sites
        ("Sosialisasi digelar di Kantor Desa Sukamaju, Kecamatan Palas.", "Kantor Desa Sukamaju"),
        ("Warga berkumpul di Balai Desa Bumidaya untuk mendengar penjelasan petugas.", "Balai Desa Bumidaya"),
        ("Rapat berlangsung di Mapolres Flores Timur pada Senin.", "Mapolres Flores Timur"),
        ("Pelaku dibawa ke Mapolda Sukamaju untuk diperiksa.", "Mapolda Sukamaju"),
    ],
)
def test_office_buildings_are_sites(nlp: Language, text: str, site: str) -> None:
    doc = nlp(text)
    assert (site, "site") in [(e.text, e._.level) for e in doc.ents if e.label_ == "PLACE"]
    assert site not in [e.text for e in doc.ents if e.label_ == "AGENCY"]


def test_the_place_word_lists_hold_their_known_entries() -> None:
    from tppo_extract.components import places
    from tppo_extract.normalize.places import place_key

    assert places._SITE_WORDS.index("Bandara Internasional") < places._SITE_WORDS.index("Bandara")
    assert {"Pelabuhan", "PLBN", "Aula"} <= set(places._SITE_WORDS)
    for words, expected in [
        (places.TRANSPORT_SITES, ["Bandara", "Stasiun"]),
        (places.GENERIC_SITE_WORDS, ["Internasional", "Rapat"]),
        (places.NAME_BREAKERS, ["Binaan", "Kecamatan", "Senin", "Kab"]),
        (places.SITE_BREAKERS, ["Keberangkatan", "Binaan"]),
        (places.ORG_HEADS, ["Polres", "Bupati"]),
        (places.LEADING_OK, ["Wilayah"]),
        (places.COUNTRY_ADJ_HEADS, ["migran", "timnas"]),
    ]:
        assert {place_key(w) for w in expected} <= words


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a lower-case noun of area makes a district or village name a place
        ("Polisi menggerebek ruko di kawasan Batu Aji pada malam itu.", ["Batu Aji"]),
        ("Sosialisasi digelar bagi warga daerah Pasir Putih dan sekitarnya.", ["Pasir Putih"]),
        # without the cue, or with a name the gazetteer lacks, nothing
        ("Batu Aji menjadi nama toko itu.", []),
        ("Ia tinggal di kawasan Industri baru.", []),
    ],
)
def test_places_after_a_noun_of_area(text: str, names: list[str]) -> None:
    from tppo_extract.components.places import find_cued

    assert [c.name for c in find_cued(text)] == names


@pytest.mark.parametrize(
    ("text", "site", "agency"),
    [
        # after "di" an office is the building where something happens; the body keeps its other mentions
        ("Pencegahan TPPO dibahas dalam rapat di Kanim Sukamaju, Senin.", "Kanim Sukamaju", None),
        ("Warga antre di Kantor Imigrasi Sukamaju sejak pagi.", "Kantor Imigrasi Sukamaju", None),
        # a checkpoint unit is its crossing point after "melalui"; an office after "melalui" is a means
        ("Mereka hendak berangkat melalui TPI Bahari menuju Malaysia.", "TPI Bahari", None),
        ("Permohonan diajukan melalui Kantor Imigrasi Sukamaju.", None, "Kantor Imigrasi Sukamaju"),
        ("Kantor Imigrasi Sukamaju menolak 40 permohonan paspor.", None, "Kantor Imigrasi Sukamaju"),
    ],
)
def test_an_office_after_a_preposition_of_place_is_a_site(
    nlp: Language, text: str, site: str | None, agency: str | None
) -> None:
    doc = nlp(text)
    sites = [(e.text, e._.level, e._.agency_type) for e in doc.ents if e.label_ == "PLACE"]
    agencies = [e.text for e in doc.ents if e.label_ == "AGENCY"]
    if site is not None:
        assert (site, "site", None) in sites
        assert site not in agencies
    if agency is not None:
        assert agency in agencies
        assert agency not in [s[0] for s in sites]


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # schools are named by a number, with the town that belongs to the name or without one
        ("Sosialisasi digelar di SMKN 7 pada Kamis.", ["SMKN 7"]),
        ("Siswa SMA Negeri 1 Sukamaju mengikuti penyuluhan.", ["SMA Negeri 1 Sukamaju"]),
        ("Petugas datang ke SD 3, SDN 12 dan MTsN 2.", ["SD 3", "SDN 12", "MTsN 2"]),
        ("Penyuluhan di SMPN 2 Kota Bahari.", ["SMPN 2"]),  # the region's own prefix starts a place of its own
        # a year or an amount after the word is no school number
        ("Lulusan SMA 2019 banyak merantau; SMA 1,5 kilometer dari sini.", []),
        # halls and official residences are venues
        ("Penandatanganan berlangsung di Lobby Wira Bhakti, Mapolda Sukamaju.", ["Lobby Wira Bhakti", "Mapolda Sukamaju"]),
        ("Rapat digelar di Pendopo Agung Sukamaju.", ["Pendopo Agung Sukamaju"]),
    ],
)
def test_find_numbered_sites_and_venues(text: str, mentions: list[str]) -> None:
    assert sorted(text[c.start : c.end] for c in find_sites(text)) == sorted(mentions)


def test_cued_names_are_found_at_the_cue_words_as_at_every_position() -> None:
    import random

    from tppo_extract.components import places as P
    from tppo_extract.normalize.places import gazetteer, place_key, stoplist

    def every_position(text: str) -> list[P.PlaceCandidate]:
        # the definition: the cue pattern tried at every position of the text
        out = []
        for m in P._CUED_RE.finditer(text, overlapped=True):
            if place_key(m.group("cue")) not in P.LOCATIVE_CUES:
                continue
            words = P._name_words(m.group("name"))
            for n in range(len(words), 0, -1):
                key = place_key(" ".join(words[:n]))
                if key in gazetteer().by_key and key not in stoplist():
                    start = m.start("name")
                    end = start + P._offset_of_words(m.group("name"), n)
                    out.append(P.PlaceCandidate(start, end, " ".join(words[:n]), "cued", None))
                    break
        return out

    rng = random.Random(11)
    cues = ["kawasan", "daerah", "wilayah", "sekitar", "di", "warga", "kawasanku"]
    names = ["Batu Aji", "Pasir Putih", "Sukamaju", "Tanjung Uncang", "Sagulung", "Bumi", "ABC", "Kota Batam"]
    glue = [" ", "  ", "\t", ", ", ". ", "-", "\n", "x", "5", "É", "_"]
    found = 0
    for _ in range(400):
        pieces = [
            rng.choice([f"{rng.choice(cues)}{rng.choice([' ', '  ', chr(9)])}{rng.choice(names)}", rng.choice(glue)])
            for _ in range(20)
        ]
        text = "".join(pieces)
        assert P.find_cued(text) == every_position(text), text
        found += len(P.find_cued(text))
    assert found > 50
